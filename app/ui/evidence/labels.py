"""What the user reads for the evidence vocabulary: how obtained, redaction reasons, custody.

Built on each call so a translation installed after start-up applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.evidence import ObtainedHow
from app.services.evidence import EvidenceInfo
from app.ui.i18n import tr

_C = "EvidenceLabels"


def obtained_labels() -> dict[ObtainedHow, str]:
    return {
        ObtainedHow.PUBLIC: tr(_C, "Publicly available"),
        ObtainedHow.SUPERVISION_AUTHORIZATION: tr(_C, "Under a supervision authorization"),
        ObtainedHow.INVESTIGATION_AUTHORIZATION: tr(_C, "Under an investigation authorization"),
        ObtainedHow.CREDENTIAL_REQUEST: tr(_C, "Through a credential request"),
        ObtainedHow.REPORTER_SUPPLIED: tr(_C, "Supplied by a reporter"),
        ObtainedHow.CONFIDENTIAL: tr(
            _C, "Under a confidential authorization or request (details restricted)"
        ),
    }


def obtained_text(info: EvidenceInfo) -> str:
    """How an item was obtained and, below, the record it was obtained under if shown."""
    text = obtained_labels()[info.obtained]
    return f"{text}\n{info.obtained_under}" if info.obtained_under else text


def redaction_reason_labels() -> dict[str, str]:
    """Keyed by the reason's stored value (``RedactionReason.value``)."""
    return {
        "youth_identity": tr(_C, "Youth identity"),
        "cori": tr(_C, "CORI"),
        "medical": tr(_C, "Medical information"),
        "other": tr(_C, "Other confidential"),
    }


def custody_action_label(action: str) -> str:
    """An audit action of an evidence item ("evidence.view") in words."""
    words = {
        "evidence.add": tr(_C, "Added"),
        "evidence.view": tr(_C, "Viewed"),
        "evidence.export": tr(_C, "Exported"),
        "evidence.report": tr(_C, "Included in a report"),
        "evidence.verify": tr(_C, "Integrity checked"),
        "evidence.integrity_failure": tr(_C, "INTEGRITY FAILURE"),
        "evidence.attach_page_source": tr(_C, "Page source attached"),
        "evidence.redact": tr(_C, "Redactions changed"),
        "evidence.redactions": tr(_C, "Redactions changed"),
        "evidence.set_redactions": tr(_C, "Redactions changed"),
        "evidence.amend": tr(_C, "Details amended"),
        "evidence.void": tr(_C, "Made void"),
    }
    return words.get(action, action.removeprefix("evidence.").replace("_", " ").capitalize())


def custody_details(action: str, details: Mapping[str, Any] | None) -> str:
    """What a custody event changed, in a line: a correction's values, a void's reason."""
    if not details:
        return ""
    if details.get("problem"):
        return str(details["problem"])
    if action == "evidence.amend":
        changes = details.get("changes") or {}
        parts = [f"{name.replace('_', ' ')} {old or '—'} → {new or '—'}"
                 for name, (old, new) in changes.items()]  # fmt: skip
        return "; ".join(parts) + (f" ({details['reason']})" if details.get("reason") else "")
    if action == "evidence.void":
        return str(details.get("reason", ""))
    return ""
