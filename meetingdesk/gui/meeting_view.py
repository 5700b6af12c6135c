"""The open meeting: its title and its tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.domain.errors import NotFoundError
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.tabs.agenda import AgendaTab
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.gui.tabs.delegates import DelegatesTab
from meetingdesk.gui.tabs.documents import DocumentsTab
from meetingdesk.gui.tabs.minutes import MinutesTab
from meetingdesk.gui.tabs.notes import NotesTab
from meetingdesk.gui.tabs.notice import NoticeTab
from meetingdesk.gui.tabs.overview import OverviewTab
from meetingdesk.gui.tabs.sites import SitesTab
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import ElidedLabel, FrozenBanner
from meetingdesk.services import meetings
from meetingdesk.services.changes import Changes


class MeetingView(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = ElidedLabel(self)
        self.heading.setObjectName("meetingHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.tabs = QTabWidget(self)
        self.overview = OverviewTab(session, self)
        self.sites = SitesTab(session, self)
        self.delegates = DelegatesTab(session, self)
        self.agenda = AgendaTab(session, self)
        self.notes = NotesTab(session, self)
        self.documents = DocumentsTab(session, self)
        self.minutes = MinutesTab(session, self)
        self.notice = NoticeTab(session, self)
        for tab, text in ((self.overview, tr("Overview")), (self.sites, tr("Sites")),
                          (self.delegates, tr("Delegates")), (self.agenda, tr("Agenda")),
                          (self.notes, tr("Notes")), (self.documents, tr("Documents")),
                          (self.minutes, tr("Minutes")),
                          (self.notice, tr("Conclusion notice"))):
            self.tabs.addTab(tab, text)
            number = self.tabs.count()
            go = QAction(tr("Go to the tab %1").replace("%1", text), self)
            go.setShortcut(QKeySequence(f"Alt+{number}"))
            go.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            go.triggered.connect(lambda _=False, t=tab: self.go_to(t))
            self.addAction(go)
            self.tabs.setTabToolTip(number - 1, f"{text} (Alt+{number})")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.frozen_banner = FrozenBanner(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.frozen_banner)
        layout.addWidget(self.tabs, 1)
        self.meeting_id: int | None = None
        session.changed.connect(self._desk_changed)

    def go_to(self, tab: MeetingTab) -> None:
        """Show ``tab`` and put the keyboard in it (its first field, list or button)."""
        self.tabs.setCurrentWidget(tab)
        first = tab.nextInFocusChain()
        while first is not tab and first is not None and not (
                tab.isAncestorOf(first) and first.isEnabled() and first.isVisible()
                and first.focusPolicy() & Qt.FocusPolicy.TabFocus):
            first = first.nextInFocusChain()
        (first if first is not None and first is not tab else tab).setFocus(
            Qt.FocusReason.ShortcutFocusReason)

    def all_tabs(self) -> list[MeetingTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self._update_heading()
        for tab in self.all_tabs():
            tab.show_meeting(meeting_id)

    def show_record(self, kind: str, ref_id: int) -> None:
        """Bring forward the tab that shows a record of ``kind`` (a search's ``note``,
        ``agenda``, ``document``, ``person`` or ``site``) with the record selected."""
        tabs: dict[str, MeetingTab] = {"note": self.notes, "agenda": self.agenda,
                                       "document": self.documents, "person": self.delegates,
                                       "site": self.sites}
        tab = tabs[kind]
        self.tabs.setCurrentWidget(tab)  # reloads it if it is stale
        tab.select_record(kind, ref_id)

    def _desk_changed(self, changes: Changes) -> None:
        if changes.touches({"meetings"}, self.meeting_id):
            self._update_heading()

    def _update_heading(self) -> None:
        if self.meeting_id is None:
            self.heading.set_full_text("")
            self.frozen_banner.hide()
            return
        try:
            m = meetings.get_meeting(self.session.desk, self.meeting_id)
        except NotFoundError:  # the meeting was deleted; the list moves on
            return
        self.frozen_banner.setVisible(m.status is MeetingStatus.FINAL)
        when = m.date.strftime("%d/%m/%Y") if m.date else ""
        # date and status first: when the window is narrow, the title's end gives way
        self.heading.set_full_text(" · ".join(x for x in (when, label(m.status)) if x)
                                   + f" — {m.title}")
