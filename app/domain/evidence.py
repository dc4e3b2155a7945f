"""Screenshot evidence: the rules that make an item defensible later (DOMAIN.md).

Plain checks on what the user supplies with a screenshot: the original file
name (kept as text only, never used as a path), the capture time (stored in
UTC with the capturer's time zone), the source URL, how it was obtained, and
the size limit. Content checks (media type, dimensions) need Pillow and live
in the evidence service.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.domain.errors import InvalidInput, Refused
from app.domain.settings import EVIDENCE_MAX_MEGABYTES
from app.domain.validation import parse_past_moment

#: Longest original file name kept (most file systems stop at 255 bytes).
FILENAME_MAX = 255
#: Longest source URL kept.
URL_MAX = 2000
#: Longest platform, account or capturer text.
LABEL_MAX = 200
#: Longest description.
DESCRIPTION_MAX = 5000

#: The default limit in bytes, for callers that do not read the setting.
DEFAULT_MAX_BYTES = EVIDENCE_MAX_MEGABYTES.default * 1024 * 1024
#: Most pixels an image may declare before it is treated as a decompression bomb
#: (a 1920x1080 screenshot is 2 million, a 1080x74,000 full-page capture 80 million;
#: Pillow itself warns above 89 million).
MAX_PIXELS = 80_000_000

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class ObtainedHow(enum.StrEnum):
    """How an evidence item was obtained (DOMAIN.md "Screenshot evidence")."""

    PUBLIC = "public"
    SUPERVISION_AUTHORIZATION = "supervision_authorization"
    INVESTIGATION_AUTHORIZATION = "investigation_authorization"
    CREDENTIAL_REQUEST = "credential_request"
    REPORTER_SUPPLIED = "reporter_supplied"
    #: Shown instead of the real way to users who may not see the record behind it
    #: (MA DYS 01.05.22 B.3.a, AR DHS credential requests); never stored or accepted.
    CONFIDENTIAL = "confidential"


#: The ways a user may say evidence was obtained (everything but the masked value).
RECORDABLE = tuple(o for o in ObtainedHow if o is not ObtainedHow.CONFIDENTIAL)


def parse_obtained(value: str | ObtainedHow) -> ObtainedHow:
    """An :class:`ObtainedHow` from its value as typed on the command line."""
    text = value.strip().lower().replace("-", "_")
    if text in {o.value for o in RECORDABLE}:
        return ObtainedHow(text)
    valid = ", ".join(o.value for o in RECORDABLE)
    raise InvalidInput(
        f"'{value}' is not a way evidence is obtained; use one of: {valid}.", field="obtained"
    )


def clean_filename(name: str | bytes) -> str:
    """The original file name, checked to be a plain name kept as text only.

    A name with a folder in it, ``..``, control characters or bytes that are
    not UTF-8 is refused: it would be confusing in a report and dangerous if
    a later export ever used it as a path.
    """
    if isinstance(name, bytes):
        try:
            name = name.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput(
                f"The file name {name!r} is not valid UTF-8; rename the file.",
                field="original_filename",
            ) from None
    text = name.strip()
    if not text:
        raise InvalidInput("The original file name is required.", field="original_filename")
    if "\ufffd" in text or _SURROGATE.search(text):
        raise InvalidInput(
            f"The file name {text!r} contains bytes that are not valid UTF-8; rename the file.",
            field="original_filename",
        )
    if _CONTROL.search(text):
        raise InvalidInput(
            f"The file name {text!r} contains control characters; rename the file.",
            field="original_filename",
        )
    if "/" in text or "\\" in text:
        raise InvalidInput(
            f"The file name {text!r} contains a folder separator; give the file's name only.",
            field="original_filename",
        )
    if text in (".", "..") or ".." in text:
        raise InvalidInput(
            f"The file name {text!r} contains '..'; rename the file.",
            field="original_filename",
        )
    if len(text.encode("utf-8")) > FILENAME_MAX:
        raise InvalidInput(
            f"The file name {text[:40]!r}… is longer than {FILENAME_MAX} bytes; rename the file.",
            field="original_filename",
        )
    return text


@dataclass(frozen=True, slots=True)
class CaptureTime:
    """When a screenshot was taken: the UTC moment and the capturer's zone."""

    utc: dt.datetime
    zone: str


def capture_date(capture: CaptureTime) -> dt.date:
    """The calendar day of the capture where it was taken (its zone or offset)."""
    zone = capture.zone
    try:
        if zone[:1] in "+-":
            hours, minutes = zone[1:].split(":")
            offset = dt.timedelta(hours=int(hours), minutes=int(minutes))
            tz: dt.tzinfo = dt.timezone(-offset if zone[0] == "-" else offset)
        else:
            tz = zoneinfo.ZoneInfo(zone)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        tz = dt.UTC
    return capture.utc.astimezone(tz).date()


def _zone_of(moment: dt.datetime) -> str:
    """A zone name ("America/Chicago") when known, else the offset ("+02:00")."""
    key = getattr(moment.tzinfo, "key", None)
    if isinstance(key, str) and key:
        return key
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def parse_capture_time(
    value: str | dt.datetime | None, *, now: dt.datetime | None = None
) -> CaptureTime | None:
    """Parse when a screenshot was captured: ISO 8601 with a UTC offset.

    A time without an offset is refused (the capturer's zone would be a
    guess), and so is one in the future; one minute of clock skew between
    workstations is allowed.
    """
    parsed = parse_past_moment(
        value,
        subject="The capture time '{text}'",
        field="captured_at",
        future_advice="check the date and the offset.",
        now=now,
    )
    if parsed is None:
        return None
    moment, utc = parsed
    return CaptureTime(utc, _zone_of(moment))


def check_url(value: str | None) -> str | None:
    """The source URL, checked to be an http or https address with a host."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if len(text) > URL_MAX:
        raise InvalidInput(
            f"The source URL is {len(text)} characters long; the limit is {URL_MAX}.",
            field="source_url",
        )
    problem = _CONTROL.search(text) or " " in text
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        problem, host = True, None
    if problem or parts.scheme.lower() not in ("http", "https") or not host:
        raise InvalidInput(
            f"'{text}' is not a URL; give the page's http:// or https:// address.",
            field="source_url",
        )
    return text


def check_size(size: int, max_bytes: int, name: str) -> None:
    """Refuse an empty file or one over the configured limit."""
    if size == 0:
        raise InvalidInput(f"{name} is empty (0 bytes); choose the screenshot file itself.")
    if size > max_bytes:
        raise InvalidInput(
            f"{name} is {_megabytes(size)}; the limit is {_megabytes(max_bytes)} "
            f"(setting '{EVIDENCE_MAX_MEGABYTES.key}')."
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


#: Longest reason for a missing source URL, a void or an amendment.
REASON_MAX = 1000


class IntakeProblems(InvalidInput):
    """Everything wrong with a screenshot's metadata at once, each with its field.

    ``problems`` holds (field, message) pairs so a form can show each message
    beside its field; ``str`` is all of them in one sentence each (the CLI).
    ``field`` is the first problem's.
    """

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        super().__init__(" ".join(message for _field, message in problems),
                         field=problems[0][0])  # fmt: skip
        self.problems = tuple(problems)


def provenance_problems(
    *,
    source_url: str | None,
    no_url_reason: str,
    capture: CaptureTime | None,
    captured_by: str | None,
) -> list[tuple[str, str]]:
    """What a screenshot's intake still lacks (DOMAIN.md "Screenshot evidence").

    When it was captured and by whom are required, and either the address of
    the page it shows or the reason there is none (a reporter's file, say).
    """
    problems = []
    if capture is None:
        problems.append(("captured_at", "Give the capture time (with its time zone)."))
    if not (captured_by or "").strip():
        problems.append(("captured_by", "Say who captured the screenshot."))
    if not source_url and not no_url_reason.strip():
        problems.append((
            "source_url",
            "Give the page's URL, or say why there is none "
            "(e.g. \"supplied by reporter as a file\").",
        ))  # fmt: skip
    return problems


#: The metadata an item's amendment may correct, with the words the user reads.
AMENDABLE_FIELDS: dict[str, str] = {
    "source_url": "source URL",
    "no_url_reason": "reason there is no URL",
    "platform": "platform",
    "account_shown": "account shown",
    "captured_at": "capture time",
    "captured_by": "captured by",
    "obtained": "how obtained",
}


class EvidenceVoid(Refused):
    """The item is void: it is kept, but no longer changed."""


class DuplicateEvidence(Refused):
    """The same content (by SHA-256) is already an evidence item of the case.

    A refusal rather than invalid input: the file is fine, the case already
    holds it. ``existing_id`` names that item so a caller can skip it.
    """

    def __init__(self, message: str, *, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class ExportCancelled(Refused):
    """The user cancelled an export; nothing was written."""


class RedactionReason(enum.StrEnum):
    """Why a part of a screenshot is masked (DOMAIN.md: 003 C.2.a-c, 004 IV.K)."""

    YOUTH_IDENTITY = "youth_identity"
    CORI = "cori"
    MEDICAL = "medical"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The reason as a report or the viewer names it."""
        return _REASON_LABELS[self]


_REASON_LABELS = {
    RedactionReason.YOUTH_IDENTITY: "youth identity",
    RedactionReason.CORI: "CORI",
    RedactionReason.MEDICAL: "medical information",
    RedactionReason.OTHER: "other confidential information",
}

#: Most redaction boxes one item may carry.
MAX_REDACTION_BOXES = 500


@dataclass(frozen=True, slots=True)
class RedactionBox:
    """A rectangle to mask, in the ORIGINAL image's pixel coordinates (origin top left)."""

    x: int
    y: int
    width: int
    height: int
    reason: RedactionReason = RedactionReason.OTHER


def parse_redaction_reason(value: str | RedactionReason) -> RedactionReason:
    """A :class:`RedactionReason` from its value as stored or typed."""
    if isinstance(value, RedactionReason):
        return value
    try:
        return RedactionReason(value.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        valid = ", ".join(r.value for r in RedactionReason)
        raise InvalidInput(
            f"'{value}' is not a reason to redact; use one of: {valid}.", field="reason"
        ) from None


def check_boxes(boxes: Sequence[RedactionBox], width: int, height: int) -> tuple[RedactionBox, ...]:
    """The boxes, checked to be non-empty rectangles inside a ``width`` x ``height`` image."""
    if len(boxes) > MAX_REDACTION_BOXES:
        raise InvalidInput(
            f"{len(boxes)} redaction boxes is more than the {MAX_REDACTION_BOXES} allowed.",
            field="boxes",
        )
    checked = []
    for number, box in enumerate(boxes, start=1):
        values = (box.x, box.y, box.width, box.height)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise InvalidInput(
                f"Redaction box {number} has a position or size that is not a whole number "
                "of pixels.",
                field="boxes",
            )
        where = f"Redaction box {number} ({box.width}x{box.height} at {box.x},{box.y})"
        if box.width <= 0 or box.height <= 0:
            raise InvalidInput(f"{where} is empty; draw a box at least one pixel wide and high.",
                               field="boxes")  # fmt: skip
        if box.x < 0 or box.y < 0:
            raise InvalidInput(f"{where} starts outside the image; its corner must be at 0,0 "
                               "or further in.", field="boxes")  # fmt: skip
        if box.x + box.width > width or box.y + box.height > height:
            raise InvalidInput(
                f"{where} reaches outside the {width}x{height} image; keep it inside.",
                field="boxes",
            )
        checked.append(
            RedactionBox(box.x, box.y, box.width, box.height, parse_redaction_reason(box.reason))
        )
    return tuple(checked)


def sniff(data: bytes) -> str:
    """A short name for what ``data`` is ("PNG", "HTML", "text", …), from its first bytes."""
    head = data[:4096]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head.startswith(b"BM") and len(head) >= 26:
        return "BMP"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if head.startswith(b"%PDF-"):
        return "PDF"
    if head.startswith(b"WARC/"):
        return "WARC"
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP archive"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"multipart/related" in text and (b"mime-version:" in text or text.startswith(b"from:")):
        return "MHTML"
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:1024]:
        return "HTML"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A cut in the middle of a multi-byte character at the end is still text.
        if exc.start < len(head) - 3:
            return "unrecognised binary data"
    return "text"
