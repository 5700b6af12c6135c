"""Live mode driven by the keyboard, as a secretary uses it (pytest-qt)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from meetingdesk.domain.enums import ConnectionStatus, MeetingStatus, NoteKind
from meetingdesk.gui.labels import label
from meetingdesk.gui.live.driver import press, type_text
from meetingdesk.gui.live.live_view import LiveView
from meetingdesk.services import agenda, drafts, meetings, notes, participation
from meetingdesk.services.demo import build_demo
from meetingdesk.services.live import running_item, start_meeting
from meetingdesk.store.desk import Desk, open_desk
from tests.final_ready import make_ready_for_final

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def running(desk: Desk) -> int:
    meeting = build_demo(desk)
    assert meeting.id is not None
    meetings.update_meeting(desk, meeting.id, actual_start=None, actual_end=None)
    for item in agenda.agenda(desk, meeting.id):
        assert item.id is not None
        agenda.update_agenda_item(desk, item.id, actual_start=None, actual_end=None)
    start_meeting(desk, meeting.id, datetime.now())
    return meeting.id


@pytest.fixture
def view(qtbot, desk: Desk, running: int) -> LiveView:  # type: ignore[no-untyped-def]
    v = LiveView(desk, running)
    qtbot.addWidget(v)
    v.resize(1366, 740)
    v.show()
    yield v
    v.shutdown()


def _file(qtbot, view: LiveView):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.note_filed, timeout=5000) as blocker:
        press(view.editor.text, Qt.Key.Key_Return, CTRL)
    return blocker.args[0]


def test_live_typing_saves_by_itself_within_a_second(qtbot, view: LiveView, desk: Desk,
                                                     running: int) -> None:
    with qtbot.waitSignal(view.draft_saved, timeout=3000):
        type_text(view.editor.text, "Đồng chí Sơn báo cáo")
    draft = drafts.get_draft(desk, running)
    assert draft is not None and draft.text == "Đồng chí Sơn báo cáo"
    assert "Đã lưu" in view.editor.state.text() or "Saved" in view.editor.state.text()


def test_live_ctrl_enter_files_note_and_opens_the_next(qtbot, view: LiveView, desk: Desk,
                                                       running: int) -> None:
    before = len(notes.notes_of(desk, running))
    type_text(view.editor.text, "Tỉnh Thái Nguyên hoàn thành 115 lượt nhân sự")
    note = _file(qtbot, view)
    assert note.text == "Tỉnh Thái Nguyên hoàn thành 115 lượt nhân sự"
    assert note.agenda_item_id == running_item(desk, running).id  # type: ignore[union-attr]
    assert view.editor.text.toPlainText() == ""
    assert view.editor.text.hasFocus() or not view.isActiveWindow()
    assert len(notes.notes_of(desk, running)) == before + 1
    assert drafts.get_draft(desk, running) is None
    shown = [view.notes_model.index(r, 3).data() for r in range(view.notes_model.rowCount())]
    assert shown[-1] == note.text


def test_live_speaker_picker_finds_son_without_diacritics(qtbot, view: LiveView) -> None:
    type_text(view.picker.edit, "son")
    first = view.picker.model.index(0).data()
    assert first.startswith("Phạm Hoàng Sơn") and "Thái Nguyên" in first
    press(view.picker.edit, Qt.Key.Key_Return)
    assert view.picker.current is not None
    assert view.picker.current.full_name == "Phạm Hoàng Sơn"
    type_text(view.editor.text, "Đề nghị Trung ương hướng dẫn")
    note = _file(qtbot, view)
    assert note.speaker_id == view.picker.current.attendance_id
    assert note.site_id == view.picker.current.site_id


def test_live_kind_shortcut_and_task_line_by_keyboard(qtbot, view: LiveView, desk: Desk,
                                                      running: int) -> None:
    type_text(view.editor.text, "Kết luận: thống nhất triển khai")
    press(view.editor.text, Qt.Key.Key_2, CTRL)
    assert view.editor.kind is NoteKind.CONCLUSION
    assert _file(qtbot, view).kind is NoteKind.CONCLUSION

    press(view.editor.text, Qt.Key.Key_4, CTRL)
    type_text(view.editor.text, "Rà soát quy hoạch cán bộ")
    press(view.editor.text, Qt.Key.Key_Return, CTRL)
    assert view.editor.task.isVisible()
    type_text(view.editor.task.owner, "Ban Tổ chức Tỉnh ủy")
    with qtbot.waitSignal(view.note_filed, timeout=5000) as blocker:
        press(view.editor.task.owner, Qt.Key.Key_Return)
    note = blocker.args[0]
    [task] = [t for t in notes.tasks_of(desk, running) if t.note_id == note.id]
    assert task.owner_unit == "Ban Tổ chức Tỉnh ủy" and task.due_on is not None


def test_live_restores_unfinished_note_and_says_so(qtbot, desk: Desk, running: int) -> None:
    drafts.save_draft(desk, meeting_id=running, text="Đồng chí Hùng phát biểu về",
                      now=datetime(2026, 3, 2, 9, 15, 30))
    v = LiveView(desk, running)
    qtbot.addWidget(v)
    v.show()
    try:
        assert v.editor.text.toPlainText() == "Đồng chí Hùng phát biểu về"
        assert v.banner.isVisible() and "09:15:30" in v.banner.text()
    finally:
        v.shutdown()


def test_live_closing_flushes_what_was_typed(qtbot, desk: Desk, desk_path: Path,
                                             running: int) -> None:
    v = LiveView(desk, running)
    qtbot.addWidget(v)
    v.show()
    type_text(v.editor.text, "Gõ rồi đóng ngay")
    v.close()
    with open_desk(desk_path) as again:
        draft = drafts.get_draft(again, running)
    assert draft is not None and draft.text == "Gõ rồi đóng ngay"


def test_live_next_item_with_one_key(qtbot, view: LiveView, desk: Desk, running: int) -> None:
    first = running_item(desk, running)
    press(view.editor.text, Qt.Key.Key_F8)
    second = running_item(desk, running)
    assert first is not None and second is not None and second.id != first.id
    assert view.item_label.text() == second.title


def test_live_site_tile_click_logs_lost_connection(qtbot, view: LiveView, desk: Desk,
                                                   running: int) -> None:
    entries = participation.meeting_sites(desk, running)
    total = len(entries)
    assert view.board.summary.text().startswith(f"{total}/{total}")
    ms_id = entries[1].meeting_site.id
    assert ms_id is not None
    qtbot.mouseClick(view.board.tiles[ms_id], Qt.MouseButton.LeftButton)
    log = participation.connection_log(desk, ms_id)
    assert log[-1].status is ConnectionStatus.LOST
    assert view.board.summary.text().startswith(f"{total - 1}/{total}")
    press(view.board.tiles[ms_id], Qt.Key.Key_Space)
    assert participation.connection_log(desk, ms_id)[-1].status is ConnectionStatus.RESTORED


def test_live_failed_filing_puts_the_note_back(qtbot, view: LiveView, desk: Desk,
                                               running: int, monkeypatch) -> None:
    from meetingdesk.gui.live import live_view as module

    shown: list[object] = []
    monkeypatch.setattr(module, "show_error", lambda _parent, exc: shown.append(exc))
    speaker = next(iter(view.speakers.values()))
    view.picker.set_current(speaker)
    type_text(view.editor.text, "Ý kiến không được mất")
    participation.remove_attendance(desk, speaker.attendance_id)  # in another window
    with qtbot.waitSignal(view.note_filed, timeout=5000) as blocker:
        press(view.editor.text, Qt.Key.Key_Return, CTRL)
    assert blocker.args[0].text == "Ý kiến không được mất"
    assert blocker.args[0].speaker_id is None  # the speaker is gone, the note is kept

    meetings_final(desk, running)
    type_text(view.editor.text, "Ghi sau khi chốt")
    with qtbot.waitSignal(view.saver.failed, timeout=5000):
        press(view.editor.text, Qt.Key.Key_Return, CTRL)
    assert view.editor.text.toPlainText() == "Ghi sau khi chốt"
    assert shown


def meetings_final(desk: Desk, meeting_id: int) -> None:
    from meetingdesk.domain.enums import Profile
    from meetingdesk.services import minutes_versions

    make_ready_for_final(desk, meeting_id, Profile.PARTY)
    version = minutes_versions.record_version(desk, meeting_id=meeting_id,
                                              profile=Profile.PARTY, pdf=b"%PDF-1.4 test")
    assert version.id is not None
    minutes_versions.mark_final(desk, version.id)


def test_live_editing_a_filed_note_keeps_a_pending_task_note(qtbot, view: LiveView) -> None:
    press(view.editor.text, Qt.Key.Key_4, CTRL)
    type_text(view.editor.text, "Giao Sở Nội vụ rà soát")
    view.notes_view.setFocus()
    view.notes_view.selectRow(0)
    view._edit_filed(view.notes_model.index(0, 0))
    assert view.editor.text.toPlainText() == "Giao Sở Nội vụ rà soát"
    assert view.editor.task.isVisible()


def _choose_son(view: LiveView) -> None:
    press(view.editor.text, Qt.Key.Key_F2)
    type_text(view.picker.edit, "son")
    press(view.picker.edit, Qt.Key.Key_Return)
    assert view.picker.current is not None and view.picker.current.full_name == "Phạm Hoàng Sơn"


def test_live_speaker_stays_chosen_across_f8_and_refresh(qtbot, view: LiveView,
                                                         desk: Desk) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    _choose_son(view)
    first = view.item
    qtbot.keyClick(view.editor.text, Qt.Key.Key_F8)  # next item: the candidates are reloaded
    assert view.item is not None and first is not None and view.item.id != first.id
    assert view.picker.current is not None and view.picker.current.full_name == "Phạm Hoàng Sơn"
    view.refresh()
    type_text(view.editor.text, "Báo cáo kết quả quý 1")
    note = _file(qtbot, view)
    assert note.speaker_id == view.picker.current.attendance_id  # type: ignore[union-attr]


def test_live_speaker_stays_chosen_across_f5(qtbot, desk: Desk) -> None:
    meeting = build_demo(desk)
    assert meeting.id is not None
    meetings.update_meeting(desk, meeting.id, actual_start=None, actual_end=None,
                            status=MeetingStatus.PLANNED)
    for item in agenda.agenda(desk, meeting.id):
        agenda.update_agenda_item(desk, item.id or 0, actual_start=None, actual_end=None)
    view = LiveView(desk, meeting.id)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    _choose_son(view)
    qtbot.keyClick(view.editor.text, Qt.Key.Key_F5)
    assert meetings.get_meeting(desk, meeting.id).actual_start is not None
    assert view.picker.current is not None and view.picker.current.full_name == "Phạm Hoàng Sơn"
    type_text(view.editor.text, "Khai mạc")
    note = _file(qtbot, view)
    assert note.speaker_id == view.picker.current.attendance_id
    view.shutdown()


def test_live_speaker_removed_from_the_list_is_no_longer_chosen(qtbot, view: LiveView,
                                                                 desk: Desk,
                                                                 running: int) -> None:
    _choose_son(view)
    attendance_id = view.picker.current.attendance_id  # type: ignore[union-attr]
    notes_of_son = [n for n in notes.notes_of(desk, running) if n.speaker_id == attendance_id]
    for n in notes_of_son:
        notes.delete_note(desk, n.id or 0)
    participation.remove_attendance(desk, attendance_id)
    view.refresh()
    assert view.picker.current is None and view.picker.edit.text() == ""


def test_live_note_kind_is_shown_by_label_and_colour(qtbot, view: LiveView) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view.editor.text, Qt.Key.Key_2, CTRL)
    assert view.editor.kind is NoteKind.CONCLUSION
    assert view.editor.kind_buttons.checkedId() == 2
    assert label(NoteKind.CONCLUSION).upper() in view.editor.kind_label.text()
    assert "#2e7d32" in view.editor.kind_label.styleSheet()


def test_live_tab_leaves_the_note_text(qtbot, view: LiveView) -> None:
    view.window().activateWindow()
    view.editor.text.setFocus()
    type_text(view.editor.text, "Một")
    press(view.editor.text, Qt.Key.Key_Tab)
    assert "\t" not in view.editor.text.toPlainText()


def test_live_site_tile_s_then_enter_reports_the_present_count(qtbot, view: LiveView,
                                                               desk: Desk, running: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from meetingdesk.gui.i18n import tr
    from meetingdesk.services import headcounts

    entry = participation.meeting_sites(desk, running)[2]  # Cao Bằng, summoned 20
    ms_id = entry.meeting_site.id
    assert ms_id is not None
    headcounts.report_present(desk, ms_id, present=None)
    view._refresh_sites()
    assert tr("count not reported") in view.board.tiles[ms_id].status.text()

    def enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(0, enter)
    press(view.board.tiles[ms_id], Qt.Key.Key_S)  # S, Enter: everyone summoned is present
    (after,) = [e for e in participation.meeting_sites(desk, running)
                if e.meeting_site.id == ms_id]
    assert after.meeting_site.present == 20
    assert tr("present {present}/{summoned}").format(present=20, summoned=20) in \
        view.board.tiles[ms_id].status.text()


def test_live_restored_note_can_be_discarded_after_asking(qtbot, desk: Desk, running: int,
                                                        monkeypatch) -> None:
    """The restored unfinished note is thrown away by its banner's button or Ctrl+Shift+Del,
    only once confirmed: the editor empties and the stored draft goes, after earlier saves."""
    from PySide6.QtWidgets import QMessageBox

    drafts.save_draft(desk, meeting_id=running, text="Ghi dở, không cần nữa",
                      now=datetime(2026, 3, 2, 9, 15, 30))
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    filed = len(notes.notes_of(desk, running))
    v = LiveView(desk, running)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    v.activateWindow()
    qtbot.waitUntil(v.isActiveWindow)
    try:
        assert v.discard_button.isVisible()
        qtbot.keyClick(v.editor.text, Qt.Key.Key_Delete,
                       CTRL | Qt.KeyboardModifier.ShiftModifier)  # answered No: nothing happens
        assert len(answers) == 1
        assert v.editor.text.toPlainText() == "Ghi dở, không cần nữa"
        with qtbot.waitSignal(v.saver.discarded, timeout=5000):
            qtbot.mouseClick(v.discard_button, Qt.MouseButton.LeftButton)
        assert v.editor.text.toPlainText() == ""
        assert not v.banner.isVisible() and not v.discard_button.isVisible()
        assert drafts.get_draft(desk, running) is None
        assert len(notes.notes_of(desk, running)) == filed
    finally:
        v.shutdown()
