"""The capture browser's engine: Qt WebEngine driven to capture a page, knowing no database.

Shared by the GUI's capture window (:mod:`app.ui.capture`) and the headless
``casedesk evidence capture`` (:mod:`app.cli.capture`): both hand the
:class:`~app.domain.web_capture.CapturedPage` it produces to
:mod:`app.services.capture`, which fetches the WARC and stores everything.
It imports neither the services nor the database (an import contract says
so), and is outside the layers so that the CLI and the UI may both use it.

Qt WebEngine is left out of the installable package (packaging/README.md):
:func:`available` says whether this installation has it.
"""

from __future__ import annotations

import importlib.util


def available() -> bool:
    """Whether Qt WebEngine can be imported here (it is not in the installable package)."""
    try:
        return importlib.util.find_spec("PySide6.QtWebEngineWidgets") is not None
    except (ImportError, ValueError):
        return False


NOT_AVAILABLE = (
    "The capture browser needs Qt WebEngine, which this installation of Casedesk does not "
    "include; capture from a workstation where Casedesk runs from source ('make run'), or add "
    "the page as a screenshot with its page source."
)
