"""Making a folder's entries survive a power cut: a file just created, renamed or replaced is
on the disk with its data only once its folder has been flushed too."""

from __future__ import annotations

import os
from pathlib import Path


def sync_folder(folder: Path) -> None:
    """Flush ``folder``'s entries to the disk where the platform and the file system allow it
    (not on Windows, which cannot open a folder; some network and FUSE file systems refuse
    it): as SQLite does, a folder that cannot be flushed is left as it is."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
