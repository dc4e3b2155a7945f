"""Editing cases: optimistic locking, the confidential reporter, and one audit event per write."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding, NoteKind
from app.domain.errors import CasedeskError, InvalidInput, PermissionDenied, Refused, StaleUpdate
from app.domain.permissions import Role
from app.services import audit, cases, employees
from app.services.cases import CaseFields
from app.services.database import Database

MakeUser = Callable[..., Actor]


def _today() -> dt.date:
    """Today, read when a test runs: a run may cross midnight."""
    return dt.date.today()


S = CaseStatus


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    sue: Actor
    hana: Actor
    pat: int


@pytest.fixture
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    return World(
        database,
        admin,
        make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR),
        make_user("sue", "Sue Supervisor", Role.SUPERVISOR),
        make_user("hana", "Hana Resources", Role.HR),
        employees.add_employee(database, admin, agency_code="ARDHS", full_name="Pat Poster").id,
    )


def _fields(w: World, **changes: Any) -> CaseFields:
    base = CaseFields(
        agency_code="ARDHS",
        title="Client photo on Instagram",
        reported_on=_today(),
        reporter_name="Rita Reporter",
        reporter_contact="rita@example.org",
        reporter_confidential=True,
        subject_ids=(w.pat,),
        investigator="ivan",
    )
    return replace(base, **changes)


def _events(db: Database, after: int = 0) -> list[tuple[str, int | None, dict[str, Any]]]:
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT action, case_id, details FROM audit_events WHERE seq > :s ORDER BY seq"),
            {"s": after},
        ).all()
    return [(a, c, d if isinstance(d, dict) else json.loads(d)) for a, c, d in rows]


def _last_seq(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT seq FROM audit_head")).scalar_one())


# -- optimistic locking ---------------------------------------------------------------


def test_an_edit_is_saved_versioned_and_audited(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    seq = _last_seq(w.db)

    saved = cases.update_case(
        w.db,
        w.ivan,
        case.id,
        _fields(w, title="Client photo on Instagram and TikTok", platforms=("Instagram",)),
        expected_version=case.version,
    )

    assert saved.fields.title == "Client photo on Instagram and TikTok"
    assert saved.version > case.version
    [(action, case_id, details)] = _events(w.db, seq)
    assert (action, case_id) == ("case.update", case.id)
    assert details["changes"] == {
        "title": ["Client photo on Instagram", "Client photo on Instagram and TikTok"],
        "platforms": [[], ["Instagram"]],
    }


def test_a_stale_save_is_refused_naming_who_saved_first(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    ivan_view = cases.get_case(w.db, w.ivan, case.id)
    sue_view = cases.get_case(w.db, w.sue, case.id)
    assert ivan_view.version == sue_view.version

    cases.update_case(
        w.db,
        w.ivan,
        case.id,
        replace(ivan_view.fields, title="Ivan's title"),
        expected_version=ivan_view.version,
    )
    seq = _last_seq(w.db)
    with pytest.raises(StaleUpdate) as stale:
        cases.update_case(
            w.db,
            w.sue,
            case.id,
            replace(sue_view.fields, title="Sue's title"),
            expected_version=sue_view.version,
        )

    assert stale.value.changed_by == "Ivan Investigator"
    assert f"Case {case.number} was changed by Ivan Investigator" in str(stale.value)
    assert "reload it" in str(stale.value)
    assert cases.get_case(w.db, w.hana, case.id).fields.title == "Ivan's title"
    assert _events(w.db, seq) == []


def test_saving_without_changes_writes_nothing(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    seq = _last_seq(w.db)
    same = cases.update_case(w.db, w.ivan, case.id, case.fields, expected_version=case.version)
    assert same.version == case.version
    assert _events(w.db, seq) == []


def test_a_case_cannot_move_to_another_agency(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    with pytest.raises(Refused, match=f"{case.number} stays with ARDHS"):
        cases.update_case(
            w.db,
            w.ivan,
            case.id,
            _fields(w, agency_code="MADYS", subject_ids=()),
            expected_version=case.version,
        )


def test_hr_cannot_edit_intake_facts(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    with pytest.raises(PermissionDenied, match="'case.edit'"):
        cases.update_case(w.db, w.hana, case.id, case.fields, expected_version=case.version)


# -- the confidential reporter --------------------------------------------------------


def test_hr_sees_confidential_instead_of_the_reporter(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    seq = _last_seq(w.db)

    seen = cases.get_case(w.db, w.hana, case.id)

    assert seen.reporter_hidden
    assert seen.fields.reporter_name == "(confidential)"
    assert seen.fields.reporter_contact == "(confidential)"
    assert _events(w.db, seq) == []


@pytest.mark.parametrize("who", ["ivan", "sue"])
def test_a_confidential_reporter_is_shown_only_on_request_and_each_reveal_is_audited(
    world: World, who: str
) -> None:
    w = world
    viewer: Actor = getattr(w, who)
    case = cases.create_case(w.db, w.ivan, _fields(w))
    seq = _last_seq(w.db)

    # Opening and reloading the case: the reporter stays hidden and nothing is written.
    opened = cases.get_case(w.db, viewer, case.id)
    cases.get_case(w.db, viewer, case.number)
    assert opened.reporter_hidden and opened.reporter_revealable
    assert opened.fields.reporter_name == "(confidential)"
    assert _events(w.db, seq) == []

    seen = cases.get_case(w.db, viewer, case.number, reveal_reporter=True)
    cases.get_case(w.db, viewer, case.id, reveal_reporter=True)

    assert not seen.reporter_hidden
    assert (seen.fields.reporter_name, seen.fields.reporter_contact) == (
        "Rita Reporter",
        "rita@example.org",
    )
    events = _events(w.db, seq)
    assert [(a, c) for a, c, _ in events] == [("case.view_confidential_reporter", case.id)] * 2
    with w.db.engine.connect() as connection:
        actors = connection.scalars(
            text("SELECT actor FROM audit_events WHERE seq > :s"), {"s": seq}
        ).all()
    assert actors == [who, who]


def test_hr_may_not_reveal_a_confidential_reporter(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    seq = _last_seq(w.db)
    assert not cases.get_case(w.db, w.hana, case.id).reporter_revealable
    with pytest.raises(PermissionDenied, match="reporter.confidential.view"):
        cases.get_case(w.db, w.hana, case.id, reveal_reporter=True)
    assert _events(w.db, seq) == []


def test_saving_without_revealing_the_reporter_keeps_the_identity(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    opened = cases.get_case(w.db, w.ivan, case.id)
    edited = replace(opened.fields, title="Retitled without looking at the reporter")
    cases.update_case(w.db, w.ivan, case.id, edited, expected_version=opened.version)
    shown = cases.get_case(w.db, w.ivan, case.id, reveal_reporter=True)
    assert shown.fields.title == "Retitled without looking at the reporter"
    assert (shown.fields.reporter_name, shown.fields.reporter_contact) == (
        "Rita Reporter",
        "rita@example.org",
    )


def test_viewing_a_reporter_who_is_not_confidential_is_not_audited(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w, reporter_confidential=False))
    seq = _last_seq(w.db)
    assert cases.get_case(w.db, w.hana, case.id).fields.reporter_name == "Rita Reporter"
    assert cases.get_case(w.db, w.ivan, case.id).fields.reporter_name == "Rita Reporter"
    assert _events(w.db, seq) == []


def test_administrators_cannot_open_a_case(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    with pytest.raises(PermissionDenied, match="'case.view'"):
        cases.get_case(w.db, w.admin, case.id)


def test_the_audit_log_never_holds_the_reporter_identity(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    seq = _last_seq(w.db)
    cases.update_case(
        w.db,
        w.ivan,
        case.id,
        _fields(w, reporter_name="Robin Whistle", reporter_contact="555-0100"),
        expected_version=case.version,
    )
    [(action, _, details)] = _events(w.db, seq)
    assert details["changes"] == {"reporter_name": "changed", "reporter_contact": "changed"}
    everything = json.dumps(_events(w.db))
    for secret in ("Rita Reporter", "rita@example.org", "Robin Whistle", "555-0100"):
        assert secret not in everything


# -- one audit event per write, none for a refusal ------------------------------------


def test_every_write_adds_exactly_its_audit_event_and_a_refusal_none(world: World) -> None:
    w = world
    state: dict[str, int] = {}

    def create() -> None:
        state["case"] = cases.create_case(w.db, w.ivan, _fields(w)).id

    def allege() -> None:
        state["allegation"] = cases.add_allegation(w.db, w.ivan, state["case"], "AR-DHS II(A)").id

    def version() -> int:
        return cases.get_case(w.db, w.hana, state["case"]).version

    steps: list[tuple[str, Callable[[], object], list[str] | type[CasedeskError]]] = [
        ("create", create, ["case.create"]),
        ("bad title", lambda: cases.create_case(w.db, w.ivan, _fields(w, title="")), InvalidInput),
        ("allege", allege, ["allegation.add"]),
        ("allege again", allege, InvalidInput),
        (
            "note",
            lambda: cases.add_note(
                w.db, w.hana, state["case"], "HR asked for a copy.", NoteKind.CONTACT
            ),
            ["note.add"],
        ),
        ("empty note", lambda: cases.add_note(w.db, w.ivan, state["case"], "  "), InvalidInput),
        (
            "edit",
            lambda: cases.update_case(
                w.db, w.ivan, state["case"], _fields(w, title="Edited"), expected_version=version()
            ),
            ["case.update"],
        ),
        (
            "stale edit",
            lambda: cases.update_case(
                w.db, w.ivan, state["case"], _fields(w, title="Again"), expected_version=1
            ),
            StaleUpdate,
        ),
        (
            "skip to findings",
            lambda: cases.transition_case(w.db, w.ivan, state["case"], S.FINDINGS),
            Refused,
        ),
        (
            "start",
            lambda: cases.transition_case(w.db, w.ivan, state["case"], S.INVESTIGATING),
            ["case.transition"],
        ),
        (
            "finding",
            lambda: cases.record_finding(
                w.db, w.ivan, state["allegation"], Finding.NOT_SUBSTANTIATED, "No screenshot."
            ),
            ["allegation.finding"],
        ),
        (
            "hr finding",
            lambda: cases.record_finding(
                w.db, w.hana, state["allegation"], Finding.SUBSTANTIATED, "HR"
            ),
            PermissionDenied,
        ),
        (
            "employee",
            lambda: employees.add_employee(
                w.db, w.ivan, agency_code="ARDHS", full_name="Kim Witness"
            ),
            ["employee.add"],
        ),
        ("audit verify", lambda: audit.verify(w.db, w.sue), ["audit.verify"]),
        ("hr verify", lambda: audit.verify(w.db, w.hana), PermissionDenied),
    ]

    for name, step, expected in steps:
        seq = _last_seq(w.db)
        if isinstance(expected, list):
            step()
        else:
            with pytest.raises(expected):
                step()
            expected = []
        assert [a for a, _, _ in _events(w.db, seq)] == expected, name
    assert audit.verify(w.db, w.sue).intact


def _race_once(w: World, database_url: str, title: str) -> tuple[str, dict[str, object]]:
    """Two workstations save one case at once; the case id and each user's outcome."""
    case = cases.create_case(w.db, w.ivan, _fields(w, title=title))
    view = cases.get_case(w.db, w.ivan, case.id)
    stations = [Database.open(database_url), Database.open(database_url)]
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def save(index: int, who: Actor) -> None:
        barrier.wait(timeout=30)
        try:
            cases.update_case(
                stations[index], who, case.id,
                replace(view.fields, title=f"{who.username}'s title"),
                expected_version=view.version,
            )  # fmt: skip
            outcomes[who.username] = "saved"
        except Exception as error:  # reported by the test, not lost in the thread
            outcomes[who.username] = error

    threads = [threading.Thread(target=save, args=(i, u)) for i, u in enumerate((w.ivan, w.sue))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for station in stations:
        station.close()
    return case.number, outcomes


def test_two_saves_racing_on_one_case_refuse_the_later_naming_the_first(
    world: World, database_url: str
) -> None:
    """Two workstations (own Database each) save one case at the same moment.

    One save wins; the other is the stale-save refusal naming who saved
    first, never another error. On PostgreSQL the later save waits for the
    case row's lock and must then see the winner's change whole.
    """
    w = world
    for round_ in range(8):
        number, outcomes = _race_once(w, database_url, f"Race {round_}")
        saved = [name for name, outcome in outcomes.items() if outcome == "saved"]
        refused = [outcome for outcome in outcomes.values() if outcome != "saved"]
        assert len(saved) == 1 and len(refused) == 1, outcomes
        [error] = refused
        assert isinstance(error, StaleUpdate), repr(error)
        winner = {"ivan": "Ivan Investigator", "sue": "Sue Supervisor"}[saved[0]]
        assert error.changed_by == winner
        assert f"was changed by {winner}" in str(error)
        assert cases.get_case(w.db, w.hana, number).fields.title == f"{saved[0]}'s title"
