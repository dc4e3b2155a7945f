"""The shape of a demo story, and the shorthand the story modules write it in."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from app.domain.cases import AccountKind, DutyStatus, Equipment, Finding, IntakeChannel, NoteKind
from app.domain.discipline import DisciplineAction

D = dt.date
ON, OFF, DUTY_UNKNOWN = DutyStatus.ON_DUTY, DutyStatus.OFF_DUTY, DutyStatus.UNKNOWN
AGENCY_DEVICE, OWN_DEVICE, DEVICE_UNKNOWN = Equipment.AGENCY, Equipment.PERSONAL, Equipment.UNKNOWN
PERSONAL, ACCOUNT_UNKNOWN = AccountKind.PERSONAL, AccountKind.UNKNOWN
SUBSTANTIATED, NOT_SUBSTANTIATED = Finding.SUBSTANTIATED, Finding.NOT_SUBSTANTIATED
UNFOUNDED, EXONERATED, PENDING = Finding.UNFOUNDED, Finding.EXONERATED, Finding.PENDING
INTERVIEW, WITNESS, CONTACT, NOTE = (
    NoteKind.INTERVIEW, NoteKind.WITNESS_STATEMENT, NoteKind.CONTACT, NoteKind.NOTE,
)  # fmt: skip

DMH, DNR, DHS = "MO-DMH-DOR-6.675", "MO-DNR-SN", "AR-DHS"
DYS, STL = "MA-DYS-01.05.22", "STL-AR-150"
C = IntakeChannel


class Outcome(enum.Enum):
    """Where the demo leaves a case, and so which workflow steps it goes through."""

    INTAKE = "reported; the investigation has not started"
    SCREENED_OUT = "closed at intake by a supervisor, with a reason"
    INVESTIGATING = "under investigation"
    FINDINGS = "findings recorded and submitted to the supervisor"
    DISCIPLINE_REVIEW = "substantiated, with HR for discipline"
    CLOSED = "closed: after discipline if substantiated, else by the supervisor"
    REOPENED = "closed as above, then reopened with a reason"


@dataclass(frozen=True, slots=True)
class Staff:
    """An employee; ``supervisor`` is the key of an earlier entry of the same agency."""

    key: str
    agency: str
    name: str
    position: str
    division: str
    number: str
    supervisor: str | None = None


@dataclass(frozen=True, slots=True)
class Charge:
    """One allegation: the provision cited, what is alleged, the finding and why."""

    citation: str
    summary: str
    finding: Finding = PENDING
    reasoning: str = ""
    subject: str | None = None  # the Staff key, needed only when a case has several subjects


@dataclass(frozen=True, slots=True)
class Sanction:
    """HR's decision: the action, when it takes effect (days after the report), the terms."""

    action: DisciplineAction
    effective_after: int
    steps: str
    repeat: str
    days: int | None = None
    status_pending: str = ""
    #: Why the action departs from the agency's earlier ones under the same provision.
    consistency_reason: str = ""


@dataclass(frozen=True, slots=True)
class Story:
    """One case, from the report to where the demo leaves it."""

    agency: str
    title: str
    outcome: Outcome
    subjects: tuple[str, ...]
    reported: dt.date
    conduct: tuple[dt.date, dt.date]
    channel: IntakeChannel
    reporter: str
    platforms: tuple[str, ...]
    duty: DutyStatus
    equipment: Equipment
    account: AccountKind
    clients: bool
    narrative: str
    charges: tuple[Charge, ...] = ()
    notes: tuple[tuple[NoteKind, str], ...] = ()
    reporter_contact: str = ""
    confidential: bool = False
    #: HR's note of the discipline decided, before HR closes the case.
    decision: str = ""
    #: The action HR records under progressive discipline before closing the case.
    sanction: Sanction | None = None
    #: Why a supervisor closed it at intake, or why it was reopened.
    reason: str = ""
    #: Why the supervisor sent submitted findings back, and the investigator's follow-up.
    returned: tuple[str, NoteKind, str] | None = None
    #: For a contracted provider's employee: the provider the findings are referred to.
    provider: str = ""
