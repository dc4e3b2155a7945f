"""``casedesk authorization`` and ``casedesk credential-request`` in a subprocess.

Refusals exit 1 and print every reason with its citation; bad input exits 2;
HR sees neither investigation authorizations nor credential requests.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from app.domain.cases import CaseStatus
from app.services import accounts, cases, employees
from app.services.cases import CaseFields
from app.services.database import Database
from tests import provenance
from tests.e2e.conftest import (
    HR_PASSWORD,
    INVESTIGATOR_PASSWORD,
    SUPERVISOR_PASSWORD,
    Casedesk,
)

IVY = {"user": "ivy", "password": INVESTIGATOR_PASSWORD}
SAM = {"user": "sam", "password": SUPERVISOR_PASSWORD}
HANA = {"user": "hana", "password": HR_PASSWORD}
STATUTE = "Ark. Code Ann. § 11-2-124"
DATA = Path(__file__).parent.parent / "data"


def _setup(cli: Casedesk, agency: str, names: tuple[str, ...]) -> str:
    """Employees of ``agency`` and an open case of it; returns the case number."""
    database = Database.open(cli.url)
    try:
        sam = accounts.authenticate(database, "sam", SUPERVISOR_PASSWORD)
        for name in names:
            employees.add_employee(database, sam, agency_code=agency, full_name=name)
        case = cases.create_case(
            database, sam, CaseFields(agency_code=agency, title="Online conduct",
                                      reported_on=dt.date(2026, 10, 1)),
        )  # fmt: skip
        cases.transition_case(database, sam, case.id, CaseStatus.INVESTIGATING)
        return case.number
    finally:
        database.close()


def test_authorization_add_list_review_revoke(cli: Casedesk) -> None:
    case = _setup(cli, "MADYS", ("Carla Caseworker", "Dan Other", "Sue Boss"))
    supervision = (
        "authorization", "add", "supervision", "--role", "caseworker", "--supervisor", "Sue Boss",
        "--written", "2026-11-01", "--platform", "Facebook", "--account", "@dys.watch",
        "--youth-case", "JJEMS 4411", "--attest-no-youth-contact", "--attest-true-identity",
        "--start", "2026-11-02",
    )  # fmt: skip
    added = cli(*supervision, "--employee", "Carla Caseworker", "--json", **SAM)
    assert added.code == 0, added.err
    first = json.loads(added.out)
    assert (first["kind"], first["employee_name"], first["supervisor_name"]) == (
        "supervision", "Carla Caseworker", "Sue Boss",
    )  # fmt: skip

    shared = cli(*supervision, "--employee", "Dan Other", "--site-shows-viewers", **SAM)
    assert shared.code == 1 and "Traceback" not in shared.err
    assert "supervision authorization is refused" in shared.err
    assert "[MA-DYS-01.05.22 B.2.d]" in shared.err and "[MA-DYS-01.05.22 B.2.e]" in shared.err
    assert f"Carla Caseworker (authorization {first['id']})" in shared.err

    investigation = cli(
        "authorization", "add", "investigation", "--employee", "Dan Other",
        "--role", "investigation_unit", "--supervisor", "Sue Boss", "--written", "2026-09-01",
        "--platform", "Instagram", "--account", "inv.profile.7", "--case", case,
        "--start", "2026-09-01", "--youth-communication-approved", "--json", **SAM,
    )  # fmt: skip
    assert investigation.code == 0, investigation.err
    secret_id = json.loads(investigation.out)["id"]
    # A confidential record's id comes from its own random range: no gap in HR's ids.
    assert secret_id >= 1_000_000_000
    assert "OVERDUE" in cli("authorization", "list", "--overdue", **IVY).out

    ivy_list = cli("authorization", "list", **IVY)
    assert ivy_list.code == 0 and "OVERDUE" in ivy_list.out and "inv.profile.7" in ivy_list.out
    hana_list = json.loads(cli("authorization", "list", "--json", **HANA).out)
    assert [a["id"] for a in hana_list] == [first["id"]]
    hidden = cli("authorization", "list", "--kind", "investigation", "--overdue", **HANA)
    assert hidden.code == 0 and "inv.profile.7" not in hidden.out
    not_there = cli("authorization", "revoke", str(secret_id), "--reason", "x", **HANA)
    assert not_there.code == 2 and f"There is no authorization {secret_id}" in not_there.err

    reviewed = cli("authorization", "review", str(secret_id), "--met-on", "2026-11-20",
                   "--notes", "Profile used only to view.", **SAM)  # fmt: skip
    assert reviewed.code == 0, reviewed.err
    assert "OVERDUE" not in reviewed.out and "next review due 2026-12-20" in reviewed.out
    revoked = cli("authorization", "revoke", str(first["id"]), "--reason", "Youth discharged.",
                  "--on", "2026-11-20", **SAM)  # fmt: skip
    assert revoked.code == 0 and "revoked" in revoked.out

    for bad in (
        ("authorization", "add", "friendship", "--employee", "Carla Caseworker", "--role", "x",
         "--start", "2026-11-01"),
        ("authorization", "add", "supervision", "--employee", "Carla Caseworker",
         "--role", "caseworker", "--start", "2026-02-30"),
        ("authorization", "review", "1", "--met-on", "soon", "--notes", "x"),
    ):  # fmt: skip
        result = cli(*bad, **SAM)
        assert result.code == 2, (bad, result.err)
        assert "Traceback" not in result.err and result.err.startswith("casedesk: ")


def test_credential_request_flow(cli: Casedesk) -> None:
    case = _setup(cli, "ARDHS", ("Avery Employee",))
    base = ("credential-request", "new", "--case", case, "--employee", "Avery Employee",
            "--platform", "Facebook", "--account", "avery.e")  # fmt: skip

    refused = cli(*base, **IVY)
    assert refused.code == 1 and "Traceback" not in refused.err
    assert "credential request is refused" in refused.err
    assert refused.err.count(f"[AR-DHS II(G); AR-DHS II(B)(1); {STATUTE}]") == 3

    demand = cli(*base, "--office", "privacy_office", "--violation-kind", "agency_policy",
                 "--violation-provision", "AR-DHS II(A)", "--justification", "Client photos.",
                 "--demand", "list_contacts", **IVY)  # fmt: skip
    assert demand.code == 1 and f"[AR-DHS II(B)(2); {STATUTE}]" in demand.err

    good = (
        *base, "--office", "privacy_office", "--violation-kind", "agency_policy",
        "--violation-provision", "AR-DHS II(A)", "--justification", "Client photos.",
    )  # fmt: skip
    new = cli(*good, "--json", **IVY)
    assert new.code == 0, new.err
    request = json.loads(new.out)
    assert request["status"] == "pending" and request["office_label"] == "DHS Privacy Office"
    rid = str(request["id"])

    assert cli("credential-request", "approve", rid, **IVY).code == 1  # not a supervisor
    approved = cli("credential-request", "approve", rid, **SAM)
    assert approved.code == 0, approved.err
    provided = cli("credential-request", "provided", rid, "--by", "Avery Employee",
                   "--to", "ivy", **IVY)  # fmt: skip
    assert provided.code == 0 and "provided the credentials to ivy" in provided.out
    used = cli("credential-request", "use", rid, "--case", case, "--purpose", "Read messages.",
               **IVY)  # fmt: skip
    assert used.code == 0, used.err

    inadvertent = cli("credential-request", "inadvertent", "--agency", "ARDHS",
                      "--employee", "Avery Employee", "--platform", "Facebook",
                      "--account", "avery.e", "--via", "agency_device",
                      "--received-on", "2026-11-02", "--case", case, "--json", **IVY)  # fmt: skip
    assert inadvertent.code == 0, inadvertent.err
    iid = str(json.loads(inadvertent.out)["id"])
    blocked = cli("credential-request", "use", iid, "--case", case, "--purpose", "Look.", **IVY)
    assert blocked.code == 1 and f"[AR-DHS II(H); {STATUTE}]" in blocked.err

    excluded = cli(*base, "--exclusion", "provided_by_agency", **IVY)
    assert excluded.code == 0, excluded.err
    assert f"[AR-DHS I(B); {STATUTE}]" in excluded.out

    listed = json.loads(cli("credential-request", "list", "--case", case, "--json", **SAM).out)
    assert sorted(r["status"] for r in listed) == ["approved", "excluded", "inadvertent"]
    assert [len(r["uses"]) for r in listed if r["status"] == "approved"] == [1]
    hidden = cli("credential-request", "list", **HANA)
    assert hidden.code == 1 and "avery.e" not in hidden.out + hidden.err

    denied_new = json.loads(cli(*good, "--json", **IVY).out)
    denied = cli("credential-request", "deny", str(denied_new["id"]), "--reason",
                 "Public posts suffice.", **SAM)  # fmt: skip
    assert denied.code == 0 and "Denied." in denied.out

    bad = cli(*good, "--violation-kind", "treason", **IVY)
    assert bad.code == 2 and "'treason' is not a kind of violation" in bad.err
    assert cli("credential-request", "use", "x", **IVY).code == 2


def test_evidence_through_a_request_is_listed_with_it_and_hidden_from_hr(cli: Casedesk) -> None:
    case = _setup(cli, "ARDHS", ("Avery Employee",))
    new = cli("credential-request", "new", "--case", case, "--employee", "Avery Employee",
              "--platform", "Facebook", "--account", "avery.e", "--office", "privacy_office",
              "--violation-kind", "agency_policy", "--violation-provision", "AR-DHS II(A)",
              "--justification", "Client photos.", "--json", **IVY)  # fmt: skip
    assert new.code == 0, new.err
    rid = json.loads(new.out)["id"]
    assert cli("credential-request", "approve", str(rid), **SAM).code == 0
    now = dt.datetime.now(dt.UTC).isoformat()  # after the approval
    add = ("evidence", "add", case, str(DATA / "good.png"), *provenance.CLI_OPTIONS,
           "--captured-at", now,
           "--obtained", "credential_request")  # fmt: skip

    unnamed = cli(*add, **IVY)
    assert unnamed.code == 2 and "Traceback" not in unnamed.err
    assert unnamed.err.count("must say which one") == 1  # said once, not once per file
    added = cli(*add, "--credential-request", str(rid), **IVY)
    assert added.code == 0, added.err

    [item] = json.loads(cli("evidence", "list", case, "--json", **IVY).out)
    assert (item["obtained"], item["credential_request_id"], item["authorization_id"]) == (
        "credential_request", rid, None,
    )  # fmt: skip
    assert item["obtained_under"] == f"Credential request {rid} (Facebook, approved)"
    # HR may not see credential requests: the item does not exist for HR.
    assert json.loads(cli("evidence", "list", case, "--json", **HANA).out) == []
    hidden = cli("evidence", "verify", case, **HANA)
    assert hidden.code == 0 and item["sha256"] not in hidden.out
    assert item["id"] >= 1_000_000_000


G_CITED = f"[AR-DHS II(G); AR-DHS II(B)(1); {STATUTE}]"


def test_every_refusal_prints_its_citations_with_the_right_exit_code(cli: Casedesk) -> None:
    ma_case = _setup(cli, "MADYS", ("Carla Caseworker", "Sue Boss"))
    ar_case = _setup(cli, "ARDHS", ("Avery Employee",))
    today = dt.date.today()
    start = today - dt.timedelta(days=20)
    investigation = (
        "authorization", "add", "investigation", "--employee", "Carla Caseworker",
        "--role", "investigation_unit", "--supervisor", "Sue Boss", "--written", str(start),
        "--platform", "Instagram", "--account", "inv.profile.9", "--start", str(start),
    )  # fmt: skip

    # An MA DYS authorization never names another agency's case.
    other = cli(*investigation, "--case", ar_case, **SAM)
    assert other.code == 1 and "[MA-DYS-01.05.22 B.3.a]" in other.err
    assert f"Case {ar_case} is a case of ARDHS, not of MADYS" in other.err
    supervised = cli(
        "authorization", "add", "supervision", "--employee", "Carla Caseworker",
        "--role", "caseworker", "--supervisor", "Sue Boss", "--written", str(start),
        "--platform", "Facebook", "--account", "carla.watch", "--youth-case", "JJEMS 1",
        "--attest-no-youth-contact", "--attest-true-identity", "--start", str(start),
        "--case", ar_case, **SAM,
    )  # fmt: skip
    assert supervised.code == 1 and "[MA-DYS-01.05.22 B.2]" in supervised.err

    added = cli(*investigation, "--case", ma_case, "--json", **SAM)
    assert added.code == 0, added.err
    aid = str(json.loads(added.out)["id"])

    # Evidence outside the authorization's period: a plain refusal, with its citation.
    png = str(Path(__file__).parent.parent / "data" / "good.png")
    link = ("--obtained", "investigation_authorization", "--authorization", aid)
    before_start = f"{start - dt.timedelta(days=3)}T12:00:00+00:00"
    early = cli("evidence", "add", ma_case, png, *provenance.CLI_OPTIONS, *link,
                "--captured-at", before_start, **IVY)  # fmt: skip
    assert early.code == 1, early.err
    assert early.err.rstrip().endswith("[MA-DYS-01.05.22 B.3.a]")
    in_period = f"{today - dt.timedelta(days=5)}T12:00:00+00:00"
    inside = cli("evidence", "add", ma_case, png, *provenance.CLI_OPTIONS, *link,
                 "--captured-at", in_period, **IVY)  # fmt: skip
    assert inside.code == 0, inside.err

    # Revocation dates: before the start, in the future, before the evidence.
    for day, says in (
        ("2020-01-01", f"is before authorization {aid} started ({start})"),
        (str(today + dt.timedelta(days=1)), "is in the future"),
        (str(today - dt.timedelta(days=6)), "good.png, case " + ma_case),
    ):
        revoked = cli("authorization", "revoke", aid, "--on", day, "--reason", "x", **SAM)
        assert revoked.code == 1, revoked.err
        assert says in revoked.err and "[MA-DYS-01.05.22 B.3.a]" in revoked.err
    assert f"Revoke it from {today - dt.timedelta(days=4)} or later" in revoked.err

    # Credentials provided: only once, after approval, to an investigator.
    request = cli(
        "credential-request", "new", "--case", ar_case, "--employee", "Avery Employee",
        "--platform", "Facebook", "--account", "avery.e", "--office", "privacy_office",
        "--violation-kind", "agency_policy", "--violation-provision", "AR-DHS II(A)",
        "--justification", "Client photos.", "--public-information", "--json", **IVY,
    )  # fmt: skip
    assert request.code == 0, request.err  # public information bars no II(G) request
    rid = str(json.loads(request.out)["id"])
    provided = ("credential-request", "provided", rid, "--by", "Avery Employee")
    pending = cli(*provided, "--to", "ivy", **IVY)
    assert pending.code == 1 and "is pending" in pending.err and G_CITED in pending.err
    assert cli("credential-request", "approve", rid, **SAM).code == 0
    unprovided = cli("credential-request", "use", rid, "--case", ar_case, "--purpose", "Read.",
                     **IVY)  # fmt: skip
    assert unprovided.code == 1 and "No record shows the employee provided" in unprovided.err
    assert G_CITED in unprovided.err
    to_hr = cli(*provided, "--to", "hana", **IVY)
    assert to_hr.code == 1 and "hana may not use credential records" in to_hr.err
    assert G_CITED in to_hr.err
    future = cli(*provided, "--to", "ivy", "--at", f"{today + dt.timedelta(days=2)}T09:00:00Z",
                 **IVY)  # fmt: skip
    assert future.code == 2 and "The time the credentials were provided" in future.err
    assert "capture" not in future.err
    before = cli(*provided, "--to", "ivy", "--at", "2020-01-01T09:00:00Z", **IVY)
    assert before.code == 1 and "before request" in before.err and G_CITED in before.err
    assert cli(*provided, "--to", "ivy", **IVY).code == 0
    again = cli("credential-request", "provided", rid, "--by", "Someone Else", "--to", "sam",
                **SAM)  # fmt: skip
    assert again.code == 1 and "already recorded as provided by Avery Employee to ivy" in again.err
    assert "[Casedesk control: credential records are kept as made]" in again.err

    # An office longer than its column is bad input on every backend, not a crash.
    long_office = cli(
        "credential-request", "new", "--case", ar_case, "--employee", "Avery Employee",
        "--platform", "Facebook", "--account", "avery.e", "--office", "o" * 41,
        "--exclusion", "provided_by_agency", **IVY,
    )  # fmt: skip
    assert long_office.code == 2, long_office.err
    assert "Office is 41 characters long; the limit is 40." in long_office.err
