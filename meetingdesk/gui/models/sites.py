"""A meeting's sites with their connection status, and a site's connection log."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from meetingdesk.domain.enums import ConnectionStatus
from meetingdesk.domain.records import ConnectionEvent
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.formats import moment
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.services.participation import SiteEntry

_CONNECTION_COLORS = {
    ConnectionStatus.CONNECTED: QColor("#1b7a2f"),
    ConnectionStatus.RESTORED: QColor("#1b7a2f"),
    ConnectionStatus.LOST: QColor("#b3261e"),
}


@dataclass(frozen=True, slots=True)
class SiteRow:
    entry: SiteEntry
    host_name: str


def sites_model(parent: QObject | None = None) -> RowTableModel[SiteRow]:
    columns: list[Column[SiteRow]] = [
        Column(lambda: tr("No."), lambda r: r.entry.meeting_site.position, align_right=True),
        Column(lambda: tr("Site"), lambda r: r.entry.site.name, tooltip=True),
        Column(lambda: tr("Host"), lambda r: r.host_name, tooltip=True),
        Column(lambda: tr("Summoned"), lambda r: r.entry.meeting_site.summoned,
               align_right=True),
        Column(lambda: tr("Present"), lambda r: r.entry.headcount.present, align_right=True),
        Column(lambda: tr("Absent"), lambda r: r.entry.headcount.absent, align_right=True),
        Column(lambda: tr("Reported"),
               lambda r: "✓" if r.entry.meeting_site.present is not None else ""),
        Column(lambda: tr("Connection"), lambda r: label(r.entry.meeting_site.connection)),
    ]
    return RowTableModel(
        columns, row_id=lambda r: r.entry.meeting_site.id,
        row_text=lambda r: " ".join((r.entry.site.name, *r.entry.site.aliases, r.host_name)),
        row_key=lambda r: r.entry.meeting_site.connection.value,
        row_color=lambda r: _CONNECTION_COLORS.get(r.entry.meeting_site.connection),
        parent=parent)


def connection_log_model(parent: QObject | None = None) -> RowTableModel[ConnectionEvent]:
    columns: list[Column[ConnectionEvent]] = [
        Column(lambda: tr("Time"), lambda e: moment(e.at), sort_key=lambda e: (e.at, e.id)),
        Column(lambda: tr("Status"), lambda e: label(e.status)),
        Column(lambda: tr("Remark"), lambda e: e.remark or "", tooltip=True),
    ]
    return RowTableModel(columns, row_color=lambda e: _CONNECTION_COLORS.get(e.status),
                         parent=parent)
