"""SQLite's failures of the disk or the file, named truly in one line.

A full disk, an I/O error, a read-only file, a locked or damaged file: the connections of a
desk (:class:`DeskConnection`) turn these into a :class:`StorageError` whose message says which
file and what happened ("ổ đĩa đã đầy" is not "tệp bị hỏng"). Errors that are about the data
(constraints), which services handle themselves, pass through unchanged.

Rows fetched by iterating a cursor are not wrapped (the cost would fall on every row); the
statement itself, ``fetchone/fetchmany/fetchall`` and every ``COMMIT`` are.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from meetingdesk.domain.errors import StorageError
from meetingdesk.domain.messages import Message, message

_CAUSES: tuple[tuple[str, Message], ...] = (
    ("SQLITE_FULL", message("failures.disk_full")),
    ("SQLITE_IOERR", message("failures.io_error")),
    ("SQLITE_READONLY", message("failures.file_read_only")),
    ("SQLITE_CANTOPEN", message("failures.cannot_open")),
    ("SQLITE_PERM", message("failures.permission")),
    ("SQLITE_BUSY", message("failures.busy_writing")),
    ("SQLITE_LOCKED", message("failures.locked")),
    ("SQLITE_CORRUPT", message("failures.damaged")),
    ("SQLITE_NOTADB", message("failures.damaged")),
    ("SQLITE_NOMEM", message("failures.out_of_memory")),
    ("SQLITE_PROTOCOL", message("failures.busy")),
)


FULL_BELOW = 1 << 20
"""An I/O error with less free space than this on the desk's disk is taken for a full disk:
SQLite reports running out of space as an I/O error in some places (growing -shm, fsync)."""


def _nearly_full(path: Path | str) -> bool:
    try:
        return shutil.disk_usage(Path(path).parent).free < FULL_BELOW
    except OSError:
        return False


_OS_CAUSES = {errno.ENOSPC: "SQLITE_FULL", errno.EDQUOT: "SQLITE_FULL", errno.EIO: "SQLITE_IOERR",
              errno.EROFS: "SQLITE_READONLY", errno.EACCES: "SQLITE_PERM",
              errno.EPERM: "SQLITE_PERM"}


def os_error_words(exc: OSError) -> Message:
    """What a failed plain file write means: the same words as SQLite's failures ("ổ đĩa đã
    đầy"), else the system's own text."""
    cause = _OS_CAUSES.get(exc.errno or 0)
    for prefix, words in _CAUSES:
        if prefix == cause:
            return words
    return message("common.verbatim", text=exc.strerror or str(exc))


def os_storage_error(key: str, exc: OSError, path: Path | str) -> StorageError:
    """The :class:`StorageError` ``key`` for a failed plain file operation on a desk's file:
    :func:`os_error_words`, and SQLite's family of the cause ("SQLITE_FULL" for a full
    disk)."""
    return StorageError(key, path=path, words=os_error_words(exc),
                        cause=_OS_CAUSES.get(exc.errno or 0, ""))


def storage_error(exc: sqlite3.Error, path: Path | str) -> StorageError | None:
    """The :class:`StorageError` for a failure of the disk or the file, else ``None``."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_IOERR") and _nearly_full(path):
        name = "SQLITE_FULL"
    for prefix, words in _CAUSES:
        if name.startswith(prefix):
            return StorageError("failures.storage", path=path, words=words, cause=prefix)
    return None


class DeskCursor(sqlite3.Cursor):
    """A cursor whose statements and fetches report failures of the disk as StorageError."""

    def _fail(self, exc: sqlite3.Error) -> BaseException:
        conn = self.connection
        translated = storage_error(exc, getattr(conn, "desk_path", "?"))
        return translated if translated is not None else exc

    def execute(self, sql: str, parameters: Any = (), /) -> DeskCursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    def executemany(self, sql: str, seq_of_parameters: Iterable[Any], /) -> DeskCursor:
        try:
            return super().executemany(sql, seq_of_parameters)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    def executescript(self, sql_script: str, /) -> DeskCursor:
        try:
            return super().executescript(sql_script)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        try:
            return super().fetchmany(size if size is not None else self.arraysize)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc


class DeskConnection(sqlite3.Connection):
    """The connection of a desk: every statement goes through a :class:`DeskCursor`."""

    desk_path: Path | str = "?"

    def cursor(self, factory: Any = DeskCursor) -> Any:  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> DeskCursor:  # type: ignore[override]
        cursor: DeskCursor = self.cursor()
        return cursor.execute(sql, parameters)

    def executemany(self, sql: str,  # type: ignore[override]
                    parameters: Iterable[Any], /) -> DeskCursor:
        cursor: DeskCursor = self.cursor()
        return cursor.executemany(sql, parameters)

    def executescript(self, sql_script: str, /) -> DeskCursor:  # type: ignore[override]
        cursor: DeskCursor = self.cursor()
        return cursor.executescript(sql_script)

    def commit(self) -> None:
        try:
            super().commit()
        except sqlite3.Error as exc:
            translated = storage_error(exc, self.desk_path)
            raise (translated or exc) from exc
