"""The SQLite search index's vocabulary, for expanding a typed prefix into its terms.

``case_search_terms`` is an ``fts5vocab`` table of kind ``instance`` over the
``case_search`` index (migration 0001): one row per occurrence, in term
order, so ``WHERE term >= :x LIMIT 1`` is one seek to the next term. (The
``row`` kind counts each term's documents first, reading a common term's
whole doclist.) It holds no data of its own, so it is created in each
connection's ``temp`` schema rather than by a migration; a query on it
fails only where ``case_search`` does not exist yet.
"""

from __future__ import annotations

from typing import Any

TERMS_TABLE = "temp.case_search_terms"


def create_terms_table(cursor: Any) -> None:
    """Create :data:`TERMS_TABLE` on a new SQLite connection (a DB-API cursor, autocommit)."""
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TERMS_TABLE} "
        "USING fts5vocab(main, case_search, instance)"
    )
