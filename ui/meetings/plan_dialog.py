"""Planning a team meeting: kind, date and time, duration, room or remote, chair and minute-taker.

The core checks the room and the staff against interviews and other meetings with the same engine
as interviews (the no-contact rule does not apply: no child attends); a clash needs one written
reason per conflict, asked for by the interviews' conflict dialog, and the booking is asked again
with them. Nothing here decides what is a conflict.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from barnahus_app.errors import BarnahusError, ConflictsFound

from ui.common.booking_fields import BookingTimeFields
from ui.common.dates import centre_zone
from ui.common.feedback import FormDialog
from ui.common.vocab_widgets import ChoiceCombo, VocabCombo
from ui.interviews.conflict_dialog import open_override_reasons
from ui.meetings.shared import staff_choices

DEFAULT_MINUTES = 60


class MeetingPlanDialog(BookingTimeFields, FormDialog):
    """Plan a meeting. After the core booked it, .meeting_id holds its id."""

    ok_text = ""
    width_em = 34
    muted_hints = True
    ALIASES = {"starts_at": "when", "duration_minutes": "duration", "room_id": "place", "remote": "place",
               "chair_id": "chair", "minute_taker_id": "minute_taker"}

    def __init__(self, session, parent=None, *, starts_at: datetime | None = None, time_zone: str | None = None):
        self.meeting_id: int | None = None
        self.conflicts = None   # the conflict dialog while it asks for reasons
        self._overrides: dict[str, str] = {}
        self._start = starts_at
        self.time_zone = time_zone or centre_zone()
        super().__init__(session, parent)
        self.setObjectName("meetingPlanDialog")
        self.setWindowTitle(self.tr("Plan a meeting"))
        self.ok_button.setText(self.tr("&Book"))
        self.ok_button.setObjectName("bookMeetingButton")
        self.intro.setText(self.tr("Rooms and staff are checked against interviews and other meetings."))
        self.kind.setFocus()

    def build(self) -> None:
        self.kind = VocabCombo("meeting_kinds", placeholder_text=self.tr("Choose the kind"))
        self.kind.setObjectName("meetingKindCombo")
        self.add_field("kind", self.tr("&Kind:"), self.kind, accessible=self.tr("Kind of meeting"))

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("meetingTitleEdit")
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(self.tr("Optional"))
        self.add_field("title", self.tr("&Title:"), self.title_edit, accessible=self.tr("Title"))

        self.add_time_fields("meeting", self._start, DEFAULT_MINUTES)

        place = QWidget(self)
        pl = QHBoxLayout(place)
        pl.setContentsMargins(0, 0, 0, 0)
        self.room = ChoiceCombo(empty_text=self.tr("No room"))
        self.room.setObjectName("meetingRoomCombo")
        self.room.setAccessibleName(self.tr("Room"))
        try:
            self.room.set_choices([(r["id"], r["name"]) for r in self.session.list_rooms()])
        except BarnahusError:
            pass
        self.remote = QCheckBox(self.tr("Re&mote"), place)
        self.remote.setObjectName("meetingRemoteCheck")
        self.remote.setToolTip(self.tr("By video or telephone; with a room, some attend there and some remotely"))
        pl.addWidget(self.room, 1)
        pl.addWidget(self.remote)
        place.setFocusProxy(self.room)
        self.add_field("place", self.tr("&Room:"), place, self.tr("A room, remote, or both."),
                       accessible=self.tr("Room or remote"))

        people = staff_choices(self.session)
        self.chair = ChoiceCombo(people, placeholder_text=self.tr("Choose the chair"))
        self.chair.setObjectName("meetingChairCombo")
        if any(uid == self.session.user_id for uid, _n in people):
            self.chair.set_value(self.session.user_id)
        self.add_field("chair", self.tr("&Chair:"), self.chair, accessible=self.tr("Chair"))
        self.minute_taker = ChoiceCombo(people, empty_text=self.tr("Not chosen yet"))
        self.minute_taker.setObjectName("meetingMinuteTakerCombo")
        self.add_field("minute_taker", self.tr("Minute-ta&ker:"), self.minute_taker,
                       accessible=self.tr("Minute-taker"))

    def operation(self):
        s = self.session
        args = dict(kind=self.kind.value(), starts_at=self.starts_at(), duration=self.duration.value(),
                    chair_id=self.chair.value(), minute_taker_id=self.minute_taker.value(),
                    room_id=self.room.value(), remote=self.remote.isChecked(),
                    title=self.title_edit.text().strip() or None, time_zone=self.time_zone,
                    overrides=dict(self._overrides))
        return lambda: s.plan_meeting(args["kind"], args["starts_at"], args["duration"], chair_id=args["chair_id"],
                                      minute_taker_id=args["minute_taker_id"], room_id=args["room_id"],
                                      remote=args["remote"], title=args["title"], time_zone=args["time_zone"],
                                      overrides=args["overrides"] or None)

    def show_failure(self, exc: BaseException) -> None:
        if not isinstance(exc, ConflictsFound):
            super().show_failure(exc)
            return
        # open(), not exec(): this runs from the event loop, where a nested loop would hold up
        # whatever waits in it (a lock, a test) until the user answers.
        self.conflicts = open_override_reasons(exc.check, self, self._answered)

    def _answered(self, reasons: dict[str, str] | None) -> None:
        self.conflicts = None
        if reasons is None:
            self.general.show_info(self.tr("Not booked. Change the time, the room or the people, or book again "
                                           "and give your reasons."))
            self.grow_to_fit()
            return
        self._overrides.update(reasons)
        self.accept()   # asked again, with the written reasons

    def succeeded(self, result) -> None:
        self.meeting_id = int(result)
