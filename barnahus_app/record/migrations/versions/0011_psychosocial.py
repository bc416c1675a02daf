"""Psychosocial assessment and treatment: administrations, episodes, sessions, crisis contacts,
recovery plan goals, re-screening rules

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

Administrations of screening instruments (the instrument's code and version, the scores, bands
and screen value the core computed, and what was done about a screen at or above the cut-off),
treatment episodes of a child or a non-offending family member with their sessions, crisis
contacts, the recovery plan's goals (their review dates are follow-up reminders) and the
re-screening rules (a follow-up rule with no end date each). Item answers, session notes and
crisis contact notes are values of the sealed section "therapy" (section_values of 0007): no
column holds them, and no key exists while migrating; the section is made at the first
therapist's unlock.
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('crisis_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('occurred_at_utc', sa.String(length=40), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('crisis_contacts', schema=None) as batch_op:
        batch_op.create_index('ix_crisis_case', ['case_id', 'occurred_at_utc'], unique=False)

    op.create_table('treatment_episodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('model', sa.String(length=32), nullable=False),
    sa.Column('provider_agency_id', sa.Integer(), nullable=True),
    sa.Column('therapist_id', sa.Integer(), nullable=True),
    sa.Column('started_on', sa.String(length=10), nullable=False),
    sa.Column('ended_on', sa.String(length=10), nullable=True),
    sa.Column('end_reason', sa.String(length=32), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint('(ended_on IS NULL) = (end_reason IS NULL)', name='ck_episode_end'),
    sa.CheckConstraint('ended_on IS NULL OR ended_on >= started_on', name='ck_episode_order'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['provider_agency_id'], ['agencies.id'], ),
    sa.ForeignKeyConstraint(['therapist_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('treatment_episodes', schema=None) as batch_op:
        batch_op.create_index('ix_episode_case', ['case_id', 'started_on'], unique=False)
        batch_op.create_index('ix_episode_person', ['person_id'], unique=False)

    op.create_table('therapy_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('carer_took_part', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("status IN ('attended','missed','cancelled')", name='ck_session_status'),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['episode_id'], ['treatment_episodes.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('therapy_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_session_episode', ['episode_id', 'held_on'], unique=False)

    op.create_table('psychosocial_rescreens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('child_person_id', sa.Integer(), nullable=False),
    sa.Column('instrument_code', sa.String(length=64), nullable=False),
    sa.Column('followup_rule_id', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['child_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['followup_rule_id'], ['followup_rules.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('psychosocial_rescreens', schema=None) as batch_op:
        batch_op.create_index('ix_rescreen_child', ['child_person_id', 'instrument_code'], unique=False)

    op.create_table('recovery_goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('domain', sa.String(length=32), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('helper_user_id', sa.Integer(), nullable=True),
    sa.Column('helper_contact_id', sa.Integer(), nullable=True),
    sa.Column('helper_text', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('review_on', sa.String(length=10), nullable=True),
    sa.Column('followup_rule_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("status IN ('open','achieved','dropped')", name='ck_goal_status'),
    sa.CheckConstraint('(helper_user_id IS NOT NULL) + (helper_contact_id IS NOT NULL) + (helper_text IS NOT NULL) <= 1', name='ck_goal_one_helper'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['followup_rule_id'], ['followup_rules.id'], ),
    sa.ForeignKeyConstraint(['helper_contact_id'], ['staff_contacts.id'], ),
    sa.ForeignKeyConstraint(['helper_user_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('recovery_goals', schema=None) as batch_op:
        batch_op.create_index('ix_goal_case', ['case_id', 'person_id'], unique=False)

    op.create_table('psychosocial_administrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('child_person_id', sa.Integer(), nullable=False),
    sa.Column('instrument_code', sa.String(length=64), nullable=False),
    sa.Column('instrument_version', sa.Integer(), nullable=False),
    sa.Column('time_point', sa.String(length=24), nullable=False),
    sa.Column('respondent', sa.String(length=16), nullable=False),
    sa.Column('administered_by', sa.Integer(), nullable=False),
    sa.Column('administered_on', sa.String(length=10), nullable=False),
    sa.Column('scores', sa.Text(), nullable=False),
    sa.Column('bands', sa.Text(), nullable=False),
    sa.Column('screen_value', sa.Float(), nullable=True),
    sa.Column('at_or_above_cutoff', sa.Boolean(), nullable=False),
    sa.Column('resolution', sa.String(length=32), nullable=True),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('resolution_reason', sa.Text(), nullable=True),
    sa.Column('resolved_by', sa.Integer(), nullable=True),
    sa.Column('resolved_at', sa.String(length=40), nullable=True),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("resolution IS NOT 'not_done' OR length(trim(coalesce(resolution_reason, ''))) > 0", name='ck_admin_not_done_reason'),
    sa.CheckConstraint("resolution IS NOT 'referral' OR referral_id IS NOT NULL", name='ck_admin_referral'),
    sa.CheckConstraint("resolution IS NULL OR resolution IN ('diagnostic_assessment','referral','not_done')", name='ck_admin_resolution'),
    sa.CheckConstraint("respondent IN ('child','carer')", name='ck_admin_respondent'),
    sa.CheckConstraint("time_point IN ('baseline','during_treatment','end_of_treatment','follow_up')", name='ck_admin_time_point'),
    sa.ForeignKeyConstraint(['administered_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['child_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['referral_id'], ['referrals.id'], ),
    sa.ForeignKeyConstraint(['resolved_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('psychosocial_administrations', schema=None) as batch_op:
        batch_op.create_index('ix_admin_case', ['case_id', 'administered_on'], unique=False)
        batch_op.create_index('ix_admin_child', ['child_person_id', 'instrument_code', 'administered_on'], unique=False)



def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
