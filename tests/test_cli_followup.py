"""The ``tasks``, ``notice`` and ``report`` commands, run in-process through ``cli.main``."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingdesk import cli
from meetingdesk.services.demo import build_demo
from meetingdesk.store.desk import open_desk


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("followup") / "demo.db"
    with open_desk(path) as desk:
        build_demo(desk)
    return path


def test_cli_tasks_overdue_lists_the_two_demo_tasks_due_30_06_2023(
        demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["tasks", "--db", str(demo_db), "--overdue", "--as-of", "2023-07-15"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    for line in lines[:2]:
        meeting_day, _what, _owner, due, status = line.split("\t")
        assert (meeting_day, due, status) == ("03/04/2023", "30/06/2023", "Quá hạn")
    assert lines[0].split("\t")[1].startswith("Quán triệt, triển khai thực hiện Kết luận số 50")
    assert lines[2] == "2 quá hạn (tính đến ngày 15/07/2023)"


def test_cli_tasks_before_the_due_date_shows_them_assigned(
        demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["tasks", "--db", str(demo_db), "--as-of", "2023-06-30"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[-1] for line in out[:2]] == ["Đã giao", "Đã giao"]
    assert cli.main(["tasks", "--db", str(demo_db), "--overdue", "--as-of", "2023-06-30"]) == 0
    assert capsys.readouterr().out.splitlines() == ["0 quá hạn (tính đến ngày 30/06/2023)"]


def test_cli_tasks_bad_input_gives_one_line(demo_db: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["tasks", "--db", str(demo_db), "--site", "XX"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["meetingdesk: Không có điểm cầu “XX”."]
    assert cli.main(["tasks", "--db", str(demo_db), "--meeting", "99"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "99" in err[0] and "cuộc họp" in err[0]
    with pytest.raises(SystemExit) as exited:
        cli.main(["tasks", "--db", str(demo_db), "--as-of", "15/07/2023"])
    assert exited.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["tasks", "--db", str(demo_db), "--as-of", "2023-02-30"])
    assert capsys.readouterr().err.splitlines() == [
        "meetingdesk tasks: argument --as-of: không có ngày “2023-02-30” trong lịch "
        "(meetingdesk tasks --help)"]


@pytest.mark.parametrize("profile", ["state", "party"])
def test_cli_notice_writes_a_pdf_version_and_a_docx(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        profile: str) -> None:
    pdf = tmp_path / "tb.pdf"
    assert cli.main(["notice", "1", "--db", str(demo_db), "-o", str(pdf), "--profile", profile,
                     "--date", "2023-04-07"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "bản mới" in capsys.readouterr().out
    out = tmp_path / "tb.docx"
    assert cli.main(["notice", "1", "--db", str(demo_db), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_cli_notice_refuses_another_kind_of_file(demo_db: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["notice", "1", "--db", str(demo_db), "-o", str(tmp_path / "tb.txt")]) == 1
    assert capsys.readouterr().err.strip() == (
        "meetingdesk: Tệp tb.txt: chỉ ghi được .pdf hoặc .docx.")
    assert not (tmp_path / "tb.txt").exists()


def test_cli_report_writes_a_pdf_and_an_xlsx(demo_db: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    for name in ("r.pdf", "r.xlsx"):
        assert cli.main(["report", "--db", str(demo_db), "--from", "2023-01-01",
                         "--to", "2023-12-31", "-o", str(tmp_path / name)]) == 0
        assert "Đã ghi báo cáo từ ngày 01/01/2023 đến ngày 31/12/2023" in (
            capsys.readouterr().out)
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["Dự họp theo điểm cầu", "Sự cố kết nối theo điểm cầu",
                               "Nhiệm vụ theo đơn vị thực hiện", "So sánh theo quý"]
    trouble = [[c.value for c in row] for row in book["Sự cố kết nối theo điểm cầu"].rows]
    assert trouble == [["Điểm cầu", "Mất kết nối", "Kết nối lại", "Phút mất kết nối"],
                       ["Cao Bằng", 1, 1, 7]]
    attendance = book["Dự họp theo điểm cầu"]
    assert attendance["E1"].value == "Tỷ lệ"
    rate, summoned, present = attendance["E2"], attendance["C2"].value, attendance["D2"].value
    assert rate.value == pytest.approx(present / summoned) and rate.number_format == "0.0%"


def test_cli_report_refuses_a_reversed_period_and_another_file(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    assert cli.main(["report", "--db", str(demo_db), "--from", "2023-12-31",
                     "--to", "2023-01-01", "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip() == (
        "meetingdesk: Ngày cuối kỳ trước ngày đầu kỳ.")
    assert cli.main(["report", "--db", str(demo_db), "--from", "2023-01-01",
                     "--to", "2023-12-31", "-o", str(tmp_path / "r.csv")]) == 1
    assert not out.exists() and not (tmp_path / "r.csv").exists()
