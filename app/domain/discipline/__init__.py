"""Discipline: the progressive-discipline ladder, and each employer's discipline law.

- ``ladder``: the actions, the grounds a decision rests on;
- ``settings``: an agency's stored discipline settings (response days, appeal
  text, suspension cap) and their defaults;
- ``cap``: the suspension cap in any window of months;
- ``regimes``: the employee's employment regime (merit, probationary, union,
  at will, contracted provider);
- ``workdays``: working days per state, holidays from the ``holidays`` package;
- ``law_settings``: the facts an agency sets itself, with no default;
- ``rules`` and ``pack``: a ``DisciplinePack``, each rule with its citation;
- ``packs``: the pack of each employer (``pack_for``);
- ``dates``: the date rules (response window, effective date, suspension
  dates, deadlines moved off weekends and holidays).

docs/discipline-law.md quotes every fact of the packs with its source. Each
name is imported from its module at first use: what needs the ladder alone
does not load the holiday calendars.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazyexports import lazy_exports

if TYPE_CHECKING:
    from app.domain.discipline.cap import (
        CapCheck,
        CapExceeded,
        Suspension,
        cap_check,
        check_cap,
        in_window,
        months_after,
        months_before,
        window_end,
    )
    from app.domain.discipline.dates import (
        Deadline,
        appeal_deadline,
        check_effective_date,
        check_suspension_dates,
        counts_against_cap,
        deadline,
        earliest_effective,
        response_due,
    )
    from app.domain.discipline.ladder import (
        CONSEQUENCE_MAX,
        STATUS_PENDING_MAX,
        STEPS_MAX,
        SUSPENSION_DAYS_MAX,
        WITHDRAWAL_REASON_MAX,
        DisciplineAction,
        RestingDecision,
        check_finding_change,
        check_grounds,
        parse_action,
    )
    from app.domain.discipline.law_settings import (
        LAW_SETTINGS,
        LawSetting,
        LawSettingValues,
        SettingKind,
        SettingMissing,
        law_setting,
        setting_value,
    )
    from app.domain.discipline.pack import DisciplinePack, StatedRequirement
    from app.domain.discipline.packs import KNOWN_AGENCIES, pack_for
    from app.domain.discipline.regimes import Regime, parse_regime
    from app.domain.discipline.rules import (
        LOUDERMILL,
        AppealRule,
        CapRule,
        Cited,
        DayKind,
        Outcome,
        PolicyReference,
        PreActionRule,
        Requirement,
    )
    from app.domain.discipline.settings import (
        APPEAL_TEXT_MAX,
        CAP_DAYS_MAX,
        MISSOURI_CAP_CITATION,
        OVERRIDE_REASON_MAX,
        RESPONSE_DAYS_MAX,
        WINDOW_MONTHS_MAX,
        DisciplineSettings,
        check_settings,
        default_settings,
    )
    from app.domain.discipline.workdays import (
        CALENDARS,
        Moved,
        SuspensionDates,
        WorkCalendar,
        calendar_for,
    )

#: The module each name lives in.
_HOMES = {
    "CapCheck": "cap",
    "CapExceeded": "cap",
    "Suspension": "cap",
    "cap_check": "cap",
    "check_cap": "cap",
    "in_window": "cap",
    "months_after": "cap",
    "months_before": "cap",
    "window_end": "cap",
    "Deadline": "dates",
    "appeal_deadline": "dates",
    "check_effective_date": "dates",
    "check_suspension_dates": "dates",
    "counts_against_cap": "dates",
    "deadline": "dates",
    "earliest_effective": "dates",
    "response_due": "dates",
    "CONSEQUENCE_MAX": "ladder",
    "STATUS_PENDING_MAX": "ladder",
    "STEPS_MAX": "ladder",
    "SUSPENSION_DAYS_MAX": "ladder",
    "WITHDRAWAL_REASON_MAX": "ladder",
    "DisciplineAction": "ladder",
    "RestingDecision": "ladder",
    "check_finding_change": "ladder",
    "check_grounds": "ladder",
    "parse_action": "ladder",
    "LAW_SETTINGS": "law_settings",
    "LawSetting": "law_settings",
    "LawSettingValues": "law_settings",
    "SettingKind": "law_settings",
    "SettingMissing": "law_settings",
    "law_setting": "law_settings",
    "setting_value": "law_settings",
    "DisciplinePack": "pack",
    "StatedRequirement": "pack",
    "KNOWN_AGENCIES": "packs",
    "pack_for": "packs",
    "Regime": "regimes",
    "parse_regime": "regimes",
    "LOUDERMILL": "rules",
    "AppealRule": "rules",
    "CapRule": "rules",
    "Cited": "rules",
    "DayKind": "rules",
    "Outcome": "rules",
    "PolicyReference": "rules",
    "PreActionRule": "rules",
    "Requirement": "rules",
    "APPEAL_TEXT_MAX": "settings",
    "CAP_DAYS_MAX": "settings",
    "MISSOURI_CAP_CITATION": "settings",
    "OVERRIDE_REASON_MAX": "settings",
    "RESPONSE_DAYS_MAX": "settings",
    "WINDOW_MONTHS_MAX": "settings",
    "DisciplineSettings": "settings",
    "check_settings": "settings",
    "default_settings": "settings",
    "CALENDARS": "workdays",
    "Moved": "workdays",
    "SuspensionDates": "workdays",
    "WorkCalendar": "workdays",
    "calendar_for": "workdays",
}

__all__ = [
    "APPEAL_TEXT_MAX",
    "CALENDARS",
    "CAP_DAYS_MAX",
    "CONSEQUENCE_MAX",
    "KNOWN_AGENCIES",
    "LAW_SETTINGS",
    "LOUDERMILL",
    "MISSOURI_CAP_CITATION",
    "OVERRIDE_REASON_MAX",
    "RESPONSE_DAYS_MAX",
    "STATUS_PENDING_MAX",
    "STEPS_MAX",
    "SUSPENSION_DAYS_MAX",
    "WINDOW_MONTHS_MAX",
    "WITHDRAWAL_REASON_MAX",
    "AppealRule",
    "CapCheck",
    "CapExceeded",
    "CapRule",
    "Cited",
    "DayKind",
    "Deadline",
    "DisciplineAction",
    "DisciplinePack",
    "DisciplineSettings",
    "LawSetting",
    "LawSettingValues",
    "Moved",
    "Outcome",
    "PolicyReference",
    "PreActionRule",
    "Regime",
    "Requirement",
    "RestingDecision",
    "SettingKind",
    "SettingMissing",
    "StatedRequirement",
    "Suspension",
    "SuspensionDates",
    "WorkCalendar",
    "appeal_deadline",
    "calendar_for",
    "cap_check",
    "check_cap",
    "check_effective_date",
    "check_finding_change",
    "check_grounds",
    "check_settings",
    "check_suspension_dates",
    "counts_against_cap",
    "deadline",
    "default_settings",
    "earliest_effective",
    "in_window",
    "law_setting",
    "months_after",
    "months_before",
    "pack_for",
    "parse_action",
    "parse_regime",
    "response_due",
    "setting_value",
    "window_end",
]


__getattr__ = lazy_exports(__name__, _HOMES, globals())
