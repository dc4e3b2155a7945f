"""Which cases Home may name: the one condition every Home query of cases goes through."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, true

from app.domain.actor import Actor
from app.domain.permissions import Permission


def _visible(actor: Actor) -> ColumnElement[bool]:
    """The cases ``actor`` may see, as a condition over ``Case``.

    Today's rule is the role's permission (``case.view``); a per-agency or
    restricted-case scope replaces this one function.
    """
    return true() if actor.can(Permission.CASE_VIEW) else false()


def case_visible(actor: Actor) -> ColumnElement[bool]:
    """The condition over ``Case`` for the cases Home may show ``actor``."""
    return _visible(actor)
