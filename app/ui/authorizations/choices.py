"""What the authorization and credential-request forms offer: agencies, staff, cases.

Loaded in one background call (:func:`load_choices`) through the same
services every other view uses; the forms then fill their pickers from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QComboBox

from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.permissions import Permission
from app.services import catalog, employees
from app.services.case_queries import PAGE_MAX, CaseQuery, CaseRow, list_cases
from app.services.catalog import AgencyInfo
from app.services.database import Database
from app.services.employees import EmployeeInfo
from app.ui.case_view import labels as case_labels
from app.ui.fit import show_whole_choice


@dataclass(frozen=True)
class FormChoices:
    """Agencies of the wanted jurisdictions, with their staff and cases."""

    agencies: tuple[AgencyInfo, ...]
    staff: dict[str, tuple[EmployeeInfo, ...]] = field(default_factory=dict)
    cases: dict[str, tuple[CaseRow, ...]] = field(default_factory=dict)


def load_choices(database: Database, actor: Actor, jurisdictions: Iterable[str]) -> FormChoices:
    """Agencies in ``jurisdictions`` (runs off the UI thread)."""
    wanted = {j.upper() for j in jurisdictions}
    agencies = tuple(a for a in catalog.list_agencies(database, actor) if a.jurisdiction in wanted)
    staff: dict[str, tuple[EmployeeInfo, ...]] = {}
    found: dict[str, tuple[CaseRow, ...]] = {}
    for agency in agencies:
        if actor.can(Permission.EMPLOYEE_VIEW):
            staff[agency.code] = tuple(
                employees.list_employees(database, actor, agency_code=agency.code)
            )
        if actor.can(Permission.CASE_VIEW):
            page = list_cases(database, actor, CaseQuery(agency_code=agency.code, limit=PAGE_MAX))
            found[agency.code] = page.rows
    return FormChoices(agencies, staff, found)


def fill_employees(combo: QComboBox, staff: Iterable[EmployeeInfo], placeholder: str) -> None:
    """``combo`` offers ``staff`` (data: employee id), starting on nothing chosen."""
    combo.clear()
    combo.setPlaceholderText(placeholder)
    for person in staff:
        text = f"{person.full_name} — {person.position}" if person.position else person.full_name
        combo.addItem(text, person.id)
    combo.setCurrentIndex(-1)


def fill_cases(
    combo: QComboBox,
    rows: Iterable[CaseRow],
    *,
    none_text: str | None = None,
    placeholder: str = "",
    closed: bool = True,
) -> None:
    """``combo`` offers cases (data: case id), open ones first; optionally "none" at the top."""
    combo.clear()
    if placeholder:
        combo.setPlaceholderText(placeholder)
    if none_text is not None:
        combo.addItem(none_text, None)
    names = case_labels.status_labels()
    ordered = sorted(rows, key=lambda r: (r.status is CaseStatus.CLOSED, r.number))
    for row in ordered:
        if row.status is CaseStatus.CLOSED and not closed:
            continue
        combo.addItem(f"{row.number} · {names[row.status]} · {row.title}", row.id)
    combo.setCurrentIndex(0 if none_text is not None else -1)
    show_whole_choice(combo)


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
