"""A note's earlier texts: every revision kept when its text changed, with when it was saved,
read-only. The newest revision is chosen first; its whole text shows below the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from meetingdesk.domain.records import NoteRevision
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.notes import revisions_model
from meetingdesk.gui.widgets import data_table, select_row, selected_row, text_box


class NoteHistoryDialog(QDialog):
    """The revisions of one note (``revisions``, oldest first); Esc or Close closes it."""

    def __init__(self, revisions: list[NoteRevision], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Earlier texts of the note"))
        self.model = revisions_model(self)
        self.model.set_rows(revisions)
        self.table = data_table(self.model, [6, 16, None], parent=self, sortable=False,
                                fill_minimum=30)
        self.table.setAccessibleName(tr("Revisions"))
        self.text = text_box(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("Text of the revision"))
        self.empty = QLabel(tr("No earlier text was kept for this note."), self)
        self.empty.setVisible(not revisions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.text, 3)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        select_row(self.table, len(revisions) - 1)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(760, 520)

    def _show_selected(self) -> None:
        revision: NoteRevision | None = selected_row(self.table)
        self.text.setPlainText(revision.text if revision else "")
