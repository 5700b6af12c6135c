"""The checks left for after the window's first paint, and the banner that tells what they
found.

The window opens a desk after one fast check (see :mod:`meetingdesk.services.desk_checks`);
once it has painted, quick_check and foreign_key_check run on the desk's background runner,
every write waiting meanwhile. A finding is told in a banner over the meeting — never a
dialog in the user's way — with what to do: a damaged desk takes no more writes (its editors
are locked) and its newest good backup is offered; broken references leave the desk usable
and point to the same backup.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import BackgroundRunner, Progress, Task
from meetingdesk.services.desk_checks import CheckCancelled, DeskFindings, check_after_opening
from meetingdesk.services.session import WorkSession

logger = logging.getLogger(__name__)

_DAMAGE = "background: #fde2e1; color: #7a1712; padding: 6px; font-weight: bold;"
_WARNING = "background: #fff3c4; color: #5a4500; padding: 6px;"


class DeskCheckBanner(QWidget):
    """Runs the checks after the first paint and shows what they found (hidden when
    nothing)."""

    damage_found = Signal()
    """The desk is damaged: it takes no more writes (the window locks its editors)."""
    restore_requested = Signal()
    """The user asked to restore a backup (File ▸ Restore a backup…)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desk-check-banner")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.restore_button = QPushButton(tr("Restore a backup…"), self)
        self.restore_button.clicked.connect(self.restore_requested)
        self.hide_button = QPushButton(tr("Hide"), self)
        self.hide_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.hide_button)
        self.findings: DeskFindings | None = None
        self._work: WorkSession | None = None
        self._task: Task | None = None
        self._runner: BackgroundRunner | None = None
        self._painted = threading.Event()
        self.hide()

    def check_after_paint(self, runner: BackgroundRunner, work: WorkSession) -> None:
        """Run the checks once the window has painted (nothing when the desk was checked
        before opening; a read-only desk is checked too, with no writes to hold). The job is
        the runner's first, so that no job queued before it can wait for its verdict; it
        starts checking when the event loop first turns."""
        self.findings = None
        self.hide()
        self._work = work
        if not work.check_pending:
            return
        painted = self._painted = threading.Event()
        QTimer.singleShot(0, painted.set)

        def checks(progress: Progress) -> DeskFindings:
            painted.wait()  # set after the first paint, or when the desk closes first
            return check_after_opening(work, progress)

        self._runner = runner
        self._task = runner.submit(checks, done=lambda findings: self._show(work, findings),
                                   failed=lambda exc: self._failed(work, exc))

    def forget(self) -> None:
        """The desk is closing: its checks stop (at once when not started yet, at their next
        step when under way: the closing backup does not wait behind them) and are no longer
        heard."""
        self._painted.set()
        if self._task is not None and self._runner is not None:
            self._runner.cancel(self._task)
        self._work = None
        self._task = None
        self._runner = None
        self.hide()

    def _show(self, work: WorkSession, findings: DeskFindings) -> None:
        if self._work is not work:
            return
        self.findings = findings
        if findings.ok:
            return
        good = findings.newest_good_backup
        when = good.taken_at.strftime("%d/%m/%Y %H:%M") if good else ""
        if findings.damage is not None:
            text = tr("The check of this desk found it damaged (%1). Nothing more is written "
                      "to it and editing is locked.").replace("%1", findings.damage)
            text += " " + (tr("Restore its newest good backup, of %1, to go on working.")
                           .replace("%1", when) if good else
                           tr("No good backup was found: keep a copy of the file and ask "
                              "for help (meetingdesk check tells more)."))
            self.text.setStyleSheet(_DAMAGE)
            self.damage_found.emit()
        else:
            text = tr("The check of this desk found %1 records pointing to records that are "
                      "gone. Everything else works.").replace(
                "%1", str(findings.broken_references))
            if good:
                text += " " + tr("If something is missing, restore the backup of %1.").replace(
                    "%1", when)
            self.text.setStyleSheet(_WARNING)
        self.restore_button.setVisible(good is not None)
        self.text.setText(text)
        self.show()

    def _failed(self, work: WorkSession, exc: BaseException) -> None:
        if self._work is not work or isinstance(exc, CheckCancelled):
            return
        logger.warning("The checks after opening %s failed: %s", work.path, exc)
        self.text.setStyleSheet(_DAMAGE)
        self.text.setText(tr("The check of this desk could not finish (%1). Nothing more is "
                             "written to it and editing is locked; open it again.").replace(
            "%1", str(exc)))
        self.restore_button.hide()
        self.show()
        self.damage_found.emit()
