"""The report window: a period chosen, the report built off the GUI thread and shown as its
own PDF page, then saved as PDF and XLSX."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QDate

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.report_window import ReportDialog


def test_report_window_builds_shows_and_saves_the_demo_year(
        window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    window.report_action.trigger()
    dialog = next(w for w in window._desk_windows if isinstance(w, ReportDialog))
    assert not dialog.pdf_button.isEnabled()
    assert dialog.presets.itemText(0) == "Năm nay"
    dialog.start.setDate(QDate(2023, 4, 1))
    dialog.end.setDate(QDate(2023, 6, 30))
    assert dialog.period() == (date(2023, 4, 1), date(2023, 6, 30))
    dialog.build_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert dialog.report is not None and dialog.report.meetings == 1
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0)
    assert dialog.state.text() == "1 hội nghị từ 01/04/2023 đến 30/06/2023."
    assert dialog.pdf_button.isEnabled() and dialog.xlsx_button.isEnabled()
    dialog.save_to(tmp_path / "bc.pdf")
    dialog.save_to(tmp_path / "bc.xlsx")
    assert (tmp_path / "bc.pdf").read_bytes() == dialog.pdf
    book = openpyxl.load_workbook(tmp_path / "bc.xlsx")
    assert book["So sánh theo quý"]["A2"].value == "Quý 2/2023"
    dialog.close()


def test_report_window_presets_are_the_quarters_so_far(qtbot: Any, window: MainWindow) -> None:
    assert window.session is not None
    dialog = ReportDialog(window.session, today=date(2023, 7, 15))
    qtbot.addWidget(dialog)
    texts = [dialog.presets.itemText(i) for i in range(dialog.presets.count())]
    assert texts[:5] == ["Năm nay", "Năm trước", "Quý 3/2023", "Quý 2/2023", "Quý 1/2023"]
    dialog.presets.setCurrentIndex(3)
    assert dialog.period() == (date(2023, 4, 1), date(2023, 6, 30))
