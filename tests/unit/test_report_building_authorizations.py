"""The authorization log report: the period, the agency, and who sees confidential entries."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.permissions import Role
from app.services import authorizations as auth
from app.services import cases, employees, report_building
from app.services import credential_requests as cr
from app.services.cases import CaseFields
from app.services.database import Database

MakeUser = Callable[..., Actor]


def _today() -> dt.date:
    """Today, read when a test runs: a run may cross midnight."""
    return dt.date.today()


@pytest.fixture
def logged(database: Database, admin: Actor, make_user: MakeUser) -> dict[str, Actor]:
    """MA DYS: one supervision (B.2) and one investigation (B.3) authorization this month."""
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    boss = employees.add_employee(database, sam, agency_code="MADYS", full_name="Sue Boss").id
    carla = employees.add_employee(database, sam, agency_code="MADYS",
                                   full_name="Carla Caseworker").id  # fmt: skip
    case = cases.create_case(
        database, ivan, CaseFields(agency_code="MADYS", title="Youth contact online",
                                   reported_on=_today() - dt.timedelta(days=20)),
    )  # fmt: skip
    cases.transition_case(database, ivan, case.id, CaseStatus.INVESTIGATING)
    start = _today() - dt.timedelta(days=10)
    auth.add_supervision(
        database, sam,
        auth.SupervisionFields(
            employee_id=carla, role="caseworker", supervisor_id=boss, written_on=start,
            platform="Facebook", account_name="@dys.watch", youth_case="JJEMS 4411",
            attests_no_youth_contact=True, attests_true_identity=True, site_shows_viewers=True,
            privacy_settings_enabled=True, starts_on=start,
        ),
    )  # fmt: skip
    auth.add_investigation(
        database, sam,
        auth.InvestigationFields(
            employee_id=carla, role="investigation_unit", supervisor_id=boss, written_on=start,
            platform="Instagram", account_name="inv.profile.7", case_id=case.id,
            youth_communication_approved=False, starts_on=start,
        ),
    )  # fmt: skip
    return {"sam": sam, "hana": hana, "ivan": ivan}


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_supervisor_sees_both_kinds_and_hr_only_the_supervision_log(
    database: Database, logged: dict[str, Actor]
) -> None:
    period = (_today() - dt.timedelta(days=30), _today())
    full = report_building.build_authorization_log(database, logged["sam"], "MADYS", *period)
    assert [e.account for e in full.supervision] == ["@dys.watch"]
    assert [e.account for e in full.investigation] == ["inv.profile.7"]
    assert full.investigation[0].confidential and full.confidential_included
    assert full.investigations_included and full.credentials_included
    limited = report_building.build_authorization_log(database, logged["hana"], "MADYS", *period)
    assert [e.account for e in limited.supervision] == ["@dys.watch"]
    assert limited.investigation == () and limited.credential_requests == ()
    assert not limited.investigations_included and not limited.credentials_included
    info = report_building.generate_authorization_log(database, logged["hana"], "MADYS", *period)
    text = _text(info.pdf)
    assert "@dys.watch" in text and "inv.profile.7" not in text
    (recorded,) = report_building.list_generated(database, logged["hana"])
    assert (recorded.kind, recorded.sha256) == ("authorizations", info.sha256)


def test_the_period_and_agency_select_the_entries(
    database: Database, logged: dict[str, Actor]
) -> None:
    before = report_building.build_authorization_log(
        database, logged["sam"], "MADYS", _today() - dt.timedelta(days=90),
        _today() - dt.timedelta(days=60),
    )  # fmt: skip
    assert before.supervision == () and before.investigation == ()
    other = report_building.build_authorization_log(
        database, logged["sam"], "ARDHS", _today() - dt.timedelta(days=30), _today()
    )
    assert other.supervision == () and other.investigation == ()
    with pytest.raises(InvalidInput, match="before it starts"):
        report_building.build_authorization_log(
            database, logged["sam"], "MADYS", _today(), _today() - dt.timedelta(days=1)
        )
    with pytest.raises(PermissionDenied):
        report_building.build_authorization_log(
            database, logged["ivan"], "MADYS", _today() - dt.timedelta(days=30), _today()
        )


def test_the_credential_log_names_people_accounts_handover_and_exclusion_and_hr_sees_it_withheld(
    database: Database, make_user: MakeUser
) -> None:
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    avery = employees.add_employee(database, sam, agency_code="ARDHS", full_name="Avery Doe").id
    case = cases.create_case(
        database, ivan,
        CaseFields(agency_code="ARDHS", title="Client photos posted",
                   reported_on=_today() - dt.timedelta(days=5), subject_ids=(avery,)),
    )  # fmt: skip
    cases.transition_case(database, ivan, case.id, CaseStatus.INVESTIGATING)
    fields = cr.CredentialRequestFields(
        case_id=case.id, employee_id=avery, platform="Facebook", account_name="avery.d.77",
        office="privacy_office", violation_kind="agency_policy",
        violation_provision="AR-DHS II(A)",
        justification="A client's file was photographed in the office and posted.",
    )  # fmt: skip
    request = cr.new_request(database, ivan, fields)
    cr.approve_request(database, sam, request.id, note="Relevant.")
    cr.record_credentials_provided(database, ivan, request.id, provided_by="Avery Doe",
                                   provided_to="ivan")  # fmt: skip
    cr.record_use(database, ivan, request.id, case_id=case.id, purpose="Read the messages.")
    cr.new_request(
        database, ivan,
        dataclasses.replace(fields, case_id=None, office="", violation_kind=None,
                            justification="", account_name="DHS Careers",
                            account_exclusion="set_up_on_agency_behalf"),
    )  # fmt: skip
    period = (_today() - dt.timedelta(days=30), _today())

    log = report_building.build_authorization_log(database, sam, "ARDHS", *period)
    approved, excluded = log.credential_requests
    assert (approved.requested_by, approved.decided_by) == ("Ivan Investigator", "Sam Supervisor")
    assert (approved.platform, approved.account) == ("Facebook", "avery.d.77")
    assert (approved.provided_by, approved.provided_to) == ("Avery Doe", "Ivan Investigator")
    assert approved.provided_at and approved.uses[0].used_by == "Ivan Investigator"
    assert excluded.decision == "Excluded" and excluded.account == "DHS Careers"
    assert "set up by the employee on the agency's behalf" in excluded.exclusion
    assert "AR-DHS I(C)" in excluded.exclusion
    text = " ".join(_text(report_building.generate_authorization_log(
        database, sam, "ARDHS", *period).pdf).split())  # fmt: skip
    assert "Requested Ivan Investigator," in text and "ivan," not in text
    assert "Not a personal account The account was set up by the employee" in text

    # HR may not see credential records: withheld, not "none", and no count.
    withheld = report_building.build_authorization_log(database, hana, "ARDHS", *period)
    assert not withheld.credentials_included and not withheld.investigations_included
    assert withheld.credential_requests == () and withheld.inadvertent_receipts == ()
    text = " ".join(_text(report_building.generate_authorization_log(
        database, hana, "ARDHS", *period).pdf).split())  # fmt: skip
    assert "Credential requests are confidential and are not included in this report" in text
    assert "No credential request was made" not in text
    assert "No credentials were received inadvertently" not in text
    assert "avery.d.77" not in text and "CR-" not in text


def test_a_period_ending_after_today_is_refused(
    database: Database, logged: dict[str, Actor]
) -> None:
    with pytest.raises(InvalidInput, match=r"The last day is after today") as refused:
        report_building.build_authorization_log(
            database, logged["sam"], "MADYS", _today(), _today() + dt.timedelta(days=1)
        )
    assert refused.value.field == "period"


def test_each_agency_s_log_holds_only_the_sections_its_policy_calls_for(
    database: Database, logged: dict[str, Actor]
) -> None:
    period = (_today() - dt.timedelta(days=30), _today())
    ma = _text(
        report_building.generate_authorization_log(database, logged["sam"], "MADYS", *period).pdf
    )
    assert "1. Supervision authorizations (MA DYS 01.05.22 B.2)" in ma
    assert "Credential requests (AR-DHS II(G)" not in ma
    assert "Not part of this log: credential requests" in ma
    # The written authorization's date, the attestations and the review history.
    start = (_today() - dt.timedelta(days=10)).isoformat()
    assert f"Written authorization dated {start}." in ma
    assert "Attested: no chatting, friending or other communication with youth" in ma
    assert "No review with the supervisor is recorded (B.3.b)." in ma
    assert "America/New_York (the agency's state, MA)" in ma
    ar = _text(
        report_building.generate_authorization_log(database, logged["sam"], "ARDHS", *period).pdf
    )
    assert "1. Credential requests (AR-DHS II(G)" in ar
    assert "Supervision authorizations" not in ar and "Investigation authorizations" not in ar
    assert "Not part of this log: social-media supervision and investigation" in ar
    mo = _text(
        report_building.generate_authorization_log(database, logged["sam"], "MODNR", *period).pdf
    )
    assert "Supervision authorizations" not in mo and "Credential requests (AR" not in mo
    assert "America/Chicago (the agency's state, MO)" in mo


def test_credential_times_are_local_with_utc_beside_them() -> None:
    from app.domain.zones import agency_zone
    from app.services.reporting.authorization_log import _when

    zone, text = agency_zone("AR")
    moment = dt.datetime(2026, 1, 15, 18, 30, tzinfo=dt.UTC)
    assert _when(moment, zone) == "2026-01-15 12:30 CST (2026-01-15 18:30 UTC)"
    assert text == "America/Chicago (the agency's state, AR)"
