"""Meetings: create, edit, list, delete, and copy as the template of the next one."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from meetingdesk.domain.enums import (
    AttendanceStatus,
    ConnectionStatus,
    MeetingStatus,
    NoteKind,
    Role,
)
from meetingdesk.domain.errors import NotFoundError, ValidationError
from meetingdesk.services import agenda, directory, meeting_log, meetings, notes, participation
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk

START = datetime(2023, 4, 3, 14, 0)


def test_meeting_create_get_update_delete(desk: Desk) -> None:
    site = directory.add_site(desk, name="Trụ sở Trung ương")
    meeting = meetings.create_meeting(
        desk, title=unicodedata.normalize("NFD", "Hội nghị giao ban quý 1"),
        planned_start=START, planned_end=START.replace(hour=16), main_site_id=site.id,
        organizer=" Ban Tổ chức Trung ương ", number=12)
    assert meeting.id is not None
    assert meeting.title == "Hội nghị giao ban quý 1"
    assert meeting.status is MeetingStatus.DRAFT
    assert (meeting.organizer, meeting.number, meeting.date) == (
        "Ban Tổ chức Trung ương", 12, date(2023, 4, 3))
    assert meetings.get_meeting(desk, meeting.id) == meeting

    changed = meetings.update_meeting(desk, meeting.id, status="running",
                                      actual_start=START.replace(minute=5),
                                      description="  Giao ban quý 1.  ")
    assert changed.status is MeetingStatus.RUNNING
    assert changed.description == "Giao ban quý 1."
    assert changed.planned_start == START

    meetings.delete_meeting(desk, meeting.id)
    with pytest.raises(NotFoundError):
        meetings.get_meeting(desk, meeting.id)
    with pytest.raises(NotFoundError):
        meetings.delete_meeting(desk, meeting.id)


def test_meeting_end_before_start_is_refused(desk: Desk, unchanged, says) -> None:
    with unchanged(), pytest.raises(ValidationError) as caught:
        meetings.create_meeting(desk, title="Giao ban", planned_start=START,
                                planned_end=START.replace(hour=9))
    says(caught.value, "Giờ kết thúc đứng trước giờ bắt đầu", "end time is before")
    meeting = meetings.create_meeting(desk, title="Giao ban", actual_start=START)
    assert meeting.id is not None
    with unchanged(), pytest.raises(ValidationError):
        meetings.update_meeting(desk, meeting.id, actual_end=START.replace(hour=9))


def test_meeting_empty_title_or_missing_main_site_writes_nothing(desk: Desk, unchanged) -> None:
    with unchanged(), pytest.raises(ValidationError):
        meetings.create_meeting(desk, title="\n")
    with unchanged(), pytest.raises(NotFoundError):
        meetings.create_meeting(desk, title="Giao ban", main_site_id=7)


def test_meeting_list_is_newest_first_with_counts(desk: Desk) -> None:
    old = meetings.create_meeting(desk, title="Quý 4-2022", planned_start=datetime(2023, 1, 5))
    new = meetings.create_meeting(desk, title="Quý 1-2023", planned_start=START)
    undated = meetings.create_meeting(desk, title="Chưa xếp lịch")
    assert new.id is not None
    site = directory.add_site(desk, name="Thái Nguyên")
    person = directory.add_person(desk, full_name="Phạm Hoàng Sơn", site_id=site.id)
    assert site.id is not None and person.id is not None
    participation.add_meeting_site(desk, meeting_id=new.id, site_id=site.id)
    participation.add_attendance(desk, meeting_id=new.id, person_id=person.id)
    listed = meetings.list_meetings(desk)
    assert [s.meeting.id for s in listed] == [new.id, old.id, undated.id]
    assert (listed[0].site_count, listed[0].delegate_count) == (1, 1)
    assert (listed[1].site_count, listed[1].delegate_count) == (0, 0)


def test_meeting_delete_cascades_to_its_parts(desk: Desk, meeting_id: int) -> None:
    site = directory.add_site(desk, name="Thái Nguyên")
    person = directory.add_person(desk, full_name="Phạm Hoàng Sơn")
    assert site.id is not None and person.id is not None
    ms = participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=site.id)
    assert ms.id is not None
    participation.set_connection(desk, ms.id, ConnectionStatus.CONNECTED)
    participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id)
    agenda.add_agenda_item(desk, meeting_id=meeting_id, title="Khai mạc")
    notes.add_note(desk, meeting_id=meeting_id, text="Theo Kết luận số 08-KL/BTCTW.")
    notes.add_task(desk, meeting_id=meeting_id, description="Báo cáo")
    meetings.delete_meeting(desk, meeting_id)
    for table in ("meeting_sites", "connection_events", "attendances", "agenda_items", "notes",
                  "note_revisions", "tasks", "note_citations"):
        assert desk.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    # The directories and the document catalogue outlive the meeting.
    assert directory.get_site(desk, site.id) == site
    assert directory.get_person(desk, person.id) == person
    assert desk.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_meeting_copy_takes_sites_roles_and_agenda_not_notes_tasks_or_statuses(
        desk: Desk) -> None:
    site = directory.add_site(desk, name="Thái Nguyên")
    chair = directory.add_person(desk, full_name="Mai Văn Chính", site_id=site.id)
    assert site.id is not None and chair.id is not None
    source = meetings.create_meeting(desk, title="Giao ban quý 1", planned_start=START,
                                     actual_start=START, status=MeetingStatus.ENDED,
                                     main_site_id=site.id, organizer="Ban Tổ chức Trung ương")
    assert source.id is not None
    ms = participation.add_meeting_site(desk, meeting_id=source.id, site_id=site.id,
                                        host_person_id=chair.id, summoned=25)
    assert ms.id is not None
    participation.set_connection(desk, ms.id, ConnectionStatus.LOST)
    attendance = participation.add_attendance(desk, meeting_id=source.id, person_id=chair.id,
                                              role=Role.CHAIR)
    assert attendance.id is not None
    participation.update_attendance(desk, attendance.id, status=AttendanceStatus.ABSENT_EXCUSED,
                                    reason="Đi công tác")
    item = agenda.add_agenda_item(desk, meeting_id=source.id, title="Khai mạc",
                                  planned_minutes=10, presenter_id=chair.id)
    assert item.id is not None
    agenda.update_agenda_item(desk, item.id, actual_start=START)
    notes.add_note(desk, meeting_id=source.id, text="Đồng chí Chính phát biểu.",
                   kind=NoteKind.CONCLUSION, agenda_item_id=item.id)
    notes.add_task(desk, meeting_id=source.id, description="Báo cáo quý 2")

    copy = meetings.copy_meeting(desk, source.id, title="Giao ban quý 2",
                                 planned_start=datetime(2023, 7, 3, 14))
    assert copy.id is not None and copy.id != source.id
    assert (copy.title, copy.status, copy.source_meeting_id) == (
        "Giao ban quý 2", MeetingStatus.DRAFT, source.id)
    assert (copy.actual_start, copy.main_site_id, copy.organizer) == (
        None, site.id, "Ban Tổ chức Trung ương")

    (entry,) = participation.meeting_sites(desk, copy.id)
    assert (entry.meeting_site.host_person_id, entry.meeting_site.summoned) == (chair.id, 25)
    assert entry.meeting_site.connection is ConnectionStatus.UNCHECKED
    assert participation.connection_log(desk, entry.meeting_site.id or 0) == []
    (copied,) = participation.attendance_list(desk, copy.id)
    assert copied.attendance.role is Role.CHAIR
    assert copied.attendance.status is AttendanceStatus.EXPECTED
    assert (copied.attendance.reason, copied.attendance.checked_in_at) == (None, None)
    review, copied_item = agenda.agenda(desk, copy.id)
    assert review.title.startswith("Đánh giá kết quả thực hiện nhiệm vụ giao tại")
    assert (copied_item.title, copied_item.planned_minutes, copied_item.presenter_id) == (
        "Khai mạc", 10, chair.id)
    assert copied_item.actual_start is None and copied_item.id != item.id
    assert notes.notes_of(desk, copy.id) == []
    assert notes.tasks_of(desk, copy.id) == []
    assert [e.event.kind for e in meeting_log.meeting_log(desk, copy.id)] == ["copied"]
    # The source is untouched.
    assert len(notes.notes_of(desk, source.id)) == 1
    assert participation.attendance_list(desk, source.id)[0].attendance.status is (
        AttendanceStatus.ABSENT_EXCUSED)


def test_meeting_copy_of_a_missing_meeting_writes_nothing(desk: Desk, unchanged) -> None:
    with unchanged(), pytest.raises(NotFoundError):
        meetings.copy_meeting(desk, 42)


def test_meeting_events_record_a_copy(desk: Desk, meeting_id: int) -> None:
    copy = meetings.copy_meeting(desk, meeting_id, title="Giao ban quý 2")
    events = meeting_log.meeting_log(desk, copy.id or 0)
    assert [(e.event.kind, e.event.detail) for e in events] == [
        ("copied", f"từ cuộc họp {meeting_id}")]  # as the desks made so far hold it
    assert (events[0].source_id, events[0].source_title) == (
        meeting_id, "Hội nghị giao ban trực tuyến quý 1")
    meetings.delete_meeting(desk, meeting_id)
    assert meeting_log.meeting_log(desk, copy.id or 0)[0].source_title is None


def test_meeting_copy_failing_half_way_leaves_nothing(desk: Desk, meeting_id: int,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      unchanged) -> None:
    site = directory.add_site(desk, name="Thái Nguyên")
    assert site.id is not None
    participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=site.id)
    agenda.add_agenda_item(desk, meeting_id=meeting_id, title="Khai mạc")

    def broken_insert(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(tables.agenda_items, "insert", broken_insert)
    with unchanged(), pytest.raises(RuntimeError):
        meetings.copy_meeting(desk, meeting_id)
