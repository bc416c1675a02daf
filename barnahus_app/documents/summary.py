"""The case summary for court: what the record says about a case, as one structured Document
that the PDF and DOCX renderers both print. The content logic lives here only.

Pseudonymised mode: the child is "Child A", other persons and staff are named by their role,
a date of birth becomes an age band, addresses and phone numbers are left out, and a Redactor
removes any known name, date of birth, address or phone number that appears in free text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from barnahus_app import policy, vocab
from barnahus_app.timeutil import age_on, parse_utc, zone_info, zone_span_text, zone_time_text
from barnahus_app.documents.model import Document, KeyValues, Labels, Paragraph, Section, Table, Trend

AGE_BANDS = ((0, 2), (3, 5), (6, 8), (9, 11), (12, 14), (15, 17))
_STATUS = {"planned": "Planned", "held": "Held", "not_held": "Not held (the child chose not to take part)",
           "cancelled": "Cancelled"}
_PARTICIPATION = {"not_yet_asked": "Not yet asked", "chose_to_take_part": "Chose to take part",
                  "chose_not_to": "Chose not to take part"}
_STATUS_SHORT = {"planned": "Planned", "held": "Held", "not_held": "Not held", "cancelled": "Cancelled"}
_FIXITY = {"unchecked": "Not checked yet", "ok": "Unaltered", "mismatch": "FAILED: contents differ",
           "missing": "FAILED: file not found", "destroyed": "Destroyed"}
_CONFLICTS = {"room": "Room already booked", "staff": "Staff member already booked",
              "child": "The child already booked",
              "no_contact": "No-contact flag", "testify_once": "Testify once (jurisdiction rule)",
              "held_off_plan": "Held far from the planned time"}
_DIRECTION = {"in": "In", "out": "Out"}
_REFERRAL_STATUS = {"draft": "Draft", "sent": "Sent", "accepted": "Accepted", "rejected": "Rejected",
                    "revoked": "Revoked", "engaged": "Engaged", "done": "Done", "lost_to_follow_up": "Lost to follow-up"}


def referral_outcome(outcome: str | None, reason: str | None) -> str:
    if outcome == "successful":
        return "Successful"
    if outcome == "not_successful":
        return "Not successful" + (f": {_label('referral_outcome_reasons', reason)}" if reason else "")
    return ""


def age_band(dob: str | None, on: date) -> str:
    if not dob:
        return "Age not known"
    born = date.fromisoformat(dob)
    if born > on:
        return "Age not known"
    age = age_on(born, on)
    for lo, hi in AGE_BANDS:
        if lo <= age <= hi:
            return f"Age {lo}–{hi}"
    return "Age 18 or over"


def _wrap_hash(hex_digest: str) -> str:
    """A SHA-256 on two lines of 32 characters: a table cell never breaks it elsewhere."""
    return f"{hex_digest[:32]}\n{hex_digest[32:]}" if len(hex_digest) > 32 else hex_digest


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def child_pseudonym(index: int) -> str:
    """What a pseudonymised document calls the index-th child of a case: Child A, Child B ..."""
    return f"Child {chr(65 + index % 26)}"


def person_terms(details) -> list[str]:
    """What a Redactor removes for these persons (rows of the persons table): their names, each
    word of a name or address, dates of birth, addresses and phone numbers."""
    terms = []
    for p in details:
        for f in ("given_name", "family_name", "other_names", "date_of_birth", "address", "phone"):
            v = p.get(f)
            if v:
                terms.append(v)
                if f in ("given_name", "family_name", "other_names", "address"):
                    terms.extend(w for w in re.split(r"[\s,]+", v) if len(w) >= 3)
        terms.append(" ".join(x for x in (p.get("given_name"), p.get("family_name")) if x))
    return terms


class Redactor:
    """Replaces every given term (names, dates of birth, addresses, phone numbers), in any case
    and with or without accents, by a mark. Applied to every text of a pseudonymised document."""

    MARK = "[removed]"

    def __init__(self, terms, protect=()):
        # Pseudonyms ("Forensic interviewer 1") stay whole even where a name shares a word.
        self._protect = sorted({p for p in protect if p}, key=len, reverse=True)
        words = set()
        for t in terms:
            t = (t or "").strip()
            if len(t) < 2:
                continue
            words.add(t)
            words.add(_fold(t))
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
                y, m, d = t.split("-")
                words.update({f"{d}.{m}.{y}", f"{d}/{m}/{y}", f"{int(d)}.{int(m)}.{y}", f"{d}-{m}-{y}",
                              f"{y}{m}{d}", f"{m}/{d}/{y}"})
        ordered = sorted(words, key=len, reverse=True)
        # A name also in the genitive of the Nordic languages: "Annas mamma", "SVT:s" (English
        # "Anna's" already ends the word at the apostrophe).
        self._pattern = re.compile("(?<!\\w)(" + "|".join(map(re.escape, ordered)) + ")(?:[:'\u2019]?s)?(?!\\w)",
                                   re.IGNORECASE) if ordered else None

    def __call__(self, text: str) -> str:
        if not text or self._pattern is None:
            return text
        kept = {}
        for i, p in enumerate(self._protect):
            if p in text:
                token = f"\x00{i}\x00"
                text = text.replace(p, token)
                kept[token] = p
        out = self._pattern.sub(self.MARK, text)
        folded = _fold(out)
        if folded != out and self._pattern.search(folded):
            out = self._pattern.sub(self.MARK, folded)
        for token, p in kept.items():
            out = out.replace(token, p)
        return out

    def document(self, doc: Document) -> Document:
        def block(b):
            if isinstance(b, Paragraph):
                return replace(b, text=self(b.text))
            if isinstance(b, KeyValues):
                return KeyValues(tuple((self(k), self(v)) for k, v in b.pairs))
            if isinstance(b, Table):
                return Table(tuple(self(c) for c in b.columns), tuple(tuple(self(c) for c in r) for r in b.rows),
                             b.widths)
            if isinstance(b, Trend):  # instruments, bands and treatments: no one's name
                return b
            return Section(self(b.heading), tuple(block(x) for x in b.blocks))
        return replace(doc, title=self(doc.title), subtitle=self(doc.subtitle), generated_by=self(doc.generated_by),
                       footer_note=self(doc.footer_note), sections=tuple(block(s) for s in doc.sections))


@dataclass
class Names:
    """Who is called what in this document: real names, or pseudonyms by role."""
    pseudonymise: bool
    persons: dict
    users: dict

    def person(self, pid: int | None, fallback: str = "") -> str:
        if pid is None:
            return fallback
        return self.persons.get(pid, fallback or f"Person {pid}")

    def user(self, uid: int | None, name: str | None = None) -> str:
        if uid is None:
            return name or ""
        return self.users.get(uid, name or "")


# ISO 4217 currencies without minor units (the rest have two: amounts are kept in minor units).
ZERO_DECIMAL_CURRENCIES = frozenset({"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX",
                                     "VND", "VUV", "XAF", "XOF", "XPF"})


def money(minor: int | None, currency: str) -> str:
    """An amount in minor units as the currency writes it: money(1234550, "SEK") == "SEK 12,345.50"."""
    if minor is None:
        return ""
    if currency in ZERO_DECIMAL_CURRENCIES:
        return f"{currency} {minor:,}"
    return f"{currency} {minor // 100:,}.{minor % 100:02d}"


def _label(vocab_name: str, code: str | None, language: str = "en") -> str:
    if not code:
        return ""
    try:
        return vocab.vocabulary(vocab_name).label(code, language)
    except KeyError:
        return code


class DocumentBuilder:
    """What the builder of every issued document (court summary, minutes, psychosocial summary)
    holds beside its data: its id, when and by whom it was made, the audit head it names, the
    zone every time is told in, whether it is pseudonymised, and who signs it."""

    def __init__(self, data: dict, *, document_id: str, generated_at_utc: str, generated_by: str,
                 audit_head: tuple, time_zone: str, pseudonymise: bool, centre_name: str,
                 signer_subject: str, ca_fingerprint: str):
        zone_info(time_zone)   # an unknown zone is refused here, before anything is rendered
        self.d = data
        self.document_id = document_id
        self.generated_at_utc = generated_at_utc
        self.generated_by = generated_by
        self.audit_head = audit_head
        self.zone_name = time_zone
        self.pseudonymise = pseudonymise
        self.centre_name = centre_name
        self.signer_subject = signer_subject
        self.ca_fingerprint = ca_fingerprint


class SummaryBuilder(DocumentBuilder):
    """data: what issuing.py gathered in one transaction (see IssuingActions._gather)."""

    def __init__(self, data: dict, **header):
        super().__init__(data, **header)
        self.names = self._names()

    # --- names -------------------------------------------------------------------------------
    def _names(self) -> Names:
        case = self.d["case"]
        persons, users = {}, {}
        for i, c in enumerate(case["children"]):
            full = " ".join(x for x in (c.get("given_name"), c.get("family_name")) if x)
            persons[c["person_id"]] = child_pseudonym(i) if self.pseudonymise else full
        counters: dict[str, int] = {}
        for p in case["parties"]:
            if p["person_id"] in persons:
                continue
            role = _label("party_roles", p["party_role"])
            counters[role] = counters.get(role, 0) + 1
            full = " ".join(x for x in (p.get("given_name"), p.get("family_name")) if x)
            persons[p["person_id"]] = f"{role} {counters[role]}" if self.pseudonymise else full
        others = 0
        for pid, full in sorted(self.d.get("other_person_names", {}).items()):
            if pid not in persons:
                others += 1
                persons[pid] = f"Other person {others}" if self.pseudonymise else full
        staff_counter: dict[str, int] = {}
        for uid, (name, role) in sorted(self.d.get("users", {}).items()):
            if self.pseudonymise:
                staff_counter[role] = staff_counter.get(role, 0) + 1
                users[uid] = f"{role} {staff_counter[role]}"
            else:
                users[uid] = name
        return Names(self.pseudonymise, persons, users)

    def redactor(self) -> Redactor:
        terms = person_terms(self.d.get("person_details", {}).values())
        for name, _role in self.d.get("users", {}).values():
            terms.append(name)
            terms.extend(w for w in name.split() if len(w) >= 3 and not w.lower() in {"demo", "the"})
        for name in self.d.get("free_names", ()):
            terms.append(name)
        labels = [policy.ROLE_LABELS[r] for r in policy.Role]
        return Redactor(terms, protect=list(self.names.persons.values()) + list(self.names.users.values())
                        + labels + [self.generated_by])

    # --- formatting --------------------------------------------------------------------------
    def when(self, utc_text: str | None, zone: str | None = None, named: bool | None = None) -> str:
        """In the centre's zone, or in `zone` (a booking's), which is then named."""
        zone = zone or self.zone_name
        return zone_time_text(utc_text, zone, named=zone != self.zone_name if named is None else named)

    def span(self, start: str | None, end: str | None, zone: str | None = None) -> str:
        return zone_span_text(start, end, zone or self.zone_name)

    @staticmethod
    def size(n: int | None) -> str:
        if n is None:
            return ""
        for unit in ("bytes", "KB", "MB", "GB", "TB"):
            if n < 1000 or unit == "TB":
                return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
            n /= 1000
        return ""

    @staticmethod
    def duration(ms: int | None) -> str:
        if not ms:
            return ""
        s = ms // 1000
        return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"

    # --- the document ------------------------------------------------------------------------
    def build(self, document_id: str | None = None, bundle_id: str | None = None) -> Document:
        """The summary as document document_id (the builder's own by default); bundle_id names
        the bundle it is part of. Laid out for the prosecutor's first minute: who, what, when,
        the references, then the interviews, the recordings with their hashes and where each
        recording is now, before the details."""
        case = self.d["case"]
        document_id = document_id or self.document_id
        sections = [self._case_section(), self._children_section()]
        glance = self._glance_section()
        if glance is not None:
            sections.append(glance)
        sections.append(self._timeline_section())
        if self.d.get("interviews") is not None:
            sections.append(self._interviews_section())
        if self.d.get("recordings") is not None:
            sections.append(self._recordings_section())
        sections.append(self._justice_section())
        if self.d.get("justice") is not None:
            sections += [self._proceedings_section(), self._compensation_section()]
        if self.d.get("decisions") is not None:
            sections.append(self._decisions_section())
        if self.d.get("referrals") is not None:
            sections.append(self._referrals_section())
        if self.d.get("examinations") is not None:
            sections.append(self._examinations_section())
        sections.append(self._about_section(document_id, bundle_id))
        head_id, head_hash = self.audit_head
        doc = Document(
            title="Case summary for court",
            subtitle=self.centre_name + (" — pseudonymised" if self.pseudonymise else ""),
            case_reference=case["reference"], document_id=document_id,
            generated_at=self.when(self.generated_at_utc, named=True),
            generated_by=self.generated_by, audit_head=f"entry {head_id}, SHA-256 {head_hash}",
            language="en", sections=tuple(sections),
            footer_note=("Pseudonymised: no names, no dates of birth, no addresses." if self.pseudonymise
                         else "Confidential: contains personal data about a child."),
            labels=Labels())
        return self.redactor().document(doc) if self.pseudonymise else doc

    def _case_section(self) -> Section:
        c = self.d["case"]
        forms = ", ".join(_label("abuse_forms", f) for f in c.get("abuse_forms", []))
        children = "; ".join(f"{self.names.person(ch['person_id'])} ({_label('child_roles', ch['role'])})"
                             for ch in c["children"])
        pairs = [
            ("Case reference", c["reference"]),
            ("Police reference", c.get("police_reference") or "—"),
            ("Prosecution reference", c.get("prosecution_reference") or "—"),
            ("Jurisdiction", vocab.jurisdiction_labels().get(c["jurisdiction"], c["jurisdiction"])),
            ("Child" if len(c["children"]) < 2 else "Children", children),
            ("Forms of abuse and exploitation", forms),
            ("Referral received", self.when(c["referral_received_at"], named=True)),
            ("Status", _label("case_statuses", c["status"])),
            ("Case lead", self.names.user(c["case_lead_id"], c.get("case_lead_name"))),
        ]
        blocks = [KeyValues(tuple((k, v) for k, v in pairs if v))]
        if c.get("summary") and not self.pseudonymise:
            blocks.append(Paragraph(c["summary"]))
        if c.get("no_contact"):
            blocks.append(Paragraph(
                "No-contact flags: " + "; ".join(
                    f"{self.names.person(n['person_a'])} and {self.names.person(n['person_b'])}"
                    for n in c["no_contact"]) + ". They are never scheduled into the building at the same time.",
                "warning"))
        return Section("The case", tuple(blocks))

    def _children_section(self) -> Section:
        c = self.d["case"]
        details = self.d.get("person_details", {})
        received = parse_utc(c["referral_received_at"]).date()
        blocks = []
        if not c["children"]:
            blocks.append(Paragraph("Your roles do not show the persons of this case.", "note"))
        for ch in c["children"]:
            p = details.get(ch["person_id"], {})
            pairs = [("Name" if not self.pseudonymise else "Pseudonym", self.names.person(ch["person_id"])),
                     ("Role in the case", _label("child_roles", ch["role"]))]
            if self.pseudonymise:
                pairs.append(("Age at referral", age_band(ch.get("date_of_birth"), received)))
            else:
                dob = ch.get("date_of_birth") or "Not known"
                status = _label("dob_statuses", ch.get("dob_status"))
                pairs.append(("Date of birth", f"{dob} ({status})" if status else dob))
            pairs += [("Gender", _label("genders", ch.get("gender"))),
                      ("Languages", p.get("languages") or ""),
                      ("Interpreter needed", "Yes" if p.get("interpreter_needed") else ""),
                      ("Guardian / special representative", self.names.person(p.get("guardian_person_id"))),
                      ("Trusted person chosen by the child", self.names.person(p.get("trusted_person_id")))]
            total = self.d.get("interview_totals", {}).get(ch["person_id"])
            if total is not None:
                pairs.append(("Forensic interviews of this child (all cases)", str(total)))
            blocks.append(Section(self.names.person(ch["person_id"]), (KeyValues(tuple((k, v) for k, v in pairs if v)),)))
        others = [p for p in c["parties"] if p["person_id"] not in {x["person_id"] for x in c["children"]}]
        if others:
            blocks.append(Table(("Person", "Role", "Relationship to the child"),
                                tuple((self.names.person(p["person_id"]), _label("party_roles", p["party_role"]),
                                       _label("relationships_to_child", p.get("relationship_to_child")))
                                      for p in others), (3, 2, 2)))
        return Section("The child and other persons", tuple(blocks))

    def _timeline_section(self) -> Section:
        c = self.d["case"]
        events = [(c["referral_received_at"], "Referral received")]
        if c.get("screened_at"):
            events.append((c["screened_at"], "Screened"))
        if c.get("acted_at"):
            events.append((c["acted_at"], "Acted on"))
        for info in c.get("information_given", []):
            events.append((info["told_at"], f"Child informed ({info['language']}, "
                                            f"{_label('information_formats', info['format'])}): {info['topic']}"))
        for iv in self.d.get("interviews") or []:
            what = {"held": "Forensic interview held", "planned": "Forensic interview planned",
                    "cancelled": "Forensic interview cancelled",
                    "not_held": "Forensic interview not held: the child chose not to take part"}[iv["status"]]
            events.append((iv.get("actual_start_utc") or iv["starts_at_utc"],
                           f"{what} (no. {iv['number']})" if iv.get("number") else what))
        for rec in self.d.get("recordings") or []:
            for ev in rec["custody"]:
                if ev["event"] in ("acquired", "handed_to_police", "handed_to_prosecution", "handed_to_court",
                                   "fixity_mismatch", "fixity_missing", "destroyed"):
                    events.append((ev["occurred_at_utc"], f"Recording '{rec['label']}': {ev['label']}"))
        if c.get("closed_at"):
            events.append((c["closed_at"], "Case closed"))
        events.sort(key=lambda e: e[0])
        pairs = [("Triage level", _label("triage_levels", c.get("triage_level"))),
                 ("Emergency (removed from harm at once)", "Yes" if c.get("emergency") else "No"),
                 ("Opened ex officio", "Yes" if c.get("ex_officio") else "No"),
                 ("Referral source", _label("referral_sources", c.get("referral_source"))),
                 ("Reporter's profession", _label("reporter_professions", c.get("reporter_profession")))]
        return Section(f"Referral timeline (times in {self.zone_name})",
                       (KeyValues(tuple((k, v) for k, v in pairs if v)),
                        Table(("When", "What"), tuple((self.when(t), w) for t, w in events), (1, 4))))

    def _interviews_section(self) -> Section:
        ivs = self.d["interviews"]
        blocks = []
        for child_id, total in self.d.get("interview_totals", {}).items():
            blocks.append(Paragraph(f"{self.names.person(child_id)} has been interviewed {total} time(s) across all "
                                    "cases (planned and held interviews; cancelled ones not counted)."))
        if not ivs:
            blocks.append(Paragraph("No forensic interview is recorded for this case.", "note"))
        for iv in ivs:
            pairs = [
                ("Interview of this child, number", str(iv["number"]) if iv.get("number") else "—"),
                ("Status", _STATUS[iv["status"]]),
                ("Planned", self.span(iv["starts_at_utc"], iv["ends_at_utc"], iv["time_zone"])),
                ("Held", self.span(iv.get("actual_start_utc"), iv.get("actual_end_utc"), iv["time_zone"])),
                ("Room", iv.get("room_name") or ""),
                ("Interviewer", self.names.user(iv["interviewer_id"], iv.get("interviewer_name"))),
                ("Child", self.names.person(iv["child_person_id"])),
                ("Protocol", _label("interview_protocols", iv.get("protocol"))),
                ("Language planned / used", " / ".join(x for x in (iv.get("language"), iv.get("language_used")) if x)),
                ("Interpreter language", iv.get("interpreter_language") or ""),
                ("Pre-constituted evidence", "Yes" if iv.get("pre_constituted") else "No"),
                ("The child's participation", _PARTICIPATION.get(iv["child_participation"], "")),
                ("Why a further interview was needed", iv.get("justification") or ""),
                ("Reason (cancelled / not held)", iv.get("cancel_reason") or ""),
            ]
            sub = [KeyValues(tuple((k, v) for k, v in pairs if v))]
            if iv["participants"]:
                sub.append(Table(("Participant", "Role", "Language", "Present"), tuple(
                    (self._participant(p), _label("interview_participant_roles", p["role"]), p.get("language") or "",
                     {True: "Yes", False: "No"}.get(p.get("present"), "")) for p in iv["participants"]), (3, 3, 1, 1)))
            if iv["breaks"]:
                sub.append(Table(("Break from", "to"), tuple(
                    (self.when(b["started_at_utc"], iv["time_zone"]), self.when(b["ended_at_utc"], iv["time_zone"]))
                    for b in iv["breaks"])))
            if iv["overrides"]:
                sub.append(Table(("Warning overridden when planning", "Written reason", "By", "When"), tuple(
                    (_CONFLICTS.get(o["conflict"], o["conflict"]), o["reason"],
                     self.names.user(o.get("by_user"), o.get("by_name")), self.when(o["at_utc"]))
                    for o in iv["overrides"]), (2, 4, 2, 2)))
            title = f"Interview {iv['number']}" if iv.get("number") else "Interview (not counted)"
            blocks.append(Section(
                f"{title}: {self.when(iv.get('actual_start_utc') or iv['starts_at_utc'], iv['time_zone'])[:10]}",
                tuple(sub)))
        return Section("Forensic interviews", tuple(blocks))

    def _participant(self, p: dict) -> str:
        if p.get("user_id"):
            return self.names.user(p["user_id"], p.get("display"))
        if p.get("person_id"):
            return self.names.person(p["person_id"], p.get("display") or "")
        if self.pseudonymise:
            return _label("interview_participant_roles", p["role"])
        return p.get("display") or p.get("name") or ""

    def _glance_section(self) -> Section | None:
        """The interviews, the recordings with their hashes, and where each recording is now:
        one table each, for the first page or two."""
        ivs, recs = self.d.get("interviews"), self.d.get("recordings")
        blocks = []
        if ivs:
            blocks.append(Section("Interviews", (Table(
                ("No.", "Child", "Status", "When", "Room", "Interviewer"), tuple(
                    (str(iv["number"]) if iv.get("number") else "—", self.names.person(iv["child_person_id"]),
                     _STATUS_SHORT[iv["status"]],
                     self.span(iv.get("actual_start_utc"), iv.get("actual_end_utc"))
                     or self.span(iv["starts_at_utc"], iv["ends_at_utc"]),
                     iv.get("room_name") or "", self.names.user(iv["interviewer_id"], iv.get("interviewer_name")))
                    for iv in ivs), (0.6, 1.9, 0.9, 2.0, 1.2, 1.9)),)))
        if recs:
            rows = []
            for r in recs:
                copy = "master" if r["copy_kind"] == "master" else f"working copy of {r['master_id']}"
                rows.append((str(r["id"]), f"{r['label']} ({copy})", _wrap_hash(r["sha256"]),
                             self.size(r["size_bytes"]), self.duration(r.get("duration_ms")),
                             _FIXITY.get(r["fixity_status"], r["fixity_status"])))
            custody = []
            for r in recs:
                last = r["custody"][-1] if r["custody"] else None
                if last is not None:
                    custody.append((str(r["id"]), last["label"], self.when(last["occurred_at_utc"]),
                                    "; ".join(x for x in (self._where(last), last.get("counterpart"),
                                                          last.get("receipt")) if x)))
            sub = [Paragraph("Each recording is identified by the SHA-256 of its bytes, taken when it was registered. "
                             "Anyone can repeat the check with a standard tool (for example `sha256sum`)."),
                   Table(("No.", "Recording", "SHA-256", "Size", "Duration", "Fixity"), tuple(rows),
                         (0.6, 2.0, 3.6, 0.95, 1.05, 1.2))]
            if custody:
                sub.append(Table(("No.", "Last custody event", "When", "Where / receiver / receipt"), tuple(custody),
                                 (0.6, 2.2, 2.0, 4.6)))
            blocks.append(Section("Recordings and custody", tuple(sub)))
        if not blocks:
            return None
        return Section("Interviews and recordings at a glance", tuple(blocks))

    def _recordings_section(self) -> Section:
        recs = self.d["recordings"]
        if not recs:
            return Section("Recordings and chain of custody",
                           (Paragraph("No recording is registered for this case.", "note"),))
        blocks = []
        for r in recs:
            facts = [("File name", r["file_name"] if not self.pseudonymise else f"recording-{r['id']}"),
                     ("Container and format", " — ".join(x for x in (r.get("container"), r.get("media_format")) if x)),
                     ("Capture device", r.get("capture_device") or ""),
                     ("Kept at", r["storage_location"] if not self.pseudonymise else "[location withheld]"),
                     ("Acquired", self.when(r["acquired_at_utc"], r.get("time_zone"), named=True)),
                     ("Last fixity check", self.when(r.get("fixity_checked_at"), r.get("time_zone"), named=True))]
            log = Table(("When", "Event", "Who", "Where", "Why", "Receiver / receipt / order"), tuple(
                (self.when(e["occurred_at_utc"], r.get("time_zone"), named=False), e["label"], self._actor(e), self._where(e),
                 e.get("purpose") or "",
                 "; ".join(x for x in (e.get("counterpart"), e.get("receipt"), e.get("order_reference"),
                                       f"computed SHA-256 {e['computed_sha256']}" if e["event"].startswith("fixity")
                                       and e.get("computed_sha256") else None) if x))
                for e in r["custody"]), (1.6, 1.6, 1.4, 1.6, 1.6, 2.2))
            blocks.append(Section(f"Recording {r['id']}: {r['label']}",
                                  (KeyValues(tuple((k, v) for k, v in facts if v)),
                                   Paragraph(f"Chain of custody, times in {r.get('time_zone') or self.zone_name}:", "note"),
                                   log)))
        return Section("Recordings and chain of custody", tuple(blocks))

    def _where(self, e: dict) -> str:
        """A custody event's place. An acquisition or copy is located at the recording's storage
        location, which a pseudonymised document withholds (a path can name the child)."""
        loc = e.get("location") or ""
        if self.pseudonymise and loc and loc in {r["storage_location"] for r in self.d.get("recordings") or []}:
            return "[location withheld]"
        return loc

    def _actor(self, e: dict) -> str:
        actor = e.get("actor") or e.get("recorded_by_name") or ""
        if not self.pseudonymise:
            return actor
        # The user who recorded their own act gets their role pseudonym; anyone else is not named.
        own_name = self.d.get("users", {}).get(e["by_user"], ("",))[0]
        return self.names.user(e["by_user"]) if actor == own_name else "[name withheld]"

    def _justice_section(self) -> Section:
        c = self.d["case"]
        pairs = [("Police reference", c.get("police_reference") or "—"),
                 ("Prosecution reference", c.get("prosecution_reference") or "—"),
                 ("Case status", _label("case_statuses", c["status"]))]
        blocks = [KeyValues(tuple(pairs))]
        lims = self.d.get("limitations") or []
        if lims:
            blocks.append(Table(("Alleged offence", "Offence date", "Statute of limitations"), tuple(
                (l["category_label"], l.get("offence_date") or "Not known", l.get("text") or l["state"].replace("_", " "))
                for l in lims), (2, 1, 4)))
        court = self.d.get("court_dates") or []
        if court:
            blocks.append(Table(("Court date", "Note"), tuple((d, n or "") for d, n in court), (1, 3)))
        return Section("Justice status", tuple(blocks))

    def _proceedings_section(self) -> Section:
        """Each proceeding against an alleged offender: kind, where it stands, its events and
        charges, how the child took part (a right, not a duty: said as it is, never as a
        failure), and the release notification. Codes and dates; no reason, no child's words."""
        procs = self.d["justice"]["proceedings"]
        if not procs:
            return Section("Proceedings", (Paragraph("No proceeding is recorded for this case.", "note"),))
        blocks = []
        for p in procs:
            part = p["child_part"]
            pairs = [("Alleged offender", self.names.person(p["offender_person_id"])),
                     ("Child", self.names.person(p["child_person_id"])),
                     ("Kind", _label("justice_proceeding_kinds", p["kind"])),
                     ("Where it stands", _label("justice_proceeding_statuses", p["status"])
                      + (f" ({p['closed_on']})" if p["closed_on"] else "")),
                     ("Police reference", p.get("police_reference") or ""),
                     ("Court reference", p.get("court_reference") or ""),
                     ("How the child took part", _label("justice_participation", part["participation"])
                      if part["participation"] else "Not recorded"),
                     ("Special measures", ", ".join(_label("justice_special_measures", m)
                                                    for m in part["special_measures"])),
                     ("The child's view of the outcome", _label("justice_child_views", part["child_view"])
                      if part["child_view"] else "")]
            wish = p.get("release_wish") or {}
            if wish:
                pairs.append(("Release notification",
                              f"{_label('justice_release_wishes', wish['wish'])} (said on {wish['on']})"))
            if p["release"]:
                r = p["release"]
                told = (f"informed {r['informed_on']}" if r["informed_on"] else
                        "do not wish to be told" if wish.get("wish") == "not_wanted" else "not yet informed")
                pairs.append(("Release", f"{r['release_on']}; child and family {told}"))
            sub = [KeyValues(tuple((k, v) for k, v in pairs if v))]
            if p["events"]:
                charges = {c["id"]: c for c in p["charges"]}
                sub.append(Table(("Date", "Event", "Decision or outcome"), tuple(
                    (e["on_date"], _label("justice_event_kinds", e["kind"]),
                     _label("justice_charge_decisions", e["decision"]) if e["decision"] else
                     (_label("offence_categories", charges[e["charge_id"]]["category"]) + ": " if e["charge_id"]
                      in charges else "") + (_label("justice_verdicts", e["outcome"]) if e["kind"] == "verdict"
                                             else _label("justice_final_outcomes", e["outcome"]) if e["outcome"]
                                             else ""))
                    for e in p["events"]), (1, 1.6, 3)))
            blocks.append(Section(f"{_label('justice_proceeding_kinds', p['kind'])}: "
                                  f"{self.names.person(p['offender_person_id'])}", tuple(sub)))
        return Section("Proceedings", tuple(blocks))

    def _compensation_section(self) -> Section:
        """The compensation claims to payment: route, status, amounts and dates."""
        j = self.d["justice"]
        blocks = []
        if j["rights_explained"]:
            blocks.append(KeyValues((("Right to compensation explained", ", ".join(
                f"{r['on']} ({_label('rights_explained_stages', r['stage'])})" for r in j["rights_explained"])),)))
        if not j["claims"]:
            blocks.append(Paragraph("No compensation claim is recorded for this case.", "note"))
            return Section("Compensation", tuple(blocks))
        blocks.append(Table(("Route", "Status", "Claimed", "Awarded", "Paid", "Filed", "Decided", "Paid on"), tuple(
            (_label("compensation_routes", c["route"]), _label("compensation_statuses", c["status"]),
             money(c["amount_claimed"], c["currency"]), money(c["amount_awarded"], c["currency"]),
             money(c["amount_paid"], c["currency"]), c["filed_on"] or "", c["decided_on"] or "", c["paid_on"] or "")
            for c in j["claims"]), (1.6, 1.3, 1.2, 1.2, 1.2, 1, 1, 1)))
        return Section("Compensation", tuple(blocks))

    def _decisions_section(self) -> Section:
        """What the team decided about the case at its meetings: the decisions only, never the
        discussion, the agencies' updates or the child's views (those stay in the minutes)."""
        rows = self.d["decisions"]
        if not rows:
            return Section("MDT decisions", (Paragraph("No decision of a team meeting is recorded for this case.",
                                                       "note"),))
        return Section("MDT decisions", (Table(("Date", "Meeting", "Decision"), tuple(
            (r["on"], _label("meeting_kinds", r["kind"]), r["text"]) for r in rows), (1.1, 1.5, 5)),))

    def _referrals_section(self) -> Section:
        rows = self.d["referrals"]
        if not rows:
            return Section("Referrals", (Paragraph("No referral is recorded for this case.", "note"),))
        return Section("Referrals", (Table(
            ("Service", "Direction", "Agency", "Status", "Sent", "Closed", "Outcome"), tuple(
                (_label("referral_services", r["service"]), _DIRECTION.get(r["direction"], r["direction"]),
                 r.get("agency") or "", _REFERRAL_STATUS.get(r["status"], r["status"]), r.get("sent_on") or "",
                 r.get("closed_on") or "", referral_outcome(r.get("outcome"), r.get("outcome_reason")))
                for r in rows), (1.8, 0.9, 1.8, 1.3, 1.1, 1.1, 1.8)),))

    def _examinations_section(self) -> Section:
        """The coordination facts of the medical examinations; a statement's text only where the
        examiner released it for the court summary and the issuer holds the medical section.
        Never a finding, a note or a test."""
        rows = [x for x in self.d["examinations"] if x["status"] in ("planned", "held")]
        if not rows:
            return Section("Medical examinations", (Paragraph("No medical examination is recorded for this case.",
                                                              "note"),))
        blocks = [Table(("When", "Kind", "Commissioned by", "Examiner", "Status", "Outcome", "Samples to police"),
                        tuple((self.when(x["starts_at_utc"], x["time_zone"]), _label("medical_examination_kinds", x["kind"]),
                               _label("medical_commissioners", x["commissioned_by"]),
                               self.names.user(x["examiner_id"], x.get("examiner_name")), _STATUS_SHORT.get(x["status"], x["status"]),
                               _label("medical_outcomes", x["released_outcome"]) or "Not released",
                               "Yes" if x["samples_handed_to_police"] else "No") for x in rows),
                        (1.6, 1.6, 1.2, 1.3, 0.8, 1.6, 0.8))]
        for x in rows:
            if "case_summary" not in x["statement_released_for"]:
                continue
            when = self.when(x["starts_at_utc"], x["time_zone"])
            if x.get("statement"):
                blocks.append(Paragraph(f"Medical statement ({when}), released by the examiner for this summary:"))
                blocks.append(Paragraph(x["statement"]))
            else:
                blocks.append(Paragraph(f"The medical statement of the examination of {when} was released for court "
                                        "summaries; it is held by medical staff, who can provide it.", "note"))
        return Section("Medical examinations", tuple(blocks))

    def _about_section(self, document_id: str, bundle_id: str | None) -> Section:
        return about_section(document_id, self.when(self.generated_at_utc, named=True), self.generated_by,
                             self.audit_head, self.d.get("record_id", ""), self.signer_subject,
                             self.ca_fingerprint, bundle_id)


def about_section(document_id: str, generated_at: str, generated_by: str, audit_head: tuple, record_id: str,
                  signer_subject: str, ca_fingerprint: str, bundle_id: str | None = None) -> Section:
    """Where a document issued by the centre came from and how to check it (summary, minutes)."""
    head_id, head_hash = audit_head
    pairs = [("Document ID", document_id)]
    if bundle_id:
        pairs.append(("Part of bundle", bundle_id))
    pairs += [("Generated", generated_at),
              ("Generated by", generated_by),
              ("Audit trail head at generation", f"entry {head_id}, SHA-256 {head_hash}"),
              ("Record", record_id or ""),
              ("Signed by", signer_subject),
              ("Centre CA fingerprint (SHA-256)", ca_fingerprint)]
    return Section("About this document", (
        KeyValues(tuple(pairs)),
        Paragraph("The PDF carries an electronic signature (PAdES) of the centre, added as the last step. The "
                  "centre's register of issued documents holds this document's SHA-256; `barnahus "
                  "verify-document` answers whether a copy is the one issued and unaltered. The audit trail "
                  "head lets the centre prove which entries existed when this document was made."),
    ))
