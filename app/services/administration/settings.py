"""The Settings view's fields: the business settings and an agency's discipline settings.

Each field carries its meaning, unit and valid range from its one declaration
(:mod:`app.domain.settings`, :mod:`app.domain.discipline.law_settings`). A
form is checked whole before anything is written, so every problem is shown
at once beside its field and a refused form changes nothing; each accepted
change then goes through the service that stores it and writes its audit
event (``settings.set_value``, ``discipline.set_agency_value``). The
discipline settings have no defaults: a value not set is "not set", and
nothing here invents one.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.actor import Actor
from app.domain.discipline import LawSetting
from app.domain.discipline.flow import agency_setting_keys
from app.domain.discipline.law_settings import TEXT_MAX, SettingKind
from app.domain.errors import Problems
from app.domain.permissions import Permission
from app.domain.settings import SETTINGS, IntSetting
from app.services import discipline
from app.services import settings as business
from app.services.catalog import list_agencies
from app.services.database import Database
from app.services.discipline.values import pack_of
from app.services.employees import find_agency


class FieldKind(enum.StrEnum):
    """How a field is typed."""

    NUMBER = "number"
    TEXT = "text"
    CHOICE = "choice"


@dataclass(frozen=True, slots=True)
class SettingField:
    """One setting as a form shows it.

    ``value`` is the stored value as text, ``None`` when not set; ``default``
    is what applies while it is not set (business settings), ``None`` where
    nothing applies (discipline settings). ``unit`` and ``valid`` say what to
    type ("minutes", "1 to 240").
    """

    key: str
    meaning: str
    unit: str
    valid: str
    kind: FieldKind
    value: str | None
    default: str | None = None
    source: str = ""
    choices: tuple[str, ...] = ()


def _business_field(declared: IntSetting, value: int, stored: bool) -> SettingField:
    return SettingField(
        declared.key, declared.label, declared.unit,
        f"{declared.minimum} to {declared.maximum}", FieldKind.NUMBER,
        str(value) if stored else None, str(declared.default),
    )  # fmt: skip


_UNITS = {
    SettingKind.WORKING_DAYS: "working days",
    SettingKind.CALENDAR_DAYS: "calendar days",
    SettingKind.MONTHS: "months",
    SettingKind.TEXT: "text",
    SettingKind.DAY_KIND: "",
}


def _law_field(declared: LawSetting, value: str | None) -> SettingField:
    choices: tuple[str, ...] = ()
    if declared.kind is SettingKind.TEXT:
        kind, valid = FieldKind.TEXT, f"up to {TEXT_MAX:,} characters"
    elif declared.kind is SettingKind.DAY_KIND:
        kind, valid, choices = FieldKind.CHOICE, "calendar or working", ("calendar", "working")
    else:
        kind, valid = FieldKind.NUMBER, f"{declared.minimum} to {declared.maximum}"
    return SettingField(declared.key, declared.label, _UNITS[declared.kind], valid, kind, value,
                        None, declared.citation, choices)  # fmt: skip


def business_fields(database: Database, actor: Actor) -> tuple[SettingField, ...]:
    """Every business setting with its value (its default while not set)."""
    actor.require(Permission.USER_MANAGE)
    stored = business.stored_keys(database)
    values = business.all_settings(database)
    return tuple(_business_field(d, values[k], k in stored) for k, d in SETTINGS.items())


def agency_fields(database: Database, actor: Actor, agency_code: str) -> tuple[SettingField, ...]:
    """Every discipline setting the agency keeps, set or not, in its law's order."""
    actor.require(Permission.DISCIPLINE_SETTINGS_MANAGE)
    values = {v.key: v.value for v in discipline.agency_values(database, actor, agency_code)}
    declared = _declarations(database, agency_code)
    return tuple(_law_field(declared[key], value) for key, value in values.items())


def _declarations(database: Database, agency_code: str) -> dict[str, LawSetting]:
    with database.unit_of_work() as uow:
        agency = find_agency(uow, agency_code)
        return {s.key: s for s in agency_setting_keys(pack_of(agency))}


def agency_codes(database: Database, actor: Actor) -> list[tuple[str, str]]:
    """The agencies whose discipline settings may be set: (code, name), by code."""
    actor.require(Permission.DISCIPLINE_SETTINGS_MANAGE)
    return [(a.code, a.name) for a in list_agencies(database, actor)]


def save_business(database: Database, actor: Actor, changes: Mapping[str, str]) -> int:
    """Check every changed business setting, then store each (audited); returns how many."""
    actor.require(Permission.USER_MANAGE)
    problems = Problems()
    parsed: dict[str, int] = {}
    for key, text in changes.items():
        declared = SETTINGS.get(key)
        if declared is None:
            problems.add(f"There is no setting {key!r}.", field=key)
            continue
        if not text.strip():
            problems.add(f"{declared.label} needs a value ({declared.minimum} to "
                         f"{declared.maximum}).", field=key)  # fmt: skip
            continue
        number = problems.check(declared.parse, text)
        if number is not None:
            parsed[key] = number
    problems.raise_any()
    for key, number in parsed.items():
        business.set_value(database, actor, key, number)
    return len(parsed)


def save_agency(
    database: Database, actor: Actor, agency_code: str, changes: Mapping[str, str | None]
) -> int:
    """Check every changed discipline setting of the agency, then store each (audited).

    A value of ``None`` or blank text clears the setting (it is then "not set").
    """
    actor.require(Permission.DISCIPLINE_SETTINGS_MANAGE)
    known = _declarations(database, agency_code)
    problems = Problems()
    cleaned: dict[str, str | None] = {}
    for key, value in changes.items():
        declared = known.get(key)
        if declared is None:
            problems.add(f"{agency_code} has no discipline setting {key!r}.", field=key)
        elif value is None or not value.strip():
            cleaned[key] = None
        else:
            parsed = problems.check(declared.parse, value)
            if parsed is not None:
                cleaned[key] = str(parsed)
    problems.raise_any()
    for key, value in cleaned.items():
        discipline.set_agency_value(database, actor, agency_code, key, value)
    return len(cleaned)
