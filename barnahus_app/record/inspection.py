"""Inspecting a record file without writing to it: `barnahus check`. Every connection here is
read-only (mode=ro, no journal is made), so a damaged file stays byte for byte as it was found.

A page that fails its HMAC puts the connection that read it into an error state, so each question
(the chain, the schema, each table) is asked on a connection of its own."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlalchemy.exc import DBAPIError

from barnahus_app import audit
from barnahus_app.record import anchors, schema, storage

_PAGE = re.compile(r"\bpage (\d+)\b")


@dataclass(frozen=True)
class CheckReport:
    schema_revision: str | None       # None: it could not be read
    schema_head: str
    cipher_problems: list             # the raw lines of cipher_integrity_check and integrity_check
    chain: audit.ChainReport | None   # None: the audit trail could not be read
    pages: int = 0
    damaged_pages: tuple = ()         # page numbers whose HMAC failed
    damaged_tables: tuple | None = ()  # tables whose rows could not all be read; None: not known
    unreadable: str | None = None     # why no page of the file could be read at all
    audited: bool = True              # False: healthy, but another program held the record open
    # The chain against the heads quoted outside it (issued documents, backups' seals, a seal
    # given to `check --seal`); None: not compared (the chain could not be read).
    anchors: anchors.AnchorReport | None = None
    seal: str | None = None           # a given seal (`check --seal`): its signature, in plain words
    seal_ok: bool = True              # False: that seal is not one the centre signed for this record

    @property
    def ok(self) -> bool:
        return (not self.unreadable and not self.cipher_problems and self.chain is not None
                and self.chain.ok and self.schema_revision == self.schema_head and self.anchored)

    @property
    def anchored(self) -> bool:
        """The chain holds every head quoted outside it, and a given seal is the centre's."""
        return (self.anchors is None or self.anchors.ok) and self.seal_ok

    def lines(self, verbose: bool = False) -> list[str]:
        """A short summary; with verbose, the raw integrity lines after it."""
        if self.unreadable:
            return [f"file integrity: {self.unreadable}"]
        out = []
        if not self.cipher_problems:
            out.append(f"file integrity: ok, {self.pages} pages")
        elif self.damaged_pages:
            shown = ", ".join(map(str, self.damaged_pages[:10])) + (", ..." if len(self.damaged_pages) > 10 else "")
            out.append(f"file integrity: {len(self.damaged_pages)} of {self.pages} pages damaged (page {shown})")
        else:
            out.append(f"file integrity: the pages verify, but their structure has "
                       f"{len(self.cipher_problems)} problem(s)")
        if self.cipher_problems:
            if self.damaged_tables is None:
                out.append("damaged tables: cannot be named (the list of tables itself is damaged)")
            elif self.damaged_tables:
                out.append("damaged tables: " + ", ".join(self.damaged_tables))
            else:
                out.append("damaged tables: none (the damage is in an index or in free space)")
        if self.chain is None:
            out.append("audit trail: could not be read")
        elif self.chain.ok:
            out.append(f"audit trail: ok, {self.chain.entries} entries, head {self.chain.head_id} "
                       f"{self.chain.head_hash}")
        else:
            out.append(f"audit trail: BROKEN at entry {self.chain.first_broken_id}: {self.chain.problem}")
        if self.seal:
            out.append(f"audit seal: {self.seal}")
        if self.anchors is not None:
            out += self.anchors.lines()
        out.append(f"schema: {self.schema_revision or 'could not be read'} (this version's newest: {self.schema_head})")
        if not self.audited:
            out.append("(not in the audit trail: the record is open in another program)")
        if verbose:
            out += ["  " + line for line in self.cipher_problems]
        elif self.cipher_problems:
            out.append("(the integrity check's own lines: add --verbose)")
        return out


def verifies_some_page(path: Path, record_key: bytes) -> bool:
    """True if record_key verifies at least one page of path: the record's key, even when page 1
    is damaged (another key verifies none)."""
    pages = Path(path).stat().st_size // storage.PAGE_SIZE
    failed = _damaged_pages(storage.cipher_integrity_problems(Path(path), record_key))
    return len(failed) < pages


def inspect_record(path: Path, record_key: bytes, seal_file: Path | None = None) -> CheckReport:
    """Cipher integrity of every page, the b-trees, the audit chain and the schema version, and
    the chain against the heads quoted outside it (issued documents, the seals of the backups
    beside the record and seal_file, whose signature must be the centre's), read-only. Never
    raises for a damaged file: the damage is the report."""
    path = Path(path)
    pages = path.stat().st_size // storage.PAGE_SIZE
    problems = storage.cipher_integrity_problems(path, record_key)
    damaged = _damaged_pages(problems)
    head = schema.head_revision()
    if pages and len(damaged) == pages:
        return CheckReport(None, head, problems, None, pages, tuple(damaged), None,
                           "no page of the file verifies with the record key: the file is damaged "
                           "from its first bytes, or the key file belongs to another record.")
    chain = ask(path, record_key, audit.verify_chain)
    revision = ask(path, record_key, schema.current_revision)
    tables = _damaged_tables(path, record_key) if problems else ()
    quoted, seal_line, seal_ok = None, None, True
    if seal_file is not None:
        seal_line, seal_ok, given = _given_seal(path, record_key, Path(seal_file))
    if chain is not None:
        quoted = ask(path, record_key, lambda conn: anchors.check_record_anchors(
            conn, path, [given] if seal_file is not None and given else [])) or \
            anchors.AnchorReport(0, 0, "the heads quoted outside the audit trail could not be read")
    return CheckReport(revision, head, problems, chain, pages, tuple(damaged), tables, anchors=quoted,
                       seal=seal_line, seal_ok=seal_ok)


def _given_seal(path: Path, record_key: bytes, seal_file: Path) -> tuple[str, bool, anchors.Anchor | None]:
    """(the line about seal_file, whether it is the centre's seal of this record, its anchor)."""
    seal = anchors.read_seal_file(seal_file)
    if seal is None:
        return f"{seal_file.name} is not an audit seal (or cannot be read)", False, None
    anchor = anchors.seal_anchor(seal, f"the seal {seal_file.name}", restore_explains=False)
    known = ask(path, record_key, lambda conn: (anchors.record_id_of(conn), anchors.centre_ca_pems(conn)))
    if known is None:
        return "the centre's certificates could not be read from the record", False, anchor
    record_id, ca_pems = known
    if seal.get("record_id") != record_id:
        return f"{seal_file.name} is the seal of another record", False, None
    problem = anchors.verify_seal_signature(seal, ca_pems)
    if problem:
        return f"{seal_file.name}: {problem}", False, anchor
    return (f"{seal_file.name} signed by {anchors.signer_of(seal)} on {seal.get('sealed_at')}, "
            f"CA fingerprint {anchors.ca_fingerprint_of(seal)}; head {seal['audit_head']['id']}, "
            f"{seal.get('audit_entries')} entries", True, anchor)


def _damaged_pages(problems: list[str]) -> list[int]:
    return sorted({int(m.group(1)) for p in problems if "HMAC" in p for m in [_PAGE.search(p)] if m})


def ask(path: Path, record_key: bytes, question):
    """question(connection) on a read-only connection of its own; None if the file fails it."""
    engine = storage.make_engine(path, record_key, read_only=True)
    try:
        with engine.connect() as conn:
            return question(conn)
    except DBAPIError:
        return None
    finally:
        engine.dispose()


def _damaged_tables(path: Path, record_key: bytes) -> tuple | None:
    """The tables whose rows cannot all be read (each read on a connection of its own); None if
    the list of tables cannot be read."""
    conn = storage.key_connection(path, record_key)
    try:
        names = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "ORDER BY name")]
    except sqlcipher3.DatabaseError:
        return None
    finally:
        conn.close()
    damaged = []
    for name in names:
        conn = storage.key_connection(path, record_key)
        try:
            for _ in conn.execute('SELECT * FROM "' + name.replace('"', '""') + '" NOT INDEXED'):
                pass
        except sqlcipher3.DatabaseError:
            damaged.append(name)
        finally:
            conn.close()
    return tuple(damaged)
