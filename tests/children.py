"""Child processes run by the tests: a hung child says where it hung.

A child that outlives its time-out is sent SIGABRT first. The child's
``faulthandler`` (on through ``PYTHONFAULTHANDLER``) then writes the stack of
every thread to its standard error before it dies, and the test fails with
that text, not with a bare ``TimeoutExpired`` that shows the first lines only.
"""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Mapping, Sequence

import pytest

#: Seconds a child has to die after SIGABRT before it is killed.
_ABORT_GRACE = 10


def run(
    command: Sequence[str], *, env: Mapping[str, str], timeout: float,
    input: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:  # fmt: skip
    """``subprocess.run(command, capture_output=True)``; a time-out fails the test
    with the child's stacks and everything it wrote."""
    child_env = dict(env, PYTHONFAULTHANDLER="1")
    with subprocess.Popen(
        list(command), env=child_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
    ) as process:  # fmt: skip
        try:
            out, err = process.communicate(input, timeout=timeout)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)
            try:
                out, err = process.communicate(timeout=_ABORT_GRACE)
            except subprocess.TimeoutExpired:
                process.kill()
                out, err = process.communicate()
            pytest.fail(
                f"{command[2:]!r} still ran after {timeout} s; it was aborted.\n"
                f"--- standard error (the stacks of its threads at the end) ---\n"
                f"{err.decode('utf-8', 'replace')}\n"
                f"--- standard output ---\n{out.decode('utf-8', 'replace')[-4000:]}",
                pytrace=False,
            )
        return subprocess.CompletedProcess(process.args, process.returncode, out, err)
