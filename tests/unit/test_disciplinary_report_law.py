"""What the disciplinary report says about responding and appealing, through the services.

The report states the law for the action decided, as the decision letter
does (one source: the letter's appeal blocks), and states only the response
window the pre-action notice gave (its days from the agency's setting, its
due date), never a window of its own or a date HR typed without a notice:
RSMo 36.390.2 gives an appeal to the Administrative Hearing Commission only
for a dismissal, an involuntary demotion for cause or a suspension of more
than five working days, within 30 days (RSMo 621.075). The PDF is read back
with pypdf; dates are explicit and in the past.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from reportlab.platypus import KeepTogether

import reports
from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import DisciplineAction, Regime
from app.domain.discipline.flow import DeliveryMethod
from app.services import cases, discipline, employees, report_building
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.discipline import DisciplineInput, NoticeInput
from app.services.report_building import LetterKind
from reports.disciplinary import _rights
from tests.reports import samples
from tests.unit.test_due_process import World, make_world

MakeUser = Callable[..., Actor]
A = DisciplineAction
REPORTED = dt.date(2026, 9, 3)
NOTICE_ON = dt.date(2026, 9, 14)  # a Monday: five working days later is 2026-09-21
CONTACT = "Human Resources, 1101 Riverside Dr., Jefferson City, MO"


@pytest.fixture
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    return make_world(database, admin, make_user)


def _agency(w: World, contact: bool = True) -> None:
    values = {
        "appointing_authority.name": "Dana Director",
        "appointing_authority.title": "Director",
        "discipline.response_days": "5",
        "discipline.standard_of_proof": "preponderance of the evidence",
    }
    if contact:
        values["hr.contact"] = CONTACT
    for key, value in values.items():
        discipline.set_agency_value(w.db, w.admin, "MODNR", key, value)


def _case(w: World) -> tuple[int, int]:
    """A MO DNR case in discipline review: one substantiated allegation, a merit employee."""
    emp = employees.add_employee(w.db, w.admin, agency_code="MODNR", full_name="Morgan Ozark")
    employees.set_regime(w.db, w.hana, emp.id, Regime.MERIT)
    fields = CaseFields(
        agency_code="MODNR", title="Posted during work hours", reported_on=REPORTED,
        conduct_from=dt.date(2026, 9, 1), conduct_to=dt.date(2026, 9, 2),
        subject_ids=(emp.id,), investigator="ivan",
    )  # fmt: skip
    case = cases.create_case(w.db, w.ivan, fields)
    allegation = cases.add_allegation(w.db, w.ivan, case.id, "MO-DNR-SN Policy.5")
    cases.transition_case(w.db, w.ivan, case.id, CaseStatus.INVESTIGATING)
    cases.record_finding(w.db, w.ivan, allegation.id, Finding.SUBSTANTIATED, "Screenshots.")
    cases.transition_case(w.db, w.ivan, case.id, CaseStatus.FINDINGS)
    cases.transition_case(w.db, w.sue, case.id, CaseStatus.DISCIPLINE_REVIEW)
    return case.id, emp.id


def _decision(emp: int, action: A, **kw: object) -> DisciplineInput:
    return DisciplineInput(
        employee_id=emp, action=action, effective_on=dt.date(2026, 9, 28),
        steps_to_correct="Use social media only on breaks, on a personal device.",
        repeat_consequence="Dismissal.", **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def _flat(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def _rights_text(w: World, case_id: int) -> str:
    """The report's section on responding and appealing, as the PDF prints it."""
    pdf = report_building.generate_disciplinary(w.db, w.hana, case_id).pdf
    whole = _flat(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))
    # The section's heading (before this change: "Right to respond and to appeal").
    found = re.search(r"Response and appeal rights|Right to respond and to appeal", whole)
    assert found is not None
    start = found.start()
    return whole[start : whole.index("Signatures", start)]


def _letter_appeal(w: World, case_id: int) -> tuple[reports.LetterBlock, ...]:
    letter = report_building.build_letter(w.db, w.hana, LetterKind.DECISION, case_id)[0]
    return next(s.blocks for s in letter.sections if s.heading == "Your appeal rights")


def test_a_written_reprimand_states_no_appeal_as_the_letter_does_and_no_window(
    world: World,
) -> None:
    w = world
    _agency(w)
    case_id, emp = _case(w)
    discipline.record_discipline(w.db, w.hana, case_id, _decision(emp, A.WRITTEN_REPRIMAND))
    rights = _rights_text(w, case_id)
    assert "No appeal." in rights
    assert "no appeal to the Administrative Hearing Commission" in rights
    assert "RSMo 36.390.2" in rights and "RSMo 621.075" in rights
    # Not the old default that stated law without a source.
    assert "RSMo Chapter 36" not in rights and "1 CSR 20-3.070" not in rights
    assert "may appeal in writing" not in rights
    # No window: no number of days, no due date.
    assert "within 10 days" not in rights and "due by" not in rights
    assert "No pre-action notice was given" in rights
    assert "No window for a written response to this written reprimand is stated" in rights
    assert f"{CONTACT} (from the agency's settings)" in rights
    report = report_building.build_disciplinary(w.db, w.hana, case_id)
    # One source: the report's appeal section is the decision letter's, block for block.
    assert report.rights.appeal_blocks == _letter_appeal(w, case_id)
    assert report.rights.response_days is None and report.rights.response_deadline is None
    assert report.pre_action_notice is None
    # The decision stores the law's answer for a reprimand too, with its citation.
    stored = discipline.case_discipline(w.db, w.hana, case_id).employees[0].decision
    assert stored is not None
    assert "no appeal of a written reprimand" in stored.appeal_rights
    assert "RSMo 36.390.2" in stored.appeal_rights
    assert "RSMo Chapter 36" not in stored.appeal_rights


def test_a_missouri_suspension_over_five_days_states_the_ahc_appeal_and_the_notice_window(
    world: World,
) -> None:
    w = world
    _agency(w)
    case_id, emp = _case(w)
    discipline.issue_notice(
        w.db, w.hana, case_id,
        NoticeInput(employee_id=emp, proposed_action=A.SUSPENSION, proposed_days=10,
                    issued_on=NOTICE_ON, delivery_method=DeliveryMethod.IN_PERSON,
                    delivered_by="Pat Supervisor"),
    )  # fmt: skip
    discipline.record_response(
        w.db, w.hana, case_id, emp, received_on=dt.date(2026, 9, 18),
        summary="Admits the post.",
    )  # fmt: skip
    discipline.record_discipline(
        w.db, w.hana, case_id,
        _decision(emp, A.SUSPENSION, suspension_days=10, decided_on=dt.date(2026, 9, 23)),
    )  # fmt: skip
    rights = _rights_text(w, case_id)
    # The appeal: the Administrative Hearing Commission, 30 days from the effective date.
    assert "You may appeal this suspension without pay" in rights
    assert "Appeal to Administrative Hearing Commission" in rights
    assert "Within 30 calendar days" in rights
    assert "the effective date of the decision" in rights
    assert "Last day 2026-10-28" in rights  # 30 days after 2026-09-28, a Wednesday
    assert "RSMo 36.390.2; RSMo 621.075" in rights
    assert "registered mail or certified mail" in rights  # 621.075's notice, quoted
    assert "No appeal." not in rights
    # The response: the notice's window, the agency's setting, what came of it.
    assert "The pre-action notice of 2026-09-14" in rights
    assert "until 2026-09-21" in rights
    assert "5 working days after 2026-09-14" in rights
    assert "the agency's response window (from the agency's settings)" in rights
    assert "received on 2026-09-18" in rights
    assert "considered before the decision, made on 2026-09-23" in rights
    assert "opens no new window" in rights
    assert "within 10 days" not in rights and "of receiving this report" not in rights
    report = report_building.build_disciplinary(w.db, w.hana, case_id)
    assert report.rights.appeal_blocks == _letter_appeal(w, case_id)
    assert report.rights.response_days == 5
    assert report.rights.response_deadline == dt.date(2026, 9, 21)


def test_how_to_respond_is_the_agency_setting_or_says_it_is_not_set(world: World) -> None:
    w = world
    _agency(w, contact=False)
    case_id, emp = _case(w)
    discipline.issue_notice(
        w.db, w.hana, case_id,
        NoticeInput(employee_id=emp, proposed_action=A.SUSPENSION, proposed_days=3,
                    issued_on=NOTICE_ON, delivery_method=DeliveryMethod.IN_PERSON,
                    delivered_by="Pat Supervisor"),
    )  # fmt: skip
    discipline.record_response(w.db, w.hana, case_id, emp, received_on=None)
    discipline.record_discipline(
        w.db, w.hana, case_id, _decision(emp, A.SUSPENSION, suspension_days=3)
    )
    notice = report_building.build_disciplinary(w.db, w.hana, case_id).pre_action_notice
    assert notice is not None
    assert notice.response_deadline == dt.date(2026, 9, 21)
    assert "has not set where and how the employee responds" in notice.how_to_respond
    assert "'hr.contact'" in notice.how_to_respond
    assert "In writing to human resources" not in notice.how_to_respond

    discipline.set_agency_value(w.db, w.admin, "MODNR", "hr.contact", CONTACT)
    pdf = report_building.generate_disciplinary(w.db, w.hana, case_id).pdf
    whole = _flat(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))
    assert f"How to respond {CONTACT} (from the agency's settings)" in whole
    assert "No response was received by the deadline." in whole
    # A suspension of 3 working days carries no appeal to the AHC (RSMo 36.390.2).
    assert "No appeal." in whole and "RSMo 36.390.2" in whole


def test_the_appeal_heading_is_kept_with_its_text() -> None:
    """The bold lead "Appeal and grievance rights." never sits alone at a page's foot."""
    reports.use_font_folder(samples.FONT_FOLDER)
    report = samples.disciplinary()
    found = [
        f
        for f in _rights(report, 9)
        if isinstance(f, KeepTogether)
        and any("Appeal and grievance rights." in getattr(p, "text", "") for p in f._content)
    ]
    assert found and len(found[0]._content) >= 2
