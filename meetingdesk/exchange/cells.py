"""Formula injection: making cell text inert on export, and undoing exactly that on import.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return could be run as
a formula by a spreadsheet; on export it gets a leading apostrophe (OWASP's advice for CSV
injection). On import an apostrophe followed by one of those characters is removed again, so an
exported list imports back unchanged (text that already starts with apostrophes before such a
character gets one more, so the round trip is exact).
"""

from __future__ import annotations

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_prefix(text: str) -> bool:
    """Dangerous, or already looking like an inert cell (so the round trip stays exact)."""
    while text.startswith("'"):
        text = text[1:]
    return text.startswith(DANGEROUS_STARTS)


def inert(value: object) -> str:
    """The cell text, with a leading apostrophe if a spreadsheet could take it for a formula."""
    text = "" if value is None else str(value)
    return "'" + text if _needs_prefix(text) else text


def uninert(text: str) -> str:
    """Undo :func:`inert` exactly."""
    return text[1:] if text.startswith("'") and _needs_prefix(text[1:]) else text
