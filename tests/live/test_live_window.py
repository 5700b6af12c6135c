"""The live window: Esc or Ctrl+W closes it, asking when a note is not filed; a final
meeting opens read-only with its clock stopped."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from meetingdesk.gui.live.driver import type_text
from meetingdesk.gui.live.window import LiveWindow
from meetingdesk.minutes.generate import generate_minutes
from meetingdesk.services import agenda, drafts, meetings, minutes_versions, notes
from meetingdesk.services.demo import build_demo
from meetingdesk.services.live import start_meeting
from meetingdesk.store.desk import Desk


@pytest.fixture
def meeting_id(desk: Desk) -> int:
    meeting = build_demo(desk)
    assert meeting.id is not None
    meetings.update_meeting(desk, meeting.id, actual_start=None, actual_end=None)
    for item in agenda.agenda(desk, meeting.id):
        agenda.update_agenda_item(desk, item.id or 0, actual_start=None, actual_end=None)
    start_meeting(desk, meeting.id, datetime.now())
    return meeting.id


def _window(qtbot: Any, desk: Desk, meeting_id: int) -> LiveWindow:
    window = LiveWindow(desk, meeting_id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton
            ) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(text)
        return button
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_live_window_esc_closes_without_asking_when_nothing_is_typed(
        qtbot: Any, desk: Desk, meeting_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window = _window(qtbot, desk, meeting_id)
    qtbot.keyClick(window.view.editor.text, Qt.Key.Key_Escape)
    assert not window.isVisible() and asked == []


def test_live_window_ctrl_w_asks_and_cancel_keeps_the_note(
        qtbot: Any, desk: Desk, meeting_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window = _window(qtbot, desk, meeting_id)
    type_text(window.view.editor.text, "Đồng chí Sơn phát biểu")
    qtbot.keyClick(window.view.editor.text, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible() and "Đồng chí Sơn phát biểu" in asked[0]
    assert window.view.editor.text.toPlainText() == "Đồng chí Sơn phát biểu"
    window.view.shutdown()


def test_live_window_esc_yes_files_the_note_then_closes(
        qtbot: Any, desk: Desk, meeting_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    before = len(notes.notes_of(desk, meeting_id))
    window = _window(qtbot, desk, meeting_id)
    type_text(window.view.editor.text, "Kết luận của đồng chí chủ trì")
    qtbot.keyClick(window.view.editor.text, Qt.Key.Key_Escape)
    assert not window.isVisible()
    texts = [n.text for n in notes.notes_of(desk, meeting_id)]
    assert len(texts) == before + 1 and texts[-1] == "Kết luận của đồng chí chủ trì"
    assert drafts.get_draft(desk, meeting_id) is None


def test_live_window_esc_no_keeps_a_draft(
        qtbot: Any, desk: Desk, meeting_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    window = _window(qtbot, desk, meeting_id)
    type_text(window.view.editor.text, "Còn dang dở")
    qtbot.keyClick(window.view.editor.text, Qt.Key.Key_Escape)
    assert not window.isVisible()
    draft = drafts.get_draft(desk, meeting_id)
    assert draft is not None and draft.text == "Còn dang dở"


def test_live_window_of_a_final_meeting_is_read_only(qtbot: Any, desk: Desk) -> None:
    meeting = build_demo(desk)  # ended, with everything final minutes need
    meeting_id = meeting.id or 0
    version, _ = generate_minutes(desk, meeting_id)
    minutes_versions.mark_final(desk, version.id or 0)
    window = _window(qtbot, desk, meeting_id)
    view = window.view
    assert view.read_only and view.editor.text.isReadOnly()
    assert not view.picker.isEnabled() and not view.board.isEnabled()
    assert not view._tick.isActive()
    assert view.banner.isVisible() or not window.isVisible()
    qtbot.keyClicks(view.editor.text, "khong go duoc")
    assert view.editor.text.toPlainText() == ""
    assert view.unfiled_text() == ""
    window.close()
