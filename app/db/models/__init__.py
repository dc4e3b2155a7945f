"""The mapped classes of every Casedesk table, importable from one place."""

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
from app.db.models.home import PinnedCase, RecentCase, SavedSearch
from app.db.models.integrity import AuditCheckpoint, SigningKey
from app.db.models.settings import AppSetting
from app.db.models.web_capture import CaptureLogEntry, EvidencePart, WebCapture

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
]

# Registers the id allocation of confidential rows with the mapped classes.
import app.db.record_ids  # noqa: E402, F401  (for its event listeners)
