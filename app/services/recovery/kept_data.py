"""Reading a kept draft's ``data`` back: the checks every kind's reader shares.

A row of the database file is not to be trusted, so each reader
(:mod:`.redactions`, :mod:`.findings`, :mod:`.fields`) takes exactly the JSON
object its kind keeps, with whole numbers where it kept them, and refuses
anything else with its kind's own message (``damaged``, formatted with what
is wrong).
"""

from __future__ import annotations

import json

from app.domain.errors import InvalidInput


def read_object(data: str, keys: set[str], damaged: str, wrong: str) -> dict[str, object]:
    """``data`` as a JSON object with exactly ``keys``; InvalidInput saying ``wrong`` if not."""
    try:
        found = json.loads(data)
    except ValueError:
        raise InvalidInput(damaged.format("not JSON")) from None
    if not isinstance(found, dict) or set(found) != keys:
        raise InvalidInput(damaged.format(wrong))
    return found


def whole_number(value: object, what: str, damaged: str, least: int, most: int) -> int:
    """``value`` if it is a whole number from ``least`` to ``most`` (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(damaged.format(f"{what} is not a whole number"))
    if not least <= value <= most:
        raise InvalidInput(damaged.format(f"{what} is not a whole number from {least}"))
    return value
