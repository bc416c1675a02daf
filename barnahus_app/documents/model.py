"""What a document says, not how it looks: every renderer (PDF, DOCX) makes its own layout
decisions from the same content, so the two formats cannot drift apart in substance.

All texts are arbitrary user text (no markup); line breaks inside a text are kept."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Union

PARAGRAPH_STYLES = ("body", "note", "warning")


def _tuple(value) -> tuple:
    # Callers build blocks from lists; frozen dataclasses should hold tuples so they stay hashable
    # and cannot be changed behind a renderer's back.
    return value if isinstance(value, tuple) else tuple(value)


def _text(value) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # "body" | "note" | "warning"

    def __post_init__(self):
        object.__setattr__(self, "text", _text(self.text))
        if self.style not in PARAGRAPH_STYLES:
            raise ValueError(f"paragraph style must be one of {PARAGRAPH_STYLES}, not {self.style!r}")


@dataclass(frozen=True)
class KeyValues:
    """Label/value rows, e.g. the facts of a case."""
    pairs: tuple[tuple[str, str], ...]

    def __post_init__(self):
        pairs = tuple((_text(k), _text(v)) for k, v in _tuple(self.pairs))
        object.__setattr__(self, "pairs", pairs)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None  # relative widths, one per column

    def __post_init__(self):
        columns = tuple(_text(c) for c in _tuple(self.columns))
        if not columns:
            raise ValueError("a table needs at least one column")
        rows = tuple(tuple(_text(c) for c in _tuple(r)) for r in _tuple(self.rows))
        for i, row in enumerate(rows):
            if len(row) != len(columns):
                raise ValueError(f"table row {i} has {len(row)} cells for {len(columns)} columns")
        widths = self.widths
        if widths is not None:
            widths = tuple(float(w) for w in _tuple(widths))
            if len(widths) != len(columns) or any(w <= 0 for w in widths):
                raise ValueError("table widths need one positive number per column")
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "widths", widths)

    def relative_widths(self) -> tuple[float, ...]:
        """Widths as fractions summing to 1 (equal columns unless widths were given)."""
        widths = self.widths or (1.0,) * len(self.columns)
        total = sum(widths)
        return tuple(w / total for w in widths)


@dataclass(frozen=True)
class TrendLabels:
    """The words of a trend (its drawing and its text alternative), translated by the caller.
    Templates use {value}, {name}, {count}, {first}, {last}, {latest} (a score, with its band
    in brackets when it has one)."""
    date: str = "Date"
    score: str = "Score"
    band: str = "Band"
    treatment: str = "Treatment"
    cutoff: str = "Cut-off {value}"
    ongoing: str = "{name} (ongoing)"
    empty: str = "No scores recorded yet."
    summary: str = "{count} scores from {first} to {last}; the latest is {latest}."
    summary_one: str = "One score, on {first}: {latest}."
    summary_cutoff: str = "The cut-off is {value}."
    at_or_above: str = "at or above the cut-off"


def score_text(value: float) -> str:
    """27.0 -> '27', 12.5 -> '12.5': a score as people write it."""
    return f"{value:g}"


def _iso_date(value, what: str) -> str:
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"{what} is not a date (YYYY-MM-DD): {value!r}") from None


@dataclass(frozen=True)
class Trend:
    """One instrument's scores over time, with its cut-off and the treatment episodes: the PDF
    draws it (documents/trend_chart.py) above its text alternative, the DOCX gives the text
    alternative (a table), the GUI shows both (ui/psychosocial/trend.py).

    points: (ISO date, score, band label), sorted by date here; episodes: (ISO start, ISO end or
    None while it goes on, name)."""
    instrument: str
    scale: str
    cutoff: float | None
    points: tuple[tuple[str, float, str], ...]
    episodes: tuple[tuple[str, str | None, str], ...] = ()
    labels: TrendLabels = TrendLabels()

    def __post_init__(self):
        points = []
        for i, p in enumerate(_tuple(self.points)):
            day, score, band = _tuple(p)
            points.append((_iso_date(day, f"trend point {i}"), float(score), _text(band)))
        episodes = []
        for i, e in enumerate(_tuple(self.episodes)):
            start, end, name = _tuple(e)
            start = _iso_date(start, f"episode {i} start")
            end = None if end in (None, "") else _iso_date(end, f"episode {i} end")
            if end is not None and end < start:
                raise ValueError(f"episode {i} ends ({end}) before it starts ({start})")
            episodes.append((start, end, _text(name)))
        object.__setattr__(self, "instrument", _text(self.instrument))
        object.__setattr__(self, "scale", _text(self.scale))
        object.__setattr__(self, "cutoff", None if self.cutoff is None else float(self.cutoff))
        object.__setattr__(self, "points", tuple(sorted(points, key=lambda p: p[0])))
        object.__setattr__(self, "episodes", tuple(sorted(episodes, key=lambda e: e[0])))

    @classmethod
    def from_core(cls, data: Mapping, labels: TrendLabels = TrendLabels(),
                  band_label: Callable[[str], str] | None = None,
                  scale_label: Callable[[str], str] | None = None) -> "Trend":
        """From what the core's session.trend() returns; band_label and scale_label turn a band's
        or a scale's code into its words in the reader's language (default: the code), e.g. from
        the instrument's definition (psychosocial/instruments.py: Band.text(lang))."""
        told = band_label or (lambda key: key)
        scale = data.get("scale") or ""
        return cls(instrument=data.get("name") or data.get("instrument") or "",
                   scale=scale_label(scale) if scale and scale_label else scale, cutoff=data.get("cutoff"),
                   points=tuple((d, s, told(b) if b else "") for d, s, b in data.get("points") or ()),
                   episodes=tuple(data.get("episodes") or ()), labels=labels)

    def episodes_on(self, day: str) -> list[str]:
        """The names of the episodes going on that day (an episode without an end goes on)."""
        return [name for start, end, name in self.episodes
                if start <= day and (end is None or day <= end)]

    def alternative(self) -> Table:
        """The text alternative of the drawing: one row a score, in date order."""
        lab = self.labels
        rows = []
        for day, score, band in self.points:
            above = self.cutoff is not None and score >= self.cutoff
            rows.append((day, score_text(score) + (f" ({lab.at_or_above})" if above else ""), band,
                         ", ".join(self.episodes_on(day))))
        return Table((lab.date, lab.score, lab.band, lab.treatment), tuple(rows), (1.1, 1.6, 1.6, 1.7))

    def summary(self) -> str:
        """One sentence a screen reader can say instead of the drawing."""
        lab = self.labels
        if not self.points:
            return lab.empty
        _, score, band = self.points[-1]
        latest = score_text(score) + (f" ({band})" if band else "")
        text = (lab.summary if len(self.points) > 1 else lab.summary_one).format(
            count=len(self.points), first=self.points[0][0], last=self.points[-1][0], latest=latest)
        if self.cutoff is not None:
            text += " " + lab.summary_cutoff.format(value=score_text(self.cutoff))
        return text


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple["Block", ...] = ()  # sections nest for subheadings

    def __post_init__(self):
        object.__setattr__(self, "heading", _text(self.heading))
        blocks = _tuple(self.blocks)
        for b in blocks:
            if not isinstance(b, (Paragraph, KeyValues, Table, Trend, Section)):
                raise TypeError(f"a section cannot hold {type(b).__name__}")
        object.__setattr__(self, "blocks", blocks)


Block = Union[Paragraph, KeyValues, Table, Trend, Section]


@dataclass(frozen=True)
class Labels:
    """The renderer's own words (title block, header, footer), translated by the caller.
    Templates use {page}/{pages} and {at}/{by}."""
    case_reference: str = "Case reference"
    document_id: str = "Document ID"
    generated_at: str = "Generated"
    generated_by: str = "Generated by"
    audit_head: str = "Audit chain head"
    page: str = "Page {page} of {pages}"
    generated: str = "Generated {at} by {by}"

    def page_parts(self) -> list[tuple[str, str]]:
        """The page template as ("text", s) / ("field", "page"|"pages") parts, for renderers
        that put live page numbers (DOCX fields) where the placeholders are."""
        parts, rest = [], self.page
        while rest:
            cut = min(((rest.find(t), t) for t in ("{page}", "{pages}") if t in rest), default=None)
            if cut is None:
                parts.append(("text", rest))
                break
            at, token = cut
            if at:
                parts.append(("text", rest[:at]))
            parts.append(("field", token[1:-1]))
            rest = rest[at + len(token):]
        return parts


@dataclass(frozen=True)
class Document:
    title: str
    case_reference: str
    document_id: str
    generated_at: str  # display text, already in the reader's time zone and format
    generated_by: str
    audit_head: str  # display text: the audit chain head this document quotes
    language: str  # BCP 47, e.g. "sv" or "en-GB"
    sections: tuple[Section, ...]
    subtitle: str = ""
    footer_note: str = ""
    labels: Labels = Labels()

    def __post_init__(self):
        for name in ("title", "case_reference", "document_id", "generated_at", "generated_by",
                     "audit_head", "language", "subtitle", "footer_note"):
            object.__setattr__(self, name, _text(getattr(self, name)))
        sections = _tuple(self.sections)
        for s in sections:
            if not isinstance(s, Section):
                raise TypeError(f"a document holds sections, not {type(s).__name__}")
        object.__setattr__(self, "sections", sections)


def walk(doc: Document) -> Iterator[tuple[int, Block]]:
    """Every block in reading order with its depth (top-level sections are depth 0)."""
    def _walk(block: Block, depth: int):
        yield depth, block
        if isinstance(block, Section):
            for child in block.blocks:
                yield from _walk(child, depth + 1)
    for section in doc.sections:
        yield from _walk(section, 0)


def count_blocks(doc: Document) -> int:
    """The number of blocks (sections included), the unit renderers report progress in."""
    return sum(1 for _ in walk(doc))
