"""Demo records: synthetic, OBVIOUSLY FICTIONAL case data for trying the app, training staff and
benchmarks. No real person is in it: every given name starts with "Demo-", family names are
made-up words ("Testsson", "Exempeldotter"), references start with "DEMO-", addresses are in
"Testby" and the centre is called "DEMO centre (fictional data)".

`build_demo_record` writes a whole record (users, persons, cases and the search index) with
bulk inserts in a few transactions, bypassing the per-call core actions (which would each write
an audit entry): one audit entry, "demo.generated", says what was made. The same seed and the
same `until` date give the same rows (ids included); only the audit trail's times differ.

The record is built in a hidden folder beside `path` and moved to `path` only when it is
complete; a cancelled or failed build removes everything it wrote.
"""
from __future__ import annotations

import math
import os
import random
import shutil
import tempfile
import time
from bisect import bisect
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import func, insert, select, text

from barnahus_app import audit, vocab
from barnahus_app.cases.actions import _SEARCH_BODY
from barnahus_app.demo.followup import add_demo_followup
from barnahus_app.demo.interviews import add_demo_interviews
from barnahus_app.demo.justice import add_demo_justice
from barnahus_app.demo.medical import add_demo_medical
from barnahus_app.demo.psychosocial import add_demo_psychosocial
from barnahus_app.demo.meetings import add_demo_meetings
from barnahus_app.errors import Cancelled, RecordFileError, ValidationError
from barnahus_app.fields import name_key
from barnahus_app.record.keyslots import KdfParams, KeyFile
from barnahus_app.persons.tables import AgeAssessment, NoContact, Person, PersonTerm
from barnahus_app.cases.tables import Case, CaseAbuseForm, CaseChild, CaseParty
from barnahus_app.lifecycle import create_record, open_record
from barnahus_app.record import storage

MAX_CASES = 100_000
FIRST_DAY = date(2000, 1, 1)
CENTRE_NAME = "DEMO centre (fictional data)"
MARKER = "Demo-"  # every given name starts with it

# (username, display name, role). The coordinators are the case leads.
DEMO_USERS = (
    ("coordinator", "Demo Coordinator 1", "coordinator"),
    ("coordinator2", "Demo Coordinator 2", "coordinator"),
    ("coordinator3", "Demo Coordinator 3", "coordinator"),
    ("coordinator4", "Demo Coordinator 4", "coordinator"),
    ("interviewer", "Demo Forensic Interviewer 1", "interviewer"),
    ("interviewer2", "Demo Forensic Interviewer 2", "interviewer"),
    ("interviewer3", "Demo Forensic Interviewer 3", "interviewer"),
    ("medical", "Demo Medical Staff", "medical"),
    ("therapist", "Demo Therapist", "therapist"),
    ("liaison", "Demo Police/Prosecution Liaison", "liaison"),
    ("medical2", "Demo Medical Staff 2", "medical"),   # reviews the first one's examinations
)

# --- fictional names -------------------------------------------------------------------------
_GIRLS = ("Alva", "Elsa", "Maja", "Saga", "Ebba", "Wilma", "Freja", "Ines", "Lucia", "Nora",
          "Sigrun", "Katla", "Oksana", "Daryna", "Amal", "Hodan", "Leila", "Sofia", "Ylva", "Ingrid")
_BOYS = ("Liam", "Noah", "Elias", "Hugo", "Oskar", "Vidar", "Ari", "Pablo", "Mateo", "Taras",
         "Bohdan", "Omar", "Yusuf", "Nils", "Emil", "Leo", "Axel", "Kalle", "Ragnar", "Dawit")
_NEUTRAL = ("Kim", "Robin", "Alex", "Sam", "Charlie", "Eli", "Noa", "Vic", "Ariel", "Sasha")
_ADULTS = ("Anna", "Karin", "Lena", "Marta", "Olga", "Fatima", "Carmen", "Helga", "Greta",
           "Jon", "Per", "Lars", "Mikael", "Sergio", "Petro", "Ahmed", "Bjorn", "Gunnar", "Dmytro",
           "Kari", "Tove", "Ulla", "Rolf", "Stig", "Mona")
_FAMILIES = ("Testsson", "Exempeldotter", "Provsdottir", "Fiktivsen", "Demoberg", "Sampleström",
             "Mockholm", "Dummyqvist", "Platshållare", "Prueba", "Ejemplo", "Ficticio", "Testenko",
             "Prykladenko", "Vydumko", "Testardóttir", "Dæmisson", "Prøvesen", "Eksempelsen",
             "Testlund", "Låtsasson", "Övningsdal", "Fakeström", "Placeholder", "Attrapp")

# --- weighted code tables (codes from resources/vocabularies, checked at start) ---------------
_ABUSE_FORMS = (  # code, weight, online (rarer in the early 2000s)
    ("sexual_abuse_intrafamilial", 22, False), ("sexual_abuse_extrafamilial", 20, False),
    ("physical_violence", 16, False), ("witness_to_violence", 10, False),
    ("online_grooming", 8, True), ("online_sexual_extortion", 4, True),
    ("csam_produced", 3, False), ("csam_distributed", 2, True), ("csam_possessed", 1.5, False),
    ("csam_livestreamed", 1, True), ("csam_self_generated", 3, True),
    ("sexual_exploitation_money", 2, False), ("sexual_exploitation_goods", 1, False),
    ("sexual_exploitation_lodging", 0.7, False), ("sexual_exploitation_drugs", 1, False),
    ("sexual_exploitation_favours", 0.7, False), ("exploitation_travel_tourism", 0.4, False),
    ("sale_sexual_exploitation", 0.4, False), ("sale_forced_labour", 0.4, False),
    ("sale_begging", 0.3, False), ("sale_illegal_adoption", 0.1, False),
    ("sale_organ_transfer", 0.05, False), ("trafficking", 1.5, False),
    ("child_forced_marriage", 0.8, False),
)
_FORM_COUNT = (("1", 60), ("2", 30), ("3", 10))
_JURISDICTIONS = (("SE", 55), ("NO", 12), ("ES", 12), ("IS", 8), ("UA", 8), ("OTHER", 5))
_JUR_LANGUAGE = {"SE": "sv", "NO": "no", "ES": "es", "IS": "is", "UA": "uk", "OTHER": "en"}
_MIGRANT_LANGUAGES = (("ar", 25), ("so", 12), ("ti", 8), ("fa", 10), ("ps", 6), ("uk", 15),
                      ("ru", 6), ("pl", 8), ("ku", 6), ("sw", 4))
_LANGUAGE_COUNTRY = {"ar": "SY", "so": "SO", "ti": "ER", "fa": "AF", "ps": "AF", "uk": "UA",
                     "ru": "RU", "pl": "PL", "ku": "IQ", "sw": "KE"}
_GENDERS = (("girl", 56), ("boy", 38), ("non_binary", 3), ("self_described", 1), ("not_known", 2))
_DOB_STATUS = (("verified", 78), ("claimed", 14), ("assessed", 8))
_CHILD_AGE = tuple((str(a), w) for a, w in zip(range(0, 18), (
    1, 2, 3, 4, 5, 6, 7, 7, 8, 8, 9, 10, 12, 14, 14, 12, 10, 6)))
_CHILD_ROLE = (("victim", 88), ("witness", 7), ("at_risk", 5))
_TRIAGE = (("immediate", 8), ("urgent", 37), ("planned", 55))
_SOURCES = (("police", 30), ("social_services", 25), ("school", 12), ("health_care", 10),
            ("family", 7), ("prosecution", 4), ("child_self", 3), ("helpline", 3), ("ngo", 3),
            ("ex_officio", 2), ("other", 1))
_SOURCE_PROFESSIONS = {
    "police": (("police_officer", 1),),
    "prosecution": (("other", 1),),
    "social_services": (("social_worker", 1),),
    "school": (("teacher", 8), ("psychologist", 1), ("nurse", 1)),
    "health_care": (("doctor", 5), ("nurse", 4), ("psychologist", 2)),
    "child_self": None,
    "family": (("relative", 1),),
    "helpline": (("other", 1), ("psychologist", 1), ("unknown", 1)),
    "ngo": (("social_worker", 2), ("other", 1)),
    "ex_officio": (("police_officer", 2), ("social_worker", 1)),
    "other": (("neighbour", 3), ("childcare_worker", 3), ("religious_leader", 1), ("other", 2),
              ("unknown", 2)),
}
_REL_FAMILY = (("parent", 35), ("step_parent", 25), ("other_relative", 30), ("sibling", 10))
_REL_ONLINE = (("online_contact", 60), ("acquaintance", 20), ("stranger", 10), ("unknown", 10))
_REL_EXPLOIT = (("acquaintance", 30), ("stranger", 30), ("online_contact", 15), ("unknown", 15),
                ("family_friend", 10))
_REL_OTHER = (("family_friend", 20), ("acquaintance", 25), ("teacher_coach", 12), ("stranger", 10),
              ("online_contact", 8), ("unknown", 7), ("caregiver_institution", 6), ("parent", 6),
              ("step_parent", 6))
_REL_CARER = (("parent", 70), ("step_parent", 12), ("other_relative", 12),
              ("caregiver_institution", 6))
_REL_WITNESS = (("acquaintance", 40), ("other_relative", 25), ("teacher_coach", 15), ("unknown", 20))
_REL_TRUSTED = (("other_relative", 50), ("teacher_coach", 30), ("family_friend", 20))
_AGE_METHODS = (("documents", 3), ("interview", 4), ("psychosocial", 4), ("records_other_country", 2),
                ("family_statement", 2))
_RISK = (("domestic_violence", 25), ("substance_use_carer", 15), ("poverty", 15),
         ("out_of_school", 10), ("online_unsupervised", 12), ("previous_victimisation", 12),
         ("isolation", 8), ("migration", 5))
_PROTECTIVE = (("trusted_adult", 30), ("stable_carer", 25), ("school_engagement", 20),
               ("peer_support", 15), ("community_support", 10))

_VOCABULARY_OF = {
    "abuse_forms": [c for c, _, _ in _ABUSE_FORMS], "genders": _GENDERS, "dob_statuses": _DOB_STATUS,
    "child_roles": _CHILD_ROLE, "triage_levels": _TRIAGE, "referral_sources": _SOURCES,
    "reporter_professions": [p for v in _SOURCE_PROFESSIONS.values() if v for p in v],
    "relationships_to_child": _REL_FAMILY + _REL_ONLINE + _REL_EXPLOIT + _REL_OTHER + _REL_CARER
    + _REL_WITNESS + _REL_TRUSTED,
    "age_assessment_methods": _AGE_METHODS, "risk_factors": _RISK, "protective_factors": _PROTECTIVE,
    "special_protection_needs": ["asylum_seeking", "unaccompanied", "disability", "in_care",
                                 "minority", "lgbti"],
    "party_roles": ["carer", "alleged_offender", "witness", "trusted_person"],
    "case_statuses": ["referred", "open", "closed"],
    "birth_registration": ["yes", "no", "unknown"],
}

_EPOCH_ORD = date(1970, 1, 1).toordinal()
_DAY = 86400
_CHUNK = 2000          # cases generated and inserted per executemany round
_TX_CASES = 20_000     # cases per transaction
_INDEX_CHUNK = 25_000  # cases per INSERT ... SELECT into the search index

# The search index body of a case is exactly _SEARCH_BODY (cases.py), run for a range of cases.
_BODY_SQL = _SEARCH_BODY.text
assert _BODY_SQL.count(":id") == 1
_FILL_INDEX = text(
    "INSERT INTO case_search(rowid, body) SELECT src.id, ("
    + _BODY_SQL.replace(":id", "src.id") + ") FROM cases src WHERE src.id BETWEEN :lo AND :hi")

ProgressFn = Callable[[int, int], None]


class _Table:
    """A weighted choice: codes and cumulative weights, picked with one random number."""

    __slots__ = ("codes", "cum", "total")

    def __init__(self, pairs):
        self.codes = [c for c, _ in pairs]
        self.cum, acc = [], 0.0
        for _, w in pairs:
            acc += w
            self.cum.append(acc)
        self.total = acc

    def pick(self, rng: random.Random) -> str:
        return self.codes[bisect(self.cum, rng.random() * self.total)]


def _check_vocabularies() -> None:
    for name, items in _VOCABULARY_OF.items():
        codes = [i[0] if isinstance(i, tuple) else i for i in items]
        vocab.check_codes(name, name, codes)
    known = {j["code"] for j in vocab.jurisdictions()}
    missing = [c for c, _ in _JURISDICTIONS if c not in known]
    if missing:
        raise ValidationError("jurisdiction", f"'{missing[0]}' is not a known jurisdiction.")


def _iso(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime(ts))


def _iso_date(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def _ts(ordinal: int, second: int = 0) -> int:
    return (ordinal - _EPOCH_ORD) * _DAY + second


class _Builder:
    """Makes the rows of cases in chronological order, one chunk at a time. All randomness
    comes from one random.Random(seed), consumed in a fixed order."""

    def __init__(self, rng: random.Random, n: int, until: date, leads: list[int],
                 first_person_id: int, first_case_id: int):
        self.rng = rng
        self.start_ord = FIRST_DAY.toordinal()
        self.end_ord = until.toordinal()  # exclusive
        self.end_ts = _ts(self.end_ord) - 1
        self.leads = leads
        self.next_person = first_person_id
        self.next_case = first_case_id
        self.next_party = self.next_nc = self.next_aa = 1
        self.ref_seq: dict[int, int] = {}
        self.pool: list[list] = []  # returning-child candidates: [pid, dob_ord, cases, last_ord, family, carers]
        self.name_keys: dict[tuple, str] = {}
        self.t = {k: _Table(v) for k, v in {
            "count": _FORM_COUNT, "jur": _JURISDICTIONS, "mig_lang": _MIGRANT_LANGUAGES,
            "gender": _GENDERS, "dob": _DOB_STATUS, "age": _CHILD_AGE, "role": _CHILD_ROLE,
            "triage": _TRIAGE, "source": _SOURCES, "rel_family": _REL_FAMILY,
            "rel_online": _REL_ONLINE, "rel_exploit": _REL_EXPLOIT, "rel_other": _REL_OTHER,
            "rel_carer": _REL_CARER, "rel_witness": _REL_WITNESS, "rel_trusted": _REL_TRUSTED,
            "method": _AGE_METHODS, "risk": _RISK, "protective": _PROTECTIVE,
        }.items()}
        self.professions = {s: _Table(p) if p else None for s, p in _SOURCE_PROFESSIONS.items()}
        self.forms_by_year = {}
        self.days = self._timeline(n)

    # --- the timeline: more referrals in recent years ----------------------------------------
    def _timeline(self, n: int) -> list[tuple[int, int]]:
        rng, days, k = self.rng, self.end_ord - self.start_ord, 5.0  # density rises 1 -> 6
        out = []
        for _ in range(n):
            u = rng.random()
            x = (math.sqrt(1.0 + u * k * (2.0 + k)) - 1.0) / k
            day = self.start_ord + min(days - 1, int(x * days))
            out.append((day, 7 * 3600 + int(rng.random() * 11 * 3600)))
        if n >= 2:  # the whole period is always covered, even by a small demo
            out[0] = (self.start_ord + int(rng.random() * 28), out[0][1])
            out[1] = (self.end_ord - 1 - int(rng.random() * 28), out[1][1])
        out.sort()
        return out

    def _forms_table(self, year: int) -> _Table:
        t = self.forms_by_year.get(year)
        if t is None:
            online = min(1.0, max(0.05, (year - 2000) / 16))
            t = self.forms_by_year[year] = _Table(
                [(c, w * (online if is_online else 1.0)) for c, w, is_online in _ABUSE_FORMS])
        return t

    def _name_key(self, given: str, family: str) -> str:
        k = self.name_keys.get((given, family))
        if k is None:
            k = self.name_keys[(given, family)] = name_key(given, family)
        return k

    # --- persons --------------------------------------------------------------------------
    def _person(self, rows, given, family, dob, dob_status, gender, created, **extra) -> int:
        pid = self.next_person
        self.next_person += 1
        row = {
            "id": pid, "given_name": given, "family_name": family, "other_names": None,
            "name_key": self._name_key(given, family), "date_of_birth": dob,
            "dob_status": dob_status, "gender": gender, "gender_description": None,
            "languages": None, "interpreter_needed": False, "interpreter_language": None,
            "nationality": None, "country_of_origin": None, "birth_registered": None,
            "disability": None, "address": None, "phone": None, "notes": None,
            "guardian_person_id": None, "guardian_kind": None, "trusted_person_id": None,
            "created_at": created, "updated_at": created,
        }
        row.update(extra)
        rows["persons"].append(row)
        return pid

    def _adult(self, rows, day: int, created: str, lo: int, hi: int, family: str | None,
               language: str, known_dob: float = 0.9) -> int:
        rng = self.rng
        given = MARKER + _ADULTS[int(rng.random() * len(_ADULTS))]
        if family is None:
            family = _FAMILIES[int(rng.random() * len(_FAMILIES))]
        dob = dob_status = None
        if rng.random() < known_dob:
            age = lo + int(rng.random() * (hi - lo + 1))
            dob = _iso_date(day - age * 365 - 5 - int(rng.random() * 355))
            dob_status = "verified" if rng.random() < 0.8 else "claimed"
        return self._person(rows, given, family, dob, dob_status, None, created, languages=language,
                            address=(f"Demovägen {1 + int(rng.random() * 99)}, 000 00 Testby"
                                     if rng.random() < 0.4 else None))

    def _child(self, rows, day: int, created: str, jur: str, lead: int) -> tuple[int, str, list]:
        rng, t = self.rng, self.t
        gender = t["gender"].pick(rng)
        names = _GIRLS if gender == "girl" else _BOYS if gender == "boy" else (
            _NEUTRAL if rng.random() < 0.6 else _GIRLS + _BOYS)
        given = MARKER + names[int(rng.random() * len(names))]
        family = _FAMILIES[int(rng.random() * len(_FAMILIES))]
        age = int(t["age"].pick(rng))
        dob_ord = day - age * 365 - int(rng.random() * 365)
        dob_status = t["dob"].pick(rng)
        if dob_status == "assessed":  # an assessed age is often written as 1 January
            dob_ord = date(date.fromordinal(dob_ord).year, 1, 1).toordinal()
        year = date.fromordinal(day).year
        local = _JUR_LANGUAGE[jur]
        migrant = rng.random() < (0.06 if year < 2014 else 0.15)
        extra = {}
        if migrant:
            lang = t["mig_lang"].pick(rng)
            country = _LANGUAGE_COUNTRY[lang]
            extra.update(languages=f"{lang},{local}" if lang != local else lang,
                         country_of_origin=country,
                         nationality=country if rng.random() < 0.7 else None,
                         birth_registered="yes" if rng.random() < 0.6 else (
                             "no" if rng.random() < 0.25 else "unknown"))
            if rng.random() < 0.6:
                extra.update(interpreter_needed=True, interpreter_language=lang)
        else:
            extra.update(languages=local + (",en" if rng.random() < 0.1 else ""),
                         nationality=jur if jur != "OTHER" else None, birth_registered="yes")
        if gender == "self_described":
            extra["gender_description"] = "Demo: self-described (fictional)"
        if rng.random() < 0.05:
            extra["other_names"] = MARKER + _NEUTRAL[int(rng.random() * len(_NEUTRAL))]
        if rng.random() < 0.5:
            extra["address"] = f"Demovägen {1 + int(rng.random() * 99)}, 000 00 Testby"
        needs = []
        if migrant and rng.random() < 0.5:
            needs.append("asylum_seeking")
            if rng.random() < 0.4:
                needs.append("unaccompanied")
        if rng.random() < 0.05:
            needs.append("disability")
            extra["disability"] = "Demo: fictional disability note."
        if rng.random() < 0.03:
            needs.append("in_care")
        if rng.random() < 0.03:
            needs.append("minority")
        if gender in ("non_binary", "self_described") and rng.random() < 0.3:
            needs.append("lgbti")
        pid = self._person(rows, given, family, _iso_date(dob_ord), dob_status, gender, created, **extra)
        terms = rows["person_terms"]
        for code in needs:
            terms.append({"person_id": pid, "vocabulary": "special_protection_needs", "code": code})
        if migrant:
            terms.append({"person_id": pid, "vocabulary": "risk_factors", "code": "migration"})
        for vocab_name, table, p in (("risk_factors", t["risk"], 0.45),
                                     ("protective_factors", t["protective"], 0.4)):
            if rng.random() < p:
                chosen = {table.pick(rng) for _ in range(1 + (rng.random() < 0.35))}
                for code in sorted(chosen):
                    if not (vocab_name == "risk_factors" and migrant and code == "migration"):
                        terms.append({"person_id": pid, "vocabulary": vocab_name, "code": code})
        if dob_status == "assessed" or (dob_status == "claimed" and rng.random() < 0.25):
            on = min(self.end_ord - 1, day + int(rng.random() * 30))
            shift = 0 if dob_status == "assessed" else int((rng.random() - 0.5) * 730)
            rows["age_assessments"].append({
                "id": self.next_aa, "person_id": pid, "assessed_on": _iso_date(on),
                "method": t["method"].pick(rng), "assessor": "Demo Assessor (fictional)",
                "basis": "Demo data: fictional, non-invasive assessment.",
                "assessed_dob": _iso_date(min(on, dob_ord + shift)), "created_by": lead,
                "created_at": _iso(_ts(on, 15 * 3600)),
            })
            self.next_aa += 1
        return pid, family, dob_ord

    def _returning_child(self, day: int):
        """An earlier child who comes back, at least a year later and still under 18."""
        pool, rng = self.pool, self.rng
        for _ in range(6):
            if not pool:
                return None
            i = int(rng.random() * len(pool))
            entry = pool[i]
            if day - entry[1] >= int(17.5 * 365):  # too old now, and only getting older
                pool[i] = pool[-1]
                pool.pop()
                continue
            if day - entry[3] >= 365:
                entry[2] += 1
                entry[3] = day
                if entry[2] >= 3:
                    pool[i] = pool[-1]
                    pool.pop()
                return entry
        return None

    # --- cases ----------------------------------------------------------------------------
    def rows(self, lo: int, hi: int) -> dict[str, list]:
        """The rows of cases lo..hi-1 of the timeline, keyed by table name, in insert order."""
        rows = {k: [] for k in ("persons", "person_terms", "age_assessments", "cases",
                                "case_abuse_forms", "case_children", "case_parties", "no_contact")}
        rng, t = self.rng, self.t
        for day, second in self.days[lo:hi]:
            cid = self.next_case
            self.next_case += 1
            received_ts = _ts(day, second)
            received = _iso(received_ts)
            year = date.fromordinal(day).year
            age_days = self.end_ord - day
            seq = self.ref_seq[year] = self.ref_seq.get(year, 0) + 1
            reference = f"BH-{year}-{seq:05d}"
            jur = t["jur"].pick(rng)
            lead = self.leads[int(rng.random() * len(self.leads))]

            r = rng.random()
            if age_days < 21:
                status = "referred" if r < 0.55 else "open"
            elif age_days < 365:
                status = "referred" if r < 0.1 else "open" if r < 0.8 else "closed"
            elif age_days < 3 * 365:
                status = "open" if r < 0.4 else "closed"
            else:
                status = "open" if r < 0.04 else "closed"  # long-term follow-up never expires
            emergency = rng.random() < 0.05
            triage = "immediate" if emergency else t["triage"].pick(rng)
            screened = acted = closed = None
            if status != "referred" or rng.random() < 0.5:
                s_ts = received_ts + (600 + int(rng.random() * 3000) if emergency
                                      else 900 + int(rng.random() * 2 * _DAY))
                if s_ts <= self.end_ts:
                    screened = _iso(s_ts)
                    if status != "referred":
                        a_ts = s_ts + (900 + int(rng.random() * 5 * 3600) if emergency
                                       else 3600 + int(rng.random() * 10 * _DAY))
                        a_ts = min(a_ts, self.end_ts)
                        acted = _iso(a_ts)
                        if status == "closed":
                            c_ts = min(self.end_ts, a_ts + (30 + int(rng.random() * 870)) * _DAY)
                            closed = _iso(c_ts)
            if status != "referred" and acted is None:  # referred in the very last minutes
                status = "referred"
            source = t["source"].pick(rng)
            prof_table = self.professions[source]
            profession = prof_table.pick(rng) if prof_table else None
            police = prosecution = None
            if source in ("police", "prosecution") or rng.random() < 0.7:
                police = f"DEMO-P{jur}-{year}-{int(rng.random() * 1_000_000):06d}"
                if rng.random() < 0.45:
                    prosecution = f"DEMO-A{jur}-{year}-{int(rng.random() * 100_000):05d}"
            rows["cases"].append({
                "id": cid, "reference": reference, "case_lead_id": lead, "status": status,
                "referral_received_at": received, "screened_at": screened, "acted_at": acted,
                "triage_level": triage, "emergency": emergency,
                "ex_officio": source == "ex_officio" or rng.random() < 0.02,
                "referral_source": source, "reporter_profession": profession,
                "jurisdiction": jur, "police_reference": police, "prosecution_reference": prosecution,
                "summary": ("DEMO DATA: fictional case generated for testing; no real child."
                            if rng.random() < 0.5 else None),
                "created_at": received, "updated_at": closed or acted or screened or received,
                "closed_at": closed,
            })

            # forms of abuse
            table = self._forms_table(year)
            wanted = int(t["count"].pick(rng))
            forms: list[str] = []
            for _ in range(wanted * 4):
                code = table.pick(rng)
                if code not in forms:
                    forms.append(code)
                    if len(forms) == wanted:
                        break
            for code in forms:
                rows["case_abuse_forms"].append({"case_id": cid, "code": code})

            # the child: new, or someone who was here before
            returning = self._returning_child(day) if rng.random() < 0.1 else None
            if returning:
                child, family, carers = returning[0], returning[4], returning[5]
            else:
                child, family, dob_ord = self._child(rows, day, received, jur, lead)
                carers = []
                if rng.random() < 0.5:
                    self.pool.append([child, dob_ord, 1, day, family, carers])
            rows["case_children"].append({"case_id": cid, "person_id": child,
                                          "role": t["role"].pick(rng)})

            # other parties: at most three, alleged offenders first
            local = _JUR_LANGUAGE[jur]
            parties: list[tuple[int, str, str | None]] = []
            if rng.random() < 0.78:
                if "sexual_abuse_intrafamilial" in forms or "child_forced_marriage" in forms:
                    rel = t["rel_family"].pick(rng)
                elif any(f.startswith(("online_", "csam_")) for f in forms):
                    rel = t["rel_online"].pick(rng)
                elif any(f.startswith(("sexual_exploitation", "sale_", "trafficking",
                                       "exploitation_")) for f in forms):
                    rel = t["rel_exploit"].pick(rng)
                else:
                    rel = t["rel_other"].pick(rng)
                fam = family if rel in ("parent", "sibling") or (
                    rel in ("step_parent", "other_relative") and rng.random() < 0.5) else None
                n_off = 2 if rng.random() < 0.04 else 1
                for k in range(n_off):
                    known = 0.95 if rel != "unknown" and rel != "online_contact" else 0.4
                    pid = self._adult(rows, day, received, 18, 70, fam if k == 0 else None, local, known)
                    parties.append((pid, "alleged_offender", rel if k == 0 else "acquaintance"))
            if not carers and rng.random() < 0.65:
                for _ in range(min(1 + (rng.random() < 0.3), 3 - len(parties))):
                    rel = t["rel_carer"].pick(rng)
                    fam = family if rel == "parent" or rng.random() < 0.3 else None
                    carers.append((self._adult(rows, day, received, 22, 60, fam, local, 0.97), rel))
            for pid, rel in carers:
                if len(parties) < 3:
                    parties.append((pid, "carer", rel))
            r = rng.random()
            if len(parties) < 3 and r < 0.17:
                role, rel = (("witness", t["rel_witness"].pick(rng)) if r < 0.12
                             else ("trusted_person", t["rel_trusted"].pick(rng)))
                parties.append((self._adult(rows, day, received, 18, 75, None, local, 0.8), role, rel))
            for pid, role, rel in parties:
                rows["case_parties"].append({
                    "id": self.next_party, "case_id": cid, "person_id": pid, "party_role": role,
                    "relationship_to_child": rel, "child_person_id": child})
                self.next_party += 1
                if role == "alleged_offender" and rng.random() < 0.85:
                    a, b = sorted((child, pid))
                    rows["no_contact"].append({
                        "id": self.next_nc, "person_a": a, "person_b": b,
                        "reason": "Alleged offender (demo data)", "created_by": lead,
                        "created_at": acted or screened or received})
                    self.next_nc += 1
        return rows


_TABLES = {
    "persons": Person.__table__, "person_terms": PersonTerm.__table__,
    "age_assessments": AgeAssessment.__table__, "cases": Case.__table__,
    "case_abuse_forms": CaseAbuseForm.__table__, "case_children": CaseChild.__table__,
    "case_parties": CaseParty.__table__, "no_contact": NoContact.__table__,
}


def _stop_if(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("Building the demo record was cancelled. Nothing was written.")


def build_demo_record(path, admin_username: str, admin_password: str, cases: int, seed: int,
                      kdf: KdfParams = KdfParams(), progress: ProgressFn | None = None,
                      cancelled: Callable[[], bool] | None = None, *,
                      until: date | None = None) -> str:
    """Create a new record at `path` filled with `cases` fictional cases (0..100000) referred
    between January 2000 and `until` (default: today, UTC), and return its recovery key.

    Users: the administrator, and one user per role named after the role (coordinator,
    interviewer, medical, therapist, liaison) plus coordinator2..coordinator4 and medical2 (who
    reviews the medical user's examinations), all with the administrator's password. The demo's
    examination photographs are small generated files in medical_images_folder(path), beside the
    record (removed again if the build fails). `progress(done, total)` is called now and then, in
    work units (one per case written and one per case indexed for search); `cancelled()` is asked
    as often, and
    if it returns True the build stops with Cancelled and leaves no file under `path`.
    Same seed and same `until`: the same rows.
    """
    path = Path(path)
    if isinstance(cases, bool) or not isinstance(cases, int) or not 0 <= cases <= MAX_CASES:
        raise ValidationError("cases", f"give a whole number from 0 to {MAX_CASES}.")
    if until is None:
        until = datetime.now(timezone.utc).date()
    if until.toordinal() - FIRST_DAY.toordinal() < 366:
        raise ValidationError("until", "must be at least a year after 2000-01-01.")
    _check_vocabularies()
    keys = KeyFile.path_for(path)
    if path.exists() or keys.exists():
        raise RecordFileError(f"{path} already exists. Choose another name or folder.")
    path.parent.mkdir(parents=True, exist_ok=True)
    # Held while building, as an open record's is: the leftovers of an interrupted build are
    # removed (record/leftovers.py) only while no build for this name is running.
    lock = storage.WriterLock(path)
    lock.acquire()
    images = medical_images_folder(path)
    images_before = images.exists()
    try:
        return _build(path, admin_username, admin_password, cases, seed, until, kdf, progress, cancelled)
    except BaseException:
        lock.path.unlink(missing_ok=True)   # no record was made: no lock file beside it either
        if not images_before:
            shutil.rmtree(images, ignore_errors=True)   # nor the demo's generated photographs
        raise
    finally:
        lock.release()


def _build(path: Path, admin_username: str, admin_password: str, cases: int, seed: int, until: date,
           kdf: KdfParams, progress: ProgressFn | None, cancelled: Callable[[], bool] | None) -> str:
    work = Path(tempfile.mkdtemp(prefix=f".{path.name}.building-", dir=path.parent))
    try:
        target = work / path.name
        recovery = create_record(target, admin_username, admin_password,
                                 centre_name=CENTRE_NAME, kdf=kdf, time_zone="Europe/Stockholm")
        _stop_if(cancelled)
        session = open_record(target, admin_username, admin_password, kdf=kdf)
        try:
            leads = []
            for username, display, role in DEMO_USERS:
                _stop_if(cancelled)
                uid = session.add_user(username, display, [role], admin_password)
                if role == "coordinator":
                    leads.append(uid)
            _fill(session, cases, seed, until, leads, progress, cancelled)
        finally:
            session.close()
        # The interviewer's unlock creates the notes section and seals the notes written above
        # into it, as the first notes reader's unlock does in a record in use (record/sections.py).
        # Its recovery key is not kept: the demo's users share one password.
        open_record(target, "interviewer", admin_password, kdf=kdf).close(automatic_backup=False)
        # The medical user's unlock creates the medical section (sealed to both medical users);
        # the examinations' detail is sealed with its key (demo/medical.py).
        if cases:
            _stop_if(cancelled)
            _medical(target, admin_password, kdf, seed, until, medical_images_folder(path))
            # The therapist's unlock creates the therapy section; the screens, episodes and
            # plans go through the core's calls (demo/psychosocial.py).
            _stop_if(cancelled)
            _psychosocial(target, admin_password, kdf, seed, until)
        _publish(target, path)
        return recovery
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _fill(session, n: int, seed: int, until: date, leads: list[int],
          progress: ProgressFn | None, cancelled: Callable[[], bool] | None) -> None:
    record = session.record
    total = 2 * n
    with record.engine.connect() as conn:
        first_person = (conn.execute(select(func.max(Person.id))).scalar() or 0) + 1
        first_case = (conn.execute(select(func.max(Case.id))).scalar() or 0) + 1
    builder = _Builder(random.Random(seed), n, until, leads, first_person, first_case)
    if progress:
        progress(0, total)
    for tx_lo in range(0, n, _TX_CASES):
        with record.transaction() as conn:
            conn.exec_driver_sql("PRAGMA cache_size = -131072")  # 128 MiB for this connection
            for lo in range(tx_lo, min(n, tx_lo + _TX_CASES), _CHUNK):
                _stop_if(cancelled)
                hi = min(n, lo + _CHUNK, tx_lo + _TX_CASES)
                for name, rows in builder.rows(lo, hi).items():
                    if rows:
                        conn.execute(insert(_TABLES[name]), rows)
                if progress:
                    progress(hi, total)
    with record.transaction() as conn:
        conn.exec_driver_sql("PRAGMA cache_size = -131072")
        for lo in range(first_case, first_case + n, _INDEX_CHUNK):
            _stop_if(cancelled)
            hi = min(first_case + n - 1, lo + _INDEX_CHUNK - 1)
            conn.execute(_FILL_INDEX, {"lo": lo, "hi": hi})
            if progress and hi < first_case + n - 1:
                progress(n + hi - first_case + 1, total)
        _stop_if(cancelled)
        add_demo_interviews(conn, random.Random(seed + 2), until)
        _stop_if(cancelled)
        add_demo_followup(conn, random.Random(seed + 1), until)
        _stop_if(cancelled)
        add_demo_meetings(conn, random.Random(seed + 3), until)
        _stop_if(cancelled)
        add_demo_justice(conn, random.Random(seed + 7), until)
        _stop_if(cancelled)
        audit.append(conn, session.user_id, session.username, "demo.generated", "record", None,
                     {"cases": n, "seed": seed})
    if progress:
        progress(total, total)


def medical_images_folder(path: Path) -> Path:
    """Where the demo's generated examination photographs are kept: beside the record."""
    path = Path(path)
    return path.with_name(f"{path.stem}-medical-images")


def _medical(target: Path, password: str, kdf: KdfParams, seed: int, until: date, images: Path) -> None:
    s = open_record(target, "medical", password, kdf=kdf)
    try:
        add_demo_medical(s, random.Random(seed + 4), until, images)
    finally:
        s.close(automatic_backup=False)


def _psychosocial(target: Path, password: str, kdf: KdfParams, seed: int, until: date) -> None:
    s = open_record(target, "therapist", password, kdf=kdf)
    try:
        add_demo_psychosocial(s, random.Random(seed + 5), until)
    finally:
        s.close(automatic_backup=False)


def _publish(built: Path, path: Path) -> None:
    """Move the finished record and its key file to their names; never over an existing file."""
    src_keys, dst_keys = KeyFile.path_for(built), KeyFile.path_for(path)
    if path.exists() or dst_keys.exists():
        raise RecordFileError(f"{path} appeared while the demo was being built; it was left alone.")
    os.replace(src_keys, dst_keys)
    try:
        os.replace(built, path)
    except BaseException:
        dst_keys.unlink(missing_ok=True)
        raise
    if os.name == "posix":
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
