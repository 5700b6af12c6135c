"""Integrity figures of an open desk: integrity_check, foreign keys, schema, journal mode."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from meetingdesk.store.backup import untouched_uri


@dataclass(frozen=True, slots=True)
class IntegrityFacts:
    integrity: list[str]
    """``["ok"]`` or SQLite's complaints."""
    foreign_key_violations: int
    schema_version: int
    journal_mode: str


def integrity_facts(db: Database, *, quick: bool = False) -> IntegrityFacts:
    pragma = "quick_check" if quick else "integrity_check"
    integrity = [r[0] for r in db.execute(f"PRAGMA {pragma}").fetchall()]
    fk = len(db.execute("PRAGMA foreign_key_check").fetchall())
    version = db.execute("PRAGMA user_version").fetchone()[0]
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    return IntegrityFacts(integrity, fk, version, mode)


def quick_check_file(path: Path) -> str | None:
    """Run quick_check on a file opened read-only: ``None`` when it is fine, else the problem."""
    try:
        conn = sqlite3.connect(untouched_uri(path), uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:5])
