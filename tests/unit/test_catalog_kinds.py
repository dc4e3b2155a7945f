"""Provision kinds, lead-ins and policy dates in the catalog files, and the charging rules.

The shipped files: every provision has a kind written in the file, and the
kinds, lead-ins and dates read from the seed texts are right. The format:
each new field is checked, naming the file and the entry. The rules: only
provisions that prohibit or require conduct can be charged; a policy past
its sunset date needs a confirmation.
"""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from app.domain.catalog import PolicyDoc, ProvisionDoc, parse_policy_document
from app.domain.charging import (
    NotChargeable,
    PolicyPastSunset,
    ProvisionKind,
    check_chargeable,
    check_in_force,
    policy_dates,
    quote,
)
from app.domain.errors import InvalidInput
from app.resources import policy_files
from app.services.catalog import read_policy_file

K = ProvisionKind


@pytest.fixture(scope="module")
def shipped() -> dict[str, PolicyDoc]:
    return {doc.code: doc for doc in (read_policy_file(p) for p in policy_files())}


def _provision(shipped: dict[str, PolicyDoc], cited: str) -> ProvisionDoc:
    code, ref = cited.split(" ", 1)
    return next(p for p in shipped[code].provisions if p.ref == ref)


@pytest.mark.parametrize("path", policy_files(), ids=lambda p: p.name)
def test_every_shipped_provision_states_its_kind_in_the_file(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    missing = [entry["ref"] for entry in data["provisions"] if "kind" not in entry]
    assert missing == []
    doc = read_policy_file(path)
    assert all(isinstance(p.kind, ProvisionKind) for p in doc.provisions)
    # Each policy has something to charge and something that cannot be charged.
    kinds = {p.kind for p in doc.provisions}
    assert kinds & {K.PROHIBITS, K.REQUIRES}
    assert kinds - {K.PROHIBITS, K.REQUIRES}


@pytest.mark.parametrize(
    ("cited", "kind"),
    [
        # Seed 002: "(2) Confidential information includes, without limitation, ..."
        ("AR-DHS II(A)(2)", K.DEFINITION),
        ("AR-DHS II(A)(1)", K.DEFINITION),
        ("AR-DHS II(A)", K.PROHIBITS),
        ("AR-DHS II(E)", K.PERMISSIVE),  # "This policy does not prohibit ... viewing"
        ("AR-DHS III(B)", K.PROCEDURE),  # "OCCE shall manage ..."
        ("AR-DHS II(F)", K.PROHIBITS),
        ("AR-DHS II(I)", K.REQUIRES),
        # Seed 000: "Supervisors may prohibit or department facilities may establish ..."
        ("MO-DMH-DOR-6.675 (3)", K.PERMISSIVE),
        ("MO-DMH-DOR-6.675 (4)", K.PERMISSIVE),  # "Supervisors may monitor ..."
        ("MO-DMH-DOR-6.675 Purpose", K.PURPOSE),
        ("MO-DMH-DOR-6.675 (1)(A)2", K.PERMISSIVE),  # "The Internet may be used to ..."
        ("MO-DMH-DOR-6.675 (1)(B)", K.HEADING),  # "... may not be used for:"
        ("MO-DMH-DOR-6.675 (1)(B)12", K.PROHIBITS),
        ("MO-DMH-DOR-6.675 (2)", K.PROHIBITS),
        ("MO-DNR-SN Definition", K.DEFINITION),
        ("MO-DNR-SN Discipline", K.NOTICE),
        ("MO-DNR-SN Complaint", K.PROCEDURE),
        ("MO-DNR-SN WorkHours", K.PROHIBITS),
        ("MO-DNR-SN Admin.1", K.REQUIRES),  # "responsible for reporting violations"
        ("MA-DYS-01.05.22 A.1-Social-Media", K.DEFINITION),
        ("MA-DYS-01.05.22 Applicability", K.PURPOSE),
        ("MA-DYS-01.05.22 C.2", K.HEADING),
        ("MA-DYS-01.05.22 C.2.e", K.PROHIBITS),
        ("MA-DYS-01.05.22 B.1.c", K.PERMISSIVE),  # "DYS may terminate the user privileges"
        ("MA-DYS-01.05.22 B.2.f", K.REQUIRES),
        ("MA-DYS-01.05.22 C.3", K.REQUIRES),  # failing to report is itself a violation
        ("STL-AR-150 II-Social-Media", K.DEFINITION),
        ("STL-AR-150 IV", K.HEADING),
        ("STL-AR-150 IV.K.1-Note", K.NOTICE),
        ("STL-AR-150 IV.K.1.h", K.PROHIBITS),
        ("STL-AR-150 VI", K.NOTICE),  # "Violation ... may result in discipline"
        ("STL-AR-150 V.B.2", K.PROHIBITS),
    ],
)
def test_the_known_kinds_are_right(
    shipped: dict[str, PolicyDoc], cited: str, kind: ProvisionKind
) -> None:
    assert _provision(shipped, cited).kind is kind


def test_a_provision_that_cannot_be_charged_names_what_to_charge_instead(
    shipped: dict[str, PolicyDoc],
) -> None:
    # A definition points to the prohibitions that use it (the file's 'see').
    assert _provision(shipped, "AR-DHS II(A)(2)").charge_instead == ("II(A)", "II(C)(1)")
    # A heading points to its chargeable items.
    c2 = _provision(shipped, "MA-DYS-01.05.22 C.2")
    assert c2.charge_instead == tuple(f"C.2.{letter}" for letter in "abcdefghi")
    # A chargeable provision needs no alternative.
    assert _provision(shipped, "MA-DYS-01.05.22 C.2.e").charge_instead == ()
    # Every alternative exists and can be charged.
    for doc in shipped.values():
        kinds = {p.ref: p.kind for p in doc.provisions}
        for p in doc.provisions:
            assert all(kinds[ref].chargeable for ref in p.charge_instead), p.ref


def test_a_list_item_is_quoted_after_its_lead_in(shipped: dict[str, PolicyDoc]) -> None:
    c2e = _provision(shipped, "MA-DYS-01.05.22 C.2.e")
    # Seed 003 C.2, verbatim (the doubled "are" is the document's).
    assert c2e.quoted_after == (
        "The following are activities are prohibited during work or non-working hours and "
        "may result in disciplinary action up to and including termination from employment "
        "if found on any employee's social networking sites, including Pulse:"
    )
    # Nested lists: IV (scope), IV.K (whom it binds), IV.K.1 (the prohibition), then h.
    juveniles = _provision(shipped, "STL-AR-150 IV.K.1.h")
    parts = juveniles.quoted_after.split("\n")
    assert parts[0].startswith("The following rules apply to the use of social media when")
    assert parts[1].startswith("Employees of the Police Division, Airport Police Department")
    assert parts[2].endswith("the following examples of information or records:")
    assert quote(juveniles.quoted_after, juveniles.text).endswith(
        "examples of information or records:\nrelated to juveniles; or"
    )
    # Only the lead-in sentence of a longer paragraph (AR DHS I, MA DYS B.2).
    assert _provision(shipped, "AR-DHS I(B)").quoted_after == (
        'For purposes of this policy, "social media account" does not include an account:'
    )
    assert _provision(shipped, "MA-DYS-01.05.22 B.2.e").quoted_after.startswith(
        "Where Caseworkers, apprehension officers"
    )
    assert _provision(shipped, "AR-DHS II(B)(1)").quoted_after == (
        "DHS will not require, request, suggest, or cause a current or prospective employee to:"
    )
    # A sub-paragraph that is a sentence of its own has no lead-in.
    assert _provision(shipped, "AR-DHS II(A)(2)").quoted_after == ""
    assert _provision(shipped, "MA-DYS-01.05.22 C.2").quoted_after == ""


def test_policy_versions_and_the_mo_dmh_sunset_date(shipped: dict[str, PolicyDoc]) -> None:
    # Seed 000's header: "EFFECTIVE DATE 6/22/15" ... "SUNSET DATE 7/1/18".
    dmh = shipped["MO-DMH-DOR-6.675"]
    assert (dmh.effective, dmh.sunset) == (dt.date(2015, 6, 22), dt.date(2018, 7, 1))
    assert "June 22, 2015" in dmh.version
    assert shipped["STL-AR-150"].version == "Revised and Reissued: May 26, 2020"
    assert [code for code, doc in shipped.items() if doc.sunset is not None] == ["MO-DMH-DOR-6.675"]
    dnr = shipped["MO-DNR-SN"]
    assert policy_dates(dnr.version, dnr.effective, dnr.sunset).startswith("undated")
    assert policy_dates(dmh.version, dmh.effective, dmh.sunset).endswith("sunset date 2018-07-01")


# -- the file format --------------------------------------------------------------------------

VALID: dict[str, Any] = {
    "policy": {"code": "XX-TEST-1", "title": "Policy", "issuer": "Test Agency",
               "effective": dt.date(2020, 1, 2)},
    "agency": {"code": "XXTEST", "name": "Test Agency", "jurisdiction": "XX"},
    "provisions": [
        {"ref": "I", "title": "Rules", "text": "Staff shall not post:", "tags": ["definitions"],
         "kind": "heading"},
        {"ref": "I(A)", "parent": "I", "title": "Photos", "text": "photos of clients;",
         "tags": ["photographs"], "kind": "prohibits"},
        {"ref": "II", "title": "Definition", "text": "A client is ...", "tags": ["definitions"],
         "kind": "definition", "see": ["I(A)"]},
    ],
}  # fmt: skip


def _with(changes: dict[str, Any], index: int | None = None, section: str = "") -> dict[str, Any]:
    doc = copy.deepcopy(VALID)
    target = doc[section] if section else doc["provisions"][index or 0]
    for key, value in changes.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    return doc


def test_the_new_fields_parse() -> None:
    doc = parse_policy_document(
        _with({"sunset": dt.date(2024, 1, 1), "version": "Rev. 2"}, section="policy"), "t.toml"
    )
    assert (doc.sunset, doc.version) == (dt.date(2024, 1, 1), "Rev. 2")
    heading, item, definition = doc.provisions
    assert (heading.kind, item.kind, definition.kind) == (K.HEADING, K.PROHIBITS, K.DEFINITION)
    assert item.quoted_after == "Staff shall not post:"
    assert heading.charge_instead == ("I(A)",) and definition.charge_instead == ("I(A)",)


@pytest.mark.parametrize(
    ("index", "changes", "message"),
    [
        (0, {"kind": None}, "t.toml provision I: needs a 'kind'"),
        (1, {"kind": "forbids"}, "t.toml provision I(A): unknown kind 'forbids'"),
        (0, {"lead_in": "Staff shall"}, "t.toml provision I: 'lead_in' must be the closing"),
        (2, {"see": ["II"]}, "t.toml provision II: 'see' names 'II'"),
        (2, {"see": ["IX"]}, "t.toml provision II: 'see' names 'IX'"),
        (2, {"see": "I(A)"}, "t.toml provision II: 'see' must be a list"),
        (1, {"see": ["I(A)"]}, "t.toml provision I(A): 'see' is for provisions that cannot"),
    ],
)
def test_a_bad_new_field_is_refused_naming_file_and_entry(
    index: int, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_policy_document(_with(changes, index), "t.toml")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sunset": "7/1/18"}, "'sunset' must be a date"),
        ({"sunset": dt.date(2019, 1, 1), "effective": dt.date(2020, 1, 2)}, "must come after"),
        ({"version": "x" * 121}, "'version' is longer than 120"),
    ],
)
def test_bad_policy_dates_are_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_policy_document(_with(changes, section="policy"), "t.toml")


# -- the rules --------------------------------------------------------------------------------


def test_only_prohibitions_and_requirements_can_be_charged() -> None:
    assert {k for k in ProvisionKind if k.chargeable} == {K.PROHIBITS, K.REQUIRES}
    check_chargeable("X I(A)", K.PROHIBITS, (), "X")
    with pytest.raises(NotChargeable, match="it is a definition.*Charge instead: X I, X II"):
        check_chargeable("X III", K.DEFINITION, ("I", "II"), "X")
    with pytest.raises(NotChargeable, match="permissive clause.*Cite the provision that"):
        check_chargeable("X (3)", K.PERMISSIVE, (), "X")
    with pytest.raises(NotChargeable, match="and 3 more"):
        check_chargeable("X IV", K.HEADING, tuple(f"IV.{n}" for n in range(15)), "X")
    with pytest.raises(NotChargeable, match="reloads the catalog"):
        check_chargeable("X I", None, (), "X")


SUNSET = dt.date(2018, 7, 1)


@pytest.mark.parametrize(
    ("conduct_from", "conduct_to", "reported", "needed"),
    [
        (dt.date(2018, 6, 1), dt.date(2018, 7, 1), dt.date(2019, 1, 1), False),  # on the day
        (dt.date(2018, 6, 1), dt.date(2018, 7, 2), dt.date(2019, 1, 1), True),  # after it
        (dt.date(2024, 5, 1), None, dt.date(2024, 5, 3), True),
        (None, None, dt.date(2018, 6, 30), False),  # reported before the sunset
        (None, None, dt.date(2024, 1, 1), True),  # no conduct dates: the report date
    ],
)
def test_a_policy_past_its_sunset_needs_the_confirmation(
    conduct_from: dt.date | None, conduct_to: dt.date | None, reported: dt.date, needed: bool
) -> None:
    args = ("P (2)", "P", SUNSET, conduct_from, conduct_to, reported)
    if needed:
        with pytest.raises(PolicyPastSunset, match="sunset date 2018-07-01 is before"):
            check_in_force(*args, confirmed=False)
    else:
        assert check_in_force(*args, confirmed=False) is False
    assert check_in_force(*args, confirmed=True) is needed
    assert check_in_force("Q I", "Q", None, conduct_from, conduct_to, reported,
                          confirmed=False) is False  # fmt: skip
