"""A case's psychosocial summary as one structured Document that the PDF and DOCX renderers
print, like the court summary (summary.py) and the minutes (minutes.py): the child, the treatment
episodes (model, provider, therapist, dates, end reason) and their sessions' attendance, the
crisis contacts (when, by whom), every administration of an instrument (date, time point,
respondent, exact score, band, at or above the cut-off, the instrument's version) with the trend
of each instrument (the Trend block: a vector chart in the PDF, a table in the DOCX; as the tab's
trend, the child's screens in any of their cases), the screens
at or above the cut-off and what was done about them, the recovery plan's goals and the
re-screening rules.

It is for the team and for an onward referral, issued by a therapist (exact scores and the trend
are therapy detail). What stays sealed in the record is not in it, not even decrypted for it:
the session notes, the crisis contacts' notes and the item answers (gather() reads no sealed
value; case_facts gives none).

Pseudonymised: the case reference stays, the children are Child A, Child B ... (an age band
instead of the date of birth), a family member is named by their role in the case, the
professionals keep their names, and the summary's Redactor removes every name, date of birth,
address and phone number of the case's persons from all text (goals, reasons).
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from barnahus_app.cases.tables import Case, CaseChild, CaseParty
from barnahus_app.documents.model import Document, KeyValues, Paragraph, Section, Table, Trend
from barnahus_app.documents.summary import (DocumentBuilder, Redactor, _label, about_section, age_band,
                                            child_pseudonym, person_terms)
from barnahus_app.errors import ValidationError
from barnahus_app.followup.tables import FollowUpRule
from barnahus_app.persons.tables import Person
from barnahus_app.psychosocial import instruments
from barnahus_app.psychosocial.actions import case_facts, trend_data
from barnahus_app.psychosocial.tables import Rescreen
from barnahus_app.timeutil import zone_time_text

P = Person.__table__
RS = Rescreen.__table__
FR = FollowUpRule.__table__
SESSION_STATUSES = ("attended", "missed", "cancelled")
SEALED_NOTE = ("This summary is for the team and for an onward referral. The session notes, the crisis "
               "contacts' notes and the answers to the questionnaires' items stay sealed in the record: they are "
               "not part of it.")


def gather(conn, case_id: int, child_person_id: int | None) -> dict:
    """Everything the summary shows, in the caller's transaction (the caller authorized
    therapy.read and audits): the case's reference, its children (or the one child asked for),
    the persons named, case_facts with exact scores (never an answer or a note), each child's
    trend per instrument and the re-screening rules. With child_person_id, only that child's
    episodes, administrations, goals and crisis contacts."""
    reference = conn.execute(select(Case.reference).where(Case.id == case_id)).scalar()
    kids = [r[0] for r in conn.execute(select(CaseChild.person_id).where(CaseChild.case_id == case_id)
                                       .order_by(CaseChild.person_id))]
    if child_person_id is not None:
        if child_person_id not in kids:
            raise ValidationError("child_person_id", "Choose a child of this case.")
    facts = case_facts(conn, case_id, True)
    if child_person_id is not None:
        facts["episodes"] = [e for e in facts["episodes"] if e["person_id"] == child_person_id]
        facts["administrations"] = [a for a in facts["administrations"] if a["child_person_id"] == child_person_id]
        facts["goals"] = [g for g in facts["goals"] if g["person_id"] == child_person_id]
        facts["crisis_contacts"] = [c for c in facts["crisis_contacts"] if c["person_id"] == child_person_id]
    roles = {}
    for r in conn.execute(select(CaseParty.person_id, CaseParty.party_role).where(CaseParty.case_id == case_id)):
        roles.setdefault(r.person_id, r.party_role)
    ids = set(kids) | set(roles)
    details = {r.id: dict(r._mapping) for r in conn.execute(select(P).where(P.c.id.in_(ids)))} if ids else {}
    extra = {v for p in details.values() for v in (p.get("guardian_person_id"), p.get("trusted_person_id")) if v}
    details.update({r.id: dict(r._mapping) for r in conn.execute(select(P).where(P.c.id.in_(extra - set(details))))})
    shown = [child_person_id] if child_person_id is not None else kids
    trends = []
    for kid in shown:
        for code in sorted({a["instrument"] for a in facts["administrations"] if a["child_person_id"] == kid}):
            trends.append((kid, trend_data(conn, kid, code)))
    rescreens = [dict(r._mapping) for r in conn.execute(
        select(RS.c.child_person_id, RS.c.instrument_code, FR.c.interval_months, FR.c.next_due, FR.c.status)
        .join(FR, FR.c.id == RS.c.followup_rule_id).where(RS.c.case_id == case_id).order_by(RS.c.id))
        if r.child_person_id in shown]
    return {"case_id": case_id, "reference": reference, "children": kids, "shown": shown, "roles": roles,
            "person_details": details, "facts": facts, "trends": trends, "rescreens": rescreens}


def _band_labels(code: str, version: int | None = None) -> dict[str, str]:
    """{band code: its English label} of the instrument version's screen scale ({} when that
    definition cannot be read any more)."""
    try:
        inst = instruments.get(code, version)
    except ValidationError:
        return {}
    return {b.code: b.text("en") for b in inst.scale(inst.screen_scale).bands}


def _instrument(code: str, version: int | None = None):
    try:
        return instruments.get(code, version)
    except ValidationError:
        return None


class PsychosocialBuilder(DocumentBuilder):
    """data: gather()'s dict plus "record_id"."""

    def __init__(self, data: dict, **header):
        super().__init__(data, **header)
        self.case_id = data["case_id"]
        self.names = self._names()

    # --- names -------------------------------------------------------------------------------
    def _names(self) -> dict[int, str]:
        details = self.d["person_details"]
        out, counters = {}, {}

        def full(pid):
            p = details.get(pid) or {}
            return " ".join(x for x in (p.get("given_name"), p.get("family_name")) if x) or f"Person {pid}"
        for i, kid in enumerate(self.d["children"]):
            out[kid] = child_pseudonym(i) if self.pseudonymise else full(kid)
        for pid, role in sorted(self.d["roles"].items()):
            if pid in out:
                continue
            label = _label("party_roles", role)
            counters[label] = counters.get(label, 0) + 1
            out[pid] = f"{label} {counters[label]}" if self.pseudonymise else full(pid)
        return out

    def person(self, pid) -> str:
        return self.names.get(pid, "" if pid is None else f"Person {pid}")

    def redactor(self) -> Redactor:
        facts = self.d["facts"]
        protect = list(self.names.values()) + [self.generated_by, self.centre_name]
        protect += [e.get("therapist_name") or "" for e in facts["episodes"]]
        protect += [e.get("provider_name") or "" for e in facts["episodes"]]
        protect += [c.get("by_name") or "" for c in facts["crisis_contacts"]]
        return Redactor(person_terms(self.d["person_details"].values()), protect=protect)

    # --- the document ------------------------------------------------------------------------
    def build(self) -> Document:
        sections = [self._child_section(), self._episodes_section(), self._crisis_section(),
                    self._assessments_section(), self._screens_section(), self._plan_section(),
                    self._rescreen_section(),
                    about_section(self.document_id, zone_time_text(self.generated_at_utc, self.zone_name, named=True),
                                  self.generated_by, self.audit_head, self.d.get("record_id") or "",
                                  self.signer_subject, self.ca_fingerprint)]
        head_id, head_hash = self.audit_head
        note = ("Pseudonymised: children by pseudonym; no names, dates of birth or addresses of the case's persons."
                if self.pseudonymise else "Confidential: therapy detail about a child.")
        doc = Document(
            title="Psychosocial summary", subtitle=self.centre_name + (" — pseudonymised" if self.pseudonymise else ""),
            case_reference=self.d["reference"], document_id=self.document_id,
            generated_at=zone_time_text(self.generated_at_utc, self.zone_name, named=True),
            generated_by=self.generated_by, audit_head=f"entry {head_id}, SHA-256 {head_hash}",
            language="en", sections=tuple(sections),
            footer_note=note + " Session notes, crisis notes and item answers are not part of it.")
        return self.redactor().document(doc) if self.pseudonymise else doc

    def _child_section(self) -> Section:
        today = date.fromisoformat(self.generated_at_utc[:10])
        rows = []
        for kid in self.d["shown"]:
            dob = (self.d["person_details"].get(kid) or {}).get("date_of_birth")
            rows.append((self.person(kid), age_band(dob, today) if self.pseudonymise else (dob or "Not known")))
        blocks = [KeyValues((("Case reference", self.d["reference"]),)),
                  Table(("Child", "Age" if self.pseudonymise else "Date of birth"), tuple(rows), (3, 2)),
                  Paragraph(SEALED_NOTE, "note")]
        return Section("The case and the child", tuple(blocks))

    def _episodes_section(self) -> Section:
        eps = self.d["facts"]["episodes"]
        if not eps:
            return Section("Treatment episodes", (Paragraph("No treatment episode is recorded.", "note"),))
        episodes = Table(("Person", "Model", "Provider", "Therapist", "Started", "Ended", "End reason"), tuple(
            (self.person(e["person_id"]), _label("treatment_models", e["model"]), e.get("provider_name") or "The centre",
             e.get("therapist_name") or "", e["started_on"], e.get("ended_on") or "Ongoing",
             _label("treatment_end_reasons", e.get("end_reason")))
            for e in eps), (1.5, 1.6, 1.3, 1.3, 1.25, 1.25, 1.3))
        sessions = Table(("Person", "Model", "Started", "Attended", "Missed", "Cancelled", "Carer took part"), tuple(
            (self.person(e["person_id"]), _label("treatment_models", e["model"]), e["started_on"],
             *(str(sum(1 for s in e["sessions"] if s["status"] == st)) for st in SESSION_STATUSES),
             str(sum(1 for s in e["sessions"] if s["carer_took_part"])))
            for e in eps), (1.6, 1.7, 1.25, 1.1, 1.0, 1.15, 1.1))
        return Section("Treatment episodes", (episodes, Section("Sessions", (sessions,))))

    def _crisis_section(self) -> Section:
        cc = self.d["facts"]["crisis_contacts"]
        if not cc:
            return Section("Crisis contacts", (Paragraph("No crisis contact is recorded.", "note"),))
        return Section("Crisis contacts", (Table(("Person", "When", "By"), tuple(
            (self.person(c["person_id"]), zone_time_text(c["occurred_at_utc"], self.zone_name), c.get("by_name") or "")
            for c in cc), (2.5, 2.5, 2)),))

    def _assessments_section(self) -> Section:
        admins = self.d["facts"]["administrations"]
        if not admins:
            return Section("Assessments", (Paragraph("No instrument was administered.", "note"),))
        blocks = []
        for kid, trend in self.d["trends"]:
            code = trend["instrument"]
            mine = [a for a in admins if a["child_person_id"] == kid and a["instrument"] == code]
            newest = _instrument(code)
            scale = newest.scale(newest.screen_scale).text("en") if newest else trend.get("scale") or "Score"
            rows = []
            for a in mine:
                bands = _band_labels(code, a["version"])
                band = a.get("screen_band")
                rows.append((a["administered_on"], _label("psychosocial_time_points", a["time_point"]),
                             _label("psychosocial_respondents", a["respondent"]),
                             "" if a.get("screen_value") is None else f"{a['screen_value']:g}",
                             bands.get(band, band or ""), "Yes" if a["at_or_above_cutoff"] else "No",
                             str(a["version"])))
            table = Table(("Date", "Time point", "Respondent", scale, "Band", "At or above the cut-off",
                           "Version"), tuple(rows), (1.25, 1.3, 1.2, 1.1, 1.7, 1.1, 1.0))
            labels = _band_labels(code)
            points = [p for p in trend["points"] if p[1] is not None]
            chart = Trend.from_core(dict(trend, points=points), band_label=lambda b, m=labels: m.get(b, b),
                                    scale_label=lambda s, n=scale: n)
            cutoff = trend.get("cutoff")
            blocks.append(Section(f"{self.person(kid)}: {trend['name']}", (
                table,
                Paragraph(f"The cut-off is {cutoff:g} ({scale})." if cutoff is not None else "No cut-off.", "note"),
                chart)))
        return Section("Assessments", tuple(blocks))

    def _screens_section(self) -> Section:
        at = [a for a in self.d["facts"]["administrations"] if a["at_or_above_cutoff"]]
        if not at:
            return Section("Screens at or above the cut-off", (Paragraph("No screen was at or above its cut-off.",
                                                                          "note"),))
        rows = []
        for a in at:
            if a["resolution"] is None:
                done, detail = "OPEN: nothing recorded yet", ""
            else:
                done = _label("screen_resolutions", a["resolution"])
                detail = (a.get("resolution_reason") or "") if a["resolution"] == "not_done" else \
                    (f"Referral {a['referral_id']}" if a.get("referral_id") else "")
            name = (_instrument(a["instrument"], a["version"]) or None)
            rows.append((self.person(a["child_person_id"]), a["administered_on"],
                         name.name if name else a["instrument"],
                         "" if a.get("screen_value") is None else f"{a['screen_value']:g}", done, detail,
                         a.get("resolved_on") or ""))
        blocks = [Table(("Child", "Screened", "Instrument", "Score", "What was done", "Why not / referral", "On"),
                        tuple(rows), (1.5, 1.25, 2.0, 0.8, 1.6, 1.7, 1.25))]
        open_ = sum(1 for a in at if a["resolution"] is None)
        if open_:
            blocks.insert(0, Paragraph(f"{open_} screen(s) at or above the cut-off with no diagnostic assessment, "
                                       "referral or reason recorded yet.", "warning"))
        return Section("Screens at or above the cut-off", tuple(blocks))

    def _plan_section(self) -> Section:
        goals = self.d["facts"]["goals"]
        if not goals:
            return Section("Recovery plan", (Paragraph("The recovery plan has no goal yet.", "note"),))
        return Section("Recovery plan", (Table(("Person", "Domain", "Goal", "Who helps", "Status", "Review on"), tuple(
            (self.person(g["person_id"]), _label("recovery_domains", g["domain"]), g["goal"], g.get("helper") or "",
             _label("recovery_goal_statuses", g["status"]), g.get("review_on") or "")
            for g in goals), (1.3, 1.3, 3.0, 1.4, 0.9, 1.0)),))

    def _rescreen_section(self) -> Section:
        rules = self.d["rescreens"]
        if not rules:
            return Section("Re-screening", (Paragraph("No re-screening rule is set.", "note"),))
        rows = []
        for r in rules:
            inst = _instrument(r["instrument_code"])
            every = r.get("interval_months")
            rows.append((self.person(r["child_person_id"]), inst.name if inst else r["instrument_code"],
                         f"Every {every} months" if every else "", r.get("next_due") or ""))
        return Section("Re-screening", (Table(("Child", "Instrument", "How often", "Next due"), tuple(rows),
                                              (1.5, 3, 1.5, 1.2)),))
