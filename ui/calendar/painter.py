"""Drawing the calendar grid: the body (working hours, weekends, hour and room lines, the cursor's
cell), the bookings' blocks with their text, the preview of a move, the current time, the header of
days and rooms and the time axis. Where things go comes from the layout (layout.py); what is
selected and where the view is scrolled, from the grid (grid.py). Nothing here changes either.

Texts keep the "CalendarGrid" translation context they had when the grid painted itself.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette, QPen

from ui.calendar.layout import WEEK, WORK_END, WORK_START, Block
from ui.common.dates import qdate
from ui.common.field_widgets import error_color, is_dark



def mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def colours(pal: QPalette) -> dict:
    """The grid's colours, mixed from the palette (light or dark)."""
    base = pal.color(QPalette.ColorRole.Base)
    text = pal.color(QPalette.ColorRole.Text)
    hl = pal.color(QPalette.ColorRole.Highlight)
    dark = is_dark(pal)
    return {
        "base": base, "text": text, "hl": hl,
        "window": pal.color(QPalette.ColorRole.Window),
        "window_text": pal.color(QPalette.ColorRole.WindowText),
        "off": mix(base, text, 0.045),
        "weekend": mix(base, text, 0.025),
        "hour": mix(base, text, 0.17),
        "half": mix(base, text, 0.07),
        "room_sep": mix(base, text, 0.13),
        "day_sep": mix(base, text, 0.55),
        "planned_fill": mix(base, hl, 0.30 if dark else 0.14),
        "planned_edge": mix(hl, text, 0.25),
        "held_fill": mix(base, text, 0.16),
        "held_edge": mix(base, text, 0.6),
        "not_held_hatch": mix(base, text, 0.16),
        "not_held_edge": mix(base, text, 0.5),
        # team meetings: a hue of their own beside the interviews, whatever the palette
        "meeting_fill": mix(base, QColor(0x2e, 0x8b, 0x57), 0.34 if dark else 0.18),
        "meeting_edge": mix(QColor(0x2e, 0x8b, 0x57), text, 0.2),
        "cursor_fill": mix(base, hl, 0.10),
        "ghost_fill": mix(base, hl, 0.45 if dark else 0.28),
        "now": error_color(pal),
        "muted": mix(base, text, 0.62),
    }


ROOM_HUES = (210, 28, 130, 280, 350, 180, 55, 310)   # one a room, in the rooms' order; then again


def room_colour(pal: QPalette, index: int) -> QColor:
    """The colour of the index-th room shown (the compact week's lanes and its legend): a hue of its
    own, as strong on a dark palette as on a light one."""
    hue = ROOM_HUES[index % len(ROOM_HUES)]
    return QColor.fromHsv(hue, 150, 235) if is_dark(pal) else QColor.fromHsv(hue, 190, 175)


class GridPainter:
    """One paint of the grid's viewport (a new one per paint event)."""

    def __init__(self, grid) -> None:
        self.grid = grid
        self.layout = grid.layout
        vp = grid.viewport()
        self.w, self.h = vp.width(), vp.height()
        self.hh, self.aw = grid.header_height(), grid.axis_width()
        self.sx, self.sy = grid.horizontalScrollBar().value(), grid.verticalScrollBar().value()
        self.col = colours(grid.palette())

    def paint(self, p: QPainter) -> None:
        g, lay, col = self.grid, self.layout, self.col
        p.fillRect(QRect(0, 0, self.w, self.h), col["base"])
        if not lay.column_count():
            self._empty(p)
            return
        body = QRect(self.aw, self.hh, self.w - self.aw, self.h - self.hh)
        self.visible = QRectF(self.sx, self.sy, body.width(), body.height())
        self.first_col, self.last_col = lay.visible_columns(self.sx, body.width())
        now = g.now()

        p.save()
        p.setClipRect(body)
        p.translate(self.aw - self.sx, self.hh - self.sy)
        self._background(p)
        self._cursor(p)
        self._bookings(p)
        self._ghost(p)
        now_line = lay.now_line(now)
        if now_line is not None:
            p.setPen(QPen(col["now"], 2))
            p.drawLine(*now_line)
        p.restore()

        self._header(p, now.date())
        self._axis(p, now, now_line[0].y() if now_line is not None else None)

    def _empty(self, p: QPainter) -> None:
        em = self.grid.em
        p.setPen(self.col["muted"])
        p.drawText(QRect(0, 0, self.w, self.h).adjusted(em, em, -em, -em),
                   Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                   QCoreApplication.translate("CalendarGrid", "No rooms to show. An administrator sets up the centre's rooms under "
                       "Administration.") if not self.layout.rooms else "")

    def _background(self, p: QPainter) -> None:
        """Hours outside the working day, weekends, hour and half-hour lines, room and day lines."""
        lay, col, sx, sy = self.layout, self.col, self.sx, self.sy
        ppm, cw, nr = lay.ppm(), lay.col_w, len(lay.rooms)
        width, height = self.visible.width(), self.visible.height()
        content_w = cw * lay.column_count()
        off_top, off_bottom = WORK_START * ppm, WORK_END * ppm
        p.fillRect(QRectF(sx, sy, content_w, max(0.0, off_top - sy)), col["off"])
        p.fillRect(QRectF(sx, off_bottom, content_w, max(0.0, sy + height - off_bottom)), col["off"])
        if lay.mode == WEEK:
            for di, d in enumerate(lay.days):
                if d.weekday() >= 5:
                    p.fillRect(QRectF(di * nr * cw, off_top, nr * cw, off_bottom - off_top), col["weekend"])
        y_lo, y_hi = sy, sy + height
        hours, halves = lay.hour_lines(sx, sx + width, y_lo, y_hi)
        p.setPen(QPen(col["half"], 1, Qt.PenStyle.DotLine))
        p.drawLines(halves)
        p.setPen(QPen(col["hour"], 1))
        p.drawLines(hours)
        seps, day_seps = lay.column_lines(self.first_col, self.last_col, y_lo, y_hi)
        p.setPen(QPen(col["room_sep"], 1))
        p.drawLines(seps)
        p.setPen(QPen(col["day_sep"], 2 if lay.mode == WEEK else 1))
        p.drawLines(day_seps)

    def _cursor(self, p: QPainter) -> None:
        """The keyboard's cell, when no booking is selected."""
        g = self.grid
        cur_col, cur_min = g.cursor_cell()
        if g.selected_id() is None and 0 <= cur_col < self.layout.column_count():
            focused = g.hasFocus()
            r = self.layout.cursor_rect(cur_col, cur_min)
            p.fillRect(r, self.col["cursor_fill"])
            p.setPen(QPen(self.col["hl"], 2 if focused else 1,
                          Qt.PenStyle.SolidLine if focused else Qt.PenStyle.DashLine))
            p.drawRect(r.adjusted(1, 1, -1, -1))

    def _bookings(self, p: QPainter) -> None:
        g, col = self.grid, self.col
        p.setFont(g.small_font)
        ascent = g.small_metrics.ascent()
        edge_pens = {
            "planned": QPen(col["planned_edge"], 1),
            "held": QPen(col["held_edge"], 1),
            "not_held": QPen(col["not_held_edge"], 1, Qt.PenStyle.DashLine),
        }
        hatch = QBrush(col["not_held_hatch"], Qt.BrushStyle.BDiagPattern)
        text_pen = QPen(col["text"])
        lay = self.layout
        nr = max(1, len(lay.rooms))
        pal = g.palette()
        for blk in lay.blocks:
            r = blk.rect
            if not r.intersects(self.visible):
                continue
            status = blk.booking.status
            # compact week: the room's colour in the fill and the edge; the status still by sign,
            # border and pattern
            room = room_colour(pal, blk.col % nr) if lay.compact else None
            if is_meeting(blk.booking):
                self._meeting(p, r, blk, room)
                continue
            if status == "held":
                p.fillRect(r, col["held_fill"] if room is None else mix(col["held_fill"], room, 0.3))
                p.fillRect(QRectF(r.x(), r.y(), 4, r.height()), col["held_edge"] if room is None else room)
            elif status == "not_held":
                p.fillRect(r, col["base"])
                p.fillRect(r, hatch)
                if room is not None:
                    p.fillRect(QRectF(r.x(), r.y(), 4, r.height()), room)
            else:
                p.fillRect(r, col["planned_fill"] if room is None else mix(col["base"], room, 0.4))
                p.fillRect(QRectF(r.x(), r.y(), 4, r.height()), col["planned_edge"] if room is None else room)
            p.setPen(edge_pens.get(status, edge_pens["planned"]))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
            lines = g.lines_of(blk)
            if lines:
                p.setPen(text_pen)
                x = r.x() + 7
                y = r.y() + 2 + ascent
                for line in lines:
                    p.drawText(QPointF(x, y), line)
                    y += g.line_height
        selected = g.selected_id()
        if selected is not None:
            focused = g.hasFocus()
            for blk in self.layout.by_id.get(selected, []):
                p.setPen(QPen(col["hl"], 3 if focused else 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(blk.rect.adjusted(-1, -1, 1, 1))

    def _meeting(self, p: QPainter, r: QRectF, blk: Block, room: QColor | None) -> None:
        """A team meeting: its own green, a double edge, a dotted one once cancelled."""
        col, g = self.col, self.grid
        fill = col["meeting_fill"] if room is None else mix(col["meeting_fill"], room, 0.3)
        p.fillRect(r, fill)
        edge = col["meeting_edge"]
        p.fillRect(QRectF(r.x(), r.y(), 4, r.height()), edge)
        style = Qt.PenStyle.DotLine if blk.booking.status == "cancelled" else Qt.PenStyle.SolidLine
        p.setPen(QPen(edge, 1, style))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
        if r.width() > 12 and r.height() > 8:
            p.drawRect(r.adjusted(2.5, 2.5, -2.5, -2.5))
        lines = g.lines_of(blk)
        if lines:
            p.setPen(QPen(col["text"]))
            x, y = r.x() + 7, r.y() + 2 + g.small_metrics.ascent()
            for line in lines:
                p.drawText(QPointF(x, y), line)
                y += g.line_height

    def _ghost(self, p: QPainter) -> None:
        """The preview of a move: where the booking would go, and its new time and room."""
        g, lay = self.grid, self.layout
        ghost = g.ghost_cell()
        if ghost is None or ghost[0] not in lay.by_id:
            return
        bid, gcol, gstart = ghost
        dur = lay.duration(bid)
        r = lay.ghost_rect(gcol, gstart, dur)
        p.fillRect(r, self.col["ghost_fill"])  # opaque: the text of a booking under it must not show through
        p.setPen(QPen(self.col["hl"], 2, Qt.PenStyle.DashLine))
        p.drawRect(r.adjusted(1, 1, -1, -1))
        start_t = (datetime.combine(date.min, time()) + timedelta(minutes=gstart)).strftime("%H:%M")
        end_t = (datetime.combine(date.min, time()) + timedelta(minutes=gstart + dur)).strftime("%H:%M")
        p.setPen(QPen(self.col["text"]))
        lines = [QCoreApplication.translate("CalendarGrid", "Move to {start}{dash}{end}").format(start=start_t, dash=g.dash, end=end_t),
                 lay.room_at_col(gcol)["name"]]
        y = r.y() + 3 + g.small_metrics.ascent()
        for line in lines[:max(1, int(r.height() - 4) // g.line_height)]:
            p.drawText(QPointF(r.x() + 6, y), g.small_metrics.elidedText(
                line, Qt.TextElideMode.ElideRight, int(r.width()) - 10))
            y += g.line_height

    def _header(self, p: QPainter, today: date) -> None:
        """The days (week view) and rooms over the columns; it stays on top when scrolled."""
        g, lay, col = self.grid, self.layout, self.col
        w, hh, aw, sx = self.w, self.hh, self.aw, self.sx
        width = self.visible.width()
        cw, nr = lay.col_w, len(lay.rooms)
        p.save()
        p.setClipRect(QRect(aw, 0, w - aw, hh))
        p.fillRect(QRect(aw, 0, w - aw, hh), col["window"])
        p.translate(aw - sx, 0)
        row_h = g.em + g.em // 2
        p.setPen(col["window_text"])
        if lay.mode == WEEK:
            loc_fmt = QCoreApplication.translate("CalendarGrid", "ddd d MMM")
            loc = QLocale()
            for di, d in enumerate(lay.days):
                x0, x1 = lay.day_span(di)
                if x1 < sx or x0 > sx + width:
                    continue
                label = loc.toString(qdate(d), loc_fmt)
                if d == today:
                    label = QCoreApplication.translate("CalendarGrid", "{day} (today)").format(day=label)
                # keep the day's name in sight while its group is scrolled partly away
                tx0 = max(x0, sx) + g.em // 2
                tx1 = min(x1, sx + width) - g.em // 2
                p.setFont(g.bold_font if d == today else g.font())
                p.drawText(QRectF(tx0, 0, max(0.0, tx1 - tx0), row_h), Qt.AlignmentFlag.AlignVCenter
                           | Qt.AlignmentFlag.AlignLeft, g.fontMetrics().elidedText(
                               label, Qt.TextElideMode.ElideRight, int(max(0, tx1 - tx0))))
            room_top = row_h
        else:
            room_top = 0
        p.setFont(g.font())
        fm = g.fontMetrics()
        for c in range(self.first_col, self.last_col + 1):
            if lay.compact:   # a lane: the room's colour and number, named in the legend
                r = QRectF(c * cw + 1.5, room_top + 3, cw - 3, row_h - 6)
                p.fillRect(r, room_colour(g.palette(), c % nr))
                p.setPen(QColor("white") if not is_dark(g.palette()) else QColor("black"))
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(c % nr + 1))
                p.setPen(col["window_text"])
                continue
            name = lay.rooms[c % nr]["name"]
            if not lay.rooms[c % nr].get("active", True):
                name = QCoreApplication.translate("CalendarGrid", "{room} (retired)").format(room=name)
            r = QRectF(c * cw + 4, room_top, cw - 8, row_h)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, fm.elidedText(name, Qt.TextElideMode.ElideMiddle, int(cw) - 8))
        seps, _ = lay.column_lines(self.first_col, self.last_col, room_top + 3, hh)
        _, day_seps = lay.column_lines(self.first_col, self.last_col, 0, hh)
        p.setPen(QPen(col["room_sep"], 1))
        p.drawLines(seps)
        p.setPen(QPen(col["day_sep"], 2 if lay.mode == WEEK else 1))
        p.drawLines(day_seps)
        p.restore()
        p.setPen(QPen(col["day_sep"], 1))
        p.drawLine(0, hh - 1, w, hh - 1)

    def _axis(self, p: QPainter, now: datetime, now_y: float | None) -> None:
        """The hours down the left (it stays there when scrolled), with the current time's tag."""
        g, col = self.grid, self.col
        em, hh, aw, sy, h = g.em, self.hh, self.aw, self.sy, self.h
        ppm = self.layout.ppm()
        p.save()
        p.setClipRect(QRect(0, hh, aw, h - hh))
        p.fillRect(QRect(0, hh, aw, h - hh), col["window"])
        p.translate(0, hh - sy)
        p.setPen(col["window_text"])
        for hr in range(0, 24):
            y = hr * 60 * ppm
            if y < sy - em * 2 or y > sy + self.visible.height():
                continue
            p.drawText(QRectF(0, y + 1, aw - em / 3, em),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"{hr:02d}:00")
        if now_y is not None:
            tag = QRectF(0, now_y - em / 2, aw - 2, em)
            p.fillRect(tag, col["now"])
            p.setPen(col["base"])
            p.drawText(tag.adjusted(0, 0, -em / 3 + 2, 0), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, now.strftime("%H:%M"))
        p.restore()
        p.setPen(QPen(col["day_sep"], 1))
        p.drawLine(aw - 1, hh, aw - 1, h)
        p.fillRect(QRect(0, 0, aw - 1, hh - 1), col["window"])


def is_meeting(booking) -> bool:
    """A team meeting's entry (no case: its title stands where the case reference would)."""
    return getattr(booking, "kind", "interview") == "meeting"


def is_examination(booking) -> bool:
    """A medical examination's entry: drawn as an interview is, by its status, with the case
    reference and the examiner and no medical detail (the core gives none); moved in the case's
    Medical tab, never on the calendar."""
    return getattr(booking, "kind", "interview") == "examination"


def block_lines(grid, blk: Block, width: int, height: int, fm: QFontMetrics) -> list[str]:
    """A block's text: time (with the status sign), case reference, interviewer, status; put
    together on one line where the column is wide enough, elided where it is not."""
    if width < 8:
        return []
    n = max(1, height // grid.line_height)
    b = blk.booking
    mark = grid.status_mark(b.status)
    if grid.layout.compact:   # a narrow lane: the sign only (the tooltip and the line below say the rest)
        return [mark.strip()] if mark and fm.horizontalAdvance(mark) <= width + 4 else []
    start, end = blk.start_text, blk.end_text
    first = f"{mark}{start}{grid.dash}{end}"
    width_of = grid.text_width
    if width_of(first) > width:
        first = f"{mark}{start}"
    right, left = Qt.TextElideMode.ElideRight, Qt.TextElideMode.ElideLeft
    ref = (b.title, right) if is_meeting(b) else (b.case_reference, left)
    staff, status = (b.staff_name, right), (grid.status_text(b.status), right)
    if is_examination(b):
        status = (grid.examination_text(b.status), right)
    sep = width_of("  ")

    def pack(items):
        out = [items[0]]
        used = width_of(items[0][0])
        for text, mode in items[1:]:
            w = width_of(text)
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
        out.append(text if width_of(text) <= width else fm.elidedText(text, mode, width))
    return out
