"""Employees, cases, allegations, notes, and the per-agency case number counter."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.db.base import Base, utcnow
from app.db.models.accounts import User
from app.db.models.catalog import Agency, Provision


class Employee(Base):
    """An agency employee who may be the subject of a case."""

    __tablename__ = "employees"
    __table_args__ = (UniqueConstraint("agency_id", "employee_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    employee_number: Mapped[str | None] = mapped_column(String(40))
    full_name: Mapped[str] = mapped_column(String(120), index=True)
    position: Mapped[str] = mapped_column(String(120), default="")
    division: Mapped[str] = mapped_column(String(120), default="")
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    #: The employee's employment regime (merit, union, contracted provider …), which
    #: decides their due process; ``None`` until recorded.
    regime: Mapped[str | None] = mapped_column(String(40))
    #: The employee's own Casedesk account, where they have one: a case about
    #: them is never shown to it (``app/services/access``).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    agency: Mapped[Agency] = relationship()
    supervisor: Mapped[Employee | None] = relationship(remote_side=[id])


#: The investigator sort key of a case nobody is assigned to: after every name
#: A to Z, as the list has always shown unassigned cases last.
UNASSIGNED_SORT = "1"


def investigator_sort_key(full_name: str | None) -> str:
    """The case list's investigator sort key: the name case-folded, unassigned last.

    Stored on the case row (``cases.investigator_sort``) so that sorting a
    million cases by investigator walks an index instead of sorting a join;
    it never holds NULL, so both backends order it the same way.
    """
    if full_name is None:
        return UNASSIGNED_SORT
    return "0" + full_name.casefold()[:128]


class CaseNumberCounter(Base):
    """The last case number handed out for an agency in a year."""

    __tablename__ = "case_number_counters"

    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_value: Mapped[int] = mapped_column(default=0)


class Case(Base):
    """A reported violation and its investigation."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_status_reported", "status", "reported_on"),
        Index("ix_cases_agency_reported", "agency_id", "reported_on"),
        Index("ix_cases_investigator_reported", "investigator_id", "reported_on"),
        # The case list sorts by these; without them every page sorts all cases.
        Index("ix_cases_reported", "reported_on"),
        # The dashboard counts open cases by agency and status from this index alone.
        Index("ix_cases_status_agency_reported", "status", "agency_id", "reported_on"),
        # Keyset paging sorted by these walks ``(column, id)`` (migration 0013).
        Index("ix_cases_investigator_sort", "investigator_sort", "id"),
        Index("ix_cases_status_id", "status", "id"),
        # The status counts read this alone: status, and what the access scope asks
        # of every case (migration 0018).
        Index("ix_cases_status_scope", "status", "agency_id", "restricted"),
        Index("ix_cases_agency_id", "agency_id", "id"),
        # The dashboard's per-month and median charts read these alone (migration 0017).
        Index("ix_cases_reported_scope", "agency_id", "reported_on", "restricted"),
        Index("ix_cases_closed_scope", "agency_id", "closed_on", "restricted"),
        Index("ix_cases_findings_scope", "agency_id", "findings_days", "restricted", "reported_on"),
        Index("ix_cases_decision_scope", "agency_id", "decision_days", "restricted", "reported_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    title: Mapped[str] = mapped_column(String(200))
    reporter_name: Mapped[str] = mapped_column(String(120), default="")
    reporter_contact: Mapped[str] = mapped_column(String(200), default="")
    reporter_confidential: Mapped[bool] = mapped_column(default=False)
    intake_channel: Mapped[str] = mapped_column(String(30))
    reported_on: Mapped[dt.date]
    conduct_from: Mapped[dt.date | None]
    conduct_to: Mapped[dt.date | None]
    platforms: Mapped[list[str]]
    duty_status: Mapped[str] = mapped_column(String(20))
    equipment: Mapped[str] = mapped_column(String(20))
    account_kind: Mapped[str] = mapped_column(String(20))
    clients_involved: Mapped[bool] = mapped_column(default=False)
    narrative: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(30))
    investigator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: :func:`investigator_sort_key` of the investigator, kept by ``investigator``'s setter.
    investigator_sort: Mapped[str] = mapped_column(
        String(130), default=UNASSIGNED_SORT, server_default=UNASSIGNED_SORT
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)
    #: Only the users on the case's access list see it (``app/services/access``).
    restricted: Mapped[bool] = mapped_column(default=False)
    #: Facts the dashboard counts, kept by the services that make them true
    #: (``app/services/dashboard/facts.py``): the UTC day of the case's last
    #: finding (``None`` while every allegation is pending), of its first decision
    #: in force, and of its last closing (``None`` unless the case is closed).
    findings_on: Mapped[dt.date | None]
    decided_on: Mapped[dt.date | None]
    closed_on: Mapped[dt.date | None]
    #: Whole days from the report to the last finding, and from the last finding to
    #: the first decision (``None`` until both days are known): kept by
    #: ``_keep_spans`` whenever one of the three days is set.
    findings_days: Mapped[int | None]
    decision_days: Mapped[int | None]

    __mapper_args__ = {"version_id_col": version}

    agency: Mapped[Agency] = relationship()
    investigator: Mapped[User | None] = relationship(foreign_keys=[investigator_id])
    updated_by: Mapped[User] = relationship(foreign_keys=[updated_by_id])
    subjects: Mapped[list[Employee]] = relationship(secondary="case_subjects")
    allegations: Mapped[list[Allegation]] = relationship(
        back_populates="case", order_by="Allegation.id"
    )
    notes: Mapped[list[Note]] = relationship(back_populates="case", order_by="Note.id")

    @validates("investigator")
    def _keep_investigator_sort(self, _key: str, user: User | None) -> User | None:
        """Assigning an investigator updates the sort key in the same flush."""
        self.investigator_sort = investigator_sort_key(user.full_name if user else None)
        return user

    @validates("reported_on", "findings_on", "decided_on")
    def _keep_spans(self, key: str, day: dt.date | None) -> dt.date | None:
        """Setting one of the days updates the spans the dashboard's medians count."""
        days = {"reported_on": self.reported_on, "findings_on": self.findings_on,
                "decided_on": self.decided_on}  # fmt: skip
        days[key] = day
        self.findings_days = _days_from(days["reported_on"], days["findings_on"])
        self.decision_days = _days_from(days["findings_on"], days["decided_on"])
        return day


def _days_from(earlier: dt.date | None, later: dt.date | None) -> int | None:
    return (later - earlier).days if earlier is not None and later is not None else None


# Sorting the case list by title uses this (the list sorts case-insensitively).
Index("ix_cases_title_lower", func.lower(Case.title))


class CaseSubject(Base):
    """An employee who is a subject of a case."""

    __tablename__ = "case_subjects"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id"), primary_key=True, index=True
    )


class Allegation(Base):
    """That an employee violated one provision, and the finding on it."""

    __tablename__ = "allegations"
    __table_args__ = (
        # The dashboard's findings by provision and days to findings read these alone.
        Index("ix_allegations_finding_provision_case", "finding", "provision_id", "case_id"),
        Index("ix_allegations_case_finding_at", "case_id", "finding", "finding_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    provision_id: Mapped[int] = mapped_column(ForeignKey("provisions.id"), index=True)
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    summary: Mapped[str] = mapped_column(Text, default="")
    finding: Mapped[str] = mapped_column(String(30))
    reasoning: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    finding_at: Mapped[dt.datetime | None]
    finding_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship(back_populates="allegations")
    provision: Mapped[Provision] = relationship()
    employee: Mapped[Employee | None] = relationship()


class Note(Base):
    """A timeline entry on a case: a note, an interview, a contact."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(20), default="note")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="notes")
    author: Mapped[User] = relationship()
