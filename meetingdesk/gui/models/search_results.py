"""The results of a desk-wide search, grouped by kind (notes, people, sites, agenda items,
documents), each group in the order of relevance.

The lines shown are made by :func:`shown_groups`, plain Python that the search thread runs.
The model is Qt's own tree of items (:class:`QStandardItemModel`), so that laying the tree
out and painting it asks C++, not Python, about every row (about 600 calls from the view to a
Python model per answer: 2 ms of the GUI thread's stall, half of it). The items of an
answer are made by :meth:`SearchResultsModel.items` — in the GUI thread, before the answer
is shown — and swapped in by :meth:`SearchResultsModel.show_items`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from meetingdesk.domain.records import SearchHit
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.formats import day
from meetingdesk.gui.models.table import PlainCell
from meetingdesk.services.search import SearchResults

HIT_ROLE = Qt.ItemDataRole.UserRole
"""The :class:`SearchHit` of a result row (``None`` on a group's row)."""

GROUPS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("note", lambda: tr("Notes")),
    ("agenda", lambda: tr("Agenda items")),
    ("person", lambda: tr("People")),
    ("site", lambda: tr("Sites")),
    ("document", lambda: tr("Documents")),
)

Index = QModelIndex | QPersistentModelIndex

SHOWN_CHARACTERS = 160
"""A hit's text and its meeting are shown on one line cut after this many characters (more
than the columns show; the whole text is the tooltip): a cell is shaped whole at every paint
to be elided, and shaping Vietnamese text is most of the cost of painting the results."""


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SHOWN_CHARACTERS else line[:SHOWN_CHARACTERS] + "…"


@dataclass(frozen=True, slots=True)
class ResultLine:
    """A hit as shown: the text found on one line, and where it is."""

    hit: SearchHit
    text: str
    where: str


@dataclass(frozen=True, slots=True)
class ResultGroup:
    title: str
    lines: list[ResultLine]


@dataclass(frozen=True, slots=True)
class ShownResults:
    """A search's results and their lines as shown (:func:`shown_groups`), both made in the
    search thread."""

    results: SearchResults
    groups: tuple[ResultGroup, ...]


_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_HIT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
"""Made once: combining flags goes through Python's enum machinery (tens of microseconds)."""


def shown_groups(hits: Sequence[SearchHit]) -> tuple[ResultGroup, ...]:
    """``hits`` as shown, grouped by kind (a kind without hits has no group); plain Python
    and :func:`~meetingdesk.gui.i18n.tr` (thread-safe), for the search thread to run."""
    groups = []
    for kind, title in GROUPS:
        lines = [ResultLine(h, _one_line(h.text),
                            _one_line(f"{day(h.meeting_date)} — {h.meeting_title}")
                            if h.meeting_title
                            else tr("(directory)"))
                 for h in hits if h.kind == kind]
        if lines:
            groups.append(ResultGroup(f"{title()} ({len(lines)})", lines))
    return tuple(groups)


class SearchResultsModel(QStandardItemModel):
    """Two columns: the text found, and its meeting (title and date). The top rows are the
    groups ("Notes (12)", in bold); their children are the hits, with the :class:`SearchHit`
    as :data:`HIT_ROLE` and the whole text as the tooltip of the text found."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([tr("Found"), tr("Meeting")])
        self._bold = QFont()
        self._bold.setBold(True)

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Show ``hits`` grouped by kind (a kind without hits has no group)."""
        self.show_items(self.items(shown_groups(hits)))

    def items(self, groups: Sequence[ResultGroup]) -> list[QStandardItem]:
        """The rows of ``groups``' items, for :meth:`show_items`: a group's row, its hits'
        rows under it."""
        rows = []
        for group in groups:
            row = QStandardItem(group.title)
            row.setFlags(_GROUP_FLAGS)
            row.setFont(self._bold)
            for line in group.lines:
                found = QStandardItem(line.text)
                found.setFlags(_HIT_FLAGS)
                found.setData(line.hit, HIT_ROLE)
                found.setToolTip(line.hit.text)
                where = QStandardItem(line.where)
                where.setFlags(_HIT_FLAGS)
                where.setData(line.hit, HIT_ROLE)
                row.appendRow([found, where])
            rows.append(row)
        return rows

    def show_items(self, rows: list[QStandardItem]) -> None:
        """Show the rows :meth:`items` made in place of those shown."""
        self.setRowCount(0)
        if rows:
            self.invisibleRootItem().appendRows(rows)

    def plain_cell(self, index: Index) -> PlainCell | None:
        """A hit's text or meeting (:data:`PlainCell`); a group's row is Qt's to paint (in
        bold)."""
        if not index.parent().isValid():
            return None
        return index.data(), None, False
