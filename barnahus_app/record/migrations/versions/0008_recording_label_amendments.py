"""interviews: recording label amendments, and held interviews found by when they were held

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

(helper: interviews) A recording's label is corrected by an amendment: append-only rows with the
label before and after, who, when and why; recordings.label changes only together with a new
amendment (a trigger compares it with the newest one), so the original label and every
correction stay readable while the hash and size stay as registered. An index on the actual
times lets the calendar find a held interview on the day it was held.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('recording_label_amendments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recording_id', sa.Integer(), nullable=False),
    sa.Column('old_label', sa.String(length=200), nullable=False),
    sa.Column('new_label', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('at_utc', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['recording_id'], ['recordings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('recording_label_amendments', schema=None) as batch_op:
        batch_op.create_index('ix_label_amendment_recording', ['recording_id', 'id'], unique=False)
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.create_index('ix_interview_actual', ['actual_start_utc', 'actual_end_utc'], unique=False)
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER recording_label_amendments_no_{verb.lower()} BEFORE {verb} "
                   "ON recording_label_amendments "
                   "BEGIN SELECT RAISE(ABORT, 'recording label amendments are append-only'); END")
    op.execute("CREATE TRIGGER recordings_label_by_amendment BEFORE UPDATE OF label ON recordings "
               "WHEN NEW.label IS NOT OLD.label AND NEW.label IS NOT (SELECT new_label FROM "
               "recording_label_amendments WHERE recording_id = NEW.id ORDER BY id DESC LIMIT 1) "
               "BEGIN SELECT RAISE(ABORT, 'a recording label is corrected only by an amendment'); END")


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
