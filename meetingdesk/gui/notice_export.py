"""Writing the conclusion notice to a file, off the GUI thread: File ▸ Export ▸ Conclusion
notice (a PDF is recorded as a new version, or is the final one when the notice is final) and
Export… on the Notice tab (a PDF is the version chosen there, byte for byte). A DOCX is always
the notice as the meeting stands, to be edited in a word processor."""

from __future__ import annotations

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


def export_notice(parent: QWidget, session: DeskSession, meeting_id: int,
                  version: NoticeVersion | None = None) -> None:
    """Ask where, then write the conclusion notice of the meeting there (``version``'s PDF
    when one is given and a PDF is asked for)."""
    title = tr("Export the conclusion notice")
    suggested = f"thong-bao-ket-luan-{meeting_id}" + (f"-ban-{version.id}" if version else "")
    name, chosen = QFileDialog.getSaveFileName(
        parent, title, default_path(f"{suggested}.pdf"),
        ";;".join((tr("PDF documents (*.pdf)"), tr("Word documents (*.docx)"))))
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".docx"):
        path = path.with_name(path.name + (".docx" if "docx" in chosen else ".pdf"))

    def write(desk: Desk) -> None:
        if version is not None and version.id is not None and path.suffix.lower() == ".pdf":
            write_atomically(path, notice_versions.version_pdf(desk, version.id))
            return
        from meetingdesk.notice_files import write_notice  # reportlab loads when first asked

        write_notice(desk, meeting_id, path, profile=version.profile if version else None)

    def written(_: object) -> None:
        if version is None and path.suffix.lower() == ".pdf":  # a new version, maybe
            session.written(meeting_content(meeting_id))
        QMessageBox.information(parent, title, tr("The conclusion notice was written to %1.")
                                .replace("%1", str(path)))

    run_busy(parent, session.runner, tr("Writing the conclusion notice…"),
             on_desk(session.desk.path, write), written)
