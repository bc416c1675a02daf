"""Medical examinations: coordination facts, findings, reviews, tests, releases, samples, images

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

The examinations (a booking of the conflict engine, with the child's and the guardian's agreement,
the outcome the examiner releases and whether samples went to the police), who was present,
findings coded against a versioned classification table, expert reviews, tests with their
follow-up reminder, releases of the statement for one disclosure (append-only), forensic samples
and photo documentation (hashes only: no image is stored). Every medical detail (finding item,
site and text, notes, statement, test kind and result, review comment, sample and image details)
is a value of the sealed section "medical" (section_values of 0007): no column holds it, and no
key exists while migrating; the section is made at the first medical user's unlock.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

APPEND_ONLY = ("medical_releases", "medical_exam_overrides")


def upgrade():
    op.create_table('medical_examinations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('child_person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('commissioned_by', sa.String(length=32), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=False),
    sa.Column('last_contact_at_utc', sa.String(length=40), nullable=True),
    sa.Column('acute', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('starts_at_utc', sa.String(length=40), nullable=False),
    sa.Column('ends_at_utc', sa.String(length=40), nullable=False),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('examiner_id', sa.Integer(), nullable=False),
    sa.Column('second_examiner_id', sa.Integer(), nullable=True),
    sa.Column('examiner_credentials', sa.String(length=200), nullable=True),
    sa.Column('agreement_child', sa.String(length=24), nullable=True),
    sa.Column('agreement_guardian', sa.String(length=24), nullable=True),
    sa.Column('told_result_on', sa.String(length=10), nullable=True),
    sa.Column('told_result_by', sa.Integer(), nullable=True),
    sa.Column('released_outcome', sa.String(length=32), nullable=True),
    sa.Column('samples_handed_to_police', sa.Boolean(), nullable=False),
    sa.Column('followup_rule_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("released_outcome IS NULL OR released_outcome IN ('no_findings','findings_see_statement','follow_up_needed')", name='ck_exam_outcome'),
    sa.CheckConstraint("status != 'cancelled' OR length(trim(coalesce(cancel_reason, ''))) > 0", name='ck_exam_cancel_reason'),
    sa.CheckConstraint("status != 'held' OR agreement_child IS NOT 'declined'", name='ck_exam_not_by_force'),
    sa.CheckConstraint("status IN ('planned','held','cancelled','declined')", name='ck_exam_status'),
    sa.CheckConstraint('ends_at_utc > starts_at_utc', name='ck_exam_window'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['child_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['examiner_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['followup_rule_id'], ['followup_rules.id'], ),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], ),
    sa.ForeignKeyConstraint(['second_examiner_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['told_result_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('medical_examinations', schema=None) as batch_op:
        batch_op.create_index('ix_exam_case', ['case_id', 'starts_at_utc'], unique=False)
        batch_op.create_index('ix_exam_child', ['child_person_id'], unique=False)
        batch_op.create_index('ix_exam_room', ['room_id', 'starts_at_utc'], unique=False)
        batch_op.create_index('ix_exam_starts', ['starts_at_utc', 'ends_at_utc'], unique=False)

    op.create_table('forensic_samples',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('examination_id', sa.Integer(), nullable=False),
    sa.Column('kit_id', sa.String(length=100), nullable=False),
    sa.Column('seal_number', sa.String(length=100), nullable=True),
    sa.Column('collected_at_utc', sa.String(length=40), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['examination_id'], ['medical_examinations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('forensic_samples', schema=None) as batch_op:
        batch_op.create_index('ix_sample_exam', ['examination_id'], unique=False)

    op.create_table('medical_exam_presence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('examination_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.CheckConstraint("role IN ('trusted_person','carer','chaperone','interpreter','other')", name='ck_presence_role'),
    sa.CheckConstraint('person_id IS NOT NULL OR name IS NOT NULL', name='ck_presence_who'),
    sa.ForeignKeyConstraint(['examination_id'], ['medical_examinations.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('medical_exam_presence', schema=None) as batch_op:
        batch_op.create_index('ix_presence_exam', ['examination_id'], unique=False)

    op.create_table('medical_findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('examination_id', sa.Integer(), nullable=False),
    sa.Column('table_version', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['examination_id'], ['medical_examinations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('medical_findings', schema=None) as batch_op:
        batch_op.create_index('ix_finding_exam', ['examination_id'], unique=False)

    op.create_table('medical_images',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('examination_id', sa.Integer(), nullable=False),
    sa.Column('derived_from', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('fixity_status', sa.String(length=16), nullable=False),
    sa.Column('fixity_checked_at', sa.String(length=40), nullable=True),
    sa.Column('registered_by', sa.Integer(), nullable=False),
    sa.Column('registered_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("fixity_status IN ('unchecked','ok','mismatch','missing')", name='ck_image_fixity'),
    sa.CheckConstraint('length(sha256) = 64', name='ck_image_sha256'),
    sa.ForeignKeyConstraint(['derived_from'], ['medical_images.id'], ),
    sa.ForeignKeyConstraint(['examination_id'], ['medical_examinations.id'], ),
    sa.ForeignKeyConstraint(['registered_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('medical_images', schema=None) as batch_op:
        batch_op.create_index('ix_image_exam', ['examination_id'], unique=False)
        batch_op.create_index('ix_image_sha256', ['sha256'], unique=False)

    op.create_table('medical_releases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('examination_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=32), nullable=False),
    sa.Column('released_by', sa.Integer(), nullable=False),
    sa.Column('released_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['examination_id'], ['medical_examinations.id'], ),
    sa.ForeignKeyConstraint(['released_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('medical_releases', schema=None) as batch_op:
        batch_op.create_index('ix_release_exam', ['examination_id', 'purpose'], unique=False)

    op.create_table('medical_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('examination_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('reviewed_on', sa.String(length=10), nullable=False),
    sa.Column('agrees', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['examination_id'], ['medical_examinations.id'], ),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('medical_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_review_exam', ['examination_id'], unique=False)

    op.create_table('medical_tests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('examination_id', sa.Integer(), nullable=False),
    sa.Column('ordered_on', sa.String(length=10), nullable=False),
    sa.Column('result_status', sa.String(length=16), nullable=False),
    sa.Column('received_on', sa.String(length=10), nullable=True),
    sa.Column('followup_rule_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("result_status != 'received' OR received_on IS NOT NULL", name='ck_test_received_on'),
    sa.CheckConstraint("result_status IN ('pending','received')", name='ck_test_result_status'),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['examination_id'], ['medical_examinations.id'], ),
    sa.ForeignKeyConstraint(['followup_rule_id'], ['followup_rules.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('medical_tests', schema=None) as batch_op:
        batch_op.create_index('ix_test_exam', ['examination_id'], unique=False)


    op.create_table('medical_exam_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('examination_id', sa.Integer(), nullable=False),
    sa.Column('conflict', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('at_utc', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['examination_id'], ['medical_examinations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('medical_exam_overrides', schema=None) as batch_op:
        batch_op.create_index('ix_exam_override', ['examination_id'], unique=False)
    # (medev) The chain of custody becomes one log for every evidence item: a recording, a
    # forensic sample or a medical image (exactly one per event), with the events samples and
    # images need, the legal basis of a release and the number of a seal. SQLite cannot make a
    # column optional or change a CHECK in place, so the table is made anew (as 0009 did for the
    # registers), its rows kept in a plain copy meanwhile, its index and append-only triggers
    # made again.
    op.execute("CREATE TABLE keep_0010_custody AS SELECT * FROM custody_events")
    op.execute("DROP TABLE custody_events")
    op.create_table('custody_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recording_id', sa.Integer(), nullable=True),
    sa.Column('sample_id', sa.Integer(), nullable=True),
    sa.Column('image_id', sa.Integer(), nullable=True),
    sa.Column('event', sa.String(length=32), nullable=False),
    sa.Column('occurred_at_utc', sa.String(length=40), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('counterpart', sa.String(length=200), nullable=True),
    sa.Column('receipt', sa.Text(), nullable=True),
    sa.Column('order_reference', sa.Text(), nullable=True),
    sa.Column('legal_basis', sa.String(length=64), nullable=True),
    sa.Column('seal_number', sa.String(length=100), nullable=True),
    sa.Column('copy_id', sa.Integer(), nullable=True),
    sa.Column('computed_sha256', sa.String(length=64), nullable=True),
    sa.Column('by_user', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("event != 'destroyed' OR length(trim(coalesce(order_reference, ''))) > 0", name='ck_custody_destroy_order'),
    sa.CheckConstraint("event != 'released' OR (legal_basis IS NOT NULL AND length(trim(coalesce(counterpart, ''))) > 0 AND length(trim(coalesce(receipt, ''))) > 0)", name='ck_custody_release'),
    sa.CheckConstraint("event IN ('acquired','copied_to','handed_to_police','handed_to_prosecution','handed_to_court','viewed','returned','destroyed','fixity_ok','fixity_mismatch','fixity_missing','collected','sealed','stored','sent_to_lab','received_by_lab','released')", name='ck_custody_event'),
    sa.CheckConstraint("(recording_id IS NOT NULL) + (sample_id IS NOT NULL) + (image_id IS NOT NULL) = 1", name='ck_custody_item'),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['copy_id'], ['recordings.id'], ),
    sa.ForeignKeyConstraint(['image_id'], ['medical_images.id'], ),
    sa.ForeignKeyConstraint(['recording_id'], ['recordings.id'], ),
    sa.ForeignKeyConstraint(['sample_id'], ['forensic_samples.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('custody_events', schema=None) as batch_op:
        batch_op.create_index('ix_custody_recording', ['recording_id', 'occurred_at_utc'], unique=False)
        batch_op.create_index('ix_custody_sample', ['sample_id', 'occurred_at_utc'], unique=False)
        batch_op.create_index('ix_custody_image', ['image_id', 'occurred_at_utc'], unique=False)
    custody = ("id, recording_id, event, occurred_at_utc, actor, location, purpose, counterpart, receipt, "
               "order_reference, copy_id, computed_sha256, by_user, recorded_at")
    op.execute(f"INSERT INTO custody_events ({custody}) SELECT {custody} FROM keep_0010_custody")
    op.execute("DROP TABLE keep_0010_custody")
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER custody_events_no_{verb.lower()} BEFORE {verb} ON custody_events "
                   "BEGIN SELECT RAISE(ABORT, 'custody events are append-only'); END")
    # An image keeps the hash taken at registration, as a recording does.
    op.execute("CREATE TRIGGER medical_images_keep_hash BEFORE UPDATE OF sha256, size_bytes ON medical_images "
               "WHEN NEW.sha256 IS NOT OLD.sha256 OR NEW.size_bytes IS NOT OLD.size_bytes "
               "BEGIN SELECT RAISE(ABORT, 'an image keeps the hash taken at registration'); END")

    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table.replace('_', ' ')} are append-only'); END")


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
