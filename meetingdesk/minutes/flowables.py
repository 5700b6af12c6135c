"""Lean flowables for text that rarely wraps: plain strings measured with
``pdfmetrics.stringWidth`` and drawn with ``drawString``, no paragraph markup.

Most of the minutes (headings, leads, the attendance rows of a hundred sites) fit on one line;
laying them out as reportlab ``Paragraph``/``Table`` cells costs several times more than the
text itself. These flowables wrap greedily (breaking a word longer than the line by
characters), split across pages between lines or rows, and never parse their text, so user
text needs no escaping here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus.flowables import Flowable

Run = tuple[str, str]
"""A piece of text and the font it is set in."""

_WORD = re.compile(r"(\s*)(\S+)")


@cache
def _font(name: str) -> pdfmetrics.Font:
    return pdfmetrics.getFont(name)


@cache
def ascent(font: str, size: float) -> float:
    return float(pdfmetrics.getAscentDescent(font, size)[0])


@lru_cache(maxsize=1 << 16)
def width_of(text: str, font: str, size: float) -> float:
    """The width of ``text`` in points. Cached: names, titles and statuses repeat a lot."""
    return float(_font(font).stringWidth(text, size))


def _break_word(word: str, font: str, size: float, first: float, width: float) -> list[str]:
    """Cut a word wider than a line into pieces: the first fits ``first``, the others
    ``width`` (at least one character each)."""
    pieces: list[str] = []
    start, used, room = 0, 0.0, first
    stringwidth = _font(font).stringWidth
    for i, ch in enumerate(word):
        w = stringwidth(ch, size)
        if used + w > room and i > start:
            pieces.append(word[start:i])
            start, used, room = i, 0.0, width
        used += w
    pieces.append(word[start:])
    return pieces


def _tokens(runs: Sequence[Run]) -> list[tuple[str, str, bool]]:
    """Words with their font and whether white space precedes them."""
    tokens: list[tuple[str, str, bool]] = []
    pending = False
    for text, font in runs:
        for m in _WORD.finditer(text):
            tokens.append((m[2], font, pending or bool(m[1])))
            pending = False
        pending = pending or text[-1:].isspace()
    return tokens


def wrap_runs(runs: Sequence[Run], size: float, first: float,
              rest: float) -> list[list[Run]]:
    """Greedy word wrap of runs into lines of at most ``first`` (first line) and ``rest``
    points; each line is a list of runs, consecutive words of one font joined."""
    if "\n" not in "".join(t for t, _ in runs) and sum(
            width_of(t, f, size) for t, f in runs) <= first:
        return [[(t, f) for t, f in runs if t]]
    lines: list[list[Run]] = []
    current: list[Run] = []
    used, room = 0.0, first

    def push(word: str, font: str, space: bool) -> None:
        nonlocal used
        text = (" " if space else "") + word
        if current and current[-1][1] == font:
            current[-1] = (current[-1][0] + text, font)
        else:
            current.append((text, font))
        used += width_of(text, font, size)

    def newline() -> None:
        nonlocal current, used, room
        lines.append(current)
        current, used, room = [], 0.0, rest

    for word, font, spaced in _tokens(runs):
        space = spaced and bool(current)
        w = width_of(word, font, size)
        extra = width_of(" ", font, size) if space else 0.0
        if used + extra + w <= room:
            push(word, font, space)
        elif current and w <= rest:
            newline()
            push(word, font, False)
        else:
            if current and room - used - extra < w / 2:
                newline()
                space = False
                extra = 0.0
            for n, piece in enumerate(_break_word(word, font, size, room - used - extra,
                                                  rest)):
                if n:
                    newline()
                push(piece, font, space and n == 0)
    lines.append(current)
    return lines


@dataclass(frozen=True, slots=True)
class LineStyle:
    size: float
    leading: float
    align: str = "left"
    """``left`` or ``center``."""
    indent: float = 0
    """Extra left indent of the first line."""
    hanging: float = 0
    """Left indent of the following lines."""
    space_before: float = 0
    space_after: float = 0
    underline: float = 0
    """Width of the line under the text; 0 for none."""


class Lines(Flowable):
    """A block of plain text in one or more fonts, wrapped at words; splits between lines."""

    def __init__(self, runs: Sequence[Run], style: LineStyle, *,
                 _wrapped: list[list[Run]] | None = None) -> None:
        super().__init__()
        self.runs = tuple(runs)
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self._wrapped = _wrapped
        self._width = 0.0

    def _lines(self, avail_width: float) -> list[list[Run]]:
        if self._wrapped is None or self._width != avail_width:
            s = self.style
            self._wrapped = wrap_runs(self.runs, s.size, avail_width - s.indent,
                                      avail_width - s.hanging)
            self._width = avail_width
        return self._wrapped

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self._lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._lines(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit < 1 or fit >= len(lines):
            return []
        s = self.style
        head = LineStyle(s.size, s.leading, s.align, s.indent, s.hanging, s.space_before, 0,
                         s.underline)
        tail = LineStyle(s.size, s.leading, s.align, s.hanging, s.hanging, 0, s.space_after,
                         s.underline)
        first = Lines(self.runs, head, _wrapped=lines[:fit])
        second = Lines(self.runs, tail, _wrapped=lines[fit:])
        first._width = second._width = availWidth
        return [first, second]

    def draw(self) -> None:
        s = self.style
        text = self.canv.beginText()
        extents = draw_lines(text, self._lines(self.width), size=s.size, leading=s.leading,
                             left=0, width=self.width, top=self.height, align=s.align,
                             indent=s.indent, hanging=s.hanging)
        self.canv.drawText(text)
        if s.underline:
            self.canv.setLineWidth(s.underline)
            self.canv.lines([(x0, y - s.size * 0.12, x1, y - s.size * 0.12)
                             for y, x0, x1 in extents])


def draw_lines(text: PDFTextObject, lines: Sequence[Sequence[Run]], *, size: float,
               leading: float, left: float, width: float, top: float, align: str = "left",
               indent: float = 0, hanging: float = 0) -> list[tuple[float, float, float]]:
    """Set wrapped lines into ``text`` from ``top`` down, the first baseline one ascent below
    it. Returns each line's baseline and extent (for underlining)."""
    extents: list[tuple[float, float, float]] = []
    if not lines or not lines[0]:
        return extents
    y = top - (leading - size) / 2 - ascent(lines[0][0][1], size)
    for n, runs in enumerate(lines):
        x = left + (indent if n == 0 else hanging)
        total = sum(width_of(t, f, size) for t, f in runs) if len(runs) > 1 or align != "left" \
            else 0.0
        if align != "left":
            room = width - (indent if n == 0 else hanging)
            x += (room - total) / 2 if align == "center" else room - total
        text.setTextOrigin(x, y)
        for run, font in runs:
            text.setFont(font, size)
            text.textOut(run)
        extents.append((y, x, x + (total or sum(width_of(t, f, size) for t, f in runs))))
        y -= leading
    return extents


@dataclass(frozen=True, slots=True)
class TableStyle:
    font: str
    header_font: str
    size: float
    leading: float
    padding: float
    grid: float
    widths: tuple[float, ...]
    aligns: tuple[str, ...]
    """``left``, ``center`` or ``right`` for each column."""
    space_before: float = 0
    space_after: float = 0


@dataclass(frozen=True, slots=True)
class _Row:
    cells: tuple[tuple[list[Run], ...], ...]
    """Each cell's wrapped lines."""
    height: float


class LeanTable(Flowable):
    """A ruled table of plain-text cells: a header row repeated on every page, rows kept
    whole unless one row alone is taller than a page (then it splits between lines)."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]],
                 style: TableStyle, frame_height: float, *,
                 _prepared: tuple[_Row, list[_Row]] | None = None) -> None:
        super().__init__()
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.frame_height = frame_height
        if _prepared is None:
            _prepared = (self._row(header, style.header_font),
                         [self._row(r, style.font) for r in rows])
        self._header, self._rows = _prepared
        self.width = sum(style.widths)
        self.height = self._header.height + sum(r.height for r in self._rows)

    def _row(self, cells: Sequence[str], font: str) -> _Row:
        s = self.style
        wrapped = []
        for text, width in zip(cells, s.widths, strict=True):
            room = width - 2 * s.padding
            lines: list[list[Run]] = []
            for part in text.split("\n"):
                lines.extend(wrap_runs([(part, font)], s.size, room, room))
            wrapped.append(tuple(lines))
        tall = max(len(c) for c in wrapped)
        return _Row(tuple(wrapped), tall * s.leading + 2 * s.padding)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def _part(self, rows: list[_Row]) -> LeanTable:
        return LeanTable((), (), self.style, self.frame_height, _prepared=(self._header, rows))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self._header.height
        fit = 0
        for row in self._rows:
            if row.height > room:
                break
            room -= row.height
            fit += 1
        if fit == len(self._rows):
            return []
        if fit:
            first = self._part(self._rows[:fit])
            first.spaceAfter = 0
            rest = self._part(self._rows[fit:])
            rest.spaceBefore = 0
            return [first, rest]
        row = self._rows[0]
        if self._header.height + row.height <= self.frame_height:
            return []
        lines = int((room - 2 * self.style.padding) // self.style.leading)
        if lines < 1:
            return []
        top, bottom = self._cut(row, lines)
        return [self._part([top]), self._part([bottom, *self._rows[1:]])]

    def _cut(self, row: _Row, lines: int) -> tuple[_Row, _Row]:
        s = self.style
        top = tuple(c[:lines] for c in row.cells)
        bottom = tuple(c[lines:] for c in row.cells)
        tall = max(len(c) for c in bottom)
        return (_Row(top, lines * s.leading + 2 * s.padding),
                _Row(bottom, tall * s.leading + 2 * s.padding))

    def draw(self) -> None:
        s, canv = self.style, self.canv
        xs = [0.0]
        for w in s.widths:
            xs.append(xs[-1] + w)
        rules = [(0, self.height, self.width, self.height)]
        y = self.height
        text = canv.beginText()
        for row in (self._header, *self._rows):
            for x, width, align, cell in zip(xs, s.widths, s.aligns, row.cells, strict=False):
                draw_lines(text, cell, size=s.size, leading=s.leading, left=x + s.padding,
                           width=width - 2 * s.padding, top=y - s.padding,
                           align="center" if row is self._header else align)
            y -= row.height
            rules.append((0, y, self.width, y))
        canv.drawText(text)
        rules.extend((x, 0, x, self.height) for x in xs)
        canv.setLineWidth(s.grid)
        canv.lines(rules)
