"""The preview of an exchange package: each record with what merging it will do — new,
changed, conflicting (left as it is here), kept, unchanged — conflicts first."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.services.sync import MergeItem, MergePlan, Outcome
from meetingdesk.services.wire import Ref, WireRecord

ORDER = (Outcome.CONFLICT, Outcome.NEW, Outcome.CHANGED, Outcome.KEPT, Outcome.UNCHANGED)
"""How the preview lists the records: conflicts first."""

_COLORS = {Outcome.CONFLICT: QColor("#b3261e"), Outcome.NEW: QColor("#1b7a2f"),
           Outcome.CHANGED: QColor("#1f4e9c"), Outcome.UNCHANGED: QColor("#6b6b6b")}


def outcome_labels() -> dict[Outcome, str]:
    return {Outcome.NEW: tr("New"), Outcome.CHANGED: tr("Changed"),
            Outcome.CONFLICT: tr("Conflict"), Outcome.KEPT: tr("Kept as here"),
            Outcome.UNCHANGED: tr("Unchanged")}


def kind_labels() -> dict[str, str]:
    return {"site": tr("Site"), "person": tr("Person"), "meeting": tr("Meeting"),
            "meeting_site": tr("Site in the meeting"),
            "connection_event": tr("Connection event"),
            "attendance": tr("Delegate in the meeting"),
            "agenda_item": tr("Agenda item"), "note": tr("Note")}


def field_names() -> dict[str, str]:
    """The fields of exchanged records, as the preview names those that differ."""
    return {
        "name": tr("Name"), "kind": tr("Kind"), "code": tr("Code"),
        "aliases": tr("Former names"), "contact_name": tr("Contact"),
        "contact_phone": tr("Contact phone"), "technician_name": tr("Technician"),
        "technician_phone": tr("Technician phone"), "full_name": tr("Full name"),
        "titles": tr("Titles"), "organization": tr("Organization"),
        "rank": tr("Precedence"), "phone": tr("Phone"), "email": tr("Email"),
        "site_id": tr("Site"), "title": tr("Title"), "organizer": tr("Organizer"),
        "planned_start": tr("Planned start"), "planned_end": tr("Planned end"),
        "actual_start": tr("Started"), "actual_end": tr("Ended"), "status": tr("Status"),
        "number": tr("Number"), "description": tr("Description"),
        "main_site_id": tr("Main venue"), "summoned": tr("Delegates summoned"),
        "connection": tr("Connection"), "meeting_id": tr("Meeting"),
        "host_person_id": tr("Host"), "at": tr("Time"), "remark": tr("Remark"),
        "meeting_site_id": tr("Site in the meeting"), "role": tr("Role"),
        "reason": tr("Reason"), "checked_in_at": tr("Check-in"), "person_id": tr("Person"),
        "position": tr("Order"), "planned_minutes": tr("Planned duration"),
        "presenter_id": tr("Presenter"), "text": tr("Text"),
        "agenda_item_id": tr("Agenda item"), "speaker_id": tr("Speaker"),
    }


@dataclass(frozen=True, slots=True)
class MergeRow:
    item: MergeItem
    text: str
    """What the record is, in words: a name, a title, the start of a note."""

    @property
    def outcome(self) -> Outcome:
        return self.item.outcome


def _describe(record: WireRecord, by_ref: dict[tuple[str, Ref], WireRecord]) -> str:
    """A record in words, following its references within the package (an attendance by the
    person's name, a site's place in the meeting by the site's name)."""
    data = record.data

    def via(kind: str, field: str) -> str:
        ref = data.get(field)
        target = by_ref.get((kind, tuple(ref))) if ref else None
        return _describe(target, by_ref) if target else ""

    if record.kind == "attendance":
        return via("person", "person_id")
    if record.kind == "meeting_site":
        return via("site", "site_id")
    if record.kind == "connection_event":
        return " · ".join(x for x in (via("meeting_site", "meeting_site_id"),
                                      str(data.get("at") or "")[:16].replace("T", " ")) if x)
    text = data.get("full_name") or data.get("name") or data.get("title") or data.get("text")
    return " ".join(str(text or "").split())


def merge_rows(plan: MergePlan) -> list[MergeRow]:
    """The plan's records in words, conflicts first, each group in the package's order."""
    by_ref = {(i.record.kind, i.record.ref): i.record for i in plan.items}
    rows = [MergeRow(i, _describe(i.record, by_ref)) for i in plan.items]
    return sorted(rows, key=lambda r: ORDER.index(r.outcome))


def _differs(row: MergeRow) -> str:
    names = field_names()
    return ", ".join(names.get(f, f) for f in row.item.changes)


def merge_model(parent: QObject | None = None) -> RowTableModel[MergeRow]:
    """A package preview row by row; filtered by outcome through :data:`KEY_ROLE`."""
    columns: list[Column[MergeRow]] = [
        Column(lambda: tr("On merging"), lambda r: outcome_labels()[r.outcome],
               sort_key=lambda r: ORDER.index(r.outcome)),
        Column(lambda: tr("Kind"), lambda r: kind_labels().get(r.item.record.kind,
                                                               r.item.record.kind)),
        Column(lambda: tr("Record"), lambda r: r.text, tooltip=True),
        Column(lambda: tr("Fields that differ"), _differs, tooltip=True),
    ]
    return RowTableModel(columns, row_id=lambda r: None, row_key=lambda r: r.outcome.value,
                         row_color=lambda r: _COLORS.get(r.outcome), parent=parent)
