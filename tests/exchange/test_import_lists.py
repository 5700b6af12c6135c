"""Importing delegate and site lists: mapping, plan, one transaction, no duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_builders import DELEGATES, delegate_workbook

from meetingdesk.domain.enums import AttendanceStatus, Role
from meetingdesk.domain.errors import ConflictError, NotFoundError
from meetingdesk.domain.text import fold
from meetingdesk.exchange.errors import ExchangeError
from meetingdesk.exchange.importer import Action, apply_import, plan_import
from meetingdesk.exchange.mapping import Field, guess_mapping, parse_mapping
from meetingdesk.exchange.reader import read_table
from meetingdesk.services import directory, meetings, participation
from meetingdesk.services.demo import DEMO_TITLE
from meetingdesk.store.backup import backup_dir_for
from meetingdesk.store.desk import Desk


def demo_meeting_id(desk: Desk) -> int:
    (summary,) = [s for s in meetings.list_meetings(desk) if s.meeting.title == DEMO_TITLE]
    assert summary.meeting.id is not None
    return summary.meeting.id


def people_count(desk: Desk) -> int:
    return len(directory.list_people(desk))


def test_guess_mapping_knows_vietnamese_and_english_headers() -> None:
    headers = ["STT", "Họ và tên", "CHỨC VỤ", "Đơn vị công tác", "Điểm cầu", "SĐT",
               "E-mail", "Ho ten (*)"]
    assert guess_mapping(headers) == {
        Field.FULL_NAME: 1, Field.TITLES: 2, Field.ORGANIZATION: 3, Field.SITE: 4,
        Field.PHONE: 5, Field.EMAIL: 6}
    assert guess_mapping(["Name", "Title", "Organization", "Site", "Phone", "Email"]) == {
        Field.FULL_NAME: 0, Field.TITLES: 1, Field.ORGANIZATION: 2, Field.SITE: 3,
        Field.PHONE: 4, Field.EMAIL: 5}
    assert guess_mapping(["Họ tên", "Chức danh"]) == {Field.FULL_NAME: 0, Field.TITLES: 1}


def test_parse_mapping_corrects_by_number_or_header_and_refuses_nonsense() -> None:
    headers = ["Tên", "Chức danh", "Nơi ở"]
    assert parse_mapping("full_name=1,organization=Nơi ở", headers) == {
        Field.FULL_NAME: 0, Field.ORGANIZATION: 2}
    with pytest.raises(ExchangeError):
        parse_mapping("shoe_size=2", headers)
    with pytest.raises(ExchangeError):
        parse_mapping("full_name=9", headers)


def test_read_table_finds_headers_under_merged_title_cells(tmp_path: Path) -> None:
    table = read_table(delegate_workbook(tmp_path / "ds.xlsx"))
    assert table.headers == ["STT", "HỌ VÀ TÊN", "Chức vụ", "Đơn vị công tác", "Điểm cầu",
                             "Điện thoại", "Email"]
    assert table.header_line == 4
    assert [cells[1] for _, cells in table.rows] == [d[0] for d in DELEGATES]
    assert table.rows[0][0] == 6


def test_import_acceptance_merged_xlsx_into_demo_meeting_names_and_titles_right(
        demo_desk: Desk, tmp_path: Path) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    table = read_table(delegate_workbook(tmp_path / "ds.xlsx"))
    plan = plan_import(demo_desk, table, guess_mapping(table.headers), meeting_id)
    # Phạm Hoàng Sơn is already in the demo meeting with these titles: only his phone is new.
    assert [(r.name, r.action) for r in plan.rows] == [
        ("Nguyễn Văn Đức", Action.ADD), ("Phạm Hoàng Sơn", Action.UPDATE),
        ("Lê Thị Thanh Thủy", Action.ADD), ("Trần Quốc Vượng", Action.ADD)]
    assert plan.rows[1].values == {"phone": "0912345602"} and plan.rows[1].attend is None
    summary = apply_import(demo_desk, plan)
    assert summary.backup is not None and summary.backup.is_file()
    entries = {e.person.full_name: e for e in
               participation.attendance_list(demo_desk, meeting_id)}
    duc = entries["Nguyễn Văn Đức"]
    assert duc.person.titles == ("Phó Chủ tịch UBND tỉnh",)
    assert duc.person.organization == "UBND tỉnh Thái Nguyên"
    assert duc.person.phone == "0912345601"
    assert duc.site is not None and duc.site.name == "Thái Nguyên"
    assert entries["Phạm Hoàng Sơn"].person.titles == (
        "Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh")
    assert entries["Lê Thị Thanh Thủy"].site.name == "Cao Bằng"  # type: ignore[union-attr]
    vuong = entries["Trần Quốc Vượng"]
    assert vuong.site is not None and vuong.site.name == "Tuyên Quang"  # former Hà Giang
    assert vuong.person.titles == ("Trưởng Ban Tổ chức Tỉnh ủy",)
    assert vuong.attendance.role is Role.DELEGATE


def test_import_same_list_twice_adds_nothing_the_second_time(demo_desk: Desk,
                                                            tmp_path: Path) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    path = delegate_workbook(tmp_path / "ds.xlsx")
    table = read_table(path)
    apply_import(demo_desk, plan_import(demo_desk, table, guess_mapping(table.headers),
                                        meeting_id))
    people, attending = people_count(demo_desk), len(
        participation.attendance_list(demo_desk, meeting_id))
    again = plan_import(demo_desk, read_table(path), guess_mapping(table.headers), meeting_id)
    assert {r.action for r in again.rows} == {Action.SKIP}
    apply_import(demo_desk, again)
    assert people_count(demo_desk) == people
    assert len(participation.attendance_list(demo_desk, meeting_id)) == attending


def test_import_matches_people_whatever_the_tone_placement_and_case(desk: Desk,
                                                                   tmp_path: Path) -> None:
    directory.add_person(desk, full_name="Nguyễn Thị Hòa", titles=("Chuyên viên",))
    path = tmp_path / "a.csv"
    path.write_text("Họ tên,Chức vụ,Email\nNGUYỄN THỊ HOÀ,Chuyên viên,hoa@example.vn\n",
                    encoding="utf-8")
    table = read_table(path)
    (row,) = plan_import(desk, table, guess_mapping(table.headers)).rows
    assert row.action is Action.UPDATE and row.values == {"email": "hoa@example.vn"}


def test_import_dry_run_plan_writes_nothing(demo_desk: Desk, tmp_path: Path) -> None:
    before = people_count(demo_desk)
    table = read_table(delegate_workbook(tmp_path / "ds.xlsx"))
    plan = plan_import(demo_desk, table, guess_mapping(table.headers),
                       demo_meeting_id(demo_desk))
    assert plan.count(Action.ADD) == 3
    assert people_count(demo_desk) == before
    assert not backup_dir_for(demo_desk.path).exists()


def test_import_refuses_a_stale_plan_and_writes_nothing(demo_desk: Desk,
                                                        tmp_path: Path) -> None:
    table = read_table(delegate_workbook(tmp_path / "ds.xlsx"))
    plan = plan_import(demo_desk, table, guess_mapping(table.headers),
                       demo_meeting_id(demo_desk))
    directory.add_person(demo_desk, full_name="Nguyễn Văn Đức",
                         site_id=directory.find_site(demo_desk, "Thái Nguyên").id)  # type: ignore[union-attr]
    before = people_count(demo_desk)
    with pytest.raises(ConflictError):
        apply_import(demo_desk, plan)
    assert people_count(demo_desk) == before


def test_import_failure_midway_rolls_back_everything(demo_desk: Desk, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from meetingdesk.services.bulk import Batch

    table = read_table(delegate_workbook(tmp_path / "ds.xlsx"))
    plan = plan_import(demo_desk, table, guess_mapping(table.headers),
                       demo_meeting_id(demo_desk))
    calls = []
    original = Batch.add_attendance

    def failing(self: Batch, **kwargs: object) -> int:
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Batch, "add_attendance", failing)
    before = people_count(demo_desk)
    with pytest.raises(RuntimeError):
        apply_import(demo_desk, plan)
    assert people_count(demo_desk) == before


def test_import_unknown_site_is_added_once_and_joins_the_meeting(demo_desk: Desk,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Họ tên;Điểm cầu;Trạng thái\nA Văn Một;Xã Đồng Hỷ;Có mặt trực tuyến\n"
                    "B Văn Hai;xã đồng hỷ;Vắng mặt\n", encoding="utf-8")
    meeting_id = demo_meeting_id(demo_desk)
    table = read_table(path)
    plan = plan_import(demo_desk, table, guess_mapping(table.headers), meeting_id)
    assert [s.name for s in plan.new_sites] == ["Xã Đồng Hỷ"]
    summary = apply_import(demo_desk, plan)
    assert (summary.sites_added, summary.meeting_sites_added) == (1, 1)
    statuses = {e.person.full_name: e.attendance.status
                for e in participation.attendance_list(demo_desk, meeting_id)}
    assert statuses["A Văn Một"] is AttendanceStatus.ONLINE
    assert statuses["B Văn Hai"] is AttendanceStatus.ABSENT


def test_import_default_site_applies_to_rows_without_one(desk: Desk, tmp_path: Path) -> None:
    site = directory.add_site(desk, name="Thái Nguyên", code="19", aliases=("Bắc Kạn",))
    path = tmp_path / "a.csv"
    path.write_text("Họ tên\nA Văn Một\n", encoding="utf-8")
    table = read_table(path)
    apply_import(desk, plan_import(desk, table, guess_mapping(table.headers),
                                   site_code="bac kan"))
    (person,) = directory.list_people(desk)
    assert person.site_id == site.id
    with pytest.raises(ExchangeError):
        plan_import(desk, table, guess_mapping(table.headers), site_code="ZZ")


def test_import_same_name_twice_in_directory_is_skipped_as_ambiguous(desk: Desk,
                                                                    tmp_path: Path) -> None:
    directory.add_person(desk, full_name="Nguyễn Văn An")
    directory.add_person(desk, full_name="Nguyễn Văn An")
    path = tmp_path / "a.csv"
    path.write_text("Họ tên,Chức vụ\nNguyễn Văn An,Chuyên viên\n", encoding="utf-8")
    table = read_table(path)
    (row,) = plan_import(desk, table, guess_mapping(table.headers)).rows
    assert row.action is Action.SKIP and "cùng tên" in row.reason.vi


def test_import_site_list_adds_and_updates_sites(demo_desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_text("Điểm cầu,Mã điểm cầu,Người liên hệ,Điện thoại liên hệ,Số đại biểu\n"
                    "Bắc Kạn,,Hoàng Văn Liên,0208 3855 123,30\n"
                    "Điểm cầu xã Yên Bình,YB,Lò Thị Mai,,12\n", encoding="utf-8")
    meeting_id = demo_meeting_id(demo_desk)
    table = read_table(path)
    plan = plan_import(demo_desk, table, guess_mapping(table.headers), meeting_id)
    assert plan.kind == "sites"
    assert [r.action for r in plan.rows] == [Action.UPDATE, Action.ADD]
    apply_import(demo_desk, plan)
    tn = directory.find_site(demo_desk, "Thái Nguyên")
    assert tn is not None and tn.contact_name == "Hoàng Văn Liên"
    yb = directory.find_site(demo_desk, "YB")
    assert yb is not None and yb.contact_name == "Lò Thị Mai"
    summoned = {e.site.name: e.meeting_site.summoned
                for e in participation.meeting_sites(demo_desk, meeting_id)}
    assert summoned["Thái Nguyên"] == 30 and summoned["Điểm cầu xã Yên Bình"] == 12


def test_import_without_name_or_site_column_asks_for_a_mapping(desk: Desk,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    table = read_table(path)
    with pytest.raises(ExchangeError, match="cột"):
        plan_import(desk, table, guess_mapping(table.headers))


def test_import_into_missing_meeting_is_refused(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Họ tên\nA\n", encoding="utf-8")
    table = read_table(path)
    with pytest.raises(NotFoundError):
        plan_import(desk, table, guess_mapping(table.headers), 999)


def test_import_keeps_names_nfc_even_from_decomposed_input(desk: Desk, tmp_path: Path) -> None:
    import unicodedata

    path = tmp_path / "a.csv"
    path.write_text(unicodedata.normalize("NFD", "Họ tên\nNguyễn Văn Đức\n"), encoding="utf-8")
    table = read_table(path)
    apply_import(desk, plan_import(desk, table, guess_mapping(table.headers)))
    (person,) = directory.list_people(desk)
    assert person.full_name == unicodedata.normalize("NFC", "Nguyễn Văn Đức")
    assert fold(person.full_name) == "nguyen van duc"


def test_import_new_site_given_by_code_and_by_name_is_added_once(desk: Desk,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    long_code = "x" * 3000
    path.write_text("Họ tên,Điểm cầu,Mã điểm cầu\nA Văn Một,Xã Yên Bình,YB\n"
                    f"B Văn Hai,Yên Bình (xã),YB\nC Văn Ba,Xã Yên Bình,\nD,,{long_code}\n",
                    encoding="utf-8")
    table = read_table(path)
    plan = plan_import(desk, table, guess_mapping(table.headers))
    assert [s.code for s in plan.new_sites] == ["YB"]  # a 3,000-letter code is refused, not cut
    assert plan.rows[-1].action is Action.SKIP and "dài quá" in plan.rows[-1].reason.vi
    apply_import(desk, plan)
    again = read_table(path)
    assert {r.action for r in plan_import(desk, again, guess_mapping(again.headers)).rows} == {
        Action.SKIP}


def test_import_odd_numbers_count_as_blank_and_the_import_completes(desk: Desk,
                                                                    tmp_path: Path) -> None:
    """``²`` passes str.isdigit() but not int(); a 30-digit number overflows SQLite INTEGER."""
    huge = "9" * 30
    people = tmp_path / "people.csv"
    people.write_text(f"Họ tên,Thứ tự ưu tiên\nA Văn Một,²\nB Văn Hai,{huge}\nC Văn Ba,٣\n"
                      "D Văn Bốn,7\n", encoding="utf-8")
    meeting = meetings.create_meeting(desk, title="Giao ban")
    assert meeting.id is not None
    table = read_table(people)
    apply_import(desk, plan_import(desk, table, guess_mapping(table.headers)))
    ranks = {p.full_name: p.rank for p in directory.list_people(desk)}
    assert ranks == {"A Văn Một": 1000, "B Văn Hai": 1000, "C Văn Ba": 1000, "D Văn Bốn": 7}

    sites = tmp_path / "sites.csv"
    sites.write_text(f"Điểm cầu,Số đại biểu\nXã Một,²\nXã Hai,{huge}\nXã Ba,12\n",
                     encoding="utf-8")
    table = read_table(sites)
    apply_import(desk, plan_import(desk, table, guess_mapping(table.headers), meeting.id))
    summoned = {e.site.name: e.meeting_site.summoned
                for e in participation.meeting_sites(desk, meeting.id)}
    assert summoned == {"Xã Một": 0, "Xã Hai": 0, "Xã Ba": 12}


def test_import_a_row_with_an_over_long_cell_is_skipped_not_cut(desk: Desk,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("\ufeffHọ tên,Chức vụ,Đơn vị\n"
                    f"Lê Văn An,Chuyên viên,{'Sở ' + 'x' * 2_001}\n"
                    f"Lê Văn Ba,{'Chuyên viên ' + 'x' * 2_001},Sở Nội vụ\n"
                    "\u202eTrần Thị Bình,Chuyên viên,Sở Nội vụ\n", encoding="utf-8")
    table = read_table(path)
    long_row, long_title, good_row = plan_import(desk, table,
                                                 guess_mapping(table.headers)).rows
    assert long_row.action is Action.SKIP and "dài quá 2.000 ký tự" in long_row.reason.vi
    assert long_title.action is Action.SKIP and long_title.name == "Lê Văn Ba"
    assert good_row.action is Action.ADD and good_row.name == "Trần Thị Bình"


def test_import_site_code_set_apart_only_by_a_combining_mark_is_the_same_site(
        desk: Desk, tmp_path: Path) -> None:
    """Found by the CSV fuzz test: a stored code is matched with the spaces around it
    removed, so an incoming one must be too, or the plan adds a site whose code is taken and
    the import fails after its backup."""
    for name in ("Alpha", "Beta"):
        path = tmp_path / f"{name}.csv"
        path.write_text(f"Điểm cầu,Mã điểm cầu\n{name},\u0301 NV A\n", encoding="utf-8")
        table = read_table(path)
        plan = plan_import(desk, table, guess_mapping(table.headers))
        assert plan.kind == "sites"
        apply_import(desk, plan, backup=False)
    (row,) = plan.rows  # the site found by its code: nothing of it to change
    assert (row.action, row.reason.key) == (Action.SKIP, "importer.already_unchanged")
    assert [s.name for s in directory.list_sites(desk)] == ["Alpha"]
