"""Values put into the database outside Casedesk that Casedesk cannot read back.

A SQLite database (only SQLite keeps any value in any column) with a case,
notes and evidence is edited with raw SQL, as someone holding a copy of the
file could: a stored time that is not a time, a checkpoint time that
is not a time, an event past the chain head. The services must name what is
wrong (a finding, or :class:`IntegrityFailure`), never fail with a
``ValueError`` or ``TypeError`` (the command line's exit 3).
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from app.domain.actor import Actor
from app.domain.audit import Problem
from app.domain.errors import AuthenticationFailed, IntegrityFailure
from app.domain.permissions import Role
from app.services import accounts, audit, cases, evidence, start_checks
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.integrity.verification import verify_audit
from tests.unit.conftest import USER_PASSWORD, MakeUser
from tests.unit.tampering import raw

ADMIN = ("admin", "correct horse battery")
INVESTIGATOR = ("ivy", USER_PASSWORD)
SUPERVISOR = ("sue", USER_PASSWORD)


@pytest.fixture
def backend() -> str:
    """SQLite only: a PostgreSQL column refuses a value of another type."""
    return "sqlite"


@pytest.fixture
def url(database: Database, admin: Actor, make_user: MakeUser) -> str:
    """A case with notes and two screenshots, a verification (a checkpoint), more notes."""
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    fields = CaseFields(agency_code="ARDHS", title="Client file", reported_on=dt.date.today())
    case = cases.create_case(database, ivy, fields)
    for number in range(3):
        cases.add_note(database, ivy, case.id, f"Interview {number}")
    for colour in ((200, 10, 10), (10, 200, 10)):
        picture = io.BytesIO()
        Image.new("RGB", (40, 30), colour).save(picture, "PNG")
        evidence.add_evidence(database, ivy, case.id, picture.getvalue(),
                              original_filename=f"post-{colour[0]}.png")  # fmt: skip
    assert verify_audit(database, admin).intact
    cases.add_note(database, ivy, case.id, "Later note")
    return database.engine.url.render_as_string(hide_password=False)


def _sign_in(database: Database, who: tuple[str, str]) -> Actor:
    return accounts.authenticate(database, *who)


def _one(url: str, statement: str) -> tuple[object, ...]:
    with raw(url) as db:
        return db.execute(statement)[0]


def _note_event(url: str) -> tuple[int, int]:
    seq, case_id = _one(url, "SELECT max(seq), min(case_id) FROM audit_events "
                             "WHERE action = 'note.add'")  # fmt: skip
    assert isinstance(seq, int) and isinstance(case_id, int)
    return seq, case_id


def _head(database: Database) -> tuple[int, str]:
    with database.unit_of_work() as uow:
        head = audit.read_head(uow)
        return head.seq, head.hash


def test_an_event_time_that_is_not_a_time_is_a_finding_naming_the_event(
    database: Database, url: str
) -> None:
    supervisor = _sign_in(database, SUPERVISOR)
    seq, case_id = _note_event(url)
    with raw(url) as db:
        db.execute("UPDATE audit_events SET occurred_at = 'garbage' WHERE seq = ?", (seq,))

    result = audit.verify(database, supervisor)

    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (seq, Problem.ALTERED)
    assert f"event {seq} (note.add by " in result.finding.message
    assert "'garbage'" in result.finding.message
    assert result.checked == seq - 1
    # The timeline of that case names it too (an export or a custody log refuses).
    with database.unit_of_work() as uow, pytest.raises(IntegrityFailure, match="'garbage'"):
        audit.case_events(uow, case_id)


def test_a_number_for_the_time_of_an_evidence_add_fails_the_item_and_the_chain(
    database: Database, url: str
) -> None:
    investigator = _sign_in(database, INVESTIGATOR)
    supervisor = _sign_in(database, SUPERVISOR)
    seq, item = _one(url, "SELECT seq, entity_id FROM audit_events "
                               "WHERE action = 'evidence.add' ORDER BY seq LIMIT 1")  # fmt: skip
    with raw(url) as db:
        db.execute("UPDATE audit_events SET occurred_at = 12345 WHERE seq = ?", (seq,))

    failed = [c for c in evidence.verify_evidence(database, investigator) if not c.ok]

    assert [str(c.item.id) for c in failed] == [item]
    assert f"event {seq}" in failed[0].problem
    result = audit.verify(database, supervisor)
    assert result.finding is not None and result.finding.seq == seq
    assert "holds 12345, which is not a time" in result.finding.message


def test_a_checkpoint_time_that_is_not_a_time_does_not_stop_the_start_check(
    database: Database, url: str
) -> None:
    (newest,) = _one(url, "SELECT max(id) FROM audit_checkpoints")
    with raw(url) as db:
        db.execute("UPDATE audit_checkpoints SET signed_at = 'garbage' WHERE id = ?", (newest,))

    # The other checkpoint is minutes old: none is due.
    assert start_checks.checkpoint_due(database) is False
    with raw(url) as db:
        db.execute("UPDATE audit_checkpoints SET signed_at = 12345 WHERE id <> ?", (newest,))
    assert start_checks.checkpoint_due(database) is True


def test_a_checkpoint_row_whose_time_is_not_a_time_is_named_by_audit_verify(
    database: Database, admin: Actor, url: str
) -> None:
    (newest,) = _one(url, "SELECT max(id) FROM audit_checkpoints")
    with raw(url) as db:
        db.execute("UPDATE audit_checkpoints SET signed_at = 'garbage' WHERE id = ?", (newest,))

    result = verify_audit(database, admin)

    assert result.chain.finding is None
    assert not result.intact
    assert result.problem == (
        f"row {newest} of table audit_checkpoints is not a checkpoint (the database was "
        "changed outside Casedesk)"
    )
    # A report's checkpoint is still signed over the log, which holds.
    from app.services.integrity import checkpoints

    assert checkpoints.make_checkpoint(database).checkpoint is not None


def _append_past_head(url: str, seq: object) -> None:
    with raw(url) as db:
        db.execute(
            "INSERT INTO audit_events (seq, occurred_at, actor, action, entity_type, entity_id, "
            "case_id, details, prev_hash, hash) SELECT ?, occurred_at, actor, 'user.login', "
            "entity_type, entity_id, case_id, details, hash, hash FROM audit_events "
            "WHERE seq = (SELECT seq FROM audit_head WHERE id = 1)",
            (seq,),
        )


@pytest.mark.parametrize("foreign", ["next", "x7"])
def test_an_event_past_the_head_lets_only_the_verifiers_sign_in_to_verify(
    database: Database, url: str, foreign: str
) -> None:
    head_seq, head_hash = _head(database)
    _append_past_head(url, head_seq + 1 if foreign == "next" else foreign)
    (events,) = _one(url, "SELECT count(*) FROM audit_events")

    # Every other sign-in is refused: its event cannot be appended.
    with pytest.raises(audit.ForeignEvent, match="did not write"):
        accounts.authenticate(database, *ADMIN)
    with pytest.raises(audit.ForeignEvent):
        accounts.authenticate(database, *INVESTIGATOR, to_verify_audit=True)
    # A wrong password is refused as always, and counted for the lock-out.
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        accounts.authenticate(database, "admin", "not the password", to_verify_audit=True)
    assert _one(url, "SELECT failed_logins FROM users WHERE username = 'admin'") == (1,)
    assert _one(url, "SELECT count(*) FROM audit_events") == (events,)

    admin = accounts.authenticate(database, *ADMIN, to_verify_audit=True)
    result = audit.verify(database, admin)

    assert admin.username == "admin"
    assert result.finding is not None
    assert result.finding.problem is Problem.INSERTED_OR_REORDERED
    shown = f"event {head_seq + 1}" if foreign == "next" else "an event numbered 'x7'"
    assert f"{shown} (user.login by " in result.finding.message
    assert f"lies past the chain head (table audit_head, event {head_seq})" in (
        result.finding.message
    )
    # Nothing was appended, nor the head moved.
    assert _one(url, "SELECT count(*) FROM audit_events") == (events,)
    assert _head(database) == (head_seq, head_hash)
