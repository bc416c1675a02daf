"""audit trail refuses REPLACE; indexes for the case list and case view

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

INSERT OR REPLACE on an existing audit id deletes the old row without firing the DELETE trigger
(recursive_triggers is off), so a BEFORE INSERT trigger refuses any id already present.
The indexes come from the 100k-case benchmark: get_case scanned no_contact and
information_given; sorting the case list by status sorted every row.
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log "
               "WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) "
               "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END")
    with op.batch_alter_table("no_contact") as batch_op:
        batch_op.create_index("ix_no_contact_b", ["person_b"], unique=False)
    with op.batch_alter_table("information_given") as batch_op:
        batch_op.create_index("ix_information_case", ["case_id", "told_at"], unique=False)
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_index("ix_case_status_received")
        batch_op.create_index("ix_case_status_received", ["status", "referral_received_at", "id"], unique=False)


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
