"""Several workstations writing at once: each thread opens its own Database (own engine).

The audit chain must stay one unbroken line (seq 1..N, no gap, no fork) and
case numbers must stay unique and consecutive, on PostgreSQL (row locks) and
on SQLite (the file's write lock).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.permissions import Role
from app.services import accounts, audit, cases, employees, setup
from app.services.cases import CaseFields
from app.services.database import Database

THREADS = 4
WRITES = 50


def _run_together(url: str, work: Callable[[Database, int], None], threads: int) -> list[str]:
    """Run ``work(db, index)`` in ``threads`` threads at once; return their errors."""
    barrier = threading.Barrier(threads)
    errors: list[str] = []

    def run(index: int) -> None:
        db = Database.open(url)
        try:
            barrier.wait(timeout=60)
            work(db, index)
        except Exception as exc:  # reported by the test, not lost in the thread
            errors.append(f"thread {index}: {exc!r}")
        finally:
            db.close()

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=600)
    assert not any(worker.is_alive() for worker in workers), "a writer hangs"
    return errors


def _setup(db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[Actor, Actor, int]:
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64))
    admin = setup.initialize(
        db,
        admin_username="admin",
        admin_full_name="Ada Admin",
        admin_password="correct horse battery",
    ).administrator
    assert admin is not None
    info = accounts.add_user(
        db,
        admin,
        username="sue",
        full_name="Sue Supervisor",
        password="supervisor passage 42",
        roles=frozenset({Role.SUPERVISOR}),
        agency_codes=("ARDHS", "MADYS", "MODMH", "MODNR", "STLCITY"),
    )
    sue = Actor(info.id, info.username, info.full_name, frozenset(info.roles))
    return admin, sue, _seq(db)


def _seq(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT seq FROM audit_head")).scalar_one())


def _fields(title: str) -> CaseFields:
    return CaseFields(agency_code="ARDHS", title=title, reported_on=dt.date.today())


def _assert_one_unbroken_chain(db: Database, supervisor: Actor, events: int) -> None:
    with db.engine.connect() as connection:
        seqs = list(connection.scalars(text("SELECT seq FROM audit_events ORDER BY seq")))
    assert seqs == list(range(1, events + 1))
    result = audit.verify(db, supervisor)
    assert result.intact, result.finding
    assert result.checked == events


def _notes_on_own_cases(db: Database, database_url: str, sue: Actor) -> int:
    case_ids = [cases.create_case(db, sue, _fields(f"Case {i}")).id for i in range(THREADS)]
    before = _seq(db)

    def work(mine: Database, index: int) -> None:
        for number in range(WRITES):
            cases.add_note(mine, sue, case_ids[index], f"Thread {index}, note {number}")

    assert _run_together(database_url, work, THREADS) == []
    return before


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_concurrent_writers_keep_one_unbroken_audit_chain_on_postgresql(
    database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, sue, _ = _setup(database, monkeypatch)
    before = _notes_on_own_cases(database, database_url, sue)
    _assert_one_unbroken_chain(database, sue, before + THREADS * WRITES)


def test_two_engines_on_one_sqlite_file_take_turns(
    sqlite_database: Database, sqlite_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, sue, _ = _setup(sqlite_database, monkeypatch)
    before = _notes_on_own_cases(sqlite_database, sqlite_database_url, sue)
    _assert_one_unbroken_chain(sqlite_database, sue, before + THREADS * WRITES)


def test_mixed_writers_keep_one_unbroken_audit_chain(
    database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin, sue, _ = _setup(database, monkeypatch)
    case_id = cases.create_case(database, sue, _fields("Shared case")).id

    def work(mine: Database, index: int) -> None:
        for number in range(WRITES // 2):
            if index == 0:
                employees.add_employee(mine, admin, agency_code="MADYS", full_name=f"E {number}")
            elif index == 1:
                accounts.unlock(mine, admin, "sue")
            else:
                cases.get_case(mine, sue, case_id)  # reads; writes nothing for this case

    assert _run_together(database_url, work, 3) == []
    _assert_one_unbroken_chain(database, sue, _seq(database))
    assert len(employees.list_employees(database, admin, agency_code="MADYS")) == WRITES // 2


def test_notes_added_to_the_same_case_at_once_are_all_kept(
    database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two investigators on one case: adding a note never conflicts with another note.
    _, sue, _ = _setup(database, monkeypatch)
    case_id = cases.create_case(database, sue, _fields("Shared case")).id
    per_thread = 10

    def work(mine: Database, index: int) -> None:
        for number in range(per_thread):
            cases.add_note(mine, sue, case_id, f"Thread {index}, note {number}")

    assert _run_together(database_url, work, THREADS) == []
    assert len(cases.get_case(database, sue, case_id).notes) == THREADS * per_thread
    _assert_one_unbroken_chain(database, sue, _seq(database))


def test_concurrent_intake_hands_out_unique_consecutive_case_numbers(
    database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, sue, _ = _setup(database, monkeypatch)
    per_thread = 10
    numbers: list[str] = []
    lock = threading.Lock()

    def work(mine: Database, index: int) -> None:
        for number in range(per_thread):
            case = cases.create_case(mine, sue, _fields(f"Thread {index} case {number}"))
            with lock:
                numbers.append(case.number)

    assert _run_together(database_url, work, THREADS) == []
    year = dt.date.today().year
    expected = [f"ARDHS-{year}-{n:04d}" for n in range(1, THREADS * per_thread + 1)]
    assert sorted(numbers) == expected
    with database.engine.connect() as connection:
        stored = sorted(connection.scalars(text("SELECT number FROM cases")))
    assert stored == expected
    _assert_one_unbroken_chain(database, sue, _seq(database))
