"""The results of a desk-wide search, grouped by kind (notes, people, sites, agenda items,
documents), each group in the order of relevance.

A tree of two levels held as plain Python lists and shown by one reset: building it item by
item (a ``QStandardItem`` per cell, each insertion announced to the view) cost more than a
frame at every key typed. The lines shown are made by :func:`shown_groups`, plain Python that
the search thread runs, so the GUI thread only swaps them in
(:meth:`SearchResultsModel.show_groups`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

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
"""Made once: combining flags goes through Python's enum machinery (tens of microseconds),
and the view asks a row's flags at every paint."""


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


class SearchResultsModel(QAbstractItemModel):
    """Two columns: the text found, and its meeting (title and date). The top rows are the
    groups ("Notes (12)"); their children are the hits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[ResultGroup] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Show ``hits`` grouped by kind (a kind without hits has no group)."""
        self.show_groups(shown_groups(hits))

    def show_groups(self, groups: Sequence[ResultGroup]) -> None:
        """Show the groups :func:`shown_groups` made (one reset)."""
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    # --- Qt model interface --------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # bounds checked here, not with hasIndex(): a view asks for indexes many times per
        # row it paints, and hasIndex() would call rowCount() and columnCount() back in Python
        if not 0 <= column < 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        group = parent.row()
        if parent.internalId() != 0 or parent.column() != 0 or \
                row >= len(self._groups[group].lines):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)  # the group's number, + 1

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].lines)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Found"), tr("Meeting"))[section] if 0 <= section < 2 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _HIT_FLAGS if index.internalId() else _GROUP_FLAGS

    def plain_cell(self, index: Index) -> PlainCell | None:
        """A hit's text or meeting (:data:`PlainCell`); a group's row is Qt's to paint (in
        bold)."""
        group = index.internalId()
        if not index.isValid() or group == 0:
            return None
        line = self._groups[group - 1].lines[index.row()]
        return (line.text if index.column() == 0 else line.where), None, False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = index.internalId()
        if group == 0:
            if index.column() == 0:
                if role == Qt.ItemDataRole.DisplayRole:
                    return self._groups[index.row()].title
                if role == Qt.ItemDataRole.FontRole:
                    return self._bold
            elif role == Qt.ItemDataRole.DisplayRole:
                return ""
            return None
        line = self._groups[group - 1].lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return line.text if index.column() == 0 else line.where
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return line.hit.text
        if role == HIT_ROLE:
            return line.hit
        return None
