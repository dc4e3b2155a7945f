"""Each user's own working state: Home's pinned, recent cases and saved searches, and
the typed text the window keeps against a crash.

Kept in the database, not in QSettings, so they follow the user to every
workstation on the same database (and are encrypted with it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
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


class WorkDraft(Base):
    """Text a user typed in the window and had not recorded yet, kept against a crash.

    One row per piece of work (a note being written, a finding, a form), of one
    window session (``session``); the window replaces its rows every few
    seconds while the work is unrecorded and removes them when it closes
    normally, so rows that stop being refreshed are work a session that ended
    without closing left behind (``services.recovery``).
    """

    __tablename__ = "work_drafts"
    __table_args__ = (Index("ix_work_drafts_user_session", "user_id", "session"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: The window session that keeps it (a random id made at sign-in).
    session: Mapped[str] = mapped_column(String(40))
    #: The case the work belongs to, if any (a recovered draft is shown only while
    #: the user may still see that case).
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    #: What and where, as the user reads it ("MODNR-2025-0001: a note not yet added").
    place: Mapped[str] = mapped_column(String(300))
    #: What it is, where the window can put it back (``"note"``, ``"redaction"``); empty
    #: for the rest.
    kind: Mapped[str] = mapped_column(String(20), default="", server_default="")
    text: Mapped[str] = mapped_column(Text)
    #: What putting it back needs beyond the text, as JSON (a redaction draft's item and
    #: boxes); empty for the other kinds.
    data: Mapped[str] = mapped_column(Text, default="", server_default="")
    saved_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
