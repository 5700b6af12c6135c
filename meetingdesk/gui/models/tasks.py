"""The task register's models: every task across meetings, its filter, its progress entries.

Filtering and sorting stay within one frame on thousands of tasks: the filter computes the
accepted ids once in Python over the plain rows, so the proxy's per-row test is a set lookup;
sorting reorders the source rows with Python's sort on a precomputed key instead of letting the
proxy compare rows through ``data()`` n·log n times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from meetingdesk.domain.tasks import TaskLine, TaskProgress, TaskState
from meetingdesk.domain.text import fold, vietnamese_key
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.formats import day
from meetingdesk.gui.models.table import Column, RowTableModel

OVERDUE_COLOR = QColor("#b3261e")
DONE_COLOR = QColor("#5f6b5f")


def state_label(state: TaskState) -> str:
    return {
        TaskState.ASSIGNED: tr("Assigned"),
        TaskState.IN_PROGRESS: tr("Being carried out"),
        TaskState.OVERDUE: tr("Overdue"),
        TaskState.DONE: tr("Done"),
        TaskState.CANCELLED: tr("Cancelled"),
    }[state]


def _due_key(line: TaskLine) -> tuple[Any, ...]:
    return (line.task.due_on is None, line.task.due_on or date.min, line.id or 0)


class TaskRegisterModel(RowTableModel[TaskLine]):
    """Tasks across meetings, with their state on :attr:`as_of` (today unless told)."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.as_of = date.today()
        columns: list[Column[TaskLine]] = [
            Column(lambda: tr("Meeting date"), lambda r: day(r.meeting_date),
                   sort_key=lambda r: (r.meeting_date or date.min, r.task.meeting_id,
                                       r.task.position, r.id or 0)),
            Column(lambda: tr("Assigned task"), lambda r: r.task.description, tooltip=True,
                   sort_key=lambda r: vietnamese_key(r.task.description)),
            Column(lambda: tr("Owner"), lambda r: r.owner,
                   sort_key=lambda r: vietnamese_key(r.owner)),
            Column(lambda: tr("Site"), lambda r: r.site_name or "",
                   sort_key=lambda r: vietnamese_key(r.site_name or "")),
            Column(lambda: tr("Due"), lambda r: day(r.task.due_on), sort_key=_due_key),
            Column(lambda: tr("Status"), lambda r: state_label(r.state(self.as_of)),
                   sort_key=lambda r: (list(TaskState).index(r.state(self.as_of)),
                                       _due_key(r))),
            Column(lambda: tr("Last report"), lambda r: day(r.last_reported_on),
                   sort_key=lambda r: (r.last_reported_on or date.min, r.id or 0)),
        ]
        super().__init__(columns, row_color=self._color,
                         row_text=lambda r: f"{r.task.description} {r.owner} {r.meeting_title}",
                         parent=parent)
        self.row_ids: list[int | None] = []
        """The task id of each row, in row order (what the filter proxy tests)."""

    def set_rows(self, rows: Sequence[TaskLine],
                 columns: Sequence[Column[TaskLine]] | None = None) -> None:
        self.row_ids = [r.id for r in rows]
        super().set_rows(rows, columns)

    def _color(self, line: TaskLine) -> QColor | None:
        state = line.state(self.as_of)
        if state is TaskState.OVERDUE:
            return OVERDUE_COLOR
        if state in (TaskState.DONE, TaskState.CANCELLED):
            return DONE_COLOR
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows themselves (one Python sort on the column's key)."""
        if not 0 <= column < len(self.columns):
            return
        col = self.columns[column]
        key = col.sort_key or (lambda r: str(col.display(r)))
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        order_ = sorted(range(len(old)), key=lambda i: key(old[i]),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [old[i] for i in order_]
        self.row_ids = [r.id for r in self._rows]
        self._ranks.clear()
        self._folded = None
        new_row = {old_i: new_i for new_i, old_i in enumerate(order_)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) for i in persistent])
        self.layoutChanged.emit()


class RegisterFacts:
    """What the filters test, one entry per task in the order of ``lines``: computed once per
    load (and per day of reference), lazily, so a filter change is a few list scans."""

    def __init__(self, lines: Sequence[TaskLine], as_of: date) -> None:
        self.lines = lines
        self.as_of = as_of
        self._states: list[TaskState] | None = None
        self._quarters: list[str | None] | None = None
        self._texts: list[str] | None = None

    def states(self) -> list[TaskState]:
        if self._states is None:
            self._states = [ln.state(self.as_of) for ln in self.lines]
        return self._states

    def quarters(self) -> list[str | None]:
        if self._quarters is None:
            self._quarters = [q.key if (q := ln.quarter) else None for ln in self.lines]
        return self._quarters

    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = [fold(f"{ln.task.description} {ln.owner} {ln.meeting_title}")
                           for ln in self.lines]
        return self._texts


UNFINISHED_STATES = frozenset({TaskState.ASSIGNED, TaskState.IN_PROGRESS, TaskState.OVERDUE})


@dataclass(frozen=True, slots=True)
class TaskFilter:
    """What the register shows: each field ``None`` for "any"."""

    state: str | None = None
    """A :class:`TaskState` value, or ``"unfinished"`` for every task still to be done."""
    site_id: int | None = None
    meeting_id: int | None = None
    quarter: str | None = None
    """``2023-Q2``: the quarter the task is due in."""
    owner: str | None = None
    text: str = ""

    def matching(self, facts: RegisterFacts) -> set[int | None] | None:
        """The ids of the tasks shown, or ``None`` when every task is."""
        lines = facts.lines
        keep: Iterable[int] = range(len(lines))
        narrowed = False
        if self.state is not None:
            states = facts.states()
            wanted = UNFINISHED_STATES if self.state == "unfinished" else {self.state}
            keep = [i for i in keep if states[i] in wanted]
            narrowed = True
        for value, get in ((self.site_id, lambda ln: ln.site_id),
                           (self.meeting_id, lambda ln: ln.task.meeting_id),
                           (self.owner, lambda ln: ln.owner)):
            if value is not None:
                keep = [i for i in keep if get(lines[i]) == value]
                narrowed = True
        if self.quarter is not None:
            quarters = facts.quarters()
            keep = [i for i in keep if quarters[i] == self.quarter]
            narrowed = True
        words = fold(self.text).split()
        if words:
            texts = facts.texts()
            keep = [i for i in keep if all(w in texts[i] for w in words)]
            narrowed = True
        return {lines[i].id for i in keep} if narrowed else None


class TaskFilterProxy(QSortFilterProxyModel):
    """Shows the rows a :class:`TaskFilter` accepts; sorting is the source model's."""

    def __init__(self, model: TaskRegisterModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._accepted: set[int | None] | None = None
        self.setSourceModel(model)

    def apply(self, accepted: set[int | None] | None, *, refilter: bool = True) -> None:
        """Show the tasks with these ids (all when ``None``); without ``refilter`` when the
        source model is about to be reset (which filters once)."""
        if refilter:
            self.beginFilterChange()
        self._accepted = accepted
        if refilter:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        accepted = self._accepted
        return accepted is None or self._model.row_ids[source_row] in accepted

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)


class ProgressModel(RowTableModel[TaskProgress]):
    """A task's progress entries, oldest first."""

    def __init__(self, site_names: Callable[[int | None], str],
                 parent: QObject | None = None) -> None:
        columns: list[Column[TaskProgress]] = [
            Column(lambda: tr("Reported on"), lambda r: day(r.reported_on)),
            Column(lambda: tr("Report"), lambda r: r.text, tooltip=True),
            Column(lambda: tr("Source"), lambda r: r.source or site_names(r.site_id)),
        ]
        super().__init__(columns, parent=parent)
