"""Integrity figures of an open desk: integrity_check, foreign keys, schema, journal mode."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from meetingdesk.store.backup import untouched_uri
from meetingdesk.store.reads import Reads


@dataclass(frozen=True, slots=True)
class IntegrityFacts:
    integrity: list[str]
    """``["ok"]`` or SQLite's complaints."""
    foreign_key_violations: int
    schema_version: int
    journal_mode: str


def integrity_facts(db: Reads, *, quick: bool = False) -> IntegrityFacts:
    pragma = "quick_check" if quick else "integrity_check"
    integrity = [r[0] for r in db.execute(f"PRAGMA {pragma}").fetchall()]
    fk = len(db.execute("PRAGMA foreign_key_check").fetchall())
    version = db.execute("PRAGMA user_version").fetchone()[0]
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    return IntegrityFacts(integrity, fk, version, mode)


class CheckCancelled(Exception):
    """A check of a file was stopped before it finished (its result is unknown)."""


class Cancel(Protocol):
    """How a caller stops a check under way: asked between statements, and by
    ``sqlite3_interrupt`` within one (a quick_check is a single statement of seconds)."""

    def cancelled(self) -> bool:
        """Whether the caller wants the check stopped."""
        ...

    def interrupting(self, stop: Callable[[], None]) -> AbstractContextManager[object]:
        """While inside, ``stop()`` is called (from any thread) as soon as the caller
        cancels."""
        ...


_STEPS = 10_000
"""SQLite virtual-machine steps between two looks at ``cancelled``."""


def _pragma_rows(path: Path, pragma: str, cancel: Cancel | None) -> list[tuple[object, ...]]:
    """The rows of ``PRAGMA pragma`` on the file opened read-only; stopped with
    :class:`CheckCancelled` as soon as ``cancel`` says so."""
    if cancel is not None and cancel.cancelled():
        raise CheckCancelled(pragma)
    conn = sqlite3.connect(untouched_uri(path), uri=True, check_same_thread=False)
    try:
        if cancel is None:
            return list(conn.execute(f"PRAGMA {pragma}").fetchall())
        conn.set_progress_handler(lambda: 1 if cancel.cancelled() else 0, _STEPS)
        try:
            with cancel.interrupting(conn.interrupt):
                return list(conn.execute(f"PRAGMA {pragma}").fetchall())
        except sqlite3.OperationalError as exc:
            if cancel.cancelled():
                raise CheckCancelled(pragma) from exc
            raise
    finally:
        conn.close()


def quick_check_file(path: Path, cancel: Cancel | None = None) -> str | None:
    """Run quick_check on a file opened read-only: ``None`` when it is fine, else the problem.
    ``cancel`` stops it early (:class:`CheckCancelled`)."""
    try:
        rows = [str(r[0]) for r in _pragma_rows(path, "quick_check", cancel)]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    # SQLite's findings span lines ("*** in database main ***\nOn tree page 26…"): one line
    return None if rows == ["ok"] else "; ".join(" ".join(r.split()) for r in rows[:5])


def foreign_key_violations_file(path: Path, cancel: Cancel | None = None) -> int:
    """How many rows of the file opened read-only point to a record that is not there
    (``foreign_key_check``); ``cancel`` stops it early (:class:`CheckCancelled`)."""
    return len(_pragma_rows(path, "foreign_key_check", cancel))
