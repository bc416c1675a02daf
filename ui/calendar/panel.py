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
every move goes through it (session.move_interview), each call off the GUI thread
(run_operation), and the core says which conflicts need a written reason
(ui/interviews/conflict_dialog.py). Times are shown on the centre's wall clock: a booking across a
daylight-saving change is drawn at its local time. The blocks carry case references,
never a child's name: a calendar is seen on shared screens. Team meetings stand beside the
interviews, in their room; one held remotely (no room) in a "Remote" column after the rooms,
which is there while the days shown have one (nothing is planned or moved into it).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

from PySide6.QtCore import QLocale, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QGuiApplication, QIcon, QKeySequence, QPainter, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from barnahus_app.files import write_file_safely
from barnahus_app.errors import ConflictsFound, ValidationError
from barnahus_app.timeutil import zone_info

from ui.calendar.grid import CalendarGrid
from ui.calendar.layout import DAY, NO_ROOM, REMOTE_ROOM, WEEK
from ui.calendar.painter import colours, is_examination, is_meeting, room_colour
from ui.common.dates import centre_zone, date_format, pydate, qdate
from ui.common.feedback import InlineMessage, begin_page, core_message
from ui.common.field_widgets import is_dark
from ui.common.folders import export_folder
from ui.common.tasks import run_operation
from ui.interviews.conflict_dialog import open_override_reasons

EXAMINATION_IDS = 1 << 30   # grid ids of medical examinations: past every interview id (a Qt int: 32 bits)


def nav_icon() -> QIcon:
    """The navigation's line icon for the calendar: a month sheet with a grid of days."""
    from ui.common.icons import _SvgIconEngine  # the same renderer as the other navigation icons
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="' + colour
           + '" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">'
           '<rect x="3.5" y="5" width="17" height="15.5" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/>'
           '<path d="M9.2 10v10.5M14.8 10v10.5M3.5 15.2h17"/></svg>')
    return QIcon(_SvgIconEngine(svg))


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
        col = colours(self._grid.palette())
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


class _RoomLegend(QWidget):
    """The compact week's key: each room's colour and number, with its name."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rooms: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rooms(self, names: list[str]) -> None:
        self._rooms = list(names)
        self.setAccessibleName(self.tr("Rooms: {rooms}").format(rooms="; ".join(
            self.tr("{number}: {room}").format(number=i + 1, room=n) for i, n in enumerate(names))))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: D102 (Qt)
        em = self.fontMetrics().height()
        return QSize(em * 20, em + 6)

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        if not self._rooms:
            return
        p = QPainter(self)
        fm = self.fontMetrics()
        em = fm.height()
        n = len(self._rooms)
        # each room gets an equal share of the width; a long name is shortened in the middle
        share = max(em * 3, self.width() // n)
        for i, name in enumerate(self._rooms):
            x = i * share
            r = QRectF(x + 0.5, 3.5, em * 1.3, em - 1)
            p.fillRect(r, room_colour(self.palette(), i))
            p.setPen(Qt.GlobalColor.black if is_dark(self.palette()) else Qt.GlobalColor.white)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(i + 1))
            p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            left = x + em * 1.3 + em / 3
            text = fm.elidedText(name, Qt.TextElideMode.ElideMiddle, int(share - em * 1.3 - em))
            p.drawText(QRectF(left, 0, share - em * 1.3 - em / 3, em + 6),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
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
    open_meeting = Signal(int)   # a team meeting's entry was opened: the Meetings page shows it
    loaded = Signal()   # the answer to the last reload() was shown (the bookings, or why they could not be read)

    def __init__(self, session, parent=None, *, time_zone: str | None = None, mode: str = DAY,
                 day: date | None = None, load: bool = False):
        """time_zone: the centre's zone (default: the record setting); mode: DAY or WEEK; day: the day
        shown (default today). load=False: the bookings are read when the panel is first shown
        (and again each time it is shown), or by reload()."""
        super().__init__(parent)
        self.setObjectName("calendarPanel")
        self.session = session
        self._zone_name = time_zone or centre_zone()
        self._tz = zone_info(self._zone_name)
        if mode not in (DAY, WEEK):
            raise ValueError(mode)
        self._mode = mode
        self._date = day or datetime.now(self._tz).date()
        self._loaded_once = False
        self._generation = 0   # of the last reload(): an older answer is not shown
        self._reads = 0        # reads and moves under way
        self._move_running = False
        self._bookings: list = []
        self._rooms: list[dict] = []
        self._all_rooms: list[dict] = []
        self._interviewers: list[dict] | None = None   # read with the first bookings
        self._filter_room: int | None = None
        self._compact = True    # the week view: rooms as lanes inside each day (a day: always side by side)
        self._filter_interviewer: int | None = None
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
        self.compact_box = QCheckBox(self.tr("&Compact week"), self)
        self.compact_box.setObjectName("calendarCompact")
        self.compact_box.setToolTip(self.tr("The whole week at once: each room a coloured lane in its day "
                                            "(the rooms are named below the calendar). Off: each day's rooms "
                                            "side by side with their names, scrolled sideways."))
        self.compact_box.setChecked(self._compact)
        self.compact_box.toggled.connect(self.set_compact)
        bar.addWidget(self.compact_box)
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
        # Filters: the core reads only the bookings asked for (session.calendar's parameters).
        self.interviewer_label = QLabel(self.tr("&Interviewer:"), self)
        self.interviewer_combo = QComboBox(self)
        self.interviewer_combo.setObjectName("calendarInterviewer")
        self.interviewer_combo.setAccessibleName(self.tr("Show the bookings of"))
        self.interviewer_combo.setToolTip(self.tr("Only the interviews this person leads or takes part in"))
        self.interviewer_combo.addItem(self.tr("Everyone"), None)
        self.interviewer_label.setBuddy(self.interviewer_combo)
        self.room_label = QLabel(self.tr("Room &filter:"), self)
        self.room_combo = QComboBox(self)
        self.room_combo.setObjectName("calendarRoom")
        self.room_combo.setAccessibleName(self.tr("Show the room"))
        self.room_combo.setToolTip(self.tr("Only this room's bookings"))
        self.room_combo.addItem(self.tr("All rooms"), None)
        self.room_label.setBuddy(self.room_combo)
        self.interviewer_combo.currentIndexChanged.connect(self._filters_changed)
        self.room_combo.currentIndexChanged.connect(self._filters_changed)
        bar.addStretch(1)
        outer.addLayout(bar)
        filters = QHBoxLayout()
        for w in (self.interviewer_label, self.interviewer_combo):
            filters.addWidget(w)
        filters.addSpacing(em)
        for w in (self.room_label, self.room_combo):
            filters.addWidget(w)
        filters.addStretch(1)
        self.zone_label = QLabel(self.tr("Times in {zone}").format(zone=self._zone_name), self)
        self.zone_label.setTextFormat(Qt.TextFormat.PlainText)
        filters.addWidget(self.zone_label)
        outer.addLayout(filters)

        self.message = InlineMessage(self)
        outer.addWidget(self.message)

        self.room_legend = _RoomLegend(self)
        self.room_legend.setVisible(False)
        self.grid = CalendarGrid(self)
        self.grid.set_permissions(self._can_plan, self._can_move)
        self.grid.bookingActivated.connect(self._booking_activated)
        self.grid.slotActivated.connect(self.plan_at)
        self.grid.moveRequested.connect(self._move_requested)
        self.grid.cursorChanged.connect(self._update_selection)
        self.grid.notice.connect(self.message.show_info)
        outer.addWidget(self.grid, 1)
        outer.addWidget(self.room_legend)

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
        chain = [self.plan_button, self.export_button, self.day_button, self.week_button, self.compact_box,
                 self.prev_button, self.today_button, self.next_button, self.date_edit, self.interviewer_combo,
                 self.room_combo,
                 self.grid, self.open_button,
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

    def set_compact(self, on: bool) -> None:
        """The week as lanes (on) or as each day's rooms side by side with their names (off)."""
        if self.compact_box.isChecked() != on:
            self.compact_box.blockSignals(True)
            self.compact_box.setChecked(on)
            self.compact_box.blockSignals(False)
        if on != self._compact:
            self._compact = on
            if self._loaded_once and self.session is not None:
                self._show(self._mode, self.days(), self._all_rooms, self._bookings)

    def is_compact(self) -> bool:
        return self.grid.layout.compact

    def set_date(self, d: date) -> None:
        self._date_timer.stop()
        if self.date_edit.date() != qdate(d):
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(qdate(d))
            self.date_edit.blockSignals(False)
        if d != self._date or not self._loaded_once:
            self._date = d
            self.reload(then=lambda: self.grid.show_day(d))

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

    def reload(self, select_id: int | None = None, then: Callable[[], None] | None = None) -> None:
        """Read the rooms and the bookings of the days shown from the core (off the GUI thread).
        Once they are shown, the booking select_id is selected (if it is there) and then() runs;
        `loaded` is emitted. Only the answer to the last reload is shown: the days may have changed
        meanwhile (Next pressed twice)."""
        self._update_range_label()
        if self.session is None:
            return
        s, mode, days, zone = self.session, self._mode, self.days(), self._zone_name
        room_id, interviewer_id = self._filter_room, self._filter_interviewer
        need_people = self._interviewers is None
        self._generation += 1
        generation = self._generation

        def read():   # on the record's thread
            people = s.interviewers() if need_people else None
            return (s.list_rooms(include_retired=True),
                    s.calendar(days[0], days[-1], zone, interviewer_id=interviewer_id, room_id=room_id,
                               include_examinations=True), people)   # told apart: is_examination

        def shown(result) -> None:
            if generation != self._generation:
                return
            rooms, bookings, people = result
            if people is not None:
                self._interviewers = people
            self._fill_filters(rooms)
            self._all_rooms = rooms
            self._show(mode, days, rooms, bookings)
            if select_id is not None:
                self.grid.select_booking(select_id)
            if then is not None:
                then()
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            self.message.show_error(self.tr("The calendar could not be read: {reason}").format(
                reason=core_message(error)))
            if then is not None:
                then()
            self.loaded.emit()

        self._reads += 1
        run_operation(self, read, shown, on_failure=failed, on_finished=self._read_done)

    def _read_done(self) -> None:
        self._reads -= 1

    @property
    def loading(self) -> bool:
        """True while a read of the bookings (by reload(), or the one a move ends with) or a move
        has not come back."""
        return self._reads > 0

    def _show(self, mode: str, days: list[date], rooms: list[dict], bookings: list) -> None:
        # A meeting's entry gets a negative id on the grid: interviews and meetings number apart.
        # A meeting held remotely (no room) stands in a "Remote" column after the rooms, shown
        # while there is one in the days shown.
        # A medical examination's gets an id past every interview's and meeting's
        # (EXAMINATION_IDS + its id); one without a room stands in a "No room" column.
        remote, no_room = self.tr("Remote"), self.tr("No room")
        bookings = [(replace(b, id=-b.id) if b.room_id is not None else
                     replace(b, id=-b.id, room_id=REMOTE_ROOM, room_name=remote)) if is_meeting(b) else
                    (replace(b, id=EXAMINATION_IDS + b.id) if b.room_id is not None else
                     replace(b, id=EXAMINATION_IDS + b.id, room_id=NO_ROOM, room_name=no_room))
                    if is_examination(b) else b
                    for b in bookings]
        keep = self.grid.selected_booking()
        cursor = self.grid.cursor()
        used = {b.room_id for b in bookings}
        self._rooms = [r for r in rooms if (r.get("active", True) or r["id"] in used)
                       and self._filter_room in (None, r["id"])]
        if REMOTE_ROOM in used:
            self._rooms.append({"id": REMOTE_ROOM, "name": remote, "kind": "remote", "active": True})
        if NO_ROOM in used:
            self._rooms.append({"id": NO_ROOM, "name": no_room, "kind": "remote", "active": True})
        self._bookings = bookings
        self._loaded_once = True
        focus_day = self._date if cursor[0] not in days else cursor[0]
        self.grid.set_data(mode, days, self._rooms, bookings, self._tz, focus_day=focus_day, compact=self._compact)
        self.room_legend.set_rooms([r["name"] for r in self._rooms])
        self.room_legend.setVisible(self.grid.layout.compact)
        self.compact_box.setEnabled(mode == WEEK)
        if keep is not None and not self.grid.select_booking(keep.id) and cursor[0] in days and cursor[1] is not None:
            if any(r["id"] == cursor[1] for r in self._rooms):
                self.grid.set_cursor(*cursor)
        if not self._rooms:
            self.message.show_info(self.tr("There are no rooms yet. An administrator sets up the centre's "
                                           "rooms under Administration."))
        self._update_selection()

    # --- filters ---------------------------------------------------------------------------------------
    def _fill_filters(self, rooms: list[dict]) -> None:
        """The choices of the two filters, as the record has them (the choice made stays)."""
        for combo, items in ((self.room_combo, [(r["name"], r["id"]) for r in rooms if r.get("active", True)
                                                 or r["id"] == self._filter_room]),
                             (self.interviewer_combo, [(p["display_name"], p["id"])
                                                       for p in (self._interviewers or [])])):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for name, value in items:
                combo.addItem(name, value)
            i = combo.findData(current)
            combo.setCurrentIndex(i if i >= 0 else 0)
            combo.blockSignals(False)

    def _filters_changed(self, _index: int = 0) -> None:
        room, who = self.room_combo.currentData(), self.interviewer_combo.currentData()
        if (room, who) != (self._filter_room, self._filter_interviewer):
            self._filter_room, self._filter_interviewer = room, who
            self.reload()

    def clear(self) -> None:
        """Drop every booking shown (the application is locking)."""
        for dlg in self.findChildren(QDialog):
            dlg.reject()
        self._date_timer.stop()
        self._generation += 1  # a read still under way is not shown
        self._move_running = False
        self.session = None  # the session is closing; a new panel is built after the next unlock
        self._bookings, self._rooms, self._all_rooms = [], [], []
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
        elif b is not None and is_meeting(b):
            text = self.tr("Selected: {what}.").format(what=g.describe(b)) + " " + self.tr(
                "Enter opens the meeting.")
        elif b is not None:
            text = self.tr("Selected: {what}.").format(what=g.describe(b))
            hints = [self.tr("Enter opens the case.")]
            if is_examination(b):
                hints.append(self.tr("It is moved in the case's Medical tab."))
            elif self._can_move and b.status == "planned":
                hints.append(self.tr("Ctrl+arrow keys move it."))
            text += " " + " ".join(hints)
        else:
            day, room_id, minutes = g.cursor()
            if day is None or room_id is None:
                text = ""
            else:
                room = next((r["name"] for r in self._rooms if r["id"] == room_id), "")
                text = self.tr("{when}, {room}: free.").format(when=self._slot_text(day, minutes), room=room)
                if self._can_plan and room_id != REMOTE_ROOM:
                    text += " " + self.tr("Enter plans an interview here.")
        self.selected_label.setText(text)
        g.setAccessibleDescription(text)
        self.open_button.setEnabled(b is not None and ghost is None)
        self.move_button.setEnabled(b is not None and ghost is None and b.status == "planned"
                                    and not is_examination(b))

    # --- actions ---------------------------------------------------------------------------------------
    def _booking_activated(self, booking_id: int) -> None:
        self._open(next((x for x in self._bookings if x.id == booking_id), None))

    def open_selected(self) -> None:
        self._open(self.grid.selected_booking())

    def _open(self, b) -> None:
        if b is None:
            return
        if is_meeting(b):
            self.open_meeting.emit(-b.id)
        elif b.case_id is not None:
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
        if room_id == REMOTE_ROOM:
            room_id = None   # an interview is held in a room: the dialog asks which
        dlg = InterviewPlanDialog(self.session, self, case_id=None, starts_at=starts_at, room_id=room_id,
                                  time_zone=self._zone_name)
        dlg.finished.connect(lambda result, d=dlg: self._planned(d, result))
        dlg.open()

    def _planned(self, dlg, result: int) -> None:
        dlg.deleteLater()
        if self.session is None:
            return
        if result == QDialog.DialogCode.Accepted:
            new_id = getattr(dlg, "interview_id", None)
            new_id = new_id() if callable(new_id) else new_id
            self.reload(select_id=new_id if isinstance(new_id, int) else None)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def _move_requested(self, booking_id: int, day: date, minutes: int, room_id: int) -> None:
        # Run from the event loop: a drop must not open a modal dialog inside the mouse handler.
        QTimer.singleShot(0, self, lambda: self.move_booking(booking_id, day, minutes, room_id))

    def move_booking(self, booking_id: int, day: date, minutes: int, room_id: int,
                     overrides: dict | None = None) -> None:
        """Move a booking through the core (off the GUI thread); conflicts need the planner's
        written reasons, and the move is asked again with them. Whatever happens the bookings are
        read again; `loading` stays true until they are shown."""
        if self.session is None or (self._move_running and overrides is None):
            return   # one move at a time: the preview stays until the first is answered
        if overrides is None:
            self.message.clear()
        if room_id == REMOTE_ROOM:
            self.message.show_info(self.tr("An interview is held in a room, not remotely. Nothing was moved."))
            self._move_ended(booking_id)
            return
        starts_at = self.slot_datetime(day, minutes)
        if starts_at is None:
            self.message.show_info(self.tr("That time does not exist on that day: the clocks go forward. "
                                           "Nothing was moved."))
            self._move_ended(booking_id)
            return
        b = next((x for x in self._bookings if x.id == booking_id), None)
        reference = b.case_reference if b is not None else ""
        s = self.session
        self._move_running = True
        self._reads += 1

        def moved(_result) -> None:
            room = next((r["name"] for r in self._rooms if r["id"] == room_id), "")
            text = self.tr("Moved case {reference} to {when}, {room}.").format(
                reference=reference, when=self._slot_text(day, minutes), room=room)
            self._move_ended(booking_id, lambda: self.message.show_info(text))

        def failed(error: BaseException) -> None:
            if self.session is None:   # locked meanwhile
                return
            if isinstance(error, ConflictsFound):
                def answered(reasons) -> None:
                    if self.session is None:   # locked while the dialog was open
                        return
                    if reasons is not None:   # asked again, with the written reasons
                        self.move_booking(booking_id, day, minutes, room_id, {**(overrides or {}), **reasons})
                        return
                    self.message.show_info(self.tr("Nothing was moved."))
                    self._move_ended(booking_id)

                # not exec(): this runs in a callback of the event loop (see open_override_reasons)
                open_override_reasons(error.check, self, answered)
                return
            if isinstance(error, ValidationError):
                self.message.show_info(self.tr("Not moved: {reason}").format(reason=core_message(error)))
            else:
                self.message.show_error(self.tr("Not moved: {reason}").format(reason=core_message(error)))
            self._move_ended(booking_id)

        run_operation(self, lambda: s.move_interview(booking_id, starts_at, room_id=room_id, overrides=overrides),
                      moved, on_failure=failed, on_finished=self._read_done)

    def _move_ended(self, booking_id: int, then: Callable[[], None] | None = None) -> None:
        """A move was made or not: the preview goes, the bookings are read again with the booking
        selected, and the keyboard goes back to the grid."""
        self._move_running = False
        if self.session is None:
            return
        self.grid.finish_move()
        self.reload(select_id=booking_id, then=then)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

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
        suggested = os.path.join(export_folder(self.session), f"barnahus-calendar-{first.isoformat()}.ics")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the calendar as"), suggested,
                                                    self.tr("iCalendar files (*.ics)"))
        if not path or self.session is None:
            return
        if not path.lower().endswith(".ics"):
            path += ".ics"
        self.export_ics(path, only_mine)

    def export_ics(self, path, only_mine: bool = False) -> None:
        """Write the bookings of the days shown to path, readable by its owner only (off the GUI
        thread; the Export button is disabled until it is done)."""
        first, last = self.shown_range()
        s, zone = self.session, self._zone_name

        def export() -> None:   # on the record's thread
            # the save dialog asked before replacing a file: replaced whole, owner-only
            write_file_safely(path, s.calendar_ics(first, last, zone, only_mine=only_mine), replace=True)

        def saved(_result) -> None:
            self.message.show_info(self.tr("The calendar was saved to {path}. Only you can read the file.").format(
                path=os.fspath(path)))

        def failed(error: BaseException) -> None:
            self.message.show_error(self.tr("The calendar was not exported: {reason}").format(
                reason=core_message(error)))

        run_operation(self, export, saved, on_failure=failed, hold=[self.export_button])
