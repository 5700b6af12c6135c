"""Recognising citations of official documents in note text."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from meetingdesk.domain.citations import find_citations


@pytest.mark.parametrize(
    ("text", "doc_type", "number", "code", "reference", "issued_on", "year", "issuer"),
    [
        ("Quy định số 96-QĐ/TW ngày 2/2/2023", "Quy định", "96", "QĐ/TW", "96-QĐ/TW",
         date(2023, 2, 2), 2023, None),
        ("Kết luận số 50-KL/TW ngày 28/2/2023", "Kết luận", "50", "KL/TW", "50-KL/TW",
         date(2023, 2, 28), 2023, None),
        ("Nghị quyết số 18-NQ/TW ngày 25/10/2017", "Nghị quyết", "18", "NQ/TW", "18-NQ/TW",
         date(2017, 10, 25), 2017, None),
        ("Kết luận số 08-KL/BTCTW", "Kết luận", "08", "KL/BTCTW", "08-KL/BTCTW",
         None, None, "Ban Tổ chức Trung ương"),
        ("Nghị định 30/2020/NĐ-CP", "Nghị định", "30", "NĐ-CP", "30/2020/NĐ-CP",
         None, 2020, "Chính phủ"),
        ("Quyết định 45/2018/QĐ-TTg", "Quyết định", "45", "QĐ-TTg", "45/2018/QĐ-TTg",
         None, 2018, "Thủ tướng Chính phủ"),
        ("Nghị quyết 202/2025/QH15", "Nghị quyết", "202", "QH15", "202/2025/QH15",
         None, 2025, "Quốc hội"),
        ("Hướng dẫn 36-HD/VPTW", "Hướng dẫn", "36", "HD/VPTW", "36-HD/VPTW",
         None, None, "Văn phòng Trung ương Đảng"),
    ],
)
def test_find_citations_recognises_each_form(
        text: str, doc_type: str, number: str, code: str, reference: str,
        issued_on: date | None, year: int | None, issuer: str | None) -> None:
    (c,) = find_citations(f"Theo {text}, các cấp ủy triển khai.")
    assert (c.doc_type, c.number, c.code, c.reference) == (doc_type, number, code, reference)
    assert (c.issued_on, c.issued_year, c.issuer) == (issued_on, year, issuer)
    assert f"Theo {text}, các cấp ủy triển khai."[c.start:c.end] == text


def test_find_citations_reads_the_named_issuer() -> None:
    (c,) = find_citations("Kết luận số 50-KL/TW ngày 28/2/2023 của Bộ Chính trị về tiếp tục...")
    assert c.issuer == "Bộ Chính trị"
    assert c.issued_on == date(2023, 2, 28)


def test_find_citations_finds_several_in_order() -> None:
    text = ("Kết luận số 50-KL/TW ngày 28/2/2023 của Bộ Chính trị về tiếp tục thực hiện Nghị "
            "quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII")
    found = find_citations(text)
    assert [c.reference for c in found] == ["50-KL/TW", "18-NQ/TW"]
    assert found[1].issuer == "Ban Chấp hành Trung ương Đảng"
    assert found[0].end <= found[1].start


def test_find_citations_accepts_decomposed_text() -> None:
    text = unicodedata.normalize("NFD", "Quy định số 96-QĐ/TW ngày 2/2/2023")
    (c,) = find_citations(text)
    assert c.reference == "96-QĐ/TW"
    assert unicodedata.is_normalized("NFC", c.reference)


def test_find_citations_impossible_date_is_left_out() -> None:
    (c,) = find_citations("Quy định số 96-QĐ/TW ngày 31/2/2023")
    assert c.issued_on is None
    assert c.issued_year is None


def test_find_citations_ignores_text_without_citations() -> None:
    assert find_citations("Trong quý 1-2023, 115 lượt nhân sự; 27 đồng chí; ngày 2/2/2023.") == []
    assert find_citations("") == []
