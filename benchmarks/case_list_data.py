"""The case-list benchmark databases: 100,000 and 1,000,000 cases, built once.

They live outside the repository (``~/.cache/casedesk-bench/``, or
``$CASEDESK_BENCH_CACHE``), so a checkout, CI and ``git clean`` never build
or delete them: the 1,000,000-case file takes minutes to build and about
2 GB of disk. Notes are one per case and the audit log is short: the case
list reads neither (the notes' words are in the search index).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from benchmarks import generate

CACHE_DIR = Path(
    os.environ.get("CASEDESK_BENCH_CACHE") or Path.home() / ".cache" / "casedesk-bench"
)

CASES_100K = generate.Size(100_000, 100_000, 10_000, employees=2_000)
CASES_1M = generate.Size(1_000_000, 1_000_000, 10_000, employees=20_000)
SIZES = {"100k": CASES_100K, "1m": CASES_1M}


def cached(size: generate.Size, *, regenerate: bool = False) -> Path:
    """The SQLite file for ``size`` under :data:`CACHE_DIR`, generated if missing."""
    path, _info = generate.cached_sqlite(size, regenerate=regenerate, directory=CACHE_DIR)
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.case_list_data [100k|1m]...``: build the cached files."""
    for name in argv if argv is not None else sys.argv[1:] or list(SIZES):
        print(cached(SIZES[name.lower()]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
