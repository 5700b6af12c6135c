"""A delegate list really saved by LibreOffice Calc (XLSX, merged title rows) imports right.

``tests/fixtures/libreoffice-delegates.xlsx`` was made once with LibreOffice 7 on Debian
(``soffice --headless --convert-to xlsx`` of an ODS with two merged title rows above the
headers); the test needs no LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

from meetingdesk.exchange.importer import apply_import, plan_import
from meetingdesk.exchange.mapping import guess_mapping
from meetingdesk.exchange.reader import read_table
from meetingdesk.services import participation
from meetingdesk.services.demo import DEMO_TITLE
from meetingdesk.services.meetings import list_meetings
from meetingdesk.store.desk import Desk

FILE = Path(__file__).resolve().parents[1] / "fixtures" / "libreoffice-delegates.xlsx"


def test_libreoffice_xlsx_imports_names_titles_and_sites(demo_desk: Desk) -> None:
    [meeting] = [s.meeting for s in list_meetings(demo_desk) if s.meeting.title == DEMO_TITLE]
    assert meeting.id is not None
    table = read_table(FILE)
    assert table.headers == ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điểm cầu"]
    apply_import(demo_desk, plan_import(demo_desk, table, guess_mapping(table.headers),
                                        meeting.id))
    listed = {e.person.full_name: e for e in participation.attendance_list(demo_desk,
                                                                           meeting.id)}
    assert listed["Trịnh Việt Hùng"].person.titles == ("Bí thư Tỉnh ủy",)
    assert listed["Nguyễn Thị Thủy"].person.titles == ("Phó Trưởng Ban Tổ chức Tỉnh ủy",)
    hoa = listed["Đỗ Đức Hoà"]
    assert hoa.person.organization == "Văn phòng Tỉnh ủy"
    assert hoa.site is not None and hoa.site.name == "Thái Nguyên"  # "Bắc Kạn": a former name
    again = plan_import(demo_desk, read_table(FILE), guess_mapping(table.headers), meeting.id)
    assert not again.adds and not again.updates
