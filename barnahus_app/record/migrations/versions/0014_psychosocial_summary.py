"""The document register learns the psychosocial summary

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

A therapist issues a case's psychosocial summary (documents/psychosocial.py): the register's
doc_type CHECK allows 'psychosocial_summary'. SQLite cannot change a CHECK in place, so, as in
0009, issued_documents and the disclosures that point at it are made anew with every constraint
written out, their rows kept in plain copies meanwhile (the child table goes first: foreign keys
are enforced), and their indexes and append-only triggers made again.
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

APPEND_ONLY = ("issued_documents", "disclosures")


def upgrade():
    op.execute("CREATE TABLE keep_0014_documents AS SELECT * FROM issued_documents")
    op.execute("CREATE TABLE keep_0014_disclosures AS SELECT * FROM disclosures")
    op.execute("DROP TABLE disclosures")
    op.execute("DROP TABLE issued_documents")
    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=40), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('doc_type', sa.String(length=32), nullable=False),
    sa.Column('format', sa.String(length=8), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('pseudonymised', sa.Boolean(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=400), nullable=False),
    sa.Column('audit_head_id', sa.Integer(), nullable=True),
    sa.Column('audit_head_hash', sa.String(length=64), nullable=False),
    sa.Column('issued_by', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.String(length=40), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("doc_type IN ('case_summary','bundle','minutes','psychosocial_summary')",
                       name='ck_document_type'),
    sa.CheckConstraint("format IN ('pdf','docx','bag','zip')", name='ck_document_format'),
    sa.CheckConstraint("(case_id IS NULL) != (meeting_id IS NULL)", name='ck_document_subject'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['issued_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id')
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index('ix_document_case', ['case_id', 'doc_type', 'version'], unique=False)
        batch_op.create_index('ix_document_sha256', ['sha256'], unique=False)
        batch_op.create_index('ix_document_meeting', ['meeting_id', 'version'], unique=False)
    op.create_table('disclosures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('recipient_agency_id', sa.Integer(), nullable=True),
    sa.Column('undertaking', sa.Text(), nullable=False),
    sa.Column('method', sa.String(length=100), nullable=True),
    sa.Column('disclosed_at', sa.String(length=40), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.String(length=40), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('items', sa.Text(), nullable=True),
    sa.Column('legal_basis', sa.String(length=64), nullable=True),
    sa.CheckConstraint('document_id IS NOT NULL OR referral_id IS NOT NULL', name='ck_disclosure_subject'),
    sa.ForeignKeyConstraint(['document_id'], ['issued_documents.id'], ),
    sa.ForeignKeyConstraint(['recipient_agency_id'], ['agencies.id'], ),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['referral_id'], ['referrals.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.create_index('ix_disclosure_document', ['document_id'], unique=False)
        batch_op.create_index('ix_disclosure_referral', ['referral_id'], unique=False)
    documents = ("id, document_id, case_id, doc_type, format, version, pseudonymised, sha256, size_bytes, "
                 "file_name, audit_head_id, audit_head_hash, issued_by, issued_at, meeting_id")
    disclosures = ("id, document_id, recipient, recipient_agency_id, undertaking, method, disclosed_at, "
                   "recorded_by, recorded_at, referral_id, items, legal_basis")
    op.execute(f"INSERT INTO issued_documents ({documents}) SELECT {documents} FROM keep_0014_documents")
    op.execute(f"INSERT INTO disclosures ({disclosures}) SELECT {disclosures} FROM keep_0014_disclosures")
    op.execute("DROP TABLE keep_0014_disclosures")
    op.execute("DROP TABLE keep_0014_documents")

    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table.replace('_', ' ')} are append-only'); END")


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
