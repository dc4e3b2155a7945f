"""Discipline decisions, each agency's discipline settings, and generated reports."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base, utcnow
from app.db.models.accounts import User
from app.db.models.cases import Case, Employee


class AgencyDisciplineSettings(Base):
    """An agency's appeal rights text and suspension cap, as an administrator set them.

    An agency without a row follows the defaults for its jurisdiction. The
    response window of a pre-action notice is not here: it is the agency's
    ``discipline.response_days`` setting (``agency_discipline_values``).
    """

    __tablename__ = "agency_discipline_settings"

    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)
    appeal_rights: Mapped[str] = mapped_column(Text)
    suspension_cap_days: Mapped[int | None]
    cap_window_months: Mapped[int]
    cap_citation: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class DisciplineRecord(Base):
    """The action HR decided for one employee in one case.

    A withdrawn decision stays (who withdrew it, when and why) but is no
    longer prior discipline and no longer counts toward the suspension cap.
    """

    __tablename__ = "discipline_actions"
    __table_args__ = (
        UniqueConstraint("case_id", "employee_id"),
        # Prior discipline and the suspension cap look up an employee's actions.
        Index("ix_discipline_actions_employee_effective", "employee_id", "effective_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    action: Mapped[str] = mapped_column(String(30))
    suspension_days: Mapped[int | None]
    effective_on: Mapped[dt.date]
    steps_to_correct: Mapped[str] = mapped_column(Text)
    repeat_consequence: Mapped[str] = mapped_column(Text)
    appeal_rights: Mapped[str] = mapped_column(Text)
    status_pending: Mapped[str] = mapped_column(Text, default="")
    allegation_ids: Mapped[list[str]]
    cap_override_reason: Mapped[str] = mapped_column(Text, default="")
    #: The pre-action notice the decision followed, if one was given.
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("discipline_notices.id"))
    suspension_first_day: Mapped[dt.date | None]
    suspension_last_day: Mapped[dt.date | None]
    return_to_work_on: Mapped[dt.date | None]
    #: A suspension given with a dismissal (outside the cap where the law says so).
    terminal_suspension: Mapped[bool] = mapped_column(default=False)
    #: Why this level of discipline: the progressive-discipline step, then the
    #: aggravating and the mitigating factors, each recorded on its own.
    progressive_step: Mapped[str] = mapped_column(Text, default="")
    aggravating_factors: Mapped[str] = mapped_column(Text, default="")
    mitigating_factors: Mapped[str] = mapped_column(Text, default="")
    decision_maker_name: Mapped[str] = mapped_column(String(120), default="")
    decision_maker_title: Mapped[str] = mapped_column(String(120), default="")
    #: Why the action is milder or harsher than every earlier one under the same provision.
    consistency_reason: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: The day the decision was made, as HR states it (the day recorded, in the agency's
    #: zone, unless said): the letters' "Decided on". ``decided_at`` is the recording.
    #: Set on every decision (revision 0021 set the earlier ones); nullable only because
    #: SQLite adds a column to a table others reference without rebuilding it.
    decided_on: Mapped[dt.date | None]
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: Set when HR withdraws the decision: it then no longer counts as discipline.
    withdrawn_at: Mapped[dt.datetime | None]
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    withdrawal_reason: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship()
    employee: Mapped[Employee] = relationship()
    decided_by: Mapped[User] = relationship(foreign_keys=[decided_by_id])
    withdrawn_by: Mapped[User | None] = relationship(foreign_keys=[withdrawn_by_id])


class GeneratedReport(Base):
    """A PDF report produced by Casedesk: who, when, what, and the PDF's SHA-256."""

    __tablename__ = "generated_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    scope: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    generated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    generated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)

    generated_by: Mapped[User] = relationship()
