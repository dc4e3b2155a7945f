"""``casedesk evidence add`` killed with SIGKILL mid-import leaves whole items only.

Forty generated screenshots are imported by a real subprocess; once a few
items are in the database the process is killed. Every item left must be
whole (its bytes hash to its SHA-256, its ``evidence.add`` event is there,
the audit chain verifies), and running the same command again adds the rest
and skips what is there.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from tests import provenance
from tests.e2e.conftest import ADMIN_PASSWORD, INVESTIGATOR_PASSWORD, Casedesk

pytestmark = pytest.mark.subprocess

IVY = {"user": "ivy", "password": INVESTIGATOR_PASSWORD}
FILES = 40
#: Items that must be in before the kill (few, so the kill lands mid-import).
KILL_AFTER = 3


def _screenshots(folder: Path) -> list[Path]:
    """Forty distinct PNGs, noisy enough that each takes a moment to check and store."""
    rng = random.Random(4)
    paths = []
    for n in range(FILES):
        image = Image.frombytes("RGB", (900, 600), rng.randbytes(900 * 600 * 3))
        path = folder / f"shot-{n:02d}.png"
        image.save(path, format="PNG", compress_level=1)
        paths.append(path)
    return paths


def _query(url: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.execute(text(sql), params)]
    finally:
        engine.dispose()


def _item_count(url: str) -> int:
    return int(_query(url, "SELECT count(*) FROM evidence_items")[0][0])  # type: ignore[call-overload]


def test_a_killed_import_leaves_whole_items_and_a_rerun_adds_the_rest(
    cli: Casedesk, tmp_path: Path
) -> None:
    created = cli("case", "new", "--agency", "ARDHS", "--title", "Kill test",
                  "--reported", "2026-03-02", "--json", **IVY)  # fmt: skip
    assert created.code == 0, created.err
    case = json.loads(created.out)["number"]
    shots = tmp_path / "shots"
    shots.mkdir()
    paths = [str(p) for p in _screenshots(shots)]

    env = dict(cli.env, CASEDESK_USER="ivy", CASEDESK_PASSWORD=INVESTIGATOR_PASSWORD)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "evidence", "add", case, *paths, *provenance.CLI_OPTIONS],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    try:
        while _item_count(cli.url) < KILL_AFTER:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the import did not start within 120 s"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
        if process.stderr is not None:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    present = _item_count(cli.url)
    assert KILL_AFTER <= present < FILES, f"{present} items: the kill did not land mid-import"
    rows = _query(
        cli.url,
        "SELECT i.id, i.sha256, i.size, i.original_filename, b.data FROM evidence_items i "
        "JOIN evidence_blobs b ON b.sha256 = i.sha256 ORDER BY i.id",
    )
    assert len(rows) == present
    added_events = {
        str(r[0])
        for r in _query(cli.url, "SELECT entity_id FROM audit_events WHERE action = 'evidence.add'")
    }
    names = []
    for item_id, sha256, size, name, data in rows:
        blob = bytes(data)  # type: ignore[arg-type]
        assert hashlib.sha256(blob).hexdigest() == sha256 and len(blob) == size, name
        assert blob == (shots / str(name)).read_bytes()
        assert str(item_id) in added_events, f"no evidence.add event for item {item_id}"
        names.append(name)
    # The items are the first files of the command, in order: nothing was skipped or half-done.
    assert names == [Path(p).name for p in paths[:present]]
    assert len(added_events) == present
    assert _query(cli.url, "SELECT count(*) FROM evidence_blobs")[0][0] == present
    verified = cli("audit", "verify", user="admin", password=ADMIN_PASSWORD)
    assert verified.code == 0, verified.out + verified.err

    rerun = cli("evidence", "add", case, *paths, *provenance.CLI_OPTIONS, **IVY)
    assert rerun.code == 0, rerun.err
    assert rerun.out.count("Skipped ") == present
    assert rerun.out.count("Added ") == FILES - present
    assert _item_count(cli.url) == FILES
    listed = json.loads(cli("evidence", "list", case, "--json", **IVY).out)
    assert [i["original_filename"] for i in listed] == [Path(p).name for p in paths]
    assert cli("evidence", "verify", case, **IVY).code == 0
