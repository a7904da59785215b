"""The first schema: documents (versioned), their files, facts and findings.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from budgetdoc.store.models import Money

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("group_key", sa.String(1000), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("is_latest", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("department", sa.String(300)),
        sa.Column("department_key", sa.String(300)),
        sa.Column("year", sa.Integer),
        sa.Column("kind", sa.String(16)),
        sa.Column("unit", sa.String(8)),
        sa.Column("format", sa.String(16)),
        sa.Column("encoding", sa.String(40)),
        sa.Column("warnings", sa.JSON, nullable=False),
        sa.Column("n_errors", sa.Integer, nullable=False),
        sa.Column("n_warnings", sa.Integer, nullable=False),
        sa.Column("n_info", sa.Integer, nullable=False),
        sa.Column("merged_into", sa.Integer, sa.ForeignKey("documents.id", ondelete="SET NULL")),
        sa.Column("checker_version", sa.String(40), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("group_key", "version", name="uq_documents_group_version"),
    )
    op.create_index("ix_documents_dept_year_kind", "documents", ["department_key", "year", "kind"])
    op.create_index("ix_documents_content", "documents", ["content_sha256"])
    op.create_table(
        "document_files",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_document_files_document_id", "document_files", ["document_id"])
    op.create_index("ix_document_files_sha256", "document_files", ["sha256"])
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("value_yuan", Money(), nullable=False),
        sa.Column("stated", sa.Text, nullable=False),
        sa.Column("location", sa.JSON, nullable=False),
        sa.Column("section", sa.Text),
    )
    op.create_index("ix_facts_document_id", "facts", ["document_id"])
    op.create_index("ix_facts_key", "facts", ["key"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("stated", sa.Text),
        sa.Column("expected", sa.Text),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("section", sa.Text),
        sa.Column("suppressed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_findings_document_id", "findings", ["document_id"])
    op.create_index("ix_findings_rule", "findings", ["rule"])


def downgrade() -> None:
    for table in ("findings", "facts", "document_files", "documents"):
        op.drop_table(table)
