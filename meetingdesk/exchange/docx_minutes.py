"""The minutes as DOCX (python-docx), for agencies that edit in Word: the same content, in the
same order and with the same format profile (margins, sizes, wording) as the PDF.

The document and the profile come from :mod:`meetingdesk.minutes` (``MinutesDocument``,
``FormatProfile``), which the caller builds: ``minutes`` and ``exchange`` are independent
layers that may not import each other, so this module reads them by their field names only.
The font is Times New Roman, the official one (Word substitutes a metric-compatible font such
as Liberation Serif where it is missing); DOCX does not embed fonts.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


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
        fmt.line_spacing = self.p.leading_ratio
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
            self.para(text, bold=True).paragraph_format.keep_with_next = True

    def table(self, columns: Iterable[str], rows: Iterable[Iterable[str]],
              widths_mm: tuple[float, ...], centred: tuple[int, ...] = ()) -> Table:
        columns = list(columns)
        table = self.out.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        text_width = 210 - self.p.margins.left - self.p.margins.right
        flexible = text_width - sum(widths_mm)
        widths = [Mm(w or flexible) for w in widths_mm]
        for cell, title, width in zip(table.rows[0].cells, columns, widths, strict=True):
            cell.width = width
            self._cell_text(cell, title, bold=True, align="center")
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

    def borderless(self, left_mm: float, blocks: tuple[list[tuple[str, dict[str, Any]]], ...]
                   ) -> None:
        text_width = 210 - self.p.margins.left - self.p.margins.right
        table = self.out.add_table(rows=1, cols=len(blocks))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = (Mm(left_mm), Mm(text_width - left_mm))
        for cell, block, width in zip(table.rows[0].cells, blocks, widths, strict=True):
            cell.width = width
            cell._element.remove(cell.paragraphs[0]._element)
            for text, style in block:
                self.para(text, **{"align": "center", "after": 0, "target": cell, **style})

    # --- parts --------------------------------------------------------------------------

    def header(self) -> None:
        h, s, p = self.doc.header, self.s, self.p
        left: list[tuple[str, dict[str, Any]]] = []
        if h.parent_agency:
            left.append((h.parent_agency, {"size": s.parent_agency}))
        if h.agency:
            left.append((h.agency, {"size": s.agency, "bold": True}))
            left.append(("———" if p.agency_rule else "*", {"size": s.agency}))
        left.append((h.number, {"size": s.number}))
        right: list[tuple[str, dict[str, Any]]] = [(h.nation, {"size": s.nation, "bold": True})]
        if h.motto:
            right.append((h.motto, {"size": s.motto, "bold": True, "underline": p.motto_rule}))
        if h.place_date:
            right.append((h.place_date, {"size": s.place_date, "italic": True}))
        self.borderless(p.header_left_mm, (left, right))

    def title(self) -> None:
        self.para(after=12)
        self.para(self.doc.doc_type, size=self.s.doc_type, bold=True, align="center", after=0)
        self.para(self.doc.title, size=self.s.subject, bold=True, align="center", after=12)

    def opening(self) -> None:
        for line in self.doc.opening:
            self.para(line.value, lead=line.label, align="justify", indent=True)

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
        self.para(self.doc.closing, align="justify", indent=True)
        left, right = self.doc.signers
        blocks = []
        for signer in (left, right):
            block = [(r, {"size": s.signer, "bold": True}) for r in signer.role if r]
            if signer.hint:
                block.append((signer.hint, {"size": s.signer, "italic": True}))
            block.append(("", {"after": self.p.signature_space_mm * 2.83}))
            block.append((signer.name, {"size": s.signer, "bold": True}))
            blocks.append(block)
        text_width = 210 - self.p.margins.left - self.p.margins.right
        self.borderless(text_width * self.p.signature_left_ratio, (blocks[0], blocks[1]))
        underline = self.p.recipients_title_style == "underline"
        self.para(after=0)
        self.para(self.doc.recipients_title, size=s.recipients_title, bold=not underline,
                  italic=not underline, underline=underline, after=1)
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
        props.title, props.author, props.subject = (self.doc.pdf_title, self.doc.pdf_author,
                                                    self.doc.title)
        props.language = "vi-VN"
        out = io.BytesIO()
        self.out.save(out)
        return out.getvalue()


def render_minutes_docx(doc: Any, profile: Any) -> bytes:
    """A ``MinutesDocument`` in a ``FormatProfile``, as DOCX bytes."""
    return _Writer(doc, profile).write()

