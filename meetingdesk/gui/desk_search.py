"""Search the whole desk as you type (Edit ▸ Search the desk, Ctrl+F): notes, people, sites
with their former names, agenda items and documents through the full-text index, grouped by
kind; Enter or a double click opens the record where it lives."""

from __future__ import annotations

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
from meetingdesk.gui.models.search_results import HIT_ROLE, SearchResultsModel
from meetingdesk.gui.search_thread import SearchThread
from meetingdesk.services.search import NOTE_WINDOW, SearchResults

TYPING_PAUSE_MS = 60
"""A query waits this long for the next key (typing fast asks once, not per letter)."""
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
        self.results.setItemDelegate(TextCells(self.results))
        self.results.setUniformRowHeights(True)
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
            self.model.set_hits([])
            self.notice.clear()
            return
        self.searcher.search(text)

    def _found(self, _number: int, results: SearchResults) -> None:
        self.model.set_hits(results)
        self.results.expandAll()
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
