from datetime import date

import pytest

from meetingdesk.domain.dates import date_words, document_date, short_date


@pytest.mark.parametrize("day", range(1, 10))
def test_document_date_zero_before_days_one_to_nine(day: int) -> None:
    assert document_date(date(2023, 4, day)) == f"ngày 0{day} tháng 4 năm 2023"


@pytest.mark.parametrize(("value", "expected"), [
    (date(2023, 4, 10), "ngày 10 tháng 4 năm 2023"),
    (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
    (date(2024, 2, 15), "ngày 15 tháng 02 năm 2024"),
    (date(2023, 3, 31), "ngày 31 tháng 3 năm 2023"),
    (date(2025, 11, 20), "ngày 20 tháng 11 năm 2025"),
    (date(2025, 12, 1), "ngày 01 tháng 12 năm 2025"),
    (date(2018, 4, 3), "ngày 03 tháng 4 năm 2018"),
])
def test_document_date_zero_only_before_months_one_and_two(value: date, expected: str) -> None:
    assert document_date(value) == expected
    assert date_words(value) == expected.removeprefix("ngày ")


@pytest.mark.parametrize(("value", "expected"), [
    (date(2023, 4, 3), "03/4/2023"),
    (date(2026, 1, 5), "05/01/2026"),
    (date(2024, 2, 29), "29/02/2024"),
    (date(2023, 3, 10), "10/3/2023"),
    (date(2023, 12, 31), "31/12/2023"),
])
def test_short_date_same_rule(value: date, expected: str) -> None:
    assert short_date(value) == expected
