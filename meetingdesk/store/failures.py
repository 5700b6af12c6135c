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

_CAUSES: tuple[tuple[str, str, str], ...] = (
    ("SQLITE_FULL", "ổ đĩa đã đầy", "the disk is full"),
    ("SQLITE_IOERR", "lỗi đọc/ghi ổ đĩa", "a disk read/write error"),
    ("SQLITE_READONLY", "tệp chỉ đọc, không ghi được", "the file is read-only"),
    ("SQLITE_CANTOPEN", "không mở được tệp hoặc tệp nhật ký bên cạnh nó",
     "the file or its journal beside it cannot be opened"),
    ("SQLITE_PERM", "không có quyền truy cập tệp", "access to the file is not permitted"),
    ("SQLITE_BUSY", "tệp đang bận (một chương trình khác đang ghi); hãy thử lại",
     "the file is busy (another program is writing it); try again"),
    ("SQLITE_LOCKED", "tệp đang bị khóa; hãy thử lại", "the file is locked; try again"),
    ("SQLITE_CORRUPT", "tệp bị hỏng; hãy chạy “meetingdesk check”",
     "the file is damaged; run “meetingdesk check”"),
    ("SQLITE_NOTADB", "tệp bị hỏng; hãy chạy “meetingdesk check”",
     "the file is damaged; run “meetingdesk check”"),
    ("SQLITE_NOMEM", "không đủ bộ nhớ", "out of memory"),
    ("SQLITE_PROTOCOL", "tệp đang bận; hãy thử lại", "the file is busy; try again"),
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


def os_error_words(exc: OSError) -> tuple[str, str]:
    """What a failed plain file write means, in Vietnamese and English: the same words as
    SQLite's failures ("ổ đĩa đã đầy"), else the system's own text."""
    cause = _OS_CAUSES.get(exc.errno or 0)
    for prefix, vi, en in _CAUSES:
        if prefix == cause:
            return vi, en
    text = exc.strerror or str(exc)
    return text, text


def storage_error(exc: sqlite3.Error, path: Path | str) -> StorageError | None:
    """The :class:`StorageError` for a failure of the disk or the file, else ``None``."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_IOERR") and _nearly_full(path):
        name = "SQLITE_FULL"
    for prefix, vi, en in _CAUSES:
        if name.startswith(prefix):
            return StorageError(
                f"Lỗi tệp dữ liệu {path}: {vi}. Thao tác vừa rồi không được thực hiện; "
                "dữ liệu đã lưu trước đó vẫn nguyên vẹn.",
                f"Desk file {path}: {en}. The last operation was not carried out; the data "
                "saved before it is intact.",
                cause=prefix,
            )
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
