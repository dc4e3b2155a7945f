"""The letters of the disciplinary process a case prints for one employee.

Kept apart from :mod:`app.services.reporting` so the views that offer the
letters can name them without loading the report renderer.
"""

from __future__ import annotations

import enum


class LetterKind(enum.StrEnum):
    """The documents of the process a case prints for one employee."""

    NOTICE = "notice"
    DECISION = "decision"
    CLOSURE = "closure"
