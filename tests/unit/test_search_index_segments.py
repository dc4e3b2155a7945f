"""The SQLite search index stays in a few segments, and searches find the same cases.

FTS5 writes a new segment for every transaction that changes a case's
document; a search seeks every segment. ``app/db/search.py`` merges them: a
bounded step in a write that finds more than ``SEGMENTS_MAX``, more steps
when the database closes, one segment after a bulk load. Each test writes
through the services on a real SQLite file and reads the count from FTS5's
own structure record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import text

from app.db import search
from app.domain.actor import Actor
from app.domain.permissions import Role
from app.services import cases
from app.services.case_queries import CaseQuery, CaseSort, list_cases
from app.services.cases import CaseFields
from app.services.database import Database

MakeUser = Callable[..., Actor]

# The policy is SQLite's: PostgreSQL's GIN index has no segments.
sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])

WRITES = 48
#: What is searched: words in every note, in some, in one; a prefix; a title word.
SEARCHES = ["screenshot", "posted", "tiktok", "word7", "word3", "scr", "logo"]


def _segments(db: Database) -> int:
    with db.engine.connect() as connection:
        return search.segments(connection)


def _found(db: Database, actor: Actor) -> dict[str, list[str]]:
    """Every search's case numbers, newest first (the list's default order)."""
    found = {}
    for typed in SEARCHES:
        query = CaseQuery(text=typed, sort=CaseSort.REPORTED, descending=True, limit=100)
        found[typed] = [row.number for row in list_cases(db, actor, query, count=False).rows]
    return found


def _intact(db: Database) -> None:
    """FTS5's own check of the index against the documents (raises if they differ)."""
    with db.engine.connect() as connection:
        connection.execute(text("INSERT INTO case_search(case_search) VALUES ('integrity-check')"))


def _write_notes(db: Database, actor: Actor, case_ids: list[int]) -> list[int]:
    """One note per unit of work, as users add them; the segment count after each."""
    counts = []
    for n in range(WRITES):
        platform = "TikTok" if n % 3 == 0 else "Facebook"
        body = f"Screenshot of the {platform} post word{n % 10} kept on file."
        if n % 4 == 0:
            body += " Posted again later."
        cases.add_note(db, actor, case_ids[n % len(case_ids)], body)
        counts.append(_segments(db))
    return counts


def _expected(case_numbers: list[str]) -> dict[str, list[str]]:
    """What each search must find, from the notes and titles written (newest first)."""
    n_cases = len(case_numbers)
    holders: dict[str, set[int]] = {typed: set() for typed in SEARCHES}
    for n in range(WRITES):
        at = n % n_cases
        holders["screenshot"].add(at)
        holders["scr"].add(at)
        if n % 3 == 0:
            holders["tiktok"].add(at)
        if n % 4 == 0:
            holders["posted"].add(at)
        holders[f"word{n % 10}"] = holders.get(f"word{n % 10}", set()) | {at}
    holders["logo"] = {i for i in range(n_cases) if i % 2 == 0}
    return {
        typed: [case_numbers[i] for i in sorted(holders[typed], reverse=True)] for typed in SEARCHES
    }


@pytest.fixture
def filed(database: Database, make_user: MakeUser) -> tuple[Actor, list[int], list[str]]:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    ids, numbers = [], []
    for day in range(8):
        title = "City logo on a profile" if day % 2 == 0 else "Friend requests"
        case = cases.create_case(
            database,
            ivan,
            CaseFields(agency_code="ARDHS", title=title, reported_on=dt.date(2025, 3, 1 + day)),
        )
        ids.append(case.id)
        numbers.append(case.number)
    return ivan, ids, numbers


@sqlite_only
def test_writes_keep_the_index_to_a_few_segments(
    database: Database, filed: tuple[Actor, list[int], list[str]]
) -> None:
    ivan, ids, numbers = filed
    counts = _write_notes(database, ivan, ids)
    # A write finding more than SEGMENTS_MAX merges before it commits (the
    # merge writes the write's own segment first): this small index is merged whole.
    assert max(counts) <= search.SEGMENTS_MAX, counts
    assert _found(database, ivan) == _expected(numbers)
    _intact(database)


@sqlite_only
def test_without_the_merges_the_same_writes_leave_many_segments(
    database: Database,
    filed: tuple[Actor, list[int], list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The control: FTS5's own merging alone (four segments to a level) lets them pile up."""
    ivan, ids, numbers = filed
    monkeypatch.setattr(search, "SEGMENTS_MAX", 1_000)
    counts = _write_notes(database, ivan, ids)
    assert max(counts) > 10, counts  # FTS5 merges only every 64 pages written
    # Closing merges them, in bounded steps, with the ordinary limit.
    monkeypatch.setattr(search, "SEGMENTS_MAX", 4)
    before = _found(database, ivan)
    assert before == _expected(numbers)
    with database.engine.connect() as connection:
        left = search.compact(connection, budget_s=30)
    assert left <= search.SEGMENTS_MAX + 1 and left == _segments(database)
    assert left < max(counts) - 4
    assert _found(database, ivan) == before
    _intact(database)


@sqlite_only
def test_a_bulk_load_leaves_one_segment_and_the_same_answers(
    database: Database,
    filed: tuple[Actor, list[int], list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ivan, ids, numbers = filed
    monkeypatch.setattr(search, "SEGMENTS_MAX", 1_000)
    _write_notes(database, ivan, ids)
    assert _segments(database) > 2
    database.analyze()  # what the demo and the benchmark loads end with
    assert _segments(database) == 1
    assert _found(database, ivan) == _expected(numbers)
    _intact(database)


@sqlite_only
def test_the_merges_take_levels_of_two(database: Database) -> None:
    """Migration 0020 set ``usermerge`` to 2, so a merge step takes any level holding two."""
    with database.engine.connect() as connection:
        usermerge = connection.execute(
            text("SELECT v FROM case_search_config WHERE k = 'usermerge'")
        ).scalar()
    assert usermerge == 2


def test_the_segment_count_is_read_from_either_structure_format() -> None:
    # Cookie, then levels and segments (SQLite before 3.43) ...
    assert search.segments_in(b"\x00\x00\x00\x07" + bytes([3, 5, 0x81, 0x00])) == 5
    # ... or the version-2 marker first (3.43 on); two-byte varints read whole.
    v2 = b"\x00\x00\x00\x07\xff\x00\x00\x01" + bytes([0x02, 0x81, 0x05, 9])
    assert search.segments_in(v2) == 133
    assert search.segments_in(None) == 0
