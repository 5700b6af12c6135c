"""Fast row writes for imports and exchange packages, and the exchange links table.

The generic :class:`~meetingdesk.store.repository.Repository` reads each record back after
writing it, which is right for one edit and too slow for ten thousand rows: these helpers
write a row with one prepared statement and return its id. Callers run them inside one
transaction (``Desk.transaction()``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

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


# --- desk identity and exchange links -------------------------------------------------------

def desk_id(db: Database) -> str:
    """This desk's random id (migration 0002), the source id of its exchange packages."""
    return str(db.conn.execute("SELECT desk_id FROM organization WHERE id = 1").fetchone()[0])


def _hashes(stored: str) -> tuple[str, str]:
    wire, _, local = stored.partition(" ")
    return wire, local


def find_link(db: Database, origin_desk: str, kind: str,
              origin_id: int) -> tuple[int, str, str] | None:
    """(local id, synced hash, local hash) of a record received from ``origin_desk``.

    ``exchange_links.synced_hash`` holds two sha256 digests separated by a space: the record
    as it was received (sender's form) and as it was stored here after that exchange.
    """
    row = db.conn.execute(
        "SELECT local_id, synced_hash FROM exchange_links "
        "WHERE origin_desk = ? AND kind = ? AND origin_id = ?",
        [origin_desk, kind, origin_id]).fetchone()
    return (int(row[0]), *_hashes(str(row[1]))) if row else None


def origins(db: Database, kind: str) -> dict[int, tuple[str, int, str]]:
    """Local id → (origin desk, origin id, hash as received) of the first link of each local
    record of ``kind``."""
    found: dict[int, tuple[str, int, str]] = {}
    for local_id, origin_desk, origin_id, synced in db.conn.execute(
            "SELECT local_id, origin_desk, origin_id, synced_hash FROM exchange_links "
            "WHERE kind = ? ORDER BY id", [kind]):
        found.setdefault(int(local_id),
                         (str(origin_desk), int(origin_id), _hashes(str(synced))[0]))
    return found


def save_link(db: Database, origin_desk: str, kind: str, origin_id: int, local_id: int,
              synced_hash: str, local_hash: str) -> None:
    db.conn.execute(
        "INSERT INTO exchange_links (origin_desk, kind, origin_id, local_id, synced_hash, "
        "synced_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (origin_desk, kind, origin_id) "
        "DO UPDATE SET local_id = excluded.local_id, synced_hash = excluded.synced_hash, "
        "synced_at = excluded.synced_at",
        [origin_desk, kind, origin_id, local_id, f"{synced_hash} {local_hash}",
         datetime.now().isoformat(timespec="seconds")])


def exists(db: Database, table: str, row_id: int) -> bool:
    return db.conn.execute(f"SELECT 1 FROM [{_table(table)}] WHERE id = ?",
                           [row_id]).fetchone() is not None
