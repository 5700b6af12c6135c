"""The board of site connections: a tile per site, coloured by status, one click to change.

The cycle of a click (or Space on a focused tile): not yet connected → connected → lost →
restored → lost → … Each change is logged with its time (services.participation). S on a
focused tile asks for the present count the site reports (Enter keeps the figure proposed).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import ConnectionStatus
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.services.participation import SiteEntry

COLOURS = {
    ConnectionStatus.UNCHECKED: ("#e0e0e0", "#303030"),
    ConnectionStatus.CHECKED: ("#fff3c4", "#5a4500"),
    ConnectionStatus.CONNECTED: ("#c8e6c9", "#1b4d1e"),
    ConnectionStatus.LOST: ("#ef9a9a", "#6d0f0f"),
    ConnectionStatus.RESTORED: ("#b3e5fc", "#0b3c5a"),
}


def next_status(status: ConnectionStatus) -> ConnectionStatus:
    """What one click makes of a site's status."""
    if status in (ConnectionStatus.CONNECTED, ConnectionStatus.RESTORED):
        return ConnectionStatus.LOST
    if status is ConnectionStatus.LOST:
        return ConnectionStatus.RESTORED
    return ConnectionStatus.CONNECTED


def is_up(status: ConnectionStatus) -> bool:
    return status in (ConnectionStatus.CONNECTED, ConnectionStatus.RESTORED)


class SiteTile(QFrame):
    """One site: its name (wrapped), status and present count; click, Space or Enter asks for
    the next status, S for the present count."""

    activated = Signal()
    count_requested = Signal()

    def __init__(self, name: str, status_text: str, colours: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.name = QLabel(name, self)
        self.name.setWordWrap(True)
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.status = QLabel(status_text, self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(1)
        layout.addWidget(self.name)
        layout.addWidget(self.status)
        background, foreground = colours
        self.setObjectName("site-tile")
        self.setStyleSheet(
            f"QFrame#site-tile {{ background: {background}; border: 1px solid #9e9e9e; "
            f"border-radius: 4px; }} QFrame#site-tile:focus {{ border: 2px solid #1565c0; }} "
            f"QLabel {{ color: {foreground}; background: transparent; }}")
        self.setMinimumHeight(self.fontMetrics().height() * 3 + 14)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit()
            return
        if event.key() == Qt.Key.Key_S and not event.modifiers():
            self.count_requested.emit()
            return
        super().keyPressEvent(event)


class SiteBoard(QWidget):
    """Tiles of the meeting's sites, with the summary "N/M điểm cầu đã kết nối" on top."""

    change_requested = Signal(int, object)
    """(meeting site id, the new :class:`ConnectionStatus`)."""
    count_requested = Signal(int)
    """The meeting site id whose present count is to be entered."""

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        font = self.summary.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)
        self._tiles_host = QWidget()
        self._grid = QGridLayout(self._tiles_host)
        self._grid.setSpacing(6)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._tiles_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.tiles: dict[int, SiteTile] = {}
        self.entries: list[SiteEntry] = []

    def set_sites(self, entries: list[SiteEntry], changed_at: dict[int, datetime]) -> None:
        """Show ``entries``; ``changed_at`` gives each meeting site's last change time."""
        for tile in self.tiles.values():
            tile.deleteLater()
        self.tiles.clear()
        self.entries = entries
        for i, entry in enumerate(entries):
            ms_id = entry.meeting_site.id
            assert ms_id is not None
            status = entry.meeting_site.connection
            when = changed_at.get(ms_id)
            status_text = label(status) + (f" {when:%H:%M}" if when is not None else "")
            count = entry.headcount
            status_text += "\n" + (tr("present {present}/{summoned}").format(
                present=count.present, summoned=count.summoned) if count.reported is not None
                else tr("count not reported"))
            tile = SiteTile(entry.site.name, status_text, COLOURS[status], self._tiles_host)
            tile.setToolTip(tr("Click or press Space: {status}; S: present count").format(
                status=label(next_status(status))))
            tile.activated.connect(
                lambda m=ms_id, s=status: self.change_requested.emit(m, next_status(s)))
            tile.count_requested.connect(lambda m=ms_id: self.count_requested.emit(m))
            self._grid.addWidget(tile, i // self.COLUMNS, i % self.COLUMNS)
            self.tiles[ms_id] = tile
        up = sum(is_up(e.meeting_site.connection) for e in entries)
        self.summary.setText(tr("{up}/{total} sites connected").format(up=up, total=len(entries)))
