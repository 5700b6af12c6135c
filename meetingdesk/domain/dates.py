"""Dates as Vietnamese official documents write them (Nghị định 30/2020/NĐ-CP, Phụ lục I;
Hướng dẫn 36-HD/VPTW alike).

Day, month and year in Arabic numerals; a zero goes only before the days 1–9 and before the
months 1 and 2, so that nobody can turn "1" into "11" or "12": ``ngày 05 tháng 01 năm 2026``,
``ngày 03 tháng 4 năm 2023``, ``ngày 20 tháng 11 năm 2025``. Every document date (minutes,
notices, the DOCX, exports) is written through this module.
"""

from __future__ import annotations

from datetime import date

BLANK_DATE = "…… tháng …… năm ……"
"""The date words left for the hand when a document has no date yet."""


def _day(value: date) -> str:
    return f"{value.day:02d}"


def _month(value: date) -> str:
    return f"{value.month:02d}" if value.month <= 2 else str(value.month)


def date_words(value: date) -> str:
    """``03 tháng 4 năm 2023``: the date after the word ``ngày``."""
    return f"{_day(value)} tháng {_month(value)} năm {value.year}"


def document_date(value: date) -> str:
    """``ngày 03 tháng 4 năm 2023``: a date as a document writes it in its text."""
    return f"ngày {date_words(value)}"


def short_date(value: date) -> str:
    """``03/4/2023``: the same rule in the numeric form used in tables and citations."""
    return f"{_day(value)}/{_month(value)}/{value.year}"
