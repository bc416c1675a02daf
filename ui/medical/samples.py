"""Forensic samples of an examination: registering one (its "collected" custody event, "sealed"
too with a seal number) and adding a link to its chain of custody. The core checks every rule
(recordings.actions' check_custody_event, medical.evidence); which fields show only follows the
event chosen."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QT_TRANSLATE_NOOP, QTime
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit

from ui.common.dates import centre_zone, local_datetime_text, utc_from_qdatetime, zone_qdatetime
from ui.common.feedback import FormDialog
from ui.common.vocab_widgets import ChoiceCombo, VocabCombo
from ui.medical.dialogs import named_text_box

CONTEXT = "MedicalSamples"
EVENTS = {
    "collected": QT_TRANSLATE_NOOP("MedicalSamples", "Collected"),
    "sealed": QT_TRANSLATE_NOOP("MedicalSamples", "Sealed"),
    "stored": QT_TRANSLATE_NOOP("MedicalSamples", "Stored"),
    "handed_to_police": QT_TRANSLATE_NOOP("MedicalSamples", "Handed to the police"),
    "sent_to_lab": QT_TRANSLATE_NOOP("MedicalSamples", "Sent to the laboratory"),
    "received_by_lab": QT_TRANSLATE_NOOP("MedicalSamples", "Received by the laboratory"),
    "returned": QT_TRANSLATE_NOOP("MedicalSamples", "Returned"),
    "destroyed": QT_TRANSLATE_NOOP("MedicalSamples", "Destroyed"),
}
ADDED = ("sealed", "stored", "handed_to_police", "sent_to_lab", "received_by_lab", "returned", "destroyed")
RECEIVED = ("handed_to_police", "sent_to_lab", "received_by_lab")


def event_text(code: str | None) -> str:
    return QCoreApplication.translate(CONTEXT, EVENTS[code]) if code in EVENTS else (code or "")


def custody_text(sample: dict, zone: str | None) -> str:
    """The sample's chain of custody, one line per event, oldest first."""
    lines = []
    for e in sample.get("custody") or []:
        parts = [local_datetime_text(e.get("occurred_at_utc"), zone), event_text(e.get("event"))]
        for key in ("counterpart", "location", "receipt", "seal_number", "order_reference"):
            if e.get(key):
                parts.append(e[key])
        if e.get("actor") or e.get("recorded_by_name"):
            parts.append(QCoreApplication.translate("MedicalSamples", "by %1").replace(
                "%1", e.get("actor") or e.get("recorded_by_name")))
        lines.append(" · ".join(parts))
    return "\n".join(lines)


def _when(dialog: FormDialog, zone: str) -> QDateTimeEdit:
    edit = QDateTimeEdit(dialog)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    now = zone_qdatetime(None, zone)
    edit.setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())))
    edit.setMaximumDateTime(edit.dateTime().addSecs(60))
    return edit


def _line(dialog: FormDialog, name: str, length: int = 200) -> QLineEdit:
    edit = QLineEdit(dialog)
    edit.setObjectName(name)
    edit.setMaxLength(length)
    return edit


class RegisterSampleDialog(FormDialog):
    """A sample taken at the examination. .sample_id holds its id afterwards."""

    width_em = 34
    muted_hints = True
    ALIASES = {"collected_at": "when", "sample_type": "sample_type"}

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        self.sample_id: int | None = None
        self.zone = exam.get("time_zone") or centre_zone()
        super().__init__(session, parent)
        self.setObjectName("registerSampleDialog")
        self.setWindowTitle(self.tr("Register a sample"))
        self.ok_button.setText(self.tr("&Register"))
        self.kit.setFocus()

    def build(self) -> None:
        self.kit = _line(self, "sampleKitEdit", 100)
        self.add_field("kit_id", self.tr("&Kit ID:"), self.kit, accessible=self.tr("Kit ID"))
        self.sample_type = VocabCombo("forensic_sample_types", placeholder_text=self.tr("Choose the type"))
        self.sample_type.setObjectName("sampleTypeCombo")
        self.add_field("sample_type", self.tr("&Type:"), self.sample_type, accessible=self.tr("Type of sample"))
        self.site = VocabCombo("medical_sites", empty_text=self.tr("Not recorded"))
        self.site.setObjectName("sampleSiteCombo")
        self.add_field("site", self.tr("&Site:"), self.site, accessible=self.tr("Site"))
        self.when = _when(self, self.zone)
        self.add_field("when", self.tr("&Collected:"), self.when, self.tr("Local time in %1.").replace("%1", self.zone),
                       accessible=self.tr("Collected at"))
        self.seal = _line(self, "sampleSealEdit", 100)
        self.add_field("seal_number", self.tr("S&eal number:"), self.seal, self.tr("If it was sealed then."),
                       accessible=self.tr("Seal number"))
        self.location = _line(self, "sampleLocationEdit", 2000)
        self.add_field("location", self.tr("&Where:"), self.location, accessible=self.tr("Where it was collected"))
        self.storage = _line(self, "sampleStorageEdit", 2000)
        self.add_field("storage", self.tr("St&orage:"), self.storage, accessible=self.tr("Storage"))
        self.notes = named_text_box(self, "sampleNotesEdit", 3)
        self.add_field("notes", self.tr("&Notes:"), self.notes, accessible=self.tr("Notes"))

    def operation(self):
        s, xid = self.session, self.exam["id"]
        when = utc_from_qdatetime("collected_at", self.when.dateTime(), self.zone)
        a = dict(kit_id=self.kit.text(), sample_type=self.sample_type.value(), collected_at=when,
                 site=self.site.value(), seal_number=self.seal.text() or None, storage=self.storage.text() or None,
                 notes=self.notes.toPlainText() or None, location=self.location.text() or None)
        return lambda: s.register_sample(xid, **a)

    def succeeded(self, result) -> None:
        self.sample_id = int(result)


class SampleEventDialog(FormDialog):
    """A link of a sample's chain of custody: who did what, when, where and why."""

    width_em = 34
    muted_hints = True
    ALIASES = {"occurred_at": "when"}

    def __init__(self, session, sample: dict, zone: str | None = None, parent=None):
        self.sample = sample
        self.zone = zone or centre_zone()
        super().__init__(session, parent)
        self.setObjectName("sampleEventDialog")
        self.setWindowTitle(self.tr("Add to the chain of custody"))
        self.ok_button.setText(self.tr("&Add"))
        self.intro.setText(self.tr("Sample %1. Entries cannot be changed or removed afterwards.")
                           .replace("%1", sample.get("kit_id") or ""))
        self.event.setFocus()

    def build(self) -> None:
        self.event = ChoiceCombo([(e, event_text(e)) for e in ADDED], placeholder_text=self.tr("Choose what happened"))
        self.event.setObjectName("sampleEventCombo")
        self.add_field("event", self.tr("W&hat happened:"), self.event, accessible=self.tr("What happened"))
        self.when = _when(self, self.zone)
        self.add_field("when", self.tr("Wh&en:"), self.when, self.tr("Local time in %1.").replace("%1", self.zone),
                       accessible=self.tr("When"))
        self.actor = _line(self, "sampleActorEdit")
        self.actor.setPlaceholderText(self.session.display_name)
        self.add_field("actor", self.tr("&By whom:"), self.actor, self.tr("Empty: you."), accessible=self.tr("By whom"))
        self.location = _line(self, "sampleEventLocationEdit", 2000)
        self.add_field("location", self.tr("W&here:"), self.location, accessible=self.tr("Where"))
        self.seal = _line(self, "sampleEventSealEdit", 100)
        self.add_field("seal_number", self.tr("S&eal number:"), self.seal, accessible=self.tr("Seal number"))
        self.counterpart = _line(self, "sampleCounterpartEdit")
        self.add_field("counterpart", self.tr("&Received by:"), self.counterpart,
                       self.tr("Name and agency of whoever received it."), accessible=self.tr("Received by"))
        self.receipt = _line(self, "sampleReceiptEdit", 2000)
        self.add_field("receipt", self.tr("Re&ceipt:"), self.receipt, self.tr("Receipt number, signature, date."),
                       accessible=self.tr("Receipt"))
        self.order = _line(self, "sampleOrderEdit", 2000)
        self.add_field("order_reference", self.tr("&Order:"), self.order,
                       self.tr("The reference of the order that allowed the destruction."),
                       accessible=self.tr("Order reference"))
        self.purpose = named_text_box(self, "sampleEventPurpose", 2)
        self.add_field("purpose", self.tr("Wh&y:"), self.purpose, accessible=self.tr("Why"), top=True)
        self.event.valueChanged.connect(self._event_changed)
        self._event_changed(None)

    def _event_changed(self, event) -> None:
        self.set_row_visible("seal_number", event == "sealed")
        self.set_row_visible("counterpart", event in RECEIVED or event == "returned")
        self.set_row_visible("receipt", event in RECEIVED or event == "returned")
        self.set_row_visible("order_reference", event == "destroyed")
        self.grow_to_fit()

    def operation(self):
        s, sid, event = self.session, self.sample["id"], self.event.value()
        shown = lambda name: not self.rows[name][1].isHidden()  # noqa: E731
        when = utc_from_qdatetime("occurred_at", self.when.dateTime(), self.zone)
        a = dict(occurred_at=when, actor=self.actor.text() or None, location=self.location.text() or None,
                 purpose=self.purpose.toPlainText() or None,
                 seal_number=(self.seal.text() or None) if shown("seal_number") else None,
                 counterpart=(self.counterpart.text() or None) if shown("counterpart") else None,
                 receipt=(self.receipt.text() or None) if shown("receipt") else None,
                 order_reference=(self.order.text() or None) if shown("order_reference") else None)
        return lambda: s.add_sample_event(sid, event, **a)
