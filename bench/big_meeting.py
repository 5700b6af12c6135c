"""One very large meeting for the minutes: 100 sites, 3,000 delegates, 1,500 notes, 40 tasks.

Deterministic (seeded), built in one transaction: sites, meeting, agenda, tasks and some
notes through the services, the thousands of people, attendances and notes in bulk rows, so it
takes about a second. ``tests/minutes`` renders it once; ``bench/bench_minutes.py`` times it.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from meetingdesk.domain.enums import (
    AttendanceStatus,
    ConnectionStatus,
    MeetingStatus,
    NoteKind,
    Role,
    SiteKind,
)
from meetingdesk.domain.records import Attendance, ConnectionEvent, Meeting, Note, Person
from meetingdesk.services import (
    agenda,
    directory,
    headcounts,
    meetings,
    notes,
    organization,
    participation,
    signers,
)
from meetingdesk.services.reference import load_provinces
from meetingdesk.store.desk import Desk
from meetingdesk.store.rows import to_row

try:
    from bench import vietnamese as vi
except ModuleNotFoundError:  # run as `python bench/bench_minutes.py`
    import vietnamese as vi  # type: ignore[no-redef]

SITES = 100
DELEGATES_PER_SITE = 30
NOTES = 1_500
TASKS = 40
AGENDA = 10
START = datetime(2025, 10, 6, 8, 0)


def _name(rng: random.Random) -> str:
    family = rng.choices([f for f, _ in vi.FAMILY_NAMES], [w for _, w in vi.FAMILY_NAMES])[0]
    if rng.random() < 0.6:
        return f"{family} {rng.choice(vi.MALE_MIDDLE)} {rng.choice(vi.MALE_GIVEN)}"
    return f"{family} {rng.choice(vi.FEMALE_MIDDLE)} {rng.choice(vi.FEMALE_GIVEN)}"


def _sentence(rng: random.Random, prov: str, people: list[str]) -> str:
    template = rng.choice(vi.SENTENCES)
    return template.format(
        dc=rng.choice(people), chair="Mai Văn Chính", name=rng.choice(people),
        unit=f"Tỉnh ủy {prov}", prov=prov, doc=rng.choice(vi.DOCUMENTS),
        n=rng.randint(2, 900), m=rng.randint(2, 90), pct=f"{rng.randint(60, 99)}%",
        q=3, q2=4, y=2025, date=f"{rng.randint(1, 28)}/{rng.randint(10, 12)}/2025")


def build_big_meeting(desk: Desk, *, seed: int = 2025) -> Meeting:
    """Create the large meeting in ``desk`` and return it."""
    rng = random.Random(seed)
    with desk.transaction() as db:
        load_provinces(desk)
        organization.add_issuer(
            desk, name="BAN TỔ CHỨC TRUNG ƯƠNG", parent_body="BAN CHẤP HÀNH TRUNG ƯƠNG",
            place="Hà Nội", number_code="BB/BTCTW", chair_title="PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
            recipients=("Các đồng chí Lãnh đạo Ban", "Ban Tổ chức các tỉnh ủy, thành ủy"),
            make_default=True)
        provinces = [s for s in directory.list_sites(desk) if s.kind is SiteKind.PROVINCE]
        sites = [directory.add_site(desk, name="Trụ sở Ban Tổ chức Trung ương, Hà Nội",
                                    kind=SiteKind.CENTRAL, code="TW-BIG")]
        sites += provinces
        for i in range(SITES - len(sites)):
            province = provinces[i % len(provinces)]
            sites.append(directory.add_site(
                desk, name=f"Đảng ủy xã số {i + 1}, tỉnh {province.name}",
                kind=SiteKind.COMMUNE, code=f"XA-{i + 1:03d}"))
        meeting = meetings.create_meeting(
            desk, title="Hội nghị trực tuyến toàn quốc sơ kết công tác tổ chức xây dựng Đảng "
                        "9 tháng đầu năm 2025, triển khai nhiệm vụ quý 4-2025",
            kind="Hội nghị trực tuyến", organizer="Ban Tổ chức Trung ương",
            planned_start=START, actual_start=START, actual_end=START + timedelta(hours=9),
            main_site_id=sites[0].id, status=MeetingStatus.ENDED, number=7)
        mid = meeting.id
        assert mid is not None
        attendance_rows: list[Attendance] = []
        names_by_site: dict[int, list[str]] = {}
        next_person = 1 + (db.execute("SELECT max(id) FROM people").fetchone()[0] or 0)
        people_rows: list[Person] = []
        events: list[ConnectionEvent] = []
        signing: dict[Role, int] = {}
        for n, site in enumerate(sites):
            assert site.id is not None
            ms = participation.add_meeting_site(desk, meeting_id=mid, site_id=site.id,
                                                summoned=DELEGATES_PER_SITE + rng.randint(0, 5))
            assert ms.id is not None
            at = START - timedelta(minutes=90)
            events += [ConnectionEvent(None, ms.id, at, ConnectionStatus.CHECKED),
                       ConnectionEvent(None, ms.id, at + timedelta(minutes=60),
                                       ConnectionStatus.CONNECTED)]
            if rng.random() < 0.15:
                lost = START + timedelta(minutes=rng.randint(20, 400))
                events += [ConnectionEvent(None, ms.id, lost, ConnectionStatus.LOST,
                                           rng.choice(vi.CONNECTION_REMARKS)),
                           ConnectionEvent(None, ms.id,
                                           lost + timedelta(minutes=rng.randint(2, 15)),
                                           ConnectionStatus.RESTORED)]
            titles = vi.CENTRAL_TITLES if n == 0 else vi.PROVINCE_TITLES
            names_by_site[site.id] = []
            for rank in range(DELEGATES_PER_SITE):
                title = tuple(t.format(u="Tỉnh ủy", p="tỉnh")
                              for t in titles[min(rank, len(titles) - 1)])
                name = _name(rng)
                people_rows.append(Person(next_person, name, title, site.name, site.id,
                                          10 * (rank + 1)))
                role = Role.DELEGATE
                if n == 0 and rank == 1:
                    role = Role.CHAIR
                elif n == 0 and rank == DELEGATES_PER_SITE - 1:
                    role = Role.SECRETARY
                if role in (Role.CHAIR, Role.SECRETARY):
                    signing[role] = next_person
                roll = rng.random()
                status = (AttendanceStatus.ABSENT_EXCUSED if roll < 0.06 else
                          AttendanceStatus.LATE if roll < 0.09 else
                          AttendanceStatus.PRESENT if n == 0 else AttendanceStatus.ONLINE)
                reason = rng.choice(vi.ABSENCE_REASONS) if status.is_absent else None
                attendance_rows.append(Attendance(
                    None, mid, next_person, site.id, role, status, reason,
                    at + timedelta(minutes=70), len(attendance_rows) + 1))
                names_by_site[site.id].append(name)
                next_person += 1
        db["people"].insert_all(to_row(p) for p in people_rows)
        db["attendances"].insert_all(to_row(a) for a in attendance_rows)
        db["connection_events"].insert_all(to_row(e) for e in events)
        for role, person_id in signing.items():
            signers.set_signer(desk, meeting_id=mid, role=role, person_id=person_id)
        for entry in participation.meeting_sites(desk, mid):
            assert entry.meeting_site.id is not None
            headcounts.report_present(desk, entry.meeting_site.id,
                                      present=entry.present + rng.randint(0, 3))
        attendance_ids = [(r[0], r[1]) for r in db.execute(
            "SELECT id, site_id FROM attendances WHERE meeting_id = ? ORDER BY id", [mid])]
        chair_attendance = attendance_ids[1][0]
        items = []
        for i in range(AGENDA):
            title = vi.AGENDA_ITEMS[i].format(q=3, q2=4, y=2025, doc=vi.DOCUMENTS[i])
            items.append(agenda.add_agenda_item(desk, meeting_id=mid, title=title,
                                                planned_minutes=50))
        site_names = {s.id: s.name for s in sites}
        bulk: list[Note] = []
        for i in range(NOTES):
            speaker, site_id = rng.choice(attendance_ids)
            kind = rng.choices(list(NoteKind), [80, 6, 4, 4, 6])[0]
            if i == NOTES - 1:
                speaker, site_id, kind = chair_attendance, sites[0].id or 0, NoteKind.CONCLUSION
            text = " ".join(_sentence(rng, site_names[site_id], names_by_site[site_id])
                            for _ in range(rng.randint(1, 4)))
            note = Note(None, mid, text, START + timedelta(seconds=20 * i), kind,
                        items[i * AGENDA // NOTES].id, speaker, site_id)
            if i % 100 == 0:  # some through the service, so documents get cited
                notes.add_note(desk, meeting_id=mid, text=text, kind=kind, speaker_id=speaker,
                               agenda_item_id=note.agenda_item_id, at=note.at)
            else:
                bulk.append(note)
        db["notes"].insert_all(to_row(n) for n in bulk)
        for i in range(TASKS):
            notes.add_task(desk, meeting_id=mid, owner_unit=f"Ban Tổ chức Tỉnh ủy "
                           f"{site_names[sites[1 + i % 34].id]}",
                           description=vi.TASKS[i % len(vi.TASKS)].format(
                               doc=rng.choice(vi.DOCUMENTS)),
                           due_on=date(2025, 12, 1) + timedelta(days=i))
    return meeting
