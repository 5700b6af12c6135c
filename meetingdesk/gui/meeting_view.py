"""The open meeting: its title and its tabs.

A tab is built when it is first shown or asked for (``view.delegates``): starting the window
builds and loads only the tab in front, the Overview, and imports no other tab's module.
Every tab built follows the meeting shown; one that is hidden only notes that it is stale and
loads when it is next shown (:class:`~meetingdesk.gui.tabs.base.MeetingTab`), so switching
meeting loads the tab in front and nothing else.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Generic, TypeVar, cast, overload

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.domain.errors import NotFoundError
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.read_only import lock_edits
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import ElidedLabel, FrozenBanner
from meetingdesk.services import meetings
from meetingdesk.services.changes import Changes

if TYPE_CHECKING:
    from meetingdesk.gui.tabs.agenda import AgendaTab
    from meetingdesk.gui.tabs.delegates import DelegatesTab
    from meetingdesk.gui.tabs.documents import DocumentsTab
    from meetingdesk.gui.tabs.minutes import MinutesTab
    from meetingdesk.gui.tabs.notes import NotesTab
    from meetingdesk.gui.tabs.notice import NoticeTab
    from meetingdesk.gui.tabs.overview import OverviewTab
    from meetingdesk.gui.tabs.sites import SitesTab

T = TypeVar("T", bound=MeetingTab)


class _Tab(Generic[T]):
    """A tab of the view by its place: the class ``name`` of ``meetingdesk.gui.tabs.<module>``,
    imported and built on first use (``build.spec`` collects every module of the package)."""

    def __init__(self, index: int, module: str, name: str) -> None:
        self.index = index
        self.module = module
        self.name = name

    def make(self, session: DeskSession, parent: QWidget) -> MeetingTab:
        tab_class = getattr(import_module(f"meetingdesk.gui.tabs.{self.module}"), self.name)
        return cast(MeetingTab, tab_class(session, parent))

    @overload
    def __get__(self, view: None, owner: type) -> _Tab[T]: ...

    @overload
    def __get__(self, view: MeetingView, owner: type) -> T: ...

    def __get__(self, view: MeetingView | None, owner: type) -> _Tab[T] | T:
        if view is None:
            return self
        return cast(T, view.tab_at(self.index))


def _titles() -> tuple[str, ...]:
    return (tr("Overview"), tr("Sites"), tr("Delegates"), tr("Agenda"), tr("Notes"),
            tr("Documents"), tr("Minutes"), tr("Conclusion notice"))


class MeetingView(QWidget):
    overview: _Tab[OverviewTab] = _Tab(0, "overview", "OverviewTab")
    sites: _Tab[SitesTab] = _Tab(1, "sites", "SitesTab")
    delegates: _Tab[DelegatesTab] = _Tab(2, "delegates", "DelegatesTab")
    agenda: _Tab[AgendaTab] = _Tab(3, "agenda", "AgendaTab")
    notes: _Tab[NotesTab] = _Tab(4, "notes", "NotesTab")
    documents: _Tab[DocumentsTab] = _Tab(5, "documents", "DocumentsTab")
    minutes: _Tab[MinutesTab] = _Tab(6, "minutes", "MinutesTab")
    notice: _Tab[NoticeTab] = _Tab(7, "notice", "NoticeTab")
    _TABS: tuple[_Tab[MeetingTab], ...] = (overview, sites, delegates, agenda, notes,
                                           documents, minutes, notice)

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id: int | None = None
        self._locked = False
        self.heading = ElidedLabel(self)
        self.heading.setObjectName("meetingHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.tabs = QTabWidget(self)
        self._built: list[MeetingTab | None] = [None] * len(self._TABS)
        self._titles = _titles()
        for number, text in enumerate(self._titles, start=1):
            self.tabs.addTab(QWidget(self.tabs), text)  # its place, until it is built
            go = QAction(tr("Go to the tab %1").replace("%1", text), self)
            go.setShortcut(QKeySequence(f"Alt+{number}"))
            go.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            go.triggered.connect(lambda _=False, i=number - 1: self.go_to(self.tab_at(i)))
            self.addAction(go)
            self.tabs.setTabToolTip(number - 1, f"{text} (Alt+{number})")
        self.tab_at(0)
        self.tabs.currentChanged.connect(self.tab_at)
        self.frozen_banner = FrozenBanner(self)
        # the heading and the banner of a final meeting share one row of a fixed height, so
        # that switching between a final meeting and another moves nothing below them
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.frozen_banner)
        self.frozen_banner.ensurePolished()  # its style sheet's padding counted
        row_height = max(self.heading.sizeHint().height(),
                         self.frozen_banner.sizeHint().height())
        self.heading.setFixedHeight(row_height)
        self.frozen_banner.setFixedHeight(row_height)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        session.changed.connect(self._desk_changed)

    def tab_at(self, index: int) -> MeetingTab:
        """The tab at ``index``, built now if it was not yet (showing the current meeting,
        loaded when shown), in its place among the tabs."""
        tab = self._built[index]
        if tab is not None:
            return tab
        tab = self._TABS[index].make(self.session, self)
        self._built[index] = tab
        with QSignalBlocker(self.tabs):  # the tab in front stays in front: nothing else shows
            self.tabs.insertTab(index, tab, self._titles[index])
            if self.tabs.currentIndex() == index + 1:
                self.tabs.setCurrentIndex(index)
            placeholder = self.tabs.widget(index + 1)
            self.tabs.removeTab(index + 1)
            placeholder.deleteLater()
        self.tabs.setTabToolTip(index, f"{self._titles[index]} (Alt+{index + 1})")
        if self._locked:
            lock_edits(tab)
        tab.show_meeting(self.meeting_id)
        return tab

    def built_tabs(self) -> list[MeetingTab]:
        """The tabs built so far (the others are built when first shown)."""
        return [tab for tab in self._built if tab is not None]

    def all_tabs(self) -> list[MeetingTab]:
        """Every tab, building those not built yet."""
        return [self.tab_at(i) for i in range(len(self._TABS))]

    def lock_edits(self) -> None:
        """Make every editor inert, in the tabs built now and in those built later (a desk
        that may not be written; see :mod:`meetingdesk.gui.read_only`)."""
        self._locked = True
        lock_edits(self)

    def generating_minutes(self) -> bool:
        """Whether the Minutes tab is generating minutes (never, when it was not built)."""
        minutes = self._built[MeetingView.minutes.index]
        return minutes is not None and minutes.is_generating()  # type: ignore[attr-defined]

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

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self._update_heading()
        for tab in self.built_tabs():
            tab.show_meeting(meeting_id)

    def show_record(self, kind: str, ref_id: int) -> None:
        """Bring forward the tab that shows a record of ``kind`` (a search's ``note``,
        ``agenda``, ``document``, ``person`` or ``site``) with the record selected."""
        tab = self.tab_at({"note": MeetingView.notes, "agenda": MeetingView.agenda,
                           "document": MeetingView.documents, "person": MeetingView.delegates,
                           "site": MeetingView.sites}[kind].index)
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
