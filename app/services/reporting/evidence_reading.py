"""Evidence read into a report: re-hashed, redacted where boxes are drawn, chosen per employee.

Every item is read back and its bytes re-hashed before anything is rendered
(a mismatch raises :class:`~app.domain.errors.IntegrityFailure` naming the
item). No custody event is written here: the caller records them with the
finished report.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import select

import reports
from app.db.models import Case, CredentialRequest
from app.domain.actor import Actor
from app.domain.errors import Refused
from app.domain.evidence import RedactionBox
from app.services import evidence
from app.services.database import Database
from app.services.evidence.redaction import boxes_by_item, render_redacted
from app.services.reporting.common import (
    OBTAINED_LABELS,
    IncludedEvidence,
    Progress,
    capture_text,
    citation,
    count_text,
)

#: Provision tags that mark confidential client, patient or youth content
#: (MA DYS 01.05.22 C.2.a-c; AR-DHS II(A); MO DMH DOR 6.675 (2); AR 150 IV.K).
SENSITIVE_TAGS = {"youth": "youth", "hipaa": "HIPAA", "cori": "CORI",
                  "criminal-justice": "criminal justice information"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Subject:
    """A subject employee as the evidence of a case can name them."""

    employee_id: int
    name: str
    #: Account names (folded) of the employee's accounts in credential records.
    accounts: frozenset[str]


@dataclass(frozen=True, slots=True)
class EvidenceChoice:
    """The items one employee's document prints, and what it leaves out, in words."""

    item_ids: tuple[int, ...]
    #: Position of each chosen item in the case's evidence list (its "E-n" label).
    positions: tuple[int, ...]
    #: Items about another subject only, and items naming no subject.
    others: int
    unattributed: int
    #: The chosen items as listed when they were chosen (empty: not kept).
    items: tuple[evidence.EvidenceInfo, ...] = ()

    def left_out_text(self, case_number: str) -> str:
        """What the document says about the items it does not print ("" when none)."""
        parts = []
        if self.others:
            parts.append(
                f"{count_text(self.others, 'item concerns', 'items concern')} another subject "
                "of the case only"
            )
        if self.unattributed:
            parts.append(
                f"{count_text(self.unattributed, 'item is', 'items are')} not attributed to "
                "this employee (neither obtained through a credential request about them nor "
                "naming them or their account in its account shown, description or file name)"
            )
        if not parts:
            return ""
        return (
            f"Left out of this document: {'; '.join(parts)}. They remain in case "
            f"{case_number}; labels E-n keep the item's place in the case's evidence list."
        )


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lstrip("@").casefold()


def subjects_of(database: Database, case_id: int) -> list[Subject]:
    """The case's subject employees, with the accounts credential records give them."""
    with database.unit_of_work() as uow:
        row = uow.session.get(Case, case_id)
        assert row is not None
        people = [(e.id, e.full_name) for e in row.subjects]
        accounts: dict[int, set[str]] = {}
        ids = [i for i, _name in people]
        for employee_id, account in uow.session.execute(
            select(CredentialRequest.employee_id, CredentialRequest.account_name).where(
                CredentialRequest.employee_id.in_(ids)
            )
        ):
            if account.strip():
                accounts.setdefault(employee_id, set()).add(_fold(account))
    return [Subject(i, name, frozenset(accounts.get(i, ()))) for i, name in people]


def _request_employees(database: Database, ids: Iterable[int]) -> dict[int, int]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    with database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(CredentialRequest.id, CredentialRequest.employee_id).where(
                CredentialRequest.id.in_(wanted)
            )
        )
        return {request_id: employee_id for request_id, employee_id in rows}


def concerned(
    info: evidence.EvidenceInfo, subjects: Sequence[Subject], requests: dict[int, int]
) -> set[int]:
    """The subjects an item is about: through its credential request, its account, or a name.

    Evidence carries no link to an allegation, so the item's own record
    decides: obtained through a credential request about an employee's
    account; showing an account that a credential record gives the employee;
    or naming the employee in its account shown, description or file name.
    """
    if info.credential_request_id and info.credential_request_id in requests:
        return {requests[info.credential_request_id]}
    account = _fold(info.account_shown)
    text = _fold(f"{info.account_shown} {info.description} {info.original_filename}")
    found = set()
    for subject in subjects:
        if account and account in subject.accounts:
            found.add(subject.employee_id)
        elif _fold(subject.name) and _fold(subject.name) in text:
            found.add(subject.employee_id)
    return found


def choose_for_employee(
    database: Database,
    actor: Actor,
    case_id: int,
    employee_id: int,
    *,
    include_void: bool = False,
    only_subject: bool = False,
) -> EvidenceChoice:
    """The case's items that concern ``employee_id`` (every item when they are the only subject).

    Void items are left out unless ``include_void``. ``only_subject``: the
    caller has read that the case has no other subject (its subjects are not
    read again).
    """
    items = evidence.list_evidence(database, actor, case_id, include_void=include_void)
    subjects = [] if only_subject else subjects_of(database, case_id)
    if len(subjects) <= 1:
        return EvidenceChoice(
            tuple(i.id for i in items), tuple(range(1, len(items) + 1)), 0, 0, tuple(items)
        )
    requests = _request_employees(database, (i.credential_request_id or 0 for i in items))
    chosen: list[int] = []
    positions: list[int] = []
    others = unattributed = 0
    for position, info in enumerate(items, start=1):
        about = concerned(info, subjects, requests)
        if employee_id in about:
            chosen.append(info.id)
            positions.append(position)
        elif about:
            others += 1
        else:
            unattributed += 1
    kept = set(chosen)
    listed = tuple(i for i in items if i.id in kept)
    return EvidenceChoice(tuple(chosen), tuple(positions), others, unattributed, listed)


def sensitive_reasons(row: Case) -> list[str]:
    """Why the case holds client, patient or youth content (empty when nothing says so)."""
    reasons = []
    if row.clients_involved:
        reasons.append("the intake records that clients, patients or youth are involved")
    for allegation in row.allegations:
        tags = [SENSITIVE_TAGS[t] for t in allegation.provision.tags if t in SENSITIVE_TAGS]
        if tags:
            reasons.append(
                f"{citation(allegation)} concerns {', '.join(dict.fromkeys(tags))} information"
            )
    return list(dict.fromkeys(reasons))


def check_unredacted(row: Case, *, unredacted: bool, confirmed: bool) -> list[str]:
    """Refuse unredacted exhibits of a case with client, patient or youth content unless confirmed.

    Returns the reasons the case is sensitive (recorded with the report).
    """
    reasons = sensitive_reasons(row)
    if unredacted and reasons and not confirmed:
        raise Refused(
            f"{row.number} holds confidential client, patient or youth content "
            f"({'; '.join(reasons)}): exhibits are printed redacted (MA DYS 01.05.22 C.2.a-c; "
            "AR-DHS II(A)). To print the originals anyway, confirm it "
            "(--unredacted --confirm-unredacted); the confirmation is recorded in the audit "
            "trail."
        )
    return reasons


def _evidence_item(
    info: evidence.EvidenceInfo, image: bytes, redacted: bool, position: int, *, unredacted: bool
) -> reports.EvidenceItem:
    obtained = OBTAINED_LABELS[info.obtained]
    if info.obtained_under:  # empty for users who may not see the record
        obtained = f"{obtained}: {info.obtained_under}"
    return reports.EvidenceItem(
        item_id=f"E-{position}",
        file_name=info.original_filename,
        image=image,
        redacted=redacted,
        media_type=info.media_type,
        width=info.width or 0,
        height=info.height or 0,
        size_bytes=info.size,
        sha256=info.sha256,
        captured_at=capture_text(info.captured_at, info.capture_tz),
        captured_by=info.captured_by or info.added_by,
        source_url=info.source_url or "",
        platform=info.platform,
        account=info.account_shown,
        obtained=obtained,
        description=info.description,
        rendering_sha256=hashlib.sha256(image).hexdigest() if redacted else "",
        unredacted=unredacted,
        void=_void_text(info),
    )


def _void_text(info: evidence.EvidenceInfo) -> str:
    """Why a void item is void, and who made it so when ("" for an item in force)."""
    if info.voided_at is None:
        return ""
    # The moment with its zone: a bare date would be UTC's day, not always the agency's.
    when = capture_text(info.voided_at, None)
    return f"{info.void_reason} (made void by {info.voided_by} on {when})"


@dataclass(frozen=True, slots=True)
class EvidencePlan:
    """A report's evidence items, read and listed before all their bytes are.

    ``items`` are as printed, except that those at the indexes in ``pending``
    have no image bytes yet: :func:`checked_images` reads and re-hashes them.
    """

    items: tuple[reports.EvidenceItem, ...]
    included: tuple[IncludedEvidence, ...]
    pending: tuple[int, ...]
    inclusion: evidence.Inclusion[dict[int, tuple[RedactionBox, ...]]]

    def completed(self, images: dict[int, bytes]) -> tuple[reports.EvidenceItem, ...]:
        """The items with the pending images filled in (``images`` by index)."""
        return tuple(
            dataclasses.replace(item, image=images[index]) if index in images else item
            for index, item in enumerate(self.items)
        )


def plan_for_report(
    database: Database,
    actor: Actor,
    case_id: int,
    progress: Progress,
    *,
    choice: EvidenceChoice | None = None,
    unredacted: bool = False,
) -> EvidencePlan:
    """The case's evidence items (or those ``choice`` names) as printed, bytes to follow.

    An item printed as its redacted rendering prints that rendering's
    SHA-256, so the items up to the last such one are read and re-hashed
    here, in order; the others are left to :func:`checked_images`. Items
    with redaction boxes are read as their redacted rendering, unless
    ``unredacted`` (the caller has had it confirmed). No custody event is
    written: ``included`` lists what to record with the finished report.
    """
    if choice is None:
        items = evidence.list_evidence(database, actor, case_id)
        choice = EvidenceChoice(tuple(i.id for i in items), tuple(range(1, len(items) + 1)), 0, 0)
    total = len(choice.item_ids)
    progress(0, total, f"Checking {total} evidence items…")
    inclusion = evidence.list_for_inclusion(
        database, actor, choice.item_ids, purpose="report",
        also=lambda uow: boxes_by_item(uow, choice.item_ids), listed=choice.items or None,
    )  # fmt: skip
    boxes_of_items = inclusion.also or {}
    boxed = [bool(boxes_of_items.get(info.id)) for info in inclusion.items]
    redacting = [i for i, has in enumerate(boxed) if has and not unredacted]
    ahead = redacting[-1] + 1 if redacting else 0
    read = dict(
        enumerate(
            data for _info, data in evidence.included_bytes(database, actor, inclusion, stop=ahead)
        )
    )
    printed = []
    included = []
    for index, (info, position) in enumerate(zip(inclusion.items, choice.positions, strict=True)):
        redact = boxed[index] and not unredacted
        data = read.get(index, b"")
        image = render_redacted(data, boxes_of_items[info.id]) if redact else data
        printed.append(
            _evidence_item(info, image, redact, position, unredacted=boxed[index] and unredacted)
        )
        included.append(IncludedEvidence(info, redact, unredacted=boxed[index] and unredacted))
    pending = tuple(range(ahead, len(inclusion.items)))
    return EvidencePlan(tuple(printed), tuple(included), pending, inclusion)


def checked_images(
    database: Database, actor: Actor, plan: EvidencePlan, progress: Progress
) -> Iterator[tuple[int, bytes]]:
    """The image bytes of each pending item, by index, in order, each once it matched its hash.

    The first item whose bytes do not match is recorded and raised as
    :class:`IntegrityFailure` naming it.
    """
    total = len(plan.items)
    if plan.pending:
        start = plan.pending[0]
        read = evidence.included_bytes(database, actor, plan.inclusion, start=start)
        for index, (_info, data) in enumerate(read, start=start):
            yield index, data
    progress(total, total, "Evidence checked.")


def read_for_report(
    database: Database,
    actor: Actor,
    case_id: int,
    progress: Progress,
    *,
    choice: EvidenceChoice | None = None,
    unredacted: bool = False,
) -> tuple[tuple[reports.EvidenceItem, ...], tuple[IncludedEvidence, ...]]:
    """The case's evidence items (or those ``choice`` names), re-hashed and read, in order.

    Items with redaction boxes are read as their redacted rendering, unless
    ``unredacted`` (the caller has had it confirmed). The first mismatch
    raises :class:`IntegrityFailure` naming the item. No custody event is
    written: the second value lists what to record with the finished report.
    """
    plan = plan_for_report(database, actor, case_id, progress, choice=choice, unredacted=unredacted)
    images = dict(checked_images(database, actor, plan, progress))
    return plan.completed(images), plan.included
