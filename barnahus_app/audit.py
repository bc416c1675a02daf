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
        if r.id != expected_id:
            return ChainReport(count, last_id, prev, r.id, f"entry {expected_id} is missing")
        if r.prev_hash != prev:
            return ChainReport(count, last_id, prev, r.id, "does not follow the entry before it")
        h = entry_hash(r.id, r.at_utc, r.user_id, r.username, r.action, r.subject_kind,
                       r.subject_id, r.detail, r.prev_hash)
        if h != r.entry_hash:
            return ChainReport(count, last_id, prev, r.id, "was changed after it was written")
        prev, last_id, expected_id = h, r.id, expected_id + 1
    return ChainReport(count, last_id, prev, None, None)


def head(conn: Connection) -> tuple[int | None, str]:
    last = conn.execute(select(T.c.id, T.c.entry_hash).order_by(T.c.id.desc()).limit(1)).first()
    return (last.id, last.entry_hash) if last else (None, GENESIS)
