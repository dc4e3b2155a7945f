"""The tamper-evident audit chain, in plain Python: canonical form, hashing, verification."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import audit
from app.domain.audit import (
    GENESIS_HASH,
    AuditRecord,
    ChainVerification,
    Problem,
    canonical_json,
    canonical_timestamp,
    chain_hash,
    record_hash,
    verify_chain,
)

START = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)


def _event(seq: int, prev_hash: str, **details: object) -> AuditRecord:
    fields: dict[str, Any] = dict(
        seq=seq,
        occurred_at=START + dt.timedelta(minutes=seq),
        actor="ivan" if seq % 2 else "sue",
        action="note.add",
        entity_type="note",
        entity_id=str(seq),
        case_id=1,
        details=details or {"length": seq * 10},
    )
    return AuditRecord(
        **fields,
        prev_hash=prev_hash,
        hash=chain_hash(prev_hash, canonical_json(**fields)),
    )


def _chain(length: int = 8) -> list[AuditRecord]:
    events: list[AuditRecord] = []
    prev = GENESIS_HASH
    for seq in range(1, length + 1):
        events.append(_event(seq, prev))
        prev = events[-1].hash
    return events


def _verify(events: list[AuditRecord], head: AuditRecord | None) -> ChainVerification:
    return verify_chain(
        events,
        head_seq=head.seq if head else 0,
        head_hash=head.hash if head else GENESIS_HASH,
    )


def _renumbered(events: list[AuditRecord], first: int) -> list[AuditRecord]:
    """``events`` with seq numbers from ``first`` on, hashes untouched (a crude forgery)."""
    return [dataclasses.replace(e, seq=first + i) for i, e in enumerate(events)]


# -- canonical form -------------------------------------------------------------------


def test_canonical_json_does_not_depend_on_key_order() -> None:
    common: dict[str, Any] = dict(
        seq=3,
        occurred_at=START,
        actor="ivan",
        action="case.update",
        entity_type="case",
        entity_id="12",
        case_id=12,
    )
    first = canonical_json(**common, details={"b": [1, 2], "a": {"y": 1, "x": 2}})
    second = canonical_json(**common, details={"a": {"x": 2, "y": 1}, "b": [1, 2]})
    assert first == second
    assert " " not in first
    assert json.loads(first)["details"] == {"a": {"x": 2, "y": 1}, "b": [1, 2]}


def test_canonical_json_keeps_unicode_as_is() -> None:
    text = canonical_json(
        seq=1,
        occurred_at=START,
        actor="zoë",
        action="employee.add",
        entity_type="employee",
        entity_id="1",
        case_id=None,
        details={"name": "Zoë Ångström 日本"},
    )
    assert "Zoë Ångström 日本" in text
    assert "\\u" not in text
    assert '"case_id":null' in text


def test_one_instant_has_one_spelling_whatever_its_time_zone() -> None:
    eastern = dt.timezone(dt.timedelta(hours=-5))
    same = dt.datetime(2026, 3, 14, 4, 30, tzinfo=eastern)
    naive_utc = dt.datetime(2026, 3, 14, 9, 30)
    assert canonical_timestamp(START) == "2026-03-14T09:30:00.000000Z"
    assert canonical_timestamp(same) == canonical_timestamp(START)
    assert canonical_timestamp(naive_utc) == canonical_timestamp(START)


def test_the_hash_covers_the_previous_hash_and_every_field() -> None:
    event = _chain(1)[0]
    assert record_hash(event, GENESIS_HASH) == event.hash
    assert record_hash(event, "f" * 64) != event.hash
    for change in (
        {"actor": "mallory"},
        {"action": "note.remove"},
        {"entity_id": "99"},
        {"case_id": 2},
        {"details": {"length": 11}},
        {"occurred_at": START + dt.timedelta(microseconds=1)},
    ):
        assert record_hash(dataclasses.replace(event, **change), GENESIS_HASH) != event.hash


# -- verification ---------------------------------------------------------------------


def test_an_untouched_chain_is_intact() -> None:
    events = _chain()
    result = _verify(events, events[-1])
    assert result.intact
    assert (result.checked, result.last_seq, result.last_hash) == (8, 8, events[-1].hash)


def test_an_empty_log_is_intact() -> None:
    result = verify_chain([], head_seq=0, head_hash=GENESIS_HASH)
    assert result.intact
    assert result.checked == 0


@pytest.mark.parametrize("seq", [1, 4, 8])
def test_an_altered_event_is_named(seq: int) -> None:
    events = _chain()
    events[seq - 1] = dataclasses.replace(events[seq - 1], details={"length": 0})
    result = verify_chain(events, head_seq=8, head_hash=events[-1].hash)
    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (seq, Problem.ALTERED)
    assert f"event {seq} (note.add by " in result.finding.message
    assert result.checked == seq - 1


@pytest.mark.parametrize("seq", [1, 2, 5, 7])
def test_a_deleted_event_is_named_missing(seq: int) -> None:
    events = _chain()
    del events[seq - 1]
    result = verify_chain(events, head_seq=8, head_hash=_chain()[-1].hash)
    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (seq, Problem.MISSING)
    assert f"event {seq} is missing" in result.finding.message


def test_a_forged_event_inserted_in_the_middle_is_detected_where_it_breaks_the_chain() -> None:
    events = _chain()
    forged = _event(4, events[2].hash, note="backdated")
    tampered = events[:3] + [forged] + _renumbered(events[3:], 5)
    result = verify_chain(tampered, head_seq=9, head_hash=tampered[-1].hash)
    assert result.finding is not None
    # The forgery itself hashes correctly; the genuine event after it no longer links.
    assert (result.finding.seq, result.finding.problem) == (5, Problem.INSERTED_OR_REORDERED)


def test_a_forged_event_with_a_made_up_hash_is_altered() -> None:
    events = _chain()
    forged = dataclasses.replace(_event(9, events[-1].hash), hash="a" * 64)
    result = verify_chain([*events, forged], head_seq=9, head_hash=forged.hash)
    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (9, Problem.ALTERED)


def test_an_event_appended_behind_the_head_is_detected() -> None:
    events = _chain()
    forged = _event(9, events[-1].hash, note="appended with sqlite3")
    result = verify_chain([*events, forged], head_seq=8, head_hash=events[-1].hash)
    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (9, Problem.INSERTED_OR_REORDERED)
    assert "appended outside the application" in result.finding.message


@pytest.mark.parametrize("first", [1, 3, 7])
def test_two_swapped_events_are_detected_at_the_first(first: int) -> None:
    events = _chain()
    a, b = events[first - 1], events[first]
    events[first - 1] = dataclasses.replace(b, seq=a.seq)
    events[first] = dataclasses.replace(a, seq=b.seq)
    result = verify_chain(events, head_seq=8, head_hash=_chain()[-1].hash)
    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (first, Problem.INSERTED_OR_REORDERED)


def test_a_duplicated_seq_is_out_of_place() -> None:
    events = _chain()
    result = verify_chain(events[:4] + events[3:], head_seq=8, head_hash=events[-1].hash)
    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (4, Problem.INSERTED_OR_REORDERED)


@pytest.mark.parametrize("cut", [1, 3])
def test_a_cut_off_tail_is_truncated(cut: int) -> None:
    events = _chain()
    result = verify_chain(events[:-cut], head_seq=8, head_hash=events[-1].hash)
    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (9 - cut, Problem.TRUNCATED)
    assert f"events {9 - cut} to 8 are missing" in result.finding.message


def test_a_wiped_log_is_truncated_from_the_first_event() -> None:
    events = _chain()
    result = verify_chain([], head_seq=8, head_hash=events[-1].hash)
    assert result.finding is not None
    assert (result.finding.seq, result.finding.problem) == (1, Problem.TRUNCATED)


def test_without_the_head_a_cut_off_tail_goes_unnoticed() -> None:
    # Why the head row exists: the chain alone cannot tell its last event was removed.
    assert verify_chain(_chain()[:-1]).intact


@given(
    seq=st.integers(min_value=1, max_value=10**9),
    actor=st.text(max_size=20),
    action=st.text(max_size=20),
    entity_id=st.text(max_size=10),
    case_id=st.one_of(st.none(), st.integers(min_value=1, max_value=10**9)),
    details=st.dictionaries(
        st.text(max_size=8),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.text(max_size=30),
            st.lists(st.text(max_size=5), max_size=3),
        ),
        max_size=5,
    ),
)
def test_the_fast_canonical_form_equals_the_reference(
    seq: int, actor: str, action: str, entity_id: str, case_id: int | None, details: dict
) -> None:
    """The verifier's spliced form must hash exactly like the form events were written in."""
    moment = dt.datetime(2026, 3, 2, 10, 30, 15, 123456, tzinfo=dt.UTC)
    reference = audit.canonical_json(
        seq=seq, occurred_at=moment, actor=actor, action=action, entity_type="case",
        entity_id=entity_id, case_id=case_id, details=details,
    )  # fmt: skip
    fast = audit.canonical_json_raw(
        seq=seq, at=audit.canonical_timestamp(moment), actor=actor, action=action,
        entity_type="case", entity_id=entity_id, case_id=case_id,
        details_json=audit.canonical_dumps(details),
    )  # fmt: skip
    assert fast == reference
