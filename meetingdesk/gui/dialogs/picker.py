"""Choose a record from a directory by typing (diacritic-insensitive, former names too), the
exact start of a name first ("thai" → Thái Nguyên before Bình Thái)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
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

from meetingdesk.domain.matching import typed_rank
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.table import FoldFilterProxy, RowTableModel
from meetingdesk.gui.widgets import data_table, select_row, selected_row


class RankedFoldProxy(FoldFilterProxy):
    """Keeps the rows matching what was typed, the best first: the name starting with it,
    then a word of the name, then anything else of the row; ties in the directory's order."""

    def __init__(self, name_column: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name_column = name_column
        self._typed = ""

    def set_query(self, text: str) -> None:
        self._typed = text.strip()
        super().set_query(text)
        self.sort(self.name_column if self._typed else -1)
        self.invalidate()

    def _rank(self, index: QModelIndex | QPersistentModelIndex) -> tuple[int, int]:
        name = str(index.siblingAtColumn(self.name_column).data() or "")
        rank = typed_rank(self._typed, name)
        return (3 if rank is None else rank, index.row())

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._typed:
            return super().lessThan(left, right)
        return self._rank(left) < self._rank(right)


class PickerDialog(QDialog):
    """A search field over a table; Enter or OK takes the highlighted row."""

    def __init__(self, title: str, model: RowTableModel[Any], widths: list[int | None],
                 parent: QWidget | None = None, *, placeholder: str = "",
                 name_column: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = model
        model.setParent(self)
        self.proxy = RankedFoldProxy(name_column, self)
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
