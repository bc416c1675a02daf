"""The record's whole schema: the shared Base with every feature's tables loaded. Alembic's env.py
and the schema tests use this metadata; migrations in record/migrations/versions build exactly it
(a test compares them). Each feature declares its tables in its own `tables.py` on the one Base
of tables.py; they are found here by walking the package, so a new feature adds none here."""
from __future__ import annotations

import importlib
import pkgutil

import barnahus_app
from barnahus_app.tables import Base


def load_all_tables() -> None:
    """Import every `tables` module of the core (each declares its tables on Base.metadata)."""
    for info in pkgutil.walk_packages(barnahus_app.__path__, "barnahus_app."):
        if info.name.rpartition(".")[2] == "tables":
            importlib.import_module(info.name)


load_all_tables()
metadata = Base.metadata
# Every table class by name (models.CaseChild), for tools and tests that look at the whole schema;
# the core imports each from its feature's tables module.
TABLE_CLASSES = {m.class_.__name__: m.class_ for m in Base.registry.mappers}
globals().update(TABLE_CLASSES)

__all__ = ["Base", "metadata", "load_all_tables", "TABLE_CLASSES"]
