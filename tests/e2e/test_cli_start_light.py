"""What a ``case list`` loads: the core models alone, no PostgreSQL dialect on SQLite.

Start-up time is measured by ``benchmarks/cli.py`` (BENCHMARKS.md); this
checks what the command imports, in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.db import models
from tests.e2e.conftest import INVESTIGATOR_PASSWORD, Casedesk

_ROOT = Path(__file__).resolve().parents[2]

_LOADED_AFTER = """
import json, sys
from app.__main__ import main
status = main(sys.argv[1:])
sys.stderr.write("\\n" + json.dumps([status, sorted(sys.modules)]))
"""


@pytest.mark.subprocess
def test_case_list_loads_the_core_models_alone_and_no_postgresql_dialect(
    sqlite_cli: Casedesk,
) -> None:
    env = sqlite_cli._env("ivy", INVESTIGATOR_PASSWORD, None)
    done = subprocess.run(
        [sys.executable, "-c", _LOADED_AFTER, "case", "list", "--limit", "5"],
        env={**env, "PYTHONPATH": str(_ROOT)}, capture_output=True, text=True, cwd=_ROOT,
        timeout=120, check=False,
    )  # fmt: skip
    status, loaded = json.loads(done.stderr.splitlines()[-1])
    assert status == 0, done.stderr
    assert "0 of 0 cases shown" in done.stdout
    model_modules = {m.rsplit(".", 1)[1] for m in loaded if m.startswith("app.db.models.")}
    assert model_modules <= models.CORE
    assert "sqlalchemy.dialects.postgresql" not in loaded
