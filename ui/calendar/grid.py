"""The calendar grid: rooms (columns) by time (rows), scrolled, with a keyboard cursor, selection,
and moving a booking by keyboard or drag. Where things go is the layout's (layout.py), drawing is
the painter's (painter.py); this widget holds the view's state and turns keys and the mouse into
signals for the panel."""
from __future__ import annotations

from datetime import date, datetime, timezone

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QFrame, QToolTip

from ui.calendar.layout import (
    DAY_MINUTES, SLOT, SNAP, WEEK, WORK_END, WORK_START, Block, GridLayout, hm,
)
from ui.calendar.painter import GridPainter, block_lines, is_examination, is_meeting
from ui.common.dates import parse_utc


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
        self.layout = GridLayout()   # what is where, in content coordinates
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
        self._status = {"planned": self.tr("Planned"), "held": self.tr("Held"), "not_held": self.tr("Not held"),
                        "approved": self.tr("Minutes approved"), "cancelled": self.tr("Cancelled"),
                        "declined": self.tr("Declined by the child")}
        self._marks = {"held": "\u2713 ", "not_held": "\u2717 ", "approved": "\u2713 "}
        self._setup_fonts()
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self.viewport().update)
        self._clock.start()

    def _setup_fonts(self) -> None:
        fm = self.fontMetrics()
        self.em = fm.height()
        self.small_font = QFont(self.font())
        self.small_font.setPointSizeF(max(7.5, self.font().pointSizeF() * 0.92))
        self.small_metrics = QFontMetrics(self.small_font)
        self.bold_font = QFont(self.font())
        self.bold_font.setBold(True)
        self.line_height = self.small_metrics.lineSpacing()
        self._widths: dict[str, int] = {}
        self._axis_w = fm.horizontalAdvance("00:00") + self.em
        self.dash = "\u2013"

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
        return (self._now or datetime.now(timezone.utc)).astimezone(self.layout.tz)

    def set_data(self, mode: str, days: list[date], rooms: list[dict], bookings: list, tz,
                 focus_day: date | None = None, compact: bool = False) -> None:
        """Show these days and rooms with these bookings (interviews.Booking). The cursor keeps its
        room and time; it moves to focus_day when that is given."""
        old_room = self.room_at_col(self._cur[0])
        old_day = self.day_at_col(self._cur[0])
        lay = self.layout
        same_range = days == lay.days and mode == lay.mode and compact == lay.compact
        lay.set_data(mode, days, rooms, bookings, tz, compact)
        self._ghost, self._moving, self._drag = None, False, None
        nr = max(1, len(lay.rooms))
        day = focus_day if focus_day in lay.days else (old_day if old_day in lay.days else None)
        di = lay.days.index(day) if day is not None else 0
        ri = next((i for i, r in enumerate(lay.rooms) if old_room is not None and r["id"] == old_room["id"]), 0)
        self._cur = (min(di * nr + ri, max(0, self.column_count() - 1)), self._cur[1])
        self._relayout()
        if not same_range:
            self._scroll_to_day(di)
        self._select_under_cursor()
        self.cursorChanged.emit()
        self.viewport().update()

    def clear(self) -> None:
        self.layout.clear()
        self._sel, self._ghost, self._moving, self._drag = None, None, False, None
        self._relayout()
        self.cursorChanged.emit()
        self.viewport().update()

    # --- geometry -------------------------------------------------------------------------------
    def column_count(self) -> int:
        return self.layout.column_count()

    def day_at_col(self, col: int) -> date | None:
        return self.layout.day_at_col(col)

    def room_at_col(self, col: int) -> dict | None:
        return self.layout.room_at_col(col)

    def col_of(self, day: date, room_id: int) -> int:
        return self.layout.col_of(day, room_id)

    def header_height(self) -> int:
        rows = 2 if self.layout.mode == WEEK else 1
        return rows * (self.em + self.em // 2) + 2

    def axis_width(self) -> int:
        return self._axis_w

    def _min_col_w(self) -> int:
        # Wide enough for "09:00–10:00" and most of a case reference in the blocks' font.
        sample = self.small_metrics.horizontalAdvance("\u2713 00:00" + self.dash + "00:00")
        if self.layout.compact:
            return self.em + 4   # a lane: its colour and the status sign; the words are in the line below
        return max(sample + self.em // 2 + 8, self.em * 5) if self.layout.mode == WEEK else self.em * 7

    def _relayout(self) -> None:
        vp = self.viewport().size()
        avail_w = max(1, vp.width() - self._axis_w)
        avail_h = max(1, vp.height() - self.header_height())
        old_hour = self.layout.hour_h
        content_w, content_h = self.layout.fit(avail_w, avail_h, self._min_col_w(), 2 * self.line_height + 6)
        col_w, hour_h = self.layout.col_w, self.layout.hour_h
        hs, vs = self.horizontalScrollBar(), self.verticalScrollBar()
        top_minutes = vs.value() * 60 / old_hour if old_hour else WORK_START
        hs.setRange(0, max(0, content_w - avail_w))
        hs.setPageStep(avail_w)
        hs.setSingleStep(max(1, int(col_w)))
        vs.setRange(0, max(0, content_h - avail_h))
        vs.setPageStep(avail_h)
        vs.setSingleStep(max(1, int(hour_h / 4)))
        if not self._scrolled:
            vs.setValue(int(round(WORK_START * hour_h / 60)))
            self._scrolled = vs.maximum() > 0
        else:
            vs.setValue(int(round(top_minutes * hour_h / 60)))

    def lines_of(self, blk: Block) -> list[str]:
        """The text of a block as laid out for its size (kept until the size changes)."""
        size = (int(blk.rect.width()) - 10, int(blk.rect.height()) - 3)
        if blk.lines is None or blk.lines_for != size:
            blk.lines = block_lines(self, blk, size[0], size[1], self.small_metrics)
            blk.lines_for = size
        return blk.lines

    def text_width(self, text: str) -> int:
        """The width of a text in the blocks' font (remembered: the same texts come back)."""
        w = self._widths.get(text)
        if w is None:
            w = self._widths[text] = self.small_metrics.horizontalAdvance(text)
        return w

    def status_mark(self, status: str) -> str:
        return self._marks.get(status, "")

    def status_text(self, status: str) -> str:
        return self._status.get(status, status.replace("_", " "))

    def examination_text(self, status: str) -> str:
        """A medical examination's kind of entry with its status, and nothing of the medical detail."""
        return self.tr("Medical examination, {status}").format(status=self.status_text(status).lower())

    def _ppm(self) -> float:
        return self.layout.ppm()

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
        x0, cw = self._origin().x(), self.layout.col_w
        return int(round(x0 + col * cw)), int(round(x0 + (col + 1) * cw))

    def booking_rects(self, booking_id: int) -> list[QRect]:
        o = self._origin()
        return [blk.rect.translated(o.x(), o.y()).toAlignedRect() for blk in self.layout.by_id.get(booking_id, [])]

    def booking_rect(self, booking_id: int) -> QRect:
        """The viewport rectangle of a booking (its first day's block); empty if it is not shown."""
        rects = self.booking_rects(booking_id)
        return rects[0] if rects else QRect()

    def cell_rect(self, day: date, room_id: int, minutes: int, length: int = SLOT) -> QRect:
        x0, x1 = self.column_span(day, room_id)
        return QRect(QPoint(x0, self.time_y(minutes)), QPoint(x1 - 1, self.time_y(minutes + length) - 1))

    def _block_at(self, pos) -> Block | None:
        if not self._in_body(pos):
            return None
        return self.layout.block_at(self._to_content(pos))

    def booking_at(self, pos) -> int | None:
        blk = self._block_at(pos)
        return blk.booking.id if blk is not None else None

    def cell_at(self, pos, step: int = SLOT) -> tuple[date, int, int] | None:
        """(day, room id, minutes rounded down to step) under a viewport point, or None."""
        if not self._in_body(pos):
            return None
        return self.layout.cell_at(self._to_content(pos), step)

    # --- scrolling ----------------------------------------------------------------------------------
    def _scroll_to_day(self, di: int) -> None:
        self.horizontalScrollBar().setValue(int(self.layout.day_span(di)[0]) if self.layout.mode == WEEK else 0)

    def show_day(self, day: date) -> None:
        """Scroll the day's group into view and put the cursor there (same room and time)."""
        if day not in self.layout.days or not self.layout.rooms:
            return
        di = self.layout.days.index(day)
        self._scroll_to_day(di)
        nr = len(self.layout.rooms)
        self._move_cursor(di * nr + self._cur[0] % nr, self._cur[1])

    def _ensure_visible(self, col: int, start: int, end: int) -> None:
        hs, vs = self.horizontalScrollBar(), self.verticalScrollBar()
        avail_w = self.viewport().width() - self._axis_w
        avail_h = self.viewport().height() - self.header_height()
        x0, x1 = col * self.layout.col_w, (col + 1) * self.layout.col_w
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
        blocks = self.layout.by_id.get(booking_id)
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
        blocks = self.layout.by_id.get(self._sel) if self._sel is not None else None
        return blocks[0].booking if blocks else None

    def selected_block(self) -> Block | None:
        if self._sel is None:
            return None
        blocks = self.layout.by_id.get(self._sel, [])
        return next((b for b in blocks if b.col == self._cur[0]), blocks[0] if blocks else None)

    def set_cursor(self, day: date, room_id: int, minutes: int) -> None:
        self._move_cursor(self.col_of(day, room_id), minutes)

    def select_booking(self, booking_id: int) -> bool:
        blocks = self.layout.by_id.get(booking_id)
        if not blocks:
            return False
        blk = blocks[0]
        self._cur = (blk.col, blk.start // SLOT * SLOT)
        self._sel = booking_id
        self._ensure_visible(blk.col, blk.start, blk.end)
        self.cursorChanged.emit()
        self.viewport().update()
        return True

    def _select_under_cursor(self) -> None:
        blk = self.layout.covering(*self._cur)
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

    def _movable(self, blk: Block | None, say: bool = True) -> bool:
        if blk is None or not self._can_move:
            return False
        if is_meeting(blk.booking):
            if say:
                self.notice.emit(self.tr("A team meeting is moved on the Meetings page."))
            return False
        if is_examination(blk.booking):
            if say:
                self.notice.emit(self.tr("A medical examination is moved in the case's Medical tab."))
            return False
        if blk.booking.status != "planned":
            if say:
                self.notice.emit(self.tr("Only a planned interview can be moved; this one is {status}.").format(
                    status=self.status_text(blk.booking.status).lower()))
            return False
        if blk.local_start.date() not in self.layout.days:
            if say:
                self.notice.emit(self.tr("This booking starts on a day that is not shown. Show that day to "
                                         "move it."))
            return False
        return True

    def start_move(self) -> bool:
        """Enter the keyboard's move mode for the selected booking."""
        blk = self.selected_block()
        if not self._movable(blk):
            if blk is None and self._can_move:
                self.notice.emit(self.tr("Select a booking first: move the cursor onto it with the arrow keys."))
            return False
        first = self.layout.first_block(blk.booking.id)
        self._ghost = (blk.booking.id, first.col, first.start)
        self._moving = True
        self.cursorChanged.emit()
        self.viewport().update()
        return True

    def _shift_ghost(self, dcol: int, dmin: int) -> None:
        bid, col, start = self._ghost
        dur = min(self.layout.duration(bid), DAY_MINUTES)
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
        first = self.layout.first_block(bid)
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
            if self._can_move and blk.booking.status == "planned" and not is_meeting(blk.booking) \
                    and not is_examination(blk.booking):
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
            blk = self.layout.by_id.get(d["id"], [None])[0]
            if not self._movable(blk):
                self._drag = None
                return
            d["started"] = True
        self._autoscroll(pos)
        c = self._to_content(pos)
        n = self.column_count()
        col = min(max(int(c.x() // self.layout.col_w), 0), n - 1)
        dur = min(self.layout.duration(d["id"]), DAY_MINUTES)
        start = round((c.y() / self._ppm() - d["offset"]) / SNAP) * SNAP
        start = int(min(max(start, 0), DAY_MINUTES - dur))
        self._ghost = (d["id"], col, start)
        self.cursorChanged.emit()
        self.viewport().update()
        event.accept()

    def _autoscroll(self, pos) -> None:
        vp = self.viewport().rect()
        edge = self.em
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
        ls = parse_utc(b.starts_at_utc).astimezone(self.layout.tz)
        le = parse_utc(b.ends_at_utc).astimezone(self.layout.tz)
        if is_meeting(b):
            return self.tr("{start}{dash}{end}, {room}: {title}, chaired by {chair}, {status}").format(
                start=hm(ls), dash=self.dash, end=hm(le), room=b.room_name, title=b.title, chair=b.staff_name,
                status=self.status_text(b.status).lower())
        if is_examination(b):
            return self.tr("{start}{dash}{end}, {room}: medical examination, case {reference}, {examiner}, "
                           "{status}").format(start=hm(ls), dash=self.dash, end=hm(le), room=b.room_name,
                                              reference=b.case_reference, examiner=b.staff_name,
                                              status=self.status_text(b.status).lower())
        return self.tr("{start}{dash}{end}, {room}: case {reference}, {interviewer}, {status}").format(
            start=hm(ls), dash=self.dash, end=hm(le), room=b.room_name,
            reference=b.case_reference, interviewer=b.staff_name, status=self.status_text(b.status).lower())

    # --- painting: painter.py -----------------------------------------------------------------------
    def cursor_cell(self) -> tuple[int, int]:
        """(column, minutes) of the keyboard's cell."""
        return self._cur

    def selected_id(self) -> int | None:
        return self._sel

    def ghost_cell(self) -> tuple | None:
        """(booking id, column, start minutes) of the move being shown, or None."""
        return self._ghost

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        p = QPainter(self.viewport())
        GridPainter(self).paint(p)
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
        return QSize(self.em * 40, self.em * 30)
