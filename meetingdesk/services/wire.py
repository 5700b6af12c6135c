"""Records as they travel between desks in exchange packages.

Every record travels with a *ref*, ``(origin desk id, origin id)``: the desk that created it
and its id there. A desk that received a record keeps the mapping in ``exchange_links`` and
sends the record on under its origin ref, so the same person is the same ref on every desk.
References between records (a person's site, an attendance's person) travel as refs too.
:mod:`meetingdesk.services.sync` merges received records into a desk.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from meetingdesk.domain.errors import ValidationError
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
from meetingdesk.store import bulk, tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.migrations import SCHEMA_VERSION
from meetingdesk.store.repository import Repository
from meetingdesk.store.rows import to_row

Ref = tuple[str, int]

def schema_version() -> int:
    """The desk schema the records are written in (a package names it in its manifest)."""
    return SCHEMA_VERSION


def desk_id(desk: Desk) -> str:
    """This desk's random id: the origin of the records it creates."""
    return bulk.desk_id(desk.db)


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


def bad_record(what_vi: str, what_en: str) -> ValidationError:
    return ValidationError(f"Gói trao đổi có bản ghi không hợp lệ: {what_vi}.",
                           f"The exchange package holds an invalid record: {what_en}.")


def parse_record(raw: object) -> WireRecord:
    """A record from a package's JSON, checked for shape (values are checked on merge)."""
    if not isinstance(raw, dict):
        raise bad_record("không phải đối tượng", "not an object")
    kind = KINDS.get(str(raw.get("kind")))
    ref, data = raw.get("ref"), raw.get("data")
    if kind is None:
        raise bad_record(f"loại “{raw.get('kind')}”", f"kind “{raw.get('kind')}”")
    if not (isinstance(ref, list) and len(ref) == 2 and isinstance(ref[0], str) and ref[0]
            and isinstance(ref[1], int) and not isinstance(ref[1], bool)):
        raise bad_record("mã tham chiếu", "its ref")
    if not isinstance(data, dict) or set(data) != set(kind.plain) | set(kind.refs):
        raise bad_record(f"các trường của {kind.name}", f"the fields of a {kind.name}")
    for name in kind.refs:
        value = data[name]
        if value is not None and not (isinstance(value, list) and len(value) == 2
                                      and isinstance(value[0], str)
                                      and isinstance(value[1], int)):
            raise bad_record(f"tham chiếu {name}", f"reference {name}")
        data[name] = tuple(value) if value is not None else None
    for name in kind.plain:
        if not isinstance(data[name], str | int | float | type(None)) or isinstance(
                data[name], bool):
            raise bad_record(f"giá trị {name}", f"value {name}")
    base = raw.get("base")
    mode = raw.get("mode", "full")
    if mode not in ("full", "reference") or not (base is None or isinstance(base, str)):
        raise bad_record("chế độ hoặc gốc", "mode or base")
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

def meeting_part(desk: Desk, meeting_id: int, site_id: int) -> list[WireRecord]:
    """A site's part of a meeting: the site, its place in the meeting and connection log, its
    delegates and their attendance, its notes — with the meeting and agenda as references."""
    db = desk.db
    wanted: list[tuple[str, int, Mode]] = [("meeting", meeting_id, Mode.REFERENCE),
                                           ("site", site_id, Mode.FULL)]
    wanted += [("agenda_item", i.id, Mode.REFERENCE)
               for i in tables.agenda_items.where(db, meeting_id=meeting_id)]
    for ms in tables.meeting_sites.where(db, meeting_id=meeting_id,
                                         site_id=site_id):
        wanted.append(("meeting_site", ms.id, Mode.FULL))
        wanted += [("connection_event", e.id, Mode.FULL) for e in
                   tables.connection_events.where(db, meeting_site_id=ms.id)]
    attendances = tables.attendances.where(db, meeting_id=meeting_id, site_id=site_id)
    for a in attendances:
        wanted += [("attendance", a.id, Mode.FULL), ("person", a.person_id, Mode.FULL)]
    ids = [a.id for a in attendances if a.id is not None]
    wanted += [("note", n.id, Mode.FULL)
               for n in tables.notes.of_site(db, meeting_id, site_id, ids)]
    return collect(desk, wanted)  # type: ignore[arg-type]


def meeting_setup(desk: Desk, meeting_id: int) -> list[WireRecord]:
    """A meeting's setup as the centre sends it: the meeting, its sites, agenda, delegates."""
    db = desk.db
    wanted: list[tuple[str, int, Mode]] = [("meeting", meeting_id, Mode.FULL)]
    for ms in tables.meeting_sites.where(db, meeting_id=meeting_id):
        wanted += [("meeting_site", ms.id, Mode.FULL), ("site", ms.site_id, Mode.FULL)]
    for a in tables.attendances.where(db, meeting_id=meeting_id):
        wanted += [("attendance", a.id, Mode.FULL), ("person", a.person_id, Mode.FULL)]
    wanted += [("agenda_item", i.id, Mode.FULL)
               for i in tables.agenda_items.where(db, meeting_id=meeting_id)]
    return collect(desk, wanted)  # type: ignore[arg-type]
