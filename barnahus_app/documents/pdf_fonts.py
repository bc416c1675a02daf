"""What every PDF drawing of ours shares (documents/pdf.py's pages, documents/trend_chart.py's
drawings): the bundled DejaVu fonts, registered once under our own names, the text cleaned to
what they can draw (PDF/A embeds every glyph), a text cut to a width, and the text colours."""
from __future__ import annotations

import re
import threading

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from barnahus_app.paths import resources_dir

# Registered under our own names so nothing else in the process can swap the files behind them.
FONT = "BarnahusSans"
FONT_BOLD = "BarnahusSans-Bold"
FONT_ITALIC = "BarnahusSans-Oblique"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf",
               FONT_ITALIC: "DejaVuSans-Oblique.ttf"}
INK = colors.Color(0.10, 0.10, 0.12)
MUTED = colors.Color(0.33, 0.33, 0.36)

_font_lock = threading.Lock()
_supported: frozenset[int] | None = None


def register_fonts() -> frozenset[int]:
    """Register the bundled fonts once; return the code points all three faces can draw."""
    global _supported
    with _font_lock:
        if _supported is None:
            folder = resources_dir() / "fonts"
            faces = []
            for name, filename in _FONT_FILES.items():
                font = TTFont(name, str(folder / filename))
                pdfmetrics.registerFont(font)
                faces.append(set(font.face.charToGlyph))
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                          boldItalic=FONT_BOLD)
            # BMP only: reportlab writes a broken ToUnicode entry for code points above U+FFFF,
            # so copied or searched text would come out wrong.
            _supported = frozenset(c for c in set.intersection(*faces) if c <= 0xFFFF)
        return _supported


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff]")


def clean(text: str) -> str:
    """User text as plain characters the fonts can draw. A character outside DejaVu (or outside
    the BMP) would be drawn with a glyph the embedded subset lacks, which PDF/A forbids, so it
    becomes U+FFFD, visibly."""
    supported = register_fonts()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _CONTROL.sub("", text)
    return "".join(c if c == "\n" or ord(c) in supported else "\ufffd" for c in text)


def fit(text: str, font: str, size: float, width: float) -> str:
    """Cut a header/footer text to width with an ellipsis, so left and right never overlap."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)  # the longest prefix that fits with the ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"
