"""A case from intake to closure, driven through the real command line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

ADMIN = {"user": "admin", "password": "keeper-of-keys-1"}
IVY = {"user": "ivy", "password": "field-notebook-pw-1"}
SAM = {"user": "sam", "password": "supervisor-pw-12"}
HANA = {"user": "hana", "password": "hr-password-123"}


def test_case_from_intake_to_closure(cli) -> None:
    employee = cli(
        "employee", "add", "--agency", "MADYS", "--name", "Jordan Reyes",
        "--position", "Caseworker", "--division", "Metro Boston Region", "--json", **IVY,
    )  # fmt: skip
    assert employee.code == 0, employee.err
    employee_id = json.loads(employee.out)["id"]
    # Her regime decides the due process owed (and that she is DYS's own employee).
    regime = cli("employee", "set-regime", str(employee_id), "merit", **HANA)
    assert regime.code == 0, regime.err
    assert "Tenured or regular civil service" in regime.out

    created = cli(
        "case", "new", "--agency", "MADYS", "--title", "Friended a youth's mother on Facebook",
        "--reported", "2026-03-02", "--conduct-from", "2026-02-20", "--channel", "coworker",
        "--reporter", "Casey Morgan", "--confidential-reporter", "--platform", "Facebook",
        "--duty", "off_duty", "--equipment", "personal", "--account", "personal",
        "--clients-involved", "--narrative", "Screenshot shows a friend request accepted.",
        "--subject", str(employee_id), "--investigator", "ivy", "--json", **IVY,
    )  # fmt: skip
    assert created.code == 0, created.err
    case = json.loads(created.out)
    number = case["number"]
    assert number == "MADYS-2026-0001"
    assert case["status"] == "intake"

    for provision in ("MA-DYS-01.05.22 C.2.e", "MA-DYS-01.05.22 C.2.f"):
        alleged = cli("case", "allege", number, provision, "--json", **IVY)
        assert alleged.code == 0, alleged.err
        assert json.loads(alleged.out)["citation"] == provision
    noted = cli("case", "note", number, "Interviewed the reporting coworker.",
                "--kind", "interview", **IVY)  # fmt: skip
    assert noted.code == 0, noted.err

    assert cli("case", "transition", number, "investigating", **IVY).code == 0
    shown = json.loads(cli("case", "show", number, "--json", **IVY).out)
    first, second = (a["id"] for a in shown["allegations"])
    assert shown["allegations"][0]["provision_text"].startswith('"Friending" clients')
    for allegation, finding, reasoning in (
        (first, "substantiated", "The screenshot shows the accepted request."),
        (second, "unfounded", "She sent the request, not the mother."),
    ):
        recorded = cli("case", "finding", number, str(allegation), finding,
                       "--reasoning", reasoning, **IVY)  # fmt: skip
        assert recorded.code == 0, recorded.err
    assert cli("case", "transition", number, "findings", **IVY).code == 0

    # Only a supervisor sends a case to HR; the investigator is refused with exit 1.
    refused = cli("case", "transition", number, "discipline_review", **IVY)
    assert refused.code == 1
    assert "supervisor" in refused.err
    assert cli("case", "transition", number, "discipline_review", **SAM).code == 0
    # HR closes the case only once the discipline decision is on record.
    early = cli("case", "transition", number, "closed", **HANA)
    assert early.code == 1
    assert "No discipline decision is recorded" in early.err
    today = dt.date.today().isoformat()
    decided = cli("discipline", "set", number, "--action", "written_reprimand",
                  "--effective", today,
                  "--steps", "Decline friend requests from youth.",
                  "--consequence", "A suspension.", **HANA)  # fmt: skip
    assert decided.code == 0, decided.err
    assert cli("case", "transition", number, "closed", **HANA).code == 0

    # HR sees the case but not the confidential reporter.
    hr_view = json.loads(cli("case", "show", number, "--json", **HANA).out)
    assert hr_view["fields"]["reporter_name"] == "(confidential)"
    # The investigator sees the reporter only when asking for it (the view is audited).
    ivy_view = json.loads(cli("case", "show", number, "--json", **IVY).out)
    assert ivy_view["fields"]["reporter_name"] == "(confidential)"
    ivy_view = json.loads(cli("case", "show", number, "--json", "--show-reporter", **IVY).out)
    assert ivy_view["fields"]["reporter_name"] == "Casey Morgan"

    listed = json.loads(cli("case", "list", "--status", "closed", "--json", **IVY).out)
    assert [c["number"] for c in listed["cases"]] == [number]
    searched = json.loads(cli("case", "list", "--search", "coworker", "--json", **IVY).out)
    assert [c["number"] for c in searched["cases"]] == [number]
    assert (
        json.loads(cli("case", "list", "--search", "nothinglikethis", "--json", **IVY).out)["total"]
        == 0
    )

    table = cli("case", "list", **IVY)
    assert number in table.out and "Closed" in table.out

    verified = cli("audit", "verify", **ADMIN)
    assert verified.code == 0, verified.err
    assert "intact" in verified.out


@pytest.mark.subprocess
def test_audit_verify_names_the_altered_event(cli) -> None:
    assert cli("employee", "add", "--agency", "ARDHS", "--name", "Pat Doe", **IVY).code == 0
    engine = create_engine(cli.url)
    with engine.begin() as connection:
        seq = connection.execute(
            text("SELECT seq FROM audit_events WHERE action = 'employee.add'")
        ).scalar_one()
        connection.execute(
            text("UPDATE audit_events SET actor = 'someone-else' WHERE seq = :seq"), {"seq": seq}
        )
    engine.dispose()
    result = cli.subprocess("audit", "verify", **ADMIN)
    assert result.code == 1
    assert f"event {seq}" in result.err
    assert "altered" in result.err
    assert "Traceback" not in result.err


def test_policy_catalog_commands(cli) -> None:
    listed = json.loads(cli("policy", "list", "--json", **IVY).out)
    assert {p["code"] for p in listed} == {
        "AR-DHS", "MA-DYS-01.05.22", "MO-DMH-DOR-6.675", "MO-DNR-SN", "STL-AR-150",
    }  # fmt: skip
    shown = cli("policy", "show", "AR-DHS", "II(G)", **IVY)
    assert shown.code == 0
    assert "formal investigation by DHS Internal Affairs/Fraud" in shown.out
    tagged = json.loads(
        cli("policy", "show", "AR-DHS", "--tag", "credentials", "--json", **IVY).out
    )
    assert "II(G)" in {p["ref"] for p in tagged}


def test_user_administration(cli) -> None:
    listed = json.loads(cli("user", "list", "--json", **ADMIN).out)
    assert {u["username"]: u["roles"] for u in listed}["sam"] == ["supervisor"]
    assert cli("user", "disable", "hana", **ADMIN).code == 0
    refused = cli("case", "list", **HANA)
    assert refused.code == 1
    assert "the account cannot sign in; ask an administrator" in refused.err
    assert "disabled" not in refused.err  # the administrator's user list says why
    # An investigator may not manage users.
    denied = cli("user", "disable", "sam", **IVY)
    assert denied.code == 1
    assert "user.manage" in denied.err


def test_init_where_a_deleted_database_was_sets_its_checkpoint_file_aside(bare_cli) -> None:
    first = bare_cli("init", "--admin-user", "root", "--admin-name", "Rita Root",
                     password="keeper-of-keys-1")  # fmt: skip
    assert first.code == 0, first.err
    database = Path(bare_cli.url.removeprefix("sqlite:///"))
    kept = database.with_name(database.name + ".checkpoints")
    earlier = kept.read_text()
    assert earlier.strip()
    for path in database.parent.glob(database.name + "*"):
        if path != kept:
            path.unlink()  # the database deleted; its checkpoint file left behind

    again = bare_cli("init", "--admin-user", "rose", "--admin-name", "Rose Root",
                     password="keeper-of-keys-2")  # fmt: skip
    assert again.code == 0, again.err
    moved = re.search(r"earlier database at this place was moved to (\S+):", again.out)
    assert moved, again.out
    assert Path(moved.group(1)).read_text() == earlier  # kept whole, renamed
    assert Path(moved.group(1)).parent == database.parent
    assert kept.read_text() != earlier  # the new database's own checkpoint
    verified = bare_cli("audit", "verify", user="rose", password="keeper-of-keys-2")
    assert verified.code == 0, verified.out + verified.err
    assert "does not match checkpoint" not in verified.out + verified.err
    # A database in use keeps its file, even when init runs again.
    third = bare_cli("init", password="keeper-of-keys-2")
    assert third.code == 0, third.err
    assert "earlier database" not in third.out
    assert len(list(database.parent.glob(database.name + ".checkpoints.earlier-*"))) == 1


def test_init_and_user_add_through_the_cli(bare_cli) -> None:
    first = bare_cli("init", "--admin-user", "root", "--admin-name", "Rita Root",
                     password="keeper-of-keys-1")  # fmt: skip
    assert first.code == 0, first.err
    assert "5 policies" in first.out
    assert "Administrator root created" in first.out
    again = bare_cli("init", password="keeper-of-keys-1")
    assert again.code == 0, again.err
    assert "0 policies and 0 provisions added, 0 updated" in again.out
    added = bare_cli(
        "user", "add", "ivan", "--name", "Ivan Ito", "--roles", "investigator,supervisor",
        user="root", password="keeper-of-keys-1", new_password="walrus-passage-1",
    )  # fmt: skip
    assert added.code == 0, added.err
    listed = bare_cli("case", "list", user="ivan", password="walrus-passage-1")
    assert listed.code == 0, listed.err
    assert "0 of 0 cases" in listed.out
    short = bare_cli(
        "user", "add", "tim", "--name", "Tim", "--roles", "hr",
        user="root", password="keeper-of-keys-1", new_password="short",
    )  # fmt: skip
    assert short.code == 2
    assert "too short" in short.err
    current = bare_cli("db", "current")
    assert current.code == 0
    revision, newest = re.search(r"schema revision (\S+) \(newest: (\S+)\)", current.out).groups()
    assert revision == newest
