"""Render a Document as PDF/A-1b.

reportlab has no PDF/A mode, so: every text is set in the bundled DejaVu fonts, embedded as
subsets (and so is every default reportlab would otherwise fill with Helvetica: the canvas's
initial font, the table cell font, the bullet font: an unembedded font is not PDF/A), colours are
RGB only, nothing is transparent; then pikepdf adds what PDF/A-1b asks for: an OutputIntent with
an ICC v2 sRGB profile, XMP metadata with the PDF/A identification, and an Info dictionary that
says the same as the XMP. Apache PDFBox Preflight accepts the result (tests/document_tools.py).

The file has no /Producer and no /ModDate in Info on purpose: pyHanko rewrites both when it signs
(pdf_sign.py), and they would then no longer match the XMP."""
from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame,
                                PageTemplate)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Spacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle
from reportlab.platypus.flowables import HRFlowable

from barnahus_app.errors import Cancelled
from barnahus_app.paths import resources_dir
from barnahus_app.documents.model import (Document, KeyValues, Paragraph, Section, Table, Trend,
                                          count_blocks)
from barnahus_app.documents.pdf_fonts import FONT, FONT_BOLD, FONT_ITALIC, INK, MUTED
from barnahus_app.documents.pdf_fonts import clean as _clean
from barnahus_app.documents.pdf_fonts import fit as _fit
from barnahus_app.documents.pdf_fonts import register_fonts as _register_fonts
from barnahus_app.documents.trend_chart import trend_drawing

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None

CREATOR = "Barnahus Case Record"

ICC_PROFILE = "sRGB-v2.icc"

RULE = colors.Color(0.55, 0.55, 0.58)
HEADER_FILL = colors.Color(0.90, 0.91, 0.92)
LABEL_FILL = colors.Color(0.96, 0.96, 0.97)
WARNING_INK = colors.Color(0.45, 0.05, 0.05)
WARNING_FILL = colors.Color(0.99, 0.95, 0.93)

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm  # room for the running header
MARGIN_BOTTOM = 22 * mm  # room for the running footer (more if there is a footer note)
FURNITURE_SIZE = 7.5
FOOTER_NOTE_MAX = 20 * mm
TREND_HEIGHT = 70 * mm


def _markup(text: str) -> str:
    """User text as reportlab paragraph markup: escaped, line breaks kept, and runs of spaces
    kept (the paragraph parser would collapse them)."""
    out = escape(_clean(text))
    out = re.sub(r"  +", lambda m: " " + "\u00a0" * (len(m.group()) - 1), out)
    return out.replace("\n", "<br/>")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=13, textColor=INK,
                          alignment=TA_LEFT, spaceAfter=5, splitLongWords=1, allowWidows=0,
                          allowOrphans=0)
    return {
        "body": base,
        "note": ParagraphStyle("note", parent=base, fontName=FONT_ITALIC, fontSize=8.5,
                               leading=11.5, textColor=MUTED),
        "warning": ParagraphStyle("warning", parent=base, fontName=FONT_BOLD, textColor=WARNING_INK,
                                  backColor=WARNING_FILL, borderColor=WARNING_INK, borderWidth=0.6,
                                  borderPadding=(4, 5, 4, 5), spaceBefore=5, spaceAfter=9),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21,
                                spaceAfter=3),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11.5, leading=15,
                                   textColor=MUTED, spaceAfter=6),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=13, leading=17,
                             spaceBefore=12, spaceAfter=5, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11, leading=14.5,
                             spaceBefore=9, spaceAfter=4, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=13,
                             spaceBefore=7, spaceAfter=3, keepWithNext=1, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontName=FONT_BOLD, fontSize=8.5,
                                    leading=11, spaceAfter=0),
        "label": ParagraphStyle("label", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                                spaceAfter=0, textColor=MUTED),
        "value": ParagraphStyle("value", parent=base, fontSize=9, leading=12, spaceAfter=0),
        "footer_note": ParagraphStyle("footer_note", parent=base, fontName=FONT_ITALIC,
                                      fontSize=FURNITURE_SIZE, leading=9.5, textColor=MUTED,
                                      spaceAfter=0),
    }


def _check(cancel: Cancel) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


class _Mark(Flowable):
    """Zero-size marker: laid out when the blocks before it are on paper, for progress."""

    def __init__(self, done: int):
        super().__init__()
        self.done = done

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        pass


class _Outline(Flowable):
    """Zero-size bookmark for a heading, placed just before it (so keepWithNext still binds
    the heading to its content)."""

    def __init__(self, title: str, level: int):
        super().__init__()
        self.title, self.level = title, level

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        key = "h" + uuid.uuid4().hex
        self.canv.bookmarkPage(key, fit="XYZ", top=self.canv.absolutePosition(0, 0)[1] + 20)
        self.canv.addOutlineEntry(self.title, key, level=self.level, closed=True)


def _kv_table(kv: KeyValues, width: float, st) -> RLTable | Spacer:
    if not kv.pairs:
        return Spacer(0, 0)
    data = [[RLParagraph(_markup(k), st["label"]), RLParagraph(_markup(v), st["value"])]
            for k, v in kv.pairs]
    t = RLTable(data, colWidths=[width * 0.32, width * 0.68], splitByRow=1, splitInRow=1,
                hAlign="LEFT")
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the cell default is Helvetica, even for Paragraphs
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]))
    t.spaceAfter = 8
    return t


def _data_table(table: Table, width: float, st) -> RLTable:
    head = [RLParagraph(_markup(c), st["cell_head"]) for c in table.columns]
    body = [[RLParagraph(_markup(c), st["cell"]) for c in row] for row in table.rows]
    # repeatRows: the header row comes again at the top of every page the table runs onto;
    # splitInRow: a cell taller than a page may break inside itself instead of failing.
    t = RLTable([head] + body, colWidths=[width * w for w in table.relative_widths()],
                repeatRows=1, splitByRow=1, splitInRow=1, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the cell default is Helvetica, even for Paragraphs
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    t.spaceAfter = 8
    return t


def _story(doc: Document, width: float, st, cancel: Cancel) -> list[Flowable]:
    lab = doc.labels
    story: list[Flowable] = [RLParagraph(_markup(doc.title), st["title"])]
    if doc.subtitle:
        story.append(RLParagraph(_markup(doc.subtitle), st["subtitle"]))
    story.append(Spacer(0, 4))
    story.append(_kv_table(KeyValues((
        (lab.case_reference, doc.case_reference), (lab.document_id, doc.document_id),
        (lab.generated_at, doc.generated_at), (lab.generated_by, doc.generated_by),
        (lab.audit_head, doc.audit_head))), width, st))
    story.append(HRFlowable(width="100%", thickness=0.8, color=INK, spaceBefore=2, spaceAfter=6))

    done = 0

    def add(block, depth: int):
        nonlocal done
        _check(cancel)
        story.append(_Mark(done))
        done += 1
        if isinstance(block, Section):
            style = st["h1"] if depth == 0 else st["h2"] if depth == 1 else st["h3"]
            # Start a section on a new page rather than leave its heading alone at the foot.
            story.append(CondPageBreak(60))
            story.append(_Outline(_clean(block.heading).replace("\n", " "), min(depth, 2)))
            story.append(RLParagraph(_markup(block.heading), style))
            for child in block.blocks:
                add(child, depth + 1)
        elif isinstance(block, Paragraph):
            story.append(RLParagraph(_markup(block.text), st[block.style]))
        elif isinstance(block, KeyValues):
            story.append(_kv_table(block, width, st))
        elif isinstance(block, Table):
            story.append(_data_table(block, width, st))
        elif isinstance(block, Trend):
            story.append(trend_drawing(block, width, TREND_HEIGHT))
            story.append(Spacer(0, 4))
            story.append(RLParagraph(_markup(block.summary()), st["note"]))
            if block.points:
                story.append(_data_table(block.alternative(), width, st))

    for section in doc.sections:
        add(section, 0)
    story.append(_Mark(done))
    return story


def _canvas_class(doc: Document, note: RLParagraph | None, cancel: Cancel):
    lab = doc.labels
    left_head = _clean(f"{lab.case_reference}: {doc.case_reference}").replace("\n", " ")
    right_head = _clean(f"{lab.document_id}: {doc.document_id}").replace("\n", " ")
    left_foot = _clean(lab.generated.format(at=doc.generated_at, by=doc.generated_by)).replace("\n", " ")
    inner = PAGE_W - 2 * MARGIN_X

    class NumberedCanvas(Canvas):
        """Keeps every page until the end, so each can say "Page X of Y"."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            _check(cancel)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._furniture(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _furniture(self, number: int, total: int):
            self.saveState()
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            top = PAGE_H - 13 * mm
            right = _fit(right_head, FONT_BOLD, FURNITURE_SIZE, inner * 0.48)
            right_w = pdfmetrics.stringWidth(right, FONT_BOLD, FURNITURE_SIZE)
            self.setFont(FONT_BOLD, FURNITURE_SIZE)
            self.drawString(MARGIN_X, top,
                            _fit(left_head, FONT_BOLD, FURNITURE_SIZE, inner - right_w - 12))
            self.drawRightString(PAGE_W - MARGIN_X, top, right)
            self.line(MARGIN_X, top - 2.5 * mm, PAGE_W - MARGIN_X, top - 2.5 * mm)

            bottom = 11 * mm
            page = _clean(lab.page.format(page=number, pages=total))
            page_w = pdfmetrics.stringWidth(page, FONT_BOLD, FURNITURE_SIZE)
            self.line(MARGIN_X, bottom + 3.5 * mm, PAGE_W - MARGIN_X, bottom + 3.5 * mm)
            self.setFont(FONT, FURNITURE_SIZE)
            self.drawString(MARGIN_X, bottom,
                            _fit(left_foot, FONT, FURNITURE_SIZE, inner - page_w - 12))
            self.setFont(FONT_BOLD, FURNITURE_SIZE)
            self.drawRightString(PAGE_W - MARGIN_X, bottom, page)
            if note is not None:
                note.drawOn(self, MARGIN_X, bottom + 5 * mm)
            self.restoreState()

    return NumberedCanvas


def _footer_note(text: str, width: float, style) -> tuple[RLParagraph, float]:
    """The note under every page, cut with an ellipsis if it would take more than a few lines
    (the page would have no room left for content)."""
    def make(t):
        p = RLParagraph(_markup(t), style)
        return p, p.wrap(width, PAGE_H)[1]
    note, h = make(text)
    if h <= FOOTER_NOTE_MAX:
        return note, h
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if make(text[:mid].rstrip() + "…")[1] <= FOOTER_NOTE_MAX:
            lo = mid
        else:
            hi = mid - 1
    return make(text[:lo].rstrip() + "…")


class _Template(BaseDocTemplate):
    def __init__(self, buf, progress: Progress, cancel: Cancel, total: int, **kw):
        super().__init__(buf, **kw)
        self._progress, self._cancel, self._total = progress, cancel, total

    def afterFlowable(self, flowable):
        if isinstance(flowable, _Mark):
            _check(self._cancel)
            if self._progress is not None:
                self._progress(flowable.done, self._total)

    def handle_pageBegin(self):
        _check(self._cancel)
        super().handle_pageBegin()


def _layout(doc: Document, progress: Progress, cancel: Cancel, total: int) -> bytes:
    st = _styles()
    inner = PAGE_W - 2 * MARGIN_X
    note = None
    bottom_margin = MARGIN_BOTTOM
    if doc.footer_note:
        note, h = _footer_note(doc.footer_note, inner, st["footer_note"])
        bottom_margin += h + 2 * mm
    buf = io.BytesIO()
    template = _Template(buf, progress, cancel, total, pagesize=A4, leftMargin=MARGIN_X,
                         rightMargin=MARGIN_X, topMargin=MARGIN_TOP, bottomMargin=bottom_margin,
                         title=_clean(doc.title), author=_clean(doc.generated_by),
                         creator=CREATOR, lang=doc.language or None,
                         initialFontName=FONT, initialFontSize=9.5, initialLeading=13,
                         enforceColorSpace="rgb", pageCompression=1)
    frame = Frame(MARGIN_X, bottom_margin, inner, PAGE_H - MARGIN_TOP - bottom_margin, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = _story(doc, inner, st, cancel)
    template.build(story, canvasmaker=_canvas_class(doc, note, cancel))
    return buf.getvalue()


def _pdf_date(t: dt.datetime) -> str:
    return t.strftime("D:%Y%m%d%H%M%S+00'00'")


def _xmp_text(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def _xmp(title: str, author: str, document_id: str, language: str, when: dt.datetime) -> bytes:
    """PDF/A-1 wants the XMP to repeat the Info dictionary. Hand-written so that nothing but
    predefined PDF/A-1 schemas appear (no extension schema needed)."""
    iso = when.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    lang = (f"\n   <dc:language><rdf:Bag><rdf:li>{_xmp_text(language)}</rdf:li></rdf:Bag></dc:language>"
            if language else "")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>1</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xmp_text(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_xmp_text(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:identifier>{_xmp_text(document_id)}</dc:identifier>{lang}
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{_xmp_text(CREATOR)}</xmp:CreatorTool>
   <xmp:CreateDate>{iso}</xmp:CreateDate>
   <xmp:MetadataDate>{iso}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")


def _to_pdfa(raw: bytes, doc: Document) -> bytes:
    import pikepdf  # heavy; only renderers need it

    title = _clean(doc.title).replace("\n", " ")
    author = _clean(doc.generated_by).replace("\n", " ")
    document_id = _clean(doc.document_id).replace("\n", " ")
    when = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        icc = pdf.make_stream((resources_dir() / "icc" / ICC_PROFILE).read_bytes())
        icc.N = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier="sRGB IEC61966-2.1", Info="sRGB IEC61966-2.1",
            RegistryName="http://www.color.org", DestOutputProfile=icc)
        pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
        meta = pdf.make_stream(_xmp(title, author, document_id, doc.language, when))
        meta.Type = pikepdf.Name.Metadata
        meta.Subtype = pikepdf.Name.XML
        pdf.Root.Metadata = meta
        if doc.language:
            pdf.Root.Lang = pikepdf.String(doc.language)
        # Exactly what the XMP says; no /Producer, /ModDate or /Trapped (see module docstring).
        pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(
            Title=pikepdf.String(title), Author=pikepdf.String(author),
            Creator=pikepdf.String(CREATOR), CreationDate=pikepdf.String(_pdf_date(when))))
        out = io.BytesIO()
        # PDF/A-1 is PDF 1.4: no object streams or cross-reference streams.
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                 fix_metadata_version=False, compress_streams=True, linearize=False,
                 deterministic_id=False)
        return out.getvalue()


def render_pdf(doc: Document, progress: Progress = None, cancel: Cancel = None) -> bytes:
    """The document as PDF/A-1b bytes. progress(done, total) is called as blocks are laid out;
    cancel() is asked at every block and page and, if true, Cancelled is raised."""
    _register_fonts()
    total = count_blocks(doc) + 1
    _check(cancel)
    raw = _layout(doc, progress, cancel, total)
    _check(cancel)
    out = _to_pdfa(raw, doc)
    if progress is not None:
        progress(total, total)
    return out
