"""What every report shares: labels, the case loader, recording a generated report.

Each generated PDF is recorded (who, when, kind, case or scope, SHA-256,
size) with a ``report.generate`` audit event; in the same transaction each
evidence item it holds gets its ``evidence.report`` custody event naming the
report, so a refused, failed or cancelled report leaves no event. Writing the
file is the caller's, inside that transaction if it asks (``deliver``), so a
file that cannot be written leaves no record either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import zoneinfo
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import joinedload, selectinload

import reports
from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    Allegation,
    Case,
    Employee,
    GeneratedReport,
    Note,
    Provision,
    User,
)
from app.domain.actor import Actor
from app.domain.cases import CaseNumber, CaseStatus, Finding, NoteKind
from app.domain.discipline import DisciplineAction
from app.domain.errors import IntegrityFailure, NotFound, Refused
from app.domain.evidence import ObtainedHow
from app.domain.permissions import Permission
from app.privatefiles import report_font_cache
from app.resources import report_fonts_path
from app.services import audit, evidence
from app.services.access import case_visible, visible_cases
from app.services.authorization_evidence import CONFIDENTIAL_LABEL
from app.services.database import Database
from app.services.evidence.custody import record_reads
from app.services.integrity.checkpoints import CheckpointOutcome, make_checkpoint
from app.services.integrity.records import case_record_problems
from app.services.retry import retried

if TYPE_CHECKING:
    from reports.worker import WrittenPdf

#: ``progress(done, total, text)``: the GUI's task control, or nothing.
Progress = Callable[[int, int, str], None]
#: ``deliver(pdf, sha256)``: writes the report where it goes, before it is recorded
#: (its SHA-256, computed once for the record, is given with it).
Deliver = Callable[[bytes, str], None]


@runtime_checkable
class StagedDeliver(Protocol):
    """A ``deliver`` with a step of its own before the record: :meth:`stage_ahead`.

    :func:`record` calls ``stage_ahead(pdf)`` before it opens the recording
    transaction, so the file can be written (and synced) meanwhile; the call
    ``deliver(pdf, sha256)`` in the transaction then only moves it into place.
    """

    def __call__(self, pdf: bytes, sha256: str, /) -> None: ...

    def stage_ahead(self, pdf: bytes) -> None: ...


@runtime_checkable
class TargetDeliver(StagedDeliver, Protocol):
    """A :class:`StagedDeliver` that can hand a renderer of its own a file for the PDF.

    :meth:`render_target` makes an empty file in the staging folder, which a
    renderer in another process writes (:meth:`reports.worker.RenderWorker.
    finish_into`). :func:`record` then calls :meth:`sync_ahead`, which
    syncs that file to the disk on a thread while the record is written,
    and ``deliver(b"", sha256)``: the PDF is that file, which the call moves
    into place once synced. A ``deliver(pdf, sha256)`` with the bytes (the
    renderer could not write it) leaves that file and stages the bytes as usual.
    """

    def render_target(self) -> Path: ...

    def sync_ahead(self) -> None: ...


#: What a renderer gives: the PDF's bytes, or the file it wrote them into.
_Made = TypeVar("_Made")
_R = TypeVar("_R", reports.DisciplinaryReport, reports.CaseSummaryReport,
             reports.AuthorizationLogReport, reports.Letter)  # fmt: skip

FINDING_LABELS = {
    Finding.PENDING: "Pending",
    Finding.SUBSTANTIATED: "Substantiated",
    Finding.NOT_SUBSTANTIATED: "Not substantiated",
    Finding.UNFOUNDED: "Unfounded",
    Finding.EXONERATED: "Exonerated",
}
OBTAINED_LABELS = {
    ObtainedHow.PUBLIC: "Publicly available",
    ObtainedHow.SUPERVISION_AUTHORIZATION: "Under a supervision authorization",
    ObtainedHow.INVESTIGATION_AUTHORIZATION: "Under an investigation authorization",
    ObtainedHow.CREDENTIAL_REQUEST: "Through a credential request",
    ObtainedHow.REPORTER_SUPPLIED: "Supplied by the reporter",
    ObtainedHow.CONFIDENTIAL: CONFIDENTIAL_LABEL,
}
STATUS_LABELS = {
    CaseStatus.INTAKE: "Intake",
    CaseStatus.INVESTIGATING: "Under investigation",
    CaseStatus.FINDINGS: "Findings",
    CaseStatus.DISCIPLINE_REVIEW: "Discipline review",
    CaseStatus.CLOSED: "Closed",
    CaseStatus.REOPENED: "Reopened",
}
#: The action as the report names it (the renderer adds "without pay" and the days).
REPORT_KIND = {
    DisciplineAction.COUNSELING: "Counseling",
    DisciplineAction.VERBAL_REPRIMAND: "Verbal reprimand",
    DisciplineAction.WRITTEN_REPRIMAND: "Written reprimand",
    DisciplineAction.SUSPENSION: "Suspension",
    DisciplineAction.DEMOTION: "Demotion",
    DisciplineAction.DISMISSAL: "Dismissal",
}
INTERVIEW_KINDS = {NoteKind.INTERVIEW.value, NoteKind.WITNESS_STATEMENT.value}
NARRATIVE_SUMMARY_MAX = 1_500


@dataclass(frozen=True, slots=True)
class GeneratedReportInfo:
    """A rendered and recorded report: the PDF bytes and what was recorded about them."""

    id: int
    kind: str
    case_number: str | None
    scope: str
    sha256: str
    size: int
    generated_by: str
    generated_at: dt.datetime
    #: Empty when a renderer of its own wrote the file (the command line's report).
    pdf: bytes
    suggested_name: str
    #: "Audit checkpoint: …" as printed on the last page ("" when none).
    checkpoint_line: str = ""
    #: Why the checkpoint is not signed, or was not written ("" when it was).
    checkpoint_warning: str = ""


# -- small helpers ------------------------------------------------------------------------


def no_progress(done: int, total: int, text: str) -> None:
    return None


def load_case(uow: UnitOfWork, actor: Actor, case_ref: int | str) -> Case:
    """The case with what reports show, if in ``actor``'s scope; otherwise not found."""
    if isinstance(case_ref, int):
        condition = Case.id == case_ref
    else:
        condition = Case.number == str(CaseNumber.parse(case_ref))
    row = uow.session.scalar(
        select(Case)
        .where(condition, visible_cases(actor))
        .options(
            joinedload(Case.agency),
            # The users' roles (loaded with a user by default) are not printed.
            joinedload(Case.investigator).lazyload(User.roles),
            selectinload(Case.subjects).joinedload(Employee.supervisor),
            selectinload(Case.allegations)
            .joinedload(Allegation.provision)
            .joinedload(Provision.policy),
            selectinload(Case.notes).joinedload(Note.author).lazyload(User.roles),
        )
    )
    if row is None:
        raise NotFound(f"There is no case {case_ref}; see 'casedesk case list'.")
    return row


def agency_of(row: Agency) -> reports.Agency:
    return reports.Agency(name=row.name, code=row.code)


def employee_of(row: Employee) -> reports.Employee:
    return reports.Employee(
        name=row.full_name,
        title=row.position,
        unit=row.division,
        employee_id=row.employee_number or "",
        supervisor=row.supervisor.full_name if row.supervisor else "",
    )


def citation(allegation: Allegation) -> str:
    return f"{allegation.provision.policy.code} {allegation.provision.ref}"


def user_names(uow: UnitOfWork, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = uow.session.execute(select(User.id, User.full_name).where(User.id.in_(ids)))
    return {user_id: name for user_id, name in rows}


@functools.lru_cache(maxsize=64)
def zone_of(name: str) -> dt.tzinfo | None:
    """A zone from its IANA name ("America/Chicago") or its offset ("-06:00").

    Remembered: an offset is looked for as a zone name first, in the zone
    files and the ``tzdata`` package, for each of a report's items.
    """
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    try:
        offset = dt.datetime.strptime(name, "%z").utcoffset()
    except ValueError:
        return None
    return dt.timezone(offset) if offset is not None else None


def capture_text(moment: dt.datetime | None, zone: str | None) -> str:
    """A capture time in the capturer's zone with UTC beside it, or "not recorded"."""
    if moment is None:
        return "not recorded"
    utc = moment.astimezone(dt.UTC)
    tz = zone_of(zone) if zone else None
    if tz is None:
        return f"{utc:%Y-%m-%d %H:%M} UTC"
    local = utc.astimezone(tz)
    name = local.tzname() or zone or ""
    if name == "UTC":
        return f"{utc:%Y-%m-%d %H:%M} UTC"
    return f"{local:%Y-%m-%d %H:%M} {name} ({utc:%Y-%m-%d %H:%M} UTC)"


def role_text(actor: Actor) -> str:
    roles = sorted(r.value for r in actor.roles)
    return ", ".join("HR" if r == "hr" else r.capitalize() for r in roles)


@dataclass(frozen=True, slots=True)
class IncludedEvidence:
    """An evidence item read into a report, whose custody event waits for the report."""

    info: evidence.EvidenceInfo
    redacted: bool
    #: The item has redaction boxes but was printed as the original, as confirmed.
    unredacted: bool = False


@retried
def record(
    database: Database,
    actor: Actor,
    *,
    kind: str,
    case_id: int | None,
    case_number: str | None,
    scope: str,
    pdf: bytes,
    suggested_name: str,
    included: Sequence[IncludedEvidence] = (),
    deliver: Deliver | None = None,
    checkpoint: CheckpointOutcome | None = None,
    details: Mapping[str, object] | None = None,
    sha256: str | None = None,
    written: WrittenPdf | None = None,
) -> GeneratedReportInfo:
    """Record the report, its ``report.generate`` event (with ``details``) and its custody.

    A ``deliver`` that stages ahead (:class:`StagedDeliver`) starts writing the file first.
    ``sha256``: the PDF's digest when the renderer hashed it already as it came
    (:attr:`reports.worker.RenderWorker.sha256`); otherwise it is computed here.
    ``written``: the renderer wrote the PDF into the file ``deliver`` gave it
    (:class:`TargetDeliver`); ``pdf`` is then empty, and so is the result's.
    """
    if written is not None:
        if isinstance(deliver, TargetDeliver):
            deliver.sync_ahead()
        size, digest = written.size, written.sha256
    else:
        if isinstance(deliver, StagedDeliver):
            deliver.stage_ahead(pdf)
        size, digest = len(pdf), sha256 or hashlib.sha256(pdf).hexdigest()
    with database.unit_of_work(write=True) as uow:
        # A summary's items belong to several cases: lock them all before the audit head.
        audit.lock_cases(uow, [case_id, *(item.info.case_id for item in included)])
        row = GeneratedReport(
            kind=kind, case_id=case_id, scope=scope, sha256=digest, size=size,
            generated_by_id=actor.user_id, generated_at=utcnow(),
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        audit.record(
            uow, actor, "report.generate", entity_type="report", entity_id=row.id,
            case_id=case_id,
            details={"kind": kind, "scope": scope, "sha256": digest, "size": size,
                     **(details or {})},
        )  # fmt: skip
        # One append to the chain for all of them (a report may hold hundreds).
        record_reads(
            uow, actor, "report",
            [(item.info,
              {"report_id": row.id, "report_kind": kind, "report_sha256": digest,
               "redacted": item.redacted,
               **({"unredacted": True} if item.unredacted else {})})
             for item in included],
        )  # fmt: skip
        if deliver is not None:
            deliver(pdf, digest)
        uow.commit()
        return GeneratedReportInfo(
            row.id, kind, case_number, scope, digest, size, actor.full_name,
            row.generated_at, pdf, suggested_name,
            checkpoint.line if checkpoint else "", checkpoint.warning if checkpoint else "",
        )  # fmt: skip


def count_text(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def render_progress(progress: Progress, text: str) -> reports.Progress:
    def forward(done: int, total: int) -> None:
        progress(done, total, text)

    return forward


def _use_shipped_fonts() -> None:
    """Point the report renderer at the fonts shipped in ``resources/fonts``."""
    try:
        folder = report_fonts_path()
    except FileNotFoundError as error:
        raise Refused(f"The report could not be produced: {error}") from None
    reports.use_font_folder(folder)
    # Parsed once per installation and user, not once per command.
    reports.use_font_cache(report_font_cache())


#: The last page's "Audit checkpoint: …" when the audit log did not verify as the
#: report was made (no checkpoint is signed over it).
UNVERIFIED_LOG = (
    "none \u2014 the audit log did not verify when this report was generated "
    "(see 'casedesk audit verify')"
)


def checkpointed(
    database: Database, report: _R, cases: Iterable[int] = ()
) -> tuple[_R, CheckpointOutcome]:
    """``report`` with the audit checkpoint it is made at, to print on its last page.

    The checkpoint signs the chain as it stands before the report's own
    event; the next checkpoint covers that event. First, the discipline
    decisions of ``cases`` (the cases the document prints) must still hold
    what the log recorded: a decision changed behind Casedesk's back refuses
    the document (:class:`IntegrityFailure`), before anything is written.
    """
    if cases:
        with database.unit_of_work() as uow:
            changed = [line for case in cases for line in case_record_problems(uow, case)]
        if changed:
            raise IntegrityFailure(
                f"The report was not made: {changed[0]}. Run 'casedesk audit verify' "
                "and restore the database from a backup."
            )
    outcome = make_checkpoint(database)
    if outcome.checkpoint is not None:
        line = outcome.checkpoint.line
    else:
        # Nothing is signed over a log that does not verify: the reader is told so.
        line = UNVERIFIED_LOG if outcome.warning else ""
    return dataclasses.replace(report, audit_checkpoint=line), outcome


def rendered(
    render: Callable[..., _Made],
    report: object,
    *,
    progress: reports.Progress,
    fonts_given: bool = False,
) -> _Made:
    """Render with ``render`` and the shipped fonts; a missing font or unreadable
    image becomes a refusal.

    ``fonts_given``: ``render`` brings its fonts (a :class:`reports.worker.RenderWorker`
    started with the shipped folder, which renders in this process only as a
    fallback, with that folder), so the shipped fonts are not set up here.
    """
    if not fonts_given:
        _use_shipped_fonts()
    try:
        return render(report, progress=progress)
    except reports.ReportError as error:
        raise Refused(f"The report could not be produced: {error}") from None


def list_generated(
    database: Database, actor: Actor, case_id: int | None = None
) -> list[GeneratedReportInfo]:
    """Reports generated so far (of one case, or all), newest first, without their PDFs."""
    actor.require(Permission.REPORT_GENERATE)
    with database.unit_of_work() as uow:
        query = (
            select(GeneratedReport, Case.number, User.full_name)
            .outerjoin(Case, Case.id == GeneratedReport.case_id)
            .join(User, User.id == GeneratedReport.generated_by_id)
            .order_by(GeneratedReport.id.desc())
        )
        # Reports of cases outside the actor's scope are not listed; a report of no one
        # case (several cases' summaries, a log of authorizations) names what it covers in
        # its scope, which may be outside the actor's: only its author sees it listed.
        query = query.where(
            or_(
                and_(
                    GeneratedReport.case_id.is_(None),
                    GeneratedReport.generated_by_id == actor.user_id,
                ),
                case_visible(GeneratedReport.case_id, actor),
            )
        )
        if case_id is not None:
            query = query.where(GeneratedReport.case_id == case_id)
        return [
            GeneratedReportInfo(
                r.id, r.kind, number, r.scope, r.sha256, r.size, name, r.generated_at, b"", ""
            )
            for r, number, name in uow.session.execute(query)
        ]
