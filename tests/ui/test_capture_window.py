"""The capture browser and a web capture in the viewer, on real widgets and a real browser.

The investigator opens "Capture from the web…" on a demo case, browses to the
fixture post served on 127.0.0.1, fills in what the intake dialog asks and
presses Capture: the post is in the case's evidence, the visit in its
capture log, and the viewer shows the full page with the capture's tabs.
With ``CASEDESK_SCREENSHOTS=FOLDER`` the test also saves the capture window
and the viewer as PNGs there (docs/screenshots).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QListWidget, QPlainTextEdit

from app.domain.cases import CaseStatus
from app.services import evidence
from app.services.capture.details import capture_log, read_part
from app.services.evidence.export import export_case_bundle
from app.services.recovery import DraftEntry
from app.ui.capture.window import CaptureWindow
from app.ui.evidence.viewer import EvidenceViewer
from app.ui.idle import IdleWatcher
from tests.webfixtures import LONG_HEIGHT, POST_TEXT, Fixtures, serve


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Fixtures]:
    with serve(tmp_path) as fixtures:
        yield fixtures


def _save(widget, name: str, browser=None) -> None:  # type: ignore[no-untyped-def]
    """Save ``widget`` as a PNG, with the browser's page painted in (a grab leaves it blank)."""
    folder = os.environ.get("CASEDESK_SCREENSHOTS")
    if not folder:
        return
    image = widget.grab()
    if browser is not None:
        painter = QPainter(image)
        painter.drawPixmap(browser.mapTo(widget, QPoint(0, 0)), browser.grab())
        painter.end()
    image.save(str(Path(folder) / f"{name}.png"))


def _shows_header(image) -> bool:  # type: ignore[no-untyped-def]
    return any(image.pixelColor(10, y).name() == "#3b5998" for y in range(0, 60, 2))


def test_capturing_the_post_from_the_window_and_viewing_it(
    workspace_for, open_view, find_case, qtbot, settle, web: Fixtures, tmp_path: Path, request
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    before = len(evidence.list_evidence(ivy.database, ivy.actor, detail.id))
    # The idle lock watches input as in the application: with its filter on every object
    # of the application, the browser crashed the process as it opened (app/ui/idle.py).
    idle = IdleWatcher(QApplication.instance(), 15)
    request.addfinalizer(idle.stop)
    view = open_view(ivy, detail.id)
    assert view.evidence is not None
    tab = view.evidence
    view.tabs.setCurrentWidget(tab)
    settle(ivy)
    assert tab.web_button.isVisible()
    qtbot.mouseClick(tab.web_button, Qt.MouseButton.LeftButton)
    window = tab.capture_window
    assert isinstance(window, CaptureWindow)
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.windowHandle() is not None)
    # No messaging or friending is offered (MA DYS B.2.a): the window has no such action.
    names = " ".join(b.text() for b in window.findChildren(type(window.capture_button)))
    assert "message" not in names.lower() and "friend" not in names.lower()

    with qtbot.waitSignal(window.view.loadFinished, timeout=30_000):
        window.load(f"{web.http}/post")
    window.platform.setText("FakeBook")
    window.account.setText("@jordan.doe")
    window.description.setPlainText("The post the reporter described.")
    settle(ivy)
    qtbot.waitUntil(lambda: window.log.count() >= 1)
    # The page shows in the window (its header bar is FakeBook blue somewhere at the top).
    qtbot.waitUntil(lambda: _shows_header(window.view.grab().toImage()), timeout=15_000)
    _save(window, "capture-browser", window.view)
    # The details typed are work the window (and the application's close) asks about.
    assert window.unrecorded() == ["the details typed in the capture browser of " + detail.number]
    # ... and are kept against a crash, each under its label.
    assert window.recoverable() == [
        DraftEntry(
            "The details typed in the capture browser of " + detail.number,
            "Platform:\nFakeBook\n\nAccount shown:\n@jordan.doe\n\n"
            "Description:\nThe post the reporter described.",
            detail.id,
        )
    ]
    with qtbot.waitSignal(window.captured, timeout=60_000) as stored:
        qtbot.mouseClick(window.capture_button, Qt.MouseButton.LeftButton)
    info = stored.args[0]
    settle(ivy)
    assert window.unrecorded() == [] and window.recoverable() == []  # recorded with it
    assert "Captured as evidence item" in window.status.text()
    items = evidence.list_evidence(ivy.database, ivy.actor, detail.id)
    assert len(items) == before + 1 and items[-1].source_url == f"{web.http}/post"
    assert items[-1].platform == "FakeBook" and items[-1].captured_by == ivy.actor.full_name
    log = capture_log(ivy.database, ivy.actor, detail.id)
    assert [line.event for line in log].count("visit") >= 1
    assert log[-1].event == "capture" and log[-1].item_id == info.id

    # A long page is scrolled and stitched in the window: the picture is as tall as the page.
    with qtbot.waitSignal(window.view.loadFinished, timeout=30_000):
        window.load(f"{web.http}/long")
    with qtbot.waitSignal(window.captured, timeout=60_000) as stored_long:
        qtbot.mouseClick(window.capture_button, Qt.MouseButton.LeftButton)
    settle(ivy)
    long_item = stored_long.args[0]
    assert long_item.height == LONG_HEIGHT
    _part, png = read_part(ivy.database, ivy.actor, long_item.id, "viewport")
    assert QImage.fromData(png).height() < LONG_HEIGHT
    full, _data = evidence.read_evidence(ivy.database, ivy.actor, long_item.id, purpose="view")
    bottom = QImage.fromData(_data).pixelColor(5, LONG_HEIGHT - 40)
    assert bottom.blue() > bottom.red()  # the page's dark-blue end, not a blank stretch
    window.close()
    qtbot.waitUntil(lambda: tab.capture_window is None)

    # The viewer: the full page first, then the capture's tabs.
    qtbot.waitUntil(lambda: any(i.id == info.id for i in tab.model.items), timeout=10_000)
    settle(ivy)
    row = next(r for r, i in enumerate(tab.model.items) if i.id == info.id)
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    viewer = tab.viewer
    assert isinstance(viewer, EvidenceViewer)
    qtbot.waitSignal(viewer.opened, timeout=10_000).wait()
    qtbot.waitUntil(lambda: viewer.tabs.count() == 5, timeout=10_000)
    settle(ivy)
    titles = [viewer.tabs.tabText(i) for i in range(viewer.tabs.count())]
    assert titles == ["Full page", "Viewport", "Headers and certificate", "Capture log",
                      "Offline replay"]  # fmt: skip
    headers = viewer.findChild(QPlainTextEdit, "captureHeaders")
    assert "X-Fixture-Server: casedesk-tests" in headers.toPlainText()
    # The WARC is the window's own traffic, kept by its recording proxy (not a second fetch).
    assert "WARC from:         the capture browser's own traffic" in headers.toPlainText()
    assert "none (the page was not served over HTTPS)" in headers.toPlainText()
    assert viewer.findChild(QListWidget, "captureLogList").count() >= 2
    _save(viewer, "evidence-viewer-web-capture")
    replay = viewer.tabs.widget(4)
    viewer.tabs.setCurrentIndex(4)
    texts: list[str] = []
    qtbot.waitUntil(lambda: replay.page().toPlainText(texts.append) or POST_TEXT in "".join(texts),
                    timeout=15_000)  # fmt: skip
    _save(viewer, "evidence-viewer-web-replay", replay)
    viewer.tabs.setCurrentIndex(2)
    _save(viewer, "evidence-viewer-web-headers")
    viewer.close()

    # The case's bundle holds the capture; its verifier and sha256sum -c both pass.
    bundle = export_case_bundle(ivy.database, ivy.actor, detail.id, tmp_path / "case.zip")
    folder = tmp_path / "case"
    with zipfile.ZipFile(bundle.path) as archive:
        archive.extractall(folder)
        assert any(name.endswith(".warc.gz") for name in archive.namelist())
    for command in ([sys.executable, "verify.py"], ["sha256sum", "--quiet", "-c", "SHA256SUMS"]):
        checked = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=60)
        assert checked.returncode == 0, checked.stdout + checked.stderr
