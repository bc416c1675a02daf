"""Benchmark: a child's trend over 15 years (60 administrations of one instrument, three treatment
episodes) drawn on screen and into a PDF (issue 15: <= 150 ms).

    QT_QPA_PLATFORM=offscreen python bench/bench_trend.py [--runs 20] [--size 760x420]
                                                          [--shot /tmp/trend.png] [--out FILE]

Median of --runs after one warm-up call, in one process:
1. GUI: TrendChart.set_trend(...) and a grab() of the widget (a fresh drawing every time: the
   reportlab Drawing, its SVG, QSvgRenderer painting it), beside a bare QWidget of the same size
   grabbed in the same run (what any paint of that size costs here).
2. The drawing alone: trend_drawing (its objects: reportlab lays the LinePlot out when it renders
   it) and trend_svg (laid out and written as SVG, the GUI's part in the core).
3. PDF: the Drawing onto a reportlab canvas (what the trend adds to a document), and a whole
   PDF/A-1b document of the trend (render_pdf: the drawing, its summary and its 60-row table).
4. Import: `import barnahus_app.documents.trend_chart` in a fresh interpreter, and the same with
   the PDF renderer already imported (what the chart adds to a process that makes documents).

--shot writes a screenshot of the widget with the same data. Prints a markdown table and writes
it to --out (default bench/trend_results.md).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from reportlab.graphics import renderPDF  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from barnahus_app.documents.model import Document, Section, Trend  # noqa: E402
from barnahus_app.documents.pdf import render_pdf  # noqa: E402
from barnahus_app.documents.trend_chart import trend_drawing, trend_svg  # noqa: E402

BANDS = {"probable_ptsd": "Probable PTSD", "moderate": "Moderate", "low": "Low"}


def demo_trend(n: int = 60) -> dict:
    """What session.trend() returns for a child screened every quarter for 15 years: high at
    intake, better with TF-CBT, a relapse in the sixth year, a second TF-CBT, then low; a group
    still going on."""
    shape = [27, 26, 28, 25, 22, 19, 17, 15, 14, 13, 12, 12, 11, 10, 11, 10, 9, 10, 9, 8,
             9, 12, 16, 21, 24, 26, 23, 20, 17, 15, 13, 12, 11, 10, 10, 9, 9, 8, 9, 8,
             8, 7, 8, 7, 7, 6, 7, 6, 6, 6, 5, 6, 5, 5, 6, 5, 4, 5, 4, 4]
    start = dt.date(2031, 4, 2)
    points = []
    for i in range(n):
        score = float(shape[i % len(shape)])
        band = "probable_ptsd" if score >= 21 else "moderate" if score >= 15 else "low"
        points.append(((start + dt.timedelta(days=91 * i)).isoformat(), score, band))
    return {"instrument": "cats_7_17", "name": "CATS (7-17, self report)", "scale": "total", "cutoff": 21.0,
            "points": points,
            "episodes": [("2031-05-01", "2032-11-20", "TF-CBT"), ("2036-04-10", "2037-02-15", "TF-CBT"),
                         ("2044-09-01", None, "Group support")]}


def median_ms(fn, runs: int) -> float:
    fn()  # warm-up: fonts, caches
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def import_ms(code: str, before: str = "") -> float:
    """Median of 5 fresh interpreters: the time of `code` after `before`."""
    script = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); {before}\n"
              f"t = time.perf_counter(); {code}; print((time.perf_counter() - t) * 1000)")
    return statistics.median(float(subprocess.run([sys.executable, "-c", script], capture_output=True,
                                                  text=True, check=True).stdout) for _ in range(5))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--size", default="760x420")
    ap.add_argument("--shot", default="")
    ap.add_argument("--out", default=str(ROOT / "bench" / "trend_results.md"))
    args = ap.parse_args()
    w, h = (int(v) for v in args.size.split("x"))

    app = QApplication.instance() or QApplication([])
    from ui.psychosocial.trend import TrendChart
    data = demo_trend()
    chart = TrendChart()
    chart.resize(w, h)
    chart.show()
    app.processEvents()
    bare = QWidget()
    bare.resize(w, h)
    bare.show()
    app.processEvents()

    def gui():
        chart.set_trend(data, BANDS.get)
        chart.grab()

    trend = Trend.from_core(data, band_label=BANDS.get)
    k = chart.view.scale()  # the widget draws in points: pixels / k
    vw, vh = chart.view.width() / k, chart.view.height() / k

    def pdf_drawing():
        c = Canvas(io.BytesIO())
        renderPDF.draw(trend_drawing(trend, 481, 198), c, 0, 0)
        c.save()

    doc = Document(title="Psychosocial summary", case_reference="BENCH-1", document_id="BENCH-DOC",
                   generated_at="2046-01-05 10:00", generated_by="bench", audit_head="-", language="en-GB",
                   sections=(Section("Screens over time", (trend,)),))
    rows = [
        ("GUI: set_trend + grab of the widget (60 points)", median_ms(gui, args.runs)),
        ("GUI: bare QWidget grab, same size (baseline)", median_ms(bare.grab, args.runs)),
        ("core: trend_drawing (the objects; LinePlot lays itself out when rendered)",
         median_ms(lambda: trend_drawing(trend, vw, vh), args.runs)),
        ("core: trend_svg (laid out + SVG, the GUI's core part)",
         median_ms(lambda: trend_svg(trend, vw, vh), args.runs)),
        ("PDF: the drawing onto a reportlab canvas", median_ms(pdf_drawing, args.runs)),
        ("PDF: render_pdf of a document with the trend (PDF/A-1b, 60-row table)",
         median_ms(lambda: render_pdf(doc), max(5, args.runs // 4))),
        ("import trend_chart, fresh interpreter", import_ms("import barnahus_app.documents.trend_chart")),
        ("import trend_chart after the PDF renderer", import_ms(
            "import barnahus_app.documents.trend_chart",
            "import reportlab.platypus, barnahus_app.documents.model, barnahus_app.documents.pdf_fonts")),
    ]
    if args.shot:
        chart.set_trend(data, BANDS.get)
        chart.grab().save(args.shot)

    lines = [f"Trend of 60 administrations over 15 years, widget {w}x{h}, median of {args.runs} runs "
             f"({dt.date.today().isoformat()}, Python {sys.version.split()[0]}, "
             f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}). Target: drawn <= 150 ms.", "",
             "| what | ms |", "|---|---|"]
    lines += [f"| {name} | {ms:.1f} |" if ms >= 1 else f"| {name} | {ms:.2f} |" for name, ms in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
