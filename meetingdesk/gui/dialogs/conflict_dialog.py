"""Resolving the conflicts that exchanges kept: record by record, field by field.

Every field in conflict shows its values with the desk that wrote each and when; the user
keeps the value shown ("giữ bản này"), takes another ("lấy bản kia") or types a new one
("sửa lại"). The resolution is an edit of this desk that covers every value it replaces, so
each desk it reaches by package takes it too. Like an import it is not on the undo stack:
the undo history is cleared once a resolution is written.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.domain.replication import Value
from meetingdesk.gui.errors import show_error
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.conflicts import conflict_model
from meetingdesk.gui.models.packages import field_names, value_text
from meetingdesk.gui.models.table import ROW_ROLE
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import data_table
from meetingdesk.services import conflicts
from meetingdesk.services.conflicts import Candidate, Conflict, FieldConflict

logger = logging.getLogger(__name__)

EDIT = "edit"


def _when(at: str) -> str:
    try:
        return datetime.fromisoformat(at).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return at or "?"


def candidate_text(field: str, candidate: Candidate) -> str:
    who = tr("this desk") if candidate.here else candidate.who
    return (f"“{value_text(field, candidate.text)}” — {who}, {_when(candidate.at)}")


class FieldChooser:
    """The row of one field in conflict: its values, what to do, and a new value."""

    def __init__(self, conflict: Conflict, field: FieldConflict, parent: QWidget) -> None:
        self.field = field
        self.choice = QComboBox(parent)
        shown, *others = field.candidates
        self.choice.addItem(tr("Keep this one: %1").replace(
            "%1", candidate_text(field.field, shown)), 0)
        for n, other in enumerate(others, start=1):
            self.choice.addItem(tr("Take the other one: %1").replace(
                "%1", candidate_text(field.field, other)), n)
        self.editor = QLineEdit(parent)
        self.editor.setPlaceholderText(tr("New value"))
        if field.field in conflict.editable:
            self.choice.addItem(tr("Edit: type a new value"), EDIT)
            self.editor.setText(shown.text)
        self.editor.setEnabled(False)
        self.choice.currentIndexChanged.connect(
            lambda: self.editor.setEnabled(self.choice.currentData() == EDIT))

    def value(self) -> Value:
        data = self.choice.currentData()
        if data == EDIT:
            text = self.editor.text()
            like = self.field.candidates[0].value
            if isinstance(like, int) and not isinstance(like, bool):
                return int(text) if text.strip().lstrip("-").isdigit() else text
            return text
        return self.field.candidates[int(data)].value


class ConflictDialog(QDialog):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Resolve conflicts"))
        self.session = session
        self.choosers: list[FieldChooser] = []
        self.intro = QLabel(tr("These records were changed on two desks without either seeing "
                               "the other's change. Both values are kept; the one shown is "
                               "the same on every desk. Choose, for each field, the value to "
                               "keep: the resolution travels with the next packages."), self)
        self.intro.setWordWrap(True)
        self.model = conflict_model(self)
        self.table = data_table(self.model, [18, None, 26], parent=self, sortable=False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.box = QGroupBox(self)
        self.grid = QGridLayout(self.box)
        self.status = QLabel(self)
        self.apply_button = QPushButton(tr("Apply the resolution"), self)
        self.apply_button.clicked.connect(self.apply)
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.box)
        layout.addLayout(bottom)
        self.resize(1000, 600)
        self.reload()

    def reload(self) -> None:
        found = conflicts.list_conflicts(self.session.desk)
        self.model.set_rows(found)
        self.status.setText(tr("%1 records in conflict.").replace("%1", str(len(found)))
                            if found else tr("There is no conflict."))
        if found:
            self.table.selectRow(0)
        self._show_current()

    def current(self) -> Conflict | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def _show_current(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.choosers = []
        conflict = self.current()
        self.box.setVisible(conflict is not None)
        self.apply_button.setEnabled(conflict is not None)
        if conflict is None:
            return
        self.box.setTitle(conflict.label)
        names = field_names()
        for row, field in enumerate(conflict.fields):
            chooser = FieldChooser(conflict, field, self.box)
            self.grid.addWidget(QLabel(names.get(field.field, field.field), self.box), row, 0)
            self.grid.addWidget(chooser.choice, row, 1)
            self.grid.addWidget(chooser.editor, row, 2)
            self.choosers.append(chooser)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(2, 2)

    def apply(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        choices = {c.field.field: c.value() for c in self.choosers}
        try:
            conflicts.resolve(self.session.desk, gid=conflict.gid, choices=choices)
        except MeetingDeskError as exc:
            show_error(self, exc)
            return
        logger.info("Resolved the conflict of %s %s: %s", conflict.kind, conflict.gid,
                    sorted(choices))
        self.session.undo_stack.clear()  # not on the undo stack: see the module's docstring
        self.session.changed.emit()
        self.reload()
