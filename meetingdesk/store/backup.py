"""Copies of a desk through SQLite's online backup API, each checked before it is kept.

The backups of a desk live in a folder named after the desk's whole file name
(``hoinghi.db-backups``), so two desks that differ only by their extension never share one.
Each backup is a complete desk, so it records the id of the desk it was taken of
(``organization.desk_id``), which a restore checks.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.store.failures import storage_error

logger = logging.getLogger(__name__)


def untouched_uri(path: Path) -> str:
    """A read-only URI that creates nothing beside the file.

    Even a read-only connection creates the -wal and -shm files of a WAL-mode file (and cannot
    open it where they cannot be made); when there is no -wal file (no writer, nothing to
    recover), the file is read as immutable instead.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return uri if path.with_name(path.name + "-wal").exists() else uri + "&immutable=1"


def backup_dir_for(desk_path: Path) -> Path:
    """The folder beside a desk file that holds its backups."""
    return desk_path.parent / f"{desk_path.name}-backups"


def legacy_backup_dir_for(desk_path: Path) -> Path:
    """Where versions before 0.9 kept backups: named after the stem only, and so shared by
    ``hoinghi.db`` and ``hoinghi.desk``."""
    return desk_path.parent / f"{desk_path.stem}-backups"


def _failed(exc: sqlite3.Error, target: Path) -> DeskFileError:
    return storage_error(exc, target) or DeskFileError("backup.cannot_make",
                                                       target=target, error=exc)


@dataclass(frozen=True, slots=True)
class Pace:
    """How a backup taken while the desk is in use shares the disk with the desk's commits.

    Copied in one go, a desk of 1.7 GB lands in the page cache as gigabytes of dirty data,
    written back by the kernel and then by the fsync of the copy's commit; every fsync of the
    desk's WAL (in each commit under ``synchronous = FULL``; for the window's edits, the
    upkeep's flush just after) waits behind that write, on ext4 in ordered mode as on any
    disk whose cache flush waits for the writes under way — an edit's commit took up to
    335 ms during the window's automatic backup, when it still fsynced on the GUI thread.
    Paced, the copy is written ``step_bytes`` at a time, each step flushed to the disk
    (``fdatasync`` of the copy) before the next, and after each step the copy rests ``rest``
    times as long as the step took: no more than one step of the copy is ever waiting to be
    written, and the disk is the desk's most of the time, however fast or slow it is.
    """

    step_bytes: int = 1 << 20
    rest: float = 2.0


PACED = Pace()
"""The pace of the backups taken while the desk is in use (the window's automatic ones)."""


class BackupCancelled(Exception):
    """A backup stopped because it was cancelled; nothing of it was kept."""


Cancelled = Callable[[], bool]
"""Asked between the steps of a paced backup: ``True`` stops it."""


def backup_connection(conn: sqlite3.Connection, target: Path, *, pace: Pace | None = None,
                      cancelled: Cancelled | None = None) -> Path:
    """Copy the database behind ``conn`` to ``target`` and verify it with quick_check.

    The copy is written under a temporary name and renamed only once it checks out, so a
    half-written backup never looks like a good one; a copy that fails (a full disk) or is
    cancelled is removed, never left behind. With ``pace`` (:class:`Pace`) it is written in
    steps, each flushed to the disk, resting between them; ``cancelled`` is asked between
    steps and stops it (:class:`BackupCancelled`). The copy is of the desk as it was when
    the backup began: ``conn`` keeps one read transaction throughout (other connections'
    commits during the copy neither appear in it nor make SQLite start the copy again).
    """
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        dest = sqlite3.connect(partial)
        # A descriptor of the copy (never of the desk) to flush its steps, closed only after
        # the copy's own connection: closing a file's descriptor drops this process's locks
        # on it (see meetingdesk.store.desk).
        flush = os.open(partial, os.O_RDWR | getattr(os, "O_BINARY", 0)) if pace else None
        try:
            _copy(conn, dest, pace, flush, cancelled)
            result = _quick_check(dest, cancelled)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
            if flush is not None:
                os.close(flush)
        if result != "ok":
            raise DeskFileError("backup.failed_integrity_check", result=result)
        partial.replace(target)
    except sqlite3.Error as exc:
        if cancelled is not None and cancelled():
            raise BackupCancelled(str(target)) from exc
        raise _failed(exc, target) from exc
    except OSError as exc:
        raise DeskFileError("backup.cannot_write", target=target,
                            reason=exc.strerror or exc) from exc
    finally:
        for leftover in [partial.with_name(partial.name + suffix)
                         for suffix in ("", "-journal", "-wal", "-shm")]:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    logger.info("Backed up to %s", target)
    return target


def _copy(conn: sqlite3.Connection, dest: sqlite3.Connection, pace: Pace | None,
          flush: int | None, cancelled: Cancelled | None) -> None:
    """SQLite's backup of ``conn`` into ``dest``: whole, or in paced steps flushed through
    the descriptor ``flush``."""
    if pace is None or flush is None:
        conn.backup(dest)
        return
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    started = time.perf_counter()

    def step(_status: int, _remaining: int, _total: int) -> None:
        nonlocal started
        _sync(flush)
        time.sleep(pace.rest * (time.perf_counter() - started))
        if cancelled is not None and cancelled():
            raise BackupCancelled("cancelled")
        started = time.perf_counter()

    own = not conn.in_transaction
    if own:  # one snapshot for every step (a step alone would let go of it)
        conn.execute("BEGIN")
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    try:
        conn.backup(dest, pages=max(1, pace.step_bytes // page_size), progress=step)
    finally:
        if own:
            conn.rollback()


def _sync(fd: int) -> None:
    """Flush a file's data to the disk (``fdatasync`` where there is one)."""
    getattr(os, "fdatasync", os.fsync)(fd)


def _quick_check(dest: sqlite3.Connection, cancelled: Cancelled | None) -> str:
    """SQLite's quick_check of the copy, stopped (interrupted) once ``cancelled``."""
    if cancelled is not None:
        dest.set_progress_handler(lambda: 1 if cancelled() else 0, 10_000)
    return str(dest.execute("PRAGMA quick_check").fetchone()[0])


def backup_name(desk_path: Path, reason: str, when: datetime | None = None) -> Path:
    """A backup file name that sorts by time: ``desk-20260105-093000-reason.db``."""
    when = when or datetime.now()
    return backup_dir_for(desk_path) / f"{desk_path.stem}-{when:%Y%m%d-%H%M%S}-{reason}.db"


def recorded_desk_id(path: Path) -> str | None:
    """The desk id a desk file or a backup records, read through SQLite (read-only); ``None``
    when it records none (a desk of schema 1) or cannot be read."""
    try:
        conn = sqlite3.connect(untouched_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT desk_id FROM organization WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None
