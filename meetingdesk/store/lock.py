"""One program per desk file: an OS lock on a file beside the desk.

The operating system drops the lock when the process ends, however it ends, so a lock left
by a crash or a power cut never blocks the next start. The lock file records who holds it,
for the message shown to a second program.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from pathlib import Path
from typing import IO

from meetingdesk.domain.errors import ConflictError


def lock_path_for(desk_path: Path) -> Path:
    return desk_path.with_name(desk_path.name + ".lock")


LOCK_OFFSET = 1 << 20
"""Windows locks a byte range and refuses reads of it; the byte locked lies far past the
holder's description at the start of the file, which a second program reads."""


def _try_lock(f: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            f.seek(LOCK_OFFSET)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


class DeskInUseError(ConflictError):
    """The desk is open in another program. The message says so in words a secretary reads;
    ``holder`` ("pid 7820 @ vm") names the program for the logs and the command line."""

    def __init__(self, desk_path: Path, holder: str) -> None:
        host = holder.rpartition(" @ ")[2] if " @ " in holder else ""
        elsewhere = bool(host) and host != socket.gethostname()
        super().__init__("lock.open_elsewhere" if elsewhere else "lock.open_here",
                         name=desk_path.name, host=host)
        self.holder = holder


class DeskLock:
    """Held while a program has a desk open; :meth:`acquire` refuses a second holder."""

    def __init__(self, desk_path: Path) -> None:
        self.path = lock_path_for(desk_path)
        self.desk_path = desk_path
        self.read_only = False
        """Set by :meth:`acquire` when the desk's folder cannot hold a lock file."""
        self._file: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock; refuse (:class:`ConflictError`) when another program holds it.

        Where no lock file can be made beside an existing desk (a read-only medium, a folder
        the user may not write), no program can write that desk either: it will be opened
        read-only, and several programs may read it, so there is no lock to take."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and self.desk_path.is_file():
                self.read_only = True
                return
            raise
        f = os.fdopen(fd, "r+b")
        if not _try_lock(f):
            try:
                f.seek(0)
                holder = f.read(200).decode("utf-8", "replace").strip() or "?"
            except OSError:
                holder = "?"
            f.close()
            raise DeskInUseError(self.desk_path, holder)
        f.seek(0)
        f.truncate()
        f.write(f"pid {os.getpid()} @ {socket.gethostname()}".encode())
        f.flush()
        self._file = f

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def __enter__(self) -> DeskLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
