"""How dates, times and sizes read in the tables, in the interface's locale."""

from __future__ import annotations

from datetime import date, datetime


def day(value: date | datetime | None) -> str:
    """``dd/mm/yyyy`` (formatted without ``strftime``, which imports a module at each call:
    thousands of cells are formatted at a time)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def moment(value: datetime | None) -> str:
    return f"{day(value)} {clock(value)}" if value else ""


def clock(value: datetime | None) -> str:
    return f"{value.hour:02d}:{value.minute:02d}" if value else ""


def size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB"
