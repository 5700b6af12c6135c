"""Finding the encoding of a text file: BOMs, UTF-16 without BOM, UTF-8, then a plausibility
score over cp1258 and the legacy TCVN3 and VNI encodings.

A legacy guess is kept only when the decoded sample reads as Vietnamese: every non-ASCII
character a Vietnamese letter or common punctuation, at most one tone per word, no capital
letters inside a lower-case word. Otherwise the file is refused with a message naming
``--encoding``: mojibake is never passed on silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from meetingdesk.domain.messages import Message, message
from meetingdesk.exchange import legacy
from meetingdesk.exchange.errors import UnreadableFileError

SAMPLE_BYTES = 1 << 20

_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_VOWELS = "aăâeêioôơuưy"
_PUNCTUATION = set("“”‘’–—…•°«»№§\u00a0\u200b\ufeff·×")
_WORD = re.compile(r"\w+")


def _vietnamese_letters() -> frozenset[str]:
    letters = {"đ", "Đ"}
    for vowel in _VOWELS:
        for tone in ("", *_TONES):
            ch = unicodedata.normalize("NFC", vowel + tone)
            letters.update((ch, ch.upper()))
    return frozenset(c for c in letters if len(c) == 1)


VIETNAMESE_LETTERS = _vietnamese_letters()

CANDIDATES = ("cp1258", "tcvn3", "vni")
"""Legacy single-byte encodings tried, in order of preference on a tie."""

NAMES = {
    "utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8-sig", "utf-16": "utf-16",
    "utf16": "utf-16", "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be",
    "cp1258": "cp1258", "windows-1258": "cp1258", "tcvn3": "tcvn3", "abc": "tcvn3",
    "vni": "vni", "vni-windows": "vni",
}
"""Encodings a user may choose (``--encoding``), by the names they may use."""


@dataclass(frozen=True, slots=True)
class Plausibility:
    """How Vietnamese a decoded sample looks."""

    good_words: int
    bad_chars: int
    multi_tone_words: int
    inner_capitals: int

    @property
    def faults(self) -> int:
        return self.bad_chars + self.multi_tone_words + self.inner_capitals

    @property
    def score(self) -> int:
        return self.good_words - 5 * self.faults

    @property
    def acceptable(self) -> bool:
        return self.faults <= max(2, self.good_words // 50)


def plausibility(text: str) -> Plausibility:
    """Score ``text`` (any normal form) as Vietnamese."""
    text = unicodedata.normalize("NFC", text)
    bad = sum(1 for ch in text if ord(ch) > 127 and not _allowed(ch))
    good = multi = inner = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        tones = sum(1 for ch in unicodedata.normalize("NFD", word) if ch in _TONES)
        if tones > 1:
            multi += 1
        elif any(ch.isupper() and not ch.isascii() for ch in word[1:]) and not word.isupper():
            inner += 1
        else:
            good += 1
    return Plausibility(good, bad, multi, inner)


def _allowed(ch: str) -> bool:
    return (ch in VIETNAMESE_LETTERS or ch in _PUNCTUATION
            or unicodedata.category(ch) in ("Zs", "Sc", "Pd", "Pi", "Pf"))


def _unreadable(name: str, detail: Message) -> UnreadableFileError:
    return UnreadableFileError("encodings.unreadable", name=name, detail=detail)


def normalise_choice(encoding: str) -> str:
    """The codec name for a user's choice of encoding, or an error listing the choices."""
    codec = NAMES.get(encoding.strip().lower().replace("_", "-"))
    if codec is None:
        raise UnreadableFileError("encodings.unsupported", encoding=encoding)
    return codec


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _decodes_as_utf8(sample: bytes, final: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=final)
    except UnicodeDecodeError:
        return False
    return True


def decode_sample(sample: bytes, codec: str) -> str | None:
    try:
        return codecs.decode(sample, codec)
    except UnicodeDecodeError:
        return None


def detect(sample: bytes, name: str, *, complete: bool) -> str:
    """The codec of a file whose first bytes are ``sample`` (``complete`` if that is all of it).

    Raises :class:`UnreadableFileError` when no encoding gives plausible Vietnamese text.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16:
            return utf16
        raise _unreadable(name, message("encodings.binary_file"))
    if _decodes_as_utf8(sample, final=complete):
        return "utf-8"
    best: tuple[int, str] | None = None
    for codec in CANDIDATES:
        text = decode_sample(sample, codec)
        if text is None:
            continue
        p = plausibility(text)
        if p.acceptable and (best is None or p.score > best[0]):
            best = (p.score, codec)
    if best is None:
        raise _unreadable(name, message("encodings.not_utf8_nor_vietnamese"))
    return best[1]


def check_choice(sample: bytes, codec: str, name: str) -> None:
    """Refuse a chosen encoding that turns the sample into mojibake or cannot decode it."""
    base = legacy.canonical_name(codec) or codec
    if base.startswith("utf"):
        final = len(sample) < SAMPLE_BYTES
        try:
            codecs.getincrementaldecoder(base)().decode(sample, final=final)
        except UnicodeDecodeError as exc:
            raise _unreadable(name, message("encodings.bad_byte", codec=codec,
                                            start=exc.start)) from None
        return
    text = decode_sample(sample, base)
    if text is None or not plausibility(text).acceptable:
        raise _unreadable(name, message("encodings.not_vietnamese_in", codec=codec))
