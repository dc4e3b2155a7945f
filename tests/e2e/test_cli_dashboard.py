"""``casedesk dashboard``: the service's figures as JSON and CSV; the consistency reason."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.domain.actor import Actor
from app.services import accounts, dashboard
from app.services.database import Database
from tests.e2e.conftest import (
    ADMIN_PASSWORD,
    HR_PASSWORD,
    INVESTIGATOR_PASSWORD,
    SUPERVISOR_PASSWORD,
    Casedesk,
)
from tests.unit.dashboard_fixture import (
    EXPECTED,
    PERIOD,
    POLICY_1,
    Built,
    build,
    case_in_review,
    next_workday,
)

SAM = {"user": "sam", "password": SUPERVISOR_PASSWORD}
HANA = {"user": "hana", "password": HR_PASSWORD}


@pytest.fixture
def built(sqlite_cli: Casedesk) -> tuple[Casedesk, Built, dict[str, Actor]]:
    database = Database.open(sqlite_cli.url)
    try:
        users = {
            name: accounts.authenticate(database, name, password)
            for name, password in (("admin", ADMIN_PASSWORD), ("ivy", INVESTIGATOR_PASSWORD),
                                   ("sam", SUPERVISOR_PASSWORD), ("hana", HR_PASSWORD))
        }  # fmt: skip
        made = build(database, admin=users["admin"], investigator=users["ivy"],
                     supervisor=users["sam"], hr=users["hana"])  # fmt: skip
    finally:
        database.close()
    return sqlite_cli, made, users


def test_json_and_csv_are_the_services_figures(
    built: tuple[Casedesk, Built, dict[str, Actor]],
) -> None:
    cli, _, users = built
    period = ("--from", "2026-01-01", "--to", "2026-02-28")
    result = cli("dashboard", *period, "--json", **SAM)
    assert result.code == 0, result.err
    printed = json.loads(result.out)
    assert {c["key"]: [tuple(r) for r in c["rows"]] for c in printed["charts"]} == EXPECTED
    database = Database.open(cli.url)
    try:
        chart = dashboard.chart(database, users["sam"], "median_days", PERIOD)
    finally:
        database.close()
    csv = cli("dashboard", *period, "--chart", "median_days", "--csv", **SAM)
    assert csv.code == 0 and csv.out == chart.csv_text()
    # HR's figures leave the confidential investigation authorization out.
    hr = cli("dashboard", *period, "--chart", "authorizations", "--csv", **HANA)
    assert hr.out.splitlines() == ["agency,kind,authorizations", "MADYS,Supervision (B.2),1"]


def test_bad_dates_agencies_and_roles(built: tuple[Casedesk, Built, dict[str, Actor]]) -> None:
    cli, _, _ = built
    bad_date = cli("dashboard", "--from", "2026-13-01", **SAM)
    assert bad_date.code == 2 and "--from '2026-13-01' is not a valid date" in bad_date.err
    bad_agency = cli("dashboard", "--agency", "NOPE", **SAM)
    assert bad_agency.code == 2 and "no agency 'NOPE'" in bad_agency.err
    backwards = cli("dashboard", "--from", "2026-03-01", "--to", "2026-02-01", **SAM)
    assert backwards.code == 2 and "after it ends" in backwards.err
    investigator = cli("dashboard", user="ivy", password=INVESTIGATOR_PASSWORD)
    assert investigator.code == 1 and "dashboard.view" in investigator.err
    for result in (bad_date, bad_agency, backwards, investigator):
        assert "Traceback" not in result.err


def test_a_harsher_decision_is_refused_without_a_reason_then_kept_with_it(
    built: tuple[Casedesk, Built, dict[str, Actor]],
) -> None:
    cli, made, users = built
    database = Database.open(cli.url)
    try:
        _, number = case_in_review(
            database, users["ivy"], users["sam"], made.employee_ids[3], dt.date(2026, 3, 2)
        )
    finally:
        database.close()
    effective = next_workday().isoformat()
    decide = ("discipline", "decide", number, "--action", "verbal-reprimand", "--effective",
              effective, "--steps", "Keep work off personal accounts.", "--consequence",
              "A repeat leads to a written reprimand.")  # fmt: skip
    refused = cli(*decide, **HANA)
    assert refused.code == 1, refused.err
    assert "milder than every earlier decision" in refused.err
    assert made.case_numbers[0] in refused.err and made.case_numbers[1] in refused.err
    assert "--consistency-reason" in refused.err
    reason = "Removed the posts the same day and apologised to the campers."
    done = cli(*decide, "--consistency-reason", reason, **HANA)
    assert done.code == 0, done.err
    shown = cli("discipline", "show", number, **HANA)
    assert f"Consistency reason  {reason}" in shown.out
    listed = cli("dashboard", "--agency", "MODNR", "--provision", POLICY_1, "--csv", **SAM)
    assert [line.split(",")[1] for line in listed.out.splitlines()[1:]] == [
        *made.case_numbers[:2], number,
    ]  # fmt: skip
