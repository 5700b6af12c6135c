"""The task register's models: every task across meetings, its filter, its progress entries.

Opening and filtering stay within one frame on thousands of tasks, with no proxy and little
Python on the GUI thread. Everything a row shows or is filtered on is computed once per load,
with the load, off the GUI thread (:class:`RegisterFacts`): each task's cells as text, its
colour, its folded text, and for each filter the set of tasks having each value. A filter
change is then a few set intersections (and a scan of the folded texts, narrowed from the
previous search while letters are typed), and painting a cell is one lookup in a tuple.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from meetingdesk.domain.tasks import TaskLine, TaskProgress, TaskState
from meetingdesk.domain.text import fold, vietnamese_key
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.formats import day
from meetingdesk.gui.models.table import Column, RowTableModel

OVERDUE_COLOR = QColor("#b3261e")
DONE_COLOR = QColor("#5f6b5f")
UNFINISHED = "unfinished"
"""The state filter's value for every task still to be done."""
UNFINISHED_STATES = frozenset({TaskState.ASSIGNED, TaskState.IN_PROGRESS, TaskState.OVERDUE})

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ASKED_BY_PAINT = frozenset({Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                             Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole,
                             Qt.ItemDataRole.BackgroundRole})
"""The other roles a delegate asks of every cell it paints, none of which the register gives
(no column is right-aligned)."""


def state_label(state: TaskState) -> str:
    return {
        TaskState.ASSIGNED: tr("Assigned"),
        TaskState.IN_PROGRESS: tr("Being carried out"),
        TaskState.OVERDUE: tr("Overdue"),
        TaskState.DONE: tr("Done"),
        TaskState.CANCELLED: tr("Cancelled"),
    }[state]


def state_color(state: TaskState) -> QColor | None:
    """The text colour of a task in ``state``: red when overdue, grey when finished."""
    if state is TaskState.OVERDUE:
        return OVERDUE_COLOR
    if state in (TaskState.DONE, TaskState.CANCELLED):
        return DONE_COLOR
    return None


def _due_key(line: TaskLine) -> tuple[Any, ...]:
    return (line.task.due_on is None, line.task.due_on or date.min, line.id or 0)


def register_columns(as_of: date) -> list[Column[TaskLine]]:
    """The register's columns, the states taken on ``as_of`` (plain Python and ``tr``, so
    the worker that reads the tasks computes the cells with them)."""
    labels = {state: state_label(state) for state in TaskState}
    conflicted = {state: tr("%1 · in conflict").replace("%1", label)
                  for state, label in labels.items()}
    states = list(TaskState)
    return [
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
        Column(lambda: tr("Status"),
               lambda r: (conflicted if r.in_conflict else labels)[r.state(as_of)],
               sort_key=lambda r: (states.index(r.state(as_of)), _due_key(r))),
        Column(lambda: tr("Last report"), lambda r: day(r.last_reported_on),
               sort_key=lambda r: (r.last_reported_on or date.min, r.id or 0)),
    ]


FILTERS = ("by_state", "by_site", "by_meeting", "by_quarter", "by_owner")
"""The facts' value sets, one per filter: each value → the tasks having it."""
Positions = frozenset[int]
"""Tasks named by their place in :attr:`RegisterFacts.lines`."""


def _positions_by(values: Iterable[Hashable]) -> dict[Any, Positions]:
    found: dict[Any, list[int]] = {}
    for i, value in enumerate(values):
        found.setdefault(value, []).append(i)
    return {value: frozenset(where) for value, where in found.items()}


def _narrows(before: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether every task matching ``words`` also matched ``before``: each word searched
    before is within a word searched now ("ket l" → "ket lu")."""
    return bool(before) and all(any(old in new for new in words) for old in before)


class RegisterFacts:
    """What the register shows and filters on, one entry per task in the order of ``lines``,
    computed with the load off the GUI thread: the cells, colours, states, folded texts and,
    for each filter, the tasks having each value. After an edit, :meth:`updated` computes
    only the entries of the tasks it changed."""

    by_state: dict[Any, Positions]
    by_site: dict[Any, Positions]
    by_meeting: dict[Any, Positions]
    by_quarter: dict[Any, Positions]
    by_owner: dict[Any, Positions]

    def __init__(self, lines: Sequence[TaskLine], as_of: date, *,
                 sorted_by: tuple[int, bool] | None = None) -> None:
        self.lines = list(lines)
        self.as_of = as_of
        self.columns = register_columns(as_of)
        self.states = [line.state(as_of) for line in self.lines]
        self.cells = [self._cells(line) for line in self.lines]
        self.texts = [self._text(line) for line in self.lines]
        self._build()
        self._sort_keys: dict[int, list[Any]] = {}
        self._orders: dict[tuple[int, bool], list[int]] = {}
        self._searched: tuple[tuple[str, ...], list[int]] = ((), [])
        if sorted_by is not None:  # the worker sorts as the register is sorted
            self.order(*sorted_by)

    def _cells(self, line: TaskLine) -> tuple[str, ...]:
        return tuple(str(column.display(line) or "") for column in self.columns)

    @staticmethod
    def _text(line: TaskLine) -> str:
        return fold(f"{line.task.description} {line.owner} {line.meeting_title}")

    @staticmethod
    def _filter_values(line: TaskLine, state: TaskState) -> tuple[Any, ...]:
        """What each filter of :data:`FILTERS` tests, for one task."""
        quarter = line.quarter
        return (state, line.site_id, line.task.meeting_id, quarter.key if quarter else None,
                line.owner)

    def _build(self) -> None:
        """What follows from the entries: colours, positions by id and by filter value."""
        self.colors = [state_color(state) for state in self.states]
        self.ids = [line.id for line in self.lines]
        self.position_of = {task_id: i for i, task_id in enumerate(self.ids)}
        values = list(zip(*map(self._filter_values, self.lines, self.states), strict=True))
        for name, column in zip(FILTERS, values or [()] * len(FILTERS), strict=True):
            setattr(self, name, _positions_by(column))
        self._unfinished()

    def _unfinished(self) -> None:
        self.by_state[UNFINISHED] = frozenset().union(
            *(self.by_state.get(s, frozenset()) for s in UNFINISHED_STATES))

    def sort_keys(self, column: int) -> list[Any]:
        """Each task's key in the order of ``column`` (computed once, in the worker when the
        register was sorted by it as it read)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = list(map(self._sort_key(column), self.lines))
        return keys

    def order(self, column: int, descending: bool = False,
              hint: Sequence[int] | None = None) -> list[int]:
        """The places of the tasks in the order of ``column`` (ties in the register's order),
        computed once. ``hint``, an order close to it (the one before an edit), makes the
        sort a pass over the tasks."""
        found = self._orders.get((column, descending))
        if found is None:
            keys = self.sort_keys(column)
            sign = -1 if descending else 1
            start = hint if hint is not None and len(hint) == len(keys) else range(len(keys))
            found = self._orders[(column, descending)] = sorted(
                start, key=lambda p: (keys[p], sign * p), reverse=descending)
        return found

    def _sort_key(self, column: int) -> Callable[[TaskLine], Any]:
        col = self.columns[column]
        return col.sort_key or (lambda line: vietnamese_key(str(col.display(line))))

    def searched(self, words: tuple[str, ...]) -> Positions:
        """The tasks whose folded text holds every word; while a search is typed, only the
        tasks that matched the previous one are looked at again."""
        before, found = self._searched
        candidates: Iterable[int] = found if _narrows(before, words) else range(len(self.texts))
        texts = self.texts
        for word in words:
            candidates = [i for i in candidates if word in texts[i]]
        self._searched = (words, list(candidates))
        return frozenset(candidates)

    def updated(self, lines: Sequence[TaskLine]) -> RegisterFacts:
        """The facts of ``lines``, taken from these for the line objects they share (the
        tasks an edit did not change) and computed for the others. When the same tasks stay
        in the same places (an edit of what they say), only the changed places are computed
        and moved between the filters' value sets."""
        lines = list(lines)
        if len(lines) == len(self.lines) and [line.id for line in lines] == self.ids:
            return self._replaced(lines, [i for i, (old, new) in enumerate(
                zip(self.lines, lines, strict=True)) if old is not new])
        fresh = RegisterFacts.__new__(RegisterFacts)
        fresh.lines = lines
        fresh.as_of, fresh.columns = self.as_of, self.columns
        where = {id(line): i for i, line in enumerate(self.lines)}
        at = [where.get(id(line)) for line in fresh.lines]

        def reuse(old: list[Any], compute: Callable[[TaskLine], Any]) -> list[Any]:
            return [old[i] if i is not None else compute(line)
                    for i, line in zip(at, fresh.lines, strict=True)]

        fresh.states = reuse(self.states, lambda line: line.state(self.as_of))
        fresh.cells = reuse(self.cells, self._cells)
        fresh.texts = reuse(self.texts, self._text)
        fresh._build()
        fresh._sort_keys = {column: reuse(keys, self._sort_key(column))
                            for column, keys in self._sort_keys.items()}
        fresh._orders = {}
        fresh._searched = ((), [])
        return fresh

    def _replaced(self, lines: list[TaskLine], changed: list[int]) -> RegisterFacts:
        """These facts with the tasks at the ``changed`` places replaced by ``lines``'."""
        fresh = RegisterFacts.__new__(RegisterFacts)
        fresh.__dict__.update(self.__dict__)
        fresh.lines = lines
        fresh.states, fresh.cells = list(self.states), list(self.cells)
        fresh.texts, fresh.colors = list(self.texts), list(self.colors)
        found = {name: dict(getattr(self, name)) for name in FILTERS}
        fresh._sort_keys = {column: list(keys) for column, keys in self._sort_keys.items()}
        fresh._orders = {}
        for i in changed:
            line, state = lines[i], lines[i].state(self.as_of)
            before = self._filter_values(self.lines[i], self.states[i])
            for name, old, new in zip(FILTERS, before, self._filter_values(line, state),
                                      strict=True):
                if old != new:
                    found[name][old] = found[name][old] - {i}
                    found[name][new] = found[name].get(new, frozenset()) | {i}
            fresh.states[i], fresh.colors[i] = state, state_color(state)
            fresh.cells[i], fresh.texts[i] = self._cells(line), self._text(line)
            for column, keys in fresh._sort_keys.items():
                keys[i] = self._sort_key(column)(line)
        for name, values in found.items():
            setattr(fresh, name, values)
        fresh._unfinished()
        fresh._searched = ((), [])
        return fresh


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

    def matching(self, facts: RegisterFacts) -> Positions | None:
        """The positions (in ``facts.lines``) of the tasks shown, or ``None`` for all."""
        chosen = [found.get(value, frozenset()) for value, found in (
            (self.state, facts.by_state), (self.site_id, facts.by_site),
            (self.meeting_id, facts.by_meeting), (self.quarter, facts.by_quarter),
            (self.owner, facts.by_owner)) if value is not None]
        words = tuple(fold(self.text).split())
        if words:
            chosen.append(facts.searched(words))
        if not chosen:
            return None
        chosen.sort(key=len)
        return chosen[0].intersection(*chosen[1:])


class TaskRegisterModel(RowTableModel[TaskLine]):
    """Tasks across meetings, with their state on :attr:`as_of` (today unless told): all the
    loaded tasks in the chosen order, of which it shows those the filter accepts. Its cells
    come ready from :class:`RegisterFacts`: painting one asks Python for a tuple item."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.as_of = date.today()
        super().__init__(register_columns(self.as_of), parent=parent)
        self.facts = RegisterFacts([], self.as_of)
        self._accepted: Positions | None = None
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._order: list[int] = []
        """Every held task's position, in the chosen order."""
        self._shown: list[int] = []
        self.shown_cells: list[tuple[str, ...]] = []
        """The text of each shown row's cells (what :data:`DisplayRole` gives)."""
        self.shown_colors: list[QColor | None] = []
        """Each shown row's text colour, ``None`` for the palette's."""
        self._retired: list[tuple[Any, ...]] = []
        """What was shown before, let go when the event loop is next free."""

    def set_facts(self, facts: RegisterFacts, accepted: Positions | None) -> None:
        """Hold these tasks and show those at the ``accepted`` positions (all when
        ``None``). When the same tasks are shown in the same order (an edit that changed
        what they say), the rows are changed in place: no reset, the choice and the
        scrolling stay."""
        old_ids, old_shown = self.facts.ids, self._shown
        if facts is not self.facts:
            self._retire()
        self.facts, self._accepted = facts, accepted
        self.columns = facts.columns
        self._order = self._ordered(self._order if facts.ids == old_ids else None)
        shown = self._filtered()
        if shown and shown == old_shown and facts.ids == old_ids:  # the same tasks shown
            self._show(shown)
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(shown) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._show(shown)
        self.endResetModel()

    def _retire(self) -> None:
        """Keep what is shown now until the event loop is next free: freeing the objects
        of thousands of tasks takes milliseconds, which are not added to the stall of
        showing their successors."""
        self._retired.append((self.facts, self._rows, self.shown_cells, self.shown_colors))
        if len(self._retired) == 1:
            QTimer.singleShot(0, self._retired.clear)

    def set_rows(self, rows: Sequence[TaskLine],
                 columns: Sequence[Column[TaskLine]] | None = None) -> None:
        """Hold these tasks (facts computed here, on the calling thread) and show them all."""
        self.set_facts(RegisterFacts(rows, self.as_of), None)

    def show_only(self, accepted: Positions | None) -> None:
        """Show the held tasks at these positions (all when ``None``)."""
        self._accepted = accepted
        self.beginResetModel()
        self._show(self._filtered())
        self.endResetModel()

    def all_rows(self) -> list[TaskLine]:
        """Every held task, shown or not."""
        return list(self.facts.lines)

    def total(self) -> int:
        return len(self.facts.lines)

    def row_of_id(self, record_id: int | None) -> int:
        position = self.facts.position_of.get(record_id)
        if position is None:
            return -1
        try:
            return self._shown.index(position)
        except ValueError:
            return -1

    def _ordered(self, hint: list[int] | None = None) -> list[int]:
        """Every held task's place in the chosen order (``hint``: the order before)."""
        sorting = self.sorting()
        if sorting is None:  # as given (the register's order)
            return list(range(len(self.facts.lines)))
        return self.facts.order(*sorting, hint=hint)

    def _filtered(self) -> list[int]:
        accepted = self._accepted
        return list(self._order) if accepted is None else [
            p for p in self._order if p in accepted]

    def _show(self, shown: list[int]) -> None:
        facts = self.facts
        self._shown = shown
        if len(shown) > 1:  # picked in C: a few microseconds for thousands of tasks
            pick = itemgetter(*shown)
            self._rows, self.shown_cells = list(pick(facts.lines)), list(pick(facts.cells))
            self.shown_colors = list(pick(facts.colors))
        else:
            self._rows = [facts.lines[p] for p in shown]
            self.shown_cells = [facts.cells[p] for p in shown]
            self.shown_colors = [facts.colors[p] for p in shown]
        self._ranks.clear()
        self._folded = None

    def sorting(self) -> tuple[int, bool] | None:
        """The column the tasks are sorted by and whether descending (``None``: the
        register's order)."""
        if self._sorted_by is None:
            return None
        column, order = self._sorted_by
        return column, order == Qt.SortOrder.DescendingOrder

    def cell(self, row: int, column: int) -> tuple[Any, QColor | None]:
        return self.shown_cells[row][column], self.shown_colors[row]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY:  # asked for every painted cell: answered first
            row = index.row()
            return self.shown_cells[row][index.column()] if row >= 0 else None
        if role == _FOREGROUND:
            row = index.row()
            return self.shown_colors[row] if row >= 0 else None
        if role in _ASKED_BY_PAINT:
            return None
        return super().data(index, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the tasks themselves (one Python sort on the column's keys; column -1: as
        given); the shown ones stay the same, so the chosen task stays chosen."""
        if column >= len(self.columns):
            return
        self._sorted_by = (column, order) if column >= 0 else None
        self.layoutAboutToBeChanged.emit()
        old = self._shown
        self._order = self._ordered()
        self._show(self._filtered())
        new_row = {p: i for i, p in enumerate(self._shown)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[old[i.row()]], i.column()) for i in persistent])
        self.layoutChanged.emit()


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
