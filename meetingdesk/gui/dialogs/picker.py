"""Choose a record from a directory by typing (diacritic-insensitive, former names too)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.table import FoldFilterProxy, RowTableModel
from meetingdesk.gui.widgets import data_table, select_row, selected_row


class PickerDialog(QDialog):
    """A search field over a table; Enter or OK takes the highlighted row."""

    def __init__(self, title: str, model: RowTableModel[Any], widths: list[int | None],
                 parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = model
        model.setParent(self)
        self.proxy = FoldFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(placeholder or tr("Type to search…"))
        self.search.setClearButtonEnabled(True)
        self.table = data_table(self.proxy, widths, parent=self)
        self.count = QLabel(self)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._accept_if_chosen)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.table.doubleClicked.connect(self._accept_if_chosen)
        self.resize(900, 560)
        self._filter("")
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        select_row(self.table, 0)
        self.count.setText(tr("%1 found").replace("%1", str(self.proxy.rowCount())))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field move in the table."""
        if (watched is self.search and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown,
                                    Qt.Key.Key_PageUp)):
            self.table.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def chosen(self) -> Any:
        return selected_row(self.table)

    def _accept_if_chosen(self) -> None:
        if self.chosen() is not None:
            self.accept()
