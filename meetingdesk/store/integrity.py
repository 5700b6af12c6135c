"""Integrity figures of an open desk: integrity_check, foreign keys, schema, journal mode."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
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


class CheckCancelled(Exception):
    """A check of a file was stopped before it finished (its result is unknown)."""


Cancelled = Callable[[], bool]

_STEPS = 10_000
"""SQLite virtual-machine steps between two looks at ``cancelled``."""


def _pragma_rows(path: Path, pragma: str, cancelled: Cancelled | None) -> list[tuple[object, ...]]:
    """The rows of ``PRAGMA pragma`` on the file opened read-only; stopped with
    :class:`CheckCancelled` as soon as ``cancelled()`` says so."""
    if cancelled is not None and cancelled():
        raise CheckCancelled(pragma)
    conn = sqlite3.connect(untouched_uri(path), uri=True)
    try:
        if cancelled is not None:
            conn.set_progress_handler(lambda: 1 if cancelled() else 0, _STEPS)
        try:
            return list(conn.execute(f"PRAGMA {pragma}").fetchall())
        except sqlite3.OperationalError as exc:
            if cancelled is not None and cancelled():
                raise CheckCancelled(pragma) from exc
            raise
    finally:
        conn.close()


def quick_check_file(path: Path, cancelled: Cancelled | None = None) -> str | None:
    """Run quick_check on a file opened read-only: ``None`` when it is fine, else the problem.
    ``cancelled`` stops it early (:class:`CheckCancelled`)."""
    try:
        rows = [str(r[0]) for r in _pragma_rows(path, "quick_check", cancelled)]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    # SQLite's findings span lines ("*** in database main ***\nOn tree page 26…"): one line
    return None if rows == ["ok"] else "; ".join(" ".join(r.split()) for r in rows[:5])


def foreign_key_violations_file(path: Path, cancelled: Cancelled | None = None) -> int:
    """How many rows of the file opened read-only point to a record that is not there
    (``foreign_key_check``); ``cancelled`` stops it early (:class:`CheckCancelled`)."""
    return len(_pragma_rows(path, "foreign_key_check", cancelled))
