"""Home: everything the signed-in user has waiting, read in one snapshot.

``load_home`` runs every section's query in one reading unit of work and
writes nothing (no audit event either, so polling never changes the chain
it watches); ``change_marker`` is the cheap question the window asks every
minute: has anything been recorded since?
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain import clock
from app.domain.actor import Actor
from app.domain.settings import AUTHORIZATION_REVIEW_INTERVAL_DAYS
from app.services import audit
from app.services.database import Database
from app.services.home.preferences import SavedSearchInfo, pinned_in, recent_in, searches_in
from app.services.home.sections import (
    ApprovalLine,
    AssignedCases,
    CaseLine,
    DisciplineLine,
    IntegrityLine,
    ReviewLine,
    Section,
    approvals,
    assigned_cases,
    discipline_steps,
    findings_to_review,
    integrity_failures,
    review_meetings,
)
from app.services.settings import get_int


@dataclass(frozen=True, slots=True)
class HomeView:
    """What Home shows, as of ``today`` and the audit chain's event ``as_of``."""

    today: dt.date
    as_of: int
    assigned: AssignedCases
    approvals: Section[ApprovalLine]
    findings: Section[CaseLine]
    reviews: Section[ReviewLine]
    discipline: Section[DisciplineLine]
    integrity: Section[IntegrityLine]
    pinned: tuple[CaseLine, ...]
    recent: tuple[CaseLine, ...]
    searches: tuple[SavedSearchInfo, ...]

    @property
    def waiting(self) -> int:
        """How many things need the user now (Home's own badge)."""
        return (
            self.assigned.total + self.approvals.total + self.findings.total
            + self.reviews.total + self.discipline.total + self.integrity.total
        )  # fmt: skip

    def badges(self) -> dict[str, int]:
        """The counts shown on the navigator's entries, by page key."""
        return {
            "home": self.waiting,
            "cases": self.assigned.total + self.findings.total,
            "authorizations": self.reviews.total,
            "credential_requests": self.approvals.total,
        }


def load_home(database: Database, actor: Actor, *, today: dt.date | None = None) -> HomeView:
    """Every section of Home for ``actor`` as of ``today`` (the local date by default)."""
    today = today or clock.today_here()
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    with database.unit_of_work(snapshot=True) as uow:
        as_of = audit.read_head(uow).seq
        return HomeView(
            today=today,
            as_of=as_of,
            assigned=assigned_cases(uow, actor),
            approvals=approvals(uow, actor),
            findings=findings_to_review(uow, actor),
            reviews=review_meetings(uow, actor, today, interval),
            discipline=discipline_steps(uow, actor, today),
            integrity=integrity_failures(uow, actor),
            pinned=pinned_in(uow, actor),
            recent=recent_in(uow, actor),
            searches=searches_in(uow, actor),
        )


def change_marker(database: Database, actor: Actor) -> int:
    """The number of the audit chain's last event: every recorded change moves it.

    One primary-key read of the chain head, cheap enough to ask every minute.
    """
    del actor  # any signed-in user may ask; the number says nothing of content
    with database.unit_of_work() as uow:
        return audit.read_head(uow).seq
