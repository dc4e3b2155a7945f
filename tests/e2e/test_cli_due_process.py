"""``casedesk discipline notice|response|decide|appeal|refer|flow`` in-process, both backends.

One case per employer is prepared through the services (intake to
discipline review); each step of due process then goes through the command
line as HR types it. Refusals exit 1 naming the rule and its citation, bad
input exits 2, never a traceback. Dates are explicit and in the past.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.domain.cases import CaseStatus, Finding
from app.services import accounts, cases, employees
from app.services.cases import CaseFields
from app.services.database import Database
from tests.e2e.hr_team import PASSWORD, Cli

CHARGES = {
    "MODMH": "MO-DMH-DOR-6.675 (2)",
    "MODNR": "MO-DNR-SN Policy.5",
    "STLCITY": "STL-AR-150 V.A",
    "ARDHS": "AR-DHS II(A)",
    "MADYS": "MA-DYS-01.05.22 C.2.e",
}


@pytest.fixture
def cli(hr_team_cli: Cli) -> Cli:
    """The administrator and the three users in every agency (``tests/e2e/hr_team.py``)."""
    return hr_team_cli


def _case(cli: Cli, agency: str, name: str) -> tuple[str, int]:
    """A case of ``agency`` in discipline review against a new employee: (number, employee id)."""
    database = Database.open(cli.url)
    try:
        ivy = accounts.authenticate(database, "ivy", PASSWORD)
        sam = accounts.authenticate(database, "sam", PASSWORD)
        employee = employees.add_employee(database, ivy, agency_code=agency, full_name=name)
        case = cases.create_case(
            database, ivy,
            CaseFields(agency_code=agency, title="Posted on duty", reported_on=dt.date(2026, 9, 3),
                       conduct_from=dt.date(2026, 9, 1), subject_ids=(employee.id,),
                       investigator="ivy"),
        )  # fmt: skip
        allegation = cases.add_allegation(
            database,
            ivy,
            case.id,
            CHARGES[agency],
            # DOR 6.675 shows a sunset date of 2018-07-01: the test confirms it still applies.
            policy_in_force_confirmed=agency == "MODMH",
        )
        cases.transition_case(database, ivy, case.id, CaseStatus.INVESTIGATING)
        cases.record_finding(database, ivy, allegation.id, Finding.SUBSTANTIATED, "Screenshots.")
        cases.transition_case(database, ivy, case.id, CaseStatus.FINDINGS)
        cases.transition_case(database, sam, case.id, CaseStatus.DISCIPLINE_REVIEW)
        return case.number, employee.id
    finally:
        database.close()


def _setup_agency(cli: Cli, agency: str) -> None:
    code, out, err = cli(
        "discipline", "settings", agency, "--set", "discipline.response_days=5",
        "--set", "appointing_authority.name=Dana Director",
        "--set", "appointing_authority.title=Director", user="admin",
    )  # fmt: skip
    assert code == 0, err
    assert "discipline.response_days = 5" in out


def _notice(cli: Cli, number: str, action: str, *extra: str) -> tuple[int, str, str]:
    return cli(
        "discipline",
        "notice",
        number,
        "--action",
        action,
        "--issued",
        "2026-09-14",
        "--delivery",
        "certified-mail",
        "--delivered-by",
        "Pat Supervisor",
        *extra,
    )


def _decide(
    cli: Cli, number: str, action: str, *extra: str, user: str = "hana"
) -> tuple[int, str, str]:
    return cli("discipline", "decide", number, "--action", action, "--effective", "2026-09-28",
               "--steps", "Post only on breaks.", "--consequence", "Dismissal.",
               "--step", "Second offence.", "--aggravating", "A consumer was named.",
               "--mitigating", "Long service.", *extra, user=user)  # fmt: skip


def test_mo_dmh_notice_response_suspension_and_no_ahc_appeal(cli: Cli, tmp_path: Path) -> None:
    _setup_agency(cli, "MODMH")
    number, employee = _case(cli, "MODMH", "Brittany Schaefer")
    code, out, err = cli("employee", "set-regime", str(employee), "merit")
    assert code == 0, err

    code, _, err = _decide(cli, number, "suspension", "--days", "5")
    assert code == 1 and "needs a pre-action notice" in err and "Loudermill" in err
    code, out, err = _notice(cli, number, "suspension", "--days", "5")
    assert code == 0, err
    assert "Response due 2026-09-21" in out and "Missouri public holidays" in out

    device = cli("discipline", "response", number, "--received", "2026-09-17",
                 "--summary", "Admits it.", "--file", "/dev/zero")  # fmt: skip
    assert device[0] == 2 and "not a regular file" in device[2]
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 response letter")
    code, out, err = cli("discipline", "response", number, "--received", "2026-09-17",
                         "--summary", "Admits it.", "--file", str(letter))  # fmt: skip
    assert code == 0, err
    assert "letter.pdf" in out and "application/pdf" in out
    again = cli("discipline", "response", number, "--none")
    assert again[0] == 1 and "already recorded" in again[2]

    code, _, err = _decide(cli, number, "suspension", "--days", "5", "--effective", "2026-09-21")
    assert code == 1 and "same day the response is due" in err
    # Made before the response it must consider came in: refused, with the rule.
    code, _, err = _decide(cli, number, "suspension", "--days", "5", "--decided-on", "2026-09-16")
    assert code == 1 and "received on 2026-09-17; a decision made on 2026-09-16" in err
    assert "Loudermill" in err or "RSMo" in err
    code, _, err = _decide(cli, number, "suspension", "--days", "5", "--decided-on", "22/09/2026")
    assert code == 2 and "Decision date" in err
    code, out, err = _decide(cli, number, "suspension", "--days", "5", "--decided-on", "2026-09-22")
    assert code == 0, err
    assert "decided on 2026-09-22, effective 2026-09-28" in out
    assert "Suspended 2026-09-28 to 2026-10-02, back at work 2026-10-05." in out
    assert "carries no appeal to the Administrative Hearing Commission" in out
    assert "The pre-action notice gave until 2026-09-21 to respond." in out
    code, shown, err = cli("discipline", "show", number)
    assert code == 0 and "Decided on          2026-09-22" in shown, err
    assert "Response due        2026-09-21" in shown

    code, _, err = cli("discipline", "appeal", number, "--filed", "2026-10-01")
    assert code == 1
    assert "RSMo 36.390.2" in err and "RSMo 621.075" in err

    code, out, err = cli("discipline", "flow", number, "--json")
    assert code == 0, err
    flow = json.loads(out)
    assert flow["stage"] == "in_force"
    assert flow["notice"]["delivery_method"] == "certified_mail"
    assert flow["response"]["files"][0]["filename"] == "letter.pdf"
    assert flow["decision"]["aggravating_factors"] == "A consumer was named."
    assert any(s["key"] == "appointing_authority.name" and s["from_agency_settings"]
               for s in flow["settings"])  # fmt: skip
    code, out, _ = cli("discipline", "show", number)
    assert code == 0 and "Stands: Action in force" in out


def test_the_response_window_is_the_notice_s_and_the_agency_s_setting_alone(cli: Cli) -> None:
    _setup_agency(cli, "MODNR")
    # --response-days sets the window a notice gives, the agency's discipline.response_days;
    # no second "Response days" is shown beside it.
    code, out, err = cli("discipline", "settings", "MODNR", "--response-days", "7", user="admin")
    assert code == 0, err
    assert "discipline.response_days = 7" in out
    assert "Response days" not in out
    code, out, err = cli("discipline", "settings", "MODNR", "--json", user="admin")
    assert code == 0, err
    assert "response_days" not in json.loads(out)
    assert {"key": "discipline.response_days", "value": "7"}.items() <= next(
        s for s in json.loads(out)["settings"] if s["key"] == "discipline.response_days"
    ).items()

    number, employee = _case(cli, "MODNR", "Lena Brooks")
    assert cli("employee", "set-regime", str(employee), "merit")[0] == 0
    # A decision gives no window of its own: a date for one is refused, with the reason.
    code, _, err = _decide(cli, number, "written_reprimand", "--response-due", "2026-10-01")
    assert code == 2, err
    assert "--response-due is not taken" in err and "pre-action notice" in err
    assert "Traceback" not in err
    code, shown, err = cli("discipline", "show", number)
    assert code == 0 and "Decided on" not in shown, err
    code, out, err = _decide(cli, number, "written_reprimand")
    assert code == 0, err
    assert "respond" not in out
    code, shown, err = cli("discipline", "show", number)
    assert code == 0, err
    assert "Response due        - (no pre-action notice)" in shown
    code, out, err = cli("discipline", "show", number, "--json")
    assert code == 0, err
    assert '"response_due": null' in out

    # A notice gives the agency's 7 working days (Sept. 15-18, 21-23).
    second, other = _case(cli, "MODNR", "Omar Reyes")
    assert cli("employee", "set-regime", str(other), "merit")[0] == 0
    code, out, err = _notice(cli, second, "suspension", "--days", "5")
    assert code == 0, err
    assert "Response due 2026-09-23" in out


def test_mo_dnr_dismissal_with_ahc_appeal(cli: Cli) -> None:
    _setup_agency(cli, "MODNR")
    number, employee = _case(cli, "MODNR", "Samuel Okafor")
    assert cli("employee", "set-regime", str(employee), "merit")[0] == 0
    assert _notice(cli, number, "dismissal")[0] == 0
    code, out, err = cli("discipline", "response", number, "--none")
    assert code == 0 and "no response by the deadline" in out, err
    code, out, err = _decide(
        cli, number, "dismissal", "--effective", "2026-09-22", "--decided-on", "2026-09-22"
    )
    # The written statement of the decision comes before the effective date (RSMo 36.380).
    assert code == 1 and "RSMo 36.380" in err and "2026-09-23 at the earliest" in err
    code, out, err = _decide(
        cli, number, "dismissal", "--effective", "2026-09-23", "--decided-on", "2026-09-22"
    )
    assert code == 0, err
    assert "Administrative Hearing Commission within 30 calendar days" in out
    code, out, err = cli("discipline", "appeal", number, "--filed", "2026-10-09")
    assert code == 0, err
    assert "Administrative Hearing Commission" in out and "deadline 2026-10-23" in out
    code, out, err = cli("discipline", "appeal", number, "--outcome", "modified",
                         "--on", "2026-11-20", "--note", "Reduced to a suspension.")  # fmt: skip
    assert code == 0 and "modified on 2026-11-20" in out, err
    bad = cli("discipline", "appeal", number, "--outcome", "won", "--on", "2026-11-20")
    assert bad[0] == 2 and "upheld, modified, overturned" in bad[2]


def test_st_louis_refuses_until_its_civil_service_settings_are_set(cli: Cli) -> None:
    number, employee = _case(cli, "STLCITY", "Jordan Reyes")
    assert cli("employee", "set-regime", str(employee), "merit")[0] == 0
    code, _, err = _notice(cli, number, "demotion")
    assert code == 1 and "discipline.response_days" in err and "no default" in err
    _setup_agency(cli, "STLCITY")
    assert _notice(cli, number, "demotion")[0] == 0
    assert cli("discipline", "response", number, "--received", "2026-09-15",
               "--summary", "Denies it.")[0] == 0  # fmt: skip
    code, _, err = _decide(cli, number, "demotion")
    assert code == 1 and "discipline.appeal_days" in err
    code, _, err = cli("discipline", "settings", "STLCITY", "--set", "discipline.appeal_days=10",
                       "--set", "discipline.appeal_days_kind=sometimes", user="admin")  # fmt: skip
    assert code == 2 and "'calendar' or 'working'" in err


def test_ar_dhs_probationer_needs_no_notice_and_a_union_regime_is_refused(cli: Cli) -> None:
    number, employee = _case(cli, "ARDHS", "Avery Doe")
    code, _, err = cli("employee", "set-regime", str(employee), "union")
    assert code == 1 and "has no employees whose regime" in err
    code, _, err = cli("employee", "set-regime", str(employee), "tenure")
    assert code == 2 and "merit, probationary" in err
    assert cli("employee", "set-regime", str(employee), "probationary")[0] == 0
    code, out, err = _decide(cli, number, "suspension", "--days", "3")
    assert code == 0, err
    code, out, err = _decide(cli, number, "suspension", "--days", "3", "--first-day",
                             "2026-10-03")  # fmt: skip
    assert code == 2 and "starts on a working day" in err and "Saturday" in err


def test_ma_dys_provider_is_referred_not_disciplined(cli: Cli) -> None:
    number, employee = _case(cli, "MADYS", "Casey Fairbanks")
    code, _, err = _decide(cli, number, "written_reprimand")
    assert code == 1 and "MA DYS 01.05.22, Applicability" in err
    assert cli("employee", "set-regime", str(employee), "provider")[0] == 0
    code, _, err = _decide(cli, number, "written_reprimand")
    assert code == 1 and "does not discipline a contracted provider" in err
    code, out, err = cli("discipline", "refer", number, "--provider", "Youth Care Partners",
                         "--on", "2026-09-15", "--sent-by", "Hana HR", "--json")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["charges"] == [CHARGES["MADYS"]]
    code, out, _ = cli("discipline", "flow", number)
    assert code == 0 and "Referred to the provider" in out
    assert cli("case", "transition", number, "closed")[0] == 0


def test_withdrawn_decision_is_shown_and_investigators_are_refused(cli: Cli) -> None:
    number, employee = _case(cli, "MODMH", "Hannah Vogel")
    assert cli("employee", "set-regime", str(employee), "at-will")[0] == 0
    code, _, err = cli("discipline", "notice", number, "--action", "suspension", "--days", "3",
                       "--issued", "2026-09-14", "--delivery", "pigeon",
                       "--delivered-by", "Pat")  # fmt: skip
    assert code == 2 and "in_person, certified_mail, email, other" in err
    code, _, err = _decide(cli, number, "written_reprimand", user="ivy")
    assert code == 1 and "discipline.record" in err
    assert _decide(cli, number, "written_reprimand")[0] == 0
    code, out, err = cli("discipline", "withdraw", number, "--reason", "Wrong employee file.")
    assert code == 0, err
    code, out, _ = cli("discipline", "flow", number, "--json")
    flow = json.loads(out)
    assert flow["stage"] == "withdrawn"
    assert flow["decision"]["withdrawal_reason"] == "Wrong employee file."
