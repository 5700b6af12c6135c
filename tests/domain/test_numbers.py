"""Numbers written the Vietnamese way, and shares kept as numbers."""

from __future__ import annotations

from meetingdesk.domain.messages import Message
from meetingdesk.domain.numbers import Share, vi_number, vi_percent


def test_vi_number_groups_thousands_with_dots() -> None:
    assert [vi_number(n) for n in (0, 999, 7_246, 1_695_444_992, -12_000)] == [
        "0", "999", "7.246", "1.695.444.992", "-12.000"]


def test_vi_percent_writes_a_decimal_comma_and_grouped_thousands() -> None:
    assert vi_percent(0.95) == "95,0%"
    assert vi_percent(1 / 55) == "1,8%"
    assert vi_percent(12.345, decimals=2) == "1.234,50%"


def test_share_is_its_fraction_and_reads_as_a_percentage_or_a_dash() -> None:
    assert Share(19, 20).fraction == 0.95 and str(Share(19, 20)) == "95,0%"
    assert Share(0, 0).fraction is None and str(Share(0, 0)) == "—"


def test_message_numbers_are_grouped_by_language() -> None:
    too_large = Message("credentials.too_large", (("name", "a.p12"), ("size", 7_246)))
    assert "(7.246 byte)" in too_large.render("vi")
    assert "(7,246 bytes)" in too_large.render("en")
