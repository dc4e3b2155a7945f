"""Each user's Home: pinned cases, recently opened cases and saved case-list searches.

Kept in the database, not in QSettings, so they follow the user to every
workstation on the same database.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, utcnow


class PinnedCase(Base):
    """A case a user pinned to their Home."""

    __tablename__ = "pinned_cases"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True, index=True)
    pinned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RecentCase(Base):
    """When a user last opened a case (only the newest few per user are kept)."""

    __tablename__ = "recent_cases"
    __table_args__ = (Index("ix_recent_cases_user_opened", "user_id", "opened_at"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True, index=True)
    opened_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SavedSearch(Base):
    """A named case-list query of one user ("my open MA DYS cases")."""

    __tablename__ = "saved_searches"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(80))
    #: The case query's filters as plain JSON (see ``services.home.preferences``).
    query: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
