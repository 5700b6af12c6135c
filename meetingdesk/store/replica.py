"""This desk's replica id, bound to the identity of its file.

Two copies of a desk must never speak as one: they would number their revisions alike. The
replica id is stored with the identity of the file it was made for — its resolved path, device
and inode, read with ``os.stat`` (which opens no descriptor, so it cannot drop SQLite's locks).
At every opening :func:`bind` compares them: a desk copied, moved, restored from a backup or
carried to another machine finds another file identity and takes a new replica id (the old
one stays among the known replicas, so what it wrote keeps its author).

A copy written *over* the file (``cp backup.db desk.db``) keeps the file's identity, so the
desk also leaves a mark beside its file as it closes (``<file>.replica``: its replica id and
how far its sequence of revision states went). A file whose sequence is behind the mark its
replica left there went back in time — it was restored over itself — and takes a new replica
id too: otherwise it would number new revisions as the ones it already sent.

A mark beside the file can be restored with it (a desk's folder copied back from a USB stick)
or lost, so the same mark is also kept on the machine, in the user's data folder, by replica
id (``replicas/<id>.json``): a folder restored over itself cannot set it back. Both are left
as the desk closes and after each package it writes (what a partner may already hold).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from meetingdesk.paths import user_data_dir
from meetingdesk.store.immediate import immediate
from meetingdesk.store.revisions import sequence_of

if TYPE_CHECKING:
    from sqlite_utils import Database

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileIdentity:
    path: str
    device: int
    inode: int


def file_identity(path: Path) -> FileIdentity | None:
    """The identity of a desk file (``None`` when it cannot be read)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileIdentity(str(path.resolve()), st.st_dev, st.st_ino)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def remember(conn: sqlite3.Connection, replica_id: str, label: str = "", *,
             mine: bool = False) -> None:
    """Note a replica (this desk's, or a partner's seen in a package) and its label."""
    conn.execute(
        "INSERT INTO replicas (replica_id, label, first_seen, mine) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (replica_id) DO UPDATE SET label = CASE WHEN excluded.label <> '' "
        "THEN excluded.label ELSE replicas.label END, mine = max(replicas.mine, excluded.mine)",
        [replica_id, label, _now(), int(mine)])


def labels(db: Database) -> dict[str, tuple[str, bool]]:
    """replica id → (label, whether it is one of this desk's own ids)."""
    return {r[0]: (r[1], bool(r[2])) for r in db.conn.execute(
        "SELECT replica_id, label, mine FROM replicas")}


def replica_id(db: Database) -> str:
    row = db.conn.execute("SELECT replica_id FROM replica WHERE id = 1").fetchone()
    if row is None:
        raise LookupError("this desk has no replica id (migration 0005 missing)")
    return str(row[0])


def _take_new(conn: sqlite3.Connection, identity: FileIdentity | None, why: str) -> str:
    new = str(uuid.uuid4())
    values = [new, identity.path if identity else None, identity.device if identity else None,
              identity.inode if identity else None, _now()]
    conn.execute(
        "INSERT INTO replica (id, replica_id, file_path, file_device, file_inode, since) "
        "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "replica_id = excluded.replica_id, file_path = excluded.file_path, "
        "file_device = excluded.file_device, file_inode = excluded.file_inode, "
        "since = excluded.since", values)
    remember(conn, new, mine=True)
    logger.info("New replica id %s (%s)", new, why)
    return new


def mark_path(path: Path) -> Path:
    """Where a desk leaves its mark: beside its file."""
    return path.with_name(path.name + ".replica")


def machine_mark_path(replica: str) -> Path:
    """Where this machine keeps the mark of a replica: in the user's data folder."""
    return user_data_dir() / "replicas" / f"{replica}.json"


def _marked_sequence(path: Path, replica: str) -> int | None:
    """The sequence a mark at ``path`` gives for ``replica`` (None: no such mark)."""
    try:
        mark = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # no mark (a new desk, a moved one) or an unreadable one
    if isinstance(mark, dict) and mark.get("replica") == replica \
            and type(mark.get("sequence")) is int:
        return int(mark["sequence"])
    return None


def _write_mark(target: Path, mark: dict[str, object]) -> None:
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(mark), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        logger.warning("Could not leave the replica mark %s", target, exc_info=True)
        partial.unlink(missing_ok=True)


def leave_mark(db: Database, path: Path) -> None:
    """Record, beside the file and on the machine, this desk's replica id and how far its
    sequence went (as the desk closes, and after it wrote a package). Never raises: a mark
    that cannot be written only weakens the detection of a file restored over itself."""
    try:
        replica, sequence = replica_id(db), sequence_of(db.conn)
    except (LookupError, sqlite3.Error):
        logger.warning("No replica mark for %s", path, exc_info=True)
        return
    on_machine = machine_mark_path(replica)
    # never lowered: a mark only moves forward with the replica's revisions
    sequence = max(sequence, _marked_sequence(on_machine, replica) or 0)
    for target in (mark_path(path), on_machine):
        _write_mark(target, {"replica": replica, "sequence": sequence})


def went_back(conn: sqlite3.Connection, path: Path) -> bool:
    """Whether the file at ``path`` (read through ``conn``) is behind a mark its own replica
    left, beside it or on this machine: a copy of an older state written over it."""
    try:
        row = conn.execute("SELECT replica_id FROM replica WHERE id = 1").fetchone()
        if row is None:
            return False
        marked = [_marked_sequence(p, row[0])
                  for p in (mark_path(path), machine_mark_path(row[0]))]
        known = [m for m in marked if m is not None]
        return bool(known) and sequence_of(conn) < max(known)
    except sqlite3.Error:
        return False


def bind(conn: sqlite3.Connection, identity: FileIdentity | None) -> str:
    """This desk's replica id for the file it is opened from: kept when the file is the one
    it was made for, bound on first use, renewed when the file is another (a copy, a move, a
    restored backup). Returns the replica id. Only a change takes the write lock (in its own
    transaction, deciding again under the lock): opening a desk beside a program writing it
    never waits."""
    found = _kept(conn, identity)
    if found is not None:
        return found
    with immediate(conn):
        return _kept(conn, identity) or _rebind(conn, identity)


def _kept(conn: sqlite3.Connection, identity: FileIdentity | None) -> str | None:
    """The replica id when the file is bound to this file already, else None (read only)."""
    row = conn.execute(
        "SELECT replica_id, file_path, file_device, file_inode FROM replica WHERE id = 1"
    ).fetchone()
    if row is None or (identity is not None and (
            (row[1], row[2], row[3]) != (identity.path, identity.device, identity.inode)
            or went_back(conn, Path(identity.path)))):
        return None
    return str(row[0])


def _rebind(conn: sqlite3.Connection, identity: FileIdentity | None) -> str:
    """Bind the desk to its file, or take a new replica id: what :func:`_kept` did not keep."""
    row = conn.execute(
        "SELECT replica_id, file_path, file_device, file_inode FROM replica WHERE id = 1"
    ).fetchone()
    if row is None:
        return _take_new(conn, identity, "new desk")
    assert identity is not None  # a bound desk whose file has no identity is kept
    if row[1] is None:
        conn.execute("UPDATE replica SET file_path = ?, file_device = ?, file_inode = ? "
                     "WHERE id = 1", [identity.path, identity.device, identity.inode])
        return str(row[0])
    if (row[1], row[2], row[3]) != (identity.path, identity.device, identity.inode):
        return _take_new(conn, identity, f"the file is not the one of {row[0]}: "
                                         f"copied, moved or restored")
    return _take_new(conn, identity, f"the file of {row[0]} went back in time: "
                                     f"an older copy was written over it")


def renew(conn: sqlite3.Connection, path: Path) -> str:
    """Take a new replica id now (an explicit "this desk is a copy")."""
    with immediate(conn):
        return _take_new(conn, file_identity(path), "asked")
