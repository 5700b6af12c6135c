"""Merging received revision states into a desk (site exchange packages).

For each record of a package, the incoming state is compared with this desk's (after this
desk's own edits were sealed into revisions, :mod:`meetingdesk.store.sealing`):

- unknown here → **new** (or, for a tombstone, quietly kept so it travels on);
- equal, or covered by what this desk has → **unchanged** / **older** (ignored, said so);
- newer → **changed** (or **deleted**, or **new** again when it brings a record back);
- concurrent → merged field by field; fields changed on both sides to different values keep
  both values: **conflict**, shown with a winner that is the same on every desk until a
  person resolves it (:mod:`meetingdesk.services.conflicts`).

The merged states are stored, then turned into rows: living records inserted or updated
parents first, deletions applied children first. A record whose required reference is not
here (its target was deleted here) **waits** as a state and appears when its target does.
A deletion this desk cannot apply (a delegate deleted there still has an attendance here)
keeps the record and marks the deletion as a conflict.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.messages import message
from meetingdesk.domain.replication import (
    ALIVE,
    Order,
    RecordState,
    Sibling,
    Value,
    changed_fields,
    compare,
    merge,
    winning,
)
from meetingdesk.services import notes as notes_service
from meetingdesk.services.wire import WireRecord, bad_record
from meetingdesk.store import revisions, tables, task_register
from meetingdesk.store.desk import Desk
from meetingdesk.store.exchanged import ORDER, REGISTRY, Exchanged
from meetingdesk.store.revisions import NewState
from meetingdesk.store.rows import from_row
from meetingdesk.store.sealing import Book, now_text, seal

if TYPE_CHECKING:
    from sqlite_utils import Database

logger = logging.getLogger(__name__)

_CLASSES = {"site": tables.sites.cls, "person": tables.people.cls,
            "meeting": tables.meetings.cls, "meeting_site": tables.meeting_sites.cls,
            "connection_event": tables.connection_events.cls,
            "attendance": tables.attendances.cls, "agenda_item": tables.agenda_items.cls,
            "note": tables.notes.cls, "task": tables.tasks.cls, "issuer": tables.issuers.cls,
            "task_progress": task_register.progress.cls}


class Outcome(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    DELETED = "deleted"
    CONFLICT = "conflict"
    OLDER = "older"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field as it is here and as it will be (or, when ``conflict``, as it is there: both
    values are kept)."""

    field: str
    mine: str
    theirs: str
    conflict: bool = False
    """Both sides changed this field since their last common revision (in a conflicting
    record, the other fields merge cleanly)."""


@dataclass(frozen=True, slots=True)
class MergeItem:
    gid: str
    kind: str
    outcome: Outcome
    label: str
    changes: tuple[FieldChange, ...] = ()
    local_id: int | None = None
    waits_for: tuple[str, ...] = ()
    """The kinds of the records it refers to that are neither on this desk nor in the
    package: it is kept, but gets no row until they arrive (a problem the preview shows)."""


@dataclass(frozen=True, slots=True)
class MergePlan:
    items: tuple[MergeItem, ...]
    merged: tuple[NewState, ...]
    """The states to store (nothing for unchanged and older records)."""

    def of(self, outcome: Outcome) -> list[MergeItem]:
        return [i for i in self.items if i.outcome is outcome]

    def counts(self) -> dict[Outcome, int]:
        return {o: len(self.of(o)) for o in Outcome}

    @property
    def writes(self) -> bool:
        return bool(self.merged)

    def same_as(self, other: MergePlan) -> bool:
        """Whether two plans do what a user was shown: the same records, outcomes, values."""
        return self.items == other.items


# --- words for records and values ---------------------------------------------------------------

class Namer:
    """Names records and values in words: a delegate by name, a reference by its target."""

    def __init__(self, db: Database, records: Iterable[WireRecord] = ()) -> None:
        self.db = db
        self.known: dict[str, tuple[str, Mapping[str, Value]]] = {
            r.gid: (r.kind, r.state.shown) for r in records}
        referred = {v for r in records for f, v in r.state.shown.items()
                    if f in REGISTRY[r.kind].refs and isinstance(v, str)} - set(self.known)
        self.known.update({g: (s.kind, s.state.shown)
                           for g, s in revisions.states(db, referred).items()})

    def _values(self, gid: str) -> tuple[str, Mapping[str, Value]] | None:
        if gid not in self.known:
            found = revisions.states(self.db, [gid]).get(gid)
            if found is None:
                return None
            self.known[gid] = (found.kind, found.state.shown)
        return self.known[gid]

    def label(self, kind: str, values: Mapping[str, Value], depth: int = 0) -> str:
        def via(field: str) -> str:
            target = values.get(field)
            found = self._values(target) if isinstance(target, str) and depth < 3 else None
            return self.label(found[0], found[1], depth + 1) if found else ""

        if kind == "attendance":
            return via("person_id")
        if kind == "meeting_site":
            return via("site_id")
        if kind == "connection_event":
            return " · ".join(x for x in (via("meeting_site_id"),
                                          str(values.get("at") or "")[:16].replace("T", " "))
                              if x)
        text = (values.get("full_name") or values.get("name") or values.get("title")
                or values.get("text") or values.get("description") or "")
        return " ".join(str(text).split())[:80]

    def value(self, kind: str, field: str, value: Value) -> str:
        if field == ALIVE:
            return "còn" if value else "đã xóa"
        if value is None:
            return ""
        spec = REGISTRY[kind]
        if field in spec.refs and isinstance(value, str):
            found = self._values(value)
            return self.label(found[0], found[1]) if found else value[:8]
        return str(value)


# --- planning -------------------------------------------------------------------------------------

def _changes(namer: Namer, kind: str, before: RecordState | None,
             after: RecordState, incoming: RecordState) -> tuple[FieldChange, ...]:
    fields = list(changed_fields(before, after)) if before is not None else []
    if before is not None:
        fields += [f for f in after.conflicts() if f not in fields
                   and f not in before.conflicts()]
    old = before.values() if before is not None else {}
    old[ALIVE] = before.alive if before is not None else False
    theirs = after.values()
    theirs[ALIVE] = after.alive
    conflicted: set[str] = set()
    if before is not None:
        conflicted = set(after.conflicts())
        theirs.update({f: _their_value(before, after, incoming, f) for f in conflicted})
        conflicted -= set(before.conflicts())
    return tuple(FieldChange(f, namer.value(kind, f, old.get(f)),
                             namer.value(kind, f, theirs.get(f)), f in conflicted)
                 for f in fields)


def _their_value(before: RecordState, after: RecordState, incoming: RecordState,
                 field: str) -> Value:
    """The other side's value of a field in conflict: that of the siblings the package
    brings (the latest of them), not the value shown, which may well be this desk's own."""
    known = {s.dot for s in before.fields.get(field, ())}
    brought = winning(s for s in after.fields.get(field, ()) if s.dot not in known)
    if brought is not None:
        return brought.value
    return incoming.alive if field == ALIVE else incoming.shown.get(field)


def plan_merge(db: Database, records: list[WireRecord], origin: str | None,
               book: Book | None = None, *, seal_first: bool = True) -> MergePlan:
    """What merging ``records`` would do (inside the caller's transaction: this desk's own
    pending edits are sealed first; nothing of the package is written)."""
    book = book or Book(db)
    if seal_first:
        seal(db, book)
    stored = revisions.states(db, [r.gid for r in records])
    namer = Namer(db, records)
    carried = {r.gid for r in records if r.state.alive}
    items: list[MergeItem] = []
    merged: list[NewState] = []
    targets: dict[str, set[str]] = {}
    for r in records:
        for field, value in r.state.shown.items():
            if field in REGISTRY[r.kind].refs and isinstance(value, str):
                targets.setdefault(REGISTRY[r.kind].refs[field], set()).add(value)
    for kind in ORDER:
        book.preload_ids(kind, [r.gid for r in records if r.kind == kind]
                         + sorted(targets.get(kind, set()) - carried))
    for r in sorted(records, key=lambda r: ORDER.index(r.kind)):
        local = stored.get(r.gid)
        spec = REGISTRY[r.kind]
        label = namer.label(r.kind, r.state.shown)
        local_id = book.local_id(r.kind, r.gid)
        if local is None:
            state = r.state
            outcome = Outcome.NEW if state.alive else Outcome.UNCHANGED
            changes: tuple[FieldChange, ...] = ()
        else:
            order = compare(r.state, local.state)
            if order in (Order.EQUAL, Order.OLDER):
                outcome = Outcome.UNCHANGED if order is Order.EQUAL else Outcome.OLDER
                items.append(MergeItem(r.gid, r.kind, outcome, label, (), local_id))
                continue
            state = merge(local.state, r.state)
            if state == local.state:
                items.append(MergeItem(r.gid, r.kind, Outcome.UNCHANGED, label, (), local_id))
                continue
            changes = _changes(namer, r.kind, local.state, state, r.state)
            if set(state.conflicts()) - set(local.state.conflicts()):
                outcome = Outcome.CONFLICT  # a deletion against an edit too: said so
            elif local.state.alive and not state.alive:
                outcome = Outcome.DELETED
            elif not local.state.alive and state.alive:
                outcome = Outcome.NEW
            else:
                outcome = Outcome.CHANGED
        came_as_is = origin if state == r.state else None
        merged.append(NewState(r.gid, r.kind, *book.place(spec, r.gid, state.shown),
                               came_as_is, state))
        waits = _missing_targets(book, spec, state, carried) if state.alive else ()
        items.append(MergeItem(r.gid, r.kind, outcome, label, changes, local_id, waits))
    return MergePlan(tuple(items), tuple(merged))


def _missing_targets(book: Book, spec: Exchanged, state: RecordState,
                     carried: set[str]) -> tuple[str, ...]:
    """The kinds of the records ``state`` refers to that neither the package carries nor this
    desk holds."""
    missing = []
    for field, value in state.shown.items():
        target = spec.refs.get(field)
        if target and isinstance(value, str) and value not in carried \
                and book.local_id(target, value) is None:
            missing.append(target)
    return tuple(sorted(set(missing)))


# --- applying -------------------------------------------------------------------------------------

class Writer:
    """Turns stored states into rows (inside the caller's transaction)."""

    def __init__(self, db: Database, book: Book) -> None:
        self.db = db
        self.book = book
        self.touched: list[str] = []

    def write(self, states: Iterable[NewState]) -> None:
        states = list(states)
        revisions.put_states(self.db, states)
        by_kind: dict[str, list[NewState]] = {}
        for s in states:
            by_kind.setdefault(s.kind, []).append(s)
        targets: dict[str, set[str]] = {}
        for s in states:
            refs = REGISTRY[s.kind].refs
            for f, v in s.state.shown.items():
                if f in refs and isinstance(v, str):
                    targets.setdefault(refs[f], set()).add(v)
        for kind, gids in targets.items():
            self.book.preload_ids(kind, gids)
        for kind in ORDER:
            living = [s for s in by_kind.get(kind, ()) if s.state.alive]
            self.book.preload_ids(kind, [s.gid for s in living])
            self.upsert_all(REGISTRY[kind], [(s.gid, s.state) for s in living])
        for kind in reversed(ORDER):
            for s in by_kind.get(kind, ()):
                if not s.state.alive:
                    self.delete(REGISTRY[kind], s)
        self.materialize()
        revisions.clear_dirty(self.db, self.touched)

    def upsert(self, spec: Exchanged, gid: str, state: RecordState) -> None:
        self.upsert_all(spec, [(gid, state)])

    def upsert_all(self, spec: Exchanged, items: list[tuple[str, RecordState]]) -> None:
        """Rows for living states of one kind: checked, then inserted and updated in
        batches (a batch the schema refuses is written again record by record, so the
        refusal names its record)."""
        inserts: list[tuple[str, dict[str, Any]]] = []
        updates: list[tuple[str, int, dict[str, Any]]] = []
        waiting = []
        for gid, state in items:
            row, missing = self.book.row_values(spec, state.shown)
            if missing:
                logger.info("%s %s waits for %s", spec.kind, gid, ", ".join(missing))
                waiting.append(gid)
                continue
            _check_row(spec, gid, row)
            local_id = self.book.local_id(spec.kind, gid)
            if local_id is None:
                inserts.append((gid, row))
            else:
                updates.append((gid, local_id, row))
        if waiting:
            revisions.set_waiting(self.db, waiting, True)
        if spec.aliases or len(inserts) + len(updates) < 2:
            self._one_by_one(spec, inserts, updates)
            return
        try:
            with revisions.savepoint(self.db):
                born = revisions.insert_rows(self.db, spec, inserts)
                revisions.update_rows(self.db, spec, [(i, row) for _, i, row in updates])
        except sqlite3.IntegrityError:
            self._one_by_one(spec, inserts, updates)
            return
        for gid, row_id in born.items():
            self.book.known(spec.kind, gid, row_id)
        self._written(spec, [(g, born[g], row) for g, row in inserts] + updates)

    def _one_by_one(self, spec: Exchanged, inserts: list[tuple[str, dict[str, Any]]],
                    updates: list[tuple[str, int, dict[str, Any]]]) -> None:
        written = []
        for gid, row in inserts:
            label = f"{spec.kind} {gid[:8]}"
            if revisions.unique_clash(self.db, spec, row):
                raise bad_record(message("sync.site_code_taken_here", label=label,
                                         code=row["code"]))
            try:
                row_id = revisions.insert_row(self.db, spec, gid, row)
            except sqlite3.IntegrityError as exc:
                raise bad_record(message("sync.record_problem", label=label,
                                         problem=exc)) from None
            self.book.known(spec.kind, gid, row_id)
            written.append((gid, row_id, row))
        for gid, row_id, row in updates:
            label = f"{spec.kind} {gid[:8]}"
            try:
                revisions.update_row(self.db, spec, row_id, row)
            except sqlite3.IntegrityError as exc:
                raise bad_record(message("sync.record_problem", label=label,
                                         problem=exc)) from None
            written.append((gid, row_id, row))
        self._written(spec, written)

    def _written(self, spec: Exchanged, written: list[tuple[str, int, dict[str, Any]]]) -> None:
        for gid, row_id, row in written:
            if spec.kind == "note":
                notes_service.link_citations(self.db, row_id, str(row["text"]))
                notes_service.keep_arrived_text(self.db, row_id, str(row["text"]))
            self.touched.append(gid)

    def delete(self, spec: Exchanged, s: NewState) -> None:
        local_id = self.book.local_id(spec.kind, s.gid)
        if local_id is None:
            return
        try:
            revisions.delete_row(self.db, spec, local_id)
        except sqlite3.IntegrityError:
            self._still_used(s)
            return
        self.book.known(spec.kind, s.gid, None)
        self.touched.append(s.gid)

    def _still_used(self, s: NewState) -> None:
        """A deletion that records here still depend on: the record stays, and its deletion
        becomes a conflict (a revision of this desk that keeps it, beside the deletion)."""
        state = s.state
        counter = state.vector.get(self.book.me, 0) + 1
        keep = Sibling(self.book.me, counter, True, now_text())
        fields = {**state.fields, ALIVE: (*state.fields[ALIVE], keep)}
        kept = RecordState({**state.vector, self.book.me: counter}, fields)
        revisions.put_states(self.db, [NewState(s.gid, s.kind, s.meeting, s.site, None, kept)])
        self.upsert(REGISTRY[s.kind], s.gid, kept)
        logger.info("%s %s deleted elsewhere is still used here: kept, in conflict",
                    s.kind, s.gid)

    def materialize(self) -> None:
        """Rows for living states that were waiting for a reference target."""
        for kind in ORDER:
            gids = revisions.waiting(self.db, kind)
            if gids:
                revisions.set_waiting(self.db, gids, False)
                self.upsert_all(REGISTRY[kind], [
                    (stored.gid, stored.state)
                    for stored in revisions.states(self.db, gids).values()
                    if stored.state.alive])


def _check_row(spec: Exchanged, gid: str, row: Mapping[str, Any]) -> None:
    """Refuse a row its record class would refuse (an unknown status, a bad date)."""
    try:
        from_row(_CLASSES[spec.kind], {**row, "id": None, "aliases": None}
                 if spec.aliases else {**row, "id": None})
    except (ValueError, TypeError, KeyError) as exc:
        label = f"{spec.kind} {gid[:8]}"
        raise bad_record(message("sync.record_problem", label=label, problem=exc)) from None


def edited_since(desk: Desk, backup: Path) -> bool:
    """Whether records were changed here after the desk file ``backup`` was copied from it
    (edits typed here, sealed or not yet): that backup does not hold them."""
    seq = revisions.last_seq_in(backup)
    return seq is None or revisions.has_dirty(desk.db) or revisions.own_since(desk.db, seq)


def preview(desk: Desk, records: list[WireRecord], origin: str | None) -> MergePlan:
    """The plan of merging ``records``, shown before anything is written: this desk's own
    pending edits are sealed in a trial that is rolled back (not at all on a read-only
    desk)."""
    if desk.read_only:
        return plan_merge(desk.db, records, origin, seal_first=False)
    with revisions.rolled_back(desk.db) as db:
        return plan_merge(db, records, origin)


def merge_records(desk: Desk, records: list[WireRecord], origin: str | None, *,
                  expected: MergePlan | None = None,
                  backup: Callable[[], object] | None = None,
                  also: Callable[[Database], None] | None = None) -> MergePlan:
    """Merge ``records`` received from replica ``origin``: planned (this desk's own edits
    sealed), then — only when something will change — ``backup`` and the writes, all in one
    transaction with ``also`` (the checkpoints). Given the ``expected`` plan of an earlier
    preview, refuses, writing nothing, when the desk changed since. Without ``backup`` the
    plan and the writes are one transaction; with it, a plan that writes is made again after
    the backup when anything was written to the desk meanwhile, and must be the same."""
    planned: tuple[MergePlan, Book, tuple[int, int]] | None = None
    if backup is not None:
        with desk.transaction() as db:
            book = Book(db)
            plan = plan_merge(db, records, origin, book)
            _check_expected(plan, expected)
            if not plan.writes:
                if also is not None:
                    also(db)
                return plan
        planned = (plan, book, revisions.write_mark(desk.db))
        backup()
        expected = plan
    with desk.transaction() as db:
        if planned is not None and revisions.write_mark(db) == planned[2]:
            final, book = planned[0], planned[1]  # nothing was written since: still the plan
        else:
            book = Book(db)
            final = plan_merge(db, records, origin, book)
            _check_expected(final, expected)
        if final.writes:
            Writer(db, book).write(final.merged)
        if also is not None:
            also(db)
    return final


def _check_expected(plan: MergePlan, expected: MergePlan | None) -> None:
    if expected is not None and not plan.same_as(expected):
        raise ConflictError("sync.stale_plan")
