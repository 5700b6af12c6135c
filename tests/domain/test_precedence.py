"""Precedence from titles: the documented table of Party and state offices."""

import pytest

from meetingdesk.domain.precedence import (
    UNRANKED,
    rank_after_titles_change,
    rank_of_titles,
    split_titles,
    title_rank,
)


def test_rank_of_titles_orders_a_provincial_standing_committee() -> None:
    listed = [
        ("Bí thư Tỉnh ủy",),
        ("Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh",),
        ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",),
        ("Phó Bí thư Tỉnh ủy",),
        ("Chủ tịch Hội đồng nhân dân tỉnh",),
        ("Uỷ viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh uỷ",),
        ("Tỉnh ủy viên",),
        ("Phó Chủ tịch UBND tỉnh",),
        ("Giám đốc Sở Nội vụ",),
        ("Phó Giám đốc Sở Nội vụ",),
        ("Trưởng phòng Tổ chức",),
        ("Phó Trưởng phòng Tổ chức",),
        ("Chuyên viên",),
    ]
    ranks = [rank_of_titles(t) for t in listed]
    assert ranks == sorted(ranks)
    assert len(set(ranks)) == len(ranks)


def test_rank_of_titles_orders_the_central_venue() -> None:
    chinh = rank_of_titles(["Ủy viên Trung ương Đảng, Phó Trưởng Ban Thường trực Ban Tổ "
                            "chức Trung ương"])
    vu_truong = rank_of_titles(["Vụ trưởng Vụ Tổ chức - Cán bộ"])
    staff = rank_of_titles(["Chuyên viên Vụ Tổ chức - Cán bộ"])
    assert chinh < vu_truong < staff
    assert rank_of_titles(["Tổng Bí thư"]) < rank_of_titles(["Ủy viên Bộ Chính trị"]) < chinh


@pytest.mark.parametrize(("a", "b"), [
    ("Bí thư Thành ủy Hà Nội", "Bí thư Tỉnh ủy"),
    ("Uỷ viên Ban Thường vụ Tỉnh uỷ", "Ủy viên Ban Thường vụ Tỉnh ủy"),
    ("ủy viên btv tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy"),
    ("Chủ tịch UBND thành phố", "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("Thành ủy viên", "Tỉnh ủy viên"),
    ("PHÓ BÍ THƯ TỈNH ỦY", "Phó Bí thư Tỉnh ủy"),
])
def test_title_rank_folds_spellings_and_city_level(a: str, b: str) -> None:
    assert title_rank(a) == title_rank(b) != UNRANKED


def test_rank_of_titles_takes_the_highest_office() -> None:
    assert rank_of_titles(["Tỉnh ủy viên", "Bí thư Tỉnh ủy"]) == title_rank("Bí thư Tỉnh ủy")
    assert rank_of_titles(["Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy"]) == \
        title_rank("Ủy viên Trung ương Đảng")


def test_rank_of_titles_commune_level_keeps_its_order() -> None:
    listed = ["Bí thư Đảng ủy xã", "Phó Bí thư Thường trực Đảng ủy xã",
              "Phó Bí thư Đảng ủy xã", "Chủ tịch HĐND xã", "Ủy viên Ban Thường vụ Đảng ủy xã",
              "Đảng ủy viên", "Phó Chủ tịch UBND xã"]
    ranks = [rank_of_titles([t]) for t in listed]
    assert ranks == sorted(ranks)
    assert rank_of_titles(["Bí thư Tỉnh ủy"]) < ranks[0]


def test_rank_of_titles_unknown_or_none_is_unranked() -> None:
    assert rank_of_titles([]) == UNRANKED
    assert rank_of_titles(["Nhà báo"]) == UNRANKED


def test_split_titles_splits_commas_and_semicolons() -> None:
    assert split_titles(["A, B; C", " ", "D"]) == ["A", "B", "C", "D"]


def test_rank_after_titles_change_rederives_a_derived_rank() -> None:
    rank = rank_of_titles(["Tỉnh ủy viên"])
    assert rank_after_titles_change(rank=rank, old_titles=["Tỉnh ủy viên"],
                                    new_titles=["Bí thư Tỉnh ủy"]) == \
        rank_of_titles(["Bí thư Tỉnh ủy"])


def test_rank_after_titles_change_keeps_a_hand_set_rank() -> None:
    assert rank_after_titles_change(rank=5, old_titles=["Tỉnh ủy viên"],
                                    new_titles=["Bí thư Tỉnh ủy"]) == 5
