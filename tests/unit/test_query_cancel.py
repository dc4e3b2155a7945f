"""Stopping a running query from another thread (``app.services.query_cancel``)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import event, text

from app.services.database import Database
from app.services.query_cancel import QueryCancel, QueryCancelled

#: Counts to ten billion: minutes of work unless it is stopped.
ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) "
    "SELECT count(*) FROM n"
)


def test_a_cancel_made_before_the_statement_starts_still_stops_it(database: Database) -> None:
    """Both databases forget an interrupt made while no statement runs; the cancel must
    not be lost when it comes between the service's statements (or just before the first)."""
    cancel = QueryCancel()
    outcome: list[BaseException] = []
    between = threading.Event()
    go_on = threading.Event()

    def run() -> None:
        try:
            with database.unit_of_work() as uow, cancel.watching(uow):
                uow.session.execute(text("SELECT 1")).all()
                between.set()  # no statement runs now: an interrupt here is forgotten
                go_on.wait(10)
                uow.session.execute(text(ENDLESS)).all()
        except BaseException as error:  # noqa: BLE001 - examined below
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    assert between.wait(10)
    cancel.cancel()
    go_on.set()
    started = time.monotonic()
    worker.join(20)
    assert not worker.is_alive()
    assert [type(e) for e in outcome] == [QueryCancelled]
    assert time.monotonic() - started < 10
    # The connection goes back to the pool in working order, without the handler.
    with database.unit_of_work() as uow:
        two = text("SELECT count(*) FROM (SELECT 1 UNION SELECT 2) AS two")
        assert uow.session.execute(two).scalar() == 2


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_cancel_made_while_the_statement_is_on_its_way_still_stops_it(
    database: Database,
) -> None:
    """The statement has looked at the cancel flag, but the server has not begun it when
    the cancel comes: PostgreSQL drops that cancel request, so it is sent again."""
    cancel = QueryCancel()
    outcome: list[BaseException] = []
    on_its_way = threading.Event()
    cancelled = threading.Event()

    def hold(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if statement == ENDLESS:  # after the cancel flag was looked at (listened first)
            on_its_way.set()
            cancelled.wait(10)

    def run() -> None:
        try:
            with database.unit_of_work() as uow:
                # Should the cancel be lost, the statement ends here, not in minutes.
                uow.session.execute(text("SET LOCAL statement_timeout = '30s'"))
                with cancel.watching(uow):
                    event.listen(uow.session.connection(), "before_cursor_execute", hold)
                    uow.session.execute(text(ENDLESS)).all()
        except BaseException as error:  # noqa: BLE001 - examined below
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    assert on_its_way.wait(10)
    started = time.monotonic()
    cancel.cancel()  # the server is idle: this request is dropped
    cancelled.set()
    worker.join(40)
    assert not worker.is_alive()
    assert [type(e) for e in outcome] == [QueryCancelled]
    assert time.monotonic() - started < 10  # sent again, not the statement timeout
    assert "canceling statement due to user request" in str(outcome[0].__cause__)
    with database.unit_of_work() as uow:
        assert uow.session.execute(text("SELECT 2")).scalar() == 2


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_query_not_cancelled_runs_to_its_end_under_watch(database: Database) -> None:
    cancel = QueryCancel()
    with database.unit_of_work() as uow, cancel.watching(uow):
        counted = uow.session.execute(
            text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) "
                 "SELECT count(*) FROM n")
        ).scalar()  # fmt: skip
    assert counted == 300_000  # long enough to meet the progress handler several times
