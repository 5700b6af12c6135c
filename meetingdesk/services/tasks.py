"""The task register: every task across meetings, followed until done.

Tasks are made, edited, reordered and deleted by :mod:`meetingdesk.services.notes`
(``add_task``/``update_task``/``delete_task``/``reorder_tasks``); this module reads them across
meetings, keeps their dated progress entries, and carries the tasks of one meeting into the
next one made from it (a first agenda item that reviews them, and a table in its minutes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from meetingdesk.domain.enums import TaskStatus
from meetingdesk.domain.errors import NotFoundError
from meetingdesk.domain.messages import message
from meetingdesk.domain.records import AgendaItem, Meeting
from meetingdesk.domain.tasks import OPEN_STATUSES, TaskLine, TaskProgress, TaskState
from meetingdesk.services.directory import find_site
from meetingdesk.services.guards import optional_line, required_text
from meetingdesk.store import tables, task_register
from meetingdesk.store.desk import Desk

if TYPE_CHECKING:
    from sqlite_utils import Database

REVIEW_TITLE = "Đánh giá kết quả thực hiện nhiệm vụ giao tại {meeting}"
"""The first agenda item of a meeting made from a previous one that assigned tasks."""


def register(desk: Desk, *, as_of: date, meeting_id: int | None = None,
             site_code: str | None = None, overdue_only: bool = False,
             states: Iterable[TaskState] | None = None) -> list[TaskLine]:
    """Tasks across meetings, in meeting order: all of them, or one meeting's, one site's
    (by code or name, its task or its owner's), the overdue ones on ``as_of``, or those in
    ``states`` on ``as_of``."""
    site_id = None
    if site_code is not None:
        site = find_site(desk, site_code)
        if site is None:
            raise NotFoundError("tasks.no_such_site", site_code=site_code)
        site_id = site.id
    if meeting_id is not None:
        tables.meetings.get(desk.conn, meeting_id)  # a meeting that is not there is said so
    lines = task_register.register(desk.conn, meeting_id=meeting_id, site_id=site_id)
    wanted = {TaskState.OVERDUE} if overdue_only else (set(states) if states else None)
    if wanted is not None:
        lines = [line for line in lines if line.state(as_of) in wanted]
    return lines


def task_lines(desk: Desk, task_ids: Iterable[int]) -> list[TaskLine]:
    """The register's rows of some tasks (e.g. the ones an edit changed)."""
    return task_register.register(desk.conn, task_ids=list(task_ids))


# --- progress -------------------------------------------------------------------------------

def progress_of(desk: Desk, task_id: int) -> list[TaskProgress]:
    """A task's progress entries, oldest report first."""
    return task_register.progress_of(desk.conn, task_id)


def add_progress(desk: Desk, *, task_id: int, reported_on: date, text: str,
                 source: str | None = None, site_id: int | None = None,
                 status: TaskStatus | None = None) -> TaskProgress:
    """Record a report on a task. A report with a ``status`` sets the task's status; one
    without moves a task just assigned to "in progress". Tasks are followed after their
    meeting, so this works on meetings whose minutes are final."""
    what = required_text(text, message("fields.progress_text"))
    with desk.transaction() as db:
        task = tables.tasks.get(db, task_id)
        if site_id is not None:
            tables.sites.get(db, site_id)
        new_status = TaskStatus(status) if status else None
        entry = task_register.progress.insert(db, TaskProgress(
            None, task_id, reported_on, what, optional_line(source), site_id, new_status,
            datetime.now().replace(microsecond=0)))
        if new_status is None and task.status is TaskStatus.ASSIGNED:
            new_status = TaskStatus.OPEN
        if new_status is not None and new_status is not task.status:
            tables.tasks.update(db, task_id, {"status": new_status})
        return entry


def delete_progress(desk: Desk, entry_id: int) -> None:
    with desk.transaction() as db:
        task_register.progress.delete(db, entry_id)


# --- carried forward ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReviewedTask:
    """A task a meeting reviews, with its state on the meeting's day."""

    line: TaskLine
    state: TaskState


def reviewed_tasks(desk: Desk, meeting_id: int) -> list[ReviewedTask]:
    """The tasks carried into a meeting, with what each is on the meeting's day (today for a
    meeting with no date): done, overdue (late) or still open."""
    db = desk.conn
    meeting = tables.meetings.get(db, meeting_id)
    ids = task_register.reviewed_task_ids(db, meeting_id)
    by_id = {line.id: line for line in task_register.register(db, task_ids=ids)}
    day = meeting.date or date.today()
    return [ReviewedTask(by_id[i], by_id[i].state(day)) for i in ids if i in by_id]


def carry_forward(db: Database, source: Meeting, target_id: int) -> AgendaItem | None:
    """Within the caller's transaction: put the tasks ``source`` assigned (all but cancelled
    ones) and those it reviewed that are still open into meeting ``target_id``'s review, and
    make a first agenda item for them. Nothing when there is nothing to review."""
    assert source.id is not None
    own = [t.id for t in tables.tasks.of_meeting(db, source.id)
           if t.status is not TaskStatus.CANCELLED]
    earlier = [line.id for line in task_register.register(
        db, task_ids=task_register.reviewed_task_ids(db, source.id))
        if line.task.status in OPEN_STATUSES]
    carried = [i for i in earlier + own if i is not None]
    if not carried:
        return None
    task_register.add_reviews(db, target_id, carried)
    when = f"hội nghị ngày {source.date:%d/%m/%Y}" if source.date else source.title
    existing = tables.agenda_items.ids_in_order(db, "meeting_id", target_id)
    item = tables.agenda_items.insert(db, AgendaItem(
        None, target_id, REVIEW_TITLE.format(meeting=when), 0))
    assert item.id is not None
    tables.agenda_items.set_order(db, [item.id, *existing])
    return tables.agenda_items.get(db, item.id)
