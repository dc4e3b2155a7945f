"""The log file for unexpected errors, shared by the CLI and the GUI.

Users see one line saying what happened and where the details are; the
traceback goes here, for whoever supports them.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import APP_NAME, log_dir
from app.privatefiles import private_dir, private_file

if TYPE_CHECKING:
    import logging.handlers

_LOGGER = "casedesk"


def log_path() -> Path:
    """The log file in the user log folder."""
    return log_dir() / "casedesk.log"


@functools.cache
def _private_rotating_handler() -> type[logging.handlers.RotatingFileHandler]:
    """A rotating log whose every file (also after a rollover) is created 0600.

    Defined at first use: ``logging.handlers`` (with ``socket`` and ``pickle``)
    loads only when something is logged.
    """
    import logging.handlers

    class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]  # typeshed: -> TextIOWrapper
            private_file(Path(self.baseFilename))
            return super()._open()

    return _PrivateRotatingFileHandler


def setup_logging() -> logging.Logger:
    """A logger writing to the rotating log file in the user log folder."""
    logger = logging.getLogger(_LOGGER)
    path = log_path()
    current = [h for h in logger.handlers if getattr(h, "baseFilename", None) == str(path)]
    if not current:
        # First use, or the user log folder moved (a test's own home).
        for old in list(logger.handlers):
            logger.removeHandler(old)
            old.close()
        try:
            if path.parent.parent.name == APP_NAME:  # ~/.local/state/casedesk/log
                private_dir(path.parent.parent)
            private_dir(path.parent)
            handler: logging.Handler = _private_rotating_handler()(
                path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def log_unexpected(error: BaseException) -> Path:
    """Write ``error`` with its traceback to the log; return the log's path."""
    setup_logging().error("unexpected error", exc_info=error)
    for handler in logging.getLogger(_LOGGER).handlers:
        handler.flush()
    return log_path()


def log_notice(message: str) -> None:
    """Write a warning (a file that was readable by others and was tightened) to the log."""
    setup_logging().warning(message)
