"""The audit log as the administration view reads it: pages, filters, what is withheld,
the CSV export, and verification with progress naming the first bad event."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from app.domain.actor import Actor
from app.domain.errors import InvalidInputs, PermissionDenied
from app.domain.permissions import Role
from app.services import cases
from app.services.audit_log.events import AuditFilter, events_page, iter_events
from app.services.audit_log.export import export_csv
from app.services.audit_log.visibility import WITHHELD
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.integrity.verification import verify_audit
from tests.unit.conftest import MakeUser, built_once
from tests.unit.tampering import sql

NOTES = 5


@built_once("audit_log")
def worked(database: Database, admin: Actor, make_user: MakeUser) -> tuple[Actor, str]:
    """A supervisor who opened a case and wrote notes in it; yields them and the case number."""
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    case = cases.create_case(
        database, sue, CaseFields(agency_code="ARDHS", title="Client file",
                                  reported_on=dt.date(2026, 11, 2)),
    )  # fmt: skip
    for number in range(NOTES):
        cases.add_note(database, sue, case.id, f"Interview {number}")
    return sue, case.number


def test_pages_run_newest_first_without_gaps_and_filters_narrow(
    database: Database, admin: Actor, worked: tuple[Actor, str]
) -> None:
    sue, number = worked
    first = events_page(database, sue, AuditFilter(), limit=3)
    assert first.total is not None and first.total > NOTES
    seqs = [e.seq for e in first.events]
    before = first.next_before
    while before is not None:
        page = events_page(database, sue, AuditFilter(), before=before, limit=3)
        assert page.total is None
        seqs += [e.seq for e in page.events]
        before = page.next_before
    assert seqs == sorted(seqs, reverse=True) and len(seqs) == first.total
    assert seqs[-1] == 1

    notes = events_page(database, sue, AuditFilter(actor="SUE", action="note", case_number=number))
    assert notes.total == NOTES
    assert {e.action for e in notes.events} == {"note.add"}
    assert all(e.case_number == number for e in notes.events)
    assert notes.events[0].details is not None  # a supervisor sees case content

    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert events_page(database, sue, AuditFilter(since=later)).total == 0
    assert events_page(database, sue, AuditFilter(until=later)).total == first.total


def test_administrators_see_case_events_without_their_details(
    database: Database, admin: Actor, worked: tuple[Actor, str]
) -> None:
    _, number = worked
    page = events_page(database, admin, AuditFilter(case_number=number))
    assert page.total == NOTES + 1
    assert all(e.details is None and e.withheld == WITHHELD for e in page.events)
    own = events_page(database, admin, AuditFilter(action="user.add"))
    assert own.events and own.events[0].details is not None


def test_a_bad_filter_names_every_field_and_investigators_are_refused(
    database: Database, admin: Actor, worked: tuple[Actor, str], make_user: MakeUser
) -> None:
    now = dt.datetime.now(dt.UTC)
    with pytest.raises(InvalidInputs) as caught:
        events_page(database, admin, AuditFilter(case_number="NOPE-1", since=now, until=now))
    assert {p.field for p in caught.value.problems} == {"case_number", "until"}
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    with pytest.raises(PermissionDenied):
        events_page(database, ivan, AuditFilter())


def test_export_writes_the_filtered_events_and_is_audited(
    database: Database, admin: Actor, worked: tuple[Actor, str], tmp_path: Path
) -> None:
    _, number = worked
    target = tmp_path / "audit.csv"
    assert export_csv(database, admin, AuditFilter(case_number=number), target) == NOTES + 1
    with target.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["action"] for r in rows][:NOTES] == ["note.add"] * NOTES
    assert {r["details"] for r in rows} == {WITHHELD}
    assert "Interview" not in target.read_text(encoding="utf-8")
    latest = next(iter_events(database, admin, AuditFilter(action="audit.export")))
    assert latest.details is not None and latest.details["events"] == NOTES + 1


def test_verify_reports_progress_and_names_the_first_tampered_event(
    database: Database, database_url: str, admin: Actor, worked: tuple[Actor, str]
) -> None:
    sue, number = worked
    steps: list[tuple[int, int]] = []
    intact = verify_audit(
        database, sue, progress=lambda done, total, _: steps.append((done, total))
    )
    assert intact.intact and steps[-1][0] == steps[-1][1] == intact.chain.checked

    notes = events_page(database, sue, AuditFilter(action="note.add", case_number=number))
    target = notes.events[-1].seq  # the first note
    sql(database_url, f"UPDATE audit_events SET actor = 'mallory' WHERE seq = {target}")
    result = verify_audit(database, sue)
    assert result.chain.finding is not None and result.chain.finding.seq == target
    assert f"event {target} (note.add by mallory) was altered" in (result.problem or "")
