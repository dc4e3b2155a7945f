"""Credential requests under an agency's rule pack (Arkansas: DHS policy II(G), § 11-2-124).

API (every function takes ``(database, actor, ...)``, checks the permission,
validates, audits in the same transaction and returns frozen dataclasses):

- ``check_request(database, actor, CredentialRequestFields) -> Decision``:
  the rule pack's answer without writing (forms show the reasons).
- ``new_request(database, actor, CredentialRequestFields) -> CredentialRequestInfo``:
  log a request (status ``pending``). A refusal raises
  :class:`~app.domain.authorizations.RuleRefused` listing every reason with
  its citations. An account that is not a personal account (AR I(A)-(D)) is
  recorded as that exclusion (status ``excluded``) instead, when that is the
  only reason.
- ``approve_request(database, actor, request_id, *, note="")`` and
  ``deny_request(database, actor, request_id, *, note)``: by a supervisor who
  is not the requester; approval re-checks the case.
- ``record_credentials_provided(database, actor, request_id, *, provided_by,
  provided_to, provided_at=None)``: that the employee gave the credentials,
  to whom and when: once, not before the approval, not in the future, to a
  user who may use credential records. No password is ever stored.
- ``record_use(database, actor, request_id, *, case_id, purpose) -> CredentialUseInfo``:
  each later use, against the request's case, refused before the credentials
  were recorded as provided, after the case closes, for another case, or for
  inadvertently received credentials.
- ``record_inadvertent(database, actor, InadvertentFields) -> CredentialRequestInfo``:
  credentials received through an agency device or network monitoring
  (status ``inadvertent``): recorded, never usable.
- ``list_requests(database, actor, *, case_id=None, status=None)`` and
  ``get_request(database, actor, request_id)``.
- ``check_demand(database, actor, agency_code, demand) -> Decision``: any
  other demand about a personal account (change privacy settings, list or
  share contacts, add a contact) is refused by the pack.
- ``end_for_closed_case(uow, actor, case_id)``: called by the case workflow
  when a case closes: its pending and approved requests end.

Credential records are confidential: only holders of
``credential_request.view`` see or count them; every read that returns
records is audited; their audit events carry no case id, so the case's
timeline does not reveal them.

Modules: :mod:`.records` (fields and infos), :mod:`.checks` (fields checked
into the pack's facts), :mod:`.reading` (lists and lookups, the audit of each
view), :mod:`.decisions` (request, approve, deny), :mod:`.credentials`
(receipt, use, inadvertent access, the end with the case).
"""

from __future__ import annotations

from app.services.credential_requests.credentials import (
    end_for_closed_case,
    record_credentials_provided,
    record_inadvertent,
    record_use,
)
from app.services.credential_requests.decisions import (
    approve_request,
    check_demand,
    check_request,
    deny_request,
    new_request,
)
from app.services.credential_requests.reading import get_request, list_requests
from app.services.credential_requests.records import (
    CredentialRequestFields,
    CredentialRequestInfo,
    CredentialUseInfo,
    InadvertentFields,
)

__all__ = [
    "CredentialRequestFields",
    "CredentialRequestInfo",
    "CredentialUseInfo",
    "InadvertentFields",
    "approve_request",
    "check_demand",
    "check_request",
    "deny_request",
    "end_for_closed_case",
    "get_request",
    "list_requests",
    "new_request",
    "record_credentials_provided",
    "record_inadvertent",
    "record_use",
]
