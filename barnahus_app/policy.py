"""Who may do what: the one table every core call consults.

Data kinds and actions are fixed here; a role holds a set of (kind, action) grants. A user with
several roles holds the union. Nothing outside this table grants anything. DOMAIN.md's
"must not see by default" column is why the administrator holds no case content and why medical
and therapy detail (added by later modules) are granted only to their own disciplines.

Follow-up ("followup"): coordinators plan it (create) and act on any of it (update), as they may
update any case; therapists, medical staff and forensic interviewers read and act on (complete,
decline, snooze) the follow-up of their own discipline (interviewers: recording fixity checks);
the liaison reads court dates and statute-of-limitation warnings; the administrator holds none.
Which rows each role sees within these grants is followup.py's scope rule.

Interviews: coordinators and forensic interviewers plan them; everyone working on cases sees the
calendar (rooms are shared). The interviewer's notes are read by interviewers, case leads and the
liaison (they brief police and prosecution), and written only by interviewers. Recordings are
evidence: interviewers register them and record every custody event, hand-overs to police,
prosecution and court included (the liaison, who receives, reads the register and updates
nothing); case leads read it; medical staff and therapists have no need. Who registers a
recording corrects its label ("amend": an amendment kept beside the original, never the hash).
The administrator sets up rooms and holds no case content.

MDT meetings ("meeting"): coordinators plan and chair them, write the minutes, approve them
(which locks them: corrections are addenda) and issue them ("export"). Every case-working role
reads the agenda items of the cases it works on (meetings/actions.py says which those are; a
coordinator reads all); the liaison reads them (police and prosecution sit at the table); the
administrator none. Referrals ("referral"): coordinators make and follow them; therapists and
medical staff refer within their field (child psychiatry, a specialist) and follow theirs;
interviewers and the liaison read them.

Medical examinations: the coordination facts ("examination": that an examination was planned
or held, when, where, by whom, its kind, the child's and guardian's agreement, the outcome the
examiner released, whether samples went to the police) are read by every case-working role;
coordinators and medical staff plan, move and cancel them. The medical detail ("medical":
findings, notes, the statement, tests and results, expert reviews, samples and images) is health
data that DOMAIN.md hides from coordinators, therapists, the liaison and the administrator: only
medical staff read and update it, review another examiner's findings and release an outcome or
the statement. It is also a sealed section, so the record key alone does not open it.

Psychosocial assessment and treatment: the coordination facts ("psychosocial": treatment
episodes and their dates, the model and the provider, the sessions' attendance, that a crisis
contact took place, what was done about a screen at or above its cut-off, and the band of each
screen, never its answers or exact scores) are read by the roles that work with the child in the
building: coordinators, interviewers, medical staff and therapists. DOMAIN.md hides only the
therapy notes from the first three, and each of them needs to know whether the child is in
treatment and how they are (an interview or an examination is planned around it). The liaison
does not read them: DOMAIN.md hides "medical and therapy detail" from police and prosecution, and
a child's trauma screen is therapy detail; support never depends on the justice track (001 para
80), and what the court needs goes to it through a disclosure, not by default. Therapists record
all of it (create, update). The recovery plan (its goals, who helps, their status and review
dates) is read with the rest ("psychosocial") and written ("recovery_plan") by therapists and
coordinators
(the case lead plans the child's recovery with the team, 003 para 42(a)). The therapy detail
("therapy": item answers, session notes, crisis contact notes, exact scores and the trend) is
therapists' only, and a sealed section.

Justice track and compensation ("justice": proceedings against an alleged offender and their
events, how the child took part, release notification, compensation claims to payment): read and
recorded by the liaison, who follows the case through police, prosecution and court (DOMAIN.md),
and by coordinators, the case lead. This is the one kind the liaison updates. Every other case
role reads only the summary line (how many proceedings, how many open, how many claims, how many
paid: justice_status, under case.read): support never depends on the justice track (001 para 80),
so the team should know there is one, but a therapist or an examiner needs no charge, verdict,
release date or award to do their work.

Sealed sections (SECTIONS below, record/sections.py): what the record key alone must not open,
because every user's password yields it. A section is sealed to the users whose roles hold the
grant it names: the interviewer's notes to those who may read them.
"""
from __future__ import annotations

from enum import Enum

from barnahus_app.errors import PermissionDenied


class Role(str, Enum):
    COORDINATOR = "coordinator"   # coordinator / social worker, the case lead
    INTERVIEWER = "interviewer"   # forensic interviewer
    MEDICAL = "medical"
    THERAPIST = "therapist"
    LIAISON = "liaison"           # police / prosecution liaison
    ADMIN = "admin"


ROLE_LABELS = {
    Role.COORDINATOR: "Coordinator / social worker",
    Role.INTERVIEWER: "Forensic interviewer",
    Role.MEDICAL: "Medical staff",
    Role.THERAPIST: "Therapist / psychologist",
    Role.LIAISON: "Police / prosecution liaison",
    Role.ADMIN: "Administrator",
}

# Every kind of data and the actions that exist on it.
ACTIONS = {
    "case": ("read", "create", "update", "export"),       # case fields, children and parties
    "person": ("read", "create", "update"),               # identity and intake of persons
    "vulnerability": ("read", "update"),                  # risk/protective factors, needs, disability
    "agency": ("read", "create", "update"),               # agencies and outside staff contacts
    "audit": ("read", "export"),                          # the audit trail (no content in it)
    "user": ("read", "create", "update"),                 # accounts and roles
    # keys (split_key: the recovery key in k-of-n word shares), backups, record settings
    "record": ("rotate_key", "split_key", "backup", "settings"),
    "followup": ("read", "create", "update"),             # follow-up plans and reminders (followup.py)
    "room": ("read", "create", "update"),                 # rooms and resources of the centre
    "interview": ("read", "create", "update", "export"),  # planning, record, calendar (.ics export)
    "interview_notes": ("read", "update"),                # the interviewer's notes of an interview
    "recording": ("read", "create", "update", "amend"),   # recordings, chain of custody, fixity;
                                                          # amend: correct a label (an amendment)
    "meeting": ("read", "create", "update", "approve", "export"),  # MDT meetings, agendas, minutes;
                                                          # approve: lock the minutes; export: issue them
    "referral": ("read", "create", "update"),             # referrals in and out, what they shared
    "examination": ("read", "create", "update"),          # medical examinations' coordination facts
    # the medical detail; review: expert review of another examiner's findings; release: an
    # outcome for the team, the statement for one disclosure
    "medical": ("read", "update", "review", "release"),
    # psychosocial coordination facts: episodes, sessions' attendance, crisis contacts, screens'
    # bands and what was done about a screen at or above the cut-off
    "psychosocial": ("read", "create", "update"),
    "recovery_plan": ("create", "update"),                # recovery plan goals and their reviews (read
                                                          # with the rest: psychosocial.read)
    "therapy": ("read", "update"),                        # answers, session and crisis notes, scores
    # proceedings, their events, the child's part, release notification, compensation claims
    "justice": ("read", "create", "update"),
}

R, C, U, E = "read", "create", "update", "export"

POLICY: dict[Role, dict[str, frozenset]] = {
    Role.COORDINATOR: {
        "case": frozenset({R, C, U, E}), "person": frozenset({R, C, U}),
        "vulnerability": frozenset({R, U}), "agency": frozenset({R, C, U}),
        "audit": frozenset({R, E}), "user": frozenset({R}), "followup": frozenset({R, C, U}),
        "room": frozenset({R}), "interview": frozenset({R, C, U, E}), "interview_notes": frozenset({R}),
        "recording": frozenset({R}), "meeting": frozenset({R, C, U, "approve", E}),
        "referral": frozenset({R, C, U}), "examination": frozenset({R, C, U}),
        "psychosocial": frozenset({R}), "recovery_plan": frozenset({C, U}),
        "justice": frozenset({R, C, U}),
    },
    Role.INTERVIEWER: {
        "case": frozenset({R}), "person": frozenset({R, U}), "vulnerability": frozenset({R}),
        "agency": frozenset({R}), "user": frozenset({R}), "followup": frozenset({R, U}),
        "room": frozenset({R}), "interview": frozenset({R, C, U, E}),
        "interview_notes": frozenset({R, U}), "recording": frozenset({R, C, U, "amend"}),
        "meeting": frozenset({R}), "referral": frozenset({R}), "examination": frozenset({R}),
        "psychosocial": frozenset({R}),
    },
    Role.MEDICAL: {
        "case": frozenset({R}), "person": frozenset({R}), "vulnerability": frozenset({R}),
        "agency": frozenset({R}), "user": frozenset({R}), "followup": frozenset({R, U}),
        "room": frozenset({R}), "interview": frozenset({R, E}),
        "meeting": frozenset({R}), "referral": frozenset({R, C, U}),
        "examination": frozenset({R, C, U}), "medical": frozenset({R, U, "review", "release"}),
        "psychosocial": frozenset({R}),
    },
    Role.THERAPIST: {
        "case": frozenset({R}), "person": frozenset({R}), "vulnerability": frozenset({R, U}),
        "agency": frozenset({R}), "user": frozenset({R}), "followup": frozenset({R, U}),
        "room": frozenset({R}), "interview": frozenset({R, E}),
        "meeting": frozenset({R}), "referral": frozenset({R, C, U}), "examination": frozenset({R}),
        "psychosocial": frozenset({R, C, U}), "recovery_plan": frozenset({C, U}),
        "therapy": frozenset({R, U}),
    },
    Role.LIAISON: {
        "case": frozenset({R, E}), "person": frozenset({R}), "agency": frozenset({R}),
        "user": frozenset({R}), "followup": frozenset({R}),
        "room": frozenset({R}), "interview": frozenset({R, E}), "interview_notes": frozenset({R}),
        "recording": frozenset({R}), "meeting": frozenset({R}), "referral": frozenset({R}),
        "examination": frozenset({R}), "justice": frozenset({R, C, U}),
    },
    Role.ADMIN: {
        "room": frozenset({R, C, U}),
        "agency": frozenset({R, C, U}), "audit": frozenset({R, E}),
        "user": frozenset({R, C, U}),
        "record": frozenset({"rotate_key", "split_key", "backup", "settings"}),
    },
}


# Sealed sections (record/sections.py): content encrypted inside the record with its own key,
# sealed only to the key slots of users whose roles hold the grant named here. This is the one
# table of which roles reach which section; the record key alone opens none of them.
SECTIONS: dict[str, tuple[str, str]] = {
    "interview_notes": ("interview_notes", "read"),   # the interviewer's notes
    "signing_keys": ("case", "export"),               # the centre's document-signing key: who issues
    "medical": ("medical", "read"),                   # medical detail: medical staff only
    "therapy": ("therapy", "read"),                   # therapy detail: therapists only
}
# Further grants that also hold a section. The administrator makes and renews the signing
# certificate (record.settings), so writes its key: they hold the section too (they hold the CA
# file for the centre's safe anyway). Therapists (therapy.read) issue the psychosocial summary,
# signed by the centre like every document that leaves it, and need the signing key for that;
# they hold no case.export, because the summary's exact scores are the only thing they issue.
# Nobody else holds it.
SECTIONS_ALSO: dict[str, tuple[tuple[str, str], ...]] = {
    "signing_keys": (("record", "settings"), ("therapy", "read")),
}


def section_granted(roles, section: str) -> bool:
    kind, action = SECTIONS[section]
    return allowed(roles, kind, action) or any(allowed(roles, k, a) for k, a in SECTIONS_ALSO.get(section, ()))


def sections_of(roles) -> list[str]:
    """The sections a user with these roles holds, in the table's order."""
    return [name for name in SECTIONS if section_granted(roles, name)]


def allowed(roles, kind: str, action: str) -> bool:
    if action not in ACTIONS.get(kind, ()):
        raise ValueError(f"unknown action {kind}.{action}")
    return any(action in POLICY[Role(r)].get(kind, ()) for r in roles)


def roles_allowed(kind: str, action: str) -> list[str]:
    """The roles (codes, in Role order) granted this action: for a screen that says who may."""
    return [r.value for r in Role if allowed([r.value], kind, action)]


def require(roles, kind: str, action: str) -> None:
    if not allowed(roles, kind, action):
        raise PermissionDenied(f"Your roles do not allow this ({kind}: {action}).")


def parse_roles(names) -> list[Role]:
    out = []
    for n in names:
        try:
            out.append(Role(n.strip().lower()))
        except ValueError:
            raise PermissionDenied(
                f"Unknown role '{n[:40]}'. Roles are: {', '.join(r.value for r in Role)}."
            ) from None
    return out
