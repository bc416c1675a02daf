"""case search: FTS5 index inside the encrypted file

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The index holds the words of a case (reference, names of its persons, outside references) so the
case list can search them. It lives inside the SQLCipher file: no plaintext index anywhere.
Filled here for records made before it existed; kept current by the core (cases.reindex_case).
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE VIRTUAL TABLE case_search USING fts5("
               "body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
    op.execute("""
        INSERT INTO case_search(rowid, body)
        SELECT c.id,
               c.reference || ' ' || coalesce(c.police_reference, '') || ' ' ||
               coalesce(c.prosecution_reference, '') || ' ' ||
               coalesce((SELECT group_concat(p.given_name || ' ' || p.family_name || ' ' ||
                                             coalesce(p.other_names, ''), ' ')
                         FROM persons p
                         WHERE p.id IN (SELECT person_id FROM case_children WHERE case_id = c.id
                                        UNION SELECT person_id FROM case_parties WHERE case_id = c.id)), '')
        FROM cases c
    """)


def downgrade():
    raise RuntimeError("Records are never downgraded; restore the backup made before the upgrade.")
