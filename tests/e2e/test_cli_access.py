"""Who sees which case, through the real command line.

A user of another agency finds no trace of a case: not in the list, its
counts, search, ``--json`` output, or an error message; restriction,
membership, conflicts and the employee-to-user link as commands.
"""

from __future__ import annotations

import json

ADMIN = {"user": "admin", "password": "keeper-of-keys-1"}
IVY = {"user": "ivy", "password": "field-notebook-pw-1"}
SAM = {"user": "sam", "password": "supervisor-pw-12"}
HANA = {"user": "hana", "password": "hr-password-123"}
OTTO = {"user": "otto", "password": "other-agency-pw-1"}


def _new_case(cli, *extra: str) -> str:
    created = cli(
        "case", "new", "--agency", "MADYS", "--title", "Zephyrine photos of a youth",
        "--reported", "2026-03-02", "--investigator", "ivy", "--json", *extra, **IVY,
    )  # fmt: skip
    assert created.code == 0, created.err
    return str(json.loads(created.out)["number"])


def _add_otto(cli) -> None:
    added = cli(
        "user", "add", "otto", "--name", "Otto Other", "--roles", "investigator,supervisor",
        "--agency", "MODNR", **ADMIN, new_password=OTTO["password"],
    )  # fmt: skip
    assert added.code == 0, added.err
    assert "otto sees the cases of MODNR" in added.out


def test_a_user_of_another_agency_finds_no_trace_of_a_case(cli) -> None:
    number = _new_case(cli)
    case_id = json.loads(cli("case", "show", number, "--json", **IVY).out)["id"]
    _add_otto(cli)
    listed = cli("case", "list", **OTTO)
    assert listed.code == 0 and "0 of 0 cases" in listed.out and number not in listed.out
    searched = cli("case", "list", "--search", "zephyrine", "--json", **OTTO)
    assert searched.code == 0, searched.err
    assert json.loads(searched.out)["total"] == 0 and "Zephyrine" not in searched.out
    by_prefix = cli("case", "list", "--search", number[:10], **OTTO)
    assert number not in by_prefix.out
    shown = cli("case", "show", number, **OTTO)
    assert shown.code == 2, shown.err  # not found, never "refused"
    # Said exactly as for a number no case has.
    missing = cli("case", "show", "MADYS-2026-0099", **OTTO)
    assert shown.err == missing.err.replace("MADYS-2026-0099", number)
    assert str(case_id) not in shown.err.replace(number, "")
    noted = cli("case", "note", number, "Looking around.", **OTTO)
    assert noted.code == 2 and "There is no case" in noted.err
    # Given the agency, the same user sees it.
    assert cli("user", "agencies", "otto", "--add", "MADYS", **ADMIN).code == 0
    assert number in cli("case", "list", **OTTO).out


def test_restrict_unrestrict_and_restricted_at_intake(cli) -> None:
    number = _new_case(cli, "--restricted", "--allow", "sam")
    assert cli("case", "show", number, **HANA).code == 2
    restricted = cli("case", "restrict", number, "--allow", "sam", "hana", "--json", **IVY)
    assert restricted.code == 0, restricted.err
    assert json.loads(restricted.out)["usernames"] == ["hana", "ivy", "sam"]
    assert cli("case", "show", number, **HANA).code == 0
    assert cli("case", "restrict", number, "--allow", "nobody", **IVY).code == 2
    assert cli("case", "restrict", number, **HANA).code == 1  # HR may not change the list
    lifted = cli("case", "unrestrict", number, **SAM)
    assert lifted.code == 0 and "is not restricted" in lifted.out


def test_a_subject_s_account_is_linked_refused_on_the_list_and_allowed_with_a_reason(cli) -> None:
    employee = cli("employee", "add", "--agency", "MADYS", "--name", "Hana HR", "--json", **SAM)
    employee_id = str(json.loads(employee.out)["id"])
    linked = cli("employee", "link-user", employee_id, "hana", **ADMIN)
    assert linked.code == 0, linked.err
    number = _new_case(cli, "--subject", employee_id)
    refused = cli("case", "restrict", number, "--allow", "hana", **IVY)
    assert refused.code == 1 and "can never be on its access list" in refused.err
    assert cli("case", "show", number, **HANA).code == 2  # her own case: a conflict
    assert cli("case", "allow-conflict", number, "hana", "--reason", "x", **IVY).code == 1
    allowed = cli("case", "allow-conflict", number, "hana", "--reason", "HR of record.", **SAM)
    assert allowed.code == 0, allowed.err
    assert cli("case", "show", number, **HANA).code == 0
    involved = cli("case", "involve", number, "sam", "--as", "witness", **IVY)
    assert involved.code == 0, involved.err
    assert cli("case", "show", number, **SAM).code == 2
    assert cli("case", "involve", number, "sam", "--as", "judge", **IVY).code == 2


def test_user_add_without_an_agency_says_the_user_sees_no_case(cli) -> None:
    added = cli(
        "user", "add", "nina", "--name", "Nina New", "--roles", "hr", **ADMIN,
        new_password="copper-kettle-4412",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert "belongs to no agency and sees no case" in added.err
    listing = cli("user", "list", **ADMIN)
    assert "ARDHS" in listing.out  # the fixtures' users' agencies
    bad = cli("user", "agencies", "nina", "--add", "NOPE", **ADMIN)
    assert bad.code == 2 and "There is no agency NOPE" in bad.err
