"""A meeting's sites (with their connection log) and its attendance list."""

from __future__ import annotations

from datetime import datetime

import pytest

from meetingdesk.domain.enums import AttendanceStatus, ConnectionStatus, Role
from meetingdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from meetingdesk.domain.headcount import SiteHeadcount
from meetingdesk.domain.records import Person, Site
from meetingdesk.domain.text import name_key
from meetingdesk.services import directory, headcounts, meetings, participation
from meetingdesk.store.desk import Desk

AT = datetime(2023, 4, 3, 13, 0)


@pytest.fixture
def sites(desk: Desk) -> list[Site]:
    return [directory.add_site(desk, name=n) for n in ("Thái Nguyên", "Cao Bằng", "Lạng Sơn")]


@pytest.fixture
def people(desk: Desk, sites: list[Site]) -> list[Person]:
    return [directory.add_person(desk, full_name=n, site_id=sites[0].id, rank=r)
            for n, r in (("Phạm Hoàng Sơn", 30), ("Dương Xuân Hùng", 50),
                         ("Mai Văn Chính", 10))]


def test_meeting_site_add_update_remove(desk: Desk, meeting_id: int, sites: list[Site],
                                        people: list[Person]) -> None:
    ms = participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=sites[0].id or 0,
                                        host_person_id=people[0].id, summoned=25)
    assert ms.id is not None
    assert (ms.summoned, ms.host_person_id, ms.position) == (25, people[0].id, 1)
    assert ms.connection is ConnectionStatus.UNCHECKED

    changed = participation.update_meeting_site(desk, ms.id, summoned=30)
    assert (changed.summoned, changed.host_person_id) == (30, people[0].id)
    cleared = participation.update_meeting_site(desk, ms.id, clear_host=True)
    assert cleared.host_person_id is None

    participation.remove_meeting_site(desk, ms.id)
    assert participation.meeting_sites(desk, meeting_id) == []
    with pytest.raises(NotFoundError):
        participation.remove_meeting_site(desk, ms.id)


def test_meeting_site_twice_is_a_conflict(desk: Desk, meeting_id: int, sites: list[Site],
                                          unchanged, says) -> None:
    participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=sites[0].id or 0)
    with unchanged(), pytest.raises(ConflictError) as caught:
        participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=sites[0].id or 0)
    says(caught.value, "Điểm cầu Thái Nguyên đã có trong cuộc họp này",
         "The site Thái Nguyên is already in this meeting")


def test_meeting_site_negative_summoned_is_refused(desk: Desk, meeting_id: int,
                                                   sites: list[Site], unchanged, says) -> None:
    with unchanged(), pytest.raises(ValidationError) as caught:
        participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=sites[0].id or 0,
                                       summoned=-1)
    says(caught.value, "không được âm", "cannot be negative")


def test_meeting_site_connection_log_keeps_every_change(desk: Desk, meeting_id: int,
                                                        sites: list[Site]) -> None:
    ms = participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=sites[1].id or 0)
    assert ms.id is not None
    participation.set_connection(desk, ms.id, ConnectionStatus.CHECKED, at=AT)
    participation.set_connection(desk, ms.id, ConnectionStatus.LOST, at=AT.replace(hour=15),
                                 remark=" Mất tín hiệu hình ảnh ")
    now = participation.set_connection(desk, ms.id, "restored", at=AT.replace(hour=15, minute=7))
    assert now.connection is ConnectionStatus.RESTORED
    log = participation.connection_log(desk, ms.id)
    assert [(e.status, e.at.hour, e.remark) for e in log] == [
        (ConnectionStatus.CHECKED, 13, None), (ConnectionStatus.LOST, 15, "Mất tín hiệu hình ảnh"),
        (ConnectionStatus.RESTORED, 15, None)]


def test_meeting_site_connection_of_a_missing_site_writes_nothing(desk: Desk,
                                                                  unchanged) -> None:
    with unchanged(), pytest.raises(NotFoundError):
        participation.set_connection(desk, 77, ConnectionStatus.CONNECTED)


def test_meeting_site_reorder(desk: Desk, meeting_id: int, sites: list[Site],
                              unchanged, says) -> None:
    ids = [participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=s.id or 0).id
           for s in sites]
    wanted = [ids[2], ids[0], ids[1]]
    participation.reorder_meeting_sites(desk, meeting_id, wanted)  # type: ignore[arg-type]
    assert [e.meeting_site.id for e in participation.meeting_sites(desk, meeting_id)] == wanted
    with unchanged(), pytest.raises(ValidationError) as caught:
        participation.reorder_meeting_sites(desk, meeting_id, [ids[0], ids[0], ids[1]])  # type: ignore[list-item]
    says(caught.value, "không khớp", "does not match")


def test_attendance_add_update_remove(desk: Desk, meeting_id: int, sites: list[Site],
                                      people: list[Person]) -> None:
    a = participation.add_attendance(desk, meeting_id=meeting_id, person_id=people[0].id or 0,
                                     role=Role.CHAIR)
    assert a.id is not None
    # The person's home site is taken when none is given.
    assert (a.site_id, a.role, a.status, a.position) == (
        sites[0].id, Role.CHAIR, AttendanceStatus.EXPECTED, 1)

    present = participation.update_attendance(desk, a.id, status=AttendanceStatus.ONLINE)
    assert present.checked_in_at is not None
    stamped = present.checked_in_at
    late = participation.update_attendance(desk, a.id, status="late", site_id=sites[1].id)
    assert (late.status, late.checked_in_at, late.site_id) == (
        AttendanceStatus.LATE, stamped, sites[1].id)
    absent = participation.update_attendance(desk, a.id, status="absent_excused",
                                             reason="Đi công tác", checked_in_at=None)
    assert (absent.reason, absent.checked_in_at) == ("Đi công tác", None)

    participation.remove_attendance(desk, a.id)
    assert participation.attendance_list(desk, meeting_id) == []


def test_attendance_twice_is_a_conflict(desk: Desk, meeting_id: int, people: list[Person],
                                        unchanged, says) -> None:
    participation.add_attendance(desk, meeting_id=meeting_id, person_id=people[0].id or 0)
    with unchanged(), pytest.raises(ConflictError) as caught:
        participation.add_attendance(desk, meeting_id=meeting_id, person_id=people[0].id or 0)
    says(caught.value, "Phạm Hoàng Sơn đã có trong thành phần cuộc họp", "already on")


def test_attendance_of_missing_person_or_meeting_writes_nothing(
        desk: Desk, meeting_id: int, people: list[Person], unchanged, says) -> None:
    with unchanged(), pytest.raises(NotFoundError) as caught:
        participation.add_attendance(desk, meeting_id=meeting_id, person_id=999)
    says(caught.value, "Không tìm thấy đại biểu (mã 999)", "person (id 999) was not found")
    with unchanged(), pytest.raises(NotFoundError):
        participation.add_attendance(desk, meeting_id=999, person_id=people[0].id or 0)


def test_attendance_list_by_precedence_or_by_name(desk: Desk, meeting_id: int,
                                                  people: list[Person], sites: list[Site]
                                                  ) -> None:
    for p in people:
        participation.add_attendance(desk, meeting_id=meeting_id, person_id=p.id or 0)
    by_rank = participation.attendance_list(desk, meeting_id)
    assert [e.person.full_name for e in by_rank] == [
        "Mai Văn Chính", "Phạm Hoàng Sơn", "Dương Xuân Hùng"]
    assert by_rank[0].site == sites[0]
    by_name = participation.attendance_list(desk, meeting_id, by_name=True)
    assert [e.person.full_name for e in by_name] == [
        "Mai Văn Chính", "Dương Xuân Hùng", "Phạm Hoàng Sơn"]


def test_attendance_reorder_changes_precedence_ties(desk: Desk, meeting_id: int,
                                                    sites: list[Site]) -> None:
    ids = []
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        person = directory.add_person(desk, full_name=name, site_id=sites[2].id)
        ids.append(participation.add_attendance(desk, meeting_id=meeting_id,
                                                person_id=person.id or 0).id)
    participation.reorder_attendances(desk, meeting_id, [ids[1], ids[2], ids[0]])  # type: ignore[list-item]
    assert [e.attendance.id for e in participation.attendance_list(desk, meeting_id)] == [
        ids[1], ids[2], ids[0]]
    with pytest.raises(ValidationError):
        participation.reorder_attendances(desk, meeting_id, ids[:2])  # type: ignore[arg-type]


def test_meeting_sites_count_present_absent_and_expected(desk: Desk, meeting_id: int,
                                                         sites: list[Site],
                                                         people: list[Person]) -> None:
    participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=sites[0].id or 0,
                                   summoned=3)
    participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=sites[1].id or 0)
    statuses = (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXPECTED)
    for person, status in zip(people, statuses, strict=True):
        a = participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id or 0)
        participation.update_attendance(desk, a.id or 0, status=status)
    first, second = participation.meeting_sites(desk, meeting_id)
    assert (first.site, first.present, first.absent, first.expected) == (sites[0], 1, 1, 1)
    assert (second.site, second.present, second.absent, second.expected) == (sites[1], 0, 0, 0)
    headcounts.report_present(desk, second.meeting_site.id or 0, present=4)
    # the same figures without reading the sites, in the same order
    assert list(participation.meeting_figures(desk, meeting_id).headcounts) == [
        e.headcount for e in participation.meeting_sites(desk, meeting_id)] == [
        SiteHeadcount(3, None, 1, 1, 1), SiteHeadcount(0, 4, 0, 0, 0)]


def test_meeting_figures_total_every_listed_person(desk: Desk, meeting_id: int,
                                                   people: list[Person]) -> None:
    assert participation.meeting_figures(desk, meeting_id).totals == (
        participation.AttendanceTotals(0, 0, 0))
    statuses = (AttendanceStatus.ONLINE, AttendanceStatus.ABSENT_EXCUSED,
                AttendanceStatus.EXPECTED)
    for person, status in zip(people, statuses, strict=True):
        a = participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id or 0)
        participation.update_attendance(desk, a.id or 0, status=status)
    # people of no site of the meeting count too (the meeting has no sites here)
    assert participation.meeting_figures(desk, meeting_id).totals == (
        participation.AttendanceTotals(3, 1, 1))


def test_attendance_list_of_some_roles_keeps_protocol_order(desk: Desk, meeting_id: int,
                                                            people: list[Person]) -> None:
    roles = (Role.SECRETARY, Role.DELEGATE, Role.CHAIR)
    for person, role in zip(people, roles, strict=True):
        participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id or 0,
                                     role=role)
    whole = participation.attendance_list(desk, meeting_id)
    leaders = participation.attendance_list(desk, meeting_id, roles=(Role.CHAIR, Role.SECRETARY))
    assert leaders == [e for e in whole if e.attendance.role is not Role.DELEGATE]
    assert participation.attendance_list(desk, meeting_id, roles=()) == []


def test_attendance_list_collates_names_only_of_people_tied_in_protocol_order(
        desk: Desk, meeting_id: int, sites: list[Site], people: list[Person],
        monkeypatch: pytest.MonkeyPatch) -> None:
    for p in people:
        participation.add_attendance(desk, meeting_id=meeting_id, person_id=p.id or 0)
    collated: list[str] = []

    def counted(full_name: str) -> tuple[object, ...]:
        collated.append(full_name)
        return name_key(full_name)

    monkeypatch.setattr(participation, "name_key", counted)
    assert [e.person.full_name for e in participation.attendance_list(desk, meeting_id)] == [
        "Mai Văn Chính", "Phạm Hoàng Sơn", "Dương Xuân Hùng"]
    assert collated == []  # ranks and positions decide: no name is collated
    # two people tied on site, precedence and position (as rows imported with one position)
    tied = [directory.add_person(desk, full_name=n, site_id=sites[1].id, rank=60)
            for n in ("Trần Thị Yến", "Lê Văn An")]
    for person in tied:
        a = participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id or 0)
        desk.db.execute("UPDATE attendances SET position = 99 WHERE id = ?", [a.id])
    names = [e.person.full_name for e in participation.attendance_list(desk, meeting_id)]
    assert names[-2:] == ["Lê Văn An", "Trần Thị Yến"]  # by given name: An before Yến
    assert sorted(collated) == ["Lê Văn An", "Trần Thị Yến"]


def test_meeting_figures_give_what_the_overview_reads_in_one_call(
        desk: Desk, meeting_id: int, sites: list[Site], people: list[Person]) -> None:
    participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=sites[1].id or 0,
                                   summoned=5)
    participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=sites[0].id or 0)
    roles = (Role.SECRETARY, Role.CO_CHAIR, Role.CHAIR)
    statuses = (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXPECTED)
    for person, role, status in zip(people, roles, statuses, strict=True):
        a = participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id or 0,
                                         role=role)
        participation.update_attendance(desk, a.id or 0, status=status)
    delegate = directory.add_person(desk, full_name="Lê Thị Hoa", site_id=sites[1].id)
    participation.add_attendance(desk, meeting_id=meeting_id, person_id=delegate.id or 0)
    figures = participation.meeting_figures(desk, meeting_id)
    assert figures.meeting == meetings.get_meeting(desk, meeting_id)
    assert list(figures.headcounts) == [
        e.headcount for e in participation.meeting_sites(desk, meeting_id)]
    assert [h.summoned for h in figures.headcounts] == [5, 0]  # the meeting's order of sites
    assert figures.totals == participation.AttendanceTotals(4, 1, 1)
    assert list(figures.leaders) == participation.attendance_list(
        desk, meeting_id, roles=participation.LEADING_ROLES)
    assert [e.person.full_name for e in figures.leaders] == [
        "Mai Văn Chính", "Phạm Hoàng Sơn", "Dương Xuân Hùng"]  # by precedence, no delegate


def test_meeting_figures_of_a_missing_meeting_is_not_found(desk: Desk) -> None:
    with pytest.raises(NotFoundError):
        participation.meeting_figures(desk, 999)
