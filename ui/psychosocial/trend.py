"""The trend of one instrument's scores over the years: the drawing the psychosocial summary PDF
prints (barnahus_app/documents/trend_chart.py, reportlab's charts; why that library, with numbers,
is in its docstring), shown here as SVG through QSvgRenderer, so the screen and the paper show one
drawing. Beside it, for keyboard and screen-reader users, a one-sentence summary (the chart's
accessible description) and the same scores as a table (Trend.alternative(), the rows the PDF and
the DOCX print).

The drawing is made again for the size it is shown at, so its texts keep their size beside the
user's font instead of growing and shrinking with the widget: ~22 ms for 60 scores, the widget
grabbed whole (bench/trend_results.md)."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QByteArray, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontDatabase, QFontInfo, QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QPushButton, QSizePolicy,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from barnahus_app.documents.model import Trend, TrendLabels
from barnahus_app.documents.trend_chart import PAPER, Colours, trend_svg
from barnahus_app.paths import resources_dir

from ui.calendar.painter import mix
from ui.common.field_widgets import is_dark

_fonts_added = False
GREEN = QColor(0x2e, 0x8b, 0x57)  # the episodes' hue (the calendar's team meetings have it too)


def _rl(c: QColor) -> tuple[float, float, float]:
    return c.redF(), c.greenF(), c.blueF()


def chart_colours(pal: QPalette) -> Colours:
    """The PDF's colours on a light palette (the screen shows the paper's drawing); on a dark one,
    the same roles mixed from the palette, so the chart is not a white sheet in a dark window."""
    if not is_dark(pal):
        return PAPER
    base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    return Colours(
        paper=_rl(base), ink=_rl(text), muted=_rl(mix(base, text, 0.62)), grid=_rl(mix(base, text, 0.16)),
        axis=_rl(mix(base, text, 0.55)), line=_rl(QColor.fromHsv(212, 110, 245)),
        cutoff=_rl(QColor.fromHsv(18, 150, 245)), episode_fill=_rl(mix(base, GREEN, 0.30)),
        episode_edge=_rl(mix(base, GREEN, 0.75)), episode_ink=_rl(mix(GREEN, text, 0.55)))


def _add_fonts() -> None:
    """The DejaVu files the PDF embeds, so the SVG's "DejaVu Sans" is the font reportlab measured
    (on Windows and macOS it is not a system font)."""
    global _fonts_added
    if not _fonts_added:
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        _fonts_added = True


class TrendView(QWidget):
    """The drawing, made for the widget's size when it is painted at a new size."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trendView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 200)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a screen reader reaches it by Tab
        self.trend: Trend | None = None
        self._renderer: QSvgRenderer | None = None
        self._size: QSize | None = None

    def sizeHint(self) -> QSize:
        return QSize(640, 280)

    def set_trend(self, trend: Trend | None) -> None:
        self.trend = trend
        self._renderer, self._size = None, None
        self.update()

    def scale(self) -> float:
        """Pixels per point of the drawing: its 8-point labels a little smaller than the user's
        text (the paper's proportion: 8 beside 9.5), and larger with a larger font."""
        return max(1.0, QFontInfo(self.font()).pixelSize() / 9.0)

    def renderer(self) -> QSvgRenderer | None:
        if self.trend is None:
            return None
        if self._renderer is None or self._size != self.size():
            self._size = self.size()  # the palette's change comes through changeEvent
            k = self.scale()
            self._renderer = QSvgRenderer(QByteArray(trend_svg(
                self.trend, self.width() / k, self.height() / k, chart_colours(self.palette()))))
        return self._renderer

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light to dark and back: drawn anew
            self._renderer = None
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        renderer = self.renderer()
        if renderer is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        renderer.render(p, QRectF(0, 0, self.width(), self.height()))
        if self.hasFocus():  # where the keyboard is
            p.setPen(self.palette().color(self.palette().ColorRole.Highlight))
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()


class TrendChart(QWidget):
    """One instrument's trend: a summary sentence, the drawing (or a clear empty state) and, on
    request (Alt+T), the scores as a table."""

    def __init__(self, parent=None):
        super().__init__(parent)
        _add_fonts()
        self.setObjectName("trendChart")
        self.trend: Trend | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setObjectName("trendSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        self.view = TrendView(self)
        lay.addWidget(self.view, 1)
        self.empty = QLabel(self)
        self.empty.setObjectName("trendEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMinimumHeight(120)
        lay.addWidget(self.empty, 1)
        self.table_button = QPushButton(self.tr("Show as &table"), self)
        self.table_button.setObjectName("trendTableButton")
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(self._show_table)
        lay.addWidget(self.table_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("trendTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.hide()
        lay.addWidget(self.table, 1)
        self.set_trend(None)

    def labels(self) -> TrendLabels:
        """The drawing's and the table's words, in the user's language."""
        return TrendLabels(
            date=self.tr("Date"), score=self.tr("Score"), band=self.tr("Band"),
            treatment=self.tr("Treatment"), cutoff=self.tr("Cut-off {value}"),
            ongoing=self.tr("{name} (ongoing)"), empty=self.tr("No scores recorded yet."),
            summary=self.tr("{count} scores from {first} to {last}; the latest is {latest}."),
            summary_one=self.tr("One score, on {first}: {latest}."),
            summary_cutoff=self.tr("The cut-off is {value}."),
            at_or_above=self.tr("at or above the cut-off"))

    def set_trend(self, data: Mapping | None, band_label: Callable[[str], str] | None = None,
                  scale_label: Callable[[str], str] | None = None) -> None:
        """Show what session.trend() returned (None: nothing chosen yet); band_label and
        scale_label turn a band's or a scale's code into its words (Trend.from_core)."""
        self.trend = None if data is None else Trend.from_core(data, self.labels(), band_label, scale_label)
        has_points = bool(self.trend and self.trend.points)
        name = self.trend.instrument if self.trend else ""
        self.view.set_trend(self.trend if has_points else None)
        self.view.setVisible(has_points)
        self.empty.setVisible(not has_points)
        self.table_button.setEnabled(has_points)
        if not has_points:
            self.table_button.setChecked(False)
        self.empty.setText(self.tr("No scores recorded yet for {name}.").format(name=name) if name
                           else self.tr("No scores recorded yet."))
        self.summary.setText(self.trend.summary() if has_points else "")
        self.summary.setVisible(has_points)
        self.view.setAccessibleName(self.tr("Trend of {name}").format(name=name))
        self.view.setAccessibleDescription(self.summary.text())
        self.table.setAccessibleName(self.tr("Scores of {name}").format(name=name))
        self._fill_table()

    def _fill_table(self) -> None:
        alt = self.trend.alternative() if self.trend else None
        self.table.setRowCount(0)
        if alt is None:
            return
        self.table.setHorizontalHeaderLabels(list(alt.columns))
        self.table.setRowCount(len(alt.rows))
        for r, row in enumerate(alt.rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _show_table(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.table_button.setText(self.tr("Hide the &table") if shown else self.tr("Show as &table"))
        if shown:
            self.table.setFocus()
