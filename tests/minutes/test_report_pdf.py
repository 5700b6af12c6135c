"""The period report's PDF: its charts are vector drawings in the bundled fonts, with a table
under each; hostile site names are drawn as text."""

from __future__ import annotations

from datetime import date, datetime
from io import BytesIO

from conftest import pdf_pages, squeeze
from pypdf import PdfReader
from reportlab.graphics.charts.legends import Legend
from reportlab.pdfbase.pdfmetrics import stringWidth

from meetingdesk.minutes.fonts import REGULAR
from meetingdesk.minutes.report_charts import ChartSpec, Series, _whole_step, charts, draw
from meetingdesk.minutes.report_pdf import render_report
from meetingdesk.services import directory, meetings, notes, participation
from meetingdesk.services.report import period_report
from meetingdesk.store.desk import Desk


def test_report_pdf_of_the_demo_year(demo_desk: Desk) -> None:
    report = period_report(demo_desk, start=date(2023, 1, 1), end=date(2023, 12, 31))
    pdf = render_report(report)
    text = squeeze(" ".join(pdf_pages(pdf)))
    for expected in ("BÁO CÁO TÌNH HÌNH HỘI NGHỊ TRỰC TUYẾN",
                     "Từ ngày 01/01/2023 đến ngày 31/12/2023",
                     "Đại biểu triệu tập và có mặt theo điểm cầu", "Cao Bằng",
                     "Thời gian mất kết nối theo điểm cầu", "Nhiệm vụ theo tình trạng",
                     "So sánh theo quý", "Quý 2/2023"):
        assert squeeze(expected) in text, expected
    reader = PdfReader(BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/DescendantFonts"][0].get_object()[
                "/FontDescriptor"].get_object() if "/DescendantFonts" in font else True
    assert fonts and all("Liberation" in f for f in fonts), fonts
    # the charts are drawn, not pictures
    assert all("/XObject" not in page["/Resources"] for page in reader.pages)


def test_report_charts_follow_their_data(demo_desk: Desk) -> None:
    report = period_report(demo_desk, start=date(2023, 1, 1), end=date(2023, 12, 31))
    attendance, trouble, tasks_chart, quarters = charts(report)
    assert attendance.categories[0] == "Trụ sở Ban Tổ chức Trung ương, Hà Nội"
    assert [s.name for s in attendance.series] == ["Triệu tập", "Có mặt"]
    assert trouble.categories == ("Cao Bằng",) and trouble.series[0].values == (7,)
    assert tasks_chart.stacked and sum(sum(s.values) for s in tasks_chart.series) == 2
    assert quarters.categories == ("Quý 2/2023",)
    assert draw(attendance, 480).height > draw(trouble, 480).height


def test_report_chart_axes_count_in_whole_numbers_and_legends_fit() -> None:
    spec = ChartSpec("Nhiệm vụ", ("Ban Tổ chức", "Văn phòng"), tuple(
        Series(name, (1, 0), "#000000")
        for name in ("Hoàn thành", "Đang thực hiện", "Đã giao", "Quá hạn", "Hủy")),
        horizontal=True, stacked=True)
    drawing = draw(spec, 480)
    chart = next(c for c in drawing.contents if hasattr(c, "valueAxis"))
    chart.valueAxis.configure(chart.data)  # the ticks as drawn
    assert chart.valueAxis._tickValues == [0, 1, 2, 3, 4, 5]  # five tasks stacked
    legend = next(c for c in drawing.contents if isinstance(c, Legend))
    widest = max(stringWidth(name, REGULAR, 8) for _, name in legend.colorNamePairs)
    assert legend.deltax > widest + 8  # a swatch and its name never reach the next one
    assert [_whole_step(t) for t in (5, 9, 17, 170, 2982)] == [1, 2, 5, 25, 500]


def test_report_pdf_escapes_hostile_names(desk: Desk) -> None:
    site = directory.add_site(desk, name="<b>Điểm</b> & “lạ”")
    m = meetings.create_meeting(desk, title="Giao ban", actual_start=datetime(2023, 5, 1, 8))
    participation.add_meeting_site(desk, meeting_id=m.id or 0, site_id=site.id or 0,
                                   summoned=3)
    notes.add_task(desk, meeting_id=m.id or 0, description="Việc", owner_site_id=site.id)
    pdf = render_report(period_report(desk, start=date(2023, 1, 1), end=date(2023, 12, 31)))
    assert squeeze("<b>Điểm</b> & “lạ”") in squeeze(" ".join(pdf_pages(pdf)))
