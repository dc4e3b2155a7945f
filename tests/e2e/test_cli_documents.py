"""One employee per document, unredacted exhibits, case summaries: ``casedesk report`` in-process.

A case with two subject employees: each one's disciplinary document shows
only their own allegations, findings, evidence and discipline, and says what
it left out. Printing redacted exhibits unredacted in a case with client,
patient or youth content needs an explicit confirmation, which is audited.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, text

from app.__main__ import main
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline.regimes import Regime
from app.domain.evidence import RedactionBox, RedactionReason
from app.services import accounts, cases, employees, evidence
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence import redaction as evidence_redaction
from tests.e2e.conftest import (
    ADMIN_PASSWORD,
    HR_PASSWORD,
    INVESTIGATOR_PASSWORD,
    SUPERVISOR_PASSWORD,
    Casedesk,
    Result,
)
from tests.reports.samples import screenshot_png

Run = Callable[..., Result]
HANA = {"user": "hana", "password": HR_PASSWORD}
TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def run(cli: Casedesk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """``casedesk ARGS`` in this process, on the ``cli`` fixture's database."""
    monkeypatch.setenv("CASEDESK_DATABASE_URL", cli.url)

    def invoke(*args: str, user: str | None = None, password: str | None = None) -> Result:
        capsys.readouterr()
        for name, value in (("CASEDESK_USER", user), ("CASEDESK_PASSWORD", password)):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return invoke


@dataclass
class TwoSubjects:
    number: str
    ada: int
    ben: int


def _two_subject_case(cli: Casedesk, *, clients: bool) -> TwoSubjects:
    """A MODNR case against Ada and Ben: an allegation each, evidence about each and neither."""
    database = Database.open(cli.url)
    try:
        admin = accounts.authenticate(database, "admin", ADMIN_PASSWORD)
        ivy = accounts.authenticate(database, "ivy", INVESTIGATOR_PASSWORD)
        sam = accounts.authenticate(database, "sam", SUPERVISOR_PASSWORD)
        ada = employees.add_employee(database, admin, agency_code="MODNR",
                                     full_name="Ada Quist", position="Park Ranger")  # fmt: skip
        ben = employees.add_employee(database, admin, agency_code="MODNR",
                                     full_name="Ben Okoro", position="Naturalist")  # fmt: skip
        fields = CaseFields(
            agency_code="MODNR", title="Posts from the visitor centre", reported_on=TODAY,
            narrative="Two rangers posted during shifts.", subject_ids=(ada.id, ben.id),
            investigator="ivy", clients_involved=clients,
        )  # fmt: skip
        case = cases.create_case(database, ivy, fields)
        cited = "MO-DNR-SN Policy.1"
        mine = cases.add_allegation(
            database, ivy, case.id, cited, employee_id=ada.id, summary="Ada posted at 10:05."
        )
        theirs = cases.add_allegation(
            database, ivy, case.id, cited, employee_id=ben.id, summary="Ben posted at 14:40."
        )
        cases.transition_case(database, ivy, case.id, CaseStatus.INVESTIGATING)
        shots = [
            ("ada-post.png", "Post by Ada Quist on the park page", ""),
            ("ben-post.png", "Post by Ben Okoro", ""),
            ("rota.png", "The shift rota of the week", ""),
        ]
        ids = []
        for seed, (name, description, account) in enumerate(shots, start=1):
            ids.append(
                evidence.add_evidence(
                    database, ivy, case.id, screenshot_png(seed, (800, 600)),
                    original_filename=name, description=description, account_shown=account,
                ).id
            )  # fmt: skip
        evidence_redaction.set_redactions(
            database, ivy, ids[0], [RedactionBox(10, 10, 200, 40, RedactionReason.OTHER)]
        )
        for allegation, reason in ((mine, "Ada's post is timed."), (theirs, "Ben's too.")):
            cases.record_finding(database, ivy, allegation.id, Finding.SUBSTANTIATED, reason)
        cases.transition_case(database, ivy, case.id, CaseStatus.FINDINGS)
        cases.transition_case(database, sam, case.id, CaseStatus.DISCIPLINE_REVIEW)
        # A probationary employee is owed no pre-action notice before a suspension.
        employees.set_regime(database, admin, ada.id, Regime.PROBATIONARY)
        return TwoSubjects(case.number, ada.id, ben.id)
    finally:
        database.close()


def _decide(run: Run, number: str, employee: str, action: str, *extra: str) -> None:
    made = run("discipline", "set", number, "--employee", employee, "--action", action,
               "--effective", "2026-03-20", "--steps", "Post only on breaks.",
               "--consequence", "Suspension.", *extra, **HANA)  # fmt: skip
    assert made.code == 0, made.err


def _text(path: Path) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(p.extract_text() or "" for p in pages).split())


def _events(cli: Casedesk, action: str) -> list[dict[str, Any]]:
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


def test_each_employee_s_document_holds_only_their_own_case(
    run: Run, cli: Casedesk, tmp_path: Path
) -> None:
    case = _two_subject_case(cli, clients=False)
    _decide(run, case.number, "Ada Quist", "written_reprimand")
    _decide(run, case.number, "Ben Okoro", "counseling")
    texts = {}
    for name in ("Ada Quist", "Ben Okoro"):
        out = tmp_path / f"{name.split()[0]}.pdf"
        made = run("report", case.number, "--employee", name, "--out", str(out), **HANA)
        assert made.code == 0, made.err
        texts[name] = _text(out)
    ada, ben = texts["Ada Quist"], texts["Ben Okoro"]
    assert "Ada posted at 10:05." in ada and "Ben posted at 14:40." not in ada
    assert "Ben posted at 14:40." in ben and "Ada posted at 10:05." not in ben
    assert "Ada's post is timed." in ada and "Ben's too." not in ada
    # Evidence: each sees the item naming them; the rota names nobody and is left out.
    assert "ada-post.png" in ada and "ben-post.png" not in ada and "rota.png" not in ada
    assert "ben-post.png" in ben and "ada-post.png" not in ben
    assert (
        "Left out of this document: 1 item concerns another subject of the case only; "
        "1 item is not attributed to this employee" in ada
    )
    assert "Also left out: 1 allegation concerning another subject of the case" in ada
    # The item keeps its place in the case's list: Ben's item is E-2 in his document.
    assert "E-2" in ben and "E-1" not in ben.replace("E-1 ", "")
    # Discipline: each their own.
    assert "Written reprimand" in ada and "Counseling" not in ada
    assert "Counseling" in ben and "Written reprimand" not in ben
    generated = _events(cli, "report.generate")
    assert sorted(e["employee_id"] for e in generated) == sorted([case.ada, case.ben])


def test_unredacted_exhibits_of_a_case_with_clients_need_a_confirmation(
    run: Run, cli: Casedesk, tmp_path: Path
) -> None:
    case = _two_subject_case(cli, clients=True)
    out = tmp_path / "ada.pdf"
    # No decision yet: the report is a draft (the redaction rules are the same).
    base = ("report", case.number, "--employee", "Ada Quist", "--out", str(out), "--draft")
    refused = run(*base, "--unredacted", **HANA)
    assert refused.code == 1
    assert "clients, patients or youth are involved" in refused.err
    assert "--unredacted --confirm-unredacted" in refused.err
    assert "Traceback" not in refused.err and not out.exists()
    assert _events(cli, "report.generate") == []
    # Confirming without asking for the originals is a usage mistake.
    assert run(*base, "--confirm-unredacted", **HANA).code == 2
    # Redacted by default: the rendering's digest is printed beside the original's.
    made = run(*base, **HANA)
    assert made.code == 0, made.err
    assert "SHA-256 of the redacted rendering printed:" in _text(out)
    made = run(*base, "--unredacted", "--confirm-unredacted", "--force", **HANA)
    assert made.code == 0, made.err
    text = _text(out)
    assert "UNREDACTED ORIGINAL" in text and "REDACTED RENDERING" not in text
    assert "Printed unredacted: E-1 has redaction boxes" in text
    last = _events(cli, "report.generate")[-1]
    assert last["unredacted"] is True and last["unredacted_confirmed"] is True
    assert last["sensitive"] == ["the intake records that clients, patients or youth are involved"]
    custody = [e for e in _events(cli, "evidence.report") if e.get("unredacted")]
    assert len(custody) == 1 and custody[0]["redacted"] is False


def test_the_case_summary_names_each_allegation_s_employee_and_marks_proposals(
    run: Run, cli: Casedesk, tmp_path: Path
) -> None:
    case = _two_subject_case(cli, clients=False)
    _decide(run, case.number, "Ada Quist", "suspension", "--days", "3")
    out = tmp_path / "summary.pdf"
    made = run("report", case.number, "--kind", "summary", "--out", str(out), **HANA)
    assert made.code == 0, made.err
    text = _text(out)
    assert "Ada Quist" in text and "Ben Okoro" in text
    assert "Concerns" in text
    assert "(proposed: not final until the employee's pre-action response is considered)" in text
    # Re-hashed first: every item's custody names the summary.
    summary_events = [e for e in _events(cli, "evidence.report") if e["report_kind"] == "summary"]
    assert len(summary_events) == 3
