"""The due-process steps around a discipline decision: notice, response, appeal, settings.

A pre-action notice (Cleveland Board of Education v. Loudermill, 470 U.S.
532 (1985)) proposes an action and gives the employee a window to answer;
the response (or its absence) is recorded before the decision
(:class:`~app.db.models.discipline.DisciplineRecord`); an appeal is recorded
against the decision. Each agency's values that documents print and the law
leaves to the agency (who the appointing authority is, where to respond,
the settings the discipline law pack declares) are kept by key.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base, utcnow
from app.db.models.accounts import User
from app.db.models.cases import Case, Employee


class DisciplineNotice(Base):
    """A pre-action notice given to one employee of a case.

    A case may hold several notices for one employee (a corrected or renewed
    one); the latest is the one in effect. ``response_due`` is computed from
    the issue date and ``response_days`` working days with the state's
    calendar; ``response_due_note`` says why it was moved (a weekend, a
    public holiday), empty when it was not.
    """

    __tablename__ = "discipline_notices"
    __table_args__ = (Index("ix_discipline_notices_case_employee", "case_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    proposed_action: Mapped[str] = mapped_column(String(30))
    proposed_days: Mapped[int | None]
    issued_on: Mapped[dt.date]
    delivery_method: Mapped[str] = mapped_column(String(20))
    delivered_by: Mapped[str] = mapped_column(String(120))
    response_days: Mapped[int]
    response_due: Mapped[dt.date]
    response_due_note: Mapped[str] = mapped_column(Text, default="")
    allegation_ids: Mapped[list[str]]
    evidence_explanation: Mapped[str] = mapped_column(Text, default="")
    status_pending: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship()
    employee: Mapped[Employee] = relationship()
    created_by: Mapped[User] = relationship()


class DisciplineResponse(Base):
    """The employee's answer to a notice, or the record that none came by the deadline."""

    __tablename__ = "discipline_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("discipline_notices.id"), unique=True)
    #: ``None`` when no response came by the deadline.
    received_on: Mapped[dt.date | None]
    summary: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    notice: Mapped[DisciplineNotice] = relationship()
    recorded_by: Mapped[User] = relationship()


class DisciplineResponseFile(Base):
    """A file the employee handed in with the response: its exact bytes and SHA-256."""

    __tablename__ = "discipline_response_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("discipline_responses.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class DisciplineAppeal(Base):
    """An appeal of a decision: when and to which body it was filed, and its outcome."""

    __tablename__ = "discipline_appeals"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("discipline_actions.id"), unique=True)
    filed_on: Mapped[dt.date]
    body: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str | None] = mapped_column(String(20))
    outcome_on: Mapped[dt.date | None]
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    recorded_by: Mapped[User] = relationship()


class AgencyDisciplineValue(Base):
    """One of an agency's discipline settings, by key (e.g. ``appointing_authority.name``)."""

    __tablename__ = "agency_discipline_values"

    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class DisciplineReferral(Base):
    """Substantiated findings against a contracted provider's employee, sent to the provider.

    The agency does not discipline such an employee itself (MA DYS 01.05.22,
    Applicability): the referral is the outcome, in place of a decision.
    """

    __tablename__ = "discipline_referrals"
    __table_args__ = (UniqueConstraint("case_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    provider: Mapped[str] = mapped_column(String(200))
    referred_on: Mapped[dt.date]
    sent_by: Mapped[str] = mapped_column(String(120))
    allegation_ids: Mapped[list[str]]
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    employee: Mapped[Employee] = relationship()
    recorded_by: Mapped[User] = relationship()
