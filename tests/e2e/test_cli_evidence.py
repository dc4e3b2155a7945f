"""``casedesk evidence`` in a subprocess: add, list, verify, bad files, tampering."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests import provenance
from tests.e2e.conftest import Casedesk

IVY = {"user": "ivy", "password": "field-notebook-pw-1"}
DATA = Path(__file__).parent.parent / "data"
BAD_FILES = {
    "zero-byte.png": "zero-byte.png is empty (0 bytes)",
    "truncated.png": "truncated.png is a damaged or truncated PNG image",
    "corrupt.jpg": "corrupt.jpg is a damaged or truncated JPEG image",
    "html-named.png": "html-named.png is not a PNG image: its content is HTML",
    "bomb.png": "bomb.png declares a PNG image of 12,000x12,000 pixels",
    "unsupported.txt": "unsupported.txt is not a supported image",
    "page.html": "page.html is not a supported image",
}


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
        "evidence", "add", case, *files, *provenance.CLI_OPTIONS,
        "--url", "https://social.example/someone",
        "--platform", "Facebook", "--account", "@someone",
        "--captured-at", "2026-03-02T14:05:00-06:00", "--obtained", "reporter_supplied", **IVY,
    )  # fmt: skip
    assert added.code == 0, added.err
    assert added.out.count("Added ") == 2
    again = cli("evidence", "add", case, *files, *provenance.CLI_OPTIONS, **IVY)
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


def test_the_files_read_ahead_are_those_stored_each_decoded_once(
    cli: Casedesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``evidence add`` starts on its files as soon as its arguments are parsed
    (``start_evidence_add``), and the import takes those, not a second reading."""
    from app.cli import evidence as cli_evidence
    from app.services.evidence import prepare

    case = _new_case(cli)
    decoded: list[str] = []
    started: list[bool] = []
    decode, start = prepare.decode_image, cli_evidence.start_evidence_add

    def counted(data: bytes, name: str) -> object:
        decoded.append(name)
        return decode(data, name)

    def watched(args: object) -> None:
        start(args)  # type: ignore[arg-type]
        started.append(getattr(args, "preparing", None) is not None)

    monkeypatch.setattr(prepare, "decode_image", counted)
    monkeypatch.setattr(cli_evidence, "start_evidence_add", watched)
    files = [str(DATA / "good.png"), str(DATA / "good.jpg")]
    added = cli("evidence", "add", case, *files, *provenance.CLI_OPTIONS, **IVY)
    assert added.code == 0, added.err
    assert added.out.count("Added ") == 2
    assert started == [True]
    assert sorted(decoded) == ["good.jpg", "good.png"]


def test_bad_files_are_named_each_and_the_good_ones_still_go_in(
    cli: Casedesk, tmp_path: Path
) -> None:
    case = _new_case(cli)
    bad = cli("evidence", "add", case, str(DATA / "good.png"), str(DATA / "html-named.png"),
              str(DATA / "good.jpg"), str(tmp_path / "nope.png"), *provenance.CLI_OPTIONS,
              **IVY)  # fmt: skip
    assert bad.code == 2
    assert "Traceback" not in bad.err
    lines = bad.err.splitlines()
    assert len(lines) == 2 and all(line.startswith("casedesk: ") for line in lines)
    assert "html-named.png is not a PNG image: its content is HTML" in lines[0]
    assert "nope.png" in lines[1] and "No such file or directory" in lines[1]
    assert "2 added, 0 already there, 2 not imported" in bad.out
    items = json.loads(cli("evidence", "list", case, "--json", **IVY).out)
    assert [i["original_filename"] for i in items] == ["good.png", "good.jpg"]
    odd = tmp_path / "a..b.png"
    shutil.copy(DATA / "good2.png", odd)
    refused = cli("evidence", "add", case, str(odd), *provenance.CLI_OPTIONS, **IVY)
    assert refused.code == 2 and "contains '..'" in _one_line(refused.err)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_exits_2_with_its_message_and_nothing_is_stored(
    cli: Casedesk, name: str
) -> None:
    case = _new_case(cli)
    result = cli("evidence", "add", case, str(DATA / name), *provenance.CLI_OPTIONS, **IVY)
    assert result.code == 2
    assert _one_line(result.err).startswith(f"casedesk: {BAD_FILES[name]}")
    assert _rows(cli.url, "evidence_items") == 0 and _rows(cli.url, "evidence_blobs") == 0


@pytest.mark.parametrize(
    ("option", "says"),
    [
        (("--url", "facebook dot com/someone"), "is not a URL"),
        (("--captured-at", "2999-01-01T10:00:00Z"), "is in the future"),
        (("--captured-at", "yesterday"), "is not a valid date and time"),
        (("--captured-at", "0001-01-01T00:00:00+01:00"), "outside the dates Casedesk can record"),
        (("--url", "https://example.com:99999/post"), "is not a URL"),
        (("--obtained", "found it"), "is not a way evidence is obtained"),
    ],
)
def test_bad_metadata_exits_2_before_anything_is_stored(
    cli: Casedesk, option: tuple[str, str], says: str
) -> None:
    case = _new_case(cli)
    result = cli("evidence", "add", case, str(DATA / "good.png"), *provenance.CLI_OPTIONS,
                 *option, **IVY)  # fmt: skip
    assert result.code == 2
    assert says in _one_line(result.err)
    assert _rows(cli.url, "evidence_items") == 0


def test_a_file_name_that_is_not_utf8_is_refused(cli: Casedesk, tmp_path: Path) -> None:
    case = _new_case(cli)
    odd = os.path.join(os.fsencode(tmp_path), b"shot\xff.png")
    shutil.copy(DATA / "good.png", odd)
    result = cli("evidence", "add", case, odd, *provenance.CLI_OPTIONS, **IVY)
    assert result.code == 2
    assert "not valid UTF-8" in _one_line(result.err)
    assert _rows(cli.url, "evidence_items") == 0


def test_a_refused_sign_in_or_case_adds_nothing_of_the_files_read_ahead(cli: Casedesk) -> None:
    """``evidence add`` starts reading its files before signing in; a refusal keeps none."""
    case = _new_case(cli)
    files = [str(DATA / "good.png"), str(DATA / "good.jpg")]
    wrong = cli("evidence", "add", case, *files, *provenance.CLI_OPTIONS,
                user="ivy", password="not-the-password")  # fmt: skip
    assert wrong.code == 1 and "Wrong user name or password" in _one_line(wrong.err)
    missing = cli("evidence", "add", "ARDHS-2026-9999", *files, *provenance.CLI_OPTIONS, **IVY)
    assert missing.code == 2 and "There is no case ARDHS-2026-9999" in _one_line(missing.err)
    assert "Added" not in wrong.out + missing.out
    assert _rows(cli.url, "evidence_items") == 0 and _rows(cli.url, "evidence_blobs") == 0
    added = cli("evidence", "add", case, *files, *provenance.CLI_OPTIONS, **IVY)
    assert added.code == 0 and added.out.count("Added ") == 2, added.err


def _rows(url: str, table: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def test_verify_names_the_item_whose_bytes_changed(cli: Casedesk) -> None:
    case = _new_case(cli)
    assert cli("evidence", "add", case, str(DATA / "good.png"), str(DATA / "good.jpg"),
               *provenance.CLI_OPTIONS, **IVY).code == 0  # fmt: skip
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


def test_export_writes_a_bundle_that_sha256sum_verifies(cli: Casedesk, tmp_path: Path) -> None:
    case = _new_case(cli)
    assert cli("evidence", "add", case, str(DATA / "good.png"), str(DATA / "good.jpg"),
               *provenance.CLI_OPTIONS, **IVY).code == 0  # fmt: skip
    out = tmp_path / "bundle.zip"
    result = cli("export", case, "--out", str(out), "--redacted", **IVY)
    assert result.code == 0, result.err
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert f"SHA-256 {digest}" in result.out
    assert f"Exported 2 evidence items, 0 redacted renderings of {case}" in result.out
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as archive:
        archive.extractall(folder)
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder,
                             capture_output=True, text=True)  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Two originals, the manifest, custody, the certification (text, PDF) and verify.py.
    assert checked.stdout.count(": OK") == 7
    verified = subprocess.run([sys.executable, "verify.py"], cwd=folder,
                              capture_output=True, text=True)  # fmt: skip
    assert verified.returncode == 0, verified.stdout + verified.stderr
    again = cli("export", case, "--out", str(out), **IVY)
    assert again.code == 2 and "already exists" in _one_line(again.err)
    forced = cli("export", case, "--out", str(out), "--force", **IVY)
    assert forced.code == 0, forced.err
    missing = cli("export", case, "--out", str(tmp_path / "no" / "b.zip"), **IVY)
    assert missing.code == 2 and "does not exist" in _one_line(missing.err)
    engine = create_engine(cli.url)
    with engine.connect() as connection:
        recorded = (
            connection.execute(
                text("SELECT details FROM audit_events WHERE action = 'case.export' ORDER BY seq")
            )
            .scalars()
            .all()
        )
    engine.dispose()
    details = [d if isinstance(d, dict) else json.loads(d) for d in recorded]
    assert [d["sha256"] for d in details] == [digest, hashlib.sha256(out.read_bytes()).hexdigest()]


def test_export_of_tampered_evidence_exits_1_naming_the_item_and_writes_nothing(
    cli: Casedesk, tmp_path: Path
) -> None:
    case = _new_case(cli)
    assert cli("evidence", "add", case, str(DATA / "good.png"), str(DATA / "good.jpg"),
               *provenance.CLI_OPTIONS, **IVY).code == 0  # fmt: skip
    items = json.loads(cli("evidence", "list", case, "--json", **IVY).out)
    engine = create_engine(cli.url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :data WHERE sha256 = :sha"),
            {"data": b"not the screenshot", "sha": items[0]["sha256"]},
        )
    engine.dispose()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = cli("export", case, "--out", str(out_dir / "bundle.zip"), **IVY)
    assert result.code == 1
    assert f"Evidence item {items[0]['id']} (good.png, case {case})" in _one_line(result.err)
    assert list(out_dir.iterdir()) == []


def test_a_page_source_is_attached_once_exported_and_verified(
    cli: Casedesk, tmp_path: Path
) -> None:
    case = _new_case(cli)
    assert cli("evidence", "add", case, str(DATA / "good.png"), *provenance.CLI_OPTIONS,
               **IVY).code == 0  # fmt: skip
    item = json.loads(cli("evidence", "list", case, "--json", **IVY).out)[0]
    wrong = cli("evidence", "attach-source", str(item["id"]), str(DATA / "good.jpg"), **IVY)
    assert wrong.code == 2 and "is not a saved page" in _one_line(wrong.err)
    attached = cli("evidence", "attach-source", str(item["id"]), str(DATA / "page.html"), **IVY)
    assert attached.code == 0, attached.err
    page_sha = hashlib.sha256((DATA / "page.html").read_bytes()).hexdigest()
    assert f"SHA-256 {page_sha}" in attached.out
    again = cli("evidence", "attach-source", str(item["id"]), str(DATA / "page.html"), **IVY)
    assert again.code == 1 and "already has a page source" in _one_line(again.err)

    out = tmp_path / "bundle.zip"
    assert cli("export", case, "--out", str(out), **IVY).code == 0
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as archive:
        archive.extractall(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    source = manifest["items"][0]["page_source_file"]
    assert source.startswith("sources/") and source.endswith(".html")
    assert (folder / source).read_bytes() == (DATA / "page.html").read_bytes()
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder,
                             capture_output=True, text=True)  # fmt: skip
    assert checked.returncode == 0 and f"{source}: OK" in checked.stdout
    # One custody event for the item, naming its page source and the bundle.
    bundle_sha = hashlib.sha256(out.read_bytes()).hexdigest()
    (exported,) = _events(cli, "evidence.export")
    assert exported["page_source_sha256"] == page_sha
    assert (exported["sha256"], exported["bundle_sha256"]) == (item["sha256"], bundle_sha)

    engine = create_engine(cli.url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :data WHERE sha256 = :sha"),
            {"data": b"<html>another page</html>", "sha": page_sha},
        )
    engine.dispose()
    verified = cli("evidence", "verify", case, **IVY)
    assert verified.code == 1
    assert f"Evidence item {item['id']} (good.png" in _one_line(verified.err)
    assert "page source" in verified.err
    refused = cli("export", case, "--out", str(tmp_path / "second.zip"), **IVY)
    assert refused.code == 1 and "page source" in _one_line(refused.err)
    assert not (tmp_path / "second.zip").exists()
    assert len(_events(cli, "evidence.export")) == 1


def _events(cli: Casedesk, action: str) -> list[dict[str, object]]:
    """The details of every audit event of one kind, oldest first."""
    engine = create_engine(cli.url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT details FROM audit_events WHERE action = :a ORDER BY seq"),
                {"a": action},
            ).scalars()
            return [d if isinstance(d, dict) else json.loads(d) for d in rows]
    finally:
        engine.dispose()


@contextlib.contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """Commands started meanwhile may not grow a file past ``limit`` bytes: a full disk.

    Works for root too; Python ignores SIGXFSZ, so the write fails with EFBIG.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def _two_items(cli: Casedesk) -> str:
    case = _new_case(cli)
    assert cli("evidence", "add", case, str(DATA / "good.png"), str(DATA / "good.jpg"),
               *provenance.CLI_OPTIONS, **IVY).code == 0  # fmt: skip
    return case


def test_export_to_a_full_disk_exits_2_with_the_reason_and_records_nothing(
    pg_cli: Casedesk, tmp_path: Path
) -> None:
    # PostgreSQL only: the limit would also stop the command writing a SQLite file.
    case = _two_items(pg_cli)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "bundle.zip"
    # Full part-way: good.png fits, good.jpg does not.
    with _file_size_limit(6000):
        full = pg_cli("export", case, "--out", str(out), **IVY)
    assert full.code == 2, full.err
    line = _one_line(full.err)  # no "Exception ignored in ZipFile.__del__" either
    assert f"Cannot write the bundle to {out}: File too large;" in line
    assert "choose another folder or free some space" in line
    assert list(out_dir.iterdir()) == []
    assert _events(pg_cli, "evidence.export") == [] and _events(pg_cli, "case.export") == []


def test_export_to_a_place_that_takes_no_file_exits_2_and_records_nothing(
    cli: Casedesk, tmp_path: Path
) -> None:
    case = _two_items(cli)
    # A folder that takes no new file, even from root; a file where a folder should be.
    (tmp_path / "plain").write_bytes(b"")
    for place in ("/proc/b.zip", str(tmp_path / "plain" / "b.zip")):
        refused = cli("export", case, "--out", place, **IVY)
        assert refused.code == 2, refused.err
        assert str(Path(place).parent) in _one_line(refused.err)
    assert _events(cli, "evidence.export") == [] and _events(cli, "case.export") == []


def test_add_without_provenance_exits_2_naming_every_missing_field(cli: Casedesk) -> None:
    case = _new_case(cli)
    result = cli("evidence", "add", case, str(DATA / "good.png"), **IVY)
    assert result.code == 2
    line = _one_line(result.err)
    assert "Give the capture time" in line and "Say who captured" in line
    assert "say why there is none" in line
    assert _rows(cli.url, "evidence_items") == 0 and _rows(cli.url, "evidence_blobs") == 0


def test_amend_and_void_keep_the_item_and_bundles_leave_it_out_unless_asked(
    cli: Casedesk, tmp_path: Path
) -> None:
    case = _two_items(cli)
    first, second = json.loads(cli("evidence", "list", case, "--json", **IVY).out)
    nothing = cli("evidence", "amend", str(first["id"]), "--reason", "typo", **IVY)
    assert nothing.code == 2 and "Say what to correct" in _one_line(nothing.err)
    amended = cli("evidence", "amend", str(first["id"]), "--account", "@right",
                  "--captured-by", "Ivy Investigator", "--reason", "Header shows @right",
                  **IVY)  # fmt: skip
    assert amended.code == 0, amended.err
    assert "earlier values are kept" in amended.out
    voided = cli("evidence", "void", str(second["id"]), "--reason", "Wrong employee", **IVY)
    assert voided.code == 0, voided.err
    again = cli("evidence", "void", str(second["id"]), "--reason", "twice", **IVY)
    assert again.code == 1 and "is void" in _one_line(again.err)

    listed = cli("evidence", "list", case, **IVY).out
    assert "VOID: Wrong employee" in listed
    items = {i["id"]: i for i in json.loads(cli("evidence", "list", case, "--json", **IVY).out)}
    assert items[first["id"]]["account_shown"] == "@right"
    assert items[first["id"]]["added_by"] == "Ivy Investigator"  # people by full name
    assert items[second["id"]]["void_reason"] == "Wrong employee"
    assert _rows(cli.url, "evidence_amendments") == 2  # account and capturer, the old kept

    plain = cli("export", case, "--out", str(tmp_path / "plain.zip"), **IVY)
    assert plain.code == 0 and "Exported 1 evidence item " in plain.out
    full = cli("export", case, "--out", str(tmp_path / "full.zip"), "--include-void", **IVY)
    assert full.code == 0 and "Exported 2 evidence items" in full.out


def test_case_show_reveals_a_confidential_reporter_only_when_asked(cli: Casedesk) -> None:
    made = cli("case", "new", "--agency", "ARDHS", "--title", "Posted a client photo",
               "--reported", "2026-03-02", "--reporter", "Rita Reporter",
               "--confidential-reporter", "--json", **IVY)  # fmt: skip
    number = json.loads(made.out)["number"]

    def reveals() -> int:
        engine = create_engine(cli.url)
        try:
            with engine.connect() as connection:
                return int(
                    connection.execute(
                        text(
                            "SELECT count(*) FROM audit_events "
                            "WHERE action = 'case.view_confidential_reporter'"
                        )
                    ).scalar_one()
                )
        finally:
            engine.dispose()

    for _ in range(2):
        shown = cli("case", "show", number, **IVY)
        assert shown.code == 0 and "Rita Reporter" not in shown.out
        assert "--show-reporter" in shown.out
    assert reveals() == 0  # showing the case records no view of the reporter
    revealed = cli("case", "show", number, "--show-reporter", **IVY)
    assert revealed.code == 0 and "Rita Reporter [confidential]" in revealed.out
    assert reveals() == 1
