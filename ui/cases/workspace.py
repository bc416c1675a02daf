"""One case: its overview, and intake editing of the case, the child and the other persons.

Everything shown comes from session.get_case / session.get_person (the core audits every read);
everything saved goes through the core, whose ValidationError names the field its message is
shown beside. The widgets decide nothing about what may be stored or who may do what:
session.can() only shapes the view, the core still checks every call.
"""
from __future__ import annotations

import itertools

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QBoxLayout, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
    QScrollArea, QSplitter, QStackedWidget, QStyle, QTabWidget, QVBoxLayout, QWidget,
)

from barnahus_app import fields as core_fields
from barnahus_app import vocab
from barnahus_app.api import BarnahusError, PossibleDuplicate, ValidationError
from barnahus_app.fields import PERSON_FIELDS, PERSON_TERM_VOCABULARIES, VULNERABILITY_FIELDS
from barnahus_app.persons.actions import display_name

from ui.common.dates import local_datetime_text
import ui.features  # noqa: F401 (the features register their tabs)
from ui.common.pages import case_tabs
from ui.common.field_widgets import Form, OptionalDateTimeEdit, error_color
from ui.common.feedback import bold, scroll_area
from ui.common.icons import begin_icon
from ui.common.vocab_widgets import (
    ChoiceCombo, VocabChecklist, VocabCombo, jurisdiction_choices, term_label,
)

DRAFT_VERSION = 1
PERSON_REF_FIELDS = ("guardian_person_id", "trusted_person_id")
# Fields the child's editor shows that are about the child only.
CHILD_ONLY_FIELDS = ("birth_registered", "guardian_person_id", "guardian_kind", "trusted_person_id")
# ValidationError.field names the core uses that are not form field names.
FIELD_ALIASES = {
    "forms of abuse": "abuse_forms",
    "party role": "role",
    "relationship to the child": "relationship",
    "no contact": "no_contact",
    "reason": "no_contact_reason",
}
_uid_counter = itertools.count(1)


def _clean_name(given: str | None, family: str | None) -> str:
    return display_name((given or "").strip(), (family or "").strip() or None)


def _heading(text: str, parent=None, scale: float = 1.15) -> QLabel:
    lab = bold(QLabel(text, parent), scale)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setAccessibleName(text)
    return lab


# --- the no-contact banner -------------------------------------------------------------------
def _no_entry_pixmap(size: int, ratio: float) -> QPixmap:
    pm, p = begin_icon(size, ratio)
    p.setBrush(QColor("white"))
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    p.setBrush(QColor(NoContactBanner.BACKGROUND))
    bar_h = size * 0.22
    p.drawRoundedRect(QRectF(size * 0.2, (size - bar_h) / 2, size * 0.6, bar_h), 2, 2)
    p.end()
    return pm


class NoContactBanner(QFrame):
    """Shown at the top of the workspace whenever the case has a no-contact pair. The same high
    contrast in light and dark mode: white on dark red (about 10:1), with a light border."""

    BACKGROUND = "#8b0000"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("noContactBanner")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(2)
        pal = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            pal.setColor(group, QPalette.ColorRole.Window, QColor(self.BACKGROUND))
            pal.setColor(group, QPalette.ColorRole.WindowText, QColor("white"))
            pal.setColor(group, QPalette.ColorRole.Text, QColor("white"))
            pal.setColor(group, QPalette.ColorRole.Light, QColor("#ffd0d0"))
            pal.setColor(group, QPalette.ColorRole.Dark, QColor("#ffd0d0"))
        self.setPalette(pal)
        self.setAccessibleName(self.tr("No-contact warning"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(12)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.icon.setAccessibleName(self.tr("No contact"))
        lay.addWidget(self.icon)
        self._icon_size = int(self.fontMetrics().height() * 1.8)
        self.icon.setFixedSize(self._icon_size, self._icon_size)
        self.icon.setPixmap(_no_entry_pixmap(self._icon_size, 1.0))
        self.text = QLabel(self)
        self.text.setObjectName("noContactText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        bold(self.text, 1.1)
        lay.addWidget(self.text, 1)
        self.hide()

    def showEvent(self, event):  # noqa: N802 (Qt name): sharp at any scaling
        self.icon.setPixmap(_no_entry_pixmap(self._icon_size, self.devicePixelRatioF()))
        super().showEvent(event)

    def set_lines(self, lines: list[str]) -> None:
        self.text.setText("\n".join(lines))
        self.text.setAccessibleName(" ".join(lines))
        self.setAccessibleDescription(" ".join(lines))
        self.setVisible(bool(lines))


# --- the duplicate-person dialog -------------------------------------------------------------
class DuplicatePersonDialog(QDialog):
    """Candidates that may be the person being entered. The user picks one of them, or confirms
    that this is a new person. No button is the default: Enter alone decides nothing."""

    USE_EXISTING = 1
    CREATE_NEW = 2

    def __init__(self, candidates: list[dict], entered: str, parent=None, *, search_only=False):
        super().__init__(parent)
        self.setObjectName("duplicatePersonDialog")
        self.setWindowTitle(self.tr("Is this person already in the record?"))
        self.setModal(True)
        self.choice: int | None = None
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        intro = QLabel(self.tr(
            "These persons in the record have a similar name or the same date of birth. "
            "If one of them is the person you are entering, use that record: one person keeps "
            "one record across all their cases."), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        you = QLabel(self.tr("You entered: %1").replace("%1", entered), self)
        you.setTextFormat(Qt.TextFormat.PlainText)
        you.setWordWrap(True)
        lay.addWidget(you)
        self.list = QListWidget(self)
        self.list.setObjectName("duplicateCandidates")
        self.list.setAccessibleName(self.tr("Persons already in the record"))
        for c in candidates:
            name = _clean_name(c.get("given_name"), c.get("family_name"))
            born = (self.tr("born %1").replace("%1", c["date_of_birth"]) if c.get("date_of_birth")
                    else self.tr("date of birth not recorded"))
            item = QListWidgetItem(self.tr("%1, %2 (person no. %3)").replace("%1", name)
                                   .replace("%2", born).replace("%3", str(c["id"])), self.list)
            item.setData(Qt.ItemDataRole.UserRole, c["id"])
        if candidates:
            self.list.setCurrentRow(0)
        lay.addWidget(self.list, 1)
        note = QLabel(self.tr("Using an existing person links their record as it is stored; "
                              "check their details afterwards."), self)
        note.setWordWrap(True)
        lay.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.use_button = buttons.addButton(self.tr("&Use the selected person"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setObjectName("useExistingButton")
        self.new_button = None
        if not search_only:
            self.new_button = buttons.addButton(self.tr("Create a &new person"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
            self.new_button.setObjectName("createNewButton")
            self.new_button.clicked.connect(self._create_new)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        for b in buttons.buttons():
            b.setAutoDefault(False)
            b.setDefault(False)
        self.use_button.clicked.connect(self._use)
        cancel.clicked.connect(self.reject)
        self.use_button.setEnabled(bool(candidates))
        lay.addWidget(buttons)
        self.list.setFocus()
        self.resize(self.sizeHint().expandedTo(QSize(self.fontMetrics().averageCharWidth() * 70, 0)))

    def selected_person_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _use(self) -> None:
        if self.selected_person_id() is not None:
            self.choice = self.USE_EXISTING
            self.accept()

    def _create_new(self) -> None:
        self.choice = self.CREATE_NEW
        self.accept()


class PersonRefCombo(ChoiceCombo):
    """Another person of this case (by editor uid), or a person outside it ("person:<id>")."""

    def __init__(self, parent=None, *, empty_text=None):
        super().__init__((), parent, empty_text=empty_text)

    def _add_unlisted(self, value) -> int:
        text = str(value)
        label = (self.tr("Person no. %1 (not in this case)").replace("%1", text.split(":", 1)[1])
                 if text.startswith("person:") else self.tr("A person no longer in this list"))
        self.addItem(label, value)
        return self.count() - 1


# --- one person in the case --------------------------------------------------------------------
class PersonEditor(QWidget):
    """Intake of one person in the case: a child (victim, witness or at risk) or another person
    (carer, alleged offender, witness...). A new person is created through the core on save;
    an existing one is read with get_person only when first shown."""

    changed = Signal()
    findRequested = Signal(object)  # self

    def __init__(self, workspace: "CaseWorkspace", kind: str, *, person_id=None, linked=False,
                 role=None, relationship=None, party_id=None, name=""):
        super().__init__()
        self.ws = workspace
        self.session = workspace.session
        self.kind = kind  # "child" or "party"
        self.person_id = person_id
        self.linked = linked
        self.party_id = party_id
        self.saved_role = role if linked else None
        self.saved_relationship = relationship if linked else None
        self.acknowledged_duplicates = False
        self.loaded = person_id is None
        self.no_contact_saved = False
        self.known_name = name
        self.uid = (f"{kind}:{party_id or person_id}" if linked else f"new:{next(_uid_counter)}")
        self._baseline: dict = {}
        self._loaded_terms: dict = {}
        s = self.session
        self.can_vuln_read = s.can("vulnerability", "read")
        self.can_vuln_update = s.can("vulnerability", "update")
        self._build()
        if role is None and kind == "child":
            role = "victim"  # as the core's add_child; the user changes it if the child is a witness
        self.form.set_values({"role": role, "relationship": relationship})
        self._apply_permissions()
        self._baseline = self.values()

    # construction --------------------------------------------------------------------------------
    def _build(self) -> None:
        inner = QWidget()
        inner.setMaximumWidth(self.fontMetrics().averageCharWidth() * 110)
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(12, 8, 12, 12)
        self.heading = _heading(self.tr("Child") if self.kind == "child" else self.tr("Other person"), inner)
        lay.addWidget(self.heading)
        self.load_error = QLabel(inner)
        self.load_error.setWordWrap(True)
        self.load_error.hide()
        lay.addWidget(self.load_error)
        form_layout = QFormLayout()
        lay.addLayout(form_layout)
        lay.addStretch(1)
        f = self.form = Form(form_layout, self)

        f.add_heading(self.tr("Role in the case"))
        if self.kind == "child":
            # A child is a victim, witness or at risk; the list offers nothing else.
            f.add("role", self.tr("Role"), VocabCombo("child_roles"))
        else:
            f.add("role", self.tr("Role"), VocabCombo("party_roles", placeholder_text=self.tr("Choose a role")))
            f.add("relationship", self.tr("Relationship to the child"),
                  VocabCombo("relationships_to_child", empty_text=self.tr("Not recorded")))

        f.add_heading(self.tr("Identity"))
        f.add("given_name", self.tr("Given name"), QLineEdit())
        f.add("family_name", self.tr("Family name"), QLineEdit())
        self.find_button = QPushButton(self.tr("Look for this person in the record…"))
        self.find_button.setObjectName("findPersonButton")
        self.find_button.setAutoDefault(False)
        self.find_button.setToolTip(self.tr("Check whether this person already has a record, "
                                       "before entering their details"))
        self.find_button.clicked.connect(lambda: self.findRequested.emit(self))
        self.find_result = QLabel()
        self.find_result.setWordWrap(True)
        self.find_result.hide()
        find_row = QWidget()
        fl = QVBoxLayout(find_row)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.find_button, 0, Qt.AlignmentFlag.AlignLeft)
        fl.addWidget(self.find_result)
        form_layout.addRow("", find_row)
        self.find_row = find_row
        f.add("other_names", self.tr("Other names"), QLineEdit(),
              self.tr("Earlier names, nicknames or other spellings"))
        dob = QLineEdit()
        dob.setPlaceholderText(self.tr("YYYY-MM-DD"))
        dob.setMaxLength(10)
        dob.setMaximumWidth(dob.fontMetrics().horizontalAdvance("0000-00-00") * 2)
        f.add("date_of_birth", self.tr("Date of birth"), dob,
              self.tr("Year-month-day, e.g. 2014-05-06. Leave empty if not known."))
        f.add("dob_status", self.tr("Date of birth is"),
              VocabCombo("dob_statuses", empty_text=self.tr("Not recorded")))
        f.add("gender", self.tr("Gender"), VocabCombo("genders", empty_text=self.tr("Not recorded")))
        f.add("gender_description", self.tr("Gender in their own words"), QLineEdit(),
              self.tr("Only if the person describes their gender themselves"))

        f.add_heading(self.tr("Language"))
        f.add("languages", self.tr("Languages"), QLineEdit(),
              self.tr("Language codes separated by commas, e.g. sv, ar, uk"))
        f.add("interpreter_needed", self.tr("Interpreter"), QCheckBox(self.tr("Needs an interpreter")))
        f.add("interpreter_language", self.tr("Interpreter language"), QLineEdit(),
              self.tr("One language code, e.g. ar"))

        f.add_heading(self.tr("Background"))
        f.add("nationality", self.tr("Nationality"), QLineEdit())
        f.add("country_of_origin", self.tr("Country of origin"), QLineEdit())
        if self.kind == "child":
            f.add("birth_registered", self.tr("Birth registered"),
                  VocabCombo("birth_registration", empty_text=self.tr("Not recorded")))
            f.add_heading(self.tr("Guardian and trusted person"))
            f.add("guardian_person_id", self.tr("Guardian or representative"),
                  PersonRefCombo(empty_text=self.tr("None recorded")),
                  self.tr("Add the guardian as another person in this case first"))
            f.add("guardian_kind", self.tr("Kind of guardian"),
                  VocabCombo("guardian_kinds", empty_text=self.tr("Not recorded")))
            f.add("trusted_person_id", self.tr("Trusted person chosen by the child"),
                  PersonRefCombo(empty_text=self.tr("None recorded")))

        f.add_heading(self.tr("Contact"))
        addr = QPlainTextEdit()
        addr.setTabChangesFocus(True)
        addr.setFixedHeight(addr.fontMetrics().height() * 3 + 12)
        f.add("address", self.tr("Address"), addr)
        f.add("phone", self.tr("Phone"), QLineEdit())

        if self.kind == "child" and self.can_vuln_read:
            self.vuln_heading = f.add_heading(self.tr("Vulnerability"))
            dis = QPlainTextEdit()
            dis.setTabChangesFocus(True)
            dis.setFixedHeight(dis.fontMetrics().height() * 3 + 12)
            f.add("disability", self.tr("Disability"), dis)
            labels = {"special_protection_needs": self.tr("Special protection needs"),
                      "risk_factors": self.tr("Risk factors"), "protective_factors": self.tr("Protective factors")}
            for vname in PERSON_TERM_VOCABULARIES:
                f.add(vname, labels.get(vname, vname), VocabChecklist(vname, visible_rows=6))

        if self.kind == "party":
            f.add_heading(self.tr("No contact"))
            f.add("no_contact", self.tr("No contact"),
                  QCheckBox(self.tr("Must never be in the building at the same time as the child")),
                  self.tr("Scheduling will keep this person and the child apart"))
            f.add("no_contact_reason", self.tr("Reason for no contact"), QLineEdit())

        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(notes.fontMetrics().height() * 4 + 12)
        f.add_heading(self.tr("Notes"))
        f.add("notes", self.tr("Notes"), notes)

        f.changed.connect(self.changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll_area(inner))
        self.setFocusProxy(f.rows["role"])

    def _apply_permissions(self) -> None:
        s = self.session
        ws = self.ws
        new = self.person_id is None
        can_person = s.can("person", "create") if new else s.can("person", "update")
        can_link = ws.can_edit_case
        self.form.set_read_only(not can_person)
        # Roles: a child's role can be set again (add_child); another person's role is fixed
        # once linked (the core has no call to change it).
        if self.kind == "child":
            self.form.rows["role"].set_read_only(not can_link)
        else:
            fixed = self.linked or not can_link
            self.form.rows["role"].set_read_only(fixed)
            self.form.rows["relationship"].set_read_only(fixed)
            nc = self.form.rows["no_contact"]
            nc_ro = self.no_contact_saved or not s.can("person", "update") or (new and not can_link)
            nc.set_read_only(nc_ro)
            self.form.rows["no_contact_reason"].set_read_only(nc_ro)
        if self.kind == "child" and self.can_vuln_read:
            self.form.set_read_only(not self.can_vuln_update, ("disability",) + PERSON_TERM_VOCABULARIES)
        self.find_row.setVisible(new and can_person)

    # state -----------------------------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if self.loaded or self.person_id is None:
            self.loaded = True
            return
        try:
            person = self.session.get_person(self.person_id)
        except BarnahusError as e:
            self.load_error.setText(str(e))
            self.load_error.show()
            self.loaded = True
            self.form.set_read_only(True)
            return
        self.load_person(person)

    def load_person(self, person: dict) -> None:
        vals = {k: person.get(k) for k in PERSON_FIELDS if k not in PERSON_REF_FIELDS}
        for ref in PERSON_REF_FIELDS:
            if ref in self.form.rows:
                vals[ref] = self.ws.uid_for_person(person.get(ref))
        if self.can_vuln_read and "disability" in self.form.rows:
            vals["disability"] = person.get("disability")
            terms = person.get("terms") or {}
            for vname in PERSON_TERM_VOCABULARIES:
                vals[vname] = list(terms.get(vname) or [])
        if self.kind == "party":
            child = self.ws.first_child_person_id()
            pair = next((n for n in person.get("no_contact") or [] if n["other_person_id"] == child), None)
            self.no_contact_saved = pair is not None
            vals["no_contact"] = pair is not None
            vals["no_contact_reason"] = pair.get("reason") if pair else None
        self.loaded = True
        self.known_name = _clean_name(person.get("given_name"), person.get("family_name"))
        self.form.set_values(vals)
        self._apply_permissions()
        self._baseline = self.values()
        self.changed.emit()

    def values(self) -> dict:
        return self.form.values()

    def set_values(self, values: dict) -> None:
        self.form.set_values(values)

    def is_dirty(self) -> bool:
        if self.person_id is None or not self.linked:
            return True
        return self.loaded and self.values() != self._baseline

    def mark_clean(self) -> None:
        self._baseline = self.values()

    def name(self) -> str:
        if not self.loaded:
            return self.known_name
        v = self.form.values(("given_name", "family_name"))
        return _clean_name(v.get("given_name"), v.get("family_name")) or self.known_name

    def list_text(self) -> str:
        name = self.name() or (self.tr("New child") if self.kind == "child" else self.tr("New person"))
        role = self.form.rows["role"].value()
        vocab_name = "child_roles" if self.kind == "child" else "party_roles"
        role_text = term_label(vocab_name, role) if role else self.tr("role not chosen")
        parts = [self.tr("Child") if self.kind == "child" else self.tr("Other person"), role_text]
        if not self.linked:
            parts.append(self.tr("not saved yet"))
        return name + "\n" + " · ".join(parts)

    def has_errors(self) -> bool:
        return any(r.has_error() for r in self.form.rows.values())

    def set_person_choices(self, choices: list[tuple[str, str]]) -> None:
        for ref in PERSON_REF_FIELDS:
            row = self.form.rows.get(ref)
            if row is None:
                continue
            combo: ChoiceCombo = row.editor
            current = combo.value()
            was_blocked = combo.blockSignals(True)
            combo.set_choices([c for c in choices if c[0] != self.uid], keep_value=False)
            if current is not None and (combo.findData(current) >= 0 or str(current).startswith("person:")):
                combo.set_value(current)  # a person outside this case stays chosen
            combo.blockSignals(was_blocked)
            row.set_read_only(row.read_only)

    def payload(self) -> dict:
        return {"uid": self.uid, "kind": self.kind, "person_id": self.person_id,
                "linked": self.linked, "party_id": self.party_id,
                "acknowledged_duplicates": self.acknowledged_duplicates,
                "values": self.values() if self.loaded else None}

    # what to send to the core ------------------------------------------------------------------
    def person_values(self, only_changed: bool) -> dict:
        """Person fields for the save_intake call (the references are added by the workspace)."""
        vals = self.values()
        out = {}
        for k in PERSON_FIELDS:
            if k in PERSON_REF_FIELDS or k not in vals:
                continue
            if only_changed and vals[k] == self._baseline.get(k):
                continue
            out[k] = vals[k]
        if self.can_vuln_update and "disability" in vals:
            if not only_changed or vals["disability"] != self._baseline.get("disability"):
                if vals["disability"] or only_changed:
                    out["disability"] = vals["disability"]
        return out

    def term_values(self, only_changed: bool) -> dict:
        if not (self.can_vuln_update and "disability" in self.form.rows):
            return {}
        vals = self.values()
        out = {}
        for vname in PERSON_TERM_VOCABULARIES:
            if only_changed and vals[vname] == self._baseline.get(vname):
                continue
            if vals[vname] or only_changed:
                out[vname] = vals[vname]
        return out

    def ref_changes(self) -> dict:
        vals = self.values()
        return {k: vals[k] for k in PERSON_REF_FIELDS
                if k in vals and (self.person_id is None or not self.linked or vals[k] != self._baseline.get(k))
                and (vals[k] is not None or self._baseline.get(k) is not None)}

    def show_error(self, field: str, message: str) -> bool:
        field = FIELD_ALIASES.get(field, field)
        row = self.form.show_error(field, message)
        if row is None:
            return False
        self.ws.focus_row(self, row)
        return True


class _ResponsiveColumns(QWidget):
    """Two columns side by side, one under the other when the window is narrow (large text,
    200% scaling, a half-screen window)."""

    columns: QBoxLayout

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        narrow = event.size().width() < self.fontMetrics().averageCharWidth() * 150
        want = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.columns.direction() != want:
            self.columns.setDirection(want)
        super().resizeEvent(event)


# --- the workspace ---------------------------------------------------------------------------
class CaseWorkspace(QWidget):
    """Overview and intake of one case (case_id None: a new case)."""

    saved = Signal(int)
    titleChanged = Signal(str)
    dirtyChanged = Signal(bool)

    def __init__(self, session, case_id: int | None, parent=None):
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.case: dict | None = None
        self._forced_dirty = False
        self._last_dirty = False
        self._closing_ok = False
        self._shown_once = False
        self._case_baseline: dict = {}
        self.editors: list[PersonEditor] = []
        s = session
        self.can_edit_case = s.can("case", "create") if case_id is None else s.can("case", "update")
        self.can_read_persons = s.can("person", "read")
        self.setObjectName("caseWorkspace")
        self._build()
        if case_id is not None:
            self._load_case()
        else:
            self._new_case_defaults()
        self._case_baseline = self.case_form.values()
        self._update_dirty()

    # construction --------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(8)
        self.banner = NoContactBanner(self)
        outer.addWidget(self.banner)

        head = QHBoxLayout()
        self.title_label = _heading("", self, 1.4)
        self.title_label.setObjectName("caseTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.title_label)
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("statusBadge")
        head.addWidget(self.status_badge)
        self.emergency_badge = QLabel(self.tr("Emergency"), self)
        self.emergency_badge.setObjectName("emergencyBadge")
        self.emergency_badge.setAccessibleName(self.tr("Emergency: remove the child from harm at once"))
        self.emergency_badge.setToolTip(self.tr("Emergency: remove the child from harm at once"))
        self.emergency_badge.setAutoFillBackground(True)
        self.emergency_badge.setContentsMargins(8, 2, 8, 2)
        ep = self.emergency_badge.palette()
        ep.setColor(QPalette.ColorRole.Window, QColor(NoContactBanner.BACKGROUND))
        ep.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        self.emergency_badge.setPalette(ep)
        bf = self.emergency_badge.font()
        bf.setBold(True)
        self.emergency_badge.setFont(bf)
        self.emergency_badge.hide()
        head.addWidget(self.emergency_badge)
        head.addStretch(1)
        # "Saved." beside the button, in the row that is there anyway: shown and hidden, it moves
        # nothing (below the title it pushed the tabs down one row, then up again after 5 s, and
        # the next click landed on the wrong tab).
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("workspaceSaved")
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        head.addWidget(self.saved_label)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S)"))
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        head.addWidget(self.save_button)
        outer.addLayout(head)

        self.message = QLabel(self)
        self.message.setObjectName("workspaceMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        outer.addWidget(self.message)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(5000)
        self._message_timer.timeout.connect(self._hide_success)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)

        self.overview_holder = QWidget()
        QVBoxLayout(self.overview_holder).setContentsMargins(0, 0, 0, 0)
        self.overview = None
        if self.case_id is not None:
            self.tabs.addTab(scroll_area(self.overview_holder), self.tr("&Overview"))

        self._build_case_form()
        if self.can_edit_case:
            self.tabs.addTab(scroll_area(self.case_page), self.tr("Case &details"))
        else:  # still read by the save and draft code: kept, hidden, owned by Qt
            self.case_page.setParent(self)
            self.case_page.hide()
        if self.can_read_persons:
            self._build_persons_page()
            self.tabs.addTab(self.persons_page, self.tr("&Persons"))
        self.feature_tabs: dict[str, QWidget] = {}   # the registered tabs built, by key
        for entry in case_tabs:
            setattr(self, entry.attribute, None)

        self.editable_any = (self.can_edit_case or self.session.can("person", "update")
                             or self.session.can("vulnerability", "update"))
        self.save_button.setVisible(self.editable_any)
        sc = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(self.save)
        self._update_title()

    def _add_feature_tabs(self) -> None:
        """The registered tabs of a saved case (ui/common/pages.py), once it has been read: after
        the case's own pages, in their order; each only once."""
        for entry in case_tabs:
            if entry.key not in self.feature_tabs and entry.shown(self.session):
                page = entry.build(self)
                self.feature_tabs[entry.key] = page
                setattr(self, entry.attribute, page)
                self.tabs.addTab(page, entry.text())

    def show_tab(self, key: str) -> bool:
        """Show a registered tab of the case (e.g. "team" from Today), with the keyboard in it.
        A key may name what to select in the tab after a colon ("followup:RULE:PERSON"): the
        tab's select_rule(RULE, PERSON) is called with the numbers."""
        key, _sep, item = key.partition(":")
        page = self.feature_tabs.get(key)
        if page is None:
            return False
        self.tabs.setCurrentWidget(page)
        if item and hasattr(page, "select_rule"):
            page.select_rule(*(int(n) for n in item.split(":")))
        if hasattr(page, "focus_first"):
            page.focus_first()
        else:
            page.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _build_case_form(self) -> None:
        page = self.case_page = _ResponsiveColumns()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(12, 8, 12, 12)
        columns = page.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(24)
        left, right = QFormLayout(), QFormLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        lay.addLayout(columns)
        lay.addStretch(1)
        f = self.case_form = Form(left, self)
        f.add_heading(self.tr("Referral"))
        f.add("referral_received_at", self.tr("Report received"), OptionalDateTimeEdit(required=True))
        f.add("referral_source", self.tr("Referred by"),
              VocabCombo("referral_sources", empty_text=self.tr("Not recorded")))
        f.add("reporter_profession", self.tr("Reporter's profession"),
              VocabCombo("reporter_professions", empty_text=self.tr("Not recorded")))
        f.add("ex_officio", self.tr("Ex officio"), QCheckBox(self.tr("Opened without a complaint")))
        f.add_heading(self.tr("Screening"))
        f.add("screened_at", self.tr("Screened"), OptionalDateTimeEdit(check_text=self.tr("Done")))
        f.add("triage_level", self.tr("Triage"), VocabCombo("triage_levels", empty_text=self.tr("Not recorded")))
        f.add("emergency", self.tr("Emergency"), QCheckBox(self.tr("Remove the child from harm at once")))
        f.add("acted_at", self.tr("Acted on"), OptionalDateTimeEdit(check_text=self.tr("Done")))
        f.add_heading(self.tr("Case"))
        f.add("status", self.tr("Status"), VocabCombo("case_statuses"))
        leads = []
        try:
            if self.session.can("user", "read"):
                leads = [(u["id"], u["display_name"]) for u in self.session.users_with_role("coordinator")]
        except BarnahusError:
            leads = []
        f.add("case_lead_id", self.tr("Case lead"),
              ChoiceCombo(leads, placeholder_text=self.tr("Choose the case lead")))
        f.add("jurisdiction", self.tr("Jurisdiction"),
              ChoiceCombo(jurisdiction_choices(), placeholder_text=self.tr("Choose a jurisdiction")))
        f.add("police_reference", self.tr("Police reference"), QLineEdit())
        f.add("prosecution_reference", self.tr("Prosecution reference"), QLineEdit())

        # The right column shares the same Form (one set of names), in its own layout.
        right_form = Form(right, self)
        right_form.add_heading(self.tr("Forms of abuse and exploitation"))
        right_form.add("abuse_forms", self.tr("Forms of abuse"), VocabChecklist("abuse_forms", visible_rows=10),
                       self.tr("Tick every form that applies (Space ticks the selected line)"), span=True)
        right_form.add_heading(self.tr("Summary"))
        summary = QPlainTextEdit()
        summary.setTabChangesFocus(True)
        summary.setMinimumHeight(summary.fontMetrics().height() * 6)
        right_form.add("summary", self.tr("Summary of the referral"), summary, span=True)
        for name, row in right_form.rows.items():
            f.rows[name] = row
            f.labels[name] = right_form.labels[name]
        right_form.changed.connect(f.changed)
        self._right_form = right_form
        f.changed.connect(self._update_dirty)
        f.rows["emergency"].changed.connect(self._update_badges)
        f.rows["status"].changed.connect(self._update_badges)
        if not self.can_edit_case:
            f.set_read_only(True)

    def _build_persons_page(self) -> None:
        page = self.persons_page = QSplitter(Qt.Orientation.Horizontal)
        page.setChildrenCollapsible(False)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 8, 8, 0)
        ll.addWidget(_heading(self.tr("Persons in this case"), left, 1.0))
        self.person_list = QListWidget(left)
        self.person_list.setObjectName("personList")
        self.person_list.setAccessibleName(self.tr("Persons in this case"))
        self.person_list.setWordWrap(True)
        self.person_list.setSpacing(3)
        self.person_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.person_list.currentRowChanged.connect(self._person_selected)
        ll.addWidget(self.person_list, 1)
        self.add_child_button = QPushButton(self.tr("Add ch&ild"), left)
        self.add_child_button.setObjectName("addChildButton")
        self.add_party_button = QPushButton(self.tr("Add other p&erson"), left)
        self.add_party_button.setObjectName("addPartyButton")
        self.add_party_button.setToolTip(self.tr("A carer, alleged offender, witness, guardian or trusted person"))
        self.remove_button = QPushButton(self.tr("Re&move (not saved yet)"), left)
        self.remove_button.setObjectName("removePersonButton")
        for b in (self.add_child_button, self.add_party_button, self.remove_button):
            b.setAutoDefault(False)
            ll.addWidget(b)
        self.add_child_button.clicked.connect(lambda: self.add_person("child"))
        self.add_party_button.clicked.connect(lambda: self.add_person("party"))
        self.remove_button.clicked.connect(self.remove_selected_person)
        can_add = self.can_edit_case and self.session.can("person", "create")
        self.add_child_button.setVisible(can_add)
        self.add_party_button.setVisible(can_add)
        self.remove_button.hide()
        self.person_stack = QStackedWidget()
        self.no_person_label = QLabel(self.tr("No persons are recorded in this case yet.")
                                      + ("\n" + self.tr("Add the child first.") if can_add else ""))
        self.no_person_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_person_label.setWordWrap(True)
        self.person_stack.addWidget(self.no_person_label)
        page.addWidget(left)
        page.addWidget(self.person_stack)
        page.setStretchFactor(0, 0)
        page.setStretchFactor(1, 1)
        left.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)
        page.setSizes([self.fontMetrics().averageCharWidth() * 44, 800])

    # loading ---------------------------------------------------------------------------------------
    def _new_case_defaults(self) -> None:
        f = self.case_form
        f.rows["status"].set_value("referred")
        if "coordinator" in self.session.roles:
            f.rows["case_lead_id"].set_value(self.session.user_id)
        self._rebuild_overview()
        self._update_badges()

    def _load_case(self) -> None:
        """(Re)read the case through the core (audited) and show it."""
        self.case = self.session.get_case(self.case_id)
        self._add_feature_tabs()
        c = self.case
        vals = {k: c.get(k) for k in core_fields.CASE_FIELDS}
        vals["abuse_forms"] = list(c.get("abuse_forms") or [])
        lead_combo: ChoiceCombo = self.case_form.rows["case_lead_id"].editor
        if c.get("case_lead_id") is not None and lead_combo.findData(c["case_lead_id"]) < 0:
            lead_combo.addItem(c.get("case_lead_name") or str(c["case_lead_id"]), c["case_lead_id"])
        self.case_form.set_values(vals)
        self._case_baseline = self.case_form.values()
        self._rebuild_editors()
        self._rebuild_overview()
        self._update_banner()
        self._update_title()
        self._update_badges()

    def status_changed_elsewhere(self) -> None:
        """A feature tab changed the record, which may move the case's status (an interview held
        opens a referred case): the status field and badge follow, unless the user is editing it."""
        if self.case_id is None or self.case is None:
            return
        status = self.session.get_case(self.case_id)["status"]
        row = self.case_form.rows["status"]
        if status == self.case.get("status") or row.value() != self._case_baseline.get("status"):
            return
        self.case["status"] = status
        row.set_value(status)
        self._case_baseline["status"] = row.value()
        self._update_dirty()
        self._update_badges()

    def _rebuild_editors(self, select_uid: str | None = None) -> None:
        if not self.can_read_persons:
            return
        for ed in self.editors:
            self.person_stack.removeWidget(ed)
            ed.deleteLater()
        self.editors = []
        self.person_list.clear()
        c = self.case or {}
        for ch in c.get("children", []):
            self._add_editor(PersonEditor(self, "child", person_id=ch["person_id"], linked=True,
                                          role=ch["role"], name=_clean_name(ch["given_name"], ch["family_name"])))
        for p in c.get("parties", []):
            self._add_editor(PersonEditor(self, "party", person_id=p["person_id"], linked=True,
                                          role=p["party_role"], relationship=p["relationship_to_child"],
                                          party_id=p["id"], name=_clean_name(p["given_name"], p["family_name"])))
        self._refresh_person_choices()
        if self.editors:
            uids = [e.uid for e in self.editors]
            self.person_list.setCurrentRow(uids.index(select_uid) if select_uid in uids else -1)
        self._person_selected(self.person_list.currentRow())

    def _add_editor(self, ed: PersonEditor) -> None:
        self.editors.append(ed)
        self.person_stack.addWidget(ed)
        item = QListWidgetItem(ed.list_text(), self.person_list)
        item.setData(Qt.ItemDataRole.UserRole, ed.uid)
        ed.changed.connect(lambda ed=ed: self._editor_changed(ed))
        ed.findRequested.connect(self._find_person)

    def _editor_changed(self, ed: PersonEditor) -> None:
        i = self.editors.index(ed) if ed in self.editors else -1
        if i >= 0:
            self.person_list.item(i).setText(ed.list_text())
        self._refresh_person_choices()
        self._update_dirty()

    def _refresh_person_choices(self) -> None:
        choices = [(e.uid, e.name() or self.tr("New person")) for e in self.editors if e.kind == "party"]
        for e in self.editors:
            if e.kind == "child":
                e.set_person_choices(choices)

    def uid_for_person(self, person_id: int | None) -> str | None:
        if person_id is None:
            return None
        for e in self.editors:
            if e.person_id == person_id and e.kind == "party":
                return e.uid
        return f"person:{person_id}"

    def first_child_person_id(self) -> int | None:
        return next((e.person_id for e in self.editors if e.kind == "child" and e.person_id), None)

    def _person_selected(self, row: int) -> None:
        if not self.can_read_persons:
            return
        if 0 <= row < len(self.editors):
            ed = self.editors[row]
            ed.ensure_loaded()
            self.person_stack.setCurrentWidget(ed)
            self.remove_button.setVisible(not ed.linked and ed.person_id is None)
        else:
            self.person_stack.setCurrentWidget(self.no_person_label)
            self.remove_button.hide()

    # overview --------------------------------------------------------------------------------------
    def _rebuild_overview(self) -> None:
        if self.case_id is None or self.case is None:
            return
        lay = self.overview_holder.layout()
        if self.overview is not None:
            lay.removeWidget(self.overview)
            self.overview.deleteLater()
        self.overview = w = QWidget()
        w.setObjectName("caseOverview")
        v = QVBoxLayout(w)
        v.setContentsMargins(12, 8, 12, 12)
        v.setSpacing(6)
        c = self.case
        none = self.tr("Not recorded")

        def value_label(text: str) -> QLabel:
            lab = QLabel(text or none)
            lab.setWordWrap(len(text or "") > 60)  # wrapping short values only spreads rows apart
            lab.setTextFormat(Qt.TextFormat.PlainText)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                        | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            return lab

        def form(pairs) -> QFormLayout:
            fl = QFormLayout()
            fl.setVerticalSpacing(8)
            fl.setHorizontalSpacing(16)
            fl.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            fl.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            for label, text in pairs:
                val = value_label(text)
                val.setAccessibleName(label)
                lab = QLabel(label)
                lab.setBuddy(val)
                fl.addRow(lab, val)
            return fl

        juris = dict(jurisdiction_choices()).get(c.get("jurisdiction"), c.get("jurisdiction") or "")
        cols = QHBoxLayout()
        cols.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(_heading(self.tr("Referral and screening"), w, 1.05))
        left.addLayout(form([
            (self.tr("Report received"), local_datetime_text(c.get("referral_received_at"), named=True)),
            (self.tr("Referred by"), term_label("referral_sources", c.get("referral_source"))),
            (self.tr("Reporter's profession"), term_label("reporter_professions", c.get("reporter_profession"))),
            (self.tr("Ex officio"),
             self.tr("Yes, opened without a complaint") if c.get("ex_officio") else self.tr("No")),
            (self.tr("Screened"), local_datetime_text(c.get("screened_at"), named=True)),
            (self.tr("Triage"), term_label("triage_levels", c.get("triage_level"))),
            (self.tr("Emergency"),
             self.tr("Yes: remove the child from harm at once") if c.get("emergency") else self.tr("No")),
            (self.tr("Acted on"), local_datetime_text(c.get("acted_at"), named=True)),
        ]))
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(_heading(self.tr("Case"), w, 1.05))
        right.addLayout(form([
            (self.tr("Reference"), c.get("reference") or ""),
            (self.tr("Status"), term_label("case_statuses", c.get("status"))),
            (self.tr("Case lead"), c.get("case_lead_name") or ""),
            (self.tr("Jurisdiction"), juris),
            (self.tr("Police reference"), c.get("police_reference") or ""),
            (self.tr("Prosecution reference"), c.get("prosecution_reference") or ""),
            (self.tr("Forms of abuse"), "\n".join(term_label("abuse_forms", a) for a in c.get("abuse_forms") or [])),
        ]))
        cols.addLayout(left, 1)
        cols.addLayout(right, 1)
        cols.setAlignment(left, Qt.AlignmentFlag.AlignTop)
        cols.setAlignment(right, Qt.AlignmentFlag.AlignTop)
        v.addLayout(cols)

        if self.can_read_persons:
            v.addWidget(_heading(self.tr("Children"), w, 1.05))
            children = c.get("children") or []
            if not children:
                v.addWidget(value_label(self.tr("No child is recorded in this case yet.")))
            for ch in children:
                born = ch.get("date_of_birth")
                dob = (self.tr("born %1").replace("%1", born) if born else self.tr("date of birth not recorded"))
                if born and ch.get("dob_status"):
                    dob += " (" + term_label("dob_statuses", ch["dob_status"]).lower() + ")"
                parts = [_clean_name(ch["given_name"], ch["family_name"]),
                         term_label("child_roles", ch["role"]), dob]
                if ch.get("gender"):
                    parts.append(term_label("genders", ch["gender"]))
                v.addWidget(value_label(" · ".join(parts)))
            v.addWidget(_heading(self.tr("Other persons"), w, 1.05))
            parties = c.get("parties") or []
            if not parties:
                v.addWidget(value_label(self.tr("No other person is recorded in this case yet.")))
            for p in parties:
                parts = [_clean_name(p["given_name"], p["family_name"]), term_label("party_roles", p["party_role"])]
                if p.get("relationship_to_child"):
                    parts.append(self.tr("relationship to the child: %1").replace(
                        "%1", term_label("relationships_to_child", p["relationship_to_child"]).lower()))
                v.addWidget(value_label(" · ".join(parts)))
        info = c.get("information_given") or []
        if info:
            v.addWidget(_heading(self.tr("What the child was told"), w, 1.05))
            for i in info:
                v.addWidget(value_label(" · ".join([
                    local_datetime_text(i.get("told_at")), i.get("language") or "",
                    term_label("information_formats", i.get("format")), i.get("topic") or ""])))
        exams = self._examination_lines()
        if exams:
            v.addWidget(_heading(self.tr("Medical examinations"), w, 1.05))
            for line in exams:
                v.addWidget(value_label(line))
        if c.get("summary"):
            v.addWidget(_heading(self.tr("Summary of the referral"), w, 1.05))
            v.addWidget(value_label(c["summary"]))
        v.addStretch(1)
        lay.addWidget(w)

    def _examination_lines(self) -> list[str]:
        """The coordination facts of the case's medical examinations, one line each, for the case
        team: status and day, kind, examiner, the outcome the examiner released, samples handed
        to the police. Never the medical detail (a medical user reads that in the Medical tab)."""
        if self.case_id is None or not self.session.can("examination", "read"):
            return []
        try:
            rows = self.session.case_examinations(self.case_id)
        except BarnahusError:
            return []
        status = {"planned": self.tr("planned %1"), "held": self.tr("held %1"),
                  "cancelled": self.tr("cancelled (was %1)"), "declined": self.tr("declined by the child (%1)")}
        lines = []
        for x in rows:
            day = local_datetime_text(x["starts_at_utc"], x.get("time_zone"))
            parts = [status.get(x["status"], "%1").replace("%1", day),
                     term_label("medical_examination_kinds", x["kind"]).lower()]
            if x.get("acute") and x["kind"] != "acute_forensic":   # the kind says it already
                parts.append(self.tr("acute"))
            if x.get("examiner_name"):
                parts.append(x["examiner_name"])
            text = self.tr("Medical examination: %1").replace("%1", ", ".join(parts))
            if x.get("released_outcome"):
                text += "; " + self.tr("outcome: %1").replace(
                    "%1", term_label("medical_outcomes", x["released_outcome"]).lower())
            if x.get("samples_handed_to_police"):
                text += "; " + self.tr("samples handed to police")
            lines.append(text)
        return lines

    def _update_banner(self) -> None:
        c = self.case or {}
        pairs = c.get("no_contact") or []
        names = {}
        for ch in c.get("children", []):
            names[ch["person_id"]] = _clean_name(ch["given_name"], ch["family_name"])
        for p in c.get("parties", []):
            names.setdefault(p["person_id"], _clean_name(p["given_name"], p["family_name"]))
        lines = []
        for pair in pairs:
            a, b = pair["person_a"], pair["person_b"]
            child_ids = {ch["person_id"] for ch in c.get("children", [])}
            if b in child_ids and a not in child_ids:
                a, b = b, a  # the child first
            line = self.tr("No contact: %1 and %2 must never be in the building at the same time.") \
                .replace("%1", self._name_for_banner(a, names)).replace("%2", self._name_for_banner(b, names))
            if pair.get("reason"):
                line += " " + self.tr("Reason: %1").replace("%1", pair["reason"])
            lines.append(line)
        self.banner.set_lines(lines)

    def _name_for_banner(self, person_id: int, names: dict) -> str:
        if person_id in names:
            return names[person_id]
        try:  # a person outside this case: read through the core (audited)
            p = self.session.get_person(person_id)
            names[person_id] = _clean_name(p.get("given_name"), p.get("family_name"))
            return names[person_id]
        except BarnahusError:
            return self.tr("a person outside this case (no. %1)").replace("%1", str(person_id))

    def _update_title(self) -> None:
        self.title_label.setText(self.title())
        self.title_label.setAccessibleName(self.title())

    def _update_badges(self) -> None:
        if self.case is not None and not self.can_edit_case:
            emergency, status = bool(self.case.get("emergency")), self.case.get("status")
        else:
            emergency = bool(self.case_form.rows["emergency"].value())
            status = self.case_form.rows["status"].value()
        self.emergency_badge.setVisible(emergency)
        self.status_badge.setText(self.tr("Status: %1").replace("%1", term_label("case_statuses", status)))
        self.status_badge.setAccessibleName(self.tr("Status: %1").replace("%1", term_label("case_statuses", status)))

    # public API ----------------------------------------------------------------------------------
    def title(self) -> str:
        if self.case is not None and self.case.get("reference"):
            return self.case["reference"]
        return self.tr("New case")

    def is_dirty(self) -> bool:
        if self._forced_dirty:
            return True
        if self.can_edit_case and self.case_form.values() != self._case_baseline:
            return True
        return any(e.is_dirty() for e in self.editors)

    def draft_payload(self) -> dict:
        """Every current edit as plain JSON-able data (kept encrypted by the core on lock)."""
        return {
            "version": DRAFT_VERSION,
            "case_id": self.case_id,
            "case": self.case_form.values() if self.can_edit_case else None,
            "persons": [e.payload() for e in self.editors
                        if not e.linked or e.person_id is None or (e.loaded and e.is_dirty())],
            "selected": self._selected_uid(),
        }

    def restore_draft(self, payload: dict) -> None:
        """Put kept edits back (after unlocking) and mark the workspace as changed."""
        if not isinstance(payload, dict):
            return
        if payload.get("case") and self.can_edit_case:
            self.case_form.set_values(payload["case"])
        if self.can_read_persons:
            restored = []
            for p in payload.get("persons") or []:
                ed = next((e for e in self.editors if e.uid == p.get("uid")), None)
                if ed is None and p.get("person_id") is not None:  # stored since: same person
                    ed = next((e for e in self.editors if e.person_id == p["person_id"]
                               and e.kind == p.get("kind") and e.linked), None)
                if ed is None:
                    ed = PersonEditor(self, p.get("kind") if p.get("kind") in ("child", "party") else "party",
                                      person_id=p.get("person_id"))
                    ed.linked = False
                    ed.uid = p.get("uid") or ed.uid
                    ed.acknowledged_duplicates = bool(p.get("acknowledged_duplicates"))
                    ed.loaded = True
                    if ed.person_id is not None:
                        ed.loaded = False
                    self._add_editor(ed)
                ed.ensure_loaded()
                restored.append((ed, p.get("values")))
            self._refresh_person_choices()  # every person first: the child may name a later one
            for ed, values in restored:
                if values:
                    ed.set_values(values)
                self._editor_changed(ed)
            sel = payload.get("selected")
            uids = [e.uid for e in self.editors]
            if sel in uids:
                self.person_list.setCurrentRow(uids.index(sel))
        self._forced_dirty = True
        self._update_badges()
        self._update_dirty()

    def save(self) -> bool:
        """Save every change through the core in one call (session.save_intake): all of it is
        stored, or none of it (a refusal, or the duplicate question cancelled). True when stored."""
        if not self.editable_any:
            return False
        if not self.is_dirty():
            return True  # nothing to store (Ctrl+S pressed twice)
        self._clear_errors()
        if not self._preflight():
            return False
        while True:
            try:
                result = self.session.save_intake(**self._intake_request())
                break
            except PossibleDuplicate as dup:
                ed = self._editor_for(dup.person)
                if ed is None:
                    self._show_message(str(dup), error=True)
                    return False
                choice, pid = self._ask_duplicate(ed, dup.candidates)
                if choice == DuplicatePersonDialog.CREATE_NEW:
                    ed.acknowledged_duplicates = True
                    continue  # ask the core again, this person acknowledged
                if choice == DuplicatePersonDialog.USE_EXISTING and pid is not None:
                    self._use_existing_person(ed, pid)
                    continue
                self._show_message(self.tr("Not saved: choose whether %1 is a person already in the "
                                           "record.").replace("%1", ed.name()), error=True)
                self._select_editor(ed)
                self._update_dirty()
                return False
            except ValidationError as e:
                self._show_validation(self._editor_for(e.person) or "case", e)
                self._update_dirty()
                return False
            except BarnahusError as e:
                self._show_message(str(e), error=True)
                self._update_dirty()
                return False
        self._stored(result)
        return True

    def _intake_request(self) -> dict:
        """Every edit of the workspace as the arguments of one save_intake call. New persons are
        named by their editor's uid ("new:N"), persons in the record by their id."""
        new_case = self.case_id is None
        case_values, forms = {}, None
        if self.can_edit_case:
            case_values = self._case_values(only_changed=not new_case)
            forms = case_values.pop("abuse_forms", [] if new_case else None)
        persons = []
        for ed in sorted(self.editors, key=lambda e: e.kind != "child"):
            refs = {k: self._ref_for_uid(uid) for k, uid in ed.ref_changes().items()}
            if ed.person_id is None:
                persons.append({"key": ed.uid, "values": {**ed.person_values(only_changed=False), **refs},
                                "terms": ed.term_values(only_changed=False) or None,
                                "acknowledge_duplicates": ed.acknowledged_duplicates})
            elif ed.loaded:
                vals = {**ed.person_values(only_changed=True), **refs}
                if not self.session.can("person", "update"):
                    vals = {k: v for k, v in vals.items() if k in VULNERABILITY_FIELDS}
                terms = ed.term_values(only_changed=True)
                if vals or terms:
                    persons.append({"id": ed.person_id, "values": vals, "terms": terms or None})
        child = next((self._ref_of(e) for e in self.editors if e.kind == "child"), None)
        links, no_contact = [], []
        for ed in self.editors:
            role = ed.form.rows["role"].value()
            if ed.kind == "child" and (not ed.linked or role != ed.saved_role) and self.can_edit_case:
                links.append({"kind": "child", "person": self._ref_of(ed), "role": role})
            elif ed.kind == "party" and not ed.linked:
                links.append({"kind": "party", "person": self._ref_of(ed), "role": role,
                              "relationship_to_child": ed.form.rows["relationship"].value(), "child": child})
        for ed in self.editors:
            if ed.kind == "party" and ed.form.rows["no_contact"].value() and not ed.no_contact_saved:
                if child is None:  # the checkbox is about this person and the child
                    raise ValidationError("no contact", self.tr("add the child to the case first."), ed.uid)
                no_contact.append({"person": self._ref_of(ed), "other": child,
                                   "reason": ed.form.rows["no_contact_reason"].value()})
        return {"case_id": self.case_id, "case_values": case_values, "abuse_forms": forms,
                "persons": persons, "links": links, "no_contact": no_contact}

    def _stored(self, result: dict) -> None:
        """The core stored the whole save: show the case as it now is."""
        for ed in self.editors:
            if ed.person_id is None and ed.uid in result["person_ids"]:
                ed.person_id = result["person_ids"][ed.uid]
        selected = self._selected_person_key()
        if self.case_id is None:
            self.case_id = result["id"]
            self.case = {"reference": result["reference"]}
            self._update_title()
            self.titleChanged.emit(self.title())
            self.tabs.insertTab(0, scroll_area(self.overview_holder), self.tr("&Overview"))
        self._forced_dirty = False
        self._load_case()
        self._select_person_key(selected)
        self._update_dirty()
        self._show_message(self.tr("Saved."), error=False)
        self.saved.emit(self.case_id)

    @staticmethod
    def _ref_of(ed: PersonEditor):
        return ed.person_id if ed.person_id is not None else ed.uid

    def _ref_for_uid(self, uid: str | None):
        """A person reference chosen in a combo: a person id, or the key of a new person."""
        if uid is None:
            return None
        if uid.startswith("person:"):
            return int(uid.split(":", 1)[1])
        ed = next((e for e in self.editors if e.uid == uid), None)
        return self._ref_of(ed) if ed else None

    def _editor_for(self, ref) -> PersonEditor | None:
        """The editor a refusal names (ValidationError/PossibleDuplicate .person)."""
        if ref is None:
            return None
        if isinstance(ref, str):
            return next((e for e in self.editors if e.uid == ref), None)
        return next((e for e in self.editors if e.person_id == ref), None)

    def confirm_close(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes. True: it may close."""
        if not self.is_dirty():
            return True
        answer = self._ask_unsaved_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._closing_ok = True
            return True
        return False

    def discard_changes_on_close(self) -> None:
        """The next close() closes without asking (e.g. the edits were kept as a draft)."""
        self._closing_ok = True

    def closeEvent(self, event):  # noqa: N802 (Qt name)
        if self._closing_ok or self.confirm_close():
            event.accept()
        else:
            event.ignore()

    # saving helpers ----------------------------------------------------------------------------
    def _preflight(self) -> bool:
        """Check every value with the core's own field rules before asking the core to store
        anything, so every field that needs attention is marked at once (the core stops at the
        first). The core checks everything again when it stores it."""
        problems: list[tuple[object, ValidationError]] = []

        def check(target, fn, *args):
            try:
                fn(*args)
            except ValidationError as e:
                problems.append((target, e))

        if self.can_edit_case:
            new_case = self.case_id is None
            vals = self._case_values(only_changed=not new_case)
            for name, spec in core_fields.CASE_FIELDS.items():
                if name in vals:
                    check("case", spec.clean, name, vals[name])
        for ed in self.editors:
            if not ed.loaded:
                continue
            vals = ed.person_values(only_changed=ed.person_id is not None)
            for name, value in vals.items():
                spec = PERSON_FIELDS.get(name) or VULNERABILITY_FIELDS.get(name)
                if spec is not None:
                    check(ed, spec.clean, name, value)
            if ed.person_id is None and "given_name" not in vals:
                check(ed, PERSON_FIELDS["given_name"].clean, "given_name", None)
            if not ed.linked:  # the same check add_child/add_party make
                check(ed, vocab.check_code, "child_roles" if ed.kind == "child" else "party_roles",
                      "role" if ed.kind == "child" else "party role", ed.form.rows["role"].value(), True)
            if ed.kind == "party" and not ed.no_contact_saved:
                check(ed, core_fields.Text(2000, multiline=True).clean, "reason",
                      ed.form.rows["no_contact_reason"].value())
        if not problems:
            return True
        for target, err in reversed(problems):  # the first problem ends up selected and focused
            self._show_validation(target, err, summary=False)
        n = len(problems)
        self._show_message(self.tr("Not saved: one field needs attention.") if n == 1 else
                           self.tr("Not saved: %1 fields need attention.").replace("%1", str(n)), error=True)
        return False

    def _case_values(self, only_changed: bool) -> dict:
        vals = self.case_form.values()
        if only_changed:
            vals = {k: v for k, v in vals.items() if v != self._case_baseline.get(k)}
        return vals

    def _use_existing_person(self, ed: PersonEditor, person_id: int) -> None:
        ed.person_id = person_id
        ed.loaded = False
        ed.find_result.hide()
        ed.ensure_loaded()
        self._editor_changed(ed)

    def _ask_duplicate(self, ed: PersonEditor, candidates: list[dict]) -> tuple[int | None, int | None]:
        v = ed.values()
        entered = ed.name()
        if v.get("date_of_birth"):
            entered += ", " + self.tr("born %1").replace("%1", v["date_of_birth"])
        self._select_editor(ed)
        dlg = DuplicatePersonDialog(candidates, entered, self)
        dlg.exec()
        dlg.deleteLater()
        return dlg.choice, dlg.selected_person_id()

    def _find_person(self, ed: PersonEditor) -> None:
        """'Look for this person in the record': the core's duplicate search, on request."""
        v = ed.values()
        if not (v.get("given_name") or "").strip():
            ed.show_error("given_name", self.tr("type at least the given name to look for a person."))
            return
        ed.form.clear_errors()
        try:
            found = self.session.find_similar_persons(v.get("given_name"), v.get("family_name"),
                                                      v.get("date_of_birth"))
        except BarnahusError as e:
            self._show_message(str(e), error=True)
            return
        if not found:
            ed.find_result.setText(self.tr("No one with this name is in the record yet. "
                                           "A new person will be created when you save."))
            ed.find_result.show()
            return
        dlg = DuplicatePersonDialog(found, ed.name(), self, search_only=True)
        dlg.exec()
        dlg.deleteLater()
        if dlg.choice == DuplicatePersonDialog.USE_EXISTING and dlg.selected_person_id() is not None:
            self._use_existing_person(ed, dlg.selected_person_id())
            ed.find_result.setText(self.tr("Using the existing record of this person."))
            ed.find_result.show()

    def _ask_unsaved_changes(self):
        box = QMessageBox(self)
        box.setObjectName("unsavedChangesBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("%1 has changes that are not saved.").replace("%1", self.title()))
        box.setInformativeText(self.tr("Save them before closing?"))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        answer = QMessageBox.StandardButton(box.exec())
        box.deleteLater()
        return answer

    # errors and focus ------------------------------------------------------------------------------
    def _show_validation(self, target, err: ValidationError, summary: bool = True) -> None:
        self._show_validation_only(target, err, summary)
        self._mark_errors()

    def _show_validation_only(self, target, err: ValidationError, summary: bool) -> None:
        message = err.message  # without the "field: " prefix: the form shows the label
        field = FIELD_ALIASES.get(err.field, err.field)
        shown = False
        if isinstance(target, PersonEditor):
            self._select_editor(target)
            shown = target.show_error(field, message)
        elif target == "case" and field in self.case_form.rows:
            row = self.case_form.show_error(field, message)
            self.tabs.setCurrentIndex(self.tabs.indexOf(self.case_formscroll_area()))
            self.focus_row(None, row)
            shown = True
        if not summary:
            return
        if shown:
            self._show_message(self.tr("Not saved: check the marked field."), error=True)
        else:
            self._show_message(str(err), error=True)

    def case_formscroll_area(self) -> QWidget:
        w = self.case_page
        while w is not None and not isinstance(w, QScrollArea):
            w = w.parentWidget()
        return w

    def focus_row(self, ed: PersonEditor | None, row) -> None:
        if ed is not None:
            self._select_editor(ed)
            self.tabs.setCurrentWidget(self.persons_page)
        row.focus_editor()
        area = row.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            area.ensureWidgetVisible(row)

    def _select_editor(self, ed: PersonEditor) -> None:
        if ed in self.editors:
            self.tabs.setCurrentWidget(self.persons_page)
            self.person_list.setCurrentRow(self.editors.index(ed))

    def _selected_uid(self) -> str | None:
        if not self.can_read_persons:
            return None
        row = self.person_list.currentRow()
        return self.editors[row].uid if 0 <= row < len(self.editors) else None

    def _selected_person_key(self):
        if not self.can_read_persons:
            return None
        row = self.person_list.currentRow()
        return (self.editors[row].kind, self.editors[row].person_id) if 0 <= row < len(self.editors) else None

    def _select_person_key(self, key) -> None:
        if key is None:
            return
        for i, e in enumerate(self.editors):
            if (e.kind, e.person_id) == key:
                self.person_list.setCurrentRow(i)
                return

    def _clear_errors(self) -> None:
        self.case_form.clear_errors()
        for e in self.editors:
            e.form.clear_errors()
        self.message.hide()
        self._mark_errors()

    def _mark_errors(self) -> None:
        """A warning icon on the tabs and persons that hold a message, so none is overlooked."""
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        none = QIcon()
        case_tab = self.tabs.indexOf(self.case_formscroll_area()) if self.can_edit_case else -1
        if case_tab >= 0:
            bad = any(r.has_error() for r in self.case_form.rows.values())
            self.tabs.setTabIcon(case_tab, warn if bad else none)
        if self.can_read_persons:
            any_bad = False
            for i, e in enumerate(self.editors):
                bad = e.has_errors()
                any_bad |= bad
                self.person_list.item(i).setIcon(warn if bad else none)
            self.tabs.setTabIcon(self.tabs.indexOf(self.persons_page), warn if any_bad else none)

    def _show_message(self, text: str, error: bool) -> None:
        self.saved_label.clear()
        if not error:
            self.message.hide()
            self.saved_label.setText(text)
            self.saved_label.setAccessibleName(text)
            self._message_timer.start()
            return
        self.message.setText(text)
        pal = self.message.palette()
        pal.setColor(QPalette.ColorRole.WindowText,
                     error_color(self.palette()) if error else self.palette().color(QPalette.ColorRole.WindowText))
        self.message.setPalette(pal)
        f = self.message.font()
        f.setBold(error)
        self.message.setFont(f)
        self.message.setAccessibleName(text)
        self.message.show()

    def _hide_success(self) -> None:
        self.saved_label.clear()

    # persons list actions ------------------------------------------------------------------------
    def add_person(self, kind: str) -> PersonEditor:
        ed = PersonEditor(self, kind)
        self._add_editor(ed)
        self._refresh_person_choices()
        self.tabs.setCurrentWidget(self.persons_page)
        self.person_list.setCurrentRow(len(self.editors) - 1)
        ed.form.rows["role" if kind == "party" else "given_name"].focus_editor()
        self._update_dirty()
        return ed

    def remove_selected_person(self) -> None:
        row = self.person_list.currentRow()
        if not 0 <= row < len(self.editors):
            return
        ed = self.editors[row]
        if ed.linked or ed.person_id is not None:
            return
        self.editors.pop(row)
        self.person_list.takeItem(row)
        self.person_stack.removeWidget(ed)
        ed.deleteLater()
        self._refresh_person_choices()
        self._person_selected(self.person_list.currentRow())
        self._update_dirty()

    def showEvent(self, event):  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self.case_id is None and self.can_edit_case:  # intake starts at the first field
                self.case_form.rows["referral_received_at"].focus_editor()
            else:
                self.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_dirty(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        if dirty != self._last_dirty:
            self._last_dirty = dirty
            self.dirtyChanged.emit(dirty)

