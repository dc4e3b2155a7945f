"""What a reader of the audit log may see of an event.

Administrators run the system but see no case content (``permissions.MATRIX``),
so of an event about a case, or about a confidential record (investigation
authorizations, credential requests), they see the metadata only: when, who,
what action, on which record and case number; the details are withheld.
Supervisors may view cases, authorizations and credential requests and see
everything. ``docs/security.md`` states the rule.
"""

from __future__ import annotations

from app.domain.actor import Actor
from app.domain.permissions import Permission

#: Record types whose details are confidential, and the permission that opens them.
_CONFIDENTIAL: dict[str, Permission] = {
    "authorization": Permission.INVESTIGATION_AUTHORIZATION_VIEW,
    "credential_request": Permission.CREDENTIAL_REQUEST_VIEW,
    "evidence": Permission.EVIDENCE_VIEW,
}

WITHHELD = "withheld: case content, which this user's roles may not see"


def may_see_details(actor: Actor, entity_type: str, case_id: int | None) -> bool:
    """Whether ``actor`` may read the details of an event about this record."""
    if case_id is not None and not actor.can(Permission.CASE_VIEW):
        return False
    needed = _CONFIDENTIAL.get(entity_type)
    return needed is None or actor.can(needed)
