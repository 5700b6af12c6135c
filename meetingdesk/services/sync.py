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

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from meetingdesk.domain.errors import ConflictError, ValidationError
from meetingdesk.domain.records import (
    AgendaItem,
    Attendance,
    ConnectionEvent,
    Meeting,
    MeetingSite,
    Note,
    Person,
    Site,
)
from meetingdesk.domain.text import clean_text, fold
from meetingdesk.services import notes as notes_service
from meetingdesk.services.guards import MAX_LINE, MAX_TEXT
from meetingdesk.store import bulk, tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.repository import Repository
from meetingdesk.store.rows import from_row, to_row

logger = logging.getLogger(__name__)

Ref = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Kind:
    """How one kind of record travels: its repository, plain fields and reference fields."""

    name: str
    repo: Repository[Any]
    cls: type
    plain: tuple[str, ...]
    refs: dict[str, str]
    multiline: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    """Reference fields that cannot be empty."""


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("site", tables.sites, Site, ("name", "kind", "code", "aliases", "contact_name",
                                      "contact_phone", "technician_name", "technician_phone"),
         {}),
    Kind("person", tables.people, Person, ("full_name", "titles", "organization", "rank",
                                           "phone", "email"), {"site_id": "site"}),
    Kind("meeting", tables.meetings, Meeting,
         ("title", "kind", "organizer", "planned_start", "planned_end", "actual_start",
          "actual_end", "status", "number", "description"), {"main_site_id": "site"},
         ("description",)),
    Kind("meeting_site", tables.meeting_sites, MeetingSite, ("summoned", "connection"),
         {"meeting_id": "meeting", "site_id": "site", "host_person_id": "person"},
         required=("meeting_id", "site_id")),
    Kind("connection_event", tables.connection_events, ConnectionEvent,
         ("at", "status", "remark"), {"meeting_site_id": "meeting_site"},
         required=("meeting_site_id",)),
    Kind("attendance", tables.attendances, Attendance,
         ("role", "status", "reason", "checked_in_at"),
         {"meeting_id": "meeting", "person_id": "person", "site_id": "site"},
         required=("meeting_id", "person_id")),
    Kind("agenda_item", tables.agenda_items, AgendaItem,
         ("title", "position", "planned_minutes", "actual_start", "actual_end"),
         {"meeting_id": "meeting", "presenter_id": "person"}, required=("meeting_id",)),
    Kind("note", tables.notes, Note, ("text", "at", "kind"),
         {"meeting_id": "meeting", "agenda_item_id": "agenda_item", "speaker_id": "attendance",
          "site_id": "site"}, ("text",), required=("meeting_id",)),
)}
ORDER = tuple(KINDS)
"""Kinds in dependency order: a record only refers to kinds before it."""


class Mode(StrEnum):
    FULL = "full"
    """Merged: added, updated or reported in conflict."""
    REFERENCE = "reference"
    """Only there so references resolve: added when missing, never changed."""


class Outcome(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    KEPT = "kept"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class WireRecord:
    """One record as it travels in a package."""

    kind: str
    ref: Ref
    data: dict[str, Any]
    """Plain fields as stored (ISO dates, enum values, JSON lists), reference fields as refs."""
    mode: Mode = Mode.FULL
    base: str | None = None
    """The sender's hash of this record as it last received it, if it did."""

    def digest(self) -> str:
        return digest(self.data)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ref": list(self.ref), "mode": self.mode.value,
                "base": self.base, "data": self.data}


def digest(data: dict[str, Any]) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _bad(what_vi: str, what_en: str) -> ValidationError:
    return ValidationError(f"Gói trao đổi có bản ghi không hợp lệ: {what_vi}.",
                           f"The exchange package holds an invalid record: {what_en}.")


def parse_record(raw: object) -> WireRecord:
    """A record from a package's JSON, checked for shape (values are checked on merge)."""
    if not isinstance(raw, dict):
        raise _bad("không phải đối tượng", "not an object")
    kind = KINDS.get(str(raw.get("kind")))
    ref, data = raw.get("ref"), raw.get("data")
    if kind is None:
        raise _bad(f"loại “{raw.get('kind')}”", f"kind “{raw.get('kind')}”")
    if not (isinstance(ref, list) and len(ref) == 2 and isinstance(ref[0], str) and ref[0]
            and isinstance(ref[1], int) and not isinstance(ref[1], bool)):
        raise _bad("mã tham chiếu", "its ref")
    if not isinstance(data, dict) or set(data) != set(kind.plain) | set(kind.refs):
        raise _bad(f"các trường của {kind.name}", f"the fields of a {kind.name}")
    for name in kind.refs:
        value = data[name]
        if value is not None and not (isinstance(value, list) and len(value) == 2
                                      and isinstance(value[0], str)
                                      and isinstance(value[1], int)):
            raise _bad(f"tham chiếu {name}", f"reference {name}")
        data[name] = tuple(value) if value is not None else None
    for name in kind.plain:
        if not isinstance(data[name], str | int | float | type(None)) or isinstance(
                data[name], bool):
            raise _bad(f"giá trị {name}", f"value {name}")
    base = raw.get("base")
    mode = raw.get("mode", "full")
    if mode not in ("full", "reference") or not (base is None or isinstance(base, str)):
        raise _bad("chế độ hoặc gốc", "mode or base")
    return WireRecord(kind.name, (ref[0], ref[1]), data, Mode(mode), base)


# --- outgoing -------------------------------------------------------------------------------

class Outgoing:
    """Turns local records into wire records, with refs from this desk's links."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.me = bulk.desk_id(db)
        self._origins = {k: bulk.origins(db, k) for k in KINDS}

    def ref(self, kind: str, local_id: int) -> Ref:
        origin = self._origins[kind].get(local_id)
        return (origin[0], origin[1]) if origin else (self.me, local_id)

    def base(self, kind: str, local_id: int) -> str | None:
        origin = self._origins[kind].get(local_id)
        return origin[2] if origin else None

    def data(self, kind: str, record: Any) -> dict[str, Any]:
        spec = KINDS[kind]
        row = to_row(record)
        data: dict[str, Any] = {f: row.get(f) for f in spec.plain}
        for f, target in spec.refs.items():
            value = getattr(record, f)
            data[f] = self.ref(target, value) if value is not None else None
        return json.loads(json.dumps(data))  # refs as lists, as they travel

    def wire(self, kind: str, record: Any, mode: Mode) -> WireRecord:
        return WireRecord(kind, self.ref(kind, record.id), self.data(kind, record), mode,
                          self.base(kind, record.id))


def collect(desk: Desk, wanted: Iterable[tuple[str, int, Mode]]) -> list[WireRecord]:
    """The wire records of ``wanted`` (kind, local id, mode) and of everything they refer to
    (as references), in dependency order."""
    db = desk.db
    out = Outgoing(db)
    picked: dict[tuple[str, int], Mode] = {}
    todo = list(wanted)
    records: dict[tuple[str, int], Any] = {}
    while todo:
        kind, local_id, mode = todo.pop()
        key = (kind, local_id)
        if key in picked and (picked[key] is Mode.FULL or mode is Mode.REFERENCE):
            continue
        picked[key] = mode
        record = records.get(key) or KINDS[kind].repo.get(db, local_id)
        records[key] = record
        for f, target in KINDS[kind].refs.items():
            value = getattr(record, f)
            if value is not None and (target, value) not in picked:
                todo.append((target, value, Mode.REFERENCE))
    ordered = sorted(picked, key=lambda k: (ORDER.index(k[0]), k[1]))
    return [out.wire(k[0], records[k], picked[k]) for k in ordered]


# --- incoming -------------------------------------------------------------------------------

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
            for s in tables.sites.find(self.db):
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
        where: dict[str, tuple[str, list[Any]]] = {
            "person": ("md_fold(full_name) = ? AND site_id IS ?",
                       [fold(str(values.get("full_name"))), values.get("site_id")]),
            "meeting": ("md_fold(title) = ? AND planned_start IS ?",
                        [fold(str(values.get("title"))), values.get("planned_start")]),
            "meeting_site": ("meeting_id = ? AND site_id = ?",
                             [values.get("meeting_id"), values.get("site_id")]),
            "attendance": ("meeting_id = ? AND person_id = ?",
                           [values.get("meeting_id"), values.get("person_id")]),
            "agenda_item": ("meeting_id = ? AND md_fold(title) = ?",
                            [values.get("meeting_id"), fold(str(values.get("title")))]),
            "note": ("meeting_id = ? AND at = ? AND text = ?",
                     [values.get("meeting_id"), values.get("at"), values.get("text")]),
            "connection_event": ("meeting_site_id = ? AND at = ? AND status = ?",
                                 [values.get("meeting_site_id"), values.get("at"),
                                  values.get("status")]),
        }
        sql, params = where[kind]
        if any(isinstance(p, str) and p.startswith("new:") for p in params):
            return None
        found = KINDS[kind].repo.find(db, sql, params)
        return found[0].id if len(found) == 1 else None


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
                raise _bad(f"{_label(record)} tham chiếu tới bản ghi không có ({f})",
                           f"{_label(record)} refers to a missing record ({f})")
        for f in ("titles", "aliases"):
            if f in spec.plain:
                try:
                    items = json.loads(values[f] or "[]")
                except (TypeError, ValueError):
                    items = None
                if not (isinstance(items, list) and all(isinstance(i, str) for i in items)):
                    raise _bad(f"{_label(record)} ({f})", f"{_label(record)} ({f})")
        row = {f: v for f, v in values.items() if not (isinstance(v, str) and v.startswith(
            "new:") and f in spec.refs)}
        try:
            built = from_row(spec.cls, {**row, "id": None, **{f: 0 for f in spec.refs
                                                              if f not in row}})
        except (ValueError, TypeError, KeyError) as exc:
            raise _bad(f"{_label(record)} ({exc})", f"{_label(record)} ({exc})") from None
        for f in ("name", "full_name", "title", "text"):
            if f in spec.plain and not getattr(built, f):
                raise _bad(f"{_label(record)} thiếu {f}", f"{_label(record)} lacks {f}")

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
                raise _bad(f"{item.label} ({exc})", f"{item.label} ({exc})") from None
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


def meeting_part(desk: Desk, meeting_id: int, site_id: int) -> list[WireRecord]:
    """A site's part of a meeting: the site, its place in the meeting and connection log, its
    delegates and their attendance, its notes — with the meeting and agenda as references."""
    db = desk.db
    wanted: list[tuple[str, int, Mode]] = [("meeting", meeting_id, Mode.REFERENCE),
                                           ("site", site_id, Mode.FULL)]
    wanted += [("agenda_item", i.id, Mode.REFERENCE)
               for i in tables.agenda_items.find(db, "meeting_id = ?", [meeting_id])]
    for ms in tables.meeting_sites.find(db, "meeting_id = ? AND site_id = ?",
                                        [meeting_id, site_id]):
        wanted.append(("meeting_site", ms.id, Mode.FULL))
        wanted += [("connection_event", e.id, Mode.FULL) for e in
                   tables.connection_events.find(db, "meeting_site_id = ?", [ms.id])]
    attendances = tables.attendances.find(db, "meeting_id = ? AND site_id = ?",
                                          [meeting_id, site_id])
    for a in attendances:
        wanted += [("attendance", a.id, Mode.FULL), ("person", a.person_id, Mode.FULL)]
    ids = [a.id for a in attendances]
    marks = ", ".join("?" for _ in ids) or "NULL"
    wanted += [("note", n.id, Mode.FULL) for n in tables.notes.find(
        db, f"meeting_id = ? AND (site_id = ? OR speaker_id IN ({marks}))",
        [meeting_id, site_id, *ids])]
    return collect(desk, wanted)  # type: ignore[arg-type]


def meeting_setup(desk: Desk, meeting_id: int) -> list[WireRecord]:
    """A meeting's setup as the centre sends it: the meeting, its sites, agenda, delegates."""
    db = desk.db
    wanted: list[tuple[str, int, Mode]] = [("meeting", meeting_id, Mode.FULL)]
    for ms in tables.meeting_sites.find(db, "meeting_id = ?", [meeting_id]):
        wanted += [("meeting_site", ms.id, Mode.FULL), ("site", ms.site_id, Mode.FULL)]
    for a in tables.attendances.find(db, "meeting_id = ?", [meeting_id]):
        wanted += [("attendance", a.id, Mode.FULL), ("person", a.person_id, Mode.FULL)]
    wanted += [("agenda_item", i.id, Mode.FULL)
               for i in tables.agenda_items.find(db, "meeting_id = ?", [meeting_id])]
    return collect(desk, wanted)  # type: ignore[arg-type]
