"""Issued documents, checked by independent tools: Apache PDFBox Preflight (PDF/A-1b, before and
after signing), poppler's pdftotext (what a reader sees on each page), pyHanko (the signature),
LibreOffice (does the DOCX open, and say the same?). Rendered files are made once per module."""
from __future__ import annotations

import io
import re
import time
import zipfile

import pikepdf
import pytest
from lxml import etree

from barnahus_app.documents import pki
from barnahus_app.documents.docx import render_docx
from barnahus_app.documents.model import (Document, KeyValues, Labels, Paragraph, Section, Table,
                                          count_blocks)
from barnahus_app.documents.pdf import render_pdf
from barnahus_app.documents.pdf_sign import SignatureCheck, sign_pdf, validate_pdf
from barnahus_app.errors import Cancelled

from tests.support.document_tools import libreoffice_to_pdf, pdf_pages_text, pdf_text, preflight

NORDIC = "Åsa Ødegård Ærøskøbing Þórunn"
EASTERN = "Łódź Żółć Čeština Şţ Ő"
GREEK = "Ελληνικά"
CASE_REF = "BH-2026-0042"
DOC_ID = "DOC-7F3A-11C2"
GENERATED_AT = "2026-03-04 09:30 CET"
GENERATED_BY = "Þórunn Ødegård"
COLUMNS = ("Entry no.", "Recorded event", "Staff member")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sample_document(rows: int = 60, **overrides) -> Document:
    """Two pages or more, every block kind, nested sections and markup-like user text."""
    values = dict(
        title=f"Case summary {GREEK}", subtitle="For the prosecutor <Region & Court>",
        case_reference=CASE_REF, document_id=DOC_ID, generated_at=GENERATED_AT,
        generated_by=GENERATED_BY, audit_head="#1234 9f8e7d6c5b4a", language="sv",
        footer_note="Confidential: for the case team only.",
        sections=(
            Section("Child", (
                KeyValues((("Name", NORDIC), ("Town", EASTERN), ("Note", "line one\nline two"))),
                Paragraph("Do not contact <b>the father</b> & his family.", "warning"),
                Paragraph("Entered by the coordinator.", "note"),
                Section("Languages", (Paragraph(f"Interpreter: {GREEK}"),)),
            )),
            Section("Events", (Table(COLUMNS, tuple((str(i), f"Event {i}", NORDIC) for i in range(rows)),
                                     widths=(1, 4, 3)),)),
        ))
    values.update(overrides)
    return Document(**values)


def big_document() -> Document:
    rows = tuple((str(i), f"Event {i}: " + "observed and recorded " * (i % 7), EASTERN)
                 for i in range(1000))
    return sample_document(sections=(Section("Log", (Table(COLUMNS, rows, widths=(1, 5, 3)),)),))


@pytest.fixture(scope="module")
def credentials():
    creds, ca_pem, _ca_key = pki.create_centre_credentials("Barnahus Ærøskøbing")
    return creds, ca_pem


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("documents")


@pytest.fixture(scope="module")
def pdf(out_dir, credentials):
    creds, _ = credentials
    data = render_pdf(sample_document())
    signed = sign_pdf(data, creds, reason="Issued by the centre", location="Ærøskøbing")
    (out_dir / "sample.pdf").write_bytes(data)
    (out_dir / "sample-signed.pdf").write_bytes(signed)
    return {"bytes": data, "signed": signed, "path": out_dir / "sample.pdf",
            "signed_path": out_dir / "sample-signed.pdf"}


@pytest.fixture(scope="module")
def big_pdf(out_dir, credentials):
    creds, _ = credentials
    doc = big_document()
    started = time.perf_counter()
    data = render_pdf(doc)
    rendered = time.perf_counter()
    signed = sign_pdf(data, creds, reason="Issued by the centre", location="Ærøskøbing")
    finished = time.perf_counter()
    path = out_dir / "big-signed.pdf"
    path.write_bytes(signed)
    print(f"\n1000-row PDF: render {rendered - started:.2f} s, sign {finished - rendered:.2f} s")
    return {"signed": signed, "path": path}


@pytest.fixture(scope="module")
def docx_file(out_dir):
    data = render_docx(sample_document())
    path = out_dir / "sample.docx"
    path.write_bytes(data)
    return {"bytes": data, "path": path, "pdf": libreoffice_to_pdf(path, out_dir / "lo")}


# --- PDF ----------------------------------------------------------------------------------

def test_pdf_shows_the_texts_and_the_header_and_footer_on_every_page(pdf):
    pages = pdf_pages_text(pdf["path"])
    n = len(pages)
    assert n >= 2
    text = "\f".join(pages)
    for expected in (NORDIC, EASTERN, GREEK, "line one", "line two", "Confidential: for the case team only."):
        assert expected in text
    # User text is shown as typed, not read as markup.
    assert "Do not contact <b>the father</b> & his family." in text
    assert "For the prosecutor <Region & Court>" in text
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {n}" in page, number
        assert DOC_ID in page and CASE_REF in page, number
        assert GENERATED_AT in page and GENERATED_BY in page, number


def test_pdf_is_pdfa_1b_before_and_after_signing(pdf):
    ok, report = preflight(pdf["path"])
    assert ok, report
    ok, report = preflight(pdf["signed_path"])
    assert ok, report


def test_preflight_is_not_vacuous(out_dir):
    plain = pikepdf.new()
    plain.add_blank_page()
    path = out_dir / "not-pdfa.pdf"
    plain.save(path)
    ok, report = preflight(path)
    assert not ok, report


def _fonts(pdf_file: pikepdf.Pdf):
    """Every font dictionary reachable from page resources, form XObjects included."""
    seen, found = set(), []

    def walk(resources):
        if resources is None:
            return
        for font in (resources.get("/Font") or {}).values():
            if font.objgen not in seen:
                seen.add(font.objgen)
                found.append(font)
        for xobj in (resources.get("/XObject") or {}).values():
            if xobj.get("/Subtype") == "/Form" and xobj.objgen not in seen:
                seen.add(xobj.objgen)
                walk(xobj.get("/Resources"))
    for page in pdf_file.pages:
        walk(page.obj.get("/Resources"))
    for field in (pdf_file.Root.get("/AcroForm") or {}).get("/Fields", []):
        for ap in (field.get("/AP") or {}).values():
            walk(ap.get("/Resources"))
    return found


def test_every_font_is_embedded_and_metadata_is_pdfa(pdf):
    with pikepdf.open(io.BytesIO(pdf["signed"])) as p:
        fonts = _fonts(p)
        assert fonts
        for font in fonts:
            desc = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                desc = font.DescendantFonts[0].FontDescriptor
            assert desc is not None, font.get("/BaseFont")
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.BaseFont
            assert "DejaVu" in str(font.BaseFont)
        # pyHanko rewrote the XMP when signing; it must still say PDF/A-1b and match Info.
        meta = p.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("1", "B")
        assert meta["dc:title"] == str(p.trailer.Info.Title)
        assert meta["pdf:Producer"] == str(p.trailer.Info.Producer)
        assert "/Trapped" not in p.trailer.Info
        assert str(p.trailer.Info.Title) == f"Case summary {GREEK}"
        assert p.Root.OutputIntents[0].S == "/GTS_PDFA1"
        # The bundled profile is ICC version 2 (a v4 profile is not allowed in PDF/A-1).
        assert p.Root.OutputIntents[0].DestOutputProfile.read_bytes()[8] == 2
    assert b"Helvetica" not in pdf["bytes"]


def test_signature_is_intact_valid_trusted_and_covers_the_file(pdf, credentials):
    _, ca_pem = credentials
    check = validate_pdf(pdf["signed"], ca_pem)
    assert check == SignatureCheck(True, True, True, True, True, check.signer_subject,
                                   check.signing_time, None)
    assert check.ok
    assert "Barnahus Ærøskøbing document signing" in check.signer_subject
    assert check.signing_time and check.signing_time.startswith("20")


def test_one_changed_byte_after_signing_is_reported(pdf, credentials):
    _, ca_pem = credentials
    signed = bytearray(pdf["signed"])
    at = signed.index(b"<pdfaid:conformance>B") + len(b"<pdfaid:conformance>")  # in the signed revision
    signed[at:at + 1] = b"C"
    check = validate_pdf(bytes(signed), ca_pem)
    assert check.signed and not check.intact and not check.ok
    assert check.problem


def test_an_untrusted_root_is_reported(pdf):
    _, other_ca, _ = pki.create_centre_credentials("Some other centre")
    check = validate_pdf(pdf["signed"], other_ca)
    assert check.signed and check.intact and check.valid
    assert not check.trusted and check.problem


def test_anything_appended_after_signing_is_reported(pdf, credentials):
    _, ca_pem = credentials
    check = validate_pdf(pdf["signed"] + b"\n%% appended\n", ca_pem)
    assert check.signed and not check.covers_whole_file and check.problem


@pytest.mark.parametrize("data", [b"", b"garbage", b"%PDF-1.4\n1 0 obj garbage", bytes(range(256)) * 40,
                                  "not bytes", None], ids=["empty", "text", "header-only", "binary",
                                                           "str", "none"])
def test_garbage_is_not_signed_and_does_not_raise(data, credentials):
    check = validate_pdf(data, credentials[1])
    assert not check.signed and check.problem


def test_truncated_and_unsigned_files_are_not_signed(pdf, credentials):
    _, ca_pem = credentials
    assert not validate_pdf(pdf["bytes"], ca_pem).signed
    check = validate_pdf(pdf["signed"][: len(pdf["signed"]) // 2], ca_pem)
    assert not check.ok and check.problem
    assert not validate_pdf(pdf["signed"], "not a certificate").trusted


def test_a_1000_row_table_repeats_its_header_row_on_every_page(big_pdf):
    pages = pdf_pages_text(big_pdf["path"])
    assert len(pages) > 1
    for number, page in enumerate(pages, 1):
        for column in COLUMNS:
            assert column in page, (number, column)
        assert f"Page {number} of {len(pages)}" in page
    assert "Event 999:" in pages[-1]
    ok, report = preflight(big_pdf["path"])
    assert ok, report


def test_very_long_texts_and_cells_break_across_pages():
    long_text = ("A very long statement. " * 1500) + "END-OF-STATEMENT"
    word = "x" * 3000
    doc = sample_document(rows=3, sections=(Section("Long", (
        Paragraph(long_text), Paragraph(word),
        Table(("Column", "Text"), (("1", long_text), ("2", word))),
        KeyValues((("Statement", long_text),)))),))
    data = render_pdf(doc)
    with pikepdf.open(io.BytesIO(data)) as p:
        assert len(p.pages) > 5
    data_docx = render_docx(doc)
    assert zipfile.ZipFile(io.BytesIO(data_docx)).read("word/document.xml").count(b"END-OF-STATEMENT") == 3


def test_control_characters_and_characters_outside_the_font_do_not_break_rendering(out_dir):
    doc = sample_document(rows=2, title="Nul\x00 bell\x07 tab\t 中文 😀")
    path = out_dir / "odd.pdf"
    path.write_bytes(render_pdf(doc))
    assert "Nul bell" in pdf_text(path)
    assert render_docx(doc)


def test_progress_reaches_the_total_and_cancel_stops_rendering():
    doc = big_document()
    for render in (render_pdf, render_docx):
        seen = []
        render(sample_document(rows=5), progress=lambda done, total: seen.append((done, total)))
        assert seen and seen[-1][0] == seen[-1][1] == count_blocks(sample_document(rows=5)) + 1
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)

        asked = []

        def cancel():
            asked.append(1)
            return len(asked) > 6  # inside the big table: asked per page (PDF) or per 200 rows
        with pytest.raises(Cancelled):
            render(doc, cancel=cancel)
        assert len(asked) == 7
        with pytest.raises(Cancelled):
            render(doc, cancel=lambda: True)


# --- DOCX ---------------------------------------------------------------------------------

def test_libreoffice_opens_the_docx_and_shows_the_same_texts(docx_file):
    pages = pdf_pages_text(docx_file["pdf"])
    text = "\f".join(pages)
    for expected in (NORDIC, EASTERN, GREEK, CASE_REF, DOC_ID, GENERATED_AT, GENERATED_BY,
                     "Do not contact <b>the father</b> & his family.", "line one", "line two",
                     "Confidential: for the case team only.", f"Case summary {GREEK}"):
        assert expected in text, expected
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        assert DOC_ID in page and CASE_REF in page, number
        assert f"Page {number} of {len(pages)}" in page, number
        if number > 1:
            assert all(c in page for c in COLUMNS), number  # header row repeated


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_docx_styles_in_use_name_dejavu_for_every_script_and_no_theme_font(docx_file):
    parts = _parts(docx_file["bytes"])
    styles = etree.fromstring(parts["word/styles.xml"])
    by_id = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}
    used = set()
    for name, data in parts.items():
        if re.fullmatch(r"word/(document|header\d+|footer\d+)\.xml", name):
            used |= {e.get(W + "val") for e in etree.fromstring(data).iter(W + "pStyle", W + "rStyle")}
    assert {"Heading1", "BarnahusTable", "BarnahusWarning", "BarnahusFooter"} <= used
    chain = set()
    for style_id in used:
        while style_id:  # a style inherits what it does not say from its base
            chain.add(style_id)
            based = by_id[style_id].find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    for fonts in [defaults] + [by_id[s].find(f"{W}rPr/{W}rFonts") for s in chain]:
        assert fonts is not None
        assert {fonts.get(W + a) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"DejaVu Sans"}
        assert not [a for a in fonts.attrib if "theme" in a.lower()]
        assert b"Calibri" not in etree.tostring(fonts)
    for name in ("word/styles.xml", "word/document.xml", "word/header1.xml", "word/footer1.xml",
                 "word/theme/theme1.xml"):
        assert b"Calibri" not in parts[name], name


def test_docx_metadata_is_title_identifier_and_author_only(docx_file):
    parts = _parts(docx_file["bytes"])
    core = etree.fromstring(parts["docProps/core.xml"])
    values = {etree.QName(e).localname: e.text for e in core}
    assert values == {"title": f"Case summary {GREEK}", "identifier": DOC_ID,
                      "creator": GENERATED_BY, "language": "sv"}
    assert not [n for n, d in parts.items() if b"python-docx" in d]
    assert "docProps/thumbnail.jpeg" not in parts and "docProps/app.xml" not in parts
    header = etree.fromstring(parts["word/footer1.xml"])
    instr = [e.text.strip() for e in header.iter(W + "instrText")]
    assert instr == ["PAGE", "NUMPAGES"]
    document = etree.fromstring(parts["word/document.xml"])
    assert document.find(f".//{W}tblHeader") is not None


def test_labels_are_translatable():
    labels = Labels(page="Sida {page} av {pages}", generated="Skapad {at} av {by}",
                    document_id="Dokument-ID", case_reference="Ärende")
    assert labels.page_parts() == [("text", "Sida "), ("field", "page"), ("text", " av "),
                                   ("field", "pages")]
    data = render_docx(sample_document(rows=2, labels=labels))
    footer = _parts(data)["word/footer1.xml"].decode()
    assert "Sida " in footer and "Skapad" in footer


# --- model --------------------------------------------------------------------------------

def test_model_normalises_lists_and_refuses_ragged_tables():
    t = Table(["a", "b"], [["1", "2"]], widths=[1, 3])
    assert t.rows == (("1", "2"),) and t.relative_widths() == (0.25, 0.75)
    hash(Section("s", [Paragraph("p"), t]))
    with pytest.raises(ValueError):
        Table(("a", "b"), (("1",),))
    with pytest.raises(ValueError):
        Paragraph("x", style="shout")
    with pytest.raises(ValueError):
        Table(("a",), (), widths=(1, 2))
    assert count_blocks(sample_document()) == 8  # 2 sections, 1 subsection, 5 blocks
