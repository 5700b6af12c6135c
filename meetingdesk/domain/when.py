"""Dates and times as Vietnamese secretaries type them.

Accepted: ``15/09/2025``, ``15/9/2025``, ``15-9-2025``, ``15.9.2025``, ``15/9/25`` (20xx),
``15/9`` (the reference year), ``2025-09-15`` (ISO); a time after the date, separated by a
space or a comma: ``14:00``, ``14h``, ``14h30``, ``14g30``, ``14 giờ 30``, ``14:30:00``; a time
alone keeps the date of the reference. What cannot be read is refused with a message saying
why — never read as another date (``31/02/2025`` is an error, not 3 March).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import Message, message
from meetingdesk.domain.text import fold

_DATE_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2}|\d{4}))?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})\s*(?::|h|g|gio)\s*(?:(\d{1,2})\s*(?:p|phut|')?)?"
                   r"(?::(\d{1,2}))?$")
_TIME_COLON_ONLY = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")

DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"
TIME_FORMAT = "%H:%M"


def _unreadable(text: str, what: Message, hint: Message) -> ValidationError:
    return ValidationError("when.unreadable", what=what, text=text, hint=hint)


def _year(text: str | None, reference: date) -> int:
    if text is None:
        return reference.year
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _make_date(day: int, month: int, year: int, text: str) -> date:
    if not 1 <= month <= 12:
        raise ValidationError("when.month_months_run", text=text, month=month)
    if not 1900 <= year <= 2200:
        raise ValidationError("when.year_outside", text=text, year=year)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError("when.day", text=text, month=month, year=year, day=day) from None


def _parse_date_part(text: str, reference: date) -> date | None:
    """The date of ``text``, ``None`` when it is not shaped as a date at all."""
    m = _DATE_ISO.match(text)
    if m:
        return _make_date(int(m[3]), int(m[2]), int(m[1]), text)
    m = _DATE_DMY.match(text)
    if m:
        return _make_date(int(m[1]), int(m[2]), _year(m[3], reference), text)
    return None


def _parse_time_part(text: str) -> time | None:
    """The time of ``text``, ``None`` when it is not shaped as a time at all."""
    folded = fold(text).replace(" ", "")
    m = _TIME_COLON_ONLY.match(folded) or _TIME.match(folded)
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    second = int(m[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError("when.hours_run_minutes", text=text)
    return time(hour, minute)


def parse_date(text: str, *, reference: date | None = None) -> date:
    """A date typed as ``15/09/2025``, ``15/9/2025``, ``15/9`` or ``2025-09-15``."""
    cleaned = text.strip()
    found = _parse_date_part(cleaned, reference or date.today()) if cleaned else None
    if found is None:
        raise _unreadable(cleaned, message("when.date"), message("when.hint_date"))
    return found


def parse_time(text: str) -> time:
    """A time typed as ``14:00``, ``14h``, ``14h30`` or ``14 giờ 30``."""
    cleaned = text.strip()
    found = _parse_time_part(cleaned) if cleaned else None
    if found is None:
        raise _unreadable(cleaned, message("when.time"), message("when.hint_time"))
    return found


def parse_datetime(text: str, *, reference: datetime | None = None) -> datetime:
    """A date and time typed the Vietnamese way; either part may be left out.

    A date alone keeps the time of ``reference``, a time alone keeps its date (``reference``
    defaults to now, to the minute).
    """
    ref = (reference or datetime.now()).replace(second=0, microsecond=0)
    cleaned = " ".join(text.replace(",", " ").split())
    if not cleaned:
        raise _unreadable(cleaned, message("when.date_time"),
                          message("when.hint_example"))
    whole_date = _parse_date_part(cleaned, ref.date())
    if whole_date is not None:
        return datetime.combine(whole_date, ref.time())
    whole_time = _parse_time_part(cleaned)
    if whole_time is not None:
        return datetime.combine(ref.date(), whole_time)
    for split in range(1, len(cleaned)):
        if cleaned[split] != " ":
            continue
        first, second = cleaned[:split], cleaned[split + 1:]
        day = _parse_date_part(first, ref.date())
        at = _parse_time_part(second) if day is not None else None
        if day is None:  # "14h 15/9/2025": the time first
            at = _parse_time_part(first)
            day = _parse_date_part(second, ref.date()) if at is not None else None
        if day is not None and at is not None:
            return datetime.combine(day, at)
    raise _unreadable(cleaned, message("when.date_time"),
                      message("when.hint_date_time"))


def format_datetime(value: datetime) -> str:
    return value.strftime(DATETIME_FORMAT)


def format_date(value: date) -> str:
    return value.strftime(DATE_FORMAT)


@dataclass(frozen=True, slots=True)
class MeetingTimes:
    """The planned start and end proposed for a new meeting."""

    start: datetime
    end: datetime


DEFAULT_LENGTH = timedelta(hours=3, minutes=30)
"""A half-day conference: 8:00 to 11:30."""


def default_times(now: datetime) -> MeetingTimes:
    """Tomorrow 8:00 to 11:30: the end after the start, on the same day."""
    start = (now + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
    return MeetingTimes(start, start + DEFAULT_LENGTH)


def end_after(start: datetime, end: datetime | None) -> datetime:
    """The end to propose once ``start`` changed: kept when still after the start on the same
    day, else the same length later (or the default length), cut at 23:59 of the same day."""
    if end is not None and start < end and end.date() == start.date():
        return end
    proposed = start + DEFAULT_LENGTH
    if proposed.date() != start.date():
        proposed = start.replace(hour=23, minute=59)
    return proposed
