"""Merging two edits of one case's intake facts that touched different fields.

When a save is refused because someone saved the case first, the facts the
form was loaded from (the base), the user's edits and the saved ones are
compared field by field: if the two sides changed different fields, both
can be kept; if they changed one field each their own way, the user
decides (reload, or keep editing).
"""

from __future__ import annotations

import dataclasses

from app.services.cases import CaseFields

#: Fields whose order is not content: reordering them is no change.
_UNORDERED = ("platforms", "subject_ids")


def _value(fields: CaseFields, name: str) -> object:
    value = getattr(fields, name)
    if name == "platforms":
        return tuple(sorted(value, key=str.casefold))
    if name == "subject_ids":
        return tuple(sorted(value))
    if name == "narrative":
        return value.replace("\r\n", "\n")
    return value


def changed_fields(before: CaseFields, after: CaseFields) -> tuple[str, ...]:
    """The names of the fields that differ, in the form's order."""
    return tuple(
        f.name
        for f in dataclasses.fields(CaseFields)
        if _value(before, f.name) != _value(after, f.name)
    )


@dataclasses.dataclass(frozen=True)
class MergeOutcome:
    """What each side changed, and the merged facts when they do not collide."""

    mine: tuple[str, ...]
    theirs: tuple[str, ...]
    merged: CaseFields | None  #: None: both changed some field (see ``collisions``)

    @property
    def collisions(self) -> tuple[str, ...]:
        return tuple(name for name in self.mine if name in self.theirs)


def merge(base: CaseFields, mine: CaseFields, theirs: CaseFields) -> MergeOutcome:
    """Their saved facts with the user's changes laid over, if no field was changed by both."""
    my_changes = changed_fields(base, mine)
    their_changes = changed_fields(base, theirs)
    if set(my_changes) & set(their_changes):
        return MergeOutcome(my_changes, their_changes, None)
    merged = dataclasses.replace(theirs, **{name: getattr(mine, name) for name in my_changes})
    return MergeOutcome(my_changes, their_changes, merged)
