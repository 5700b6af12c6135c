"""The charts of the period report, each defined once as plain data (categories, series,
colours, wording) and drawn as a reportlab vector drawing; the window shows the report's own
PDF page, so the screen and the paper show the same drawing."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from meetingdesk.minutes.fonts import BOLD, REGULAR, register_fonts
from meetingdesk.services.report import STATE_ORDER, STATE_WORDS, PeriodReport

STATE_COLOURS = {"done": "#2e7d32", "open": "#1565c0", "assigned": "#90caf9",
                 "overdue": "#c62828", "cancelled": "#9e9e9e"}
MAX_OWNERS = 15


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """One chart: bars per category, one colour per series."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    horizontal: bool = False
    stacked: bool = False
    unit: str = ""


def attendance_chart(report: PeriodReport) -> ChartSpec:
    sites = report.sites
    return ChartSpec(
        "Đại biểu triệu tập và có mặt theo điểm cầu", tuple(s.site for s in sites),
        (Series("Triệu tập", tuple(s.summoned for s in sites), "#90a4ae"),
         Series("Có mặt", tuple(s.present for s in sites), "#1565c0")),
        horizontal=True, unit="đại biểu")


def trouble_chart(report: PeriodReport) -> ChartSpec:
    rows = [t for t in report.trouble if t.lost or t.minutes_offline]
    return ChartSpec(
        "Thời gian mất kết nối theo điểm cầu (phút)", tuple(t.site for t in rows),
        (Series("Phút mất kết nối", tuple(t.minutes_offline for t in rows), "#c62828"),),
        horizontal=True, unit="phút")


def tasks_chart(report: PeriodReport) -> ChartSpec:
    owners = report.owners[:MAX_OWNERS]
    return ChartSpec(
        "Nhiệm vụ theo tình trạng và đơn vị thực hiện", tuple(o.owner for o in owners),
        tuple(Series(STATE_WORDS[s.value], tuple(o.counts[i] for o in owners),
                     STATE_COLOURS[s.value]) for i, s in enumerate(STATE_ORDER)),
        horizontal=True, stacked=True, unit="nhiệm vụ")


def quarters_chart(report: PeriodReport) -> ChartSpec:
    qs = report.quarters
    return ChartSpec(
        "So sánh theo quý", tuple(q.quarter.label for q in qs),
        (Series("Hội nghị", tuple(q.meetings for q in qs), "#546e7a"),
         Series("Lần mất kết nối", tuple(q.losses for q in qs), "#ef6c00"),
         Series("Nhiệm vụ giao", tuple(q.tasks for q in qs), "#1565c0"),
         Series("Hoàn thành", tuple(q.done for q in qs), "#2e7d32"),
         Series("Quá hạn", tuple(q.overdue for q in qs), "#c62828")))


def charts(report: PeriodReport) -> tuple[ChartSpec, ...]:
    """The report's charts, in reading order."""
    return (attendance_chart(report), trouble_chart(report), tasks_chart(report),
            quarters_chart(report))


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def _whole_step(top: float, ticks: int = 8) -> int:
    """A step of whole numbers (1, 2, 5, 10, 20, 25, 50, 100…) giving at most ``ticks``
    intervals up to ``top``: every chart counts things (delegates, minutes, tasks), and a
    count has no tick at 0.5."""
    scale = 1
    while True:
        for step in (scale, 2 * scale, 5 * scale // 2 if scale >= 10 else 2 * scale,
                     5 * scale):
            if top <= step * ticks:
                return step
        scale *= 10


def draw(spec: ChartSpec, width: float, *, font_size: float = 8) -> Drawing:
    """The chart as a vector drawing ``width`` points wide (its height follows the number of
    categories for horizontal bars, and the legend takes as many rows as its names need)."""
    register_fonts()  # the legend is measured in the report's font
    n = max(1, len(spec.categories))
    box = font_size + 2
    name_w = max((stringWidth(s.name, REGULAR, font_size) for s in spec.series), default=0)
    legend_step = name_w + box + 16  # a swatch, its name and a gap
    per_row = max(1, min(len(spec.series), int(width // legend_step)))
    legend_rows = -(-len(spec.series) // per_row)
    legend_h = 14 * legend_rows
    title_h = 18
    if spec.horizontal:
        per = 6 + (1 if spec.stacked else len(spec.series)) * 5
        plot_h = max(60, n * per)
    else:
        plot_h = 170
    height = title_h + plot_h + legend_h + 30
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=font_size)
    drawing.add(String(0, height - 12, spec.title, fontName=BOLD, fontSize=font_size + 3))
    label_w = 150 if spec.horizontal else 0
    chart = HorizontalBarChart() if spec.horizontal else VerticalBarChart()
    chart.x = label_w + 4 if spec.horizontal else 30
    chart.y = legend_h + 20
    chart.width = width - chart.x - 10
    chart.height = plot_h
    chart.data = [list(s.values) or [0] for s in spec.series]
    for i, s in enumerate(spec.series):
        chart.bars[i].fillColor = colors.HexColor(s.colour)
        chart.bars[i].strokeColor = None
    if spec.stacked:
        chart.categoryAxis.style = "stacked"
    chart.barLabels.fontName = REGULAR
    chart.barSpacing = 0.5
    chart.groupSpacing = 3
    categories = [_short(c) for c in spec.categories] or [""]
    axis = chart.categoryAxis
    axis.categoryNames = categories
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = font_size
    if spec.horizontal:
        axis.reverseDirection = True  # the first category on top
        axis.labels.boxAnchor = "e"
        axis.labels.dx = -4
    values = chart.valueAxis
    values.valueMin = 0
    top = max((sum(column) for column in zip(*chart.data, strict=True)) if spec.stacked
              else (v for s in spec.series for v in s.values), default=0)
    step = _whole_step(top)
    values.valueStep = step
    values.valueMax = max(step, -(-top // step) * step)
    values.labels.fontName = REGULAR
    values.labels.fontSize = font_size
    values.visibleGrid = True
    values.gridStrokeColor = colors.HexColor("#dddddd")
    drawing.add(chart)
    legend = Legend()
    legend.x = 0 if spec.horizontal else chart.x
    legend.y = legend_h + 2
    legend.alignment = "right"
    legend.columnMaximum = legend_rows  # the names across, in as many rows as needed
    legend.fontName = REGULAR
    legend.fontSize = font_size
    legend.boxAnchor = "nw"
    legend.dx = legend.dy = 7
    legend.deltax = legend_step
    legend.deltay = 14
    legend.colorNamePairs = [(colors.HexColor(s.colour), s.name) for s in spec.series]
    drawing.add(legend)
    return drawing
