"""Real media for tests: a small tmpfs (a disk that fills up), remounted read-only (a
read-only medium), and running a command as a user who may not write a file. Each needs root
(mount, setpriv); without it the caller falls back or skips."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NOBODY = 65534


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def tmpfs(size: str) -> Iterator[Path]:
    """A fresh tmpfs of ``size`` (e.g. ``"4m"``); skips the test where none can be mounted."""
    folder = Path(tempfile.mkdtemp(prefix="md-tmpfs-"))
    mounted = shutil.which("mount") is not None and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
        capture_output=True).returncode == 0
    if not mounted:
        folder.rmdir()
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        folder.rmdir()


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


def fill(folder: Path, *, leave: int = 0) -> None:
    """Fill the filesystem of ``folder`` up to ``leave`` bytes free."""
    free = shutil.disk_usage(folder).free - leave
    with open(folder / "filler", "wb") as f:
        while free > 0:
            chunk = min(free, 1 << 20)
            try:
                f.write(b"\0" * chunk)
                f.flush()
            except OSError:
                break
            free -= chunk


def as_nobody() -> list[str]:
    """A command prefix that runs as a user with no write permission on root's files."""
    if not is_root() or shutil.which("setpriv") is None:
        return []
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def open_to_others(*paths: Path) -> bool:
    """Whether another user can reach each of ``paths``: every folder above it lets others
    through. A checkout under a private folder (``mktemp -d`` makes one) cannot be run as
    another user, whatever the program does."""
    return all(os.stat(folder).st_mode & 0o001
               for path in paths for folder in Path(path).absolute().parents)
