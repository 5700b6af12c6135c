"""The minutes as DOCX (python-docx), for agencies that edit in Word: the same content, in the
same order and with the same format profile (margins, sizes, wording) as the PDF.

The document and the profile come from :mod:`meetingdesk.minutes` (``MinutesDocument``,
``FormatProfile``), which the caller builds: ``minutes`` and ``exchange`` are independent
layers that may not import each other, so this module reads them by their field names only.
The font is Times New Roman, the official one (Word substitutes a metric-compatible font such
as Liberation Serif where it is missing); DOCX does not embed fonts. The layout rules follow the
PDF: a short rule under the agency (or the asterisk of the Party form), a rule under the motto
(or the nation line), a short rule under the title, table headers repeated on every page, the
signatures in a borderless table row by row so that roles and names stand level, page numbers
at the top from page 2. Rule lengths are measured with the Times metrics (which Times New Roman
and Liberation Serif share), on the text without its diacritics.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth

FONT = "Times New Roman"
CORE_PROPERTY_LIMIT = 255
"""The longest text Word keeps in a core property (title, subject, author)."""
_PT_PER_MM = 72 / 25.4
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


@dataclass(frozen=True, slots=True)
class _Rule:
    """A short solid line in a cell of a borderless table."""

    length_mm: float
    after: float = 2


_Line = tuple[str, dict[str, Any]] | _Rule
"""One line of a cell of a borderless table: text with its style, or a rule."""


class _Writer:
    def __init__(self, doc: Any, profile: Any) -> None:
        self.doc = doc
        self.p = profile
        self.s = profile.sizes
        self.out = Document()
        normal = self.out.styles["Normal"]
        normal.font.name = FONT
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        normal.font.size = Pt(self.s.body)
        section = self.out.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        m = profile.margins
        section.top_margin, section.bottom_margin = Mm(m.top), Mm(m.bottom)
        section.left_margin, section.right_margin = Mm(m.left), Mm(m.right)
        section.different_first_page_header_footer = True
        self._page_numbers(section.header.paragraphs[0])

    # --- small builders ----------------------------------------------------------------

    def para(self, text: str = "", *, size: float | None = None, bold: bool = False,
             italic: bool = False, underline: bool = False, align: str = "left",
             indent: bool = False, after: float | None = None, target: Any = None,
             lead: str = "") -> Paragraph:
        """One paragraph; ``lead`` is a bold run before the text (labels)."""
        paragraph = (target or self.out).add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = _ALIGN[align]
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(self.p.paragraph_space if after is None else after)
        fmt.line_spacing = Pt((size or self.s.body) * self.p.leading_ratio)
        if indent:
            fmt.first_line_indent = Mm(self.p.first_line_indent_mm)
        for content, is_lead in ((lead, True), (text, False)):
            if content:
                run = paragraph.add_run(content)
                run.font.size = Pt(size or self.s.body)
                run.bold = bold or is_lead
                run.italic = italic
                run.underline = underline
        return paragraph

    def heading(self, text: str) -> None:
        if text:
            self.para(text, bold=True, indent=True).paragraph_format.keep_with_next = True

    def table(self, columns: Iterable[str], rows: Iterable[Iterable[str]],
              widths_mm: tuple[float, ...], centred: tuple[int, ...] = ()) -> Table:
        columns = list(columns)
        table = self.out.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        flexible = self._text_width_mm() - sum(widths_mm)
        widths = [Mm(w or flexible) for w in widths_mm]
        _fixed_widths(table, widths)
        for cell, title, width in zip(table.rows[0].cells, columns, widths, strict=True):
            cell.width = width
            self._cell_text(cell, title, bold=True, align="center")
        _repeat_as_header(table.rows[0])
        for row in rows:
            cells = table.add_row().cells
            for i, (cell, value, width) in enumerate(zip(cells, row, widths, strict=True)):
                cell.width = width
                self._cell_text(cell, value, align="center" if i in centred else "left")
        self.para(after=0)
        return table

    def _cell_text(self, cell: Any, text: str, *, bold: bool = False,
                   align: str = "left") -> None:
        first = cell.paragraphs[0]
        for n, line in enumerate(text.split("\n")):
            paragraph = first if n == 0 else cell.add_paragraph()
            paragraph.paragraph_format.alignment = _ALIGN[align]
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(line)
            run.font.size = Pt(self.s.table)
            run.bold = bold

    def _page_numbers(self, paragraph: Paragraph) -> None:
        """A PAGE field centred in the header of every page but the first."""
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        run.font.size = Pt(self.s.page_number)
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            else:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            run._r.append(element)

    def borderless(self, left_mm: float, rows: Iterable[tuple[list[_Line], list[_Line]]]
                   ) -> Table:
        """A borderless two-column table, one row per item of ``rows`` (each a pair of cell
        blocks), every line centred in its cell."""
        rows = list(rows)
        text_width = self._text_width_mm()
        table = self.out.add_table(rows=len(rows), cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _no_borders(table)
        widths = (Mm(left_mm), Mm(text_width - left_mm))
        _fixed_widths(table, widths)
        for row, blocks in zip(table.rows, rows, strict=True):
            for cell, block, width in zip(row.cells, blocks, widths, strict=True):
                cell.width = width
                cell._element.remove(cell.paragraphs[0]._element)
                for item in block or [("", {})]:
                    if isinstance(item, _Rule):
                        self.rule(item.length_mm, target=cell, width_mm=width.mm,
                                  after=item.after)
                    else:
                        text, style = item
                        self.para(text, **{"align": "center", "after": 0, "target": cell,
                                           **style})
        return table

    def rule(self, length_mm: float, *, target: Any = None, width_mm: float | None = None,
             after: float = 2) -> None:
        """A centred solid line ``length_mm`` long: the bottom border of an empty paragraph
        narrowed by its indents."""
        width = width_mm if width_mm is not None else self._text_width_mm()
        length = min(length_mm, width)
        paragraph = (target or self.out).add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.left_indent = fmt.right_indent = Mm((width - length) / 2)
        fmt.space_before, fmt.space_after = Pt(0), Pt(after)
        fmt.line_spacing = Pt(2)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", str(round(self.p.rule_width * 8))),
                           ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().append(borders)

    def _text_width_mm(self) -> float:
        return 210 - self.p.margins.left - self.p.margins.right

    # --- parts --------------------------------------------------------------------------

    def header(self) -> None:
        h, s, p = self.doc.header, self.s, self.p
        left: list[_Line] = []
        if h.parent_agency:
            left.append((h.parent_agency, {"size": s.parent_agency}))
        if h.agency:
            left.append((h.agency, {"size": s.agency, "bold": True}))
            if p.agency_rule:
                left.append(_Rule(width_mm(h.agency, s.agency, bold=True)
                                  * p.agency_rule_ratio, after=4))
            else:
                left.append(("*", {"size": s.agency}))
        left.append((h.number, {"size": s.number}))
        right: list[_Line] = [(h.nation, {"size": s.nation, "bold": True})]
        if h.motto:
            right.append((h.motto, {"size": s.motto, "bold": True}))
            if p.motto_rule:
                right.append(_Rule(width_mm(h.motto, s.motto, bold=True)))
        elif p.motto_rule:
            right.append(_Rule(width_mm(h.nation, s.nation, bold=True), after=4))
        if h.place_date:
            right.append((h.place_date, {"size": s.place_date, "italic": True}))
        self.borderless(p.header_left_mm, [(left, right)])

    def title(self) -> None:
        self.para(after=12)
        self.para(self.doc.doc_type, size=self.s.doc_type, bold=True, align="center", after=0)
        self.para(self.doc.title, size=self.s.subject, bold=True, align="center",
                  after=2 if self.p.title_rule_mm else 12)
        if self.p.title_rule_mm:
            self.rule(self.p.title_rule_mm, after=12)

    def opening(self) -> None:
        for line in self.doc.opening:
            self.para(line.label + line.value, align="justify", indent=True)

    def delegates(self, rows: Iterable[Any]) -> None:
        self.table(self.doc.delegate_columns,
                   [(str(r.number), r.name, r.titles, r.status) for r in rows], (10, 48, 0, 34),
                   centred=(0,))

    def attendance(self) -> None:
        self.heading(self.doc.attendance_heading)
        for line in self.doc.attendance_lines:
            self.para(line, indent=True)
        for site in self.doc.sites:
            self.para(site.summary, lead=site.heading + ": ", indent=True, after=2)
            if site.delegates:
                self.delegates(site.delegates)
            if site.absent:
                self.para(self.p.wording.absent_heading, italic=True, indent=True, after=0)
                for line in site.absent:
                    self.para("- " + line, indent=True, after=0)
        if self.doc.guest_rows:
            self.heading(self.doc.guests_heading)
            self.delegates(self.doc.guest_rows)

    def note(self, note: Any) -> None:
        if note.lead:
            self.para(note.lead, italic=True, indent=True, after=2)
        for n, text in enumerate(note.paragraphs):
            label = f"{note.label}: " if note.label and n == 0 else ""
            paragraph = self.para(text, lead=label, align="justify", indent=True)
            if note.set_apart:
                paragraph.paragraph_format.left_indent = Mm(self.p.first_line_indent_mm)
                paragraph.paragraph_format.right_indent = Mm(self.p.first_line_indent_mm)

    def body(self) -> None:
        if self.doc.contents_heading:
            self.para(self.doc.contents_heading, align="justify", indent=True)
        self.heading(self.doc.body_heading)
        for section in self.doc.sections:
            self.heading(section.title)
            if section.presenter:
                self.para(section.presenter, italic=True, indent=True)
            if section.review:
                self.table(self.doc.review_columns,
                           [(str(r.number), r.what, r.who, r.due, r.result)
                            for r in section.review], (10, 0, 40, 22, 26), centred=(0, 3, 4))
            for note in section.notes:
                self.note(note)
        self.heading(self.doc.conclusions_heading)
        for note in self.doc.chair_conclusions:
            self.note(note)

    def tasks(self) -> None:
        if self.doc.task_rows:
            self.heading(self.doc.tasks_heading)
            self.table(self.doc.task_columns,
                       [(str(t.number), t.what, t.who, t.due) for t in self.doc.task_rows],
                       (10, 0, 50, 24), centred=(0, 3))

    def documents(self) -> None:
        self.heading(self.doc.documents_heading)
        for line in self.doc.document_lines:
            self.para("- " + line, indent=True, after=2)

    def closing(self) -> None:
        s = self.s
        closing = self.para(self.doc.closing, align="justify", indent=True)
        closing.paragraph_format.keep_with_next = True  # with the signatures, as in the PDF
        left, right = self.doc.signers

        def lines(signer: Any, part: str, **style: Any) -> list[_Line]:
            if signer is None:
                return []
            texts = signer.role if part == "role" else (getattr(signer, part),)
            return [(t, {"size": s.signer, **style}) for t in texts if t]

        space: _Line = ("", {"after": self.p.signature_space_mm * _PT_PER_MM})
        signatures = self.borderless(self._text_width_mm() * self.p.signature_left_ratio, [
            (lines(left, "role", bold=True), lines(right, "role", bold=True)),
            (lines(left, "hint", italic=True), lines(right, "hint", italic=True)),
            ([space], [space]),
            (lines(left, "name", bold=True), lines(right, "name", bold=True))])
        for row in signatures.rows[:-1]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        underline = self.p.recipients_title_style == "underline"
        self.para(after=0)
        title = self.para(self.doc.recipients_title, size=s.recipients_title,
                          bold=not underline, italic=not underline, underline=underline,
                          after=1)
        title.paragraph_format.keep_with_next = True  # never alone at the foot of a page
        for recipient in self.doc.recipients:
            self.para(recipient, size=s.recipients, after=0)

    def appendix(self) -> None:
        a = self.doc.appendix
        if a is None:
            return
        self.out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.para(a.title, size=self.s.doc_type, bold=True, align="center", after=0)
        self.para(a.subject, size=self.s.subject, bold=True, align="center", after=0)
        self.para(a.reference, italic=True, align="center", after=12)
        self.table(a.columns, [(str(r.number), r.site, str(r.summoned), str(r.present),
                                str(r.absent), "\n".join(r.log)) for r in a.rows],
                   (10, 42, 18, 16, 18, 0), centred=(0, 2, 3, 4))

    def write(self) -> bytes:
        for part in (self.header, self.title, self.opening, self.attendance, self.body,
                     self.tasks, self.documents, self.closing, self.appendix):
            part()
        props = self.out.core_properties
        props.title, props.author, props.subject = (
            core_property(self.doc.pdf_title), core_property(self.doc.pdf_author),
            core_property(self.doc.title))
        props.language = "vi-VN"
        out = io.BytesIO()
        self.out.save(out)
        return out.getvalue()


def width_mm(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` in Times (Times New Roman's metrics), in millimetres."""
    base = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(ch for ch in base if not unicodedata.combining(ch))
    plain = plain.encode("latin-1", "replace").decode("latin-1")
    return stringWidth(plain, "Times-Bold" if bold else "Times-Roman", size) / _PT_PER_MM


def core_property(text: str) -> str:
    """``text`` cut to what a core property holds, at a word where it can, with an ellipsis:
    the document's own text stays whole."""
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    cut = text[:CORE_PROPERTY_LIMIT - 1]
    word = cut.rsplit(" ", 1)[0]
    return (word if len(word) > CORE_PROPERTY_LIMIT // 2 else cut).rstrip(" ,;:-") + "…"


def _repeat_as_header(row: Any) -> None:
    """Repeat a table's first row at the top of every page it runs onto."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _no_borders(table: Table) -> None:
    """No borders and no cell margins, whatever the default table style says: the text of
    each cell is centred on the whole cell, as in the PDF."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(borders)
    table._tbl.tblPr.append(margins)


def _fixed_widths(table: Table, widths: Iterable[Any]) -> None:
    """Column widths that Word and LibreOffice both keep (a fixed layout, not autofit)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width


def render_minutes_docx(doc: Any, profile: Any) -> bytes:
    """A ``MinutesDocument`` in a ``FormatProfile``, as DOCX bytes."""
    return _Writer(doc, profile).write()

