"""A corpus of hostile archives and spreadsheets, built here: each is refused quickly with a
clear message, nothing is written to the desk and nothing appears outside the temp folder."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from exchange_builders import delegate_workbook, zip_with

from meetingdesk.exchange import zipguard
from meetingdesk.exchange.errors import ExchangeError, HostileFileError, UnreadableFileError
from meetingdesk.exchange.packages import import_package
from meetingdesk.exchange.reader import read_table
from meetingdesk.store.backup import backup_dir_for
from meetingdesk.store.desk import Desk

BOMB_XML = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                       .encode() for i in range(1, 10))
            + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
              b"</sheetData></worksheet>")


def xlsx_with_member(tmp_path: Path, member: str, data: bytes) -> Path:
    source = delegate_workbook(tmp_path / "good.xlsx")
    target = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == member else src.read(info))
    return target


def zeros_bomb(tmp_path: Path, size: int) -> Path:
    path = tmp_path / "bomb.mdpkg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("manifest.json", "w", force_zip64=True) as f:
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)
        zf.writestr("records.json", b"[]")
    return path


Builder = Callable[[Path], Path]

CORPUS: dict[str, tuple[Builder, str]] = {
    "dotdot path": (lambda p: zip_with(p / "a.mdpkg", {"../../evil.txt": b"x"}), ".."),
    "absolute path": (lambda p: zip_with(p / "a.mdpkg", {"/etc/evil": b"x"}), "/etc/evil"),
    "backslash path": (lambda p: zip_with(p / "a.mdpkg", {"..\\evil": b"x"}), "evil"),
    "drive path": (lambda p: zip_with(p / "a.mdpkg", {"C:/evil": b"x"}), "C:"),
    "symlink": (lambda p: zip_with(p / "a.mdpkg", {"manifest.json": b"{}"},
                                   symlink="records.json"), "liên kết"),
    "1001 members": (lambda p: zip_with(p / "a.mdpkg", {f"m{i}": b"" for i in range(1001)}),
                     "1.001"),
    "zip bomb": (lambda p: zeros_bomb(p, 64 << 20), "100"),
    "not a zip": (lambda p: _write(p / "a.mdpkg", b"PK\x03\x04 truncated"), "ZIP"),
    "xlsx xml bomb": (lambda p: xlsx_with_member(p, "xl/worksheets/sheet1.xml", BOMB_XML),
                      "XML"),
    "xlsx external entity": (lambda p: xlsx_with_member(
        p, "xl/workbook.xml",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&e;'
        b"</workbook>"), "XML"),
    "xlsx with dotdot member": (lambda p: zip_with(
        p / "a.xlsx", {"[Content_Types].xml": b"<x/>", "../evil": b"x"}), ".."),
    "csv 1,000,000 rows": (lambda p: _write(p / "big.csv", b"Ho ten,Chuc vu\n"
                                            + b"Nguyen Van A,Chuyen vien\n" * 1_000_000),
                           "100.000"),
    "csv 10 MB cell": (lambda p: _write(p / "cell.csv", b"Ho ten\n" + b"A" * (10 << 20)),
                       "dòng"),
    "csv 10 MB quoted cell": (lambda p: _write(p / "cell.csv", b'Ho ten\n"'
                                               + b"A\n" * (5 << 20) + b'"\n'), "dòng"),
    "csv too many columns": (lambda p: _write(p / "wide.csv", b",".join([b"x"] * 5000)),
                             "5.000"),
    "old xls": (lambda p: _write(p / "a.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 600), ".xls"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _open(path: Path, desk: Desk) -> None:
    if path.suffix == ".mdpkg":
        import_package(desk, path)
    else:
        read_table(path)


@pytest.mark.parametrize("case", list(CORPUS), ids=list(CORPUS))
def test_hostile_file_is_refused_quickly_and_nothing_is_written(
        case: str, desk: Desk, tmp_path: Path) -> None:
    build, match = CORPUS[case]
    folder = tmp_path / "in"
    folder.mkdir()
    path = build(folder)
    before = {p for p in tmp_path.parent.iterdir()}
    changes = desk.db.execute("PRAGMA data_version").fetchone()[0]
    people = desk.db.execute("SELECT count(*) FROM people").fetchone()[0]
    start = time.perf_counter()
    with pytest.raises(ExchangeError) as caught:
        _open(path, desk)
    elapsed = time.perf_counter() - start
    assert elapsed < 5, f"{case} took {elapsed:.1f} s"
    assert match in caught.value.vi
    assert caught.value.en and caught.value.en != caught.value.vi
    assert desk.db.execute("SELECT count(*) FROM people").fetchone()[0] == people
    assert desk.db.execute("PRAGMA data_version").fetchone()[0] == changes
    assert not backup_dir_for(desk.path).exists()
    assert {p for p in tmp_path.parent.iterdir()} == before
    assert not (tmp_path.parent / "evil.txt").exists() and not Path("/etc/evil").exists()


def test_zipguard_stops_at_the_uncompressed_total_while_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipguard, "MAX_UNCOMPRESSED_BYTES", 300_000)
    data = bytes(range(256)) * 2000  # 512 kB that hardly compresses
    path = zip_with(tmp_path / "a.mdpkg", {"a": data[:200_000], "b": data[:200_000]})
    with pytest.raises(HostileFileError, match="MB"):
        zipguard.check_archive(path)


def test_zipguard_does_not_trust_sizes_in_headers(tmp_path: Path) -> None:
    """A member whose headers claim 10 bytes but that inflates to 8 MB is refused cleanly."""
    path = tmp_path / "liar.mdpkg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b" " * (8 << 20))
    raw = bytearray(path.read_bytes())
    local = raw.index(b"PK\x03\x04")
    central = raw.index(b"PK\x01\x02")
    raw[local + 22:local + 26] = (10).to_bytes(4, "little")
    raw[central + 24:central + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as zf:
        assert zf.infolist()[0].file_size == 10
    with pytest.raises(HostileFileError):
        zipguard.check_archive(path)


def test_good_workbook_passes_the_guard(tmp_path: Path) -> None:
    zipguard.check_archive(delegate_workbook(tmp_path / "ok.xlsx"))


def test_unreadable_xlsx_parts_give_a_clear_message(tmp_path: Path) -> None:
    path = xlsx_with_member(tmp_path, "xl/workbook.xml", b"<not-closed")
    with pytest.raises(UnreadableFileError, match="XLSX"):
        read_table(path)


def test_sheet_of_many_empty_rows_is_refused_at_the_line_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from meetingdesk.exchange import table

    monkeypatch.setattr(table, "MAX_LINES", 500)
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Họ và tên"])
    ws.append(["Nguyễn Văn Đức"])
    ws.cell(row=2000, column=1).number_format = "0"  # a formatted cell far below
    path = tmp_path / "tall.xlsx"
    wb.save(path)
    with pytest.raises(HostileFileError, match="500"):
        read_table(path)


def test_zipguard_names_a_missing_file_or_a_folder_for_what_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "folder.mdpkg"
    folder.mkdir()
    (tmp_path / "text.mdpkg").write_text("không phải ZIP")
    for path, error, words in ((tmp_path / "missing.mdpkg", UnreadableFileError,
                                "Không tìm thấy tệp"),
                               (folder, UnreadableFileError, "là một thư mục"),
                               (tmp_path / "text.mdpkg", HostileFileError,
                                "không phải tệp nén ZIP")):
        with pytest.raises(error, match=words), zipguard.open_zip(path):
            pass
