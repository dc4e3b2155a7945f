"""Revoking an MA DYS authorization: when it may take effect.

A revocation ends the authorization on its date (:func:`.ma_dys.is_active`),
so the date must fall within the authorization's life, and it must leave
every piece of evidence already obtained under it inside the period it was
active: evidence gathered under an authorization references one that was
active on the capture date (B.2 for supervision, B.3.a for investigations,
as evidence intake checks it).

- ``revoked_before_start``: a revocation dated before the start would
  rewrite the authorization into one that never was.
- ``revoked_in_future``: a revocation is recorded when it is made; an end
  date already planned is the authorization's end date, not a revocation.
- ``evidence_after_revocation``: evidence captured on or after the date
  would fall outside any active authorization; the reason names every item
  and the earliest date that keeps them covered.
- ``reviewed_after_revocation``: an investigation authorization's review
  meeting (B.3.b) is the supervisor's periodic review of a use of social
  media still going on; a revocation dated before a later meeting would
  say the authorization had ended when the supervisor reviewed it as
  still needed. It may take effect on the day of the last meeting (the
  meeting decided to end it) or later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.authorizations.decision import Decision, Reason
from app.domain.authorizations.ma_dys import AuthorizationKind, cite


@dataclass(frozen=True, slots=True)
class CoveredEvidence:
    """An evidence item obtained under the authorization, with its capture date."""

    item_id: int
    name: str  # the file name as imported
    case_number: str
    captured_on: dt.date


@dataclass(frozen=True, slots=True)
class RevocationFacts:
    """A proposed revocation of authorization ``authorization_id`` from ``revoked_on``."""

    authorization_id: int
    kind: AuthorizationKind
    starts_on: dt.date
    revoked_on: dt.date
    today: dt.date
    evidence: tuple[CoveredEvidence, ...] = ()
    #: The days of the authorization's review meetings (B.3.b).
    reviews: tuple[dt.date, ...] = ()


def provision(kind: AuthorizationKind) -> str:
    """The provision an authorization of ``kind`` is given under."""
    return cite("B.2" if kind is AuthorizationKind.SUPERVISION else "B.3.a")


def decide_revocation(facts: RevocationFacts) -> Decision:
    """Whether the authorization may be revoked from ``facts.revoked_on``, with every reason."""
    cited = (provision(facts.kind),)
    reasons: list[Reason] = []
    if facts.revoked_on < facts.starts_on:
        reasons.append(
            Reason(
                "revoked_before_start",
                f"The revocation date {facts.revoked_on} is before authorization "
                f"{facts.authorization_id} started ({facts.starts_on}); revoke it from "
                f"{facts.starts_on} or later.",
                cited,
                "revoked_on",
            )
        )
    if facts.revoked_on > facts.today:
        reasons.append(
            Reason(
                "revoked_in_future",
                f"The revocation date {facts.revoked_on} is in the future (today is "
                f"{facts.today}); give today or an earlier date, or record the revocation "
                "on the day it takes effect.",
                cited,
                "revoked_on",
            )
        )
    late = sorted(
        (e for e in facts.evidence if e.captured_on >= facts.revoked_on),
        key=lambda e: (e.captured_on, e.item_id),
    )
    if late:
        items = ", ".join(
            f"evidence item {e.item_id} ({e.name}, case {e.case_number}, captured {e.captured_on})"
            for e in late
        )
        keep = max(e.captured_on for e in late) + dt.timedelta(days=1)
        reasons.append(
            Reason(
                "evidence_after_revocation",
                f"Revoking authorization {facts.authorization_id} from {facts.revoked_on} would "
                f"leave evidence obtained under it outside any active authorization: {items}. "
                f"Revoke it from {keep} or later, the day after the last capture.",
                cited,
                "revoked_on",
            )
        )
    later_reviews = sorted(day for day in facts.reviews if day > facts.revoked_on)
    if later_reviews:
        last = later_reviews[-1]
        meetings = ", ".join(day.isoformat() for day in later_reviews)
        reasons.append(
            Reason(
                "reviewed_after_revocation",
                f"Authorization {facts.authorization_id} was reviewed with the supervisor on "
                f"{meetings}, after {facts.revoked_on}: a review meeting found its use still "
                f"going on, so it cannot have ended before. Revoke it from {last} or later "
                "(the day of the last review meeting).",
                (*cited, cite("B.3.b")),
                "revoked_on",
            )
        )
    return Decision.of(reasons, *cited)
