"""The calendar: forensic interviews in the centre's rooms, one day or one week at a time.

Rooms stand side by side as columns; in the week view each day is a group of room columns (the
columns keep a readable width and the grid scrolls sideways when a week does not fit). Hours are
rows: 07:00-19:00 fill the view, the rest of the day is a scroll away. Each booking is a block
with its time, case reference, interviewer and status; the status is told by a sign, the border
and the fill pattern as well as by colour (planned: outlined; held: filled, with a check mark;
not held: hatched with a dashed border and a cross).

The keyboard does everything the mouse does: arrow keys move a cursor over the (room, half hour)
cells and the bookings; Enter opens the case of a booking or plans an interview in a free cell;
Ctrl+arrow keys move the selected booking (15 minutes, one room) and Enter moves it there, Esc
cancels. With the mouse: double-click a free cell to plan, drag a booking to move it (15-minute
steps), with a preview of where it goes.

Nothing here decides what may be booked: every booking comes from the core (session.calendar),
every move goes through it (session.move_interview), and the core says which conflicts need a
written reason (ui/interviews/conflict_dialog.py). Times are shown on the centre's wall clock: a booking
across a daylight-saving change is drawn at its local time. The blocks carry case references,
never a child's name: a calendar is seen on shared screens.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetrics, QGuiApplication, QIcon, QKeySequence, QPainter, QPalette, QPen, QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea, QApplication, QButtonGroup, QCheckBox, QDateEdit, QDialog,
    QDialogButtonBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QToolTip, QVBoxLayout, QWidget,
)

from barnahus_app.api import BarnahusError
from barnahus_app.errors import ConflictsFound, ValidationError
from barnahus_app.timeutil import system_zone_name, zone_info

from ui.interviews.conflict_dialog import ask_override_reasons
from ui.common.feedback import InlineMessage, begin_page, core_message
from ui.common.field_widgets import error_color, is_dark
from ui.common.dates import date_format, parse_utc, pydate, qdate

DAY_MINUTES = 24 * 60
WORK_START, WORK_END = 7 * 60, 19 * 60   # the hours that fill the view
SLOT = 30                                 # minutes per keyboard cell
SNAP = 15                                 # minutes a move goes by
DAY, WEEK = "day", "week"


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def _hm(dt: datetime) -> str:
    return f"{dt.hour:02d}:{dt.minute:02d}"


def write_private_file(path, data: bytes) -> None:
    """Write data to a file only its owner may read (0600), even when the file existed before."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def nav_icon() -> QIcon:
    """The navigation's line icon for the calendar: a month sheet with a grid of days."""
    from ui.common.icons import _SvgIconEngine  # the same renderer as the other navigation icons
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="' + colour
           + '" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">'
           '<rect x="3.5" y="5" width="17" height="15.5" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/>'
           '<path d="M9.2 10v10.5M14.8 10v10.5M3.5 15.2h17"/></svg>')
    return QIcon(_SvgIconEngine(svg))


@dataclass
class _Block:
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


# --- the grid -------------------------------------------------------------------------------------
class CalendarGrid(QAbstractScrollArea):
    """The painted grid of rooms (columns) by time (rows). Knows nothing of the record: the
    panel gives it the days, rooms and bookings, and acts on its signals."""

    bookingActivated = Signal(int)            # Enter or a double click on a booking: its id
    slotActivated = Signal(object, int, int)  # Enter or a double click on a free cell: day, minutes, room id
    moveRequested = Signal(int, object, int, int)  # booking id, day, start minutes, room id
    cursorChanged = Signal()
    notice = Signal(str)                      # something calm to say in the panel's message line

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("calendarGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.viewport().setFocusProxy(self)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setAccessibleName(self.tr("Calendar"))
        self._tz = timezone.utc
        self._mode = DAY
        self._days: list[date] = []
        self._rooms: list[dict] = []
        self._bookings: list = []
        self._blocks: list[_Block] = []
        self._by_id: dict[int, list[_Block]] = {}
        self._by_col: dict[int, list[_Block]] = {}
        self._cur = (0, WORK_START)          # (column, minutes): the keyboard's cell
        self._sel: int | None = None         # the booking under the cursor
        self._ghost: tuple | None = None     # (booking id, column, start minutes): where it would go
        self._moving = False                 # the keyboard's move mode
        self._drag: dict | None = None
        self._can_move = False
        self._can_plan = False
        self._now: datetime | None = None    # a fixed "now" (tests, screenshots); None: the clock
        self._today: date | None = None
        self._scrolled = False
        self._col_w = 100.0
        self._hour_h = 48.0
        self._status = {"planned": self.tr("Planned"), "held": self.tr("Held"), "not_held": self.tr("Not held")}
        self._marks = {"held": "\u2713 ", "not_held": "\u2717 "}
        self._setup_fonts()
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self.viewport().update)
        self._clock.start()

    def _setup_fonts(self) -> None:
        fm = self.fontMetrics()
        self._em = fm.height()
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.5, self.font().pointSizeF() * 0.92))
        self._small_fm = QFontMetrics(self._small)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._line_h = self._small_fm.lineSpacing()
        self._widths: dict[str, int] = {}
        self._axis_w = fm.horizontalAdvance("00:00") + self._em
        self._dash = "\u2013"

    def changeEvent(self, event):  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._setup_fonts()
            self._relayout()

    # --- data ------------------------------------------------------------------------------------
    def set_permissions(self, can_plan: bool, can_move: bool) -> None:
        self._can_plan, self._can_move = can_plan, can_move

    def set_now(self, now: datetime | None) -> None:
        """Fix the time the current-time line shows (tests, screenshots); None: the clock."""
        self._now = now
        self.viewport().update()

    def now(self) -> datetime:
        return (self._now or datetime.now(timezone.utc)).astimezone(self._tz)

    def set_data(self, mode: str, days: list[date], rooms: list[dict], bookings: list, tz,
                 focus_day: date | None = None) -> None:
        """Show these days and rooms with these bookings (interviews.Booking). The cursor keeps its
        room and time; it moves to focus_day when that is given."""
        old_room = self.room_at_col(self._cur[0])
        old_day = self.day_at_col(self._cur[0])
        same_range = days == self._days and mode == self._mode
        self._mode, self._days, self._rooms, self._tz = mode, list(days), list(rooms), tz
        self._bookings = list(bookings)
        self._ghost, self._moving, self._drag = None, False, None
        self._build_blocks()
        nr = max(1, len(self._rooms))
        day = focus_day if focus_day in self._days else (old_day if old_day in self._days else None)
        di = self._days.index(day) if day is not None else 0
        ri = next((i for i, r in enumerate(self._rooms) if old_room is not None and r["id"] == old_room["id"]), 0)
        self._cur = (min(di * nr + ri, max(0, self.column_count() - 1)), self._cur[1])
        self._relayout()
        if not same_range:
            self._scroll_to_day(di)
        self._select_under_cursor()
        self.cursorChanged.emit()
        self.viewport().update()

    def clear(self) -> None:
        self._days, self._rooms, self._bookings = [], [], []
        self._blocks, self._by_id, self._by_col = [], {}, {}
        self._sel, self._ghost, self._moving, self._drag = None, None, False, None
        self._relayout()
        self.cursorChanged.emit()
        self.viewport().update()

    def _build_blocks(self) -> None:
        nr = len(self._rooms)
        room_index = {r["id"]: i for i, r in enumerate(self._rooms)}
        day_index = {d: i for i, d in enumerate(self._days)}
        blocks: list[_Block] = []
        for b in self._bookings:
            ri = room_index.get(b.room_id)
            if ri is None:
                continue
            ls = parse_utc(b.starts_at_utc).astimezone(self._tz)
            le = parse_utc(b.ends_at_utc).astimezone(self._tz)
            st, et = _hm(ls), _hm(le)
            d = ls.date()
            while d <= le.date():
                di = day_index.get(d)
                start = ls.hour * 60 + ls.minute if d == ls.date() else 0
                end = le.hour * 60 + le.minute if d == le.date() else DAY_MINUTES
                if di is not None and (end > start or d == ls.date()):
                    # Clocks going back can give an end before the start on the wall clock.
                    end = max(end, min(DAY_MINUTES, start + SNAP))
                    blocks.append(_Block(b, di * nr + ri, di, start, end, ls, le, st, et))
                d += timedelta(days=1)
        by_col: dict[int, list[_Block]] = {}
        for blk in blocks:
            by_col.setdefault(blk.col, []).append(blk)
        for col_blocks in by_col.values():
            col_blocks.sort(key=lambda x: (x.start, -x.end, x.booking.id))
            # Lanes for bookings that overlap in one room (an override allowed it): side by side.
            cluster: list[_Block] = []
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
        self._blocks = blocks
        self._by_col = by_col
        self._by_id = {}
        for blk in blocks:
            self._by_id.setdefault(blk.booking.id, []).append(blk)

    # --- geometry -------------------------------------------------------------------------------
    def column_count(self) -> int:
        return len(self._days) * len(self._rooms)

    def day_at_col(self, col: int) -> date | None:
        nr = len(self._rooms)
        return self._days[col // nr] if nr and 0 <= col < self.column_count() else None

    def room_at_col(self, col: int) -> dict | None:
        nr = len(self._rooms)
        return self._rooms[col % nr] if nr and 0 <= col < self.column_count() else None

    def col_of(self, day: date, room_id: int) -> int:
        nr = len(self._rooms)
        ri = next(i for i, r in enumerate(self._rooms) if r["id"] == room_id)
        return self._days.index(day) * nr + ri

    def header_height(self) -> int:
        rows = 2 if self._mode == WEEK else 1
        return rows * (self._em + self._em // 2) + 2

    def _min_col_w(self) -> int:
        # Wide enough for "09:00–10:00" and most of a case reference in the blocks' font.
        sample = self._small_fm.horizontalAdvance("\u2713 00:00" + self._dash + "00:00")
        return max(sample + self._em // 2 + 8, self._em * 5) if self._mode == WEEK else self._em * 7

    def _relayout(self) -> None:
        vp = self.viewport().size()
        avail_w = max(1, vp.width() - self._axis_w)
        avail_h = max(1, vp.height() - self.header_height())
        n = max(1, self.column_count())
        self._col_w = max(float(self._min_col_w()), avail_w / n)
        min_hour = 2 * self._line_h + 6
        old_hour = self._hour_h
        self._hour_h = max(float(min_hour), avail_h / ((WORK_END - WORK_START) / 60))
        content_w = int(round(self._col_w * n))
        content_h = int(round(self._hour_h * 24))
        hs, vs = self.horizontalScrollBar(), self.verticalScrollBar()
        top_minutes = vs.value() * 60 / old_hour if old_hour else WORK_START
        hs.setRange(0, max(0, content_w - avail_w))
        hs.setPageStep(avail_w)
        hs.setSingleStep(max(1, int(self._col_w)))
        vs.setRange(0, max(0, content_h - avail_h))
        vs.setPageStep(avail_h)
        vs.setSingleStep(max(1, int(self._hour_h / 4)))
        if not self._scrolled:
            vs.setValue(int(round(WORK_START * self._hour_h / 60)))
            self._scrolled = vs.maximum() > 0
        else:
            vs.setValue(int(round(top_minutes * self._hour_h / 60)))
        self._layout_blocks()

    def _layout_blocks(self) -> None:
        """The blocks' rectangles; their text is laid out when they are first painted."""
        ppm = self._hour_h / 60
        cw = self._col_w
        for blk in self._blocks:
            w = (cw - 4) / blk.lanes
            blk.rect = QRectF(blk.col * cw + 2 + blk.lane * w, blk.start * ppm + 1, max(3.0, w - 1),
                              max((blk.end - blk.start) * ppm - 2, 6.0))

    def _lines_of(self, blk: _Block) -> list[str]:
        size = (int(blk.rect.width()) - 10, int(blk.rect.height()) - 3)
        if blk.lines is None or blk.lines_for != size:
            blk.lines = self._block_lines(blk, size[0], size[1], self._small_fm)
            blk.lines_for = size
        return blk.lines

    def _width(self, text: str) -> int:
        w = self._widths.get(text)
        if w is None:
            w = self._widths[text] = self._small_fm.horizontalAdvance(text)
        return w

    def _block_lines(self, blk: _Block, width: int, height: int, fm: QFontMetrics) -> list[str]:
        """The block's text: time (with the status sign), case reference, interviewer, status;
        put together on one line where the column is wide enough, elided where it is not."""
        if width < 8:
            return []
        n = max(1, height // self._line_h)
        b = blk.booking
        mark = self._marks.get(b.status, "")
        start, end = blk.start_text, blk.end_text
        first = f"{mark}{start}{self._dash}{end}"
        if self._width(first) > width:
            first = f"{mark}{start}"
        right, left = Qt.TextElideMode.ElideRight, Qt.TextElideMode.ElideLeft
        ref, staff, status = (b.case_reference, left), (b.staff_name, right), (self.status_text(b.status), right)
        sep = self._width("  ")

        def pack(items):
            out = [items[0]]
            used = self._width(items[0][0])
            for text, mode in items[1:]:
                w = self._width(text)
                if used + sep + w <= width:
                    out[-1] = (out[-1][0] + "  " + text, out[-1][1])
                    used += sep + w
                else:
                    out.append((text, mode))
                    used = w
            return out

        # Everything, the status word on a line of its own; else without it (the sign, the border
        # and the fill still tell it); else the start and the interviewer on one line; else what fits.
        lines = pack([(first, right), ref, staff])
        if len(lines) < n:
            lines.append(status)
        if len(lines) > n and n >= 2:
            lines = [(f"{mark}{start}  {b.staff_name}", right), ref]
        if len(lines) > n:
            lines = pack([(first, right), ref])
        out = []
        for text, mode in lines[:n]:
            out.append(text if self._width(text) <= width else fm.elidedText(text, mode, width))
        return out

    def status_text(self, status: str) -> str:
        return self._status.get(status, status.replace("_", " "))

    def _ppm(self) -> float:
        return self._hour_h / 60

    def _origin(self) -> QPoint:
        """Where content (0, 0) is in viewport coordinates."""
        return QPoint(self._axis_w - self.horizontalScrollBar().value(),
                      self.header_height() - self.verticalScrollBar().value())

    def _to_content(self, pos) -> QPointF:
        o = self._origin()
        return QPointF(pos.x() - o.x(), pos.y() - o.y())

    def _in_body(self, pos) -> bool:
        return pos.x() >= self._axis_w and pos.y() >= self.header_height()

    def time_y(self, minutes: int) -> int:
        """The viewport y of a wall-clock time (minutes from midnight)."""
        return int(round(self._origin().y() + minutes * self._ppm()))

    def column_span(self, day: date, room_id: int) -> tuple[int, int]:
        """(left, right) viewport x of the column of this room on this day."""
        col = self.col_of(day, room_id)
        x0 = self._origin().x()
        return int(round(x0 + col * self._col_w)), int(round(x0 + (col + 1) * self._col_w))

    def booking_rects(self, booking_id: int) -> list[QRect]:
        o = self._origin()
        return [blk.rect.translated(o.x(), o.y()).toAlignedRect() for blk in self._by_id.get(booking_id, [])]

    def booking_rect(self, booking_id: int) -> QRect:
        """The viewport rectangle of a booking (its first day's block); empty if it is not shown."""
        rects = self.booking_rects(booking_id)
        return rects[0] if rects else QRect()

    def cell_rect(self, day: date, room_id: int, minutes: int, length: int = SLOT) -> QRect:
        x0, x1 = self.column_span(day, room_id)
        return QRect(QPoint(x0, self.time_y(minutes)), QPoint(x1 - 1, self.time_y(minutes + length) - 1))

    def _block_at(self, pos) -> _Block | None:
        if not self._in_body(pos):
            return None
        c = self._to_content(pos)
        col = int(c.x() // self._col_w) if self._col_w else -1
        for blk in reversed(self._by_col.get(col, [])):
            if blk.rect.adjusted(-1, -1, 1, 1).contains(c):
                return blk
        return None

    def booking_at(self, pos) -> int | None:
        blk = self._block_at(pos)
        return blk.booking.id if blk is not None else None

    def cell_at(self, pos, step: int = SLOT) -> tuple[date, int, int] | None:
        """(day, room id, minutes rounded down to step) under a viewport point, or None."""
        if not self._in_body(pos) or not self.column_count():
            return None
        c = self._to_content(pos)
        col = int(c.x() // self._col_w)
        minutes = int(c.y() / self._ppm())
        if not (0 <= col < self.column_count() and 0 <= minutes < DAY_MINUTES):
            return None
        return self.day_at_col(col), self.room_at_col(col)["id"], minutes // step * step

    # --- scrolling ----------------------------------------------------------------------------------
    def _scroll_to_day(self, di: int) -> None:
        nr = len(self._rooms)
        self.horizontalScrollBar().setValue(int(di * nr * self._col_w) if self._mode == WEEK else 0)

    def show_day(self, day: date) -> None:
        """Scroll the day's group into view and put the cursor there (same room and time)."""
        if day not in self._days or not self._rooms:
            return
        di = self._days.index(day)
        self._scroll_to_day(di)
        nr = len(self._rooms)
        self._move_cursor(di * nr + self._cur[0] % nr, self._cur[1])

    def _ensure_visible(self, col: int, start: int, end: int) -> None:
        hs, vs = self.horizontalScrollBar(), self.verticalScrollBar()
        avail_w = self.viewport().width() - self._axis_w
        avail_h = self.viewport().height() - self.header_height()
        x0, x1 = col * self._col_w, (col + 1) * self._col_w
        if x0 < hs.value():
            hs.setValue(int(x0))
        elif x1 > hs.value() + avail_w:
            hs.setValue(int(x1 - avail_w) + 1)
        y0, y1 = start * self._ppm(), min(end, start + 120) * self._ppm()
        if y0 < vs.value():
            vs.setValue(int(y0))
        elif y1 > vs.value() + avail_h:
            vs.setValue(int(y1 - avail_h) + 1)

    def ensure_booking_visible(self, booking_id: int) -> None:
        blocks = self._by_id.get(booking_id)
        if blocks:
            self._ensure_visible(blocks[0].col, blocks[0].start, blocks[0].end)

    def ensure_cell_visible(self, day: date, room_id: int, minutes: int) -> None:
        self._ensure_visible(self.col_of(day, room_id), minutes, minutes + SLOT)

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._relayout()

    # --- the cursor --------------------------------------------------------------------------------
    def cursor(self) -> tuple[date | None, int | None, int]:
        """(day, room id, minutes) of the keyboard's cell."""
        col, minutes = self._cur
        room = self.room_at_col(col)
        return self.day_at_col(col), (room["id"] if room else None), minutes

    def selected_booking(self):
        blocks = self._by_id.get(self._sel) if self._sel is not None else None
        return blocks[0].booking if blocks else None

    def selected_block(self) -> _Block | None:
        if self._sel is None:
            return None
        blocks = self._by_id.get(self._sel, [])
        return next((b for b in blocks if b.col == self._cur[0]), blocks[0] if blocks else None)

    def set_cursor(self, day: date, room_id: int, minutes: int) -> None:
        self._move_cursor(self.col_of(day, room_id), minutes)

    def select_booking(self, booking_id: int) -> bool:
        blocks = self._by_id.get(booking_id)
        if not blocks:
            return False
        blk = blocks[0]
        self._cur = (blk.col, blk.start // SLOT * SLOT)
        self._sel = booking_id
        self._ensure_visible(blk.col, blk.start, blk.end)
        self.cursorChanged.emit()
        self.viewport().update()
        return True

    def _covering(self, col: int, minutes: int) -> _Block | None:
        for blk in self._by_col.get(col, []):
            if blk.start < minutes + SLOT and blk.end > minutes:
                return blk
        return None

    def _select_under_cursor(self) -> None:
        blk = self._covering(*self._cur)
        self._sel = blk.booking.id if blk is not None else None

    def _move_cursor(self, col: int, minutes: int) -> None:
        n = self.column_count()
        if not n:
            return
        col = min(max(col, 0), n - 1)
        minutes = min(max(minutes, 0), DAY_MINUTES - SLOT) // SLOT * SLOT
        self._cur = (col, minutes)
        self._select_under_cursor()
        blk = self.selected_block()
        if blk is not None:
            self._ensure_visible(col, blk.start, blk.end)
        else:
            self._ensure_visible(col, minutes, minutes + SLOT)
        self.cursorChanged.emit()
        self.viewport().update()

    # --- moving ---------------------------------------------------------------------------------
    def is_moving(self) -> bool:
        return self._moving or (self._drag is not None and self._drag.get("started", False))

    def ghost(self) -> tuple | None:
        """(booking id, day, start minutes, room id) of the move being shown, or None."""
        if self._ghost is None:
            return None
        bid, col, start = self._ghost
        return bid, self.day_at_col(col), start, self.room_at_col(col)["id"]

    def _movable(self, blk: _Block | None, say: bool = True) -> bool:
        if blk is None or not self._can_move:
            return False
        if blk.booking.status != "planned":
            if say:
                self.notice.emit(self.tr("Only a planned interview can be moved; this one is {status}.").format(
                    status=self.status_text(blk.booking.status).lower()))
            return False
        if blk.local_start.date() not in self._days:
            if say:
                self.notice.emit(self.tr("This booking starts on a day that is not shown. Show that day to "
                                         "move it."))
            return False
        return True

    def _first_block(self, booking_id: int) -> _Block:
        return next(b for b in self._by_id[booking_id] if b.start == b.local_start.hour * 60 + b.local_start.minute
                    and self.day_at_col(b.col) == b.local_start.date())

    def start_move(self) -> bool:
        """Enter the keyboard's move mode for the selected booking."""
        blk = self.selected_block()
        if not self._movable(blk):
            if blk is None and self._can_move:
                self.notice.emit(self.tr("Select a booking first: move the cursor onto it with the arrow keys."))
            return False
        first = self._first_block(blk.booking.id)
        self._ghost = (blk.booking.id, first.col, first.start)
        self._moving = True
        self.cursorChanged.emit()
        self.viewport().update()
        return True

    def _duration(self, booking_id: int) -> int:
        blk = self._by_id[booking_id][0]
        return max(SNAP, int((blk.local_end - blk.local_start).total_seconds() // 60))

    def _shift_ghost(self, dcol: int, dmin: int) -> None:
        bid, col, start = self._ghost
        dur = min(self._duration(bid), DAY_MINUTES)
        col = min(max(col + dcol, 0), self.column_count() - 1)
        start = min(max(start + dmin, 0), DAY_MINUTES - min(dur, DAY_MINUTES))
        self._ghost = (bid, col, start)
        self._ensure_visible(col, start, start + dur)
        self.cursorChanged.emit()
        self.viewport().update()

    def cancel_move(self, say: bool = True) -> None:
        was = self._ghost is not None
        self._ghost, self._moving, self._drag = None, False, None
        self.cursorChanged.emit()
        self.viewport().update()
        if was and say:
            self.notice.emit(self.tr("Nothing was moved."))

    def _commit_ghost(self) -> None:
        bid, col, start = self._ghost
        first = self._first_block(bid)
        if (col, start) == (first.col, first.start):
            self.cancel_move()
            return
        self._moving = False
        self.moveRequested.emit(bid, self.day_at_col(col), start, self.room_at_col(col)["id"])

    def finish_move(self) -> None:
        """The panel is done with a move (made or not): the preview goes."""
        self._ghost, self._moving, self._drag = None, False, None
        self.cursorChanged.emit()
        self.viewport().update()

    # --- keyboard ---------------------------------------------------------------------------------
    def keyPressEvent(self, event):  # noqa: N802 (Qt name)
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if not self.column_count():
            super().keyPressEvent(event)
            return
        if key in arrows:
            dcol, drow = arrows[key]
            if self._ghost is not None and self._drag is None:
                self._shift_ghost(dcol, drow * SNAP)
            elif ctrl:
                if self.start_move():
                    self._shift_ghost(dcol, drow * SNAP)
            elif drow:
                self._step_vertical(drow)
            else:
                self._move_cursor(self._cur[0] + dcol, self._cur[1])
            event.accept()
            return
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and not ctrl and self._ghost is None:
            self._move_cursor(self._cur[0], self._cur[1] + (-120 if key == Qt.Key.Key_PageUp else 120))
            event.accept()
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self._ghost is None:
            self._move_cursor(self._cur[0], WORK_START if key == Qt.Key.Key_Home else WORK_END - SLOT)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self._ghost is not None:
            self.cancel_move()
            event.accept()
            return
        super().keyPressEvent(event)

    def _step_vertical(self, direction: int) -> None:
        col, minutes = self._cur
        blk = self.selected_block()
        if blk is not None:
            if direction < 0:
                target = blk.start // SLOT * SLOT - SLOT
            else:
                target = -(-blk.end // SLOT) * SLOT
            if not 0 <= target <= DAY_MINUTES - SLOT:
                return
        else:
            target = minutes + direction * SLOT
        self._move_cursor(col, target)

    def activate(self) -> None:
        """Enter: move the booking to the preview, open a booking's case, or plan in a free cell."""
        if self._ghost is not None:
            self._commit_ghost()
            return
        if self._sel is not None:
            self.bookingActivated.emit(self._sel)
            return
        day, room_id, minutes = self.cursor()
        if day is not None and self._can_plan:
            self.slotActivated.emit(day, minutes, room_id)

    # --- mouse ------------------------------------------------------------------------------------
    def mousePressEvent(self, event):  # noqa: N802 (Qt name)
        pos = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or not self._in_body(pos):
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if self._moving:
            self.cancel_move()
        blk = self._block_at(pos)
        cell = self.cell_at(pos)
        if blk is not None:
            self._cur = (blk.col, blk.start // SLOT * SLOT)
            self._sel = blk.booking.id
            if self._can_move and blk.booking.status == "planned":
                c = self._to_content(pos)
                self._drag = {"id": blk.booking.id, "press": pos, "started": False,
                              "offset": c.y() / self._ppm() - blk.start if blk.start else
                              c.y() / self._ppm() - (blk.local_start.hour * 60 + blk.local_start.minute)}
        elif cell is not None:
            day, room_id, minutes = cell
            self._cur = (self.col_of(day, room_id), minutes)
            self._sel = None
        self.cursorChanged.emit()
        self.viewport().update()
        event.accept()

    def mouseMoveEvent(self, event):  # noqa: N802 (Qt name)
        d = self._drag
        if d is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            super().mouseMoveEvent(event)
            return
        pos = event.position().toPoint()
        if not d["started"]:
            if (pos - d["press"]).manhattanLength() < QApplication.startDragDistance():
                return
            blk = self._by_id.get(d["id"], [None])[0]
            if not self._movable(blk):
                self._drag = None
                return
            d["started"] = True
        self._autoscroll(pos)
        c = self._to_content(pos)
        n = self.column_count()
        col = min(max(int(c.x() // self._col_w), 0), n - 1)
        dur = min(self._duration(d["id"]), DAY_MINUTES)
        start = round((c.y() / self._ppm() - d["offset"]) / SNAP) * SNAP
        start = int(min(max(start, 0), DAY_MINUTES - dur))
        self._ghost = (d["id"], col, start)
        self.cursorChanged.emit()
        self.viewport().update()
        event.accept()

    def _autoscroll(self, pos) -> None:
        vp = self.viewport().rect()
        edge = self._em
        hs, vs = self.horizontalScrollBar(), self.verticalScrollBar()
        if pos.y() < self.header_height() + edge:
            vs.setValue(vs.value() - vs.singleStep())
        elif pos.y() > vp.bottom() - edge:
            vs.setValue(vs.value() + vs.singleStep())
        if pos.x() < self._axis_w + edge:
            hs.setValue(hs.value() - hs.singleStep() // 2)
        elif pos.x() > vp.right() - edge:
            hs.setValue(hs.value() + hs.singleStep() // 2)

    def mouseReleaseEvent(self, event):  # noqa: N802 (Qt name)
        d = self._drag
        if event.button() == Qt.MouseButton.LeftButton and d is not None:
            self._drag = None
            if d["started"] and self._ghost is not None:
                self._commit_ghost()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event):  # noqa: N802 (Qt name)
        pos = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or not self._in_body(pos):
            super().mouseDoubleClickEvent(event)
            return
        self._drag = None
        blk = self._block_at(pos)
        if blk is not None:
            self.bookingActivated.emit(blk.booking.id)
        else:
            cell = self.cell_at(pos, SNAP)
            if cell is not None and self._can_plan:
                self.slotActivated.emit(*cell)
        event.accept()

    def viewportEvent(self, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ToolTip:
            blk = self._block_at(event.pos())
            if blk is not None:
                QToolTip.showText(event.globalPos(), self.describe(blk.booking), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def describe(self, b) -> str:
        ls = parse_utc(b.starts_at_utc).astimezone(self._tz)
        le = parse_utc(b.ends_at_utc).astimezone(self._tz)
        return self.tr("{start}{dash}{end}, {room}: case {reference}, {interviewer}, {status}").format(
            start=_hm(ls), dash=self._dash, end=_hm(le), room=b.room_name,
            reference=b.case_reference, interviewer=b.staff_name, status=self.status_text(b.status).lower())

    # --- painting ------------------------------------------------------------------------------------
    def _colours(self) -> dict:
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        hl = pal.color(QPalette.ColorRole.Highlight)
        dark = is_dark(pal)
        return {
            "base": base, "text": text, "hl": hl,
            "window": pal.color(QPalette.ColorRole.Window),
            "window_text": pal.color(QPalette.ColorRole.WindowText),
            "off": _mix(base, text, 0.045),
            "weekend": _mix(base, text, 0.025),
            "hour": _mix(base, text, 0.17),
            "half": _mix(base, text, 0.07),
            "room_sep": _mix(base, text, 0.13),
            "day_sep": _mix(base, text, 0.55),
            "planned_fill": _mix(base, hl, 0.30 if dark else 0.14),
            "planned_edge": _mix(hl, text, 0.25),
            "held_fill": _mix(base, text, 0.16),
            "held_edge": _mix(base, text, 0.6),
            "not_held_hatch": _mix(base, text, 0.16),
            "not_held_edge": _mix(base, text, 0.5),
            "cursor_fill": _mix(base, hl, 0.10),
            "ghost_fill": _mix(base, hl, 0.45 if dark else 0.28),
            "now": error_color(pal),
            "muted": _mix(base, text, 0.62),
        }

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        vp = self.viewport()
        p = QPainter(vp)
        col = self._colours()
        w, h = vp.width(), vp.height()
        hh, aw = self.header_height(), self._axis_w
        p.fillRect(vp.rect(), col["base"])
        n = self.column_count()
        if not n:
            p.setPen(col["muted"])
            p.drawText(vp.rect().adjusted(self._em, self._em, -self._em, -self._em),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.tr("No rooms to show. An administrator sets up the centre's rooms under "
                               "Administration.") if not self._rooms else "")
            p.end()
            return
        sx, sy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        body = QRect(aw, hh, w - aw, h - hh)
        visible = QRectF(sx, sy, body.width(), body.height())
        ppm = self._ppm()
        cw = self._col_w
        content_w = cw * n
        nr = len(self._rooms)
        first_col = max(0, int(sx // cw))
        last_col = min(n - 1, int((sx + body.width()) // cw))

        # --- body ---
        p.save()
        p.setClipRect(body)
        p.translate(aw - sx, hh - sy)
        off_top, off_bottom = WORK_START * ppm, WORK_END * ppm
        p.fillRect(QRectF(sx, sy, content_w, max(0.0, off_top - sy)), col["off"])
        p.fillRect(QRectF(sx, off_bottom, content_w, max(0.0, sy + body.height() - off_bottom)), col["off"])
        if self._mode == WEEK:
            for di, d in enumerate(self._days):
                if d.weekday() >= 5:
                    p.fillRect(QRectF(di * nr * cw, off_top, nr * cw, off_bottom - off_top), col["weekend"])
        y_lo, y_hi = sy, sy + body.height()
        hours, halves = [], []
        for hr in range(int(y_lo // (60 * ppm)), min(24, int(y_hi // (60 * ppm)) + 1) + 1):
            y = hr * 60 * ppm
            hours.append(QPointF(sx, y))
            hours.append(QPointF(sx + body.width(), y))
            y2 = y + 30 * ppm
            halves.append(QPointF(sx, y2))
            halves.append(QPointF(sx + body.width(), y2))
        p.setPen(QPen(col["half"], 1, Qt.PenStyle.DotLine))
        p.drawLines(halves)
        p.setPen(QPen(col["hour"], 1))
        p.drawLines(hours)
        seps, day_seps = [], []
        for c in range(first_col, last_col + 2):
            x = c * cw
            (day_seps if c % nr == 0 else seps).extend((QPointF(x, y_lo), QPointF(x, y_hi)))
        p.setPen(QPen(col["room_sep"], 1))
        p.drawLines(seps)
        p.setPen(QPen(col["day_sep"], 2 if self._mode == WEEK else 1))
        p.drawLines(day_seps)

        # the keyboard's cell
        cur_col, cur_min = self._cur
        focused = self.hasFocus()
        if self._sel is None and 0 <= cur_col < n:
            r = QRectF(cur_col * cw + 1, cur_min * ppm + 1, cw - 2, SLOT * ppm - 2)
            p.fillRect(r, col["cursor_fill"])
            p.setPen(QPen(col["hl"], 2 if focused else 1, Qt.PenStyle.SolidLine if focused else Qt.PenStyle.DashLine))
            p.drawRect(r.adjusted(1, 1, -1, -1))

        # bookings
        p.setFont(self._small)
        ascent = self._small_fm.ascent()
        edge_pens = {
            "planned": QPen(col["planned_edge"], 1),
            "held": QPen(col["held_edge"], 1),
            "not_held": QPen(col["not_held_edge"], 1, Qt.PenStyle.DashLine),
        }
        hatch = QBrush(col["not_held_hatch"], Qt.BrushStyle.BDiagPattern)
        text_pen = QPen(col["text"])
        for blk in self._blocks:
            r = blk.rect
            if not r.intersects(visible):
                continue
            status = blk.booking.status
            if status == "held":
                p.fillRect(r, col["held_fill"])
                p.fillRect(QRectF(r.x(), r.y(), 4, r.height()), col["held_edge"])
            elif status == "not_held":
                p.fillRect(r, col["base"])
                p.fillRect(r, hatch)
            else:
                p.fillRect(r, col["planned_fill"])
                p.fillRect(QRectF(r.x(), r.y(), 4, r.height()), col["planned_edge"])
            p.setPen(edge_pens.get(status, edge_pens["planned"]))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
            lines = self._lines_of(blk)
            if lines:
                p.setPen(text_pen)
                x = r.x() + 7
                y = r.y() + 2 + ascent
                for line in lines:
                    p.drawText(QPointF(x, y), line)
                    y += self._line_h
        if self._sel is not None:
            for blk in self._by_id.get(self._sel, []):
                p.setPen(QPen(col["hl"], 3 if focused else 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(blk.rect.adjusted(-1, -1, 1, 1))

        # the preview of a move
        if self._ghost is not None and self._ghost[0] in self._by_id:
            bid, gcol, gstart = self._ghost
            dur = self._duration(bid)
            r = QRectF(gcol * cw + 2, gstart * ppm + 1, cw - 5, max(dur * ppm - 2, 6.0))
            p.fillRect(r, col["ghost_fill"])  # opaque: the text of a booking under it must not show through
            p.setPen(QPen(col["hl"], 2, Qt.PenStyle.DashLine))
            p.drawRect(r.adjusted(1, 1, -1, -1))
            start_t = (datetime.combine(date.min, time()) + timedelta(minutes=gstart)).strftime("%H:%M")
            end_t = (datetime.combine(date.min, time()) + timedelta(minutes=gstart + dur)).strftime("%H:%M")
            p.setPen(text_pen)
            lines = [self.tr("Move to {start}{dash}{end}").format(start=start_t, dash=self._dash, end=end_t),
                     self.room_at_col(gcol)["name"]]
            y = r.y() + 3 + ascent
            for line in lines[:max(1, int(r.height() - 4) // self._line_h)]:
                p.drawText(QPointF(r.x() + 6, y), self._small_fm.elidedText(
                    line, Qt.TextElideMode.ElideRight, int(r.width()) - 10))
                y += self._line_h

        # the current time
        now = self.now()
        now_y = None
        if now.date() in self._days:
            di = self._days.index(now.date())
            now_y = (now.hour * 60 + now.minute) * ppm
            p.setPen(QPen(col["now"], 2))
            p.drawLine(QPointF(di * nr * cw, now_y), QPointF((di + 1) * nr * cw, now_y))
        p.restore()

        # --- header (stays on top) ---
        p.save()
        p.setClipRect(QRect(aw, 0, w - aw, hh))
        p.fillRect(QRect(aw, 0, w - aw, hh), col["window"])
        p.translate(aw - sx, 0)
        row_h = self._em + self._em // 2
        today = self.now().date()
        p.setPen(col["window_text"])
        if self._mode == WEEK:
            loc_fmt = self.tr("ddd d MMM")
            loc = QLocale()
            for di, d in enumerate(self._days):
                x0, x1 = di * nr * cw, (di + 1) * nr * cw
                if x1 < sx or x0 > sx + body.width():
                    continue
                label = loc.toString(qdate(d), loc_fmt)
                if d == today:
                    label = self.tr("{day} (today)").format(day=label)
                # keep the day's name in sight while its group is scrolled partly away
                tx0 = max(x0, sx) + self._em // 2
                tx1 = min(x1, sx + body.width()) - self._em // 2
                p.setFont(self._bold if d == today else self.font())
                p.drawText(QRectF(tx0, 0, max(0.0, tx1 - tx0), row_h), Qt.AlignmentFlag.AlignVCenter
                           | Qt.AlignmentFlag.AlignLeft, self.fontMetrics().elidedText(
                               label, Qt.TextElideMode.ElideRight, int(max(0, tx1 - tx0))))
            room_top = row_h
        else:
            room_top = 0
        p.setFont(self.font())
        fm = self.fontMetrics()
        for c in range(first_col, last_col + 1):
            name = self._rooms[c % nr]["name"]
            if not self._rooms[c % nr].get("active", True):
                name = self.tr("{room} (retired)").format(room=name)
            r = QRectF(c * cw + 4, room_top, cw - 8, row_h)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, fm.elidedText(name, Qt.TextElideMode.ElideMiddle, int(cw) - 8))
        p.setPen(QPen(col["room_sep"], 1))
        lines = []
        for c in range(first_col, last_col + 2):
            if c % nr:
                lines.extend((QPointF(c * cw, room_top + 3), QPointF(c * cw, hh)))
        p.drawLines(lines)
        p.setPen(QPen(col["day_sep"], 2 if self._mode == WEEK else 1))
        p.drawLines([pt for c in range(first_col, last_col + 2) if c % nr == 0
                     for pt in (QPointF(c * cw, 0), QPointF(c * cw, hh))])
        p.restore()
        p.setPen(QPen(col["day_sep"], 1))
        p.drawLine(0, hh - 1, w, hh - 1)

        # --- time axis (stays on the left) ---
        p.save()
        p.setClipRect(QRect(0, hh, aw, h - hh))
        p.fillRect(QRect(0, hh, aw, h - hh), col["window"])
        p.translate(0, hh - sy)
        p.setPen(col["window_text"])
        for hr in range(0, 24):
            y = hr * 60 * ppm
            if y < sy - self._em * 2 or y > sy + body.height():
                continue
            p.drawText(QRectF(0, y + 1, aw - self._em / 3, self._em),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"{hr:02d}:00")
        if now_y is not None:
            tag = QRectF(0, now_y - self._em / 2, aw - 2, self._em)
            p.fillRect(tag, col["now"])
            p.setPen(col["base"])
            p.drawText(tag.adjusted(0, 0, -self._em / 3 + 2, 0), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, now.strftime("%H:%M"))
        p.restore()
        p.setPen(QPen(col["day_sep"], 1))
        p.drawLine(aw - 1, hh, aw - 1, h)
        p.fillRect(QRect(0, 0, aw - 1, hh - 1), col["window"])
        p.end()

    def focusInEvent(self, event):  # noqa: N802 (Qt name)
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event):  # noqa: N802 (Qt name)
        super().focusOutEvent(event)
        if self._moving and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                                               Qt.FocusReason.MouseFocusReason):
            self.cancel_move()  # the keyboard went elsewhere before Enter: nothing is moved
        self.viewport().update()

    def sizeHint(self) -> QSize:  # noqa: D102 (Qt)
        return QSize(self._em * 40, self._em * 30)


# --- the legend -----------------------------------------------------------------------------------
class _Legend(QWidget):
    """The three looks of a booking, drawn as the grid draws them, with their names."""

    def __init__(self, grid: CalendarGrid, parent=None):
        super().__init__(parent)
        self._grid = grid
        self._items = [("planned", grid.status_text("planned")), ("held", "\u2713 " + grid.status_text("held")),
                       ("not_held", "\u2717 " + grid.status_text("not_held"))]
        self.setAccessibleName(self.tr("Legend: planned bookings are outlined; held ones are filled grey with "
                                       "a check mark; not held ones are hatched with a dashed border and a "
                                       "cross."))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: D102 (Qt)
        fm = self.fontMetrics()
        em = fm.height()
        return QSize(sum(fm.horizontalAdvance(t) + em * 3 for _k, t in self._items), em + 6)

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        p = QPainter(self)
        col = self._grid._colours()
        fm = self.fontMetrics()
        em = fm.height()
        x = 0
        for kind, text in self._items:
            r = QRectF(x + 0.5, 3.5, em * 1.4, em - 1)
            if kind == "held":
                p.fillRect(r, col["held_fill"])
                p.fillRect(QRectF(r.x(), r.y(), 3, r.height()), col["held_edge"])
                p.setPen(QPen(col["held_edge"], 1))
            elif kind == "not_held":
                p.fillRect(r, col["base"])
                p.fillRect(r, QBrush(col["not_held_hatch"], Qt.BrushStyle.BDiagPattern))
                p.setPen(QPen(col["not_held_edge"], 1, Qt.PenStyle.DashLine))
            else:
                p.fillRect(r, col["planned_fill"])
                p.fillRect(QRectF(r.x(), r.y(), 3, r.height()), col["planned_edge"])
                p.setPen(QPen(col["planned_edge"], 1))
            p.drawRect(r)
            p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            p.drawText(QRectF(r.right() + em / 3, 0, fm.horizontalAdvance(text) + 4, em + 6),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            x += int(em * 1.4 + em / 3 + fm.horizontalAdvance(text) + em * 1.2)
        p.end()


# --- the export dialog ----------------------------------------------------------------------------
class ExportDialog(QDialog):
    def __init__(self, range_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the calendar"))
        lay = QVBoxLayout(self)
        what = QLabel(self.tr("The bookings of {range}, as an iCalendar (.ics) file for staff "
                              "calendars.").format(range=range_text), self)
        what.setWordWrap(True)
        lay.addWidget(what)
        self.only_mine = QCheckBox(self.tr("&Only my bookings (the interviews I lead or take part in)"), self)
        lay.addWidget(self.only_mine)
        note = QLabel(self.tr("The file holds case references and rooms only, marked confidential; no "
                              "names. It is not encrypted: only you can read it on this computer. Do "
                              "not keep it longer than you need it."), self)
        note.setWordWrap(True)
        lay.addWidget(note)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("&Save as…"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 26)


# --- the panel ------------------------------------------------------------------------------------
class CalendarPanel(QWidget):
    """The calendar page of the main window: a toolbar, the grid, and what is selected."""

    open_case = Signal(int)
    loaded = Signal()

    def __init__(self, session, parent=None, *, time_zone: str | None = None, mode: str = DAY,
                 day: date | None = None, load: bool = False):
        """time_zone: the centre's zone (default: this computer's); mode: DAY or WEEK; day: the day
        shown (default today). load=False: the bookings are read when the panel is first shown
        (and again each time it is shown), or by reload()."""
        super().__init__(parent)
        self.setObjectName("calendarPanel")
        self.session = session
        self._zone_name = time_zone or system_zone_name()
        self._tz = zone_info(self._zone_name)
        if mode not in (DAY, WEEK):
            raise ValueError(mode)
        self._mode = mode
        self._date = day or datetime.now(self._tz).date()
        self._loaded_once = False
        self._bookings: list = []
        self._rooms: list[dict] = []
        s = session
        self._can_plan = s is not None and s.can("interview", "create")
        self._can_move = s is not None and s.can("interview", "update")
        self._can_export = s is not None and s.can("interview", "export")
        self._build()
        if load:
            self.reload()

    # --- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer, top, self.title = begin_page(self, self.tr("Calendar"))
        top.addSpacing(em)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("calendarRange")
        self.range_label.setTextFormat(Qt.TextFormat.PlainText)
        self.range_label.setAccessibleName(self.tr("Days shown"))
        top.addWidget(self.range_label, 1)
        self.plan_button = QPushButton(self.tr("&Plan interview…"), self)
        self.plan_button.setToolTip(self.tr("Plan an interview; in the selected free cell when there is one"))
        self.plan_button.clicked.connect(self.plan_selected)
        self.plan_button.setVisible(self._can_plan)
        self.export_button = QPushButton(self.tr("E&xport .ics…"), self)
        self.export_button.setToolTip(self.tr("Save the bookings shown as an iCalendar file for staff calendars"))
        self.export_button.clicked.connect(self.export_clicked)
        self.export_button.setVisible(self._can_export)
        top.addWidget(self.plan_button)
        top.addWidget(self.export_button)
        outer.addLayout(top)

        bar = QHBoxLayout()
        self.day_button = QPushButton(self.tr("Da&y"), self)
        self.week_button = QPushButton(self.tr("&Week"), self)
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        for b, tip in ((self.day_button, self.tr("Show one day, the rooms side by side")),
                       (self.week_button, self.tr("Show the week, each day with its rooms side by side"))):
            b.setCheckable(True)
            b.setToolTip(tip)
            self.view_group.addButton(b)
            bar.addWidget(b)
        (self.day_button if self._mode == DAY else self.week_button).setChecked(True)
        self.day_button.toggled.connect(lambda on: on and self.set_mode(DAY))
        self.week_button.toggled.connect(lambda on: on and self.set_mode(WEEK))
        bar.addSpacing(em)
        self.prev_button = QPushButton(self.tr("Pre&vious"), self)
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.prev_button.setToolTip(self.tr("The day or week before"))
        self.today_button.setToolTip(self.tr("Back to today"))
        self.next_button.setToolTip(self.tr("The day or week after"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.today_button.clicked.connect(lambda: self.set_date(datetime.now(self._tz).date()))
        self.next_button.clicked.connect(lambda: self.step(1))
        for b in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(b)
        bar.addSpacing(em)
        date_label = QLabel(self.tr("&Date:"), self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("calendarDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setDate(qdate(self._date))
        self.date_edit.setMinimumWidth(em * 9)
        self.date_edit.setAccessibleName(self.tr("Date shown"))
        date_label.setBuddy(self.date_edit)
        self._date_timer = QTimer(self)
        self._date_timer.setSingleShot(True)
        self._date_timer.setInterval(300)
        self._date_timer.timeout.connect(lambda: self.set_date(pydate(self.date_edit.date())))
        self.date_edit.dateChanged.connect(lambda _d: self._date_timer.start())
        bar.addWidget(date_label)
        bar.addWidget(self.date_edit)
        bar.addStretch(1)
        self.zone_label = QLabel(self.tr("Times in {zone}").format(zone=self._zone_name), self)
        self.zone_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.zone_label)
        outer.addLayout(bar)

        self.message = InlineMessage(self)
        outer.addWidget(self.message)

        self.grid = CalendarGrid(self)
        self.grid.set_permissions(self._can_plan, self._can_move)
        self.grid.bookingActivated.connect(self._booking_activated)
        self.grid.slotActivated.connect(self.plan_at)
        self.grid.moveRequested.connect(self._move_requested)
        self.grid.cursorChanged.connect(self._update_selection)
        self.grid.notice.connect(self.message.show_info)
        outer.addWidget(self.grid, 1)

        bottom = QHBoxLayout()
        self.selected_label = QLabel(self)
        self.selected_label.setObjectName("calendarSelected")
        self.selected_label.setWordWrap(True)
        self.selected_label.setTextFormat(Qt.TextFormat.PlainText)
        self.selected_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bottom.addWidget(self.selected_label, 1)
        self.legend = _Legend(self.grid, self)
        bottom.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(bottom)
        actions = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open case"), self)
        self.open_button.setToolTip(self.tr("Open the case of the selected booking (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.move_button = QPushButton(self.tr("&Move"), self)
        self.move_button.setToolTip(self.tr("Move the selected booking with Ctrl and the arrow keys; Enter "
                                            "moves it there, Esc cancels. Or drag it with the mouse."))
        self.move_button.clicked.connect(self.move_selected)
        self.move_button.setVisible(self._can_move)
        for b in (self.open_button, self.move_button):
            b.setAutoDefault(False)
            actions.addWidget(b)
        actions.addStretch(1)
        outer.addLayout(actions)
        for b in (self.plan_button, self.export_button, self.day_button, self.week_button, self.prev_button,
                  self.today_button, self.next_button):
            b.setAutoDefault(False)

        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.reload)
        chain = [self.plan_button, self.export_button, self.day_button, self.week_button, self.prev_button,
                 self.today_button, self.next_button, self.date_edit, self.grid, self.open_button,
                 self.move_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.grid)
        self._update_range_label()
        self._update_selection()

    # --- what is shown -------------------------------------------------------------------------------
    def mode(self) -> str:
        return self._mode

    def shown_date(self) -> date:
        return self._date

    def days(self) -> list[date]:
        if self._mode == WEEK:
            monday = self._date - timedelta(days=self._date.weekday())
            return [monday + timedelta(days=i) for i in range(7)]
        return [self._date]

    def shown_range(self) -> tuple[date, date]:
        d = self.days()
        return d[0], d[-1]

    def bookings(self) -> list:
        return list(self._bookings)

    def rooms(self) -> list[dict]:
        return list(self._rooms)

    def time_zone(self) -> str:
        return self._zone_name

    def set_mode(self, mode: str) -> None:
        if mode not in (DAY, WEEK):
            raise ValueError(mode)
        btn = self.day_button if mode == DAY else self.week_button
        if not btn.isChecked():
            btn.blockSignals(True)
            btn.setChecked(True)
            btn.blockSignals(False)
        if mode != self._mode:
            self._mode = mode
            self.reload()

    def set_date(self, d: date) -> None:
        self._date_timer.stop()
        if self.date_edit.date() != qdate(d):
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(qdate(d))
            self.date_edit.blockSignals(False)
        if d != self._date or not self._loaded_once:
            self._date = d
            self.reload()
            self.grid.show_day(d)

    def step(self, direction: int) -> None:
        self.set_date(self._date + timedelta(days=direction * (7 if self._mode == WEEK else 1)))

    def _update_range_label(self) -> None:
        loc = QLocale()
        days = self.days()
        if self._mode == WEEK:
            text = self.tr("{first} to {last}, week {week}").format(
                first=loc.toString(qdate(days[0]), QLocale.FormatType.LongFormat),
                last=loc.toString(qdate(days[-1]), QLocale.FormatType.LongFormat),
                week=days[0].isocalendar()[1])
        else:
            text = loc.toString(qdate(days[0]), QLocale.FormatType.LongFormat)
        self.range_label.setText(text)

    def reload(self) -> None:
        """Read the rooms and the bookings of the days shown from the core."""
        self._update_range_label()
        if self.session is None:
            return
        days = self.days()
        keep = self.grid.selected_booking()
        cursor = self.grid.cursor()
        try:
            rooms = self.session.list_rooms(include_retired=True)
            bookings = self.session.calendar(days[0], days[-1], self._zone_name)
        except BarnahusError as e:
            self.message.show_error(self.tr("The calendar could not be read: {reason}").format(
                reason=core_message(e)))
            return
        used = {b.room_id for b in bookings}
        self._rooms = [r for r in rooms if r.get("active", True) or r["id"] in used]
        self._bookings = bookings
        self._loaded_once = True
        focus_day = self._date if cursor[0] not in days else cursor[0]
        self.grid.set_data(self._mode, days, self._rooms, bookings, self._tz, focus_day=focus_day)
        if keep is not None and not self.grid.select_booking(keep.id) and cursor[0] in days and cursor[1] is not None:
            if any(r["id"] == cursor[1] for r in self._rooms):
                self.grid.set_cursor(*cursor)
        if not self._rooms:
            self.message.show_info(self.tr("There are no rooms yet. An administrator sets up the centre's "
                                           "rooms under Administration."))
        self._update_selection()
        self.loaded.emit()

    def clear(self) -> None:
        """Drop every booking shown (the application is locking)."""
        for dlg in self.findChildren(QDialog):
            dlg.reject()
        self._date_timer.stop()
        self.session = None  # the session is closing; a new panel is built after the next unlock
        self._bookings, self._rooms = [], []
        self._loaded_once = False
        self.grid.clear()
        self.message.clear()
        self.selected_label.clear()

    def showEvent(self, event):  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self.session is not None and not self.grid.is_moving():
            self.reload()  # bookings change elsewhere (a case's interviews): always the record's own

    # --- selection -------------------------------------------------------------------------------------
    def _slot_text(self, day: date, minutes: int) -> str:
        start = (datetime.combine(day, time()) + timedelta(minutes=minutes)).strftime("%H:%M")
        return self.tr("{day}, {time}").format(
            day=QLocale().toString(qdate(day), self.tr("dddd d MMMM")), time=start)

    def _update_selection(self) -> None:
        g = self.grid
        b = g.selected_booking()
        ghost = g.ghost()
        if ghost is not None:
            bid, day, start, room_id = ghost
            room = next((r["name"] for r in self._rooms if r["id"] == room_id), "")
            text = self.tr("Moving case {reference} to {when}, {room}. Enter or releasing the mouse moves it "
                           "there; Esc cancels.").format(
                reference=b.case_reference if b is not None and b.id == bid else "",
                when=self._slot_text(day, start), room=room)
        elif b is not None:
            text = self.tr("Selected: {what}.").format(what=g.describe(b))
            hints = [self.tr("Enter opens the case.")]
            if self._can_move and b.status == "planned":
                hints.append(self.tr("Ctrl+arrow keys move it."))
            text += " " + " ".join(hints)
        else:
            day, room_id, minutes = g.cursor()
            if day is None or room_id is None:
                text = ""
            else:
                room = next((r["name"] for r in self._rooms if r["id"] == room_id), "")
                text = self.tr("{when}, {room}: free.").format(when=self._slot_text(day, minutes), room=room)
                if self._can_plan:
                    text += " " + self.tr("Enter plans an interview here.")
        self.selected_label.setText(text)
        g.setAccessibleDescription(text)
        self.open_button.setEnabled(b is not None and ghost is None)
        self.move_button.setEnabled(b is not None and ghost is None and b.status == "planned")

    # --- actions ---------------------------------------------------------------------------------------
    def _booking_activated(self, booking_id: int) -> None:
        b = next((x for x in self._bookings if x.id == booking_id), None)
        if b is not None:
            self.open_case.emit(int(b.case_id))

    def open_selected(self) -> None:
        b = self.grid.selected_booking()
        if b is not None:
            self.open_case.emit(int(b.case_id))

    def move_selected(self) -> None:
        self.message.clear()
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.grid.start_move():
            self.message.show_info(self.tr("Move the booking with the arrow keys (15 minutes, one room at a "
                                           "time); Enter moves it there, Esc cancels."))

    def slot_datetime(self, day: date, minutes: int) -> datetime | None:
        """The aware local time of a cell; None when the clocks skip it (they go forward)."""
        naive = datetime.combine(day, time()) + timedelta(minutes=minutes)
        aware = naive.replace(tzinfo=self._tz, fold=0)
        if aware.astimezone(timezone.utc).astimezone(self._tz).replace(tzinfo=None) != naive:
            return None
        return aware

    def plan_selected(self) -> None:
        day, room_id, minutes = self.grid.cursor()
        if self.grid.selected_booking() is not None or day is None:
            self.plan_at(None, 0, None)
        else:
            self.plan_at(day, minutes, room_id)

    def plan_at(self, day: date | None, minutes: int, room_id: int | None) -> None:
        """Open the planning dialog, at this cell when one is given."""
        if not self._can_plan or self.session is None:
            return
        self.message.clear()
        starts_at = None
        if day is not None:
            starts_at = self.slot_datetime(day, minutes)
            if starts_at is None:
                self.message.show_info(self.tr("That time does not exist on that day: the clocks go forward. "
                                               "Choose another time."))
                return
        try:
            from ui.interviews.plan_dialog import InterviewPlanDialog
        except ModuleNotFoundError as e:
            if e.name != "ui.interviews.plan_dialog":
                raise
            self.message.show_info(self.tr("Planning is not available in this version of the application."))
            return
        dlg = InterviewPlanDialog(self.session, self, case_id=None, starts_at=starts_at, room_id=room_id,
                                  time_zone=self._zone_name)
        dlg.finished.connect(lambda result, d=dlg: self._planned(d, result))
        dlg.open()

    def _planned(self, dlg, result: int) -> None:
        dlg.deleteLater()
        if self.session is None:
            return
        if result == QDialog.DialogCode.Accepted:
            self.reload()
            new_id = getattr(dlg, "interview_id", None)
            new_id = new_id() if callable(new_id) else new_id
            if isinstance(new_id, int):
                self.grid.select_booking(new_id)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def _move_requested(self, booking_id: int, day: date, minutes: int, room_id: int) -> None:
        # Run from the event loop: a drop must not open a modal dialog inside the mouse handler.
        QTimer.singleShot(0, self, lambda: self.move_booking(booking_id, day, minutes, room_id))

    def move_booking(self, booking_id: int, day: date, minutes: int, room_id: int) -> bool:
        """Move a booking through the core; conflicts need the planner's written reasons. True
        when it was moved. Whatever happens the bookings are read again."""
        if self.session is None:
            return False
        self.message.clear()
        b = next((x for x in self._bookings if x.id == booking_id), None)
        starts_at = self.slot_datetime(day, minutes)
        moved = False
        if starts_at is None:
            self.message.show_info(self.tr("That time does not exist on that day: the clocks go forward. "
                                           "Nothing was moved."))
        else:
            overrides = None
            while True:
                try:
                    self.session.move_interview(booking_id, starts_at, room_id=room_id, overrides=overrides)
                    moved = True
                    break
                except ConflictsFound as e:
                    reasons = ask_override_reasons(e.check, self)
                    if reasons is None or self.session is None:
                        self.message.show_info(self.tr("Nothing was moved."))
                        break
                    overrides = {**(overrides or {}), **reasons}
                except ValidationError as e:
                    self.message.show_info(self.tr("Not moved: {reason}").format(reason=core_message(e)))
                    break
                except BarnahusError as e:
                    self.message.show_error(self.tr("Not moved: {reason}").format(reason=core_message(e)))
                    break
        if self.session is None:  # locked while the dialog was open
            return False
        self.grid.finish_move()
        self.reload()
        self.grid.select_booking(booking_id)
        if moved:
            room = next((r["name"] for r in self._rooms if r["id"] == room_id), "")
            self.message.show_info(self.tr("Moved case {reference} to {when}, {room}.").format(
                reference=b.case_reference if b is not None else "", when=self._slot_text(day, minutes), room=room))
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        return moved

    # --- export ----------------------------------------------------------------------------------------
    def _range_text(self) -> str:
        loc = QLocale()
        first, last = self.shown_range()
        if first == last:
            return loc.toString(qdate(first), QLocale.FormatType.LongFormat)
        return self.tr("{first} to {last}").format(first=loc.toString(qdate(first), QLocale.FormatType.LongFormat),
                                                    last=loc.toString(qdate(last), QLocale.FormatType.LongFormat))

    def export_clicked(self) -> None:
        if not self._can_export or self.session is None:
            return
        self.message.clear()
        dlg = ExportDialog(self._range_text(), self)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return
            only_mine = dlg.only_mine.isChecked()
        finally:
            dlg.deleteLater()
        first, last = self.shown_range()
        suggested = os.path.join(os.path.expanduser("~"), f"barnahus-calendar-{first.isoformat()}.ics")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the calendar as"), suggested,
                                                    self.tr("iCalendar files (*.ics)"))
        if not path or self.session is None:
            return
        if not path.lower().endswith(".ics"):
            path += ".ics"
        self.export_ics(path, only_mine)

    def export_ics(self, path, only_mine: bool = False) -> bool:
        """Write the bookings of the days shown to path, readable by its owner only."""
        first, last = self.shown_range()
        try:
            data = self.session.calendar_ics(first, last, self._zone_name, only_mine=only_mine)
            write_private_file(path, data)
        except (BarnahusError, OSError) as e:
            self.message.show_error(self.tr("The calendar was not exported: {reason}").format(
                reason=core_message(e)))
            return False
        self.message.show_info(self.tr("The calendar was saved to {path}. Only you can read the file.").format(
            path=os.fspath(path)))
        return True
