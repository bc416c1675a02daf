"""The trend of one instrument drawn with reportlab's own chart library (reportlab.graphics.charts):
the scores as a line with points, the cut-off as a dashed horizontal line, the treatment episodes
as shaded spans, dates on the x axis. One drawing for both places it shows: the PDF places the
Drawing as a flowable (vector, PDF/A-1b: opaque RGB colours, the bundled DejaVu fonts, embedded);
the GUI (ui/psychosocial/trend.py) shows the same Drawing as SVG (reportlab's renderSVG, pure
Python) through Qt's QSvgRenderer, which is in PySide6-Essentials.

Why reportlab's charts. Measured on this machine (Dec 2026, Python 3.11, 2 shared cores), a trend
of 60 points over 15 years, median of 20 draws; reportlab by bench/bench_trend.py (its results:
bench/trend_results.md), the other two in a separate virtual environment (not installed here):

- reportlab.graphics.charts: installer +0 (reportlab is the PDF library already). Import 12-15 ms
  on top of the PDF renderer (115-175 ms from cold, reportlab included). Draw: 11-23 ms to SVG,
  21 ms onto a PDF canvas; the widget set and grabbed whole 22-38 ms (target 150 ms). The same
  drawing is the PDF's: vector, made in the core.
- QtCharts (PySide6-Addons 6.11): +3.3 MB in the build (libQt6Charts and its binding), but every
  developer and CI machine installs the Addons wheel (59 MB; PySide6 then takes 651 MB on disk
  instead of 234 MB). Import 7-12 ms, a QChartView grabbed in 7-10 ms. It cannot be the PDF's
  drawing: the core never imports Qt, so the PDF would get a raster or a second drawing code.
- matplotlib 3.10: ~145 MB installed (numpy 73 MB, matplotlib 35 MB, fontTools 30 MB,
  kiwisolver, contourpy; pillow is here already): the ~180 MB installer nearly doubles. Import
  420-980 ms (the first run builds a font cache), 40-63 ms to SVG. Into the PDF only as a raster
  or as SVG read again (svglib, one more dependency).

QtCharts draws fast but the chart would be written twice and the two could drift; matplotlib
costs the installer and half a second or more at the first chart. reportlab is shipped already,
well kept (ReportLab's own, released several times a year), and its LinePlot, axes and markers
draw the chart: this module chooses the scales, the ticks and the colours and adds the spans and
the cut-off, it is not a hand-written chart.

reportlab has no raster backend here (renderPM wants rlPyCairo or rl_renderPM), so the DOCX shows
the trend's text alternative (Trend.alternative(), a table), which the PDF prints under the
drawing as well.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass
from types import SimpleNamespace

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Group, Line, PolyLine, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from barnahus_app.documents.model import Trend, score_text
from barnahus_app.documents.pdf_fonts import FONT, FONT_BOLD, INK, MUTED, clean, fit, register_fonts

RGB = tuple[float, float, float]


@dataclass(frozen=True)
class Colours:
    """The drawing's colours as (red, green, blue), 0 to 1. PAPER, the default, is the PDF's; the
    GUI makes a set from the user's palette (light or dark). Opaque only: PDF/A-1 has no
    transparency."""
    paper: RGB = (1.0, 1.0, 1.0)
    ink: RGB = INK.rgb()  # title, tick labels
    muted: RGB = MUTED.rgb()  # the empty state
    grid: RGB = (0.87, 0.87, 0.89)
    axis: RGB = (0.45, 0.45, 0.48)
    line: RGB = (0.13, 0.33, 0.58)  # a calm dark blue
    cutoff: RGB = (0.72, 0.27, 0.12)  # brick, not an alarm red
    episode_fill: RGB = (0.88, 0.94, 0.89)  # pale green
    episode_edge: RGB = (0.55, 0.72, 0.58)
    episode_ink: RGB = (0.18, 0.38, 0.22)


PAPER = Colours()

TICK_SIZE = 8
LABEL_SIZE = 8
PAD_DAYS = 45  # room before the first and after the last point, so their markers are whole


def _x(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


def _nice_step(span: float, most: int) -> float:
    """A step of 1, 2 or 5 x 10^n giving at most `most` intervals over span."""
    raw = max(span / max(most, 1), 1e-9)
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


def _x_ticks(lo: int, hi: int, room: float) -> tuple[list[int], callable]:
    """Tick positions (ordinals) and their label: years (every 1, 2, 5... years) when the span is
    long enough for at least two, else months as YYYY-MM (every 1, 2, 3, 6)."""
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    most = max(2, int(room // 34))  # "2031" at 8 pt is ~19 pt wide: keep a gap as wide
    years = [y for y in range(first.year, last.year + 2) if lo <= dt.date(y, 1, 1).toordinal() <= hi]
    if len(years) >= 2:
        step = int(_nice_step(len(years), most)) or 1
        ticks = [dt.date(y, 1, 1).toordinal() for y in years if y % step == 0]
        return ticks, lambda v: str(dt.date.fromordinal(int(round(v))).year)
    most = max(2, int(room // 48))  # "2031-04"
    months = []
    y, m = first.year, first.month
    while dt.date(y, m, 1) <= last:
        if lo <= dt.date(y, m, 1).toordinal():
            months.append(dt.date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    step = next((s for s in (1, 2, 3, 6, 12) if len(months) / s <= most), 12)
    ticks = [d.toordinal() for d in months if (d.month - 1) % step == 0]
    return ticks, lambda v: dt.date.fromordinal(int(round(v))).strftime("%Y-%m")


def trend_drawing(trend: Trend, width: float, height: float, colours: Colours = PAPER) -> Drawing:
    """The trend as a reportlab Drawing of width x height points (a flowable for the PDF)."""
    c = SimpleNamespace(**{role: colors.Color(*rgb) for role, rgb in asdict(colours).items()})
    register_fonts()
    lab = trend.labels
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=LABEL_SIZE)  # never Helvetica
    d.add(Rect(0, 0, width, height, fillColor=c.paper, strokeColor=None))
    if not trend.points:
        d.add(Rect(0.5, 0.5, width - 1, height - 1, fillColor=None, strokeColor=c.grid, strokeWidth=0.6))
        d.add(String(width / 2, height / 2 - LABEL_SIZE / 2, clean(lab.empty), fontName=FONT,
                     fontSize=LABEL_SIZE + 1, fillColor=c.muted, textAnchor="middle"))
        return d

    scores = [s for _, s, _ in trend.points]
    top = max(scores + ([trend.cutoff] if trend.cutoff is not None else []))
    y_step = _nice_step(max(top, 1.0) * 1.08, max(2, int((height - 40) // 22)))  # a line every ~22 pt
    y_max = math.ceil(max(top, 1.0) * 1.08 / y_step) * y_step

    lo = _x(trend.points[0][0]) - PAD_DAYS
    hi = _x(trend.points[-1][0]) + PAD_DAYS
    for start, end, _ in trend.episodes:  # an episode before the first screen shows whole
        lo = min(lo, _x(start) - PAD_DAYS // 3)
        hi = max(hi, _x(end) + PAD_DAYS // 3 if end else hi)

    left, right, bottom, top_pad = 34, 10, 22, 34  # the episodes' names above the plot
    plot = LinePlot()
    plot.x, plot.y = left, bottom
    plot.width, plot.height = width - left - right, height - bottom - top_pad
    plot.data = [[(_x(day), score) for day, score, _ in trend.points]]
    plot.joinedLines = 1
    plot.lines[0].strokeColor = c.line
    plot.lines[0].strokeWidth = 1.6
    plot.lines[0].symbol = makeMarker("FilledCircle", size=4.2, fillColor=c.line, strokeColor=c.paper,
                                      strokeWidth=0.6)

    ticks, tick_text = _x_ticks(lo, hi, plot.width)
    xa = plot.xValueAxis
    xa.valueMin, xa.valueMax = lo, hi
    xa.valueSteps = ticks
    xa.labelTextFormat = tick_text
    xa.labels.fontName, xa.labels.fontSize, xa.labels.fillColor = FONT, TICK_SIZE, c.ink
    xa.strokeColor, xa.tickDown = c.axis, 3
    xa.visibleGrid, xa.gridStrokeColor, xa.gridStrokeWidth = 1, c.grid, 0.5

    ya = plot.yValueAxis
    ya.valueMin, ya.valueMax, ya.valueStep = 0, y_max, y_step
    ya.labelTextFormat = lambda v: score_text(round(v, 6))
    ya.labels.fontName, ya.labels.fontSize, ya.labels.fillColor = FONT, TICK_SIZE, c.ink
    ya.strokeColor, ya.tickLeft = c.axis, 3
    ya.visibleGrid, ya.gridStrokeColor, ya.gridStrokeWidth = 1, c.grid, 0.5

    def sx(v: float) -> float:  # what the x axis's scale() gives for fixed valueMin/valueMax
        return plot.x + (v - lo) * plot.width / (hi - lo)

    # The spans go first, under the grid, the cut-off and the line.
    spans = Group()
    right_edge = plot.x + plot.width
    label_end = plot.x - 6
    for i, (start, end, name) in enumerate(trend.episodes):
        x0 = sx(max(_x(start), lo))
        x1 = sx(min(_x(end), hi)) if end else right_edge
        # Its name above it, running on past a short episode up to the next one; the last one's
        # name, if it has no room to the right, ends at the right edge instead.
        room_end = sx(_x(trend.episodes[i + 1][0])) if i + 1 < len(trend.episodes) else right_edge
        text = clean(lab.ongoing.format(name=name) if end is None else name).replace("\n", " ")
        text_w = stringWidth(text, FONT, LABEL_SIZE)
        at = x0 + 1
        if at + text_w > room_end and i + 1 == len(trend.episodes):
            at = max(label_end + 6, right_edge - text_w)
        text = fit(text, FONT, LABEL_SIZE, room_end - at)
        if text != "…":
            spans.add(String(at, plot.y + plot.height + 3, text, fontName=FONT, fontSize=LABEL_SIZE,
                             fillColor=c.episode_ink))
            label_end = at + stringWidth(text, FONT, LABEL_SIZE)
        spans.add(Rect(x0, plot.y, max(x1 - x0, 1.0), plot.height, fillColor=c.episode_fill,
                       strokeColor=None))
        for edge in (x0, x1) if end else (x0,):
            spans.add(Line(edge, plot.y, edge, plot.y + plot.height, strokeColor=c.episode_edge,
                           strokeWidth=0.6))
    d.add(spans)

    if trend.cutoff is not None:
        def cutoff_line(plot_, x_scale, y_scale):
            g = Group()
            y = y_scale(trend.cutoff)
            # a PolyLine: renderSVG closes a Line's path ("Z"), and the way back fills the dashes' gaps
            g.add(PolyLine([plot.x, y, plot.x + plot.width, y], strokeColor=c.cutoff, strokeWidth=1.1,
                           strokeDashArray=[5, 3], fillColor=None))
            text = clean(lab.cutoff.format(value=score_text(trend.cutoff)))
            g.add(String(plot.x + plot.width - 2, y + 3, text, fontName=FONT_BOLD, fontSize=LABEL_SIZE,
                         fillColor=c.cutoff, textAnchor="end"))
            return g
        cutoff_line.beforeLines = True
        plot.annotations = [cutoff_line]
    d.add(plot)

    title = clean(f"{trend.instrument} · {lab.score}" + (f" ({trend.scale})" if trend.scale else ""))
    title = fit(title.replace("\n", " "), FONT_BOLD, LABEL_SIZE + 1, width - 4)
    d.add(String(2, height - LABEL_SIZE - 4, title, fontName=FONT_BOLD, fontSize=LABEL_SIZE + 1,
                 fillColor=c.ink))
    return d


def trend_svg(trend: Trend, width: float, height: float, colours: Colours = PAPER) -> bytes:
    """The same drawing as SVG, for the GUI. Its texts name the font "DejaVu Sans" (the file the
    PDF embeds), so the widths reportlab measured are the widths Qt draws."""
    svg = renderSVG.drawToString(trend_drawing(trend, width, height, colours))
    svg = svg.replace(f"font-family: {FONT_BOLD};", "font-family: DejaVu Sans; font-weight: bold;")
    svg = svg.replace(f"font-family: {FONT};", "font-family: DejaVu Sans;")
    # renderSVG writes "fill: None" for a polyline; CSS keywords are case-blind, Qt's SVG parser
    # is not and fills the line black.
    return svg.replace(": None;", ": none;").encode("utf-8")
