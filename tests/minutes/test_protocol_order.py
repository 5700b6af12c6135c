"""A list imported in the wrong order comes out of the exports and the minutes in protocol
order (the precedence table of meetingdesk.domain.precedence)."""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import body_text, squeeze

from meetingdesk.exchange.export import export_table
from meetingdesk.exchange.importer import apply_import, plan_import
from meetingdesk.exchange.mapping import guess_mapping
from meetingdesk.exchange.reader import read_table
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.generate import minutes_pdf
from meetingdesk.minutes.profiles import profile_for
from meetingdesk.services import directory, meetings, participation
from meetingdesk.store.desk import Desk

PROTOCOL = ["Trịnh Việt Hùng", "Phạm Hoàng Sơn", "Dương Xuân Hùng", "Lê Thị Thu"]
WRONG_ORDER = [  # as a site might send it: staff first, the Secretary last
    ("Lê Thị Thu", "Tỉnh ủy viên"),
    ("Dương Xuân Hùng", "Uỷ viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh uỷ"),
    ("Phạm Hoàng Sơn", "Phó Bí thư Tỉnh ủy"),
    ("Trịnh Việt Hùng", "Bí thư Tỉnh ủy"),
]


def _import(desk: Desk, tmp_path: Path) -> int:
    meeting = meetings.create_meeting(desk, title="Giao ban quý 3")
    assert meeting.id is not None
    site = directory.add_site(desk, name="Thái Nguyên")
    participation.add_meeting_site(desk, meeting_id=meeting.id, site_id=site.id or 0)
    path = tmp_path / "dai-bieu.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Họ và tên", "Chức vụ", "Điểm cầu"])
        for name, title in WRONG_ORDER:
            writer.writerow([name, title, "Thái Nguyên"])
    table = read_table(path)
    apply_import(desk, plan_import(desk, table, guess_mapping(table.headers),
                                   meeting_id=meeting.id))
    return meeting.id


def test_imported_people_get_their_rank_from_the_titles(desk: Desk, tmp_path: Path) -> None:
    _import(desk, tmp_path)
    ranked = directory.list_people(desk, by_rank=True)
    assert [p.full_name for p in ranked] == PROTOCOL


def test_export_lists_the_import_in_protocol_order(desk: Desk, tmp_path: Path) -> None:
    meeting_id = _import(desk, tmp_path)
    out = tmp_path / "thanh-phan.csv"
    export_table(desk, meeting_id, "attendance", out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[1:]
    assert [r[1] for r in rows] == PROTOCOL
    assert [r[0] for r in rows] == ["1", "2", "3", "4"]


def test_minutes_list_the_import_in_protocol_order(desk: Desk, tmp_path: Path) -> None:
    meeting_id = _import(desk, tmp_path)
    doc = build_minutes(desk, meeting_id, profile_for("state"))
    (site,) = doc.sites
    listed = [next(n for n in PROTOCOL if n in str(row)) for row in site.delegates]
    assert listed == PROTOCOL
    text = squeeze(body_text(minutes_pdf(desk, meeting_id)))
    positions = [text.index(squeeze(n)) for n in PROTOCOL]
    assert positions == sorted(positions)


def test_hand_set_rank_wins_over_the_table(desk: Desk, tmp_path: Path) -> None:
    meeting_id = _import(desk, tmp_path)
    thu = next(p for p in directory.list_people(desk) if p.full_name == "Lê Thị Thu")
    directory.update_person(desk, thu.id or 0, rank=1)
    names = [e.person.full_name for e in participation.attendance_list(desk, meeting_id)]
    assert names[0] == "Lê Thị Thu"
    directory.update_person(desk, thu.id or 0, titles=("Tỉnh ủy viên", "Nhà báo"))
    assert directory.get_person(desk, thu.id or 0).rank == 1
