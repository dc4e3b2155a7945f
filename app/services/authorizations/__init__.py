"""MA DYS 01.05.22 social-media authorizations: supervision (B.2) and investigation (B.3).

API (every function takes ``(database, actor, ...)``, checks the permission,
validates, writes its audit event in the same transaction, and returns
frozen dataclasses; ``today`` defaults to the local date):

- ``check_supervision(database, actor, SupervisionFields, today=None) -> Decision``
  and ``check_investigation(database, actor, InvestigationFields, today=None)
  -> Decision``: the rule's answer without writing (forms show the reasons).
- ``add_supervision(...) -> AuthorizationInfo`` and ``add_investigation(...)
  -> AuthorizationInfo``: log one; a refusal raises
  :class:`~app.domain.authorizations.RuleRefused` listing every reason with
  its citation; bad input raises :class:`InvalidInput`.
- ``list_authorizations(database, actor, *, kind=None, case_id=None,
  employee_id=None, active_on=None, overdue_only=False, today=None)
  -> list[AuthorizationInfo]``
- ``get_authorization(database, actor, authorization_id, today=None) -> AuthorizationInfo``
- ``record_review(database, actor, authorization_id, *, met_on, notes) -> AuthorizationInfo``
- ``revoke_authorization(database, actor, authorization_id, *, revoked_on, reason)
  -> AuthorizationInfo``: refused (with every reason) when dated before the
  start, in the future, or on or before the capture day of evidence obtained
  under it (:mod:`app.domain.authorizations.revocation`).
- ``count_overdue_reviews(database, actor, *, case_id=None, today=None) -> int``

An authorization names only a case of its own agency (the rules refuse
another agency's case, citing B.2 or B.3.a).

Confidentiality (B.3.a): investigation authorizations are returned, counted
or found only for users holding ``authorization.investigation.view``; for
anyone else they do not exist (a lookup by id says "no authorization N",
exactly as for an id never used). Every read that returns one writes an
audit event, and their events carry no case id, so a case's timeline does
not reveal them to users who may see the case but not them.

Modules: :mod:`.records` (the fields and infos), :mod:`.validation` (fields
checked into the rules' facts), :mod:`.reading` (lists, counts, lookups and
their audit of confidential views), :mod:`.writing` (log, review, revoke).
"""

from __future__ import annotations

from app.services.authorizations.reading import (
    audit_subject,
    count_overdue_reviews,
    get_authorization,
    list_authorizations,
)
from app.services.authorizations.records import (
    JURISDICTION,
    AuthorizationInfo,
    InvestigationFields,
    ReviewInfo,
    SupervisionFields,
)
from app.services.authorizations.writing import (
    add_investigation,
    add_supervision,
    check_investigation,
    check_supervision,
    record_review,
    revoke_authorization,
)

__all__ = [
    "JURISDICTION",
    "AuthorizationInfo",
    "InvestigationFields",
    "ReviewInfo",
    "SupervisionFields",
    "add_investigation",
    "add_supervision",
    "audit_subject",
    "check_investigation",
    "check_supervision",
    "count_overdue_reviews",
    "get_authorization",
    "list_authorizations",
    "record_review",
    "revoke_authorization",
]
