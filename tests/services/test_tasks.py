"""The task register across meetings, progress entries and carrying tasks forward."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from meetingdesk.domain.enums import Profile, TaskStatus
from meetingdesk.domain.errors import NotFoundError, ValidationError
from meetingdesk.domain.tasks import Quarter, TaskState, task_state
from meetingdesk.services import agenda, directory, meetings, minutes_versions, notes, tasks
from meetingdesk.store.desk import Desk
from tests.final_ready import make_ready_for_final

JULY_15 = date(2023, 7, 15)


def test_task_state_overdue_is_computed_from_the_due_date() -> None:
    due = date(2023, 6, 30)
    assert task_state(TaskStatus.ASSIGNED, due, due) is TaskState.ASSIGNED
    assert task_state(TaskStatus.ASSIGNED, due, date(2023, 7, 1)) is TaskState.OVERDUE
    assert task_state(TaskStatus.OPEN, due, date(2023, 7, 1)) is TaskState.OVERDUE
    assert task_state(TaskStatus.OPEN, None, date(2099, 1, 1)) is TaskState.IN_PROGRESS
    assert task_state(TaskStatus.DONE, due, date(2023, 7, 1)) is TaskState.DONE
    assert task_state(TaskStatus.CANCELLED, due, date(2023, 7, 1)) is TaskState.CANCELLED
    assert TaskState.OVERDUE.label == "Quá hạn"


def test_quarter_of_a_day() -> None:
    q = Quarter.of(date(2023, 6, 30))
    assert (q.key, q.label, q.first_day) == ("2023-Q2", "Quý 2/2023", date(2023, 4, 1))
    assert Quarter.of(date(2023, 1, 1)) < q < Quarter.of(date(2023, 12, 31))


def test_task_register_lists_the_demo_tasks_overdue_after_their_due_date(
        demo_desk: Desk) -> None:
    lines = tasks.register(demo_desk, as_of=JULY_15, overdue_only=True)
    assert [(line.task.due_on, line.meeting_date) for line in lines] == [
        (date(2023, 6, 30), date(2023, 4, 3))] * 2
    assert lines[0].owner == "Ban Tổ chức các tỉnh ủy, thành ủy"
    assert tasks.register(demo_desk, as_of=date(2023, 6, 30), overdue_only=True) == []
    notes.update_task(demo_desk, lines[0].id or 0, status=TaskStatus.DONE)
    (left,) = tasks.register(demo_desk, as_of=JULY_15, overdue_only=True)
    assert left.id == lines[1].id


def test_task_register_filters_by_site_and_meeting(desk: Desk, meeting_id: int) -> None:
    tn = directory.add_site(desk, name="Thái Nguyên", code="19")
    cb = directory.add_site(desk, name="Cao Bằng", code="04")
    hung = directory.add_person(desk, full_name="Dương Xuân Hùng", site_id=cb.id)
    other = meetings.create_meeting(desk, title="Giao ban quý 2",
                                    planned_start=datetime(2023, 7, 3, 14))
    site_task = notes.add_task(desk, meeting_id=meeting_id, description="Báo cáo Thái Nguyên",
                               owner_site_id=tn.id, owner_person_id=hung.id)
    person_task = notes.add_task(desk, meeting_id=meeting_id, description="Báo cáo Cao Bằng",
                                 owner_person_id=hung.id)
    later = notes.add_task(desk, meeting_id=other.id or 0, description="Quý 3")
    ids = lambda **kw: [x.id for x in tasks.register(desk, as_of=JULY_15, **kw)]  # noqa: E731
    assert ids(site_code="19") == [site_task.id]  # the task's own site wins
    assert ids(site_code="cao bang") == [person_task.id]  # else its owner's home site
    assert ids(meeting_id=other.id) == [later.id]
    (line,) = tasks.register(desk, as_of=JULY_15, site_code="19")
    assert (line.owner, line.site_name) == ("Thái Nguyên – Dương Xuân Hùng", "Thái Nguyên")
    with pytest.raises(NotFoundError):
        tasks.register(desk, as_of=JULY_15, site_code="XX")


def test_progress_entries_move_the_status_and_survive_final_minutes(
        desk: Desk, meeting_id: int, unchanged) -> None:
    task = notes.add_task(desk, meeting_id=meeting_id, description="Báo cáo quý 2",
                          due_on=date(2023, 6, 30))
    assert task.id is not None and task.status is TaskStatus.ASSIGNED
    make_ready_for_final(desk, meeting_id, Profile.PARTY)
    version = minutes_versions.record_version(desk, meeting_id=meeting_id, profile="party",
                                              pdf=b"%PDF-1.4 test")
    minutes_versions.mark_final(desk, version.id or 0)
    first = tasks.add_progress(desk, task_id=task.id, reported_on=date(2023, 5, 10),
                               text="Đã ban hành kế hoạch.", source=" Tỉnh ủy Thái Nguyên ")
    assert notes.tasks_of(desk, meeting_id)[0].status is TaskStatus.OPEN
    tasks.add_progress(desk, task_id=task.id, reported_on=date(2023, 6, 28),
                       text="Hoàn thành, đã báo cáo.", status=TaskStatus.DONE)
    entries = tasks.progress_of(desk, task.id)
    assert [(e.reported_on, e.source) for e in entries] == [
        (date(2023, 5, 10), "Tỉnh ủy Thái Nguyên"), (date(2023, 6, 28), None)]
    assert notes.tasks_of(desk, meeting_id)[0].status is TaskStatus.DONE
    (line,) = tasks.register(desk, as_of=JULY_15)
    assert (line.progress_count, line.last_reported_on) == (2, date(2023, 6, 28))
    with unchanged(), pytest.raises(ValidationError):
        tasks.add_progress(desk, task_id=task.id, reported_on=JULY_15, text="  ")
    with unchanged(), pytest.raises(NotFoundError):
        tasks.add_progress(desk, task_id=999, reported_on=JULY_15, text="Báo cáo")
    tasks.delete_progress(desk, first.id or 0)
    assert len(tasks.progress_of(desk, task.id)) == 1


def test_copy_meeting_carries_the_tasks_forward_into_a_first_agenda_item(
        demo_desk: Desk) -> None:
    (demo,) = meetings.list_meetings(demo_desk)
    source_id = demo.meeting.id or 0
    first, second = notes.tasks_of(demo_desk, source_id)
    notes.update_task(demo_desk, first.id or 0, status=TaskStatus.DONE)
    nxt = meetings.copy_meeting(demo_desk, source_id, title="Giao ban quý 3",
                                planned_start=datetime(2023, 7, 10, 14))
    items = agenda.agenda(demo_desk, nxt.id or 0)
    assert items[0].title == ("Đánh giá kết quả thực hiện nhiệm vụ giao tại hội nghị "
                              "ngày 03/04/2023")
    assert [i.position for i in items] == list(range(1, len(items) + 1))
    reviewed = tasks.reviewed_tasks(demo_desk, nxt.id or 0)
    assert [(r.line.id, r.state) for r in reviewed] == [
        (first.id, TaskState.DONE), (second.id, TaskState.OVERDUE)]
    # the next one again: only what is still open goes on
    third = meetings.copy_meeting(demo_desk, nxt.id or 0, title="Giao ban quý 4")
    assert [r.line.id for r in tasks.reviewed_tasks(demo_desk, third.id or 0)] == [second.id]


def test_copy_meeting_without_tasks_adds_no_review_item(desk: Desk, meeting_id: int) -> None:
    agenda.add_agenda_item(desk, meeting_id=meeting_id, title="Khai mạc")
    copy = meetings.copy_meeting(desk, meeting_id)
    assert [i.title for i in agenda.agenda(desk, copy.id or 0)] == ["Khai mạc"]
    assert tasks.reviewed_tasks(desk, copy.id or 0) == []
