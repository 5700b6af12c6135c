"""Writing the conclusion notice to a file, off the GUI thread: File ▸ Export ▸ Conclusion
notice (a PDF is recorded as a new version, or is the final one when the notice is final) and
Export… on the Notice tab (a PDF is the version chosen there, byte for byte; one that is not
the notice in force is written only once the user says so). A DOCX is always the notice as
the meeting stands, to be edited in a word processor: it is named as the draft, never as a
version. On a read-only desk a PDF not yet recorded is rendered without recording it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from meetingdesk.domain.notices import NoticeVersion
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import run_busy
from meetingdesk.gui.save_paths import default_path
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.workers import on_desk
from meetingdesk.services import notice_versions
from meetingdesk.services.changes import meeting_content
from meetingdesk.services.files import write_atomically
from meetingdesk.store.desk import Desk


def notice_file_stem(meeting_id: int, version: NoticeVersion | None = None) -> str:
    """``thong-bao-ket-luan-12-ban-3`` for a version's PDF, ``…-12-du-thao`` for the notice as
    the meeting stands (a DOCX, or a PDF to be recorded)."""
    return f"thong-bao-ket-luan-{meeting_id}-" + (f"ban-{version.id}" if version else "du-thao")


def export_notice(parent: QWidget, session: DeskSession, meeting_id: int,
                  version: NoticeVersion | None = None, *, superseded: bool = False,
                  issued_on: date | None = None) -> None:
    """Ask where, then write the conclusion notice of the meeting there (``version``'s PDF
    when one is given and a PDF is asked for; asking first when it is ``superseded``: not
    the notice in force); a notice built now is dated ``issued_on`` (today unless told)."""
    title = tr("Export the conclusion notice")
    when = issued_on or date.today()
    name, chosen = QFileDialog.getSaveFileName(
        parent, title, default_path(f"{notice_file_stem(meeting_id, version)}.pdf"),
        ";;".join((tr("PDF documents (*.pdf)"), tr("Word documents (*.docx)"))))
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".docx"):
        path = path.with_name(path.name + (".docx" if "docx" in chosen else ".pdf"))
    pdf = path.suffix.lower() == ".pdf"
    if not pdf and version is not None and path.stem == notice_file_stem(meeting_id, version):
        path = path.with_name(notice_file_stem(meeting_id) + ".docx")  # not a version's name
    recorded = pdf and version is not None and version.id is not None
    if recorded and superseded:
        answer = QMessageBox.question(
            parent, title,
            tr("This version is not the conclusion notice in force: it was replaced or "
               "reopened. Write it anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
    read_only = session.desk.read_only

    def write(desk: Desk) -> None:
        if recorded and version is not None and version.id is not None:
            write_atomically(path, notice_versions.version_pdf(desk, version.id))
            return
        final = notice_versions.final_version(desk, meeting_id)
        if pdf and read_only and (final is None or final.id is None):
            from meetingdesk.minutes.notice_generate import notice_pdf  # reportlab loads here

            write_atomically(path, notice_pdf(
                desk, meeting_id, profile=version.profile if version else None,
                issued_on=when))  # a read-only desk records nothing
            return
        from meetingdesk.notice_files import write_notice  # reportlab loads when first asked

        write_notice(desk, meeting_id, path, profile=version.profile if version else None,
                     issued_on=when)

    def written(_: object) -> None:
        if not recorded and pdf and not read_only:  # a new version, maybe
            session.written(meeting_content(meeting_id))
        QMessageBox.information(parent, title, tr("The conclusion notice was written to %1.")
                                .replace("%1", str(path)))

    run_busy(parent, session.runner, tr("Writing the conclusion notice…"),
             on_desk(session.desk.path, write), written)
