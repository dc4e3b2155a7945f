"""The typed fields of a form not saved, as a kept draft's ``data``.

The case's intake facts (kind :data:`~app.services.recovery.drafts.INTAKE`)
are kept against a crash as the text of each typed input, by the input's
name, so the recovered-work dialog can put the text back into the same
inputs of the case's Overview, not saved. A step of the discipline flow
(kind :data:`~app.services.recovery.drafts.DISCIPLINE`) is kept the same
way with the employee, the step and a digest of what the step's form was
filled from, so it goes back only into the same step while nothing was
recorded for it since; its inputs hold the choices made in the form as
well, as text (the action's value, a number of days, an ISO date, "true"
or "false" for a box), which the window sets back only where its input
still offers them. :func:`read_fields` and :func:`read_step` read only
what the window kept and refuse anything else (a row of the database file
is not to be trusted; saving the form or recording the step checks every
value again, as any edit).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.services.recovery.kept_data import read_object, whole_number

#: The most inputs one form keeps, and the longest name of one.
MAX_FIELDS = 50
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,59}")
#: Longest text of one input (a narrative's limit is far lower).
_TEXT_MAX = 200_000
_DAMAGED = "The kept form cannot be read ({0}); copy its text back by hand, or discard it."
_STEP = re.compile(r"[a-z]{1,20}")
_DIGEST = re.compile(r"[0-9a-f]{64}")
#: Larger than any row id.
_ID_MAX = 2**63 - 1


@dataclass(frozen=True, slots=True)
class KeptStep:
    """The typed inputs of one step's form of one employee's discipline flow, not recorded."""

    employee_id: int
    #: The step ("notice", "decision", …) and the SHA-256 of what its form was filled from.
    step: str
    filled_from: str
    fields: dict[str, str]


def kept_fields(fields: Mapping[str, str]) -> str:
    """``data`` of a form draft: each typed input's text by the input's name."""
    return json.dumps({"fields": dict(fields)}, separators=(",", ":"), ensure_ascii=False)


def kept_step(employee_id: int, step: str, filled_from: str, fields: Mapping[str, str]) -> str:
    """``data`` of a discipline step's draft: the employee, the step, the digest of what
    its form was filled from, and each typed input's text by name."""
    return json.dumps(
        {"employee": employee_id, "step": step, "filled_from": filled_from,
         "fields": dict(fields)},
        separators=(",", ":"), ensure_ascii=False,
    )  # fmt: skip


def read_fields(data: str) -> dict[str, str]:
    """The inputs' texts of a form draft's ``data``, by name; InvalidInput if it is not one."""
    return _fields(read_object(data, {"fields"}, _DAMAGED, "not a form's fields"))


def read_step(data: str) -> KeptStep:
    """The employee, step, digest and inputs of a discipline step's draft ``data``;
    InvalidInput if it is not one."""
    found = read_object(data, {"employee", "step", "filled_from", "fields"}, _DAMAGED,
                        "not a step of an employee's discipline")  # fmt: skip
    employee = whole_number(found["employee"], "the employee", _DAMAGED, 1, _ID_MAX)
    step, digest = found["step"], found["filled_from"]
    if not isinstance(step, str) or not _STEP.fullmatch(step):
        raise InvalidInput(_DAMAGED.format("the step is not a step's name"))
    if not isinstance(digest, str) or not _DIGEST.fullmatch(digest):
        raise InvalidInput(_DAMAGED.format("what the form was filled from is not a SHA-256"))
    return KeptStep(employee, step, digest, _fields(found))


def _fields(found: dict[str, object]) -> dict[str, str]:
    fields = found["fields"]
    if not isinstance(fields, dict) or not 0 < len(fields) <= MAX_FIELDS:
        raise InvalidInput(_DAMAGED.format(f"not 1 to {MAX_FIELDS} fields"))
    for name, text in fields.items():
        if not _NAME.fullmatch(name):
            raise InvalidInput(_DAMAGED.format("a field's name is not an input's"))
        if not isinstance(text, str) or len(text) > _TEXT_MAX:
            raise InvalidInput(_DAMAGED.format(f"the text of {name} is not a text"))
    return dict(fields)
