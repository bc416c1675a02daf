"""long-term follow-up: plans, reminder events, full recovery, alleged offences

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Follow-up rules per child (optionally per case) with a derived next_due kept current by the core
(barnahus_app/followup.py), so "every reminder as of a date" is one indexed range scan; the events
that complete, decline (with a reason) or snooze (to a new date) a reminder; full-recovery records;
alleged offences for statutes of limitations. Reminders never expire and nothing is purged.
Records made before this revision have no follow-up yet: the new tables start empty.
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "alleged_offences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("victim_person_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("offence_date", sa.String(length=10), nullable=True),
        sa.Column("jurisdiction", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.ForeignKeyConstraint(["victim_person_id"], ["persons.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("alleged_offences", schema=None) as batch_op:
        batch_op.create_index("ix_offence_case", ["case_id"], unique=False)
        batch_op.create_index("ix_offence_victim", ["victim_person_id"], unique=False)

    op.create_table(
        "full_recoveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("recovered_on", sa.String(length=10), nullable=False),
        sa.Column("basis", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"]),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("full_recoveries", schema=None) as batch_op:
        batch_op.create_index("ix_full_recovery_person", ["person_id"], unique=False)

    op.create_table(
        "followup_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("discipline", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.String(length=10), nullable=True),
        sa.Column("due_at_utc", sa.String(length=40), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("interval_months", sa.Integer(), nullable=True),
        sa.Column("ages", sa.String(length=64), nullable=True),
        sa.Column("until_recovery", sa.Boolean(), nullable=False),
        sa.Column("subject_kind", sa.String(length=32), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("offence_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("next_due", sa.String(length=10), nullable=True),
        sa.Column("pending", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "kind IN ('recurring_review','age_milestone','court_date','action_item',"
            "'compensation_deadline','carer_survey','other','guardian_review','fixity_check',"
            "'statute_warning')", name="ck_followup_kind"),
        sa.CheckConstraint("discipline IN ('coordinator','therapist','medical','interviewer','liaison')",
                           name="ck_followup_discipline"),
        sa.CheckConstraint("interval_months IS NULL OR interval_months BETWEEN 1 AND 120",
                           name="ck_followup_interval"),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"]),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.ForeignKeyConstraint(["offence_id"], ["alleged_offences.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("followup_rules", schema=None) as batch_op:
        # Covering: the Today list reads only these columns, scoping rows without the table.
        batch_op.create_index("ix_followup_next_due", ["next_due", "discipline", "kind", "case_id", "person_id",
                                                       "offence_id", "pending"], unique=False)
        batch_op.create_index("ix_followup_person", ["person_id"], unique=False)
        batch_op.create_index("ix_followup_case", ["case_id"], unique=False)
        batch_op.create_index("ix_followup_offence", ["offence_id"], unique=False)

    op.create_table(
        "followup_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("occurrence", sa.String(length=40), nullable=False),
        sa.Column("on_date", sa.String(length=10), nullable=False),
        sa.Column("new_due", sa.String(length=10), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("by_user", sa.Integer(), nullable=False),
        sa.Column("at_utc", sa.String(length=40), nullable=False),
        sa.CheckConstraint("action IN ('completed','declined','snoozed')", name="ck_followup_event_action"),
        sa.CheckConstraint("action != 'snoozed' OR new_due IS NOT NULL", name="ck_followup_snooze_date"),
        sa.CheckConstraint("action != 'declined' OR length(trim(coalesce(reason, ''))) > 0",
                           name="ck_followup_decline_reason"),
        sa.ForeignKeyConstraint(["rule_id"], ["followup_rules.id"]),
        sa.ForeignKeyConstraint(["by_user"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("followup_events", schema=None) as batch_op:
        batch_op.create_index("ix_followup_event_rule", ["rule_id"], unique=False)

    # What was done about a reminder is history: never changed, never removed.
    op.execute("CREATE TRIGGER followup_events_no_update BEFORE UPDATE ON followup_events "
               "BEGIN SELECT RAISE(ABORT, 'follow-up events are append-only'); END")
    op.execute("CREATE TRIGGER followup_events_no_delete BEFORE DELETE ON followup_events "
               "BEGIN SELECT RAISE(ABORT, 'follow-up events are append-only'); END")


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
