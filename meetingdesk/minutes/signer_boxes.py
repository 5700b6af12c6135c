"""Where the signers sign: the blank space between each signer's title lines and name, found
while the page is drawn and kept in the PDF (see :mod:`.pdfa`) for the digital signature."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Table

ROLES = ("left", "right")
"""The secretary signs on the left, the chair on the right."""


@dataclass(frozen=True, slots=True)
class SignerBox:
    """One signer's blank space, in PDF points from the bottom left corner of ``page``
    (1-based)."""

    role: str
    page: int
    x: float
    y: float
    width: float
    height: float


@dataclass(slots=True)
class SignerBoxes:
    """The signer boxes found while the pages are drawn."""

    boxes: list[SignerBox] = field(default_factory=list)

    def add(self, box: SignerBox) -> None:
        self.boxes = [b for b in self.boxes if b.role != box.role] + [box]

    def to_json(self) -> str:
        return json.dumps([{"role": b.role, "page": b.page, "x": round(b.x, 2),
                            "y": round(b.y, 2), "width": round(b.width, 2),
                            "height": round(b.height, 2)} for b in self.boxes])


def boxes_from_json(text: str) -> list[SignerBox]:
    """The boxes written by :meth:`SignerBoxes.to_json`; malformed entries are skipped."""
    try:
        items = json.loads(text)
    except ValueError:
        return []
    found: list[SignerBox] = []
    for item in items if isinstance(items, list) else []:
        try:
            found.append(SignerBox(str(item["role"]), int(item["page"]), float(item["x"]),
                                   float(item["y"]), float(item["width"]),
                                   float(item["height"])))
        except (KeyError, TypeError, ValueError):
            continue
    return found


class SignerTable(Table):
    """The signers' table (one column per signer); when drawn it records, for each column
    that has a signer (``roles``, ``None`` for an empty column), the rectangle of the blank row
    ``blank_row`` on the current page."""

    def __init__(self, rows: list[list[Any]], widths: list[float], *, blank_row: int,
                 roles: tuple[str | None, ...], boxes: SignerBoxes) -> None:
        super().__init__(rows, colWidths=widths)
        self._blank_row = blank_row
        self._roles = roles
        self._boxes = boxes

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        super().drawOn(canvas, x, y, _sW)
        left = self._hAlignAdjust(x, _sW)
        top = y + self._rowpositions[self._blank_row]
        bottom = y + self._rowpositions[self._blank_row + 1]
        page = canvas.getPageNumber()
        for role, (x0, x1) in zip(self._roles, zip(self._colpositions,
                                                   self._colpositions[1:], strict=False),
                                  strict=False):
            if role is not None:
                self._boxes.add(SignerBox(role, page, left + x0, bottom, x1 - x0, top - bottom))
