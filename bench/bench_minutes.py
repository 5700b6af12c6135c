"""Time the PDF minutes: the 100-site meeting (3,000 delegates, 1,500 notes) and the demo.

Each figure (median of several runs; meeting → document → PDF bytes) is printed beside the
*floor*: the time reportlab alone takes to lay out the same text as a plain story of
Paragraphs in the same frame and fonts, with no tables, header or page furniture. ``--naive``
also times the naive layout (~7 s when the minutes were first designed): a story of
Paragraphs with every attendance row as a Table of Paragraph cells.

    python bench/bench_minutes.py [--runs N] [--naive]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/bench_minutes.py`
    sys.path.insert(0, str(ROOT))

from bench.big_meeting import build_big_meeting  # noqa: E402
from meetingdesk.minutes.builder import build_minutes  # noqa: E402
from meetingdesk.minutes.document import MinutesDocument  # noqa: E402
from meetingdesk.minutes.fonts import REGULAR, register_fonts  # noqa: E402
from meetingdesk.minutes.profiles import STATE, FormatProfile  # noqa: E402
from meetingdesk.minutes.render import render_minutes  # noqa: E402
from meetingdesk.services.demo import build_demo  # noqa: E402
from meetingdesk.store.desk import Desk, open_desk  # noqa: E402

TARGETS = {"100 điểm cầu": 3.0, "hội nghị mẫu": 0.5}


def texts(doc: MinutesDocument) -> Iterator[str]:
    """Every text block of the minutes in reading order (one Paragraph each in the floor)."""
    h = doc.header
    yield from (h.parent_agency, h.agency, h.number, h.nation, h.motto, doc.doc_type, doc.title)
    yield from (o.label + o.value for o in doc.opening)
    yield from doc.attendance_lines
    for site in doc.sites:
        yield f"{site.heading}: {site.summary}"
        yield from (f"{r.number}. {r.name}, {r.titles} — {r.status}" for r in site.delegates)
        yield from site.absent
    for section in (*doc.sections,):
        yield from (section.title, section.presenter)
        for note in section.notes:
            yield note.lead
            yield from note.paragraphs
    for note in doc.chair_conclusions:
        yield note.lead
        yield from note.paragraphs
    yield from (f"{t.number}. {t.what} — {t.who} — {t.due}" for t in doc.task_rows)
    yield from (*doc.document_lines, doc.closing, *doc.recipients)
    if doc.appendix:
        yield from (f"{r.number}. {r.site} {r.summoned} {r.present} {r.absent} "
                    + "; ".join(r.log) for r in doc.appendix.rows)


def _layout(story: list[Flowable], profile: FormatProfile) -> bytes:
    out = io.BytesIO()
    m = profile.margins
    SimpleDocTemplate(out, pagesize=A4, leftMargin=m.left * mm, rightMargin=m.right * mm,
                      topMargin=m.top * mm, bottomMargin=m.bottom * mm,
                      initialFontName=REGULAR).build(story)
    return out.getvalue()


def _style(profile: FormatProfile) -> ParagraphStyle:
    size = profile.sizes.body
    return ParagraphStyle("floor", fontName=REGULAR, fontSize=size,
                          leading=size * profile.leading_ratio, spaceAfter=profile.paragraph_space,
                          firstLineIndent=profile.first_line_indent_mm * mm, alignment=4)


def floor(doc: MinutesDocument, profile: FormatProfile) -> bytes:
    style = _style(profile)
    return _layout([Paragraph(escape(t), style) for t in texts(doc) if t], profile)


def naive(doc: MinutesDocument, profile: FormatProfile) -> bytes:
    """Paragraphs everywhere, attendance rows as Table cells holding Paragraphs."""
    style = _style(profile)
    cell = ParagraphStyle("cell", fontName=REGULAR, fontSize=profile.sizes.table,
                          leading=profile.sizes.table * 1.15)
    story: list[Flowable] = [Paragraph(escape(t), style) for t in (doc.title,)]
    widths = [10 * mm, 48 * mm, 73 * mm, 34 * mm]
    for site in doc.sites:
        story.append(Paragraph(escape(f"{site.heading}: {site.summary}"), style))
        rows = [[Paragraph(escape(c), cell) for c in (str(r.number), r.name, r.titles,
                                                       r.status)] for r in site.delegates]
        if rows:
            story.append(Table(rows, colWidths=widths, repeatRows=0))
    for section in doc.sections:
        for note in section.notes:
            story += [Paragraph(escape(t), style) for t in (note.lead, *note.paragraphs) if t]
    return _layout(story, profile)


def median_time(func: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of ``runs`` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def bench(name: str, desk: Desk, meeting_id: int, runs: int, with_naive: bool) -> bool:
    doc = build_minutes(desk, meeting_id, STATE)
    pdf = render_minutes(doc, STATE)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    ours, ours_cpu = median_time(lambda: render_minutes(build_minutes(desk, meeting_id, STATE),
                                                        STATE), runs)
    base, base_cpu = median_time(lambda: floor(doc, STATE), runs)
    target = TARGETS[name]
    verdict = "đạt" if ours < target else "KHÔNG ĐẠT"
    print(f"{name}: {pages} trang, {len(pdf) / 1e6:.2f} MB")
    print(f"  biên bản   {ours:6.3f} s (CPU {ours_cpu:.3f} s)   mục tiêu < {target} s: {verdict}")
    print(f"  sàn        {base:6.3f} s (CPU {base_cpu:.3f} s)   reportlab, cùng văn bản, "
          f"chuỗi Paragraph trơn")
    print(f"  tỷ lệ      {ours / base:6.2f} × sàn")
    if with_naive:
        slow, slow_cpu = median_time(lambda: naive(doc, STATE), 1)
        print(f"  ngây thơ   {slow:6.3f} s (CPU {slow_cpu:.3f} s)   Paragraph trong ô Table")
    return ours < target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="số lần đo mỗi mục (mặc định 5)")
    parser.add_argument("--naive", action="store_true", help="đo cả cách dàn trang ngây thơ")
    args = parser.parse_args(argv)
    register_fonts()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        with open_desk(Path(folder) / "big.db") as desk:
            meeting = build_big_meeting(desk)
            ok &= bench("100 điểm cầu", desk, meeting.id or 0, args.runs, args.naive)
        with open_desk(Path(folder) / "demo.db") as desk:
            meeting = build_demo(desk)
            ok &= bench("hội nghị mẫu", desk, meeting.id or 0, max(args.runs, 11), args.naive)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
