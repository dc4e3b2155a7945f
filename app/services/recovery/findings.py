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
from app.services.recovery.kept_data import read_object, whole_number

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
    found = read_object(data, {"allegation", "finding", "reasoning"}, _DAMAGED,
                        "not an allegation, a finding and its reasoning")  # fmt: skip
    allegation = whole_number(found["allegation"], "the allegation", _DAMAGED, 1, 2**63 - 1)
    try:
        finding = Finding(str(found["finding"]))
    except ValueError:
        raise InvalidInput(_DAMAGED.format("the finding is unknown")) from None
    reasoning = found["reasoning"]
    if not isinstance(reasoning, str) or len(reasoning) > REASONING_MAX:
        raise InvalidInput(
            _DAMAGED.format(f"the reasoning is not a text of at most {REASONING_MAX:,} characters")
        )
    return KeptFinding(allegation, finding, reasoning)
