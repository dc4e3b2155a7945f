"""Agencies, their policies, and the provisions a case can cite."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base


class Agency(Base):
    """A public agency whose employees' conduct is investigated."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    jurisdiction: Mapped[str] = mapped_column(String(10))


class Policy(Base):
    """A source policy document of an agency."""

    __tablename__ = "policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200))
    document_number: Mapped[str] = mapped_column(String(40), default="")
    effective: Mapped[dt.date | None]
    references: Mapped[list[str]]
    #: The document's own words for its version; "" when it states none.
    version: Mapped[str] = mapped_column(String(120), default="")
    #: The date the document says it expires, if any.
    sunset: Mapped[dt.date | None]

    agency: Mapped[Agency] = relationship()
    provisions: Mapped[list[Provision]] = relationship(
        back_populates="policy", order_by="Provision.position"
    )


class Provision(Base):
    """One citable provision, quoted verbatim from its policy."""

    __tablename__ = "provisions"
    __table_args__ = (UniqueConstraint("policy_id", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policies.id"))
    ref: Mapped[str] = mapped_column(String(40))
    parent_ref: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]]
    position: Mapped[int]
    #: A ``ProvisionKind`` value; None in a database whose catalog predates kinds.
    kind: Mapped[str | None] = mapped_column(String(20))
    #: The lead-in this provision is quoted after ("" for none).
    quoted_after: Mapped[str] = mapped_column(Text, default="")
    #: Refs to charge instead of this provision when it cannot be charged.
    charge_instead: Mapped[list[str]] = mapped_column(default=list)

    policy: Mapped[Policy] = relationship(back_populates="provisions")
