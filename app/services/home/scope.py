"""Which cases Home may name: the one condition every Home query of cases goes through."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from app.domain.actor import Actor
from app.services.access import visible_cases


def case_visible(actor: Actor) -> ColumnElement[bool]:
    """The condition over ``Case`` for the cases Home may show ``actor``: the agency
    scope, restricted cases and conflicts of ``app.services.access``."""
    return visible_cases(actor)
