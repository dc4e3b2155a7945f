"""What the letters say of the law: only what the cited text says, the rest the agency's.

Audit of the demo's letters (defects A-E): a reprimand "may be grieved under the agency's
grievance procedure" with no source (against Ark. Code Ann. § 21-1-701(2)); SEGAP named
on the authority of a statute that does not name it, and the supervisory employee's
exclusion (§ 21-1-701(1)(B)) left out of the letter; a notice stating the law of a
withdrawn decision's action instead of its own; M.G.L. c. 31, § 43 (the Commission's
standard on appeal) cited as the agency's standard of proof; an undated closure letter.
Through the services on a real database, each PDF read back.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import DisciplineAction, Regime, SettingMissing
from app.domain.discipline.flow import DeliveryMethod
from app.domain.errors import Refused
from app.domain.permissions import Role
from app.domain.zones import agency_today
from app.services import cases, discipline, employees, report_building
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.discipline import DisciplineInput, NoticeInput

MakeUser = Callable[..., Actor]
A = DisciplineAction
S = CaseStatus
Kind = report_building.LetterKind

CHARGES = {
    "MODNR": "MO-DNR-SN Policy.5",
    "ARDHS": "AR-DHS II(A)",
    "MADYS": "MA-DYS-01.05.22 C.2.e",
    "STLCITY": "STL-AR-150 V.A",
}
JURISDICTION = {"MODNR": "MO", "ARDHS": "AR", "MADYS": "MA", "STLCITY": "MO"}
REPORTED = dt.date(2026, 9, 3)
NOTICE_ON = dt.date(2026, 9, 14)  # a Monday; 5 working days: due 2026-09-21
GRIEVANCE_BODY = "Department grievance officer, then the appeal the OPM rules provide"
#: Ark. Code Ann. § 21-1-701(1)(A), (B), as the disciplinary report prints it.
WHO_MAY_GRIEVE = (
    "The grievance is open to an employee in a position of state service with a class title "
    "and pay grade, not to a supervisory employee (Ark. Code Ann. § 21-1-701(1)(A), (B))."
)


class Team:
    def __init__(self, database: Database, admin: Actor, make_user: MakeUser) -> None:
        self.db = database
        self.admin = admin
        self.ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
        self.sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
        self.hana = make_user("hana", "Hana Resources", Role.HR)

    def settings(self, agency: str, **values: str) -> None:
        base = {
            "appointing_authority.name": "Dana Director",
            "appointing_authority.title": "Director",
            "hr.contact": "Human Resources, Room 210",
            "discipline.response_days": "5",
        }
        for key, value in {**base, **{k.replace("__", "."): v for k, v in values.items()}}.items():
            discipline.set_agency_value(self.db, self.admin, agency, key, value)

    def case(
        self, agency: str, name: str, regime: Regime, finding: Finding = Finding.SUBSTANTIATED
    ) -> tuple[int, int]:
        """A case against a new employee of ``regime``, its one allegation found ``finding``."""
        info = employees.add_employee(self.db, self.admin, agency_code=agency, full_name=name)
        employees.set_regime(self.db, self.hana, info.id, regime)
        fields = CaseFields(
            agency_code=agency, title="Posted during work hours", reported_on=REPORTED,
            conduct_from=dt.date(2026, 9, 1), conduct_to=dt.date(2026, 9, 2),
            subject_ids=(info.id,), investigator="ivan",
        )  # fmt: skip
        case = cases.create_case(self.db, self.ivan, fields)
        allegation = cases.add_allegation(self.db, self.ivan, case.id, CHARGES[agency])
        cases.transition_case(self.db, self.ivan, case.id, S.INVESTIGATING)
        cases.record_finding(self.db, self.ivan, allegation.id, finding, "Screenshots.")
        cases.transition_case(self.db, self.ivan, case.id, S.FINDINGS)
        if finding is Finding.SUBSTANTIATED:
            cases.transition_case(self.db, self.sue, case.id, S.DISCIPLINE_REVIEW)
        return case.id, info.id

    def notice(
        self, case_id: int, emp: int, action: A, days: int | None, on: dt.date = NOTICE_ON
    ) -> None:
        discipline.issue_notice(
            self.db, self.hana, case_id,
            NoticeInput(employee_id=emp, proposed_action=action, proposed_days=days,
                        issued_on=on, delivery_method=DeliveryMethod.IN_PERSON,
                        delivered_by="Pat Supervisor"),
        )  # fmt: skip
        discipline.record_response(self.db, self.hana, case_id, emp, received_on=None)

    def decide(
        self, case_id: int, emp: int, action: A, days: int | None = None
    ) -> discipline.DisciplineInfo:
        return discipline.record_discipline(
            self.db, self.hana, case_id,
            DisciplineInput(employee_id=emp, action=action, effective_on=dt.date(2026, 10, 26),
                            suspension_days=days, steps_to_correct="Post only on breaks.",
                            repeat_consequence="A longer suspension.",
                            consistency_reason="First case of its kind here."),
        )  # fmt: skip

    def letter(self, kind: report_building.LetterKind, case_id: int, emp: int) -> str:
        made = report_building.generate_letter(self.db, self.hana, kind, case_id, employee_id=emp)
        pages = PdfReader(io.BytesIO(made.pdf)).pages
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pages)


@pytest.fixture
def team(database: Database, admin: Actor, make_user: MakeUser) -> Team:
    return Team(database, admin, make_user)


def _section(text: str, heading: str, following: str) -> str:
    start = text.index(heading)
    return text[start : text.index(following, start)]


# -- A: no grievance the cited law does not give --------------------------------------------


def test_a_reprimand_letter_states_only_what_the_cited_law_says(team: Team) -> None:
    """MO DNR and AR DHS: no appeal of a written reprimand, with the citation; nothing about
    a grievance the cited sections do not give (Ark. Code Ann. § 21-1-701(2): a grievance
    is a complaint "resulting from a termination or suspension")."""
    team.settings("MODNR", discipline__standard_of_proof="clear and convincing evidence")
    case_id, emp = team.case("MODNR", "Morgan Ozark", Regime.MERIT)
    team.decide(case_id, emp, A.WRITTEN_REPRIMAND)
    rights = _section(team.letter(Kind.DECISION, case_id, emp), "Your appeal rights", "Decided by")
    assert (
        "No appeal. There is no appeal to the Administrative Hearing Commission from this "
        "written reprimand: only an employee with regular status who is dismissed, "
        "involuntarily demoted for cause or suspended for more than 5 working days may appeal "
        "to it (RSMo 36.390.2; RSMo 621.075)."
    ) in rights
    assert "griev" not in rights

    team.settings("ARDHS", discipline__standard_of_proof="clear and convincing evidence")
    case_id, emp = team.case("ARDHS", "Yesenia Morales", Regime.AT_WILL)
    decided = team.decide(case_id, emp, A.WRITTEN_REPRIMAND)
    rights = _section(team.letter(Kind.DECISION, case_id, emp), "Your appeal rights", "Decided by")
    assert (
        "No appeal. The discipline law governing the Arkansas Department of Human Services "
        "gives an employee whose regime is 'at will' no appeal of a written reprimand: the "
        "appeal or grievance it gives covers only a suspension without pay or a dismissal "
        "(Ark. Code Ann. §§ 21-1-701(2), 21-1-702)."
    ) in rights
    assert "grievance procedure" not in rights and "may be grieved" not in rights
    # The decision records the same words (the disciplinary report prints them).
    assert "grievance procedure" not in decided.appeal_rights


# -- B: the grievance's body is the agency's; who may grieve is stated ----------------------


def test_an_ar_dismissal_letter_names_the_agency_s_body_and_who_may_grieve(team: Team) -> None:
    """§§ 21-1-702(a), 21-1-703(a) leave the procedure and its appeal to OPM's rules and name
    no body: the body is the agency's setting (refused while unset, never SEGAP on the
    statute's authority); the supervisory exclusion (§ 21-1-701(1)(B)) is stated in the
    letter in the words the decision records."""
    team.settings(
        "ARDHS",
        discipline__standard_of_proof="clear and convincing evidence",
        discipline__appeal_days="5",
        discipline__appeal_days_kind="working",
        discipline__appeal_counted_from="the day of the termination or suspension",
    )
    case_id, emp = team.case("ARDHS", "Brandon Lockett", Regime.MERIT)
    team.notice(case_id, emp, A.DISMISSAL, None)
    with pytest.raises(SettingMissing, match="discipline.appeal_body"):
        team.decide(case_id, emp, A.DISMISSAL)
    team.settings("ARDHS", discipline__appeal_body=GRIEVANCE_BODY)
    decided = team.decide(case_id, emp, A.DISMISSAL)
    text = team.letter(Kind.DECISION, case_id, emp)
    rights = _section(text, "Your appeal rights", "Decided by")
    assert f"Appeal to {GRIEVANCE_BODY} (from the agency's settings)" in rights
    assert "5 working days (from the agency's settings)" in rights
    assert "SEGAP" not in text and "State Employee Grievance Appeal Panel" not in text
    assert "Authority Ark. Code Ann. §§ 21-1-701(2), 21-1-702" in rights
    # Who may grieve: in the letter, as in the decision's record (one text).
    assert WHO_MAY_GRIEVE in rights and WHO_MAY_GRIEVE in decided.appeal_rights
    assert "not to a supervisory employee (Ark. Code Ann. § 21-1-701(1)(A), (B))" in rights


# -- C: a notice states the law of the action it proposes -----------------------------------


def test_a_notice_states_the_law_of_its_own_proposal_whatever_the_decision(team: Team) -> None:
    """MA DYS, tenured: 3 days noticed, decided and withdrawn; then 10 days proposed. § 41
    requires notice and a hearing before a suspension of more than five days: the new
    notice says so, and says the same before and after a decision on it."""
    team.settings("MADYS", discipline__standard_of_proof="clear and convincing evidence")
    case_id, emp = team.case("MADYS", "José Ramírez", Regime.MERIT)
    team.notice(case_id, emp, A.SUSPENSION, 3)
    short = _section(
        team.letter(Kind.NOTICE, case_id, emp), "What the law requires before", "Issued by"
    )
    assert (
        "M.G.L. c. 31, § 41 requires a pre-action notice only before a suspension of more "
        "than 5 working days; for a suspension without pay, 3 working days this notice is "
        "given as a matter of fairness."
    ) in short
    team.decide(case_id, emp, A.SUSPENSION, 3)
    discipline.withdraw_discipline(team.db, team.hana, case_id, emp, "Wrong level.")
    team.notice(case_id, emp, A.SUSPENSION, 10, on=dt.date(2026, 10, 5))

    before = _section(
        team.letter(Kind.NOTICE, case_id, emp), "What the law requires before", "Issued by"
    )
    assert "requires no pre-action notice" not in before
    assert "matter of fairness" not in before
    assert (
        "A full hearing on the reasons before the appointing authority or a hearing officer it "
        "designates"
    ) in before
    assert "a copy of sections 41 through 45 of chapter 31. (M.G.L. c. 31, § 41)" in before
    # The flow applies the law to the proposal too: the withdrawn decision counts for nothing.
    flow = discipline.discipline_flow(team.db, team.hana, case_id, emp)
    assert flow.notice_required
    assert any(r.topic == "pre-action notice" for r in flow.rules)

    # A lighter decision on the same notice does not change what the notice says.
    team.decide(case_id, emp, A.SUSPENSION, 4)
    after = _section(
        team.letter(Kind.NOTICE, case_id, emp), "What the law requires before", "Issued by"
    )
    assert after == before


# -- D: the agency's standard of proof is not § 43's ----------------------------------------


def test_a_ma_closure_letter_does_not_cite_section_43_as_the_agency_s_standard(
    team: Team,
) -> None:
    """§ 43: "If the commission by a preponderance of the evidence determines…": the Civil
    Service Commission's standard on appeal. The agency's own is its setting (no default)."""
    team.settings("MADYS")
    case_id, emp = team.case("MADYS", "Jordan Whitaker", Regime.MERIT, Finding.UNFOUNDED)
    with pytest.raises(Refused, match="discipline.standard_of_proof"):
        team.letter(Kind.CLOSURE, case_id, emp)
    team.settings("MADYS", discipline__standard_of_proof="clear and convincing evidence")
    text = team.letter(Kind.CLOSURE, case_id, emp)
    assert (
        "The findings were made on the clear and convincing evidence (from the agency's settings)."
    ) in text
    assert "§ 43" not in text and "Civil Service Commission" not in text


# -- E: a closure letter is dated ------------------------------------------------------------


def test_a_closure_letter_is_dated_the_agency_s_day(team: Team) -> None:
    team.settings("STLCITY", discipline__standard_of_proof="clear and convincing evidence")
    case_id, emp = team.case("STLCITY", "Nikola Petrović", Regime.MERIT, Finding.EXONERATED)
    before = agency_today(JURISDICTION["STLCITY"])
    text = team.letter(Kind.CLOSURE, case_id, emp)
    after = agency_today(JURISDICTION["STLCITY"])
    assert any(f"to Nikola Petrović \u00b7 {day}" in text for day in {before, after})
