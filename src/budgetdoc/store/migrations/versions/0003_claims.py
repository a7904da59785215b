"""The claim ledger: every numeric statement of a document with what checking found, and the
document's ledger counts (NULL for documents checked before the ledger existed).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COUNTS = ("n_claims", "n_verified", "n_contradicted", "n_unverified")


def upgrade() -> None:
    for name in COUNTS:  # nullable: SQLite adds such a column without rebuilding the table
        op.add_column("documents", sa.Column(name, sa.Integer))
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("stated", sa.Text, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("location", sa.JSON, nullable=False),
        sa.Column("mark", sa.JSON),
        sa.Column("rule", sa.String(64)),
        sa.Column("reading", sa.JSON),
        sa.Column("reason", sa.Text),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_index("ix_claims_status", "claims", ["status"])


def downgrade() -> None:
    op.drop_table("claims")
    with op.batch_alter_table("documents") as batch:  # SQLite drops columns by rebuilding the table
        for name in COUNTS:
            batch.drop_column(name)
