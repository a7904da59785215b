"""The schema (SQLAlchemy 2 declarative). Migrations in migrations/versions create and change it.

A document is one disclosure as one check saw it: one file, or several parts read together. Each
ingest of changed content adds a new version of the same `group_key` (its files' location); older
versions stay with `is_latest` false. Amounts are exact decimals: NUMERIC in PostgreSQL, text in
SQLite (which has no decimal type), always `Decimal` in Python.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class Money(TypeDecorator):
    """An amount in yuan: NUMERIC(20, 2) where the database has decimals, its exact text in SQLite."""

    impl = Numeric(20, 2)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(20, 2, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect):
        if value is None:
            return None
        value = Decimal(value).quantize(Decimal("0.01"))
        return f"{value:.2f}" if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect):
        return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("group_key", "version", name="uq_documents_group_version"),
        Index("ix_documents_dept_year_kind", "department_key", "year", "kind"),
        Index("ix_documents_content", "content_sha256"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_key: Mapped[str] = mapped_column(String(1000))  # the files' resolved path (parts: their common stem)
    version: Mapped[int] = mapped_column(Integer)
    is_latest: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(16))  # ok | error (unreadable) | not-disclosure
    error: Mapped[str | None] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))  # over the files' names and hashes
    source: Mapped[str] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(String(300))
    department_key: Mapped[str | None] = mapped_column(String(300))  # crossdoc.department_key(department)
    year: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(16))
    unit: Mapped[str | None] = mapped_column(String(8))
    format: Mapped[str | None] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(40))
    warnings: Mapped[list] = mapped_column(JSON, default=list)  # what the reader could not read
    n_errors: Mapped[int] = mapped_column(Integer, default=0)
    n_warnings: Mapped[int] = mapped_column(Integer, default=0)
    n_info: Mapped[int] = mapped_column(Integer, default=0)
    # The claim ledger's counts: numeric statements, and how many checking found consistent, inconsistent,
    # or could not check. NULL for a document checked before the ledger existed (migration 0003).
    n_claims: Mapped[int | None] = mapped_column(Integer)
    n_verified: Mapped[int | None] = mapped_column(Integer)
    n_contradicted: Mapped[int | None] = mapped_column(Integer)
    n_unverified: Mapped[int | None] = mapped_column(Integer)
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    checker_version: Mapped[str] = mapped_column(String(40))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    files: Mapped[list[DocumentFile]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                     order_by="DocumentFile.position")


class DocumentFile(Base):
    __tablename__ = "document_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)

    document: Mapped[Document] = relationship(back_populates="files")


class FactRow(Base):
    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # document order: the first of a key is stated first
    key: Mapped[str] = mapped_column(String(200), index=True)
    value_yuan: Mapped[Decimal] = mapped_column(Money)
    stated: Mapped[str] = mapped_column(Text)
    location: Mapped[dict] = mapped_column(JSON)
    section: Mapped[str | None] = mapped_column(Text)


class FindingRow(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(16))  # document | cross-document
    rule: Mapped[str] = mapped_column(String(64), index=True)
    severity: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    stated: Mapped[str | None] = mapped_column(Text)
    expected: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list] = mapped_column(JSON)
    section: Mapped[str | None] = mapped_column(Text)
    suppressed: Mapped[bool] = mapped_column(Boolean, default=False)  # silenced by an inline directive


class ClaimRow(Base):
    """One numeric statement of a document (the claim ledger: model.Claim) and what checking found."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # document order
    kind: Mapped[str] = mapped_column(String(16))  # amount | share | growth | change | completion | percent | total
    status: Mapped[str] = mapped_column(String(16), index=True)  # verified | contradicted | unverified
    stated: Mapped[str] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    location: Mapped[dict] = mapped_column(JSON)
    mark: Mapped[list | None] = mapped_column(JSON)  # [start, end] of the stated figure in the quote
    rule: Mapped[str | None] = mapped_column(String(64))  # the rule whose check decided the status
    reading: Mapped[dict | None] = mapped_column(JSON)  # Reading.to_dict(): the arithmetic and its figures
    reason: Mapped[str | None] = mapped_column(Text)  # why an unverified statement could not be checked


class Judgement(Base):
    """A reviewer's verdict on a finding (confirmed | dismissed, with a comment). Kept by the document's
    `group_key`, the rule and the finding's first quote and its location, not by the finding's row:
    a re-check (a new version, fresh finding rows) finds it again (store/judgements.py matches them)."""

    __tablename__ = "judgements"
    __table_args__ = (UniqueConstraint("group_key", "rule", "location", "quote", name="uq_judgements_anchor"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_key: Mapped[str] = mapped_column(String(1000), index=True)
    rule: Mapped[str] = mapped_column(String(64))
    location: Mapped[str] = mapped_column(String(500))  # the first evidence's location, canonical JSON
    quote: Mapped[str] = mapped_column(Text)  # the first quote, whitespace removed
    verdict: Mapped[str] = mapped_column(String(16))  # confirmed | dismissed
    comment: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(Integer)  # the document it was made on (for the record)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
