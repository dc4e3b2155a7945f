"""The SQLite search index (``case_search``, FTS5): its vocabulary, and keeping it compact.

``case_search_terms`` is an ``fts5vocab`` table of kind ``instance`` over the
``case_search`` index (migration 0001): one row per occurrence, in term
order, so ``WHERE term >= :x LIMIT 1`` is one seek to the next term. (The
``row`` kind counts each term's documents first, reading a common term's
whole doclist.) It holds no data of its own, so it is created in each
connection's ``temp`` schema rather than by a migration; a query on it
fails only where ``case_search`` does not exist yet.

**Segments.** FTS5 keeps its index as a set of b-trees ("segments"): every
transaction that changes a case's document writes a new small one. FTS5
merges four to a level on its own (``automerge``), but for small writes
only once every 64 pages written, or when a level reaches 16
(``crisismerge``); ordinary use left 10-25 segments, a bulk load of
1,000,000 cases 15. A search reads every segment: probing one case's
document for a word seeks each of them (75-130 us a probe with 15, 8 us
with one). The policy, in one place:

* after a bulk load (the demo, the benchmark files; migration 0020 once),
  the index is rewritten as one segment: :func:`optimize_index`;
* a writing unit of work that finds :data:`SEGMENTS_MAX` segments or more
  (its own is written at its commit) runs one bounded merge step before it
  commits (:func:`keep_compact`, under the write lock it holds already),
  so a write never waits for a whole merge: at most 4.4 CPU-ms in 1,500 writes to a copy of the
  100,000-case file, which kept 5 segments on average (12.8 without);
* closing the database runs such steps until the index is back to
  :data:`SEGMENTS_MAX` or :data:`CLOSE_BUDGET_S` is spent (:func:`compact`).

A step is FTS5's ``merge`` command with a positive page count; migration
0020 set ``usermerge`` to 2, so it merges any level holding two segments,
the fullest level first. (A negative page count, which merges every segment
into one, left the index "malformed" in the same trial of 1,500 writes on
SQLite 3.40.1; it is not used.)
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

TERMS_TABLE = "temp.case_search_terms"
#: Segments the index may hold before a write merges some of them.
SEGMENTS_MAX = 4
#: The pages of merge work a writing unit of work does at most (about 0.4 MB, a few ms).
MERGE_PAGES = 64
#: How long closing the database may spend merging.
CLOSE_BUDGET_S = 0.25

#: The FTS5 structure record: the list of segments, level by level.
_STRUCTURE = "SELECT block FROM case_search_data WHERE id = 10"
#: What follows the cookie of a structure record in the format of SQLite 3.43 on.
_STRUCTURE_V2 = b"\xff\x00\x00\x01"


def create_terms_table(cursor: Any) -> None:
    """Create :data:`TERMS_TABLE` on a new SQLite connection (a DB-API cursor, autocommit)."""
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TERMS_TABLE} "
        "USING fts5vocab(main, case_search, instance)"
    )


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's variable-length integer at ``at``: its value and where the next one starts."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def segments_in(structure: bytes | None) -> int:
    """How many segments an FTS5 structure record lists (its second number)."""
    if not structure:
        return 0
    at = 8 if structure[4:8] == _STRUCTURE_V2 else 4  # after the cookie
    _levels, at = _varint(structure, at)
    count, _at = _varint(structure, at)
    return count


def _structure(connection: Connection | Session) -> bytes | None:
    block = connection.execute(text(_STRUCTURE)).scalar()
    return bytes(block) if block else None


def segments(connection: Connection | Session) -> int:
    """How many segments the search index holds now (0 while it is empty).

    ``connection``: a SQLAlchemy connection or session on a SQLite database.
    """
    return segments_in(_structure(connection))


def optimize_index(connection: Connection | Session) -> None:
    """Rewrite the search index as one segment (after a bulk load; the caller commits)."""
    connection.execute(text("INSERT INTO case_search(case_search) VALUES ('optimize')"))


def merge_step(connection: Connection | Session, pages: int = MERGE_PAGES) -> None:
    """Merge up to ``pages`` pages of the index's smaller segments (the caller commits)."""
    connection.execute(
        text("INSERT INTO case_search(case_search, rank) VALUES ('merge', :pages)"),
        {"pages": int(pages)},
    )


def keep_compact(connection: Connection | Session) -> bool:
    """In a writing transaction: one bounded merge step if the index has too many segments.

    Returns whether it tried. Reading the count is one row by its key. A
    database without the index yet (before its migrations) is left alone.
    """
    try:
        count = segments(connection)
    except OperationalError:
        return False  # no case_search_data table
    # The write's own segment, if it changed a document, is written at its
    # commit (FTS5 keeps it in memory until then; a merge step writes it first).
    if count < SEGMENTS_MAX:
        return False
    merge_step(connection)
    return True


def compact(connection: Connection | Session, budget_s: float = CLOSE_BUDGET_S) -> int:
    """Merge step by step, each committed, down to :data:`SEGMENTS_MAX` or for ``budget_s``.

    ``connection``: a SQLAlchemy connection outside a transaction. Returns the
    segments left. Stops early once a step changes nothing (the segments left
    are each alone on their level: FTS5 merges a level, not two).
    """
    started = time.monotonic()
    before = _structure(connection)
    connection.commit()
    while segments_in(before) > SEGMENTS_MAX and time.monotonic() - started < budget_s:
        merge_step(connection)
        after = _structure(connection)
        connection.commit()
        if after == before:
            break
        before = after
    return segments_in(before)
