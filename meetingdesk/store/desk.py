"""Opening a desk file: checks before anything is written, PRAGMAs, migrations.

A desk is one SQLite file. A file that is missing (when not asked to create it), not SQLite,
truncated, damaged, another program's or written by a newer MeetingDesk is refused with a
:class:`DeskFileError` and never modified.
"""

from __future__ import annotations

import logging
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.domain.text import fold
from meetingdesk.store.backup import backup_connection, backup_name
from meetingdesk.store.migrations import (
    APPLICATION_ID,
    KNOWN_MIGRATIONS,
    MIGRATION_SET,
    SCHEMA_VERSION,
    migrations,
)
from meetingdesk.store.replica import bind as bind_replica
from meetingdesk.store.replica import file_identity
from meetingdesk.store.sealing import seal_before_close

logger = logging.getLogger(__name__)

_MAGIC = b"SQLite format 3\x00"


@dataclass
class Desk:
    """An open desk file. Writes go through :meth:`transaction`."""

    path: Path
    db: Database
    read_only: bool = False

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic unit of work; nested calls become savepoints."""
        with self.db.atomic():
            yield self.db

    def close(self) -> None:
        if not self.read_only:
            seal_before_close(self.db)
        self.db.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _damaged(path: Path, why_vi: str, why_en: str) -> DeskFileError:
    return DeskFileError(
        f"Không mở được tệp {path}: {why_vi}. Tệp không bị thay đổi.",
        f"Cannot open {path}: {why_en}. The file was not changed.",
    )


def inspect_header(path: Path) -> None:
    """Refuse a file that is not an intact SQLite database, reading only its header."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise _damaged(path, f"không đọc được ({exc.strerror})",
                       f"unreadable ({exc.strerror})") from None
    if size == 0:
        return
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise _damaged(path, "đây không phải tệp dữ liệu MeetingDesk",
                       "this is not a MeetingDesk desk file")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    wal = path.with_name(path.name + "-wal")
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        raise _damaged(path, "tệp bị hỏng (kích thước không hợp lệ)",
                       "the file is damaged (invalid size)")
    if valid_for == change_counter and pages and size < pages * page_size and not wal.exists():
        raise _damaged(path, "tệp bị cắt cụt (thiếu dữ liệu ở cuối)",
                       "the file is truncated (data missing at the end)")


def _register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("md_fold", 1, lambda s: fold(s) if s is not None else None,
                         deterministic=True)


def _untouched_uri(path: Path) -> str:
    """A read-only URI that creates nothing beside the file.

    Even a read-only connection creates the -wal and -shm files of a WAL-mode file; when there
    is no -wal file (no writer, nothing to recover), the file is read as immutable instead.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return uri if path.with_name(path.name + "-wal").exists() else uri + "&immutable=1"


def _read_state(path: Path) -> tuple[int, int, set[str], bool]:
    """application_id, user_version, applied migrations, has tables — read-only."""
    conn = sqlite3.connect(_untouched_uri(path), uri=True)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {
                r[0] for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    (MIGRATION_SET,),
                )
            }
        return app_id, version, applied, bool(tables)
    finally:
        conn.close()


def check_openable(path: Path) -> bool:
    """Check an existing file before opening it for writing. Returns whether it holds data."""
    inspect_header(path)
    try:
        app_id, version, applied, has_tables = _read_state(path)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, f"tệp bị hỏng ({exc})", f"the file is damaged ({exc})") from None
    if has_tables and app_id != APPLICATION_ID:
        raise _damaged(path, "đây là tệp SQLite của chương trình khác",
                       "this SQLite file belongs to another program")
    if version > SCHEMA_VERSION or not applied <= KNOWN_MIGRATIONS:
        raise DeskFileError(
            f"Tệp {path} được tạo bởi phiên bản MeetingDesk mới hơn (lược đồ {version}, "
            f"phiên bản này đọc tới {SCHEMA_VERSION}). Hãy cập nhật MeetingDesk. "
            "Tệp không bị thay đổi.",
            f"{path} was written by a newer MeetingDesk (schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}). Please update MeetingDesk. The file was not changed.",
        )
    return has_tables


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10)
    conn.execute("PRAGMA busy_timeout = 10000")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        conn.close()
        raise _damaged(path, "không bật được chế độ WAL", "cannot enable WAL mode")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    _register_functions(conn)
    return conn


def open_desk(path: str | Path, *, create: bool = True, read_only: bool = False) -> Desk:
    """Open (or create) a desk file, migrating it to the current schema.

    ``read_only`` opens without writing anything, for checks and reports; such a desk must
    already be at the current schema.
    """
    path = Path(path)
    if path.is_dir():
        raise _damaged(path, "đây là một thư mục", "it is a folder")
    exists = path.exists()
    if not exists and (read_only or not create):
        raise DeskFileError(f"Không tìm thấy tệp {path}.", f"File not found: {path}.")
    has_data = check_openable(path) if exists else False
    identity = file_identity(path) if exists else None  # before any connection: os.stat only
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        _register_functions(conn)
        desk = Desk(path=path, db=Database(conn, execute_plugins=False), read_only=True)
        if migrations.pending(desk.db):
            desk.close()
            raise DeskFileError(
                f"Tệp {path} dùng lược đồ cũ; hãy mở nó bằng MeetingDesk để nâng cấp.",
                f"{path} uses an older schema; open it in MeetingDesk to upgrade it.",
            )
        return desk
    try:
        conn = _connect(path)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, f"lỗi SQLite ({exc})", f"SQLite error ({exc})") from None
    db = Database(conn, execute_plugins=False)
    try:
        _migrate(path, conn, db, has_data)
        bind_replica(db, identity or file_identity(path))
    except BaseException:
        conn.close()
        raise
    logger.info("Opened %s", path)
    return Desk(path=path, db=db)


def _migrate(path: Path, conn: sqlite3.Connection, db: Database, has_data: bool) -> None:
    pending = migrations.pending(db)
    if pending:
        if has_data:
            backup_connection(conn, backup_name(path, "before-migration"))
        logger.info("Applying %d migration(s) to %s", len(pending), path)
        # Marked as a desk before any table exists: a first opening cut short (kill, power
        # cut) must not leave a file that looks like another program's.
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(db)
    # Also completes the version of a file whose migrations were applied but not recorded here.
    if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
