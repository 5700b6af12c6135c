"""Fast row writes for imports.

The generic :class:`~meetingdesk.store.repository.Repository` reads each record back after
writing it, which is right for one edit and too slow for ten thousand rows: these helpers
write a row with one prepared statement and return its id. Callers run them inside one
transaction (``Desk.transaction()``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


_TABLES = frozenset({"sites", "people", "meeting_sites", "attendances", "agenda_items",
                     "connection_events", "meetings", "notes"})


def _table(name: str) -> str:
    if name not in _TABLES:
        raise ValueError(f"bulk writes are not allowed on table {name!r}")
    return name


def insert_row(db: Database, table: str, row: Mapping[str, Any]) -> int:
    """Insert one row (column names are trusted record field names); return its id."""
    columns = list(row)
    sql = (f"INSERT INTO [{_table(table)}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    cursor = db.conn.execute(sql, [row[c] for c in columns])
    return int(cursor.lastrowid or 0)


def update_row(db: Database, table: str, row_id: int, row: Mapping[str, Any]) -> None:
    if not row:
        return
    sets = ", ".join(f"[{c}] = ?" for c in row)
    db.conn.execute(f"UPDATE [{_table(table)}] SET {sets} WHERE id = ?", [*row.values(), row_id])


def max_position(db: Database, table: str, scope_column: str, scope_id: int) -> int:
    row = db.conn.execute(
        f"SELECT coalesce(max(position), 0) FROM [{_table(table)}] WHERE [{scope_column}] = ?",
        [scope_id]).fetchone()
    return int(row[0])
