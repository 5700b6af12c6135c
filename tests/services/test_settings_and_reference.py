"""The provinces reference data, the demo and the health check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from meetingdesk.domain.enums import SiteKind
from meetingdesk.services import directory, meetings, notes, participation
from meetingdesk.services.demo import DEMO_TITLE, build_demo
from meetingdesk.services.health import check_desk
from meetingdesk.services.reference import load_provinces, read_provinces
from meetingdesk.store.desk import Desk


def test_provinces_are_the_34_units_with_their_former_names() -> None:
    provinces = read_provinces()
    assert len(provinces) == 34
    assert sum(len(p.former) for p in provinces) == 63
    thai_nguyen = next(p for p in provinces if p.name == "Thái Nguyên")
    assert thai_nguyen.former == ("Thái Nguyên", "Bắc Kạn")


def test_provinces_load_once_and_complete_former_names(desk: Desk) -> None:
    assert directory.list_sites(desk) == []
    assert load_provinces(desk) == 34
    assert {s.code for s in directory.list_sites(desk)} == {p.code for p in read_provinces()}
    site = directory.find_site(desk, "Bắc Kạn")
    assert site is not None and site.id is not None
    assert (site.name, site.kind, site.aliases) == ("Thái Nguyên", SiteKind.PROVINCE, ("Bắc Kạn",))
    directory.update_site(desk, site.id, aliases=("Bắc Thái",))
    assert load_provinces(desk) == 0
    assert directory.get_site(desk, site.id).aliases == ("Bắc Thái", "Bắc Kạn")
    assert len(directory.list_sites(desk)) == 34


def test_demo_builds_the_briefing_of_3_april_2023_and_rebuilds_it_once(demo_desk: Desk) -> None:
    build_demo(demo_desk)
    (summary,) = [s for s in meetings.list_meetings(demo_desk)
                  if s.meeting.title == DEMO_TITLE]
    meeting_id = summary.meeting.id or 0
    assert (summary.site_count, summary.delegate_count) == (7, 5)
    assert len(notes.notes_of(demo_desk, meeting_id)) == 6
    assert [d.reference for d in notes.cited_documents(demo_desk, meeting_id)] == [
        "96-QĐ/TW", "50-KL/TW", "18-NQ/TW", "08-KL/BTCTW"]
    assert len(notes.tasks_of(demo_desk, meeting_id)) == 2
    chair = participation.attendance_list(demo_desk, meeting_id)[0]
    assert chair.person.full_name == "Mai Văn Chính"
    assert len(directory.list_people(demo_desk)) == 5
    cited = {d.reference: d for d in notes.cited_documents(demo_desk, meeting_id)}
    assert cited["18-NQ/TW"].title is not None and "tinh gọn" in cited["18-NQ/TW"].title
    counts = [s.headcount for s in participation.meeting_sites(demo_desk, meeting_id)]
    assert all(c.reported is not None and c.accounted for c in counts)
    assert sum(c.present for c in counts) == 170


def test_health_check_of_a_good_desk_reports_wal(demo_copy: Desk) -> None:
    demo_copy.close()
    report = check_desk(demo_copy.path)
    assert report.ok
    assert "integrity_check: ok" in report.lines
    assert "journal_mode: wal" in report.lines


def test_health_check_reports_broken_foreign_keys(desk: Desk, desk_path: Path) -> None:
    desk.close()
    conn = sqlite3.connect(desk_path)
    conn.execute("INSERT INTO tasks (meeting_id, description) VALUES (42, 'mồ côi')")
    conn.commit()
    conn.close()
    report = check_desk(desk_path)
    assert not report.ok
    assert "foreign_key_check: LỖI — 1 vi phạm" in report.lines
