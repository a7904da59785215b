"""The document store: checked disclosures, their facts and findings in SQLite or PostgreSQL.

`budgetdoc ingest` checks files and stores them (ingest.py), `list/show/compare/export` read them back
(queries.py, export.py), and crossdoc.py runs the checks that need more than one document (this year
against last year, the budget against the final accounts, a department missing from a year).
The schema is in models.py and is created and upgraded by the Alembic migrations in migrations/,
run automatically when a database is opened (db.open_db).
"""

__all__ = ["StoreError", "open_db", "resolve_url"]


def __getattr__(name: str):  # SQLAlchemy is imported only when the store is used, not by `budgetdoc check`
    if name in __all__:
        from . import db

        return getattr(db, name)
    raise AttributeError(name)
