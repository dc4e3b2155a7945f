"""What the user says about a screenshot, checked: no database, no image library.

Kept apart from :mod:`app.services.evidence.store` so that the command line
can check an import's metadata, and start reading its files, before the
database layer has loaded (see :mod:`app.services.evidence.prepare`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from app.domain.errors import InvalidInput
from app.domain.evidence import (
    DESCRIPTION_MAX,
    LABEL_MAX,
    REASON_MAX,
    CaptureTime,
    IntakeProblems,
    ObtainedHow,
    check_url,
    parse_capture_time,
    parse_obtained,
    provenance_problems,
)
from app.domain.validation import clean_text

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CheckedMetadata:
    """Capture metadata that passed its checks, ready to store with any number of files."""

    source_url: str | None
    capture: CaptureTime | None
    platform: str
    account_shown: str
    captured_by: str | None
    description: str
    obtained: ObtainedHow
    #: The authorization or credential request it was obtained under (checked on store).
    authorization_id: int | None = None
    credential_request_id: int | None = None
    #: Why there is no source URL ("" when there is one).
    no_url_reason: str = ""


def _checked_field(
    problems: list[tuple[str, str]], field: str, check: Callable[[], T], fallback: T
) -> T:
    """``check()``, or ``fallback`` with its problem noted, so every field is checked."""
    try:
        return check()
    except InvalidInput as error:
        problems.append((field, str(error)))
        return fallback


def check_capture_metadata(
    *,
    source_url: str | None = None,
    platform: str = "",
    account_shown: str = "",
    captured_at: str | dt.datetime | None = None,
    captured_by: str | None = None,
    description: str = "",
    obtained: ObtainedHow | str = ObtainedHow.PUBLIC,
    authorization_id: int | None = None,
    credential_request_id: int | None = None,
    no_url_reason: str = "",
    require_provenance: bool = False,
) -> CheckedMetadata:
    """Check what the user says about a screenshot; :class:`InvalidInput` names the field.

    Every field is checked, and a form learns of every problem at once
    (:class:`~app.domain.evidence.IntakeProblems`). ``require_provenance``
    (intake from the GUI and the command line) also requires the capture
    time, the capturer, and the source URL or the reason there is none.
    """
    problems: list[tuple[str, str]] = []
    url = _checked_field(problems, "source_url", lambda: check_url(source_url), None)
    reason = _checked_field(
        problems,
        "no_url_reason",
        lambda: clean_text(
            no_url_reason, "Reason there is no URL", max_length=REASON_MAX, required=False
        ),
        "",
    )
    capture = _checked_field(problems, "captured_at", lambda: parse_capture_time(captured_at), None)
    platform = _checked_field(
        problems,
        "platform",
        lambda: clean_text(platform, "Platform", max_length=LABEL_MAX, required=False),
        "",
    )
    account = _checked_field(
        problems,
        "account_shown",
        lambda: clean_text(account_shown, "Account shown", max_length=LABEL_MAX, required=False),
        "",
    )
    capturer = _checked_field(
        problems,
        "captured_by",
        lambda: clean_text(captured_by, "Captured by", max_length=LABEL_MAX, required=False),
        "",
    )
    text = _checked_field(
        problems,
        "description",
        lambda: clean_text(
            description, "Description", max_length=DESCRIPTION_MAX, required=False, multiline=True
        ),
        "",
    )
    how = _checked_field(problems, "obtained", lambda: parse_obtained(obtained),
                         ObtainedHow.PUBLIC)  # fmt: skip
    if require_provenance:
        invalid = {field for field, _message in problems}
        missing = provenance_problems(source_url=url, no_url_reason=reason, capture=capture,
                                      captured_by=capturer)  # fmt: skip
        problems += [(field, message) for field, message in missing if field not in invalid]
    if problems:
        raise IntakeProblems(problems)
    return CheckedMetadata(
        source_url=url,
        capture=capture,
        platform=platform,
        account_shown=account,
        captured_by=capturer or None,
        description=text,
        obtained=how,
        authorization_id=authorization_id,
        credential_request_id=credential_request_id,
        no_url_reason="" if url else reason,
    )


@dataclass(frozen=True, slots=True)
class IntakeMetadata:
    """What the user says about every file of one import."""

    source_url: str | None = None
    platform: str = ""
    account_shown: str = ""
    captured_at: str | dt.datetime | None = None
    captured_by: str | None = None
    description: str = ""
    obtained: ObtainedHow | str = ObtainedHow.PUBLIC
    #: The authorization or credential request the files were obtained under.
    authorization_id: int | None = None
    credential_request_id: int | None = None
    #: Why there is no source URL, e.g. "supplied by reporter as a file".
    no_url_reason: str = ""


def check_intake_metadata(metadata: IntakeMetadata) -> CheckedMetadata:
    """An import's metadata checked; intake requires the capture time, the capturer, and
    the source URL or the reason there is none (DOMAIN.md "Screenshot evidence")."""
    return check_capture_metadata(
        source_url=metadata.source_url,
        platform=metadata.platform,
        account_shown=metadata.account_shown,
        captured_at=metadata.captured_at,
        captured_by=metadata.captured_by,
        description=metadata.description,
        obtained=metadata.obtained,
        authorization_id=metadata.authorization_id,
        credential_request_id=metadata.credential_request_id,
        no_url_reason=metadata.no_url_reason,
        require_provenance=True,
    )
