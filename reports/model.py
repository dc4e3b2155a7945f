"""The report dataclasses: everything a report prints, as plain frozen values.

The application fills these from the database (labels already translated,
times already formatted in the reader's zone, evidence bytes already
re-hashed) and hands them to :func:`render_disciplinary`, which returns the
PDF as bytes. This module holds the disciplinary report's models and the
parts every report shares (:class:`DocumentInfo`, :class:`Agency`,
:class:`Employee`, :data:`Progress`, :class:`ReportError`); the authorization
log's are in :mod:`reports.authorization_log_model`, the case summaries' in
:mod:`reports.case_summary_model`, the letters' in :mod:`reports.letter_model`.
Nothing here knows the database or the application's enums: a finding or an
action kind arrives as the label to print.

Text fields are printed as given (any script; line breaks in long text fields
start a new paragraph). An empty string means "not recorded" and is printed
as a dash or left out where the section says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reports.letter_model import Letter, LetterBlock

#: Called as ``progress(done, total)`` while a report is built: once with
#: ``done == 0`` before the work starts, then as each evidence image is placed
#: (or each case page, for case summaries), and once with ``done == total``
#: when the PDF is complete. Called on the thread that called ``render_*``.
Progress = Callable[[int, int], None]


class Arrivals(Protocol):
    """What follows a report model that was handed over before it was complete.

    The renderer lays the report out from the model alone; an item listed in
    :attr:`pending` has no image bytes in the model yet, and :meth:`image`
    waits for them when its image is prepared. :meth:`audit_checkpoint`
    waits for the checkpoint printed on the last page, needed only once every
    page is drawn. Both raise when nothing more will come (the sender gave up).
    """

    #: Indexes (in ``report.evidence``) of the items whose image bytes follow.
    pending: frozenset[int]

    def image(self, index: int) -> bytes:
        """The image bytes of item ``index``, once they have arrived."""
        ...

    def audit_checkpoint(self) -> str:
        """The report's ``audit_checkpoint``, once it has arrived."""
        ...


#: Printed on every page when a report is given no marking of its own.
DEFAULT_CONFIDENTIALITY = (
    "CONFIDENTIAL PERSONNEL RECORD: disclosure only to persons with a need to know"
)

#: The lead of the action section: the decision is final and the action in effect.
ACTION_TAKEN = "Action taken"
#: The lead of the action section: a suspension, demotion or dismissal HR may
#: still change after the employee's pre-action response.
ACTION_RECOMMENDED = "Action recommended"


@dataclass(frozen=True)
class DocumentInfo:
    """The PDF's document properties (shown by viewers, searched by archives)."""

    #: Title, e.g. "Disciplinary report MADYS-2026-0042".
    title: str
    #: Author: the person who generated the report, e.g. "Dana Whitfield (HR)".
    author: str
    #: Subject, e.g. "Social-media policy violation: written reprimand".
    subject: str
    #: Keywords (optional), e.g. the case number and the provision references.
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Agency:
    """The agency that issues the report (printed in the letterhead)."""

    #: Full name, e.g. "Massachusetts Department of Youth Services".
    name: str
    #: Short code used in case numbers, e.g. "MADYS".
    code: str
    #: Postal address, one line each (may be empty).
    address_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Employee:
    """The employee a report concerns."""

    #: Full name in any script, e.g. "Δημήτρης Παπαδόπουλος" or "王小明".
    name: str
    #: Position / job title, e.g. "Caseworker II" ("" if not recorded).
    title: str
    #: Division or unit, e.g. "Northeast Region, Detention Unit" ("" if none).
    unit: str
    #: The agency's employee number ("" if none).
    employee_id: str
    #: Name of the employee's supervisor ("" if not recorded).
    supervisor: str = ""


@dataclass(frozen=True)
class Finding:
    """The finding on one allegation."""

    #: The finding as printed: "Substantiated", "Not substantiated",
    #: "Unfounded", "Exonerated" (or "Pending" on a case still open).
    label: str
    #: Why: the facts and evidence the finding rests on.
    reasoning: str
    #: When the finding was recorded ("" if not recorded).
    decided_on: dt.date | None = None
    #: Who recorded it ("" if not recorded).
    decided_by: str = ""


@dataclass(frozen=True)
class Allegation:
    """One allegation: the provision cited, the conduct, and the finding."""

    #: Position in the case, printed as "Allegation 1", "Allegation 2", ...
    number: int
    #: The provision's citable reference, e.g. "MA DYS 01.05.22 C.2.e".
    #: Printed exactly as given.
    provision_reference: str
    #: The provision's heading, e.g. "Confidential information".
    provision_title: str
    #: The provision text, quoted verbatim from the policy catalog.
    provision_text: str
    #: The policy document it comes from, e.g.
    #: "MA DYS Policy 01.05.22 Social Media Use".
    policy_name: str
    #: The conduct alleged, in the investigator's words.
    conduct: str
    #: First and last date of the conduct (either may be None if unknown;
    #: both the same date for a single day).
    conduct_from: dt.date | None = None
    conduct_to: dt.date | None = None
    #: The finding, or None while none has been made (printed as "Pending").
    finding: Finding | None = None


@dataclass(frozen=True)
class EvidenceItem:
    """One evidence item in the index, with the picture to show as thumbnail.

    ``image`` holds the bytes to print: the original as stored (already
    re-hashed against ``sha256`` by the caller) or, when ``redacted`` is true,
    the redacted rendering (the original is never modified). The renderer
    downscales it to print resolution; it never alters the printed hash.
    """

    #: Label used in the report, e.g. "E-3" (unique within the report).
    item_id: str
    #: The original file name as received, e.g. "Screenshot 2026-03-02.png".
    file_name: str
    #: Image bytes to show (PNG, JPEG, GIF, WebP, BMP or TIFF); b"" prints
    #: "no image" in place of the thumbnail.
    image: bytes
    #: True when ``image`` is a redacted rendering: printed as
    #: "REDACTED RENDERING" beside the image.
    redacted: bool
    #: Media type detected from the content, e.g. "image/png".
    media_type: str
    #: Pixel size of the original, e.g. (1920, 1080).
    width: int
    height: int
    #: Size of the original in bytes.
    size_bytes: int
    #: SHA-256 of the original bytes, 64 lowercase hex digits; printed exactly.
    sha256: str
    #: Capture time as text, with the zone, e.g. "2026-03-02 21:14 EST (02:14 UTC)".
    captured_at: str
    #: Who captured it, e.g. "Inv. R. Okafor".
    captured_by: str
    #: Where it was seen ("" if not recorded).
    source_url: str = ""
    #: Platform, e.g. "Facebook" ("" if not recorded).
    platform: str = ""
    #: The account or profile shown, e.g. "@dpapad" ("" if not recorded).
    account: str = ""
    #: How it was obtained, e.g. "Publicly available (AR-DHS II(E))" or
    #: "Under investigation authorization IA-2026-007".
    obtained: str = ""
    #: What it shows ("" if no description).
    description: str = ""
    #: SHA-256 of the redacted rendering printed, when ``redacted`` ("" otherwise).
    rendering_sha256: str = ""
    #: True when the item has redaction boxes but ``image`` is the original,
    #: printed unredacted on an explicit, recorded confirmation: marked
    #: "UNREDACTED ORIGINAL" beside the image.
    unredacted: bool = False
    #: Set for an item made void, included only on request: why, by whom and when,
    #: e.g. "Wrong account (made void by Ivy Investigator on 2026-03-04)". Printed as VOID.
    void: str = ""


@dataclass(frozen=True)
class Interview:
    """A witness statement or interview relied on, as it was recorded on the case.

    The case holds the record itself: its kind, who entered it and when, and
    its text (which names the person heard, if the recorder wrote it down).
    """

    #: What it is, e.g. "Interview" or "Witness statement".
    kind: str
    #: Who recorded it, e.g. "Renata Okafor".
    recorded_by: str
    #: When it was recorded (None if not known).
    recorded_on: dt.date | None
    #: The record's text.
    summary: str


@dataclass(frozen=True)
class PriorDiscipline:
    """One earlier disciplinary action against the same employee."""

    #: The action as printed, e.g. "Written reprimand" or "Suspension (3 days)".
    action: str
    #: When it took effect.
    effective_date: dt.date | None
    #: The case it was decided in ("" if it predates the system).
    case_number: str = ""
    #: What it was for, briefly.
    reason: str = ""


@dataclass(frozen=True)
class DisciplinaryAction:
    """The action taken or recommended under progressive discipline."""

    #: The kind as printed: "Counseling", "Verbal reprimand", "Written
    #: reprimand", "Suspension", "Demotion", "Dismissal".
    kind: str
    #: "Action taken" (the decision is final) or "Action recommended" (a
    #: suspension, demotion or dismissal still open to the pre-action response),
    #: printed as the section's lead.
    status: str
    #: When it takes effect.
    effective_date: dt.date | None
    #: Working days of suspension (only for a suspension; None otherwise).
    suspension_days: int | None
    #: What the employee must do to correct the conduct.
    steps_to_correct: str
    #: What a repeat will lead to.
    consequence_of_repeat: str
    #: Set when a suspension exceeds the agency's cap (e.g. RSMo 36.370) and
    #: was overridden: the reason given, with who approved it ("" otherwise).
    cap_override: str = ""
    #: The allegations the action rests on, one line each, e.g.
    #: "Allegation 1: MA DYS 01.05.22 C.2.a (Youth identity)".
    grounds: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreActionNotice:
    """Pre-action (Loudermill) notice elements: suspension, demotion, dismissal."""

    #: The charges, as a statement (may repeat the allegations in summary).
    charges: str
    #: An explanation of the evidence against the employee.
    evidence_explanation: str
    #: Last day to respond before the decision.
    response_deadline: dt.date | None
    #: How to respond: in writing to whom, or in a meeting, where.
    how_to_respond: str
    #: The employee's status pending the decision, e.g. "on paid
    #: administrative leave".
    status_pending_decision: str


@dataclass(frozen=True)
class EmployeeRights:
    """The employee's response and appeal rights, as the application states them.

    Nothing here has a default wording: the response is what the pre-action
    notice gave and what came of it (or why there was no window), the appeal
    is what the decision letter states for the action decided.
    """

    #: Working days of the response window the pre-action notice gave (None: no window).
    response_days: int | None
    #: The last day of that window (None: no window).
    response_deadline: dt.date | None
    #: What the report says about the written response, in full (printed as given).
    response_text: str
    #: The appeal / grievance rights as text, printed when ``appeal_blocks`` is empty.
    appeal_text: str
    #: The appeal / grievance rights as the decision letter states them: its paragraphs,
    #: label / value rows and quotations (:mod:`reports.letter_model`), printed as the
    #: letter prints them.
    appeal_blocks: tuple[LetterBlock, ...] = ()


@dataclass(frozen=True)
class SignatureBlock:
    """A signature line with the signer's name, title and a date line."""

    #: The role signing, e.g. "Investigator", "Supervisor", "HR / Appointing
    #: authority", "Employee acknowledgement of receipt".
    role: str
    #: Printed name under the line ("" leaves a blank to fill in by hand).
    name: str
    #: Printed title ("" if none).
    title: str = ""
    #: A statement printed above the line, e.g. "My signature acknowledges
    #: receipt of this report, not agreement with it." ("" if none).
    statement: str = ""


@dataclass(frozen=True)
class DisciplinaryReport:
    """The disciplinary report of one case, for one employee (DOMAIN.md)."""

    #: PDF document properties.
    document: DocumentInfo
    #: The issuing agency (letterhead).
    agency: Agency
    #: The case number, e.g. "MADYS-2026-0042".
    case_number: str
    #: The report's date.
    report_date: dt.date
    #: Who prepared it, e.g. "Dana Whitfield, HR Officer".
    prepared_by: str
    #: The employee the report concerns.
    employee: Employee
    #: The allegations, in order, each with provision quoted and its finding.
    allegations: tuple[Allegation, ...]
    #: A statement of the conduct (the case narrative), with dates.
    conduct_statement: str
    #: First and last date of conduct for the whole case (None if unknown).
    conduct_from: dt.date | None
    conduct_to: dt.date | None
    #: The investigation summary: what was done, by whom, when.
    investigation_summary: str
    #: The evidence relied on, in the order to print.
    evidence: tuple[EvidenceItem, ...]
    #: When every evidence item was re-hashed and found intact, as text
    #: (e.g. "2026-11-21 14:02 UTC"); the report states it.
    integrity_verified_at: str
    #: Witness statements and interviews relied on (may be empty).
    interviews: tuple[Interview, ...]
    #: Earlier discipline of the employee; empty prints "no prior discipline".
    prior_discipline: tuple[PriorDiscipline, ...]
    #: The action, or None when there is none: see ``no_action_text``.
    action: DisciplinaryAction | None
    #: Pre-action notice elements; set for suspension, demotion and dismissal.
    pre_action_notice: PreActionNotice | None
    #: Response and appeal rights.
    rights: EmployeeRights
    #: Signature blocks in order: investigator, supervisor, HR / appointing
    #: authority, employee acknowledgement.
    signatures: tuple[SignatureBlock, ...]
    #: Marking printed on every page (header and footer).
    confidentiality: str = DEFAULT_CONFIDENTIALITY
    #: What the action section says when ``action`` is None, e.g. "No
    #: disciplinary action is taken: no allegation was substantiated." ("" prints
    #: that no decision has been recorded yet).
    no_action_text: str = ""
    #: The audit checkpoint the report was made at, printed on its last page as
    #: "Audit checkpoint: SEQ:HASH signed by KEYID at TIME" ("" prints nothing).
    audit_checkpoint: str = ""
    #: What the report leaves out because it concerns another subject of the
    #: case, said in the evidence section ("" when nothing was left out).
    left_out: str = ""
    #: Printed diagonally on every page ("" prints none): "DRAFT" before a decision exists.
    watermark: str = ""


class ReportError(Exception):
    """A report cannot be rendered: a font is missing or an image is unreadable.

    The message says what is wrong and what to do.
    """


# The renderers import reportlab; importing them only when a report is built keeps
# reportlab out of the application's start-up.


def render_disciplinary(
    report: DisciplinaryReport,
    *,
    progress: Progress | None = None,
    arrivals: Arrivals | None = None,
) -> bytes:
    """The disciplinary report as PDF bytes.

    ``arrivals``: the images of its pending items and its audit checkpoint
    come later (:class:`Arrivals`); the PDF is the one the complete model gives.
    """
    from reports.disciplinary import build

    return build(report, progress=progress, arrivals=arrivals)


def render_letter(letter: Letter, *, progress: Progress | None = None) -> bytes:
    """A letter of the disciplinary process (notice, decision, closure, referral) as PDF."""
    from reports.letters import build

    return build(letter, progress=progress)
