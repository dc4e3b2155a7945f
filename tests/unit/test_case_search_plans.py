"""The case list's text search plans: every plan yields the same rows in the same order.

A page of a search finds its rows by sorting the matches, by walking the sort
index against the match list, or by walking it and probing each case's
document (:mod:`app.services.case_search`); which one runs depends on how
common the word is. Here each plan is forced on a small database and its
rows compared with the list the service returns, on both backends: every
sort and direction, common and rare words, prefixes, keyset pages, the
access scope and the agency filter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from app.domain.actor import Actor
from app.domain.permissions import Role
from app.services import access, case_search, cases
from app.services.case_counts import MatchCounts, count_matches
from app.services.case_queries import (
    CaseQuery,
    CaseSort,
    PageCursor,
    list_cases,
    page_plan,
    page_statement,
    prefer_search_index,
)
from app.services.case_search import SearchPlan, TextSearch, cheapest_plan
from app.services.cases import CaseFields
from app.services.database import Database

MakeUser = Callable[..., Actor]

#: title, agency, narrative, note (None: none).
CASES = [
    ("Screenshot of a client file", "ARDHS", "Coworker forwarded the post.", None),
    ("Harassment of a coworker", "ARDHS", "Threatening comments.", "Screenshots of the TikTok."),
    ("Friend requests to youth", "MADYS", "Accepted friend requests.", "Screenshot kept."),
    ("City logo on a profile", "STLCITY", "Uniform photo with the seal.", "Screenshot saved."),
    ("Email used as a login", "ARDHS", "Screenshot of the login page.", "Café owner's post."),
    ("Zebra emoji posts", "MADYS", "Posting during a shift.", "Screened by the supervisor."),
    ("Scheduled posts", "ARDHS", "Screenshot of a scheduled post.", None),
]

#: What is searched: a common word (a plural), a short prefix, two words, and a
#: word FTS5 folds (its diacritic).
SEARCHES = ["screenshots", "sc", "screenshot post", "café"]


@dataclasses.dataclass
class Searched:
    db: Database
    ivan: Actor
    ardie: Actor  # ARDHS only, and not on the restricted case's access list
    numbers: list[str]


@pytest.fixture
def searched(database: Database, make_user: MakeUser) -> Searched:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    ardie = make_user("ardie", "Ardie Analyst", Role.INVESTIGATOR, agencies=("ARDHS",))
    numbers = []
    for day, (title, agency, narrative, note) in enumerate(CASES):
        case = cases.create_case(
            database,
            ivan,
            CaseFields(
                agency_code=agency,
                title=title,
                # Two cases share a date, so the id breaks the tie.
                reported_on=dt.date(2025, 3, 1 + min(day, 5)),
                narrative=narrative,
                investigator="ivan" if day % 2 else None,
            ),
        )
        if note:
            cases.add_note(database, ivan, case.id, note)
        numbers.append(case.number)
    # ARDHS's first case is restricted to ivan: ardie may not see it.
    first = cases.case_id_of(database, ivan, numbers[0])
    access.set_restriction(database, ivan, first, restricted=True, allow=["ivan"])
    return Searched(database, ivan, ardie, numbers)


def _planned(s: Searched, actor: Actor, query: CaseQuery, plan: SearchPlan) -> list[str]:
    """Every row of ``query`` under ``plan``, page by page through keyset cursors."""
    numbers: list[str] = []
    with s.db.unit_of_work() as uow:
        prefer_search_index(uow, query)
        while True:
            rows = uow.session.execute(page_statement(uow, actor, query, plan=plan)).all()
            numbers += [r[1] for r in rows[: query.limit]]
            if len(rows) <= query.limit:
                return numbers
            last = rows[query.limit - 1]
            query = dataclasses.replace(query, after=PageCursor(last[8], last[0]))


def test_every_plan_lists_the_same_rows_in_the_same_order(searched: Searched) -> None:
    compared = 0
    # PostgreSQL writes two forms: the matches from the GIN index first, or its planner's
    # semi-join (both walking plans).
    plans = list(SearchPlan)
    if searched.db.dialect == "postgresql":
        plans = [SearchPlan.SORT_MATCHES, SearchPlan.WALK_MATCH_LIST]
    seen_by = [(searched.ivan, None), (searched.ardie, None), (searched.ivan, "ARDHS")]
    for n, (actor, agency) in enumerate(seen_by):
        for typed in SEARCHES:
            for m, sort in enumerate(CaseSort):
                # Each sort both ways, across the searches (fewer queries).
                for descending in {(n + m) % 2 == 0, typed == "sc"}:
                    query = CaseQuery(
                        text=typed, sort=sort, descending=descending, agency_code=agency, limit=3
                    )
                    page = list_cases(searched.db, actor, dataclasses.replace(query, limit=100))
                    whole = [r.number for r in page.rows]
                    for plan in plans:
                        found = _planned(searched, actor, query, plan)
                        assert found == whole, (typed, sort, descending, plan)
                    compared += bool(whole)
    assert compared > 60  # most searches find something


#: Typed, then the cases found by ivan (every agency) and by ardie (ARDHS, not the restricted).
FOUND = [
    ("screenshot", {0, 1, 2, 3, 4, 6}, {1, 4, 6}),  # titles, narratives, notes, plurals
    ("scre", {0, 1, 2, 3, 4, 5, 6}, {1, 4, 6}),  # "screened" too
    ("sc", {0, 1, 2, 3, 4, 5, 6}, {1, 4, 6}),  # and "scheduled"
    ("screenshot post", {0, 4, 6}, {4, 6}),
    ("café", {4}, {4}),
    ("caf", {4}, {4}),
    ("quetzal", set(), set()),
]


def test_search_finds_words_from_any_prefix_within_the_scope(searched: Searched) -> None:
    for typed, positions, ardie_positions in FOUND:
        for actor, expected in ((searched.ivan, positions), (searched.ardie, ardie_positions)):
            for plan in SearchPlan:
                found = set(_planned(searched, actor, CaseQuery(text=typed, limit=3), plan))
                assert found == {searched.numbers[p] for p in expected}, (typed, actor, plan)
            counted = count_matches(searched.db, actor, CaseQuery(text=typed), up_to=2)
            assert counted.total == min(len(expected), 2), typed
            assert counted.exact is (len(expected) <= 2), typed


def test_a_typed_prefix_becomes_its_exact_terms(searched: Searched) -> None:
    with searched.db.unit_of_work() as uow:
        scre = case_search.parse(uow, "scre")
        nothing = case_search.parse(uow, "quetzal")
        folded = case_search.parse(uow, "Café")
        number = case_search.parse(uow, "ardhs-2026-0")
        blank = case_search.parse(uow, " -- ")
    assert number == TextSearch(number="ARDHS-2026-0")
    assert blank is None
    if searched.db.dialect == "sqlite":
        # The terms of the index that start with it, exactly: each can be probed per case.
        assert scre == TextSearch(match='("screened" OR "screenshot" OR "screenshots")', terms=3)
        # Not plain ASCII: FTS5 folds it itself, so it stays a prefix query.
        assert folded == TextSearch(match='"café"*', terms=0)
        assert nothing == TextSearch()  # no case holds it: nothing to search
    else:
        assert scre == TextSearch(match="scre:*")
        assert nothing == TextSearch(match="quetzal:*")
        assert folded == TextSearch(match="café:*")


def test_a_prefix_with_too_many_terms_stays_a_prefix_query(
    searched: Searched, monkeypatch: pytest.MonkeyPatch
) -> None:
    if searched.db.dialect != "sqlite":
        pytest.skip("PostgreSQL always searches a prefix")
    monkeypatch.setattr(case_search, "TERMS_MAX", 2)
    with searched.db.unit_of_work() as uow:
        assert case_search.parse(uow, "scre") == TextSearch(match='"scre"*', terms=0)
        # A prefix query is never probed per case (FTS5 would merge its terms per probe).
        assert case_search.choose_plan(uow, case_search.parse(uow, "scre"), 201) in {
            SearchPlan.SORT_MATCHES,
            SearchPlan.WALK_MATCH_LIST,
        }
    query = CaseQuery(text="scre")
    assert len(list_cases(searched.db, searched.ivan, query).rows) == len(CASES)


def test_the_plan_follows_the_share_of_cases_that_match(searched: Searched) -> None:
    million = 1_000_000
    # A common word: probing a few hundred cases beats reading 570,000 matches.
    assert cheapest_plan(0.57, million, 201, terms=1) is SearchPlan.WALK_PROBING
    # Too many terms to probe: the match list, read once, still beats sorting.
    assert cheapest_plan(0.57, million, 201, terms=20) is SearchPlan.WALK_MATCH_LIST
    assert cheapest_plan(0.57, million, 201, terms=0) is SearchPlan.WALK_MATCH_LIST
    # Rare words: fetch and sort the few matches.
    assert cheapest_plan(0.0005, million, 201, terms=1) is SearchPlan.SORT_MATCHES
    assert cheapest_plan(0.0, million, 201, terms=1) is SearchPlan.SORT_MATCHES
    # This small database: the estimate from its documents ("screenshot", "screenshots").
    with searched.db.unit_of_work() as uow:
        planned = page_plan(uow, CaseQuery(text="screenshot", limit=100))
        if searched.db.dialect == "sqlite":
            rate, total = case_search.match_rate(uow, case_search.parse(uow, "screenshot"))
            assert (rate, total) == (pytest.approx(6 / 7), 7)
            assert planned is cheapest_plan(rate, total, 101, terms=2)
        else:
            # Few matches in all (6): read from the GIN index and sorted.
            assert planned is SearchPlan.SORT_MATCHES
            assert page_plan(uow, CaseQuery(text="quetzal")) is SearchPlan.SORT_MATCHES


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_sorts_a_word_rare_among_the_newest_only_if_the_index_finds_it_rare(
    searched: Searched, monkeypatch: pytest.MonkeyPatch
) -> None:
    def plan(typed: str) -> SearchPlan:
        with searched.db.unit_of_work() as uow:
            prefer_search_index(uow, CaseQuery(text=typed))
            search = case_search.parse(uow, typed)
            assert search is not None
            return case_search.postgresql_plan(uow, search)

    # Common among the newest documents: walked, whatever the index holds.
    monkeypatch.setattr(case_search, "PG_COMMON", 5)
    assert plan("screenshot") is SearchPlan.WALK_MATCH_LIST  # in 6 of the newest 7
    assert plan("café") is SearchPlan.SORT_MATCHES  # in 1 of them
    monkeypatch.setattr(case_search, "PG_SAMPLE", 3)
    assert plan("screenshot") is SearchPlan.SORT_MATCHES  # in 2 of the newest 3; 6 in all
    # Rare among the newest, but more matches in the index than are sorted.
    monkeypatch.setattr(case_search, "PG_FEW_MATCHES", 5)
    assert plan("screenshot") is SearchPlan.WALK_MATCH_LIST
    # Either way the list is the same.
    query = CaseQuery(text="screenshot", sort=CaseSort.TITLE, limit=100)
    walked = [r.number for r in list_cases(searched.db, searched.ivan, query).rows]
    monkeypatch.setattr(case_search, "PG_FEW_MATCHES", 2000)
    assert [r.number for r in list_cases(searched.db, searched.ivan, query).rows] == walked
    assert len(walked) == 6


def test_counts_up_to_a_limit_keep_the_scope_and_the_filters(searched: Searched) -> None:
    db, ivan, ardie = searched.db, searched.ivan, searched.ardie
    common = CaseQuery(text="screenshot")
    assert count_matches(db, ivan, common, up_to=3) == MatchCounts(3, False, None)
    exact = count_matches(db, ivan, common, up_to=10)
    assert (exact.total, exact.exact) == (6, True)
    assert count_matches(db, ardie, common, up_to=10).total == 3
    assert count_matches(db, ivan, dataclasses.replace(common, agency_code="MADYS")).total == 1
    assert count_matches(db, ivan, CaseQuery(text="quetzal")).total == 0
