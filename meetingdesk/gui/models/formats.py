"""How dates, times and sizes read in the tables, in the interface's locale."""

from __future__ import annotations

from datetime import date, datetime


def day(value: date | datetime | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def moment(value: datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else ""


def clock(value: datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB"
