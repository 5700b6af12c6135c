"""Dates and times typed the Vietnamese way."""

from datetime import date, datetime, time

import pytest

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.when import (
    default_times,
    end_after,
    parse_date,
    parse_datetime,
    parse_time,
)

REF = datetime(2026, 12, 1, 8, 40)


@pytest.mark.parametrize(("typed", "expected"), [
    ("15/09/2025", date(2025, 9, 15)),
    ("15/9/2025", date(2025, 9, 15)),
    ("5/9/2025", date(2025, 9, 5)),
    ("15-9-2025", date(2025, 9, 15)),
    ("15.09.2025", date(2025, 9, 15)),
    ("15/9/25", date(2025, 9, 15)),
    ("15/9", date(2026, 9, 15)),
    ("2025-09-15", date(2025, 9, 15)),
    ("  15 / 9 / 2025 ", date(2025, 9, 15)),
    ("29/2/2024", date(2024, 2, 29)),
])
def test_parse_date_reads_day_month_year(typed: str, expected: date) -> None:
    assert parse_date(typed, reference=REF.date()) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("14:00", time(14, 0)), ("14h", time(14, 0)), ("14h30", time(14, 30)),
    ("14H30", time(14, 30)), ("8h05", time(8, 5)), ("14g30", time(14, 30)),
    ("14 giờ 30", time(14, 30)), ("14 giờ", time(14, 0)), ("14h30p", time(14, 30)),
    ("7:5", time(7, 5)), ("14:30:00", time(14, 30)), ("0h", time(0, 0)),
])
def test_parse_time_reads_hours_and_minutes(typed: str, expected: time) -> None:
    assert parse_time(typed) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("15/09/2025 14:00", datetime(2025, 9, 15, 14, 0)),
    ("15/9/2025 14h", datetime(2025, 9, 15, 14, 0)),
    ("15/9/2025 14h30", datetime(2025, 9, 15, 14, 30)),
    ("15/9/2025, 8h", datetime(2025, 9, 15, 8, 0)),
    ("14h 15/9/2025", datetime(2025, 9, 15, 14, 0)),
    ("15/9/2025", datetime(2025, 9, 15, 8, 40)),
    ("14h30", datetime(2026, 12, 1, 14, 30)),
    ("2025-09-15 14:00", datetime(2025, 9, 15, 14, 0)),
])
def test_parse_datetime_reads_date_and_time(typed: str, expected: datetime) -> None:
    assert parse_datetime(typed, reference=REF) == expected


@pytest.mark.parametrize("typed", [
    "", "abc", "31/02/2025", "15/13/2025", "32/1/2025", "15/9/2025 25:00", "15/9/2025 14:60",
    "15092025", "15/9/2025 14h 30x", "15/9/99999", "15/9/1800", "14", "9.30",
])
def test_parse_datetime_refuses_what_it_cannot_read(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_datetime(typed, reference=REF)
    assert caught.value.vi and caught.value.en


def test_parse_date_refusal_says_why_in_both_languages() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date("31/02/2025")
    assert "31" in caught.value.vi and "no day 31" in caught.value.en


def test_parse_date_never_returns_another_date() -> None:
    with pytest.raises(ValidationError):
        parse_date("31/4/2025")


def test_default_times_end_after_start_same_day() -> None:
    times = default_times(REF)
    assert times.start == datetime(2026, 12, 2, 8, 0)
    assert times.start < times.end and times.start.date() == times.end.date()


def test_end_after_keeps_a_later_end_of_the_same_day() -> None:
    start = datetime(2025, 9, 15, 14, 0)
    assert end_after(start, datetime(2025, 9, 15, 17, 0)) == datetime(2025, 9, 15, 17, 0)


def test_end_after_moves_an_end_before_the_start() -> None:
    start = datetime(2025, 9, 15, 14, 0)
    end = end_after(start, datetime(2025, 9, 14, 11, 30))
    assert start < end and end.date() == start.date()


def test_end_after_stays_on_the_same_day_late_at_night() -> None:
    start = datetime(2025, 9, 15, 22, 0)
    end = end_after(start, None)
    assert end == datetime(2025, 9, 15, 23, 59)
