"""rooms, interviews, recordings and chain of custody; signing credentials, document and
disclosure registers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

Custody events, conflict overrides and both registers are history: triggers refuse UPDATE and
DELETE. A recording's SHA-256 taken at registration can never be changed.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rooms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('signing_credentials',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('certificate_pem', sa.Text(), nullable=False),
    sa.Column('private_key_pem', sa.Text(), nullable=True),
    sa.Column('chain_pem', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("kind IN ('ca','signer')", name='ck_credential_kind'),
    sa.CheckConstraint("source IN ('created','imported')", name='ck_credential_source'),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('interviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('child_person_id', sa.Integer(), nullable=False),
    sa.Column('interviewer_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('starts_at_utc', sa.String(length=40), nullable=False),
    sa.Column('ends_at_utc', sa.String(length=40), nullable=False),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('protocol', sa.String(length=64), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('interpreter_language', sa.String(length=16), nullable=True),
    sa.Column('pre_constituted', sa.Boolean(), nullable=False),
    sa.Column('justification', sa.Text(), nullable=True),
    sa.Column('child_participation', sa.String(length=32), nullable=False),
    sa.Column('actual_start_utc', sa.String(length=40), nullable=True),
    sa.Column('actual_end_utc', sa.String(length=40), nullable=True),
    sa.Column('language_used', sa.String(length=16), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("child_participation IN ('not_yet_asked','chose_to_take_part','chose_not_to')", name='ck_interview_participation'),
    sa.CheckConstraint("status IN ('planned','held','not_held','cancelled')", name='ck_interview_status'),
    sa.CheckConstraint('ends_at_utc > starts_at_utc', name='ck_interview_window'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['child_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['interviewer_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.create_index('ix_interview_case', ['case_id'], unique=False)
        batch_op.create_index('ix_interview_child', ['child_person_id', 'starts_at_utc'], unique=False)
        batch_op.create_index('ix_interview_interviewer', ['interviewer_id', 'starts_at_utc'], unique=False)
        batch_op.create_index('ix_interview_room', ['room_id', 'starts_at_utc'], unique=False)
        batch_op.create_index('ix_interview_starts', ['starts_at_utc', 'ends_at_utc'], unique=False)

    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=40), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
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
    sa.CheckConstraint("doc_type IN ('case_summary','bundle')", name='ck_document_type'),
    sa.CheckConstraint("format IN ('pdf','docx','bag','zip')", name='ck_document_format'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['issued_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id')
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index('ix_document_case', ['case_id', 'doc_type', 'version'], unique=False)
        batch_op.create_index('ix_document_sha256', ['sha256'], unique=False)

    op.create_table('conflict_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('conflict', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('at_utc', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conflict_overrides', schema=None) as batch_op:
        batch_op.create_index('ix_override_interview', ['interview_id'], unique=False)

    op.create_table('disclosures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('recipient_agency_id', sa.Integer(), nullable=True),
    sa.Column('undertaking', sa.Text(), nullable=False),
    sa.Column('method', sa.String(length=100), nullable=True),
    sa.Column('disclosed_at', sa.String(length=40), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['issued_documents.id'], ),
    sa.ForeignKeyConstraint(['recipient_agency_id'], ['agencies.id'], ),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.create_index('ix_disclosure_document', ['document_id'], unique=False)

    op.create_table('interview_breaks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('started_at_utc', sa.String(length=40), nullable=False),
    sa.Column('ended_at_utc', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interview_breaks', schema=None) as batch_op:
        batch_op.create_index('ix_break_interview', ['interview_id'], unique=False)

    op.create_table('interview_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('staff_contact_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('present', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['staff_contact_id'], ['staff_contacts.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interview_participants', schema=None) as batch_op:
        batch_op.create_index('ix_participant_interview', ['interview_id'], unique=False)
        batch_op.create_index('ix_participant_person', ['person_id'], unique=False)
        batch_op.create_index('ix_participant_user', ['user_id'], unique=False)

    op.create_table('recordings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('copy_kind', sa.String(length=16), nullable=False),
    sa.Column('master_id', sa.Integer(), nullable=True),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('file_name', sa.String(length=400), nullable=False),
    sa.Column('storage_location', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('container', sa.String(length=32), nullable=True),
    sa.Column('media_format', sa.String(length=200), nullable=True),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.Column('capture_device', sa.String(length=200), nullable=True),
    sa.Column('acquired_at_utc', sa.String(length=40), nullable=False),
    sa.Column('fixity_status', sa.String(length=16), nullable=False),
    sa.Column('fixity_checked_at', sa.String(length=40), nullable=True),
    sa.Column('registered_by', sa.Integer(), nullable=False),
    sa.Column('registered_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("copy_kind IN ('master','working')", name='ck_recording_copy_kind'),
    sa.CheckConstraint("fixity_status IN ('unchecked','ok','mismatch','missing','destroyed')", name='ck_recording_fixity'),
    sa.CheckConstraint('length(sha256) = 64', name='ck_recording_sha256'),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], ),
    sa.ForeignKeyConstraint(['master_id'], ['recordings.id'], ),
    sa.ForeignKeyConstraint(['registered_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('recordings', schema=None) as batch_op:
        batch_op.create_index('ix_recording_interview', ['interview_id'], unique=False)
        batch_op.create_index('ix_recording_sha256', ['sha256'], unique=False)

    op.create_table('custody_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recording_id', sa.Integer(), nullable=False),
    sa.Column('event', sa.String(length=32), nullable=False),
    sa.Column('occurred_at_utc', sa.String(length=40), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('counterpart', sa.String(length=200), nullable=True),
    sa.Column('receipt', sa.Text(), nullable=True),
    sa.Column('order_reference', sa.Text(), nullable=True),
    sa.Column('copy_id', sa.Integer(), nullable=True),
    sa.Column('computed_sha256', sa.String(length=64), nullable=True),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("event != 'destroyed' OR length(trim(coalesce(order_reference, ''))) > 0", name='ck_custody_destroy_order'),
    sa.CheckConstraint("event IN ('acquired','copied_to','handed_to_police','handed_to_prosecution','handed_to_court','viewed','returned','destroyed','fixity_ok','fixity_mismatch','fixity_missing')", name='ck_custody_event'),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['copy_id'], ['recordings.id'], ),
    sa.ForeignKeyConstraint(['recording_id'], ['recordings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('custody_events', schema=None) as batch_op:
        batch_op.create_index('ix_custody_recording', ['recording_id', 'occurred_at_utc'], unique=False)


    for table in ("custody_events", "conflict_overrides", "issued_documents", "disclosures"):
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table.replace('_', ' ')} are append-only'); END")
    op.execute("CREATE TRIGGER recordings_keep_hash BEFORE UPDATE OF sha256, size_bytes ON recordings "
               "WHEN NEW.sha256 IS NOT OLD.sha256 OR NEW.size_bytes IS NOT OLD.size_bytes "
               "BEGIN SELECT RAISE(ABORT, 'a recording keeps the hash taken at registration'); END")


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
