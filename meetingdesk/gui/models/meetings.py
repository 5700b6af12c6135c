"""The meeting list."""

from __future__ import annotations

from PySide6.QtCore import QObject

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.formats import day
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.services.meetings import MeetingSummary


def meetings_model(parent: QObject | None = None) -> RowTableModel[MeetingSummary]:
    columns: list[Column[MeetingSummary]] = [
        Column(lambda: tr("Date"), lambda s: day(s.meeting.date),
               sort_key=lambda s: (s.meeting.date is not None, s.meeting.date, s.meeting.id)),
        Column(lambda: tr("Title"), lambda s: s.meeting.title, tooltip=True),
        Column(lambda: tr("Status"), lambda s: label(s.meeting.status),
               sort_key=lambda s: list(type(s.meeting.status)).index(s.meeting.status)),
        Column(lambda: tr("Sites"), lambda s: s.site_count, align_right=True),
        Column(lambda: tr("Delegates"), lambda s: s.delegate_count, align_right=True),
    ]
    return RowTableModel(
        columns, row_id=lambda s: s.meeting.id,
        row_text=lambda s: f"{s.meeting.title} {s.meeting.kind} {s.meeting.organizer or ''} "
                           f"{day(s.meeting.date)}",
        row_key=lambda s: s.meeting.status.value, parent=parent)
