"""follow-up: the MDT meeting that decided a full recovery is stored with it

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06

Until 0012 the meeting was named only in the audit entry of the recording
(followup.full_recovery_recorded, detail {"recovery": id, "meeting": id}). The new column is
filled from those entries, so no decision loses its meeting in the upgrade.
"""
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    # SQLite adds a column with its reference in one statement (Alembic's add_column would try
    # to ALTER the constraint in separately, which SQLite cannot do).
    op.execute("ALTER TABLE full_recoveries ADD COLUMN meeting_id INTEGER REFERENCES meetings (id)")
    op.execute("UPDATE full_recoveries SET meeting_id = (SELECT json_extract(a.detail, '$.meeting') FROM audit_log a "
               "WHERE a.action = 'followup.full_recovery_recorded' AND a.subject_kind = 'person' "
               "AND a.subject_id = full_recoveries.person_id "
               "AND json_extract(a.detail, '$.recovery') = full_recoveries.id "
               "ORDER BY a.id DESC LIMIT 1)")


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
