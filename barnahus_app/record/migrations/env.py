"""Alembic environment. Always called through barnahus_app.record.schema with an open connection to
the (encrypted) record; there is no alembic.ini and no URL."""
from alembic import context

from barnahus_app.models import Base

FTS_TABLE = "case_search"


def include_name(name, type_, parent_names):
    # FTS5 virtual table and its shadow tables are made by migrations, not by the models.
    if type_ == "table" and name and name.startswith(FTS_TABLE):
        return False
    return True


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_name=include_name,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
