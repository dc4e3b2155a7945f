"""Case vocabulary: statuses, intake facts, findings, and case numbers."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import TypeVar

from app.domain.errors import InvalidInput


class CaseStatus(enum.StrEnum):
    """Where a case stands in DOMAIN.md "A case, from report to discipline"."""

    INTAKE = "intake"
    INVESTIGATING = "investigating"
    FINDINGS = "findings"
    DISCIPLINE_REVIEW = "discipline_review"
    CLOSED = "closed"
    REOPENED = "reopened"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    CaseStatus.INTAKE: "Intake",
    CaseStatus.INVESTIGATING: "Investigating",
    CaseStatus.FINDINGS: "Findings",
    CaseStatus.DISCIPLINE_REVIEW: "Discipline review",
    CaseStatus.CLOSED: "Closed",
    CaseStatus.REOPENED: "Reopened",
}


class IntakeChannel(enum.StrEnum):
    """How the report reached the agency (001 "Complaint Procedure", 000 (4), 004 III)."""

    SUPERVISOR = "supervisor"
    HR = "hr"
    EMPLOYEE_RELATIONS = "employee_relations"
    COWORKER = "coworker"
    PUBLIC = "public"
    HOTLINE = "hotline"
    MONITORING = "monitoring"
    OTHER = "other"


class DutyStatus(enum.StrEnum):
    """Whether the conduct happened on or off duty."""

    ON_DUTY = "on_duty"
    OFF_DUTY = "off_duty"
    UNKNOWN = "unknown"


class Equipment(enum.StrEnum):
    """Whose device was used: the agency's (state or city) or the employee's own."""

    AGENCY = "agency"
    PERSONAL = "personal"
    UNKNOWN = "unknown"


class AccountKind(enum.StrEnum):
    """Whether the social-media account is the employee's personal or an official one."""

    PERSONAL = "personal"
    OFFICIAL = "official"
    UNKNOWN = "unknown"


class Finding(enum.StrEnum):
    """The finding on one allegation."""

    PENDING = "pending"
    SUBSTANTIATED = "substantiated"
    NOT_SUBSTANTIATED = "not_substantiated"
    UNFOUNDED = "unfounded"
    EXONERATED = "exonerated"


E = TypeVar("E", bound=enum.StrEnum)


class NoteKind(enum.StrEnum):
    """What a timeline entry records."""

    NOTE = "note"
    INTERVIEW = "interview"
    WITNESS_STATEMENT = "witness_statement"
    CONTACT = "contact"


#: Platforms offered for a case; others may be typed in.
KNOWN_PLATFORMS = (
    "Facebook", "Instagram", "X (Twitter)", "TikTok", "Snapchat", "YouTube",
    "LinkedIn", "Reddit", "Nextdoor", "Threads", "WhatsApp", "Other",
)  # fmt: skip


def parse_choice(kind: type[E], value: str, field: str) -> E:
    """Parse ``value`` as a member of ``kind``, with a message listing the valid ones."""
    try:
        return kind(value.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        valid = ", ".join(m.value for m in kind)
        raise InvalidInput(f"{field} '{value}' is not one of: {valid}.", field=field) from None


_CASE_NUMBER = re.compile(r"^(?P<agency>[A-Z]{2,12})-(?P<year>\d{4})-(?P<seq>\d{4,})$")


@dataclass(frozen=True, slots=True)
class CaseNumber:
    """A case number such as ``ARDHS-2026-0007``: agency, year, running number."""

    agency_code: str
    year: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.agency_code}-{self.year}-{self.sequence:04d}"

    @classmethod
    def parse(cls, text: str) -> CaseNumber:
        match = _CASE_NUMBER.match(text.strip().upper())
        if not match:
            raise InvalidInput(
                f"'{text}' is not a case number; case numbers look like ARDHS-2026-0007."
            )
        return cls(match["agency"], int(match["year"]), int(match["seq"]))
