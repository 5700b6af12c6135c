"""Change tracking of exchanged tables, in the schema itself.

:func:`track` gives a table a global id column (``gid``, a UUID set when a row is born) and
three triggers that note every insert, update and delete in ``sync_dirty`` — whichever code
wrote the row (a service, an undo, an import). The next exchange turns the noted records into
revisions (:mod:`meetingdesk.store.sealing`). Migrations call it; the SQL it writes is
part of the released schema and must not change (a new behaviour needs a new function).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


# A random (version 4) UUID in SQLite's own functions.
UUID_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)

SYNC_TABLES = """
CREATE TABLE sync_dirty (
    gid TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    legacy INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE sync_state (
    gid TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    meeting TEXT,
    site TEXT,
    seq INTEGER NOT NULL,
    alive INTEGER NOT NULL,
    conflicted INTEGER NOT NULL DEFAULT 0,
    waiting INTEGER NOT NULL DEFAULT 0,
    origin TEXT,
    state TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_state_seq ON sync_state(seq);
CREATE INDEX sync_state_meeting ON sync_state(meeting, seq);
CREATE INDEX sync_state_conflicted ON sync_state(conflicted) WHERE conflicted = 1;
CREATE INDEX sync_state_waiting ON sync_state(kind) WHERE waiting = 1;
CREATE TABLE replica (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    replica_id TEXT NOT NULL,
    file_path TEXT,
    file_device INTEGER,
    file_inode INTEGER,
    since TEXT NOT NULL
);
CREATE TABLE replicas (
    replica_id TEXT PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    mine INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE sync_checkpoints (
    partner TEXT NOT NULL,
    scope TEXT NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0,
    received INTEGER NOT NULL DEFAULT 0,
    acked INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (partner, scope)
) WITHOUT ROWID;
"""
"""The tables of the exchange: records changed since the last revision (``sync_dirty``;
``legacy`` for a record older than revisions),
the revision state of every exchanged record (``sync_state``: ``seq`` orders this desk's
changes for checkpoints, ``origin`` is the partner whose package gave exactly this state,
``waiting`` marks a living record without a row here until its reference target arrives),
this desk's replica id bound to its file (``replica``), the desks known by replica id
(``replicas``) and the per-partner, per-scope checkpoints (``sync_checkpoints``)."""


def track(db: Database, table: str, kind: str) -> None:
    """Give ``table`` a global id column and the triggers that note its changes; rows it
    already holds get a random global id and are noted as legacy records."""
    db.execute(f"ALTER TABLE [{table}] ADD COLUMN gid TEXT")
    db.execute(f"UPDATE [{table}] SET gid = {UUID_SQL}")
    db.execute(f"INSERT INTO sync_dirty (gid, kind, legacy) SELECT gid, '{kind}', 1 "
               f"FROM [{table}]")
    db.execute(f"CREATE UNIQUE INDEX [{table}_gid] ON [{table}](gid)")
    _triggers(db, table, kind)


def _triggers(db: Database, table: str, kind: str) -> None:
    # Not INSERT OR IGNORE: inside a trigger run by a foreign key action (ON DELETE SET NULL)
    # or an upsert, SQLite replaces the IGNORE by the outer statement's ABORT.
    db.execute(
        f"CREATE TRIGGER [{table}_sync_ai] AFTER INSERT ON [{table}] BEGIN "
        f"UPDATE [{table}] SET gid = {UUID_SQL} WHERE id = new.id AND gid IS NULL; "
        f"INSERT INTO sync_dirty (gid, kind) SELECT t.gid, '{kind}' FROM [{table}] t "
        f"WHERE t.id = new.id AND NOT EXISTS "
        f"(SELECT 1 FROM sync_dirty d WHERE d.gid = t.gid); END")
    db.execute(
        f"CREATE TRIGGER [{table}_sync_au] AFTER UPDATE ON [{table}] "
        f"WHEN new.gid IS NOT NULL BEGIN "
        f"INSERT INTO sync_dirty (gid, kind) SELECT new.gid, '{kind}' WHERE NOT EXISTS "
        f"(SELECT 1 FROM sync_dirty WHERE gid = new.gid); END")
    db.execute(
        f"CREATE TRIGGER [{table}_sync_ad] AFTER DELETE ON [{table}] "
        f"WHEN old.gid IS NOT NULL BEGIN "
        f"INSERT INTO sync_dirty (gid, kind) SELECT old.gid, '{kind}' WHERE NOT EXISTS "
        f"(SELECT 1 FROM sync_dirty WHERE gid = old.gid); END")


NAMESPACE = uuid.UUID("6f1c2d4e-8a5b-4c3d-9e7f-0a1b2c3d4e5f")
"""The namespace of global ids derived from other ids (uuid5)."""

# (kind, table) tracked by migration 0005, in dependency order; fixed forever.
_TRACKED_0005 = (("site", "sites"), ("person", "people"), ("issuer", "issuers"),
                 ("meeting", "meetings"),
                 ("meeting_site", "meeting_sites"), ("connection_event", "connection_events"),
                 ("attendance", "attendances"), ("agenda_item", "agenda_items"),
                 ("note", "notes"), ("task", "tasks"))
_LEGACY_KINDS_0002 = {"site", "person", "meeting", "meeting_site", "connection_event",
                      "attendance", "agenda_item", "note"}


def derived_gid(*parts: str) -> str:
    """A global id made from other values: the same on every desk that makes it."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def site_code_gid(code: str) -> str:
    return derived_gid("site-code", code.strip().upper())


def migrate_0005(db: Database) -> None:
    """Exchange tables, tracking of the exchanged tables, and a global id for every existing
    row: derived from its site code or its association (meeting + person, meeting + site), or
    else from the reference it travelled under before (origin desk, kind, origin id) — so two
    desks that already exchanged name their shared records alike. Every existing row is noted
    as a legacy record: its first revision is made at the next exchange."""
    for statement in SYNC_TABLES.strip().split(";"):
        if statement.strip():
            db.execute(statement)
    row = db.conn.execute("SELECT desk_id FROM organization WHERE id = 1").fetchone()
    desk = str(row[0]) if row and row[0] else str(uuid.uuid4())
    links: dict[tuple[str, int], tuple[str, int]] = {}
    for origin_desk, kind, origin_id, local_id in db.conn.execute(
            "SELECT origin_desk, kind, origin_id, local_id FROM exchange_links ORDER BY id"):
        links.setdefault((kind, local_id), (origin_desk, origin_id))
    gids: dict[tuple[str, int], str] = {}
    for kind, table in _TRACKED_0005:
        db.execute(f"ALTER TABLE [{table}] ADD COLUMN gid TEXT")
        updates = []
        for row_id, code, first, second in _legacy_keys(db, kind, table):
            if kind == "site" and code:
                gid = site_code_gid(code)
            elif kind == "meeting_site" and first in gids and second in gids:
                gid = derived_gid("meeting_site", gids[first], gids[second])
            elif kind == "attendance" and first in gids and second in gids:
                gid = derived_gid("attendance", gids[first], gids[second])
            else:
                origin = links.get((kind, row_id)) if kind in _LEGACY_KINDS_0002 else None
                origin_desk, origin_id = origin or (desk, row_id)
                gid = derived_gid("legacy", origin_desk, kind, str(origin_id))
            gids[(kind, row_id)] = gid
            updates.append((gid, row_id))
        db.conn.executemany(f"UPDATE [{table}] SET gid = ? WHERE id = ?", updates)
        db.conn.executemany("INSERT INTO sync_dirty (gid, kind, legacy) VALUES (?, ?, 1)",
                            [(g, kind) for g, _ in updates])
        db.execute(f"CREATE UNIQUE INDEX [{table}_gid] ON [{table}](gid)")
        _triggers(db, table, kind)


def _legacy_keys(db: Database, kind: str, table: str) -> list[tuple[int, str | None,
                                                                      tuple[str, int],
                                                                      tuple[str, int]]]:
    """(id, site code, first parent, second parent) of a table's rows, for its legacy gid."""
    if kind == "site":
        sql = "SELECT id, code, NULL, NULL FROM sites"
    elif kind == "meeting_site":
        sql = "SELECT id, NULL, meeting_id, site_id FROM meeting_sites"
    elif kind == "attendance":
        sql = "SELECT id, NULL, meeting_id, person_id FROM attendances"
    else:
        sql = f"SELECT id, NULL, NULL, NULL FROM [{table}]"
    parents = {"meeting_site": ("meeting", "site"), "attendance": ("meeting", "person")}
    first, second = parents.get(kind, ("", ""))
    return [(r[0], r[1], (first, r[2]), (second, r[3]))
            for r in db.conn.execute(sql + " ORDER BY id")]
