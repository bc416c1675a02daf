"""MDT meetings, case reviews, team actions and referrals between agencies

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

Meetings with their attendees (users or outside contacts), agenda items (a case each, with the
child's views and whether the outcome was explained), agencies' updates, decisions, team actions
minutes addenda and conflict override reasons (append-only); each case's place in the review cycle; outside contacts'
confidentiality undertakings; referrals in and out with their history (append-only). The
disclosure register also records what a referral shared: document_id becomes optional beside a
referral_id, the items shared and the legal basis; the document register also lists a meeting's
minutes (meeting_id instead of a case). Both tables are rebuilt for that, so their append-only
triggers are made again after them.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

APPEND_ONLY = ("meeting_overrides", "minutes_addenda", "referral_events", "issued_documents", "disclosures")


def upgrade():
    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('starts_at_utc', sa.String(length=40), nullable=False),
    sa.Column('ends_at_utc', sa.String(length=40), nullable=False),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('remote', sa.Boolean(), nullable=False),
    sa.Column('chair_id', sa.Integer(), nullable=False),
    sa.Column('minute_taker_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('approved_by', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.String(length=40), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("status IN ('planned','held','approved','cancelled')", name='ck_meeting_status'),
    sa.CheckConstraint('ends_at_utc > starts_at_utc', name='ck_meeting_window'),
    sa.CheckConstraint('room_id IS NOT NULL OR remote', name='ck_meeting_place'),
    sa.ForeignKeyConstraint(['approved_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['chair_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['minute_taker_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_starts', ['starts_at_utc', 'ends_at_utc'], unique=False)
        batch_op.create_index('ix_meeting_room', ['room_id', 'starts_at_utc'], unique=False)

    op.create_table('meeting_attendees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('discipline', sa.String(length=64), nullable=False),
    sa.Column('attendance', sa.String(length=16), nullable=False),
    sa.Column('remote', sa.Boolean(), nullable=False),
    sa.CheckConstraint('(user_id IS NULL) != (contact_id IS NULL)', name='ck_attendee_one'),
    sa.CheckConstraint("attendance IN ('expected','present','absent','excused')", name='ck_attendance'),
    sa.ForeignKeyConstraint(['contact_id'], ['staff_contacts.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id', 'user_id', 'contact_id', name='uq_meeting_attendee')
    )
    with op.batch_alter_table('meeting_attendees', schema=None) as batch_op:
        batch_op.create_index('ix_attendee_user', ['user_id', 'meeting_id'], unique=False)
        batch_op.create_index('ix_attendee_contact', ['contact_id', 'meeting_id'], unique=False)

    op.create_table('contact_undertakings',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('signed_on', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['staff_contacts.id'], ),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('contact_id')
    )

    op.create_table('meeting_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('discussed', sa.Boolean(), nullable=False),
    sa.Column('child_heard', sa.String(length=32), nullable=True),
    sa.Column('child_views', sa.Text(), nullable=True),
    sa.Column('child_not_heard_reason', sa.Text(), nullable=True),
    sa.Column('outcome_explained_on', sa.String(length=10), nullable=True),
    sa.Column('outcome_explained_to', sa.String(length=16), nullable=True),
    sa.Column('outcome_explained_by', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("reason IN ('new','review_due','urgent','added')", name='ck_item_reason'),
    sa.CheckConstraint("child_heard IS NULL OR child_heard IN ('directly','trusted_person','not_heard')", name='ck_item_child_heard'),
    sa.CheckConstraint("outcome_explained_to IS NULL OR outcome_explained_to IN ('child','carer','both')", name='ck_item_explained_to'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.ForeignKeyConstraint(['outcome_explained_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id', 'case_id', name='uq_meeting_case')
    )
    with op.batch_alter_table('meeting_items', schema=None) as batch_op:
        batch_op.create_index('ix_item_case', ['case_id', 'meeting_id'], unique=False)

    op.create_table('meeting_item_updates',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('agency', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=64), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint("agency IN ('police','prosecution','social_services','health','therapy')", name='ck_item_update_agency'),
    sa.ForeignKeyConstraint(['item_id'], ['meeting_items.id'], ),
    sa.PrimaryKeyConstraint('item_id', 'agency')
    )

    op.create_table('meeting_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['meeting_items.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting_decisions', schema=None) as batch_op:
        batch_op.create_index('ix_decision_item', ['item_id', 'position'], unique=False)

    op.create_table('team_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner_user_id', sa.Integer(), nullable=True),
    sa.Column('owner_contact_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('done_on', sa.String(length=10), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('followup_rule_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint('(owner_user_id IS NULL) != (owner_contact_id IS NULL)', name='ck_action_owner'),
    sa.CheckConstraint("status IN ('open','done','cancelled')", name='ck_action_status'),
    sa.CheckConstraint("status != 'done' OR done_on IS NOT NULL", name='ck_action_done_on'),
    sa.CheckConstraint("status != 'cancelled' OR length(trim(coalesce(cancel_reason, ''))) > 0", name='ck_action_cancel_reason'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['followup_rule_id'], ['followup_rules.id'], ),
    sa.ForeignKeyConstraint(['item_id'], ['meeting_items.id'], ),
    sa.ForeignKeyConstraint(['owner_contact_id'], ['staff_contacts.id'], ),
    sa.ForeignKeyConstraint(['owner_user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('team_actions', schema=None) as batch_op:
        batch_op.create_index('ix_action_case', ['case_id', 'status'], unique=False)
        batch_op.create_index('ix_action_open_due', ['status', 'due_on'], unique=False)
        batch_op.create_index('ix_action_item', ['item_id'], unique=False)

    op.create_table('meeting_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('conflict', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('at_utc', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting_overrides', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_override', ['meeting_id'], unique=False)

    op.create_table('minutes_addenda',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('at_utc', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('minutes_addenda', schema=None) as batch_op:
        batch_op.create_index('ix_addendum_meeting', ['meeting_id', 'id'], unique=False)

    op.create_table('case_reviews',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('interval_days', sa.Integer(), nullable=True),
    sa.Column('last_reviewed_on', sa.String(length=10), nullable=True),
    sa.Column('next_review_on', sa.String(length=10), nullable=True),
    sa.CheckConstraint('interval_days IS NULL OR interval_days BETWEEN 7 AND 730', name='ck_review_interval'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.PrimaryKeyConstraint('case_id')
    )
    with op.batch_alter_table('case_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_case_review_next', ['next_review_on', 'case_id'], unique=False)

    op.create_table('referrals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('child_person_id', sa.Integer(), nullable=True),
    sa.Column('direction', sa.String(length=4), nullable=False),
    sa.Column('service', sa.String(length=64), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('risk_level', sa.String(length=16), nullable=True),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('due_on', sa.String(length=10), nullable=True),
    sa.Column('rejection_reason', sa.Text(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('outcome_reason', sa.String(length=64), nullable=True),
    sa.Column('outcome_note', sa.Text(), nullable=True),
    sa.Column('from_action_id', sa.Integer(), nullable=True),
    sa.Column('sent_on', sa.String(length=10), nullable=True),
    sa.Column('closed_on', sa.String(length=10), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("direction IN ('in','out')", name='ck_referral_direction'),
    sa.CheckConstraint("status IN ('draft','sent','accepted','rejected','revoked','engaged','done','lost_to_follow_up')", name='ck_referral_status'),
    sa.CheckConstraint("risk_level IS NULL OR risk_level IN ('high','medium','low','no_action')", name='ck_referral_risk'),
    sa.CheckConstraint("outcome IS NULL OR outcome IN ('successful','not_successful')", name='ck_referral_outcome'),
    sa.CheckConstraint("status != 'done' OR outcome IS NOT NULL", name='ck_referral_done_outcome'),
    sa.CheckConstraint("outcome IS NOT 'not_successful' OR outcome_reason IS NOT NULL", name='ck_referral_outcome_reason'),
    sa.CheckConstraint("status != 'rejected' OR length(trim(coalesce(rejection_reason, ''))) > 0", name='ck_referral_rejection_reason'),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['child_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['contact_id'], ['staff_contacts.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['from_action_id'], ['team_actions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index('ix_referral_case', ['case_id'], unique=False)
        batch_op.create_index('ix_referral_status_due', ['status', 'due_on'], unique=False)

    op.create_table('referral_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=24), nullable=True),
    sa.Column('to_status', sa.String(length=24), nullable=False),
    sa.Column('on_date', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('at_utc', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['referral_id'], ['referrals.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referral_events', schema=None) as batch_op:
        batch_op.create_index('ix_referral_event', ['referral_id', 'id'], unique=False)

    # The registers learn minutes and referrals: an issued document may be a meeting's minutes
    # (meeting_id, no case), and a disclosure what a referral shared (referral_id, no document).
    # SQLite cannot make a column optional or change a CHECK in place, so both tables are made
    # anew with every constraint written out, their rows kept in plain copies meanwhile (the
    # child table goes first: foreign keys are enforced), and their indexes and triggers made again.
    op.execute("CREATE TABLE keep_0009_documents AS SELECT * FROM issued_documents")
    op.execute("CREATE TABLE keep_0009_disclosures AS SELECT * FROM disclosures")
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
    sa.CheckConstraint("doc_type IN ('case_summary','bundle','minutes')", name='ck_document_type'),
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
                 "file_name, audit_head_id, audit_head_hash, issued_by, issued_at")
    disclosures = ("id, document_id, recipient, recipient_agency_id, undertaking, method, disclosed_at, "
                   "recorded_by, recorded_at")
    op.execute(f"INSERT INTO issued_documents ({documents}) SELECT {documents} FROM keep_0009_documents")
    op.execute(f"INSERT INTO disclosures ({disclosures}) SELECT {disclosures} FROM keep_0009_disclosures")
    op.execute("DROP TABLE keep_0009_disclosures")
    op.execute("DROP TABLE keep_0009_documents")

    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table.replace('_', ' ')} are append-only'); END")


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
