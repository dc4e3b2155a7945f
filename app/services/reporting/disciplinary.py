"""The disciplinary report of one case for one employee.

Only that employee's allegations, findings, evidence and discipline are
printed; what was left out for another subject is said, not shown.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select

import reports
from app.db.models import Case, DisciplineRecord
from app.domain.actor import Actor
from app.domain.errors import InvalidInput, Refused
from app.domain.permissions import Permission
from app.services.access import case_id_of
from app.services.database import Database
from app.services.reporting.common import (
    Deliver,
    GeneratedReportInfo,
    IncludedEvidence,
    Progress,
    TargetDeliver,
    checkpointed,
    load_case,
    no_progress,
    record,
    render_progress,
    rendered,
)
from app.services.reporting.disciplinary_text import report_text
from app.services.reporting.evidence_reading import (
    EvidencePlan,
    check_unredacted,
    checked_images,
    choose_for_employee,
    plan_for_report,
)

if TYPE_CHECKING:
    from reports.worker import WrittenPdf


def pick_employee(row: Case, decisions: list[DisciplineRecord], employee_id: int | None) -> int:
    subjects = {e.id: e for e in row.subjects}
    if employee_id is not None:
        if employee_id not in subjects:
            raise InvalidInput(
                f"Employee {employee_id} is not a subject of {row.number}.", field="employee"
            )
        return employee_id
    if len(subjects) == 1:
        return next(iter(subjects))
    if len(decisions) == 1:
        return decisions[0].employee_id
    names = ", ".join(f"{e.full_name} ({e.id})" for e in subjects.values()) or "none"
    raise InvalidInput(
        f"{row.number} has {len(subjects)} subject employees ({names}); say which one the "
        "disciplinary report is for.",
        field="employee",
    )


def build_disciplinary(
    database: Database,
    actor: Actor,
    case_ref: int | str,
    *,
    employee_id: int | None = None,
    progress: Progress = no_progress,
    include_void: bool = False,
) -> reports.DisciplinaryReport:
    """The disciplinary report of a case for one employee, evidence re-hashed."""
    report, _reading = read_disciplinary(
        database, actor, case_ref, employee_id=employee_id, progress=progress,
        include_void=include_void,
    )  # fmt: skip
    return report


@dataclass(frozen=True, slots=True)
class Reading:
    """What a per-employee document was built from, to record with it."""

    included: tuple[IncludedEvidence, ...]
    employee_id: int
    #: Details of the ``report.generate`` event: the employee, any unredacted printing.
    details: dict[str, object]


def read_disciplinary(
    database: Database,
    actor: Actor,
    case_ref: int | str,
    *,
    employee_id: int | None,
    progress: Progress,
    unredacted: bool = False,
    confirm_unredacted: bool = False,
    draft: bool | None = None,
    include_void: bool = False,
) -> tuple[reports.DisciplinaryReport, Reading]:
    """The report and the evidence read into it, whose custody events are still to write.

    Only the employee's own allegations, findings, evidence, interviews and
    discipline are printed (:func:`choose_for_employee`); unredacted exhibits
    of a case with client, patient or youth content need ``confirm_unredacted``.
    Without a decision in force for the employee the report is a draft,
    watermarked DRAFT: refused when ``draft`` is ``False``, always a draft when
    ``True``, a draft exactly when there is no decision when ``None``.
    """
    report, reading, plan = _read_text(
        database, actor, case_ref, employee_id=employee_id, progress=progress,
        unredacted=unredacted, confirm_unredacted=confirm_unredacted, draft=draft,
        include_void=include_void,
    )  # fmt: skip
    images = dict(checked_images(database, actor, plan, progress))
    return dataclasses.replace(report, evidence=plan.completed(images)), reading


def _read_text(
    database: Database,
    actor: Actor,
    case_ref: int | str,
    *,
    employee_id: int | None,
    progress: Progress,
    unredacted: bool,
    confirm_unredacted: bool,
    draft: bool | None,
    include_void: bool,
) -> tuple[reports.DisciplinaryReport, Reading, EvidencePlan]:
    """:func:`read_disciplinary` but for the bytes of the items in the plan's ``pending``.

    The report is complete but for those items' image bytes: its text is
    final, so it can be laid out while :func:`checked_images` reads and
    re-hashes them. The case is read for the employee and the checks, and
    that transaction ends before the evidence is chosen and planned (reading
    a redacted item may record an integrity failure, a write); the text is
    then read in a transaction of its own.
    """
    actor.require(Permission.REPORT_GENERATE)
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        row = load_case(uow, actor, case_ref)
        decisions = list(
            uow.session.scalars(select(DisciplineRecord).where(DisciplineRecord.case_id == row.id))
        )
        # Which employee is asked first, before any evidence is read for nothing.
        who = pick_employee(row, decisions, employee_id)
        decided = any(d.employee_id == who and d.withdrawn_at is None for d in decisions)
        if not decided and draft is False:
            name = next(e.full_name for e in row.subjects if e.id == who)
            raise Refused(
                f"No decision is in force for {name} in {row.number}: the disciplinary report "
                "is printed for a decision that exists. Record it first ('casedesk discipline "
                f"decide {row.number} …'), print the closure letter if nothing was "
                f"substantiated ('casedesk report closure {row.number}'), or print a draft "
                "with --draft."
            )
        sensitive = check_unredacted(row, unredacted=unredacted, confirmed=confirm_unredacted)
        case_id, number, only_subject = row.id, row.number, len(row.subjects) <= 1
    choice = choose_for_employee(
        database, actor, case_id, who, include_void=include_void, only_subject=only_subject
    )
    plan = plan_for_report(database, actor, case_id, progress, choice=choice, unredacted=unredacted)
    with database.unit_of_work() as uow:
        row = load_case(uow, actor, case_id)
        in_force = list(
            uow.session.scalars(
                select(DisciplineRecord).where(
                    DisciplineRecord.case_id == case_id, DisciplineRecord.withdrawn_at.is_(None)
                )
            )
        )
        report = report_text(uow, actor, row, in_force, who, plan.items)
    report = dataclasses.replace(
        report,
        left_out=" ".join(p for p in (choice.left_out_text(number), report.left_out) if p),
        watermark=reports.DRAFT if draft or not decided else "",
    )
    details: dict[str, object] = {"employee_id": who}
    if report.watermark:
        details["draft"] = True
    if unredacted:
        details.update(unredacted=True, unredacted_confirmed=confirm_unredacted,
                       sensitive=sensitive)  # fmt: skip
    return report, Reading(plan.included, who, details), plan


class StreamedRender(Protocol):
    """A renderer handed the report in steps (:class:`reports.worker.RenderWorker`).

    :meth:`begin` gives it the report whose items at the ``pending`` indexes
    have no image bytes yet, to lay out and draw at once; :meth:`image` each
    of those items' bytes once they matched their SHA-256; :meth:`finish` the
    complete report (images and audit checkpoint), returning the PDF the
    complete report gives (raising :class:`reports.ReportError` as the
    renderer does); :meth:`close` ends it, whatever was sent. It brings its
    own fonts. Whoever started it owns :meth:`close` and calls it in a
    ``finally`` (:func:`generate_disciplinary` closes it early only when an
    item fails its check); after :meth:`finish` it ends by itself. :meth:`finish_into`
    is :meth:`finish` writing the PDF into an empty file it is given, when it
    can (else it returns the bytes). :attr:`sha256` is the SHA-256 of the PDF
    the last of them gave if the renderer hashed it, else None.
    """

    sha256: str | None

    def begin(
        self,
        report: reports.DisciplinaryReport,
        pending: Collection[int] = (),
        *,
        progress: reports.Progress | None = None,
    ) -> None: ...

    def image(self, index: int, data: bytes) -> None: ...

    def finish(
        self, report: reports.DisciplinaryReport, *, progress: reports.Progress | None = None
    ) -> bytes: ...

    def finish_into(
        self,
        report: reports.DisciplinaryReport,
        target: Path,
        *,
        progress: reports.Progress | None = None,
    ) -> bytes | WrittenPdf: ...

    def close(self) -> None: ...


def generate_disciplinary(
    database: Database,
    actor: Actor,
    case_ref: int | str,
    *,
    employee_id: int | None = None,
    progress: Progress = no_progress,
    deliver: Deliver | None = None,
    unredacted: bool = False,
    confirm_unredacted: bool = False,
    draft: bool | None = None,
    include_void: bool = False,
    render: StreamedRender | None = None,
) -> GeneratedReportInfo:
    """Build, render and record the disciplinary report of a case for one employee.

    ``deliver`` (writing the file) runs in the recording transaction: if it
    fails, neither the report nor its evidence's custody events are recorded.
    ``unredacted`` prints the originals of redacted items; in a case with
    client, patient or youth content only with ``confirm_unredacted``, and
    the ``report.generate`` event records it. ``render``: a renderer that
    brings its own fonts and is handed the report in steps (the worker the
    command started early, :mod:`reports.worker`): it lays the report out
    while the evidence is read and re-hashed here, and is given each item's
    bytes only once they matched; by default this process renders the
    complete report.
    """
    text, reading, plan = _read_text(
        database, actor, case_ref, employee_id=employee_id, progress=progress,
        unredacted=unredacted, confirm_unredacted=confirm_unredacted, draft=draft,
        include_void=include_void,
    )  # fmt: skip
    shown = render_progress(progress, "Rendering the report…")
    if render is None:
        images = dict(checked_images(database, actor, plan, progress))
    else:
        render.begin(text, plan.pending, progress=shown)
        images = {}
        try:
            for index, data in checked_images(database, actor, plan, progress):
                render.image(index, data)
                images[index] = data
        except BaseException:
            render.close()  # an item failed its check: the half-made report goes with it
            raise
    report = dataclasses.replace(text, evidence=plan.completed(images))
    case_id = case_id_of(database, actor, report.case_number)  # still in the actor's scope
    # While the worker renders: the checkpoint, and the decisions checked against the log.
    report, checkpoint = checkpointed(database, report, [case_id])
    made: bytes | WrittenPdf
    if render is None:
        made = rendered(reports.render_disciplinary, report, progress=shown)
    elif isinstance(deliver, TargetDeliver):
        # The worker writes the file itself: its 25 MB never come through the pipe.
        into = functools.partial(render.finish_into, target=deliver.render_target())
        made = rendered(into, report, progress=shown, fonts_given=True)
    else:
        made = rendered(render.finish, report, progress=shown, fonts_given=True)
    return record(
        database, actor, kind="disciplinary", case_id=case_id, case_number=report.case_number,
        scope=f"{report.case_number} {report.employee.name}",
        pdf=made if isinstance(made, bytes) else b"",
        written=None if isinstance(made, bytes) else made,
        suggested_name=f"{report.case_number}-disciplinary.pdf", included=reading.included,
        deliver=deliver, checkpoint=checkpoint, details=reading.details,
        sha256=render.sha256 if render is not None else None,
    )  # fmt: skip
