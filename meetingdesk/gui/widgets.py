"""Small helpers shared by the views: configured tables, button rows, selections, text boxes
that Tab leaves, combo boxes that find "thai" as Thái Nguyên, the banner of a frozen meeting."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QSizePolicy,
    QStyle,
    QStyleOptionSlider,
    QTableView,
    QWidget,
)

from meetingdesk.domain.matching import typed_rank
from meetingdesk.gui.cells import TextCells
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.table import ID_ROLE, ROW_ROLE, RowTableModel


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


def while_idle(parent: QObject, step: Callable[[], bool]) -> QTimer:
    """A timer that runs ``step`` whenever the event loop is idle until it returns False
    (nothing left to do); ``start()`` it when there is work again. Work done ahead in small
    slices (folding texts for a filter) so that the first key typed does not wait for it."""
    timer = QTimer(parent, interval=0)
    timer.timeout.connect(lambda: step() or timer.stop())
    return timer


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
    view.setTabKeyNavigation(False)  # Tab leaves the table (the arrows move in it)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setItemDelegate(TextCells(view))
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSortingEnabled(sortable)
    if sortable:
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    # The header shares the table's selection by default and repaints all its sections at
    # every change of it (a whole row is selected: every column), to highlight nothing.
    header.setSelectionModel(QItemSelectionModel(model, header))
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


class SteadyScrollBar(QScrollBar):
    """A scroll bar that repaints when what it shows changes, not at every value: one row of a
    list of 3,000 moves the handle a fifth of a pixel, and a roll call down such a list would
    repaint the bar (and every widget behind it, down to the window) at each key."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._shown: tuple[QRect, bool, bool] | None = None
        """The handle and the ends reached, as last painted."""

    def _looks(self) -> tuple[QRect, bool, bool]:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                             QStyle.SubControl.SC_ScrollBarSlider, self)
        return handle, self.value() == self.minimum(), self.value() == self.maximum()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._shown = self._looks()
        super().paintEvent(event)

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        if (change == QAbstractSlider.SliderChange.SliderValueChange
                and self._looks() == self._shown):
            return  # the same pixels: no repaint (the base class only asks for one)
        super().sliderChange(change)


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
    if isinstance(model, RowTableModel):  # its own rows, without a data() call per row
        row = model.row_of_id(record_id)
    else:
        row = next((r for r in range(model.rowCount())
                    if model.index(r, 0).data(ID_ROLE) == record_id), -1)
    if row < 0:
        return False
    index = model.index(row, 0)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)
    return True


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
        action = QAction(text.rstrip("…"), parent)  # named, for the list of shortcuts
        action.setShortcut(sequence)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(b.click)  # nothing happens while the button is disabled
        parent.addAction(action)
        tip = f"{tip or text} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
    if tip:
        b.setToolTip(tip)
    return b


def forget_typing(*fields: QLineEdit | QPlainTextEdit) -> None:
    """Clear the undo and redo history of each of ``fields`` that has one; the text stays."""
    for field in fields:
        if isinstance(field, QLineEdit):
            if field.isUndoAvailable() or field.isRedoAvailable():
                field.setText(field.text())  # Qt's one way to clear a line edit's history
        elif field.document().isUndoAvailable() or field.document().isRedoAvailable():
            field.document().clearUndoRedoStacks()


class ElidedLabel(QWidget):
    """A label of a fixed number of lines (one by default) whose text wraps at word
    boundaries and ends in "…" when it does not fit; the full text is its tooltip. Always
    plain text: what users typed is never read as markup.

    A new text repaints the label and nothing else: its height never follows its text, and
    the :class:`QLabel` that shows the text is held by no layout. (A label in a layout has
    every layout above it, up to the window's, done again at each new text, even when no
    size changes: about a millisecond at each switch of meeting for the overview's form.)"""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 1) -> None:
        super().__init__(parent)
        self._full = ""
        self._lines = lines
        self._label = QLabel(self)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(1)
        self._fit()

    def set_lines(self, lines: int) -> None:
        """Take ``lines`` lines (the only change that moves what is around the label)."""
        if lines != self._lines:
            self._lines = lines
            self._fit()

    def lines_for(self, text: str) -> int:
        """How many lines ``text`` takes, wrapped at the label's width."""
        bounds = self.fontMetrics().boundingRect(
            QRect(0, 0, max(1, self.width()), 1 << 20), Qt.TextFlag.TextWordWrap, text)
        return max(1, -(-bounds.height() // self.fontMetrics().lineSpacing()))

    def _fit(self) -> None:
        self._label.setAlignment(Qt.AlignmentFlag.AlignLeft | (
            Qt.AlignmentFlag.AlignVCenter if self._lines == 1 else Qt.AlignmentFlag.AlignTop))
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self._lines)
        self._elide()

    def set_full_text(self, text: str) -> None:
        """Show ``text`` (nothing is done when it shows it already)."""
        if text == self._full:
            return
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        # a screen reader reads the label that shows the text: the whole text, not what fits
        self._label.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def set_text_style(self, sheet: str) -> None:
        """Style the text (a style sheet of the label that shows it: set on this widget, it
        would reach that label only once polished)."""
        self._label.setStyleSheet(sheet)

    def text(self) -> str:
        """The text shown: the full text, or its lines elided."""
        return self._label.text()

    def textFormat(self) -> Qt.TextFormat:
        return self._label.textFormat()

    def sizeHint(self) -> QSize:
        return QSize(self._label.sizeHint().width(), self.maximumHeight())

    def minimumSizeHint(self) -> QSize:
        return QSize(1, self.maximumHeight())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the label inherits it
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._label.setGeometry(self.rect())
        self._elide()

    def _elide(self) -> None:
        """Lay the text out in the label's lines, the last one ending in "…" when the text
        goes on. No character is narrower than a pixel, so that only the first ``width``
        characters of a line may show: a long text (the secretaries of a big meeting) is
        measured no further than that."""
        width = max(1, self.width())
        metrics = self.fontMetrics()
        if self._lines == 1 and "\n" not in self._full:
            self._label.setText(metrics.elidedText(_cut(self._full, width),
                                                   Qt.TextElideMode.ElideRight, width))
            return
        shown_at_most = self._full[:self._lines * width]
        layout = QTextLayout(shown_at_most.replace("\n", "\u2028"), self.font())  # new lines
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        starts: list[int] = []
        while len(starts) < self._lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append(line.textStart())
        all_laid_out = not layout.createLine().isValid() and shown_at_most == self._full
        layout.endLayout()
        ends = [*starts[1:], len(self._full)]
        shown = [self._full[a:b].strip() for a, b in zip(starts[:-1], ends[:-1], strict=True)]
        if starts:  # the last line holds the rest, elided
            rest = self._full[starts[-1]:]
            shown.append(rest.strip() if all_laid_out else metrics.elidedText(
                _cut(" ".join(rest.split()), width), Qt.TextElideMode.ElideRight, width))
        self._label.setText("\n".join(shown))


def _cut(text: str, width: int) -> str:
    """``text`` cut to what a line ``width`` pixels wide may show of it (a character is at
    least a pixel wide), with "…" when cut: eliding it gives what eliding ``text`` gives."""
    return text if len(text) <= width else text[:width] + "…"


def ask_reason(parent: QWidget, title: str, question: str) -> str | None:
    """The reason the user types for reopening something final; ``None`` when they cancel
    (an empty reason is the service's to refuse)."""
    reason, ok = QInputDialog.getText(parent, title, question)
    return reason if ok else None


def text_box(parent: QWidget, text: str = "") -> QPlainTextEdit:
    """A multi-line box that Tab and Shift+Tab leave (a tab character is never typed)."""
    box = QPlainTextEdit(text, parent)
    box.setTabChangesFocus(True)
    return box


class _FoldedTyping(QObject):
    """Typing on a combo box (closed or open) chooses the item that best matches what was
    typed so far, without diacritics: the exact start of an item first, then the start of a
    word ("thai" → Thái Nguyên, never Thanh Hóa). A pause of a second starts a new search;
    Backspace takes back a letter."""

    PAUSE = 1.0

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.combo = combo
        self.typed = ""
        self.last = 0.0
        combo.installEventFilter(self)
        combo.view().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier):
            return False
        now = time.monotonic()
        if now - self.last > self.PAUSE:
            self.typed = ""
        if event.key() == Qt.Key.Key_Backspace and self.typed:
            self.typed = self.typed[:-1]
        elif event.text() and event.text().isprintable() and (
                event.text() != " " or self.typed):
            self.typed += event.text()
        else:
            return False
        self.last = now
        self.choose(self.typed)
        return True

    def choose(self, typed: str) -> int:
        """Make the best match of ``typed`` current; its row, or -1 when nothing matches."""
        best: tuple[int, int] | None = None
        for row in range(self.combo.count()):
            if self.combo.itemData(row) is None:
                continue  # "(none)" is chosen with Home, not by typing
            rank = typed_rank(typed, self.combo.itemText(row))
            if rank is not None and (best is None or (rank, row) < best):
                best = (rank, row)
        if best is None:
            return -1
        self.combo.setCurrentIndex(best[1])
        view = self.combo.view()
        if view.isVisible():
            view.setCurrentIndex(self.combo.model().index(best[1], self.combo.modelColumn()))
        return best[1]


def fold_search(combo: QComboBox) -> QComboBox:
    """Let typing on ``combo`` find items without diacritics (see :class:`_FoldedTyping`)."""
    _FoldedTyping(combo)
    combo.setToolTip(combo.toolTip() or tr("Type a few letters, accents not needed"))
    return combo


class FrozenBanner(QLabel):
    """A short line beside the meeting's heading saying that it cannot be changed (the minutes
    are final) and where to reopen it; the whole explanation in its tooltip. It is no taller
    than the heading's row: showing or hiding it moves nothing below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frozenBanner")
        self.setStyleSheet("background: #e3f2fd; color: #0d47a1; padding: 1px 6px; "
                           "border: 1px solid #90caf9;")
        self.setText(tr("Read only: reopen it on the Minutes tab to change it"))
        explanation = tr("The minutes of this meeting are final: it can be read but not "
                         "changed. To change it, reopen it on the Minutes tab.")
        self.setToolTip(explanation)
        self.setAccessibleDescription(explanation)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.hide()
