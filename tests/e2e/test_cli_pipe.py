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


#: Which broken pipe is the output's: a pipe of the command's own (a child's, a
#: socket's) that breaks is an unexpected error, not a reader gone.
_WHICH_PIPE = """
import os, sys
from app.cli import _output_reader_gone
seen = [_output_reader_gone()]  # standard output: the test's pipe, still read
read, write = os.pipe()
os.close(read)
os.dup2(write, 1)  # standard output now a pipe whose reader has gone
seen.append(_output_reader_gone())
sys.stderr.write(repr(seen))
"""


def test_only_a_broken_standard_output_counts_as_the_reader_gone() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WHICH_PIPE],
        capture_output=True, text=True, cwd=_ROOT, timeout=60, check=False,
    )  # fmt: skip
    assert done.stderr == "[False, True]"


def test_another_pipe_breaking_is_an_unexpected_error(
    sqlite_cli: Casedesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.cli import catalog

    def broken(_ctx: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")  # e.g. writing to a child process

    monkeypatch.setattr(catalog, "cmd_policy_list", broken)
    result = sqlite_cli("policy", "list", user="ivy", password=INVESTIGATOR_PASSWORD)
    assert result.code == 3
    assert "unexpected error (BrokenPipeError)" in result.err


def test_an_error_while_the_services_load_is_an_unexpected_error_not_a_traceback(
    sqlite_cli: Casedesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before the command runs: the services' modules load and the command's context is
    # made. An error there (a module failing to import, say) is said and logged as any
    # other, with status 3, instead of a traceback out of the program.
    from app.cli import context

    def failing(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("deadlock detected by _ModuleLock('argon2')")

    monkeypatch.setattr(context.Context, "__init__", failing)
    result = sqlite_cli("policy", "list", user="ivy", password=INVESTIGATOR_PASSWORD)
    assert result.code == 3
    assert "casedesk: unexpected error (RuntimeError); nothing was changed" in result.err
    assert "Traceback" not in result.err
