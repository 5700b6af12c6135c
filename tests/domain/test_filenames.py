"""Names of exported files."""

from datetime import date

from meetingdesk.domain.filenames import ascii_name, export_name


def test_export_name_reads_like_the_issue_asks() -> None:
    assert export_name("Biên bản", number=12, day=date(2023, 4, 3), suffix="pdf") == \
        "Bien ban so 12 - 2023-04-03.pdf"


def test_export_name_leaves_out_missing_parts() -> None:
    assert export_name("Thành phần dự họp", suffix=".xlsx") == "Thanh phan du hop.xlsx"
    assert export_name("Gói trao đổi", extra="Đắk Lắk", day=date(2025, 9, 15),
                       suffix="mdpkg") == "Goi trao doi - Dak Lak - 2025-09-15.mdpkg"


def test_ascii_name_drops_what_file_systems_refuse() -> None:
    assert ascii_name('Hà/Nội: "A" <b>? *') == "Ha Noi A b"
    assert ascii_name("...") == ""
