"""Importing a delegate or site list (XLSX, CSV): choose the file and its encoding, see its
rows, correct which column is which, choose the meeting and the site, see the plan — what will
be added, updated and skipped, and why — and only then import.

Reading the file, planning and writing run off the GUI thread (a 10,000-row workbook takes a
few seconds), one job at a time; a change made while a job runs is taken up when it ends. The
import writes in one transaction after a checked backup
(:func:`~meetingdesk.exchange.importer.apply_import`): a bad file or a failed write leaves the
desk as it was, and a desk changed since the preview is refused and previewed again.

An import is not on the undo stack (it writes thousands of rows in bulk): once it is done the
undo history is cleared, as for the live mode, so that an undo can never put back a state from
before the import. The backup taken first is the way back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.domain.text import vietnamese_key
from meetingdesk.exchange.importer import (
    Action,
    ImportPlan,
    ImportSummary,
    apply_import,
    plan_import,
)
from meetingdesk.exchange.mapping import guess_mapping
from meetingdesk.exchange.reader import read_table
from meetingdesk.exchange.table import Table
from meetingdesk.gui.dialogs.mapping import MappingEditor
from meetingdesk.gui.errors import show_error
from meetingdesk.gui.i18n import locale, tr
from meetingdesk.gui.jobs import JobDialog
from meetingdesk.gui.models.imports import PreviewModel, plan_model
from meetingdesk.gui.models.table import chained
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import data_table
from meetingdesk.gui.workers import on_desk
from meetingdesk.services import directory, meetings

logger = logging.getLogger(__name__)

ENCODINGS = (("UTF-8", "utf-8"), ("UTF-16", "utf-16"), ("Windows-1258", "cp1258"),
             ("TCVN3 (ABC)", "tcvn3"), ("VNI", "vni"))
MAX_PREVIEW_COLUMN = 320
"""Pixels: a preview column never grows wider than this (the full text is its tooltip)."""


def choose_list_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, tr("Import a list of delegates or sites"), "",
        tr("Delegate or site lists (*.xlsx *.csv *.txt *.tsv)") + ";;" + tr("All files (*)"))
    return Path(name) if name else None


def plan_summary(plan: ImportPlan) -> str:
    """What an import will do, in one sentence."""
    counts = [plan.count(Action.ADD), plan.count(Action.UPDATE), plan.count(Action.SKIP),
              len(plan.rows), len(plan.new_sites)]
    if plan.meeting_id is None:
        text = tr("Will add %1, update %2 and skip %3 of %4 rows; %5 new sites.")
    else:
        text = tr("Will add %1, update %2 and skip %3 of %4 rows; %5 new sites; %6 people "
                  "join the meeting's list and %7 sites join the meeting.")
        counts += [plan.attendances, len(plan.meeting_sites)]
    for number, count in enumerate(counts, start=1):
        text = text.replace(f"%{number}", str(count))
    return text


def summary_text(summary: ImportSummary) -> str:
    return (tr("Imported: %1 added, %2 updated, %3 skipped; %4 new sites, %5 people added to "
               "the meeting's list.").replace("%1", str(summary.added))
            .replace("%2", str(summary.updated)).replace("%3", str(summary.skipped))
            .replace("%4", str(summary.sites_added))
            .replace("%5", str(summary.attendances_added))
            + "\n\n"
            + tr("A backup was taken first: %1. An import cannot be undone with Edit ▸ Undo "
                 "(restore that backup instead); the undo history was cleared.")
            .replace("%1", str(summary.backup)))


class ImportDialog(JobDialog):
    def __init__(self, session: DeskSession, meeting_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session.runner, parent)
        self.setWindowTitle(tr("Import a list of delegates or sites"))
        self.session = session
        self.path: Path | None = None
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self._pending: str | None = None
        """``read`` or ``plan``: asked for while another job ran."""

        self.file = QLineEdit(self)
        self.file.setReadOnly(True)
        self.choose_button = QPushButton(tr("Choose a file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        self.encoding = QComboBox(self)
        self.encoding.addItem(tr("Detect"), "")
        for text, codec in ENCODINGS:
            self.encoding.addItem(text, codec)
        self.encoding.setToolTip(tr("The encoding of a CSV or text file (a workbook needs "
                                    "none)"))
        self.encoding.currentIndexChanged.connect(lambda: self._request("read"))
        self.meeting = self._meeting_combo(meeting_id)
        self.meeting.currentIndexChanged.connect(lambda: self._request("plan"))
        self.site = self._site_combo()
        self.site.currentIndexChanged.connect(lambda: self._request("plan"))
        self.info = QLabel(self)

        self.mapping = MappingEditor(self)
        self.mapping.changed.connect(self._mapping_changed)
        self.preview_model = PreviewModel(self)
        self.preview = data_table(self.preview_model, [], parent=self, sortable=False)
        self.preview.horizontalHeader().setResizeContentsPrecision(50)

        self.plan_model = plan_model(self)
        self.plan_keys, plan_proxy = chained(self.plan_model, self)
        self.plan_view = data_table(plan_proxy, [5, 10, 26, None], parent=self,
                                    fill_minimum=30)
        self.plan_filter = QComboBox(self)
        self.plan_filter.addItem(tr("All rows"), "")
        self.plan_filter.addItem(tr("To add"), Action.ADD.value)
        self.plan_filter.addItem(tr("To update"), Action.UPDATE.value)
        self.plan_filter.addItem(tr("Skipped"), Action.SKIP.value)
        self.plan_filter.currentIndexChanged.connect(
            lambda: self.plan_keys.set_key(self.plan_filter.currentData()))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.import_button = QPushButton(tr("Import"), self)
        self.import_button.clicked.connect(self.apply)
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button = QPushButton(tr("Cancel the import (Esc)"), self)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.setVisible(False)
        self._lay_out()
        self.resize(1240, 700)
        self._update_buttons()

    # --- building --------------------------------------------------------------------------

    def _meeting_combo(self, meeting_id: int | None) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(36)
        combo.addItem(tr("None: the directory only"), 0)
        for s in meetings.list_meetings(self.session.desk):
            day = s.meeting.date.strftime("%d/%m/%Y") if s.meeting.date else ""
            combo.addItem(" — ".join(x for x in (day, s.meeting.title) if x), s.meeting.id)
            combo.setItemData(combo.count() - 1, s.meeting.title, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(meeting_id)))
        combo.setToolTip(tr("The people imported join this meeting's list of delegates"))
        return combo

    def _site_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(20)
        combo.addItem(tr("As the file says"), "")
        sites = sorted(directory.list_sites(self.session.desk),
                       key=lambda s: vietnamese_key(s.name))
        for s in sites:
            combo.addItem(s.name, s.code or s.name)
        combo.setToolTip(tr("The site of the rows that name none"))
        return combo

    def _lay_out(self) -> None:
        source = QGridLayout()
        source.addWidget(QLabel(tr("File"), self), 0, 0)
        source.addWidget(self.file, 0, 1)
        source.addWidget(self.choose_button, 0, 2)
        source.addWidget(QLabel(tr("Encoding"), self), 0, 3)
        source.addWidget(self.encoding, 0, 4)
        source.addWidget(QLabel(tr("Meeting"), self), 1, 0)
        source.addWidget(self.meeting, 1, 1, 1, 2)
        source.addWidget(QLabel(tr("Site of rows without one"), self), 1, 3)
        source.addWidget(self.site, 1, 4)
        source.setColumnStretch(1, 1)

        columns = QGroupBox(tr("Columns"), self)
        QVBoxLayout(columns).addWidget(self.mapping)
        columns.setMinimumWidth(300)
        columns.setMaximumWidth(360)
        rows = QGroupBox(tr("Rows in the file"), self)
        rows_layout = QVBoxLayout(rows)
        rows_layout.addWidget(self.info)
        rows_layout.addWidget(self.preview, 1)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(columns)
        top.addWidget(rows)
        top.setStretchFactor(1, 1)
        top.setSizes([300, 940])

        plan = QGroupBox(tr("What the import will do (nothing is written before you press "
                            "Import)"), self)
        plan_layout = QVBoxLayout(plan)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.plan_filter)
        plan_layout.addLayout(head)
        plan_layout.addWidget(self.plan_view, 1)
        middle = QSplitter(Qt.Orientation.Vertical, self)
        middle.addWidget(top)
        middle.addWidget(plan)
        middle.setSizes([330, 270])

        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(source)
        layout.addWidget(middle, 1)
        layout.addLayout(bottom)

    # --- choices ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = choose_list_file(self)
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        """Read ``path`` (off the GUI thread), then guess its columns and plan the import."""
        self.path = path
        self.file.setText(str(path))
        self._request("read")

    def meeting_id(self) -> int | None:
        return self.meeting.currentData() or None

    def site_code(self) -> str | None:
        return self.site.currentData() or None

    def _mapping_changed(self) -> None:
        self.preview_model.set_mapping(self.mapping.mapping())
        self._request("plan")

    # --- jobs ------------------------------------------------------------------------------

    def _request(self, kind: str) -> None:
        if self.path is None or (kind == "plan" and self.table is None):
            return
        if self.runner.is_busy():
            if kind == "read" or self._pending is None:
                self._pending = kind
            return
        self._start(kind)

    def _start(self, kind: str) -> None:
        self._pending = None
        self.plan = None
        if kind == "read":
            path, encoding = self.path, self.encoding.currentData() or None
            assert path is not None
            self.status.setText(tr("Reading the file…"))
            self.runner.start(lambda: read_table(path, encoding), self._read, self._read_failed)
            return
        table, mapping = self.table, self.mapping.mapping()
        meeting_id, site_code = self.meeting_id(), self.site_code()
        assert table is not None
        self.status.setText(tr("Working out what the import will do…"))
        self.runner.start(on_desk(self.session.desk.path, lambda desk: plan_import(
            desk, table, mapping, meeting_id, site_code)), self._planned, self._plan_failed)

    def _take_pending(self) -> bool:
        """Start what was asked for while the last job ran (its result is then stale)."""
        if self._pending is None:
            return False
        self._start(self._pending)
        return True

    def _read(self, table: Table) -> None:
        if self._take_pending():
            return
        self.table = table
        mapping = guess_mapping(table.headers)
        logger.info("Read %s: %d rows, encoding %s, sheet %s; columns guessed: %s", self.path,
                    len(table.rows), table.encoding, table.sheet,
                    {f.value: c for f, c in mapping.items()})
        self.preview_model.set_table(table)
        self.preview_model.set_mapping(mapping)
        self.mapping.set_columns(table.headers, mapping)
        self._fit_preview()
        self.encoding.setEnabled(table.sheet is None)
        facts = [tr("%1 data rows").replace("%1", locale().toString(len(table.rows))),
                 tr("headers on line %1").replace("%1", str(table.header_line))]
        if table.sheet:
            facts.append(tr("sheet “%1”").replace("%1", table.sheet))
        if table.encoding:
            facts.append(tr("encoding %1").replace("%1", table.encoding))
        self.info.setText(" · ".join(facts))
        self._start("plan")

    def _fit_preview(self) -> None:
        self.preview.resizeColumnsToContents()
        header = self.preview.horizontalHeader()
        for column in range(header.count()):
            if header.sectionSize(column) > MAX_PREVIEW_COLUMN:
                header.resizeSection(column, MAX_PREVIEW_COLUMN)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _read_failed(self, exc: BaseException) -> None:
        if self._take_pending():
            return
        self.table = None
        self.preview_model.set_table(None)
        self.mapping.set_columns([], {})
        self.plan_model.set_rows([])
        self.info.clear()
        self.summary.clear()
        self.status.clear()
        self._update_buttons()
        show_error(self, exc)

    def _planned(self, plan: ImportPlan) -> None:
        if self._take_pending():
            return
        self.plan = plan
        self.plan_model.set_rows(plan.rows)
        self.summary.setStyleSheet("")
        self.summary.setText(plan_summary(plan))
        self.status.clear()
        self._update_buttons()

    def _plan_failed(self, exc: BaseException) -> None:
        if self._take_pending():
            return
        self.plan_model.set_rows([])
        self.status.clear()
        self._update_buttons()
        if not isinstance(exc, MeetingDeskError):
            show_error(self, exc)
            return
        self.summary.setStyleSheet("color: #b3261e;")
        self.summary.setText(str(exc))

    # --- importing -------------------------------------------------------------------------

    def apply(self) -> None:
        """Write the plan shown: a backup first, then one transaction (off the GUI thread)."""
        plan = self.plan
        if plan is None or self.runner.is_busy() or not (plan.adds or plan.updates):
            return
        self._applying = True
        self.status.setText(tr("Backing up the desk, then importing…"))
        self.runner.start(on_desk(self.session.desk.path, lambda desk: apply_import(desk, plan)),
                          self._applied, self._apply_failed, self._apply_cancelled)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setFocus()

    def cancel_import(self) -> None:
        """Stop the import being written: its one transaction rolls back, nothing of it is
        left in the desk (an import already committed is reported as done)."""
        if self._applying:
            self.status.setText(tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            self.runner.cancel()

    def reject(self) -> None:
        """Esc or Close: while the import is being written, Esc cancels it."""
        if self._applying:
            self.cancel_import()
            return
        super().reject()

    def _apply_cancelled(self) -> None:
        self._applying = False
        self.cancel_button.setVisible(False)
        self.status.setText(tr("Cancelled: nothing was imported."))
        self._update_buttons()

    def _applied(self, summary: ImportSummary) -> None:
        self._applying = False
        self.cancel_button.setVisible(False)
        self.session.undo_stack.clear()  # the import is not on it: see the module's docstring
        self.session.written()
        QMessageBox.information(self, self.windowTitle(), summary_text(summary))
        self.accept()

    def _apply_failed(self, exc: BaseException) -> None:
        self._applying = False
        self.cancel_button.setVisible(False)
        self.status.clear()
        show_error(self, exc)
        self._start("plan")  # the desk may have changed since the preview

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        plan = self.plan
        self.import_button.setEnabled(not self.runner.is_busy() and plan is not None
                                      and bool(plan.adds or plan.updates))
        for w in (self.choose_button, self.encoding, self.meeting, self.site, self.mapping,
                  self.close_button):
            w.setEnabled(not self._applying)
        if self.table is not None and self.table.sheet is not None:
            self.encoding.setEnabled(False)
