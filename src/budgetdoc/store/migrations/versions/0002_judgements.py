"""Reviewers' judgements on findings (confirmed / dismissed, with a comment), kept across re-checks.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judgements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("group_key", sa.String(1000), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("location", sa.String(500), nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("document_id", sa.Integer),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("group_key", "rule", "location", "quote", name="uq_judgements_anchor"),
    )
    op.create_index("ix_judgements_group_key", "judgements", ["group_key"])


def downgrade() -> None:
    op.drop_table("judgements")
