"""Justice track and compensation: proceedings per alleged offender with their events, charges
and the child's special measures; compensation claims with their steps; when the right to
compensation was explained

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

New tables, and an index of followup_rules by subject_kind (the liaison's checkpoints). A proceeding's hearings, its release notification, a
claim's deadline and the rights-explained checkpoints are rows of followup_rules (0004) of the
kinds that table already allows (court_date, action_item, compensation_deadline). A claim's
steps and the explanations of the right to compensation are append-only (triggers).
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

APPEND_ONLY = ("compensation_events", "compensation_rights_explained")


def upgrade():
    op.create_table('compensation_rights_explained',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('child_person_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=24), nullable=False),
    sa.Column('explained_on', sa.String(length=10), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('at_utc', sa.String(length=40), nullable=False),
    sa.CheckConstraint("stage IN ('after_interview','at_verdict','other')", name='ck_rights_stage'),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['child_person_id'], ['persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('compensation_rights_explained', schema=None) as batch_op:
        batch_op.create_index('ix_rights_case', ['case_id', 'child_person_id'], unique=False)

    op.create_table('justice_proceedings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('child_person_id', sa.Integer(), nullable=False),
    sa.Column('offender_person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('offence_id', sa.Integer(), nullable=True),
    sa.Column('police_reference', sa.String(length=100), nullable=True),
    sa.Column('court_reference', sa.String(length=100), nullable=True),
    sa.Column('participation', sa.String(length=32), nullable=True),
    sa.Column('support_person_id', sa.Integer(), nullable=True),
    sa.Column('support_person_name', sa.String(length=200), nullable=True),
    sa.Column('legal_representative', sa.String(length=200), nullable=True),
    sa.Column('child_view', sa.String(length=32), nullable=True),
    sa.Column('child_view_words', sa.Text(), nullable=True),
    sa.Column('child_view_on', sa.String(length=10), nullable=True),
    sa.Column('release_on', sa.String(length=10), nullable=True),
    sa.Column('release_rule_id', sa.Integer(), nullable=True),
    sa.Column('release_informed_on', sa.String(length=10), nullable=True),
    sa.Column('release_informed_by', sa.Integer(), nullable=True),
    sa.Column('closed_on', sa.String(length=10), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("(status = 'closed') = (closed_on IS NOT NULL)", name='ck_proceeding_closed'),
    sa.CheckConstraint("kind IN ('criminal','child_protection','civil')", name='ck_proceeding_kind'),
    sa.CheckConstraint("participation IS NULL OR participation IN ('recorded_interview_used','live_link','in_court','not_at_all')", name='ck_proceeding_participation'),
    sa.CheckConstraint("status IN ('open','reported','investigating','charged','declined','no_further_action','indicted','decided','sentenced','appealed','closed')", name='ck_proceeding_status'),
    sa.CheckConstraint('offender_person_id != child_person_id', name='ck_proceeding_not_the_child'),
    sa.CheckConstraint('release_informed_on IS NULL OR release_on IS NOT NULL', name='ck_proceeding_informed'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['child_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['offence_id'], ['alleged_offences.id'], ),
    sa.ForeignKeyConstraint(['offender_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['release_informed_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['release_rule_id'], ['followup_rules.id'], ),
    sa.ForeignKeyConstraint(['support_person_id'], ['persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('justice_proceedings', schema=None) as batch_op:
        batch_op.create_index('ix_proceeding_case', ['case_id'], unique=False)
        batch_op.create_index('ix_proceeding_release', ['release_on'], unique=False)
        batch_op.create_index('ix_proceeding_status', ['status'], unique=False)

    op.create_table('compensation_claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('child_person_id', sa.Integer(), nullable=False),
    sa.Column('route', sa.String(length=24), nullable=False),
    sa.Column('proceeding_id', sa.Integer(), nullable=True),
    sa.Column('claimant', sa.String(length=32), nullable=False),
    sa.Column('claimant_person_id', sa.Integer(), nullable=True),
    sa.Column('representative', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('amount_claimed', sa.Integer(), nullable=True),
    sa.Column('amount_awarded', sa.Integer(), nullable=True),
    sa.Column('amount_paid', sa.Integer(), nullable=False),
    sa.Column('filed_on', sa.String(length=10), nullable=True),
    sa.Column('decided_on', sa.String(length=10), nullable=True),
    sa.Column('paid_on', sa.String(length=10), nullable=True),
    sa.Column('deadline_on', sa.String(length=10), nullable=True),
    sa.Column('deadline_rule_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("route IN ('criminal_case','civil_claim','state_fund')", name='ck_claim_route'),
    sa.CheckConstraint("status IN ('rights_not_explained','explained','filed','pending','awarded','partly_awarded','rejected','paid','partly_paid','unenforceable','appealed')", name='ck_claim_status'),
    sa.CheckConstraint('amount_paid <= coalesce(amount_awarded, 0)', name='ck_claim_paid_within_award'),
    sa.CheckConstraint('coalesce(amount_claimed, 0) >= 0 AND coalesce(amount_awarded, 0) >= 0 AND amount_paid >= 0', name='ck_claim_amounts'),
    sa.CheckConstraint('length(currency) = 3 AND upper(currency) = currency', name='ck_claim_currency'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['child_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['claimant_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['deadline_rule_id'], ['followup_rules.id'], ),
    sa.ForeignKeyConstraint(['proceeding_id'], ['justice_proceedings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('compensation_claims', schema=None) as batch_op:
        batch_op.create_index('ix_claim_case', ['case_id'], unique=False)
        batch_op.create_index('ix_claim_deadline', ['deadline_on'], unique=False)

    op.create_table('justice_charges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proceeding_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('offence_id', sa.Integer(), nullable=True),
    sa.Column('verdict', sa.String(length=16), nullable=True),
    sa.Column('verdict_on', sa.String(length=10), nullable=True),
    sa.CheckConstraint("verdict IS NULL OR verdict IN ('convicted','acquitted','dismissed','plea')", name='ck_charge_verdict'),
    sa.CheckConstraint('(verdict IS NULL) = (verdict_on IS NULL)', name='ck_charge_verdict_on'),
    sa.ForeignKeyConstraint(['offence_id'], ['alleged_offences.id'], ),
    sa.ForeignKeyConstraint(['proceeding_id'], ['justice_proceedings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('justice_charges', schema=None) as batch_op:
        batch_op.create_index('ix_charge_proceeding', ['proceeding_id'], unique=False)

    op.create_table('justice_special_measures',
    sa.Column('proceeding_id', sa.Integer(), nullable=False),
    sa.Column('measure', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['proceeding_id'], ['justice_proceedings.id'], ),
    sa.PrimaryKeyConstraint('proceeding_id', 'measure')
    )
    op.create_table('compensation_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('on_date', sa.String(length=10), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=True),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('at_utc', sa.String(length=40), nullable=False),
    sa.CheckConstraint("status IN ('rights_not_explained','explained','filed','pending','awarded','partly_awarded','rejected','paid','partly_paid','unenforceable','appealed')", name='ck_claim_event_status'),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['claim_id'], ['compensation_claims.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('compensation_events', schema=None) as batch_op:
        batch_op.create_index('ix_claim_event_claim', ['claim_id'], unique=False)

    op.create_table('justice_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proceeding_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('on_date', sa.String(length=10), nullable=False),
    sa.Column('at_utc', sa.String(length=40), nullable=True),
    sa.Column('time_zone', sa.String(length=64), nullable=True),
    sa.Column('decision', sa.String(length=24), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('charge_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=24), nullable=True),
    sa.Column('followup_rule_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("decision IS NOT 'declined' OR length(trim(coalesce(reason, ''))) > 0", name='ck_justice_event_declined_reason'),
    sa.CheckConstraint("kind != 'charge_decision' OR decision IN ('charged','declined','no_further_action')", name='ck_justice_event_decision'),
    sa.CheckConstraint("kind != 'verdict' OR (charge_id IS NOT NULL AND outcome IN ('convicted','acquitted','dismissed','plea'))", name='ck_justice_event_verdict'),
    sa.CheckConstraint("kind IN ('reported_to_police','investigation_opened','charge_decision','indictment','hearing','verdict','sentence','appeal','final_disposition')", name='ck_justice_event_kind'),
    sa.ForeignKeyConstraint(['charge_id'], ['justice_charges.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['followup_rule_id'], ['followup_rules.id'], ),
    sa.ForeignKeyConstraint(['proceeding_id'], ['justice_proceedings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('justice_events', schema=None) as batch_op:
        batch_op.create_index('ix_justice_event_kind_date', ['kind', 'on_date'], unique=False)
        batch_op.create_index('ix_justice_event_proceeding', ['proceeding_id', 'on_date'], unique=False)

    with op.batch_alter_table('followup_rules', schema=None) as batch_op:
        batch_op.create_index('ix_followup_subject', ['subject_kind', 'next_due'], unique=False)

    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table.replace('_', ' ')} are append-only'); END")


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
