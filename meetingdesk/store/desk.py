"""Opening a desk file: checks before anything is written, PRAGMAs, migrations.

A desk is one SQLite file. A file that is missing (when not asked to create it), empty, not
SQLite, truncated, damaged, another program's, written by a newer MeetingDesk, or holding
schema objects MeetingDesk did not create is refused with a :class:`DeskFileError` and never
modified. A desk that this process may not write (a read-only medium, a file the user may not
write) opens read-only: reading works, every transaction is refused with one line.

**One owner of the desk file per process.** POSIX advisory locks belong to the process, and
closing *any* descriptor of a file drops all of them: one ``open()``/``close()`` of the desk
or its ``-shm`` by plain file I/O while a SQLite connection to it is open in this
process silently releases that connection's locks, and another program closing its own
connection then believes it is the last one, checkpoints and deletes the WAL that this process
is still writing to (SQLite's "How To Corrupt An SQLite Database File", section 2.2). So:

* the header of the file is read with plain file I/O only before the first connection to it
  in this process (:func:`inspect_header` refuses otherwise; :func:`holds_connection` tells);
* every other check (identity, version, schema) goes through SQLite itself, whose own file
  handles share the process's locks correctly;
* nothing else in the program opens these files: copies go through SQLite's backup API. The
  one exception is the ``-wal``, on which SQLite takes no lock (its locks are on the desk
  file and the ``-shm``): the window's upkeep opens it to flush it to the disk
  (:func:`meetingdesk.store.upkeep.flush_wal`).

``tests/store/test_one_owner.py`` fails if any path of the program breaks this rule.
"""

from __future__ import annotations

import importlib
import logging
import os
import sqlite3
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from meetingdesk.domain.errors import DeskFileError, ReadOnlyDeskError
from meetingdesk.domain.messages import Joined, Message, message
from meetingdesk.domain.text import fold
from meetingdesk.store.backup import backup_connection, backup_name, untouched_uri
from meetingdesk.store.expected_schema import differences
from meetingdesk.store.failures import DeskConnection, storage_error
from meetingdesk.store.immediate import immediate
from meetingdesk.store.integrity import Cancel
from meetingdesk.store.migrations import (
    APPLICATION_ID,
    KNOWN_MIGRATIONS,
    MIGRATION_SET,
    SCHEMA_VERSION,
    migration_set,
)
from meetingdesk.store.replica import bind as bind_replica
from meetingdesk.store.replica import file_identity, leave_mark, went_back
from meetingdesk.store.sealing import seal_before_close
from meetingdesk.store.write_gate import WriteGate, gate_of, hold_writes
from meetingdesk.store.write_gate import drop as drop_gate

if TYPE_CHECKING:
    from sqlite_utils import Database

logger = logging.getLogger(__name__)

_MAGIC = b"SQLite format 3\x00"
MAX_NAMED_OBJECTS = 8
"""How many unexpected schema objects a refusal names before "and N more"."""

CACHE_KIB = 32 * 1024
"""The page cache of a desk connection (KiB; SQLite's default is 2 MiB). A desk's records
are keyed by random global ids, so the pages a round of imports touches lie all over the
file: with 2 MiB, once the desk had outgrown it every import read its pages from the file
again (read calls per 34-site round +34 % for the first round and +93 % for the second over
a year, the same SQLite work), and the rounds took longer as the desk grew. 32 MiB holds a
year of 34 provinces whole; it is memory used only as pages are read."""

PAGE_SIZE = 8192
"""The page size of a new desk. A record's revision state is stored as a row of about 1 KB
in ``sync_state`` (a WITHOUT ROWID table): on 4 KB pages such a row is more than SQLite
keeps on a leaf page of that kind (about 1,000 bytes), so nearly every row spilled its last
half-kilobyte into an overflow page of its own — three quarters of a desk's file were empty
overflow space, every state read two scattered pages, and every backup copied the lot. On
8 KB pages the rows stay whole on their leaf pages: a desk of a year of 34 provinces is
about 2.6 times smaller. An existing desk keeps the page size it was made with."""

_held: dict[tuple[int, int], int] = {}
"""Open connections of this process per desk file, by (device, inode)."""
_held_lock = threading.Lock()


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # stat opens no descriptor: it cannot drop a lock
    except OSError:
        return None
    return st.st_dev, st.st_ino


def holds_connection(path: Path) -> bool:
    """Whether this process has a connection open to the desk file at ``path``."""
    key = _file_key(path)
    with _held_lock:
        return key is not None and _held.get(key, 0) > 0


_SIDE_FILES = ("-wal", "-shm", "-journal")


def _desk_of(path: Path) -> Path:
    """The desk a side file (``x.db-wal``, ``-shm``, ``-journal``) belongs to, else ``path``."""
    for suffix in _SIDE_FILES:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            return path.with_name(path.name[: -len(suffix)])
    return path


def holds_desk_file(path: Path) -> bool:
    """Whether ``path`` is a desk this process holds open, or that desk's -wal/-shm/-journal.

    Decided by inode through ``stat`` alone, so asking can never drop a lock."""
    path = Path(path)
    return holds_connection(path) or holds_connection(_desk_of(path))


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` is a desk this process holds, or any SQLite database: a held one by
    inode (without opening it), otherwise by its -wal/-shm beside it or by its 16-byte header.
    """
    path = Path(path)
    if holds_desk_file(path):
        return True
    if _desk_of(path) != path and _has_sqlite_header(_desk_of(path)):
        return True
    if any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm")):
        return True
    return _has_sqlite_header(path)


def _has_sqlite_header(path: Path) -> bool:
    """Only for files this process does not hold (checked by the caller first)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == _MAGIC
    except OSError:
        return False


def _hold(path: Path) -> tuple[int, int] | None:
    key = _file_key(path)
    if key is not None:
        with _held_lock:
            _held[key] = _held.get(key, 0) + 1
    return key


def _release(key: tuple[int, int] | None) -> None:
    if key is None:
        return
    with _held_lock:
        left = _held.get(key, 0) - 1
        if left > 0:
            _held[key] = left
        else:
            _held.pop(key, None)
            drop_gate(key)


class WorkCancelled(Exception):
    """Work on a connection stopped because it was cancelled (its transaction rolled
    back)."""


@dataclass
class Desk:
    """An open desk file. Writes go through :meth:`transaction`."""

    path: Path
    conn: DeskConnection
    """The connection; reads run their SQL on it."""
    read_only: bool = False
    _key: tuple[int, int] | None = field(default=None, repr=False, compare=False)
    _stop: Cancel | None = field(default=None, repr=False, compare=False)
    _flush: Callable[[], None] | None = field(default=None, repr=False, compare=False)
    _db: Database | None = field(default=None, repr=False, compare=False)
    _closed: bool = field(default=False, repr=False, compare=False)

    @property
    def db(self) -> Database:
        """The desk through sqlite-utils, on the same connection, made at the first need.
        Loading sqlite-utils costs the window's start about a tenth, and what the start
        reads needs only :attr:`conn`."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic unit of work; nested calls become savepoints. A desk opened read-only
        refuses it before anything is done."""
        if self.read_only:
            raise read_only_error(self.path)
        conn = self.conn
        outermost = not conn.in_transaction
        gate = gate_of(self._key) if outermost else None
        if gate is not None:
            gate.wait()  # a check still running, or damage found (see store.write_gate)
        if outermost:
            self._stop_if_cancelled()
        db = self.db
        # A savepoint inside a transaction under way; otherwise BEGIN IMMEDIATE (see
        # store.immediate), with a cancel's last moment to leave nothing behind before COMMIT.
        with immediate(conn, before_commit=self._stop_if_cancelled):
            yield db
        if outermost and self._flush is not None:
            self._flush()

    def commit_without_waiting(self, flush: Callable[[], None] | None) -> None:
        """With ``flush``, the commits of this connection no longer wait for the disk
        (``synchronous = NORMAL``: in WAL mode a commit then survives a crash of the program
        at once, a power cut once the WAL is flushed), and each commit of :meth:`transaction`
        calls ``flush``, which must have the WAL flushed at once elsewhere (the window's
        upkeep thread, :mod:`meetingdesk.services.upkeep`). ``None`` puts back
        ``synchronous = FULL``, the commits' own wait for the disk."""
        self._flush = flush
        self.conn.execute(f"PRAGMA synchronous = {'FULL' if flush is None else 'NORMAL'}")

    @contextmanager
    def stop_when(self, cancel: Cancel) -> Iterator[None]:
        """Inside, the work on this connection stops once ``cancel`` says so: a statement
        under way is interrupted (``sqlite3_interrupt``, and a look every 1,000 SQLite
        steps), a transaction is refused before it begins and before it commits. A
        transaction stopped so rolls back whole, whatever point it had reached."""
        conn = self.conn
        conn.set_progress_handler(lambda: 1 if cancel.cancelled() else 0, 1_000)
        self._stop = cancel
        try:
            with cancel.interrupting(conn.interrupt):
                yield
        finally:
            self._stop = None
            conn.set_progress_handler(None, 0)

    def _stop_if_cancelled(self) -> None:
        if self._stop is not None and self._stop.cancelled():
            raise WorkCancelled(str(self.path))

    def writes_held(self) -> bool:
        """Whether a write now would wait for a check still running (see
        :mod:`meetingdesk.store.write_gate`)."""
        gate = gate_of(self._key)
        return gate is not None and not gate.settled

    def hold_writes(self) -> WriteGate:
        """Hold every write to this desk's file by this process until the gate returned is
        opened (its check passed) or refused (see :mod:`meetingdesk.store.write_gate`)."""
        assert self._key is not None
        return hold_writes(self._key)

    def _sound_and_writable(self) -> bool:
        """Writable, and not (or not yet) found damaged: only then is anything written."""
        gate = gate_of(self._key)
        return not self.read_only and (gate is None or (gate.settled and gate.refusal is None))

    def seal_pending(self) -> None:
        """Turn pending edits into revisions now, as closing does (before a closing backup,
        so that the backup carries them sealed)."""
        if self._sound_and_writable():
            seal_before_close(self.db)

    def mark_progress(self) -> None:
        """Leave the replica's marks now, as closing does (see :mod:`meetingdesk.store.replica`):
        after a package is written, what a partner may hold is marked even if the program then
        stops without closing."""
        if self._sound_and_writable():
            leave_mark(self.db, self.path)

    def close(self) -> None:
        """Seal pending edits, leave the replica's marks and close; a second call does
        nothing."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._sound_and_writable():
                seal_before_close(self.db)
                leave_mark(self.db, self.path)
            self.conn.close()
        finally:
            _release(self._key)
            self._key = None

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def load_writing() -> None:
    """Load sqlite-utils, which :attr:`Desk.db` needs, ahead of the first write (the window's
    upkeep thread does it while the window is idle after opening)."""
    importlib.import_module("sqlite_utils")


def read_only_error(path: Path) -> ReadOnlyDeskError:
    return ReadOnlyDeskError("desk.read_only", path=path)


def _damaged(path: Path, why: Message) -> DeskFileError:
    return DeskFileError("desk.cannot_open", path=path, why=why)


def empty_file_error(path: Path) -> DeskFileError:
    return _damaged(path, message("desk.empty_file"))


def inspect_header(path: Path) -> None:
    """Refuse a file that is not an intact SQLite database, reading only its header.

    Plain file I/O: allowed only while this process holds no connection to the file.
    """
    if holds_connection(path):
        raise RuntimeError(f"plain file I/O on {path} while a connection to it is open")
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise _damaged(path, message("desk.unreadable", reason=exc.strerror)) from None
    if size == 0:
        raise empty_file_error(path)
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise _damaged(path, message("desk.not_a_desk"))
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    wal = path.with_name(path.name + "-wal")
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        raise _damaged(path, message("desk.bad_size"))
    if valid_for == change_counter and pages and size < pages * page_size and not wal.exists():
        raise _damaged(path, message("desk.truncated"))


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("md_fold", 1, lambda s: fold(s) if s is not None else None,
                         deterministic=True)


@dataclass(frozen=True, slots=True)
class _FileState:
    app_id: int
    version: int
    applied: frozenset[str]
    has_tables: bool
    foreign: tuple[Message, ...]
    """The schema objects the applied migrations did not create, described."""

    @property
    def blank(self) -> bool:
        """An SQLite file with nothing in it yet (not even MeetingDesk's mark)."""
        return self.app_id == 0 and not self.has_tables and self.version == 0


def _read_state(path: Path, *, schema: bool = True) -> _FileState:
    """Identity, version, applied migrations and (with ``schema``) schema differences, read
    through SQLite on a read-only connection (never by plain file I/O)."""
    conn = sqlite3.connect(untouched_uri(path), uri=True)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied = _applied_migrations(conn)
        foreign: list[Message] = []
        if schema and app_id == APPLICATION_ID and applied <= KNOWN_MIGRATIONS:
            foreign = [d.describe() for d in differences(conn, applied, register_functions)]
        return _FileState(app_id, version, applied, bool(tables), tuple(foreign))
    finally:
        conn.close()


def _applied_migrations(conn: sqlite3.Connection) -> frozenset[str]:
    """The names of the migrations applied to the desk behind ``conn`` (none before the
    first). The table's rows are read, not only its index: the opening finds a damaged page
    of the table there."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                    "AND name = '_sqlite_migrations'").fetchone() is None:
        return frozenset()
    return frozenset(r[0] for r in conn.execute(
        "SELECT name, applied_at FROM _sqlite_migrations WHERE migration_set = ?",
        (MIGRATION_SET,)).fetchall())


def _named(objects: tuple[Message, ...]) -> Message | Joined:
    shown = Joined(objects[:MAX_NAMED_OBJECTS], ", ")
    more = len(objects) - MAX_NAMED_OBJECTS
    return message("desk.more_objects", objects=shown, more=more) if more > 0 else shown


def _check(path: Path) -> _FileState:
    """Every check of an existing file before any connection that could write to it."""
    if path.is_dir():
        raise _damaged(path, message("desk.is_folder"))
    if holds_connection(path):
        # Checked when this process first opened it; the header is not read again (that
        # would be plain file I/O on an open desk). An emptied file still shows in stat.
        if path.stat().st_size == 0:
            raise empty_file_error(path)
    else:
        inspect_header(path)
    try:
        state = _read_state(path)
    except sqlite3.DatabaseError as exc:
        translated = storage_error(exc, path)
        if translated is not None and translated.cause not in ("SQLITE_CORRUPT",
                                                                "SQLITE_NOTADB"):
            raise translated from None
        raise _damaged(path, message("desk.file_damaged", error=exc)) from None
    if state.app_id != APPLICATION_ID and not state.blank:
        raise _damaged(path, message("desk.other_programs_file"))
    if state.version > SCHEMA_VERSION or not state.applied <= KNOWN_MIGRATIONS:
        raise DeskFileError("desk.newer_schema", path=path,
                            version=state.version, supported=SCHEMA_VERSION)
    if state.foreign:
        raise DeskFileError("desk.foreign_objects", path=path, objects=_named(state.foreign))
    return state


def check_openable(path: Path) -> bool:
    """Check an existing file before opening it for writing. Returns whether it holds data."""
    return _check(path).has_tables


def schema_problems(path: Path) -> list[str]:
    """The schema objects of a desk file that MeetingDesk did not create (or that differ
    from what it created), described in the current language; checked through SQLite."""
    state = _read_state(path)
    return [str(difference) for difference in state.foreign]


def writes_on_opening(path: Path) -> bool:
    """Whether opening ``path`` for writing would write to it at once: a new or blank file,
    migrations to apply, or a replica id to bind to this file (a copy, a moved or restored
    file). Read through SQLite on a read-only connection."""
    if not path.exists():
        return True
    try:  # the schema is compared once, by the opening that follows (before any write)
        state = _read_state(path, schema=False)
    except sqlite3.DatabaseError:
        return True  # open_desk refuses it; nothing is written either way
    if state.blank or KNOWN_MIGRATIONS - state.applied:
        return True
    identity = file_identity(path)
    conn = sqlite3.connect(untouched_uri(path), uri=True)
    try:
        row = conn.execute("SELECT file_path, file_device, file_inode FROM replica "
                           "WHERE id = 1").fetchone()
        if identity is None or row is None or tuple(row) != (
                identity.path, identity.device, identity.inode):
            return True
        return went_back(conn, path)
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()


def writable(path: Path) -> bool:
    """Whether this process may write the desk file and create its journal beside it."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def _connect(path: Path, *, new: bool = False) -> sqlite3.Connection:
    """A writing connection to a desk file; for a ``new`` desk (no table yet), the file's
    page size is chosen first (:data:`PAGE_SIZE`: it can no longer change once the file is
    in WAL mode)."""
    conn = sqlite3.connect(path, timeout=10, factory=DeskConnection)
    conn.desk_path = path
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        if new:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise _damaged(path, message("desk.cannot_enable_wal"))
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except BaseException:
        conn.close()
        raise
    register_functions(conn)
    return conn


def _open_read_only(path: Path, *, asked: bool) -> Desk:
    # Where nothing may be written beside the file, a file without a -wal is read as
    # immutable (a read-only connection would otherwise need to create -wal and -shm).
    uri = f"{path.resolve().as_uri()}?mode=ro" if writable(path) else untouched_uri(path)
    conn = sqlite3.connect(uri, uri=True, factory=DeskConnection)
    conn.desk_path = path
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    register_functions(conn)
    desk = Desk(path=path, conn=conn, read_only=True, _key=_hold(path))
    if KNOWN_MIGRATIONS - _applied_migrations(conn):
        desk.close()
        if asked:
            raise DeskFileError("desk.uses_older_schema_open", path=path)
        raise ReadOnlyDeskError("desk.read_only_needs_upgrade", path=path)
    logger.info("Opened %s read-only", path)
    return desk


def open_desk(path: str | Path, *, create: bool = True, read_only: bool = False,
              migrate_older: bool = False) -> Desk:
    """Open (or, with ``create``, make) a desk file, migrating it to the current schema.

    ``read_only`` opens without writing anything, for checks and reports; such a desk must
    already be at the current schema. A desk this process may not write (a read-only medium,
    a file without write permission) is opened read-only as well: :attr:`Desk.read_only` says
    so, and its :meth:`Desk.transaction` refuses with one line. ``create`` makes a new desk
    only where no file exists: an existing empty file or blank SQLite file is never taken for
    a new desk unless ``create`` was asked. ``read_only`` with ``migrate_older`` (see
    :func:`open_to_read`) opens read-only a desk at the current schema and migrates an older
    one, from the one reading of the file's state.
    """
    path = Path(path)
    if path.is_dir():
        raise _damaged(path, message("desk.is_folder"))
    exists = path.exists()
    if not exists and (read_only or not create):
        raise DeskFileError("files.not_found", path=path)
    has_data = False
    identity = None
    if exists:
        state = _check(path)
        has_data = state.has_tables
        if state.blank and not create:
            raise _damaged(path, message("desk.blank_sqlite_file"))
        if read_only and migrate_older and state.app_id == APPLICATION_ID and \
                KNOWN_MIGRATIONS - state.applied:
            read_only = False
        if read_only or not writable(path):
            return _open_read_only(path, asked=read_only)
        identity = file_identity(path)  # os.stat: no descriptor opened
    try:
        conn = _connect(path, new=not has_data)
    except sqlite3.DatabaseError as exc:
        if exists and getattr(exc, "sqlite_errorname", "").startswith(
                ("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            return _open_read_only(path, asked=False)
        raise _damaged(path, message("desk.sqlite_error", error=exc)) from None
    desk = Desk(path=path, conn=conn, _key=_hold(path))
    try:
        _migrate(desk, has_data)
        bind_replica(conn, identity or file_identity(path))
    except BaseException:
        conn.close()
        _release(desk._key)
        raise
    logger.info("Opened %s", path)
    return desk


def open_to_read(path: str | Path) -> Desk:
    """Open an existing desk for a command that only reads it (list, search, tasks, report,
    export): read-only, so nothing is written to the file — not even a new replica id for a
    copied file — and a program writing it is never waited on. A desk of an older schema is
    first brought up to date (a backup first), as any opening does."""
    return open_desk(path, create=False, read_only=True, migrate_older=True)


def _migrate(desk: Desk, has_data: bool) -> None:
    path, conn = desk.path, desk.conn
    pending = KNOWN_MIGRATIONS - _applied_migrations(conn)
    if pending:
        if has_data:
            backup_connection(conn, backup_name(path, "before-migration"))
        logger.info("Applying %d migration(s) to %s", len(pending), path)
        # Marked as a desk before any table exists: a first opening cut short (kill, power
        # cut) must not leave a file that looks like another program's.
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migration_set().apply(desk.db)
    # Also completes the version of a file whose migrations were applied but not recorded here.
    if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
