"""The lean flowables: word wrap with long words, splitting between lines and rows."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from meetingdesk.minutes.flowables import (
    LeanTable,
    Lines,
    LineStyle,
    TableStyle,
    width_of,
    wrap_runs,
)
from meetingdesk.minutes.fonts import BOLD, REGULAR, register_fonts

register_fonts()


def _texts(lines: list[list[tuple[str, str]]]) -> list[str]:
    return ["".join(t for t, _ in line) for line in lines]


def test_minutes_flowables_wrap_keeps_words_and_fonts() -> None:
    runs = [("Thời gian: ", BOLD), ("14 giờ 00 phút, ngày 03 tháng 4 năm 2023.", REGULAR)]
    lines = wrap_runs(runs, 14, 150, 200)
    assert " ".join(_texts(lines)) == "Thời gian: 14 giờ 00 phút, ngày 03 tháng 4 năm 2023."
    assert lines[0][0] == ("Thời gian:", BOLD)
    assert all(sum(width_of(t, f, 14) for t, f in line) <= 200 for line in lines)


def test_minutes_flowables_wrap_breaks_a_word_longer_than_the_line() -> None:
    word = "Đ" + "ư" * 5_000
    lines = wrap_runs([(f"Mở đầu {word} cuối", REGULAR)], 12, 100, 300)
    assert "".join(_texts(lines)).replace(" ", "") == f"Mởđầu{word}cuối"
    assert all(sum(width_of(t, f, 12) for t, f in line) <= 300 for line in lines)
    assert len(lines) > 100


def test_minutes_flowables_lines_split_between_lines() -> None:
    block = Lines([("chữ " * 400, REGULAR)], LineStyle(12, 14))
    _, height = block.wrap(300, 10_000)
    first, rest = block.split(300, height / 2)
    assert first.wrap(300, 10_000)[1] + rest.wrap(300, 10_000)[1] == height


def test_minutes_flowables_table_splits_a_row_taller_than_a_page(tmp_path: object) -> None:
    style = TableStyle(REGULAR, BOLD, 12, 14, 2, 0.5, (40.0, 200.0), ("center", "left"))
    frame = 700.0
    rows = [("1", "ngắn"), ("2", "X" * 20_000), ("3", "cuối")]
    table = LeanTable(("TT", "Nội dung"), rows, style, frame)
    assert table.wrap(240, frame)[1] > frame
    parts = table.split(240, frame)
    assert len(parts) == 2 and parts[0].wrap(240, frame)[1] <= frame
    out = tmp_path / "t.pdf"  # type: ignore[operator]
    SimpleDocTemplate(str(out), pagesize=A4, initialFontName=REGULAR).build(
        [LeanTable(("TT", "Nội dung"), rows, style, A4[1] - 144)])
    assert out.read_bytes().startswith(b"%PDF")
