"""Administration, "Rooms…": the centre's rooms, where interviews are planned (issue 17). Added,
renamed, retired and brought back into use, never deleted: old bookings keep naming them. Each is
one core call (the core checks the administrator's rights, refuses to retire a room with planned
interviews still ahead, and audits it)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from ui.admin.core_dialog import _CoreDialog
from ui.common.feedback import InlineMessage
from ui.common.icons import icon
from ui.common.tasks import run_operation
from ui.common.vocab_widgets import VocabCombo, term_label


class RoomDialog(_CoreDialog):
    """A new room (room None), or a room's name and kind changed."""

    def __init__(self, session, room: dict | None = None, parent=None):
        title = (self.tr("Rename {name}").format(name=room["name"]) if room else self.tr("Add a room"))
        super().__init__(title, parent)
        self.setObjectName("roomDialog")
        self.session, self.room = session, room
        self.name = self.add_field(self.tr("&Name:"), QLineEdit(self), "name", self.tr("Name"),
                                   self.tr("As the staff call it; shown in the calendar and on bookings."))
        self.kind = self.add_field(self.tr("&Kind:"), VocabCombo("room_kinds", self,
                                                                 placeholder_text=self.tr("Choose…")),
                                   "kind", self.tr("Kind"))
        if room:
            self.name.setText(room["name"])
            self.kind.set_value(room["kind"])
        else:
            self.kind.set_value("interview")
        self.name.selectAll()
        self.name.setFocus()

    def _submit(self) -> None:
        self.clear_messages()
        s, name, kind = self.session, self.name.text(), self.kind.value()
        if self.room is None:
            self.run(lambda: s.create_room(name, kind))
        else:
            rid = self.room["id"]
            self.run(lambda: s.update_room(rid, name=name, kind=kind))


class RoomsDialog(QDialog):
    """The rooms, in use and retired. Reads off the GUI thread (`loading` while it does)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("roomsDialog")
        self.setWindowTitle(self.tr("Rooms of the centre"))
        self.session = session
        self.rooms: list[dict] = []
        self._reads = 0
        em = self.fontMetrics().height()
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Interviews are planned in the rooms in use. A room is never deleted: bookings made in it keep its "
            "name. Retire a room that is no longer used; you can bring it back into use later."), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("roomsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Status")])
        self.table.setAccessibleName(self.tr("Rooms"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(icon("new"), self.tr("&Add a room…"), self)
        self.rename_button = QPushButton(self.tr("&Rename…"), self)
        self.retire_button = QPushButton(self.tr("Re&tire"), self)
        for b in (self.add_button, self.rename_button, self.retire_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(em * 36, em * 26)

        self.add_button.clicked.connect(self.add_room)
        self.rename_button.clicked.connect(self.rename_room)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button.setEnabled(session.can("room", "create"))
        self._selection_changed()
        self.refresh()

    @property
    def loading(self) -> bool:
        return self._reads > 0

    def refresh(self, select_id: int | None = None) -> None:
        s = self.session
        self._reads += 1
        run_operation(self, lambda: s.list_rooms(include_retired=True),
                      lambda rooms: self._show(rooms, select_id), errors=self.message, on_finished=self._read_done)

    def _read_done(self) -> None:
        self._reads -= 1

    def _show(self, rooms: list[dict], select_id: int | None) -> None:
        selected = self.selected_room()
        keep = select_id if select_id is not None else (selected["id"] if selected else None)
        self.rooms = rooms
        self.table.setRowCount(len(rooms))
        for r, room in enumerate(rooms):
            values = (room["name"], term_label("room_kinds", room["kind"]),
                      self.tr("In use") if room["active"] else self.tr("Retired"))
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
            if room["id"] == keep:
                self.table.selectRow(r)
        if self.selected_room() is None and rooms:
            self.table.selectRow(0)
        self._selection_changed()

    def selected_room(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rooms):
            return None
        return self.rooms[rows[0].row()]

    def _selection_changed(self) -> None:
        room = self.selected_room()
        may = room is not None and self.session.can("room", "update")
        self.rename_button.setEnabled(may)
        self.retire_button.setEnabled(may)
        self.retire_button.setText(self.tr("Bring back &into use") if room and not room["active"]
                                   else self.tr("Re&tire"))

    def add_room(self) -> None:
        dlg = RoomDialog(self.session, None, self)
        accepted, name, rid = dlg.exec() == QDialog.DialogCode.Accepted, dlg.name.text().strip(), dlg.result_value
        dlg.deleteLater()
        if accepted:
            self.message.show_info(self.tr("The room {name} was added: interviews can be planned in it.")
                                   .format(name=name))
            self.refresh(select_id=rid)

    def rename_room(self) -> None:
        room = self.selected_room()
        if room is None:
            return
        dlg = RoomDialog(self.session, room, self)
        accepted, name = dlg.exec() == QDialog.DialogCode.Accepted, dlg.name.text().strip()
        dlg.deleteLater()
        if accepted:
            self.message.show_info(self.tr("The room is now called {name}.").format(name=name))
            self.refresh()

    def toggle_retired(self) -> None:
        room = self.selected_room()
        if room is None:
            return
        s, rid, active = self.session, room["id"], not room["active"]
        self.message.clear()

        def done(_result) -> None:
            self.message.show_info((self.tr("{name} is in use again.") if active else self.tr(
                "{name} is retired: no new interviews are planned in it; its bookings keep its name."))
                .format(name=room["name"]))
            self.refresh()

        run_operation(self, lambda: s.update_room(rid, active=active), done, errors=self.message,
                      hold=(self.retire_button,))
