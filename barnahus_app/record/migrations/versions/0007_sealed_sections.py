"""sealed sections: section keys, seal requests and sealed values

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

Content of a sealed section is encrypted inside the record with the section's own key, sealed to
the users whose roles grant it (record/sections.py). No key exists while migrating (a migration
holds nobody's private key), so the interviewer's notes already in `interviews.notes` stay
plaintext here; the first unlock after the upgrade by a user whose roles grant the section
creates its key and moves them into `section_values` in the same transaction (and empties the
column). Until then they are as readable as before the upgrade.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('section_keys',
    sa.Column('section', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('sealed', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('section', 'username')
    )
    op.create_table('section_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('requested_by', sa.String(length=64), nullable=True),
    sa.Column('requested_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('section', 'username', 'kind', name='uq_section_request')
    )
    op.create_table('section_values',
    sa.Column('tbl', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('col', sa.String(length=64), nullable=False),
    sa.Column('section', sa.String(length=64), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('nonce', sa.LargeBinary(), nullable=False),
    sa.Column('ct', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('tbl', 'row_id', 'col')
    )
    with op.batch_alter_table('section_values') as batch_op:
        batch_op.create_index('ix_section_values_section', ['section'], unique=False)


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
