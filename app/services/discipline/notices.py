"""The pre-action notice and the employee's response to it (audited).

Cleveland Board of Education v. Loudermill, 470 U.S. 532 (1985): notice of
the charges, an explanation of the evidence, and a chance to respond before
the action. The notice proposes an action; the response window is the
agency's number of working days, counted with the state's calendar
(weekends and public holidays excluded); the response, or the record that
none came by the deadline, is considered before the decision.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Case,
    DisciplineNotice,
    DisciplineResponse,
    DisciplineResponseFile,
)
from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.discipline import (
    LOUDERMILL,
    RESPONSE_DAYS_MAX,
    STATUS_PENDING_MAX,
    SUSPENSION_DAYS_MAX,
    DisciplineAction,
    response_due,
)
from app.domain.discipline.flow import (
    NAME_MAX,
    RESPONSE_FILE_MAX,
    RESPONSE_FILES_MAX,
    SUMMARY_MAX,
    DeliveryMethod,
    window_note,
)
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.evidence import check_size, clean_filename, sniff
from app.domain.permissions import Permission
from app.domain.validation import clean_text
from app.domain.zones import agency_today, last_day_begun
from app.services import audit
from app.services.access import case_visible
from app.services.database import Database
from app.services.discipline.flow_records import (
    NoticeInfo,
    NoticeInput,
    ResponseFileInfo,
    ResponseFileInput,
    ResponseInfo,
)
from app.services.discipline.queries import (
    chosen_grounds,
    citation,
    citations_of,
    load_case,
    regime_of,
    subject_of,
)
from app.services.discipline.records import DECISION_STATUSES, DEFAULT_STATUS_PENDING
from app.services.discipline.values import law_values, pack_of, values_of
from app.services.retry import retried

_MEDIA_TYPES = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "WebP": "image/webp",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
    "PDF": "application/pdf",
    "HTML": "text/html",
    "text": "text/plain",
    "a ZIP archive": "application/zip",
}


# -- reading --------------------------------------------------------------------------------


def notice_rows(uow: UnitOfWork, case_id: int, employee_id: int) -> list[DisciplineNotice]:
    """The employee's notices in the case, oldest first (the last is the one in effect)."""
    return list(
        uow.session.scalars(
            select(DisciplineNotice)
            .where(DisciplineNotice.case_id == case_id, DisciplineNotice.employee_id == employee_id)
            .options(joinedload(DisciplineNotice.created_by))
            .order_by(DisciplineNotice.id)
        )
    )


def current_notice(uow: UnitOfWork, case_id: int, employee_id: int) -> DisciplineNotice | None:
    """The notice in effect for the employee in the case, if any."""
    rows = notice_rows(uow, case_id, employee_id)
    return rows[-1] if rows else None


def notice_info(uow: UnitOfWork, row: DisciplineNotice) -> NoticeInfo:
    return NoticeInfo(
        id=row.id,
        case_id=row.case_id,
        employee_id=row.employee_id,
        proposed_action=DisciplineAction(row.proposed_action),
        proposed_days=row.proposed_days,
        issued_on=row.issued_on,
        delivery_method=DeliveryMethod(row.delivery_method),
        delivered_by=row.delivered_by,
        response_days=row.response_days,
        response_due=row.response_due,
        response_due_note=row.response_due_note,
        allegation_ids=tuple(int(i) for i in row.allegation_ids),
        charges=citations_of(uow, row.allegation_ids),
        evidence_explanation=row.evidence_explanation,
        status_pending=row.status_pending,
        recorded_by=row.created_by.full_name,
        recorded_at=row.created_at,
    )


def response_row(uow: UnitOfWork, notice_id: int) -> DisciplineResponse | None:
    return uow.session.scalar(
        select(DisciplineResponse)
        .where(DisciplineResponse.notice_id == notice_id)
        .options(joinedload(DisciplineResponse.recorded_by), joinedload(DisciplineResponse.notice))
    )


def response_info(uow: UnitOfWork, row: DisciplineResponse) -> ResponseInfo:
    files = uow.session.execute(
        select(
            DisciplineResponseFile.id,
            DisciplineResponseFile.filename,
            DisciplineResponseFile.media_type,
            DisciplineResponseFile.size,
            DisciplineResponseFile.sha256,
        )
        .where(DisciplineResponseFile.response_id == row.id)
        .order_by(DisciplineResponseFile.id)
    )
    received = row.received_on
    return ResponseInfo(
        id=row.id,
        notice_id=row.notice_id,
        received_on=received,
        summary=row.summary,
        files=tuple(ResponseFileInfo(*f) for f in files),
        recorded_by=row.recorded_by.full_name,
        recorded_at=row.recorded_at,
        late=received is not None and received > row.notice.response_due,
    )


def response_file(database: Database, actor: Actor, file_id: int) -> tuple[ResponseFileInfo, bytes]:
    """A response file and its bytes, re-hashed (a mismatch is refused naming the file)."""
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        # The file's case (response -> notice -> case) must be in the actor's scope; a
        # file of a case they may not see is as unknown as an id no one has.
        row = uow.session.scalar(
            select(DisciplineResponseFile)
            .join(DisciplineResponse, DisciplineResponse.id == DisciplineResponseFile.response_id)
            .join(DisciplineNotice, DisciplineNotice.id == DisciplineResponse.notice_id)
            .where(
                DisciplineResponseFile.id == file_id, case_visible(DisciplineNotice.case_id, actor)
            )
        )
        if row is None:
            raise NotFound(f"There is no response file {file_id}.")
        data = row.data
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise Refused(
                f"The response file {row.filename} (id {row.id}) no longer matches the SHA-256 "
                "recorded when it was received; it has been altered."
            )
        info = ResponseFileInfo(row.id, row.filename, row.media_type, row.size, row.sha256)
        return info, data


# -- the notice -----------------------------------------------------------------------------


def open_for_discipline(row: Case) -> None:
    status = CaseStatus(row.status)
    if status not in DECISION_STATUSES:
        raise Refused(
            f"Notices, responses and decisions are recorded while a case is in discipline "
            f"review; {row.number} is in {status.label}."
        )


def _validated_notice(notice: NoticeInput) -> NoticeInput:
    delivered_by = clean_text(notice.delivered_by, "Delivered by", max_length=NAME_MAX)
    explanation = clean_text(
        notice.evidence_explanation, "Explanation of the evidence", max_length=SUMMARY_MAX,
        required=False, multiline=True,
    )  # fmt: skip
    pending = clean_text(
        notice.status_pending, "Status pending decision", max_length=STATUS_PENDING_MAX,
        required=False, multiline=True,
    )  # fmt: skip
    days = notice.proposed_days
    if notice.proposed_action is DisciplineAction.SUSPENSION:
        if days is None or not 1 <= days <= SUSPENSION_DAYS_MAX:
            raise InvalidInput(
                f"A proposed suspension needs its length: 1 to {SUSPENSION_DAYS_MAX} working days.",
                field="proposed_days",
            )
    elif days is not None:
        raise InvalidInput(
            f"Only a suspension has a number of days; a "
            f"{notice.proposed_action.label.lower()} does not.",
            field="proposed_days",
        )
    window = notice.response_days
    if window is not None and not 1 <= window <= RESPONSE_DAYS_MAX:
        raise InvalidInput(
            f"The response window must be 1 to {RESPONSE_DAYS_MAX} working days.",
            field="response_days",
        )
    return NoticeInput(
        notice.employee_id, notice.proposed_action, notice.issued_on, notice.delivery_method,
        delivered_by, days, tuple(dict.fromkeys(notice.allegation_ids)), window, explanation,
        pending or DEFAULT_STATUS_PENDING,
    )  # fmt: skip


@retried
def issue_notice(
    database: Database, actor: Actor, case_ref: int | str, notice: NoticeInput
) -> NoticeInfo:
    """Record the pre-action notice given to one employee of a case in discipline review.

    The response is due ``response_days`` working days after the notice
    (the agency's setting unless given), counted with the state's calendar;
    the notice's note says which holidays were skipped. A later notice
    replaces an earlier one: the employee then answers the new one.
    """
    actor.require(Permission.DISCIPLINE_RECORD)
    notice = _validated_notice(notice)
    with database.unit_of_work(write=True) as uow:
        row = load_case(uow, actor, case_ref, lock=True)
        open_for_discipline(row)
        employee = subject_of(row, notice.employee_id)
        if notice.issued_on > last_day_begun(row.agency.jurisdiction):
            raise InvalidInput(
                f"The notice date {notice.issued_on} is in the future; record a notice once "
                "it has been given.",
                field="issued_on",
            )
        if notice.issued_on < row.reported_on:
            raise InvalidInput(
                f"The notice date {notice.issued_on} is before the case was reported "
                f"({row.reported_on}).",
                field="issued_on",
            )
        pack = pack_of(row.agency)
        regime = regime_of(employee)
        if regime is not None:
            pack.check_action(notice.proposed_action, regime)
        chosen = chosen_grounds(uow, row, employee.id, notice.allegation_ids)
        values = law_values(values_of(uow, row.agency))
        days = notice.response_days
        if days is None:
            days = int(pack.response_days.resolve(values, row.agency.code))
        due = response_due(pack.calendar, notice.issued_on, days)
        record = DisciplineNotice(
            case_id=row.id,
            employee_id=employee.id,
            proposed_action=notice.proposed_action.value,
            proposed_days=notice.proposed_days,
            issued_on=notice.issued_on,
            delivery_method=notice.delivery_method.value,
            delivered_by=notice.delivered_by,
            response_days=days,
            response_due=due,
            response_due_note=window_note(pack.calendar, notice.issued_on, due, days),
            allegation_ids=[str(a.id) for a in chosen],
            evidence_explanation=notice.evidence_explanation,
            status_pending=notice.status_pending,
            created_by_id=actor.user_id,
            created_at=utcnow(),
        )
        uow.session.add(record)
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        uow.session.flush()
        audit.record(
            uow, actor, "discipline.notice", entity_type="discipline_notice",
            entity_id=record.id, case_id=row.id,
            details={"employee_id": employee.id, "proposed_action": record.proposed_action,
                     "proposed_days": record.proposed_days,
                     "issued_on": record.issued_on.isoformat(),
                     "delivery_method": record.delivery_method,
                     "delivered_by": record.delivered_by, "response_days": days,
                     "response_due": due.isoformat(),
                     "charges": [citation(a) for a in chosen]},
        )  # fmt: skip
        uow.commit()
        fresh = uow.session.scalars(
            select(DisciplineNotice)
            .where(DisciplineNotice.id == record.id)
            .options(joinedload(DisciplineNotice.created_by))
        ).one()
        return notice_info(uow, fresh)


# -- the response ---------------------------------------------------------------------------


def _checked_files(files: tuple[ResponseFileInput, ...]) -> list[tuple[str, bytes, str]]:
    if len(files) > RESPONSE_FILES_MAX:
        raise InvalidInput(f"At most {RESPONSE_FILES_MAX} files go with one response.")
    checked = []
    for f in files:
        name = clean_filename(f.filename)
        check_size(len(f.data), RESPONSE_FILE_MAX, name)
        if not f.data:
            raise InvalidInput(f"{name} is empty; give the file the employee handed in.")
        kind = sniff(f.data)
        checked.append((name, f.data, _MEDIA_TYPES.get(kind, "application/octet-stream")))
    return checked


@retried
def record_response(
    database: Database,
    actor: Actor,
    case_ref: int | str,
    employee_id: int,
    *,
    received_on: dt.date | None,
    summary: str = "",
    files: tuple[ResponseFileInput, ...] = (),
) -> ResponseInfo:
    """Record the employee's response to the notice in effect, or that none came.

    ``received_on`` ``None`` records "no response by the deadline", which is
    only possible once the deadline has passed. A response received after
    the deadline is recorded and marked late. Files are kept with their
    SHA-256.
    """
    actor.require(Permission.DISCIPLINE_RECORD)
    none_came = received_on is None
    summary = clean_text(
        summary, "Summary of the response", max_length=SUMMARY_MAX, required=not none_came,
        multiline=True,
    )  # fmt: skip
    if none_came and files:
        raise InvalidInput(
            "Files go with a response received; 'no response by the deadline' has none."
        )
    checked = _checked_files(files)
    with database.unit_of_work(write=True) as uow:
        row = load_case(uow, actor, case_ref, lock=True)
        if received_on is not None and received_on > last_day_begun(row.agency.jurisdiction):
            raise InvalidInput(
                f"The date received {received_on} is in the future.", field="received_on"
            )
        open_for_discipline(row)
        employee = subject_of(row, employee_id)
        notice = current_notice(uow, row.id, employee.id)
        if notice is None:
            raise Refused(
                f"No pre-action notice has been given to {employee.full_name} in {row.number}; "
                "a response answers a notice. Give the notice first.",
                citations=(LOUDERMILL,),
            )
        if response_row(uow, notice.id) is not None:
            raise Refused(
                f"The response to the notice of {notice.issued_on} is already recorded for "
                f"{employee.full_name}; it is kept as recorded."
            )
        if received_on is not None and received_on < notice.issued_on:
            raise InvalidInput(
                f"The response date {received_on} is before the notice of {notice.issued_on}.",
                field="received_on",
            )
        # The window ends at the agency's midnight (app.domain.zones), not this computer's.
        if none_came and agency_today(row.agency.jurisdiction) <= notice.response_due:
            raise Refused(
                f"The response window is open until {notice.response_due} "
                f"({notice.response_due_note}); 'no response by the deadline' can be recorded "
                "from the next day.",
                citations=(LOUDERMILL,),
            )
        record = DisciplineResponse(
            notice_id=notice.id, received_on=received_on, summary=summary,
            recorded_by_id=actor.user_id, recorded_at=utcnow(),
        )  # fmt: skip
        uow.session.add(record)
        uow.session.flush()
        stored = []
        for name, data, media_type in checked:
            digest = hashlib.sha256(data).hexdigest()
            uow.session.add(
                DisciplineResponseFile(
                    response_id=record.id,
                    filename=name,
                    media_type=media_type,
                    size=len(data),
                    sha256=digest,
                    data=data,
                )  # fmt: skip
            )
            stored.append({"name": name, "sha256": digest, "size": len(data)})
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        uow.session.flush()
        audit.record(
            uow, actor, "discipline.response", entity_type="discipline_response",
            entity_id=record.id, case_id=row.id,
            details={"employee_id": employee.id, "notice_id": notice.id,
                     "received_on": received_on.isoformat() if received_on else None,
                     "none_by_deadline": none_came, "files": stored},
        )  # fmt: skip
        uow.commit()
        fresh = response_row(uow, notice.id)
        assert fresh is not None
        return response_info(uow, fresh)
