"""The preview of an exchange package: each record with what merging it will do — new,
changed, deleted, conflicting (both values kept), older (ignored), unchanged — conflicts
first, with the values before and after."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.services.sync import MergeItem, MergePlan, Outcome

ORDER = (Outcome.CONFLICT, Outcome.NEW, Outcome.CHANGED, Outcome.DELETED, Outcome.OLDER,
         Outcome.UNCHANGED)
"""How the preview lists the records: conflicts first."""

_COLORS = {Outcome.CONFLICT: QColor("#b3261e"), Outcome.NEW: QColor("#1b7a2f"),
           Outcome.CHANGED: QColor("#1f4e9c"), Outcome.DELETED: QColor("#8a4b00"),
           Outcome.OLDER: QColor("#6b6b6b"), Outcome.UNCHANGED: QColor("#6b6b6b")}


def outcome_labels() -> dict[Outcome, str]:
    return {Outcome.NEW: tr("New"), Outcome.CHANGED: tr("Changed"),
            Outcome.DELETED: tr("Deleted"), Outcome.CONFLICT: tr("Conflict"),
            Outcome.OLDER: tr("Older, ignored"), Outcome.UNCHANGED: tr("Unchanged")}


def kind_labels() -> dict[str, str]:
    return {"site": tr("Site"), "person": tr("Person"), "meeting": tr("Meeting"),
            "meeting_site": tr("Site in the meeting"),
            "connection_event": tr("Connection event"),
            "attendance": tr("Delegate in the meeting"),
            "agenda_item": tr("Agenda item"), "note": tr("Note"), "task": tr("Task"),
            "task_progress": tr("Task progress")}


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
        "owner_person_id": tr("Owner"), "owner_unit": tr("Owner unit"),
        "due_on": tr("Due date"), "note_id": tr("Note"), "_alive": tr("Exists"),
        "owner_site_id": tr("Owner site"), "task_id": tr("Task"),
        "reported_on": tr("Reported on"), "source": tr("Source"),
        "recorded_at": tr("Recorded at"),
    }


def value_text(field: str, text: str) -> str:
    """A value as the interface shows it (the existence of a record in words)."""
    if field == "_alive":
        return tr("yes") if text == "còn" else tr("deleted")
    return text


@dataclass(frozen=True, slots=True)
class MergeRow:
    item: MergeItem

    @property
    def outcome(self) -> Outcome:
        return self.item.outcome


def merge_rows(plan: MergePlan) -> list[MergeRow]:
    """The plan's records, conflicts first, each group in the package's order."""
    return sorted((MergeRow(i) for i in plan.items), key=lambda r: ORDER.index(r.outcome))


def _values(row: MergeRow) -> str:
    """What changes, field by field: “here → there” (a field in conflict: “here ≠ there”,
    both values kept)."""
    names = field_names()
    problem = ([tr("Problem: refers to records neither here nor in the package (%1); kept, "
                   "shown once they arrive").replace("%1", ", ".join(
                       kind_labels().get(k, k) for k in row.item.waits_for))]
               if row.item.waits_for else [])
    return "; ".join(problem + [
        f"{names.get(c.field, c.field)}: “{value_text(c.field, c.mine)}”"
        f"{' ≠ ' if c.conflict else ' → '}“{value_text(c.field, c.theirs)}”"
        for c in row.item.changes])


def merge_model(parent: QObject | None = None) -> RowTableModel[MergeRow]:
    """A package preview row by row; filtered by outcome through :data:`KEY_ROLE`."""
    columns: list[Column[MergeRow]] = [
        Column(lambda: tr("On merging"), lambda r: outcome_labels()[r.outcome],
               sort_key=lambda r: ORDER.index(r.outcome)),
        Column(lambda: tr("Kind"), lambda r: kind_labels().get(r.item.kind, r.item.kind)),
        Column(lambda: tr("Record"), lambda r: r.item.label, tooltip=True),
        Column(lambda: tr("Values (here → package)"), _values, tooltip=True),
    ]
    return RowTableModel(columns, row_id=lambda r: None, row_key=lambda r: r.outcome.value,
                         row_color=lambda r: _COLORS.get(r.outcome), parent=parent)
