"""A meeting's participating sites (with their connection log) and its attendance list."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from meetingdesk.domain.enums import AttendanceStatus, ConnectionStatus, Role
from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.headcount import SiteHeadcount
from meetingdesk.domain.messages import message
from meetingdesk.domain.records import (
    Attendance,
    ConnectionEvent,
    Meeting,
    MeetingSite,
    Person,
    Site,
)
from meetingdesk.domain.text import name_key
from meetingdesk.services.guards import check_order, non_negative, optional_line
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.reads import Reads


@dataclass(frozen=True, slots=True)
class SiteEntry:
    """A site's part in a meeting, with the site itself and its attendance figures."""

    meeting_site: MeetingSite
    site: Site
    present: int
    """Named people marked present (in person, online or late)."""
    absent: int
    expected: int

    @property
    def headcount(self) -> SiteHeadcount:
        """The site's figures: its reported count with the named people as its floor."""
        return _headcount(self.meeting_site, (self.present, self.absent, self.expected))


def _headcount(ms: MeetingSite, named: Sequence[int]) -> SiteHeadcount:
    """A site's figures from its part in the meeting and its [present, absent, expected]
    named people."""
    return SiteHeadcount(ms.summoned, ms.present, *named)


@dataclass(frozen=True, slots=True)
class AttendanceEntry:
    """An attendance with its person and site, as lists and the minutes show it."""

    attendance: Attendance
    person: Person
    site: Site | None


# --- sites of a meeting -------------------------------------------------------------------

def add_meeting_site(desk: Desk, *, meeting_id: int, site_id: int,
                     host_person_id: int | None = None, summoned: int = 0) -> MeetingSite:
    with desk.transaction() as db:
        tables.meetings.get(db, meeting_id)
        site = tables.sites.get(db, site_id)
        position = tables.meeting_sites.next_position(db, "meeting_id", meeting_id)
        try:
            return tables.meeting_sites.insert(db, MeetingSite(
                None, meeting_id, site_id, host_person_id,
                non_negative(summoned, message("fields.number_summoned")) or 0,
                position=position))
        except sqlite3.IntegrityError:
            raise ConflictError("participation.site_already_listed", site=site.name) from None


def update_meeting_site(desk: Desk, meeting_site_id: int, *,
                        host_person_id: int | None = None, summoned: int | None = None,
                        clear_host: bool = False) -> MeetingSite:
    values: dict[str, object] = {}
    if host_person_id is not None or clear_host:
        values["host_person_id"] = host_person_id
    if summoned is not None:
        values["summoned"] = non_negative(summoned, message("fields.number_summoned"))
    with desk.transaction() as db:
        return tables.meeting_sites.update(db, meeting_site_id, values)


def remove_meeting_site(desk: Desk, meeting_site_id: int) -> None:
    with desk.transaction() as db:
        tables.meeting_sites.delete(db, meeting_site_id)


def set_connection(desk: Desk, meeting_site_id: int, status: ConnectionStatus, *,
                   at: datetime | None = None, remark: str | None = None) -> MeetingSite:
    """Change a site's connection status and log the change with its time."""
    status = ConnectionStatus(status)
    with desk.transaction() as db:
        tables.meeting_sites.update(db, meeting_site_id, {"connection": status})
        tables.connection_events.insert(db, ConnectionEvent(
            None, meeting_site_id, at or datetime.now().replace(microsecond=0), status,
            optional_line(remark)))
        return tables.meeting_sites.get(db, meeting_site_id)


def connection_log(desk: Desk, meeting_site_id: int) -> list[ConnectionEvent]:
    return tables.connection_events.where(desk.conn, meeting_site_id=meeting_site_id,
                                          order=("at", "id"))


StatusCounts = list[tuple[int | None, AttendanceStatus, int]]
"""(site id, status, how many people) over a meeting's attendance list, as the store counts."""


def _named_counts(rows: StatusCounts) -> dict[int | None, list[int]]:
    """[present, absent, expected] named people of each site of a meeting, from its counts."""
    counts: dict[int | None, list[int]] = {}
    for site_id, status, number in rows:
        c = counts.setdefault(site_id, [0, 0, 0])
        c[0 if status.is_present else 1 if status.is_absent else 2] += number
    return counts


def meeting_sites(desk: Desk, meeting_id: int) -> list[SiteEntry]:
    """The sites of a meeting in their order, with present/absent/expected counts."""
    db = desk.conn
    counts = _named_counts(tables.attendances.status_counts(db, meeting_id))
    sites = {s.id: s for s in tables.sites.taking_part(db, meeting_id)}
    entries = []
    for ms in tables.meeting_sites.of_meeting(db, meeting_id):
        present, absent, expected = counts.get(ms.site_id, [0, 0, 0])
        entries.append(SiteEntry(ms, sites[ms.site_id], present, absent, expected))
    return entries


def takes_part(desk: Desk, *, meeting_id: int, site_id: int) -> bool:
    """Whether a site is one of a meeting's sites (without counting its attendances)."""
    return bool(tables.meeting_sites.where(desk.conn, meeting_id=meeting_id, site_id=site_id))


@dataclass(frozen=True, slots=True)
class AttendanceTotals:
    """How many people are on a meeting's list, marked present (in person, online, late) and
    marked absent; the others have not been called yet."""

    listed: int
    present: int
    absent: int


def _totals(rows: StatusCounts) -> AttendanceTotals:
    """The totals of a meeting's attendance list from its counts."""
    listed = present = absent = 0
    for _site, status, number in rows:
        listed += number
        present += number if status.is_present else 0
        absent += number if status.is_absent else 0
    return AttendanceTotals(listed, present, absent)


def reorder_meeting_sites(desk: Desk, meeting_id: int, ordered_ids: Sequence[int]) -> None:
    with desk.transaction() as db:
        check_order(tables.meeting_sites.ids_in_order(db, "meeting_id", meeting_id),
                        ordered_ids)
        tables.meeting_sites.set_order(db, ordered_ids)


# --- attendance -----------------------------------------------------------------------------

def add_attendance(desk: Desk, *, meeting_id: int, person_id: int, site_id: int | None = None,
                   role: Role = Role.DELEGATE,
                   status: AttendanceStatus = AttendanceStatus.EXPECTED,
                   reason: str | None = None) -> Attendance:
    with desk.transaction() as db:
        tables.meetings.get(db, meeting_id)
        person = tables.people.get(db, person_id)
        site_id = site_id if site_id is not None else person.site_id
        if site_id is not None:
            tables.sites.get(db, site_id)
        position = tables.attendances.next_position(db, "meeting_id", meeting_id)
        try:
            return tables.attendances.insert(db, Attendance(
                None, meeting_id, person_id, site_id, Role(role), AttendanceStatus(status),
                optional_line(reason), position=position))
        except sqlite3.IntegrityError:
            raise ConflictError("participation.person_already_listed",
                                full_name=person.full_name) from None


def update_attendance(desk: Desk, attendance_id: int, **changes: object) -> Attendance:
    """Change role, status, reason, site_id or checked_in_at of an attendance.

    Marking someone present stamps the check-in time unless one is given.
    """
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key == "role":
            values[key] = Role(str(value))
        elif key == "status":
            values[key] = AttendanceStatus(str(value))
        elif key == "reason":
            values[key] = optional_line(None if value is None else str(value))
        elif key in ("site_id", "checked_in_at"):
            values[key] = value
        else:
            raise TypeError(f"unknown attendance field {key}")
    with desk.transaction() as db:
        current = tables.attendances.get(db, attendance_id)
        status = values.get("status")
        if (isinstance(status, AttendanceStatus) and status.is_present
                and current.checked_in_at is None and "checked_in_at" not in values):
            values["checked_in_at"] = datetime.now().replace(microsecond=0)
        return tables.attendances.update(db, attendance_id, values)


def remove_attendance(desk: Desk, attendance_id: int) -> None:
    with desk.transaction() as db:
        tables.attendances.delete(db, attendance_id)


def reorder_attendances(desk: Desk, meeting_id: int, ordered_ids: Sequence[int]) -> None:
    with desk.transaction() as db:
        check_order(tables.attendances.ids_in_order(db, "meeting_id", meeting_id),
                        ordered_ids)
        tables.attendances.set_order(db, ordered_ids)


def attendance_entry(desk: Desk, attendance_id: int) -> AttendanceEntry:
    """One attendance with its person and site (a row of the list, re-read after an edit)."""
    db = desk.conn
    attendance = tables.attendances.get(db, attendance_id)
    site = tables.sites.get(db, attendance.site_id) if attendance.site_id is not None else None
    return AttendanceEntry(attendance, tables.people.get(db, attendance.person_id), site)


def attendance_list(desk: Desk, meeting_id: int, *, by_name: bool = False,
                    roles: Sequence[Role] | None = None) -> list[AttendanceEntry]:
    """Everyone on a meeting's list (only those in ``roles`` when given) in protocol order, or
    in Vietnamese name order when ``by_name``.

    Protocol order: grouped by site in the meeting's order of sites (people of no site of the
    meeting last), then by precedence rank (see :mod:`meetingdesk.domain.precedence`), ties in
    the order the secretariat entered, then by given name."""
    db = desk.conn
    entries = _entries(db, meeting_id, roles)
    if by_name:
        return sorted(entries, key=lambda e: name_key(e.person.full_name))
    return _in_protocol_order(entries, tables.meeting_sites.of_meeting(db, meeting_id))


def _entries(db: Reads, meeting_id: int, roles: Sequence[Role] | None
             ) -> list[AttendanceEntry]:
    """The attendances of a meeting (in one of ``roles`` when given) with their people and
    sites, in list order."""
    attendances = (tables.attendances.of_meeting(db, meeting_id) if roles is None
                   else tables.attendances.in_roles(db, meeting_id, roles))
    people = {p.id: p for p in tables.people.attending(db, meeting_id, roles)}
    sites = {s.id: s for s in tables.sites.attending(db, meeting_id, roles)}
    return [AttendanceEntry(a, people[a.person_id], sites.get(a.site_id))
            for a in attendances]


def _in_protocol_order(entries: list[AttendanceEntry], meeting_sites: Sequence[MeetingSite]
                       ) -> list[AttendanceEntry]:
    """``entries`` in protocol order, the meeting's sites being ``meeting_sites`` in their
    order (see :func:`attendance_list`)."""
    site_order = {ms.site_id: i for i, ms in enumerate(meeting_sites)}

    def place(e: AttendanceEntry) -> tuple[int, int, int]:
        return (site_order.get(e.attendance.site_id, len(site_order)), e.person.rank,
                e.attendance.position)

    # The given names break the ties left by site, precedence and position; the secretariat's
    # positions rarely tie, and a name's collation key costs far more than the rest (about
    # 15 µs: 45 ms for a list of 3,000), so the keys are computed for tied people only.
    in_order: list[AttendanceEntry] = []
    for _, run in groupby(sorted(entries, key=place), key=place):
        tied = list(run)
        if len(tied) > 1:
            tied.sort(key=lambda e: name_key(e.person.full_name))
        in_order += tied
    return in_order


LEADING_ROLES = (Role.CHAIR, Role.CO_CHAIR, Role.SECRETARY)
"""The roles of those who lead a meeting: the chair, co-chairs and the secretary."""


@dataclass(frozen=True, slots=True)
class MeetingFigures:
    """What a meeting's overview shows of it, read in one call."""

    meeting: Meeting
    headcounts: tuple[SiteHeadcount, ...]
    """Each site's figures, in the meeting's order of sites: what :func:`meeting_sites` gives
    as each entry's ``headcount``, without reading the sites themselves."""
    totals: AttendanceTotals
    """The totals of the attendance list, counted by the store (people of no site of the
    meeting count too)."""
    leaders: tuple[AttendanceEntry, ...]
    """Those on the list in one of :data:`LEADING_ROLES`, in protocol order (as
    :func:`attendance_list` gives them)."""


def meeting_figures(desk: Desk, meeting_id: int) -> MeetingFigures:
    """A meeting with its sites' figures, its list's totals and its leaders, the meeting's
    sites and its counts each read once (the overview reads them at each switch of
    meeting)."""
    db = desk.conn
    meeting = tables.meetings.get(db, meeting_id)
    rows = tables.attendances.status_counts(db, meeting_id)
    counts = _named_counts(rows)
    meeting_sites = tables.meeting_sites.of_meeting(db, meeting_id)
    return MeetingFigures(
        meeting,
        tuple(_headcount(ms, counts.get(ms.site_id, [0, 0, 0])) for ms in meeting_sites),
        _totals(rows),
        tuple(_in_protocol_order(_entries(db, meeting_id, LEADING_ROLES), meeting_sites)))
