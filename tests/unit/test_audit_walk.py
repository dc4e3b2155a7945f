"""The fast walk of ``audit verify``: plain driver rows, the same verdict as the full verifier.

Real databases on both backends: the walk must cover an intact chain to its
end (a walk that stopped at once would still pass every tampering test, and
verification would be slow), stop before an event it cannot vouch for, and
hand that event to the full verifier, whose result the combination keeps.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.actor import Actor
from app.domain.audit import GENESIS_HASH, Problem, verify_chain, walk_intact
from app.services import audit
from app.services.database import Database
from app.services.integrity.verification import verify_audit
from tests.unit.tampering import raw


def test_an_intact_chain_is_walked_to_its_end_without_records(
    database: Database, admin: Actor
) -> None:
    with database.unit_of_work() as uow:
        count = audit.event_count(uow)
        head = audit.read_head(uow)
        head_seq, head_hash = head.seq, head.hash
        walked = walk_intact(audit.raw_events(uow, 0))
        checked = audit.check_chain(uow, head_seq=head_seq, head_hash=head_hash)
    assert count > 10  # the catalog load, the administrator, the key, the checkpoint
    assert (walked.checked, walked.last_seq, walked.last_hash) == (count, head_seq, head_hash)
    assert checked.intact and checked.checked == count


def test_the_walk_starts_after_a_trusted_event(database: Database, admin: Actor) -> None:
    with database.unit_of_work() as uow:
        rows = list(audit.raw_events(uow, 0))
        middle = rows[len(rows) // 2]
        walked = walk_intact(audit.raw_events(uow, middle[0]), after_seq=middle[0],
                             after_hash=middle[-1])  # fmt: skip
        from_genesis_with_a_wrong_start = walk_intact(rows, after_hash="f" * 64)
    assert walked.checked == len(rows) - middle[0]
    assert walked.last_hash == rows[-1][-1]
    assert from_genesis_with_a_wrong_start.checked == 0
    assert from_genesis_with_a_wrong_start.last_hash == "f" * 64


def test_the_timestamp_text_is_the_canonical_spelling(database: Database, admin: Actor) -> None:
    with database.unit_of_work() as uow:
        texts = [row[1] for row in audit.raw_events(uow, 0)]
        stored = [r.occurred_at for r in audit.records(uow)]
    assert all(text is not None for text in texts)
    assert texts == [
        moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
        for moment in stored
    ]


@pytest.mark.parametrize("spelled", ["with a T", "a second later"])
def test_a_timestamp_stored_in_another_spelling_goes_to_the_full_verifier(
    sqlite_database: Database, cheap_hashing: None, spelled: str
) -> None:
    """A time stored otherwise is not the fast walk's: the full verifier decides.

    With a T (the same moment, as SQLAlchemy reads it) the walk reads no
    canonical text at all, and the chain holds. A second later, in the stored
    spelling, is what someone holding a copy of the file would write: the walk
    reads it, its hash fails, and the verifier names the event as altered.
    """
    from app.services import setup

    database = sqlite_database
    admin = setup.initialize(
        database, admin_username="admin", admin_full_name="Ada Admin",
        admin_password="correct horse battery",
    ).administrator  # fmt: skip
    assert admin is not None
    with database.unit_of_work() as uow:
        (first, *_rest) = list(audit.raw_events(uow, 0))
    url = database.engine.url.render_as_string(hide_password=False)
    database.engine.dispose()
    with raw(url) as db:
        (stored,) = db.execute("SELECT occurred_at FROM audit_events WHERE seq = 1")[0:1]
        moment = dt.datetime.fromisoformat(stored[0])
        if spelled == "with a T":
            other = moment.isoformat(timespec="microseconds")
        else:
            later = moment + dt.timedelta(seconds=1)
            other = later.isoformat(sep=" ", timespec="microseconds")
        db.execute("UPDATE audit_events SET occurred_at = ? WHERE seq = 1", (other,))
    with database.unit_of_work() as uow:
        rows = list(audit.raw_events(uow, 0))
        walked = walk_intact(rows)
        head = audit.read_head(uow)
        checked = audit.check_chain(uow, head_seq=head.seq, head_hash=head.hash)
        full = verify_chain(audit.records(uow), head_seq=head.seq, head_hash=head.hash)
    assert (rows[0][1] is None) is (spelled == "with a T")
    assert walked.checked == 0 and walked.last_hash == GENESIS_HASH
    assert first[1] is not None
    assert (checked.intact, checked.checked, checked.finding) == (
        full.intact,
        full.checked,
        full.finding,
    )
    assert verify_audit(database, admin).chain.checked == full.checked
    if spelled == "with a T":
        assert checked.intact
    else:
        assert not checked.intact and checked.finding is not None
        assert (checked.finding.seq, checked.finding.problem) == (1, Problem.ALTERED)
