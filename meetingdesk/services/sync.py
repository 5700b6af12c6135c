"""Merging records exchanged between desks (site exchange packages).

Every record travels with a *ref*, ``(origin desk id, origin id)``: the desk that created it and
its id there. A desk that received a record keeps the mapping in ``exchange_links`` and sends the
record on under its origin ref, so the same person is the same ref on every desk, and importing
a package twice finds everything already linked: no duplicates.

Merging a record:

- not known here (no link, not ours, no natural match) → **new**, added;
- equal to the local record → **unchanged**;
- changed at the source only → **changed**, updated;
- changed here only → **kept** (the local version stays);
- changed on both sides, or matched by name with different content and no shared history →
  **conflict**: reported, never overwritten.

"Changed since the last exchange" compares hashes: the link keeps the hash of the record as
received and as stored; a record coming back to its origin desk carries the sender's received
hash as its *base*. References between records (a person's site, an attendance's person) are
refs on the wire and local ids in the desk.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.records import Note
from meetingdesk.domain.text import clean_text, fold
from meetingdesk.services import guards
from meetingdesk.services import notes as notes_service
from meetingdesk.services.guards import MAX_LINE, MAX_TEXT
from meetingdesk.services.wire import (
    KINDS,
    ORDER,
    Kind,
    Mode,
    Outgoing,
    Ref,
    WireRecord,
    bad_record,
    digest,
)
from meetingdesk.store import bulk, matching, tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.rows import from_row, to_row

logger = logging.getLogger(__name__)


class Outcome(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    KEPT = "kept"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class MergeItem:
    record: WireRecord
    outcome: Outcome
    local_id: int | None
    label: str
    changes: tuple[str, ...] = ()
    """Fields that differ (changed or conflicting)."""


@dataclass(frozen=True, slots=True)
class MergePlan:
    items: tuple[MergeItem, ...]
    desk_id: str

    def of(self, outcome: Outcome) -> list[MergeItem]:
        return [i for i in self.items if i.outcome is outcome]

    def counts(self) -> dict[Outcome, int]:
        return {o: len(self.of(o)) for o in Outcome}

    def signature(self) -> tuple[object, ...]:
        return tuple((i.record.kind, i.record.ref, i.outcome, i.local_id) for i in self.items)


def _label(record: WireRecord) -> str:
    d = record.data
    text = d.get("full_name") or d.get("name") or d.get("title") or d.get("text") or ""
    text = " ".join(str(text).split())
    return f"{record.kind} {text[:60]}".strip() if text else f"{record.kind} {record.ref[1]}"


class _Natural:
    """Finds an unlinked local record that is evidently the same as an incoming one."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._sites: dict[str, int] | None = None

    def _site_index(self) -> dict[str, int]:
        if self._sites is None:
            self._sites = {}
            for s in tables.sites.all(self.db):
                for key in (s.code or "", s.name, *s.aliases):
                    if key and s.id is not None:
                        self._sites.setdefault(fold(key), s.id)
        return self._sites

    def find(self, kind: str, values: dict[str, Any]) -> int | None:
        db = self.db
        if kind == "site":
            index = self._site_index()
            for key in (values.get("code"), values.get("name")):
                if key and fold(str(key)) in index:
                    return index[fold(str(key))]
            return None
        keys: dict[str, dict[str, Any]] = {
            "person": {"full_name_folded": fold(str(values.get("full_name"))),
                       "site_id": values.get("site_id")},
            "meeting": {"title_folded": fold(str(values.get("title"))),
                        "planned_start": values.get("planned_start")},
            "meeting_site": {"meeting_id": values.get("meeting_id"),
                             "site_id": values.get("site_id")},
            "attendance": {"meeting_id": values.get("meeting_id"),
                           "person_id": values.get("person_id")},
            "agenda_item": {"meeting_id": values.get("meeting_id"),
                            "title_folded": fold(str(values.get("title")))},
            "note": {"meeting_id": values.get("meeting_id"), "at": values.get("at"),
                     "text": values.get("text")},
            "connection_event": {"meeting_site_id": values.get("meeting_site_id"),
                                 "at": values.get("at"), "status": values.get("status")},
        }
        key = keys[kind]
        if any(isinstance(p, str) and p.startswith("new:") for p in key.values()):
            return None
        found = matching.same_ids(db, kind, key)
        return found[0] if len(found) == 1 else None


def _clean_plain(kind: Kind, data: dict[str, Any]) -> dict[str, Any]:
    """Plain values cleaned as typed text is (NFC, no control characters, length caps)."""
    out: dict[str, Any] = {}
    for f in kind.plain:
        value = data[f]
        if isinstance(value, str) and f not in ("titles", "aliases"):
            multiline = f in kind.multiline
            value = clean_text(value, multiline=multiline)[: MAX_TEXT if multiline else MAX_LINE]
        out[f] = value
    return out


class Merger:
    """Plans (and then applies) the merge of wire records into a desk."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.db = desk.db
        self.me = bulk.desk_id(self.db)
        self.out = Outgoing(self.db)
        self.natural = _Natural(self.db)
        self.resolved: dict[tuple[str, Ref], int | str] = {}
        """(kind, ref) → local id, or ``new:…`` for a record this merge adds."""

    def _local_id(self, kind: str, ref: Ref) -> int | str | None:
        key = (kind, ref)
        if key in self.resolved:
            return self.resolved[key]
        if ref[0] == self.me:
            return ref[1] if bulk.exists(self.db, KINDS[kind].repo.table, ref[1]) else None
        link = bulk.find_link(self.db, ref[0], kind, ref[1])
        if link and bulk.exists(self.db, KINDS[kind].repo.table, link[0]):
            return link[0]
        return None

    def local_values(self, record: WireRecord) -> dict[str, Any]:
        """The record's values in this desk: plain fields cleaned, refs as local ids (or
        ``new:…`` placeholders, or ``None`` when the target is unknown here)."""
        spec = KINDS[record.kind]
        values = _clean_plain(spec, record.data)
        for f, target in spec.refs.items():
            ref = record.data[f]
            values[f] = self._local_id(target, tuple(ref)) if ref is not None else None
        return values

    def _validate(self, record: WireRecord, values: dict[str, Any]) -> None:
        spec = KINDS[record.kind]
        for f in spec.required:
            if values[f] is None:
                raise bad_record(f"{_label(record)} tham chiếu tới bản ghi không có ({f})",
                           f"{_label(record)} refers to a missing record ({f})")
        for f in ("titles", "aliases"):
            if f in spec.plain:
                try:
                    items = json.loads(values[f] or "[]")
                except (TypeError, ValueError):
                    items = None
                if not (isinstance(items, list) and all(isinstance(i, str) for i in items)):
                    raise bad_record(f"{_label(record)} ({f})", f"{_label(record)} ({f})")
        row = {f: v for f, v in values.items() if not (isinstance(v, str) and v.startswith(
            "new:") and f in spec.refs)}
        try:
            built = from_row(spec.cls, {**row, "id": None, **{f: 0 for f in spec.refs
                                                              if f not in row}})
        except (ValueError, TypeError, KeyError) as exc:
            raise bad_record(f"{_label(record)} ({exc})", f"{_label(record)} ({exc})") from None
        for f in ("name", "full_name", "title", "text"):
            if f in spec.plain and not getattr(built, f):
                raise bad_record(f"{_label(record)} thiếu {f}", f"{_label(record)} lacks {f}")

    def plan(self, records: Iterable[WireRecord]) -> MergePlan:
        items = [self._plan_one(r) for r in sorted(records, key=lambda r: ORDER.index(r.kind))]
        return MergePlan(tuple(items), self.me)

    def _plan_one(self, record: WireRecord) -> MergeItem:
        spec = KINDS[record.kind]
        values = self.local_values(record)
        self._validate(record, values)
        local_id = self._local_id(record.kind, record.ref)
        link = None
        if local_id is None:
            natural = self.natural.find(record.kind, values)
            local_id = natural
        elif record.ref[0] != self.me:
            link = bulk.find_link(self.db, record.ref[0], record.kind, record.ref[1])
        label = _label(record)
        key = (record.kind, record.ref)
        if local_id is None:
            self.resolved[key] = f"new:{record.kind}:{record.ref[0]}:{record.ref[1]}"
            return MergeItem(record, Outcome.NEW, None, label)
        assert isinstance(local_id, int)
        self.resolved[key] = local_id
        current = spec.repo.get(self.db, local_id)
        mine = self._current_values(spec, current)
        diff = tuple(f for f in values if values[f] != mine[f])
        if not diff:
            return MergeItem(record, Outcome.UNCHANGED, local_id, label)
        if record.mode is Mode.REFERENCE:
            return MergeItem(record, Outcome.KEPT, local_id, label, diff)
        incoming = record.digest()
        if link is not None:
            source_changed = incoming != link[1]
            local_changed = digest(mine) != link[2]
        elif record.base is not None:
            source_changed = incoming != record.base
            local_changed = self.out.wire(record.kind, current, Mode.FULL).digest() != record.base
        else:
            source_changed = local_changed = True
        if not source_changed:
            return MergeItem(record, Outcome.KEPT, local_id, label, diff)
        if not local_changed:
            return MergeItem(record, Outcome.CHANGED, local_id, label, diff)
        return MergeItem(record, Outcome.CONFLICT, local_id, label, diff)

    def _current_values(self, spec: Kind, record: Any) -> dict[str, Any]:
        row = to_row(record)
        values = {f: row.get(f) for f in spec.plain}
        values.update({f: getattr(record, f) for f in spec.refs})
        return values

    # --- applying ---------------------------------------------------------------------------

    def apply(self, plan: MergePlan) -> None:
        """Write ``plan`` (inside the caller's transaction)."""
        for item in plan.items:
            record = item.record
            if item.outcome is Outcome.CONFLICT:
                continue
            if item.outcome is Outcome.KEPT and record.mode is Mode.REFERENCE:
                continue
            values = self.local_values(record)
            local_id = item.local_id
            try:
                if item.outcome is Outcome.NEW:
                    local_id = self._insert(record.kind, values)
                elif item.outcome is Outcome.CHANGED:
                    assert local_id is not None
                    self._update(record.kind, local_id, values)
            except sqlite3.IntegrityError as exc:
                raise bad_record(f"{item.label} ({exc})", f"{item.label} ({exc})") from None
            assert local_id is not None
            self.resolved[(record.kind, record.ref)] = local_id
            if record.ref[0] != self.me and item.outcome is not Outcome.KEPT:
                stored = KINDS[record.kind].repo.get(self.db, local_id)
                bulk.save_link(self.db, record.ref[0], record.kind, record.ref[1], local_id,
                               record.digest(),
                               digest(self._current_values(KINDS[record.kind], stored)))

    def _insert(self, kind: str, values: dict[str, Any]) -> int:
        spec = KINDS[kind]
        if kind == "note":
            note = notes_service.add_note(
                self.desk, meeting_id=values["meeting_id"], text=values["text"],
                kind=values["kind"], agenda_item_id=values["agenda_item_id"],
                speaker_id=values["speaker_id"], site_id=values["site_id"],
                at=datetime.fromisoformat(values["at"]))
            assert note.id is not None
            return note.id
        record = from_row(spec.cls, {**values, "id": None})
        if kind in ("meeting_site", "attendance"):
            record = replace(record, position=spec.repo.next_position(
                self.db, "meeting_id", values["meeting_id"]))
        stored = spec.repo.insert(self.db, record)
        return int(stored.id)

    def _update(self, kind: str, local_id: int, values: dict[str, Any]) -> None:
        spec = KINDS[kind]
        if kind == "note":
            note = from_row(Note, {**values, "id": local_id, "meeting_id": values["meeting_id"]})
            notes_service.update_note(self.desk, local_id, text=note.text, kind=note.kind,
                                      agenda_item_id=note.agenda_item_id,
                                      speaker_id=note.speaker_id, site_id=note.site_id,
                                      at=note.at)
            return
        record = from_row(spec.cls, {**values, "id": local_id})
        changes = {f: getattr(record, f) for f in (*spec.plain, *spec.refs) if f != "aliases"}
        if kind == "meeting":  # a meeting's status is this desk's own workflow (final minutes
            changes.pop("status", None)  # freeze it): a package never changes it
            guards.editable_meeting(self.db, local_id)
        spec.repo.update(self.db, local_id, changes)
        if kind == "site":
            tables.sites.set_aliases(self.db, local_id, record.aliases)


def plan_merge(desk: Desk, records: Iterable[WireRecord]) -> tuple[Merger, MergePlan]:
    """What merging ``records`` would do (nothing written)."""
    merger = Merger(desk)
    return merger, merger.plan(records)


def apply_merge(desk: Desk, records: list[WireRecord], expected: MergePlan,
                backup: Callable[[], object] | None = None) -> MergePlan:
    """Merge ``records`` in one transaction (after ``backup``), provided the plan is still the
    one previewed as ``expected``; otherwise nothing is written."""
    if backup is not None:
        backup()
    with desk.transaction():
        merger, plan = plan_merge(desk, records)
        if plan.signature() != expected.signature():
            raise ConflictError(
                "Dữ liệu đã thay đổi từ lúc xem trước; hãy xem trước gói này lần nữa.",
                "The desk changed since the preview; preview this package again.")
        merger.apply(plan)
    return plan
