"""Writing a user's file atomically: a temporary file in the same folder, fsync, then
``os.replace``. An error (a full disk, a missing folder, a crash) never leaves a half file, and
an existing file stays as it was. Used by the minutes export and by every exchange export."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from meetingdesk.domain.errors import DeskFileError, MeetingDeskError
from meetingdesk.store.desk import holds_desk_file, is_sqlite_file
from meetingdesk.store.durable import sync_folder
from meetingdesk.store.failures import os_error_words

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` for the caller to write; when the block ends
    without error it replaces ``path`` in one step. On any error the temporary file is removed
    and ``path`` stays as it was; an :class:`OSError` becomes a :class:`MeetingDeskError`
    that says which file could not be written. A desk file or any other SQLite database
    (or its -wal/-shm) is never replaced: that is refused with :class:`DeskFileError`."""
    path = Path(path)
    refuse_database_target(path)
    tmp: str | None = None
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
        os.chmod(tmp, mode)
        yield Path(tmp)
        with open(tmp, "r+b") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
        sync_folder(path.parent)
    except OSError as exc:
        raise MeetingDeskError("files.cannot_write", path=path, words=os_error_words(exc)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def refuse_plain_read(path: str | Path) -> None:
    """Refuse to read ``path`` as an ordinary file when it is a desk this process holds open
    (or its -wal/-shm): one ``open()``/``close()`` of it would drop the connection's locks,
    and another program could then delete the WAL still being written. Decided by inode
    without opening anything; call it before any ``open()`` of a file the user chose."""
    if holds_desk_file(Path(path)):
        raise DeskFileError("files.desk_open_not_readable", path=path)


def refuse_database_target(path: Path) -> None:
    """Refuse an export whose target is a desk (open or not), any SQLite database, or the
    -wal/-shm of one: an export must never replace data."""
    if is_sqlite_file(path):
        raise DeskFileError("files.target_is_database", path=path)


def write_atomically(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step, or leave everything as it was."""
    with replacing(path) as tmp:
        tmp.write_bytes(data)
    logger.info("Wrote %s (%d bytes)", path, len(data))
