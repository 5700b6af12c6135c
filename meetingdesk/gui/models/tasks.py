"""The task register's models: every task across meetings, its filter, its progress entries.

Filtering and sorting stay within one frame on thousands of tasks, with no proxy: a proxy
asks Python once per row at every filter change (thousands of calls from C++), while the model
itself shows the filtered rows — the filter is a few scans of facts computed off the GUI thread
(:class:`RegisterFacts`), and sorting is one Python sort of the model's own rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
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
    """Tasks across meetings, with their state on :attr:`as_of` (today unless told): all the
    loaded tasks in the chosen order, of which it shows those the filter accepts."""

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
        self._given: list[TaskLine] = []
        self._all: list[TaskLine] = []
        self._accepted: set[int | None] | None = None
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[TaskLine],
                 columns: Sequence[Column[TaskLine]] | None = None) -> None:
        """Hold these tasks (in the chosen order) and show those the filter accepts."""
        self._given = list(rows)
        self._all = self._sorted(self._given)
        super().set_rows(self._shown(), columns)

    def set_lines(self, rows: Sequence[TaskLine], accepted: set[int | None] | None) -> None:
        """Hold these tasks and show those with the ``accepted`` ids (all when ``None``)."""
        self._accepted = accepted
        self.set_rows(rows)

    def show_only(self, accepted: set[int | None] | None) -> None:
        """Show the held tasks with these ids (all when ``None``)."""
        self._accepted = accepted
        super().set_rows(self._shown())

    def all_rows(self) -> list[TaskLine]:
        """Every held task, shown or not."""
        return list(self._all)

    def total(self) -> int:
        return len(self._all)

    def _shown(self) -> list[TaskLine]:
        accepted = self._accepted
        return list(self._all) if accepted is None else [r for r in self._all if r.id in accepted]

    def _sorted(self, rows: Sequence[TaskLine]) -> list[TaskLine]:
        if self._order is None:  # as given (the register's order)
            return list(rows)
        column, order = self._order
        col = self.columns[column]
        key = col.sort_key or (lambda r: str(col.display(r)))
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def _color(self, line: TaskLine) -> QColor | None:
        state = line.state(self.as_of)
        if state is TaskState.OVERDUE:
            return OVERDUE_COLOR
        if state in (TaskState.DONE, TaskState.CANCELLED):
            return DONE_COLOR
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the tasks themselves (one Python sort on the column's key; column -1: as
        given); the shown ones stay the same, so the chosen task stays chosen."""
        if column >= len(self.columns):
            return
        self._order = (column, order) if column >= 0 else None
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        self._all = self._sorted(self._given)
        self._rows = self._shown()
        self._ranks.clear()
        self._folded = None
        new_row = {id(r): i for i, r in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[id(old[i.row()])], i.column()) for i in persistent])
        self.layoutChanged.emit()


class RegisterFacts:
    """What the filters test, one entry per task in the order of ``lines``: computed once per
    load (and per day of reference) — with the load, off the GUI thread (:meth:`complete`) —
    so a filter change is a few list scans. After an edit, :meth:`updated` computes only the
    facts of the tasks it changed."""

    def __init__(self, lines: Sequence[TaskLine], as_of: date) -> None:
        self.lines = lines
        self.as_of = as_of
        self._states: list[TaskState] | None = None
        self._quarters: list[str | None] | None = None
        self._texts: list[str] | None = None

    @staticmethod
    def _state(line: TaskLine, as_of: date) -> TaskState:
        return line.state(as_of)

    @staticmethod
    def _quarter(line: TaskLine) -> str | None:
        return q.key if (q := line.quarter) else None

    @staticmethod
    def _text(line: TaskLine) -> str:
        return fold(f"{line.task.description} {line.owner} {line.meeting_title}")

    def states(self) -> list[TaskState]:
        if self._states is None:
            self._states = [self._state(ln, self.as_of) for ln in self.lines]
        return self._states

    def quarters(self) -> list[str | None]:
        if self._quarters is None:
            self._quarters = [self._quarter(ln) for ln in self.lines]
        return self._quarters

    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = [self._text(ln) for ln in self.lines]
        return self._texts

    def complete(self) -> RegisterFacts:
        """Compute every fact now (in the worker that read the tasks)."""
        self.states()
        self.quarters()
        self.texts()
        return self

    def updated(self, lines: Sequence[TaskLine]) -> RegisterFacts:
        """The facts of ``lines``, taken from these for the line objects they share (the
        tasks an edit did not change) and computed for the others."""
        fresh = RegisterFacts(lines, self.as_of)
        where = {id(ln): i for i, ln in enumerate(self.lines)}
        at = [where.get(id(ln)) for ln in lines]

        def reuse(old: list[Any] | None, compute: Callable[[TaskLine], Any]) -> list[Any] | None:
            if old is None:
                return None
            return [old[i] if i is not None else compute(ln)
                    for i, ln in zip(at, lines, strict=True)]

        fresh._states = reuse(self._states, lambda ln: self._state(ln, self.as_of))
        fresh._quarters = reuse(self._quarters, self._quarter)
        fresh._texts = reuse(self._texts, self._text)
        return fresh


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
