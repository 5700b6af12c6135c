"""The period report as a PDF: a title, the period's figures, and each chart (a vector
drawing) followed by its table, in the bundled fonts."""

from __future__ import annotations

import io
import logging
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from meetingdesk.domain.dates import short_date
from meetingdesk.minutes.fonts import BOLD, REGULAR, register_fonts
from meetingdesk.minutes.report_charts import ChartSpec, charts, draw
from meetingdesk.services.report import PeriodReport, tables

logger = logging.getLogger(__name__)

TITLE = "BÁO CÁO TÌNH HÌNH HỘI NGHỊ TRỰC TUYẾN"
MARGIN = 18 * mm


_HEADER = ParagraphStyle("th", fontName=BOLD, fontSize=8, leading=9.5, alignment=1)


def _table(headers: tuple[str, ...], rows: list[tuple[object, ...]], width: float) -> Table:
    first = width * (0.26 if len(headers) > 6 else 0.4)
    rest = (width - first) / max(1, len(headers) - 1)
    head: list[object] = [Paragraph(escape(h), _HEADER) for h in headers]
    body = [[str(v) for v in row] for row in rows] or [
        ["Không có số liệu", *[""] * (len(headers) - 1)]]
    data = [head, *body]
    table = Table(data, colWidths=[first] + [rest] * (len(headers) - 1), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, 8), ("FONT", (0, 0), (-1, 0), BOLD, 8),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return table


def render_report(report: PeriodReport) -> bytes:
    """The PDF of the report, as bytes."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=TITLE,
                            author="MeetingDesk", creator="MeetingDesk", lang="vi",
                            initialFontName=REGULAR, initialFontSize=11)
    width = A4[0] - 2 * MARGIN
    title = ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=19, alignment=1)
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=11, leading=14, alignment=1)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=11, leading=14,
                             spaceBefore=6, spaceAfter=3)
    period = f"Từ ngày {short_date(report.start)} đến ngày {short_date(report.end)}"
    summary = (f"{report.meetings} hội nghị; tình trạng nhiệm vụ tính đến ngày "
               f"{short_date(report.as_of)}.")
    story: list[object] = [Paragraph(TITLE, title), Paragraph(escape(period), body),
                           Paragraph(escape(summary), body), Spacer(1, 6 * mm)]
    specs: list[ChartSpec] = list(charts(report))
    for spec, (name, headers, rows) in zip(specs, tables(report), strict=True):
        story.append(CondPageBreak(80 * mm))
        if spec.categories:  # an empty period has its tables only
            story.append(KeepTogether([draw(spec, width)]))
            story.append(Spacer(1, 2 * mm))
        story.append(CondPageBreak(30 * mm))
        story.append(Paragraph(escape(name), heading))
        story.append(_table(headers, rows, width))
        story.append(Spacer(1, 6 * mm))
    doc.build(story)
    logger.info("Rendered the report %s–%s: %d bytes", report.start, report.end, out.tell())
    return out.getvalue()
