"""The task register's queries: every task across meetings with its meeting, owner and site in
one read, progress entries, and the tasks a meeting reviews (carried forward)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlite_utils import Database

from meetingdesk.domain.records import Task
from meetingdesk.domain.tasks import TaskLine, TaskProgress, owner_text
from meetingdesk.store.repository import Repository
from meetingdesk.store.rows import from_row
from meetingdesk.store.tables import tasks

progress = Repository("task_progress", TaskProgress, "tiến độ nhiệm vụ", "progress entry",
                      order=("reported_on", "id"))

_TASK_COLUMNS = ", ".join(f"t.{c}" for c in tasks.columns)

_REGISTER = f"""
SELECT {_TASK_COLUMNS},
       m.title AS meeting_title,
       coalesce(m.actual_start, m.planned_start) AS meeting_start,
       p.full_name AS person_name,
       os.name AS owner_site_name,
       s.id AS site_id_, s.name AS site_name, s.code AS site_code,
       (SELECT count(*) FROM task_progress g WHERE g.task_id = t.id) AS progress_count,
       (SELECT max(reported_on) FROM task_progress g WHERE g.task_id = t.id) AS last_reported
FROM tasks t
JOIN meetings m ON m.id = t.meeting_id
LEFT JOIN people p ON p.id = t.owner_person_id
LEFT JOIN sites os ON os.id = t.owner_site_id
LEFT JOIN sites s ON s.id = coalesce(t.owner_site_id, p.site_id)
"""

_ORDER = " ORDER BY meeting_start IS NULL, meeting_start, m.id, t.position, t.id"


def _line(row: dict[str, Any]) -> TaskLine:
    task = from_row(Task, row)
    start = row["meeting_start"]
    return TaskLine(
        task=task, meeting_title=row["meeting_title"],
        meeting_date=date.fromisoformat(start[:10]) if start else None,
        owner=owner_text(task.owner_unit, row["owner_site_name"], row["person_name"]),
        owner_person=row["person_name"], site_id=row["site_id_"], site_name=row["site_name"],
        site_code=row["site_code"], progress_count=row["progress_count"],
        last_reported_on=(date.fromisoformat(row["last_reported"])
                          if row["last_reported"] else None))


def register(db: Database, *, meeting_id: int | None = None, site_id: int | None = None,
             task_ids: Sequence[int] | None = None) -> list[TaskLine]:
    """Tasks across meetings in meeting order (then their order in the meeting), optionally
    only one meeting's, one site's (the task's site, else its owner's home site) or the
    given ids."""
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
    sql = _REGISTER + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    return [_line(r) for r in db.query(sql, params)]


def progress_of(db: Database, task_id: int) -> list[TaskProgress]:
    return progress.where(db, task_id=task_id, order=("reported_on", "id"))


def reviewed_task_ids(db: Database, meeting_id: int) -> list[int]:
    """The tasks a meeting reviews (carried forward from earlier meetings), in order."""
    return [r[0] for r in db.execute(
        "SELECT task_id FROM task_reviews WHERE meeting_id = ? ORDER BY position, id",
        [meeting_id])]


def add_reviews(db: Database, meeting_id: int, task_ids: Sequence[int]) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO task_reviews (meeting_id, task_id, position) VALUES (?, ?, ?)",
        [(meeting_id, task_id, i) for i, task_id in enumerate(task_ids, 1)])
