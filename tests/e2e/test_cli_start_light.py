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
from tests import provenance
from tests.e2e.conftest import ADMIN_PASSWORD, INVESTIGATOR_PASSWORD, Casedesk

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


@pytest.mark.subprocess
def test_evidence_add_loads_no_authorization_or_credential_request_services(
    sqlite_cli: Casedesk,
) -> None:
    """Linking evidence checks its record through the models; the record services (their
    lists and rules) load only where the intake form lists the records to link."""
    created = sqlite_cli(
        "case", "new", "--agency", "ARDHS", "--title", "Posted a client photo",
        "--reported", "2026-03-02", "--json", user="ivy", password=INVESTIGATOR_PASSWORD,
    )  # fmt: skip
    assert created.code == 0, created.err
    number = json.loads(created.out)["number"]
    env = sqlite_cli._env("ivy", INVESTIGATOR_PASSWORD, None)
    done = subprocess.run(
        [sys.executable, "-c", _LOADED_AFTER, "evidence", "add", number,
         str(_ROOT / "tests" / "data" / "good.png"), *provenance.CLI_OPTIONS],
        env={**env, "PYTHONPATH": str(_ROOT)}, capture_output=True, text=True, cwd=_ROOT,
        timeout=120, check=False,
    )  # fmt: skip
    status, loaded = json.loads(done.stderr.splitlines()[-1])
    assert status == 0, done.stderr
    assert "Added good.png" in done.stdout
    assert "app.services.evidence.store" in loaded  # the module that stores it, loaded
    assert "app.services.authorizations" not in loaded
    assert "app.services.credential_requests" not in loaded


def test_an_in_process_command_leaves_the_garbage_collector_as_it_was(sqlite_cli: Casedesk) -> None:
    import gc

    frozen = gc.get_freeze_count()
    done = sqlite_cli("case", "list", user="ivy", password=INVESTIGATOR_PASSWORD)
    assert done.code == 0, done.err
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen  # nothing of the test process frozen


_GC_AFTER = """
import gc, json, sys
from app.cli import run
status = run(sys.argv[1:], process_ends=True)
sys.stderr.write("\\n" + json.dumps([status, gc.isenabled(), gc.get_freeze_count()]))
"""


@pytest.mark.subprocess
def test_a_command_in_its_own_process_freezes_what_start_up_made(sqlite_cli: Casedesk) -> None:
    env = {**sqlite_cli._env("ivy", INVESTIGATOR_PASSWORD, None), "PYTHONPATH": str(_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _GC_AFTER, "case", "list"], env=env,
        capture_output=True, text=True, cwd=_ROOT, timeout=120, check=False,
    )  # fmt: skip
    status, enabled, frozen = json.loads(done.stderr.splitlines()[-1])
    assert status == 0, done.stderr
    assert not enabled  # the process ends: no collection over what the command made
    assert frozen > 10_000  # SQLAlchemy's and the models' objects, out of the collector's reach


#: ``casedesk`` as installed (the console script's ``entry``), with an ``atexit`` function.
_ENTRY = """
import atexit, gc, sys
atexit.register(lambda: sys.stderr.write("frozen %d\\n" % gc.get_freeze_count()))
sys.argv = ["casedesk", *sys.argv[1:]]
from app.__main__ import entry
entry()
"""


@pytest.mark.subprocess
def test_the_installed_command_ends_with_its_status_and_its_whole_output(
    sqlite_cli: Casedesk, tmp_path: Path
) -> None:
    env = {**sqlite_cli._env("ivy", INVESTIGATOR_PASSWORD, None), "PYTHONPATH": str(_ROOT)}
    listed = subprocess.run(
        [sys.executable, "-c", _ENTRY, "case", "list", "--json"], env=env,
        capture_output=True, text=True, cwd=_ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == {"total": 0, "offset": 0, "cases": []}
    assert int(listed.stderr.rsplit("frozen ", 1)[1]) > 10_000
    missing = tmp_path / "none" / "x.sqlite3"
    refused = subprocess.run(
        [sys.executable, "-c", _ENTRY, "--db", str(missing), "case", "list"], env=env,
        capture_output=True, text=True, cwd=_ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert refused.returncode == 2
    assert f"There is no Casedesk database at {missing}" in refused.stderr


#: The installed command, reporting at its last ``atexit`` function which of the
#: modules it never uses were left unloaded (``app.deferredmodules``).
_ENTRY_DEFERRED = """
import atexit, json, sys
def report():
    from app.deferredmodules import UNUSED_BY_COMMANDS, is_deferred
    sys.stderr.write("\\n" + json.dumps({n: is_deferred(n) for n, *_ in UNUSED_BY_COMMANDS}))
atexit.register(report)
sys.argv = ["casedesk", *sys.argv[1:]]
from app.__main__ import entry
entry()
"""


@pytest.mark.subprocess
def test_the_installed_case_list_signs_in_and_lists_without_what_it_never_uses(
    cli: Casedesk,
) -> None:
    from sqlalchemy import create_engine, text

    env = {**cli._env("ivy", INVESTIGATOR_PASSWORD, None), "PYTHONPATH": str(_ROOT)}
    listed = subprocess.run(
        [sys.executable, "-c", _ENTRY_DEFERRED, "case", "list", "--json"], env=env,
        capture_output=True, text=True, cwd=_ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == {"total": 0, "offset": 0, "cases": []}
    deferred = json.loads(listed.stderr.splitlines()[-1])
    if cli.url.startswith("sqlite"):
        assert deferred == {"importlib.metadata": True, "asyncio": True, "ipaddress": True}
    # The sign-in was recorded, chained to the event before it.
    engine = create_engine(cli.url)
    with engine.connect() as connection:
        last = connection.execute(
            text("SELECT actor, action FROM audit_events ORDER BY seq DESC LIMIT 1")
        ).one()
    engine.dispose()
    assert tuple(last) == ("ivy", "user.login")
    verified = cli("audit", "verify", user="admin", password=ADMIN_PASSWORD)
    assert verified.code == 0, verified.err
