"""``casedesk report notice|decision|closure`` for the five employers, in-process, both backends.

Each case is prepared through the services (intake to discipline review, one
screenshot); the due-process steps and the documents then go through the
command line as HR types them, and every PDF is read back with pypdf.
Dates are explicit and in the past.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, text

from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import Regime, parse_regime
from app.domain.discipline.packs.missouri import AHC_APPEAL_NOTICE
from app.services import accounts, cases, employees, evidence
from app.services.cases import CaseFields
from app.services.database import Database
from tests.e2e.hr_team import PASSWORD, Cli

DATA = Path(__file__).parent.parent / "data"
CHARGES = {
    "MODMH": "MO-DMH-DOR-6.675 (2)",
    "MODNR": "MO-DNR-SN Policy.5",
    "STLCITY": "STL-AR-150 V.A",
    "ARDHS": "AR-DHS II(A)",
    "MADYS": "MA-DYS-01.05.22 C.2.g",
}
#: What each agency's documents need from its settings (values for the tests only).
SETTINGS = (
    "discipline.response_days=5",
    "appointing_authority.name=Dana Director",
    "appointing_authority.title=Director of Human Resources",
    "hr.contact=Human Resources, Room 210, hr@agency.example, 555-0100",
)
STANDARD = "discipline.standard_of_proof=preponderance of the evidence"
APPEAL = (
    "discipline.appeal_days=10",
    "discipline.appeal_days_kind=calendar",
    "discipline.appeal_counted_from=the day the decision is received",
)


@pytest.fixture
def cli(hr_team_cli: Cli) -> Cli:
    """The administrator and the three users in every agency (``tests/e2e/hr_team.py``)."""
    return hr_team_cli


def _case(
    cli: Cli, agency: str, name: str, regime: str, finding: Finding = Finding.SUBSTANTIATED
) -> tuple[str, int]:
    """A case of ``agency`` in discipline review against a new employee of ``regime``."""
    database = Database.open(cli.url)
    try:
        admin = accounts.authenticate(database, "admin", PASSWORD)
        ivy = accounts.authenticate(database, "ivy", PASSWORD)
        sam = accounts.authenticate(database, "sam", PASSWORD)
        employee = employees.add_employee(
            database, ivy, agency_code=agency, full_name=name, position="Caseworker II",
            division="Northeast Region",
        )  # fmt: skip
        case = cases.create_case(
            database, ivy,
            CaseFields(agency_code=agency, title="Posted on duty", reported_on=dt.date(2026, 9, 3),
                       conduct_from=dt.date(2026, 9, 1), subject_ids=(employee.id,),
                       investigator="ivy"),
        )  # fmt: skip
        allegation = cases.add_allegation(
            database, ivy, case.id, CHARGES[agency],
            # DOR 6.675 shows a sunset date of 2018-07-01: the test confirms it still applies.
            policy_in_force_confirmed=agency == "MODMH",
        )  # fmt: skip
        cases.transition_case(database, ivy, case.id, CaseStatus.INVESTIGATING)
        evidence.add_evidence(
            database, ivy, case.id, (DATA / "good.png").read_bytes(), original_filename="good.png"
        )
        cases.record_finding(database, ivy, allegation.id, finding, "The screenshot shows it.")
        cases.transition_case(database, ivy, case.id, CaseStatus.FINDINGS)
        last = CaseStatus.DISCIPLINE_REVIEW
        if finding is not Finding.SUBSTANTIATED:
            last = CaseStatus.CLOSED  # nothing to discipline: the case closes
        cases.transition_case(database, sam, case.id, last)
        employees.set_regime(database, admin, employee.id, _regime(regime))
        return case.number, employee.id
    finally:
        database.close()


def _regime(value: str) -> Regime:
    return parse_regime(value)


def _settings(cli: Cli, agency: str, *extra: str) -> None:
    pairs = [p for s in (*SETTINGS, *extra) for p in ("--set", s)]
    code, _out, err = cli("discipline", "settings", agency, *pairs, user="admin")
    assert code == 0, err


def _notice(cli: Cli, number: str, action: str, *extra: str) -> None:
    code, _out, err = cli("discipline", "notice", number, "--action", action, "--issued",
                          "2026-09-14", "--delivery", "certified-mail", "--delivered-by",
                          "Pat Supervisor", *extra)  # fmt: skip
    assert code == 0, err


def _decide(cli: Cli, number: str, action: str, *extra: str) -> None:
    code, _out, err = cli("discipline", "decide", number, "--action", action, "--effective",
                          "2026-09-28", "--steps", "Post only on breaks.", "--consequence",
                          "Dismissal.", "--step", "Second offence.", "--aggravating",
                          "A consumer was named.", "--mitigating", "Long service.",
                          *extra)  # fmt: skip
    assert code == 0, err


def _pages(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


def _text(path: Path) -> str:
    return " ".join(_pages(path))


def _report(cli: Cli, tmp_path: Path, kind: str, number: str, *extra: str) -> Path:
    out = tmp_path / f"{number}-{kind}{'-'.join(extra)}.pdf"
    code, said, err = cli("report", kind, number, "--output", str(out), *extra)
    assert code == 0, err
    recorded = "disciplinary" if kind == "discipline" else kind
    assert f"({recorded} report" in said and "recorded as report" in said
    return out


def _flat(value: str) -> str:
    return " ".join(value.split())


def test_mo_dnr_dismissal_notice_and_decision_quote_the_ahc_notice(
    cli: Cli, tmp_path: Path
) -> None:
    _settings(cli, "MODNR", STANDARD)
    number, _ = _case(cli, "MODNR", "Samuel Okafor", "merit")
    _notice(cli, number, "dismissal")
    notice = _text(_report(cli, tmp_path, "notice", number))
    assert "Notice of proposed dismissal" in notice
    assert "Samuel Okafor" in notice and "Caseworker II" in notice and "Northeast Region" in notice
    assert "Respond by 2026-09-21" in notice
    contact = "Human Resources, Room 210, hr@agency.example, 555-0100"
    assert f"{contact} (from the agency's settings)" in notice
    assert "preponderance of the evidence (from the agency's settings)" in notice
    assert "MO-DNR-SN Policy.5" in notice and "DNR Progressive Discipline Policy 1.08" in notice
    assert "good.png" in notice and "Integrity verified" in notice
    assert "refused to sign" in notice and "Certified mail" in notice
    assert "Audit checkpoint:" in _pages(tmp_path / f"{number}-notice.pdf")[-1]

    assert cli("discipline", "response", number, "--none")[0] == 0
    # Decided the day after the window closed; in effect the day after the letter (RSMo 36.380).
    _decide(cli, number, "dismissal", "--effective", "2026-09-23", "--decided-on", "2026-09-22")
    decision = _text(_report(cli, tmp_path, "decision", number))
    assert "RSMo 36.380" in decision
    assert "Decision: dismissal" in decision
    assert _flat(AHC_APPEAL_NOTICE) in decision
    assert "RSMo 36.390.2" in decision and "Last day 2026-10-23" in decision
    assert "No response was received" in decision
    assert "Second offence." in decision and "A consumer was named." in decision
    assert "Dana Director" in decision and "Director of Human Resources" in decision
    assert "DNR Progressive Discipline Policy 1.08" in decision
    assert "DRAFT" not in decision

    engine = create_engine(cli.url)
    try:
        with engine.connect() as connection:
            kinds = connection.execute(
                text("SELECT kind FROM generated_reports ORDER BY id")
            ).scalars()
            assert list(kinds) == ["notice", "decision"]
            events = connection.execute(
                text("SELECT count(*) FROM audit_events WHERE action = 'report.generate'")
            ).scalar_one()
            assert events == 2
    finally:
        engine.dispose()


def test_mo_dmh_five_day_suspension_has_no_ahc_appeal(cli: Cli, tmp_path: Path) -> None:
    _settings(cli, "MODMH", STANDARD)
    number, _ = _case(cli, "MODMH", "Brittany Schaefer", "merit")
    _notice(cli, number, "suspension", "--days", "5")
    assert cli("discipline", "response", number, "--received", "2026-09-17",
               "--summary", "Admits it.")[0] == 0  # fmt: skip
    _decide(cli, number, "suspension", "--days", "5")
    decision = _text(_report(cli, tmp_path, "decision", number))
    assert "Decision: suspension without pay, 5 working days" in decision
    assert "There is no appeal to the Administrative Hearing Commission" in decision
    assert "RSMo 36.390.2; RSMo 621.075" in decision
    assert _flat(AHC_APPEAL_NOTICE) not in decision
    assert "First day of suspension 2026-09-28" in decision
    assert "Last day of suspension 2026-10-02" in decision
    assert "Return to work 2026-10-05" in decision
    assert "Admits it." in decision and "considered before this decision" in decision


def test_st_louis_refuses_a_letter_until_its_settings_are_set(cli: Cli, tmp_path: Path) -> None:
    code, _out, err = cli(
        "discipline", "settings", "STLCITY", "--set", "discipline.response_days=5",
        "--set", STANDARD, *[p for s in APPEAL for p in ("--set", s)], user="admin",
    )  # fmt: skip
    assert code == 0, err
    number, _ = _case(cli, "STLCITY", "Jordan Reyes", "merit")
    _notice(cli, number, "demotion")
    code, _out, err = cli("report", "notice", number, "--output", str(tmp_path / "n.pdf"))
    assert code == 1 and "'hr.contact'" in err
    assert "casedesk discipline settings STLCITY --set hr.contact=" in err
    assert not (tmp_path / "n.pdf").exists()
    _settings(cli, "STLCITY")
    assert "Notice of proposed demotion" in _text(_report(cli, tmp_path, "notice", number))
    assert cli("discipline", "response", number, "--received", "2026-09-15",
               "--summary", "Denies it.")[0] == 0  # fmt: skip
    _decide(cli, number, "demotion")
    decision = _text(_report(cli, tmp_path, "decision", number))
    assert "Decision: demotion" in decision
    assert "Civil Service Commission of the City of St. Louis" in decision
    assert "10 calendar days (from the agency's settings)" in decision
    assert "City of St. Louis Charter, Article XVIII" in decision


def test_st_louis_union_member_s_appeal_comes_from_the_agency_s_settings(
    cli: Cli, tmp_path: Path
) -> None:
    """Whether a St. Louis employee under an agreement appeals to the Commission or
    grieves under the agreement was not verified: never "no appeal", and no guessed body."""
    _settings(cli, "STLCITY", STANDARD, *APPEAL)
    number, _ = _case(cli, "STLCITY", "Riley Union", "union")
    _notice(cli, number, "demotion")
    assert cli("discipline", "response", number, "--none")[0] == 0
    code, _out, err = cli("discipline", "decide", number, "--action", "demotion",
                          "--effective", "2026-09-28", "--steps", "Post only on breaks.",
                          "--consequence", "Dismissal.")  # fmt: skip
    assert code == 1 and "is not set for STLCITY" in err and "no default" in err
    _settings(cli, "STLCITY", "discipline.appeal_body=Grievance under the agreement",
              "discipline.grievance_days=15", "discipline.grievance_days_kind=working")  # fmt: skip
    _decide(cli, number, "demotion")
    decision = _text(_report(cli, tmp_path, "decision", number))
    assert "No appeal" not in decision
    assert "Grievance under the agreement (from the agency's settings)" in decision
    assert "15 working days (from the agency's settings)" in decision
    # The rule's own words lead (the ones the decision records and the report prints).
    assert (
        "counted as the collective bargaining agreement or the City's civil service rules "
        "provide (the body and the days are the agency's settings)"
    ) in decision
    assert "Civil Service Commission" not in decision
    assert "Counted from the day you receive" not in decision


def test_st_louis_reprimand_letter_sends_the_employee_to_the_city_s_rules(
    cli: Cli, tmp_path: Path
) -> None:
    """The City's civil-service rules were not verified: a reprimand's letter does not say
    there is no appeal, it says where the answer is."""
    _settings(cli, "STLCITY", STANDARD, *APPEAL)
    number, _ = _case(cli, "STLCITY", "Avery Clerk", "merit")
    _decide(cli, number, "written_reprimand")
    decision = _text(_report(cli, tmp_path, "decision", number))
    assert "No appeal" not in decision and "The discipline law governing the" not in decision
    assert "Appeal rights. No rule Casedesk has verified says whether City of St. Louis" in decision
    assert "appeal or grieve a written reprimand" in decision


def test_ar_dhs_decision_points_to_policy_4002(cli: Cli, tmp_path: Path) -> None:
    # The statute names no body (Ark. Code Ann. §§ 21-1-702(a), 21-1-703(a) leave it to
    # OPM's rules): who hears the grievance is the agency's setting.
    body = "discipline.appeal_body=Department's grievance procedure, then the State Employee "
    _settings(cli, "ARDHS", STANDARD, *APPEAL, body + "Grievance Appeal Panel")
    number, _ = _case(cli, "ARDHS", "Avery Doe", "merit")
    _notice(cli, number, "suspension", "--days", "3")
    assert "Notice of proposed suspension" in _text(_report(cli, tmp_path, "notice", number))
    assert cli("discipline", "response", number, "--none")[0] == 0
    _decide(cli, number, "suspension", "--days", "3")
    decision = _text(_report(cli, tmp_path, "decision", number))
    assert "Decision: suspension without pay, 3 working days" in decision
    assert 'DHS Policy 4002 "Privacy and Security Sanctions"' in decision
    assert "State Employee Grievance Appeal Panel (from the agency's settings)" in decision
    assert "Ark. Code Ann. §§ 21-1-701(2), 21-1-702" in decision
    assert "not to a supervisory employee (Ark. Code Ann. § 21-1-701(1)(A), (B))" in decision


def test_ma_dys_civil_service_appeal_and_a_providers_referral(cli: Cli, tmp_path: Path) -> None:
    _settings(cli, "MADYS")
    number, _ = _case(cli, "MADYS", "Morgan Lee", "merit")
    _notice(cli, number, "suspension", "--days", "10")
    # M.G.L. c. 31, § 43's preponderance is the Civil Service Commission's standard on
    # appeal, not the agency's for its own findings: even a tenured employee's notice takes
    # the agency's setting, which has no default.
    code, _out, err = cli("report", "notice", number, "--output", str(tmp_path / "r.pdf"))
    assert code == 1 and "'discipline.standard_of_proof'" in err

    other, employee = _case(cli, "MADYS", "Casey Fairbanks", "provider")
    code, _out, err = cli("report", "decision", other, "--output", str(tmp_path / "r.pdf"))
    assert code == 1 and "No referral to the provider has been recorded" in err
    code, _out, err = cli("report", "notice", other, "--output", str(tmp_path / "r.pdf"))
    assert code == 1 and "gives no pre-action notice" in err
    assert cli("discipline", "refer", other, "--provider", "Youth Care Partners",
               "--on", "2026-09-15", "--sent-by", "Hana HR")[0] == 0  # fmt: skip
    # A provider's employee gets the agency's setting too, which has no default.
    code, _out, err = cli("report", "decision", other, "--output", str(tmp_path / "r.pdf"))
    assert code == 1 and "'discipline.standard_of_proof'" in err
    _settings(cli, "MADYS", STANDARD)

    notice = _text(_report(cli, tmp_path, "notice", number))
    assert "Notice of proposed suspension without pay, 10 working days" in notice
    assert "sections 41 through 45 of chapter 31" in notice
    assert "preponderance of the evidence (from the agency's settings)" in notice
    assert "(M.G.L. c. 31, § 43" not in notice
    assert cli("discipline", "response", number, "--none")[0] == 0
    _decide(cli, number, "suspension", "--days", "10")
    decision = _text(_report(cli, tmp_path, "decision", number))
    assert "Appeal to Civil Service Commission" in decision
    assert "M.G.L. c. 31, § 43" in decision and "10 calendar days" in decision
    assert "receiving written notice of the decision" in decision
    assert "Code of Employee Conduct, Policy 1.05.04(d)" in decision

    referral = _text(_report(cli, tmp_path, "decision", other))
    assert "preponderance of the evidence (from the agency's settings)" in referral
    assert "c. 31, § 43" not in referral and "Civil Service Commission" not in referral
    assert "Referral to the provider: Youth Care Partners" in referral
    assert "The provider refused to sign" in referral
    assert "The employee refused to sign" not in referral
    assert "not a disciplinary decision" in referral
    assert "MA DYS 01.05.22, Applicability" in referral
    assert "Decision:" not in referral and "appeal rights" not in referral


def test_unfounded_gets_a_closure_letter_not_a_decision(cli: Cli, tmp_path: Path) -> None:
    _settings(cli, "MODMH", STANDARD)
    number, _ = _case(cli, "MODMH", "Hannah Vogel", "merit", Finding.UNFOUNDED)
    code, _out, err = cli("report", "decision", number, "--output", str(tmp_path / "d.pdf"))
    assert code == 1 and f"casedesk report closure {number}" in err
    code, _out, err = cli("report", "discipline", number, "--out", str(tmp_path / "f.pdf"))
    assert code == 1 and "closure" in err
    closure = _text(_report(cli, tmp_path, "closure", number))
    assert "Closure letter: allegations not substantiated" in closure
    assert "Unfounded" in closure and "No disciplinary action is taken" in closure
    assert "Dana Director" in closure


def test_a_withdrawn_decision_prints_as_withdrawn_with_its_reason(cli: Cli, tmp_path: Path) -> None:
    _settings(cli, "MODMH", STANDARD)
    number, _ = _case(cli, "MODMH", "Lee Withdrawn", "at-will")
    _decide(cli, number, "written_reprimand")
    assert "Decision: written reprimand" in _text(_report(cli, tmp_path, "decision", number))
    code, _out, err = cli("discipline", "withdraw", number, "--reason", "Wrong employee file.")
    assert code == 0, err
    out = tmp_path / "withdrawn.pdf"
    assert cli("report", "decision", number, "--output", str(out))[0] == 0
    withdrawn = _text(out)
    assert "Decision withdrawn: written reprimand" in withdrawn
    assert "Reason: Wrong employee file." in withdrawn
    assert PdfReader(out).metadata.title.startswith("Decision withdrawn")


def test_no_decision_is_refused_or_printed_as_a_draft(cli: Cli, tmp_path: Path) -> None:
    _settings(cli, "MODNR", STANDARD)
    number, _ = _case(cli, "MODNR", "Drew Draft", "merit")
    out = tmp_path / "d.pdf"
    code, _out, err = cli("report", "decision", number, "--output", str(out))
    assert code == 1 and "No decision has been recorded" in err and "--draft" in err
    assert "casedesk discipline notice" in err
    code, _out, err = cli("report", "notice", number, "--output", str(out))
    assert code == 1 and "No pre-action notice has been recorded" in err
    code, _out, err = cli("report", "discipline", number, "--out", str(out))
    assert code == 1 and "No decision is in force" in err
    assert not out.exists()

    for kind in ("decision", "notice", "discipline"):
        pages = _pages(_report(cli, tmp_path, kind, number, "--draft"))
        assert all("DRAFT" in page for page in pages), kind
        joined = " ".join(pages)
        assert "Signatures and receipt" not in joined and "refused to sign" not in joined
        assert "appeal rights" not in joined.lower() or kind == "discipline"
    _notice(cli, number, "dismissal")
    assert "(draft)" not in _text(_report(cli, tmp_path, "notice", number))


def test_default_output_name_and_bad_use(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settings(cli, "MODMH", STANDARD)
    number, _ = _case(cli, "MODMH", "Robin Default", "at-will")
    _decide(cli, number, "written_reprimand")
    monkeypatch.chdir(tmp_path)
    code, said, err = cli("report", "decision", number)
    assert code == 0, err
    assert (tmp_path / f"{number}-decision.pdf").exists()
    assert re.search(r"recorded as report \d+", said)
    code, _out, err = cli("report", "decision", number, "extra")
    assert code == 2 and "Give one case number" in err
