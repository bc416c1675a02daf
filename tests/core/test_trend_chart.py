"""The trend of an instrument's scores in a document: the model block (sorting, checks, the text
alternative), its reportlab drawing (what it draws, as the GUI's SVG shows it), and a PDF with
the drawing that PDFBox Preflight accepts as PDF/A-1b. Expected values are written by hand."""
from __future__ import annotations

import io
import re

import docx as python_docx
import pytest

from barnahus_app.documents.docx import render_docx
from barnahus_app.documents.model import Document, Section, Trend, TrendLabels
from barnahus_app.documents.pdf import render_pdf
from barnahus_app.documents.summary import Redactor
from barnahus_app.documents.trend_chart import trend_drawing, trend_svg
from tests.support.document_tools import pdf_text, preflight

# Given out of order: the block sorts by date.
CORE = {"instrument": "cats_7_17", "name": "CATS (7-17, self report)", "scale": "total", "cutoff": 21.0,
        "points": [("2032-04-01", 14.5, "moderate"), ("2031-04-02", 27.0, "probable_ptsd"),
                   ("2033-04-03", 9.0, "low"), ("2031-10-01", 22.0, "probable_ptsd")],
        "episodes": [("2032-09-01", None, "Group support"), ("2031-05-01", "2031-11-20", "TF-CBT")]}
BANDS = {"probable_ptsd": "Probable PTSD", "moderate": "Moderate", "low": "Low"}


def trend(**changes) -> Trend:
    return Trend.from_core(dict(CORE, **changes), band_label=BANDS.get)


def svg_texts(svg: bytes) -> list[str]:
    return re.findall(r">([^<>]*)</text>", svg.decode("utf-8"))


def document(*blocks) -> Document:
    return Document(title="Psychosocial summary", case_reference="BH-2031-0007", document_id="DOC-TREND-1",
                    generated_at="2046-01-05 10:00", generated_by="Therapist Test", audit_head="ab12cd34",
                    language="en-GB", sections=(Section("Screens over time", blocks),))


def test_the_block_sorts_by_date_and_says_the_scores_in_words_and_rows():
    t = trend()
    assert [p[0] for p in t.points] == ["2031-04-02", "2031-10-01", "2032-04-01", "2033-04-03"]
    assert [e[2] for e in t.episodes] == ["TF-CBT", "Group support"]
    alt = t.alternative()
    assert alt.columns == ("Date", "Score", "Band", "Treatment")
    assert alt.rows == (
        ("2031-04-02", "27 (at or above the cut-off)", "Probable PTSD", ""),
        ("2031-10-01", "22 (at or above the cut-off)", "Probable PTSD", "TF-CBT"),
        ("2032-04-01", "14.5", "Moderate", ""),
        ("2033-04-03", "9", "Low", "Group support"),
    )
    assert t.summary() == ("4 scores from 2031-04-02 to 2033-04-03; the latest is 9 (Low). "
                           "The cut-off is 21.")


def test_a_score_on_the_cut_off_counts_as_at_or_above_it_and_no_cut_off_marks_nothing():
    on = trend(points=[("2031-04-02", 21.0, "probable_ptsd"), ("2031-05-02", 20.5, "moderate")])
    assert [r[1] for r in on.alternative().rows] == ["21 (at or above the cut-off)", "20.5"]
    unbanded = trend(points=[("2031-04-02", 21.0, "")])
    assert unbanded.summary() == "One score, on 2031-04-02: 21. The cut-off is 21."
    none = trend(cutoff=None)
    assert [r[1] for r in none.alternative().rows] == ["27", "22", "14.5", "9"]
    assert none.summary() == "4 scores from 2031-04-02 to 2033-04-03; the latest is 9 (Low)."


def test_the_words_are_the_callers():
    sv = TrendLabels(date="Datum", score="Poäng", band="Nivå", treatment="Behandling",
                     at_or_above="vid eller över gränsvärdet", ongoing="{name} (pågår)")
    t = Trend.from_core(CORE, labels=sv, scale_label={"total": "totalpoäng"}.get)
    assert "CATS (7-17, self report) · Poäng (totalpoäng)" in svg_texts(trend_svg(t, 640, 280))
    assert t.alternative().columns == ("Datum", "Poäng", "Nivå", "Behandling")
    assert t.alternative().rows[0][1] == "27 (vid eller över gränsvärdet)"
    assert "Group support (pågår)" in svg_texts(trend_svg(t, 640, 280))


@pytest.mark.parametrize("points, episodes, message", [
    ([("2031-13-01", 1, "")], (), "trend point 0 is not a date"),
    ([("yesterday", 1, "")], (), "trend point 0 is not a date"),
    ([], [("2031-05-01", "01.06.2031", "TF-CBT")], "episode 0 end is not a date"),
    ([], [("2031-05-01", "2031-04-30", "TF-CBT")], "episode 0 ends (2031-04-30) before it starts (2031-05-01)"),
])
def test_bad_dates_are_refused_with_what_is_wrong(points, episodes, message):
    with pytest.raises(ValueError) as err:
        Trend("CATS", "total", 21, points, episodes)
    assert message in str(err.value)


def test_the_drawing_has_every_point_the_cut_off_the_episodes_and_the_years():
    svg = trend_svg(trend(), 640, 280)
    texts = svg_texts(svg)
    assert svg.count(b"<circle") == 4  # one marker a score
    assert "Cut-off 21" in texts
    assert "TF-CBT" in texts and "Group support (ongoing)" in texts
    # 45 days either side of the scores: 2031-02-16 to 2033-05-18, so two New Years
    assert [t for t in texts if re.fullmatch(r"\d{4}(-\d\d)?", t)] == ["2032", "2033"]
    # highest 27, 8 % above it is 29.16: steps of 5 up to 30
    assert [t for t in texts if t.isdigit() and len(t) <= 2] == ["0", "5", "10", "15", "20", "25", "30"]
    assert "CATS (7-17, self report) · Score (total)" in texts
    # Qt's SVG parser knows the font by its family name and the keywords in lower case
    assert b"BarnahusSans" not in svg and b"None" not in svg


def test_fifteen_years_are_labelled_by_year_and_a_narrow_drawing_by_every_fifth():
    points = [(f"{2031 + i // 4}-{1 + 3 * (i % 4):02d}-02", 10.0, "low") for i in range(60)]  # to 2045-10-02
    wide = svg_texts(trend_svg(trend(points=points, episodes=()), 640, 280))
    assert [t for t in wide if re.fullmatch(r"\d{4}", t)] == [str(y) for y in range(2031, 2046)]
    narrow = svg_texts(trend_svg(trend(points=points, episodes=()), 220, 160))
    assert [t for t in narrow if re.fullmatch(r"\d{4}", t)] == ["2035", "2040", "2045"]


def test_half_a_year_is_labelled_by_month():
    points = [("2031-04-02", 27.0, ""), ("2031-10-01", 22.0, "")]
    texts = svg_texts(trend_svg(trend(points=points, episodes=()), 640, 280))
    # 2031-02-16 to 2031-11-15
    assert [t for t in texts if re.fullmatch(r"\d{4}-\d\d", t)] == [
        "2031-03", "2031-04", "2031-05", "2031-06", "2031-07", "2031-08", "2031-09", "2031-10", "2031-11"]


def test_an_empty_trend_says_so():
    empty = trend(points=[], episodes=())
    assert empty.summary() == "No scores recorded yet."
    assert empty.alternative().rows == ()
    assert svg_texts(trend_svg(empty, 640, 280)) == ["No scores recorded yet."]
    assert trend_drawing(empty, 100, 50).width == 100


def test_a_pdf_with_the_trend_is_pdfa_1b_and_says_it_in_text(tmp_path):
    data = render_pdf(document(trend(), Trend.from_core({"name": "SDQ", "scale": "total", "points": []})))
    path = tmp_path / "trend.pdf"
    path.write_bytes(data)
    ok, report = preflight(path)
    assert ok, report
    assert b"Helvetica" not in data  # every text of the drawing is in the embedded DejaVu
    text = pdf_text(path)
    for expected in ("Cut-off 21", "TF-CBT", "Group support (ongoing)", "2032", "2033",
                     "CATS (7-17, self report) · Score (total)",
                     "4 scores from 2031-04-02 to 2033-04-03; the latest is 9 (Low). The cut-off is 21.",
                     "27 (at or above the cut-off)", "14.5", "No scores recorded yet."):
        assert expected in text, expected


def test_the_docx_says_the_trend_in_words_and_a_table():
    out = python_docx.Document(io.BytesIO(render_docx(document(trend()))))
    paragraphs = [p.text for p in out.paragraphs]
    assert "4 scores from 2031-04-02 to 2033-04-03; the latest is 9 (Low). The cut-off is 21." in paragraphs
    rows = [[c.text for c in r.cells] for r in out.tables[-1].rows]
    assert rows == [["Date", "Score", "Band", "Treatment"],
                    ["2031-04-02", "27 (at or above the cut-off)", "Probable PTSD", ""],
                    ["2031-10-01", "22 (at or above the cut-off)", "Probable PTSD", "TF-CBT"],
                    ["2032-04-01", "14.5", "Moderate", ""],
                    ["2033-04-03", "9", "Low", "Group support"]]


def test_a_pseudonymised_document_keeps_its_trend():
    """Instruments, bands and treatments name no one: the redactor passes the block on whole."""
    t = trend()
    out = Redactor(["Anna Test", "2019-05-04"]).document(document(t))
    assert out.sections[0].blocks == (t,)


def test_one_score_an_episode_before_it_and_overlapping_episodes_still_draw():
    t = trend(points=[("2031-04-02", 12.0, "low")],
              episodes=[("2030-11-01", "2031-02-01", "Crisis support"), ("2031-01-15", None, "TF-CBT")])
    svg = trend_svg(t, 640, 280)
    texts = svg_texts(svg)
    assert "Cut-off 21" in texts and "TF-CBT (ongoing)" in texts
    # the earlier episode shows whole: the axis runs from 15 days before it (2030-10-17) to
    # 45 days after the score (2031-05-17): one New Year only, so months
    assert [x for x in texts if re.fullmatch(r"\d{4}(-\d\d)?", x)] == [
        "2030-11", "2030-12", "2031-01", "2031-02", "2031-03", "2031-04", "2031-05"]
    assert svg.count(b"<circle") == 1


def test_a_character_the_fonts_lack_is_drawn_as_a_visible_replacement():
    t = trend(name="CATS \U0001F600", episodes=[("2031-05-01", None, "TF\u0007CBT")])
    texts = svg_texts(trend_svg(t, 640, 280))
    assert "CATS \ufffd · Score (total)" in texts
    assert "TFCBT (ongoing)" in texts  # a control character is dropped
