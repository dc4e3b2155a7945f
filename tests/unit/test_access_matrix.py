"""Who sees which case: every role × situation × service that returns case content or counts.

The world is built once per backend (module scope) and only read by the
tests, except for the audit events that viewing a restricted case writes.
Two agencies hold the cases of interest: MA DYS (supervision authorizations)
and AR DHS (credential requests), so every kind of record exists in each
situation. For each role there is a user of those agencies ("in") and one of
MO DNR ("out"); the situations are:

- own: an unrestricted case of the user's agency;
- other: the same cases, seen by the user of the other agency;
- listed: a restricted case whose access list names the user;
- unlisted: a restricted case whose access list does not.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.errors import CasedeskError, InvalidInput, NotFound, PermissionDenied
from app.domain.permissions import Permission, Role
from app.services import (
    access,
    accounts,
    case_queries,
    cases,
    dashboard,
    discipline,
    employees,
    evidence,
    home,
    setup,
)
from app.services import authorizations as auth
from app.services import credential_requests as cr
from app.services.audit_log import events as audit_log
from app.services.case_queries import CaseQuery
from app.services.cases import CaseFields
from app.services.dashboard import DashboardFilter
from app.services.database import Database
from app.services.evidence import thumbnails
from app.services.evidence.export import export_case_bundle
from app.services.reporting import authorization_log, case_summary, disciplinary
from tests.conftest import BACKENDS, PreparedTemplates

ROLES = (Role.INVESTIGATOR, Role.SUPERVISOR, Role.HR, Role.ADMINISTRATOR)
SITUATIONS = ("own", "other", "listed", "unlisted")
IN_AGENCIES = ("MADYS", "ARDHS")
PASSWORD = "quartz lantern meadow"


@dataclass(frozen=True)
class Pair:
    """One situation's cases: an MA DYS case and an AR DHS case, and their records."""

    ma_case: int
    ma_number: str
    ar_case: int
    ar_number: str
    word: str  #: a word only these two cases' titles hold
    authorization: int  #: the MA case's supervision authorization
    request: int  #: the AR case's credential request
    subject: int  #: the MA case's subject employee


@dataclass(frozen=True)
class World:
    url: str
    config: Path
    users: dict[str, Actor]
    pairs: dict[str, Pair]  #: by situation: own (also seen as "other"), listed, unlisted


def _png(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (shade, 90, 140)).save(out, "PNG")
    return out.getvalue()


def _build(url: str) -> World:
    database = Database.open(url)
    try:
        admin = setup.initialize(
            database, admin_username="admin", admin_full_name="Ada Admin",
            admin_password="correct horse battery",
        ).administrator  # fmt: skip
        assert admin is not None
        users: dict[str, Actor] = {}

        def user(name: str, role: Role, agencies: tuple[str, ...]) -> Actor:
            info = accounts.add_user(
                database, admin, username=name, full_name=name.title(), password=PASSWORD,
                roles=frozenset({role}), agency_codes=agencies,
            )  # fmt: skip
            users[name] = Actor(info.id, info.username, info.full_name, frozenset(info.roles))
            return users[name]

        for role in ROLES:
            user(f"{role.value}_in", role, IN_AGENCIES)
            user(f"{role.value}_out", role, ("MODNR",))
        keeper = user("keeper", Role.INVESTIGATOR, IN_AGENCIES)
        boss = user("boss", Role.SUPERVISOR, IN_AGENCIES)
        pairs = {
            situation: _pair(database, keeper, boss, situation, shade)
            for shade, situation in enumerate(("own", "listed", "unlisted"))
        }
        listed = [f"{r.value}_in" for r in ROLES if r is not Role.ADMINISTRATOR]
        for situation, allow in (("listed", listed), ("unlisted", [])):
            pair = pairs[situation]
            for case_id in (pair.ma_case, pair.ar_case):
                access.set_restriction(database, keeper, case_id, restricted=True, allow=allow)
    finally:
        database.close()
    return World(url, Path(), users, pairs)


def _pair(database: Database, keeper: Actor, boss: Actor, situation: str, shade: int) -> Pair:
    word = f"zq{situation}marker"

    def employee(agency: str, name: str) -> int:
        return employees.add_employee(database, boss, agency_code=agency, full_name=name).id

    def case(agency: str, subject: int) -> cases.CaseDetail:
        detail = cases.create_case(
            database, keeper,
            CaseFields(agency_code=agency, title=f"Posted photos {word}",
                       reported_on=dt.date(2026, 10, 1), subject_ids=(subject,),
                       investigator="keeper"),
        )  # fmt: skip
        cases.transition_case(database, keeper, detail.id, CaseStatus.INVESTIGATING)
        cases.add_note(database, keeper, detail.id, f"Interviewed about {word}.")
        evidence.add_evidence(
            database, keeper, detail.id, _png(shade * 40 + len(agency)),
            original_filename="shot.png", captured_at="2026-10-02T10:00:00-05:00",
            captured_by="keeper", source_url="https://example.org/post",
        )  # fmt: skip
        return detail

    carla = employee("MADYS", f"Carla {situation.title()}")
    boss_employee = employee("MADYS", f"Sue {situation.title()}")
    avery = employee("ARDHS", f"Avery {situation.title()}")
    ma = case("MADYS", carla)
    ar = case("ARDHS", avery)
    authorization = auth.add_supervision(
        database, boss,
        auth.SupervisionFields(
            employee_id=carla, role="caseworker", supervisor_id=boss_employee,
            written_on="2026-10-01", platform="Facebook", account_name=f"@dys.{situation}",
            youth_case="JJEMS 4411", attests_no_youth_contact=True, attests_true_identity=True,
            site_shows_viewers=True, privacy_settings_enabled=True, starts_on="2026-10-02",
            case_id=ma.id,
        ),
        today=dt.date(2026, 10, 5),
    ).id  # fmt: skip
    request = cr.new_request(
        database, keeper,
        cr.CredentialRequestFields(
            case_id=ar.id, employee_id=avery, platform="Facebook",
            account_name=f"avery.{situation}", office="privacy_office",
            violation_kind="agency_policy", violation_provision="AR-DHS II(A)",
            justification="The complaint shows a client's file posted from this account.",
        ),
    ).id  # fmt: skip
    return Pair(ma.id, ma.number, ar.id, ar.number, word, authorization, request, carla)


@pytest.fixture(scope="module", params=BACKENDS, ids=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The backend, once per module: the world below is built once on each."""
    return str(request.param)


@pytest.fixture(scope="module")
def world(backend: str, prepared: PreparedTemplates, request: pytest.FixtureRequest) -> World:
    made = prepared.template(request, backend, "access-matrix", _build)
    value = made.value
    assert isinstance(value, World)
    return World(made.url, made.config, value.users, value.pairs)


@pytest.fixture
def database(world: World, cheap_hashing: None) -> Database:
    # The signing key the world was made with, for the checkpoints of bundles.
    import os

    shutil.copytree(world.config, os.environ["XDG_CONFIG_HOME"], dirs_exist_ok=True)
    db = Database.open(world.url)
    yield db  # type: ignore[misc]
    db.close()


def _found(call: Callable[[], object]) -> bool:
    """Whether ``call`` found what it asked for: "not found" is False, another refusal True."""
    try:
        call()
    except NotFound as error:
        assert "zq" not in str(error)  # no title, word or number of a case it may not see
        return False
    except PermissionDenied:
        raise
    except CasedeskError:
        return True  # found, then refused for a reason of its own (no decision, …)
    return True


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_each_service_shows_exactly_the_cases_in_scope(
    world: World, database: Database, role: Role, situation: str, tmp_path: Path
) -> None:
    actor = world.users[f"{role.value}_{'out' if situation == 'other' else 'in'}"]
    pair = world.pairs["own" if situation == "other" else situation]
    sees = role is not Role.ADMINISTRATOR and situation in ("own", "listed")
    if role is Role.ADMINISTRATOR:
        # Administrators see no case content at all: every case service is refused alike.
        for call in (
            lambda: case_queries.list_cases(database, actor, CaseQuery()),
            lambda: cases.get_case(database, actor, pair.ma_case),
            lambda: evidence.list_evidence(database, actor, pair.ma_case),
            lambda: discipline.case_discipline(database, actor, pair.ma_case),
            lambda: case_summary.build_case_summaries(database, actor, [pair.ma_case]),
        ):
            with pytest.raises(PermissionDenied):
                call()
        with pytest.raises(PermissionDenied):
            auth.list_authorizations(database, actor)
        return

    # The case list, its counts and search.
    page = case_queries.list_cases(database, actor, CaseQuery(limit=1000))
    ids = {r.id for r in page.rows}
    assert (pair.ma_case in ids, pair.ar_case in ids) == (sees, sees)
    expected_total = 0 if actor.username.endswith("_out") else 4  # own + listed pairs
    assert page.total == len(ids) == expected_total
    counts = case_queries.status_counts(database, actor, CaseQuery())
    assert sum(counts.values()) == expected_total
    found = case_queries.list_cases(database, actor, CaseQuery(text=pair.word))
    assert found.total == (2 if sees else 0) == len(found.rows)
    by_number = case_queries.list_cases(database, actor, CaseQuery(text=pair.ma_number[:10]))
    assert (pair.ma_case in {r.id for r in by_number.rows}) is sees

    # The case itself, by id and by number, and its timeline.
    assert _found(lambda: cases.get_case(database, actor, pair.ma_case)) is sees
    assert _found(lambda: cases.get_case(database, actor, pair.ar_number)) is sees
    assert _found(lambda: cases.case_id_of(database, actor, pair.ma_number)) is sees
    assert _found(lambda: cases.case_timeline(database, actor, pair.ma_case)) is sees

    # Evidence: list, thumbnails, bundle.
    assert _found(lambda: evidence.list_evidence(database, actor, pair.ma_case)) is sees
    assert _found(lambda: thumbnails.case_thumbnails(database, actor, pair.ar_case)) is sees
    bundle = tmp_path / "bundle.zip"
    assert _found(lambda: export_case_bundle(database, actor, pair.ma_case, bundle)) is sees
    assert bundle.exists() is sees

    # Authorizations and credential requests: rows of the case only when it is in scope.
    logged = {a.id for a in auth.list_authorizations(database, actor)}
    assert (pair.authorization in logged) is sees
    assert _found(lambda: auth.get_authorization(database, actor, pair.authorization)) is sees
    if role is Role.HR:
        with pytest.raises(PermissionDenied):
            cr.list_requests(database, actor)
    else:
        requests = {r.id for r in cr.list_requests(database, actor)}
        assert (pair.request in requests) is sees
        assert _found(lambda: cr.get_request(database, actor, pair.request)) is sees

    # Discipline, and each report kind.
    assert _found(lambda: discipline.case_discipline(database, actor, pair.ma_case)) is sees
    if role is Role.INVESTIGATOR:
        with pytest.raises(PermissionDenied):
            case_summary.build_case_summaries(database, actor, [pair.ma_case])
    else:
        summary = lambda: case_summary.build_case_summaries(database, actor, [pair.ma_case])  # noqa: E731
        assert _found(summary) is sees
        assert (
            _found(lambda: disciplinary.build_disciplinary(database, actor, pair.ma_case)) is sees
        )
        log = authorization_log.build_authorization_log(
            database, actor, "MADYS", dt.date(2026, 9, 1), dt.date(2026, 10, 31)
        )
        assert (f"@dys.{'own' if situation == 'other' else situation}" in repr(log)) is sees

    # Employees: staff of the user's own agencies only (not case content, so not restricted).
    staff = {e.id for e in employees.list_employees(database, actor)}
    assert (pair.subject in staff) is (not actor.username.endswith("_out"))


def _home_case_ids(view: home.HomeView) -> set[int]:
    """Every case a line of Home names, in any section."""
    lines = [*view.assigned.rows, *view.approvals.rows, *view.findings.rows,
             *view.reviews.rows, *view.discipline.rows, *view.integrity.rows,
             *view.pinned, *view.recent]  # fmt: skip
    return {i for line in lines if (i := getattr(line, "case_id", None)) is not None}


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_the_dashboard_home_and_the_audit_log_leave_out_the_cases_out_of_scope(
    world: World, database: Database, role: Role, situation: str
) -> None:
    actor = world.users[f"{role.value}_{'out' if situation == 'other' else 'in'}"]
    pair = world.pairs["own" if situation == "other" else situation]
    sees = role is not Role.ADMINISTRATOR and situation in ("own", "listed")
    pair_cases = {pair.ma_case, pair.ar_case}
    in_scope = 0 if actor.username.endswith("_out") or role is Role.ADMINISTRATOR else 4
    visible = (
        {r.id for r in case_queries.list_cases(database, actor, CaseQuery(limit=1000)).rows}
        if actor.can(Permission.CASE_VIEW)
        else set()
    )
    assert pair_cases <= visible if sees else not pair_cases & visible

    # The dashboard: every figure counts the cases in scope (own and listed pairs) only.
    if not actor.can(Permission.DASHBOARD_VIEW):
        with pytest.raises(PermissionDenied):
            dashboard.dashboard(database, actor, DashboardFilter())
    else:
        board = dashboard.dashboard(database, actor, DashboardFilter())
        assert sum(r.value for r in board.chart("open_cases").rows) == in_scope
        new = board.chart("new_closed").rows
        assert sum(r.value for r in new if r.series == "New") == in_scope
        assert all(r.value == 0 for r in new if r.series == "Closed")
        for key in ("median_days", "substantiated", "outcomes"):
            assert board.chart(key).rows == ()
        madys = dashboard.chart(database, actor, "open_cases", DashboardFilter("MADYS"))
        assert sum(r.value for r in madys.rows) == in_scope // 2

    # Home: a pin or an opening of a case out of scope is "not found", and no section
    # names such a case.
    if actor.can(Permission.CASE_VIEW):
        assert _found(lambda: home.set_pinned(database, actor, pair.ma_case, True)) is sees
        assert _found(lambda: home.record_opened(database, actor, pair.ar_case)) is sees
    try:
        shown = _home_case_ids(home.load_home(database, actor, today=dt.date(2026, 10, 20)))
    finally:
        if sees:
            home.set_pinned(database, actor, pair.ma_case, False)
    assert shown <= visible
    assert {pair.ar_case} <= shown if sees else not pair_cases & shown

    # The audit log: no event of a case out of scope, and its number is "no case",
    # worded exactly as for a number that does not exist.
    if not actor.can(Permission.AUDIT_VIEW):
        with pytest.raises(PermissionDenied):
            audit_log.events_page(database, actor, audit_log.AuditFilter())
        return
    events = audit_log.events_page(database, actor, audit_log.AuditFilter(), limit=5000).events
    if not actor.can(Permission.CASE_VIEW):
        # Administrators keep the whole chain, case content withheld.
        assert all(e.details is None for e in events if e.case_id is not None)
        return
    assert {e.case_id for e in events} - {None} <= visible
    assert all(pair.word not in repr(e.details) for e in events) or sees
    wanted = audit_log.AuditFilter(case_number=pair.ma_number)
    if sees:
        page = audit_log.events_page(database, actor, wanted)
        assert page.events and {e.case_id for e in page.events} == {pair.ma_case}
    else:
        with pytest.raises(InvalidInput) as refused:
            audit_log.events_page(database, actor, wanted)
        with pytest.raises(InvalidInput) as missing:
            audit_log.events_page(
                database, actor, audit_log.AuditFilter(case_number="MADYS-2026-9999")
            )
        assert str(refused.value).replace(pair.ma_number, "N") == str(missing.value).replace(
            "MADYS-2026-9999", "N"
        )


def test_viewing_a_restricted_case_is_audited(world: World, database: Database) -> None:
    actor = world.users["supervisor_in"]
    pair = world.pairs["listed"]
    before = [e for e in cases.case_timeline(database, actor, pair.ma_case)
              if e.action == "case.restricted_view"]  # fmt: skip
    cases.get_case(database, actor, pair.ma_case)
    after = [e for e in cases.case_timeline(database, actor, pair.ma_case)
             if e.action == "case.restricted_view"]  # fmt: skip
    assert len(after) == len(before) + 1 and after[-1].actor == "supervisor_in"
