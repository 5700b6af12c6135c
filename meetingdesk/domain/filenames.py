"""Names of exported files that people recognise: "Bien ban so 12 - 2023-04-03.pdf".

Names are plain ASCII (tones and hats dropped, ``Đ``→``D``): they survive e-mail, USB sticks
formatted on any system and old Windows machines at the sites.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def ascii_name(text: str) -> str:
    """``text`` without diacritics, characters no file system accepts or runs of spaces."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(ch))
    text = text.encode("ascii", "ignore").decode("ascii")
    return " ".join(_NOT_IN_NAMES.sub(" ", text).split()).strip(" .")


def export_name(what: str, *, number: int | None = None, day: date | None = None,
                extra: str = "", suffix: str) -> str:
    """``<what> so <number> - <extra> - <yyyy-mm-dd>.<suffix>``, the parts that exist."""
    head = what + (f" số {number}" if number else "")
    parts = [head, extra, day.isoformat() if day else ""]
    name = ascii_name(" - ".join(p for p in parts if p)) or "MeetingDesk"
    return f"{name}.{suffix.lstrip('.')}"
