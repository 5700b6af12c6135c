"""A meeting's log: what happened to its record (copied, minutes and notice made final,
reopened and why, signed), oldest first."""

from __future__ import annotations

from PySide6.QtCore import QObject

from meetingdesk.domain.records import MeetingEvent
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.formats import moment
from meetingdesk.gui.models.table import Column, RowTableModel


def event_label(kind: str) -> str:
    """What an event's kind means, in the interface's language (an unknown kind, written by
    a newer program, reads as itself)."""
    labels = {
        "copied": tr("Created as a copy"),
        "minutes_final": tr("Minutes made final"),
        "reopened": tr("Meeting reopened"),
        "minutes_signed": tr("Minutes signed"),
        "notice_final": tr("Notice made final"),
        "notice_reopened": tr("Notice reopened"),
    }
    return labels.get(kind, kind)


def events_model(parent: QObject | None = None) -> RowTableModel[MeetingEvent]:
    columns: list[Column[MeetingEvent]] = [
        Column(lambda: tr("When"), lambda e: moment(e.at), sort_key=lambda e: (e.at, e.id)),
        Column(lambda: tr("Event"), lambda e: event_label(e.kind)),
        Column(lambda: tr("Detail"), lambda e: e.detail or "", tooltip=True),
    ]
    return RowTableModel(columns, parent=parent)
