"""A command whose output's reader goes away (``casedesk policy list | head -1``).

The rest of the output goes nowhere, with no error and no traceback, and the
exit status is that of a process ended by SIGPIPE (141), as for other
programs in a pipeline; before, the command ended "unexpected error
(BrokenPipeError)" with status 3.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.__main__ import SIGPIPE_STATUS
from tests.e2e.conftest import INVESTIGATOR_PASSWORD, Casedesk

_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.subprocess
@pytest.mark.parametrize(
    "unbuffered",
    [False, True],
    ids=["written-at-exit", "written-by-the-command"],
)
def test_a_reader_gone_ends_the_command_quietly(sqlite_cli: Casedesk, unbuffered: bool) -> None:
    env = {**sqlite_cli._env("ivy", INVESTIGATOR_PASSWORD, None), "PYTHONPATH": str(_ROOT)}
    if unbuffered:  # every print reaches the pipe at once, inside the command
        env["PYTHONUNBUFFERED"] = "1"
    with subprocess.Popen(
        [sys.executable, "-m", "app", "policy", "list"],
        env=env, cwd=_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as child:  # fmt: skip
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()  # the reader goes before the command writes a line
        errors = child.stderr.read().decode()
        status = child.wait(timeout=120)
    assert status == SIGPIPE_STATUS, errors
    assert "Traceback" not in errors and "unexpected error" not in errors, errors
    assert "BrokenPipeError" not in errors, errors

    # The same command with its reader there prints the policies.
    listed = sqlite_cli("policy", "list", user="ivy", password=INVESTIGATOR_PASSWORD)
    assert listed.code == 0 and "ARDHS" in listed.out, listed.err
