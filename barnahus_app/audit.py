"""The audit trail: append-only, hash-chained, no case content.

entry_hash = SHA-256 over the canonical JSON of the entry's fields and the previous entry's hash.
Removing, changing or reordering any entry breaks the chain from that entry on.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from barnahus_app.tables import AuditEntry
from barnahus_app.timeutil import utc_now_iso

GENESIS = "0" * 64
T = AuditEntry.__table__


def entry_hash(entry_id, at_utc, user_id, username, action, subject_kind, subject_id, detail, prev_hash) -> str:
    canonical = json.dumps(
        [entry_id, at_utc, user_id, username, action, subject_kind, subject_id, detail, prev_hash],
        separators=(",", ":"), ensure_ascii=True,
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def append(conn: Connection, user_id, username, action: str, subject_kind=None, subject_id=None,
           detail: dict | None = None, at_utc: str | None = None) -> int:
    """Write one entry in the caller's transaction. detail holds metadata only (field names,
    counts, file ids), never values typed about a child."""
    last = conn.execute(select(T.c.id, T.c.entry_hash).order_by(T.c.id.desc()).limit(1)).first()
    prev = last.entry_hash if last else GENESIS
    new_id = (last.id + 1) if last else 1
    at = at_utc or utc_now_iso()
    detail_text = json.dumps(detail, sort_keys=True, separators=(",", ":")) if detail else None
    h = entry_hash(new_id, at, user_id, username, action, subject_kind, subject_id, detail_text, prev)
    conn.execute(insert(T).values(
        id=new_id, at_utc=at, user_id=user_id, username=username, action=action,
        subject_kind=subject_kind, subject_id=subject_id, detail=detail_text,
        prev_hash=prev, entry_hash=h,
    ))
    return new_id


@dataclass
class ChainReport:
    entries: int
    head_id: int | None
    head_hash: str
    first_broken_id: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


def verify_chain(conn: Connection) -> ChainReport:
    prev, expected_id, count = GENESIS, 1, 0
    last_id = None
    rows = conn.execution_options(yield_per=5000).execute(select(T).order_by(T.c.id))
    for r in rows:
        count += 1
        problem = _link_problem(r, expected_id, prev)
        if problem:
            return ChainReport(count, last_id, prev, r.id, problem)
        prev, last_id, expected_id = r.entry_hash, r.id, expected_id + 1
    return ChainReport(count, last_id, prev, None, None)


def verify_segment(conn: Connection, after: tuple[int | None, str], to_id: int) -> int | None:
    """The entries after a head quoted earlier (after: its id and hash; (None, GENESIS) for an
    empty chain) up to to_id each follow from it, as verify_chain checks them: None if they do,
    else the first entry that does not. Costs the entries in between, not the whole chain."""
    start, prev = after[0] or 0, after[1]
    expected = start + 1
    for r in conn.execute(select(T).where(T.c.id > start, T.c.id <= to_id).order_by(T.c.id)):
        if _link_problem(r, expected, prev):
            return r.id
        prev, expected = r.entry_hash, expected + 1
    return None if expected > to_id else expected


def _link_problem(r, expected_id: int, prev: str) -> str | None:
    """Why the row r is not entry expected_id following an entry whose hash is prev; None if it is."""
    if r.id != expected_id:
        return f"entry {expected_id} is missing"
    if r.prev_hash != prev:
        return "does not follow the entry before it"
    h = entry_hash(r.id, r.at_utc, r.user_id, r.username, r.action, r.subject_kind,
                   r.subject_id, r.detail, r.prev_hash)
    return "was changed after it was written" if h != r.entry_hash else None


def head(conn: Connection) -> tuple[int | None, str]:
    last = conn.execute(select(T.c.id, T.c.entry_hash).order_by(T.c.id.desc()).limit(1)).first()
    return (last.id, last.entry_hash) if last else (None, GENESIS)
