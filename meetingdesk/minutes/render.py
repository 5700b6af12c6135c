""":class:`MinutesDocument` → PDF bytes, laid out as the format profile says.

Paragraphs (reportlab markup, justified) are spent only where text really wraps — the notes and
the opening lines; every user string is escaped before it meets that markup. Everything else is
drawn by the lean flowables of :mod:`meetingdesk.minutes.flowables`. Only the bundled Liberation
Serif family is used, the canvas's initial font included, so every font in the PDF is embedded;
the file is PDF/A-2b (:mod:`meetingdesk.minutes.pdfa`).
"""

from __future__ import annotations

import dataclasses
import io
import logging
from collections.abc import Iterator
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from meetingdesk.minutes.document import (
    BodySection,
    DelegateRow,
    MinutesDocument,
    NoteEntry,
    Signer,
)
from meetingdesk.minutes.flowables import LeanTable, Lines, LineStyle, TableStyle, width_of
from meetingdesk.minutes.fonts import (
    BOLD,
    BOLD_ITALIC,
    ITALIC,
    REGULAR,
    keep_missing_characters,
    register_fonts,
)
from meetingdesk.minutes.pdfa import pdfa_canvas
from meetingdesk.minutes.profiles import FormatProfile
from meetingdesk.minutes.signer_boxes import ROLES, SignerBoxes, SignerTable

logger = logging.getLogger(__name__)

# Binary (Flate only) streams instead of ASCII85 over Flate: a quarter smaller, and ~10% of
# the time of a 250-page document saved. Process-wide, but the minutes are reportlab's only use.
rl_config.useA85 = 0


def markup(text: str) -> str:
    """User text as safe paragraph markup: ``<``, ``>`` and ``&`` escaped."""
    return escape(text)


class _Story:
    """Turns the document into a list of flowables."""

    def __init__(self, doc: MinutesDocument, profile: FormatProfile) -> None:
        self.doc = doc
        self.signer_boxes = SignerBoxes()
        self.p = profile
        m = profile.margins
        self.width = A4[0] - (m.left + m.right) * mm
        self.frame_height = A4[1] - (m.top + m.bottom) * mm
        s = profile.sizes
        self.leading = s.body * profile.leading_ratio
        self.indent = profile.first_line_indent_mm * mm
        self.body_style = ParagraphStyle(
            "body", fontName=REGULAR, fontSize=s.body, leading=self.leading,
            alignment=TA_JUSTIFY, firstLineIndent=self.indent, spaceAfter=profile.paragraph_space,
            splitLongWords=1, bulletFontName=REGULAR)
        self.apart = ParagraphStyle("apart", parent=self.body_style, leftIndent=self.indent,
                                    rightIndent=self.indent)

    # --- small builders ----------------------------------------------------------------

    def lines(self, text: str, font: str = REGULAR, *, size: float | None = None,
              align: str = "left", indent: float | None = None, hanging: float = 0,
              before: float = 0, after: float | None = None, underline: bool = False
              ) -> Lines:
        size = size or self.p.sizes.body
        style = LineStyle(size, size * self.p.leading_ratio, align,
                          self.indent if indent is None else indent, hanging, before,
                          self.p.paragraph_space if after is None else after,
                          self.p.underline_width if underline else 0)
        return Lines([(text, font)], style)

    def centred(self, text: str, font: str, size: float, after: float = 0) -> Lines:
        return self.lines(text, font, size=size, align="center", indent=0, after=after)

    def heading(self, text: str) -> Iterator[Flowable]:
        if text:
            yield CondPageBreak(4 * self.leading)
            yield self.lines(text, BOLD, before=self.p.paragraph_space)

    def rule(self, length: float, before: float = 1, after: float = 2) -> HRFlowable:
        return HRFlowable(width=length, thickness=self.p.rule_width, color="black",
                          spaceBefore=before, spaceAfter=after, hAlign="CENTER")

    def table_style(self, widths_mm: tuple[float, ...], aligns: tuple[str, ...]) -> TableStyle:
        fixed = sum(w for w in widths_mm if w)
        widths = tuple(w * mm if w else self.width - fixed * mm for w in widths_mm)
        size = self.p.sizes.table
        return TableStyle(REGULAR, BOLD, size, size * self.p.table_leading_ratio,
                          self.p.table_padding,
                          self.p.grid_width, widths, aligns, space_before=2,
                          space_after=self.p.paragraph_space)

    # --- parts ---------------------------------------------------------------------------

    def header(self) -> Iterator[Flowable]:
        h, s, p = self.doc.header, self.p.sizes, self.p
        left_w = p.header_left_mm * mm
        right_w = self.width - left_w
        left: list[Flowable] = []
        if h.parent_agency:
            left.append(self.centred(h.parent_agency, REGULAR, s.parent_agency))
        if h.agency:
            left.append(self.centred(h.agency, BOLD, s.agency))
            if p.agency_rule:
                agency_w = min(width_of(h.agency, BOLD, s.agency), left_w)
                left.append(self.rule(agency_w * p.agency_rule_ratio, after=4))
            else:
                left.append(self.centred("*", REGULAR, s.agency))
        left.append(self.centred(h.number, REGULAR, s.number))
        right: list[Flowable] = [self.centred(h.nation, BOLD, s.nation)]
        if h.motto:
            right.append(self.centred(h.motto, BOLD, s.motto))
            if p.motto_rule:
                right.append(self.rule(min(width_of(h.motto, BOLD, s.motto), right_w)))
        elif p.motto_rule:
            right.append(self.rule(min(width_of(h.nation, BOLD, s.nation), right_w), after=4))
        if h.place_date:
            right.append(self.centred(h.place_date, ITALIC, s.place_date))
        yield _table([[left, right]], [left_w, right_w])

    def title(self) -> Iterator[Flowable]:
        s = self.p.sizes
        yield Spacer(1, self.p.title_before_mm * mm)
        yield self.centred(self.doc.doc_type, BOLD, s.doc_type)
        yield self.centred(self.doc.title, BOLD, s.subject)
        if self.p.title_rule_mm:
            yield self.rule(self.p.title_rule_mm * mm, before=2)
        yield Spacer(1, self.p.title_after_mm * mm)

    def opening(self) -> Iterator[Flowable]:
        for line in self.doc.opening:
            yield Paragraph(markup(line.label) + markup(line.value), self.body_style)

    def delegate_table(self, rows: tuple[DelegateRow, ...]) -> LeanTable:
        style = self.table_style(self.p.delegate_columns_mm, ("center", "left", "left", "left"))
        return LeanTable(self.doc.delegate_columns,
                         [(str(r.number), r.name, r.titles, r.status) for r in rows], style,
                         self.frame_height)

    def attendance(self) -> Iterator[Flowable]:
        yield from self.heading(self.doc.attendance_heading)
        for line in self.doc.attendance_lines:
            yield self.lines(line)
        for site in self.doc.sites:
            yield CondPageBreak(5 * self.leading)
            yield Lines([(site.heading + ": ", BOLD), (site.summary, REGULAR)],
                        LineStyle(self.p.sizes.body, self.leading, indent=self.indent,
                                  space_before=2, space_after=2))
            if site.delegates:
                yield self.delegate_table(site.delegates)
            if site.absent:
                yield CondPageBreak(3 * self.leading)
                yield self.lines(self.p.wording.absent_heading, ITALIC, after=0)
                for line in site.absent:
                    yield self.lines(self.p.wording.list_item.format(text=line),
                                     hanging=self.indent, after=0)
                yield Spacer(1, self.p.paragraph_space)
        if self.doc.guest_rows:
            yield from self.heading(self.doc.guests_heading)
            yield self.delegate_table(self.doc.guest_rows)

    def note(self, note: NoteEntry) -> Iterator[Flowable]:
        if note.lead:
            yield CondPageBreak(3 * self.leading)
            yield self.lines(note.lead, ITALIC, after=2)
        style = self.apart if note.set_apart else self.body_style
        for n, text in enumerate(note.paragraphs):
            label = f"{note.label}: " if note.label and n == 0 else ""
            if self.giant_word(text):
                yield Lines([(label, BOLD), (text, REGULAR)],
                            LineStyle(self.p.sizes.body, self.leading, indent=self.indent,
                                      space_after=self.p.paragraph_space))
            else:
                yield Paragraph((f"<b>{markup(label)}</b>" if label else "") + markup(text),
                                style)

    def giant_word(self, text: str) -> bool:
        """Whether a word is wider than the line: reportlab's paragraphs cut such a word in
        quadratic time (seconds for 50,000 characters), the lean lines in linear time."""
        longest = max(text.split(), key=len, default="")
        return len(longest) > 40 and width_of(longest, REGULAR, self.p.sizes.body) > self.width

    def section(self, section: BodySection) -> Iterator[Flowable]:
        yield from self.heading(section.title)
        if section.presenter:
            yield self.lines(section.presenter, ITALIC)
        if section.review:
            style = self.table_style(self.p.review_columns_mm,
                                     ("center", "left", "left", "center", "center"))
            yield LeanTable(self.doc.review_columns,
                            [(str(r.number), r.what, r.who, r.due, r.result)
                             for r in section.review], style, self.frame_height)
            yield Spacer(1, self.p.paragraph_space)
        for note in section.notes:
            yield from self.note(note)

    def body(self) -> Iterator[Flowable]:
        if self.doc.contents_heading:
            yield Paragraph(markup(self.doc.contents_heading), self.body_style)
        yield from self.heading(self.doc.body_heading)
        for section in self.doc.sections:
            yield from self.section(section)
        yield from self.heading(self.doc.conclusions_heading)
        for note in self.doc.chair_conclusions:
            yield from self.note(note)

    def tasks(self) -> Iterator[Flowable]:
        if not self.doc.task_rows:
            return
        yield from self.heading(self.doc.tasks_heading)
        style = self.table_style(self.p.task_columns_mm, ("center", "left", "left", "center"))
        yield LeanTable(self.doc.task_columns,
                        [(str(t.number), t.what, t.who, t.due) for t in self.doc.task_rows],
                        style, self.frame_height)

    def documents(self) -> Iterator[Flowable]:
        yield from self.heading(self.doc.documents_heading)
        for line in self.doc.document_lines:
            yield self.lines(self.p.wording.list_item.format(text=line), hanging=self.indent,
                             after=2)

    def signatures(self) -> Table:
        """Secretary on the left, chair on the right, row by row so that the roles, the hints
        and the names stand level however the roles wrap; the blank row between hint and name
        is where each signs (recorded for the digital signature)."""
        s = self.p.sizes
        left, right = (signer or Signer((), "", "") for signer in self.doc.signers)

        def cell(texts: tuple[str, ...], font: str) -> list[Flowable]:
            return [self.centred(t, font, s.signer) for t in texts if t]

        rows = [[cell(left.role, BOLD), cell(right.role, BOLD)],
                [cell((left.hint,), ITALIC), cell((right.hint,), ITALIC)],
                [Spacer(1, self.p.signature_space_mm * mm)] * 2,
                [cell((left.name,), BOLD), cell((right.name,), BOLD)]]
        left_w = self.width * self.p.signature_left_ratio
        return _table(rows, [left_w, self.width - left_w],
                      SignerTable(rows, [left_w, self.width - left_w], blank_row=2,
                                  roles=tuple(role if signer else None for role, signer
                                              in zip(ROLES, self.doc.signers, strict=True)),
                                  boxes=self.signer_boxes))

    def closing(self) -> Iterator[Flowable]:
        s = self.p.sizes
        underline = self.p.recipients_title_style == "underline"
        block: list[Flowable] = [Paragraph(markup(self.doc.closing), self.body_style),
                                 Spacer(1, self.p.closing_gap_mm * mm), self.signatures()]
        block.append(self.lines(
            self.doc.recipients_title, REGULAR if underline else BOLD_ITALIC,
            size=s.recipients_title, indent=0, before=self.p.recipients_before_mm * mm, after=1,
            underline=underline))
        block += [self.lines(r, size=s.recipients, indent=0, after=0)
                  for r in self.doc.recipients]
        yield KeepTogether(block)

    def appendix(self) -> Iterator[Flowable]:
        a = self.doc.appendix
        if a is None:
            return
        s = self.p.sizes
        yield PageBreak()
        yield self.centred(a.title, BOLD, s.doc_type)
        yield self.centred(a.subject, BOLD, s.subject)
        yield self.centred(a.reference, ITALIC, s.body, after=self.p.appendix_title_after_mm * mm)
        style = self.table_style(self.p.appendix_columns_mm,
                                 ("center", "left", "center", "center", "center", "left"))
        yield LeanTable(a.columns, [(str(r.number), r.site, str(r.summoned), str(r.present),
                                     str(r.absent), "\n".join(r.log)) for r in a.rows],
                        style, self.frame_height)

    def build(self) -> list[Flowable]:
        parts = (self.header, self.title, self.opening, self.attendance, self.body, self.tasks,
                 self.documents, self.closing, self.appendix)
        return [flowable for part in parts for flowable in part()]


def _table(rows: list[list[Flowable | list[Flowable]]], widths: list[float],
           table: Table | None = None) -> Table:
    """A borderless grid of flowables, each centred in its cell (header blocks,
    signatures)."""
    table = table if table is not None else Table(rows, colWidths=widths)
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("FONT", (0, 0), (-1, -1), REGULAR),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return table


def _page_number(profile: FormatProfile) -> object:
    m = profile.margins

    def draw(canv: Canvas, doc: BaseDocTemplate) -> None:
        page = canv.getPageNumber()
        if page < 2:
            return
        canv.saveState()
        canv.setFont(REGULAR, profile.sizes.page_number)
        x = m.left * mm + (A4[0] - (m.left + m.right) * mm) / 2
        canv.drawCentredString(x, A4[1] - m.top * mm / 2 - profile.sizes.page_number / 3,
                               str(page))
        canv.restoreState()

    return draw


def _characters(value: object) -> set[str]:
    """Every character of every string in the document."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.update(item)
        elif isinstance(item, tuple):
            stack.extend(item)
        elif dataclasses.is_dataclass(item):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return found


def render_minutes(doc: MinutesDocument, profile: FormatProfile) -> bytes:
    """The PDF of the minutes, as bytes."""
    register_fonts()
    keep_missing_characters(_characters(doc))
    story = _Story(doc, profile)
    m = profile.margins
    out = io.BytesIO()
    template = BaseDocTemplate(
        out, pagesize=A4, leftMargin=m.left * mm, rightMargin=m.right * mm,
        topMargin=m.top * mm, bottomMargin=m.bottom * mm, title=doc.pdf_title,
        author=doc.pdf_author, subject=doc.title, creator="MeetingDesk", lang="vi",
        initialFontName=REGULAR, initialFontSize=profile.sizes.body,
        initialLeading=story.leading)
    frame = Frame(m.left * mm, m.bottom * mm, story.width, story.frame_height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
    template.addPageTemplates([PageTemplate("page", [frame], onPage=_page_number(profile))])
    template.build(story.build(), canvasmaker=pdfa_canvas(story.signer_boxes))
    logger.info("Rendered minutes: %d pages, %d bytes", template.page, out.tell())
    return out.getvalue()
