"""Recognise citations of official documents in note text.

Examples: ``Quy định số 96-QĐ/TW ngày 2/2/2023``, ``Kết luận số 08-KL/BTCTW``,
``Nghị định 30/2020/NĐ-CP``, ``Nghị quyết 202/2025/QH15``. Each citation carries its canonical
reference, which identifies the document in a desk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from meetingdesk.domain.text import nfc

DOCUMENT_TYPES = (
    "Nghị quyết", "Nghị định", "Quyết định", "Quy định", "Kết luận", "Chỉ thị", "Thông tư",
    "Hướng dẫn", "Thông báo", "Kế hoạch", "Công văn", "Thông tri", "Luật", "Pháp lệnh",
)

ISSUERS = (
    "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
    "Ban Tổ chức Trung ương", "Văn phòng Trung ương Đảng", "Chính phủ", "Thủ tướng Chính phủ",
    "Quốc hội", "Ủy ban Thường vụ Quốc hội",
)

_CODE_ISSUERS = {"CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "QH": "Quốc hội",
                 "BTCTW": "Ban Tổ chức Trung ương", "VPTW": "Văn phòng Trung ương Đảng"}

_UPPER = "A-ZĐÂĂÊÔƠƯ"


@cache
def _pattern() -> re.Pattern[str]:
    """The citation pattern, compiled at its first use (3 ms: not at every start)."""
    return re.compile(
        r"(?P<type>" + "|".join(DOCUMENT_TYPES) + r")"
        r"\s+(?:số\s+)?"
        r"(?P<ref>(?P<number>\d{1,5})"
        r"(?:(?:/(?P<year>(?:19|20)\d\d)/(?P<code_a>[" + _UPPER + r"][" + _UPPER + r"a-z]*"
        r"(?:(?:-[" + _UPPER + r"][" + _UPPER + r"a-z0-9]*)+|\d+)))"  # NĐ-CP, QĐ-TTg; QH15
        r"|(?:-(?P<code_b>[" + _UPPER + r"]+/[" + _UPPER + r"][" + _UPPER + r"a-z0-9]*))))"
        r"(?:\s+ngày\s+(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<dyear>\d{4}))?"
        r"(?:\s+của\s+(?P<issuer>" + "|".join(ISSUERS) + r"))?"
    )


@dataclass(frozen=True, slots=True)
class Citation:
    """One recognised citation; ``start``/``end`` locate it in the text."""

    reference: str
    doc_type: str
    number: str
    code: str
    issued_on: date | None
    issued_year: int | None
    issuer: str | None
    start: int
    end: int


def _issuer_from_code(code: str) -> str | None:
    last = re.split(r"[-/]", code)[-1].rstrip("0123456789")  # QH15: Quốc hội khóa XV
    return _CODE_ISSUERS.get(last)


def find_citations(text: str) -> list[Citation]:
    """Every document citation in ``text``, in order of appearance."""
    found: list[Citation] = []
    for m in _pattern().finditer(nfc(text)):
        code = m["code_a"] or m["code_b"]
        issued_on = None
        if m["day"]:
            try:
                issued_on = date(int(m["dyear"]), int(m["month"]), int(m["day"]))
            except ValueError:
                issued_on = None
        year = issued_on.year if issued_on else (int(m["year"]) if m["year"] else None)
        found.append(
            Citation(
                reference=m["ref"],
                doc_type=m["type"],
                number=m["number"],
                code=code,
                issued_on=issued_on,
                issued_year=year,
                issuer=m["issuer"] or _issuer_from_code(code),
                start=m.start(),
                end=m.end(),
            )
        )
    return found
