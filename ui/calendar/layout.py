"""Where everything of the calendar grid goes: the blocks of the bookings (a booking past midnight
has one a day, overlapping ones stand side by side in lanes), the columns (rooms, grouped by day in
the week view), the hour lines, the cursor's cell, the preview of a move and the current-time line.

Pure arithmetic in content coordinates, (0, 0) being the first column at midnight: no widget, no
painting, so it is tested directly. The grid (grid.py) scrolls over it and the painter
(painter.py) draws what it computes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QPointF, QRectF

from ui.common.dates import parse_utc

DAY_MINUTES = 24 * 60
WORK_START, WORK_END = 7 * 60, 19 * 60   # the hours that fill the view
SLOT = 30                                 # minutes per keyboard cell
SNAP = 15                                 # minutes a move goes by
DAY, WEEK = "day", "week"
# The column of the team meetings held remotely (no room): no room of the record has id 0.
REMOTE_ROOM = 0
NO_ROOM = -1          # a medical examination planned without a room


def hm(dt: datetime) -> str:
    return f"{dt.hour:02d}:{dt.minute:02d}"


@dataclass
class Block:
    """One booking drawn in one column of one day (a booking past midnight has two)."""
    booking: object           # interviews.Booking
    col: int                  # day index * rooms + room index
    day: int                  # index into the days shown
    start: int                # wall-clock minutes from the day's midnight, clipped to the day
    end: int
    local_start: datetime
    local_end: datetime
    start_text: str = ""
    end_text: str = ""
    lane: int = 0
    lanes: int = 1
    rect: QRectF = field(default_factory=QRectF)
    lines: list | None = None     # the text as last laid out, for lines_for
    lines_for: tuple = ()         # (width, height) the lines were laid out for


class GridLayout:
    """The days, rooms and bookings shown, and the geometry of each, for a column width and an
    hour height that fit() chooses."""

    def __init__(self) -> None:
        self.mode = DAY
        self.days: list[date] = []
        self.rooms: list[dict] = []
        self.tz = timezone.utc
        self.bookings: list = []
        self.blocks: list[Block] = []
        self.by_id: dict[int, list[Block]] = {}
        self.by_col: dict[int, list[Block]] = {}
        self.col_w = 100.0
        self.hour_h = 48.0
        # The compact week: every room keeps its column, but the columns are narrow lanes inside
        # their day (told apart by colour, named in the legend), so a week of many rooms fits.
        self.compact = False

    # --- contents ------------------------------------------------------------------------------
    def set_data(self, mode: str, days: list[date], rooms: list[dict], bookings: list, tz,
                 compact: bool = False) -> None:
        self.mode, self.days, self.rooms, self.tz = mode, list(days), list(rooms), tz
        self.compact = compact and mode == WEEK and len(self.rooms) > 1
        self.bookings = list(bookings)
        self._build_blocks()   # their rectangles come with fit()

    def clear(self) -> None:
        self.days, self.rooms, self.bookings = [], [], []
        self.blocks, self.by_id, self.by_col = [], {}, {}

    def _build_blocks(self) -> None:
        nr = len(self.rooms)
        room_index = {r["id"]: i for i, r in enumerate(self.rooms)}
        day_index = {d: i for i, d in enumerate(self.days)}
        blocks: list[Block] = []
        for b in self.bookings:
            ri = room_index.get(b.room_id)
            if ri is None:
                continue
            ls = parse_utc(b.starts_at_utc).astimezone(self.tz)
            le = parse_utc(b.ends_at_utc).astimezone(self.tz)
            st, et = hm(ls), hm(le)
            d = ls.date()
            while d <= le.date():
                di = day_index.get(d)
                start = ls.hour * 60 + ls.minute if d == ls.date() else 0
                end = le.hour * 60 + le.minute if d == le.date() else DAY_MINUTES
                if di is not None and (end > start or d == ls.date()):
                    # Clocks going back can give an end before the start on the wall clock.
                    end = max(end, min(DAY_MINUTES, start + SNAP))
                    blocks.append(Block(b, di * nr + ri, di, start, end, ls, le, st, et))
                d += timedelta(days=1)
        by_col: dict[int, list[Block]] = {}
        for blk in blocks:
            by_col.setdefault(blk.col, []).append(blk)
        for col_blocks in by_col.values():
            _assign_lanes(col_blocks)
        self.blocks = blocks
        self.by_col = by_col
        self.by_id = {}
        for blk in blocks:
            self.by_id.setdefault(blk.booking.id, []).append(blk)

    # --- columns -------------------------------------------------------------------------------
    def column_count(self) -> int:
        return len(self.days) * len(self.rooms)

    def day_at_col(self, col: int) -> date | None:
        nr = len(self.rooms)
        return self.days[col // nr] if nr and 0 <= col < self.column_count() else None

    def room_at_col(self, col: int) -> dict | None:
        nr = len(self.rooms)
        return self.rooms[col % nr] if nr and 0 <= col < self.column_count() else None

    def col_of(self, day: date, room_id: int) -> int:
        nr = len(self.rooms)
        ri = next(i for i, r in enumerate(self.rooms) if r["id"] == room_id)
        return self.days.index(day) * nr + ri

    def visible_columns(self, sx: float, width: float) -> tuple[int, int]:
        """(first, last) column seen from content x sx over a width."""
        n = self.column_count()
        return max(0, int(sx // self.col_w)), min(n - 1, int((sx + width) // self.col_w))

    def day_span(self, di: int) -> tuple[float, float]:
        """(left, right) of the group of columns of the di-th day shown."""
        nr = len(self.rooms)
        return di * nr * self.col_w, (di + 1) * nr * self.col_w

    # --- sizes ---------------------------------------------------------------------------------
    def ppm(self) -> float:
        """Pixels per minute."""
        return self.hour_h / 60

    def fit(self, avail_w: int, avail_h: int, min_col_w: float, min_hour_h: float) -> tuple[int, int]:
        """Columns as wide and hours as tall as fill the space, not below the least readable;
        returns the content's (width, height)."""
        n = max(1, self.column_count())
        self.col_w = max(float(min_col_w), avail_w / n)
        self.hour_h = max(float(min_hour_h), avail_h / ((WORK_END - WORK_START) / 60))
        self.layout_blocks()
        return int(round(self.col_w * n)), int(round(self.hour_h * 24))

    def layout_blocks(self) -> None:
        """The blocks' rectangles; their text is laid out when they are first painted."""
        ppm = self.ppm()
        cw = self.col_w
        for blk in self.blocks:
            w = (cw - 4) / blk.lanes
            blk.rect = QRectF(blk.col * cw + 2 + blk.lane * w, blk.start * ppm + 1, max(3.0, w - 1),
                              max((blk.end - blk.start) * ppm - 2, 6.0))

    # --- what is where -------------------------------------------------------------------------
    def block_at(self, c: QPointF) -> Block | None:
        col = int(c.x() // self.col_w) if self.col_w else -1
        for blk in reversed(self.by_col.get(col, [])):
            if blk.rect.adjusted(-1, -1, 1, 1).contains(c):
                return blk
        return None

    def cell_at(self, c: QPointF, step: int = SLOT) -> tuple[date, int, int] | None:
        """(day, room id, minutes rounded down to step) at a content point, or None."""
        if not self.column_count():
            return None
        col = int(c.x() // self.col_w)
        minutes = int(c.y() / self.ppm())
        if not (0 <= col < self.column_count() and 0 <= minutes < DAY_MINUTES):
            return None
        return self.day_at_col(col), self.room_at_col(col)["id"], minutes // step * step

    def covering(self, col: int, minutes: int) -> Block | None:
        """The block over the keyboard cell at (col, minutes), if any."""
        for blk in self.by_col.get(col, []):
            if blk.start < minutes + SLOT and blk.end > minutes:
                return blk
        return None

    def first_block(self, booking_id: int) -> Block:
        """The block of the day a booking starts on."""
        return next(b for b in self.by_id[booking_id] if b.start == b.local_start.hour * 60 + b.local_start.minute
                    and self.day_at_col(b.col) == b.local_start.date())

    def duration(self, booking_id: int) -> int:
        """A booking's length in minutes (at least one move step)."""
        blk = self.by_id[booking_id][0]
        return max(SNAP, int((blk.local_end - blk.local_start).total_seconds() // 60))

    # --- what the painter draws ----------------------------------------------------------------
    def cursor_rect(self, col: int, minutes: int) -> QRectF:
        ppm = self.ppm()
        return QRectF(col * self.col_w + 1, minutes * ppm + 1, self.col_w - 2, SLOT * ppm - 2)

    def ghost_rect(self, col: int, start: int, duration: int) -> QRectF:
        ppm = self.ppm()
        return QRectF(col * self.col_w + 2, start * ppm + 1, self.col_w - 5, max(duration * ppm - 2, 6.0))

    def hour_lines(self, x0: float, x1: float, y_lo: float, y_hi: float) -> tuple[list, list]:
        """The hour lines and the half-hour lines between y_lo and y_hi, as pairs of points."""
        ppm = self.ppm()
        hours, halves = [], []
        for hr in range(int(y_lo // (60 * ppm)), min(24, int(y_hi // (60 * ppm)) + 1) + 1):
            y = hr * 60 * ppm
            hours.append(QPointF(x0, y))
            hours.append(QPointF(x1, y))
            y2 = y + 30 * ppm
            halves.append(QPointF(x0, y2))
            halves.append(QPointF(x1, y2))
        return hours, halves

    def column_lines(self, first: int, last: int, y0: float, y1: float) -> tuple[list, list]:
        """The lines between rooms and the lines between days, from column first to last + 1."""
        nr = len(self.rooms)
        seps, day_seps = [], []
        for c in range(first, last + 2):
            x = c * self.col_w
            (day_seps if c % nr == 0 else seps).extend((QPointF(x, y0), QPointF(x, y1)))
        return seps, day_seps

    def now_line(self, now: datetime) -> tuple[QPointF, QPointF] | None:
        """The current-time line across the group of its day, or None when its day is not shown."""
        if now.date() not in self.days:
            return None
        x0, x1 = self.day_span(self.days.index(now.date()))
        y = (now.hour * 60 + now.minute) * self.ppm()
        return QPointF(x0, y), QPointF(x1, y)


def _assign_lanes(col_blocks: list[Block]) -> None:
    """Lanes for bookings that overlap in one room (an override allowed it): side by side."""
    col_blocks.sort(key=lambda x: (x.start, -x.end, x.booking.id))
    cluster: list[Block] = []
    lane_ends: list[int] = []
    cluster_end = -1
    for blk in col_blocks:
        if blk.start >= cluster_end and cluster:
            for c in cluster:
                c.lanes = len(lane_ends)
            cluster, lane_ends = [], []
        lane = next((i for i, e in enumerate(lane_ends) if e <= blk.start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(blk.end)
        else:
            lane_ends[lane] = blk.end
        blk.lane = lane
        cluster.append(blk)
        cluster_end = max(cluster_end, blk.end)
    for c in cluster:
        c.lanes = len(lane_ends)
