"""A secretary who never touches the mouse: create a meeting typing "15/09/2025 14:00", add
a site typing "thai", add two delegates, call the roll, take three live notes with a speaker
across F5/F8, generate the minutes. Every step is a key sent to the widget that has the focus;
the test fails if any mouse event reaches the application."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from meetingdesk.gui.dialogs.meeting import MeetingDialog
from meetingdesk.gui.dialogs.picker import PickerDialog
from meetingdesk.gui.live.driver import type_text
from meetingdesk.gui.live.window import LiveWindow
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.services import agenda, meetings, minutes_versions, notes, participation
from tests.minutes.conftest import body_text, squeeze

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MOUSE = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
         QEvent.Type.MouseButtonDblClick}


class _NoMouse(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE:
            self.seen.append(f"{event.type()} on {watched}")
        return False


@pytest.fixture
def no_mouse(qapp: QApplication) -> Iterator[None]:
    guard = _NoMouse()
    qapp.installEventFilter(guard)
    yield
    qapp.removeEventFilter(guard)
    assert guard.seen == [], "a mouse event reached the application"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def key(qtbot: Any, k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
        ) -> None:
    qtbot.keyClick(focused(), k, modifiers)


def type_in(text: str) -> None:
    """Type ``text`` (Vietnamese too) into the focused widget, key by key."""
    type_text(focused(), text)


def in_dialog(qtbot: Any, kind: type, fill: Callable[[Any], None]) -> list[Any]:
    """Once the modal dialog of type ``kind`` is up, run ``fill(dialog)`` (which types);
    returns the dialogs seen, to check ``fill`` ran."""
    seen: list[Any] = []

    def poll(tries: int = 200) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and dialog.isAncestorOf(
                QApplication.focusWidget()):
            seen.append(dialog)
            try:
                fill(dialog)
            except BaseException:
                dialog.reject()
                raise
            return
        if tries:
            QTimer.singleShot(20, lambda: poll(tries - 1))
        elif isinstance(dialog, QDialog):
            dialog.reject()  # the keyboard never reached it: the test fails below

    QTimer.singleShot(0, poll)
    return seen


def back_to(qtbot: Any, window: QWidget) -> None:
    """What the window manager does when a dialog or a window closes: the window below gets
    the keyboard back (the offscreen platform of the tests does not do it by itself)."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def test_keyboard_only_from_a_new_meeting_to_its_minutes(
        window: MainWindow, qtbot: Any, no_mouse: None) -> None:
    desk = window.session.desk  # type: ignore[union-attr]

    # --- a new meeting, its start typed the Vietnamese way --------------------------------
    def new_meeting(d: MeetingDialog) -> None:
        type_in("Giao ban trực tuyến quý 3")
        key(qtbot, Qt.Key.Key_Tab)  # kind
        key(qtbot, Qt.Key.Key_Tab)  # organizer
        key(qtbot, Qt.Key.Key_Tab)  # planned start
        assert focused() is d.start.edit
        key(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), "15/09/2025 14:00")
        assert d.start.value() == datetime(2025, 9, 15, 14, 0)
        assert "15/09/2025 14:00" in d.start.preview.text()  # shown before it is kept
        key(qtbot, Qt.Key.Key_Tab)
        assert d.end.value() == datetime(2025, 9, 15, 17, 30)  # after the start, same day
        key(qtbot, Qt.Key.Key_Return)

    dialogs = in_dialog(qtbot, MeetingDialog, new_meeting)
    key(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert dialogs, "the new meeting dialog did not open"
    back_to(qtbot, window)
    view = window.view
    assert view is not None and view.meeting_id is not None
    meeting = meetings.get_meeting(desk, view.meeting_id)
    assert (meeting.title, meeting.planned_start) == ("Giao ban trực tuyến quý 3",
                                                      datetime(2025, 9, 15, 14, 0))
    assert view.overview.planned_start.edit.text() == "15/09/2025 14:00"

    # --- a site typed without accents -----------------------------------------------------
    def site(d: PickerDialog) -> None:
        qtbot.keyClicks(focused(), "thai")
        assert d.chosen().name == "Thái Nguyên"  # the exact start first, not Thanh Hóa
        key(qtbot, Qt.Key.Key_Return)

    key(qtbot, Qt.Key.Key_2, ALT)
    assert view.tabs.currentWidget() is view.sites
    sites = in_dialog(qtbot, PickerDialog, site)
    key(qtbot, Qt.Key.Key_N, CTRL)
    assert sites, "the site picker did not open"
    back_to(qtbot, window)
    assert [e.site.name for e in participation.meeting_sites(desk, meeting.id or 0)] == [
        "Thái Nguyên"]

    # --- two agenda items, for F8 to move through ----------------------------------------
    key(qtbot, Qt.Key.Key_4, ALT)
    assert view.tabs.currentWidget() is view.agenda
    for title in ("Khai mạc", "Báo cáo kết quả quý 3", "Thảo luận"):
        def item(d: QDialog, title: str = title) -> None:
            type_in(title)
            key(qtbot, Qt.Key.Key_Return)
        items = in_dialog(qtbot, QDialog, item)
        key(qtbot, Qt.Key.Key_N, CTRL)
        assert items, "the agenda item dialog did not open"
        back_to(qtbot, window)
    assert view.agenda.model.rowCount() == 3

    # --- two delegates from the directory, typed without accents -------------------------
    key(qtbot, Qt.Key.Key_3, ALT)
    assert view.tabs.currentWidget() is view.delegates
    for typed, name in (("son", "Phạm Hoàng Sơn"), ("hung", "Dương Xuân Hùng")):
        def person(d: PickerDialog, typed: str = typed, name: str = name) -> None:
            qtbot.keyClicks(focused(), typed)
            assert d.chosen().person.full_name == name
            key(qtbot, Qt.Key.Key_Return)
        in_dialog(qtbot, PickerDialog, person)
        key(qtbot, Qt.Key.Key_N, CTRL)
        back_to(qtbot, window)
    listed = participation.attendance_list(desk, meeting.id or 0)
    assert [e.person.full_name for e in listed] == ["Phạm Hoàng Sơn", "Dương Xuân Hùng"]

    # --- roll call ------------------------------------------------------------------------
    key(qtbot, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(view.delegates.roll_call.isChecked)
    key(qtbot, Qt.Key.Key_Home, CTRL)  # from the top of the list
    key(qtbot, Qt.Key.Key_1)
    key(qtbot, Qt.Key.Key_1)
    listed = participation.attendance_list(desk, meeting.id or 0)
    assert all(e.attendance.status.is_present for e in listed)

    # --- live mode: a speaker chosen once stays across F5 and F8 --------------------------
    key(qtbot, Qt.Key.Key_F9)
    live = next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, LiveWindow) and w.isVisible())
    qtbot.waitUntil(live.isActiveWindow)
    assert focused() is live.view.editor.text
    key(qtbot, Qt.Key.Key_F2)
    qtbot.keyClicks(focused(), "son")
    key(qtbot, Qt.Key.Key_Return)
    assert live.view.picker.current is not None
    key(qtbot, Qt.Key.Key_F5)
    texts = ["Khai mạc hội nghị", "Báo cáo kết quả công tác quý 3", "Kết luận phần thảo luận"]
    for i, text in enumerate(texts):
        if i:
            key(qtbot, Qt.Key.Key_F8)
        assert focused() is live.view.editor.text
        type_in(text)
        with qtbot.waitSignal(live.view.note_filed, timeout=10000):
            key(qtbot, Qt.Key.Key_Return, CTRL)
    son = next(e for e in listed if e.person.full_name == "Phạm Hoàng Sơn")
    filed = notes.notes_of(desk, meeting.id or 0)
    assert [(n.text, n.speaker_id) for n in filed] == [(t, son.attendance.id) for t in texts]
    assert [n.agenda_item_id for n in filed] == [
        i.id for i in agenda.agenda(desk, meeting.id or 0)]  # F8 moved on to each item
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not live.isVisible())

    # --- the minutes ----------------------------------------------------------------------
    back_to(qtbot, window)
    key(qtbot, Qt.Key.Key_7, ALT)
    assert view.tabs.currentWidget() is view.minutes
    key(qtbot, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: not view.minutes.is_generating(), timeout=60000)
    (version,) = minutes_versions.list_versions(desk, meeting.id or 0)
    text = squeeze(body_text(minutes_versions.version_pdf(desk, version.id or 0)))
    for expected in ("Phạm Hoàng Sơn", *texts):
        assert squeeze(expected) in text
