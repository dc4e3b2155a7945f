"""Screenshot evidence: intake, storage, reading with re-hashing, custody, redaction, export.

Bytes are stored once per distinct content (``evidence_blobs``, keyed by
SHA-256) and never changed; an ``evidence_items`` row puts them in a case
with what makes them defensible (DOMAIN.md "Screenshot evidence"). Every
add, view, export, report inclusion and integrity check is an audit event
with the case id, so it shows in the case's timeline.

The modules:

``items``       the item records and the one query every read goes through;
``content``     what a file's bytes are (Pillow, guarded), thumbnails' pixels;
``store``       storing one checked screenshot, attaching its page source;
``intake``      importing many files, one transaction each;
``custody``     reads with re-hashing, custody events, verification;
``redaction``   redaction boxes and redacted renderings;
``thumbnails``  the thumbnail cache;
``export``      the case bundle (ZIP).

The names below are the ones callers use most; import the rest from their
module.
"""

from app.services.evidence.custody import (
    EvidenceCheck,
    InclusionPurpose,
    Purpose,
    custody_history,
    integrity_message,
    read_all_for_inclusion,
    read_evidence,
    read_for_inclusion,
    read_page_source,
    record_read,
    verify_evidence,
)
from app.services.evidence.items import (
    EvidenceInfo,
    case_contents,
    case_number_of,
    list_evidence,
)
from app.services.evidence.store import (
    CheckedMetadata,
    add_evidence,
    attach_page_source,
    check_capture_metadata,
    check_obtained_link,
    duplicate,
    store_checked,
)

__all__ = [
    "CheckedMetadata",
    "EvidenceCheck",
    "EvidenceInfo",
    "InclusionPurpose",
    "Purpose",
    "add_evidence",
    "attach_page_source",
    "case_contents",
    "case_number_of",
    "check_capture_metadata",
    "check_obtained_link",
    "custody_history",
    "duplicate",
    "integrity_message",
    "list_evidence",
    "read_evidence",
    "read_all_for_inclusion",
    "read_for_inclusion",
    "read_page_source",
    "record_read",
    "store_checked",
    "verify_evidence",
]
