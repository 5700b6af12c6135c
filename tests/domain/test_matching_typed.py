"""Type-ahead ranking of combo boxes and pickers: the exact start of a name first."""

import pytest

from meetingdesk.domain.matching import typed_rank


@pytest.mark.parametrize(("query", "text", "rank"), [
    ("thai", "Thái Nguyên", 0),
    ("THAI NG", "Thái Nguyên", 0),
    ("nguyen", "Thái Nguyên", 1),
    ("dong", "Đồng Nai", 0),
    ("nai dong", "Đồng Nai", 2),
    ("thai", "Thanh Hóa", None),
    ("hoa", "Thanh Hoá", 1),
    ("son", "Phạm Hoàng Sơn — Phó Bí thư", 1),
    ("", "anything", 2),
])
def test_typed_rank_folds_and_prefers_the_start(query: str, text: str, rank: int | None) -> None:
    assert typed_rank(query, text) == rank


def test_typed_rank_orders_a_start_before_a_later_word() -> None:
    names = ["Bình Thái", "Thái Nguyên", "Thanh Hóa"]
    ranked = sorted((r, n) for n in names if (r := typed_rank("thai", n)) is not None)
    assert [n for _, n in ranked] == ["Thái Nguyên", "Bình Thái"]
