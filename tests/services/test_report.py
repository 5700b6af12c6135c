"""The period report's figures: attendance and connection trouble per site, tasks by status
per owner, quarter over quarter; and its tables."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from meetingdesk.domain.enums import AttendanceStatus, ConnectionStatus, MeetingStatus, TaskStatus
from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.numbers import Share
from meetingdesk.domain.tasks import Quarter
from meetingdesk.services import directory, headcounts, meetings, notes, participation
from meetingdesk.services.report import period_report, tables
from meetingdesk.store.desk import Desk


def _meeting(desk: Desk, day: datetime, sites: dict[int, int], end: datetime | None = None
             ) -> tuple[int, dict[int, int]]:
    m = meetings.create_meeting(desk, title=f"Giao ban {day:%d/%m}", actual_start=day,
                                actual_end=end)
    assert m.id is not None
    ids = {}
    for site_id, summoned in sites.items():
        ms = participation.add_meeting_site(desk, meeting_id=m.id, site_id=site_id,
                                            summoned=summoned)
        assert ms.id is not None
        ids[site_id] = ms.id
    return m.id, ids


def test_period_report_counts_sites_trouble_tasks_and_quarters(desk: Desk) -> None:
    tn = directory.add_site(desk, name="Thái Nguyên", code="19")
    cb = directory.add_site(desk, name="Cao Bằng", code="04")
    assert tn.id is not None and cb.id is not None
    person = directory.add_person(desk, full_name="Phạm Hoàng Sơn", site_id=tn.id)
    start = datetime(2023, 4, 3, 14)
    q2, q2_sites = _meeting(desk, start, {tn.id: 25, cb.id: 20},
                            end=datetime(2023, 4, 3, 16, 20))
    a = participation.add_attendance(desk, meeting_id=q2, person_id=person.id or 0,
                                     site_id=tn.id)
    participation.update_attendance(desk, a.id or 0, status=AttendanceStatus.ONLINE)
    for at, status in ((datetime(2023, 4, 3, 15, 12), ConnectionStatus.LOST),
                       (datetime(2023, 4, 3, 15, 19), ConnectionStatus.RESTORED),
                       (datetime(2023, 4, 3, 16, 0), ConnectionStatus.LOST)):
        participation.set_connection(desk, q2_sites[cb.id], status, at=at)
    q3, _ = _meeting(desk, datetime(2023, 7, 10, 8), {tn.id: 30})
    _outside, _ = _meeting(desk, datetime(2024, 1, 5, 8), {tn.id: 99})
    notes.add_task(desk, meeting_id=q2, description="Báo cáo", owner_site_id=tn.id,
                   due_on=date(2023, 6, 30))
    done = notes.add_task(desk, meeting_id=q2, description="Triển khai", owner_site_id=tn.id,
                          due_on=date(2023, 6, 30))
    notes.update_task(desk, done.id or 0, status=TaskStatus.DONE)
    notes.add_task(desk, meeting_id=q3, description="Sơ kết", owner_unit="Văn phòng",
                   due_on=date(2023, 12, 31))

    report = period_report(desk, start=date(2023, 1, 1), end=date(2023, 12, 31),
                           today=date(2024, 3, 1))
    assert report.meetings == 2 and report.as_of == date(2023, 12, 31)
    one_day = period_report(desk, start=date(2023, 4, 3), end=date(2023, 4, 3))
    assert one_day.meetings == 1  # held at 14:00 on the period's only day
    assert [(s.site, s.meetings, s.summoned, s.present) for s in report.sites] == [
        ("Thái Nguyên", 2, 55, 1), ("Cao Bằng", 1, 20, 0)]
    # the counts the sites reported, as the minutes state them (never below those named)
    headcounts.report_present(desk, q2_sites[cb.id], present=18)
    headcounts.report_present(desk, q2_sites[tn.id], present=24)
    reported = period_report(desk, start=date(2023, 1, 1), end=date(2023, 12, 31))
    assert [(s.site, s.present) for s in reported.sites] == [("Thái Nguyên", 24),
                                                             ("Cao Bằng", 18)]
    # 7 minutes until restored, then lost from 16:00 to the end at 16:20
    assert [(t.site, t.lost, t.restored, t.minutes_offline) for t in report.trouble] == [
        ("Cao Bằng", 2, 1, 27)]
    assert [(o.owner, o.counts) for o in report.owners] == [
        ("Thái Nguyên", (1, 0, 0, 1, 0)), ("Văn phòng", (0, 0, 1, 0, 0))]
    q = {f.quarter: f for f in report.quarters}
    assert list(q) == [Quarter(2023, 2), Quarter(2023, 3)]
    assert (q[Quarter(2023, 2)].summoned, q[Quarter(2023, 2)].losses,
            q[Quarter(2023, 2)].minutes_offline, q[Quarter(2023, 2)].tasks,
            q[Quarter(2023, 2)].done, q[Quarter(2023, 2)].overdue) == (45, 2, 27, 2, 1, 1)
    names = [t[0] for t in tables(report)]
    assert names == ["Dự họp theo điểm cầu", "Sự cố kết nối theo điểm cầu",
                     "Nhiệm vụ theo đơn vị thực hiện", "So sánh theo quý"]
    row = tables(report)[0][2][0]
    assert row == ("Thái Nguyên", 2, 55, 1, Share(1, 55)) and str(row[4]) == "1,8%"


def test_period_report_of_an_empty_period_and_a_reversed_one(desk: Desk) -> None:
    report = period_report(desk, start=date(2020, 1, 1), end=date(2020, 3, 31))
    assert (report.meetings, report.sites, report.owners, report.quarters) == (0, (), (), ())
    with pytest.raises(ValidationError):
        period_report(desk, start=date(2020, 3, 31), end=date(2020, 1, 1))
    assert period_report(desk, start=date(1, 1, 1), end=date(9999, 12, 31)).meetings == 0


def test_period_report_leaves_out_meetings_not_held_yet(desk: Desk) -> None:
    tn = directory.add_site(desk, name="Thái Nguyên", code="19")
    assert tn.id is not None
    held, _ = _meeting(desk, datetime(2023, 4, 3, 14), {tn.id: 25})
    notes.add_task(desk, meeting_id=held, description="Báo cáo", owner_site_id=tn.id,
                   due_on=date(2023, 6, 30))
    planned = meetings.create_meeting(desk, title="Giao ban quý 3",
                                      planned_start=datetime(2023, 7, 3, 14))
    assert planned.id is not None
    participation.add_meeting_site(desk, meeting_id=planned.id, site_id=tn.id, summoned=50)
    notes.add_task(desk, meeting_id=planned.id, description="Sơ kết", owner_site_id=tn.id,
                   due_on=date(2023, 12, 31))
    report = period_report(desk, start=date(2023, 1, 1), end=date(2023, 12, 31))
    assert report.meetings == 1
    assert [(s.site, s.meetings, s.summoned) for s in report.sites] == [("Thái Nguyên", 1, 25)]
    assert [q.quarter for q in report.quarters] == [Quarter(2023, 2)]
    assert sum(sum(o.counts) for o in report.owners) == 1
    meetings.update_meeting(desk, planned.id, status=MeetingStatus.RUNNING)  # it has begun
    assert period_report(desk, start=date(2023, 1, 1), end=date(2023, 12, 31)).meetings == 2
