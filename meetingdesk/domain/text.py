"""Vietnamese text helpers: normalisation on the way in, folding for search, name collation.

Everything here is plain Python so headless code (CLI, PDF, tests) shares one definition.
"""

from __future__ import annotations

import re
import unicodedata

# Control characters are dropped from user text, but tab and newline are kept; so are the
# byte order mark and the bidirectional controls (marks, embeddings, overrides, isolates), which
# Vietnamese never needs and which reorder or hide text in lists and documents.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
                      "\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0]+")

_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
"""Tone marks in dictionary order: none (0), huyền, hỏi, ngã, sắc, nặng."""

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_SHAPED = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
           ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (precomposed) form."""
    return unicodedata.normalize("NFC", text)


def strip_invisible(text: str) -> str:
    """``text`` without control characters (but tab and newline), BOM and bidi controls."""
    return _CONTROL.sub("", text)


def clean_text(text: str | None, *, multiline: bool = True) -> str:
    """Normalise user text on its way in: NFC, no control characters, no BOM or bidi controls,
    tidy ends.

    Single-line fields (names, titles) also fold runs of whitespace and newlines to one space.
    """
    if text is None:
        return ""
    # Controls go before NFC: one between a letter and its mark would otherwise block the
    # composition and leave decomposed text behind once it is removed.
    text = nfc(strip_invisible(text)).replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        return "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def clean_optional(text: str | None) -> str | None:
    """Like :func:`clean_text` for one-line optional fields: empty becomes ``None``."""
    cleaned = clean_text(text, multiline=False)
    return cleaned or None


def _fold_char(ch: str) -> str:
    """One character folded: case folded, đ→d, decomposed, marks dropped, recomposed."""
    text = unicodedata.normalize("NFD", ch.casefold().replace("đ", "d"))
    return unicodedata.normalize(
        "NFC", "".join(c for c in text if not unicodedata.combining(c)))


class _FoldTable(dict[int, str]):
    """Code point → its folded text, filled as characters are first met (``str.translate``
    then folds a whole text at C speed)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLDED = _FoldTable()


def fold(text: str) -> str:
    """Fold text for diacritic-insensitive matching: lower case, no tones, no hats, đ→d.

    Both tone placements (``Hòa``/``Hoà``) fold to the same string. Case folding is the same
    for a character wherever it stands and the dropped marks are all that NFD reorders, so
    folding character by character and recomposing the whole (jamo, vowel signs) gives what
    folding the whole text at once gives.
    """
    folded = text.translate(_FOLDED)
    return folded if folded.isascii() else unicodedata.normalize("NFC", folded)


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Split folded text into search words."""
    return _WORD.findall(fold(text))


def _letter_key(word: str) -> tuple[tuple[int, ...], int]:
    """Primary (letters) and secondary (tone) keys of one word, in Vietnamese order.

    A syllable has one tone, whichever vowel carries it: ``Hòa`` and ``Hoà`` get the same key.
    """
    letters: list[int] = []
    tone = 0
    for ch in nfc(word.casefold()):
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            else:
                base = _SHAPED.get((base, mark), base)
        rank = _LETTER_RANK.get(base)
        letters.append(rank if rank is not None else 100 + ord(base))
    return tuple(letters), tone


def vietnamese_key(text: str) -> tuple[object, ...]:
    """Sort key for Vietnamese text in dictionary order (letters first, then tones)."""
    parts = [_letter_key(w) for w in clean_text(text, multiline=False).split(" ") if w]
    return (
        tuple(p[0] for p in parts),
        tuple(p[1] for p in parts),
        text,
    )


def name_key(full_name: str) -> tuple[object, ...]:
    """Sort key for a Vietnamese personal name: the given name (last word), then the rest.

    ``đ`` sorts after ``d``, ``ă``/``â`` after ``a``, ``ô``/``ơ`` after ``o``, ``ư`` after ``u``;
    tones order none, huyền, hỏi, ngã, sắc, nặng.
    """
    name = clean_text(full_name, multiline=False)
    family, _, given = name.rpartition(" ")
    return (vietnamese_key(given)[:2], vietnamese_key(family)[:2], name)
