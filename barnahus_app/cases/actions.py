"""Cases: intake, the persons in a case, the case list and its search (Session mixin)."""
from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, delete, func, insert, literal, null, or_, select, text, union, update

from barnahus_app import policy, vocab
from barnahus_app.errors import NotFound, PossibleDuplicate, ValidationError
from barnahus_app.fields import CASE_FIELDS, Code, DateTime, Languages, Text, check_count, clean, fold
from barnahus_app.cases.tables import Case, CaseAbuseForm, CaseChild, CaseParty, InformationGiven
from barnahus_app.persons.tables import NoContact, Person
from barnahus_app.users.tables import User, UserRole
from barnahus_app.timeutil import utc_now_iso
from barnahus_app.persons.actions import (
    create_person_in, person_grants, require_person, set_no_contact_in, shown_duplicates_audited,
    update_person_in,
)
from barnahus_app.session_base import SessionBase

C = Case.__table__
P = Person.__table__
U = User.__table__

SORTS = {
    "received_desc": (C.c.referral_received_at.desc(), C.c.id.desc()),
    "received_asc": (C.c.referral_received_at.asc(), C.c.id.asc()),
    "reference": (C.c.reference.asc(),),
    # Referred, then open, then closed; newest first in each (ix_case_status_received backwards).
    "status": (C.c.status.desc(), C.c.referral_received_at.desc(), C.c.id.desc()),
}

INFORMATION_FIELDS = {
    "told_at": DateTime(required=True),
    "language": Languages(single=True),
    "format": Code("information_formats", required=True),
    "topic": Text(5000, required=True, multiline=True),
}

# Mirrors migration 0002, for one case. What a search can find: reference, outside references,
# and the names of the case's persons.
_SEARCH_BODY = text("""
    SELECT c.reference || ' ' || coalesce(c.police_reference, '') || ' ' ||
           coalesce(c.prosecution_reference, '') || ' ' ||
           coalesce((SELECT group_concat(p.given_name || ' ' || p.family_name || ' ' ||
                                         coalesce(p.other_names, ''), ' ')
                     FROM persons p
                     WHERE p.id IN (SELECT person_id FROM case_children WHERE case_id = c.id
                                    UNION SELECT person_id FROM case_parties WHERE case_id = c.id)), '')
    FROM cases c WHERE c.id = :id
""")

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """Every word must match, as a prefix. Quotes and operators typed by the user are words."""
    words = _WORD.findall(user_text or "")[:20]
    return " ".join('"' + w.replace('"', '') + '"*' for w in words) or None


# Dates of birth as people type them: 2015-03-07, 7.3.2015, 07/03/2015 (day first), 20150307,
# 7 March 2015, 7 mars 2015, March 7, 2015. Month names in English and Swedish, whole or cut short.
_MONTHS = {}
for _n, _names in enumerate((
        "january januari jan", "february februari feb", "march mars mar", "april apr",
        "may maj", "june juni jun", "july juli jul", "august augusti aug",
        "september sept sep", "october oktober oct okt", "november nov", "december dec"), start=1):
    for _name in _names.split():
        _MONTHS[_name] = _n
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_FORMS = (
    (re.compile(r"(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])"), "ymd"),
    (re.compile(r"(?<![\w./-])(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?![\w./-])"), "dmy"),
    (re.compile(r"(?<!\w)(\d{1,2})\.?\s+" + _MONTH + r",?\s+(\d{4})(?!\w)", re.IGNORECASE), "dMy"),
    (re.compile(r"(?<!\w)" + _MONTH + r"\s+(\d{1,2}),?\s+(\d{4})(?!\w)", re.IGNORECASE), "Mdy"),
    (re.compile(r"(?<![\w-])(\d{4})(\d{2})(\d{2})(?![\w-])"), "compact"),
)


@dataclass(frozen=True)
class SearchDate:
    iso: str         # the date, 2015-03-07
    typed: str       # as typed; the compact form (20150307) may also be a number in a reference
    compact: bool


def search_dates(user_text: str) -> tuple[list[SearchDate], str]:
    """The dates in a search (see _DATE_FORMS) and the text left for the word search. Text that
    only looks like a date (31.02.2015) stays words."""
    found, rest = [], user_text or ""
    for pattern, form in _DATE_FORMS:
        def take(m, form=form):
            g = m.groups()
            if form == "ymd" or form == "compact":
                y, mo, d = int(g[0]), int(g[1]), int(g[2])
            elif form == "dmy":
                d, mo, y = int(g[0]), int(g[1]), int(g[2])
            elif form == "dMy":
                d, mo, y = int(g[0]), _MONTHS[g[1].lower()], int(g[2])
            else:
                mo, d, y = _MONTHS[g[0].lower()], int(g[1]), int(g[2])
            try:
                iso = date(y, mo, d).isoformat()
            except ValueError:
                return m.group(0)
            found.append(SearchDate(iso, m.group(0), form == "compact"))
            return " "
        rest = pattern.sub(take, rest)
    return found[:5], rest


@dataclass(frozen=True)
class CaseFilter:
    text: str | None = None
    status: str | None = None
    case_lead_id: int | None = None
    abuse_form: str | None = None
    year: int | None = None
    emergency: bool | None = None

    def used(self) -> list[str]:
        """Names of the filters in use, for the audit entry; never the search words."""
        return [k for k, v in self.__dict__.items() if v not in (None, "")]


@dataclass(frozen=True)
class CasePage:
    rows: list
    total: int
    offset: int


class CaseActions(SessionBase):
    def create_case(self, abuse_forms=(), **values) -> dict:
        self._authorize("case", "create")
        with self.record.transaction() as conn:
            return self._create_case_in(conn, values, abuse_forms)

    def update_case(self, case_id: int, abuse_forms=None, **values) -> None:
        self._authorize("case", "update")
        with self.record.transaction() as conn:
            self._update_case_in(conn, case_id, values, abuse_forms)

    def add_child(self, case_id: int, person_id: int, role: str = "victim") -> None:
        """A child is in a case as victim, witness or at risk; never as an offender."""
        self._authorize("case", "update")
        with self.record.transaction() as conn:
            self._add_child_in(conn, case_id, person_id, role)

    def add_party(self, case_id: int, person_id: int, party_role: str,
                  relationship_to_child: str | None = None, child_person_id: int | None = None) -> int:
        self._authorize("case", "update")
        with self.record.transaction() as conn:
            return self._add_party_in(conn, case_id, person_id, party_role, relationship_to_child,
                                      child_person_id)

    def save_intake(self, case_id: int | None, case_values: dict, abuse_forms=None,
                    persons: list[dict] = (), links: list[dict] = (), no_contact: list[dict] = ()) -> dict:
        """A whole intake (or an edit of one) as ONE user action in ONE transaction: new and
        changed persons, the case itself, who is in it, and no-contact pairs. If any part is
        refused (a ValidationError, a PossibleDuplicate not acknowledged, a child as alleged
        offender, a full disk...), nothing at all is written, the audit trail included.

        case_id: None for a new case (case_values as create_case takes them), or the case to edit
            (case_values: only the fields to change, as update_case).
        abuse_forms: the case's forms of abuse; None leaves an existing case's forms as they are.
        persons: new persons, {"key": "new:1", "values": {...}, "terms": {...} | None,
            "acknowledge_duplicates": bool}, and changes to persons in the record,
            {"id": 17, "values": {...changed fields...}, "terms": {...} | None}.
        links: who is in the case, in order. A child: {"kind": "child", "person": ref,
            "role": "victim" | "witness" | "at_risk"}; anyone else: {"kind": "party",
            "person": ref, "role": party role, "relationship_to_child": code | None,
            "child": ref | None}.
        no_contact: {"person": ref, "other": ref, "reason": text | None}.
        A ref is a person id (int) or the key of a new person in this call; guardian_person_id and
        trusted_person_id in a person's values are refs too.

        Every grant the separate calls would need is checked before anything else: case.create
        (new) or case.update (changed fields or links; else case.read), person.create (+ person.read
        for the duplicate search unless acknowledged) for new persons, person.update for changed
        persons and no-contact pairs, vulnerability.update for vulnerability fields or terms. The
        audit entries are those the separate calls write. Errors about one person carry its ref
        in .person. Returns {"id", "reference", "person_ids": {key: id of each new person}}."""
        persons, links, no_contact = list(persons or ()), list(links or ()), list(no_contact or ())
        case_values = dict(case_values or {})
        new, changed = _intake_persons(persons)
        keys = set(new)
        for link in links:
            _check_entry(link, "links", {"kind", "person", "role", "relationship_to_child", "child"})
            if link.get("kind") not in ("child", "party"):
                raise ValidationError("links", "each link is a child or a party (kind).", link.get("person"))
            _check_ref(link.get("person"), keys, "links", link.get("person"))
            if link.get("child") is not None:
                _check_ref(link["child"], keys, "links", link.get("person"))
        for pair in no_contact:
            _check_entry(pair, "no_contact", {"person", "other", "reason"})
            _check_ref(pair.get("person"), keys, "no contact", pair.get("person"))
            _check_ref(pair.get("other"), keys, "no contact", pair.get("person"))
        for key, entry in new.items():
            for ref in PERSON_REFS:
                if isinstance(entry["values"].get(ref), str):
                    _check_ref(entry["values"][ref], keys - {key}, ref, key)
        for pid, entry in changed.items():
            for ref in PERSON_REFS:
                if isinstance(entry["values"].get(ref), str):
                    _check_ref(entry["values"][ref], keys, ref, pid)

        # Every grant up front: a refused call changes nothing, not even the audit trail.
        grants = []
        if case_id is None:
            grants.append(("case", "create"))
        if links or (case_id is not None and (case_values or abuse_forms is not None)):
            grants.append(("case", "update"))
        elif case_id is not None:
            grants.append(("case", "read"))  # the reference it returns
        for entry in new.values():
            grants += person_grants(None, entry["values"], entry["terms"], entry["acknowledge"])
        for pid, entry in changed.items():
            grants += person_grants(pid, entry["values"], entry["terms"])
        if no_contact:
            grants.append(("person", "update"))
        for grant in dict.fromkeys(grants):
            self._authorize(*grant)

        with shown_duplicates_audited(self), self.record.transaction() as conn:
            ids: dict[str, int] = {}

            def ref(r):
                return ids[r] if isinstance(r, str) else r

            # 1. New persons, the ones others name as guardian or trusted person first.
            deferred = []
            for key in _creation_order(new):
                entry = new[key]
                values = dict(entry["values"])
                for f in PERSON_REFS:
                    if isinstance(values.get(f), str):
                        if values[f] in ids:
                            values[f] = ids[values[f]]
                        else:  # they name each other: set once both exist
                            deferred.append((key, f, values.pop(f)))
                with _about(key):
                    ids[key] = create_person_in(self, conn, values, entry["terms"], entry["acknowledge"],
                                                ignore=ids.values())
            for key, f, target in deferred:
                with _about(key):
                    update_person_in(self, conn, ids[key], {f: ids[target]})
            # 2. Changes to persons in the record (before the links: the offender rule sees them).
            for pid, entry in changed.items():
                values = {k: ref(v) if k in PERSON_REFS else v for k, v in entry["values"].items()}
                with _about(pid):
                    update_person_in(self, conn, pid, values, entry["terms"])
            # 3. The case.
            if case_id is None:
                created = self._create_case_in(conn, case_values, abuse_forms or ())
                cid, reference = created["id"], created["reference"]
            else:
                if case_values or abuse_forms is not None:
                    self._update_case_in(conn, case_id, case_values, abuse_forms)
                cid, reference = case_id, require_case(conn, case_id).reference
            # 4. Who is in the case.
            for link in links:
                with _about(link["person"]):
                    if link["kind"] == "child":
                        self._add_child_in(conn, cid, ref(link["person"]), link.get("role") or "victim")
                    else:
                        self._add_party_in(conn, cid, ref(link["person"]), link.get("role"),
                                           link.get("relationship_to_child"), ref(link.get("child")))
            # 5. No-contact pairs.
            for pair in no_contact:
                with _about(pair["person"]):
                    set_no_contact_in(self, conn, ref(pair["person"]), ref(pair["other"]), pair.get("reason"))
        return {"id": cid, "reference": reference, "person_ids": ids}

    # --- the work of one action, inside the caller's transaction ----------------------------------
    def _person_changed(self, conn, person_id: int, fields: set[str]) -> None:
        """A person's names are part of the search index of every case they are in."""
        reindex_cases_of(conn, person_id)
        super()._person_changed(conn, person_id, fields)

    def _create_case_in(self, conn, values: dict, abuse_forms=()) -> dict:
        values = dict(values)
        values.setdefault("status", "referred")
        values.setdefault("case_lead_id", self.user_id)
        data = clean(CASE_FIELDS, values)
        vocab.check_jurisdiction(data["jurisdiction"])
        forms = vocab.check_codes("abuse_forms", "forms of abuse", abuse_forms)
        now = utc_now_iso()
        year = data["referral_received_at"][:4]
        _check_case_lead(conn, data["case_lead_id"])
        last = conn.execute(select(func.max(C.c.reference)).where(
            C.c.reference.like(f"BH-{year}-%"))).scalar()
        seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
        reference = f"BH-{year}-{seq:05d}"
        if data["status"] == "closed":
            data["closed_at"] = now
        cid = conn.execute(insert(C).values(reference=reference, created_at=now, updated_at=now,
                                            **data)).inserted_primary_key[0]
        if forms:
            conn.execute(insert(CaseAbuseForm.__table__), [{"case_id": cid, "code": f} for f in forms])
        reindex_case(conn, cid)
        self._audit(conn, "case.created", "case", cid)
        return {"id": cid, "reference": reference}

    def _update_case_in(self, conn, case_id: int, values: dict, abuse_forms=None) -> None:
        data = clean(CASE_FIELDS, values, partial=True)
        if "jurisdiction" in data:
            vocab.check_jurisdiction(data["jurisdiction"])
        current = require_case(conn, case_id)
        if "case_lead_id" in data:
            if data["case_lead_id"] is None:
                raise ValidationError("case_lead_id", "every case has one case lead.")
            _check_case_lead(conn, data["case_lead_id"])
        if "status" in data and data["status"] != current.status:
            data["closed_at"] = utc_now_iso() if data["status"] == "closed" else None
        if data:
            conn.execute(update(C).where(C.c.id == case_id).values(**data, updated_at=utc_now_iso()))
        if abuse_forms is not None:
            forms = vocab.check_codes("abuse_forms", "forms of abuse", abuse_forms)
            conn.execute(delete(CaseAbuseForm.__table__).where(CaseAbuseForm.case_id == case_id))
            if forms:
                conn.execute(insert(CaseAbuseForm.__table__), [{"case_id": case_id, "code": f} for f in forms])
        reindex_case(conn, case_id)
        fields = sorted(k for k in data if k != "closed_at") + (["abuse_forms"] if abuse_forms is not None else [])
        self._audit(conn, "case.updated", "case", case_id, {"fields": fields})

    def _add_child_in(self, conn, case_id: int, person_id: int, role: str = "victim") -> None:
        vocab.check_code("child_roles", "role", role, required=True)
        require_case(conn, case_id)
        require_person(conn, person_id)
        if conn.execute(select(CaseParty.id).where(CaseParty.person_id == person_id,
                                                   CaseParty.party_role == "alleged_offender")).first():
            raise ValidationError("role", "This person is recorded as an alleged offender; a child "
                                          "is never recorded as an offender.")
        conn.execute(insert(CaseChild.__table__).prefix_with("OR REPLACE").values(
            case_id=case_id, person_id=person_id, role=role))
        reindex_case(conn, case_id)
        self._audit(conn, "case.child_added", "case", case_id, {"person": person_id, "role": role})

    def _add_party_in(self, conn, case_id: int, person_id: int, party_role: str,
                      relationship_to_child: str | None = None, child_person_id: int | None = None) -> int:
        vocab.check_code("party_roles", "party role", party_role, required=True)
        vocab.check_code("relationships_to_child", "relationship to the child", relationship_to_child)
        require_case(conn, case_id)
        person = conn.execute(select(P).where(P.c.id == person_id)).first()
        if person is None:
            raise NotFound(f"There is no person {person_id}.")
        if party_role == "alleged_offender":
            _refuse_child_as_offender(conn, person, case_id)
        if child_person_id is not None:
            require_person(conn, child_person_id)
        pid = conn.execute(insert(CaseParty.__table__).values(
            case_id=case_id, person_id=person_id, party_role=party_role,
            relationship_to_child=relationship_to_child, child_person_id=child_person_id,
        )).inserted_primary_key[0]
        reindex_case(conn, case_id)
        self._audit(conn, "case.party_added", "case", case_id, {"person": person_id, "role": party_role})
        return pid

    # --- the rest of the case actions ---------------------------------------------------------------
    def record_information_given(self, case_id: int, **values) -> int:
        """What the child was told, when, in which language and format (003 para 38(b))."""
        self._authorize("case", "update")
        data = clean(INFORMATION_FIELDS, values)
        if not data["language"]:
            raise ValidationError("language", "is required.")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            iid = conn.execute(insert(InformationGiven.__table__).values(
                case_id=case_id, given_by=self.user_id, **data)).inserted_primary_key[0]
            self._audit(conn, "case.information_given", "case", case_id, {"entry": iid})
        return iid

    def get_case(self, case_id: int) -> dict:
        """The whole case as the user's roles may see it. Audited as a read of case content."""
        self._authorize("case", "read")
        with self.record.transaction() as conn:
            case = case_view(self, conn, case_id)
            self._audit(conn, "case.read", "case", case_id)
        return case

    def export_case(self, case: int | str) -> dict:
        """The case as plain JSON-able data, for moving it out of this program (a centre's data
        is never locked in). What the user's roles may see, and audited as an export."""
        self._authorize("case", "export")
        with self.record.transaction() as conn:
            case_id = resolve_case(conn, case)
            data = case_view(self, conn, case_id)
            self._audit(conn, "case.exported", "case", case_id)
        return {"format": "barnahus-case/1", "case": data}

    def list_cases(self, flt: CaseFilter = CaseFilter(), sort: str = "received_desc",
                   limit: int = 50, offset: int = 0, count: bool = True) -> CasePage:
        """One page of the case list. The search words stay out of the audit trail."""
        self._authorize("case", "read")
        if sort not in SORTS:
            raise ValidationError("sort", f"use one of {', '.join(SORTS)}.")
        limit = max(1, min(int(limit), 1000))
        where = _case_conditions(flt)
        # The page's ids first (an index walk that stops at `limit`), then names for those rows only.
        page = (select(C.c.id).where(*where).order_by(*SORTS[sort])
                .limit(limit).offset(check_count("offset", max(0, int(offset)))).cte("page").prefix_with("MATERIALIZED"))
        child_name = (select(func.trim(P.c.given_name + " " + P.c.family_name))
                      .join(CaseChild, CaseChild.person_id == P.c.id)
                      .where(CaseChild.case_id == C.c.id).order_by(CaseChild.person_id).limit(1)
                      .scalar_subquery())
        child_dob = (select(P.c.date_of_birth)
                     .join(CaseChild, CaseChild.person_id == P.c.id)
                     .where(CaseChild.case_id == C.c.id).order_by(CaseChild.person_id).limit(1)
                     .scalar_subquery())
        cols = [C.c.id, C.c.reference, C.c.status, C.c.referral_received_at, C.c.emergency,
                C.c.triage_level, C.c.case_lead_id, U.c.display_name.label("case_lead_name")]
        names = self.can("person", "read")
        if names:
            cols += [child_name.label("child_name"), child_dob.label("child_date_of_birth")]
        q = (select(*cols).join(page, page.c.id == C.c.id).join(U, U.c.id == C.c.case_lead_id)
             .order_by(*SORTS[sort]))
        with self.record.transaction() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            if names and flt.text and rows:
                _explain_matches(conn, rows, flt.text)
            total = conn.execute(select(func.count()).select_from(C).where(*where)).scalar_one() if count else -1
            self._audit(conn, "case.list", None, None, {"filters": flt.used(), "rows": len(rows)})
        return CasePage(rows, total, offset)

    def case_id_for_reference(self, reference: str) -> int:
        self._authorize("case", "read")
        with self.record.transaction() as conn:
            cid = resolve_case(conn, reference)
            self._audit(conn, "case.lookup", "case", cid)
        return cid

    def case_years(self) -> list[int]:
        """The years (of referral_received_at, as CaseFilter.year counts them) that hold at least
        one case, oldest first. One index seek per year, however many cases there are."""
        self._authorize("case", "read")
        years: list[int] = []
        with self.record.transaction() as conn:
            after = ""
            while True:
                first = conn.execute(select(func.min(C.c.referral_received_at))
                                     .where(C.c.referral_received_at >= after)).scalar()
                if first is None:
                    break
                years.append(int(first[:4]))
                after = f"{years[-1] + 1:04d}"
            self._audit(conn, "case.years", None, None, {"years": len(years)})
        return years


def _refuse_child_as_offender(conn, person, case_id: int) -> None:
    if conn.execute(select(CaseChild.case_id).where(CaseChild.person_id == person.id)).first():
        raise ValidationError("role", "This person is a child in a case. A child is never recorded "
                                      "as an offender.")
    if person.date_of_birth:
        received = conn.execute(select(C.c.referral_received_at).where(C.c.id == case_id)).scalar()
        dob, on = person.date_of_birth, received[:10]
        age = int(on[:4]) - int(dob[:4]) - ((on[5:10]) < dob[5:10])
        if age < 18:
            raise ValidationError("role", "This person was under 18 when the case was referred. "
                                          "A child is never recorded as an offender; record them "
                                          "as a child at risk in a case of their own.")

    # --- helpers ---------------------------------------------------------------------------


def _check_case_lead(conn, user_id: int) -> None:
    ok = conn.execute(select(U.c.id).join(UserRole, UserRole.user_id == U.c.id).where(
        U.c.id == user_id, U.c.active.is_(True),
        UserRole.role == policy.Role.COORDINATOR.value)).first()
    if not ok:
        raise ValidationError("case_lead_id", "the case lead must be an active coordinator.")


def _text_match(q: str, name: str):
    # "+ 0": let SQLite walk the sort index and stop at the page, not sort every match.
    return (C.c.id + 0).in_(text(f"SELECT rowid FROM case_search WHERE case_search MATCH :{name}")
                            .bindparams(**{name: q}))


def _dob_match(iso: str):
    """Cases with a person (a child or another) born that day: ix_person_dob, then the person
    indexes of case_children and case_parties. Few cases share a date of birth, so (unlike the
    other conditions, no "+ 0") SQLite starts from these ids and sorts them: 3.5 ms against 12 ms
    walking the sort index at 100k cases."""
    born = select(P.c.id).where(P.c.date_of_birth == iso)
    return C.c.id.in_(union(
        select(CaseChild.case_id).where(CaseChild.person_id.in_(born)),
        select(CaseParty.case_id).where(CaseParty.person_id.in_(born))))


def _case_conditions(flt: CaseFilter) -> list:
    where = []
    if flt.text:
        dates, rest = search_dates(flt.text)
        q = fts_query(rest)
        if q:
            where.append(_text_match(q, "q"))
        for i, d in enumerate(dates):
            # 20150307 may also be a number in a police reference: either finds the case.
            where.append(or_(_dob_match(d.iso), _text_match(fts_query(d.typed), f"q{i}"))
                         if d.compact else _dob_match(d.iso))
    if flt.status:
        where.append(C.c.status == flt.status)
    if flt.case_lead_id:
        where.append(C.c.case_lead_id == flt.case_lead_id)
    if flt.abuse_form:
        where.append((C.c.id + 0).in_(select(CaseAbuseForm.case_id).where(CaseAbuseForm.code == flt.abuse_form)))
    if flt.year:
        y = int(flt.year)
        where.append(and_(C.c.referral_received_at >= f"{y:04d}", C.c.referral_received_at < f"{y + 1:04d}"))
    if flt.emergency is not None:
        where.append(C.c.emergency.is_(bool(flt.emergency)))
    return where


def _explain_matches(conn, rows: list[dict], user_text: str) -> None:
    """Why each case of a page matched a search, when the child shown in the row does not say it
    alone: row["matched"] lists the other persons (role, relationship to the child, name, and
    whether their name or date of birth matched) and the outside references that matched.
    Words match as the index does: folded (case, accents), each a prefix of a word."""
    dates, rest = search_dates(user_text)
    words = [fold(w) for w in _WORD.findall(rest)[:20]]
    born = {d.iso for d in dates}
    if not words and not born:
        return

    def hits(value: str | None) -> set:
        tokens = _WORD.findall(fold(value or ""))
        return {w for w in words if any(t.startswith(w) for t in tokens)}

    ids = [r["id"] for r in rows]
    people = union(
        select(CaseChild.case_id, CaseChild.person_id, literal("child").label("role"),
               null().label("relationship"))
        .where(CaseChild.case_id.in_(ids)),
        select(CaseParty.case_id, CaseParty.person_id, CaseParty.party_role.label("role"),
               CaseParty.relationship_to_child.label("relationship"))
        .where(CaseParty.case_id.in_(ids))).subquery()
    found: dict[int, list] = {}
    for r in conn.execute(select(people, P.c.given_name, P.c.family_name, P.c.other_names,
                                 P.c.date_of_birth).join(P, P.c.id == people.c.person_id)
                          .order_by(people.c.case_id, people.c.role != "child", people.c.person_id)):
        found.setdefault(r.case_id, []).append(r)
    refs = {r.id: r for r in conn.execute(select(C.c.id, C.c.police_reference, C.c.prosecution_reference)
                                          .where(C.c.id.in_(ids)))}
    for row in rows:
        persons = found.get(row["id"], [])
        shown = next((p for p in persons if p.role == "child"), None)
        covered = set()
        if shown is not None:
            covered = hits(f"{shown.given_name} {shown.family_name} {shown.other_names or ''}")
            covered |= {shown.date_of_birth} & born
        covered |= hits(row["reference"])
        matched = []
        for p in persons:
            if p is shown:
                continue
            by_name = hits(f"{p.given_name} {p.family_name} {p.other_names or ''}") - covered
            by_dob = ({p.date_of_birth} & born) - covered
            if by_name or by_dob:
                matched.append({"role": p.role, "relationship": p.relationship,
                                "name": f"{p.given_name} {p.family_name}".strip(),
                                "date_of_birth": p.date_of_birth if by_dob else None})
        for field in ("police_reference", "prosecution_reference"):
            value = getattr(refs[row["id"]], field)
            if hits(value) - covered:
                matched.append({"role": field, "relationship": None, "name": value, "date_of_birth": None})
        row["matched"] = matched


def reindex_cases_of(conn, person_id: int) -> None:
    """Every case the person is in: their names are part of its search index."""
    case_ids = {r[0] for r in conn.execute(select(CaseChild.case_id).where(CaseChild.person_id == person_id))}
    case_ids |= {r[0] for r in conn.execute(select(CaseParty.case_id).where(CaseParty.person_id == person_id))}
    for cid in case_ids:
        reindex_case(conn, cid)


def reindex_case(conn, case_id: int) -> None:
    body = conn.execute(_SEARCH_BODY, {"id": case_id}).scalar() or ""
    conn.execute(text("DELETE FROM case_search WHERE rowid = :id"), {"id": case_id})
    conn.execute(text("INSERT INTO case_search(rowid, body) VALUES (:id, :body)"), {"id": case_id, "body": body})


def case_view(session: SessionBase, conn, case_id: int) -> dict:
    row = require_case(conn, case_id)
    case = dict(row._mapping)
    case["abuse_forms"] = [r[0] for r in conn.execute(
        select(CaseAbuseForm.code).where(CaseAbuseForm.case_id == case_id).order_by(CaseAbuseForm.code))]
    case["case_lead_name"] = conn.execute(select(U.c.display_name).where(U.c.id == row.case_lead_id)).scalar()
    see_persons = session.can("person", "read")
    case["children"] = [dict(r._mapping) for r in conn.execute(
        select(CaseChild.person_id, CaseChild.role, P.c.given_name, P.c.family_name,
               P.c.date_of_birth, P.c.dob_status, P.c.gender)
        .join(P, P.c.id == CaseChild.person_id).where(CaseChild.case_id == case_id))] if see_persons else []
    case["parties"] = [dict(r._mapping) for r in conn.execute(
        select(CaseParty.id, CaseParty.person_id, CaseParty.party_role,
               CaseParty.relationship_to_child, CaseParty.child_person_id,
               P.c.given_name, P.c.family_name)
        .join(P, P.c.id == CaseParty.person_id).where(CaseParty.case_id == case_id))] if see_persons else []
    ids = {c["person_id"] for c in case["children"]} | {p["person_id"] for p in case["parties"]}
    case["no_contact"] = [dict(r._mapping) for r in conn.execute(
        select(NoContact.person_a, NoContact.person_b, NoContact.reason).where(
            NoContact.person_a.in_(ids) | NoContact.person_b.in_(ids)))] if ids else []
    case["information_given"] = [dict(r._mapping) for r in conn.execute(
        select(InformationGiven.__table__).where(InformationGiven.case_id == case_id)
        .order_by(InformationGiven.told_at))]
    return case


def resolve_case(conn, case: int | str) -> int:
    """A case id from an id or a reference such as BH-2026-00042."""
    if isinstance(case, str):
        cid = conn.execute(select(C.c.id).where(C.c.reference == case.strip().upper())).scalar()
        if cid is None:
            raise NotFound(f"There is no case {case[:40]}.")
        return cid
    return require_case(conn, case).id


def require_case(conn, case_id: int):
    row = conn.execute(select(C).where(C.c.id == case_id)).first()
    if row is None:
        raise NotFound(f"There is no case {case_id}.")
    return row


# --- save_intake: the shape of its arguments ------------------------------------------------------
PERSON_REFS = ("guardian_person_id", "trusted_person_id")


@contextmanager
def _about(person):
    """Name the intake person a refusal is about, for the front end to show it beside them."""
    try:
        yield
    except (ValidationError, PossibleDuplicate) as e:
        if e.person is None:
            e.person = person
        raise


def _check_entry(entry, what: str, allowed: set) -> None:
    if not isinstance(entry, dict):
        raise ValidationError(what, "each entry is a mapping.")
    unknown = set(entry) - allowed
    if unknown:
        raise ValidationError(what, f"'{sorted(unknown)[0][:40]}' is not part of an entry.")


def _check_ref(r, keys: set, field: str, about) -> None:
    if isinstance(r, str):
        if r not in keys:
            raise ValidationError(field, "names no new person of this intake.", about)
    elif not isinstance(r, int) or isinstance(r, bool) or r < 1:
        raise ValidationError(field, "is not a valid reference to a person.", about)


def _intake_persons(persons: list) -> tuple[dict, dict]:
    """({key: entry} of new persons, {id: entry} of changed ones), each entry with its values,
    terms and (new persons) whether duplicates are acknowledged."""
    new, changed = {}, {}
    for p in persons:
        _check_entry(p, "persons", {"key", "id", "values", "terms", "acknowledge_duplicates"})
        values = p.get("values") or {}
        if not isinstance(values, dict) or not isinstance(p.get("terms") or {}, dict):
            raise ValidationError("persons", "values and terms are mappings.", p.get("key", p.get("id")))
        entry = {"values": dict(values), "terms": p.get("terms") or None,
                 "acknowledge": bool(p.get("acknowledge_duplicates"))}
        if ("key" in p) == ("id" in p):
            raise ValidationError("persons", "each person is new (key) or in the record (id).")
        if "key" in p:
            if not isinstance(p["key"], str) or not p["key"] or p["key"] in new:
                raise ValidationError("persons", "each new person needs a key of its own.", p["key"])
            new[p["key"]] = entry
        else:
            _check_ref(p["id"], set(), "persons", p["id"])
            if p["id"] in changed:
                raise ValidationError("persons", "a person is listed twice.", p["id"])
            if entry["values"] or entry["terms"]:
                changed[p["id"]] = entry
    return new, changed


def _creation_order(new: dict) -> list[str]:
    """New persons in the given order, except that one named by another as guardian or trusted
    person comes before them (so the reference is stored with the person who names it)."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(key):
        if key in order or key in visiting:
            return
        visiting.add(key)
        for f in PERSON_REFS:
            target = new[key]["values"].get(f)
            if isinstance(target, str) and target in new:
                visit(target)
        visiting.discard(key)
        order.append(key)

    for key in new:
        visit(key)
    return order
