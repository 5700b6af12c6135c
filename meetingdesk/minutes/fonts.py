"""The bundled Liberation Serif family (SIL OFL 1.1), the only fonts the minutes use."""

from __future__ import annotations

from collections.abc import Iterable
from threading import Lock

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from meetingdesk.paths import resource

REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {REGULAR: "LiberationSerif-Regular.ttf", BOLD: "LiberationSerif-Bold.ttf",
          ITALIC: "LiberationSerif-Italic.ttf", BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf"}
_lock = Lock()
_SQUARE = 0x25A1
"""□, drawn for a character the fonts lack."""


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap of a font subset, with characters beyond the Basic
    Multilingual Plane (emoji) written as UTF-16 surrogate pairs, as the PDF standard says;
    reportlab writes ``<1F44D>``, which readers cut to U+1F44."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
          for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


def register_fonts() -> None:
    """Register the four faces with reportlab as one family (once per process)."""
    with _lock:
        if BOLD_ITALIC in pdfmetrics.getRegisteredFontNames():
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file_name))))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD_ITALIC)


def keep_missing_characters(chars: Iterable[str]) -> None:
    """Let characters the fonts lack (emoji, rare scripts) be drawn as a white square □ while
    the PDF's text layer keeps them.

    reportlab would draw such a character as the empty glyph 0 with no Unicode mapping, so
    the reader would see a gap and copying or extracting the text would lose it. Mapping the
    character to the square's glyph gives it a code of its own in the embedded subset and an
    entry in the subset's ToUnicode map.
    """
    with _lock:
        for name in _FILES:
            face = pdfmetrics.getFont(name).face
            glyph = face.charToGlyph.get(_SQUARE, 0)
            width = face.charWidths.get(_SQUARE, face.defaultWidth)
            for ch in chars:
                if ord(ch) not in face.charToGlyph and not ch.isspace():
                    face.charToGlyph[ord(ch)] = glyph
                    face.charWidths[ord(ch)] = width
