"""The SQL of revisions: records noted as changed, revision states, rows by global id,
checkpoints per partner. Services decide; this module only reads and writes.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meetingdesk.domain.replication import RecordState
from meetingdesk.store.backup import untouched_uri
from meetingdesk.store.exchanged import REGISTRY, Exchanged

if TYPE_CHECKING:
    from sqlite_utils import Database

_CHUNK = 500


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


@contextmanager
def rolled_back(db: Database) -> Iterator[Database]:
    """Work whose writes are all undone at its end (a preview)."""
    conn = db.conn
    conn.execute("SAVEPOINT md_trial")
    try:
        yield db
    finally:
        conn.execute("ROLLBACK TO md_trial")
        conn.execute("RELEASE md_trial")


@contextmanager
def savepoint(db: Database) -> Iterator[Database]:
    """Work undone as a whole when it raises (the caller's transaction goes on)."""
    conn = db.conn
    conn.execute("SAVEPOINT md_batch")
    try:
        yield db
    except BaseException:
        conn.execute("ROLLBACK TO md_batch")
        conn.execute("RELEASE md_batch")
        raise
    conn.execute("RELEASE md_batch")


def write_mark(db: Database) -> tuple[int, int]:
    """A mark that differs once anything was written to the desk: rows changed through this
    connection, and commits of any other connection."""
    return (db.conn.total_changes,
            int(db.conn.execute("PRAGMA data_version").fetchone()[0]))


# --- noted changes ----------------------------------------------------------------------------

def dirty(db: Database) -> list[tuple[str, str]]:
    """(gid, kind) of every record written since its last revision."""
    return [(r[0], r[1]) for r in db.conn.execute("SELECT gid, kind FROM sync_dirty")]


def has_dirty(db: Database) -> bool:
    return db.conn.execute("SELECT 1 FROM sync_dirty LIMIT 1").fetchone() is not None


def legacy_dirty(db: Database) -> list[str]:
    """Noted records that existed before revisions (they get a legacy first revision)."""
    return [r[0] for r in db.conn.execute("SELECT gid FROM sync_dirty WHERE legacy = 1")]


def clear_dirty(db: Database, gids: Iterable[str]) -> None:
    db.conn.executemany("DELETE FROM sync_dirty WHERE gid = ?", [(g,) for g in gids])


# --- states -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Stored:
    """A record's revision state as this desk keeps it."""

    gid: str
    kind: str
    meeting: str | None
    site: str | None
    seq: int
    origin: str | None
    state: RecordState
    text: str
    """The state as stored: the very JSON text it travels as."""


_DECODED_MAX = 8_000
"""Enough for one meeting's states with the directory records they refer to, even for a large
conference (63 provinces × 50 delegates: about 7,000). Not more: a decoded state is about
twenty objects the garbage collector walks at each full collection, so a larger bound makes
every full collection of the process cost more, meeting after meeting, until it is reached."""
_decoded: dict[str, RecordState] = {}
"""Stored state texts already decoded, by their text (a state never changes, so a text always
means the same state): a centre writing one meeting for 34 provinces decodes it once. Bounded
(:data:`_DECODED_MAX`); the oldest half is forgotten when full."""


def _remember(text: str, state: RecordState) -> None:
    if len(_decoded) >= _DECODED_MAX:
        for old in list(itertools.islice(_decoded, _DECODED_MAX // 2)):
            del _decoded[old]
    _decoded[text] = state


def decode_state(text: str) -> RecordState:
    """A state from its stored text (already checked and canonical when it was stored)."""
    state = _decoded.get(text)
    if state is None:
        state = RecordState.from_stored(json.loads(text))
        _remember(text, state)
    return state


def encode_state(state: RecordState) -> str:
    """A state's stored text: the same text it travels as in a package."""
    text = json.dumps(state.to_json(), ensure_ascii=False, separators=(",", ":"))
    _remember(text, state)
    return text


def _stored(row: Sequence[Any]) -> Stored:
    return Stored(row[0], row[1], row[2], row[3], row[4], row[5], decode_state(row[6]), row[6])


_STATE_COLUMNS = "gid, kind, meeting, site, seq, origin, state"


def states(db: Database, gids: Iterable[str]) -> dict[str, Stored]:
    found: dict[str, Stored] = {}
    for chunk in _chunks(list(gids)):
        for row in db.conn.execute(
                f"SELECT {_STATE_COLUMNS} FROM sync_state WHERE gid IN ({_marks(len(chunk))})",
                list(chunk)):
            found[row[0]] = _stored(row)
    return found


def state_places(db: Database, gids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
    """gid → (meeting, site) of known states."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for chunk in _chunks(list(gids)):
        for row in db.conn.execute(
                f"SELECT gid, meeting, site FROM sync_state WHERE gid IN ({_marks(len(chunk))})",
                list(chunk)):
            found[row[0]] = (row[1], row[2])
    return found


def sequence_of(conn: sqlite3.Connection) -> int:
    """How far a desk's sequence of revision states went, read through ``conn``."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM sync_state").fetchone()[0])


def last_seq(db: Database) -> int:
    return sequence_of(db.conn)


def own_since(db: Database, seq: int) -> bool:
    """Whether this desk made revisions of its own (not received as they are) after ``seq``."""
    return db.conn.execute("SELECT 1 FROM sync_state WHERE seq > ? AND origin IS NULL LIMIT 1",
                           [seq]).fetchone() is not None


_BACKUP_SEQUENCES: dict[tuple[str, int, int, int, int], int] = {}
"""How far the sequence of backup files went, by file identity (device, inode, size, time of
last change): a backup is written once and renamed into place, so opening it again before
each of a row of imports (SQLite parsing its whole schema) would read the same number."""


def last_seq_in(path: Path) -> int | None:
    """How far the sequence of the desk file ``path`` (a backup) went, read without touching
    it; ``None`` when it cannot be read."""
    try:
        st = path.stat()
    except OSError:
        return None
    key = (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    if key in _BACKUP_SEQUENCES:
        return _BACKUP_SEQUENCES[key]
    try:
        conn = sqlite3.connect(untouched_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        seq = sequence_of(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    _BACKUP_SEQUENCES[key] = seq
    return seq


@dataclass(frozen=True, slots=True)
class NewState:
    gid: str
    kind: str
    meeting: str | None
    site: str | None
    origin: str | None
    state: RecordState


def put_states(db: Database, new: Sequence[NewState]) -> None:
    """Store states, each with the next sequence number of this desk."""
    seq = last_seq(db)
    rows = []
    for n in new:
        seq += 1
        rows.append((n.gid, n.kind, n.meeting, n.site, seq, int(n.state.alive),
                     int(bool(n.state.conflicts())), n.origin, encode_state(n.state)))
    db.conn.executemany(
        "INSERT INTO sync_state (gid, kind, meeting, site, seq, alive, conflicted, origin, "
        "state, born) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?5) ON CONFLICT (gid) DO UPDATE SET "
        "kind = excluded.kind, meeting = excluded.meeting, site = excluded.site, "
        "seq = excluded.seq, alive = excluded.alive, conflicted = excluded.conflicted, "
        "origin = excluded.origin, state = excluded.state", rows)


def changed_since(db: Database, meeting: str, since: int,
                  site: str | None = None) -> list[Stored]:
    """A meeting's states (only one site's when ``site`` is given) changed after ``since``."""
    return _scope(db, meeting, site, "seq > ?1", since)


def held_since(db: Database, meeting: str, upto: int, kinds: Sequence[str],
               site: str | None = None) -> list[Stored]:
    """A meeting's states (only one site's when ``site`` is given) last changed at or before
    ``upto``, and those of ``kinds`` first stored here at or before it."""
    marks = ", ".join(f"?{3 + n}" for n in range(len(kinds))) or "NULL"
    return _scope(db, meeting, site, f"(seq <= ?1 OR (born <= ?1 AND kind IN ({marks})))",
                  upto, kinds)


def _scope(db: Database, meeting: str, site: str | None, condition: str,
           seq: int, kinds: Sequence[str] = ()) -> list[Stored]:
    """A meeting's states meeting ``condition`` (``?1`` the sequence number, ``?3``… the
    ``kinds``), in sequence order. One site's part is read through its own index
    (``sync_state_site``) and the meeting's record by its id: the rest of the meeting — the
    other 33 provinces' records — is never read."""
    select = f"SELECT {_STATE_COLUMNS} FROM sync_state"
    params: list[Any] = [seq, meeting, *kinds]
    if site is None:
        sql = f"{select} WHERE meeting = ?2 AND {condition}"
    else:
        params.append(site)
        mark = f"?{len(params)}"
        sql = (f"{select} WHERE meeting = ?2 AND site = {mark} AND {condition} UNION ALL "
               f"{select} WHERE gid = ?2 AND kind = 'meeting' AND site IS NOT {mark} "
               f"AND {condition}")
    return [_stored(r) for r in db.conn.execute(sql + " ORDER BY seq", params)]


def directory_changed_since(db: Database, since: int) -> bool:
    """Whether a state belonging to no meeting (a site, a person) changed after ``since``."""
    return db.conn.execute("SELECT 1 FROM sync_state WHERE meeting IS NULL AND seq > ? LIMIT 1",
                           [since]).fetchone() is not None


def conflicted(db: Database) -> list[Stored]:
    return [_stored(r) for r in db.conn.execute(
        f"SELECT {_STATE_COLUMNS} FROM sync_state WHERE conflicted = 1 ORDER BY seq")]


def waiting(db: Database, kind: str) -> list[str]:
    """Living states of ``kind`` noted as waiting for a missing reference target."""
    return [r[0] for r in db.conn.execute(
        "SELECT gid FROM sync_state WHERE waiting = 1 AND kind = ?", [kind])]


def set_waiting(db: Database, gids: Iterable[str], waiting: bool) -> None:
    db.conn.executemany("UPDATE sync_state SET waiting = ? WHERE gid = ?",
                        [(int(waiting), g) for g in gids])


def state_count(db: Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM sync_state").fetchone()[0])


# --- rows by global id ------------------------------------------------------------------------

def _aliases(db: Database, site_ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, list[str]] = {i: [] for i in site_ids}
    for chunk in _chunks(list(site_ids)):
        for site_id, name in db.conn.execute(
                f"SELECT site_id, name FROM site_aliases WHERE site_id IN "
                f"({_marks(len(chunk))}) ORDER BY id", list(chunk)):
            found[site_id].append(name)
    return {i: json.dumps(names, ensure_ascii=False) for i, names in found.items()}


def rows_by_gid(db: Database, spec: Exchanged, gids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """gid → row (``id`` and every travelling column; references as local ids)."""
    columns = ["id", "gid", *spec.fields, *spec.refs]
    select = ", ".join(f"[{c}]" for c in columns)
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(list(gids)):
        for row in db.conn.execute(
                f"SELECT {select} FROM [{spec.table}] WHERE gid IN ({_marks(len(chunk))})",
                list(chunk)):
            found[row[1]] = dict(zip(columns, row, strict=True))
    if spec.aliases and found:
        names = _aliases(db, [r["id"] for r in found.values()])
        for r in found.values():
            r["aliases"] = names[r["id"]]
    return found


def gids_of(db: Database, kind: str, ids: Iterable[int]) -> dict[int, str]:
    table = REGISTRY[kind].table
    found: dict[int, str] = {}
    for chunk in _chunks(list(set(ids))):
        for i, g in db.conn.execute(
                f"SELECT id, gid FROM [{table}] WHERE id IN ({_marks(len(chunk))})",
                list(chunk)):
            found[i] = g
    return found


def ids_of(db: Database, kind: str, gids: Iterable[str]) -> dict[str, int]:
    table = REGISTRY[kind].table
    found: dict[str, int] = {}
    for chunk in _chunks(list(set(gids))):
        for g, i in db.conn.execute(
                f"SELECT gid, id FROM [{table}] WHERE gid IN ({_marks(len(chunk))})",
                list(chunk)):
            found[g] = i
    return found


def set_gid(db: Database, spec: Exchanged, row_id: int, gid: str) -> None:
    db.conn.execute(f"UPDATE [{spec.table}] SET gid = ? WHERE id = ?", [gid, row_id])


def _set_aliases(db: Database, site_id: int, aliases: str | None) -> None:
    names = json.loads(aliases or "[]")
    db.conn.execute("DELETE FROM site_aliases WHERE site_id = ?", [site_id])
    db.conn.executemany("INSERT OR IGNORE INTO site_aliases (site_id, name) VALUES (?, ?)",
                        [(site_id, n) for n in names])


def insert_row(db: Database, spec: Exchanged, gid: str, row: Mapping[str, Any]) -> int:
    """Insert a received record (its position last in its meeting's list) and return its id."""
    values = {k: v for k, v in row.items() if k != "aliases"}
    values["gid"] = gid
    if spec.positioned:
        values["position"] = int(db.conn.execute(
            f"SELECT coalesce(max(position), 0) + 1 FROM [{spec.table}] WHERE meeting_id = ?",
            [row["meeting_id"]]).fetchone()[0])
    columns = list(values)
    cursor = db.conn.execute(
        f"INSERT INTO [{spec.table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"VALUES ({_marks(len(columns))})", [values[c] for c in columns])
    row_id = int(cursor.lastrowid or 0)
    if spec.aliases:
        _set_aliases(db, row_id, row.get("aliases"))
    return row_id


def insert_rows(db: Database, spec: Exchanged,
                rows: Sequence[tuple[str, Mapping[str, Any]]]) -> dict[str, int]:
    """Insert received records of a kind without aliases, in one statement (each positioned
    one last in its meeting's list, in the order given); returns gid → new id."""
    if not rows:
        return {}
    columns = [c for c in rows[0][1] if c != "aliases"]
    params: list[list[Any]] = [[gid, *(row[c] for c in columns)] for gid, row in rows]
    names = ["gid", *columns]
    if spec.positioned:
        names.append("position")
        following: dict[Any, int] = {}
        for (_, row), values in zip(rows, params, strict=True):
            meeting = row["meeting_id"]
            if meeting not in following:
                following[meeting] = int(db.conn.execute(
                    f"SELECT coalesce(max(position), 0) + 1 FROM [{spec.table}] "
                    "WHERE meeting_id = ?", [meeting]).fetchone()[0])
            values.append(following[meeting])
            following[meeting] += 1
    db.conn.executemany(
        f"INSERT INTO [{spec.table}] ({', '.join(f'[{c}]' for c in names)}) "
        f"VALUES ({_marks(len(names))})", params)
    return ids_of(db, spec.kind, [gid for gid, _ in rows])


def update_rows(db: Database, spec: Exchanged,
                rows: Sequence[tuple[int, Mapping[str, Any]]]) -> None:
    """Update received records of a kind without aliases, in one statement."""
    if not rows:
        return
    columns = [c for c in rows[0][1] if c != "aliases"]
    db.conn.executemany(
        f"UPDATE [{spec.table}] SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE id = ?",
        [[*(row[c] for c in columns), row_id] for row_id, row in rows])


def update_row(db: Database, spec: Exchanged, row_id: int, row: Mapping[str, Any]) -> None:
    values = {k: v for k, v in row.items() if k != "aliases"}
    if values:
        db.conn.execute(
            f"UPDATE [{spec.table}] SET {', '.join(f'[{c}] = ?' for c in values)} WHERE id = ?",
            [*values.values(), row_id])
    if spec.aliases and "aliases" in row:
        _set_aliases(db, row_id, row["aliases"])


def delete_row(db: Database, spec: Exchanged, row_id: int) -> None:
    db.conn.execute(f"DELETE FROM [{spec.table}] WHERE id = ?", [row_id])


def unique_clash(db: Database, spec: Exchanged, row: Mapping[str, Any]) -> bool:
    """Whether another row of a unique-code table already holds ``row``'s code."""
    if spec.table != "sites" or not row.get("code"):
        return False
    return db.conn.execute("SELECT 1 FROM sites WHERE code = ?", [row["code"]]).fetchone() \
        is not None


# --- checkpoints --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Checkpoint:
    partner: str
    scope: str
    sent: int
    received: int
    acked: int
    updated_at: str


def checkpoints(db: Database, partner: str | None = None,
                scope: str | None = None) -> list[Checkpoint]:
    """The checkpoints kept (of one ``partner``; of one of its scopes: the one row, by its
    key, not the year of scopes it holds)."""
    sql = "SELECT partner, scope, sent, received, acked, updated_at FROM sync_checkpoints"
    params: list[Any] = []
    if partner is not None:
        sql += " WHERE partner = ?"
        params.append(partner)
        if scope is not None:
            sql += " AND scope = ?"
            params.append(scope)
    return [Checkpoint(*r) for r in db.conn.execute(sql + " ORDER BY partner, scope", params)]


def put_checkpoint(db: Database, cp: Checkpoint) -> None:
    db.conn.execute(
        "INSERT INTO sync_checkpoints (partner, scope, sent, received, acked, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (partner, scope) DO UPDATE SET "
        "sent = excluded.sent, received = excluded.received, acked = excluded.acked, "
        "updated_at = excluded.updated_at",
        [cp.partner, cp.scope, cp.sent, cp.received, cp.acked, cp.updated_at])
