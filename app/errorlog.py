"""The log file for unexpected errors, shared by the CLI and the GUI.

Users see one line saying what happened and where the details are; the
traceback goes here, for whoever supports them.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.config import log_dir

_LOGGER = "casedesk"


def log_path() -> Path:
    """The log file in the user log folder."""
    return log_dir() / "casedesk.log"


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
            path.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
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
