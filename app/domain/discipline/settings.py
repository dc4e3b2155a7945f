"""An agency's discipline settings: the response period, appeal text, suspension cap.

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
    """An agency's discipline rules: the response period, appeal rights, suspension cap.

    ``suspension_cap_days`` is ``None`` where no cap applies.
    """

    appeal_rights: str
    response_days: int
    suspension_cap_days: int | None
    cap_window_months: int
    cap_citation: str = ""


_DEFAULT_APPEAL = (
    "You may appeal or grieve this action under the agency's grievance and appeal "
    "procedures and any applicable merit-system rules, within the time limits they set; "
    "ask human resources for a copy of them."
)
_MISSOURI_APPEAL = (
    "A regular employee who is suspended, demoted or dismissed may appeal in writing as "
    "provided by RSMo Chapter 36 and 1 CSR 20-3.070, within the time limits they set; "
    "other actions may be grieved under the agency's grievance procedure. Ask human "
    "resources for a copy of the procedure."
)


def default_settings(jurisdiction: str, agency_code: str | None = None) -> DisciplineSettings:
    """The rules an agency follows until an administrator sets its own.

    The suspension cap comes from the employer's law (``packs``): the Missouri
    state agencies under the merit system get 20 working days of suspension
    without pay in any 12 months (RSMo 36.370); the City of St. Louis, though
    in Missouri, is not under RSMo chapter 36 and gets no cap. Without
    ``agency_code`` a Missouri agency is taken to be a state agency (the
    behaviour before the packs).
    """
    from app.domain.discipline.packs import pack_for  # the packs import this module's package

    if agency_code is not None:
        cap = pack_for(agency_code, jurisdiction).cap
        if cap is not None and not cap.days.from_settings and cap.days.value is not None:
            months = cap.window_months.value if not cap.window_months.from_settings else None
            appeal = _MISSOURI_APPEAL if cap.citation == MISSOURI_CAP_CITATION else _DEFAULT_APPEAL
            return DisciplineSettings(appeal, 10, cap.days.value, months or 12, cap.citation)
        return DisciplineSettings(_DEFAULT_APPEAL, 10, None, 12)
    if jurisdiction.strip().upper() == "MO":
        return DisciplineSettings(_MISSOURI_APPEAL, 10, 20, 12, MISSOURI_CAP_CITATION)
    return DisciplineSettings(_DEFAULT_APPEAL, 10, None, 12)


#: What happens to the employee's written response (the report prints it after the
#: number of days and the deadline).
RESPONSE_HANDLING = (
    "Give the written response to the human resources office. It will be placed in the "
    "personnel file with this report and considered before any action becomes final."
)


def check_settings(settings: DisciplineSettings) -> DisciplineSettings:
    """Validate settings typed by an administrator; returns them cleaned."""
    text = settings.appeal_rights.strip()
    if not text:
        raise InvalidInput("Appeal rights text is required.", field="appeal_rights")
    if len(text) > APPEAL_TEXT_MAX:
        raise InvalidInput(
            f"Appeal rights text is {len(text)} characters long; the limit is {APPEAL_TEXT_MAX}.",
            field="appeal_rights",
        )
    if not 1 <= settings.response_days <= RESPONSE_DAYS_MAX:
        raise InvalidInput(
            f"Response days must be between 1 and {RESPONSE_DAYS_MAX}.", field="response_days"
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
    return DisciplineSettings(
        text, settings.response_days, cap, settings.cap_window_months,
        settings.cap_citation.strip(),
    )  # fmt: skip
