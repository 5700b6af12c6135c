"""Snapshots of records with everything that depends on them, for undo and redo.

A snapshot of a *root* record (``("agenda_items", 7)``) holds its row, the rows that the
database would delete with it (``ON DELETE CASCADE``, recursively) and the references it would
clear (``ON DELETE SET NULL``). :func:`restore` makes the desk match a snapshot again: rows
added since are deleted, rows deleted or changed are written back with their ids, cleared
references are set again. A root with no row in the snapshot is removed on restore, which is
how the undo of an "add" works. The dependencies are read from the schema's foreign keys, so
a new table is covered without code here.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from meetingdesk.store.reads import Reads
from meetingdesk.store.sealing import seal_before_delete

if TYPE_CHECKING:
    from sqlite_utils import Database

Ref = tuple[str, int]
"""A root record: (table, id)."""

Key = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Dependent:
    table: str
    column: str
    on_delete: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    roots: tuple[Ref, ...]
    shallow: bool
    rows: tuple[tuple[str, dict[str, Any]], ...]
    """(table, row) in parent-first order."""
    cleared: tuple[tuple[str, str, Key, Any], ...]
    """(table, column, primary key, value) of references a delete would set to NULL."""

    def merged(self, other: Snapshot) -> Snapshot:
        return Snapshot(self.roots + other.roots, self.shallow and other.shallow,
                        self.rows + other.rows, self.cleared + other.cleared)


def _read_schema(db: Reads) -> tuple[dict[str, tuple[str, ...]],
                                     dict[str, tuple[Dependent, ...]]]:
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search_index%'")]
    keys: dict[str, tuple[str, ...]] = {}
    dependents: dict[str, list[Dependent]] = {}
    for name in names:
        info = db.execute(f"PRAGMA table_info([{name}])").fetchall()
        keys[name] = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        for fk in db.execute(f"PRAGMA foreign_key_list([{name}])").fetchall():
            parent, column, on_delete = fk[2], fk[3], fk[6].upper()
            dependents.setdefault(parent, []).append(Dependent(name, column, on_delete))
    return keys, {k: tuple(v) for k, v in dependents.items()}


_SCHEMAS: weakref.WeakKeyDictionary[Any, tuple[dict[str, tuple[str, ...]],
                                               dict[str, tuple[Dependent, ...]]]] = (
    weakref.WeakKeyDictionary())


def _connection(db: Reads) -> object:
    """The connection behind ``db`` (sqlite-utils' ``Database`` holds it as ``conn``)."""
    return getattr(db, "conn", db)


def _schema_of(db: Reads) -> tuple[dict[str, tuple[str, ...]],
                                   dict[str, tuple[Dependent, ...]]]:
    """The schema facts of a desk's connection, read once per connection (whether ``db`` is
    the connection or sqlite-utils' ``Database`` around it). A plain ``sqlite3`` connection,
    which cannot be weakly referenced, has them read each time."""
    conn = _connection(db)
    try:
        found = _SCHEMAS.get(conn)
    except TypeError:
        return _read_schema(db)
    if found is None:
        found = _SCHEMAS[conn] = _read_schema(db)
    return found


def read_schema(db: Reads) -> None:
    """Read the schema facts of ``db`` now, if not read yet (so that the first edit after
    opening does not)."""
    _schema_of(db)


def schema_read(db: Reads) -> bool:
    """Whether the schema facts of ``db``'s connection have been read."""
    try:
        return _connection(db) in _SCHEMAS
    except TypeError:  # a plain sqlite3 connection: never kept
        return False


def _key(keys: dict[str, tuple[str, ...]], table: str, row: dict[str, Any]) -> Key:
    return tuple(row[k] for k in keys[table])


def _rows(db: Reads, table: str, column: str, value: Any) -> list[dict[str, Any]]:
    cur = db.execute(f"SELECT * FROM [{table}] WHERE [{column}] = ?", [value])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def take(db: Reads, roots: Iterable[Ref], *, shallow: bool = False) -> Snapshot:
    """Snapshot ``roots`` with their cascaded rows and the references to them, or only the
    roots' own rows when ``shallow`` (enough to undo a change of their fields)."""
    keys, dependents = _schema_of(db)
    roots = tuple(roots)
    rows: list[tuple[str, dict[str, Any]]] = []
    cleared: list[tuple[str, str, Key, Any]] = []
    pending: list[tuple[str, dict[str, Any]]] = [
        (table, row) for table, rid in roots for row in _rows(db, table, "id", rid)]
    seen: set[tuple[str, Key]] = set()
    while pending:
        table, row = pending.pop(0)
        ident = (table, _key(keys, table, row))
        if ident in seen:
            continue
        seen.add(ident)
        rows.append((table, row))
        if shallow or "id" not in row:
            continue
        for dep in dependents.get(table, ()):
            for child in _rows(db, dep.table, dep.column, row["id"]):
                if dep.on_delete == "CASCADE":
                    pending.append((dep.table, child))
                elif dep.on_delete == "SET NULL":
                    cleared.append((dep.table, dep.column, _key(keys, dep.table, child),
                                    row["id"]))
    return Snapshot(roots, shallow, tuple(rows), tuple(cleared))


def _where(columns: Sequence[str]) -> str:
    return " AND ".join(f"[{c}] = ?" for c in columns)


def restore(db: Database, snapshot: Snapshot) -> None:
    """Make the desk match ``snapshot`` for its roots (within the caller's transaction).

    Only what differs is written: a row that is as the snapshot has it is left alone, and a
    changed one gets only its changed columns, so that no trigger (the search index's, the
    change tracking's) fires for what did not change."""
    keys, _ = _schema_of(db)
    db.execute("PRAGMA defer_foreign_keys = ON")
    wanted = {(t, _key(keys, t, r)) for t, r in snapshot.rows}
    current = take(db, snapshot.roots, shallow=snapshot.shallow)
    now = {(t, _key(keys, t, r)): r for t, r in current.rows}
    gone = [(t, r) for t, r in reversed(current.rows) if (t, _key(keys, t, r)) not in wanted]
    for table in {table for table, _ in gone}:
        seal_before_delete(db, table)
    for table, row in gone:
        key = _key(keys, table, row)
        db.execute(f"DELETE FROM [{table}] WHERE {_where(keys[table])}", list(key))
    for table, row in snapshot.rows:
        key = _key(keys, table, row)
        present = now.get((table, key))
        if present is not None:
            changed = [c for c in row if c not in keys[table] and present.get(c) != row[c]]
            if changed:
                db.execute(f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in changed)} "
                           f"WHERE {_where(keys[table])}", [row[c] for c in changed] + list(key))
            continue
        columns = list(row)
        updates = [c for c in columns if c not in keys[table]]
        sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)}) "
               f"ON CONFLICT ({', '.join(f'[{c}]' for c in keys[table])}) ")
        sql += ("DO UPDATE SET " + ", ".join(f"[{c}] = excluded.[{c}]" for c in updates)
                if updates else "DO NOTHING")
        db.execute(sql, [row[c] for c in columns])
    for table, column, key, value in snapshot.cleared:
        db.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE {_where(keys[table])}",
                   [value, *key])
