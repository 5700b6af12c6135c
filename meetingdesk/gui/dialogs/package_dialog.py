"""Importing a site exchange package (``.mdpkg``): a dry run first — what is new, changed,
deleted, conflicting, older (ignored) — shown record by record with the values before and after
and the conflicts on top, then the merge of exactly that preview (refused, nothing written, if
the desk changed since). A backup is taken only when the merge changes something.

A conflict (a field changed both here and at the sender without either seeing the other) keeps
both values; the same one is shown on every desk until someone resolves it in the conflicts
dialog (:mod:`meetingdesk.gui.dialogs.conflict_dialog`).

Like an import, a merge is not on the undo stack: once it is done the undo history is cleared
(as for the live mode), and the backup taken first is the way back.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.exchange.packages import PackageReport, import_package
from meetingdesk.gui.errors import show_error
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import JobDialog
from meetingdesk.gui.models.packages import ORDER, merge_model, merge_rows, outcome_labels
from meetingdesk.gui.models.table import chained
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import data_table
from meetingdesk.gui.workers import on_desk
from meetingdesk.services.sync import Outcome

logger = logging.getLogger(__name__)

PACKAGE_FILTER = "*.mdpkg"


def package_filter() -> str:
    return tr("MeetingDesk exchange packages (%1)").replace("%1", PACKAGE_FILTER)


def choose_package_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, tr("Import an exchange package"), "",
                                          package_filter() + ";;" + tr("All files (*)"))
    return Path(name) if name else None


def _moment(text: object) -> str:
    """An ISO date and time from a manifest as the interface writes it."""
    try:
        return datetime.fromisoformat(str(text)).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return str(text or "")


def describe_package(report: PackageReport) -> str:
    m = report.package.manifest
    meeting = m.get("meeting", {})
    when = _moment(meeting.get("planned_start") or "")
    if report.package.scope == "site":
        what = tr("The part of the site %1 in the meeting “%2”").replace(
            "%1", str(m["site"]["name"]))
    else:
        what = tr("The meeting “%2” (sites, agenda, delegates, notes)")
    what = what.replace("%2", str(meeting.get("title", "")))
    return (what + (f" ({when})" if when else "") + "\n"
            + tr("Made %1 on the desk %2.").replace("%1", _moment(m.get("created_at", "")))
            .replace("%2", str(m.get("label") or report.package.source[:8])))


def counts_text(report: PackageReport) -> str:
    counts = report.plan.counts()
    labels = outcome_labels()
    return " · ".join(f"{labels[o]}: {counts[o]}" for o in ORDER)


class PackageDialog(JobDialog):
    def __init__(self, session: DeskSession, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(session.runner, parent)
        self.setWindowTitle(tr("Import an exchange package"))
        self.session = session
        self.path = path
        self.report: PackageReport | None = None

        self.heading = QLabel(str(path), self)
        self.heading.setWordWrap(True)
        self.counts = QLabel(self)
        self.conflicts = QLabel(self)
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.conflicts.setVisible(False)
        self.model = merge_model(self)
        self.keys, proxy = chained(self.model, self)
        self.table = data_table(proxy, [13, 21, 34, None], parent=self, fill_minimum=40)
        self.filter = QComboBox(self)
        self.filter.addItem(tr("All records"), "")
        for outcome, text in outcome_labels().items():
            self.filter.addItem(text, outcome.value)
        self.filter.currentIndexChanged.connect(
            lambda: self.keys.set_key(self.filter.currentData()))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.status = QLabel(self)
        self.import_button = QPushButton(tr("Import"), self)
        self.import_button.clicked.connect(self.apply)
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.clicked.connect(self.reject)

        head = QHBoxLayout()
        head.addWidget(self.counts, 1)
        head.addWidget(self.filter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(head)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1100, 620)
        self.preview()

    def preview(self) -> None:
        """Read the package and plan its merge (a dry run, off the GUI thread)."""
        path = self.path
        self.report = None
        self.status.setText(tr("Reading the package…"))
        self.runner.start(on_desk(self.session.desk.path, lambda desk: import_package(
            desk, path, dry_run=True)), self._previewed, self._preview_failed)

    def _previewed(self, report: PackageReport) -> None:
        self.report = report
        logger.info("Previewed the package %s: %s", self.path,
                    {o.value: n for o, n in report.plan.counts().items()})
        self.heading.setText(describe_package(report))
        self.counts.setText(counts_text(report))
        self.model.set_rows(merge_rows(report.plan))
        conflicts = report.plan.counts()[Outcome.CONFLICT]
        self.conflicts.setText(tr("%1 records were changed both here and at the sender: both "
                                  "values are kept and the same one is shown on every desk. "
                                  "They are listed first; resolve them with Exchange packages "
                                  "▸ Resolve conflicts.").replace("%1", str(conflicts)))
        self.conflicts.setVisible(conflicts > 0)
        self.status.setText(tr("Nothing is written before you press Import.")
                            if self._has_work() else tr("There is nothing new to import."))
        self._update_buttons()

    def _preview_failed(self, exc: BaseException) -> None:
        self.status.clear()
        self.heading.setText(str(self.path))
        show_error(self, exc)
        self._update_buttons()

    def _has_work(self) -> bool:
        return self.report is not None and self.report.plan.writes

    def apply(self) -> None:
        """Merge what the preview shows: a backup first, then one transaction."""
        report = self.report
        if report is None or self.runner.is_busy() or not self._has_work():
            return
        self._applying = True
        self.status.setText(tr("Backing up the desk, then importing…"))
        self.runner.start(on_desk(self.session.desk.path, lambda desk: import_package(
            desk, report.package, expected=report.plan)), self._applied, self._apply_failed)

    def _applied(self, report: PackageReport) -> None:
        self._applying = False
        self.session.undo_stack.clear()  # the merge is not on it: see the module's docstring
        self.session.written()
        counts = report.plan.counts()
        QMessageBox.information(self, self.windowTitle(), (
            tr("Package imported: %1 new, %2 changed, %3 deleted; %4 conflicts kept with both "
               "values.")
            .replace("%1", str(counts[Outcome.NEW])).replace("%2", str(counts[Outcome.CHANGED]))
            .replace("%3", str(counts[Outcome.DELETED]))
            .replace("%4", str(counts[Outcome.CONFLICT])) + "\n\n"
            + tr("A backup was taken first: %1. An import cannot be undone with Edit ▸ Undo "
                 "(restore that backup instead); the undo history was cleared.")
            .replace("%1", str(report.backup))))
        self.accept()

    def _apply_failed(self, exc: BaseException) -> None:
        self._applying = False
        show_error(self, exc)
        self.preview()  # the desk may have changed since the preview

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(not self.runner.is_busy() and self._has_work())
        self.close_button.setEnabled(not self._applying)
