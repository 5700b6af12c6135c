"""File ▸ Export ▸ Conclusion notice: the meeting's notice as PDF (recorded as a version, or
the final one when the notice is final) or DOCX, written off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import run_busy
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.workers import on_desk
from meetingdesk.notice_files import write_notice


def export_notice(parent: QWidget, session: DeskSession, meeting_id: int) -> None:
    """Ask where, then write the conclusion notice of the meeting there."""
    title = tr("Export the conclusion notice")
    name, chosen = QFileDialog.getSaveFileName(
        parent, title, f"thong-bao-ket-luan-{meeting_id}.pdf",
        ";;".join((tr("PDF documents (*.pdf)"), tr("Word documents (*.docx)"))))
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".docx"):
        path = path.with_name(path.name + (".docx" if "docx" in chosen else ".pdf"))
    run_busy(parent, session.runner, tr("Writing the conclusion notice…"),
             on_desk(session.desk.path, lambda desk: write_notice(desk, meeting_id, path)),
             lambda _: QMessageBox.information(
                 parent, title, tr("The conclusion notice was written to %1.")
                 .replace("%1", str(path))))
