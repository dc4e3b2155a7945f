"""The mapped classes of every Casedesk table, importable from one place.

``from app.db.models import Case`` imports the module that declares the class
when it is first asked for (PEP 562), not every model: a command that works
with users, cases and the audit log does not build the 44 mapped classes of
evidence, discipline and the other parts (about 40 % of the models' import
time). Two rules keep that safe:

- a model module imports the modules of every table its foreign keys and
  relationships name (:data:`CORE` is closed that way), so that mapper
  configuration and the unit of work's table sort find every table they touch;
- a class of any other module loads them all (:func:`load_all`), except the
  modules of :data:`WITH_CORE` (authorizations and evidence, what ``evidence
  add`` stores), which load with the core, not the discipline, web-capture or
  home models, and those of :data:`DISCIPLINE` (the discipline decisions and
  their due process, what a disciplinary report reads), which load together,
  with the core, not the web-capture or home models. Authorizations and
  evidence register the id allocation of their confidential rows
  (:mod:`app.db.record_ids`) themselves, however they are imported.

Whatever needs the whole schema (``Base.metadata`` for alembic) calls
:func:`load_all` first. ``tests/unit/test_models_lazy.py`` checks both rules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db.models.access import CaseAccess, CaseInvolvement, ConflictAllowance, UserAgency
    from app.db.models.accounts import User, UserRole
    from app.db.models.audit import AuditEvent, AuditHead
    from app.db.models.authorizations import (
        Authorization,
        AuthorizationReview,
        CredentialRequest,
        CredentialUse,
    )
    from app.db.models.cases import (
        Allegation,
        Case,
        CaseNumberCounter,
        CaseSubject,
        Employee,
        Note,
    )
    from app.db.models.catalog import Agency, Policy, Provision
    from app.db.models.discipline import AgencyDisciplineSettings, DisciplineRecord, GeneratedReport
    from app.db.models.due_process import (
        AgencyDisciplineValue,
        DisciplineAppeal,
        DisciplineNotice,
        DisciplineReferral,
        DisciplineResponse,
        DisciplineResponseFile,
    )
    from app.db.models.evidence import (
        EvidenceAmendment,
        EvidenceBlob,
        EvidenceItem,
        EvidenceRedaction,
        EvidenceThumbnail,
    )
    from app.db.models.home import PinnedCase, RecentCase, SavedSearch, WorkDraft
    from app.db.models.integrity import AuditCheckpoint, SigningKey
    from app.db.models.settings import AppSetting
    from app.db.models.web_capture import CaptureLogEntry, EvidencePart, WebCapture

#: The module of each mapped class.
_MODULE_OF: dict[str, str] = {
    "UserAgency": "access",
    "CaseAccess": "access",
    "CaseInvolvement": "access",
    "ConflictAllowance": "access",
    "User": "accounts",
    "UserRole": "accounts",
    "AuditEvent": "audit",
    "AuditHead": "audit",
    "Authorization": "authorizations",
    "AuthorizationReview": "authorizations",
    "CredentialRequest": "authorizations",
    "CredentialUse": "authorizations",
    "Allegation": "cases",
    "Case": "cases",
    "CaseNumberCounter": "cases",
    "CaseSubject": "cases",
    "Employee": "cases",
    "Note": "cases",
    "Agency": "catalog",
    "Policy": "catalog",
    "Provision": "catalog",
    "AgencyDisciplineSettings": "discipline",
    "DisciplineRecord": "discipline",
    "GeneratedReport": "discipline",
    "AgencyDisciplineValue": "due_process",
    "DisciplineAppeal": "due_process",
    "DisciplineNotice": "due_process",
    "DisciplineReferral": "due_process",
    "DisciplineResponse": "due_process",
    "DisciplineResponseFile": "due_process",
    "EvidenceAmendment": "evidence",
    "EvidenceBlob": "evidence",
    "EvidenceItem": "evidence",
    "EvidenceRedaction": "evidence",
    "EvidenceThumbnail": "evidence",
    "PinnedCase": "home",
    "RecentCase": "home",
    "SavedSearch": "home",
    "WorkDraft": "home",
    "AuditCheckpoint": "integrity",
    "SigningKey": "integrity",
    "AppSetting": "settings",
    "CaptureLogEntry": "web_capture",
    "EvidencePart": "web_capture",
    "WebCapture": "web_capture",
}

#: The modules loaded one by one: their foreign keys and relationships name only
#: tables of these modules, and each imports the modules it names.
CORE = frozenset({"access", "accounts", "audit", "cases", "catalog", "integrity", "settings"})

#: Modules loaded with the core alone (closed the same way).
WITH_CORE = frozenset({"authorizations", "evidence"})

#: Modules loaded together with the core alone (closed the same way): a decision's
#: notice is a due-process table, and the notice's decision a discipline one.
DISCIPLINE = frozenset({"discipline", "due_process"})

#: Every model module.
MODULES = tuple(sorted(set(_MODULE_OF.values())))


def load_all() -> None:
    """Import every model module (all tables on ``Base.metadata``, every mapper)."""
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}")


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if module in DISCIPLINE:
        for part in sorted(DISCIPLINE):
            importlib.import_module(f"{__name__}.{part}")
    elif module not in CORE and module not in WITH_CORE:
        load_all()
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CaptureLogEntry",
    "EvidencePart",
    "WebCapture",
    "Agency",
    "AgencyDisciplineSettings",
    "AgencyDisciplineValue",
    "Allegation",
    "AppSetting",
    "AuditCheckpoint",
    "AuditEvent",
    "AuditHead",
    "Authorization",
    "AuthorizationReview",
    "Case",
    "CaseAccess",
    "CaseInvolvement",
    "CaseNumberCounter",
    "CaseSubject",
    "ConflictAllowance",
    "CredentialRequest",
    "CredentialUse",
    "DisciplineAppeal",
    "DisciplineNotice",
    "DisciplineRecord",
    "DisciplineReferral",
    "DisciplineResponse",
    "DisciplineResponseFile",
    "Employee",
    "EvidenceAmendment",
    "EvidenceBlob",
    "EvidenceItem",
    "EvidenceRedaction",
    "EvidenceThumbnail",
    "GeneratedReport",
    "Note",
    "PinnedCase",
    "Policy",
    "Provision",
    "RecentCase",
    "SavedSearch",
    "SigningKey",
    "User",
    "UserAgency",
    "UserRole",
    "WorkDraft",
]
