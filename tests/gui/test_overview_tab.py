"""The overview tab: its totals counted by the store, signer pickers that list the people on
the list only when first used (by mouse or keyboard), the issuers listed again when they
change, leaders shown in a fixed number of lines, and a switch of meeting that sets only what
differs and lays nothing out again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

from meetingdesk.gui.dialogs.date_fields import DateTimeField
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.tabs.overview import LEADER_LINES, OverviewTab
from meetingdesk.gui.undo import created
from meetingdesk.gui.widgets import ElidedLabel
from meetingdesk.minutes.generate import generate_minutes
from meetingdesk.services import (
    directory,
    meetings,
    minutes_versions,
    organization,
    participation,
)


def _people_listed(window: MainWindow) -> int:
    assert window.view is not None and window.view.meeting_id is not None
    return len(participation.attendance_list(window.session.desk,  # type: ignore[union-attr]
                                             window.view.meeting_id))


def _overview_and_a_copy(window: MainWindow) -> tuple[OverviewTab, int, int]:
    """The Overview tab shown on the demo meeting, that meeting's id and the id of a copy of
    it (the same description, dates and signers; its own log: one copy event)."""
    view = window.view
    assert view is not None and window.session is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    first = view.meeting_id
    assert first is not None
    other = meetings.copy_meeting(window.session.desk, first, title="Giao ban quý 2").id
    assert other is not None
    window.session.written()
    return tab, first, other


def test_overview_signer_picker_lists_people_when_the_keyboard_reaches_it(
        window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    assert tab.chair_signer.count() == 2  # nobody, and the current signer
    assert tab.chair_signer.currentText() == "Mai Văn Chính"
    tab.chair_title.setFocus()
    qtbot.keyClick(tab.chair_title, Qt.Key.Key_Backtab)  # Shift+Tab back to the picker
    assert tab.chair_signer.hasFocus()
    assert tab.chair_signer.count() == 1 + _people_listed(window)
    assert tab.chair_signer.currentText() == "Mai Văn Chính"  # still the signer shown
    assert tab.secretary_signer.currentText() == "Nguyễn Thị Thu Hà"
    qtbot.keyClick(tab.chair_signer, Qt.Key.Key_Home)
    assert tab.chair_signer.currentData() is None


def test_overview_signer_picker_typing_finds_anyone_on_the_list(window: MainWindow,
                                                                qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    tab.secretary_signer.setCurrentIndex(0)
    qtbot.keyClicks(tab.secretary_signer, "pham")  # focus never came: the key lists them
    assert tab.secretary_signer.currentText().startswith("Phạm")
    assert tab.attendance.text().startswith("Có mặt: ")


def test_overview_issuer_picker_lists_an_issuer_added_since(window: MainWindow) -> None:
    view = window.view
    assert view is not None and window.session is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    before = tab.issuer.count()
    desk = window.session.desk
    window.session.run("issuer", lambda: organization.add_issuer(
        desk, name="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"), new_roots=created("issuers"))
    assert tab.issuer.count() == before + 1
    assert tab.issuer.findText("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN") > 0


def test_overview_leaders_take_three_lines_at_most(window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    height = tab.chair.height()
    assert tab.chair.text().count("\n") < LEADER_LINES
    many = "; ".join(f"Đồng chí Nguyễn Văn {n}, Ủy viên Ban Chấp hành Trung ương Đảng"
                     for n in range(12))
    tab.chair.set_full_text(many)
    shown = tab.chair.text().split("\n")
    assert len(shown) == LEADER_LINES
    assert shown[-1].endswith("…")
    assert shown[0].startswith("Đồng chí Nguyễn Văn 0")
    metrics = tab.chair.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= tab.chair.contentsRect().width()
               for line in shown)
    assert tab.chair.toolTip() == many and tab.chair.full_text() == many
    assert tab.chair.height() == height  # nothing below it moves


def test_elided_label_takes_user_text_as_plain_text(qtbot: Any) -> None:
    label = ElidedLabel(lines=2)
    qtbot.addWidget(label)
    label.resize(400, label.height())
    label.set_full_text("<b>Hội nghị</b> &amp; giao ban")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>Hội nghị</b> &amp; giao ban"


def test_overview_switch_leaves_alone_what_already_shows_its_value(window: MainWindow) -> None:
    tab, first, other = _overview_and_a_copy(window)
    assert tab.description.toPlainText()
    calls: list[str] = []
    tab.description.setPlainText = lambda text: calls.append("description")  # type: ignore
    tab.chair_signer.clear = lambda: calls.append("chair signer")  # type: ignore
    tab.secretary_signer.clear = lambda: calls.append("secretary signer")  # type: ignore
    tab.log_model.modelReset.connect(lambda: calls.append("log"))
    window.meeting_list.choose(other)
    assert tab.title.text() == "Giao ban quý 2"
    assert calls == ["log"]  # the description and the pickers showed their values already
    window.meeting_list.choose(first)
    assert calls == ["log", "log"]
    del tab.chair_signer.clear, tab.secretary_signer.clear  # type: ignore[attr-defined]
    window.meeting_list.choose(other)
    assert calls == ["log", "log", "log"]


def test_overview_signer_picker_shows_a_signer_renamed(window: MainWindow) -> None:
    view = window.view
    assert view is not None and window.session is not None
    desk = window.session.desk
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    signer = tab.chair_signer.currentData()
    assert signer is not None and tab.chair_signer.currentText() == "Mai Văn Chính"
    window.session.run("rename", lambda: directory.update_person(
        desk, signer, full_name="Mai Văn Chính Nghĩa"), [("people", signer)], shallow=True)
    assert tab.chair_signer.currentText() == "Mai Văn Chính Nghĩa"
    assert tab.chair_signer.count() == 2


def test_elided_label_given_the_text_it_shows_does_nothing(qtbot: Any) -> None:
    label = ElidedLabel(lines=2)
    qtbot.addWidget(label)
    label.resize(400, label.height())
    label.set_full_text("Hội nghị giao ban")
    shown: list[str] = []
    inner = label.findChild(QLabel)
    inner.setText = shown.append  # type: ignore[method-assign]
    label.set_full_text("Hội nghị giao ban")
    assert shown == []
    label.set_full_text("Hội nghị tổng kết")
    assert shown == ["Hội nghị tổng kết"]


class _LayoutRequests(QObject):
    """Counts the layout requests a widget receives."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def _show_elided(label: ElidedLabel, n: int) -> None:
    label.set_full_text(f"Hội nghị giao ban lần {n}")


def _show_date(field: DateTimeField, n: int) -> None:
    field.set_value(datetime(2025, 9, n, 14, 0))


@pytest.mark.parametrize(("make", "show"), [(lambda p: ElidedLabel(p, lines=2), _show_elided),
                                            (DateTimeField, _show_date)])
def test_overview_fields_new_text_lays_nothing_out_again(
        qtbot: Any, make: Callable[[QWidget], Any], show: Callable[[Any, int], None]) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QFormLayout(form)
    field = make(form)
    layout.addRow("Chủ tọa", field)
    form.resize(500, 200)
    form.show()
    show(field, 1)
    qtbot.waitExposed(form)
    QApplication.sendPostedEvents()
    requests = _LayoutRequests(form)
    for n in range(2, 5):
        show(field, n)
        QApplication.sendPostedEvents()
    assert requests.count == 0  # repainted, not laid out again


def test_overview_of_a_final_meeting_greys_its_fields_not_their_names(window: MainWindow) -> None:
    view = window.view
    assert view is not None and view.meeting_id is not None and window.session is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    desk = window.session.desk
    version, _ = generate_minutes(desk, view.meeting_id)
    minutes_versions.mark_final(desk, version.id or 0)
    window.session.written()
    assert tab.frozen
    fields = tab.details.findChildren(QWidget)
    assert not tab.title.isEnabled() and not tab.description.isEnabled()
    assert not tab.planned_start.isEnabled() and not tab.save_button.isEnabled()
    # the form, the names of its fields and the leaders are not repainted grey at a switch
    assert tab.details.isEnabled() and tab.chair.isEnabled()
    names = [w for w in fields if type(w) is QLabel and w.parentWidget() is tab.details]
    assert names and all(w.isEnabled() for w in names)


def test_elided_label_keeps_the_lines_of_its_text(qtbot: Any) -> None:
    label = ElidedLabel(lines=2)
    qtbot.addWidget(label)
    label.resize(400, label.height())
    label.set_full_text("Có mặt: 97 · vắng: 3\nCác điểm cầu báo cáo 97 có mặt")
    assert label.text() == "Có mặt: 97 · vắng: 3\nCác điểm cầu báo cáo 97 có mặt"
    label.set_full_text("Có mặt: 97\nvắng: 3\nchưa điểm danh: 0")  # the rest in the last line
    assert label.text() == "Có mặt: 97\nvắng: 3 chưa điểm danh: 0"


def test_overview_log_takes_the_same_room_with_or_without_events(window: MainWindow,
                                                                qtbot: Any) -> None:
    tab, first, other = _overview_and_a_copy(window)
    box = tab.log_pages.parentWidget()
    window.meeting_list.choose(other)  # its log holds the copy
    qtbot.wait(1)
    assert tab.log.isVisible() and not tab.log_empty.isVisible()
    shown = box.geometry()
    window.meeting_list.choose(first)
    qtbot.wait(1)
    assert tab.log_empty.isVisible() and not tab.log.isVisible()
    assert box.geometry() == shown  # nothing moved: the tab was not laid out again


@pytest.mark.parametrize("lines", [1, 3])
def test_elided_label_of_a_very_long_text_shows_its_start_elided(qtbot: Any,
                                                                 lines: int) -> None:
    label = ElidedLabel(lines=lines)
    qtbot.addWidget(label)
    label.resize(300, label.height())
    names = "; ".join(f"Nguyễn Văn {n}, Chuyên viên Văn phòng Ban" for n in range(400))
    label.set_full_text(names)
    shown = label.text().split("\n")
    assert len(shown) == lines and shown[-1].endswith("…")
    assert shown[0].startswith("Nguyễn Văn 0, Chuyên viên")
    metrics = label.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= 300 for line in shown)
    assert label.toolTip() == names


def test_overview_typing_undone_for_one_meeting_cannot_be_redone_into_the_next(
        window: MainWindow) -> None:
    """Fields left as they were at a switch (the same description, dates, title) keep their
    text, not the typing history of the meeting shown before: a redo there would put that
    meeting's words into this one, and Save would write them."""
    view = window.view
    assert view is not None
    tab, _first, other = _overview_and_a_copy(window)
    fields = (tab.description, tab.planned_start.edit)
    for field in fields:
        field.setFocus()
        QTest.keyClicks(field, " NOI DUNG CUA CUOC HOP KIA")
        field.undo()
    assert tab.description.document().isRedoAvailable() and tab.planned_start.edit.isRedoAvailable()
    window.meeting_list.choose(other)
    assert view.meeting_id == other
    assert not tab.description.document().isRedoAvailable()
    assert not tab.planned_start.edit.isRedoAvailable()
    tab.description.redo()
    tab.planned_start.edit.redo()
    assert "CUOC HOP KIA" not in tab.description.toPlainText() + tab.planned_start.edit.text()


def test_elided_label_gives_a_screen_reader_its_whole_text(qtbot: Any) -> None:
    from PySide6.QtGui import QAccessible

    label = ElidedLabel()
    qtbot.addWidget(label)
    label.resize(80, 20)
    label.show()
    text = "Hội nghị giao ban trực tuyến đánh giá tình hình, kết quả công tác quý 1"
    label.set_full_text(text)
    assert label.text() != text  # elided on the screen
    (shown,) = label.findChildren(QLabel)  # what a screen reader reads
    assert QAccessible.queryAccessibleInterface(shown).text(QAccessible.Text.Name) == text


def test_date_field_reason_takes_the_lines_its_width_needs(qtbot: Any) -> None:
    """The reason a text cannot be read wraps again when the field's width changes, and is
    red even when set before the field was first shown."""
    field = DateTimeField(with_time=True)
    qtbot.addWidget(field)
    field.set_text("31/02/2025")  # before it is shown
    field.resize(700, 80)
    field.show()
    qtbot.waitExposed(field)
    assert field.preview._lines == 1
    assert field.preview.text() == field.error()  # whole on one line
    (shown,) = field.preview.findChildren(QLabel)
    assert shown.palette().color(shown.foregroundRole()).name() == "#c62828"
    field.resize(180, 80)
    qtbot.waitUntil(lambda: field.preview._lines > 1)
    field.resize(700, 80)
    qtbot.waitUntil(lambda: field.preview._lines == 1)
