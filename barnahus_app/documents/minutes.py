"""The minutes of a team (MDT) meeting as one structured Document that the PDF and DOCX renderers
print, like the court summary (summary.py): the meeting's facts, who attended for which
discipline (core disciplines nobody spoke for are named), then per case on the agenda why it was
there, the agencies' updates, the child's views, the decisions, the actions and whether the
outcome was explained; after approval the addenda. Minutes that are not approved say DRAFT on
every page.

Pseudonymised: case references stay, children are called Child A, Child B ... within their case,
the professionals (staff and outside contacts) keep their names, and the summary's Redactor
removes every name, date of birth, address and phone number of the cases' persons from all text.
"""
from __future__ import annotations

from barnahus_app.documents.model import Document, KeyValues, Labels, Paragraph, Section, Table
from barnahus_app.documents.summary import (DocumentBuilder, Redactor, _label, about_section, child_pseudonym,
                                            person_terms)
from barnahus_app.meetings.actions import AGENCY_STATUSES
from barnahus_app.timeutil import zone_span_text, zone_time_text

DRAFT = "DRAFT"
_MEETING_STATUS = {"planned": "Planned", "held": "Held", "approved": "Held, minutes approved",
                   "cancelled": "Cancelled"}
_REASON = {"new": "New case", "review_due": "Review due", "urgent": "Urgent", "added": "Added to the agenda"}
_HEARD = {"directly": "Heard directly", "trusted_person": "Heard through the trusted person",
          "not_heard": "Not heard"}
_ATTENDANCE = {"expected": "Expected", "present": "Present", "absent": "Absent", "excused": "Excused"}
_ACTION_STATUS = {"open": "Open", "done": "Done", "cancelled": "Cancelled"}
_EXPLAINED_TO = {"child": "the child", "carer": "the carer", "both": "the child and the carer"}


class MinutesBuilder(DocumentBuilder):
    """data: meetings.actions.meeting_data(conn, id) plus what issuing.py gathered beside it in the
    same transaction: "children" {case_id: [{"person_id", "given_name", "family_name"}]} (empty
    lists for a reader who does not see persons), "person_details" {person_id: persons row} of
    every person of the agenda's cases (for the redactor only) and "record_id"."""

    def __init__(self, data: dict, **header):
        super().__init__(data, **header)
        self.draft = data["status"] != "approved"
        self.meeting_zone = data.get("time_zone") or self.zone_name
        # Each case's children, as this document calls them.
        self.children = {}
        for case_id, kids in (data.get("children") or {}).items():
            self.children[case_id] = [
                child_pseudonym(i) if self.pseudonymise
                else " ".join(x for x in (k.get("given_name"), k.get("family_name")) if x)
                for i, k in enumerate(kids)]

    # --- formatting --------------------------------------------------------------------------
    def when(self, utc_text: str | None, style: str = "datetime") -> str:
        return zone_time_text(utc_text, self.meeting_zone, style)

    def reference(self) -> str:
        """The meeting as every page's header names it."""
        d = self.d
        text = f"MDT meeting {d['id']}, {self.when(d['starts_at_utc'], 'date')}"
        return f"{text} — {DRAFT}" if self.draft else text

    def redactor(self) -> Redactor:
        protect = [p for names in self.children.values() for p in names]
        protect += [a.get("name") or "" for a in self.d.get("attendees") or []]
        protect += [self.d.get(k) or "" for k in ("chair_name", "minute_taker_name", "approved_by_name")]
        protect += [self.generated_by, self.centre_name]
        return Redactor(person_terms((self.d.get("person_details") or {}).values()), protect=protect)

    # --- the document ------------------------------------------------------------------------
    def build(self) -> Document:
        sections = [self._meeting_section(), self._attendance_section(), self._cases_section()]
        if self.d.get("addenda"):
            sections.append(self._addenda_section())
        sections.append(about_section(self.document_id, zone_time_text(self.generated_at_utc, self.zone_name,
                                                                       named=True),
                                      self.generated_by, self.audit_head, self.d.get("record_id") or "",
                                      self.signer_subject, self.ca_fingerprint))
        head_id, head_hash = self.audit_head
        note = ("Pseudonymised: children by pseudonym; no names, dates of birth or addresses of the cases' persons."
                if self.pseudonymise else "Confidential: contains personal data about children.")
        doc = Document(
            title=(f"{DRAFT}: minutes of the team meeting (not approved)" if self.draft
                   else "Minutes of the team meeting"),
            subtitle=self.centre_name + (" — pseudonymised" if self.pseudonymise else ""),
            case_reference=self.reference(), document_id=self.document_id,
            generated_at=zone_time_text(self.generated_at_utc, self.zone_name, named=True),
            generated_by=self.generated_by, audit_head=f"entry {head_id}, SHA-256 {head_hash}",
            language="en", sections=tuple(sections),
            footer_note=(f"{DRAFT}, not approved. " if self.draft else "") + note,
            labels=Labels(case_reference="Meeting"))
        return self.redactor().document(doc) if self.pseudonymise else doc

    def _meeting_section(self) -> Section:
        d = self.d
        place = d.get("room_name") or ""
        if d.get("remote"):
            place = f"{place} and remote" if place else "Remote"
        approved = ""
        if d["status"] == "approved":
            approved = f"{self.when(d.get('approved_at'), 'date')} by {d.get('approved_by_name') or ''}".strip()
        pairs = [("Meeting", _label("meeting_kinds", d["kind"])),
                 ("Title", d.get("title") or ""),
                 ("When", zone_span_text(d["starts_at_utc"], d["ends_at_utc"], self.meeting_zone)),
                 ("Where", place),
                 ("Chair", d.get("chair_name") or ""),
                 ("Minute-taker", d.get("minute_taker_name") or ""),
                 ("Status", _MEETING_STATUS.get(d["status"], d["status"])),
                 ("Minutes approved", approved or f"No: {DRAFT}"),
                 ("Cases on the agenda", str(len(d.get("items") or [])))]
        blocks = [KeyValues(tuple((k, v) for k, v in pairs if v))]
        if self.draft:
            blocks.append(Paragraph(f"{DRAFT}: these minutes are not approved and may still change.", "warning"))
        if d.get("cancel_reason"):
            blocks.append(Paragraph(f"Cancelled: {d['cancel_reason']}", "note"))
        return Section("The meeting", tuple(blocks))

    def _attendance_section(self) -> Section:
        attendees = self.d.get("attendees") or []
        blocks = []
        missing = self.d.get("missing_disciplines") or []
        if missing:
            blocks.append(Paragraph("No one attended for: " + ", ".join(_label("mdt_disciplines", m) for m in missing)
                                    + ".", "warning"))
        if not attendees:
            blocks.append(Paragraph("No attendance is recorded.", "note"))
        else:
            blocks.append(Table(("Discipline", "Name", "Agency", "Attendance", "Remote", "Undertaking signed"), tuple(
                (_label("mdt_disciplines", a["discipline"]), a.get("name") or "",
                 a.get("agency") or ("Centre staff" if a.get("user_id") else ""),
                 _ATTENDANCE.get(a["attendance"], a["attendance"]), "Yes" if a.get("remote") else "",
                 a.get("undertaking_on") or "")
                for a in attendees), (1.4, 2.1, 2.0, 1.4, 1.0, 1.6)))
        return Section("Attendance", tuple(blocks))

    def _cases_section(self) -> Section:
        items = self.d.get("items") or []
        if not items:
            return Section("Cases", (Paragraph("No case was on the agenda.", "note"),))
        return Section("Cases", tuple(self._item(it) for it in items))

    def _item(self, it: dict) -> Section:
        children = self.children.get(it["case_id"]) or []
        pairs = [("Child" if len(children) < 2 else "Children", "; ".join(children)),
                 ("On the agenda", _REASON.get(it["reason"], it["reason"])),
                 ("Discussed", "Yes" if it.get("discussed") else "No")]
        blocks = [KeyValues(tuple((k, v) for k, v in pairs if v))]
        updates = it.get("updates") or {}
        if updates:
            blocks.append(Section("Agencies' updates", (Table(("Agency", "Status", "Note"), tuple(
                (_label("mdt_disciplines", agency), _label(AGENCY_STATUSES.get(agency, ""), u.get("status")),
                 u.get("note") or "")
                for agency, u in sorted(updates.items(), key=lambda kv: list(AGENCY_STATUSES).index(kv[0])
                                        if kv[0] in AGENCY_STATUSES else 99)), (1.4, 2, 4.6)),)))
        heard = it.get("child_heard")
        if heard:
            views = [("How", _HEARD.get(heard, heard))]
            if heard == "not_heard":
                views.append(("Why not", it.get("child_not_heard_reason") or ""))
            else:
                views.append(("Views", it.get("child_views") or ""))
            blocks.append(Section("The child's views", (KeyValues(tuple((k, v) for k, v in views if v)),)))
        decisions = it.get("decisions") or []
        blocks.append(Section("Decisions", (Table(("No.", "Decision"), tuple(
            (str(i), text) for i, text in enumerate(decisions, 1)), (0.5, 7.5)),) if decisions else
            (Paragraph("No decision.", "note"),)))
        actions = it.get("actions") or []
        if actions:
            blocks.append(Section("Actions", (Table(("Action", "Owner", "Due", "Status"), tuple(
                (a.get("text") or "", self._owner(a), a.get("due_on") or "", self._action_status(a))
                for a in actions), (4, 2.2, 1.1, 1.4)),)))
        if it.get("outcome_explained_on"):
            to = _EXPLAINED_TO.get(it.get("outcome_explained_to"), it.get("outcome_explained_to") or "")
            by = it.get("outcome_explained_by_name")
            blocks.append(Paragraph(f"Outcome explained to {to} on {it['outcome_explained_on']}"
                                    + (f" by {by}" if by else "") + "."))
        return Section(f"{it.get('position', '')}. {it['case_reference']}".lstrip(". "), tuple(blocks))

    @staticmethod
    def _owner(a: dict) -> str:
        owner = a.get("owner") or a.get("owner_name") or ""
        agency = a.get("agency") or a.get("agency_name")
        return f"{owner} ({agency})" if agency else owner

    @staticmethod
    def _action_status(a: dict) -> str:
        status = _ACTION_STATUS.get(a.get("status"), a.get("status") or "")
        if a.get("status") == "done" and a.get("done_on"):
            return f"{status} {a['done_on']}"
        if a.get("status") == "cancelled" and a.get("cancel_reason"):
            return f"{status}: {a['cancel_reason']}"
        return status

    def _addenda_section(self) -> Section:
        return Section("Addenda (corrections after approval)", (Table(("No.", "When", "By", "Correction"), tuple(
            (str(i), self.when(a.get("at_utc")), a.get("by_name") or "", a.get("text") or "")
            for i, a in enumerate(self.d["addenda"], 1)), (0.5, 1.6, 1.6, 4.3)),))
