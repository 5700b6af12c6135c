"""The meeting view builds a tab when it is first shown, and a hidden tab loads when shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.services import meetings


def _count_refreshes(tab: MeetingTab) -> list[int]:
    counted: list[int] = []
    original = tab.refresh

    def refresh() -> None:
        counted.append(tab.meeting_id or 0)
        original()

    tab.refresh = refresh  # type: ignore[method-assign]
    return counted


def test_meeting_view_builds_only_the_tab_in_front(window: MainWindow) -> None:
    view = window.view
    assert view is not None
    assert view.built_tabs() == [view.overview]
    assert view.tabs.currentWidget() is view.overview
    assert view.tabs.count() == 8
    assert not view.generating_minutes()
    assert view.built_tabs() == [view.overview]  # asking did not build the Minutes tab


def test_meeting_view_builds_a_tab_when_shown_with_the_meeting(window: MainWindow,
                                                               qtbot: Any) -> None:
    view = window.view
    assert view is not None
    text = view.tabs.tabText(2)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    tab = view.tabs.currentWidget()
    assert tab is view.delegates and view.tabs.indexOf(tab) == 2
    assert view.tabs.tabText(2) == text and view.tabs.tabToolTip(2).endswith("(Alt+3)")
    assert view.tabs.count() == 8
    assert tab.meeting_id == view.meeting_id and tab.model.rowCount() > 0
    assert set(view.built_tabs()) == {view.overview, tab}
    assert not tab._stale


def test_meeting_view_building_a_hidden_tab_keeps_the_tab_in_front(window: MainWindow) -> None:
    view = window.view
    assert view is not None
    view.tabs.setCurrentIndex(4)
    front = view.tabs.currentWidget()
    refreshed = _count_refreshes(view.overview)
    agenda = view.agenda  # built at index 3, before the tab in front
    assert view.tabs.currentWidget() is front and view.tabs.currentIndex() == 4
    assert agenda._stale and not agenda.isVisible()
    assert refreshed == []


def test_meeting_view_switching_meeting_loads_only_the_tab_in_front(window: MainWindow) -> None:
    view = window.view
    assert view is not None and window.session is not None
    first = view.meeting_id
    assert first is not None
    other = meetings.create_meeting(window.session.desk, title="Họp giao ban tuần").id
    window.session.written()
    view.tabs.setCurrentWidget(view.delegates)
    view.tabs.setCurrentWidget(view.overview)
    delegates, overview = _count_refreshes(view.delegates), _count_refreshes(view.overview)
    window.meeting_list.choose(other)
    assert view.meeting_id == other
    assert overview == [other] and delegates == []  # hidden: only marked stale
    assert view.delegates._stale
    window.meeting_list.choose(first)
    assert overview == [other, first] and delegates == []
    view.tabs.setCurrentWidget(view.delegates)
    assert delegates == [first]  # loaded once, when shown, for the meeting shown now
    view.tabs.setCurrentWidget(view.overview)
    view.tabs.setCurrentWidget(view.delegates)
    assert delegates == [first]  # not stale: not loaded again


def test_meeting_view_tab_built_after_edits_were_locked_is_locked(window: MainWindow) -> None:
    view = window.view
    assert view is not None
    view.lock_edits()
    agenda = view.agenda
    buttons = [b for b in agenda.findChildren(QPushButton)
               if b.property("meetingdesk_reads") is None]
    assert buttons and not any(b.isEnabled() for b in buttons)
    assert agenda.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
