"""The person index: one person across all their cases (Session mixin)."""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import delete, insert, or_, select, update

from barnahus_app.errors import NotFound, PossibleDuplicate, ValidationError
from barnahus_app.fields import (
    PERSON_FIELDS, PERSON_TERM_VOCABULARIES, VULNERABILITY_FIELDS, Code, Date, Text, clean, fold,
    name_key,
)
from barnahus_app.persons.tables import AgeAssessment, NoContact, Person, PersonTerm
from barnahus_app.cases.tables import CaseChild
from barnahus_app.timeutil import utc_now_iso
from barnahus_app.vocab import check_codes
from barnahus_app.session_base import SessionBase

P = Person.__table__
AGE_ASSESSMENT_FIELDS = {
    "assessed_on": Date(required=True, not_future=True),
    "method": Code("age_assessment_methods", required=True),
    "assessor": Text(200, required=True),
    "basis": Text(10_000, required=True, multiline=True),
    "assessed_dob": Date(not_future=True),
}


class PersonActions(SessionBase):
    def find_similar_persons(self, given_name: str, family_name: str | None,
                             date_of_birth: str | None) -> list[dict]:
        """Likely duplicates: the same name in any order and accent, or the same date of birth
        with a shared name."""
        self._authorize("person", "read")
        with self.record.transaction() as conn:
            return self._find_similar_in(conn, given_name, family_name, date_of_birth)

    def create_person(self, acknowledge_duplicates: bool = False, terms: dict | None = None,
                      **values) -> int:
        for grant in person_grants(None, values, terms, acknowledge_duplicates):
            self._authorize(*grant)
        with shown_duplicates_audited(self), self.record.transaction() as conn:
            return create_person_in(self, conn, values, terms, acknowledge_duplicates)

    def get_person(self, person_id: int) -> dict:
        self._authorize("person", "read")
        with self.record.transaction() as conn:
            row = conn.execute(select(P).where(P.c.id == person_id)).first()
            if row is None:
                raise NotFound(f"There is no person {person_id}.")
            person = dict(row._mapping)
            del person["name_key"]
            if self.can("vulnerability", "read"):
                person["terms"] = person_terms(conn, person_id)
                person["age_assessments"] = [dict(r._mapping) for r in conn.execute(
                    select(AgeAssessment.__table__).where(AgeAssessment.person_id == person_id)
                    .order_by(AgeAssessment.assessed_on))]
            else:
                for k in VULNERABILITY_FIELDS:
                    person.pop(k, None)
            person["no_contact"] = no_contact_rows(conn, person_id)
            person["cases"] = [dict(r._mapping) for r in conn.execute(
                select(CaseChild.case_id, CaseChild.role).where(CaseChild.person_id == person_id))]
            self._audit(conn, "person.read", "person", person_id)
        return person

    def update_person(self, person_id: int, terms: dict | None = None, **values) -> None:
        for grant in person_grants(person_id, values, terms):
            self._authorize(*grant)
        with self.record.transaction() as conn:
            update_person_in(self, conn, person_id, values, terms)

    def add_age_assessment(self, person_id: int, **values) -> int:
        self._authorize("person", "update")
        data = clean(AGE_ASSESSMENT_FIELDS, values)
        with self.record.transaction() as conn:
            require_person(conn, person_id)
            aid = conn.execute(insert(AgeAssessment.__table__).values(
                person_id=person_id, created_by=self.user_id, created_at=utc_now_iso(), **data
            )).inserted_primary_key[0]
            self._audit(conn, "person.age_assessed", "person", person_id, {"assessment": aid})
        return aid

    def set_no_contact(self, person_id: int, other_person_id: int, reason: str | None = None) -> int:
        """The two must never be scheduled into the building at the same time (001 para 75)."""
        self._authorize("person", "update")
        with self.record.transaction() as conn:
            return set_no_contact_in(self, conn, person_id, other_person_id, reason)

    def no_contact_pairs(self, person_id: int) -> list[dict]:
        self._authorize("person", "read")
        with self.record.transaction() as conn:
            rows = no_contact_rows(conn, person_id)
            self._audit(conn, "person.no_contact_read", "person", person_id)
        return rows

    # --- the work of one action, inside the caller's transaction ----------------------------------
    # Each public method above is its policy check, one transaction and one of these; save_intake
    # (cases.py) runs several of them in a single transaction.

    def _find_similar_in(self, conn, given_name: str, family_name: str | None, date_of_birth: str | None,
                         ignore=()) -> list[dict]:
        key = name_key(given_name or "", family_name)
        tokens = key.split()
        conds = [P.c.name_key == key]
        if date_of_birth and tokens:
            conds.append((P.c.date_of_birth == date_of_birth) &
                         or_(*[P.c.name_key.like(f"%{t}%") for t in tokens if len(t) > 1]))
        q = select(P.c.id, P.c.given_name, P.c.family_name, P.c.date_of_birth).where(or_(*conds))
        if ignore:
            q = q.where(P.c.id.notin_(list(ignore)))
        rows = conn.execute(q.limit(20)).all()
        self._audit(conn, "person.search", None, None, {"found": len(rows)})
        return [dict(r._mapping) for r in rows]



@contextmanager
def shown_duplicates_audited(session: SessionBase):
    """A PossibleDuplicate rolls its transaction back, yet the user is shown the candidates'
    names: that read gets an audit entry of its own."""
    try:
        yield
    except PossibleDuplicate as e:
        with session.record.transaction() as conn:
            session._audit(conn, "person.search", None, None, {"found": len(e.candidates), "refused": True})
        raise


def set_no_contact_in(session: SessionBase, conn, person_id: int, other_person_id: int, reason: str | None = None) -> int:
    if person_id == other_person_id:
        raise ValidationError("no contact", "choose two different persons.")
    reason = Text(2000, multiline=True).clean("reason", reason)
    a, b = sorted((person_id, other_person_id))
    require_person(conn, a)
    require_person(conn, b)
    existing = conn.execute(select(NoContact.id).where(NoContact.person_a == a, NoContact.person_b == b)).first()
    if existing:
        return existing.id
    nid = conn.execute(insert(NoContact.__table__).values(
        person_a=a, person_b=b, reason=reason, created_by=session.user_id,
        created_at=utc_now_iso())).inserted_primary_key[0]
    session._audit(conn, "person.no_contact_set", "person", a, {"other_person": b})
    return nid


def update_person_in(session: SessionBase, conn, person_id: int, values: dict, terms: dict | None = None) -> None:
    values = dict(values)
    vulnerable = {k: values.pop(k) for k in list(values) if k in VULNERABILITY_FIELDS}
    data = clean(PERSON_FIELDS, values, partial=True)
    data.update(clean(VULNERABILITY_FIELDS, vulnerable, partial=True))
    current = conn.execute(select(P).where(P.c.id == person_id)).first()
    if current is None:
        raise NotFound(f"There is no person {person_id}.")
    check_person_refs(conn, data)
    if "given_name" in data or "family_name" in data:
        data["name_key"] = name_key(data.get("given_name", current.given_name),
                                    data.get("family_name", current.family_name))
        if "family_name" in data:
            data["family_name"] = data["family_name"] or ""
    if data:
        conn.execute(update(P).where(P.c.id == person_id).values(**data, updated_at=utc_now_iso()))
    changed = write_terms(conn, person_id, terms or {})
    session._audit(conn, "person.updated", "person", person_id,
                   {"fields": sorted(k for k in data if k != "name_key"), "terms": changed})
    # the case search index; milestones and limitation clocks when the date of birth changed
    session._person_changed(conn, person_id, set(data))


def create_person_in(session: SessionBase, conn, values: dict, terms: dict | None = None,
                     acknowledge_duplicates: bool = False, ignore=()) -> int:
    """ignore: ids not to count as duplicates (persons made earlier in the same intake)."""
    values = dict(values)
    vulnerable = {k: values.pop(k) for k in list(values) if k in VULNERABILITY_FIELDS}
    data = clean(PERSON_FIELDS, values)
    data.update(clean(VULNERABILITY_FIELDS, vulnerable))
    if not acknowledge_duplicates:
        similar = session._find_similar_in(conn, data["given_name"], data["family_name"],
                                           data["date_of_birth"], ignore)
        if similar:
            raise PossibleDuplicate(similar)
    data["family_name"] = data["family_name"] or ""
    now = utc_now_iso()
    check_person_refs(conn, data)
    pid = conn.execute(insert(P).values(
        **data,
        name_key=name_key(data["given_name"], data["family_name"]),
        created_at=now, updated_at=now)).inserted_primary_key[0]
    changed = write_terms(conn, pid, terms or {})
    session._audit(conn, "person.created", "person", pid,
                   {"duplicates_acknowledged": acknowledge_duplicates, "terms": changed})
    return pid


def no_contact_rows(conn, person_id: int) -> list[dict]:
    rows = conn.execute(select(NoContact.__table__).where(
        or_(NoContact.person_a == person_id, NoContact.person_b == person_id))).all()
    return [{"id": r.id, "other_person_id": r.person_b if r.person_a == person_id else r.person_a,
             "reason": r.reason, "created_at": r.created_at} for r in rows]


def person_terms(conn, person_id: int) -> dict:
    out = {v: [] for v in PERSON_TERM_VOCABULARIES}
    for vocab_name, code in conn.execute(select(PersonTerm.vocabulary, PersonTerm.code)
                                         .where(PersonTerm.person_id == person_id)):
        out.setdefault(vocab_name, []).append(code)
    return out


def write_terms(conn, person_id: int, terms: dict) -> list[str]:
    for vocab_name, codes in terms.items():
        if vocab_name not in PERSON_TERM_VOCABULARIES:
            raise ValidationError(vocab_name, "is not a list of terms for a person.")
        codes = check_codes(vocab_name, vocab_name, codes)
        conn.execute(delete(PersonTerm.__table__).where(
            PersonTerm.person_id == person_id, PersonTerm.vocabulary == vocab_name))
        if codes:
            conn.execute(insert(PersonTerm.__table__), [
                {"person_id": person_id, "vocabulary": vocab_name, "code": c} for c in codes])
    return sorted(terms)


def check_person_refs(conn, data: dict) -> None:
    for f in ("guardian_person_id", "trusted_person_id"):
        if data.get(f):
            require_person(conn, data[f])


def person_grants(person_id: int | None, values: dict, terms: dict | None,
                  acknowledge_duplicates: bool = True) -> list[tuple[str, str]]:
    """The grants creating (person_id None) or updating a person with these values needs."""
    vulnerable = any(k in VULNERABILITY_FIELDS for k in values) or bool(terms)
    plain = any(k not in VULNERABILITY_FIELDS for k in values)
    if person_id is None:
        grants = [("person", "create")]
        if not acknowledge_duplicates:
            grants.append(("person", "read"))  # the duplicate search shows who is in the record
    else:
        grants = [("person", "update")] if plain or not vulnerable else []
    if vulnerable:
        grants.append(("vulnerability", "update"))
    return grants


def require_person(conn, person_id: int) -> None:
    if conn.execute(select(P.c.id).where(P.c.id == person_id)).first() is None:
        raise NotFound(f"There is no person {person_id}.")


def display_name(given: str, family: str | None) -> str:
    return f"{given} {family}".strip() if family else given


__all__ = ["PersonActions", "display_name", "fold"]
