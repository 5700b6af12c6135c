"""Vietnamese text helpers: normalisation, folding for search, name collation."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meetingdesk.domain.text import clean_optional, clean_text, fold, name_key, nfc, words

# Vietnamese letters, precomposed and loose combining marks (tones, hats, horn, breve), with
# spaces, line breaks, tabs and control characters: the awkward parts of real input.
VI_LETTERS = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíị"
    "klmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
VI_ALPHABET = VI_LETTERS + VI_LETTERS.upper() + "ĐÂĂÊÔƠƯ"
MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
AWKWARD = " \t\n\r\u00a0\x00\x07\x0b\x1f\x7f\x85"

vi_text = st.text(alphabet=st.sampled_from(VI_ALPHABET + MARKS + AWKWARD), max_size=40)
any_text = st.one_of(vi_text, st.text(max_size=40))

TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
"""The tone list in dictionary order: none, huyền, hỏi, ngã, sắc, nặng."""

SETTINGS = settings(max_examples=150, deadline=None)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _no_controls(text: str, allowed: str) -> bool:
    return all(unicodedata.category(ch) != "Cc" or ch in allowed for ch in text)


# --- clean_text -------------------------------------------------------------------------------

@SETTINGS
@given(any_text, st.booleans())
def test_clean_text_is_idempotent(text: str, multiline: bool) -> None:
    once = clean_text(text, multiline=multiline)
    assert clean_text(once, multiline=multiline) == once


@SETTINGS
@given(any_text, st.booleans())
def test_clean_text_output_is_nfc(text: str, multiline: bool) -> None:
    assert unicodedata.is_normalized("NFC", clean_text(text, multiline=multiline))


@SETTINGS
@given(any_text)
def test_clean_text_leaves_no_control_characters(text: str) -> None:
    assert _no_controls(clean_text(text), allowed="\n\t")
    assert _no_controls(clean_text(text, multiline=False), allowed="")


@SETTINGS
@given(any_text, st.booleans())
def test_clean_text_nfd_input_gives_the_nfc_result(text: str, multiline: bool) -> None:
    assert clean_text(nfd(text), multiline=multiline) == clean_text(nfc(text),
                                                                     multiline=multiline)


def test_clean_text_removed_control_does_not_leave_a_loose_mark() -> None:
    # The control character sat between a letter and its tone: once removed, they compose.
    assert clean_text("Nguye\x00\u0302\u0303n") == "Nguyễn"


def test_clean_text_tidies_lines_and_single_line_fields() -> None:
    assert clean_text("  Dòng 1  \r\nDòng 2\t \rDòng 3\n\n") == "Dòng 1\nDòng 2\nDòng 3"
    assert clean_text(" Phạm \t Hoàng\nSơn\u00a0 ", multiline=False) == "Phạm Hoàng Sơn"
    assert clean_text(None) == ""


def test_clean_optional_turns_blank_into_none() -> None:
    assert clean_optional(" \t\n ") is None
    assert clean_optional(None) is None
    assert clean_optional(" Hà  Nội ") == "Hà Nội"


# --- fold ---------------------------------------------------------------------------------------

@SETTINGS
@given(any_text)
def test_fold_leaves_no_combining_marks(text: str) -> None:
    assert not any(unicodedata.combining(ch) for ch in fold(text))


def _fold_whole(text: str) -> str:
    """Folding defined on the whole text at once (what :func:`fold` computes by character)."""
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


@SETTINGS
@given(st.one_of(any_text, st.text(alphabet=st.characters(
    categories=("Lu", "Ll", "Lo", "Mn", "Mc")), max_size=30)))
def test_fold_by_character_equals_folding_the_whole_text(text: str) -> None:
    assert fold(text) == _fold_whole(text)


@pytest.mark.parametrize("text", ["\u1112\u1161\u11ab", "\u0b47\u0b3e", "İstanbul ΣΑΣ",
                                  "Straße", "a\u0301\u0323", "\u0301"])
def test_fold_recomposes_across_characters(text: str) -> None:
    assert fold(text) == _fold_whole(text)


@SETTINGS
@given(any_text)
def test_fold_of_nfd_equals_fold(text: str) -> None:
    assert fold(nfd(text)) == fold(text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(VI_ALPHABET + MARKS + " "), max_size=40))
def test_fold_of_vietnamese_is_plain_lowercase_ascii(text: str) -> None:
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower()


@pytest.mark.parametrize(("a", "b"), [
    ("Hòa", "Hoà"), ("Thủy", "Thuỷ"), ("Ủy", "Uỷ"), ("HÒA BÌNH", "Hoà Bình"),
    ("Tỉnh ủy", "Tỉnh uỷ"), ("Khóa", "Khoá"),
])
def test_fold_tone_placements_are_equal(a: str, b: str) -> None:
    assert a != b
    assert fold(a) == fold(b)
    assert fold(nfd(a)) == fold(b)


def test_fold_maps_d_stroke_to_d() -> None:
    assert fold("Đ") == fold("đ") == "d"
    assert fold("Đồng chí Đức") == "dong chi duc"
    assert fold("Dương Xuân Hùng") == "duong xuan hung"


def test_words_split_folded_text() -> None:
    assert words("Đồng chí, Hòa Bình!\nBắc Kạn") == ["dong", "chi", "hoa", "binh", "bac", "kan"]
    assert words(" ,.; ") == []


# --- name_key -----------------------------------------------------------------------------------

def _sorted_names(names: list[str]) -> list[str]:
    return sorted(names, key=name_key)


def test_name_key_d_before_d_stroke() -> None:
    assert _sorted_names(["Đào", "Dũng"]) == ["Dũng", "Đào"]
    assert _sorted_names(["Lê Văn Đạt", "Trần Dũng"]) == ["Trần Dũng", "Lê Văn Đạt"]


def test_name_key_given_name_first_then_the_rest() -> None:
    assert _sorted_names(["Trần Thị Bình", "Nguyễn Văn An"]) == ["Nguyễn Văn An", "Trần Thị Bình"]
    # The given name decides before the family name...
    assert _sorted_names(["Nguyễn Thị Bình", "Trần Văn An"]) == ["Trần Văn An", "Nguyễn Thị Bình"]
    # ...and the rest of the name breaks ties.
    assert _sorted_names(["Trần Văn An", "Lê An", "Nguyễn Văn An"]) == [
        "Lê An", "Nguyễn Văn An", "Trần Văn An"]


@pytest.mark.parametrize("ordered", [
    ["An", "Ăn", "Ân", "Bằng"],
    ["Dung", "Đông", "Em", "Êm"],
    ["Oanh", "Ôn", "Ơn", "Phúc"],
    ["Uyên", "Ưng", "Vân"],
    ["Hà", "Hạ", "Hải"],
])
def test_name_key_vietnamese_letter_order(ordered: list[str]) -> None:
    assert _sorted_names(list(reversed(ordered))) == ordered


def test_name_key_tones_order_none_huyen_hoi_nga_sac_nang() -> None:
    names = ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
    assert _sorted_names(list(reversed(names))) == names


@SETTINGS
@given(st.sampled_from(["Hoa", "Thuy", "Uy", "Khoa", "Hoan", "Tuyen", "Nga", "Mai"]),
       st.integers(0, 5), st.integers(0, 5), st.integers(0, 5))
def test_name_key_names_differing_only_by_tone_follow_the_tone_list(
        base: str, vowel: int, tone_a: int, tone_b: int) -> None:
    vowels = [i for i, ch in enumerate(base) if ch in "aeiouy"]
    # The tone may sit on any vowel of the syllable ("Hòa" and "Hoà" are both written).
    pos_a = vowels[vowel % len(vowels)]
    pos_b = vowels[(vowel + 1) % len(vowels)]

    def with_tone(tone: int, pos: int) -> str:
        return nfc(base[: pos + 1] + TONES[tone] + base[pos + 1:])

    a, b = f"Nguyễn Văn {with_tone(tone_a, pos_a)}", f"Nguyễn Văn {with_tone(tone_b, pos_b)}"
    if tone_a < tone_b:
        assert name_key(a) < name_key(b)
    elif tone_a > tone_b:
        assert name_key(a) > name_key(b)
    else:
        assert name_key(a)[:2] == name_key(b)[:2]


def test_name_key_tone_placement_does_not_change_the_order() -> None:
    assert name_key("Hòa")[:2] == name_key("Hoà")[:2]
    assert _sorted_names(["Hoá", "Hòa"]) == ["Hòa", "Hoá"]
    assert _sorted_names(["Hóa", "Hoà"]) == ["Hoà", "Hóa"]


clean_names = st.lists(
    st.text(alphabet=st.sampled_from(VI_ALPHABET + "  "), min_size=1, max_size=15)
    .map(lambda n: clean_text(n, multiline=False)).filter(bool),
    max_size=12,
)


@SETTINGS
@given(clean_names, st.randoms(use_true_random=False))
def test_name_key_sorting_is_consistent_and_total(items: list[str], rnd: random.Random) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert _sorted_names(shuffled) == _sorted_names(items)
    for a in items:
        for b in items:
            ka, kb = name_key(a), name_key(b)
            assert (ka < kb) + (ka == kb) + (ka > kb) == 1
            assert (ka == kb) == (a == b)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(VI_ALPHABET + " "), max_size=20))
def test_name_key_ignores_normalisation_form(name: str) -> None:
    assert name_key(nfd(name)) == name_key(name)


@pytest.mark.parametrize("invisible", ["\ufeff", "\u200e", "\u200f", "\u202a", "\u202b",
                                       "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
                                       "\u2068", "\u2069"])
def test_clean_text_drops_bom_and_bidi_controls(invisible: str) -> None:
    assert clean_text(f"{invisible}Phạm {invisible}Hoàng Sơn{invisible}",
                      multiline=False) == "Phạm Hoàng Sơn"
    assert clean_text(f"Dòng 1{invisible}\nDòng 2") == "Dòng 1\nDòng 2"
