"""Search the whole desk as you type (Edit ▸ Search the desk, Ctrl+F): notes, people, sites
with their former names, agenda items and documents through the full-text index, grouped by
kind; Enter or a double click opens the record where it lives.

The query and the lines shown are made in the search thread. What is left for the GUI thread
at each answer is swapping the lines in and painting them, and painting a screenful of new
texts means shaping them first (HarfBuzz, elision: about 0.2 ms a text, 10–20 ms a screenful)
and drawing their glyphs (about 40 µs a cell, 3 ms a screenful). So the cells of the first
screenful are drawn ahead (:meth:`~meetingdesk.gui.cells.TextCells.draw_ahead`) a few at a
time between other events, and the results are shown once they are ready (a few milliseconds
later), at a pass of the event loop of their own: the paint then only copies the cells.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from itertools import chain

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.records import SearchHit
from meetingdesk.gui.cells import TextCells
from meetingdesk.gui.i18n import locale, tr
from meetingdesk.gui.models.search_results import (
    HIT_ROLE,
    ResultGroup,
    SearchResultsModel,
    ShownResults,
)
from meetingdesk.gui.search_thread import SearchThread
from meetingdesk.services.search import NOTE_WINDOW

TYPING_PAUSE_MS = 60
"""A query waits this long for the next key (typing fast asks once, not per letter)."""
SHAPING_SLICE_S = 0.004
"""Cells are drawn ahead for at most about this long before the event loop runs again."""
MEETING_COLUMN = 44
"""Width of the meeting column, in characters (the text found takes the rest)."""


class DeskSearch(QDialog):
    """Emits ``chosen`` with the :class:`SearchHit` the user opens."""

    chosen = Signal(object)

    def __init__(self, searcher: SearchThread, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Search the desk"))
        self.searcher = searcher
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(tr("Notes, people, sites (former names too), agenda "
                                         "items, documents…"))
        self.query.setClearButtonEnabled(True)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.results = QTreeView(self)
        self.results.setModel(self.model)
        self._cells = TextCells(self.results)
        self.results.setItemDelegate(self._cells)
        self.results.setUniformRowHeights(True)
        # The scroll bar stays: were it to come with the results (after an empty query) and
        # go, the stretched text column's width would follow, and every text shown would be
        # shaped again for its new width, and painted twice.
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.results.setAlternatingRowColors(True)
        header = self.results.header()  # laid out once: measuring every result is too slow
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("0") * MEETING_COLUMN)
        self.results.activated.connect(self._open)
        self.results.doubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.notice)
        layout.addWidget(self.results, 1)
        self.resize(900, 560)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._ask)
        self.query.textChanged.connect(lambda _text: self._pause.start())
        self.query.returnPressed.connect(self._open_first)
        self._coming: ShownResults | None = None
        """Results whose first screenful is being drawn, to be shown when it is."""
        self._coming_rows: list[QStandardItem] | None = None
        """The model's rows of :attr:`_coming`, once made."""
        self._to_shape: Iterator[Callable[[], bool]] = iter(())
        self._shaper = QTimer(self, singleShot=True, interval=0)
        self._shaper.timeout.connect(self._shape_some)
        searcher.found.connect(self._found)

    def start(self, text: str = "") -> None:
        """Show the search with ``text`` (or the last query) selected, ready to type."""
        if text:
            self.query.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()

    def _ask(self) -> None:
        text = self.query.text()
        if not text.strip():
            self._coming = None  # an answer still being drawn is overtaken
            self.model.set_hits([])
            self.notice.clear()
            return
        self.searcher.search(text)

    def _found(self, _number: int, shown: ShownResults) -> None:
        """The search thread's newest answer: shown once its first screenful is drawn (at
        once while the dialog is hidden); an answer still being drawn is overtaken."""
        if not self.isVisible():
            self._coming = None
            self._show(shown, self.model.items(shown.groups))
            return
        self._coming = shown
        self._coming_rows = None
        self._to_shape = chain(self._first_screenful(shown.groups),
                               (lambda: self._make_rows(shown),))
        self._shaper.start()

    def _make_rows(self, shown: ShownResults) -> bool:
        """Make the model's rows of ``shown`` (about 1 ms for 80 hits), a step of its own."""
        self._coming_rows = self.model.items(shown.groups)
        return True

    def _first_screenful(self, groups: tuple[ResultGroup, ...]) -> Iterator[Callable[[], bool]]:
        """For each cell of the rows shown first (from the top, all groups expanded), a step
        that draws it ahead (:meth:`TextCells.draw_ahead`) at the size of its cell and on its
        row's background; each step says whether it had work to do. The text found is
        indented twice (a group's child, the root decorated), the meeting is not."""
        view = self.results
        row_height = self._row_height()
        rows = view.viewport().height() // row_height + 1
        header = view.header()
        text_width = header.sectionSize(0) - 2 * view.indentation()
        where_width = header.sectionSize(1)
        cells = self._cells
        row = 0  # from the top: a group's row, painted by Qt, counts for the alternate rows
        for group in groups:
            row += 1
            for line in group.lines:
                if row >= rows:
                    return
                alternate = row % 2 == 1
                for text, width in ((line.text, text_width), (line.where, where_width)):
                    size = QSize(width, row_height)
                    yield lambda t=text, s=size, a=alternate: cells.draw_ahead(t, s, alternate=a)
                row += 1

    def _row_height(self) -> int:
        """The height of every result row (a tree of rows of one height takes its first
        row's): the first row's when results are shown, else what the view will make it, the
        tallest cell of a group's row as its delegate measures it."""
        shown = self.results.visualRect(self.model.index(0, 0)).height()
        if shown:
            return shown
        sample = SearchResultsModel()
        sample.show_items(sample.items((ResultGroup(tr("Notes"), []),)))
        option = QStyleOptionViewItem()
        self.results.initViewItemOption(option)
        return max(self._cells.sizeHint(option, sample.index(0, column)).height()
                   for column in range(sample.columnCount()))

    def _shape_some(self) -> None:
        """Draw (or shape) the coming cells for a slice of time; once all are, show the
        results at the next pass of the event loop, never after a slice of drawing: showing
        (the reset, the tree's layout and its paint, which follows at once) is the longest
        piece of work of an answer, and the two together would hold the loop twice as
        long."""
        if self._coming is None:
            return
        deadline = time.perf_counter() + SHAPING_SLICE_S
        worked = False
        for step in self._to_shape:
            worked = step() or worked
            if time.perf_counter() > deadline:
                self._shaper.start()  # the rest after the event loop has run
                return
        if worked:
            self._shaper.start()  # shown alone, at the next pass
            return
        shown, self._coming = self._coming, None
        assert self._coming_rows is not None  # the last step made them
        self._show(shown, self._coming_rows)

    def _show(self, shown: ShownResults, rows: list[QStandardItem]) -> None:
        """Show ``shown``, whose rows :meth:`SearchResultsModel.items` made."""
        self.model.show_items(rows)
        self.results.expandAll()
        for group in range(self.model.rowCount()):  # a group's title alone on its row: one
            self.results.setFirstColumnSpanned(group, QModelIndex(), True)  # cell for Qt
        self.results.scrollToTop()  # the best first, where the cells were drawn ahead
        results = shown.results
        if not results:
            self.notice.setText(tr("Nothing found."))
        elif results.windowed:
            self.notice.setText(tr("Best results among the %1 newest notes.").replace(
                "%1", locale().toString(NOTE_WINDOW)))
        else:
            self.notice.clear()

    def _open_first(self) -> None:
        group = self.model.index(0, 0)
        if group.isValid() and self.model.rowCount(group):
            self._open(self.model.index(0, 0, group))

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.chosen.emit(hit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.query.hasFocus():
            self.results.setFocus()
            group = self.model.index(0, 0)
            if group.isValid():
                self.results.setCurrentIndex(self.model.index(0, 0, group))
            return
        super().keyPressEvent(event)
