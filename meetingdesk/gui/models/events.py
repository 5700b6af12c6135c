"""A meeting's log: what happened to its record (copied, minutes and notice made final,
reopened and why, signed), oldest first, worded in the interface's language from the facts
the services read in each event (:mod:`meetingdesk.services.meeting_log`). A version is named
by when it was generated, as the tables of versions show it."""

from __future__ import annotations

from PySide6.QtCore import QObject

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.formats import moment
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.services.meeting_log import LogEntry

HASH_SHOWN = 8
"""Hex digits of a version's sha256 in the log (the whole of it is the tooltip)."""


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


def event_detail(entry: LogEntry) -> str:
    """The event's detail: the version it is about, who signed, the meeting copied, or the
    reason given."""
    if entry.sha256 is not None:
        which = (tr("version generated %1").replace("%1", moment(entry.version_made))
                 if entry.version_made else tr("version %1").replace(
                     "%1", str(entry.version_id)))
        if entry.signed_by:
            which = tr("%1, signed by %2").replace("%1", which).replace("%2", entry.signed_by)
        return f"{which}, SHA-256 {entry.sha256[:HASH_SHOWN]}…"
    if entry.source_id is not None:
        if entry.source_title is None:
            return tr("from meeting %1 (deleted since)").replace("%1", str(entry.source_id))
        return tr("from “%1”").replace("%1", entry.source_title)
    return entry.text


def _tooltip(entry: LogEntry) -> str:
    detail = event_detail(entry)
    return f"{detail}\nSHA-256: {entry.sha256}" if entry.sha256 else detail


def events_model(parent: QObject | None = None) -> RowTableModel[LogEntry]:
    columns: list[Column[LogEntry]] = [
        Column(lambda: tr("When"), lambda e: moment(e.event.at),
               sort_key=lambda e: (e.event.at, e.event.id)),
        Column(lambda: tr("Event"), lambda e: event_label(e.event.kind)),
        Column(lambda: tr("Detail"), event_detail),
    ]
    return RowTableModel(columns, row_id=lambda e: e.event.id, row_tooltip=_tooltip,
                         parent=parent)
