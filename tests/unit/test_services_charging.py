"""Charging on real databases: refusals by provision kind and sunset date, for each agency.

Through the service and through the command line (in-process, exit codes and
messages); the lead-in and the policy's dates as quoted; a database whose
catalog predates provision kinds gets them when it is opened.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from alembic import command
from argon2 import PasswordHasher
from sqlalchemy import text

from app.cli import run
from app.db.migrate import alembic_config
from app.domain.actor import Actor
from app.domain.charging import NotChargeable, PolicyPastSunset
from app.domain.permissions import Role
from app.services import accounts, cases, catalog, setup, start_checks
from app.services.cases import CaseFields
from app.services.database import Database

MakeUser = Callable[..., Actor]
PASSWORD = "quartz lantern meadow"  # tests/unit/conftest.py USER_PASSWORD


@dataclass(frozen=True)
class Agency:
    code: str
    refused: str  #: a provision that cannot be charged
    kind_words: str  #: how the refusal names its kind
    instead: str  #: a provision the refusal suggests ("" when none)
    chargeable: str


AGENCIES = [
    Agency("ARDHS", "AR-DHS II(A)(2)", "a definition", "AR-DHS II(A)", "AR-DHS II(A)"),
    Agency("MODMH", "MO-DMH-DOR-6.675 (3)", "a permissive clause", "",
           "MO-DMH-DOR-6.675 (1)(B)12"),
    Agency("MODNR", "MO-DNR-SN Discipline", "a notice", "", "MO-DNR-SN Policy.1"),
    Agency("MADYS", "MA-DYS-01.05.22 C.2", "a heading", "MA-DYS-01.05.22 C.2.e",
           "MA-DYS-01.05.22 C.2.e"),
    Agency("STLCITY", "STL-AR-150 II-Social-Media", "a definition", "", "STL-AR-150 V.B.2"),
]  # fmt: skip

#: Conduct before MO DMH DOR 6.675's sunset date (7/1/18), so no confirmation is needed.
BEFORE_SUNSET = (dt.date(2018, 3, 1), dt.date(2018, 3, 2), dt.date(2018, 3, 9))
#: Conduct after it.
AFTER_SUNSET = (dt.date(2025, 3, 8), dt.date(2025, 3, 8), dt.date(2025, 3, 12))


def _case(db: Database, actor: Actor, agency: str, dates: tuple[dt.date, ...] = BEFORE_SUNSET,
          ) -> int:  # fmt: skip
    conduct_from, conduct_to, reported = dates
    fields = CaseFields(
        agency_code=agency, title="Posts reported by a coworker", reported_on=reported,
        conduct_from=conduct_from, conduct_to=conduct_to, investigator=actor.username,
    )  # fmt: skip
    return cases.create_case(db, actor, fields).id


def _events(db: Database) -> list[tuple[str, object]]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT action, details FROM audit_events ORDER BY seq"))
        return [(a, d if isinstance(d, dict) else json.loads(d)) for a, d in rows]


@pytest.fixture
def ivan(make_user: MakeUser) -> Actor:
    return make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)


@pytest.mark.parametrize("agency", AGENCIES, ids=lambda a: a.code)
def test_a_provision_that_cannot_be_charged_is_refused_for_each_agency(
    database: Database, ivan: Actor, agency: Agency
) -> None:
    case_id = _case(database, ivan, agency.code)
    before = len(_events(database))
    with pytest.raises(NotChargeable) as refused:
        cases.add_allegation(database, ivan, case_id, agency.refused)
    message = str(refused.value)
    assert f"{agency.refused} cannot be charged: it is {agency.kind_words}" in message
    assert "prohibits or requires conduct" in message
    if agency.instead:
        assert agency.instead in message.split("Charge instead:")[1]
    assert refused.value.exit_code == 1
    # Nothing written: no allegation, no audit event.
    assert cases.get_case(database, ivan, case_id).allegations == ()
    assert len(_events(database)) == before

    added = cases.add_allegation(database, ivan, case_id, agency.chargeable)
    assert added.citation == agency.chargeable


def test_the_allegation_carries_its_lead_in_and_policy_dates(
    database: Database, ivan: Actor
) -> None:
    case_id = _case(database, ivan, "MADYS")
    added = cases.add_allegation(database, ivan, case_id, "MA-DYS-01.05.22 C.2.e")
    assert added.provision_lead_in.startswith("The following are activities are prohibited")
    assert added.provision_quote == f"{added.provision_lead_in}\n{added.provision_text}"
    assert added.policy_dates == "Effective Date: March 25, 2016"
    shown = catalog.get_provision(database, ivan, "MA-DYS-01.05.22 C.2.e")
    assert shown.chargeable and shown.quote == added.provision_quote


def test_a_policy_past_its_sunset_date_needs_a_recorded_confirmation(
    database: Database, ivan: Actor
) -> None:
    case_id = _case(database, ivan, "MODMH", AFTER_SUNSET)
    before = len(_events(database))
    with pytest.raises(PolicyPastSunset) as refused:
        cases.add_allegation(database, ivan, case_id, "MO-DMH-DOR-6.675 (2)")
    message = str(refused.value)
    assert "sunset date 2018-07-01 is before the conduct (last date 2025-03-08)" in message
    assert "--policy-in-force" in message and refused.value.exit_code == 1
    assert len(_events(database)) == before

    added = cases.add_allegation(
        database, ivan, case_id, "MO-DMH-DOR-6.675 (2)", policy_in_force_confirmed=True
    )
    assert added.policy_dates.endswith("sunset date 2018-07-01")
    action, details = _events(database)[-1]
    assert action == "allegation.add"
    assert details == {
        "provision": "MO-DMH-DOR-6.675 (2)",
        "employee_id": None,
        "policy_in_force_confirmed": {
            "sunset": "2018-07-01",
            "conduct_from": "2025-03-08",
            "conduct_to": "2025-03-08",
            "reported_on": "2025-03-12",
        },
    }


def test_conduct_before_the_sunset_date_needs_no_confirmation(
    database: Database, ivan: Actor
) -> None:
    case_id = _case(database, ivan, "MODMH", BEFORE_SUNSET)
    cases.add_allegation(database, ivan, case_id, "MO-DMH-DOR-6.675 (2)")
    action, details = _events(database)[-1]
    assert action == "allegation.add" and isinstance(details, dict)
    assert "policy_in_force_confirmed" not in details


def test_a_catalog_without_kinds_is_completed_when_the_database_opens(
    database: Database, admin: Actor
) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE provisions SET kind = NULL, quoted_after = ''"))
    before = len(_events(database))
    assert start_checks.catalog_incomplete(database)  # what every command asks first

    notice = catalog.complete_catalog(database)

    assert notice is not None and "loaded again after the upgrade" in notice
    provision = catalog.get_provision(database, admin, "AR-DHS II(A)(2)")
    assert not provision.chargeable and provision.charge_instead == ("II(A)", "II(C)(1)")
    loads = _events(database)[before:]
    assert {action for action, _ in loads} == {"catalog.load"}
    assert len(loads) == 5  # one per policy
    assert catalog.complete_catalog(database) is None  # nothing missing any more
    assert not start_checks.catalog_incomplete(database)


# -- the command line, in-process --------------------------------------------------------------


class Cli:
    def __init__(self, url: str, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
        self.url, self.monkeypatch, self.capsys = url, monkeypatch, capsys

    def __call__(self, *args: str, user: str = "ivan") -> tuple[int, str, str]:
        self.monkeypatch.setenv("CASEDESK_PASSWORD", PASSWORD)
        code = run(["--db", self.url, "--user", user, *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(
    database_url: str,
    database: Database,
    ivan: Actor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )
    return Cli(database_url, monkeypatch, capsys)


def _number(db: Database, actor: Actor, case_id: int) -> str:
    return cases.get_case(db, actor, case_id).number


@pytest.mark.parametrize("agency", AGENCIES, ids=lambda a: a.code)
def test_the_cli_refuses_charging_what_cannot_be_charged(
    cli: Cli, database: Database, ivan: Actor, agency: Agency
) -> None:
    number = _number(database, ivan, _case(database, ivan, agency.code))
    code, out, err = cli("case", "allege", number, agency.refused)
    assert code == 1, err
    assert out == ""
    assert f"{agency.refused} cannot be charged: it is {agency.kind_words}" in err
    assert "Traceback" not in err
    if agency.instead:
        assert agency.instead in err
    code, out, err = cli("case", "allege", number, agency.chargeable)
    assert code == 0, err
    assert agency.chargeable in out


def test_the_cli_needs_policy_in_force_after_the_sunset_date(
    cli: Cli, database: Database, ivan: Actor
) -> None:
    number = _number(database, ivan, _case(database, ivan, "MODMH", AFTER_SUNSET))
    code, _, err = cli("case", "allege", number, "MO-DMH-DOR-6.675 (1)(B)12")
    assert code == 1
    assert "sunset date 2018-07-01" in err and "--policy-in-force" in err
    code, out, err = cli("case", "allege", number, "MO-DMH-DOR-6.675 (1)(B)12",
                         "--policy-in-force")  # fmt: skip
    assert code == 0, err
    assert "MO-DMH-DOR-6.675 (1)(B)12" in out
    action, details = _events(database)[-1]
    assert action == "allegation.add" and isinstance(details, dict)
    assert details["policy_in_force_confirmed"]["sunset"] == "2018-07-01"


def test_policy_show_quotes_the_lead_in_and_names_the_kind_and_version(cli: Cli) -> None:
    code, out, err = cli("policy", "show", "STL-AR-150", "IV.K.1.h")
    assert code == 0, err
    assert "Kind" in out and "prohibits conduct" in out
    assert "Revised and Reissued: May 26, 2020" in out
    quoted = out.split("\n\n", 1)[1]
    assert quoted.index("Employees of the Police Division") < quoted.index(
        "the following examples of information or records:"
    ) < quoted.index("related to juveniles; or")  # fmt: skip

    code, out, err = cli("policy", "show", "AR-DHS", "II(A)(2)")
    assert code == 0, err
    assert "definition (cannot be charged)" in out
    assert "Charge instead" in out and "II(A), II(C)(1)" in out

    code, out, err = cli("policy", "show", "MO-DMH-DOR-6.675")
    assert code == 0, err
    assert any(line.startswith("MO-DMH-DOR-6.675 (3)") and "permissive clause" in line
               for line in out.splitlines())  # fmt: skip

    code, out, err = cli("policy", "list")
    assert code == 0, err
    assert "sunset date 2018-07-01" in out and "undated" in out


def test_opening_an_upgraded_database_loads_the_kinds(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A database with a catalog, migrated down before the kinds and up again."""
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64))
    database = Database.open(empty_database_url)
    try:
        setup.initialize(database, admin_username="admin", admin_full_name="Ada Admin",
                         admin_password="correct horse battery")  # fmt: skip
        with database.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0008")
        with database.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        with database.engine.connect() as connection:
            kinds = connection.execute(text("SELECT DISTINCT kind FROM provisions")).all()
        assert [tuple(k) for k in kinds] == [(None,)]
    finally:
        database.close()

    monkeypatch.setenv("CASEDESK_PASSWORD", "correct horse battery")
    code = run(["--db", empty_database_url, "--user", "admin",
                "policy", "show", "MA-DYS-01.05.22", "C.2"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "the policy catalog was loaded again after the upgrade" in err
    assert "heading or list lead-in (cannot be charged)" in out
