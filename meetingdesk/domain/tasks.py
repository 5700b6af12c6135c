"""Tasks followed across meetings: progress entries, the register's rows, the state a task is
in on a given day (overdue is computed from the due date, never stored) and quarters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from meetingdesk.domain.enums import TaskStatus
from meetingdesk.domain.messages import Message, message
from meetingdesk.domain.records import Task

OPEN_STATUSES = frozenset({TaskStatus.ASSIGNED, TaskStatus.OPEN})
"""Statuses of a task still to be done (and so able to be overdue)."""


class TaskState(StrEnum):
    """What a task is on a given day: its status, or overdue when open past its due date."""

    ASSIGNED = "assigned"
    IN_PROGRESS = "open"
    OVERDUE = "overdue"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def words(self) -> Message:
        """The state in the user's language (``str()``) or a chosen one."""
        return message(_STATE_KEYS[self])

    @property
    def label(self) -> str:
        """The state as the documents write it (Vietnamese)."""
        return self.words.vi


_STATE_KEYS = {
    TaskState.ASSIGNED: "task_state.assigned",
    TaskState.IN_PROGRESS: "task_state.in_progress",
    TaskState.OVERDUE: "task_state.overdue",
    TaskState.DONE: "task_state.done",
    TaskState.CANCELLED: "task_state.cancelled",
}


def task_state(status: TaskStatus, due_on: date | None, as_of: date) -> TaskState:
    """The state of a task with ``status`` and ``due_on`` on the day ``as_of``: an open task
    is overdue from the day after its due date."""
    if status is TaskStatus.DONE:
        return TaskState.DONE
    if status is TaskStatus.CANCELLED:
        return TaskState.CANCELLED
    if due_on is not None and due_on < as_of:
        return TaskState.OVERDUE
    return TaskState.ASSIGNED if status is TaskStatus.ASSIGNED else TaskState.IN_PROGRESS


@dataclass(frozen=True, slots=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def key(self) -> str:
        """``2023-Q2``: stable text for filters and tables."""
        return f"{self.year}-Q{self.number}"

    @property
    def label(self) -> str:
        """``Quý 2/2023``."""
        return f"Quý {self.number}/{self.year}"


@dataclass(frozen=True, slots=True)
class TaskProgress:
    """A dated report on a task: what was done, who reported it (a site, a unit, a package)
    and, when the report changed it, the task's new status."""

    id: int | None
    task_id: int
    reported_on: date
    text: str
    source: str | None = None
    site_id: int | None = None
    status: TaskStatus | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class TaskLine:
    """One row of the task register: a task with what is needed to show and filter it."""

    task: Task
    meeting_title: str
    meeting_date: date | None
    owner: str
    """Who carries it out, as written: the unit or site, and the person."""
    owner_person: str | None
    site_id: int | None
    """The owner's site: the task's own, else the owner person's home site."""
    site_name: str | None
    site_code: str | None
    progress_count: int
    last_reported_on: date | None
    in_conflict: bool = False
    """Changed on this desk and on another since they last agreed: both values are kept until
    someone chooses (File ▸ Exchange packages ▸ Resolve conflicts)."""

    @property
    def id(self) -> int | None:
        return self.task.id

    def state(self, as_of: date) -> TaskState:
        return task_state(self.task.status, self.task.due_on, as_of)

    @property
    def quarter(self) -> Quarter | None:
        """The quarter the task is due in (the meeting's when it has no due date)."""
        day = self.task.due_on or self.meeting_date
        return Quarter.of(day) if day else None


def register_order(line: TaskLine) -> tuple[object, ...]:
    """The register's order: by meeting day (undated last), meeting, then order in it."""
    return (line.meeting_date is None, line.meeting_date or date.min, line.task.meeting_id,
            line.task.position, line.id or 0)


def owner_text(unit: str | None, site: str | None, person: str | None) -> str:
    """The owner as written in tables: "unit (or site) – person"."""
    return " – ".join(x for x in (unit or site, person) if x)
