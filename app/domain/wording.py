"""How counts are written: "1 working day", "2 working days", "1 review overdue".

One helper for every interface (GUI, CLI, services' messages), so no text
says "day(s)". English has one singular; translations pass their own forms.
"""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun phrase in the right number: ``counted(1, "day")`` → "1 day".

    ``plural`` defaults to ``singular`` + "s"; give it for phrases whose
    plural is not that ("review overdue" → "reviews overdue").
    """
    phrase = singular if count == 1 else (plural if plural is not None else singular + "s")
    return f"{count} {phrase}"
