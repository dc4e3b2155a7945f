"""The typed fields of a form not saved, as a kept draft's ``data``.

The case's intake facts (kind :data:`~app.services.recovery.drafts.INTAKE`)
are kept against a crash as the text of each typed input, by the input's
name, so the recovered-work dialog can put the text back into the same
inputs of the case's Overview, not saved. :func:`read_fields` reads only
what the window kept and refuses anything else (a row of the database file
is not to be trusted; saving the form checks every value again, as any
edit).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from app.domain.errors import InvalidInput

#: The most inputs one form keeps, and the longest name of one.
MAX_FIELDS = 50
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,59}")
#: Longest text of one input (a narrative's limit is far lower).
_TEXT_MAX = 200_000
_DAMAGED = "The kept form cannot be read ({0}); copy its text back by hand, or discard it."


def kept_fields(fields: Mapping[str, str]) -> str:
    """``data`` of a form draft: each typed input's text by the input's name."""
    return json.dumps({"fields": dict(fields)}, separators=(",", ":"), ensure_ascii=False)


def read_fields(data: str) -> dict[str, str]:
    """The inputs' texts of a form draft's ``data``, by name; InvalidInput if it is not one."""
    try:
        found = json.loads(data)
    except ValueError:
        raise InvalidInput(_DAMAGED.format("not JSON")) from None
    if not isinstance(found, dict) or set(found) != {"fields"}:
        raise InvalidInput(_DAMAGED.format("not a form's fields"))
    fields = found["fields"]
    if not isinstance(fields, dict) or not 0 < len(fields) <= MAX_FIELDS:
        raise InvalidInput(_DAMAGED.format(f"not 1 to {MAX_FIELDS} fields"))
    for name, text in fields.items():
        if not _NAME.fullmatch(name):
            raise InvalidInput(_DAMAGED.format("a field's name is not an input's"))
        if not isinstance(text, str) or len(text) > _TEXT_MAX:
            raise InvalidInput(_DAMAGED.format(f"the text of {name} is not a text"))
    return dict(fields)
