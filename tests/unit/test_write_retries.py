"""Lost lock races: the one lock order, the bounded retry, and the refusal after it.

A real PostgreSQL deadlock and a real SQLite busy timeout, each against a
service wrapped in ``retry.retried``; the lock-order check refuses a case row
wanted after the audit head.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.cli import run
from app.db import engine as engine_module
from app.db import sqlcipher
from app.domain.actor import Actor
from app.domain.errors import DatabaseBusy
from app.domain.permissions import Role
from app.services import audit, cases, retry
from app.services.cases import CaseFields
from app.services.database import Database
from tests.unit.conftest import USER_PASSWORD, MakeUser


def _case(database: Database, actor: Actor, title: str = "Shared case") -> int:
    fields = CaseFields(agency_code="ARDHS", title=title, reported_on=dt.date.today())
    return cases.create_case(database, actor, fields).id


def test_a_case_row_wanted_after_the_audit_head_is_a_lock_order_error(
    database: Database, make_user: MakeUser
) -> None:
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    first, second = _case(database, sue, "First"), _case(database, sue, "Second")
    with database.unit_of_work(write=True) as uow:
        audit.record(uow, sue, "test.one", entity_type="case", entity_id=first, case_id=first)
        # The same case again is fine: its row is already held.
        audit.record(uow, sue, "test.two", entity_type="case", entity_id=first, case_id=first)
        with pytest.raises(audit.LockOrderError):
            audit.record(uow, sue, "test.three", entity_type="case", entity_id=second,
                         case_id=second)  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        audit.lock_cases(uow, [second, first])  # all rows first: then any order of events
        audit.record(uow, sue, "test.four", entity_type="case", entity_id=second, case_id=second)
        audit.record(uow, sue, "test.five", entity_type="case", entity_id=first, case_id=first)
        uow.commit()
    assert [e.action for e in cases.case_timeline(database, sue, first)][-1] == "test.five"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_deadlocked_unit_of_work_is_run_again_and_succeeds(
    database: Database, database_url: str, make_user: MakeUser
) -> None:
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    ids = (_case(database, sue, "First"), _case(database, sue, "Second"))
    both_hold_one = threading.Barrier(2)
    attempts = [0, 0]
    errors: list[BaseException] = []

    @retry.retried
    def lock_both(db: Database, index: int) -> None:
        # Two writers taking two case rows in opposite orders: PostgreSQL kills one.
        attempts[index] += 1
        mine, other = ids[index], ids[1 - index]
        with db.unit_of_work(write=True) as uow:
            uow.session.execute(text("SELECT id FROM cases WHERE id = :i FOR UPDATE"), {"i": mine})
            if attempts[index] == 1:
                both_hold_one.wait(timeout=30)
            uow.session.execute(text("SELECT id FROM cases WHERE id = :i FOR UPDATE"), {"i": other})
            uow.session.execute(
                text("UPDATE cases SET title = title || :mark WHERE id = :i"),
                {"mark": f" +{index}", "i": mine},
            )
            uow.commit()

    def writer(index: int) -> None:
        db = Database.open(database_url)
        try:
            lock_both(db, index)
        except BaseException as exc:  # reported by the test
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(attempts) == [1, 2]  # the deadlock victim ran once more
    titles = {cases.get_case(database, sue, i).fields.title for i in ids}
    assert titles == {"First +0", "Second +1"}


@contextlib.contextmanager
def _write_lock_held(url: str) -> Iterator[Any]:
    """Another program holding the SQLite file's write lock.

    Opened with the application's SQLite library: a second library in the same
    process would not see this lock (POSIX locks do not conflict within a process;
    one library keeps its own table of them).
    """
    path = make_url(url).database
    assert path is not None
    holder = sqlcipher.dbapi().connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield holder
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite gives up after 0.1 s (set before the test's databases are opened)."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(retry, "FIRST_DELAY", 0.1)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_write_kept_waiting_past_sqlites_busy_timeout_is_retried(
    short_busy_timeout: None, database: Database, database_url: str, make_user: MakeUser
) -> None:
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    case_id = _case(database, sue)
    with _write_lock_held(database_url) as holder:
        timer = threading.Timer(0.3, holder.execute, ("ROLLBACK",))
        timer.start()
        note = cases.add_note(database, sue, case_id, "Written once the lock was free")
        timer.join()
    assert [n.body for n in cases.get_case(database, sue, case_id).notes] == [note.body]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_after_the_last_attempt_the_command_line_says_the_database_was_busy(
    short_busy_timeout: None,
    database: Database,
    database_url: str,
    make_user: MakeUser,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    case_id = _case(database, sue)
    number = cases.get_case(database, sue, case_id).number
    monkeypatch.setenv("CASEDESK_PASSWORD", USER_PASSWORD)
    args = ["--db", database_url, "--user", "sue", "case", "note", number, "Lost?"]
    with _write_lock_held(database_url):
        code = run(args)
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"could not be saved in {retry.ATTEMPTS} attempts" in err
    assert "nothing was changed. Try again" in err
    assert "Traceback" not in err
    assert cases.get_case(database, sue, case_id).notes == ()
    with pytest.raises(DatabaseBusy):
        with _write_lock_held(database_url):
            cases.add_note(database, sue, case_id, "Lost too?")
