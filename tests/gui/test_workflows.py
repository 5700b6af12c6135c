"""The main workflows as a secretary does them, asserting what she would see."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog

from meetingdesk.domain.precedence import rank_of_titles
from meetingdesk.gui.dialogs.meeting import MeetingDialog
from meetingdesk.gui.dialogs.picker import PickerDialog
from meetingdesk.gui.dialogs.records import AgendaItemDialog, PersonDialog
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.models.agenda import MIME_TYPE
from meetingdesk.gui.widgets import select_row
from meetingdesk.services import meetings, participation
from tests.gui.conftest import run_dialog


def column(view: Any, col: int) -> list[str]:
    model = view.model()
    return [str(model.index(r, col).data()) for r in range(model.rowCount())]


def new_meeting(window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                title: str = "Giao ban trực tuyến quý 3-2026") -> None:
    def fill(d: MeetingDialog) -> bool:
        d.title.setText(title)
        return True

    run_dialog(monkeypatch, MeetingDialog, fill)
    window.new_meeting_action.trigger()
    assert window.meeting_list.current().meeting.title == title


def test_workflow_create_a_meeting(window: MainWindow, qtbot: Any,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    before = window.meeting_list.model.rowCount()
    new_meeting(window, qtbot, monkeypatch)
    view = window.view
    assert view is not None
    assert window.meeting_list.model.rowCount() == before + 1
    assert view.heading.full_text().endswith(" · Dự thảo — Giao ban trực tuyến quý 3-2026")
    view.tabs.setCurrentWidget(view.overview)
    assert view.overview.totals.text() == "0 điểm cầu, 0 đại biểu"
    assert view.overview.status.currentText() == "Dự thảo"
    assert window.undo_action.text() == "Hoàn tác: Cuộc họp mới"


def test_workflow_meeting_list_search_and_status(window: MainWindow, qtbot: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    new_meeting(window, qtbot, monkeypatch, "Họp chi bộ tháng 11")
    ml = window.meeting_list
    qtbot.keyClicks(ml.search, "giao ban")
    assert column(ml.table, 1) == [
        "Hội nghị giao ban trực tuyến đánh giá tình hình, kết quả công tác quý 1, "
        "triển khai nhiệm vụ quý 2-2023"]
    ml.search.setText("HOP CHI BO")
    assert column(ml.table, 1) == ["Họp chi bộ tháng 11"]
    ml.search.clear()
    ml.status.setCurrentIndex(ml.status.findText("Đã kết thúc"))
    assert column(ml.table, 2) == ["Đã kết thúc"]
    assert ml.count.text() == "1 / 2 cuộc họp"


def test_workflow_add_thai_nguyen_site_by_former_name(window: MainWindow, qtbot: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    new_meeting(window, qtbot, monkeypatch)
    view = window.view
    assert view is not None
    view.tabs.setCurrentWidget(view.sites)
    seen: list[list[str]] = []

    def pick(d: PickerDialog) -> bool:
        qtbot.keyClicks(d.search, "bac kan")
        seen.append(column(d.table, 1))
        return True

    run_dialog(monkeypatch, PickerDialog, pick)
    qtbot.mouseClick(view.sites.add_button, Qt.MouseButton.LeftButton)
    assert seen == [["Thái Nguyên"]]
    assert column(view.sites.table, 1) == ["Thái Nguyên"]
    assert view.sites.site_title.text() == "Thái Nguyên — Chưa kiểm tra"

    qtbot.mouseClick(view.sites.status_buttons[next(iter(view.sites.status_buttons))],
                     Qt.MouseButton.LeftButton)
    view.sites.remark.setText("Đường truyền ổn định")
    qtbot.mouseClick(view.sites.status_buttons[list(view.sites.status_buttons)[1]],
                     Qt.MouseButton.LeftButton)
    assert column(view.sites.table, 7) == ["Đã kết nối"]
    assert column(view.sites.log_table, 1) == ["Đã kiểm tra", "Đã kết nối"]
    assert column(view.sites.log_table, 2) == ["", "Đường truyền ổn định"]
    view.tabs.setCurrentWidget(view.overview)
    assert view.overview.totals.text() == "1 điểm cầu, 0 đại biểu"


def test_workflow_add_delegates_and_roll_call(window: MainWindow, qtbot: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.view
    assert view is not None
    tab = view.delegates
    view.tabs.setCurrentWidget(tab)

    def person(d: PersonDialog) -> bool:
        d.full_name.setText("Nguyễn Văn Đức")
        d.titles.setPlainText("Phó Giám đốc Sở Nội vụ")
        d.site.setCurrentIndex(d.site.findText("Thái Nguyên"))
        assert d.rank.value() == rank_of_titles(["Phó Giám đốc Sở Nội vụ"])  # from the title
        return True

    run_dialog(monkeypatch, PersonDialog, person)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert "Nguyễn Văn Đức" in column(tab.table, 1)
    assert tab.summary.text() == "6 đại biểu: 5 có mặt, 0 vắng"
    assert window.undo_action.text() == "Hoàn tác: Thêm đại biểu Nguyễn Văn Đức"

    # grouped by site, in precedence order
    assert column(tab.table, 0) == ["Trụ sở Ban Tổ chức Trung ương, Hà Nội"] * 3 + \
        ["Thái Nguyên"] * 3
    assert column(tab.table, 1)[3:] == ["Phạm Hoàng Sơn", "Dương Xuân Hùng", "Nguyễn Văn Đức"]
    tab.order.setCurrentIndex(1)  # Vietnamese name order: Đức, Hùng, Sơn
    assert column(tab.table, 1)[3:] == ["Nguyễn Văn Đức", "Dương Xuân Hùng", "Phạm Hoàng Sơn"]
    tab.order.setCurrentIndex(0)

    # roll call by keyboard alone
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(tab.roll_call.isChecked)  # the button's shortcut animates a click
    assert tab.hint.isVisible()
    select_row(tab.table, 3)
    qtbot.keyClick(tab.table, Qt.Key.Key_V)  # Phạm Hoàng Sơn absent
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ốm", True))
    qtbot.keyClick(tab.table, Qt.Key.Key_L)  # Dương Xuân Hùng absent with reason
    qtbot.keyClick(tab.table, Qt.Key.Key_1)  # Nguyễn Văn Đức present
    assert column(tab.table, 4)[3:] == ["Vắng mặt", "Vắng mặt có lý do", "Có mặt trực tiếp"]
    assert column(tab.table, 5)[4] == "Ốm"
    assert tab.summary.text() == "6 đại biểu: 4 có mặt, 2 vắng"
    assert window.undo_action.text() == "Hoàn tác: Điểm danh: Nguyễn Văn Đức, Có mặt trực tiếp"
    window.undo_action.trigger()
    assert column(tab.table, 4)[5] == "Chưa điểm danh"
    view.tabs.setCurrentWidget(view.overview)
    assert view.overview.totals.text() == "7 điểm cầu, 6 đại biểu"


def test_workflow_add_delegate_from_directory(window: MainWindow, qtbot: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    new_meeting(window, qtbot, monkeypatch)
    view = window.view
    assert view is not None
    view.tabs.setCurrentWidget(view.delegates)

    def pick(d: PickerDialog) -> bool:
        qtbot.keyClicks(d.search, "duong xuan")
        return column(d.table, 0) == ["Dương Xuân Hùng"]

    run_dialog(monkeypatch, PickerDialog, pick)
    qtbot.mouseClick(view.delegates.add_button, Qt.MouseButton.LeftButton)
    assert column(view.delegates.table, 1) == ["Dương Xuân Hùng"]
    assert column(view.delegates.table, 0) == ["Thái Nguyên"]


def test_workflow_reorder_agenda_undo_and_redo(window: MainWindow, qtbot: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.view
    assert view is not None
    tab = view.agenda
    view.tabs.setCurrentWidget(tab)
    titles = column(tab.table, 1)
    assert len(titles) == 3

    select_row(tab.table, 0)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert column(tab.table, 1) == [titles[1], titles[0], titles[2]]
    assert column(tab.table, 0) == ["1", "2", "3"]
    assert tab.table.currentIndex().row() == 1

    # drag the last item to the top
    data = QMimeData()
    data.setData(MIME_TYPE, str(tab.model.row(2).item.id).encode())
    tab.proxy.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: column(tab.table, 1)[0] == titles[2])
    assert column(tab.table, 1) == [titles[2], titles[1], titles[0]]

    assert window.undo_action.text() == "Hoàn tác: Sắp xếp lại chương trình"
    window.undo_action.trigger()
    assert column(tab.table, 1) == [titles[1], titles[0], titles[2]]
    window.undo_action.trigger()
    assert column(tab.table, 1) == titles
    assert window.redo_action.text() == "Làm lại: Sắp xếp lại chương trình"
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert column(tab.table, 1) == [titles[2], titles[1], titles[0]]

    def item(d: AgendaItemDialog) -> bool:
        d.title.setText("Tổng kết hội nghị")
        d.minutes.setValue(15)
        return True

    run_dialog(monkeypatch, AgendaItemDialog, item)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert column(tab.table, 1)[-1] == "Tổng kết hội nghị"
    assert column(tab.table, 3)[-1] == "15"
    window.undo_action.trigger()
    assert "Tổng kết hội nghị" not in column(tab.table, 1)


def test_workflow_delete_meeting_with_confirmation_and_undo(
        window: MainWindow, qtbot: Any, answers: list[tuple[str, str]]) -> None:
    ml = window.meeting_list
    title = ml.current().meeting.title
    window.delete_meeting_action.trigger()
    assert answers and answers[-1][0] == "question" and title in answers[-1][1]
    assert ml.model.rowCount() == 0
    assert window.stack.currentWidget() is window.empty
    window.undo_action.trigger()
    assert column(ml.table, 1) == [title]
    view = window.view
    assert view is not None
    view.tabs.setCurrentWidget(view.overview)
    assert view.overview.totals.text() == "7 điểm cầu, 5 đại biểu"


def test_workflow_new_meeting_from_previous(window: MainWindow, qtbot: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(d: MeetingDialog) -> bool:
        assert d.title.text().startswith("Hội nghị giao ban")
        d.title.setText("Giao ban quý 2-2023")
        return True

    run_dialog(monkeypatch, MeetingDialog, fill)
    window.copy_meeting_action.trigger()
    view = window.view
    assert view is not None
    assert window.meeting_list.current().meeting.title == "Giao ban quý 2-2023"
    view.tabs.setCurrentWidget(view.overview)
    assert view.overview.totals.text() == "7 điểm cầu, 5 đại biểu"
    view.tabs.setCurrentWidget(view.delegates)
    assert set(column(view.delegates.table, 4)) == {"Chưa điểm danh"}


def test_workflow_notes_edit_and_citations(window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    view.tabs.setCurrentWidget(view.notes)
    tab = view.notes
    count = tab.proxy.rowCount()
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    tab.item.setCurrentIndex(1)
    tab.speaker.setCurrentIndex(tab.speaker.findText("Phạm Hoàng Sơn (Thái Nguyên)"))
    # QTest types ASCII only; Vietnamese arrives as an input method would commit it
    tab.text.insertPlainText("Thái Nguyên thực hiện Quy định số 96-QĐ/TW ngày 2/2/2023.")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.proxy.rowCount() == count + 1
    assert "Phạm Hoàng Sơn" in column(tab.table, 2)
    tab.item_filter.setCurrentIndex(tab.item_filter.findText("Ngoài chương trình"))
    assert tab.proxy.rowCount() == 0
    tab.item_filter.setCurrentIndex(0)
    tab.search.setText("quy dinh so 96")
    assert tab.proxy.rowCount() == 2
    view.tabs.setCurrentWidget(view.documents)
    assert "96-QĐ/TW" in column(view.documents.table, 0)


def test_workflow_overview_edit_and_undo(window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    assert "Mai Văn Chính" in tab.chair.text()
    assert "Nguyễn Thị Thu Hà" in tab.secretary.text()
    tab.title.setText("Giao ban quý 1-2023")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert view.heading.full_text() == "03/04/2023 · Đã kết thúc — Giao ban quý 1-2023"
    assert column(window.meeting_list.table, 1) == ["Giao ban quý 1-2023"]
    assert window.undo_action.text() == "Hoàn tác: Sửa thông tin cuộc họp"
    window.undo_action.trigger()
    assert tab.title.text().startswith("Hội nghị giao ban")


def test_workflow_overview_issuer_and_signers(window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None and window.session is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    assert tab.issuer.currentText() == "BAN TỔ CHỨC TRUNG ƯƠNG"
    assert tab.chair_signer.currentText() == "Mai Văn Chính"
    assert tab.chair_title.text() == "Phó Trưởng Ban Thường trực"
    assert tab.secretary_signer.currentText() == "Nguyễn Thị Thu Hà"
    assert "170 có mặt / 177 triệu tập" in tab.attendance.text()
    tab.secretary_signer.setCurrentIndex(0)  # nobody
    tab.chair_title.setText("KT. Trưởng Ban")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    meeting = meetings.get_meeting(window.session.desk, view.meeting_id or 0)
    assert (meeting.secretary_signer_id, meeting.chair_signer_title) == (None, "KT. Trưởng Ban")
    window.undo_action.trigger()
    meeting = meetings.get_meeting(window.session.desk, view.meeting_id or 0)
    assert meeting.secretary_signer_id is not None
    assert meeting.chair_signer_title == "Phó Trưởng Ban Thường trực"


def test_workflow_generate_preview_export_and_mark_final(
        window: MainWindow, qtbot: Any, tmp_path: Path, answers: list[tuple[str, str]]) -> None:
    view = window.view
    assert view is not None
    tab = view.minutes
    view.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 0
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    assert tab.progress.isVisible()
    qtbot.waitUntil(lambda: not tab.is_generating(), timeout=60000)
    assert tab.progress_label.text() == "Đã tạo biên bản."
    assert tab.model.rowCount() == 1
    assert column(tab.table, 1) == ["Đảng (Hướng dẫn 36-HD/VPTW)"]
    assert tab.document.pageCount() >= 1
    target = tmp_path / "bien-ban.pdf"
    tab.export_to(target, tab.model.row(0).id)  # type: ignore[arg-type]
    assert target.read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(tab.final_button, Qt.MouseButton.LeftButton)
    assert column(tab.table, 3)[0] != ""
    assert not tab.generate_button.isEnabled()
    assert tab.reopen_button.isEnabled()
    assert "đã được chốt" in tab.state.text()
    view.tabs.setCurrentWidget(view.overview)
    assert view.overview.status.currentText() == "Biên bản chính thức"


def test_workflow_undo_impossible_after_outside_change(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        answers: list[tuple[str, str]]) -> None:
    """The new person is put on another meeting's list outside the undo stack: undoing their
    creation would break that list, so it is refused, the data kept, the history cleared."""
    from meetingdesk.services import directory, meetings, participation

    view = window.view
    assert view is not None
    view.tabs.setCurrentWidget(view.delegates)

    def person(d: PersonDialog) -> bool:
        d.full_name.setText("Lò Văn Pá")
        return True

    run_dialog(monkeypatch, PersonDialog, person)
    view.delegates.new_button.click()
    desk = window.session.desk  # type: ignore[union-attr]
    person_id = directory.list_people(desk, "lo van pa")[0].id
    other = meetings.create_meeting(desk, title="Họp ngoài lịch sử hoàn tác")
    participation.add_attendance(desk, meeting_id=other.id, person_id=person_id)  # type: ignore[arg-type]
    window.undo_action.trigger()  # the new person: refused
    assert answers[-1][0] == "warning" and "Không hoàn tác được" in answers[-1][1]
    qtbot.waitUntil(lambda: not window.undo_action.isEnabled())
    assert "Lò Văn Pá" in [e.person.full_name for e in participation.attendance_list(
        desk, view.meeting_id)]  # type: ignore[arg-type]


def test_workflow_live_mode_from_the_meeting_menu(window: MainWindow, qtbot: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    new_meeting(window, qtbot, monkeypatch, "Họp trực tiếp")
    assert window.session.undo_stack.canUndo()  # type: ignore[union-attr]
    window.live_action.trigger()
    live = window._live_windows[0]
    qtbot.waitExposed(live)
    assert live.windowTitle() == "Trực tiếp — Họp trực tiếp"
    assert not window.session.undo_stack.canUndo()  # type: ignore[union-attr]
    live.close()
    qtbot.waitUntil(lambda: not window._live_windows)
    assert window.isVisible()


def test_workflow_roll_call_reports_a_site_count_in_two_keystrokes(
        window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    view = window.view
    assert view is not None and window.session is not None
    tab = view.delegates
    view.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.roll_call, Qt.MouseButton.LeftButton)
    select_row(tab.table, column(tab.table, 1).index("Phạm Hoàng Sơn"))

    def answer(keys: str) -> None:
        def type_and_enter() -> None:
            dialog = QApplication.activeModalWidget()
            assert dialog is not None
            if keys:
                qtbot.keyClicks(dialog.focusWidget(), keys)
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        QTimer.singleShot(0, type_and_enter)

    def thai_nguyen_present() -> int | None:
        sites = participation.meeting_sites(window.session.desk, view.meeting_id or 0)
        return next(s.meeting_site.present for s in sites if s.site.name == "Thái Nguyên")

    answer("")  # S, then Enter: the figure proposed (the last reported) is kept
    qtbot.keyClick(tab.table, Qt.Key.Key_S)
    assert thai_nguyen_present() == 24
    answer("23")
    qtbot.keyClick(tab.table, Qt.Key.Key_S)
    assert thai_nguyen_present() == 23
    assert window.undo_action.text() == "Hoàn tác: Số có mặt tại Thái Nguyên: 23"
    window.undo_action.trigger()
    assert thai_nguyen_present() == 24
