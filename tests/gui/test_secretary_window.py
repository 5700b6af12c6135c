"""A window a secretary can live in: typed dates, combos found without accents, Tab out of
text boxes, a duplicate person offered first, a final meeting frozen everywhere, and nothing
of the previous meeting left after switching."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from meetingdesk.gui.dialogs.date_fields import DateTimeField
from meetingdesk.gui.dialogs.meeting import MeetingDialog
from meetingdesk.gui.dialogs.records import PersonDialog
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.widgets import fold_search
from meetingdesk.minutes.generate import generate_minutes
from meetingdesk.services import directory, meetings, minutes_versions, participation
from tests.gui.conftest import run_dialog


def test_date_field_reads_vietnamese_typing_and_shows_it(qtbot: Any) -> None:
    field = DateTimeField()
    qtbot.addWidget(field)
    field.reference = datetime(2025, 9, 15, 8, 0)
    for typed, expected in (("15/09/2025 14:00", datetime(2025, 9, 15, 14, 0)),
                            ("15/9/2025", datetime(2025, 9, 15, 8, 0)),
                            ("14h", datetime(2025, 9, 15, 14, 0)),
                            ("14h30", datetime(2025, 9, 15, 14, 30))):
        field.set_text(typed)
        assert field.is_valid() and field.value() == expected, typed
        assert expected.strftime("%d/%m/%Y %H:%M") in field.preview.full_text()
    field.edit.editingFinished.emit()
    assert field.edit.text() == "15/09/2025 14:30"  # written out in full once left


def test_date_field_refuses_in_red_and_keeps_no_other_date(qtbot: Any) -> None:
    field = DateTimeField()
    qtbot.addWidget(field)
    field.set_value(datetime(2025, 9, 15, 14, 0))
    with qtbot.waitSignal(field.changed):
        field.set_text("31/02/2025")
    assert not field.is_valid()
    assert "31" in (field.error() or "") and "#c62828" in field.edit.styleSheet()
    assert field.preview.full_text() == field.error()
    field.edit.editingFinished.emit()
    assert field.edit.text() == "31/02/2025"  # left as typed, to be corrected


def test_date_field_set_to_the_value_it_shows_does_nothing(qtbot: Any) -> None:
    field = DateTimeField()
    qtbot.addWidget(field)
    field.set_value(datetime(2025, 9, 15, 14, 0))
    with qtbot.assertNotEmitted(field.changed):
        field.set_value(datetime(2025, 9, 15, 14, 0, 30))  # the same minute
    field.set_text("15/9/2025 14h")  # the same value, typed otherwise
    with qtbot.assertNotEmitted(field.changed):
        field.set_value(datetime(2025, 9, 15, 14, 0))
    assert field.edit.text() == "15/09/2025 14:00"  # written out in full all the same
    field.set_text("31/02/2025")
    with qtbot.waitSignal(field.changed):  # the last good value, but the text could not be read
        field.set_value(datetime(2025, 9, 15, 14, 0))
    assert field.is_valid() and field.edit.text() == "15/09/2025 14:00"
    assert field.preview.full_text().endswith("15/09/2025 14:00")


def test_date_field_refusal_blocks_the_dialog(qtbot: Any) -> None:
    dialog = MeetingDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start.set_text("32/13/2025")
    dialog.accept()
    assert dialog.result() == 0 and dialog.isVisible()
    dialog.start.set_text("15/09/2025 14:00")
    assert dialog.end.value() == datetime(2025, 9, 15, 17, 30)
    dialog.accept()
    assert dialog.result() == 1


def test_meeting_dialog_defaults_end_after_start_same_day(qtbot: Any) -> None:
    dialog = MeetingDialog([])
    qtbot.addWidget(dialog)
    start, end = dialog.start.value(), dialog.end.value()
    assert start is not None and end is not None
    assert start < end and start.date() == end.date()


def test_combo_typing_finds_thai_nguyen_not_thanh_hoa(qtbot: Any) -> None:
    combo = fold_search(QComboBox())
    qtbot.addWidget(combo)
    combo.addItem("(none)", None)
    for i, name in enumerate(("Bình Thái", "Thanh Hóa", "Thái Nguyên", "Đồng Nai")):
        combo.addItem(name, i)
    combo.show()
    qtbot.keyClicks(combo, "thai")
    assert combo.currentText() == "Thái Nguyên"
    qtbot.wait(1100)  # a pause starts a new search
    qtbot.keyClicks(combo, "dong")
    assert combo.currentText() == "Đồng Nai"


def test_multi_line_boxes_are_left_with_tab(window: MainWindow, qtbot: Any) -> None:
    assert window.view is not None
    boxes = window.findChildren(QPlainTextEdit)
    dialog = PersonDialog(None, [], window)
    qtbot.addWidget(dialog)
    boxes += dialog.findChildren(QPlainTextEdit)
    assert boxes and all(b.tabChangesFocus() for b in boxes)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.titles.setFocus()
    qtbot.keyClicks(dialog.titles, "Bi thu")
    qtbot.keyClick(dialog.titles, Qt.Key.Key_Tab)
    assert "\t" not in dialog.titles.toPlainText() and not dialog.titles.hasFocus()


def test_person_dialog_rank_follows_titles_until_set_by_hand(qtbot: Any) -> None:
    dialog = PersonDialog(None, [])
    qtbot.addWidget(dialog)
    dialog.titles.setPlainText("Tỉnh ủy viên")
    tinh_uy_vien = dialog.rank.value()
    dialog.titles.setPlainText("Bí thư Tỉnh ủy")
    assert dialog.rank.value() < tinh_uy_vien
    dialog.rank.setValue(5)
    dialog.titles.setPlainText("Chuyên viên")
    assert dialog.values()["rank"] == 5


def test_new_person_of_the_same_name_offers_the_existing_one(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        answers: list[tuple[str, str]]) -> None:
    view = window.view
    assert view is not None
    view.tabs.setCurrentWidget(view.delegates)
    desk = window.session.desk  # type: ignore[union-attr]
    before = len(directory.list_people(desk))
    son = next(p for p in directory.list_people(desk) if p.full_name == "Phạm Hoàng Sơn")

    def person(d: PersonDialog) -> bool:
        d.full_name.setText("pham hoang son")  # typed without accents: the same person
        d.site.setCurrentIndex(d.site.findData(son.site_id))
        return True

    run_dialog(monkeypatch, PersonDialog, person)
    view.delegates.new_button.click()
    assert answers[-1][0] == "question" and "Phạm Hoàng Sơn" in answers[-1][1]
    assert len(directory.list_people(desk)) == before  # the existing one was used


def test_final_meeting_is_read_only_in_every_tab(window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None and view.meeting_id is not None
    desk = window.session.desk  # type: ignore[union-attr]
    version, _ = generate_minutes(desk, view.meeting_id)
    minutes_versions.mark_final(desk, version.id or 0)
    tabs_at = view.tabs.geometry()
    window.session.written()  # type: ignore[union-attr]
    for tab in view.all_tabs():
        view.tabs.setCurrentWidget(tab)
        assert tab.frozen
        assert all(not w.isEnabled() for w in tab.editors()), type(tab).__name__
    qtbot.wait(1)  # laid out: the banner shares the heading's row, nothing below moves
    assert view.tabs.geometry() == tabs_at
    assert view.frozen_banner.isVisible()
    assert view.frozen_banner.text() == "Chỉ xem: muốn sửa, hãy mở lại ở thẻ Biên bản"
    assert "hãy mở lại cuộc họp ở thẻ Biên bản" in view.frozen_banner.toolTip()
    assert view.notes.text.isReadOnly()
    assert not view.delegates.roll_call.isEnabled()
    view.tabs.setCurrentWidget(view.delegates)
    view.delegates.table.setFocus()
    qtbot.keyClick(view.delegates.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not view.delegates.roll_call.isChecked()  # shortcuts do nothing either
    minutes_versions.reopen_meeting(desk, view.meeting_id, reason="sửa số liệu")
    window.session.written()  # type: ignore[union-attr]
    assert not view.frozen_banner.isVisible()
    assert view.delegates.add_button.isEnabled()
    view.tabs.setCurrentWidget(view.notes)  # hidden tabs reload when shown
    assert not view.notes.text.isReadOnly()


def test_switching_meeting_leaves_nothing_of_the_previous_one(window: MainWindow,
                                                              qtbot: Any) -> None:
    view = window.view
    assert view is not None
    desk = window.session.desk  # type: ignore[union-attr]
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.generate()
    qtbot.waitUntil(lambda: not view.minutes.is_generating(), timeout=60000)
    assert view.minutes.model.rowCount() == 1 and view.minutes.progress_label.text()
    other = meetings.create_meeting(desk, title="Họp khác")
    window.session.written()  # type: ignore[union-attr]
    view.tabs.setCurrentWidget(view.overview)
    window.meeting_list.choose(other.id)
    assert view.meeting_id == other.id
    assert view.minutes.model.rowCount() == 0 and view.minutes.document.pageCount() == 0
    assert view.minutes.progress_label.text() == "" and view.minutes.state.text() == ""
    assert view.overview.planned_end.edit.text() == "" and \
        view.overview.actual_start.edit.text() == ""
    view.tabs.setCurrentWidget(view.delegates)
    assert view.delegates.model.rowCount() == len(
        participation.attendance_list(desk, other.id or 0)) == 0


@pytest.mark.parametrize("language", ["vi", "en"])
def test_tables_fit_1366x768_without_hidden_columns(window: MainWindow, qtbot: Any,
                                                    language: str) -> None:
    from PySide6.QtWidgets import QTableView

    from meetingdesk.gui import i18n
    from meetingdesk.gui.app import rebuilt_in_language
    from meetingdesk.gui.settings import LANGUAGE

    shown = window
    if language == "en":
        window.settings.set(LANGUAGE, "en")
        shown = rebuilt_in_language(window, window.settings)
        qtbot.addWidget(shown)
        shown.resize(1366, 768)
    view = shown.view
    assert view is not None
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.generate()
    qtbot.waitUntil(lambda: not view.minutes.is_generating(), timeout=60000)
    try:
        for tab in view.all_tabs():
            view.tabs.setCurrentWidget(tab)
            qtbot.wait(50)
            for table in tab.findChildren(QTableView):
                if table.isVisible():
                    assert not table.horizontalScrollBar().isVisible(), \
                        f"{type(tab).__name__} hides columns ({language})"
    finally:
        i18n.install("vi")
        window.settings.set(LANGUAGE, "vi")


def test_elided_cells_show_their_whole_text_as_tooltip(qtbot: Any) -> None:
    from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

    from meetingdesk.gui.widgets import data_table

    model = QStandardItemModel(1, 1)
    model.setHorizontalHeaderLabels(["Chức danh"])
    long_title = "Ủy viên Trung ương Đảng, Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương"
    model.setItem(0, 0, QStandardItem(long_title))
    view = data_table(model, [10], sortable=False)
    qtbot.addWidget(view)
    view.resize(200, 100)
    view.show()
    index = model.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    rect_centre = option.rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, rect_centre, view.viewport().mapToGlobal(rect_centre))
    assert view.itemDelegate().helpEvent(event, view, option, index)
    qtbot.waitUntil(lambda: QToolTip.text() == long_title)
