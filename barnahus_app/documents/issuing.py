"""Documents that leave the centre (Session mixin): the court summary (PDF/A-1b signed PAdES,
and DOCX), the minutes of team meetings and a therapist's psychosocial summary (the same way),
prosecutor bundles (signed BagIt), the document and disclosure registers, and the centre's
signing identity.

Order of every issue: gather the case in one transaction, build one Document, render, sign the
PDF as the very last step, write the file under a hidden name beside the destination, publish it
(never over an existing file), then register its SHA-256 and audit it in one transaction. If the
register cannot be written the published file is removed again: nothing leaves unregistered.
"""
from __future__ import annotations

import csv
import io
import json
import secrets
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, insert, or_, select, update

from barnahus_app import audit, policy
from barnahus_app.recordings import hashing
from barnahus_app.documents import pki
from barnahus_app.errors import EvidenceAltered, NotFound, ValidationError
from barnahus_app.fields import DISCLOSURE_FIELDS
from barnahus_app.files import check_destination, remove_partial, write_file_safely
from barnahus_app.persons.tables import Agency, Person
from barnahus_app.documents.tables import Disclosure, IssuedDocument, SigningCredential
from barnahus_app.meetings.tables import Meeting
from barnahus_app.followup.tables import FollowUpRule
from barnahus_app.interviews.tables import Interview
from barnahus_app.recordings.tables import Recording
from barnahus_app.tables import RecordMeta, SectionValue
from barnahus_app.users.tables import User
from barnahus_app.timeutil import check_datetime, utc_now_iso, zone_time_text
from barnahus_app.cases.actions import case_view, resolve_case
from barnahus_app.interviews.actions import count_interviews, interview_view
from barnahus_app.justice.actions import case_justice
from barnahus_app.medical.actions import SECTION as MEDICAL_SECTION, examination_rows, released_statement
from barnahus_app.medical.tables import MedicalExamination
from barnahus_app.meetings.actions import case_decisions, case_meeting_ids, meeting_data
from barnahus_app.referrals.actions import case_referral_rows
from barnahus_app.recordings.actions import custody_rows
from barnahus_app.session_base import SessionBase

SC = SigningCredential.__table__
DOC = IssuedDocument.__table__
DIS = Disclosure.__table__
I = Interview.__table__
REC = Recording.__table__
P = Person.__table__
U = User.__table__
FR = FollowUpRule.__table__
SV = SectionValue.__table__
MT = Meeting.__table__

FORMATS = ("pdf", "docx")
# The sealed section (policy.SECTIONS) holding the private keys: the record key alone opens none.
SIGNING_SECTION = "signing_keys"


def new_document_id(now: datetime | None = None, prefix: str = "D") -> str:
    """D-20260304-1A2B3C4D for a document; B-... (prefix "B") for a bundle, so a bundle's ID
    is never taken for one of its documents'."""
    now = now or datetime.now(timezone.utc)
    return f"{prefix}-{now:%Y%m%d}-{secrets.token_hex(4).upper()}"


def _csv(columns, rows, redact=None) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([redact(str(c)) if redact and c is not None else ("" if c is None else c) for c in r])
    return buf.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheet programs read UTF-8


class IssuingActions(SessionBase):
    # --- the centre's signing identity -------------------------------------------------------
    def signing_identity(self) -> dict | None:
        """The active signing certificate (no case content): subject, fingerprints, validity."""
        with self.record.engine.connect() as conn:
            creds = _credentials(conn)
            return None if creds is None else _identity_info(creds, conn)

    def signing_warnings(self) -> list[str]:
        """What `check` and the administration say while the centre's CA key is still inside the
        record (a record made before it left): anyone who reads the record could issue
        certificates in the centre's name. No case content."""
        with self.record.engine.connect() as conn:
            if not ca_key_in_record(conn):
                return []
        return ["WARNING: the centre's CA private key is still inside this record; anyone who can read the "
                "record can sign in the centre's name. Move it to the centre's safe: barnahus signing export-ca "
                "--ca-out FILE (or Administration, Document signing, Export the CA key…)."]

    def create_signing_identity(self, ca_out, ca_passphrase: str) -> dict:
        """A new organisation CA and document-signing certificate for the centre. The CA key and
        certificate go ONCE to ca_out, a new PKCS#12 file encrypted with ca_passphrase, for the
        centre's safe; the record keeps the CA certificate and the signing key only, so nobody
        who reads the record can issue a certificate in the centre's name. Earlier identities
        stay in the record (documents they signed still verify) but sign nothing new."""
        self._authorize("record", "settings")
        ca_out = _check_ca_out(ca_out)
        with self.record.engine.connect() as conn:
            centre = _centre_name(conn)
        creds, ca_pem, ca_key_pem = pki.create_centre_credentials(centre)
        write_file_safely(ca_out, pki.ca_pkcs12(ca_pem, ca_key_pem, ca_passphrase), "ca_out")
        try:
            with self.record.transaction() as conn:
                self._store_identity(conn, creds, ca_pem, "created")
                self._audit(conn, "signing.identity_created", "record", None,
                            {"fingerprint": pki.fingerprint(creds.cert_pem), "ca_fingerprint": pki.fingerprint(ca_pem),
                             "ca_key": "exported"})
        except BaseException:
            ca_out.unlink(missing_ok=True)   # a CA file for an identity the record does not hold
            raise
        return self.signing_identity()

    def renew_signing_certificate(self, ca_file: bytes, ca_passphrase: str | None) -> dict:
        """A new signing key and certificate issued by the centre's CA, whose key comes from the
        CA file in the centre's safe (never from the record). Same CA fingerprint: recipients'
        trust files keep working."""
        self._authorize("record", "settings")
        ca_pem, ca_key_pem = pki.load_ca_pkcs12(ca_file, ca_passphrase)
        fp = pki.fingerprint(ca_pem)
        with self.record.engine.connect() as conn:
            ours = conn.execute(select(SC.c.id).where(SC.c.kind == "ca", SC.c.fingerprint == fp)).first()
        if ours is None:
            raise ValidationError("ca_file", "holds another CA than the centre's (its fingerprint is not one this "
                                             "record has signed with).")
        creds = pki.issue_signer(ca_pem, ca_key_pem)
        with self.record.transaction() as conn:
            self._store_identity(conn, creds, ca_pem, "created")
            self._audit(conn, "signing.certificate_renewed", "record", None,
                        {"fingerprint": pki.fingerprint(creds.cert_pem), "ca_fingerprint": fp})
        return self.signing_identity()

    def export_ca_key(self, ca_out, ca_passphrase: str) -> dict:
        """For records made before the CA key left the record: write the CA key and certificate
        to ca_out (a new PKCS#12 file for the centre's safe), then remove every CA private key
        from the record. Returns the identity."""
        self._authorize("record", "settings")
        ca_out = _check_ca_out(ca_out)
        with self.record.engine.connect() as conn:
            rows = _ca_rows_with_key(conn)
            if not rows:
                raise ValidationError("ca_out", "there is no CA key in the record to export: it is already only in "
                                                "the centre's safe (or the certificate came from the centre's own PKI).")
            row, ca_key = rows[0], _private_key(conn, self.sections, rows[0])
        write_file_safely(ca_out, pki.ca_pkcs12(row.certificate_pem, ca_key, ca_passphrase), "ca_out")
        try:
            with self.record.transaction() as conn:
                # Every CA key goes, the retired CAs' too: nothing new is signed under them.
                for r in _ca_rows_with_key(conn):
                    self.sections.write(conn, SIGNING_SECTION, "signing_credentials", r.id, "private_key_pem", None)
                    conn.execute(update(SC).where(SC.c.id == r.id).values(private_key_pem=None))
                self._audit(conn, "signing.ca_key_exported", "record", None,
                            {"ca_fingerprint": row.fingerprint, "ca_keys_removed": len(rows)})
        except BaseException:
            ca_out.unlink(missing_ok=True)
            raise
        return self.signing_identity()

    def import_signing_identity(self, pkcs12: bytes, password: str | None) -> dict:
        """The centre's own certificate from its PKI (a .p12/.pfx with key and chain)."""
        self._authorize("record", "settings")
        creds = pki.load_pkcs12(pkcs12, password)
        with self.record.transaction() as conn:
            self._store_identity(conn, creds, None, "imported")
            self._audit(conn, "signing.identity_imported", "record", None,
                        {"fingerprint": pki.fingerprint(creds.cert_pem)})
        return self.signing_identity()

    # --- issuing -----------------------------------------------------------------------------
    def write_case_summary(self, case, out, fmt: str = "pdf", *, pseudonymise: bool = False,
                           time_zone: str | None = None, progress=None, cancel=None) -> dict:
        """Write the court summary of a case (by id or reference) to the file out, PDF/A-1b
        signed by the centre or DOCX, register it and return its register entry."""
        self._authorize("case", "export")
        if fmt not in FORMATS:
            raise ValidationError("format", "is pdf or docx.")
        out = Path(out)
        check_destination(out)  # before minutes of rendering
        doc_id, now, creds, builder = self._prepare(case, pseudonymise, time_zone)
        data = _render(builder.build(), fmt, creds, progress, cancel)
        case_id = builder.d["case"]["id"]
        return self._publish(out, data, lambda conn: self._register(
            conn, case_id, doc_id, "case_summary", fmt, pseudonymise, data, out.name, builder.audit_head, now),
            "case", case_id, {"document": doc_id, "type": "case_summary", "format": fmt, "pseudonymised": pseudonymise})

    def issue_minutes(self, meeting_id: int, fmt: str, out_path, *, pseudonymise: bool = False,
                      time_zone: str | None = None, progress=None, cancel=None) -> dict:
        """Write the minutes of a team meeting to the file out_path, PDF/A-1b signed by the centre
        or DOCX, register them (doc_type "minutes", for the meeting: no case) and return the
        register entry. Minutes not yet approved say DRAFT; pseudonymised ones call the children
        by pseudonyms and remove the cases' persons' names from every text (minutes.py)."""
        self._authorize("meeting", "export")
        if fmt not in FORMATS:
            raise ValidationError("format", "is pdf or docx.")
        out = Path(out_path)
        check_destination(out)  # before seconds of rendering
        doc_id, now, creds, builder = self._prepare_minutes(meeting_id, pseudonymise, time_zone)
        data = _render(builder.build(), fmt, creds, progress, cancel)
        return self._publish(out, data, lambda conn: self._register(
            conn, None, doc_id, "minutes", fmt, pseudonymise, data, out.name, builder.audit_head, now,
            meeting_id=meeting_id),
            "meeting", meeting_id, {"document": doc_id, "type": "minutes", "format": fmt, "pseudonymised": pseudonymise,
                                    "draft": builder.draft})

    def issue_psychosocial_summary(self, case, fmt: str, out_path, *, child_person_id: int | None = None,
                                   pseudonymise: bool = False, time_zone: str | None = None, progress=None,
                                   cancel=None) -> dict:
        """Write a case's psychosocial summary (documents/psychosocial.py; with child_person_id
        only that child's) to the file out_path, PDF/A-1b signed by the centre or DOCX, register
        it (doc_type "psychosocial_summary", for the case) and return the register entry.
        Therapists only (therapy.read): it gives exact scores and the trend, which only they
        read; the team reads the rest in the record. It holds no session note, crisis contact
        note or item answer: those stay sealed (nothing of the therapy section is decrypted)."""
        self._authorize("therapy", "read")
        if fmt not in FORMATS:
            raise ValidationError("format", "is pdf or docx.")
        out = Path(out_path)
        check_destination(out)  # before seconds of rendering
        doc_id, now, creds, builder = self._prepare_psychosocial(case, child_person_id, pseudonymise, time_zone)
        data = _render(builder.build(), fmt, creds, progress, cancel)
        return self._publish(out, data, lambda conn: self._register(
            conn, builder.case_id, doc_id, "psychosocial_summary", fmt, pseudonymise, data, out.name,
            builder.audit_head, now),
            "case", builder.case_id, {"document": doc_id, "type": "psychosocial_summary", "format": fmt,
                                      "pseudonymised": pseudonymise})

    def meeting_documents(self, meeting_id: int) -> list[dict]:
        """The minutes issued for a meeting, newest first, with their disclosures (register
        entries as document_register gives them; case_reference None)."""
        self._authorize("meeting", "read")
        with self.record.transaction() as conn:
            if conn.execute(select(MT.c.id).where(MT.c.id == meeting_id)).first() is None:
                raise NotFound(f"There is no meeting {meeting_id}.")
            rows = conn.execute(select(DOC, U.c.display_name.label("issued_by_name"))
                                .join(U, U.c.id == DOC.c.issued_by).where(DOC.c.meeting_id == meeting_id)
                                .order_by(DOC.c.id.desc())).all()
            out = [_entry(conn, r) for r in rows]
            self._audit(conn, "document.register_read", "meeting", meeting_id)
        return out

    def _publish(self, out: Path, data: bytes, register, kind: str, subject_id: int, detail: dict) -> dict:
        """Write a rendered document (never over an existing file), then register its SHA-256 and
        audit its issue in one transaction; if that fails, the file goes again."""
        write_file_safely(out, data)
        try:
            with self.record.transaction() as conn:
                entry = register(conn)
                self._audit(conn, "document.issued", kind, subject_id, dict(detail, sha256=entry["sha256"]))
        except BaseException:
            out.unlink(missing_ok=True)
            raise
        return entry

    def export_bundle(self, case, out, *, pseudonymise: bool = False, as_zip: bool = False,
                      passphrase: str | None = None, include_recordings: bool = False,
                      time_zone: str | None = None, progress=None, cancel=None) -> dict:
        """A prosecutor bundle: a signed BagIt folder (or zip, optionally AES-256 for transport)
        with the summary as PDF and DOCX, an interview index, the recordings manifest (and with
        include_recordings copies of the recordings found at their storage locations), the custody
        log, the list of the medical images released for a prosecutor bundle (hashes and releases;
        an image without such a release is left out, and no image file travels), the case's audit
        extract and the centre's certificates. Registered with its parts; the result also says
        how many images were left out as not released ("images_not_released")."""
        self._authorize("case", "export")
        self._authorize("audit", "export")
        from barnahus_app.documents.bundle import (
            BundleFile, check_passphrase, safe_name, write_bundle,
        )
        out = Path(out)
        check_destination(out)  # before minutes of rendering
        check_passphrase(passphrase, as_zip)  # before seconds of rendering, not after
        _doc_id, now, creds, builder = self._prepare(case, pseudonymise, time_zone)
        bundle_id = new_document_id(now, "B")
        d = builder.d
        redact = builder.redactor() if pseudonymise else None

        def part(lo, hi):
            return (lambda a, b: progress(int(lo + (hi - lo) * a / max(b, 1)), 1000)) if progress else None

        # Each summary is one document with one ID, in its header and in "About this document";
        # the bundle's ID is named as the bundle's.
        pdf_id, docx_id = new_document_id(now), new_document_id(now)
        pdf = _render(builder.build(document_id=pdf_id, bundle_id=bundle_id), "pdf", creds, part(0, 150), cancel)
        docx = _render(builder.build(document_id=docx_id, bundle_id=bundle_id), "docx", creds, part(150, 250),
                       cancel)
        copies, missing = {}, []
        if include_recordings:
            for r in d.get("recordings") or []:
                src = Path(r["storage_location"])
                if r["fixity_status"] == "destroyed":
                    continue
                if not src.is_file():
                    missing.append(r["id"])  # listed in the manifest as not copied, and returned
                    continue
                ext = "".join(Path(r["file_name"]).suffixes[-1:])[:10]
                name = f"recording-{r['id']}{safe_name(ext) if ext else ''}" if pseudonymise else \
                    f"{r['id']}-{safe_name(Path(r['file_name']).name)}"
                copies[r["id"]] = (f"recordings/files/{name}", src, r["sha256"])
        files = [BundleFile("summary/case-summary.pdf", pdf), BundleFile("summary/case-summary.docx", docx)]
        files += self._bundle_tables(builder, redact, {rid: arc for rid, (arc, _src, _sha) in copies.items()})
        images, images_not_released = self._bundle_images(d["case"]["id"], builder, redact, files)
        # Each recording is hashed as it is copied; one that differs from its registered hash
        # stops the bundle (the centre never signs altered evidence) and raises a fixity alarm.
        files += [BundleFile(arc, src, expected_sha256=sha, label=f"Recording {rid}", key=rid)
                  for rid, (arc, src, sha) in copies.items()]
        case = d["case"]
        info = {"Source-Organization": builder.centre_name or "Barnahus",
                "External-Identifier": bundle_id,
                "External-Description": f"Prosecutor bundle for case {case['reference']}"
                                        + (" (pseudonymised)" if pseudonymise else ""),
                "Internal-Sender-Identifier": case["reference"]}
        try:
            result = write_bundle(out, files, info, creds, as_zip=as_zip, passphrase=passphrase,
                                  progress=part(250, 1000), cancel=cancel)
        except EvidenceAltered as e:
            self._evidence_alarm(e, copies, case)
            raise
        try:
            with self.record.transaction() as conn:
                for did, fmt, data, name in ((pdf_id, "pdf", pdf, "case-summary.pdf"),
                                             (docx_id, "docx", docx, "case-summary.docx")):
                    self._register(conn, case["id"], did, "case_summary", fmt, pseudonymise, data, name,
                                   builder.audit_head, now)
                entry = self._register(conn, case["id"], bundle_id, "bundle", "zip" if as_zip else "bag",
                                       pseudonymise, None, out.name, builder.audit_head, now,
                                       sha256=result.sha256, size=result.payload_bytes)
                self._audit(conn, "bundle.exported", "case", case["id"],
                            {"document": bundle_id, "files": result.payload_files, "zip": as_zip,
                             "encrypted": passphrase is not None, "pseudonymised": pseudonymise,
                             "recordings_copied": sum(1 for f in files if f.arcname.startswith("recordings/files/")),
                             "images_listed": images, "sha256": result.sha256})
        except BaseException:
            remove_partial(out)
            raise
        if progress:
            progress(1000, 1000)
        return dict(entry, parts=[pdf_id, docx_id], recordings_not_found=missing,
                    images_not_released=images_not_released)

    def _bundle_images(self, case_id: int, builder, redact, files: list) -> tuple[int, int]:
        """The images listed in a bundle (bundle.IMAGES_MANIFEST): only those released for it,
        with their hash and release, never a file or a file name. Appends the list to files
        when the case has images; returns (listed, left out as not released)."""
        from barnahus_app.documents.bundle import IMAGES_COLUMNS, IMAGES_MANIFEST, IMAGES_PURPOSE, BundleFile
        from barnahus_app.medical.evidence import released_images
        with self.record.engine.connect() as conn:
            rows, not_released = released_images(conn, case_id, IMAGES_PURPOSE)
        if rows or not_released:
            zone = builder.zone_name
            files.append(BundleFile(IMAGES_MANIFEST[len("data/"):], _csv(IMAGES_COLUMNS, [
                (r["image"], r["examination"], r["derived_from"] or "", r["sha256"], r["size_bytes"],
                 zone_time_text(r["released_at_utc"], zone, "iso"),
                 "" if builder.pseudonymise else r["released_to"], r["legal_basis"], r["receipt"],
                 r["release_event"], zone) for r in rows], redact)))
        return len(rows), not_released

    def _evidence_alarm(self, e: EvidenceAltered, copies: dict, case: dict) -> None:
        """The fixity alarm of a recording found altered while it was copied into a bundle: the
        same custody event, status and audit entry as a fixity check that found it."""
        from barnahus_app.recordings.actions import record_fixity
        with self.record.transaction() as conn:
            row = conn.execute(select(REC).where(REC.c.id == e.key)).first()
            record_fixity(self, conn, row, "mismatch", e.found, str(copies[e.key][1]),
                          "Fixity check while exporting a bundle", {"bundle_refused": True})
            self._audit(conn, "bundle.refused", "case", case["id"], {"recording": e.key, "reason": "fixity"})

    # --- registers -----------------------------------------------------------------------------
    def verify_document(self, path, progress=None, cancel=None) -> dict:
        """Is this file one this record issued, unaltered? Looks its SHA-256 up in the register
        (for a bundle folder: the SHA-256 of its tag manifest, and then every file of the bundle
        against its manifests). Answers status "issued" with the register entry, "altered" (a
        bundle issued here whose files changed since: "problems" names them), "unconfirmed" (in
        the register, but the audit trail no longer holds its issue or the head it quoted:
        "reason" says which), or "unknown" (never issued here, or altered since). For a bundle
        folder, "bundle_report" is the bundle check (bundle.verify_bundle), for a trust verdict
        without hashing it again."""
        self._authorize("case", "read")
        path = Path(path)
        problems, report = (), None
        if path.is_dir():
            target = path / "tagmanifest-sha256.txt"
            if not target.is_file():
                return {"status": "unknown", "reason": "This folder is not a bundle (no tagmanifest-sha256.txt)."}
            sha, _ = hashing.sha256_file(target)
            # The tag manifest alone says nothing about the files under data/: check them too.
            from barnahus_app.documents.bundle import verify_bundle
            report = verify_bundle(path, progress=progress, cancel=cancel)
            problems = report.problems
        else:
            sha, _ = hashing.sha256_file(path, progress, cancel)
        with self.record.transaction() as conn:
            row = conn.execute(select(DOC, U.c.display_name.label("issued_by_name"))
                               .join(U, U.c.id == DOC.c.issued_by).where(DOC.c.sha256 == sha)).first()
            if row is None:
                self._audit(conn, "document.verified", None, None, {"result": "unknown", "sha256": sha})
                return {"status": "unknown", "sha256": sha, "bundle_report": report,
                        "reason": "This file was not issued by this record, or it was altered after it was issued."}
            out = _entry(conn, row)
            unconfirmed = issue_not_in_chain(conn, row)
            result = "unconfirmed" if unconfirmed else "altered" if problems else "issued"
            self._audit(conn, "document.verified", *(("case", row.case_id) if row.case_id is not None
                                                     else ("meeting", row.meeting_id)),
                        {"result": result, "document": row.document_id})
        out.update(status=result, sha256=sha, problems=list(problems), bundle_report=report)
        if unconfirmed:
            out["reason"] = (f"The register lists it as document {out['document_id']}, but the audit trail "
                             f"does not confirm that it was issued: {unconfirmed}. Do not rely on it; run "
                             "`barnahus check`.")
        elif problems:
            out["reason"] = (f"Bundle {out['document_id']} was issued by this record on {out['issued_at'][:10]}, "
                             "but files in it changed since:")
        return out

    def document_register(self, case) -> list[dict]:
        """Every document and bundle issued for a case, newest first, with its disclosures; for a
        user who may read meetings also the minutes of the meetings that had the case on their
        agenda (pseudonymised ones too: doc_type "minutes", case_id None, meeting_id set)."""
        self._authorize("case", "read")
        with self.record.transaction() as conn:
            cid = resolve_case(conn, case)
            mine = DOC.c.case_id == cid
            if self.can("meeting", "read"):
                mine = or_(mine, DOC.c.meeting_id.in_(case_meeting_ids(cid)))
            rows = conn.execute(select(DOC, U.c.display_name.label("issued_by_name"))
                                .join(U, U.c.id == DOC.c.issued_by).where(mine)
                                .order_by(DOC.c.id.desc())).all()
            out = [_entry(conn, r) for r in rows]
            self._audit(conn, "document.register_read", "case", cid)
        return out

    def record_disclosure(self, document_id: str, *, recipient: str, undertaking: str, method: str | None = None,
                          disclosed_at=None, recipient_agency_id: int | None = None) -> int:
        """What went to whom, when, under what undertaking (the disclosure register)."""
        self._authorize("case", "export")
        data = {k: spec.clean(k, v) for (k, spec), v in zip(
            DISCLOSURE_FIELDS.items(), (recipient, undertaking, method))}
        when = check_datetime("disclosed_at", disclosed_at) or utc_now_iso()
        with self.record.transaction() as conn:
            doc = conn.execute(select(DOC).where(DOC.c.document_id == str(document_id).strip())).first()
            if doc is None:
                raise NotFound(f"There is no issued document {str(document_id)[:40]}.")
            if recipient_agency_id is not None and conn.execute(
                    select(Agency.id).where(Agency.id == recipient_agency_id)).first() is None:
                raise NotFound(f"There is no agency {recipient_agency_id}.")
            did = conn.execute(insert(DIS).values(
                document_id=doc.id, recipient_agency_id=recipient_agency_id, disclosed_at=when,
                recorded_by=self.user_id, recorded_at=utc_now_iso(), **data)).inserted_primary_key[0]
            self._audit(conn, "document.disclosed", *(("case", doc.case_id) if doc.case_id is not None
                                                      else ("meeting", doc.meeting_id)),
                        {"document": doc.document_id, "disclosure": did})
        return did

    # --- internals -----------------------------------------------------------------------------

    def _prepare(self, case, pseudonymise: bool, time_zone: str | None):
        from barnahus_app.documents.summary import SummaryBuilder
        limitations = None
        with self.record.engine.connect() as conn:
            case_id = resolve_case(conn, case)
            head = audit.head(conn)   # before the entries preparing the document writes (limitations read)
        if self.can("case", "read"):
            limitations = self.limitation_status(case_id)

        def read(conn) -> dict:
            return {**self._gather(conn, case_id), "limitations": limitations}

        def made_by(data) -> str:
            me = data["users"].get(self.user_id, (self.display_name, ""))
            return f"{me[1]} (user no. {self.user_id})" if pseudonymise else self.display_name
        return self._prepare_document(SummaryBuilder, head, ("case", case_id), read, pseudonymise, time_zone,
                                      generated_by=made_by)

    def _prepare_minutes(self, meeting_id: int, pseudonymise: bool, time_zone: str | None):
        from barnahus_app.documents.minutes import MinutesBuilder
        with self.record.engine.connect() as conn:
            head = audit.head(conn)

        def read(conn) -> dict:
            status = conn.execute(select(MT.c.status).where(MT.c.id == meeting_id)).scalar()
            if status is None:
                raise NotFound(f"There is no meeting {meeting_id}.")
            if status == "cancelled":
                raise ValidationError("meeting", "was cancelled: it has no minutes.")
            data = meeting_data(conn, meeting_id)
            data.update(self._meeting_persons(conn, [it["case_id"] for it in data.get("items") or []]))
            return data
        return self._prepare_document(MinutesBuilder, head, ("meeting", meeting_id), read, pseudonymise, time_zone)

    def _prepare_psychosocial(self, case, child_person_id, pseudonymise: bool, time_zone: str | None):
        from barnahus_app.documents.psychosocial import PsychosocialBuilder, gather
        with self.record.engine.connect() as conn:
            case_id = resolve_case(conn, case)
            head = audit.head(conn)
        return self._prepare_document(PsychosocialBuilder, head, ("case", case_id),
                                      lambda conn: gather(conn, case_id, child_person_id), pseudonymise, time_zone,
                                      detail={"type": "psychosocial_summary"})

    def _prepare_document(self, builder_cls, head: tuple, subject: tuple, read, pseudonymise: bool,
                          time_zone: str | None, *, detail: dict | None = None, generated_by=None):
        """What every issued document shares once its audit head is taken (head: as it was before
        this issue began, what audit_head() showed the user, not moved on by the entries preparing
        the document writes): in one transaction read(conn) -> its data, the signing identity (made
        if the administrator made none), the record's id and the centre's name, and the audit entry
        of the preparation (subject: (kind, id)); then the builder. generated_by(data): who the
        document says made it (default: the user's name). Returns (doc_id, now, creds, builder)."""
        now = datetime.now(timezone.utc)
        with self.record.transaction() as conn:
            data = read(conn)
            creds = _credentials(conn, self.sections) or self._create_identity(conn)
            data["record_id"] = conn.execute(select(RecordMeta.value).where(RecordMeta.key == "record_id")).scalar()
            centre = _centre_name(conn)
            self._audit(conn, "document.prepared", *subject, {"pseudonymised": pseudonymise, **(detail or {})})
        builder = builder_cls(
            data, document_id=new_document_id(now), generated_at_utc=utc_now_iso(),
            time_zone=time_zone or self.centre_zone(),
            generated_by=generated_by(data) if generated_by else self.display_name, audit_head=head,
            pseudonymise=pseudonymise, centre_name=centre, signer_subject=creds.cert.subject.rfc4514_string(),
            ca_fingerprint=pki.fingerprint(creds.root_pem))
        return builder.document_id, now, creds, builder

    def _meeting_persons(self, conn, case_ids: list[int]) -> dict:
        """The children of the agenda's cases as the minutes name them ("children": {case_id:
        [...]}, empty for a reader who does not see persons), and every person of those cases with
        their guardians and trusted persons ("person_details"), whose names, dates of birth,
        addresses and phone numbers pseudonymised minutes remove from all text."""
        from barnahus_app.cases.tables import CaseChild, CaseParty
        children: dict[int, list] = {cid: [] for cid in case_ids}
        if not case_ids:
            return {"children": children, "person_details": {}}
        kids = conn.execute(select(CaseChild.case_id, CaseChild.person_id, P.c.given_name, P.c.family_name)
                            .join(P, P.c.id == CaseChild.person_id).where(CaseChild.case_id.in_(case_ids))
                            .order_by(CaseChild.case_id, CaseChild.person_id)).all()
        if self.can("person", "read"):
            for k in kids:
                children[k.case_id].append(dict(k._mapping))
        ids = {k.person_id for k in kids} | {r[0] for r in conn.execute(
            select(CaseParty.person_id).where(CaseParty.case_id.in_(case_ids)))}
        details = {r.id: dict(r._mapping) for r in conn.execute(select(P).where(P.c.id.in_(ids)))}
        extra = {v for p in details.values() for v in (p.get("guardian_person_id"), p.get("trusted_person_id")) if v}
        details.update({r.id: dict(r._mapping) for r in conn.execute(select(P).where(P.c.id.in_(extra - set(details))))})
        return {"children": children, "person_details": details}

    def _gather(self, conn, case_id: int) -> dict:
        from barnahus_app.users.accounts import user_roles
        case = case_view(self, conn, case_id)
        d = {"case": case}
        user_ids = {case["case_lead_id"], self.user_id}
        person_ids = {c["person_id"] for c in case["children"]} | {p["person_id"] for p in case["parties"]}
        # A no-contact person may belong to another case: the summary names them (or gives a pseudonym).
        person_ids |= {n[k] for n in case["no_contact"] for k in ("person_a", "person_b")}
        free_names = set()
        if self.can("interview", "read"):
            ids = [r[0] for r in conn.execute(select(I.c.id).where(I.c.case_id == case_id).order_by(
                func.coalesce(I.c.actual_start_utc, I.c.starts_at_utc), I.c.id))]   # held: when it was
            # The interviewer's working notes are not part of a court summary: not even decrypted.
            ivs = [interview_view(self, conn, i, notes=False) for i in ids]
            for iv in ivs:
                user_ids.add(iv["interviewer_id"])
                for p in iv["participants"]:
                    if p.get("user_id"):
                        user_ids.add(p["user_id"])
                    if p.get("person_id"):
                        person_ids.add(p["person_id"])
                    if p.get("name"):
                        free_names.add(p["name"])
                    if p.get("staff_contact_id") and p.get("display"):
                        free_names.add(p["display"])
            d["interviews"] = ivs
            d["interview_totals"] = {c["person_id"]: count_interviews(conn, c["person_id"], None) for c in case["children"]}
        else:
            d["interviews"] = None
        if self.can("recording", "read"):
            recs = [dict(r._mapping) for r in conn.execute(
                select(REC, I.c.time_zone).join(I, I.c.id == REC.c.interview_id).where(I.c.case_id == case_id)
                .order_by(REC.c.id))]   # time_zone: the interview's, in which its recordings' times are told
            for r in recs:
                r["custody"] = custody_rows(conn, r["id"])
                for e in r["custody"]:
                    user_ids.add(e["by_user"])
                    for f in ("actor", "counterpart"):
                        if e.get(f):
                            free_names.add(e[f])
            d["recordings"] = recs
        else:
            d["recordings"] = None
        details = {}
        if self.can("person", "read") and person_ids:
            for row in conn.execute(select(P).where(P.c.id.in_(person_ids))):
                details[row.id] = dict(row._mapping)
            extra = {v for p in details.values() for v in (p.get("guardian_person_id"), p.get("trusted_person_id")) if v}
            for row in conn.execute(select(P).where(P.c.id.in_(extra - set(details)))):
                details[row.id] = dict(row._mapping)
        d["person_details"] = details
        d["other_person_names"] = {pid: " ".join(x for x in (p["given_name"], p.get("family_name")) if x)
                                   for pid, p in details.items()}
        user_ids |= {o["by_user"] for iv in d.get("interviews") or [] for o in iv["overrides"]}
        d["users"] = {}
        for uid in user_ids:
            name = conn.execute(select(U.c.display_name).where(U.c.id == uid)).scalar() or ""
            roles = user_roles(conn, uid)
            d["users"][uid] = (name, policy.ROLE_LABELS[policy.Role(roles[0])] if roles else "Staff member")
        d["free_names"] = sorted(free_names)
        # The team's decisions (never the discussion) and the referrals, for the roles that read them.
        d["decisions"] = case_decisions(conn, case_id) if self.can("meeting", "read") else None
        d["referrals"] = case_referral_rows(conn, case_id) if self.can("referral", "read") else None
        d["examinations"] = self._examinations(conn, case_id, user_ids) if self.can("examination", "read") else None
        # the proceedings and compensation claims (codes, dates, amounts; names through the builder)
        d["justice"] = case_justice(conn, case_id) if self.can("justice", "read") else None
        if self.can("followup", "read"):
            d["court_dates"] = [(r.due_on or (r.due_at_utc or "")[:10], r.note) for r in conn.execute(
                select(FR.c.due_on, FR.c.due_at_utc, FR.c.note).where(FR.c.case_id == case_id, FR.c.kind == "court_date")
                .order_by(FR.c.due_on))]
        return d

    def _examinations(self, conn, case_id: int, user_ids: set) -> list[dict]:
        """The case's medical examinations as coordination facts; the statement's text only when
        the examiner released it for the court summary AND this user holds the medical section
        (else "statement" is None and the summary says medical staff hold it)."""
        EXM = MedicalExamination.__table__
        ids = [r[0] for r in conn.execute(select(EXM.c.id).where(EXM.c.case_id == case_id)
                                          .order_by(EXM.c.starts_at_utc, EXM.c.id))]
        key = self.sections.key(MEDICAL_SECTION) if self.can("medical", "read") and \
            self.sections.holds(MEDICAL_SECTION) else None
        out = examination_rows(conn, ids)
        for x in out:
            user_ids.add(x["examiner_id"])
            x["statement"] = released_statement(conn, key, x["id"], "case_summary")
        return out

    def _bundle_tables(self, builder, redact, copies: dict) -> list:
        from barnahus_app.documents.bundle import RECORDINGS_MANIFEST, BundleFile
        d, names = builder.d, builder.names
        out = []
        ivs = d.get("interviews") or []
        out.append(BundleFile("interviews/interview-index.csv", _csv(
            ("number", "status", "planned_start", "planned_end", "held_start", "held_end", "time_zone", "room",
             "interviewer", "child", "protocol", "language_used", "pre_constituted", "child_participation",
             "justification", "participants", "overridden_warnings"),
            [(iv.get("number") or "", iv["status"], *(zone_time_text(iv.get(k), iv["time_zone"], "iso") for k in (
                "starts_at_utc", "ends_at_utc", "actual_start_utc", "actual_end_utc")), iv["time_zone"], iv.get("room_name"),
              names.user(iv["interviewer_id"], iv.get("interviewer_name")), names.person(iv["child_person_id"]),
              iv.get("protocol") or "", iv.get("language_used") or "", "yes" if iv.get("pre_constituted") else "no",
              iv["child_participation"], iv.get("justification") or "",
              "; ".join(f"{p['role']}: {builder._participant(p)}" for p in iv["participants"]),
              "; ".join(f"{o['conflict']}: {o['reason']}" for o in iv["overrides"])) for iv in ivs], redact)))
        recs = d.get("recordings") or []
        out.append(BundleFile(RECORDINGS_MANIFEST[len("data/"):], _csv(
            ("recording", "interview", "label", "copy_kind", "master", "file_name", "sha256", "size_bytes",
             "container", "format", "duration_ms", "capture_device", "storage_location", "acquired",
             "fixity_status", "fixity_checked", "time_zone", "copy_in_bundle"),
            [(r["id"], r["interview_id"], r["label"], r["copy_kind"], r.get("master_id") or "",
              f"recording-{r['id']}" if builder.pseudonymise else r["file_name"], r["sha256"], r["size_bytes"],
              r.get("container") or "", r.get("media_format") or "", r.get("duration_ms") or "",
              r.get("capture_device") or "", "[withheld]" if builder.pseudonymise else r["storage_location"],
              zone_time_text(r["acquired_at_utc"], r["time_zone"], "iso"), r["fixity_status"],
              zone_time_text(r.get("fixity_checked_at"), r["time_zone"], "iso"), r["time_zone"],
              "data/" + copies[r["id"]] if r["id"] in copies else "") for r in recs], redact)))
        out.append(BundleFile("custody/custody-log.csv", _csv(
            ("recording", "event", "occurred", "who", "where", "why", "counterpart", "receipt", "order",
             "copy", "computed_sha256", "recorded_by", "recorded", "time_zone"),
            [(r["id"], e["event"], zone_time_text(e["occurred_at_utc"], r["time_zone"], "iso"), builder._actor(e), builder._where(e),
              e.get("purpose") or "", "" if builder.pseudonymise else (e.get("counterpart") or ""),
              e.get("receipt") or "", e.get("order_reference") or "", e.get("copy_id") or "",
              e.get("computed_sha256") or "", names.user(e["by_user"], e.get("recorded_by_name")),
              zone_time_text(e["recorded_at"], r["time_zone"], "iso"), r["time_zone"])
             for r in recs for e in r["custody"]], redact)))
        audit_rows = self._case_audit_rows(d["case"]["id"])
        lines = []
        for a in audit_rows:
            if builder.pseudonymise:
                a = dict(a, username=names.user(a.get("user_id")) if a.get("user_id") else a.get("username"))
            lines.append(json.dumps(a, ensure_ascii=False, sort_keys=True))
        text = "\n".join(lines) + "\n"
        out.append(BundleFile("audit/case-audit-extract.jsonl", (redact(text) if redact else text).encode("utf-8")))
        return out

    def _case_audit_rows(self, case_id: int) -> list[dict]:
        from barnahus_app.tables import AuditEntry
        t = AuditEntry.__table__
        with self.record.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(
                select(t).where(t.c.subject_kind == "case", t.c.subject_id == case_id).order_by(t.c.id))]
        for r in rows:
            r["detail"] = json.loads(r["detail"]) if r["detail"] else None
        return rows

    def _register(self, conn, case_id, doc_id, doc_type, fmt, pseudonymised, data, file_name, head, now,
                  sha256=None, size=None, meeting_id=None) -> dict:
        """A register row for a case's document, or (meeting_id, case_id None) a meeting's minutes;
        versions count per case (or meeting), type and format."""
        subject = DOC.c.case_id == case_id if meeting_id is None else DOC.c.meeting_id == meeting_id
        version = (conn.execute(select(func.max(DOC.c.version)).where(
            subject, DOC.c.doc_type == doc_type, DOC.c.format == fmt)).scalar() or 0) + 1
        sha = sha256 or hashing.sha256_bytes(data)
        conn.execute(insert(DOC).values(
            document_id=doc_id, case_id=case_id, meeting_id=meeting_id, doc_type=doc_type, format=fmt,
            version=version,
            pseudonymised=pseudonymised, sha256=sha, size_bytes=size if size is not None else len(data),
            file_name=file_name[:400], audit_head_id=head[0], audit_head_hash=head[1], issued_by=self.user_id,
            issued_at=now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")))
        row = conn.execute(select(DOC, U.c.display_name.label("issued_by_name")).join(U, U.c.id == DOC.c.issued_by)
                           .where(DOC.c.document_id == doc_id)).first()
        return _entry(conn, row)

    # --- credentials ---------------------------------------------------------------------------

    def _create_identity(self, conn):
        """The identity the first issue makes when the administrator made none: its CA key is
        not kept anywhere (the record must not hold it, and whoever issues is not the one to
        keep the centre's safe), so renewing it means a new identity, made with its CA file."""
        creds, ca_pem, _ca_key_pem = pki.create_centre_credentials(_centre_name(conn))
        self._store_identity(conn, creds, ca_pem, "created")
        self._audit(conn, "signing.identity_created", "record", None,
                    {"fingerprint": pki.fingerprint(creds.cert_pem), "ca_fingerprint": pki.fingerprint(ca_pem),
                     "ca_key": "not kept"})
        return creds

    def _store_identity(self, conn, creds, ca_pem, source: str) -> None:
        """The signer's key and certificate, and a CA certificate (never its key)."""
        now = utc_now_iso()
        conn.execute(update(SC).where(SC.c.active.is_(True)).values(active=False))
        if ca_pem:
            conn.execute(insert(SC).values(
                kind="ca", subject=pki.subject_of(ca_pem), fingerprint=pki.fingerprint(ca_pem), certificate_pem=ca_pem,
                private_key_pem=None, chain_pem=None, source=source, active=True, created_by=self.user_id,
                created_at=now))
        row_id = conn.execute(insert(SC).values(
            kind="signer", subject=pki.subject_of(creds.cert_pem), fingerprint=pki.fingerprint(creds.cert_pem),
            certificate_pem=creds.cert_pem, private_key_pem=None, chain_pem="".join(creds.chain_pems),
            source=source, active=True, created_by=self.user_id, created_at=now)).inserted_primary_key[0]
        # Sealed (SectionLocked, and nothing written, for a user who does not hold the section).
        self.sections.write(conn, SIGNING_SECTION, "signing_credentials", row_id, "private_key_pem", creds.key_pem)


def ca_key_in_record(conn) -> bool:
    """True while a CA private key is still inside the record (records made before it left), in
    its row or moved into the signing section."""
    return bool(_ca_rows_with_key(conn))


def _ca_rows_with_key(conn) -> list:
    """CA rows whose private key is still in the record, newest active first."""
    sealed = select(SV.c.row_id).where(SV.c.tbl == "signing_credentials", SV.c.col == "private_key_pem")
    return conn.execute(select(SC).where(SC.c.kind == "ca", (SC.c.private_key_pem.is_not(None))
                                         | SC.c.id.in_(sealed))
                        .order_by(SC.c.active.desc(), SC.c.id.desc())).all()


def _centre_name(conn) -> str:
    return conn.execute(select(RecordMeta.value).where(RecordMeta.key == "centre_name")).scalar() or ""


def _check_ca_out(ca_out) -> Path:
    if ca_out is None or not str(ca_out).strip():
        raise ValidationError("ca_out", "choose where to save the CA file for the centre's safe.")
    ca_out = Path(ca_out)
    check_destination(ca_out, "ca_out")
    return ca_out


def _identity_info(creds, conn) -> dict:
    cert = creds.cert
    return {"ca_key_in_record": ca_key_in_record(conn),"subject": cert.subject.rfc4514_string(), "fingerprint": pki.fingerprint(creds.cert_pem),
            "ca_subject": pki.subject_of(creds.root_pem), "ca_fingerprint": pki.fingerprint(creds.root_pem),
            "centre": pki.organisation_of(creds.root_pem),
            "not_before": cert.not_valid_before_utc.isoformat(), "not_after": cert.not_valid_after_utc.isoformat()}


def _credentials(conn, keys=None):
    """The active signer's credentials; with keys (the session's section keys) its private key
    too, from the signing section (or, before that section took it over, from the row)."""
    row = conn.execute(select(SC).where(SC.c.kind == "signer", SC.c.active.is_(True))
                       .order_by(SC.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    chain = tuple(c for c in pki.split_pem(row.chain_pem or ""))
    key = ""
    if keys is not None:
        key = _private_key(conn, keys, row)
    return pki.Credentials(key, row.certificate_pem, chain)


def held_credentials(session, conn):
    """The active signing credentials with their private key, for whatever else the centre signs
    (an audit seal): None when there is no identity yet or when this session's user does not hold
    the signing_keys section (say a medical examiner whose logout makes the automatic backup)."""
    if not session.sections.holds(SIGNING_SECTION):
        return None
    return _credentials(conn, session.sections)


def _private_key(conn, keys, row) -> str:
    sealed = keys.read(conn, SIGNING_SECTION, "signing_credentials", row.id, "private_key_pem")
    return sealed if sealed is not None else (row.private_key_pem or "")


def issue_not_in_chain(conn, row) -> str | None:
    """None if the audit trail confirms that the register's row was issued: it still holds the
    head the document quoted (that hash at that id) and, following from it entry by entry, the
    entry that issued it (document.issued, or bundle.exported for a bundle and its parts); else
    why not. The quoted hash vouches for every entry before it."""
    A = audit.T
    quoted = (row.audit_head_id, row.audit_head_hash if row.audit_head_id is not None else audit.GENESIS)
    if row.audit_head_id is not None and conn.execute(
            select(A.c.entry_hash).where(A.c.id == row.audit_head_id)).scalar() != row.audit_head_hash:
        return f"it no longer holds entry {row.audit_head_id}, the head the document quoted"
    issued_as = row.document_id
    if row.case_id is not None and row.doc_type != "bundle":    # a bundle's parts are registered with it
        bundle = conn.execute(select(DOC.c.document_id).where(
            DOC.c.case_id == row.case_id, DOC.c.issued_at == row.issued_at, DOC.c.doc_type == "bundle")).scalar()
        issued_as = bundle or issued_as
    # A case's documents are issued in the case's audit entries, minutes in their meeting's.
    kind, subject = ("case", row.case_id) if row.case_id is not None else ("meeting", row.meeting_id)
    issue = next((i for i, d in conn.execute(select(A.c.id, A.c.detail).where(
        A.c.action.in_(("document.issued", "bundle.exported")), A.c.subject_kind == kind,
        A.c.subject_id == subject, A.c.id > (row.audit_head_id or 0)).order_by(A.c.id))
        if json.loads(d or "{}").get("document") == issued_as), None)
    if issue is None:
        return f"it holds no entry issuing document {issued_as}"
    broken = audit.verify_segment(conn, quoted, issue)
    if broken is not None:
        return f"it is broken at entry {broken}, between the head the document quoted and its issue"
    return None


def _entry(conn, row) -> dict:
    from barnahus_app.cases.tables import Case
    out = dict(row._mapping)
    # Minutes belong to a meeting (meeting_id), not to a case: no case reference, but the
    # meeting's start and zone, by which the minutes' page header names it with its number.
    out["case_reference"] = (conn.execute(select(Case.reference).where(Case.id == row.case_id)).scalar()
                             if row.case_id is not None else None)
    if row.meeting_id is not None:
        m = conn.execute(select(MT.c.starts_at_utc, MT.c.time_zone).where(MT.c.id == row.meeting_id)).first()
        out["meeting_starts_at_utc"], out["meeting_time_zone"] = (m.starts_at_utc, m.time_zone) if m else (None, None)
    out["disclosures"] = [dict(r._mapping) for r in conn.execute(
        select(DIS).where(DIS.c.document_id == row.id).order_by(DIS.c.id))]
    return out


def _render(doc, fmt: str, creds, progress, cancel) -> bytes:
    if fmt == "pdf":
        from barnahus_app.documents.pdf import render_pdf
        from barnahus_app.documents.pdf_sign import sign_pdf
        pdf = render_pdf(doc, progress, cancel)
        return sign_pdf(pdf, creds, reason=f"Issued by the centre as document {doc.document_id}",
                        location=doc.subtitle.split(" — ")[0] or "Barnahus")
    from barnahus_app.documents.docx import render_docx
    return render_docx(doc, progress, cancel)
