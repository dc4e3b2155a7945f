"""Who may see which case: agency membership, restricted cases' access lists, conflicts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, utcnow
from app.db.models import cases as _cases  # noqa: F401  (its tables: the keys below name them)


class UserAgency(Base):
    """A user belongs to an agency: they see its cases (their roles permitting)."""

    __tablename__ = "user_agencies"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)


class CaseAccess(Base):
    """A user listed on a restricted case's access list."""

    __tablename__ = "case_access"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    added_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CaseInvolvement(Base):
    """A user who is the reporter or a witness of a case (a conflict of interest)."""

    __tablename__ = "case_involvements"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ConflictAllowance(Base):
    """A conflicted user explicitly allowed to work on a case, with the reason."""

    __tablename__ = "conflict_allowances"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    reason: Mapped[str] = mapped_column(Text)
    allowed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    allowed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
