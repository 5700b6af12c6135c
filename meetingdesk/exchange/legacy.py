"""Codecs for the legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI (Windows).

Python has no codec for either; this module registers ``tcvn3`` (alias ``abc``) and ``vni``
(alias ``vni_windows``) with :mod:`codecs`, decode-only, so a file can be streamed through
:class:`io.TextIOWrapper` like any other. Output must be normalised to NFC afterwards (VNI
yields base letters followed by combining marks).

Sources and logic of the tables:

- **TCVN3** is TCVN 5712:1993 "VN3", the byte layout of the ABC ``.Vn*`` fonts. It is one byte
  per letter with *precomposed* lower-case letters only (upper-case text used the ``.VnTimeH``
  capitals fonts on the same bytes, so it decodes to lower case — an inherent limit of the
  encoding); only Ă Â Ê Ô Ơ Ư Đ have upper-case bytes (0xA1–0xA7). The table below is the
  standard VN3 layout as published with the standard and implemented by converters such as
  Unikey; it is cross-checked in the tests with the well-known mojibake words ``NguyÔn``
  (Nguyễn), ``Ph¹m`` (Phạm), ``§øc`` (Đức), ``S¬n`` (Sơn), ``Th¸i Nguyªn`` (Thái Nguyên).
- **VNI** (VNI-Windows fonts, VNI Software) writes a Vietnamese letter as its ASCII base letter
  followed by one byte that carries the hat/breve and tone together (e.g. ``e`` + 0xE3 = ễ), plus
  single bytes for đ/Đ, ơ/Ơ, ư/Ư and the toned i/I and ỵ/Ỵ. Bytes are named here by their
  Latin-1 glyph, which is how VNI text looks in a Unicode font (``Nguyeãn``, ``Ñöùc``,
  ``Thaùi Nguyeân``, ``Tænh uûy``): lower-case marks follow lower-case letters, the upper-case
  glyph of the same mark follows capitals. Each mark byte decodes to combining characters, and
  NFC composes them with the base letter.

Bytes with no Vietnamese meaning decode as Latin-1, so nothing is lost; encoding detection
(:mod:`meetingdesk.exchange.encodings`) counts such characters as evidence against a guess.
"""

from __future__ import annotations

import codecs

_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

_TCVN3_LETTERS = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# VNI: (lower-case glyph, upper-case glyph) -> what the byte means.
_VNI_MARKS = {
    ("ù", "Ù"): _ACUTE, ("ø", "Ø"): _GRAVE, ("û", "Û"): _HOOK, ("õ", "Õ"): _TILDE,
    ("ï", "Ï"): _DOT,
    ("â", "Â"): _CIRC, ("á", "Á"): _CIRC + _ACUTE, ("à", "À"): _CIRC + _GRAVE,
    ("å", "Å"): _CIRC + _HOOK, ("ã", "Ã"): _CIRC + _TILDE, ("ä", "Ä"): _CIRC + _DOT,
    ("ê", "Ê"): _BREVE, ("é", "É"): _BREVE + _ACUTE, ("è", "È"): _BREVE + _GRAVE,
    ("ú", "Ú"): _BREVE + _HOOK, ("ü", "Ü"): _BREVE + _TILDE, ("ë", "Ë"): _BREVE + _DOT,
}
_VNI_LETTERS = {
    ("ñ", "Ñ"): ("đ", "Đ"), ("ô", "Ô"): ("ơ", "Ơ"), ("ö", "Ö"): ("ư", "Ư"),
    ("í", "Í"): ("í", "Í"), ("ì", "Ì"): ("ì", "Ì"), ("æ", "Æ"): ("ỉ", "Ỉ"),
    ("ó", "Ó"): ("ĩ", "Ĩ"), ("ò", "Ò"): ("ị", "Ị"), ("î", "Î"): ("ỵ", "Ỵ"),
}


def _vni_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for (lower, upper), marks in _VNI_MARKS.items():
        table[ord(lower.encode("latin-1"))] = marks
        table[ord(upper.encode("latin-1"))] = marks
    for (lower, upper), (lo, up) in _VNI_LETTERS.items():
        table[ord(lower.encode("latin-1"))] = lo
        table[ord(upper.encode("latin-1"))] = up
    return table


def _full_table(special: dict[int, str]) -> dict[int, str]:
    return {b: special.get(b, chr(b)) for b in range(256)}


TCVN3_TABLE = _full_table(_TCVN3_LETTERS)
VNI_TABLE = _full_table(_vni_table())
LEGACY_TABLES = {"tcvn3": TCVN3_TABLE, "vni": VNI_TABLE}
_ALIASES = {"tcvn3": "tcvn3", "abc": "tcvn3", "tcvn": "tcvn3", "vn3": "tcvn3",
            "vni": "vni", "vni_windows": "vni"}


def _codec(name: str, table: dict[int, str]) -> codecs.CodecInfo:
    def decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
        return codecs.charmap_decode(data, errors, table)  # type: ignore[arg-type]

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        raise UnicodeError(f"{name} is a decode-only codec")

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, data: bytes, final: bool = False) -> str:  # type: ignore[override]
            return codecs.charmap_decode(data, self.errors, table)[0]  # type: ignore[arg-type]

    return codecs.CodecInfo(encode=encode, decode=decode, name=name,
                            incrementaldecoder=IncrementalDecoder)


def _search(name: str) -> codecs.CodecInfo | None:
    canonical = _ALIASES.get(name.lower().replace("-", "_"))
    return _codec(canonical, LEGACY_TABLES[canonical]) if canonical else None


codecs.register(_search)


def canonical_name(name: str) -> str | None:
    """``tcvn3`` or ``vni`` for one of their aliases, else ``None``."""
    return _ALIASES.get(name.lower().replace("-", "_"))
