"""Salvage: copy every row that can still be read from a damaged record into a new record with the
same record key (so the same key file, passwords and recovery key open it), and say exactly what
could not be read. The damaged file is only read (mode=ro), never changed.

A page that fails its HMAC puts the connection that read it into an error state, so every read
here is on a connection of its own: a table is read in rowid order, and when a read fails
part-way the rest is read past the damaged rowids (found by probing) on a fresh connection."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import sqlcipher3

from barnahus_app import audit
from barnahus_app.errors import Cancelled, DiskFull, RecordFileError
from barnahus_app.files import publish_new, remove_partial
from barnahus_app.record import storage


@dataclass(frozen=True)
class TableSalvage:
    name: str
    copied: int
    lost: tuple = ()        # (first rowid, last rowid) ranges that could not be read; last None: to the end

    def line(self) -> str:
        if not self.lost:
            return f"{self.name}: {self.copied} rows copied"
        if self.lost[0][0] == "unnumbered":
            return f"{self.name}: {self.copied} rows copied, then a read failed (rows without rowids: which were lost cannot be said)"
        ranges = ", ".join(f"{a}-{b if b is not None else 'end'}" for a, b in self.lost)
        return f"{self.name}: {self.copied} rows copied, rows lost at rowids {ranges}"


@dataclass(frozen=True)
class SalvageReport:
    tables: tuple                       # TableSalvage, by table name
    chain: audit.ChainReport | None = field(default=None)  # the salvaged record's audit chain

    @property
    def complete(self) -> bool:
        return not any(t.lost for t in self.tables)

    def lines(self) -> list[str]:
        out = [t.line() for t in self.tables if t.lost]
        copied = sum(t.copied for t in self.tables)
        out.insert(0, f"{copied} rows copied from {len(self.tables)} tables; "
                      + ("nothing was lost." if self.complete
                         else f"rows were lost in {len(out)} table(s):"))
        audit_lost = any(t.lost for t in self.tables if t.name == "audit_log")
        if audit_lost and self.chain is not None and self.chain.ok and self.chain.head_id is None:
            out.append("audit trail of the salvaged record: empty, every entry was lost")
        elif audit_lost and self.chain is not None and self.chain.ok:
            out.append(f"audit trail of the salvaged record: verifies up to entry {self.chain.head_id}, "
                       "but entries after it were lost (check cannot see entries missing at the end)")
        elif self.chain is not None and not self.chain.ok:
            out.append(f"audit trail of the salvaged record: BROKEN at entry {self.chain.first_broken_id} "
                       "(rows were lost; `barnahus check` on it names the same place)")
        return out


def salvage(source: Path, record_key: bytes, dest: Path,
            progress: Callable[[int, int], None] | None = None,
            cancel: Callable[[], bool] | None = None) -> SalvageReport:
    """A new record at dest (which must not exist) holding every readable row of source.
    progress(tables done, tables in all) after each table; cancel() is asked before each table and
    each read past a damaged page: when it turns true, Cancelled is raised and nothing is left at
    dest (nor its temporary file)."""
    source, dest = Path(source), Path(dest)
    progress = progress or (lambda done, total: None)
    stop = cancel or (lambda: False)
    objects = _schema_objects(source, record_key)
    partial = dest.with_name(f".{dest.name}.salvaging")
    remove_partial(partial)
    out = storage.key_connection(partial, record_key, mode="rwc")
    try:
        # The rollback journal in memory: a kill leaves the one temporary file (a leftover found
        # by its name), never a `-journal` beside it; nothing spills into a temporary folder.
        out.execute("PRAGMA journal_mode = MEMORY")
        out.execute("PRAGMA temp_store = MEMORY")
        out.execute(f"PRAGMA application_id = {storage.APPLICATION_ID}")
        virtual = [n for kind, n, _, sql in objects if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
        for kind, name, _, sql in objects:
            if kind == "table" and not _is_shadow(name, virtual):
                out.execute(sql)
        copied = []
        tables = [name for kind, name, _, sql in objects if kind == "table" and name not in virtual]
        progress(0, len(tables))
        for name in tables:
            copied.append(_copy_table(source, record_key, out, name, stop))
            progress(len(copied), len(tables))
        for kind, name, _, sql in objects:
            if kind in ("index", "trigger", "view") and sql:
                out.execute(sql)
        out.commit()
    except BaseException as e:
        out.close()
        remove_partial(partial)
        friendly = storage.friendly_db_error(e) if isinstance(e, sqlcipher3.DatabaseError) else None
        if isinstance(friendly, DiskFull):
            raise DiskFull(f"The disk holding {dest.parent} is full; nothing was salvaged.") from None
        raise
    out.close()
    os.chmod(partial, 0o600)
    try:
        _not_cancelled(stop)
        publish_new(partial, dest, "--to")
    except BaseException:
        remove_partial(partial)
        raise
    chain = _chain(dest, record_key)
    return SalvageReport(tuple(sorted(copied, key=lambda t: t.name)), chain)


def _chain(path: Path, record_key: bytes):
    engine = storage.make_engine(path, record_key, read_only=True)
    try:
        with engine.connect() as conn:
            return audit.verify_chain(conn)
    except Exception:  # noqa: BLE001 - a salvaged record without its audit table has no chain
        return None
    finally:
        engine.dispose()


def _schema_objects(path: Path, record_key: bytes) -> list:
    conn = storage.key_connection(path, record_key)
    try:
        return list(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "OR name = 'sqlite_sequence' ORDER BY rowid"))
    except sqlcipher3.DatabaseError:
        raise RecordFileError(f"The list of tables of {path.name} is damaged, so no row can be "
                              "salvaged from it. Restore from a backup.") from None
    finally:
        conn.close()


def _is_shadow(name: str, virtual: list) -> bool:
    return any(name.startswith(v + "_") for v in virtual) or name == "sqlite_sequence"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _not_cancelled(stop: Callable[[], bool]) -> None:
    if stop():
        raise Cancelled("Salvage cancelled. No new record was made.")


def _copy_table(source: Path, record_key: bytes, out, name: str,
                stop: Callable[[], bool] = lambda: False) -> TableSalvage:
    """Every readable row of one table, in rowid order, with the rowid ranges lost."""
    _not_cancelled(stop)
    table = _quoted(name)
    out.execute(f"DELETE FROM {table}")  # shadow tables of a virtual table start with rows
    columns = _columns(out, name)
    marks = ", ".join("?" * len(columns.split(", ")))
    if not _has_rowid(out, table):   # e.g. an FTS index's shadow table: no ranges to retry by
        rows, failed = _read_from(source, record_key, table, None, rowid=False)
        out.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        return TableSalvage(name, len(rows), (("unnumbered", None),) if failed else ())
    insert = f"INSERT INTO {table} (rowid, {columns}) VALUES (?, {marks})"
    copied, lost = 0, []
    for rows in readable_rows(source, record_key, table, None, lost):
        _not_cancelled(stop)
        out.executemany(insert, rows)
        copied += len(rows)
    return TableSalvage(name, copied, tuple(lost))


def readable_rows(source: Path, record_key: bytes, table: str, after=None, lost: list | None = None):
    """Every row of `table` (a quoted name) with rowid > after that can still be read, in rowid
    order, as batches of (rowid, *columns), reading past damaged pages; each range of rowids
    that could not be read is appended to `lost` as (first, last) (first "start": from the
    first row; last None: to the end). Reads only."""
    lost = [] if lost is None else lost
    while True:
        rows, failed = _read_from(source, record_key, table, after)
        if rows:
            yield rows
        if not failed:
            return
        last = rows[-1][0] if rows else after
        first_lost = (last + 1) if last is not None else None
        resume = _next_readable(source, record_key, table, last)
        if lost and first_lost is not None and lost[-1][1] == first_lost - 1:
            first_lost = lost.pop()[0]   # the same damage, met again past the probe
        lost.append((first_lost if first_lost is not None else "start",
                     None if resume is None else resume - 1))
        if resume is None:
            return
        after = resume - 1


def _columns(out, name: str) -> str:
    cols = [r[1] for r in out.execute(f"PRAGMA table_info({_quoted(name)})")]
    return ", ".join(_quoted(c) for c in cols)


def _has_rowid(out, table: str) -> bool:
    try:
        out.execute(f"SELECT rowid FROM {table} LIMIT 0")
        return True
    except sqlcipher3.OperationalError:
        return False


def _read_from(source: Path, record_key: bytes, table: str, after, rowid: bool = True) -> tuple[list, bool]:
    """(rows with rowid > after, read until the first failure; whether a read failed)."""
    conn = storage.key_connection(source, record_key)
    rows = []
    try:
        where = "" if after is None else f" WHERE rowid > {int(after)}"
        query = f"SELECT rowid, * FROM {table}{where} ORDER BY rowid" if rowid else f"SELECT * FROM {table}"
        for row in conn.execute(query):
            rows.append(row)
        return rows, False
    except sqlcipher3.DatabaseError:
        return rows, True
    finally:
        conn.close()


def _probe(source: Path, record_key: bytes, table: str, at_least: int):
    """(readable, first rowid >= at_least or None) on a connection of its own."""
    conn = storage.key_connection(source, record_key)
    try:
        row = conn.execute(f"SELECT rowid FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1",
                           (at_least,)).fetchone()
        return True, (row[0] if row else None)
    except sqlcipher3.DatabaseError:
        return False, None
    finally:
        conn.close()


def _next_readable(source: Path, record_key: bytes, table: str, last):
    """The first rowid past the damaged page(s) after rowid `last` that reads; None: none does."""
    low = (last + 1) if last is not None else -(2 ** 63)
    step, high = 1, None
    while True:   # widen until a probe reads past the damage
        probe_at = low + step
        if probe_at > 2 ** 63 - 1:
            return None
        ok, first = _probe(source, record_key, table, probe_at)
        if ok:
            high = probe_at
            found = first
            break
        step *= 2
    lo = low   # probe at lo failed (it is on the damaged page); narrow to the smallest readable start
    while high - lo > 1:
        mid = (lo + high) // 2
        ok, first = _probe(source, record_key, table, mid)
        if ok:
            high, found = mid, first
        else:
            lo = mid
    return found
