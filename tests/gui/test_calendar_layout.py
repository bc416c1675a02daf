"""The calendar grid's layout model: where blocks, cells and lines go, computed without a widget
or a painter."""
from __future__ import annotations

from datetime import date, datetime, timezone
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPointF

from ui.calendar.layout import DAY, WEEK, GridLayout

pytestmark = pytest.mark.gui

ROOMS = [{"id": 1, "name": "Blue"}, {"id": 2, "name": "Green"}]
MON, TUE = date(2026, 3, 2), date(2026, 3, 3)


def booking(bid, room, start, end, status="planned"):
    return SimpleNamespace(id=bid, room_id=room, starts_at_utc=start, ends_at_utc=end, status=status)


def laid_out(mode, days, bookings, width=800, height=600):
    lay = GridLayout()
    lay.set_data(mode, days, ROOMS, bookings, timezone.utc)
    lay.fit(width, height, 50, 30)
    return lay


def test_overlapping_bookings_in_one_room_stand_side_by_side():
    lay = laid_out(DAY, [MON], [
        booking(1, 1, "2026-03-02T09:00:00.000000Z", "2026-03-02T10:00:00.000000Z"),
        booking(2, 1, "2026-03-02T09:30:00.000000Z", "2026-03-02T11:00:00.000000Z"),
        booking(3, 2, "2026-03-02T09:00:00.000000Z", "2026-03-02T10:00:00.000000Z"),
    ])
    # 800 px over two rooms: 400 a column; 600 px over the 12 working hours: 50 px an hour.
    assert (lay.col_w, lay.hour_h) == (400.0, 50.0)
    a, b, c = (lay.by_id[i][0] for i in (1, 2, 3))
    assert (a.lane, a.lanes, b.lane, b.lanes, c.lanes) == (0, 2, 1, 2, 1)
    assert (a.rect.x(), a.rect.y(), a.rect.width(), a.rect.height()) == (2.0, 451.0, 197.0, 48.0)
    assert (b.rect.x(), b.rect.y()) == (200.0, 476.0)
    assert c.rect.x() == 402.0


def test_a_booking_past_midnight_has_a_block_on_each_day():
    lay = laid_out(WEEK, [MON, TUE], [booking(7, 2, "2026-03-02T23:00:00.000000Z", "2026-03-03T01:00:00.000000Z")])
    blocks = lay.by_id[7]
    assert [(b.col, b.start, b.end) for b in blocks] == [(1, 1380, 1440), (3, 0, 60)]
    assert lay.first_block(7) is blocks[0]
    assert lay.duration(7) == 120


def test_points_and_cells():
    lay = laid_out(WEEK, [MON, TUE], [booking(1, 1, "2026-03-02T09:00:00.000000Z", "2026-03-02T10:00:00.000000Z")])
    assert lay.column_count() == 4 and lay.col_w == 200.0
    assert lay.block_at(QPointF(100, 9.5 * 50)).booking.id == 1
    assert lay.block_at(QPointF(300, 9.5 * 50)) is None
    assert lay.cell_at(QPointF(650, 14.6 * 50)) == (TUE, 2, 870)       # 14:36 rounds down to 14:30
    assert lay.cell_at(QPointF(650, 14.6 * 50), 15) == (TUE, 2, 870)
    assert lay.cell_at(QPointF(900, 100)) is None                       # right of the last column
    assert lay.covering(0, 540).booking.id == 1 and lay.covering(1, 540) is None
    assert lay.visible_columns(250, 300) == (1, 2)
    assert lay.day_span(1) == (400.0, 800.0)
    start, end = lay.now_line(datetime(2026, 3, 3, 12, 0, tzinfo=timezone.utc))
    assert (start.x(), end.x(), start.y()) == (400.0, 800.0, 600.0)
    assert lay.now_line(datetime(2026, 3, 4, 12, 0, tzinfo=timezone.utc)) is None


def test_the_least_readable_sizes_win_over_filling_the_view():
    lay = laid_out(WEEK, [MON, TUE], [], width=100, height=120)
    assert (lay.col_w, lay.hour_h) == (50.0, 30.0)
    assert lay.fit(100, 120, 50, 30) == (200, 720)
