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
``metadata``    what the user says about a screenshot, checked;
``prepare``     reading, hashing, checking and thumbnailing files on helper threads;
``intake``      importing many files, one transaction each;
``custody``     reads with re-hashing, custody events, verification;
``redaction``   redaction boxes and redacted renderings;
``thumbnails``  the thumbnail cache;
``export``      the case bundle (ZIP).

The names below are the ones callers use most; import the rest from their
module. They load on first use: importing a module of this package (the
command line's file preparation, which must not wait for the database layer)
does not import the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazyexports import lazy_exports

if TYPE_CHECKING:
    from app.services.evidence.custody import (
        EvidenceCheck,
        Inclusion,
        InclusionPurpose,
        Purpose,
        custody_history,
        included_bytes,
        integrity_message,
        list_for_inclusion,
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
    from app.services.evidence.metadata import CheckedMetadata, check_capture_metadata
    from app.services.evidence.store import (
        add_evidence,
        attach_page_source,
        check_obtained_link,
        duplicate,
        store_checked,
    )

__all__ = [
    "CheckedMetadata",
    "EvidenceCheck",
    "EvidenceInfo",
    "Inclusion",
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
    "included_bytes",
    "integrity_message",
    "list_evidence",
    "list_for_inclusion",
    "read_evidence",
    "read_for_inclusion",
    "read_page_source",
    "record_read",
    "store_checked",
    "verify_evidence",
]

#: Where each name above is defined.
_WHERE: dict[str, str] = {
    "CheckedMetadata": "app.services.evidence.metadata",
    "EvidenceCheck": "app.services.evidence.custody",
    "EvidenceInfo": "app.services.evidence.items",
    "Inclusion": "app.services.evidence.custody",
    "InclusionPurpose": "app.services.evidence.custody",
    "Purpose": "app.services.evidence.custody",
    "add_evidence": "app.services.evidence.store",
    "attach_page_source": "app.services.evidence.store",
    "case_contents": "app.services.evidence.items",
    "case_number_of": "app.services.evidence.items",
    "check_capture_metadata": "app.services.evidence.metadata",
    "check_obtained_link": "app.services.evidence.store",
    "custody_history": "app.services.evidence.custody",
    "duplicate": "app.services.evidence.store",
    "included_bytes": "app.services.evidence.custody",
    "integrity_message": "app.services.evidence.custody",
    "list_for_inclusion": "app.services.evidence.custody",
    "list_evidence": "app.services.evidence.items",
    "read_evidence": "app.services.evidence.custody",
    "read_for_inclusion": "app.services.evidence.custody",
    "read_page_source": "app.services.evidence.custody",
    "record_read": "app.services.evidence.custody",
    "store_checked": "app.services.evidence.store",
    "verify_evidence": "app.services.evidence.custody",
}


__getattr__ = lazy_exports(__name__, _WHERE, globals())
