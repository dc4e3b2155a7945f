"""Eight workstations writing to one case at once, on the real PostgreSQL server.

Notes and allegations lock the case row and then the audit head; viewing a
revealing a confidential reporter records a view event. Before every write
took its locks in one order (the case row, then the audit head) this mix hit
``deadlock detected`` within a few rounds. Now every write must succeed (a
deadlock that still happens is retried), every note must be kept, and the
audit chain must stay one unforked line.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.permissions import Role
from app.services import accounts, audit, cases, setup
from app.services.cases import CaseFields
from app.services.database import Database

WRITERS = 8
ROUNDS = 8
#: The AR DHS provision each writer cites and withdraws again (one each: two writers citing
#: the same one at once would be refused as a duplicate, rightly). All can be charged.
PROVISIONS = "II(A) II(B)(1) II(B)(2) II(B)(3) II(C)(1) II(C)(2) II(D) II(F) II(G) II(H)".split()


def _supervisor(database: Database, monkeypatch: pytest.MonkeyPatch) -> Actor:
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64))
    admin = setup.initialize(
        database, admin_username="admin", admin_full_name="Ada Admin",
        admin_password="correct horse battery",
    ).administrator  # fmt: skip
    assert admin is not None
    info = accounts.add_user(
        database, admin, username="sue", full_name="Sue Supervisor",
        password="Lantern quarry 7 ribbon", roles=frozenset({Role.SUPERVISOR}),
        agency_codes=("ARDHS", "MADYS", "MODMH", "MODNR", "STLCITY"),
    )  # fmt: skip
    return Actor(info.id, info.username, info.full_name, frozenset(info.roles))


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_eight_writers_on_one_case_neither_deadlock_nor_lose_work(
    database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sue = _supervisor(database, monkeypatch)
    # A confidential reporter the supervisor may see: every view is an audit event.
    fields = CaseFields(
        agency_code="ARDHS", title="Shared case", reported_on=dt.date.today(),
        reporter_name="Rae Porter", reporter_confidential=True,
    )  # fmt: skip
    case_id = cases.create_case(database, sue, fields).id
    barrier = threading.Barrier(WRITERS)
    errors: list[str] = []

    def writer(index: int) -> None:
        mine = Database.open(database_url)
        try:
            barrier.wait(timeout=60)
            for number in range(ROUNDS):
                cases.add_note(mine, sue, case_id, f"Writer {index}, note {number}")
                cases.get_case(mine, sue, case_id, reveal_reporter=True)
                cited = PROVISIONS[index]
                allegation = cases.add_allegation(mine, sue, case_id, f"AR-DHS {cited}")
                cases.get_case(mine, sue, case_id, reveal_reporter=True)
                cases.remove_allegation(mine, sue, allegation.id)
        except Exception as exc:  # reported by the test, not lost in the thread
            errors.append(f"writer {index}: {exc!r}")
        finally:
            mine.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a writer hangs"

    assert errors == []
    notes = {
        note.body for note in cases.get_case(database, sue, case_id, reveal_reporter=True).notes
    }
    assert notes == {f"Writer {i}, note {n}" for i in range(WRITERS) for n in range(ROUNDS)}
    assert cases.get_case(database, sue, case_id, reveal_reporter=True).allegations == ()
    with database.engine.connect() as connection:
        seqs = list(connection.scalars(text("SELECT seq FROM audit_events ORDER BY seq")))
        views = connection.scalar(
            text(
                "SELECT count(*) FROM audit_events WHERE action = 'case.view_confidential_reporter'"
            )
        )
    assert seqs == list(range(1, len(seqs) + 1))
    assert views == WRITERS * ROUNDS * 2 + 2
    result = audit.verify(database, sue)
    assert result.intact, result.finding
