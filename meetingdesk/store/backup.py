"""Copies of a desk through SQLite's online backup API, each checked before it is kept.

The backups of a desk live in a folder named after the desk's whole file name
(``hoinghi.db-backups``), so two desks that differ only by their extension never share one.
Each backup is a complete desk, so it records the id of the desk it was taken of
(``organization.desk_id``), which a restore checks.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
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
                                                       target=target, exc=exc)


def backup_connection(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind ``conn`` to ``target`` and verify it with quick_check.

    The copy is written under a temporary name and renamed only once it checks out, so a
    half-written backup never looks like a good one; a copy that fails (a full disk) is
    removed, never left behind.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            result = dest.execute("PRAGMA quick_check").fetchone()[0]
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        if result != "ok":
            raise DeskFileError("backup.failed_integrity_check", result=result)
        partial.replace(target)
    except sqlite3.Error as exc:
        raise _failed(exc, target) from exc
    except OSError as exc:
        raise DeskFileError("backup.cannot_write", target=target,
                            strerror=exc.strerror or exc) from exc
    finally:
        for leftover in [partial.with_name(partial.name + suffix)
                         for suffix in ("", "-journal", "-wal", "-shm")]:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    logger.info("Backed up to %s", target)
    return target


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
