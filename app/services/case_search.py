"""The case list's text search: the condition a search adds, and how a page finds its matches.

A typed word matches every indexed word it starts ("screensh" finds
"screenshot"). Both databases can answer such a prefix, but FTS5 answers it
by merging the doclists of every matching term before it returns a row: at
1,000,000 cases a common word costs 44-137 ms before the first match, and a
per-case check repeats that merge for every case. So on SQLite a typed word
is first expanded into the few indexed terms it starts (a seek per term in
the index's vocabulary, ``case_search_terms``), and the search asks for those
exact terms, whose doclists stream and can be probed for one case id.

A page sorted by a column then finds its rows in one of three ways
(:class:`SearchPlan`), chosen by the share of cases that match, estimated
from the newest few thousand cases' documents (a bounded read whatever the
word):

* few matches: fetch them all and sort them;
* many: walk the sort column's index and probe each case's document (a few
  hundred probes fill a page of a common word);
* in between, or when a word has too many terms to probe: walk the sort
  index against the list of matching ids, read once.

Every plan yields the same rows in the same order; only the cost differs.

On PostgreSQL the planner orders the work itself, but it misjudges a word
its statistics do not know (it walked the sort index through all 100,000
cases for a word in 15 of them). So a search there is written one of two
ways: for few matches, the matching ids are read from the GIN index first
and their cases fetched and sorted; otherwise the planner walks the sort
index. Which one is decided per unit of work from the newest documents
(:func:`postgresql_plan`).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, TextClause, false, text

from app.db import search as search_index
from app.db.engine import UnitOfWork
from app.db.models import Case
from app.db.search import TERMS_TABLE

_WORD = re.compile(r"\w+", re.UNICODE)
#: What a user types to find a case by number: "ARDHS-2026", "ardhs-2026-00".
_NUMBER_PREFIX = re.compile(r"^[A-Za-z]{2,12}-\d{4}(-\d*)?$")
#: Words whose indexed form is the typed form: FTS5's tokenizer folds only
#: ASCII capitals for these (no diacritics, no separators such as "_").
_PLAIN = re.compile(r"^[a-z0-9]+$")

#: A typed word expanding to more terms than this is searched as a prefix.
TERMS_MAX = 64
#: A per-case probe reads each term's doclist; above this many terms it is not tried.
PROBE_TERMS_MAX = 8
#: How many of the newest cases' documents the match rate is estimated from.
SAMPLE = 4000

# Costs per row in microseconds, measured on the benchmark files at 100,000
# and 1,000,000 cases (SQLite 3.40, a loaded machine; see BENCHMARKS.md):
# fetching a match's case and sorting it; reading a match's id into the list;
# walking one case of the sort index; probing one case's document for one
# term: a seek in the term's doclist (7-21 us with the index in one segment,
# less when the walk goes up the ids), plus one per segment of the index
# (75-130 us a probe of two terms with the 15 segments a bulk load left;
# app/db/search.py keeps them few).
_SORT_COST = 3.0
_LIST_COST = 0.25
_WALK_COST = 1.0
_SEEK_COST = 14.0
_SEGMENT_COST = 4.0

# PostgreSQL 15, measured at 100,000 cases (see BENCHMARKS.md): fetching and
# sorting a match costs about 15 us (the GIN index, the case by key, its
# scope); walking the sort index about 18 us per case (its document probed).
#: PostgreSQL: how many of the newest documents are read to judge a word.
PG_SAMPLE = 300
#: PostgreSQL: a word in this many of them (5 %) is common: the sort index is walked.
PG_COMMON = 15
#: PostgreSQL: at most this many matches are fetched from the GIN index and sorted.
PG_FEW_MATCHES = 2000


class SearchPlan(enum.Enum):
    """How a sorted page of a text search finds its rows."""

    #: Fetch every match, then sort: for a rare word.
    SORT_MATCHES = "sort matches"
    #: Walk the sort index, checking each case against the match list read once.
    WALK_MATCH_LIST = "walk against the match list"
    #: Walk the sort index, probing each case's document: for a common word.
    WALK_PROBING = "walk probing each case"


@dataclass(frozen=True, slots=True)
class TextSearch:
    """What the typed text searches for, ready for one database's search index."""

    #: A case-number prefix ("ARDHS-2026-00"), upper-cased; else None.
    number: str | None = None
    #: The FTS5 MATCH expression or PostgreSQL tsquery; None when nothing can match.
    match: str | None = None
    #: The exact terms a per-case probe reads; 0 when a word stayed a prefix.
    terms: int = 0


def _prefix(word: str) -> str:
    """The prefix a typed word is matched by: a plural's final "s" dropped.

    Words are indexed unstemmed so that partial words match while typing;
    dropping the plural "s" lets "screenshots" find "screenshot" too.
    """
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


#: The indexed terms a prefix starts, in order: one seek in the vocabulary per term.
_EXPAND = text(
    f"""
    WITH RECURSIVE found(term, n) AS (
        SELECT (SELECT term FROM {TERMS_TABLE} WHERE term >= :prefix LIMIT 1), 1
        UNION ALL
        SELECT (SELECT term FROM {TERMS_TABLE} WHERE term >= found.term || char(1) LIMIT 1),
               n + 1
        FROM found
        WHERE substr(found.term, 1, length(:prefix)) = :prefix AND n <= :most
    )
    SELECT term FROM found WHERE substr(term, 1, length(:prefix)) = :prefix
    """
)


def _terms(uow: UnitOfWork, prefix: str) -> list[str] | None:
    """The indexed terms starting with ``prefix``; None if there are too many to list."""
    rows = uow.session.execute(_EXPAND, {"prefix": prefix, "most": TERMS_MAX}).scalars().all()
    terms = [str(t) for t in rows]
    return None if len(terms) > TERMS_MAX else terms


def parse(uow: UnitOfWork, typed: str) -> TextSearch | None:
    """What ``typed`` searches for; None when it searches nothing (no word in it).

    Kept for the unit of work: the page, the plan and the counts read it.
    """
    cache: dict[str, TextSearch | None] = uow.session.info.setdefault("case_search", {})
    if typed not in cache:
        cache[typed] = _parse(uow, typed)
    return cache[typed]


def _parse(uow: UnitOfWork, typed: str) -> TextSearch | None:
    stripped = typed.strip()
    if _NUMBER_PREFIX.match(stripped):
        return TextSearch(number=stripped.upper())
    words = [_prefix(w) for w in _WORD.findall(typed.lower())]
    if not words:
        return None
    if uow.dialect == "postgresql":
        # Every word as a prefix; the words are \w+ only, so no operators.
        return TextSearch(match=" & ".join(f"{w}:*" for w in words))
    parts: list[str] = []
    probed = 0
    for word in words:
        terms = _terms(uow, word) if _PLAIN.match(word) else None
        if terms is None:
            # Not plain (FTS5 folds or splits it), or too many terms: a prefix query.
            parts.append(_quoted(word) + "*")
            probed = -TERMS_MAX
        elif not terms:
            return TextSearch()  # a word no case holds: nothing matches
        else:
            parts.append("(" + " OR ".join(_quoted(t) for t in terms) + ")")
            probed += len(terms)
    return TextSearch(match=" AND ".join(parts), terms=max(probed, 0))


def condition(
    uow: UnitOfWork, search: TextSearch, plan: SearchPlan | None = None
) -> ColumnElement[bool] | TextClause:
    """The condition over ``Case`` that a case matches ``search``, in the form ``plan`` needs.

    Without a plan: on SQLite the form for :attr:`SearchPlan.SORT_MATCHES`, on
    PostgreSQL the form its estimate chooses (:func:`postgresql_plan`). The
    expressions match the full-text indexes of migration 0001 exactly.
    """
    if search.number is not None:
        return Case.number.startswith(search.number, autoescape=True)
    if search.match is None:
        return false()
    if uow.dialect == "postgresql":
        if (plan or postgresql_plan(uow, search)) is SearchPlan.SORT_MATCHES:
            # The few matching ids first, from the GIN index (an InitPlan); their
            # cases are then fetched by key, never found by walking the sort index.
            return text(
                "cases.id = ANY(ARRAY(SELECT case_id FROM case_search_documents "
                "WHERE search_vector @@ to_tsquery('simple', :fts_query)))"
            ).bindparams(fts_query=search.match)
        # Many matches: PostgreSQL's planner turns this into a semi-join and, for a
        # page of a common word, walks the sort index probing each case's document
        # by key (with fresh statistics: see Database.analyze).
        return text(
            "cases.id IN (SELECT case_id FROM case_search_documents "
            "WHERE search_vector @@ to_tsquery('simple', :fts_query))"
        ).bindparams(fts_query=search.match)
    plan = plan or SearchPlan.SORT_MATCHES
    if plan is SearchPlan.WALK_PROBING and search.terms:
        # FTS5 seeks the case id in each term's doclist.
        return text(
            "EXISTS (SELECT 1 FROM case_search WHERE case_search MATCH :fts_query "
            "AND case_search.rowid = cases.id)"
        ).bindparams(fts_query=search.match)
    # Walking the sort index, the unary + keeps SQLite from driving the query by
    # the matches' ids: the list is read once and each case looked up in it.
    plus = "" if plan is SearchPlan.SORT_MATCHES else "+"
    return text(
        f"{plus}cases.id IN (SELECT rowid FROM case_search WHERE case_search MATCH :fts_query)"
    ).bindparams(fts_query=search.match)


def match_rate(uow: UnitOfWork, search: TextSearch) -> tuple[float, int]:
    """The share of the newest :data:`SAMPLE` cases that match, and the number of cases.

    The estimate reads a bounded slice of the index whatever the word (FTS5
    seeks a rowid range within each term's doclist), never every match of a
    common word. SQLite only.
    """
    newest = int(uow.session.scalar(text("SELECT max(id) FROM cases")) or 0)
    if search.match is None or newest == 0:
        return 0.0, newest
    found = uow.session.scalar(
        text(
            "SELECT count(*) FROM case_search WHERE case_search MATCH :fts_query AND rowid > :since"
        ),
        {"fts_query": search.match, "since": newest - SAMPLE},
    )
    return int(found or 0) / min(SAMPLE, newest), newest


def choose_plan(uow: UnitOfWork, search: TextSearch | None, rows: int) -> SearchPlan:
    """The cheapest plan for a page of ``rows`` rows, by the estimated match rate.

    Costs: sorting the matches grows with their number; walking the sort
    index against the match list reads every match's id once, then walks
    ``rows / rate`` cases; probing walks as many cases and probes each.
    """
    if search is None or search.number is not None or search.match is None:
        return SearchPlan.SORT_MATCHES
    if uow.dialect == "postgresql":
        return postgresql_plan(uow, search)
    rate, cases = match_rate(uow, search)
    return cheapest_plan(rate, cases, rows, search.terms, search_index.segments(uow.session))


#: How many of the newest documents match, read no further than ``enough`` matches.
_PG_SAMPLED = text(
    "SELECT count(*) FROM (SELECT 1 FROM (SELECT search_vector FROM case_search_documents "
    "ORDER BY case_id DESC LIMIT :sample) AS newest "
    "WHERE search_vector @@ to_tsquery('simple', :fts_query) LIMIT :enough) AS found"
)
#: The matches in the GIN index, counted no further than ``enough``.
_PG_COUNTED = text(
    "SELECT count(*) FROM (SELECT 1 FROM case_search_documents "
    "WHERE search_vector @@ to_tsquery('simple', :fts_query) LIMIT :enough) AS found"
)


def postgresql_plan(uow: UnitOfWork, search: TextSearch) -> SearchPlan:
    """PostgreSQL: :attr:`SearchPlan.SORT_MATCHES` for at most :data:`PG_FEW_MATCHES`
    matches, else :attr:`SearchPlan.WALK_MATCH_LIST` (its planner's semi-join).

    Counting the matches in the GIN index costs its whole bitmap (30-100 ms for
    a common word at 100,000 cases), so the newest :data:`PG_SAMPLE` documents
    are read first, up to :data:`PG_COMMON` matches (0.1 ms for a common word,
    1-2 ms for a rare one): a word that common fills a page within about
    2,000 cases of the sort index, and is not counted. Another word is counted
    in the index up to the limit (well under a millisecond for a rare one), so
    a word common only in older cases is not fetched and sorted whole. Kept
    for the unit of work.
    """
    assert search.match is not None
    cache: dict[str, SearchPlan] = uow.session.info.setdefault("case_search_pg_plan", {})
    if search.match not in cache:
        plan = SearchPlan.WALK_MATCH_LIST
        found = uow.session.scalar(
            _PG_SAMPLED, {"fts_query": search.match, "sample": PG_SAMPLE, "enough": PG_COMMON}
        )
        if int(found or 0) < PG_COMMON:
            counted = uow.session.scalar(
                _PG_COUNTED, {"fts_query": search.match, "enough": PG_FEW_MATCHES + 1}
            )
            if int(counted or 0) <= PG_FEW_MATCHES:
                plan = SearchPlan.SORT_MATCHES
        cache[search.match] = plan
    return cache[search.match]


def cheapest_plan(rate: float, cases: int, rows: int, terms: int, segments: int = 1) -> SearchPlan:
    """The plan of least estimated cost for ``rows`` rows when ``rate`` of ``cases`` match.

    ``terms``: how many exact terms a per-case probe reads (0: none, a word is
    a prefix); ``segments``: how many segments of the index each term seeks.
    """
    if rate <= 0.0:
        return SearchPlan.SORT_MATCHES
    matches = rate * cases
    walked = min(rows / rate, cases)
    costs = {
        SearchPlan.SORT_MATCHES: matches * _SORT_COST,
        SearchPlan.WALK_MATCH_LIST: matches * _LIST_COST + walked * _WALK_COST,
    }
    if 0 < terms <= PROBE_TERMS_MAX:
        probe = terms * (_SEEK_COST + _SEGMENT_COST * max(segments, 1))
        costs[SearchPlan.WALK_PROBING] = walked * (_WALK_COST + probe)
    return min(costs, key=lambda plan: costs[plan])
