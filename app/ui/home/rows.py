"""Home's sections in words: the rows each table shows, built from the service's ``HomeView``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from app.domain.cases import CaseStatus
from app.domain.wording import counted
from app.services.home import CaseLine, HomeView
from app.ui.home.models import AUTHORIZATION, CASE, CREDENTIAL_REQUEST, HomeRow, Target


def _tr(text: str) -> str:
    return QCoreApplication.translate("Home", text)


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


def needs_rows(view: HomeView) -> list[HomeRow]:
    """Every row of "Needs me now", section by section, each opening its record."""
    rows: list[HomeRow] = []
    for line in view.assigned.rows:
        rows.append(HomeRow(
            _tr("Assigned to you"), line.number, f"{line.status.label}: {line.title}",
            _local_day(line.updated_at), Target(CASE, line.case_id),
        ))  # fmt: skip
    for request in view.approvals.rows:
        rows.append(HomeRow(
            _tr("Credential request to approve"), request.case_number or request.agency_code,
            _tr("{0}, requested by {1}").format(request.platform, request.requested_by),
            _local_day(request.requested_at), Target(CREDENTIAL_REQUEST, request.request_id),
        ))  # fmt: skip
    for line in view.findings.rows:
        rows.append(HomeRow(
            _tr("Findings to review"), line.number, line.title, _local_day(line.updated_at),
            Target(CASE, line.case_id),
        ))  # fmt: skip
    for review in view.reviews.rows:
        if review.overdue:
            state = _tr("overdue by {0}").format(counted(review.days_overdue, "day"))
        else:
            state = _tr("due")
        rows.append(HomeRow(
            _tr("Review meeting"), review.case_number or "",
            _tr("Authorization {0}: {1} ({2})").format(
                review.authorization_id, state, review.citation
            ),
            review.due_on, Target(AUTHORIZATION, review.authorization_id), review.overdue,
        ))  # fmt: skip
    for step in view.discipline.rows:
        rows.append(HomeRow(
            _tr("Discipline"), step.case_number,
            _tr("{0}: {1}").format(_tr(step.step.label), step.employee_name),
            step.on, Target(CASE, step.case_id), step.on < view.today,
        ))  # fmt: skip
    for item in view.integrity.rows:
        rows.append(HomeRow(
            _tr("Failed integrity check"), item.case_number,
            _tr("Evidence item {0} ({1})").format(item.item_id, item.filename),
            _local_day(item.checked_at), Target(CASE, item.case_id), True,
        ))  # fmt: skip
    return rows


def case_rows(lines: tuple[CaseLine, ...], what: str) -> list[HomeRow]:
    """Pinned or recent cases as rows."""
    return [
        HomeRow(
            what,
            line.number,
            f"{line.status.label}: {line.title}",
            _local_day(line.updated_at),
            Target(CASE, line.case_id),
        )  # fmt: skip
        for line in lines
    ]


def summary(view: HomeView) -> str:
    """One sentence on what is waiting, with the assigned cases by status."""
    if view.waiting == 0:
        return _tr("Nothing needs you right now.")
    parts = []
    if view.assigned.total:
        statuses = ", ".join(
            f"{count} {status.label.lower()}"
            for status in CaseStatus
            if (count := view.assigned.by_status.get(status, 0))
        )
        parts.append(
            _tr("{0} assigned to you ({1})").format(counted(view.assigned.total, "case"), statuses)
        )
    for total, singular, plural in (
        (view.approvals.total, "credential request to approve",
         "credential requests to approve"),
        (view.findings.total, "case with findings to review", "cases with findings to review"),
        (view.reviews.total, "review meeting due", "review meetings due"),
        (view.discipline.total, "discipline step due", "discipline steps due"),
        (view.integrity.total, "evidence item failed its integrity check",
         "evidence items failed their integrity check"),
    ):  # fmt: skip
        if total:
            parts.append(_tr(counted(total, singular, plural)))
    return "; ".join(parts) + "."
