"""The meeting list."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.formats import day
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.services.meetings import MeetingSummary

_STATUS_COLORS = {
    MeetingStatus.DRAFT: QColor("#5f6b7a"),
    MeetingStatus.PLANNED: QColor("#1f4e79"),
    MeetingStatus.RUNNING: QColor("#1b7a2f"),
    MeetingStatus.FINAL: QColor("#6b4f1d"),
}


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
        row_key=lambda s: s.meeting.status.value,
        row_color=lambda s: _STATUS_COLORS.get(s.meeting.status),
        row_tooltip=lambda s: f"{s.meeting.title}\n{label(s.meeting.status)} · "
                              + tr("%1 sites, %2 delegates").replace(
                                  "%1", str(s.site_count)).replace("%2", str(s.delegate_count)),
        parent=parent)
