"""Encodings: UTF-8 with and without BOM, UTF-16, cp1258, TCVN3 and VNI, detected or chosen."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from exchange_builders import cp1258_encode, tcvn3_encode, vni_encode

from meetingdesk.exchange.encodings import detect, plausibility
from meetingdesk.exchange.errors import UnreadableFileError
from meetingdesk.exchange.reader import read_table

NAMES = ["Nguyễn Văn Đức", "Phạm Hoàng Sơn", "Dương Xuân Hùng", "Lê Thị Thanh Thủy",
         "Trần Quốc Vượng"]
TEXT = "Họ và tên,Chức vụ,Điểm cầu\n" + "".join(
    f"{n},Phó Chủ tịch UBND tỉnh,Thái Nguyên\n" for n in NAMES)


def names(path: Path, encoding: str | None = None) -> tuple[list[str], str | None]:
    table = read_table(path, encoding)
    return [cells[0] for _, cells in table.rows], table.encoding


@pytest.mark.parametrize(("raw", "codec"), [
    ("NguyÔn V¨n §øc".encode("latin-1"), "tcvn3"),
    ("Ph¹m Hoµng S¬n".encode("latin-1"), "tcvn3"),
    ("Th¸i Nguyªn".encode("latin-1"), "tcvn3"),
    ("Nguyeãn Vaên Ñöùc".encode("latin-1"), "vni"),
    ("Phaïm Hoaøng Sôn".encode("latin-1"), "vni"),
    ("Thaùi Nguyeân".encode("latin-1"), "vni"),
    ("THAÙI NGUYEÂN".encode("latin-1"), "vni"),
])
def test_legacy_codecs_decode_the_classic_words(raw: bytes, codec: str) -> None:
    decoded = unicodedata.normalize("NFC", raw.decode(codec))
    assert decoded in ("Nguyễn Văn Đức", "Phạm Hoàng Sơn", "Thái Nguyên", "THÁI NGUYÊN")


@pytest.mark.parametrize(("encode", "expected"), [
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    (lambda t: t.encode("utf-16"), "utf-16"),
    (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    (cp1258_encode, "cp1258"),
    (tcvn3_encode, "tcvn3"),
    (vni_encode, "vni"),
])
def test_read_table_detects_the_encoding_and_gives_nfc_names(
        tmp_path: Path, encode: object, expected: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(encode(TEXT))  # type: ignore[operator]
    found, encoding = names(path)
    assert encoding == expected
    assert found == NAMES


def test_read_table_excel_unicode_text_is_tab_separated_utf16(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes(TEXT.replace(",", "\t").encode("utf-16"))
    table = read_table(path)
    assert table.headers == ["Họ và tên", "Chức vụ", "Điểm cầu"]
    assert [c[2] for _, c in table.rows] == ["Thái Nguyên"] * len(NAMES)


@pytest.mark.parametrize("codec", ["tcvn3", "vni", "cp1258", "utf-8"])
def test_read_table_chosen_encoding_is_used(tmp_path: Path, codec: str) -> None:
    encoders = {"tcvn3": tcvn3_encode, "vni": vni_encode, "cp1258": cp1258_encode,
                "utf-8": lambda t: t.encode("utf-8")}
    path = tmp_path / "list.csv"
    path.write_bytes(encoders[codec](TEXT))
    assert names(path, codec.upper())[0] == NAMES


def test_read_table_wrong_chosen_encoding_is_refused_not_stored_as_mojibake(
        tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(tcvn3_encode(TEXT))
    with pytest.raises(UnreadableFileError, match="vni"):
        read_table(path, "vni")
    with pytest.raises(UnreadableFileError):
        read_table(path, "utf-8")


def test_read_table_unknown_encoding_name_lists_the_choices(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(TEXT.encode())
    with pytest.raises(UnreadableFileError, match="tcvn3"):
        read_table(path, "koi8-r")


def test_read_table_unreadable_bytes_give_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(bytes(range(128, 256)) * 40)
    with pytest.raises(UnreadableFileError, match="--encoding"):
        read_table(path)


def test_read_table_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10)
    with pytest.raises(UnreadableFileError):
        read_table(path)


def test_detect_prefers_the_legacy_encoding_that_reads_as_vietnamese() -> None:
    for encode, codec in ((tcvn3_encode, "tcvn3"), (vni_encode, "vni"),
                          (cp1258_encode, "cp1258")):
        assert detect(encode(TEXT), "x", complete=True) == codec


def test_plausibility_counts_mojibake_as_faults() -> None:
    assert plausibility("Nguyễn Văn Đức").acceptable
    assert not plausibility("NguyÔn V¨n §øc Ph¹m Hoµng S¬n").acceptable
