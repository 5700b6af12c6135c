"""Formula injection: making cell text inert on export, and undoing exactly that on import.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return could be run as
a formula by a spreadsheet; on export it gets a leading apostrophe (OWASP's advice for CSV
injection). On import an apostrophe followed by one of those characters is removed again, so an
exported list imports back unchanged.
"""

from __future__ import annotations

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> str:
    """The cell text, with a leading apostrophe if a spreadsheet could take it for a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(DANGEROUS_STARTS) else text


def uninert(text: str) -> str:
    """Undo :func:`inert`."""
    return text[1:] if text.startswith("'") and text[1:].startswith(DANGEROUS_STARTS) else text
