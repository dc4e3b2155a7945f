"""The capture browser's engine: Qt WebEngine driven to capture a page, knowing no database.

Shared by the GUI's capture window (:mod:`app.ui.capture`) and the headless
``casedesk evidence capture`` (:mod:`app.cli.capture`): both hand the
:class:`~app.domain.web_capture.CapturedPage` it produces to
:mod:`app.services.capture`, which writes the WARC of the traffic its
recording proxy (:mod:`app.webcapture.proxy`) kept and stores everything.
It imports neither the services nor the database (an import contract says
so), and is outside the layers so that the CLI and the UI may both use it.

Qt WebEngine comes with PySide6-Addons, a dependency, and ships in the
installable package (packaging/README.md).
"""
