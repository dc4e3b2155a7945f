"""What evidence intake requires, filled in for tests that are about something else.

Intake needs the capture time, the capturer, and the source URL or the
reason there is none (DOMAIN.md "Screenshot evidence"); a test about file
checks or duplicates gives these so only its own subject can fail.
"""

from __future__ import annotations

from typing import Any

from app.services.evidence.intake import IntakeMetadata

#: A capture time, a capturer and a reason there is no URL.
REQUIRED: dict[str, Any] = {
    "captured_at": "2026-03-02T14:05:00-06:00",
    "captured_by": "Ivan Investigator",
    "no_url_reason": "supplied by reporter as a file",
}
#: The same as ``evidence add`` options.
CLI_OPTIONS = (
    "--captured-at", REQUIRED["captured_at"], "--captured-by", REQUIRED["captured_by"],
    "--no-url-reason", REQUIRED["no_url_reason"],
)  # fmt: skip


def metadata(**fields: Any) -> IntakeMetadata:
    """:class:`IntakeMetadata` with ``fields``, and :data:`REQUIRED` where not given."""
    return IntakeMetadata(**{**REQUIRED, **fields})
