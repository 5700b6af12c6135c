"""The task register's queries: every task across meetings with its meeting, owner and site in
one read, progress entries, and the tasks a meeting reviews (carried forward)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from meetingdesk.domain.enums import TaskStatus
from meetingdesk.domain.messages import message
from meetingdesk.domain.records import Task
from meetingdesk.domain.tasks import TaskLine, TaskProgress, owner_text
from meetingdesk.store.reads import Reads
from meetingdesk.store.report_queries import HELD_IN_PERIOD, period_bounds
from meetingdesk.store.repository import Repository

if TYPE_CHECKING:
    from sqlite_utils import Database

progress = Repository("task_progress", TaskProgress, message("tables.progress_entry"),
                      order=("reported_on", "id"))

_REGISTER = """
SELECT t.id, t.meeting_id, t.description, t.owner_person_id, t.owner_unit, t.due_on, t.status,
       t.note_id, t.position, t.owner_site_id,
       m.title, coalesce(m.actual_start, m.planned_start) AS meeting_start,
       p.full_name, os.name, s.id, s.name, s.code, g.n, g.last,
       EXISTS (SELECT 1 FROM sync_state st WHERE st.gid = t.gid AND st.conflicted = 1)
FROM tasks t
JOIN meetings m ON m.id = t.meeting_id
LEFT JOIN people p ON p.id = t.owner_person_id
LEFT JOIN sites os ON os.id = t.owner_site_id
LEFT JOIN sites s ON s.id = coalesce(t.owner_site_id, p.site_id)
LEFT JOIN (SELECT task_id, count(*) AS n, max(reported_on) AS last
           FROM task_progress GROUP BY task_id) g ON g.task_id = t.id
"""

_ORDER = " ORDER BY meeting_start IS NULL, date(meeting_start), m.id, t.position, t.id"
"""The register's order (:func:`meetingdesk.domain.tasks.register_order` in Python)."""

_STATUS = {s.value: s for s in TaskStatus}


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _line(row: tuple[Any, ...]) -> TaskLine:
    """A register row from the query's columns (built directly: thousands are read at once)."""
    (tid, mid, what, person_id, unit, due, status, note_id, position, site_id, title, start,
     person, owner_site, eff_site, site_name, site_code, count, last, conflicted) = row
    task = Task(tid, mid, what, person_id, unit, _day(due), _STATUS[status], note_id, position,
                site_id)
    return TaskLine(task=task, meeting_title=title, meeting_date=_day(start),
                    owner=owner_text(unit, owner_site, person), owner_person=person,
                    site_id=eff_site, site_name=site_name, site_code=site_code,
                    progress_count=count or 0, last_reported_on=_day(last),
                    in_conflict=bool(conflicted))


def register(db: Reads, *, meeting_id: int | None = None, site_id: int | None = None,
             task_ids: Sequence[int] | None = None,
             held: tuple[date, date] | None = None) -> list[TaskLine]:
    """Tasks across meetings in meeting order (then their order in the meeting), optionally
    only one meeting's, one site's (the task's site, else its owner's home site), the given
    ids, or those of the meetings ``held`` from the first day to the last one."""
    where: list[str] = []
    params: list[Any] = []
    if meeting_id is not None:
        where.append("t.meeting_id = ?")
        params.append(meeting_id)
    if site_id is not None:
        where.append("s.id = ?")
        params.append(site_id)
    if task_ids is not None:
        where.append(f"t.id IN ({', '.join('?' for _ in task_ids) or 'NULL'})")
        params.extend(task_ids)
    if held is not None:
        where.append(HELD_IN_PERIOD)
        params += period_bounds(*held)
    sql = _REGISTER + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    return [_line(r) for r in db.execute(sql, params).fetchall()]


def progress_of(db: Reads, task_id: int) -> list[TaskProgress]:
    return progress.where(db, task_id=task_id, order=("reported_on", "id"))


def reviewed_task_ids(db: Reads, meeting_id: int) -> list[int]:
    """The tasks a meeting reviews (carried forward from earlier meetings), in order."""
    return [r[0] for r in db.execute(
        "SELECT task_id FROM task_reviews WHERE meeting_id = ? ORDER BY position, id",
        [meeting_id])]


def add_reviews(db: Database, meeting_id: int, task_ids: Sequence[int]) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO task_reviews (meeting_id, task_id, position) VALUES (?, ?, ?)",
        [(meeting_id, task_id, i) for i, task_id in enumerate(task_ids, 1)])
