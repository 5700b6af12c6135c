"""Small helpers shared by the views: configured tables, button rows, selections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from meetingdesk.gui.models.table import ID_ROLE, ROW_ROLE


class _FillColumn(QObject):
    """Gives one column of a table the width left by the others, never less than its minimum
    (a narrow window then scrolls sideways instead of squeezing the text)."""

    def __init__(self, view: QTableView, column: int, minimum: int) -> None:
        super().__init__(view)
        self.view = view
        self.column = column
        self.minimum = minimum
        view.viewport().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._other_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fill()
        return False

    def _other_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.column:
            self.fill()

    def fill(self) -> None:
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and not header.isSectionHidden(c))
        width = max(self.minimum, self.view.viewport().width() - others)
        if header.sectionSize(self.column) != width:
            header.blockSignals(True)
            header.resizeSection(self.column, width)
            header.blockSignals(False)
            header.viewport().update()


def data_table(model: QAbstractItemModel, widths: Sequence[int | None], *,
               parent: QWidget | None = None, sortable: bool = True,
               fill_minimum: int = 24) -> QTableView:
    """A read-only table of rows: whole-row selection, widths in characters (each at least
    its header's), ``None`` for the column that takes the remaining space (at least
    ``fill_minimum`` characters)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSortingEnabled(sortable)
    if sortable:
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    metrics = view.fontMetrics()
    char = metrics.horizontalAdvance("0")
    header_metrics = QFontMetrics(header.font())
    fill: int | None = None
    for column, width in enumerate(widths):
        title = str(model.headerData(column, Qt.Orientation.Horizontal,
                                     Qt.ItemDataRole.DisplayRole) or "")
        least = header_metrics.horizontalAdvance(title) + (26 if sortable else 14)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        if width is None:
            fill = column
            view.setColumnWidth(column, max(least, fill_minimum * char))
        elif width == 0:
            view.setColumnWidth(column, least)
        else:
            view.setColumnWidth(column, max(least, width * char + 12))
    if fill is not None:
        _FillColumn(view, fill, max(view.columnWidth(fill), fill_minimum * char))
    return view


def selected_row(view: QTableView) -> Any:
    """The row object of the current row of ``view``, or ``None``."""
    index = view.currentIndex()
    if not index.isValid():
        return None
    return index.siblingAtColumn(0).data(ROW_ROLE)


def select_id(view: QTableView, record_id: int | None) -> bool:
    """Make the row holding ``record_id`` current and selected; False if it is not shown."""
    model = view.model()
    if record_id is None:
        return False
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ID_ROLE) == record_id:
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            view.scrollTo(index)
            return True
    return False


def select_row(view: QTableView, row: int) -> None:
    model = view.model()
    if model.rowCount() == 0:
        return
    index = model.index(max(0, min(row, model.rowCount() - 1)), 0)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)


def current_row_number(view: QTableView) -> int:
    index: QModelIndex = view.currentIndex()
    return index.row() if index.isValid() else -1


def button_row(*buttons: QPushButton, stretch_at_end: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for b in buttons:
        layout.addWidget(b)
    if stretch_at_end:
        layout.addStretch(1)
    return layout


def button(text: str, parent: QWidget, slot: Any, *, shortcut: str | QKeySequence | None = None,
           tip: str | None = None) -> QPushButton:
    b = QPushButton(text, parent)
    b.clicked.connect(slot)
    if shortcut is not None:
        sequence = QKeySequence(shortcut)
        action = QAction(parent)
        action.setShortcut(sequence)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        parent.addAction(action)
        tip = f"{tip or text} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
    if tip:
        b.setToolTip(tip)
    return b


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when too narrow; the full text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                   max(1, self.width())))


class GroupLines(QStyledItemDelegate):
    """Draws a line above each row that starts a new group (a new value in ``column``), so
    rows sorted by that column read as groups."""

    def __init__(self, view: QTableView, column: int) -> None:
        super().__init__(view)
        self.column = column
        self.pen = QPen(view.palette().color(QPalette.ColorRole.Dark), 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        row = index.row()
        if row == 0:
            return
        model = index.model()
        if model.index(row - 1, self.column).data() != model.index(row, self.column).data():
            painter.save()
            painter.setPen(self.pen)
            painter.drawLine(option.rect.topLeft(), option.rect.topRight())
            painter.restore()
