"""A finding being written and not recorded, as a kept draft's ``data``.

The allegations tab keeps the finding chosen and the reasoning typed for
each allegation until they are recorded; against a crash they are kept with
the window's other unrecorded work
(:data:`~app.services.recovery.drafts.FINDING`), and the recovered-work
dialog puts them back into the finding editor of the same allegation, not
recorded. :func:`read_finding` reads only what the window kept and refuses
anything else (a row of the database file is not to be trusted; recording
the finding checks it again, as any finding).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.domain.cases import Finding
from app.domain.errors import InvalidInput
from app.domain.validation import REASONING_MAX

_DAMAGED = "The kept finding cannot be read ({0}); copy its text back by hand, or discard it."


@dataclass(frozen=True, slots=True)
class KeptFinding:
    """The finding chosen and the reasoning typed for one allegation, not recorded."""

    allegation_id: int
    finding: Finding
    reasoning: str


def kept_finding(allegation_id: int, finding: Finding | str, reasoning: str) -> str:
    """``data`` of a finding draft: the allegation, the finding and the reasoning."""
    return json.dumps(
        {"allegation": allegation_id, "finding": Finding(finding).value, "reasoning": reasoning},
        separators=(",", ":"),
    )


def read_finding(data: str) -> KeptFinding:
    """The allegation, finding and reasoning of a finding draft's ``data``; InvalidInput if
    it is not one."""
    try:
        found = json.loads(data)
    except ValueError:
        raise InvalidInput(_DAMAGED.format("not JSON")) from None
    if not isinstance(found, dict) or set(found) != {"allegation", "finding", "reasoning"}:
        raise InvalidInput(_DAMAGED.format("not an allegation, a finding and its reasoning"))
    allegation = found["allegation"]
    if isinstance(allegation, bool) or not isinstance(allegation, int) or allegation < 1:
        raise InvalidInput(_DAMAGED.format("the allegation is not a whole number from 1"))
    try:
        finding = Finding(found["finding"])
    except ValueError:
        raise InvalidInput(_DAMAGED.format("the finding is unknown")) from None
    reasoning = found["reasoning"]
    if not isinstance(reasoning, str) or len(reasoning) > REASONING_MAX:
        raise InvalidInput(
            _DAMAGED.format(f"the reasoning is not a text of at most {REASONING_MAX:,} characters")
        )
    return KeptFinding(allegation, finding, reasoning)
