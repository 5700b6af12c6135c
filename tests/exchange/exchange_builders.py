"""Files for the exchange tests, built on the fly: legacy-encoded text, workbooks with merged
title cells, hostile archives."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import openpyxl

from meetingdesk.exchange.legacy import TCVN3_TABLE, VNI_TABLE

_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def tcvn3_encode(text: str) -> bytes:
    reverse = {ch: b for b, ch in TCVN3_TABLE.items() if b > 127}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        out.append(ord(ch) if ord(ch) < 128 else reverse[ch])
    return bytes(out)


def vni_encode(text: str) -> bytes:
    letters = {ch: b for b, ch in VNI_TABLE.items() if b > 127 and len(ch) == 1
               and not unicodedata.combining(ch)}
    marks = {(frozenset(ch), chr(b).isupper()): b for b, ch in VNI_TABLE.items()
             if b > 127 and all(unicodedata.combining(c) for c in ch)}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 128:
            out.append(ord(ch))
        elif ch in letters:
            out.append(letters[ch])
        else:
            base, *rest = unicodedata.normalize("NFD", ch)
            if "\u031b" in rest:
                rest.remove("\u031b")
                horned = unicodedata.normalize("NFC", base + "\u031b")
                out.append(letters[horned])
            else:
                out.append(ord(base))
            if rest:
                out.append(marks[(frozenset(rest), base.isupper())])
    return bytes(out)


def cp1258_encode(text: str) -> bytes:
    parts = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in d if m in _TONES)
        parts.append(unicodedata.normalize("NFC", "".join(m for m in d if m not in _TONES))
                     + tones)
    return "".join(parts).encode("cp1258")


DELEGATES = [
    ("Nguyễn Văn Đức", "Phó Chủ tịch UBND tỉnh", "UBND tỉnh Thái Nguyên", "Thái Nguyên"),
    ("Phạm Hoàng Sơn", "Phó Bí thư Thường trực Tỉnh ủy; Chủ tịch HĐND tỉnh",
     "Tỉnh ủy Thái Nguyên", "Thái Nguyên"),
    ("Lê Thị Thanh Thủy", "Giám đốc Sở Nội vụ", "Sở Nội vụ tỉnh Cao Bằng", "Cao Bằng"),
    ("Trần Quốc Vượng", "Trưởng Ban Tổ chức Tỉnh ủy", "Tỉnh ủy Tuyên Quang", "Hà Giang"),
]
"""Four delegates; the last one's site is a former province (Hà Giang → Tuyên Quang)."""


def delegate_workbook(path: Path, rows: list[tuple[str, str, str, str]] = DELEGATES) -> Path:
    """A list laid out as provinces send them: a merged title, a merged sub-title, headers
    spanning two rows, and a merged group header over phone and e-mail (as LibreOffice Calc
    saves merged cells: the value in the top-left cell only)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ GIAO BAN TRỰC TUYẾN"
    ws.merge_cells("A1:G1")
    ws["A2"] = "(Kèm theo Công văn số 12-CV/BTCTW)"
    ws.merge_cells("A2:G2")
    for col, text in zip("ABCDEF", ("STT", "HỌ VÀ TÊN", "Chức vụ", "Đơn vị công tác",
                                    "Điểm cầu", "Thông tin liên hệ"), strict=True):
        ws[f"{col}4"] = text
    for col in "ABCDE":
        ws.merge_cells(f"{col}4:{col}5")
    ws.merge_cells("F4:G4")
    ws["F5"] = "Điện thoại"
    ws["G5"] = "Email"
    for number, (name, titles, org, site) in enumerate(rows, start=1):
        ws.append([number, name, titles, org, site, 912345600 + number, None])
    wb.save(path)
    return path


def zip_with(path: Path, members: dict[str, bytes], *,
             symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (0o120777 << 16)
            zf.writestr(info, "/etc/passwd")
    return path
