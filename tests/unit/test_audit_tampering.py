"""Tampering with the stored audit log behind the application's back, and ``audit verify``.

History is built through the services; then the log is edited with SQL, as
someone with direct database access could, and verification must name the
first event that no longer fits.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import select, text

from app.db.models import AuditEvent
from app.domain.actor import Actor
from app.domain.audit import Problem, canonical_json, chain_hash
from app.domain.permissions import Role
from app.services import accounts, audit, cases
from app.services.cases import CaseFields
from app.services.database import Database
from tests.unit.conftest import MakeUser, built_once

NOTES = 6


@built_once("audit-tampering")
def history(database: Database, admin: Actor, make_user: MakeUser) -> Actor:
    """A supervisor who verifies, after a case with notes was worked on; returns the supervisor."""
    info = accounts.add_user(
        database,
        admin,
        username="sue",
        full_name="Sue Supervisor",
        password="supervisor passage 42",
        roles=frozenset({Role.SUPERVISOR}),
        agency_codes=("ARDHS", "MADYS", "MODMH", "MODNR", "STLCITY"),
    )
    sue = Actor(info.id, info.username, info.full_name, frozenset(info.roles))
    fields = CaseFields(agency_code="ARDHS", title="Client file", reported_on=dt.date.today())
    case = cases.create_case(database, sue, fields)
    for number in range(NOTES):
        cases.add_note(database, sue, case.id, f"Interview {number}: " + "x" * number)
    return sue


def _seqs(database: Database) -> list[int]:
    with database.engine.connect() as connection:
        return list(connection.scalars(text("SELECT seq FROM audit_events ORDER BY seq")))


def _sql(database: Database, *statements: str) -> None:
    with database.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def _middle_note(database: Database) -> int:
    with database.engine.connect() as connection:
        seqs = connection.scalars(
            text("SELECT seq FROM audit_events WHERE action = 'note.add' ORDER BY seq")
        ).all()
    return int(seqs[len(seqs) // 2])


def _last_verify_details(database: Database) -> dict[str, object]:
    with database.engine.connect() as connection:
        action, details = connection.execute(
            text("SELECT action, details FROM audit_events ORDER BY seq DESC LIMIT 1")
        ).one()
    assert action == "audit.verify"
    return details if isinstance(details, dict) else json.loads(details)


def test_an_untouched_log_verifies_and_the_check_is_itself_logged(
    database: Database, history: Actor
) -> None:
    events = len(_seqs(database))
    result = audit.verify(database, history)

    assert result.intact
    assert (result.checked, result.last_seq) == (events, events)
    assert _last_verify_details(database) == {
        "intact": True,
        "checked": events,
        "first_problem": None,
    }
    # The verification event extends the chain, which still verifies.
    assert audit.verify(database, history).checked == events + 1


@pytest.mark.parametrize(
    "change",
    [
        'details = \'{"kind": "note", "length": 1}\'',
        "actor = 'admin'",
        "action = 'note.view'",
        "case_id = NULL",
    ],
)
def test_an_edited_event_is_reported_altered(
    database: Database, history: Actor, change: str
) -> None:
    seq = _middle_note(database)
    _sql(database, f"UPDATE audit_events SET {change} WHERE seq = {seq}")

    result = audit.verify(database, history)

    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (seq, Problem.ALTERED)
    assert result.checked == seq - 1
    details = _last_verify_details(database)
    assert details["intact"] is False
    assert f"event {seq} (" in str(details["first_problem"])


def test_a_backdated_event_is_reported_altered(database: Database, history: Actor) -> None:
    seq = _middle_note(database)
    with database.unit_of_work(write=True) as uow:
        event = uow.session.scalar(select(AuditEvent).where(AuditEvent.seq == seq))
        assert event is not None
        event.occurred_at -= dt.timedelta(days=30)
        uow.commit()

    result = audit.verify(database, history)

    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (seq, Problem.ALTERED)


def test_a_deleted_event_is_reported_missing(database: Database, history: Actor) -> None:
    seq = _middle_note(database)
    _sql(database, f"DELETE FROM audit_events WHERE seq = {seq}")

    result = audit.verify(database, history)

    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (seq, Problem.MISSING)
    assert f"event {seq} is missing" in result.finding.message


def _forge(database: Database, seq: int, prev_hash: str) -> None:
    """Insert a well-formed event at ``seq`` that links to ``prev_hash``."""
    moment = dt.datetime.now(dt.UTC)
    fields: dict[str, Any] = dict(
        seq=seq,
        occurred_at=moment,
        actor="sue",
        action="note.add",
        entity_type="note",
        entity_id="999",
        case_id=None,
        details={"kind": "note", "length": 3},
    )
    with database.unit_of_work(write=True) as uow:
        uow.session.add(
            AuditEvent(
                **fields, prev_hash=prev_hash, hash=chain_hash(prev_hash, canonical_json(**fields))
            )  # type: ignore[arg-type]
        )
        uow.commit()


def _hash_of(database: Database, seq: int) -> str:
    with database.engine.connect() as connection:
        return str(
            connection.execute(
                text("SELECT hash FROM audit_events WHERE seq = :s"), {"s": seq}
            ).scalar_one()
        )


def test_a_forged_event_appended_at_the_end_is_detected(database: Database, history: Actor) -> None:
    last = _seqs(database)[-1]
    _forge(database, last + 1, _hash_of(database, last))

    result = audit.verify(database, history)

    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (
        last + 1,
        Problem.INSERTED_OR_REORDERED,
    )
    assert "appended outside the application" in result.finding.message


def test_a_forged_event_slipped_into_the_middle_is_detected(
    database: Database, history: Actor
) -> None:
    seq = _middle_note(database)
    # Make room as a careful forger would: later events move up one, the head follows.
    _sql(
        database,
        f"UPDATE audit_events SET seq = -seq WHERE seq >= {seq}",
        f"UPDATE audit_events SET seq = 1 - seq WHERE seq <= -{seq}",
        "UPDATE audit_head SET seq = seq + 1",
    )
    _forge(database, seq, _hash_of(database, seq - 1))

    result = audit.verify(database, history)

    assert result.finding is not None
    # The forgery links correctly; the genuine event after it does not.
    assert (result.finding.seq, result.finding.problem) == (
        seq + 1,
        Problem.INSERTED_OR_REORDERED,
    )


@pytest.mark.parametrize("distance", [1, 3])
def test_two_swapped_events_are_detected_at_the_earlier(
    database: Database, history: Actor, distance: int
) -> None:
    first = _middle_note(database) - 1
    second = first + distance
    _sql(
        database,
        f"UPDATE audit_events SET seq = -1 WHERE seq = {first}",
        f"UPDATE audit_events SET seq = {first} WHERE seq = {second}",
        f"UPDATE audit_events SET seq = {second} WHERE seq = -1",
    )

    result = audit.verify(database, history)

    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (
        first,
        Problem.INSERTED_OR_REORDERED,
    )


def test_a_deleted_last_event_is_reported_truncated(database: Database, history: Actor) -> None:
    last = _seqs(database)[-1]
    _sql(database, f"DELETE FROM audit_events WHERE seq = {last}")

    result = audit.verify(database, history)

    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (last, Problem.TRUNCATED)
    assert f"the log ends at event {last - 1} but {last} events were written" in (
        result.finding.message
    )


def test_a_wiped_log_is_reported_truncated(database: Database, history: Actor) -> None:
    _sql(database, "DELETE FROM audit_events")

    result = audit.verify(database, history)

    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (1, Problem.TRUNCATED)


def test_a_change_whose_audit_event_cannot_be_written_is_not_saved(
    database: Database, history: Actor
) -> None:
    # A row squatting on the next seq makes the append fail: the note must go with it.
    last = _seqs(database)[-1]
    _forge(database, last + 1, _hash_of(database, last))
    with database.engine.connect() as connection:
        notes = connection.execute(text("SELECT count(*) FROM notes")).scalar_one()
        case_id = connection.execute(text("SELECT id FROM cases")).scalar_one()

    with pytest.raises(Exception):  # noqa: B017 - atomicity is the point here, not the message
        cases.add_note(database, history, case_id, "Should not be saved")

    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM notes")).scalar_one() == notes
    assert _seqs(database)[-1] == last + 1
