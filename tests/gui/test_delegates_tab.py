"""The delegates tab of a large meeting: what a roll-call key and opening the tab cost the
window beyond the rows they change (layouts, repaints, work done for rows not shown)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from meetingdesk.domain.enums import AttendanceStatus
from meetingdesk.domain.records import Attendance, Person
from meetingdesk.domain.text import fold
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.models.delegates import delegates_model, grouped
from meetingdesk.gui.models.table import FILTER_ROLE
from meetingdesk.gui.widgets import SteadyScrollBar, select_row
from meetingdesk.services import directory, participation
from meetingdesk.services.participation import AttendanceEntry


class LayoutRequests(QObject):
    """Counts the layout requests delivered to any widget."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _settle(qtbot: Any) -> None:
    for _ in range(10):  # each layout asks its parent's on the next pass of the loop
        QApplication.processEvents()
    qtbot.wait(20)


def test_delegates_tab_roll_call_key_changes_counts_without_a_new_layout(
        window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.delegates
    view.tabs.setCurrentWidget(tab)
    tab.roll_call.setChecked(True)
    select_row(tab.table, 0)
    tab.table.setFocus()
    _settle(qtbot)
    requests = LayoutRequests()
    QApplication.instance().installEventFilter(requests)
    try:
        before = tab.summary.text()
        for key in (Qt.Key.Key_V, Qt.Key.Key_V, Qt.Key.Key_C, Qt.Key.Key_T):
            qtbot.keyClick(tab.table, key)
            QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(requests)
    assert tab.summary.text() != before
    assert requests.count == 0
    assert tab.summary.text().startswith(f"{tab.model.rowCount()} đại biểu")
    metrics = tab.summary.fontMetrics()
    assert metrics.horizontalAdvance(tab.summary.text()) <= tab.summary.width()
    width = tab.summary.width()
    assert view.meeting_id is not None
    for n in range(100 - tab.model.rowCount()):  # a list of three digits: a wider label
        person = directory.add_person(tab.desk, full_name=f"Nguyễn Văn Số {n}")
        participation.add_attendance(tab.desk, meeting_id=view.meeting_id,
                                     person_id=person.id or 0, status=AttendanceStatus.PRESENT)
    tab.refresh()
    assert tab.summary.text().startswith("100 đại biểu: ")
    assert tab.summary.width() > width
    assert metrics.horizontalAdvance(tab.summary.text()) <= tab.summary.width()


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_delegates_tab_moving_down_the_list_leaves_the_header_unpainted(
        window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.delegates
    view.tabs.setCurrentWidget(tab)
    select_row(tab.table, 0)
    _settle(qtbot)
    header, rows = Paints(), Paints()
    tab.table.horizontalHeader().viewport().installEventFilter(header)
    tab.table.viewport().installEventFilter(rows)
    select_row(tab.table, 1)
    _settle(qtbot)
    assert rows.count == 1 and header.count == 0
    assert isinstance(tab.table.verticalScrollBar(), SteadyScrollBar)  # 3,000 rows
    tab.table.horizontalHeader().viewport().removeEventFilter(header)


def test_delegates_tab_reload_keeps_the_site_filter_of_the_same_sites(
        window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None and view.meeting_id is not None
    tab = view.delegates
    view.tabs.setCurrentWidget(tab)
    sites = [tab.site_filter.itemText(i) for i in range(tab.site_filter.count())]
    assert len(sites) > 2 and sites[0] == "Mọi điểm cầu"
    tab.site_filter.setCurrentIndex(2)
    shown = tab.proxy.rowCount()
    rebuilt: list[int] = []
    tab.site_filter.model().rowsRemoved.connect(lambda *_: rebuilt.append(1))
    tab.refresh()
    assert rebuilt == [] and tab.site_filter.currentIndex() == 2
    assert tab.proxy.rowCount() == shown
    site = directory.add_site(tab.desk, name="Điểm cầu Côn Đảo")
    person = directory.add_person(tab.desk, full_name="Hoàng Thị Mơ", site_id=site.id)
    participation.add_attendance(tab.desk, meeting_id=view.meeting_id, person_id=person.id or 0)
    tab.refresh()  # a new site: the list is made again, the choice kept
    assert tab.site_filter.itemText(tab.site_filter.count() - 1) == "Điểm cầu Côn Đảo"
    assert tab.site_filter.currentText() == sites[2] and tab.proxy.rowCount() == shown


def test_steady_scroll_bar_repaints_when_its_handle_moves(qtbot: Any) -> None:
    bar = SteadyScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.setRange(0, 3000)
    bar.setPageStep(25)
    bar.resize(14, 560)
    bar.show()
    qtbot.waitExposed(bar)
    bar.setValue(1000)
    _settle(qtbot)
    paints = Paints()
    bar.installEventFilter(paints)
    handles = {bar._looks()[0].top()}
    for value in range(1001, 1031):  # a row at a time: a fifth of a pixel each
        bar.setValue(value)
        QApplication.processEvents()
        handles.add(bar._looks()[0].top())
    assert 2 <= len(handles) <= 8  # of 31 values
    assert paints.count == len(handles) - 1  # once per pixel the handle moved
    bar.setValue(3000)  # the end (its arrow looks otherwise), then one back
    QApplication.processEvents()
    bar.setValue(2999)
    QApplication.processEvents()
    assert paints.count == len(handles) + 1


def test_row_model_folds_ahead_in_slices_and_keeps_them_through_edits() -> None:
    model = delegates_model()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    entries = [AttendanceEntry(Attendance(i, 1, i, None, status=AttendanceStatus.EXPECTED),
                               Person(i, name, ("Bí thư Đảng ủy xã",)), None)
               for i, name in enumerate(("Hoàng Văn Ánh", "Lê Thị Bình", "Đỗ Minh Châu",
                                         "Vũ Đức Dũng", "Phan Thị Én"), start=1)]
    rows = grouped(entries, {}, by_name=False)
    model.set_rows(rows)
    assert model.fold_rows_ahead(2) and model.fold_rows_ahead(0)  # three left
    model.replace_row(0, replace(rows[0], entry=replace(
        rows[0].entry, person=Person(1, "Hoàng Văn Ấn"))))  # in the folded part
    model.insert_row(1, rows[4])  # in the folded part
    model.remove_row(5)  # beyond it
    model.replace_row(4, replace(rows[3], entry=replace(
        rows[3].entry, person=Person(4, "Vũ Đức Dương"))))  # beyond it
    texts = [model.index(r, 0).data(FILTER_ROLE) for r in range(model.rowCount())]
    assert texts == [fold(model._text_of(model.row(r))) for r in range(model.rowCount())]
    assert texts[0].startswith("hoang van an") and texts[4].startswith("vu duc duong")
    assert not model.fold_rows_ahead(10)
    model.insert_row(5, rows[2])  # all folded: the new row too
    assert not model.fold_rows_ahead(0) and model.folded_text(5).startswith("do minh chau")


def test_delegates_tab_folds_the_search_texts_while_idle(window: MainWindow,
                                                        qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.delegates
    view.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() > 0
    qtbot.waitUntil(lambda: not tab.model.fold_rows_ahead(0))  # nothing left for the first letter
    tab.search.setText("thai nguyen")
    assert 0 < tab.proxy.rowCount() < tab.model.rowCount()
