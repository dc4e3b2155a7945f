"""The case list on real databases: filters, sorting, paging, text search, status counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.db.models import Case
from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.permissions import Role
from app.services import access, accounts, case_search, cases, employees
from app.services.access.scope import visible_counts_by
from app.services.case_counts import MatchCounts, count_matches
from app.services.case_queries import (
    CaseQuery,
    CaseSort,
    _conditions,
    list_cases,
    page_plan,
    page_statement,
    prefer_search_index,
    status_counts,
)
from app.services.case_search import SearchPlan
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.query_cancel import QueryCancel, QueryCancelled
from tests.unit.conftest import USER_PASSWORD, built_once

MakeUser = Callable[..., Actor]

S = CaseStatus
D = dt.date

#: title, agency, reported, investigator, narrative, status (the case list's test data).
CASES = [
    (
        "Screenshot of client file on Facebook",
        "ARDHS",
        D(2025, 1, 10),
        "ivan",
        "Coworker forwarded the post.",
        S.INTAKE,
    ),
    (
        "Harassment of a coworker",
        "ARDHS",
        D(2025, 2, 20),
        "ines",
        "Threatening comments under a photo.",
        S.INVESTIGATING,
    ),
    (
        "Friend requests to youth",
        "MADYS",
        D(2025, 3, 5),
        "ivan",
        "Accepted friend requests from youth and families.",
        S.INVESTIGATING,
    ),
    (
        "City logo on a personal profile",
        "STLCITY",
        D(2025, 3, 5),
        None,
        "Uniform photo with the City seal.",
        S.INTAKE,
    ),
    (
        "agency email used as a login",
        "ARDHS",
        D(2025, 4, 1),
        "ines",
        "Personal account registered with the work address.",
        S.CLOSED,
    ),
    (
        "Zebra emoji posts on duty",
        "MADYS",
        D(2025, 5, 15),
        "ivan",
        "Posting during a shift.",
        S.INTAKE,
    ),
]
NAMES = {"ivan": "Ivan Investigator", "ines": "Ines Inquirer", None: None}


@dataclass
class Listed:
    db: Database
    ivan: Actor
    numbers: list[str]  # in CASES order
    last_touched: str


@built_once("case-list")
def listed(database: Database, admin: Actor, make_user: MakeUser) -> Listed:
    ivan = make_user("ivan", NAMES["ivan"], Role.INVESTIGATOR)
    ines = make_user("ines", NAMES["ines"], Role.INVESTIGATOR)
    sue = make_user("sue", "Sue", Role.SUPERVISOR)
    pat = employees.add_employee(database, admin, agency_code="ARDHS", full_name="Pat Poster")
    lee = employees.add_employee(database, admin, agency_code="ARDHS", full_name="Lee Liker")
    numbers = []
    for title, agency, reported, investigator, narrative, status in CASES:
        case = cases.create_case(
            database,
            ivan,
            CaseFields(
                agency_code=agency,
                title=title,
                reported_on=reported,
                narrative=narrative,
                investigator=investigator,
                subject_ids=(lee.id, pat.id) if agency == "ARDHS" else (),
            ),
        )
        if status is S.INVESTIGATING:
            cases.transition_case(database, ivan, case.id, S.INVESTIGATING)
        elif status is S.CLOSED:
            cases.transition_case(database, sue, case.id, S.CLOSED, reason="Duplicate")
        numbers.append(case.number)
    cases.add_note(database, ines, _id(database, ivan, numbers[1]), "Interview about the TikTok.")
    # Touched last, so it leads the list sorted by "updated", newest first.
    cases.add_note(database, ivan, _id(database, ivan, numbers[3]), "Screenshots saved as PDF.")
    return Listed(database, ivan, numbers, numbers[3])


def _id(db: Database, actor: Actor, number: str) -> int:
    return cases.case_id_of(db, actor, number)


def _numbers(listed: Listed, **query: Any) -> list[str]:
    page = list_cases(listed.db, listed.ivan, CaseQuery(**query))
    assert page.total == len(page.rows)
    return [row.number for row in page.rows]


def _by_position(listed: Listed, *positions: int) -> set[str]:
    return {listed.numbers[p] for p in positions}


# -- filters --------------------------------------------------------------------------


def test_no_filter_lists_every_case_newest_report_first(listed: Listed) -> None:
    numbers = _numbers(listed)
    reported = {n: CASES[i][2] for i, n in enumerate(listed.numbers)}
    assert sorted(numbers) == sorted(listed.numbers)
    assert [reported[n] for n in numbers] == sorted(reported.values(), reverse=True)


@pytest.mark.parametrize(
    ("query", "positions"),
    [
        ({"statuses": frozenset({S.INVESTIGATING})}, {1, 2}),
        ({"statuses": frozenset({S.INTAKE, S.CLOSED})}, {0, 3, 4, 5}),
        ({"statuses": frozenset({S.FINDINGS})}, set()),
        ({"agency_code": "madys"}, {2, 5}),
        ({"investigator": "INES"}, {1, 4}),
        ({"investigator": "nobody"}, set()),
        ({"reported_from": D(2025, 3, 5), "reported_to": D(2025, 4, 1)}, {2, 3, 4}),
        ({"reported_from": D(2025, 4, 2)}, {5}),
        ({"reported_to": D(2025, 1, 10)}, {0}),
        ({"agency_code": "ARDHS", "statuses": frozenset({S.INTAKE})}, {0}),
    ],
)
def test_filters_narrow_the_list(
    listed: Listed, query: dict[str, Any], positions: set[int]
) -> None:
    assert set(_numbers(listed, **query)) == _by_position(listed, *positions)


def test_rows_show_investigator_subjects_and_status(listed: Listed) -> None:
    query = CaseQuery(agency_code="ARDHS", statuses=frozenset({S.INVESTIGATING}))
    [row] = list_cases(listed.db, listed.ivan, query).rows
    assert row.number == listed.numbers[1]
    assert row.investigator == "Ines Inquirer"
    assert row.subjects == ("Lee Liker", "Pat Poster")
    assert row.status is S.INVESTIGATING
    assert row.agency_code == "ARDHS"


def test_an_impossible_query_is_refused(listed: Listed) -> None:
    with pytest.raises(InvalidInput, match="ends \\(2025-01-01\\) before it starts"):
        list_cases(
            listed.db,
            listed.ivan,
            CaseQuery(reported_from=D(2025, 2, 1), reported_to=D(2025, 1, 1)),
        )
    for bad in (CaseQuery(limit=0), CaseQuery(limit=1001), CaseQuery(offset=-1)):
        with pytest.raises(InvalidInput, match="A page holds 1 to 1000 cases"):
            list_cases(listed.db, listed.ivan, bad)


def test_administrators_do_not_see_the_case_list(listed: Listed, database: Database) -> None:
    admin = accounts.authenticate(database, "admin", "correct horse battery")
    with pytest.raises(PermissionDenied):
        list_cases(database, admin, CaseQuery())


# -- sorting and paging ---------------------------------------------------------------


def _expected_order(listed: Listed, sort: CaseSort, descending: bool) -> list[str]:
    def key(position: int) -> tuple[Any, ...]:
        title, agency, reported, investigator, _, status = CASES[position]
        name = NAMES[investigator]
        value: Any = {
            CaseSort.NUMBER: listed.numbers[position],
            CaseSort.TITLE: title.lower(),
            CaseSort.AGENCY: agency,
            CaseSort.STATUS: status.value,
            # An unassigned case sorts after every investigator, as "no value" does in
            # PostgreSQL; descending is then the exact reverse.
            CaseSort.INVESTIGATOR: (name is None, name or ""),
            CaseSort.REPORTED: reported,
            CaseSort.UPDATED: 0,
        }[sort]
        return (value, position)  # case ids follow CASES order: the tie-breaker

    order = sorted(range(len(CASES)), key=key, reverse=descending)
    return [listed.numbers[p] for p in order]


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", [s for s in CaseSort if s is not CaseSort.UPDATED])
def test_sorting_by_each_column(listed: Listed, sort: CaseSort, descending: bool) -> None:
    numbers = _numbers(listed, sort=sort, descending=descending)
    assert numbers == _expected_order(listed, sort, descending)


def test_sorting_by_last_update_puts_the_latest_change_first(listed: Listed) -> None:
    newest_first = _numbers(listed, sort=CaseSort.UPDATED, descending=True)
    oldest_first = _numbers(listed, sort=CaseSort.UPDATED, descending=False)
    assert newest_first[0] == listed.last_touched
    assert newest_first[1] == listed.numbers[1]  # the other case with a note
    assert oldest_first == newest_first[::-1]
    page = list_cases(listed.db, listed.ivan, CaseQuery(sort=CaseSort.UPDATED))
    stamps = [row.updated_at for row in page.rows]
    assert stamps == sorted(stamps, reverse=True)


def test_titles_sort_regardless_of_capitals(listed: Listed) -> None:
    numbers = _numbers(listed, sort=CaseSort.TITLE, descending=False)
    assert numbers[0] == listed.numbers[4]  # "agency email ..." before "City logo ..."
    assert numbers[-1] == listed.numbers[5]  # "Zebra ..."


def test_pages_partition_the_list_and_carry_the_total(listed: Listed) -> None:
    everything = _numbers(listed, sort=CaseSort.NUMBER, descending=False)
    pages = [
        list_cases(
            listed.db,
            listed.ivan,
            CaseQuery(sort=CaseSort.NUMBER, descending=False, offset=offset, limit=4),
        )
        for offset in (0, 4, 8)
    ]
    assert [len(p.rows) for p in pages] == [4, 2, 0]
    assert [p.total for p in pages] == [6, 6, 6]
    assert [p.offset for p in pages] == [0, 4, 8]
    assert [r.number for p in pages for r in p.rows] == everything
    filtered = list_cases(listed.db, listed.ivan, CaseQuery(agency_code="ARDHS", offset=1, limit=1))
    assert (filtered.total, len(filtered.rows)) == (3, 1)


# -- text search ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "positions"),
    [
        ("screenshot", {0, 3}),  # a title, and a note
        ("screensh", {0, 3}),
        ("SCREENSHOTS", {0, 3}),
        ("tiktok", {1}),  # only in a note
        ("threatening", {1}),  # only in the narrative
        ("friend youth", {2}),  # every word must match
        ("youth zebra", set()),
        ("coworker", {0, 1}),
        ("seal", {3}),
    ],
)
def test_text_search_finds_titles_narratives_and_notes(
    listed: Listed, words: str, positions: set[int]
) -> None:
    assert set(_numbers(listed, text=words)) == _by_position(listed, *positions)


@pytest.mark.parametrize("typed", ["ha", "haras", "harass", "harassm", "harassmen", "Harassment"])
def test_text_search_finds_a_word_from_any_prefix_typed(listed: Listed, typed: str) -> None:
    # The list filters as the user types: every prefix of "Harassment" must keep the case.
    assert _numbers(listed, text=typed) == [listed.numbers[1]]


@pytest.mark.parametrize("lower", [False, True], ids=["as-shown", "lower-case"])
def test_text_search_finds_a_case_by_its_number(listed: Listed, lower: bool) -> None:
    number = listed.numbers[1]
    assert _numbers(listed, text=number.lower() if lower else number) == [number]


def test_text_search_combines_with_filters(listed: Listed) -> None:
    assert _numbers(listed, text="photo", agency_code="STLCITY") == [listed.numbers[3]]
    assert _numbers(listed, text="photo", statuses=frozenset({S.INTAKE})) == [listed.numbers[3]]


def test_punctuation_alone_searches_nothing_and_lists_everything(listed: Listed) -> None:
    assert len(_numbers(listed, text=" -- ' \" * ")) == len(CASES)


# -- status counts --------------------------------------------------------------------


def test_status_counts_ignore_the_status_filter_but_not_the_others(listed: Listed) -> None:
    counts = status_counts(
        listed.db,
        listed.ivan,
        CaseQuery(statuses=frozenset({S.CLOSED}), agency_code="ARDHS"),
    )
    assert counts == {
        S.INTAKE: 1,
        S.INVESTIGATING: 1,
        S.FINDINGS: 0,
        S.DISCIPLINE_REVIEW: 0,
        S.CLOSED: 1,
        S.REOPENED: 0,
    }
    everything = status_counts(listed.db, listed.ivan, CaseQuery())
    assert sum(everything.values()) == len(CASES)
    assert everything[S.INTAKE] == 3
    searched = status_counts(listed.db, listed.ivan, CaseQuery(text="coworker"))
    assert (searched[S.INTAKE], searched[S.INVESTIGATING]) == (1, 1)


# -- keyset pages, the investigator's sort key, counts up to a limit, cancel ------------


@pytest.mark.parametrize("sort", list(CaseSort))
def test_keyset_pages_follow_on_exactly_in_every_order(listed: Listed, sort: CaseSort) -> None:
    for descending in (False, True):
        whole = list_cases(listed.db, listed.ivan, CaseQuery(sort=sort, descending=descending))
        assert whole.next_cursor is None
        walked: list[str] = []
        query = CaseQuery(sort=sort, descending=descending, limit=4)
        while True:
            page = list_cases(listed.db, listed.ivan, query, count=False)
            assert page.total is None
            walked += [r.number for r in page.rows]
            if page.next_cursor is None:
                break
            query = dataclasses.replace(query, after=page.next_cursor)
        assert walked == [r.number for r in whole.rows]


def _answers(listed: Listed) -> list[object]:
    """Date filters with their totals, status counts, and keyset walks by date both ways."""
    answers: list[object] = []
    for dates in (
        {"reported_to": D(2025, 1, 10)},
        {"reported_to": D(2025, 3, 5)},
        {"reported_from": D(2025, 3, 5)},
        {"reported_from": D(2025, 2, 1), "reported_to": D(2025, 4, 1)},
    ):
        page = list_cases(listed.db, listed.ivan, CaseQuery(**dates))
        answers.append((dates, [r.number for r in page.rows], page.total))
        answers.append(status_counts(listed.db, listed.ivan, CaseQuery(**dates)))
    for descending, dates in ((False, {}), (True, {}), (True, {"reported_to": D(2025, 4, 1)})):
        walked: list[str] = []
        query = CaseQuery(sort=CaseSort.REPORTED, descending=descending, limit=2, **dates)
        while True:
            page = list_cases(listed.db, listed.ivan, query, count=False)
            walked += [r.number for r in page.rows]
            if page.next_cursor is None:
                break
            query = dataclasses.replace(query, after=page.next_cursor)
        answers.append(walked)
    return answers


def test_the_planner_statistics_change_no_answer(listed: Listed) -> None:
    """``ANALYZE`` (after migrations and bulk loads) changes the plans, never the rows.

    On SQLite 3.40 ``agency_id IN (SELECT ...) AND reported_on <= ?`` read
    through an index of (agency, reported date, ...) with statistics present
    returned the other agencies' later cases too: the date filters and the
    pages by date are asked for with a lower bound as well.
    """
    before = _answers(listed)
    assert before[0] == ({"reported_to": D(2025, 1, 10)}, [listed.numbers[0]], 1)
    listed.db.analyze()
    assert _answers(listed) == before


def test_the_investigator_sort_key_follows_reassignment(listed: Listed) -> None:
    def by_investigator(descending: bool = False) -> list[str | None]:
        query = CaseQuery(sort=CaseSort.INVESTIGATOR, descending=descending)
        return [r.investigator for r in list_cases(listed.db, listed.ivan, query).rows]

    ines, ivan = NAMES["ines"], NAMES["ivan"]
    assert by_investigator() == [ines, ines, ivan, ivan, ivan, None]  # unassigned last
    assert by_investigator(descending=True) == [None, ivan, ivan, ivan, ines, ines]
    unassigned = _id(listed.db, listed.ivan, listed.numbers[3])
    detail = cases.get_case(listed.db, listed.ivan, unassigned)
    cases.update_case(
        listed.db,
        listed.ivan,
        unassigned,
        dataclasses.replace(detail.fields, investigator="ines"),
        expected_version=detail.version,
    )
    assert by_investigator() == [ines, ines, ines, ivan, ivan, ivan]


def test_counts_stop_at_the_limit_unless_asked(listed: Listed) -> None:
    db, ivan = listed.db, listed.ivan
    assert count_matches(db, ivan, CaseQuery(), up_to=4) == MatchCounts(4, False, None)
    exact = count_matches(db, ivan, CaseQuery(), up_to=None)
    assert (exact.total, exact.exact) == (6, True)
    assert exact.by_status == status_counts(db, ivan, CaseQuery())
    # Few enough: exact, and by status too, the status filter applied to the total only.
    intake = CaseQuery(statuses=frozenset({S.INTAKE}))
    few = count_matches(db, ivan, intake, up_to=10)
    assert (few.total, few.exact, few.by_status) == (3, True, exact.by_status)
    assert count_matches(db, ivan, intake, up_to=2) == MatchCounts(2, False, None)
    searched = count_matches(db, ivan, CaseQuery(text="screenshots"), up_to=10)
    assert (searched.total, searched.exact) == (2, True)


#: Minutes of work unless interrupted, on either backend.
ENDLESS = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
    "WHERE i < 10000000000) SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(600)",
}


def test_a_cancelled_query_stops_in_the_database(listed: Listed) -> None:
    database = listed.db
    cancel = QueryCancel()
    outcome: list[BaseException] = []
    started = threading.Event()

    def run() -> None:
        try:
            with database.unit_of_work() as uow, cancel.watching(uow):
                started.set()
                uow.session.execute(text(ENDLESS[database.dialect])).all()
        except BaseException as error:  # noqa: BLE001 - examined below
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(10)
    time.sleep(0.2)  # let the statement reach the server
    cancel.cancel()
    worker.join(20)
    assert not worker.is_alive()
    assert [type(e) for e in outcome] == [QueryCancelled]
    # The connection goes back to the pool in working order.
    assert list_cases(database, listed.ivan, CaseQuery(limit=1)).total == 6
    with pytest.raises(QueryCancelled):
        list_cases(database, listed.ivan, CaseQuery(), cancel=cancel)  # already cancelled


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_finds_search_matches_through_the_gin_index(listed: Listed) -> None:
    query = CaseQuery(text="screenshot")
    with listed.db.unit_of_work() as uow:
        prefer_search_index(uow, query)
        for statement in (
            page_statement(uow, listed.ivan, query, plan=SearchPlan.SORT_MATCHES),
            select(func.count(Case.id)).where(
                *_conditions(uow, listed.ivan, query, with_status=False)
            ),
        ):
            sql = statement.compile(
                dialect=uow.session.get_bind().dialect, compile_kwargs={"literal_binds": True}
            )
            plan = "\n".join(uow.session.execute(text(f"EXPLAIN {sql}")).scalars())
            # Through the GIN index, or (when the user's scope is the smaller set, as in
            # this small fixture) by probing the scoped cases' documents by key: never a
            # scan unpacking every document's tsvector.
            assert "Seq Scan on case_search_documents" not in plan, plan
            assert "case_search_documents_fts" in plan or "case_search_documents_pkey" in plan, plan


def _explained(uow: Any, statement: Any) -> str:
    sql = statement.compile(
        dialect=uow.session.get_bind().dialect, compile_kwargs={"literal_binds": True}
    )
    return "\n".join(uow.session.execute(text(f"EXPLAIN {sql}")).scalars())


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_reads_a_rare_word_s_matches_from_the_gin_index_first(
    listed: Listed, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "tiktok" is in 1 of the 6 cases, "coworker" in 2: rare here, below 2 of 6.
    monkeypatch.setattr(case_search, "PG_COMMON", 2)
    with listed.db.unit_of_work() as uow:
        assert page_plan(uow, CaseQuery(text="coworker")) is SearchPlan.WALK_MATCH_LIST
    query = CaseQuery(text="tiktok")
    with listed.db.unit_of_work() as uow:
        prefer_search_index(uow, query)
        plan = page_plan(uow, query)
        assert plan is SearchPlan.SORT_MATCHES
        for statement in (
            page_statement(uow, listed.ivan, query, plan=plan),
            select(Case.status, func.count())
            .where(*_conditions(uow, listed.ivan, query, with_status=False))
            .group_by(Case.status),
        ):
            explained = _explained(uow, statement)
            # The matching ids from the GIN index, then their cases by key: neither the
            # sort index walked nor every document read.
            assert "Bitmap Index Scan on case_search_documents_fts" in explained, explained
            assert "Index Cond: (id = ANY" in explained, explained
            assert "Seq Scan on case_search_documents" not in explained, explained
            assert "ix_cases_reported" not in explained, explained
    assert _numbers(listed, text="tiktok") == [listed.numbers[1]]
    counted = count_matches(listed.db, listed.ivan, query)
    assert (counted.total, counted.exact) == (1, True)
    assert counted.by_status is not None and counted.by_status[S.INVESTIGATING] == 1


def test_status_counts_without_a_filter_keep_restrictions_and_conflicts(
    listed: Listed, make_user: MakeUser
) -> None:
    """On PostgreSQL counted per scope group (agency, restricted) from an index, then
    corrected for the restricted cases and the conflicts: the same as each case's check."""
    db = listed.db
    sue = accounts.authenticate(db, "sue", USER_PASSWORD)
    madge = make_user("madge", "Madge Madys", Role.INVESTIGATOR, agencies=("MADYS",))
    ids = [_id(db, listed.ivan, number) for number in listed.numbers]
    access.set_restriction(db, listed.ivan, ids[2], restricted=True)  # ivan's alone
    access.set_restriction(db, sue, ids[3], restricted=True, allow=["ines"])
    access.record_involvement(db, listed.ivan, ids[0], "ines", "witness")
    access.record_involvement(db, sue, ids[3], "ines", "witness")  # listed, yet conflicted
    access.record_involvement(db, sue, ids[4], "ivan", "reporter")
    access.allow_conflict(db, sue, ids[4], "ivan", "The only investigator free.")
    access.record_involvement(db, sue, ids[5], "ines", "witness")
    access.allow_conflict(db, sue, ids[5], "ines", "Saw the post only.")
    ines = accounts.authenticate(db, "ines", USER_PASSWORD)
    expected = {
        "ivan": {S.INTAKE: 2, S.INVESTIGATING: 2, S.CLOSED: 1},  # not 3
        "ines": {S.INTAKE: 1, S.INVESTIGATING: 1, S.CLOSED: 1},  # not 0, 2, 3
        "madge": {S.INTAKE: 1},  # MADYS's 5; not 2
    }
    for actor in (listed.ivan, ines, madge):
        counts = status_counts(db, actor, CaseQuery(statuses=frozenset({S.CLOSED})))
        rows = list_cases(db, actor, CaseQuery(limit=1000)).rows
        tally = {status: sum(r.status is status for r in rows) for status in CaseStatus}
        assert counts == tally, actor.username
        assert {s: n for s, n in counts.items() if n} == expected[actor.username]
    if db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM cases"))  # the visibility map an index-only scan needs
        with db.unit_of_work() as uow:
            uow.session.execute(text("SET LOCAL enable_seqscan = off"))  # six cases
            explained = _explained(uow, visible_counts_by(listed.ivan, Case.status))
        # The unrestricted cases are counted from the index alone.
        assert "Index Only Scan using ix_cases_status_scope" in explained, explained
