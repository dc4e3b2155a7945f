"""Signed checkpoints against someone who holds (and edits) the database.

History is built through the services; the database is then edited directly
(``sqlite3`` on the file, SQL on the PostgreSQL server), and ``audit verify``
must still catch what the hash chain alone cannot: a cut tail with the head
moved back, a wiped log, and a rewrite with every later hash recomputed.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.config import sqlite_url
from app.db.models import AuditCheckpoint
from app.domain.actor import Actor
from app.domain.audit import GENESIS_HASH, Problem
from app.domain.errors import IntegrityFailure, InvalidInput, NotFound, PermissionDenied, Refused
from app.domain.permissions import Role
from app.services import cases, evidence, report_building, setup, start_checks
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence import export as evidence_export
from app.services.integrity import checkpoints, keys, registry
from app.services.integrity.verification import SOURCE_FILE_DATABASE_KEY, verify_audit
from tests.unit.conftest import MakeUser, MemoryKeyring, built_once
from tests.unit.tampering import (
    cut_tail,
    forge_database_checkpoint,
    forge_file_checkpoints,
    raw,
    reseal_event,
    rewrite_event,
    sql,
    swap_evidence,
)

NOTES = 4


@dataclass(frozen=True)
class History:
    sue: Actor
    case_id: int


@built_once("checkpoints")
def history(database: Database, admin: Actor, make_user: MakeUser) -> History:
    """A case with notes; then a verification, which signs a checkpoint; then more notes."""
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    fields = CaseFields(agency_code="ARDHS", title="Client file", reported_on=dt.date.today())
    case = cases.create_case(database, sue, fields)
    for number in range(NOTES):
        cases.add_note(database, sue, case.id, f"Interview {number}")
    assert verify_audit(database, sue).intact
    for number in range(NOTES):
        cases.add_note(database, sue, case.id, f"Later note {number}")
    return History(sue, case.id)


@pytest.fixture
def sue(history: History) -> Actor:
    return history.sue


@pytest.fixture
def case_id(history: History) -> int:
    return history.case_id


def _url(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


def _newest_checkpoint(database: Database) -> AuditCheckpoint:
    with database.unit_of_work() as uow:
        row = uow.session.scalars(
            select(AuditCheckpoint).order_by(AuditCheckpoint.seq.desc())
        ).first()
        assert row is not None
        uow.session.expunge(row)
        return row


def _note_seqs(database: Database) -> list[int]:
    with raw(_url(database)) as db:
        rows = db.execute("SELECT seq FROM audit_events WHERE action = 'note.add' ORDER BY seq")
    return [int(r[0]) for r in rows]


def test_an_untouched_log_verifies_against_its_checkpoints(
    database: Database, sue: Actor, case_id: int
) -> None:
    result = verify_audit(database, sue)

    assert result.intact, result.problem
    # init and the first verify each signed one, kept in the file and the database.
    assert result.counts["checkpoint file"] == 2 and result.counts["database"] == 2
    assert (
        result.summary
        == "checked against 4 checkpoints: 2 in the checkpoint file, 2 in the database"
    )
    assert result.written is not None and result.written.checkpoint is not None
    assert result.written.checkpoint.seq == result.chain.last_seq + 1  # its own verify event
    assert "the database" in result.written.written


def test_cutting_the_tail_and_moving_the_head_back_is_caught(
    database: Database, sue: Actor, case_id: int
) -> None:
    signed = _newest_checkpoint(database).seq
    cut_tail(_url(database), keep=signed - 3)
    sql(_url(database), "DELETE FROM audit_checkpoints")  # the forger deletes what they can

    result = verify_audit(database, sue)

    assert not result.intact
    finding = result.chain.finding
    assert finding is not None and finding.problem is Problem.TRUNCATED
    assert f"events {signed - 2} to {signed} are missing" in finding.message
    assert "checkpoint file" in finding.message


def test_a_wiped_log_with_its_head_reset_is_caught(
    database: Database, sue: Actor, case_id: int
) -> None:
    sql(
        _url(database),
        "DELETE FROM audit_events",
        f"UPDATE audit_head SET seq = 0, hash = '{GENESIS_HASH}'",
        "DELETE FROM audit_checkpoints",
    )

    result = verify_audit(database, sue)

    assert result.chain.finding is not None
    assert result.chain.finding.problem is Problem.TRUNCATED
    assert "the log ends at event 0" in result.chain.finding.message


def test_a_rewritten_event_with_every_later_hash_recomputed_is_caught(
    database: Database, sue: Actor, case_id: int
) -> None:
    first_note = _note_seqs(database)[0]
    rewrite_event(_url(database), first_note, {"kind": "interview", "length": 99})
    sql(_url(database), "DELETE FROM audit_checkpoints")

    result = verify_audit(database, sue)

    finding = result.chain.finding
    assert finding is not None and finding.problem is Problem.REWRITTEN
    assert "the log was rewritten" in finding.message
    # Opening the database again signs nothing over the forged tail.
    outcome = checkpoints.make_checkpoint(database)
    assert outcome.checkpoint is None and "No audit checkpoint was written" in outcome.warning


def test_a_rewritten_log_vouched_for_by_a_key_registered_behind_casedesk_s_back_is_not_signed(
    database: Database, sue: Actor, case_id: int, tmp_path: Path
) -> None:
    """Someone with the database file rewrites an event (every later hash recomputed),
    deletes the database's checkpoints and signs the new head with a key they registered:
    a report or an export must not sign the rewritten log with this workstation's key."""
    url = _url(database)
    rewrite_event(url, _note_seqs(database)[0], {"kind": "interview", "length": 99})
    sql(url, "DELETE FROM audit_checkpoints")
    forge_database_checkpoint(url)

    outcome = checkpoints.make_checkpoint(database)
    assert outcome.checkpoint is None
    assert "No audit checkpoint was written" in outcome.warning
    assert "no longer matches its signed checkpoint" in outcome.warning
    info = report_building.generate_case_summaries(database, sue, [case_id])
    assert not info.checkpoint_line and "No audit checkpoint was written" in info.checkpoint_warning
    last_page = PdfReader(io.BytesIO(info.pdf)).pages[-1].extract_text()
    assert "Audit checkpoint: none \u2014 the audit log did not verify" in last_page
    assert "signed by" not in last_page
    evidence_export.export_case_bundle(database, sue, case_id, tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
    assert not manifest.get("audit_checkpoint"), manifest.get("audit_checkpoint")


def test_the_database_checkpoints_alone_catch_a_rewrite_too(
    database: Database, sue: Actor, case_id: int
) -> None:
    checkpoints.checkpoint_file(database).unlink()  # type: ignore[union-attr]
    rewrite_event(_url(database), _note_seqs(database)[0], {"kind": "interview"})

    result = verify_audit(database, sue)

    assert result.chain.finding is not None
    assert result.chain.finding.problem is Problem.REWRITTEN
    assert "(database, signed by" in result.chain.finding.message


def test_a_checkpoint_forged_without_the_private_key_does_not_verify(
    database: Database, sue: Actor, case_id: int
) -> None:
    row = _newest_checkpoint(database)
    sql(_url(database), f"UPDATE audit_checkpoints SET seq = {row.seq - 1} WHERE id = {row.id}")

    result = verify_audit(database, sue)

    assert not result.intact
    assert result.problem is not None
    assert "has a signature that does not verify" in result.problem


def test_checkpoints_in_the_database_alone_are_said_to_be_weaker(
    database: Database, sue: Actor, case_id: int
) -> None:
    checkpoints.checkpoint_file(database).unlink()  # type: ignore[union-attr]
    result = verify_audit(database, sue)
    assert result.intact
    assert result.counts["checkpoint file"] == 0
    assert "can also delete the checkpoints in it" in result.anchor_note


def test_a_checkpoint_given_by_hand_catches_a_rewrite_after_it(
    database: Database, sue: Actor, case_id: int
) -> None:
    row = _newest_checkpoint(database)
    given = f"{row.seq}:{row.head_hash}"
    rewrite_event(_url(database), _note_seqs(database)[0], {"kind": "interview"})
    sql(_url(database), "DELETE FROM audit_checkpoints")
    checkpoints.checkpoint_file(database).unlink()  # type: ignore[union-attr]

    assert verify_audit(database, sue).intact  # nothing outside the database is left
    result = verify_audit(database, sue, given=[given])
    assert result.chain.finding is not None
    assert result.chain.finding.problem is Problem.REWRITTEN
    assert "command line" in result.chain.finding.message
    with pytest.raises(InvalidInput, match="SEQ:HASH"):
        verify_audit(database, sue, given=["12:abc"])


def test_a_missing_head_row_is_an_integrity_refusal(
    database: Database, sue: Actor, case_id: int
) -> None:
    sql(_url(database), "DELETE FROM audit_head")
    with pytest.raises(
        IntegrityFailure, match=r"chain head \(table audit_head, row 1\) is missing"
    ):
        cases.add_note(database, sue, case_id, "Not saved")
    with pytest.raises(IntegrityFailure, match="audit_head"):
        checkpoints.daily_checkpoint(database)
    with pytest.raises(IntegrityFailure, match=r"audit_head, row 1\) is missing"):
        start_checks.checkpoint_due(database)


def test_a_damaged_head_row_is_an_integrity_refusal(
    database: Database, sue: Actor, case_id: int
) -> None:
    sql(_url(database), "UPDATE audit_head SET hash = 'not a hash'")
    with pytest.raises(IntegrityFailure, match="is damaged: hash 'not a hash'"):
        cases.add_note(database, sue, case_id, "Not saved")
    with pytest.raises(IntegrityFailure, match="is damaged: hash 'not a hash'"):
        start_checks.checkpoint_due(database)  # what every command asks when it opens


def test_the_key_is_outside_the_database_and_readable_by_the_user_only(
    database: Database, sue: Actor, case_id: int
) -> None:
    key = keys.local_key()
    assert key is not None and key.storage is keys.KeyStorage.FILE
    for path in (key.private_path, key.folder / "signing-key.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.folder.stat().st_mode) == 0o700
    file = checkpoints.checkpoint_file(database)
    assert file is not None and stat.S_IMODE(file.stat().st_mode) == 0o600
    with raw(_url(database)) as db:
        (registered,) = db.execute("SELECT key_id, public_key FROM signing_keys")
        assert registered == (key.key_id, key.public_key)
        # No table holds the private key.
        dump = str(db.execute("SELECT * FROM signing_keys")) + str(
            db.execute("SELECT * FROM audit_checkpoints")
        )
    assert key.private_path.read_text().split("\n")[1] not in dump


def test_a_workstation_without_a_key_works_but_does_not_sign(
    database: Database, sue: Actor, case_id: int
) -> None:
    key = keys.local_key()
    assert key is not None
    for path in key.folder.iterdir():
        path.unlink()

    outcome = checkpoints.make_checkpoint(database)

    assert outcome.checkpoint is not None and not outcome.checkpoint.signed
    assert "has no signing key" in outcome.warning
    assert outcome.line.endswith(", not signed")
    info = report_building.generate_case_summaries(database, sue, [case_id])
    assert "has no signing key" in info.checkpoint_warning
    assert "not signed" in info.checkpoint_line


def test_an_unregistered_key_does_not_sign_until_an_administrator_registers_it(
    database: Database, sue: Actor, admin: Actor, case_id: int
) -> None:
    mine = keys.local_key()
    assert mine is not None
    # A public key changed behind Casedesk's back is said as such, not as unregistered.
    forged = base64.b64encode(bytes(32)).decode("ascii")
    sql(_url(database), f"UPDATE signing_keys SET public_key = '{forged}' "
                        f"WHERE key_id = '{mine.key_id}'")  # fmt: skip
    warning = checkpoints.make_checkpoint(database).warning
    assert "is registered in this database with another public key" in warning
    assert "the key registry was changed outside Casedesk" in warning
    sql(_url(database), "DELETE FROM signing_keys")
    assert "is not registered in this database" in checkpoints.make_checkpoint(database).warning

    registration = registry.register_local_key(database, admin)

    assert registration.newly_registered and not registration.created
    assert checkpoints.make_checkpoint(database).checkpoint.signed  # type: ignore[union-attr]


def test_opening_a_database_whose_newest_checkpoint_is_a_day_old_signs_one(
    database: Database, sue: Actor, case_id: int
) -> None:
    assert checkpoints.daily_checkpoint(database) is None
    assert not start_checks.checkpoint_due(database)
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=1, minutes=1)
    with database.unit_of_work(write=True) as uow:
        for row in uow.session.scalars(select(AuditCheckpoint)):
            row.signed_at = old
        uow.commit()
    assert start_checks.checkpoint_due(database)  # what every command asks first

    outcome = checkpoints.daily_checkpoint(database)

    assert outcome is not None and outcome.checkpoint is not None
    assert outcome.checkpoint.signed and outcome.warning == ""


def test_the_key_can_live_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    backend = memory_keyring
    provision = keys.ensure_local_key(keys.KeyStorage.KEYRING)
    key = provision.key
    assert key.storage is keys.KeyStorage.KEYRING and provision.note == ""
    assert not key.private_path.exists()
    assert (keys.KEYRING_SERVICE, key.key_id) in backend.secrets
    private = keys.load_private_key(key)
    assert not isinstance(private, str)
    assert keys.verify_signature(key.public_key, keys.sign(private, b"x"), b"x")


def test_without_a_usable_keyring_the_key_goes_to_a_file_and_says_so() -> None:
    provision = keys.ensure_local_key(keys.KeyStorage.KEYRING)
    assert provision.key.storage is keys.KeyStorage.FILE
    assert "no keyring service is available" in provision.note
    assert provision.key.private_path.is_file()


# -- evidence hashes against their audit events -------------------------------------------


def _png(colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def test_a_consistent_evidence_swap_is_caught_by_its_audit_event(
    database: Database, sue: Actor, case_id: int, tmp_path: Path
) -> None:
    item = evidence.add_evidence(
        database, sue, case_id, _png((200, 10, 10)), original_filename="post.png"
    )
    assert all(c.ok for c in evidence.verify_evidence(database, sue))

    swap_evidence(_url(database), item.id, _png((10, 200, 10)))

    checks = evidence.verify_evidence(database, sue)
    (failed,) = [c for c in checks if not c.ok]
    assert failed.item.id == item.id
    message = evidence.integrity_message(failed)
    assert f"Evidence item {item.id} (post.png, case " in message
    assert "the bytes and their hashes were replaced" in message
    with pytest.raises(IntegrityFailure, match=f"Evidence item {item.id}"):
        evidence.read_for_inclusion(database, sue, item.id, purpose="export")
    with pytest.raises(IntegrityFailure, match="were replaced"):
        evidence_export.export_case_bundle(database, sue, case_id, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


def _add_event_seq(database: Database, item_id: int) -> int:
    with raw(_url(database)) as db:
        ((seq,),) = db.execute(
            "SELECT seq FROM audit_events WHERE action = 'evidence.add' AND entity_id = ?",
            (str(item_id),),
        )
    return int(seq)


def test_an_evidence_swap_with_its_event_rewritten_and_resealed_is_caught(
    database: Database, sue: Actor, case_id: int, tmp_path: Path
) -> None:
    """The bytes and every stored hash swapped, and the ``evidence.add`` event's recorded
    hash and size rewritten with the event's own hash recomputed: the chain's next link
    still holds the old hash, so the checks of the evidence catch it without
    ``audit verify``."""
    item = evidence.add_evidence(
        database, sue, case_id, _png((200, 10, 10)), original_filename="post.png"
    )
    cases.add_note(database, sue, case_id, "After the screenshot")
    url = _url(database)
    doctored = _png((10, 200, 10))
    new = swap_evidence(url, item.id, doctored)
    reseal_event(url, _add_event_seq(database, item.id), {"sha256": new, "size": len(doctored)})

    (failed,) = [c for c in evidence.verify_evidence(database, sue) if not c.ok]
    assert failed.item.id == item.id
    message = evidence.integrity_message(failed)
    assert "is no longer the one the audit chain links to" in message
    with pytest.raises(IntegrityFailure, match="was rewritten"):
        evidence_export.export_case_bundle(database, sue, case_id, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


def test_an_evidence_item_moved_to_another_case_is_caught(
    database: Database, sue: Actor, case_id: int
) -> None:
    other = cases.create_case(
        database, sue,
        CaseFields(agency_code="ARDHS", title="Another file", reported_on=dt.date.today()),
    ).id  # fmt: skip
    moved = evidence.add_evidence(
        database, sue, case_id, _png((200, 10, 10)), original_filename="moved.png"
    )
    evidence.add_evidence(database, sue, case_id, _png((10, 10, 200)), original_filename="kept.png")
    evidence.add_evidence(database, sue, other, _png((10, 200, 10)), original_filename="there.png")
    assert all(c.ok for c in evidence.verify_evidence(database, sue))

    sql(_url(database), f"UPDATE evidence_items SET case_id = {other} WHERE id = {moved.id}")

    (failed,) = [c for c in evidence.verify_evidence(database, sue) if not c.ok]
    assert failed.item.id == moved.id
    assert (
        f"recorded it in case {case_id}, but it is stored in case {other}: it was moved"
        in evidence.integrity_message(failed)
    )
    (in_other,) = [c for c in evidence.verify_evidence(database, sue, other) if not c.ok]
    assert in_other.item.id == moved.id


# -- the checkpoint on reports and in bundles ---------------------------------------------


def test_the_checkpoint_is_printed_on_the_last_page_of_a_report(
    database: Database, sue: Actor, case_id: int
) -> None:
    info = report_building.generate_case_summaries(database, sue, [case_id])

    pages = PdfReader(io.BytesIO(info.pdf)).pages
    text = pages[-1].extract_text()
    key = keys.local_key()
    assert key is not None
    cp = _newest_checkpoint(database)
    expected = f"Audit checkpoint: {cp.seq}:{cp.head_hash} signed by {key.key_id} at "
    assert expected in text
    assert info.checkpoint_line.startswith(expected)
    # The report's own event comes after the checkpoint printed on it.
    assert verify_audit(database, sue, given=[f"{cp.seq}:{cp.head_hash}"]).intact


def test_the_checkpoint_is_in_the_bundle_manifest_and_verifies_offline(
    database: Database, sue: Actor, case_id: int, tmp_path: Path
) -> None:
    evidence.add_evidence(database, sue, case_id, _png((1, 2, 3)), original_filename="a.png")
    result = evidence_export.export_case_bundle(database, sue, case_id, tmp_path / "case.zip")

    with zipfile.ZipFile(result.path) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
    entry = manifest["audit_checkpoint"]
    cp = _newest_checkpoint(database)
    assert (entry["seq"], entry["head_hash"], entry["signed"]) == (cp.seq, cp.head_hash, True)
    assert result.checkpoint_line == entry["line"]
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(entry["public_key"]))
    public.verify(base64.b64decode(entry["signature"]), entry["signed_message"].encode())


@pytest.fixture
def new_database(empty_database_url: str) -> Iterator[Database]:
    """A database this test makes (no Casedesk tables before it is opened)."""
    database = Database.open(empty_database_url)
    assert database.created
    yield database
    database.close()


def _initialise(database: Database, username: str = "ada") -> setup.InitResult:
    return setup.initialize(database, admin_username=username, admin_full_name="Ada Admin",
                            admin_password="correct horse battery")  # fmt: skip


def _earlier_checkpoints(tmp_path: Path) -> str:
    """The checkpoint file of a real earlier database (initialised elsewhere)."""
    earlier = Database.open(sqlite_url(tmp_path / "earlier.sqlite3"))
    try:
        _initialise(earlier, "old")
    finally:
        earlier.close()
    return (tmp_path / "earlier.sqlite3.checkpoints").read_text()


def test_a_new_database_sets_aside_the_checkpoint_file_an_earlier_one_left(
    new_database: Database, tmp_path: Path, cheap_hashing: None
) -> None:
    # A database deleted (or dropped) and made again under the same name: the
    # earlier one's checkpoint file is still at the place.
    earlier = _earlier_checkpoints(tmp_path)
    place = checkpoints.checkpoint_file(new_database)
    assert place is not None and not place.exists()
    place.parent.mkdir(parents=True, exist_ok=True)
    place.write_text(earlier)

    created = _initialise(new_database)
    moved = created.earlier_checkpoints
    assert moved is not None and moved.parent == place.parent
    assert moved.name.startswith(place.name + ".earlier-")
    assert moved.read_text() == earlier  # renamed whole, never deleted
    assert created.checkpoint is not None and created.checkpoint.checkpoint is not None
    assert place.read_text() != earlier  # this database's own first checkpoint
    assert created.administrator is not None
    assert verify_audit(new_database, created.administrator).intact
    # Once the database has a log, its checkpoint file stays where it is.
    assert setup.initialize(new_database).earlier_checkpoints is None
    assert place.exists()


def test_a_database_emptied_behind_casedesk_s_back_keeps_its_checkpoint_file(
    new_database: Database, tmp_path: Path, cheap_hashing: None
) -> None:
    """Someone with the database deletes every user and the whole log, so that
    ``init`` runs as on a new database: the checkpoint file stays, and the new
    administrator's ``audit verify`` names the cut."""
    first = _initialise(new_database)
    assert first.checkpoint is not None and first.checkpoint.checkpoint is not None
    place = checkpoints.checkpoint_file(new_database)
    assert place is not None
    kept = place.read_text()
    url = _url(new_database)
    new_database.close()
    sql(url, "DELETE FROM audit_checkpoints", "DELETE FROM signing_keys",
        "DELETE FROM audit_events", "UPDATE audit_head SET seq = 0, hash = '" + GENESIS_HASH + "'",
        "DELETE FROM user_roles", "DELETE FROM user_agencies", "DELETE FROM users")  # fmt: skip

    reopened = Database.open(url)
    try:
        assert not reopened.created and setup.needs_administrator(reopened)
        again = _initialise(reopened, "eve")
        assert again.earlier_checkpoints is None
        assert place.read_text().startswith(kept)  # nothing moved; appended to at most
        assert list(place.parent.glob(place.name + ".earlier-*")) == []
        assert again.administrator is not None
        result = verify_audit(reopened, again.administrator)
        assert not result.intact
    finally:
        reopened.close()


def test_an_earlier_checkpoint_file_that_cannot_be_moved_refuses_init_and_changes_nothing(
    new_database: Database, monkeypatch: pytest.MonkeyPatch, cheap_hashing: None
) -> None:
    place = checkpoints.checkpoint_file(new_database)
    assert place is not None
    place.parent.mkdir(parents=True, exist_ok=True)
    place.write_text('{"an": "earlier database\'s checkpoint"}\n')

    def refused(_source: object, _target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(checkpoints.os, "rename", refused)
    with pytest.raises(Refused, match="cannot be moved aside .*Permission denied"):
        _initialise(new_database)
    assert setup.needs_administrator(new_database)  # no administrator, no event
    assert place.read_text() == '{"an": "earlier database\'s checkpoint"}\n'
    assert list(place.parent.glob(place.name + ".earlier-*")) == []


def test_file_checkpoints_re_signed_with_a_key_registered_behind_casedesk_s_back_anchor_nothing(
    database: Database, sue: Actor, case_id: int
) -> None:
    """Someone with the database and its checkpoint file but no private key rewrites an
    event, registers a key of their own and signs every line of the file again: the
    chain then holds together, and ``audit verify`` must not call the file an anchor."""
    place = checkpoints.checkpoint_file(database)
    assert place is not None
    lines = len(place.read_text().splitlines())
    url = _url(database)
    rewrite_event(url, _note_seqs(database)[0], {"kind": "interview", "length": 99})
    sql(url, "DELETE FROM audit_checkpoints")
    forged = forge_file_checkpoints(url, place)

    result = verify_audit(database, sue)

    assert result.chain.finding is None  # the forgery holds together; only the key tells
    assert result.counts["checkpoint file"] == 0
    assert result.counts[SOURCE_FILE_DATABASE_KEY] == lines
    assert result.database_keyed == (forged,)
    assert f"{lines} in the checkpoint file signed by a key known only from" in result.summary
    note = result.anchor_note
    assert note.startswith("No checkpoint from outside the database was checked")
    assert f"signed by {forged}, which this workstation knows only from the database" in note
    listed = {k.key_id: k.trusted_here for k in registry.list_keys(database, sue)}
    mine = keys.local_key()
    assert mine is not None and listed == {mine.key_id: True, forged: False}


def test_an_administrator_trusts_the_key_of_the_workstation_a_database_came_from(
    database: Database,
    admin: Actor,
    sue: Actor,
    case_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = keys.local_key()
    place = checkpoints.checkpoint_file(database)
    assert first is not None and place is not None
    url = _url(database)
    # The database (and its checkpoint file) now on a second workstation, with a key of its own.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "second-workstation"))
    second = registry.register_local_key(database, admin, storage="file").key
    moved = verify_audit(database, sue)
    assert moved.intact and moved.database_keyed == (first.key_id,)
    assert moved.counts["checkpoint file"] == 0
    assert "audit key trust KEYID" in moved.anchor_note

    with pytest.raises(PermissionDenied):
        registry.trust_registered_key(database, sue, first.key_id)
    with pytest.raises(InvalidInput, match="is not a key id"):
        registry.trust_registered_key(database, admin, "first")
    with pytest.raises(NotFound, match="No key 0123456789abcdef is registered"):
        registry.trust_registered_key(database, admin, "0123456789abcdef")
    sql(url, f"UPDATE signing_keys SET public_key = '{second.public_key}' "
             f"WHERE key_id = '{first.key_id}'")  # fmt: skip
    with pytest.raises(Refused, match="whose fingerprint is not"):
        registry.trust_registered_key(database, admin, first.key_id)
    sql(url, f"UPDATE signing_keys SET public_key = '{first.public_key}' "
             f"WHERE key_id = '{first.key_id}'")  # fmt: skip
    assert not (keys.key_folder() / "trusted-keys").exists()  # nothing trusted on a refusal

    key, newly = registry.trust_registered_key(database, admin, first.key_id.upper())
    assert newly and key.key_id == first.key_id and key.trusted_here
    assert registry.trust_registered_key(database, admin, first.key_id) == (key, False)
    trusted = keys.key_folder() / "trusted-keys"
    assert trusted.read_text() == first.key_id + "\n"
    assert stat.S_IMODE(trusted.stat().st_mode) == 0o600
    with raw(url) as db:
        recorded = db.execute(
            "SELECT actor, entity_id FROM audit_events WHERE action = 'signing_key.trust'"
        )
    assert recorded == [("admin", first.key_id)]  # audited once

    anchored = verify_audit(database, sue)
    assert anchored.intact and anchored.database_keyed == ()
    assert anchored.counts["checkpoint file"] == len(place.read_text().splitlines()) - 1
    # Trust pins the id, and the id is the key's fingerprint: swapping the trusted key's
    # public key in the registry, or deleting its row, leaves its checkpoints unverifiable.
    for edit in (
        f"UPDATE signing_keys SET public_key = '{second.public_key}' "
        f"WHERE key_id = '{first.key_id}'",
        f"DELETE FROM signing_keys WHERE key_id = '{first.key_id}'",
    ):
        with raw(url) as db:
            row = db.execute(
                "SELECT key_id, public_key, name, registered_by, registered_at "
                "FROM signing_keys WHERE key_id = ?", (first.key_id,),
            )[0]  # fmt: skip
            db.execute(edit)
        broken = verify_audit(database, sue)
        assert not broken.intact and broken.problem is not None
        assert f"signed by key {first.key_id}, which is neither" in broken.problem
        with raw(url) as db:
            db.execute("DELETE FROM signing_keys WHERE key_id = ?", (first.key_id,))
            db.execute(
                "INSERT INTO signing_keys (key_id, public_key, name, registered_by, "
                "registered_at) VALUES (?, ?, ?, ?, ?)", row,
            )  # fmt: skip
    assert verify_audit(database, sue).intact
    # The first workstation's checkpoints anchor the log again: a rewrite before them is caught.
    rewrite_event(url, _note_seqs(database)[0], {"kind": "interview"})
    sql(url, "DELETE FROM audit_checkpoints")
    caught = verify_audit(database, sue)
    assert caught.chain.finding is not None
    assert caught.chain.finding.problem is Problem.REWRITTEN
    assert "(checkpoint file, signed by" in caught.chain.finding.message
