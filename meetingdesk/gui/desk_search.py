"""Search the whole desk as you type (Edit ▸ Search the desk, Ctrl+F): notes, people, sites
with their former names, agenda items and documents through the full-text index, grouped by
kind; Enter or a double click opens the record where it lives.

The query and the lines shown are made in the search thread. What is left for the GUI thread
at each answer is swapping the lines in and painting them, and painting a screenful of new
texts means shaping them first (HarfBuzz, elision: about 0.2 ms a text, 10–20 ms a screenful):
so the texts of the first screenful are shaped a few at a time between other events, and the
results are shown once they are ready (a few milliseconds later), the paint then only drawing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
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
"""Texts are shaped ahead for at most about this long before the event loop runs again."""
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
        """Results whose first screenful is being shaped, to be shown when it is."""
        self._to_shape: Iterator[tuple[str, int]] = iter(())
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
            self._coming = None  # an answer still being shaped is overtaken
            self.model.set_hits([])
            self.notice.clear()
            return
        self.searcher.search(text)

    def _found(self, _number: int, shown: ShownResults) -> None:
        """The search thread's newest answer: shown once its first screenful is shaped (at
        once while the dialog is hidden); an answer still being shaped is overtaken."""
        if not self.isVisible():
            self._coming = None
            self._show(shown)
            return
        self._coming = shown
        self._to_shape = self._first_screenful(shown.groups)
        self._shaper.start()

    def _first_screenful(self, groups: tuple[ResultGroup, ...]) -> Iterator[tuple[str, int]]:
        """Each text of the rows shown first (from the top, all groups expanded) with the
        width of its cell: the text found is indented twice (a group's child, the root
        decorated), the meeting is not."""
        view = self.results
        row_height = view.visualRect(self.model.index(0, 0)).height() or \
            view.fontMetrics().height()  # no row yet: more rows than fit, never fewer
        rows = view.viewport().height() // row_height + 1
        header = view.header()
        text_width = header.sectionSize(0) - 2 * view.indentation()
        where_width = header.sectionSize(1)
        for group in groups:
            rows -= 1  # the group's own row, painted by Qt
            for line in group.lines:
                if rows <= 0:
                    return
                rows -= 1
                yield line.text, text_width
                yield line.where, where_width

    def _shape_some(self) -> None:
        """Shape the coming texts for a slice of time; show the results when all are."""
        if self._coming is None:
            return
        deadline = time.perf_counter() + SHAPING_SLICE_S
        for text, width in self._to_shape:
            self._cells.shape_ahead(text, width)
            if time.perf_counter() > deadline:
                self._shaper.start()  # the rest after the event loop has run
                return
        shown, self._coming = self._coming, None
        self._show(shown)

    def _show(self, shown: ShownResults) -> None:
        self.model.show_groups(shown.groups)
        self.results.expandAll()
        self.results.scrollToTop()  # the best first, where the texts were shaped ahead
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
