"""MA DYS social-media authorizations and their review meetings; AR DHS credential records.

No column holds a password or any other secret: a credential record says
that credentials were provided, by whom, to whom and when.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import record_ids
from app.db.base import Base, utcnow
from app.db.models import accounts as _accounts  # noqa: F401  (its tables: the keys below name them)
from app.db.models import cases as _cases  # noqa: F401


class Authorization(Base):
    """A written authorization to use social media: supervision (B.2) or investigation (B.3)."""

    __tablename__ = "authorizations"
    __table_args__ = (
        Index("ix_authorizations_account_key", "account_key"),
        Index("ix_authorizations_kind_starts", "kind", "starts_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    written_on: Mapped[dt.date]
    platform: Mapped[str] = mapped_column(String(200))
    account_name: Mapped[str] = mapped_column(String(200))
    # platform and account, folded for the B.2.e "one account, one employee" check
    account_key: Mapped[str] = mapped_column(String(420))
    youth_case: Mapped[str] = mapped_column(String(200), default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    attests_no_youth_contact: Mapped[bool] = mapped_column(default=False)
    attests_true_identity: Mapped[bool] = mapped_column(default=False)
    site_shows_viewers: Mapped[bool] = mapped_column(default=False)
    privacy_settings_enabled: Mapped[bool] = mapped_column(default=False)
    youth_communication_approved: Mapped[bool] = mapped_column(default=False)
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date | None]
    revoked_on: Mapped[dt.date | None]
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class AuthorizationReview(Base):
    """A periodic review meeting with the supervisor on an investigation authorization (B.3.b)."""

    __tablename__ = "authorization_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    authorization_id: Mapped[int] = mapped_column(ForeignKey("authorizations.id"), index=True)
    met_on: Mapped[dt.date]
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CredentialRequest(Base):
    """A credential request, an excluded account, or an inadvertent receipt of credentials."""

    __tablename__ = "credential_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    origin: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    platform: Mapped[str] = mapped_column(String(200))
    account_name: Mapped[str] = mapped_column(String(200))
    office: Mapped[str] = mapped_column(String(40), default="")
    violation_kind: Mapped[str | None] = mapped_column(String(20))
    violation_provision: Mapped[str] = mapped_column(String(300), default="")
    justification: Mapped[str] = mapped_column(Text, default="")
    account_exclusion: Mapped[str] = mapped_column(String(40), default="none")
    received_via: Mapped[str | None] = mapped_column(String(30))
    received_on: Mapped[dt.date | None]
    description: Mapped[str] = mapped_column(Text, default="")
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")
    provided_by: Mapped[str | None] = mapped_column(String(120))
    provided_to_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    provided_at: Mapped[dt.datetime | None]
    ended_at: Mapped[dt.datetime | None]
    ended_reason: Mapped[str] = mapped_column(String(200), default="")


class CredentialUse(Base):
    """One use of approved credentials, with its purpose, against the request's case."""

    __tablename__ = "credential_uses"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("credential_requests.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    purpose: Mapped[str] = mapped_column(Text)
    used_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    used_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


# Ids from the confidential rows' own space (however this module is imported).
record_ids.give_ids(Authorization)
