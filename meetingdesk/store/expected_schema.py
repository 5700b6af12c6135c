"""The schema a desk must have, and what a given file holds beyond it.

The expected schema of a desk is not written down twice: it is what the migrations the desk
records as applied create, replayed on an empty in-memory database. A new migration is
therefore covered as soon as it is registered. A file whose ``sqlite_master`` holds an object
the program did not create (a trigger, a view, a table, an index) or one of its own objects in
another form is not a desk this program may run: its triggers could do anything on the next
write.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sqlite_utils import Database

from meetingdesk.domain.messages import Message, message
from meetingdesk.store.migrations import MIGRATION_SET, migrations

_QUOTES = re.compile(r"[\"`\[\]]")
_SPACE = re.compile(r"\s+")
_AROUND = re.compile(r"\s*([(),=;])\s*")


def _normal(sql: str | None) -> str:
    """SQL text compared for meaning: case, quoting of names and layout do not count."""
    text = _QUOTES.sub("", sql or "")
    text = _SPACE.sub(" ", text).strip().lower()
    return _AROUND.sub(r"\1", text)


Objects = dict[tuple[str, str], tuple[str, str]]
"""(type, name) → (table it belongs to, normalised SQL)."""


@dataclass(frozen=True, slots=True)
class SchemaDifference:
    """An object of a file that the expected schema does not have in that form."""

    kind: str
    """``table``, ``index``, ``trigger`` or ``view``."""
    name: str
    problem: str
    """``extra`` (not created by MeetingDesk), ``changed`` or ``missing``."""

    def describe(self) -> Message:
        kind = _KINDS.get(self.kind) or message("common.verbatim", text=self.kind)
        return message(_PROBLEMS[self.problem], kind=kind, name=self.name)


_KINDS = {"table": message("expected_schema.table"), "index": message("expected_schema.index"),
          "trigger": message("expected_schema.trigger"), "view": message("expected_schema.view")}
_PROBLEMS = {"extra": "expected_schema.extra", "changed": "expected_schema.changed",
             "missing": "expected_schema.missing"}


def objects_of(conn: sqlite3.Connection) -> Objects:
    """The schema objects of a database, leaving out SQLite's own: its automatic indexes
    (``sqlite_autoindex_…``) and its tables ``sqlite_sequence`` and ``sqlite_stat1..4``. Any
    other object named ``sqlite_…`` was planted (``PRAGMA writable_schema``) and is kept, so
    that it is refused like every other unexpected object."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(kind, name): (table, _normal(sql)) for kind, name, table, sql in rows
            if not _sqlites_own(kind, name)}


_SQLITE_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat2",
                            "sqlite_stat3", "sqlite_stat4"})


def _sqlites_own(kind: str, name: str) -> bool:
    if kind == "index":
        return name.startswith("sqlite_autoindex_")
    return kind == "table" and name in _SQLITE_TABLES


@lru_cache(maxsize=8)
def expected_objects(applied: frozenset[str],
                     prepare: Callable[[sqlite3.Connection], None] | None = None) -> Objects:
    """The objects a desk holds once exactly the migrations ``applied`` have run, in order."""
    conn = sqlite3.connect(":memory:")
    try:
        if prepare is not None:
            prepare(conn)
        db = Database(conn, execute_plugins=False)
        migrations.ensure_migrations_table(db)
        for migration in migrations.pending(db):
            if migration.name in applied:
                with db.atomic():
                    migration.fn(db)
                    db["_sqlite_migrations"].insert(
                        {"migration_set": MIGRATION_SET, "name": migration.name,
                         "applied_at": ""})
        return objects_of(conn)
    finally:
        conn.close()


def differences(conn: sqlite3.Connection, applied: frozenset[str],
                prepare: Callable[[sqlite3.Connection], None] | None = None,
                ) -> list[SchemaDifference]:
    """What the database behind ``conn`` holds that its applied migrations did not create,
    or holds in another form, or lacks; extra objects first, triggers first among them."""
    have = objects_of(conn)
    want = expected_objects(applied, prepare)
    found = [SchemaDifference(kind, name, "extra") for (kind, name) in have
             if (kind, name) not in want]
    found += [SchemaDifference(kind, name, "changed") for (kind, name), value in have.items()
              if (kind, name) in want and want[kind, name] != value]
    if applied:  # a blank file is expected to lack everything
        found += [SchemaDifference(kind, name, "missing") for (kind, name) in want
                  if (kind, name) not in have]
    problems = {"extra": 0, "changed": 1, "missing": 2}
    kinds = {"trigger": 0, "view": 1, "table": 2, "index": 3}  # the most dangerous first
    return sorted(found, key=lambda d: (problems[d.problem], kinds.get(d.kind, 4), d.name))
