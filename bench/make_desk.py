"""Build the bench desk: a generated, deterministic desk of realistic Vietnamese data.

By default 1,000 meetings, each with 100 attendances and 200 notes (so 100,000 attendances
and 200,000 notes), the 34 provinces plus a central venue as sites, some 2,200 delegates with
Vietnamese names and titles, agenda items, connection logs, tasks, and notes assembled from
administrative sentences that cite documents (``Kết luận số 50-KL/TW``…).

The desk is opened with :func:`meetingdesk.store.desk.open_desk`, so the schema, the
``md_fold`` function and the search triggers are the application's own; rows then go in
through sqlite-utils in bulk, one transaction per batch of meetings.

    python bench/make_desk.py OUT.db [--meetings N] [--seed S] [--reuse]

Other benchmarks call :func:`build_bench_desk`.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from meetingdesk.domain.citations import find_citations
from meetingdesk.domain.enums import (
    AttendanceStatus,
    ConnectionStatus,
    MeetingStatus,
    NoteKind,
    Role,
    SiteKind,
)
from meetingdesk.domain.errors import DeskFileError
from meetingdesk.domain.text import clean_text
from meetingdesk.services import directory, organization
from meetingdesk.services.reference import load_provinces, read_provinces
from meetingdesk.store.desk import Desk, open_desk

try:
    from bench import vietnamese as vi
except ModuleNotFoundError:  # run as `python bench/make_desk.py`
    import vietnamese as vi  # type: ignore[no-redef]

MEETINGS = 1_000
ATTENDANCES_PER_MEETING = 100
NOTES_PER_MEETING = 200
PEOPLE_PER_PROVINCE = 60
CENTRAL_PEOPLE = 120
DEFAULT_SEED = 20230403
CENTRAL_CODE = "TW"
FIRST_DAY = date(2017, 1, 3)
RARE_WORD = "Yagi"
"""A word in about one note in 500 (``bão Yagi``), for the rare-word search."""

_BATCH_MEETINGS = 25

Row = dict[str, Any]


def expected_counts(meetings: int) -> dict[str, int]:
    """The row counts a bench desk of ``meetings`` meetings has."""
    return {"meetings": meetings, "attendances": meetings * ATTENDANCES_PER_MEETING,
            "notes": meetings * NOTES_PER_MEETING}


def desk_counts(path: Path) -> dict[str, int] | None:
    """Row counts of an existing desk (read-only), or ``None`` if it cannot be opened."""
    try:
        with open_desk(path, read_only=True) as desk:
            return {t: desk.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("meetings", "attendances", "notes")}
    except DeskFileError:
        return None


def remove_desk(path: Path) -> None:
    """Delete a desk file with its WAL and shared-memory files."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        p.unlink(missing_ok=True)


def build_bench_desk(path: str | Path, meetings: int = MEETINGS, *, seed: int = DEFAULT_SEED,
                     reuse: bool = False, log: Callable[[str], None] | None = None) -> Path:
    """Build the bench desk at ``path`` (replacing any file there) and return the path.

    With ``reuse``, an existing desk with the expected row counts is kept as it is.
    """
    path = Path(path)
    say = log or (lambda _line: None)
    if reuse and path.exists() and desk_counts(path) == expected_counts(meetings):
        say(f"reusing {path} ({meetings} meetings)")
        return path
    remove_desk(path)
    with open_desk(path) as desk:
        _Builder(desk, random.Random(seed), say).build(meetings)
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


# --- generation -----------------------------------------------------------------------------

@dataclass
class _Person:
    id: int
    name: str
    title: str
    site_id: int
    rank: int


@dataclass
class _SiteInfo:
    id: int
    name: str
    unit: str
    """The party committee of the site: ``Tỉnh ủy Thái Nguyên``, ``Ban Tổ chức Trung ương``."""
    people: list[_Person] = field(default_factory=list)


_TABLE_ORDER = ("meetings", "meeting_sites", "connection_events", "attendances", "agenda_items",
                "notes", "note_revisions", "note_citations", "tasks", "task_progress")


@dataclass
class _Rows:
    """Rows of one batch of meetings, by table; tables listed parents first."""

    tables: dict[str, list[Row]] = field(
        default_factory=lambda: {t: [] for t in _TABLE_ORDER})

    def add(self, table: str, row: Row) -> None:
        self.tables[table].append(row)


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def _figure(n: int) -> str:
    """A whole number as Vietnamese text writes it: 12.345."""
    return f"{n:,}".replace(",", ".")


class _Builder:
    def __init__(self, desk: Desk, rng: random.Random, say: Callable[[str], None]) -> None:
        self.desk = desk
        self.rng = rng
        self.say = say
        self.central: _SiteInfo
        self.provinces: list[_SiteInfo] = []
        self.doc_ids: dict[str, int] = {}
        self.next_id: dict[str, int] = {}
        self.numbers: dict[int, int] = {}

    def new_id(self, table: str) -> int:
        self.next_id[table] = self.next_id.get(table, 0) + 1
        return self.next_id[table]

    def build(self, meetings: int) -> None:
        started = time.perf_counter()
        self.directory()
        self.documents()
        day = FIRST_DAY
        for first in range(0, meetings, _BATCH_MEETINGS):
            rows = _Rows()
            for index in range(first, min(first + _BATCH_MEETINGS, meetings)):
                day = self.next_day(day)
                self.meeting(rows, index, meetings, day)
            with self.desk.transaction() as db:
                for table, batch in rows.tables.items():
                    db[table].insert_all(batch, batch_size=500)  # type: ignore[union-attr]
            done = min(first + _BATCH_MEETINGS, meetings)
            if done % 100 == 0 or done == meetings:
                self.say(f"  {done} meetings ({time.perf_counter() - started:.0f} s)")

    # -- directory, documents ---------------------------------------------------------------

    def directory(self) -> None:
        organization.add_issuer(
            self.desk, name="BAN TỔ CHỨC TRUNG ƯƠNG", parent_body="BAN CHẤP HÀNH TRUNG ƯƠNG",
            place="Hà Nội", number_code="BB/BTCTW", chair_title="PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
            make_default=True)
        load_provinces(self.desk)
        central = directory.add_site(self.desk, name="Trụ sở Ban Tổ chức Trung ương, Hà Nội",
                                     kind=SiteKind.CENTRAL, code=CENTRAL_CODE,
                                     contact_name="Văn phòng Ban Tổ chức Trung ương")
        assert central.id is not None
        self.central = _SiteInfo(central.id, central.name, "Ban Tổ chức Trung ương")
        for p in read_provinces():
            site = directory.find_site(self.desk, p.code)
            assert site is not None and site.id is not None
            committee = "Thành ủy" if p.kind == "thành phố" else "Tỉnh ủy"
            self.provinces.append(_SiteInfo(site.id, p.name, f"{committee} {p.name}"))
        people: list[Row] = []
        for i in range(CENTRAL_PEOPLE):
            titles = vi.CENTRAL_TITLES[min(i, len(vi.CENTRAL_TITLES) - 1)]
            people.append(self.person(self.central, titles, "Ban Tổ chức Trung ương", i))
        for prov in self.provinces:
            committee = "Thành ủy" if prov.unit.startswith("Thành") else "Tỉnh ủy"
            if self.rng.random() < 0.3:
                committee = committee.replace("ủy", "uỷ")
            kind = "thành phố" if committee.startswith("Thành") else "tỉnh"
            for i in range(PEOPLE_PER_PROVINCE):
                titles = tuple(t.format(u=committee, p=kind) for t in
                               vi.PROVINCE_TITLES[min(i, len(vi.PROVINCE_TITLES) - 1)])
                people.append(self.person(prov, titles, prov.unit, i))
        with self.desk.transaction() as db:
            db["people"].insert_all(people, batch_size=500)  # type: ignore[union-attr]

    def person(self, site: _SiteInfo, titles: tuple[str, ...], org: str, index: int) -> Row:
        rng = self.rng
        family = rng.choices([f for f, _ in vi.FAMILY_NAMES],
                             weights=[w for _, w in vi.FAMILY_NAMES])[0]
        if rng.random() < 0.7:
            middle, given = rng.choice(vi.MALE_MIDDLE), rng.choice(vi.MALE_GIVEN)
        else:
            middle, given = rng.choice(vi.FEMALE_MIDDLE), rng.choice(vi.FEMALE_GIVEN)
        name = f"{family} {middle} {given}"
        pid = self.new_id("people")
        rank = 10 + index * 10
        site.people.append(_Person(pid, name, titles[-1], site.id, rank))
        return {"id": pid, "full_name": name,
                "titles": json.dumps([clean_text(t, multiline=False) for t in titles],
                                     ensure_ascii=False),
                "organization": org, "site_id": site.id, "rank": rank,
                "phone": "09" + "".join(rng.choice("0123456789") for _ in range(8))}

    def documents(self) -> None:
        """Every document the notes cite, created once as :func:`add_note` would."""
        found: dict[str, Row] = {}
        for text in vi.DOCUMENTS:
            for c in find_citations(text):
                row = found.setdefault(c.reference, {
                    "reference": c.reference, "doc_type": c.doc_type, "number": c.number,
                    "code": c.code, "issued_on": None, "issued_year": None, "issuer": None})
                for key, value in (("issued_on", c.issued_on and c.issued_on.isoformat()),
                                   ("issued_year", c.issued_year), ("issuer", c.issuer)):
                    row[key] = row[key] or value
        with self.desk.transaction() as db:
            for reference, row in found.items():
                self.doc_ids[reference] = self.new_id("documents")
                db["documents"].insert({"id": self.doc_ids[reference], **row})  # type: ignore[union-attr]

    # -- meetings --------------------------------------------------------------------------

    def next_day(self, day: date) -> date:
        day += timedelta(days=self.rng.choice((2, 3, 3, 4, 5)))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day

    def meeting(self, rows: _Rows, index: int, total: int, day: date) -> None:
        rng = self.rng
        mid = self.new_id("meetings")
        start = datetime(day.year, day.month, day.day, rng.choice((8, 8, 14)), 0)
        minutes = rng.randrange(120, 211, 15)
        end = start + timedelta(minutes=minutes)
        q = (day.month - 1) // 3 + 1
        fill = {"q": q, "q2": q % 4 + 1, "y": day.year, "y1": day.year + 1,
                "doc": rng.choice(vi.DOCUMENTS), "region": rng.choice(vi.REGIONS)}
        template = rng.choice(vi.MEETING_TITLES)
        if index == total - 1:
            status = MeetingStatus.RUNNING
        elif index < total - 20 and rng.random() < 0.8:
            status = MeetingStatus.FINAL
        else:
            status = MeetingStatus.ENDED
        self.numbers[day.year] = self.numbers.get(day.year, 0) + 1
        rows.add("meetings", {
            "id": mid, "title": clean_text(template.format(**fill), multiline=False),
            "kind": "Hội nghị giao ban trực tuyến" if "giao ban" in template
            else "Hội nghị trực tuyến",
            "organizer": "Ban Tổ chức Trung ương", "planned_start": _iso(start),
            "planned_end": _iso(end), "actual_start": _iso(start + timedelta(minutes=5)),
            "actual_end": _iso(end), "main_site_id": self.central.id, "status": status.value,
            "number": self.numbers[day.year]})
        provinces = rng.sample(self.provinces, rng.randint(8, len(self.provinces)))
        attendees = self.sites_and_people(rows, mid, start, provinces)
        items = self.agenda(rows, mid, start, fill, attendees)
        self.notes(rows, mid, start, minutes, fill, attendees, items, provinces)
        for position in range(1, rng.randint(2, 4) + 1):
            task_id = self.new_id("tasks")
            description = rng.choice(vi.TASKS).format(doc=rng.choice(vi.DOCUMENTS))
            owner = rng.choice(provinces)
            due = day + timedelta(days=rng.randint(20, 90))
            rows.add("tasks", {
                "id": task_id, "meeting_id": mid, "description": description,
                "owner_unit": owner.unit, "owner_site_id": owner.id, "due_on": due.isoformat(),
                "status": "done" if status is MeetingStatus.FINAL else "open",
                "position": position})
            if task_id % 3 == 0:  # a site's report on every third task
                rows.add("task_progress", {
                    "id": self.new_id("task_progress"), "task_id": task_id,
                    "reported_on": (due - timedelta(days=10)).isoformat(),
                    "text": f"{owner.unit} báo cáo đã triển khai thực hiện.",
                    "source": owner.unit, "site_id": owner.id, "status": None,
                    "recorded_at": _iso(datetime(due.year, due.month, due.day, 9))})

    def sites_and_people(self, rows: _Rows, mid: int, start: datetime,
                         provinces: list[_SiteInfo]) -> list[tuple[int, _Person]]:
        """Meeting sites (with some connection logs) and the 100 attendances."""
        rng = self.rng
        central_count = rng.randint(16, 30)
        counts = {p.id: 0 for p in provinces}
        for j in range(ATTENDANCES_PER_MEETING - central_count):
            counts[provinces[j % len(provinces)].id] += 1
        attendees: list[tuple[int, _Person]] = []
        for position, site in enumerate([self.central, *provinces], start=1):
            count = central_count if site is self.central else counts[site.id]
            chosen = sorted(rng.sample(site.people, count), key=lambda p: p.rank)
            ms_id = self.new_id("meeting_sites")
            connection = ConnectionStatus.CONNECTED
            if rng.random() < 0.3:
                connection = self.connection_log(rows, ms_id, start)
            rows.add("meeting_sites", {
                "id": ms_id, "meeting_id": mid, "site_id": site.id,
                "host_person_id": chosen[0].id if chosen else None,
                "summoned": count + rng.randint(0, 20), "connection": connection.value,
                "position": position})
            for person in chosen:
                aid = self.new_id("attendances")
                attendees.append((aid, person))
                rows.add("attendances", self.attendance(aid, mid, person, site, len(attendees),
                                                        start))
        return attendees

    def connection_log(self, rows: _Rows, ms_id: int, start: datetime) -> ConnectionStatus:
        rng = self.rng
        events = [(start - timedelta(minutes=60), ConnectionStatus.CHECKED, None),
                  (start - timedelta(minutes=15), ConnectionStatus.CONNECTED, None)]
        if rng.random() < 0.25:
            lost = start + timedelta(minutes=rng.randint(10, 100))
            events += [(lost, ConnectionStatus.LOST, rng.choice(vi.CONNECTION_REMARKS)),
                       (lost + timedelta(minutes=rng.randint(2, 15)), ConnectionStatus.RESTORED,
                        None)]
        for at, status, remark in events:
            rows.add("connection_events", {"id": self.new_id("connection_events"),
                                           "meeting_site_id": ms_id, "at": _iso(at),
                                           "status": status.value, "remark": remark})
        return events[-1][1]

    def attendance(self, aid: int, mid: int, person: _Person, site: _SiteInfo, position: int,
                   start: datetime) -> Row:
        rng = self.rng
        role = Role.DELEGATE
        if site is self.central and position == 1:
            role = Role.CHAIR
        elif person.title.startswith("Chuyên viên") and site is self.central and position < 30:
            role = Role.SECRETARY
        elif rng.random() < 0.05:
            role = Role.PRESENTER
        luck = rng.random()
        status = AttendanceStatus.PRESENT if site is self.central else AttendanceStatus.ONLINE
        reason = None
        if role is Role.DELEGATE and luck < 0.04:
            status, reason = AttendanceStatus.ABSENT_EXCUSED, rng.choice(vi.ABSENCE_REASONS)
        elif role is Role.DELEGATE and luck < 0.07:
            status = AttendanceStatus.LATE
        checked = None if reason else _iso(start - timedelta(minutes=rng.randint(-20, 30)))
        return {"id": aid, "meeting_id": mid, "person_id": person.id, "site_id": site.id,
                "role": role.value, "status": status.value, "reason": reason,
                "checked_in_at": checked, "position": position}

    def agenda(self, rows: _Rows, mid: int, start: datetime, fill: dict[str, Any],
               attendees: list[tuple[int, _Person]]) -> list[tuple[int, datetime]]:
        """Agenda items in order, with their start times."""
        middle = self.rng.sample(vi.AGENDA_ITEMS[1:-1], self.rng.randint(2, 4))
        titles = [vi.AGENDA_ITEMS[0], *middle, vi.AGENDA_ITEMS[-1]]
        items: list[tuple[int, datetime]] = []
        at = start + timedelta(minutes=5)
        for position, title in enumerate(titles, start=1):
            planned = self.rng.choice((10, 20, 30, 40))
            item_id = self.new_id("agenda_items")
            rows.add("agenda_items", {
                "id": item_id, "meeting_id": mid, "position": position,
                "title": title.format(**fill), "planned_minutes": planned,
                "presenter_id": self.rng.choice(attendees[:20])[1].id,
                "actual_start": _iso(at), "actual_end": _iso(at + timedelta(minutes=planned))})
            items.append((item_id, at))
            at += timedelta(minutes=planned)
        return items

    def notes(self, rows: _Rows, mid: int, start: datetime, minutes: int, fill: dict[str, Any],
              attendees: list[tuple[int, _Person]], items: list[tuple[int, datetime]],
              provinces: list[_SiteInfo]) -> None:
        rng = self.rng
        step = minutes * 60 / NOTES_PER_MEETING
        for k in range(NOTES_PER_MEETING):
            at = start + timedelta(seconds=int(300 + k * step))
            item_id = next((i for i, s in reversed(items) if s <= at), items[0][0])
            aid, speaker = rng.choice(attendees)
            kind = rng.choices(list(NoteKind), weights=(70, 8, 4, 6, 12))[0]
            if kind is NoteKind.REMARK:
                aid = None
            text = self.note_text(speaker, fill, attendees, provinces, start.date())
            nid = self.new_id("notes")
            rows.add("notes", {
                "id": nid, "meeting_id": mid, "text": text, "at": _iso(at),
                "kind": kind.value, "agenda_item_id": item_id, "speaker_id": aid,
                "site_id": speaker.site_id, "revision": 1})
            rows.add("note_revisions", {"id": self.new_id("note_revisions"), "note_id": nid,
                                        "revision": 1, "text": text, "saved_at": _iso(at)})
            for reference in dict.fromkeys(c.reference for c in find_citations(text)):
                rows.add("note_citations",
                         {"note_id": nid, "document_id": self.doc_ids[reference]})

    def note_text(self, speaker: _Person, fill: dict[str, Any],
                  attendees: list[tuple[int, _Person]], provinces: list[_SiteInfo],
                  day: date) -> str:
        rng = self.rng
        sentences = rng.sample(vi.SENTENCES, rng.choice((1, 1, 2, 2, 2, 3, 4)))
        if rng.random() < 0.002:
            sentences.append(vi.RARE_SENTENCES[0])
        chair = attendees[0][1]
        out: list[str] = []
        for sentence in sentences:
            other = rng.choice(attendees)[1]
            prov = rng.choice(provinces)
            out.append(sentence.format(
                dc=f"{other.name}, {other.title}", chair=f"{chair.name}, {chair.title}",
                name=speaker.name, unit=prov.unit,
                prov=prov.name, doc=rng.choice(vi.DOCUMENTS),
                n=_figure(rng.randint(3, 2_500)), m=_figure(rng.randint(1_000, 250_000)),
                pct=f"{rng.uniform(80, 100):.1f}%".replace(".", ","),
                q=fill["q"], q2=fill["q2"], y=fill["y"],
                date=f"{(d := day + timedelta(days=rng.randint(10, 60))).day}/{d.month}/{d.year}"))
        return clean_text(" ".join(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the desk file to write (replaced)")
    parser.add_argument("--meetings", type=int, default=MEETINGS,
                        help=f"number of meetings (default {MEETINGS}); attendances and notes "
                             "scale with it")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--reuse", action="store_true",
                        help="keep an existing desk that already has the expected row counts")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = build_bench_desk(args.out, args.meetings, seed=args.seed, reuse=args.reuse, log=print)
    counts = desk_counts(path) or {}
    print(f"{path}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items())
          + f"; {path.stat().st_size / 2**20:.1f} MiB; {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
