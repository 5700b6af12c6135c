"""The base of every data table: a QAbstractTableModel over plain Python rows.

Columns are declared with their title and how to show and sort a row. Sorting happens in a
proxy on :data:`SORT_ROLE`, which gives each row's rank in the column's order (computed once in
Python with the right collation, then compared by Qt as integers). Filtering happens in proxies
on :data:`FILTER_ROLE` (the row's folded text) and :data:`KEY_ROLE`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from meetingdesk.domain.text import fold, vietnamese_key

R = TypeVar("R")

ROW_ROLE = Qt.ItemDataRole.UserRole
"""The row object itself."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
"""The folded text of the whole row (diacritic-insensitive search)."""
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
"""A row's category for an exact filter (a status, a site...)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 4

PlainCell = tuple[Any, QColor | None, bool]
"""What a plain text cell shows, for :class:`meetingdesk.gui.cells.TextCells`: its value
(what :data:`DisplayRole` gives), its text colour (``None``: the palette's) and whether it is
right-aligned."""

Index = QModelIndex | QPersistentModelIndex

_UNSERVED_ROLES = frozenset({Qt.ItemDataRole.FontRole, Qt.ItemDataRole.CheckStateRole,
                             Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.BackgroundRole})
"""Roles a delegate asks of every cell it paints and this model never gives."""


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    title: Callable[[], str]
    """The header, translated when asked."""
    display: Callable[[R], Any]
    sort_key: Callable[[R], Any] | None = None
    """Key of Python's sort for this column; the display text when not given."""
    align_right: bool = False
    tooltip: bool = False
    """Show the full text as a tooltip (long titles)."""


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one record type shown through declared columns."""

    def __init__(self, columns: Sequence[Column[R]], *,
                 row_id: Callable[[R], int | None] = lambda r: getattr(r, "id", None),
                 row_text: Callable[[R], str] | None = None,
                 row_key: Callable[[R], str] | None = None,
                 row_color: Callable[[R], QColor | None] | None = None,
                 row_tooltip: Callable[[R], str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = []
        self._row_id = row_id
        self._row_text = row_text
        self._row_key = row_key
        self._row_color = row_color
        self._row_tooltip = row_tooltip
        self._ranks: dict[int, list[int]] = {}
        self._folded: list[str] | None = None
        """The folded texts of the first rows (all of them once a filter has needed them);
        ``None``: none yet."""

    # --- content -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R], columns: Sequence[Column[R]] | None = None) -> None:
        """Show ``rows`` (and, when given, ``columns`` in place of the current ones)."""
        self.beginResetModel()
        if columns is not None:
            self.columns = list(columns)
        self._rows = list(rows)
        self._ranks.clear()
        self._folded = None
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def replace_row(self, index: int, row: R) -> None:
        """Show ``row`` in place of row ``index`` (one ``dataChanged``, no reset): the sort
        ranks of the columns whose order it changes are computed again when next asked."""
        old = self._rows[index]
        self._rows[index] = row
        for column in list(self._ranks):
            key = self._sort_key(column)
            if key(old) != key(row):
                del self._ranks[column]
        if self._folded is not None and index < len(self._folded):
            self._folded[index] = fold(self._text_of(row))
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(self.columns) - 1))

    def insert_row(self, index: int, row: R) -> None:
        """Add ``row`` at ``index`` (rows after it move down)."""
        self.beginInsertRows(QModelIndex(), index, index)
        folded = self._folded
        folded_all = folded is not None and len(folded) == len(self._rows)
        self._rows.insert(index, row)
        self._ranks.clear()
        if folded is not None and (index < len(folded) or folded_all):
            folded.insert(index, fold(self._text_of(row)))
        self.endInsertRows()

    def remove_row(self, index: int) -> None:
        """Take row ``index`` away (rows after it move up)."""
        self.beginRemoveRows(QModelIndex(), index, index)
        del self._rows[index]
        self._ranks.clear()
        if self._folded is not None and index < len(self._folded):
            del self._folded[index]
        self.endRemoveRows()

    def row(self, index: int) -> R:
        return self._rows[index]

    def folded_text(self, index: int) -> str:
        """Row ``index``'s folded text (what :data:`FILTER_ROLE` gives), without ``data()``."""
        return self._folded_text()[index]

    def id_at(self, index: int) -> int | None:
        return self._row_id(self._rows[index])

    def row_of_id(self, record_id: int | None) -> int:
        """The row number of the record with ``record_id``, or -1."""
        for i, r in enumerate(self._rows):
            if self._row_id(r) == record_id:
                return i
        return -1

    def cell(self, row: int, column: int) -> tuple[Any, QColor | None]:
        """What cell (``row``, ``column``) shows, without ``data()``: its value (what
        :data:`DisplayRole` gives) and its text colour (``None``: the palette's). A model
        that shows more than these in its ``data()`` gives its own ``cell()``, or Qt's
        delegate paints it (:mod:`meetingdesk.gui.cells`)."""
        r = self._rows[row]
        value = self.columns[column].display(r)
        return ("" if value is None else value), (self._row_color(r) if self._row_color
                                                  else None)

    def plain_cell(self, index: Index) -> PlainCell | None:
        """What the cell at ``index`` shows (:data:`PlainCell`)."""
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._rows):
            return None
        value, color = self.cell(row, column)
        return value, color, self.columns[column].align_right

    # --- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title()
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].align_right:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in _UNSERVED_ROLES:  # asked for every painted cell: answered first
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.display(row)
            return "" if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole and (column.tooltip or self._row_tooltip):
            if self._row_tooltip:
                return self._row_tooltip(row)
            value = column.display(row)
            return None if value in (None, "") else str(value)
        if role == SORT_ROLE:
            return self._rank(index.column())[index.row()]
        if role == FILTER_ROLE:
            return self._folded_text()[index.row()]
        if role == KEY_ROLE:
            return self._row_key(row) if self._row_key else ""
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return self._row_id(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and self._row_color:
            return self._row_color(row)
        return None

    # --- helpers of the roles ------------------------------------------------------------

    def _sort_key(self, column: int) -> Callable[[R], Any]:
        col = self.columns[column]
        return col.sort_key or (lambda r, c=col: _text_key(c.display(r)))

    def _text_of(self, row: R) -> str:
        if self._row_text is not None:
            return self._row_text(row)
        return " ".join(str(c.display(row) or "") for c in self.columns)

    def _rank(self, column: int) -> list[int]:
        ranks = self._ranks.get(column)
        if ranks is None:
            key = self._sort_key(column)
            order = sorted(range(len(self._rows)), key=lambda i: key(self._rows[i]))
            ranks = [0] * len(self._rows)
            for rank, i in enumerate(order):
                ranks[i] = rank
            self._ranks[column] = ranks
        return ranks

    def fold_rows_ahead(self, count: int) -> bool:
        """Fold the texts of up to ``count`` more rows for the filter (3,000 delegates take
        about 40 ms: done in slices while idle, the first letter typed does not pay them);
        True while some are left."""
        folded = self._folded = self._folded or []
        done = len(folded)
        folded += [fold(self._text_of(r)) for r in self._rows[done:done + count]]
        return len(folded) < len(self._rows)

    def _folded_text(self) -> list[str]:
        self.fold_rows_ahead(len(self._rows))
        assert self._folded is not None
        return self._folded


def _text_key(value: Any) -> Any:
    if value is None:
        return (0, "")
    if isinstance(value, int | float):
        return (1, value)
    return (2, vietnamese_key(str(value)))


class FoldFilterProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE` and keeps the rows whose folded text holds every word typed
    (diacritic-insensitive: "giao ban" finds "Giao ban", "bac kan" finds "Bắc Kạn")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(0)
        self.setDynamicSortFilter(True)

    def set_query(self, text: str) -> None:
        words = fold(text).split()
        pattern = "".join(f"(?=.*{QRegularExpression.escape(w)})" for w in words)
        self.setFilterRegularExpression(QRegularExpression(pattern))


class KeyFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose :data:`KEY_ROLE` equals the chosen key (all when empty)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(KEY_ROLE)
        self.setFilterKeyColumn(0)

    def set_key(self, key: str) -> None:
        pattern = f"^{QRegularExpression.escape(key)}$" if key else ""
        self.setFilterRegularExpression(QRegularExpression(pattern))


def chained(model: RowTableModel[Any], parent: QObject) -> tuple[KeyFilterProxy,
                                                                 FoldFilterProxy]:
    """model → key filter → text filter and sort, the usual chain of a data table."""
    keys = KeyFilterProxy(parent)
    keys.setSourceModel(model)
    text = FoldFilterProxy(parent)
    text.setSourceModel(keys)
    return keys, text
