"""Documents cited in the meeting's notes or kept in the desk: add, attach a file, open it,
delete one no note cites."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.errors import ValidationError
from meetingdesk.gui.dialogs.records import DocumentDialog
from meetingdesk.gui.errors import guarded
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.documents import DocumentRow, documents_model
from meetingdesk.gui.models.table import chained
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.gui.undo import DeskSession, created
from meetingdesk.gui.widgets import button, button_row, data_table, select_id, selected_row
from meetingdesk.services import documents, notes


class DocumentsTab(MeetingTab):
    KINDS = frozenset({"meetings", "documents", "notes", "note_citations"})

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = documents_model(self)
        self.cited_proxy, self.proxy = chained(self.model, self)
        self.table = data_table(self.proxy, [13, 11, 10, 20, None, 9, 14], parent=self,
                                fill_minimum=16)
        self.cited_only = QCheckBox(tr("Only documents cited in this meeting"), self)
        self.cited_only.setChecked(True)
        self.cited_only.toggled.connect(self._filter)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search documents…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)
        self.add_button = button(tr("Add document…"), self, self.add_document,
                                 shortcut="Ctrl+N")
        self.edit_button = button(tr("Edit…"), self, self.edit_document)
        self.attach_button = button(tr("Attach file…"), self, self.attach)
        self.open_button = button(tr("Open file"), self, self.open_file)
        self.delete_button = button(tr("Delete"), self, self.delete_document, shortcut="Del")
        self.table.doubleClicked.connect(self.open_file)
        filters = QHBoxLayout()
        filters.addWidget(self.cited_only)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.add_button, self.edit_button, self.attach_button,
                                    self.open_button, self.delete_button))
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self._filter()

    def refresh(self) -> None:
        assert self.meeting_id is not None
        current = selected_row(self.table)
        cited = {d.id for d in notes.cited_documents(self.desk, self.meeting_id)}
        self.model.set_rows([DocumentRow(d, d.id in cited)
                             for d in documents.list_documents(self.desk)])
        if not select_id(self.table, current.id if current else None) and self.proxy.rowCount():
            self.table.selectRow(0)

    def _filter(self) -> None:
        self.cited_proxy.set_key("cited" if self.cited_only.isChecked() else "")

    @guarded
    def add_document(self) -> None:
        dialog = DocumentDialog(None, self)
        if not dialog.exec():
            return
        values = dialog.values()
        self.cited_only.setChecked(False)
        doc = self.session.run(tr("Add a document"),
                               lambda: documents.add_document(self.desk, **values),
                               new_roots=created("documents"))
        select_id(self.table, doc.id)

    @guarded
    def edit_document(self) -> None:
        row: DocumentRow | None = selected_row(self.table)
        if row is None:
            return
        dialog = DocumentDialog(row.document, self)
        if not dialog.exec():
            return
        values = dialog.values()
        values.pop("reference")
        doc_id = row.document.id
        self.session.run(tr("Edit the document %1").replace("%1", row.document.reference),
                         lambda: documents.update_document(self.desk, doc_id, **values),
                         [("documents", doc_id)], shallow=True)

    @guarded
    def delete_document(self) -> None:
        """Take the selected document out of the catalogue, after asking (undoable; one
        that notes cite is refused with the reason)."""
        row: DocumentRow | None = selected_row(self.table)
        if row is None:
            return
        answer = QMessageBox.question(
            self, tr("Delete document"),
            tr("Delete the document %1 from the catalogue, with its attached file?").replace(
                "%1", row.document.reference))
        if answer != QMessageBox.StandardButton.Yes:
            return
        doc_id = row.document.id
        self.session.run(tr("Delete the document %1").replace("%1", row.document.reference),
                         lambda: documents.delete_document(self.desk, doc_id),
                         [("documents", doc_id)])

    @guarded
    def attach(self, path: Path | None = None) -> None:
        row: DocumentRow | None = selected_row(self.table)
        if row is None:
            return
        if not path:
            name, _ = QFileDialog.getOpenFileName(self, tr("Attach a file"))
            if not name:
                return
            path = Path(name)
        doc_id = row.document.id
        chosen = path
        self.session.run(tr("Attach %1 to %2").replace("%1", path.name).replace(
                             "%2", row.document.reference),
                         lambda: documents.attach_file(self.desk, doc_id, chosen),
                         [("documents", doc_id)], shallow=True)

    def attached_copy(self, row: DocumentRow) -> Path:
        """Write the attached file to a temporary folder and return its path."""
        found = documents.attached_file(self.desk, row.document.id)
        if found is None:
            raise ValidationError("documents.no_attached_file")
        name, data = found
        folder = Path(tempfile.mkdtemp(prefix="meetingdesk-"))
        target = folder / Path(name).name
        target.write_bytes(data)
        return target

    @guarded
    def open_file(self) -> None:
        row: DocumentRow | None = selected_row(self.table)
        if row is None:
            return
        target = self.attached_copy(row)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
