"""Alembic environment: migrations run only through budgetdoc.store.db.migrate, on its connection."""

from alembic import context

from budgetdoc.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the alembic CLI is not how the store is migrated
    raise RuntimeError("run budgetdoc's migrations through budgetdoc.store.db.open_db()")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
