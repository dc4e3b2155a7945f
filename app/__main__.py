"""``python -m app`` / ``casedesk``: the GUI without a command, the CLI with one.

``casedesk`` and ``casedesk --db URL --user NAME`` open the window; a command
(``casedesk case list``), ``--help`` or ``--version`` runs the command line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

#: The exit status when the output's reader has gone: 128 + SIGPIPE, as a shell reports it.
SIGPIPE_STATUS = 141
#: Options the window understands; anything else belongs to the command line.
_GUI_OPTIONS = ("--db", "--user")


def wants_gui(args: Sequence[str]) -> bool:
    """Whether ``args`` hold only the window's options (and their values)."""
    expect_value = False
    for arg in args:
        if expect_value:
            expect_value = False
        elif arg in _GUI_OPTIONS:
            expect_value = True
        elif not arg.startswith(tuple(f"{o}=" for o in _GUI_OPTIONS)):
            return False
    return True


def main(argv: Sequence[str] | None = None, *, process_ends: bool = False) -> int:
    """Run the window or a command; return the exit status.

    ``process_ends``: the process ends after the command (:func:`entry`), so
    the objects of its start may be frozen out of the garbage collector's
    reach (see :func:`app.cli.run`).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_gui(args):
        from app.ui.app import run_gui

        return run_gui(args)
    from app.cli import run

    return run(args, process_ends=process_ends)


def entry() -> None:
    """The ``casedesk`` program (console script, ``python -m app``, the bundle's launcher).

    The process ends after the command, so what start-up made is frozen out
    of the garbage collector's reach (:func:`app.cli.run`); that also spares
    the interpreter's exit a collection over all of it.
    """
    if wants_gui(sys.argv[1:]):
        sys.exit(main(sys.argv[1:]))  # the window's objects are taken apart as Qt expects
    try:
        status = main(sys.argv[1:], process_ends=True)
        sys.stdout.flush()
    except BrokenPipeError:
        # The output's reader has gone (``casedesk policy list | head``): the rest
        # goes nowhere, with no error, and the status is that of a process ended by
        # SIGPIPE, as for other programs in a pipeline.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = SIGPIPE_STATUS
    qt = sys.modules.get("PySide6.QtCore")
    if qt is not None and qt.QCoreApplication.instance() is not None:
        # A command that ran Qt (a web capture's browser profile, saved as Qt ends).
        sys.exit(status)
    end(status)


def end(status: int) -> None:
    """End the process with ``status`` as the interpreter would, without taking it apart.

    What Python's own exit does that matters is done in its order: the
    threads are waited for (a thread pool's idle workers are told to stop),
    the ``atexit`` functions run (the log's handlers are closed among them) and
    the output is flushed. What is skipped is tearing down every module and
    collecting the objects of the whole start-up, 15-30 ms of every command
    that frees nothing the operating system does not free at once.
    """
    import atexit
    import threading

    threading._shutdown()  # type: ignore[attr-defined]  # the interpreter's first step at exit
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader gone or a stream closed: nothing more can be said there
    os._exit(status)


if __name__ == "__main__":
    entry()
