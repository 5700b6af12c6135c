"""Local edits become revisions; revision states become rows again.

Every write to an exchanged table is noted by a trigger (``store/tracking.py``). Before any
exchange, and as the desk closes, :func:`seal` turns the noted records into revisions of this
desk's replica: a record born here gets its first revision (and, for an association or a
site with a code, the global id every desk derives alike), a changed one a new revision of
the fields that changed, a deleted one a tombstone. :class:`Book` converts between rows
(local ids) and the values that travel (global ids).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from meetingdesk.domain.replication import RecordState, Value, create, legacy, write
from meetingdesk.store import replica, revisions
from meetingdesk.store.exchanged import ORDER, REGISTRY, Exchanged, by_table
from meetingdesk.store.immediate import immediate
from meetingdesk.store.revisions import NewState
from meetingdesk.store.tracking import derived_gid, site_code_gid

if TYPE_CHECKING:
    from sqlite_utils import Database

logger = logging.getLogger(__name__)

CLOSE_WAIT_MS = 1_000
"""How long a closing desk waits for another program's write to end before sealing."""


def now_text() -> str:
    return datetime.now().isoformat(timespec="seconds")


class Book:
    """Local ids ↔ global ids, and the place (meeting, site) of records, cached for one
    operation."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.me = replica.replica_id(db)
        self._gids: dict[str, dict[int, str]] = {k: {} for k in REGISTRY}
        self._ids: dict[str, dict[str, int | None]] = {k: {} for k in REGISTRY}
        self.places: dict[str, tuple[str | None, str | None]] = {}

    # ids
    def gid(self, kind: str, row_id: int) -> str | None:
        cache = self._gids[kind]
        if row_id not in cache:
            cache.update(revisions.gids_of(self.db, kind, [row_id]))
        return cache.get(row_id)

    def preload_gids(self, kind: str, ids: Iterable[int]) -> None:
        missing = [i for i in ids if i not in self._gids[kind]]
        if missing:
            self._gids[kind].update(revisions.gids_of(self.db, kind, missing))

    def local_id(self, kind: str, gid: str) -> int | None:
        cache = self._ids[kind]
        if gid not in cache:
            cache[gid] = revisions.ids_of(self.db, kind, [gid]).get(gid)
        return cache[gid]

    def preload_ids(self, kind: str, gids: Iterable[str]) -> None:
        missing = [g for g in gids if g not in self._ids[kind]]
        if missing:
            found = revisions.ids_of(self.db, kind, missing)
            for g in missing:
                self._ids[kind][g] = found.get(g)

    def known(self, kind: str, gid: str, row_id: int | None) -> None:
        """Note that ``gid`` is now (``row_id``) or no longer (``None``) a row here."""
        self._ids[kind][gid] = row_id
        if row_id is not None:
            self._gids[kind][row_id] = gid

    # values
    def wire_values(self, spec: Exchanged, row: Mapping[str, Any],
                    old: RecordState | None = None) -> dict[str, Value]:
        """A row's travelling values (references as global ids). A reference this desk cannot
        hold (its target is not here) keeps the value of ``old``: a missing target is not an
        edit."""
        values: dict[str, Value] = {f: row[f] for f in spec.fields}
        if spec.aliases:
            values["aliases"] = row["aliases"]
        shown = old.shown if old is not None else {}
        for f, target in spec.refs.items():
            row_id = row[f]
            if row_id is not None:
                values[f] = self.gid(target, row_id)
            else:
                previous = shown.get(f)
                values[f] = previous if isinstance(previous, str) and self.local_id(
                    target, previous) is None else None
        return values

    def row_values(self, spec: Exchanged, values: Mapping[str, Value]) -> tuple[
            dict[str, Any], tuple[str, ...]]:
        """Travelling values as a row (references as local ids), and the required references
        whose target is not here."""
        row: dict[str, Any] = {f: values.get(f) for f in spec.fields}
        if spec.aliases:
            row["aliases"] = values.get("aliases") or "[]"
        missing = []
        for f, target in spec.refs.items():
            gid = values.get(f)
            row[f] = self.local_id(target, gid) if isinstance(gid, str) else None
            if row[f] is None and f in spec.required:
                missing.append(f)
        return row, tuple(missing)

    def place(self, spec: Exchanged, gid: str,
              values: Mapping[str, Value]) -> tuple[str | None, str | None]:
        """The meeting and the site a record belongs to (for the scope of packages)."""
        meeting: str | None = gid if spec.kind == "meeting" else None
        if spec.meeting_via:
            meeting = self._via(spec, values, spec.meeting_via, "meeting", 0)
        site = None
        for f in spec.site_via:
            site = self._via(spec, values, f, "site", 1)
            if site is not None:
                break
        self.places[gid] = (meeting, site)
        return meeting, site

    def _via(self, spec: Exchanged, values: Mapping[str, Value], field: str, kind: str,
             index: int) -> str | None:
        target = values.get(field)
        if not isinstance(target, str):
            return None
        if spec.refs[field] == kind:
            return target
        if target not in self.places:
            self.places.update(revisions.state_places(self.db, [target]))
        return self.places.get(target, (None, None))[index]


def _natural_gid(spec: Exchanged, values: Mapping[str, Value]) -> str | None:
    if spec.natural and all(isinstance(values.get(f), str) for f in spec.natural):
        return derived_gid(spec.kind, *(str(values[f]) for f in spec.natural))
    if spec.aliases and isinstance(values.get("code"), str) and str(values["code"]).strip():
        return site_code_gid(str(values["code"]))
    return None


def seal(db: Database, book: Book | None = None) -> int:
    """Turn every noted local write into a revision (inside the caller's transaction);
    returns how many records got one."""
    book = book or Book(db)
    noted = revisions.dirty(db)
    if not noted:
        return 0
    legacy_gids = set(revisions.legacy_dirty(db))
    by_kind: dict[str, list[str]] = {}
    for gid, kind in noted:
        by_kind.setdefault(kind, []).append(gid)
    at = now_text()
    made: list[NewState] = []
    for kind in ORDER:
        gids = by_kind.get(kind)
        if not gids:
            continue
        spec = REGISTRY[kind]
        rows = revisions.rows_by_gid(db, spec, gids)
        for spec_ref_kind in set(spec.refs.values()):
            book.preload_gids(spec_ref_kind, [r[f] for r in rows.values()
                                              for f, k in spec.refs.items()
                                              if k == spec_ref_kind and r[f] is not None])
        stored = revisions.states(db, gids)
        for gid in gids:
            row, old = rows.get(gid), stored.get(gid)
            state = _revision(db, book, spec, gid, row, old, gid in legacy_gids, at)
            if state is None:
                continue
            final_gid, new = state
            made.append(NewState(final_gid, kind, *book.place(spec, final_gid, new.shown),
                                 None, new))
    revisions.put_states(db, made)
    revisions.clear_dirty(db, [g for g, _ in noted] + [m.gid for m in made])
    if made:
        logger.info("Sealed %d local revision(s)", len(made))
    return len(made)


def seal_before_delete(db: Database, table: str) -> None:
    """Seal noted edits before rows of ``table`` are deleted (inside the caller's
    transaction): a deletion turns into a tombstone at the next seal, which can no longer read
    the row, so edits made to it since the last seal are sealed first, not lost."""
    if by_table(table) is not None and revisions.has_dirty(db):
        seal(db)


def seal_before_close(db: Database) -> None:
    """Seal pending edits as the desk closes, so a file copied afterwards carries them as
    revisions of the replica that made them (the copy then takes its own replica id); edits
    a crash left noted are sealed by the next desk to close. Beside a program writing the
    desk it waits at most :data:`CLOSE_WAIT_MS` for the write lock, then leaves the edits
    noted for the next close or exchange. A failure here is logged, never raised: closing
    must not fail."""
    try:
        if revisions.has_dirty(db):
            with immediate(db.conn, wait_ms=CLOSE_WAIT_MS):
                seal(db)
    except Exception as exc:
        busy = "SQLITE_BUSY" in (getattr(exc, "cause", ""), getattr(exc, "sqlite_errorname", ""))
        if busy:
            logger.info("Pending edits left noted: another program is writing the desk")
        else:
            logger.exception("Could not seal pending edits before closing")


def _revision(db: Database, book: Book, spec: Exchanged, gid: str,
              row: dict[str, Any] | None, old: revisions.Stored | None, is_legacy: bool,
              at: str) -> tuple[str, RecordState] | None:
    """The new revision of one noted record, under its (possibly derived) global id."""
    if row is None:
        if old is not None and old.state.alive:
            return gid, write(old.state, book.me, at, old.state.values(), alive=False)
        return None
    values = book.wire_values(spec, row, old.state if old else None)
    if old is None and is_legacy:
        return gid, legacy(values)
    if old is None:
        natural = _natural_gid(spec, values)
        if natural and natural != gid and book.local_id(spec.kind, natural) is None:
            revisions.set_gid(db, spec, row["id"], natural)
            book.known(spec.kind, gid, None)
            book.known(spec.kind, natural, row["id"])
            gid = natural
            old = revisions.states(db, [gid]).get(gid)
        if old is None:
            return gid, create(book.me, at, values)
    if old.state.alive and not _differs(old.state, values):
        return None
    return gid, write(old.state, book.me, at, values)


def _differs(state: RecordState, values: Mapping[str, Value]) -> bool:
    shown = state.shown
    return any(shown.get(f, None) != v or type(shown.get(f)) is not type(v)
               for f, v in values.items())
