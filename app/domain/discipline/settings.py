"""An agency's discipline settings: the suspension cap, and an appeal text of its own.

These are the values an administrator keeps per agency. The law of each
employer (``packs``) says which of them the law fixes and which are the
agency's own; ``law_settings`` declares the ones no source fixes.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import InvalidInput

APPEAL_TEXT_MAX = 5_000
OVERRIDE_REASON_MAX = 2_000
RESPONSE_DAYS_MAX = 90
CAP_DAYS_MAX = 365
WINDOW_MONTHS_MAX = 60

MISSOURI_CAP_CITATION = "RSMo 36.370"


@dataclass(frozen=True, slots=True)
class DisciplineSettings:
    """An agency's discipline rules: the suspension cap, and an appeal text of its own.

    ``suspension_cap_days`` is ``None`` where no cap applies.

    ``appeal_rights`` is text an administrator may type for an employee whose
    regime is not recorded (empty: not set; there is no default, because
    appeal rights are law: the employer's ``packs`` state them, with their
    citations, for the action decided). The response window is not here: a
    pre-action notice gives the agency's ``discipline.response_days`` value
    (``law_settings.RESPONSE_DAYS``), and a decision has no window of its own.
    """

    appeal_rights: str
    suspension_cap_days: int | None
    cap_window_months: int
    cap_citation: str = ""


#: ``appeal_rights`` not set: no text stands in for the law's appeal rights.
APPEAL_RIGHTS_NOT_SET = ""


def default_settings(jurisdiction: str, agency_code: str | None = None) -> DisciplineSettings:
    """The rules an agency follows until an administrator sets its own.

    The suspension cap comes from the employer's law (``packs``): the Missouri
    state agencies under the merit system get 20 working days of suspension
    without pay in any 12 months (RSMo 36.370); the City of St. Louis, though
    in Missouri, is not under RSMo chapter 36 and gets no cap. Without
    ``agency_code`` a Missouri agency is taken to be a state agency (the
    behaviour before the packs). No appeal text is set: the decision states
    the appeal the employer's law gives (``packs``; ``flow.appeal_terms`` or
    ``flow.no_appeal_statement``).
    """
    from app.domain.discipline.packs import pack_for  # the packs import this module's package

    unset = APPEAL_RIGHTS_NOT_SET
    if agency_code is not None:
        cap = pack_for(agency_code, jurisdiction).cap
        if cap is not None and not cap.days.from_settings and cap.days.value is not None:
            months = cap.window_months.value if not cap.window_months.from_settings else None
            return DisciplineSettings(unset, cap.days.value, months or 12, cap.citation)
        return DisciplineSettings(unset, None, 12)
    if jurisdiction.strip().upper() == "MO":
        return DisciplineSettings(unset, 20, 12, MISSOURI_CAP_CITATION)
    return DisciplineSettings(unset, None, 12)


def check_settings(settings: DisciplineSettings) -> DisciplineSettings:
    """Validate settings typed by an administrator; returns them cleaned."""
    text = settings.appeal_rights.strip()
    # Empty is "not set" (the default); text of blanks only is a mistake.
    if settings.appeal_rights != APPEAL_RIGHTS_NOT_SET and not text:
        raise InvalidInput("Appeal rights text is required.", field="appeal_rights")
    if len(text) > APPEAL_TEXT_MAX:
        raise InvalidInput(
            f"Appeal rights text is {len(text)} characters long; the limit is {APPEAL_TEXT_MAX}.",
            field="appeal_rights",
        )
    cap = settings.suspension_cap_days
    if cap is not None and not 1 <= cap <= CAP_DAYS_MAX:
        raise InvalidInput(
            f"The suspension cap must be between 1 and {CAP_DAYS_MAX} working days "
            "(or 'none' for no cap).",
            field="suspension_cap_days",
        )
    if not 1 <= settings.cap_window_months <= WINDOW_MONTHS_MAX:
        raise InvalidInput(
            f"The cap window must be between 1 and {WINDOW_MONTHS_MAX} months.",
            field="cap_window_months",
        )
    return DisciplineSettings(text, cap, settings.cap_window_months, settings.cap_citation.strip())
