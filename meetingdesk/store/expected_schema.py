"""The schema a desk must have, and what a given file holds beyond it.

The expected schema of a desk is what the migrations the desk records as applied create,
replayed on an empty in-memory database. A new migration is therefore covered as soon as it
is registered. A file whose ``sqlite_master`` holds an object the program did not create (a
trigger, a view, a table, an index) or one of its own objects in another form is not a desk
this program may run: its triggers could do anything on the next write.

Replaying every migration takes a tenth of a second, which every start would pay before its
first paint (the check must come before anything is written). So the schema of the complete
set is also kept in :mod:`meetingdesk.store.schema_snapshot`, generated from the migrations by
``python -m meetingdesk.store.expected_schema``; ``tests/store/test_expected_schema.py`` fails
unless it is exactly what replaying them gives. It answers only for the set of migrations it
names; any other set (an older desk) is replayed.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from meetingdesk.domain.messages import Message, message
from meetingdesk.store import schema_snapshot
from meetingdesk.store.migrations import KNOWN_MIGRATIONS, MIGRATION_SET, migration_set

_QUOTES = re.compile(r"[\"`\[\]]")
_SPACE = re.compile(r"\s+")
_AROUND = re.compile(r"\s*([(),=;])\s*")


def _group(match: re.Match[str]) -> str:
    return match.group(1)  # a function: a template (r"\1") is expanded at each match


def _normal(sql: str | None) -> str:
    """SQL text compared for meaning: case, quoting of names and layout do not count."""
    text = _QUOTES.sub("", sql or "")
    text = _SPACE.sub(" ", text).strip().lower()
    return _AROUND.sub(_group, text)


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


def expected_objects(applied: frozenset[str],
                     prepare: Callable[[sqlite3.Connection], None] | None = None) -> Objects:
    """The objects a desk holds once exactly the migrations ``applied`` have run, in order:
    the snapshot when it covers exactly those, else replayed (``prepare`` readies the empty
    database, e.g. with the SQL functions the migrations call)."""
    if applied == schema_snapshot.MIGRATIONS:
        return schema_snapshot.OBJECTS
    return replayed_objects(applied, prepare)


@lru_cache(maxsize=8)
def replayed_objects(applied: frozenset[str],
                     prepare: Callable[[sqlite3.Connection], None] | None = None) -> Objects:
    """The objects a desk holds once exactly the migrations ``applied`` have run, replayed
    on an empty in-memory database."""
    from sqlite_utils import Database

    conn = sqlite3.connect(":memory:")
    try:
        if prepare is not None:
            prepare(conn)
        db = Database(conn, execute_plugins=False)
        migrations = migration_set()
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


def snapshot_source(prepare: Callable[[sqlite3.Connection], None] | None = None) -> str:
    """The text of :mod:`meetingdesk.store.schema_snapshot` for the migrations known now."""
    objects = replayed_objects(KNOWN_MIGRATIONS, prepare)
    lines = ["# ruff: noqa: E501", '"""The schema every migration known creates, generated by',
             '``python -m meetingdesk.store.expected_schema`` (do not edit: regenerate it when a',
             'migration is added; ``tests/store/test_expected_schema.py`` fails until then)."""',
             "", "from __future__ import annotations", "",
             "MIGRATIONS: frozenset[str] = frozenset({"]
    lines += [f"    {name!r}," for name in sorted(KNOWN_MIGRATIONS)]
    lines += ["})", "", "OBJECTS: dict[tuple[str, str], tuple[str, str]] = {"]
    for key in sorted(objects):
        lines.append(f"    {key!r}:")
        lines.append(f"        {objects[key]!r},")
    lines += ["}", ""]
    return "\n".join(lines)


if __name__ == "__main__":  # regenerate the snapshot
    from pathlib import Path

    from meetingdesk.store.desk import register_functions

    Path(schema_snapshot.__file__).write_text(snapshot_source(register_functions),
                                              encoding="utf-8")
