"""How a policy and a provision of the catalog are quoted in documents.

Apart from :mod:`app.services.catalog` so that a
report quoting the provisions it cites does not load the catalog's import
and editing code.
"""

from __future__ import annotations

from app.db.models import Policy, Provision
from app.domain.charging import policy_dates, quote


def provision_quote(row: Provision) -> str:
    """A provision's words as every quote prints them: its lead-in, then its text."""
    return quote(row.quoted_after or "", row.text)


def policy_source(policy: Policy) -> str:
    """A policy as named above a quote: its title, number, version and dates."""
    number = f"{policy.document_number}; " if policy.document_number else ""
    dates = policy_dates(policy.version, policy.effective, policy.sunset)
    return f"{policy.title} ({number}{dates})"
