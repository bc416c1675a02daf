"""Render a Document as DOCX (python-docx), for the recipient who must edit or re-use the text.

python-docx's template asks for theme fonts (Calibri/Cambria) everywhere; every style we use,
and the document defaults under them, name DejaVu Sans for all four script slots (ascii, hAnsi,
eastAsia, cs) and no theme font, so neither Word nor LibreOffice substitutes anything. The theme
itself is pointed at DejaVu Sans too, for styles a user applies later in Word.

Module name: inside the package, `import docx` is an absolute import and still finds
python-docx, so this file does not shadow it."""
from __future__ import annotations

import io
import re
from collections.abc import Callable

import docx as python_docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor, Twips

from barnahus_app.errors import Cancelled
from barnahus_app.documents.model import (Document, KeyValues, Paragraph, Section, Table, Trend,
                                          count_blocks)

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None

FONT = "DejaVu Sans"
INK = RGBColor(0x1A, 0x1A, 0x1F)
MUTED = RGBColor(0x54, 0x54, 0x5C)
WARNING_INK = RGBColor(0x73, 0x0D, 0x0D)
RULE_HEX = "8C8C94"
HEADER_FILL = "E6E8EB"
LABEL_FILL = "F5F5F7"
WARNING_FILL = "FCF2ED"

PAGE_W, PAGE_H = Mm(210), Mm(297)
MARGIN = Mm(20)
TEXT_W = Emu(PAGE_W - 2 * MARGIN)

# Characters XML 1.0 cannot hold; lxml would refuse the whole document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _check(cancel: Cancel) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


# --- styles -------------------------------------------------------------------------------

def _explicit_fonts(rpr) -> None:
    """Name the font for every script slot and drop theme references (which win over names)."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def _lang(rpr, language: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.attrib.pop(qn(attr), None)
    lang.set(qn("w:val"), language)


def _border(ppr_or_tcpr, tag: str, sides, color: str, size: int = 4, space: int = 1) -> None:
    box = OxmlElement(tag)
    for side in sides:
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), str(space))
        el.set(qn("w:color"), color)
        box.append(el)
    ppr_or_tcpr.append(box)


def _shade(pr, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    pr.append(shd)


# Style name -> id, as _para_style made them (the same for every document).
_STYLE_IDS: dict[str, str] = {}


def _para_style(doc, name: str, *, base: str | None = "Normal", size: float | None = None,
                bold: bool | None = None, italic: bool | None = None, color=None,
                before: float | None = None, after: float | None = None,
                keep_next: bool | None = None):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.quick_style = True
    if base is not None and name != base:
        style.base_style = styles[base]
    _STYLE_IDS[name] = style.style_id
    font = style.font
    font.name = FONT  # sets ascii/hAnsi; the rest below
    _explicit_fonts(style.element.get_or_add_rPr())
    rpr = style.element.get_or_add_rPr()
    # The complex-script twins (szCs, bCs, iCs) too, or right-to-left and some Asian text
    # keeps the template's sizes.
    if size is not None:
        font.size = Pt(size)
        sz_cs = rpr.find(qn("w:szCs"))
        if sz_cs is None:
            sz_cs = OxmlElement("w:szCs")
            rpr.find(qn("w:sz")).addnext(sz_cs)
        sz_cs.set(qn("w:val"), str(int(round(size * 2))))
    if bold is not None:
        font.bold = bold
        rpr.get_or_add_bCs().val = bold
    if italic is not None:
        font.italic = italic
        rpr.get_or_add_iCs().val = italic
    if color is not None:
        font.color.rgb = color
        c = style.element.rPr.find(qn("w:color"))
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            c.attrib.pop(qn(attr), None)
    pf = style.paragraph_format
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if keep_next is not None:
        pf.keep_with_next = keep_next
    return style


def _setup_styles(doc, language: str) -> None:
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _explicit_fonts(rpr)
    if language:
        _lang(rpr, language)

    normal = _para_style(doc, "Normal", base=None, size=9.5, color=INK, before=0, after=5)
    normal.paragraph_format.line_spacing = 1.15
    _para_style(doc, "Barnahus Title", size=17, bold=True, after=3)
    _para_style(doc, "Barnahus Subtitle", size=11.5, color=MUTED, after=8)
    for level, size in ((1, 13), (2, 11), (3, 9.5)):
        style = _para_style(doc, f"Heading {level}", size=size, bold=True,
                            color=MUTED if level == 3 else INK, before=(14, 10, 8)[level - 1],
                            after=4, keep_next=True)
        style.font.italic = False
        style.element.rPr.get_or_add_iCs().val = False
    _para_style(doc, "Barnahus Note", size=8.5, italic=True, color=MUTED)
    warning = _para_style(doc, "Barnahus Warning", bold=True, color=WARNING_INK, before=5, after=9)
    ppr = warning.element.get_or_add_pPr()
    _border(ppr, "w:pBdr", ("top", "left", "bottom", "right"), "730D0D", size=6, space=4)
    _shade(ppr, WARNING_FILL)
    cell = _para_style(doc, "Barnahus Table", size=8.5, before=0, after=0)
    cell.paragraph_format.line_spacing = 1.05
    _para_style(doc, "Barnahus Table Head", base="Barnahus Table", bold=True)
    _para_style(doc, "Barnahus Label", base="Barnahus Table", bold=True, color=MUTED)
    for name in ("Barnahus Header", "Barnahus Footer"):
        s = _para_style(doc, name, size=7.5, color=MUTED, before=0, after=0)
        s.paragraph_format.line_spacing = 1.0
        s.paragraph_format.tab_stops.add_tab_stop(TEXT_W, WD_TAB_ALIGNMENT.RIGHT)
    _para_style(doc, "Barnahus Footer Note", base="Barnahus Footer", italic=True, after=2)


def _theme_to_dejavu(doc) -> None:
    """Point the theme's fonts at DejaVu Sans too: styles a user picks later in Word (and
    anything we missed) then fall back to it instead of Calibri/Cambria."""
    try:
        theme = doc.part.part_related_by(RT.THEME)
    except KeyError:
        return
    blob = getattr(theme, "_blob", None)
    if isinstance(blob, bytes):
        theme._blob = re.sub(rb'(<a:latin typeface=")[^"]*(")', rb"\1DejaVu Sans\2", blob)


def _drop_template_leftovers(doc) -> None:
    """The template's thumbnail (a blank page), its app.xml ("Microsoft Macintosh Word",
    Normal.dotm) and its Word 2010 stylesWithEffects copy (theme fonts) say nothing true
    about this document. Parts no relationship reaches are not saved."""
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            pkg_rels.pop(rid)
    doc_rels = doc.part.rels
    for rid, rel in list(doc_rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc_rels.pop(rid)


def _core_properties(doc, d: Document) -> None:
    """Title, identifier and author, and nothing else: python-docx's template carries
    "python-docx" as creator and description, a revision and 2013 dates."""
    props = doc.core_properties
    el = props._element
    for child in list(el):
        el.remove(child)
    props.title = _clean(d.title).replace("\n", " ")
    props.identifier = _clean(d.document_id)
    props.author = _clean(d.generated_by).replace("\n", " ")
    if d.language:
        props.language = d.language


# --- content ------------------------------------------------------------------------------

def _add_text(paragraph, text: str, bold: bool | None = None):
    # python-docx turns "\n" into <w:br/> and "\t" into <w:tab/>
    run = paragraph.add_run(_clean(text))
    if bold is not None:
        run.bold = bold
    return run


def _field(paragraph, instr: str, placeholder: str, bold: bool = False) -> None:
    """A complex field (PAGE, NUMPAGES); Word and LibreOffice fill in the number."""
    def run_with(el):
        run = paragraph.add_run()
        run.bold = bold
        run._r.append(el)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run_with(text)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run(placeholder).bold = bold
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _table(doc, columns: int, widths: list[float]):
    table = doc.add_table(rows=0, cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(int(TEXT_W.twips)))
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")  # Word keeps our widths instead of fitting to content
    tbl_pr.append(layout)
    _border(tbl_pr, "w:tblBorders", ("top", "left", "bottom", "right", "insideH", "insideV"),
            RULE_HEX, size=4, space=0)
    margins = OxmlElement("w:tblCellMar")
    for side, w in (("top", 40), ("left", 80), ("bottom", 50), ("right", 80)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(w))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)
    # Widths live in the grid; add_row copies them into each new cell.
    for col, w in zip(table.columns, widths):
        col.width = Twips(int(TEXT_W.twips * w))
    return table


def _fill_row(table, texts, style: str, fills=None, bold=None):
    cells = table.add_row().cells
    for i, (cell, text) in enumerate(zip(cells, texts)):
        p = _styled(cell.paragraphs[0], style)
        _add_text(p, text, bold)
        if fills and fills[i]:
            _shade(cell._tc.get_or_add_tcPr(), fills[i])
    return cells


def _header_row(table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    # tblHeader: Word and LibreOffice repeat the row at the top of every page.
    for tag in ("w:cantSplit", "w:tblHeader"):
        tr_pr.append(OxmlElement(tag))


def _key_values(doc, kv: KeyValues) -> None:
    if not kv.pairs:
        return
    table = _table(doc, 2, [0.32, 0.68])
    for label, value in kv.pairs:
        cells = table.add_row().cells
        _add_text(_styled(cells[0].paragraphs[0], "Barnahus Label"), label)
        _add_text(_styled(cells[1].paragraphs[0], "Barnahus Table"), value)
        _shade(cells[0]._tc.get_or_add_tcPr(), LABEL_FILL)
    _spacer(doc)


def _styled(paragraph, style: str):
    # By id on the XML: python-docx's lookup by name scans every style each time, which made
    # a 1000-row table take seconds.
    paragraph._p.style = _STYLE_IDS[style]
    return paragraph


def _data_table(doc, t: Table, cancel: Cancel) -> None:
    table = _table(doc, len(t.columns), list(t.relative_widths()))
    _fill_row(table, t.columns, "Barnahus Table Head", fills=[HEADER_FILL] * len(t.columns))
    _header_row(table)
    for i, row in enumerate(t.rows):
        if i % 200 == 199:
            _check(cancel)
        _fill_row(table, row, "Barnahus Table")
    _spacer(doc)


def _spacer(doc) -> None:
    # Word needs a paragraph between two tables, or it merges them into one.
    p = doc.add_paragraph(style="Normal")
    p.paragraph_format.space_after = Pt(4)


def _header_footer(doc, d: Document) -> None:
    lab = d.labels
    section = doc.sections[0]
    header = section.header
    p = header.paragraphs[0]
    p.style = "Barnahus Header"
    _add_text(p, f"{lab.case_reference}: {d.case_reference}".replace("\n", " "), bold=True)
    _add_text(p, "\t")
    _add_text(p, f"{lab.document_id}: {d.document_id}".replace("\n", " "), bold=True)
    _border(p._p.get_or_add_pPr(), "w:pBdr", ("bottom",), RULE_HEX, size=4, space=4)

    footer = section.footer
    first = footer.paragraphs[0]
    if d.footer_note:
        first.style = "Barnahus Footer Note"
        _add_text(first, d.footer_note)
        p = footer.add_paragraph(style="Barnahus Footer")
    else:
        p = first
        p.style = "Barnahus Footer"
    _border(p._p.get_or_add_pPr(), "w:pBdr", ("top",), RULE_HEX, size=4, space=4)
    _add_text(p, lab.generated.format(at=d.generated_at, by=d.generated_by).replace("\n", " "))
    _add_text(p, "\t")
    for kind, value in lab.page_parts():
        if kind == "text":
            _add_text(p, value, bold=True)
        else:
            _field(p, "PAGE" if value == "page" else "NUMPAGES", "1", bold=True)


def _page_setup(doc) -> None:
    s = doc.sections[0]
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = PAGE_W, PAGE_H
    s.left_margin = s.right_margin = MARGIN
    s.top_margin, s.bottom_margin = Mm(24), Mm(22)
    s.header_distance, s.footer_distance = Mm(10), Mm(9)


def render_docx(doc: Document, progress: Progress = None, cancel: Cancel = None) -> bytes:
    """The document as DOCX bytes. progress(done, total) is called per block; cancel() is asked
    per block (and every 200 table rows) and, if true, Cancelled is raised."""
    total = count_blocks(doc) + 1
    _check(cancel)
    out = python_docx.Document()
    _page_setup(out)
    _setup_styles(out, doc.language)
    _theme_to_dejavu(out)
    _drop_template_leftovers(out)
    _core_properties(out, doc)
    _header_footer(out, doc)

    body = out.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    _add_text(out.add_paragraph(style="Barnahus Title"), doc.title)
    if doc.subtitle:
        _add_text(out.add_paragraph(style="Barnahus Subtitle"), doc.subtitle)
    lab = doc.labels
    _key_values(out, KeyValues(((lab.case_reference, doc.case_reference),
                                (lab.document_id, doc.document_id),
                                (lab.generated_at, doc.generated_at),
                                (lab.generated_by, doc.generated_by),
                                (lab.audit_head, doc.audit_head))))

    done = 0

    def add(block, depth: int):
        nonlocal done
        _check(cancel)
        if isinstance(block, Section):
            _add_text(out.add_paragraph(style=f"Heading {min(depth + 1, 3)}"),
                      block.heading.replace("\n", " "))
        elif isinstance(block, Paragraph):
            style = {"body": "Normal", "note": "Barnahus Note", "warning": "Barnahus Warning"}
            _add_text(out.add_paragraph(style=style[block.style]), block.text)
        elif isinstance(block, KeyValues):
            _key_values(out, block)
        elif isinstance(block, Table):
            _data_table(out, block, cancel)
        elif isinstance(block, Trend):
            # No drawing: reportlab has no raster backend here (documents/trend_chart.py); the
            # DOCX says it in words and in the table the PDF prints under its drawing.
            _add_text(out.add_paragraph(style="Normal"), block.summary())
            if block.points:
                _data_table(out, block.alternative(), cancel)
        done += 1
        if progress is not None:
            progress(done, total)
        if isinstance(block, Section):
            for child in block.blocks:
                add(child, depth + 1)

    for section in doc.sections:
        add(section, 0)
    _check(cancel)
    buf = io.BytesIO()
    out.save(buf)
    if progress is not None:
        progress(total, total)
    return buf.getvalue()
