"""The minutes: choose the profile, generate (off the GUI thread), preview, export, print,
the history of versions, mark final.

Generating a version and marking it final are recorded acts (the version history is kept, the
final marking and reopening are logged as meeting events), so they are not on the undo stack;
reopening a final meeting asks for a reason.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import MeetingStatus, Profile
from meetingdesk.domain.records import Meeting, MinutesVersion
from meetingdesk.gui import settings as keys
from meetingdesk.gui.errors import guarded, show_error
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import Task
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.versions import IN_FORCE, VersionsModel, signed_status
from meetingdesk.gui.pdf_preview import PdfPreview
from meetingdesk.gui.read_only import reading
from meetingdesk.gui.save_paths import default_path, minutes_name
from meetingdesk.gui.settings import Settings
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import (
    ask_reason,
    button,
    button_row,
    data_table,
    select_id,
    selected_row,
)
from meetingdesk.gui.workers import minutes_job, preview_job, print_job
from meetingdesk.minutes.profiles import Margins
from meetingdesk.services import meetings, minutes_versions
from meetingdesk.services.changes import meeting_content
from meetingdesk.services.files import write_atomically

logger = logging.getLogger(__name__)


def preferred_margins(settings: Settings) -> Margins | None:
    """The margins chosen in the preferences, or ``None`` for the profile's own."""
    if not settings.get(keys.CUSTOM_MARGINS):
        return None
    return Margins(top=settings.get(keys.MARGIN_TOP), bottom=settings.get(keys.MARGIN_BOTTOM),
                   left=settings.get(keys.MARGIN_LEFT), right=settings.get(keys.MARGIN_RIGHT))


class MinutesTab(MeetingTab):
    KINDS = frozenset({"meetings", "minutes_versions", "organization", "issuers"})

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.settings = Settings()
        self._generating: Task | None = None
        self._generating_for: int | None = None
        self._printing: Task | None = None
        self._profile_for: int | None = None
        self.profile = QComboBox(self)
        for p in Profile:
            self.profile.addItem(label(p), p)
        self.generate_button = button(tr("Generate the minutes"), self, self.generate,
                                      shortcut="Ctrl+G")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.progress_label = QLabel(self)
        self.cancel_button = button(tr("Cancel"), self, self.cancel_job, shortcut="Esc",
                                    tip=tr("Stop generating or printing: nothing is kept of it"))
        reading(self.cancel_button)
        self.cancel_button.setVisible(False)
        self.model = VersionsModel(self)
        self.table = data_table(self.model, [14, None, 6, 14, 5], parent=self, sortable=False,
                                fill_minimum=7)  # every column shown at 1366×768
        self.export_button = button(tr("Export…"), self, self.export)
        self.print_button = button(tr("Print…"), self, self.print_version, shortcut="Ctrl+P")
        reading(self.export_button, self.print_button, self.generate_button, self.profile)
        self.final_button = button(tr("Mark final"), self, self.mark_final)
        self.reopen_button = button(tr("Reopen…"), self, self.reopen)
        self.delete_button = button(tr("Delete version"), self, self.delete_version)
        self.sign_button = button(tr("Sign…"), self, self.sign)
        self.verify_button = button(tr("Check signatures…"), self, self.check_signatures)
        reading(self.verify_button)
        self.state = QLabel(self)
        self.state.setWordWrap(True)

        self.view = PdfPreview(self)
        self.document = self.view.pdf

        side = QWidget(self)
        form = QFormLayout()
        form.addRow(tr("Profile"), self.profile)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(form)
        side_layout.addLayout(button_row(self.generate_button))
        side_layout.addWidget(self.progress)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label, 1)
        progress_row.addWidget(self.cancel_button)
        side_layout.addLayout(progress_row)
        side_layout.addWidget(QLabel(tr("Versions"), self))
        side_layout.addWidget(self.table, 1)
        side_layout.addLayout(button_row(self.export_button, self.print_button,
                                         self.delete_button))
        side_layout.addLayout(button_row(self.final_button, self.reopen_button))
        side_layout.addLayout(button_row(self.sign_button, self.verify_button))
        side_layout.addWidget(self.state)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(side)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)

    # --- loading ---------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            # nothing of the previous meeting stays on screen, even while this tab is hidden
            self.model.set_versions([], in_force=None)
            self.view.show_pdf(b"")
            self.progress_label.clear()
            self.state.clear()
        super().show_meeting(meeting_id)

    def _choose_profile(self, meeting_id: int) -> None:
        """The profile of a meeting shown for the first time: the one chosen last, else its
        issuer's. (Here, when the tab is shown: the minutes' modules, reportlab with them,
        load only then, not while the window starts.)"""
        from meetingdesk.minutes.generate import meeting_profile

        self._profile_for = meeting_id
        i = self.profile.findData(meeting_profile(self.desk, meeting_id))
        chosen = self.settings.get(keys.MINUTES_PROFILE)
        if chosen:
            i = self.profile.findData(Profile(chosen))
        self.profile.setCurrentIndex(max(0, i))

    def refresh(self) -> None:
        assert self.meeting_id is not None
        if self._profile_for != self.meeting_id:
            self._choose_profile(self.meeting_id)
        current: MinutesVersion | None = selected_row(self.table)
        versions = minutes_versions.list_versions(self.desk, self.meeting_id)
        in_force = minutes_versions.final_in_force(self.desk, self.meeting_id)
        self.model.set_versions(versions, in_force=in_force.id if in_force else None)
        if not select_id(self.table, current.id if current else None) and versions:
            self.table.selectRow(len(versions) - 1)
        self._show_selected()

    def _show_selected(self) -> None:
        version: MinutesVersion | None = selected_row(self.table)
        final = False
        if self.meeting_id is not None:
            status = meetings.get_meeting(self.desk, self.meeting_id).status
            final = status is MeetingStatus.FINAL
        for b in (self.export_button, self.print_button):
            b.setEnabled(version is not None)
        self.final_button.setEnabled(version is not None and not final)
        self.reopen_button.setEnabled(final)
        self.delete_button.setEnabled(version is not None and not version.final)
        self.sign_button.setEnabled(version is not None
                                    and self.model.standing(version) == IN_FORCE)
        self.generate_button.setEnabled(not final and self._generating is None)
        self.state.setText("\n".join(t for t in (
            tr("The minutes are final: the meeting cannot be changed until it is reopened.")
            if final else "", signed_status(version) if version else "") if t))
        if version is None:
            self.view.show_pdf(b"")
            return
        self.view.show_pdf(self._version_bytes(version.id or 0))

    def _version_bytes(self, version_id: int) -> bytes:
        """A version's signed copy when it has one, else its PDF."""
        return (minutes_versions.signed_pdf(self.desk, version_id)
                or minutes_versions.version_pdf(self.desk, version_id))

    # --- generating ------------------------------------------------------------------------

    def generate(self) -> None:
        """Generate a new version on the desk's runner, with a progress indicator (on a
        read-only desk: show the minutes without recording a version)."""
        if self.meeting_id is None or self._generating is not None:
            return
        profile = Profile(self.profile.currentData())
        self.settings.set(keys.MINUTES_PROFILE, profile.value)
        self._generating_for = self.meeting_id
        if self.desk.read_only:
            self._generating = self.session.runner.submit(
                preview_job(self.desk.path, self.meeting_id, profile),
                done=self._previewed, failed=self._failed, stage=self._stage,
                cancelled=self._generation_cancelled)
            self.progress.setVisible(True)
            self._show_cancel()
            self._stage("building")
            return
        self._generating = self.session.runner.submit(
            minutes_job(self.desk.path, self.meeting_id, profile,
                        preferred_margins(self.settings)),
            done=self._generated, failed=self._failed, stage=self._stage,
            cancelled=self._generation_cancelled)
        self.generate_button.setEnabled(False)
        self.progress.setVisible(True)
        self._show_cancel()
        self._stage("building")

    def is_generating(self) -> bool:
        return self._generating is not None

    def _stage(self, stage: str) -> None:
        texts = {"building": tr("Gathering the meeting's data…"),
                 "rendering": tr("Laying out the pages…"),
                 "saving": tr("Saving the new version…")}
        self.progress_label.setText(texts.get(stage, ""))

    def _generated(self, version_id: int) -> None:
        meeting_id = self._generating_for
        self._generation_ended()
        if meeting_id == self.meeting_id:  # not when another meeting is shown by now
            self.progress_label.setText(tr("Minutes generated."))
        if meeting_id is not None:
            self.session.written(meeting_content(meeting_id))
        select_id(self.table, version_id)

    def _previewed(self, pdf: bytes) -> None:
        meeting_id = self._generating_for
        self._generation_ended()
        if meeting_id == self.meeting_id:
            self.table.clearSelection()
            self.view.show_pdf(pdf)
            self.progress_label.setText(tr("Preview only: the desk is read-only, no version "
                                           "was recorded."))

    def _failed(self, exc: BaseException) -> None:
        self._generation_ended()
        self.progress_label.clear()
        show_error(self, exc)

    def _generation_ended(self) -> None:
        self._generating = self._generating_for = None
        self.progress.setVisible(False)
        self._show_cancel()
        self._show_selected()

    def _generation_cancelled(self) -> None:
        self._generation_ended()
        self.progress_label.setText(tr("Cancelled: no version was recorded."))

    def _show_cancel(self) -> None:
        busy = self._generating is not None or self._printing is not None
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)

    def cancel_job(self) -> None:
        """Stop the generation or the printing under way (Esc): a version being recorded
        rolls back, a printer job is aborted; the runner says “Đã hủy”."""
        task = self._generating or self._printing
        if task is not None:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(tr("Cancelling…"))
            self.session.runner.request_cancel(task)

    # --- using a version -------------------------------------------------------------------

    def _version(self) -> MinutesVersion | None:
        return selected_row(self.table)

    def _meeting(self) -> Meeting:
        assert self.meeting_id is not None
        return meetings.get_meeting(self.desk, self.meeting_id)

    @guarded
    def export(self) -> None:
        version = self._version()
        if version is None or version.id is None:
            return
        if self.model.superseded(version) and QMessageBox.question(
                self, tr("Export the minutes"),
                tr("This version is not the final minutes in force: it was replaced or "
                   "reopened. Write it anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        default = default_path(minutes_name(self._meeting(), version, "pdf"))
        name, _ = QFileDialog.getSaveFileName(self, tr("Export the minutes"), default,
                                              tr("PDF files (*.pdf)"))
        if name:
            self.export_to(Path(name), version.id)

    def export_to(self, path: Path, version_id: int) -> None:
        write_atomically(path, self._version_bytes(version_id))
        logger.info("Exported minutes version %s to %s", version_id, path)

    def print_dialog(self) -> tuple[QPrintDialog, QPrinter] | None:
        """The print dialog (in the interface's language) for the version shown."""
        version = self._version()
        if version is None or self.document.pageCount() == 0:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = minutes_name(self._meeting(), version, "pdf")
        printer.setDocName(name.removesuffix(".pdf"))
        printer.setOutputFileName(default_path(name))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("Print the minutes"))
        dialog.setMinMax(1, self.document.pageCount())
        dialog.resize(max(640, dialog.sizeHint().width()), dialog.sizeHint().height())
        return dialog, printer

    @guarded
    def print_version(self) -> None:
        chosen = self.print_dialog()
        if chosen is None:
            return
        dialog, printer = chosen
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> Task | None:
        """Print the selected version (the chosen range of pages) on ``printer`` on the desk's
        runner: the window stays usable while the pages are painted."""
        version = self._version()
        if version is None or version.id is None or self._printing is not None:
            return None
        self.print_button.setEnabled(False)
        self.progress_label.setText(tr("Printing…"))
        self._printing = self.session.runner.submit(
            print_job(minutes_versions.version_pdf(self.desk, version.id), printer),
            done=lambda _pages: self._printed(None), failed=self._printed,
            stage=lambda page: self.progress_label.setText(
                tr("Printing page %1…").replace("%1", page)),
            cancelled=self._print_cancelled)
        self._show_cancel()
        return self._printing

    def _print_cancelled(self) -> None:
        self._printed(None)
        self.progress_label.setText(tr("Cancelled: printing stopped."))

    def _printed(self, exc: BaseException | None) -> None:
        self._printing = None
        self._show_cancel()
        self.print_button.setEnabled(self._version() is not None)
        self.progress_label.setText(tr("Printed.") if exc is None else "")
        if exc is not None:
            show_error(self, exc)

    @guarded
    def mark_final(self) -> None:
        version = self._version()
        if version is None or version.id is None:
            return
        minutes_versions.check_final(self.desk, version.meeting_id, version.profile)
        answer = QMessageBox.question(
            self, tr("Mark final"),
            tr("Make this version the final minutes? The meeting's notes and tasks can no "
               "longer be changed until it is reopened with a reason."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        minutes_versions.mark_final(self.desk, version.id)
        self.session.written(meeting_content(version.meeting_id))

    @guarded
    def delete_version(self) -> None:
        version = self._version()
        if version is None or version.id is None:
            return
        answer = QMessageBox.question(self, tr("Delete version"),
                                      tr("Delete this version of the minutes?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        minutes_versions.delete_version(self.desk, version.id)
        self.session.written(meeting_content(version.meeting_id))

    @guarded
    def sign(self) -> None:
        version = self._version()
        if self.meeting_id is None or version is None \
                or self.model.standing(version) != IN_FORCE:
            return
        from meetingdesk.gui.signing import sign_version  # pyHanko loads when first asked

        meeting_id = self.meeting_id
        sign_version(self, self.session.runner, self.desk, meeting_id, self.settings,
                     lambda: self.session.written(meeting_content(meeting_id)))

    @guarded
    def check_signatures(self) -> None:
        from meetingdesk.gui.signing import check_signatures

        check_signatures(self, self.settings)

    @guarded
    def reopen(self) -> None:
        if self.meeting_id is None:
            return
        reason = ask_reason(self, tr("Reopen the meeting"), tr("Why is the meeting reopened?"))
        if reason is None:
            return
        minutes_versions.reopen_meeting(self.desk, self.meeting_id, reason=reason)
        self.session.written(meeting_content(self.meeting_id))
