"""``casedesk evidence capture`` killed with SIGKILL mid-capture leaves nothing half-stored.

The real command runs in a child process against the fixture server; the
page's lazily loaded image is asked for when the capture lays the page out at
its full height, and held: the capture waits for the browser's last response
before writing the WARC, after the browser has grabbed the page and before
anything is stored. The process (and the browser's helper processes, in its
own session) is killed there: no item, part, capture, log line or blob is
left, and the audit chain still verifies.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.e2e.conftest import ADMIN_PASSWORD, INVESTIGATOR_PASSWORD, Casedesk
from tests.webfixtures import Fixtures, serve

pytestmark = pytest.mark.subprocess

IVY = {"user": "ivy", "password": INVESTIGATOR_PASSWORD}
TABLES = ("evidence_items", "evidence_parts", "web_captures", "capture_log", "evidence_blobs")


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Fixtures]:
    with serve(tmp_path) as fixtures:
        yield fixtures


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                    for t in TABLES}  # fmt: skip
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_capture_killed_midway_stores_nothing(cli: Casedesk, web: Fixtures) -> None:
    created = cli("case", "new", "--agency", "ARDHS", "--title", "Kill test",
                  "--reported", "2026-03-02", "--json", **IVY)  # fmt: skip
    assert created.code == 0, created.err
    case = json.loads(created.out)["number"]
    before = _counts(cli.url)
    env = dict(cli.env, CASEDESK_USER="ivy", CASEDESK_PASSWORD=INVESTIGATOR_PASSWORD,
               QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "evidence", "capture", case, f"{web.http}/held"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        assert web.held_requested.wait(90), process.stderr.read() if process.stderr else ""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)
        if process.stderr:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    assert _counts(cli.url) == before
    verified = cli("audit", "verify", user="admin", password=ADMIN_PASSWORD)
    assert verified.code == 0, verified.err
