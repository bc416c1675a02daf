"""The trend widget (ui/psychosocial/trend.py): the drawing of the scores with the cut-off and the
treatment episodes, its summary and its table for keyboard and screen-reader users, and a clear
empty state. Values written by hand."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier

TREND = {"instrument": "cats_7_17", "name": "CATS (7-17, self report)", "scale": "total", "cutoff": 21.0,
         "points": [("2031-04-02", 27.0, "probable_ptsd"), ("2031-10-01", 22.0, "probable_ptsd"),
                    ("2032-04-01", 14.5, "moderate"), ("2033-04-03", 9.0, "low")],
         "episodes": [("2031-05-01", "2031-11-20", "TF-CBT"), ("2032-09-01", None, "Group support")]}
BANDS = {"probable_ptsd": "Probable PTSD", "moderate": "Moderate", "low": "Low"}


@pytest.fixture
def chart(qtbot):
    from ui.psychosocial.trend import TrendChart
    w = TrendChart()
    qtbot.addWidget(w)
    w.resize(720, 420)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    return w


def _pixels_near(image, rgb, tolerance=18) -> int:
    target = QColor(*rgb)
    n = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if (abs(c.red() - target.red()) <= tolerance and abs(c.green() - target.green()) <= tolerance
                    and abs(c.blue() - target.blue()) <= tolerance):
                n += 1
    return n


def test_the_chart_shows_the_points_the_cut_off_and_the_episodes(chart):
    chart.set_trend(TREND, BANDS.get)
    assert chart.view.isVisible() and not chart.empty.isVisible()
    assert chart.summary.text() == ("4 scores from 2031-04-02 to 2033-04-03; the latest is 9 (Low). "
                                    "The cut-off is 21.")
    # what is painted: the line's blue, the cut-off's brick red, the episodes' pale green
    image = chart.view.grab().toImage()
    assert _pixels_near(image, (33, 84, 148)) > 50     # LINE 0.13, 0.33, 0.58
    assert _pixels_near(image, (184, 69, 31)) > 20     # CUTOFF 0.72, 0.27, 0.12
    assert _pixels_near(image, (224, 240, 227), 4) > 500  # EPISODE_FILL 0.88, 0.94, 0.89
    # and the same drawing as the one the PDF gets: four markers, the cut-off, both episodes
    from barnahus_app.documents.trend_chart import trend_svg
    svg = trend_svg(chart.view.trend, chart.view.width(), chart.view.height()).decode()
    assert svg.count("<circle") == 4
    assert ">Cut-off 21<" in svg and ">TF-CBT<" in svg and ">Group support (ongoing)<" in svg


def test_the_table_by_keyboard_has_every_score_with_its_band_and_treatment(qtbot, chart):
    chart.set_trend(TREND, BANDS.get)
    assert chart.table.isHidden()
    chart.view.setFocus()   # Tab reaches the drawing
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, ALT)   # Show as &table
    qtbot.waitUntil(chart.table.isVisible, timeout=2000)   # a mnemonic "animates" its click
    assert chart.table.hasFocus()
    t = chart.table
    assert [t.horizontalHeaderItem(c).text() for c in range(4)] == ["Date", "Score", "Band", "Treatment"]
    assert [[t.item(r, c).text() for c in range(4)] for r in range(t.rowCount())] == [
        ["2031-04-02", "27 (at or above the cut-off)", "Probable PTSD", ""],
        ["2031-10-01", "22 (at or above the cut-off)", "Probable PTSD", "TF-CBT"],
        ["2032-04-01", "14.5", "Moderate", ""],
        ["2033-04-03", "9", "Low", "Group support"]]
    assert chart.table_button.text() == "Hide the &table"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, ALT)   # Hide the &table
    qtbot.waitUntil(chart.table.isHidden, timeout=2000)


def test_screen_readers_get_a_name_and_the_summary(chart):
    chart.set_trend(TREND, BANDS.get)
    assert chart.view.accessibleName() == "Trend of CATS (7-17, self report)"
    assert chart.view.accessibleDescription() == chart.summary.text()
    assert chart.table.accessibleName() == "Scores of CATS (7-17, self report)"
    assert chart.view.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_an_empty_trend_says_so_and_offers_no_table(chart):
    chart.set_trend(dict(TREND, points=[], episodes=[]))
    assert not chart.view.isVisible() and chart.empty.isVisible()
    assert chart.empty.text() == "No scores recorded yet for CATS (7-17, self report)."
    assert not chart.table_button.isEnabled() and chart.table.isHidden()
    assert chart.table.rowCount() == 0
    chart.set_trend(None)
    assert chart.empty.text() == "No scores recorded yet."
    chart.set_trend(TREND)  # and back
    assert chart.view.isVisible() and not chart.empty.isVisible() and chart.table_button.isEnabled()


def test_the_drawing_is_made_again_for_a_new_size_only(chart):
    chart.set_trend(TREND)
    first = chart.view.renderer()
    assert chart.view.renderer() is first
    chart.resize(900, 500)
    QTest.qWait(10)
    assert chart.view.renderer() is not first
    # drawn in points for the new size: as many pixels a point as the user's font asks
    k = chart.view.scale()
    assert k >= 1.0
    assert abs(chart.view.renderer().defaultSize().width() - chart.view.width() / k) <= 1


def test_on_a_dark_palette_the_chart_is_dark_too_and_light_again_after(chart):
    from PySide6.QtGui import QPalette
    chart.set_trend(TREND)
    corner = (6, chart.view.height() - 6)   # the paper, below the axis labels

    def paper_is(rgb) -> bool:
        c = chart.view.grab().toImage().pixelColor(*corner)
        return max(abs(c.red() - rgb[0]), abs(c.green() - rgb[1]), abs(c.blue() - rgb[2])) <= 3  # SVG: whole percents
    assert paper_is((255, 255, 255))  # the PDF's paper
    light = chart.palette()
    dark = QPalette(light)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        dark.setColor(group, QPalette.ColorRole.Window, QColor(0x20, 0x22, 0x25))
        dark.setColor(group, QPalette.ColorRole.Base, QColor(0x1b, 0x1c, 0x1f))
        dark.setColor(group, QPalette.ColorRole.Text, QColor(0xe8, 0xe8, 0xe8))
    chart.setPalette(dark)
    assert paper_is((0x1b, 0x1c, 0x1f))
    chart.setPalette(light)
    assert paper_is((255, 255, 255))
