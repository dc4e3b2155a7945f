"""Records outside a user's scope, through the capture log and the evidence link check.

A case's capture log and web captures, and the authorization or credential
request evidence is said to have been obtained under, are looked up within
what the user may see: outside it they are "not found", said exactly as for
an id that does not exist (no existence oracle), and nothing is written. A
record the user may see but of another agency is no basis for evidence of
this case. The rightful user still succeeds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import text

from app.db.base import utcnow
from app.domain.actor import Actor
from app.domain.errors import CasedeskError, NotFound, Refused
from app.domain.permissions import Role
from app.services import authorizations as auth
from app.services import credential_requests as cr
from app.services import employees, evidence
from app.services.access import set_restriction
from app.services.capture.details import capture_log, case_captures
from app.services.capture.recorded import archive_capture
from app.services.capture.store import CaptureStatement, log_visit, store_capture
from app.services.database import Database
from app.services.evidence.intake import check_link
from tests import provenance
from tests.unit.conftest import built_once
from tests.unit.test_authorization_evidence import _open_case
from tests.unit.test_capture_parts_integrity import URL, _page, _png

MakeUser = Callable[..., Actor]
TODAY = dt.date(2026, 11, 21)
UNKNOWN = 987_654
#: Inside the supervision authorization's period, and after it (its refusal gave the period).
INSIDE, OUTSIDE = "2026-03-14T10:00:00-05:00", "2026-05-14T10:00:00-04:00"


@dataclass
class World:
    db: Database
    sam: Actor
    ivan: Actor  # investigator of every agency: the rightful user
    otto: Actor  # investigator of STLCITY only
    mira: Actor  # investigator of MADYS, ARDHS and STLCITY, not on ma_secret's access list
    hana: Actor  # HR of every agency
    ma_case: int
    ma_other: int
    ma_secret: int  # restricted to sam and ivan
    ar_case: int
    stl_case: int
    supervision: int  # MADYS, no case, 2026-01-01 .. 2026-03-31
    investigation: int  # of ma_case, from 2026-02-01
    secret_investigation: int  # of ma_secret
    revoked: int  # MADYS supervision, revoked on 2026-02-15
    request: int  # of ar_case, approved
    capture_item: int  # web capture of ma_case, under the investigation authorization


@built_once("scope_links")
def w(database: Database, admin: Actor, make_user: MakeUser) -> World:
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    otto = make_user("otto", "Otto Other", Role.INVESTIGATOR, agencies=("STLCITY",))
    mira = make_user("mira", "Mira Many", Role.INVESTIGATOR, agencies=("MADYS", "ARDHS", "STLCITY"))
    hana = make_user("hana", "Hana Resources", Role.HR)

    def employee(agency: str, name: str) -> int:
        return employees.add_employee(database, sam, agency_code=agency, full_name=name).id

    carla, boss = employee("MADYS", "Carla Caseworker"), employee("MADYS", "Sue Boss")
    dana = employee("MADYS", "Dana Doe")
    ma_case = _open_case(database, ivan, "MADYS", "Youth contact", (carla,))
    ma_secret = _open_case(database, ivan, "MADYS", "Sealed matter", (carla,))

    def supervision(employee_id: int, account: str, ends_on: str) -> int:
        return auth.add_supervision(
            database, sam,
            auth.SupervisionFields(
                employee_id=employee_id, role="caseworker", supervisor_id=boss,
                written_on="2026-01-01", platform="Facebook", account_name=account,
                youth_case="JJEMS 1", attests_no_youth_contact=True, attests_true_identity=True,
                site_shows_viewers=False, privacy_settings_enabled=False,
                starts_on="2026-01-01", ends_on=ends_on,
            ),
            today=TODAY,
        ).id  # fmt: skip

    def investigation(case_id: int, account: str) -> int:
        return auth.add_investigation(
            database, sam,
            auth.InvestigationFields(
                employee_id=carla, role="investigation_unit", supervisor_id=boss,
                written_on="2026-02-01", platform="Instagram", account_name=account,
                case_id=case_id, youth_communication_approved=False, starts_on="2026-02-01",
            ),
            today=TODAY,
        ).id  # fmt: skip

    supervised = supervision(carla, "carla.personal", "2026-03-31")
    revoked = supervision(dana, "dana.personal", "2026-12-31")
    auth.revoke_authorization(
        database, sam, revoked, revoked_on="2026-02-15", reason="Left the unit.", today=TODAY
    )
    investigated = investigation(ma_case, "inv.1")
    secret = investigation(ma_secret, "inv.2")
    set_restriction(database, sam, ma_secret, restricted=True, allow=("ivan",))

    ar_case = _open_case(database, ivan, "ARDHS", "Client photos")
    request = cr.new_request(
        database, ivan,
        cr.CredentialRequestFields(
            case_id=ar_case, employee_id=employee("ARDHS", "Avery Employee"), platform="Facebook",
            account_name="avery.e", office="privacy_office", violation_kind="agency_policy",
            violation_provision="AR-DHS II(A)", justification="Client photos posted.",
        ),
    ).id  # fmt: skip
    cr.approve_request(database, sam, request)

    page = _page()
    statement = CaptureStatement(
        platform="Instagram",
        account_shown="inv.1",
        obtained="investigation_authorization",
        authorization_id=investigated,
    )
    item = store_capture(database, ivan, ma_case, page, archive_capture(page), statement,
                         session="s1")  # fmt: skip
    log_visit(database, ivan, ma_case, "s1", "https://example.org/secret-lead")
    return World(
        database, sam, ivan, otto, mira, hana, ma_case,
        _open_case(database, ivan, "MADYS", "Other"), ma_secret, ar_case,
        _open_case(database, ivan, "STLCITY", "City logo"), supervised, investigated, secret,
        revoked, request, item.id,
    )  # fmt: skip


def _count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608


def _written(db: Database) -> tuple[int, int, int]:
    return _count(db, "evidence_items"), _count(db, "audit_events"), _count(db, "capture_log")


def _said(error: BaseException, record_id: int) -> tuple[type, str, str | None]:
    """An error as its user reads it, with the id they gave left out."""
    assert isinstance(error, CasedeskError)
    return type(error), re.sub(rf"\b{record_id}\b", "#", str(error)), getattr(error, "field", None)


def _raised(attempt: Callable[[], object]) -> BaseException:
    with pytest.raises(CasedeskError) as raised:
        attempt()
    return raised.value


# -- the capture log and the web captures of a case -----------------------------------------


def test_another_agencys_capture_log_and_captures_are_not_found(w: World) -> None:
    for read in (capture_log, case_captures):
        hidden = _raised(lambda: read(w.db, w.otto, w.ma_case))  # noqa: B023
        unknown = _raised(lambda: read(w.db, w.otto, UNKNOWN))  # noqa: B023
        assert isinstance(hidden, NotFound)
        assert _said(hidden, w.ma_case) == _said(unknown, UNKNOWN)
        assert "secret-lead" not in str(hidden)


def test_a_restricted_cases_capture_log_is_not_found_off_its_access_list(w: World) -> None:
    log_visit(w.db, w.ivan, w.ma_secret, "s2", "https://example.org/sealed")
    assert [line.url for line in capture_log(w.db, w.ivan, w.ma_secret)] == [
        "https://example.org/sealed"
    ]
    hidden = _raised(lambda: capture_log(w.db, w.mira, w.ma_secret))
    assert _said(hidden, w.ma_secret) == _said(
        _raised(lambda: capture_log(w.db, w.mira, UNKNOWN)), UNKNOWN
    )


def test_the_rightful_user_reads_the_capture_log_and_captures(w: World) -> None:
    urls = [line.url for line in capture_log(w.db, w.ivan, w.ma_case)]
    assert URL in urls and "https://example.org/secret-lead" in urls
    assert {line.user for line in capture_log(w.db, w.ivan, w.ma_case)} == {"ivan"}
    assert list(case_captures(w.db, w.ivan, w.ma_case)) == [w.capture_item]
    # HR may see the case but not what was obtained under an investigation authorization.
    assert case_captures(w.db, w.hana, w.ma_case) == {}


def test_a_browser_session_that_captured_hidden_evidence_is_left_out_of_the_log(
    w: World,
) -> None:
    """Session s1 captured under the investigation authorization and visited a lead: for
    HR, who may not see that item, the whole session is that record's browsing."""
    log_visit(w.db, w.ivan, w.ma_case, "s3", "https://example.org/public-post")
    assert [line.url for line in capture_log(w.db, w.hana, w.ma_case)] == [
        "https://example.org/public-post"
    ]
    seen = {(line.session, line.url) for line in capture_log(w.db, w.ivan, w.ma_case)}
    assert {("s1", URL), ("s1", "https://example.org/secret-lead")} <= seen
    assert ("s3", "https://example.org/public-post") in seen


# -- the record evidence is obtained under ---------------------------------------------------


_shades = itertools.count(1)


def _add(w: World, actor: Actor, case_id: int, captured_at: object, **link: object) -> int:
    shade = next(_shades)
    return evidence.add_evidence(
        w.db, actor, case_id, _png((shade % 256, shade // 256, 7)), original_filename="shot.png",
        captured_at=captured_at, **link,  # type: ignore[arg-type]
    ).id  # fmt: skip


def _same_as_unknown(
    w: World,
    actor: Actor,
    case_id: int,
    captured_at: object,
    field: str,
    obtained: str,
    record: int,
) -> None:
    """Adding (and checking before an import) under ``record`` is said as under an unknown id."""
    before = _written(w.db)
    hidden = _raised(
        lambda: _add(w, actor, case_id, captured_at, obtained=obtained, **{field: record})
    )
    unknown = _raised(
        lambda: _add(w, actor, case_id, captured_at, obtained=obtained, **{field: UNKNOWN})
    )
    assert isinstance(hidden, NotFound), hidden
    assert _said(hidden, record) == _said(unknown, UNKNOWN)
    checked = provenance.metadata(captured_at=captured_at, obtained=obtained, **{field: record})
    unknown_checked = provenance.metadata(
        captured_at=captured_at, obtained=obtained, **{field: UNKNOWN}
    )
    pre = _raised(lambda: check_link(w.db, actor, case_id, checked))
    assert _said(pre, record) == _said(
        _raised(lambda: check_link(w.db, actor, case_id, unknown_checked)), UNKNOWN
    )
    assert _written(w.db) == before


@pytest.mark.parametrize("captured_at", [INSIDE, OUTSIDE])
def test_another_agencys_supervision_authorization_is_not_found(w: World, captured_at: str) -> None:
    _same_as_unknown(
        w,
        w.otto,
        w.stl_case,
        captured_at,
        "authorization_id",
        "supervision_authorization",
        w.supervision,
    )


def test_a_revoked_authorization_of_another_agency_is_not_found(w: World) -> None:
    _same_as_unknown(
        w, w.otto, w.stl_case, INSIDE, "authorization_id", "supervision_authorization", w.revoked
    )


def test_another_agencys_investigation_authorization_is_not_found(w: World) -> None:
    _same_as_unknown(
        w,
        w.otto,
        w.stl_case,
        INSIDE,
        "authorization_id",
        "investigation_authorization",
        w.investigation,
    )


def test_an_investigation_authorization_of_a_restricted_case_is_not_found(w: World) -> None:
    # Mira is of MADYS, but not on the sealed case's access list: not "another investigation".
    _same_as_unknown(
        w,
        w.mira,
        w.ma_case,
        INSIDE,
        "authorization_id",
        "investigation_authorization",
        w.secret_investigation,
    )


def test_another_agencys_credential_request_is_not_found(w: World) -> None:
    _same_as_unknown(
        w, w.otto, w.stl_case, utcnow(), "credential_request_id", "credential_request", w.request
    )


def test_a_case_out_of_scope_is_not_found_before_its_link_is_checked(w: World) -> None:
    checked = provenance.metadata(
        captured_at=OUTSIDE, obtained="supervision_authorization", authorization_id=w.supervision
    )
    hidden = _raised(lambda: check_link(w.db, w.otto, w.ma_case, checked))
    assert isinstance(hidden, NotFound)
    assert _said(hidden, w.ma_case) == _said(
        _raised(lambda: check_link(w.db, w.otto, UNKNOWN, checked)), UNKNOWN
    )


def test_a_visible_record_of_another_agency_is_no_basis_for_evidence(w: World) -> None:
    before = _written(w.db)
    with pytest.raises(Refused, match="given by MADYS, not STLCITY") as refused:
        _add(
            w,
            w.mira,
            w.stl_case,
            INSIDE,
            obtained="supervision_authorization",
            authorization_id=w.supervision,
        )
    assert refused.value.field == "authorization"
    assert refused.value.citations == ("MA-DYS-01.05.22 B.2",)
    with pytest.raises(Refused, match="given by MADYS, not STLCITY"):
        _add(
            w,
            w.mira,
            w.stl_case,
            INSIDE,
            obtained="investigation_authorization",
            authorization_id=w.investigation,
        )
    with pytest.raises(Refused, match="made by ARDHS, not STLCITY") as other:
        _add(
            w,
            w.mira,
            w.stl_case,
            utcnow(),
            obtained="credential_request",
            credential_request_id=w.request,
        )
    assert other.value.field == "credential_request"
    with pytest.raises(Refused, match="made by ARDHS, not MADYS"):
        _add(
            w,
            w.mira,
            w.ma_case,
            utcnow(),
            obtained="credential_request",
            credential_request_id=w.request,
        )
    assert _written(w.db) == before


def test_the_rightful_user_still_adds_evidence_under_the_agencys_records(w: World) -> None:
    _add(
        w,
        w.ivan,
        w.ma_case,
        INSIDE,
        obtained="supervision_authorization",
        authorization_id=w.supervision,
    )
    # Supervision given for no particular case serves every case of its agency.
    _add(
        w,
        w.mira,
        w.ma_other,
        INSIDE,
        obtained="supervision_authorization",
        authorization_id=w.supervision,
    )
    _add(w, w.ivan, w.ma_case, "2026-03-15T10:00:00-04:00", obtained="investigation_authorization",
         authorization_id=w.investigation)  # fmt: skip
    _add(
        w,
        w.ivan,
        w.ar_case,
        utcnow(),
        obtained="credential_request",
        credential_request_id=w.request,
    )
    # Its own refusals still name the record to who may see it.
    with pytest.raises(Refused, match="revoked on 2026-02-15"):
        _add(w, w.ivan, w.ma_case, "2026-03-16T10:00:00-04:00",
             obtained="supervision_authorization", authorization_id=w.revoked)  # fmt: skip
    with pytest.raises(Refused, match="not active"):
        _add(
            w,
            w.ivan,
            w.ma_case,
            OUTSIDE,
            obtained="supervision_authorization",
            authorization_id=w.supervision,
        )
