"""Copies of a desk through SQLite's online backup API, each checked before it is kept."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from meetingdesk.domain.errors import DeskFileError

logger = logging.getLogger(__name__)


def backup_dir_for(desk_path: Path) -> Path:
    """The folder beside a desk file that holds its backups."""
    return desk_path.parent / f"{desk_path.stem}-backups"


def backup_connection(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind ``conn`` to ``target`` and verify it with quick_check.

    The copy is written under a temporary name and renamed only once it checks out, so a
    half-written backup never looks like a good one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
        result = dest.execute("PRAGMA quick_check").fetchone()[0]
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise DeskFileError(
            f"Bản sao lưu không đạt kiểm tra toàn vẹn ({result}); chưa thay đổi gì.",
            f"The backup failed its integrity check ({result}); nothing was changed.",
        )
    partial.replace(target)
    logger.info("Backed up to %s", target)
    return target


def backup_name(desk_path: Path, reason: str, when: datetime | None = None) -> Path:
    """A backup file name that sorts by time: ``desk-20260105-093000-reason.db``."""
    when = when or datetime.now()
    return backup_dir_for(desk_path) / f"{desk_path.stem}-{when:%Y%m%d-%H%M%S}-{reason}.db"
