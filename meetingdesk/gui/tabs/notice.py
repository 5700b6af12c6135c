"""The conclusion notice (thông báo kết luận): generate a version, see it, export it, make the
newest one final, reopen a final notice with a reason — as the Minutes tab does for the
minutes, with the same table of versions and the same preview.

Unlike final minutes, a final notice does not freeze the meeting: it only stops new versions
until it is reopened (:mod:`meetingdesk.services.notice_versions`). Generating a version and
making it final are recorded acts (kept versions, meeting events), not undoable edits.

A notice carries the date it is issued (today unless the secretary chooses another day in the
Issue date field): a final notice dated "ngày …… tháng …… năm ……" is not what the chairman
signs. On a read-only desk nothing is recorded: Export… writes the notice as the meeting
stands (or the version selected).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.notices import NoticeVersion
from meetingdesk.gui.dialogs.tasks import DATE_FORMAT
from meetingdesk.gui.errors import guarded
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import run_busy
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.formats import moment
from meetingdesk.gui.models.versions import VersionsModel
from meetingdesk.gui.notice_export import export_notice
from meetingdesk.gui.pdf_preview import PdfPreview
from meetingdesk.gui.read_only import reading
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
from meetingdesk.gui.workers import on_desk
from meetingdesk.services import notice_versions
from meetingdesk.services.changes import meeting_content
from meetingdesk.store.desk import Desk


def _generate(desk: Desk, meeting_id: int, profile: Profile, issued_on: date) -> int:
    """Build, render and record a new version of the notice (in a worker); its id."""
    from meetingdesk.minutes.notice_generate import generate_notice  # reportlab loads here

    version, _ = generate_notice(desk, meeting_id, profile=profile, issued_on=issued_on)
    assert version.id is not None
    return version.id


class NoticeTab(MeetingTab):
    KINDS = frozenset({"meetings", "notice_versions", "meeting_events", "organization",
                       "issuers"})

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._final: NoticeVersion | None = None
        self._profile_for: int | None = None
        self.profile = QComboBox(self)
        for p in Profile:
            self.profile.addItem(label(p), p)
        self.issued = QDateEdit(QDate.currentDate(), self)
        self.issued.setCalendarPopup(True)
        self.issued.setDisplayFormat(DATE_FORMAT)
        self.issued.setToolTip(tr("The date printed on the notice (today unless chosen)"))
        reading(self.issued)  # the date of a notice exported from a read-only desk
        self.generate_button = button(tr("Generate the notice"), self, self.generate,
                                      shortcut="Ctrl+G")
        self.model = VersionsModel(self, signed=False)
        self.table = data_table(self.model, [14, None, 6, 14, 8], parent=self, sortable=False,
                                fill_minimum=7)
        self.export_button = button(tr("Export…"), self, self.export,
                                    tip=tr("PDF: the version selected, as it was recorded. "
                                           "DOCX: the notice as the meeting stands now, to "
                                           "edit"))
        reading(self.export_button)
        self.final_button = button(tr("Mark final"), self, self.mark_final,
                                   tip=tr("Only the newest version can be made final"))
        self.reopen_button = button(tr("Reopen…"), self, self.reopen)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.view = PdfPreview(self)

        side = QWidget(self)
        form = QFormLayout()
        form.addRow(tr("Profile"), self.profile)
        form.addRow(tr("Issue date"), self.issued)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(form)
        side_layout.addLayout(button_row(self.generate_button))
        side_layout.addWidget(QLabel(tr("Versions"), self))
        side_layout.addWidget(self.table, 1)
        side_layout.addLayout(button_row(self.export_button, self.final_button,
                                         self.reopen_button))
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

    def show_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:  # nothing of the previous meeting stays on screen
            self.model.set_versions([], in_force=None)
            self.view.show_pdf(b"")
            self.state.clear()
            self.issued.setDate(QDate.currentDate())  # another meeting's notice: issued today
        super().show_meeting(meeting_id)

    def refresh(self) -> None:
        assert self.meeting_id is not None
        if self._profile_for != self.meeting_id:  # its issuer's, when first shown
            from meetingdesk.minutes.generate import meeting_profile

            self._profile_for = self.meeting_id
            i = self.profile.findData(meeting_profile(self.desk, self.meeting_id))
            self.profile.setCurrentIndex(max(0, i))
        current: NoticeVersion | None = selected_row(self.table)
        versions = notice_versions.list_versions(self.desk, self.meeting_id)
        self._final = notice_versions.final_version(self.desk, self.meeting_id)
        self.model.set_versions(versions, in_force=self._final.id if self._final else None)
        if not select_id(self.table, current.id if current else None) and versions:
            self.table.selectRow(len(versions) - 1)
        self._show_selected()

    def _version(self) -> NoticeVersion | None:
        return selected_row(self.table)

    def _show_selected(self) -> None:
        version = self._version()
        final = self._final
        newest = self.model.row(self.model.rowCount() - 1) if self.model.rowCount() else None
        self.generate_button.setEnabled(final is None)
        self.export_button.setEnabled(self.meeting_id is not None)
        self.final_button.setEnabled(final is None and version is not None
                                     and newest is not None and version.id == newest.id)
        self.reopen_button.setEnabled(final is not None)
        if final is not None:
            self.state.setText(tr("The notice is final (version of %1): no new version until "
                                  "it is reopened.").replace("%1", moment(final.created_at)))
        elif newest is None and self.desk.read_only:
            self.state.setText(tr("No version of the notice yet. The desk is read-only: "
                                  "Export… writes the notice without recording a version."))
        elif newest is None:
            self.state.setText(tr("No version of the notice yet: generate it (Ctrl+G)."))
        else:
            self.state.clear()
        if version is None or version.id is None:
            self.view.show_pdf(b"")
            return
        self.view.show_pdf(notice_versions.version_pdf(self.desk, version.id))

    @guarded
    def generate(self) -> None:
        """Record a new version of the notice, off the GUI thread, and show it."""
        if self.meeting_id is None or self._final is not None:
            return
        meeting_id = self.meeting_id
        profile = Profile(self.profile.currentData())
        issued_on = self.issued_on()

        def generated(version_id: object) -> None:
            self.session.written(meeting_content(meeting_id))
            if self.meeting_id == meeting_id:  # the new version, with the keyboard on it
                select_id(self.table, version_id if isinstance(version_id, int) else None)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

        run_busy(self, self.session.runner, tr("Generating the conclusion notice…"),
                 on_desk(self.desk.path,
                         lambda desk: _generate(desk, meeting_id, profile, issued_on)),
                 generated, cancellable=True)

    @guarded
    def export(self) -> None:
        """PDF of the version selected (else the notice written as the menu does), or DOCX."""
        if self.meeting_id is not None:
            version = self._version()
            export_notice(self, self.session, self.meeting_id, version,
                          superseded=version is not None and self.model.superseded(version),
                          issued_on=self.issued_on())

    def issued_on(self) -> date:
        """The date the notice is issued: the one chosen, today unless changed."""
        return self.issued.date().toPython()  # type: ignore[no-any-return]

    @guarded
    def mark_final(self) -> None:
        version = self._version()
        if version is None or version.id is None:
            return
        notice_versions.check_final(self.desk, version.meeting_id)  # what is missing, first
        answer = QMessageBox.question(
            self, tr("Mark final"),
            tr("Make this version the final conclusion notice? No new version can be "
               "generated until it is reopened with a reason."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        notice_versions.mark_final(self.desk, version.id)
        self.session.written(meeting_content(version.meeting_id))

    @guarded
    def reopen(self) -> None:
        if self.meeting_id is None:
            return
        reason = ask_reason(self, tr("Reopen the conclusion notice"),
                            tr("Why is the notice reopened (a corrected notice)?"))
        if reason is None:
            return
        notice_versions.reopen_notice(self.desk, self.meeting_id, reason=reason)
        self.session.written(meeting_content(self.meeting_id))
