"""Today's rows against the audit events that recorded them, against someone with the file.

The demo database is edited with ``sqlite3`` behind Casedesk's back: a
discipline decision made harsher, an agency's discipline setting and a
business setting changed, an HR officer made an administrator. The audit log
is left alone, so the chain still verifies; ``audit verify`` must say which
rows no longer hold what it recorded (exit 1), and must not flag the demo as
it was made.
"""

from __future__ import annotations

import json

import pytest

from app.cli import run
from app.domain.actor import Actor
from app.domain.permissions import Role
from app.services import accounts
from app.services.database import Database
from app.services.demo import DEMO_USERS
from app.services.integrity import records
from app.services.integrity.verification import verify_audit
from tests.unit.tampering import raw, reseal_event, rewrite_event, sql


def _admin(database: Database) -> Actor:
    (user,) = [u for u in DEMO_USERS if u.role is Role.ADMINISTRATOR]
    return accounts.authenticate(database, user.username, user.password)


def _url(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


def _decision(database: Database) -> tuple[int, str, int]:
    """A suspension in force in the demo: its id, its case number and its days."""
    with raw(_url(database)) as db:
        ((record_id, number, days),) = db.execute(
            "SELECT d.id, c.number, d.suspension_days FROM discipline_actions d "
            "JOIN cases c ON c.id = d.case_id WHERE d.action = 'suspension' "
            "AND d.withdrawn_at IS NULL ORDER BY d.id LIMIT 1"
        )
    return int(record_id), str(number), int(days)


def test_the_demo_as_made_holds_what_its_log_recorded(demo_database: Database) -> None:
    result = verify_audit(demo_database, _admin(demo_database))

    assert result.intact, result.problem
    assert result.record_problems == ()


def test_rows_changed_behind_casedesk_s_back_are_named(demo_database: Database) -> None:
    admin = _admin(demo_database)
    url = _url(demo_database)
    record_id, number, days = _decision(demo_database)
    with raw(url) as db:
        ((agency, key, value),) = db.execute(
            "SELECT a.code, v.key, v.value FROM agency_discipline_values v "
            "JOIN agencies a ON a.id = v.agency_id ORDER BY a.code, v.key LIMIT 1"
        )
    sql(
        url,
        f"UPDATE discipline_actions SET action = 'dismissal', suspension_days = NULL, "
        f"suspension_first_day = NULL, suspension_last_day = NULL WHERE id = {record_id}",
        "UPDATE agency_discipline_values SET value = 'Somebody Else' WHERE key = "
        f"'{key}' AND agency_id = (SELECT id FROM agencies WHERE code = '{agency}')",
        "UPDATE user_roles SET role = 'administrator' WHERE user_id = "
        "(SELECT id FROM users WHERE username = 'hr')",
    )

    result = verify_audit(demo_database, admin)

    assert result.chain.finding is None  # the log itself was not touched
    assert not result.intact
    problems = "\n".join(result.record_problems)
    assert (
        f"The discipline decision {record_id} in {number} was changed outside Casedesk: "
        in problems
    )
    assert "action 'dismissal' where event" in problems and "recorded 'suspension'" in problems
    assert f"recorded {days}" in problems
    assert f"The discipline setting {key} of {agency} holds 'Somebody Else'" in problems
    assert f"set {value!r}" in problems
    assert "The roles of hr are administrator where audit event" in problems
    assert len(result.record_problems) == 3


def test_a_generated_report_s_record_changed_behind_casedesk_s_back_is_named(
    demo_database: Database, tmp_path
) -> None:
    from app.services import report_building

    admin = _admin(demo_database)
    (hr,) = [u for u in DEMO_USERS if u.role is Role.HR]
    _record_id, number, _days = _decision(demo_database)
    made = report_building.generate_case_summaries(
        demo_database, accounts.authenticate(demo_database, hr.username, hr.password), [number]
    )
    assert verify_audit(demo_database, admin).record_problems == ()
    forged = "0" * 64
    sql(_url(demo_database), f"UPDATE generated_reports SET sha256 = '{forged}' "
                             f"WHERE id = {made.id}")  # fmt: skip

    result = verify_audit(demo_database, admin)

    assert result.record_problems == (
        f"The record of report {made.id} (summary) was changed outside Casedesk: "
        f"SHA-256 '{forged}' where event {_report_event(demo_database, made.id)} "
        f"recorded '{made.sha256}'",
    )


def _report_event(database: Database, report_id: int) -> int:
    with raw(_url(database)) as db:
        ((seq,),) = db.execute(
            "SELECT seq FROM audit_events WHERE action = 'report.generate' AND entity_id = ?",
            (str(report_id),),
        )
    return int(seq)


def test_an_older_event_that_names_fewer_values_compares_only_those(
    demo_database: Database,
) -> None:
    """A decision recorded before its event named the suspension's days (the chain
    consistent) is compared on what its event names, and not flagged for the rest."""
    url = _url(demo_database)
    record_id, _number, days = _decision(demo_database)
    with raw(url) as db:
        ((seq, details),) = db.execute(
            "SELECT seq, details FROM audit_events WHERE action = 'discipline.record' "
            "AND entity_id = ? ORDER BY seq DESC LIMIT 1",
            (str(record_id),),
        )
    older = {k: v for k, v in json.loads(details).items() if k not in ("suspension", "decided_on")}
    rewrite_event(url, int(seq), older)  # every later hash recomputed: the chain holds

    with demo_database.unit_of_work() as uow:
        assert records.record_problems(uow) == []
    sql(url, f"UPDATE discipline_actions SET suspension_days = {days + 1} WHERE id = {record_id}")
    with demo_database.unit_of_work() as uow:
        (problem,) = records.record_problems(uow)
    assert f"suspension days {days + 1} where event {seq} recorded {days}" in problem


def test_a_decision_changed_with_its_event_resealed_is_caught_by_the_chain_link(
    demo_database: Database,
) -> None:
    """The forger also rewrites the decision's event and recomputes its own hash: the
    chain's next link still holds the old hash."""
    url = _url(demo_database)
    record_id, _number, _days = _decision(demo_database)
    with raw(url) as db:
        ((seq,),) = db.execute(
            "SELECT MAX(seq) FROM audit_events WHERE action = 'discipline.record' "
            "AND entity_id = ?",
            (str(record_id),),
        )
    sql(
        url,
        "UPDATE discipline_actions SET action = 'dismissal', suspension_days = NULL, "
        f"suspension_first_day = NULL, suspension_last_day = NULL WHERE id = {record_id}",
    )
    reseal_event(url, int(seq), {"action": "dismissal", "suspension_days": None})

    result = verify_audit(demo_database, _admin(demo_database))

    # The next event no longer links to it; the rows are compared only with a log that holds.
    assert result.chain.finding is not None and result.chain.finding.seq == int(seq) + 1
    assert f"does not follow event {seq}" in result.chain.finding.message
    assert result.record_problems == ()


def test_audit_verify_lists_the_changed_rows_and_exits_1(
    demo_database: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sql(_url(demo_database), "UPDATE user_roles SET role = 'administrator' WHERE user_id = "
                             "(SELECT id FROM users WHERE username = 'hr')")  # fmt: skip
    (admin,) = [u for u in DEMO_USERS if u.role is Role.ADMINISTRATOR]
    monkeypatch.setenv("CASEDESK_PASSWORD", admin.password)
    args = ["--db", _url(demo_database), "--user", admin.username, "audit", "verify"]

    assert run(args) == 1
    out, err = capsys.readouterr()
    assert "- The roles of hr are administrator where audit event" in out
    assert "The audit log is intact (" in err
    assert "but 1 record does not hold what the log recorded for it (listed above)" in err
    assert "Traceback" not in err

    assert run([*args, "--json"]) == 1
    out, _err = capsys.readouterr()
    shown = json.loads(out)
    assert shown["intact"] is False and shown["first_bad_event"] is None
    assert shown["records_changed"][0].startswith("The roles of hr are administrator")


def test_a_document_is_not_made_over_a_decision_changed_behind_casedesk_s_back(
    demo_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path,
) -> None:
    record_id, number, _days = _decision(demo_database)
    sql(_url(demo_database), f"UPDATE discipline_actions SET suspension_days = 30 "
                             f"WHERE id = {record_id}")  # fmt: skip
    (hr,) = [u for u in DEMO_USERS if u.role is Role.HR]
    monkeypatch.setenv("CASEDESK_PASSWORD", hr.password)
    out = tmp_path / "report.pdf"
    args = ["--db", _url(demo_database), "--user", hr.username, "report", number,
            "--kind", "disciplinary", "--out", str(out)]  # fmt: skip

    assert run(args) == 1
    _out, err = capsys.readouterr()
    assert f"The report was not made: The discipline decision {record_id} in {number}" in err
    assert "suspension days 30 where event" in err
    assert "Traceback" not in err
    assert not out.exists()
    # The decision letter and the case summary print the decision too.
    for document in (["report", "decision", number], ["report", number, "--kind", "summary"]):
        assert run([*args[:4], *document, "--out", str(out)]) == 1
        _out, err = capsys.readouterr()
        assert f"The report was not made: The discipline decision {record_id}" in err
        assert not out.exists()
    with raw(_url(demo_database)) as db:
        assert db.execute("SELECT COUNT(*) FROM generated_reports") == [(0,)]
