"""justice: whether the child and family wish to be told of the offender's release

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06

Release notification is theirs to ask for (004 para 59: "if they so wish"). A proceeding records
their answer (release_wish: wanted, not_wanted; NULL: not asked yet) and the day they gave it.
Every proceeding of an older record is "not asked yet", so its reminder to inform them stays.
"""
from alembic import op


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    # A column's own CHECK can be added with the column; SQLite cannot add a table constraint.
    op.execute("ALTER TABLE justice_proceedings ADD COLUMN release_wish VARCHAR(16) "
               "CONSTRAINT ck_proceeding_release_wish CHECK (release_wish IS NULL OR "
               "release_wish IN ('wanted','not_wanted'))")
    op.execute("ALTER TABLE justice_proceedings ADD COLUMN release_wish_on VARCHAR(10)")


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
