"""Which provisions can be charged, how a provision is quoted, and policies past sunset.

Only a provision that prohibits or requires conduct can be the ground of an
allegation; definitions, statements of purpose or scope, permissive clauses
("supervisors may …"), procedures, notices and list headings cannot
(DOMAIN.md, "Due process, by employer"). A list item is quoted after its
lead-in sentence, and a quote names the policy's version and dates. A policy
whose sunset date is before the conduct is charged only with an explicit
confirmation that it is still in force.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

from app.domain.errors import Refused


class ProvisionKind(enum.Enum):
    """What a provision does, read from its text; only two kinds can be charged."""

    PROHIBITS = "prohibits"
    REQUIRES = "requires"
    DEFINITION = "definition"
    PURPOSE = "purpose"
    PERMISSIVE = "permissive"
    PROCEDURE = "procedure"
    RECOMMENDATION = "recommendation"
    NOTICE = "notice"
    HEADING = "heading"

    @property
    def chargeable(self) -> bool:
        """Whether conduct can be charged as a violation of such a provision."""
        return self in (ProvisionKind.PROHIBITS, ProvisionKind.REQUIRES)

    @property
    def label(self) -> str:
        """The kind in a few words, as lists show it."""
        return _LABELS[self]

    @property
    def described(self) -> str:
        """The kind as a sentence part: "a definition", "a permissive clause …"."""
        return _DESCRIBED[self]


_LABELS = {
    ProvisionKind.PROHIBITS: "prohibits conduct",
    ProvisionKind.REQUIRES: "requires conduct",
    ProvisionKind.DEFINITION: "definition",
    ProvisionKind.PURPOSE: "purpose or scope",
    ProvisionKind.PERMISSIVE: "permissive clause",
    ProvisionKind.PROCEDURE: "procedure",
    ProvisionKind.RECOMMENDATION: "recommendation",
    ProvisionKind.NOTICE: "notice",
    ProvisionKind.HEADING: "heading or list lead-in",
}
_DESCRIBED = {
    ProvisionKind.PROHIBITS: "a provision that prohibits conduct",
    ProvisionKind.REQUIRES: "a provision that requires conduct",
    ProvisionKind.DEFINITION: "a definition",
    ProvisionKind.PURPOSE: "a statement of purpose or scope",
    ProvisionKind.PERMISSIVE: "a permissive clause (it says what someone may do)",
    ProvisionKind.PROCEDURE: "a procedure addressed to the agency or its offices",
    ProvisionKind.RECOMMENDATION: "a recommendation ('should … if possible'), not a duty",
    ProvisionKind.NOTICE: "a notice (it states a consequence or an expectation, not a duty)",
    ProvisionKind.HEADING: "a heading that introduces the provisions under it",
}

#: How many provisions a refusal suggests at most.
SUGGESTIONS_SHOWN = 12


class NotChargeable(Refused):
    """The provision cited cannot be the ground of an allegation."""


class PolicyPastSunset(Refused):
    """The policy's sunset date is before the conduct; charging it needs a confirmation."""


def check_chargeable(
    cited: str, kind: ProvisionKind | None, charge_instead: Sequence[str], policy_code: str
) -> None:
    """Refuse an allegation under ``cited`` unless it prohibits or requires conduct.

    ``charge_instead`` are the refs of the provisions it points to or holds
    that can be charged, suggested in the message.
    """
    if kind is None:
        raise NotChargeable(
            f"{cited} has no provision kind in this database's policy catalog, so whether it "
            "can be charged is not known; an administrator reloads the catalog with "
            "'casedesk init', then try again."
        )
    if kind.chargeable:
        return
    message = (
        f"{cited} cannot be charged: it is {kind.described}. Only a provision that prohibits "
        "or requires conduct can be the ground of an allegation."
    )
    if charge_instead:
        shown = [f"{policy_code} {ref}" for ref in charge_instead[:SUGGESTIONS_SHOWN]]
        more = len(charge_instead) - len(shown)
        tail = f" and {more} more (see 'casedesk policy show {policy_code}')" if more > 0 else ""
        message += f" Charge instead: {', '.join(shown)}{tail}."
    else:
        message += (
            f" Cite the provision that prohibits or requires the conduct (see 'casedesk policy "
            f"show {policy_code}')."
        )
    raise NotChargeable(message, citations=(cited,))


def last_conduct_date(
    conduct_from: dt.date | None, conduct_to: dt.date | None, reported_on: dt.date
) -> tuple[dt.date, bool]:
    """The latest date the conduct may have happened, and whether the case records it.

    Without conduct dates the conduct happened on or before the report.
    """
    known = conduct_to or conduct_from
    return (known, True) if known is not None else (reported_on, False)


def past_sunset(
    sunset: dt.date | None,
    conduct_from: dt.date | None,
    conduct_to: dt.date | None,
    reported_on: dt.date,
) -> bool:
    """Whether the conduct may fall after the policy's sunset date."""
    if sunset is None:
        return False
    latest, _recorded = last_conduct_date(conduct_from, conduct_to, reported_on)
    return latest > sunset


def check_in_force(
    cited: str,
    document: str,
    sunset: dt.date | None,
    conduct_from: dt.date | None,
    conduct_to: dt.date | None,
    reported_on: dt.date,
    *,
    confirmed: bool,
) -> bool:
    """Refuse charging a policy past its sunset date without ``confirmed``.

    Returns whether the confirmation was needed (and given), for the audit
    trail.
    """
    if not past_sunset(sunset, conduct_from, conduct_to, reported_on):
        return False
    if confirmed:
        return True
    assert sunset is not None
    latest, recorded = last_conduct_date(conduct_from, conduct_to, reported_on)
    when = (
        f"the conduct (last date {latest.isoformat()})"
        if recorded
        else f"the report of the conduct ({latest.isoformat()}; no conduct dates are recorded)"
    )
    raise PolicyPastSunset(
        f"{document}'s sunset date {sunset.isoformat()} is before {when}: the policy may no "
        f"longer have been in force. Charging {cited} needs an explicit confirmation that the "
        "policy was still in force (CLI: --policy-in-force; in the provision picker: the "
        "confirmation box); the confirmation is recorded in the audit trail.",
        citations=(cited,),
    )


def policy_dates(version: str, effective: dt.date | None, sunset: dt.date | None) -> str:
    """The policy's version and dates, as printed with every quote of it."""
    parts = []
    if version:
        parts.append(version)
    elif effective is not None:
        parts.append(f"effective {effective.isoformat()}")
    else:
        parts.append("undated (the document states no version or effective date)")
    if sunset is not None:
        parts.append(f"sunset date {sunset.isoformat()}")
    return "; ".join(parts)


def quote(lead_in: str, text: str) -> str:
    """A provision's words as quoted: its lead-in, then its own text on a new line."""
    return f"{lead_in}\n{text}" if lead_in else text
