"""``python -m app`` / ``casedesk``: the GUI without a command, the CLI with one.

``casedesk`` and ``casedesk --db URL --user NAME`` open the window; a command
(``casedesk case list``), ``--help`` or ``--version`` runs the command line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

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

    After a command, the process ends without the interpreter's teardown
    (:func:`_end_now`); the window and anything unusual exit as usual.
    """
    args = sys.argv[1:]
    status = main(args, process_ends=True)
    if not wants_gui(args):
        _end_now(status)
    sys.exit(status)


def _end_now(status: int) -> None:
    """End the process now, after what the interpreter's exit does that matters.

    Tearing down every module and object at exit cost a ``case list`` about
    0.1 CPU-s (SQLAlchemy's and the models' objects, freed one by one) for
    nothing: the process ends anyway. So: the standard streams are flushed
    (a failure, such as a closed pipe, is left to the interpreter's own exit,
    which reports it as before), the ``atexit`` functions run (logging's
    shutdown, finalizers such as temporary directories', thread pools'
    joins), and the process ends with ``status``. Returns without ending it
    while a non-daemon thread still runs (the interpreter waits for those).
    """
    import atexit
    import threading

    main_thread = threading.main_thread()
    if any(t is not main_thread and not t.daemon for t in threading.enumerate()):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: the ordinary exit reports it
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status)


if __name__ == "__main__":
    entry()
