"""``casedesk evidence`` in a subprocess: add, list, verify, bad files, tampering."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.e2e.conftest import Casedesk

IVY = {"user": "ivy", "password": "investigator-pw-1"}
DATA = Path(__file__).parent.parent / "data"


def _new_case(cli: Casedesk) -> str:
    result = cli(
        "case", "new", "--agency", "ARDHS", "--title", "Posted a client photo",
        "--reported", "2026-03-02", "--json", **IVY,
    )  # fmt: skip
    assert result.code == 0, result.err
    number: str = json.loads(result.out)["number"]
    return number


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("casedesk: ")
    return lines[0]


def test_add_list_verify_and_a_rerun_skips_what_is_there(cli: Casedesk) -> None:
    case = _new_case(cli)
    files = [str(DATA / "good.png"), str(DATA / "good.jpg")]
    added = cli(
        "evidence", "add", case, *files, "--url", "https://social.example/someone",
        "--platform", "Facebook", "--account", "@someone",
        "--captured-at", "2026-03-02T14:05:00-06:00", "--obtained", "reporter_supplied", **IVY,
    )  # fmt: skip
    assert added.code == 0, added.err
    assert added.out.count("Added ") == 2
    again = cli("evidence", "add", case, *files, **IVY)
    assert again.code == 0, again.err
    assert again.out.count("Skipped ") == 2 and "already in case" in again.out
    listed = cli("evidence", "list", case, "--json", **IVY)
    assert listed.code == 0, listed.err
    items = json.loads(listed.out)
    assert [(i["original_filename"], i["media_type"]) for i in items] == [
        ("good.png", "image/png"),
        ("good.jpg", "image/jpeg"),
    ]
    assert items[0]["capture_tz"] == "-06:00" and items[0]["obtained"] == "reporter_supplied"
    verified = cli("evidence", "verify", case, **IVY)
    assert verified.code == 0, verified.err
    assert "All 2 evidence items match" in verified.out


def test_a_bad_file_stops_with_one_line_and_earlier_files_stay(
    cli: Casedesk, tmp_path: Path
) -> None:
    case = _new_case(cli)
    bad = cli("evidence", "add", case, str(DATA / "good.png"), str(DATA / "html-named.png"),
              str(DATA / "good.jpg"), **IVY)  # fmt: skip
    assert bad.code == 2
    line = _one_line(bad.err)
    assert "html-named.png is not a PNG image: its content is HTML" in line
    items = json.loads(cli("evidence", "list", case, "--json", **IVY).out)
    assert [i["original_filename"] for i in items] == ["good.png"]
    missing = cli("evidence", "add", case, str(tmp_path / "nope.png"), **IVY)
    assert missing.code == 2 and "nope.png" in _one_line(missing.err)
    odd = tmp_path / "a..b.png"
    shutil.copy(DATA / "good2.png", odd)
    refused = cli("evidence", "add", case, str(odd), **IVY)
    assert refused.code == 2 and "contains '..'" in _one_line(refused.err)


def test_verify_names_the_item_whose_bytes_changed(cli: Casedesk) -> None:
    case = _new_case(cli)
    assert cli("evidence", "add", case, str(DATA / "good.png"), str(DATA / "good.jpg"),
               **IVY).code == 0  # fmt: skip
    items = json.loads(cli("evidence", "list", case, "--json", **IVY).out)
    engine = create_engine(cli.url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :data WHERE sha256 = :sha"),
            {"data": b"not the screenshot", "sha": items[1]["sha256"]},
        )
    engine.dispose()
    result = cli("evidence", "verify", **IVY)
    assert result.code == 1
    line = _one_line(result.err)
    assert f"Evidence item {items[1]['id']} (good.jpg, case {case})" in line
    assert "1 of 2 evidence items failed" in result.out
