"""The demo's due process: employees' regimes, agency settings, notices, appeals, referrals.

Every adverse action in the demo (suspension, demotion, dismissal) follows a
pre-action notice and the employee's response, or its absence, before HR
decides, as the employer's law asks (``app.domain.discipline.packs``). Among
the stories are a MO DNR dismissal the employee appeals to the
Administrative Hearing Commission (its employee is added here) and an MA DYS
case against a contracted provider's employee, referred to the provider. A
reopened case's decision is withdrawn pending the new evidence.

The agency settings below are example values an administrator of a real
agency replaces with the agency's own (they are no statement of any
agency's rules): the response window, the appointing authority, the HR
contact and, where no statute fixes it (MA c. 31 s. 43 does for DYS's tenured
civil-service employees only), the standard of proof, and for the City of St.
Louis, whose civil-service rules Casedesk has not verified (its pack asks for
a cap before any suspension), a suspension cap and a union member's appeal
body and days, and for Arkansas DHS the grievance days of the Office of
Personnel Management's rules, which were not read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator

from app.domain.actor import Actor
from app.domain.discipline import (
    DisciplineAction,
    Regime,
    earliest_effective,
    pack_for,
)
from app.domain.discipline.flow import DeliveryMethod
from app.services import discipline, employees
from app.services.database import Database
from app.services.demo.schedule import at
from app.services.demo.stories import (
    Staff,
    Story,
)
from app.services.discipline import DisciplineInput, NoticeInput, ReferralInput

D = dt.date

#: Each agency's regime for its demo staff, and the exceptions by staff key.
_AGENCY_REGIME = {
    "MODMH": Regime.MERIT,
    "MODNR": Regime.MERIT,
    "STLCITY": Regime.MERIT,
    "ARDHS": Regime.AT_WILL,
    "MADYS": Regime.MERIT,
}
_STAFF_REGIME = {
    "whitaker": Regime.UNION,
    "osei": Regime.UNION,
    "baptiste": Regime.PROVIDER,
}

#: Staff the due-process cases need, beyond the stories' own.
EXTRA_STAFF: tuple[Staff, ...] = (
    Staff("okafor", "MODNR", "Samuel Okafor", "Environmental Specialist III",
          "Division of Environmental Quality – Water Protection Program", "DNR-20344"),
)  # fmt: skip

#: Example values an administrator replaces with the agency's own.
_SETTINGS: dict[str, dict[str, str]] = {
    "MODMH": {
        "appointing_authority.name": "Dr. Elaine Porter",
        "appointing_authority.title": "Chief Operating Officer, Fulton State Hospital",
        "hr.contact": "Human Resources, Fulton State Hospital, 600 E. 5th St., Fulton, MO; "
        "in writing or in a meeting requested by the deadline.",
        "discipline.response_days": "5",
        "discipline.standard_of_proof": "preponderance of the evidence",
    },
    "MODNR": {
        "appointing_authority.name": "Carol Wendt",
        "appointing_authority.title": "Division Director",
        "hr.contact": "Human Resources, 1101 Riverside Dr., Jefferson City, MO; in writing "
        "or in a meeting requested by the deadline.",
        "discipline.response_days": "5",
        "discipline.standard_of_proof": "preponderance of the evidence",
    },
    "STLCITY": {
        "appointing_authority.name": "Marcus Greene",
        "appointing_authority.title": "Director of Public Safety",
        "hr.contact": "Department of Personnel, 1114 Market St., St. Louis, MO.",
        "discipline.response_days": "5",
        "discipline.standard_of_proof": "preponderance of the evidence",
        "discipline.suspension_cap_days": "20",
        "discipline.suspension_cap_months": "12",
        "discipline.appeal_body": "The grievance procedure of the collective bargaining agreement",
        "discipline.grievance_days": "10",
        "discipline.grievance_days_kind": "working",
    },
    "ARDHS": {
        "appointing_authority.name": "Renee Cole",
        "appointing_authority.title": "Division Director",
        "hr.contact": "DHS Office of Human Resources, Donaghey Plaza, Little Rock, AR.",
        "discipline.response_days": "5",
        "discipline.standard_of_proof": "preponderance of the evidence",
        "discipline.appeal_days": "5",
        "discipline.appeal_days_kind": "working",
        "discipline.appeal_counted_from": "the day of the termination or suspension",
        "discipline.appeal_body": "The Department's grievance procedure, then the State "
        "Employee Grievance Appeal Panel",
    },
    "MADYS": {
        "appointing_authority.name": "Peter Forbes",
        "appointing_authority.title": "Commissioner",
        "hr.contact": "DYS Human Resources, 600 Washington St., Boston, MA.",
        "discipline.response_days": "5",
        "discipline.standard_of_proof": "preponderance of the evidence",
    },
}


def set_regimes(
    database: Database, hr: Actor, staff: tuple[Staff, ...], ids: dict[str, int]
) -> None:
    """Record every demo employee's regime."""
    for person in staff:
        regime = _STAFF_REGIME.get(person.key, _AGENCY_REGIME[person.agency])
        employees.set_regime(database, hr, ids[person.key], regime)


def set_agency_values(database: Database, admin: Actor) -> None:
    """The agencies' discipline settings (example values, see the module's note)."""
    for agency, values in _SETTINGS.items():
        for key, value in values.items():
            discipline.set_agency_value(database, admin, agency, key, value)


_DAY = dt.timedelta(days=1)


def _working(agency: str, day: dt.date) -> dt.date:
    return pack_for(agency, "").calendar.next_working_day(day).day


def _working_before(agency: str, day: dt.date) -> dt.date:
    """The last working day before ``day``."""
    calendar = pack_for(agency, "").calendar
    before = day - _DAY
    while not calendar.is_working_day(before):
        before -= _DAY
    return before


def decide(
    database: Database, hr: Actor, case_id: int, employee_id: int, story: Story, until: dt.date
) -> Generator[dt.datetime, None, dt.date]:
    """HR's decision, after a pre-action notice and the response for an adverse action.

    Yields the moment of each step (``schedule``) and returns the last day it
    played; ``until``: the day the demo is made (no step is dated after it).
    """
    sanction = story.sanction
    assert sanction is not None
    planned = story.reported + dt.timedelta(days=sanction.effective_after)
    effective = _working(story.agency, planned)
    # Decided the day before it takes effect (a day on which the decision letter can be
    # given before the action takes effect: a Missouri regular employee's dismissal,
    # RSMo 36.380), after the response or its window.
    decided_on = _working_before(story.agency, effective)
    if sanction.action.needs_pre_action_notice:
        notice_on = _working(story.agency, story.reported + dt.timedelta(days=3))
        yield at(notice_on, 15)
        notice = discipline.issue_notice(
            database, hr, case_id,
            NoticeInput(employee_id, sanction.action, notice_on, DeliveryMethod.IN_PERSON,
                        "the employee's supervisor", proposed_days=sanction.days,
                        status_pending=sanction.status_pending),
        )  # fmt: skip
        if sanction.action is DisciplineAction.DISMISSAL:
            considered = notice.response_due + _DAY
            yield at(considered, 14)
            discipline.record_response(database, hr, case_id, employee_id, received_on=None)
        else:
            considered = notice_on + _DAY
            yield at(considered, 15)
            discipline.record_response(
                database, hr, case_id, employee_id, received_on=considered,
                summary="The employee admitted the conduct, apologised and asked that the "
                "years of good service be considered.",
            )  # fmt: skip
        earliest = earliest_effective(pack_for(story.agency, "").calendar, notice_on, 5)
        decided_on = max(decided_on, considered)
        effective = max(effective, earliest, _working(story.agency, decided_on + _DAY))
    # Not after the day the demo is made (an action that takes effect later).
    decided_on = min(decided_on, until)
    yield at(decided_on, 20)
    discipline.record_discipline(
        database, hr, case_id,
        DisciplineInput(
            employee_id=employee_id, action=sanction.action, effective_on=effective,
            steps_to_correct=sanction.steps, repeat_consequence=sanction.repeat,
            suspension_days=sanction.days, status_pending=sanction.status_pending,
            # No demo employee has earlier discipline: the letters say so beside this.
            progressive_step="No earlier discipline is on record; the level reflects the "
            "seriousness of the conduct.",
            consistency_reason=sanction.consistency_reason, decided_on=decided_on,
        ),
    )  # fmt: skip
    filed = effective + dt.timedelta(days=12)
    if sanction.action is DisciplineAction.DISMISSAL and story.agency == "MODNR" and filed <= until:
        yield at(filed, 15)
        discipline.record_appeal(database, hr, case_id, employee_id, filed)
        return filed
    return decided_on


def refer(
    database: Database, hr: Actor, case_id: int, employee_id: int, story: Story
) -> Generator[dt.datetime, None, dt.date]:
    """Refer the findings against a provider's employee to the provider; returns its day."""
    day = story.reported + dt.timedelta(days=7)
    yield at(day, 15)
    discipline.refer_to_provider(
        database, hr, case_id,
        ReferralInput(employee_id, story.provider, day, hr.full_name,
                      note="Findings and the screenshots sent to the provider."),
    )  # fmt: skip
    return day


def withdraw_after_reopening(
    database: Database, hr: Actor, case_id: int, employee_id: int, story: Story
) -> None:
    """A reopened case's decision is withdrawn while the new evidence is weighed."""
    discipline.withdraw_discipline(
        database, hr, case_id, employee_id,
        "Withdrawn while the case is reopened: " + story.reason,
    )  # fmt: skip
