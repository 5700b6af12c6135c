"""The report of a period in the window: the report's own PDF page, shown with QtPdf.

The screen shows the very vector drawings the paper has (one definition of each chart, in
:mod:`meetingdesk.minutes.report_charts`): no second drawing of the charts with QPainter, and
no QtCharts (PySide6-Addons, hundreds of MB for a few bar charts). The report is built off the
GUI thread, on a connection of its own, and can be saved as PDF or XLSX.
"""

from __future__ import annotations

import io
import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.domain.tasks import Quarter
from meetingdesk.gui.errors import show_error
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import JobRunner
from meetingdesk.gui.pdf_preview import PdfPreview
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import button
from meetingdesk.gui.workers import on_desk
from meetingdesk.services.files import write_atomically
from meetingdesk.services.report import PeriodReport, period_report
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)


def _build(desk: Desk, start: date, end: date) -> tuple[PeriodReport, bytes]:
    from meetingdesk.minutes.report_pdf import render_report

    report = period_report(desk, start=start, end=end)
    return report, render_report(report)


def _presets(today: date) -> list[tuple[str, date, date]]:
    """This year, last year and the quarters of this year and the last one."""
    items = [(tr("This year"), date(today.year, 1, 1), date(today.year, 12, 31)),
             (tr("Last year"), date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))]
    for year in (today.year, today.year - 1):
        for number in range(4, 0, -1):
            q = Quarter(year, number)
            if q.first_day <= today:
                nxt = Quarter(year + (number == 4), number % 4 + 1).first_day
                items.append((q.label, q.first_day, date.fromordinal(nxt.toordinal() - 1)))
    return items


class ReportDialog(QDialog):
    """Choose a period, build the report, look at it, save it."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Report with charts"))
        self.session = session
        self.report: PeriodReport | None = None
        self.pdf = b""
        self.runner = JobRunner(session.runner, self)
        today = today or date.today()
        self.presets = QComboBox(self)
        for text, start, end in _presets(today):
            self.presets.addItem(text, (start, end))
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.presets.currentIndexChanged.connect(self._preset)
        self._preset()
        self.build_button = button(tr("Build the report"), self, self.build)
        self.pdf_button = button(tr("Save PDF…"), self, lambda: self.save(".pdf"))
        self.xlsx_button = button(tr("Save XLSX…"), self, lambda: self.save(".xlsx"))
        self.state = QLabel(self)
        self.view = PdfPreview(self)
        self.document = self.view.pdf
        bar = QHBoxLayout()
        for widget in (QLabel(tr("Period"), self), self.presets, QLabel(tr("from"), self),
                       self.start, QLabel(tr("to"), self), self.end, self.build_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.state)
        layout.addWidget(self.view, 1)
        self._update_buttons()
        self.resize(1000, 720)

    def _preset(self) -> None:
        start, end = self.presets.currentData()
        self.start.setDate(QDate(start))
        self.end.setDate(QDate(end))

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def _update_buttons(self) -> None:
        busy = self.runner.is_busy()
        self.build_button.setEnabled(not busy)
        self.pdf_button.setEnabled(bool(self.pdf) and not busy)
        self.xlsx_button.setEnabled(self.report is not None and not busy)

    def build(self) -> None:
        start, end = self.period()
        self.state.setText(tr("Building the report…"))
        self.runner.start(on_desk(self.session.desk.path, lambda desk: _build(desk, start, end)),
                          self._built, self._failed)
        self._update_buttons()

    def _built(self, result: object) -> None:
        report, pdf = result  # type: ignore[misc]
        self.report, self.pdf = report, pdf
        self.view.show_pdf(pdf)
        self.state.setText(tr("%1 meetings from %2 to %3.").replace("%1", str(report.meetings))
                           .replace("%2", f"{report.start:%d/%m/%Y}")
                           .replace("%3", f"{report.end:%d/%m/%Y}"))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.state.clear()
        self._update_buttons()
        show_error(self, exc)

    def save(self, suffix: str) -> None:
        if self.report is None:
            return
        start, end = self.report.start, self.report.end
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save the report"), f"bao-cao-{start:%Y%m%d}-{end:%Y%m%d}{suffix}",
            f"*{suffix}")
        if name:
            self.save_to(Path(name) if Path(name).suffix else Path(name + suffix))

    def save_to(self, path: Path) -> None:
        """Write the report shown (PDF or XLSX, by the file's suffix) atomically."""
        assert self.report is not None
        try:
            if path.suffix.lower() == ".xlsx":
                from meetingdesk.exchange.report_xlsx import report_workbook

                out = io.BytesIO()
                report_workbook(self.report, out)
                write_atomically(path, out.getvalue())
            else:
                write_atomically(path, self.pdf)
        except MeetingDeskError as exc:  # nothing was written
            show_error(self, exc)
            return
        logger.info("Saved the report to %s", path)
        self.state.setText(tr("The report was written to %1.").replace("%1", str(path)))

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)
