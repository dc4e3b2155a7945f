"""The command line starts light: ``--help`` loads no services, a command only its own.

Figures are in BENCHMARKS.md; these tests check what is imported, not how
long it takes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import COMMANDS, build_parser, command_word

#: Libraries a help text or an unrelated command must not pay for.
HEAVY = ("sqlalchemy", "alembic", "mako", "reportlab", "PIL", "argon2")


def _loaded_after(argv: list[str]) -> tuple[int, set[str]]:
    """Run ``casedesk argv`` in a fresh interpreter; its exit status and top-level modules."""
    probe = (
        "import json, sys\n"
        "from app.__main__ import main\n"
        "try:\n"
        f"    status = main({argv!r})\n"
        "except SystemExit as done:\n"
        "    status = done.code\n"
        "sys.stderr.write(json.dumps([status, sorted({m.split('.')[0] for m in sys.modules})]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    status, modules = json.loads(done.stderr.splitlines()[-1])
    return status, set(modules)


@pytest.mark.parametrize(
    "argv", [["--help"], ["--version"], ["case", "--help"], ["evidence", "add", "--help"]]
)
def test_help_loads_none_of_the_heavy_libraries(argv: list[str]) -> None:
    status, modules = _loaded_after(argv)
    assert status == 0
    if argv == ["case", "--help"]:
        # The case commands need the database layer, but not reports or images.
        assert not modules & {"alembic", "mako", "reportlab", "PIL"}
    else:
        assert not modules & set(HEAVY)


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, str]:
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {a.dest: a.help or "" for a in action._choices_actions}


def test_declared_commands_match_what_the_modules_register() -> None:
    declared = {c.name: c.help for c in COMMANDS}
    assert _subcommands(build_parser()) == declared
    # Built for one command, the parser still offers (and lists) every command.
    assert _subcommands(build_parser(["case", "list"])) == declared


def test_a_command_gets_its_full_options_and_handler() -> None:
    args = build_parser(["--db", "x.sqlite3", "case", "list"]).parse_args(
        ["--db", "x.sqlite3", "case", "list", "--status", "intake"]
    )
    assert args.status == ["intake"]
    assert callable(args.handler)


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["--db", "case", "case", "list"], "case"),
        (["--user=ann", "report", "--help"], "report"),
        (["--db", "x", "--user", "y"], None),
        (["--", "case"], None),
        (["--version"], None),
    ],
)
def test_command_word_skips_the_global_options_and_their_values(
    argv: list[str], word: str | None
) -> None:
    assert command_word(argv) == word


#: Work still going on when a command returns, then the process's end (``app.__main__.end``).
_ENDING = """
import atexit, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from app.__main__ import end

folder = Path(sys.argv[1])
def slow(name):
    time.sleep(0.2)
    (folder / name).write_text("done")
pool = ThreadPoolExecutor(max_workers=2)
pool.submit(slow, "pooled")
pool.submit(lambda: None)  # an idle worker stays: it must be told to stop, not waited on forever
threading.Thread(target=slow, args=("thread",)).start()
atexit.register(lambda: (folder / "atexit").write_text("ran"))
sys.stdout.write("x" * 200_000)  # more than the pipe holds: flushed as the process ends
end(5)
"""


def test_the_command_line_ends_after_its_threads_exit_functions_and_output(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _ENDING, str(tmp_path)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 5, done.stderr
    assert done.stdout == "x" * 200_000
    assert done.stderr == ""
    for name in ("pooled", "thread"):
        assert (tmp_path / name).read_text() == "done"
    assert (tmp_path / "atexit").read_text() == "ran"


#: A command's end, with or without a Qt application alive (a web capture makes one).
_QT_ENDING = """
import os, sys
if sys.argv[2] == "qt":
    from PySide6.QtCore import QCoreApplication
    qt_app = QCoreApplication([])
sys.argv = ["casedesk", "--db", sys.argv[1], "case", "list"]
import app.__main__ as program

def ended(status):
    os.write(2, b"ended without the interpreter's own exit\\n")
    os._exit(status)

program.end = ended
program.entry()
"""


@pytest.mark.parametrize(("qt", "fast_end"), [("qt", False), ("none", True)])
def test_a_command_that_ran_qt_ends_as_qt_expects(tmp_path: Path, qt: str, fast_end: bool) -> None:
    missing = tmp_path / "none" / "x.sqlite3"
    done = subprocess.run(
        [sys.executable, "-c", _QT_ENDING, str(missing), qt],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "There is no Casedesk database" in done.stderr
    # With Qt running, the interpreter's own exit, which destroys Qt's objects in order.
    assert ("ended without the interpreter's own exit" in done.stderr) is fast_end
