"""Export of the attendance list and the site table; export → import round trips."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from test_import_lists import demo_meeting_id

from meetingdesk.exchange.cells import inert, uninert
from meetingdesk.exchange.errors import ExchangeError
from meetingdesk.exchange.export import ATTENDANCE_HEADERS, SITE_HEADERS, export_table
from meetingdesk.exchange.importer import apply_import, plan_import
from meetingdesk.exchange.mapping import guess_mapping
from meetingdesk.exchange.reader import read_table
from meetingdesk.services import directory, meetings, participation
from meetingdesk.store.desk import Desk, open_desk


def attendance_rows(desk: Desk, meeting_id: int) -> list[tuple[object, ...]]:
    return sorted((e.person.full_name, e.person.titles, e.person.organization,
                   e.site.name if e.site else None, e.attendance.role, e.attendance.status,
                   e.attendance.reason, e.person.phone, e.person.email)
                  for e in participation.attendance_list(desk, meeting_id))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_attendance_then_import_into_fresh_desk_gives_the_same_rows(
        demo_desk: Desk, tmp_path: Path, suffix: str) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    participation.update_attendance(
        demo_desk, participation.attendance_list(demo_desk, meeting_id)[1].attendance.id,
        status="absent_excused", reason="=HYPERLINK(\"http://x\") đi công tác")
    path = tmp_path / f"thanh-phan{suffix}"
    assert export_table(demo_desk, meeting_id, "attendance", path) == 5
    with open_desk(tmp_path / "fresh.db") as fresh:
        target = meetings.create_meeting(fresh, title="Giao ban")
        assert target.id is not None
        table = read_table(path)
        apply_import(fresh, plan_import(fresh, table, guess_mapping(table.headers), target.id))
        assert attendance_rows(fresh, target.id) == attendance_rows(demo_desk, meeting_id)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_site_table_then_import_gives_the_same_sites(demo_desk: Desk, tmp_path: Path,
                                                            suffix: str) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    path = tmp_path / f"diem-cau{suffix}"
    assert export_table(demo_desk, meeting_id, "sites", path) == 7
    with open_desk(tmp_path / "fresh.db") as fresh:
        target = meetings.create_meeting(fresh, title="Giao ban")
        assert target.id is not None
        table = read_table(path)
        apply_import(fresh, plan_import(fresh, table, guess_mapping(table.headers), target.id))

        def rows(desk: Desk, mid: int) -> list[tuple[object, ...]]:
            return [(e.site.name, e.site.code, e.site.aliases, e.site.contact_name,
                     e.meeting_site.summoned) for e in participation.meeting_sites(desk, mid)]

        assert rows(fresh, target.id) == rows(demo_desk, meeting_id)


def test_export_csv_is_utf8_with_bom_and_formulas_are_inert(demo_desk: Desk,
                                                           tmp_path: Path) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    person = directory.list_people(demo_desk, "Mai Văn Chính")[0]
    directory.update_person(demo_desk, person.id, organization="=1+1", phone="+84 912 345 678",
                            email="@cmd|' /C calc'!A0")
    path = tmp_path / "a.csv"
    export_table(demo_desk, meeting_id, "attendance", path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(ATTENDANCE_HEADERS)
    chinh = next(r for r in rows if r[1] == "Mai Văn Chính")
    assert chinh[3] == "'=1+1" and chinh[9] == "'+84 912 345 678"
    assert chinh[10].startswith("'@")


def test_export_xlsx_has_no_formula_cells_and_text_as_typed(demo_desk: Desk,
                                                            tmp_path: Path) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    person = directory.list_people(demo_desk, "Mai Văn Chính")[0]
    directory.update_person(demo_desk, person.id, organization="=SUM(A1:A9)",
                            phone="+84 912 345 678")
    path = tmp_path / "a.xlsx"
    export_table(demo_desk, meeting_id, "sites", path)
    export_table(demo_desk, meeting_id, "attendance", path)
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]] == list(ATTENDANCE_HEADERS)
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    chinh = next(row for row in ws.iter_rows(values_only=True) if row[1] == "Mai Văn Chính")
    assert chinh[3] == "=SUM(A1:A9)" and chinh[9] == "+84 912 345 678"
    assert chinh[8] == "13:50 03/4/2023"
    assert len(SITE_HEADERS) == 13


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "'=x", "a=b", ""])
def test_inert_is_undone_exactly_by_uninert(text: str) -> None:
    made = inert(text)
    assert not made.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert uninert(made) == text


def test_export_unknown_suffix_is_refused(demo_desk: Desk, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError):
        export_table(demo_desk, demo_meeting_id(demo_desk), "attendance", tmp_path / "a.pdf")
