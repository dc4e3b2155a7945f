"""Report building on real databases: the PDF read back, hashes, custody, refusal, scripts."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

import reports
import reports.fonts
from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding, NoteKind
from app.domain.discipline import DisciplineAction, Regime, calendar_for
from app.domain.discipline.flow import DeliveryMethod
from app.domain.errors import IntegrityFailure, InvalidInput, PermissionDenied
from app.domain.evidence import RedactionBox, RedactionReason
from app.domain.permissions import Role
from app.resources import report_fonts_path
from app.services import cases, discipline, employees, evidence, report_building
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.discipline import DisciplineInput, NoticeInput
from app.services.evidence import redaction
from app.services.evidence.amend import void_evidence
from app.services.reporting import common as reporting_common
from tests.reports import samples
from tests.reports.conftest import embedded_fonts
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]
DATA = Path(__file__).parent.parent / "data"


def _today() -> dt.date:
    """Today, read when a test runs: a run may cross midnight."""
    return dt.date.today()


S = CaseStatus


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    sue: Actor
    hana: Actor
    case_id: int
    number: str
    earlier_number: str
    employee: int
    evidence_ids: list[int]


def _drive_to_review(
    db: Database, ivan: Actor, sue: Actor, employee: int, title: str,
    findings: tuple[tuple[str, Finding], ...],
) -> tuple[int, str]:  # fmt: skip
    fields = CaseFields(
        agency_code="MODNR",
        title=title,
        reported_on=_today() - dt.timedelta(days=20),
        conduct_from=_today() - dt.timedelta(days=30),
        conduct_to=_today() - dt.timedelta(days=25),
        platforms=("Facebook",),
        narrative="During shifts on three days the employee posted photos of a park site "
        "visit to a personal Facebook account from a state laptop.",
        subject_ids=(employee,),
        investigator="ivan",
    )
    case = cases.create_case(db, ivan, fields)
    ids = []
    for cite, _ in findings:
        summary = f"Conduct under {cite}: posts during working hours."
        ids.append(cases.add_allegation(db, ivan, case.id, cite, summary=summary).id)
    cases.transition_case(db, ivan, case.id, S.INVESTIGATING)
    for allegation_id, (cite, finding) in zip(ids, findings, strict=True):
        cases.record_finding(
            db, ivan, allegation_id, finding, f"Reasoning for {cite}: timestamps match shifts."
        )
    cases.transition_case(db, ivan, case.id, S.FINDINGS)
    cases.transition_case(db, sue, case.id, S.DISCIPLINE_REVIEW)
    return case.id, case.number


def _world(database: Database, admin: Actor, make_user: MakeUser, name: str) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    boss = employees.add_employee(database, admin, agency_code="MODNR", full_name="Rita Boss")
    employee = employees.add_employee(
        database, admin, agency_code="MODNR", full_name=name, position="Park Ranger II",
        division="State Parks, Northeast District", employee_number="MO-4471",
        supervisor_id=boss.id,
    ).id  # fmt: skip
    # Earlier discipline in another case: a written reprimand.
    earlier, earlier_number = _drive_to_review(
        database, ivan, sue, employee, "Earlier posting",
        (("MO-DNR-SN Policy.1", Finding.SUBSTANTIATED),),
    )  # fmt: skip
    discipline.record_discipline(
        database, hana, earlier,
        DisciplineInput(employee, DisciplineAction.WRITTEN_REPRIMAND,
                        _today() - dt.timedelta(days=5), "Stop posting on duty.",
                        "Suspension."),
    )  # fmt: skip
    case_id, number = _drive_to_review(
        database, ivan, sue, employee, "Posted park photos on duty",
        (("MO-DNR-SN Policy.1", Finding.SUBSTANTIATED),
         ("MO-DNR-SN Policy.2", Finding.UNFOUNDED)),
    )  # fmt: skip
    cases.add_note(database, ivan, case_id, "Interviewed the shift lead, who confirmed the "
                   "rota.", NoteKind.INTERVIEW)  # fmt: skip
    ids = []
    for file in ("good.png", "good2.png", "good.jpg"):
        ids.append(
            evidence.add_evidence(
                database,
                ivan,
                case_id,
                (DATA / file).read_bytes(),
                original_filename=file,
                source_url="https://www.facebook.com/ranger.posts",
                platform="Facebook",
                account_shown="ranger.posts",
                captured_at="2026-03-02T14:05:00-06:00",
                captured_by="Ivan Investigator",
            ).id  # fmt: skip
        )
    # A regular merit employee: the suspension follows a pre-action notice and the response.
    employees.set_regime(database, hana, employee, Regime.MERIT)
    for key, value in (
        ("discipline.response_days", "5"),
        ("appointing_authority.name", "Dana Director"),
    ):
        discipline.set_agency_value(database, admin, "MODNR", key, value)
    discipline.issue_notice(
        database, hana, case_id,
        NoticeInput(employee, DisciplineAction.SUSPENSION, _today() - dt.timedelta(days=15),
                    DeliveryMethod.IN_PERSON, "Rita Boss", proposed_days=3,
                    status_pending="On duty in the current position pending the decision."),
    )  # fmt: skip
    discipline.record_response(
        database, hana, case_id, employee, received_on=_today() - dt.timedelta(days=12),
        summary="Admits posting on a break.",
    )  # fmt: skip
    effective = calendar_for("MO").next_working_day(_today() + dt.timedelta(days=14)).day
    discipline.record_discipline(
        database, hana, case_id,
        DisciplineInput(
            employee, DisciplineAction.SUSPENSION, effective,
            "Keep personal social media to breaks and personal devices.",
            "A further violation will lead to dismissal.", suspension_days=3,
        ),
    )  # fmt: skip
    return World(database, admin, ivan, sue, hana, case_id, number, earlier_number, employee, ids)


@built_once("report_building")
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    return _world(database, admin, make_user, "Jordan Reyes")


def _pdf_text(pdf: bytes) -> tuple[list[str], str]:
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() or "" for page in reader.pages]
    return pages, "\n".join(pages)


def _squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _scalar(db: Database, sql: str, **params: object) -> object:
    with db.engine.connect() as connection:
        return connection.execute(text(sql), params).scalar_one()


def test_the_disciplinary_report_carries_every_required_element(world: World) -> None:
    info = report_building.generate_disciplinary(world.db, world.hana, world.case_id)
    pages, whole = _pdf_text(info.pdf)
    flat = _squash(whole)
    total = len(pages)
    assert total >= 2
    for index, page in enumerate(pages, start=1):
        assert f"Page {index} of {total}" in page, f"page {index} lacks its number"
        assert "CONFIDENTIAL" in page.upper(), f"page {index} lacks the marking"
    detail = cases.get_case(world.db, world.hana, world.case_id)
    for expected in (
        "Missouri Department of Natural Resources",
        world.number,
        "Jordan Reyes",
        "Park Ranger II",
        "State Parks, Northeast District",
        "Rita Boss",
        "Suspension",
        "Keep personal social media to breaks and personal devices.",
        "A further violation will lead to dismissal.",
        "On duty in the current position pending the decision.",
        "Written reprimand",  # prior discipline
        "Interviewed the shift lead",
        "Ivan Investigator",
        "Hana Resources",
    ):
        assert _squash(expected) in flat, f"missing: {expected}"
    # Each allegation cites its provision and quotes its text from the catalog.
    for allegation in detail.allegations:
        assert _squash(allegation.citation) in flat
        assert _squash(allegation.provision_text[:80]) in flat
        assert _squash(allegation.reasoning) in flat
    # The evidence hashes printed are the database's.
    for item in evidence.list_evidence(world.db, world.hana, world.case_id):
        assert item.sha256 in flat
        assert item.original_filename in whole
    # Response and appeal rights: the notice's window and the response considered; no
    # window of the report's own; a 3-day suspension carries no appeal to the AHC, as the
    # decision letter says (RSMo 36.390.2).
    decision = discipline.case_discipline(world.db, world.hana, world.case_id).employees[0]
    assert decision.decision is not None
    assert decision.decision.response_due.isoformat() in whole
    assert _squash(f"until {decision.decision.response_due}") in flat
    assert _squash("It was considered before the decision") in flat
    assert "within 10 days" not in whole and "of receiving this report" not in whole
    assert _squash("No appeal. There is no appeal to the Administrative Hearing Commission") in flat
    assert _squash("(RSMo 36.390.2; RSMo 621.075)") in flat
    # PDF metadata.
    meta = PdfReader(io.BytesIO(info.pdf)).metadata
    assert meta is not None and meta.title == f"Disciplinary report {world.number}"
    assert meta.author is not None and "Hana Resources" in meta.author


def test_the_report_is_recorded_with_its_hash_and_each_item_gets_custody(world: World) -> None:
    info = report_building.generate_disciplinary(world.db, world.hana, world.case_id)
    assert info.sha256 == hashlib.sha256(info.pdf).hexdigest()
    stored = _scalar(world.db, "SELECT sha256 FROM generated_reports WHERE id = :i", i=info.id)
    assert stored == info.sha256
    size = _scalar(world.db, "SELECT size FROM generated_reports WHERE id = :i", i=info.id)
    assert size == len(info.pdf)
    events = _scalar(
        world.db, "SELECT count(*) FROM audit_events WHERE action = 'report.generate' "
        "AND case_id = :c", c=world.case_id,
    )  # fmt: skip
    assert events == 1
    # Each item's custody has one report event naming this report, written with it.
    generated_seq = _scalar(
        world.db, "SELECT seq FROM audit_events WHERE action = 'report.generate'"
    )
    seqs = []
    for item_id in world.evidence_ids:
        history = evidence.custody_history(world.db, world.hana, item_id)
        (event,) = [e for e in history if e.action == "evidence.report"]
        assert event.details == {
            "sha256": next(i.sha256 for i in _items(world) if i.id == item_id),
            "report_id": info.id, "report_kind": "disciplinary", "report_sha256": info.sha256,
            "redacted": False,
        }  # fmt: skip
        seqs.append(event.seq)
    assert seqs == [generated_seq + n for n in range(1, len(world.evidence_ids) + 1)]
    (listed,) = report_building.list_generated(world.db, world.hana, world.case_id)
    assert (listed.sha256, listed.kind, listed.generated_by) == (
        info.sha256, "disciplinary", "Hana Resources",
    )  # fmt: skip


def test_a_corrupted_evidence_blob_refuses_the_report_naming_the_item(world: World) -> None:
    target = evidence.list_evidence(world.db, world.hana, world.case_id)[1]
    with world.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :d WHERE sha256 = :s"),
            {"d": b"\x89PNG tampered", "s": target.sha256},
        )
    with pytest.raises(IntegrityFailure, match=f"Evidence item {target.id} \\(good2.png"):
        report_building.generate_disciplinary(world.db, world.hana, world.case_id)
    assert _scalar(world.db, "SELECT count(*) FROM generated_reports") == 0
    assert (
        _scalar(world.db, "SELECT count(*) FROM audit_events WHERE action = 'report.generate'") == 0
    )
    # The first item was read before the second failed: it went into no report.
    assert _report_events(world) == 0
    failed = evidence.custody_history(world.db, world.hana, target.id)[-1]
    assert (failed.action, failed.details["purpose"]) == ("evidence.integrity_failure", "report")


def _items(world: World) -> list[evidence.EvidenceInfo]:
    return evidence.list_evidence(world.db, world.hana, world.case_id)


def _report_events(world: World) -> object:
    return _scalar(world.db, "SELECT count(*) FROM audit_events WHERE action = 'evidence.report'")


class _Stop(Exception):
    """What the GUI's Cancel raises from a progress call."""


def test_a_report_stopped_part_way_or_not_written_records_nothing(world: World) -> None:
    def cancel_after_the_first_item(done: int, total: int, text: str) -> None:
        if done == 1:
            raise _Stop

    with pytest.raises(_Stop):
        report_building.generate_disciplinary(
            world.db, world.hana, world.case_id, progress=cancel_after_the_first_item
        )

    def cancel_while_rendering(done: int, total: int, text: str) -> None:
        if text.startswith("Rendering"):
            raise _Stop

    with pytest.raises(_Stop):
        report_building.generate_disciplinary(
            world.db, world.hana, world.case_id, progress=cancel_while_rendering
        )

    def disk_full(pdf: bytes, sha256: str) -> None:
        raise InvalidInput("Cannot write report.pdf: No space left on device.")

    with pytest.raises(InvalidInput, match="No space left"):
        report_building.generate_disciplinary(
            world.db, world.hana, world.case_id, deliver=disk_full
        )
    assert _report_events(world) == 0
    assert _scalar(world.db, "SELECT count(*) FROM generated_reports") == 0
    assert (
        _scalar(world.db, "SELECT count(*) FROM audit_events WHERE action = 'report.generate'") == 0
    )
    delivered: list[tuple[bytes, str]] = []
    info = report_building.generate_disciplinary(
        world.db, world.hana, world.case_id,
        deliver=lambda pdf, sha256: delivered.append((pdf, sha256)),
    )  # fmt: skip
    assert delivered == [(info.pdf, info.sha256)]
    assert hashlib.sha256(info.pdf).hexdigest() == info.sha256
    assert _report_events(world) == len(world.evidence_ids)


def test_an_unclear_employee_is_refused_before_any_evidence_is_read(
    world: World, admin: Actor
) -> None:
    other = employees.add_employee(world.db, admin, agency_code="MODNR", full_name="Sam Other")
    fields = CaseFields(
        agency_code="MODNR", title="Two rangers posted", reported_on=_today(),
        subject_ids=(world.employee, other.id), investigator="ivan",
    )  # fmt: skip
    case = cases.create_case(world.db, world.ivan, fields)
    item = evidence.add_evidence(
        world.db, world.ivan, case.id, (DATA / "good.png").read_bytes(),
        original_filename="good.png", description="Post by Sam Other",
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="2 subject employees .*say which one"):
        report_building.generate_disciplinary(world.db, world.hana, case.id)
    with pytest.raises(InvalidInput, match="is not a subject"):
        report_building.generate_disciplinary(world.db, world.hana, case.id, employee_id=999_999)
    assert [e.action for e in evidence.custody_history(world.db, world.hana, item.id)] == [
        "evidence.add"
    ]
    info = report_building.generate_disciplinary(
        world.db, world.hana, case.id, employee_id=other.id
    )
    (event,) = evidence.custody_history(world.db, world.hana, item.id)[1:]
    assert (event.action, event.details["report_id"]) == ("evidence.report", info.id)


def test_investigators_may_not_generate_reports(world: World) -> None:
    with pytest.raises(PermissionDenied, match="report.generate"):
        report_building.generate_disciplinary(world.db, world.ivan, world.case_id)


@pytest.mark.parametrize("name", ["Δημήτρης Παπαδόπουλος", "王小明", "Алексей Смирнов"])
def test_a_name_in_another_script_is_printed_and_searchable(
    database: Database, admin: Actor, make_user: MakeUser, name: str, tmp_path: Path
) -> None:
    w = _world(database, admin, make_user, name)
    info = report_building.generate_disciplinary(w.db, w.hana, w.case_id)
    _, whole = _pdf_text(info.pdf)
    assert _squash(name) in _squash(whole)
    # Drawn with the fonts shipped in resources/fonts, which the service named.
    assert reports.fonts.FONTS.folder == report_fonts_path()
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= embedded_fonts(info.pdf)
    # The pages rasterise.
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(info.pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "p")],
        check=True, timeout=120,
    )  # fmt: skip
    assert len(list(tmp_path.glob("p-*.png"))) == 2


def test_the_case_summary_has_one_page_per_case(world: World) -> None:
    numbers = [world.number, world.earlier_number]
    info = report_building.generate_case_summaries(world.db, world.hana, numbers)
    pages, whole = _pdf_text(info.pdf)
    assert len(pages) == 2
    assert numbers[0] in pages[0] and numbers[1] in pages[1]
    assert "Suspension" in pages[0]
    assert _squash("MO-DNR-SN Policy.2") in _squash(pages[0])
    assert _squash("MO-DNR-SN Policy.2") not in _squash(pages[1])
    assert info.kind == "summary"
    assert "Unfounded" in whole
    # A case named twice (in any spelling) gets one page, at its first place.
    twice = report_building.build_case_summaries(
        world.db, world.hana, [numbers[0], numbers[1], numbers[0].lower(), world.case_id]
    )
    assert [c.case_number for c in twice.cases] == numbers


def test_the_action_is_recommended_until_the_case_leaves_discipline_review(
    world: World,
) -> None:
    report = report_building.build_disciplinary(world.db, world.hana, world.case_id)
    assert report.action is not None
    assert report.action.status == "Action recommended"
    assert report.action.grounds == ("Allegation 1: MO-DNR-SN Policy.1 (" + _title(world) + ")",)
    _, whole = _pdf_text(report_building.generate_disciplinary(world.db, world.hana,
                                                               world.case_id).pdf)  # fmt: skip
    flat = " ".join(whole.split())
    assert "Action recommended Suspension of 3 working days without pay" in flat
    assert "Grounds Allegation 1: MO-DNR-SN Policy.1" in flat
    assert "Before the action above takes effect" in flat
    cases.transition_case(world.db, world.hana, world.case_id, S.CLOSED)
    _, whole = _pdf_text(report_building.generate_disciplinary(world.db, world.hana,
                                                               world.case_id).pdf)  # fmt: skip
    flat = " ".join(whole.split())
    assert "Action taken Suspension of 3 working days without pay" in flat
    assert "Before the action above took effect" in flat
    # The earlier case's written reprimand names its grounds too.
    earlier = report_building.build_disciplinary(world.db, world.hana, world.earlier_number)
    assert earlier.action is not None and earlier.action.status == "Action taken"
    assert earlier.action.grounds[0].startswith("Allegation 1: MO-DNR-SN Policy.1 (")


def _title(world: World) -> str:
    detail = cases.get_case(world.db, world.hana, world.case_id)
    return detail.allegations[0].provision_title


def test_an_item_with_redaction_boxes_is_printed_as_its_redacted_rendering(world: World) -> None:
    item = evidence.list_evidence(world.db, world.hana, world.case_id)[0]
    redaction.set_redactions(
        world.db, world.ivan, item.id,
        [RedactionBox(10, 10, 120, 40, RedactionReason.YOUTH_IDENTITY)],
    )  # fmt: skip
    report = report_building.build_disciplinary(world.db, world.hana, world.case_id)
    printed = {e.sha256: e for e in report.evidence}
    redacted = printed[item.sha256]
    assert redacted.redacted
    assert redacted.rendering_sha256 == hashlib.sha256(redacted.image).hexdigest()
    assert redacted.rendering_sha256 != item.sha256
    assert [e.redacted for e in report.evidence].count(True) == 1
    pdf = report_building.generate_disciplinary(world.db, world.hana, world.case_id).pdf
    _, whole = _pdf_text(pdf)
    assert "REDACTED" in whole.upper()
    assert item.sha256 in _squash(whole)  # the original's hash is still the one printed
    # Building alone records nothing; the generated report names the redacted rendering.
    history = evidence.custody_history(world.db, world.hana, item.id)
    (event,) = [e for e in history if e.action == "evidence.report"]
    assert event.details["redacted"] is True


def test_a_void_item_is_left_out_unless_asked_for_and_then_printed_void(world: World) -> None:
    void = evidence.list_evidence(world.db, world.hana, world.case_id)[1]
    void_evidence(world.db, world.ivan, void.id, reason="Shows another ranger's account")

    left_out = report_building.generate_disciplinary(world.db, world.hana, world.case_id)
    _, whole = _pdf_text(left_out.pdf)
    assert void.sha256 not in _squash(whole) and "VOID" not in whole
    assert "all 2 evidence items were re-hashed" in " ".join(whole.split())
    history = evidence.custody_history(world.db, world.hana, void.id)
    assert [e for e in history if e.action == "evidence.report"] == []

    included = report_building.generate_disciplinary(
        world.db, world.hana, world.case_id, include_void=True
    )
    _, whole = _pdf_text(included.pdf)
    flat = " ".join(whole.split())
    assert void.sha256 in _squash(whole)
    assert "VOID: Shows another ranger's account (made void by Ivan Investigator on" in flat
    summary = report_building.build_case_summaries(world.db, world.hana, [world.case_id])
    assert summary.cases[0].evidence_count == 2
    summary = report_building.build_case_summaries(
        world.db, world.hana, [world.case_id], include_void=True
    )
    assert summary.cases[0].evidence_count == 3


def test_before_a_decision_the_report_says_no_action_and_no_prior_discipline(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    employee = employees.add_employee(database, admin, agency_code="MODNR", full_name="Ana Lee")
    case_id, _ = _drive_to_review(
        database, ivan, sue, employee.id, "Posted on duty",
        (("MO-DNR-SN Policy.1", Finding.SUBSTANTIATED),),
    )  # fmt: skip
    report = report_building.build_disciplinary(database, hana, case_id)
    assert report.action is None and report.pre_action_notice is None
    assert report.prior_discipline == () and report.evidence == ()
    _, whole = _pdf_text(report_building.generate_disciplinary(database, hana, case_id).pdf)
    # HR has not decided yet: the report must not say that no action is taken.
    assert "No disciplinary decision has been recorded yet." in whole
    assert "No disciplinary action is taken" not in whole
    assert "No prior discipline is recorded for Ana Lee" in whole


def test_a_missing_report_font_is_a_refusal_naming_file_and_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An incomplete installation: the report is refused, saying which font file
    is missing from which folder, not a traceback and not a system package."""
    from app.domain.errors import Refused

    monkeypatch.delenv(reports.fonts.ENVIRONMENT, raising=False)
    shipped = report_fonts_path()
    broken = tmp_path / "fonts"
    broken.mkdir()
    for path in shipped.glob("*.ttf"):
        if path.name != "DejaVuSans-Oblique.ttf":
            (broken / path.name).symlink_to(path)
    monkeypatch.setattr(reporting_common, "report_fonts_path", lambda: broken)
    report = samples.disciplinary(evidence=0)
    try:
        with pytest.raises(Refused) as refused:
            reporting_common.rendered(
                reports.render_disciplinary, report, progress=lambda done, total: None
            )
        message = str(refused.value)
        assert message.startswith("The report could not be produced: The report font ")
        assert f"DejaVuSans-Oblique.ttf (the body text) is missing from {broken}" in message
        assert "installation is incomplete" in message
        assert "Debian" not in message and "fonts-" not in message
    finally:
        reports.use_font_folder(shipped)


def test_a_missing_font_folder_is_a_refusal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from app import resources
    from app.domain.errors import Refused

    monkeypatch.setattr(resources, "_roots", lambda: (tmp_path,))
    with pytest.raises(
        Refused, match="could not be produced: Casedesk is incomplete: resources/fonts"
    ):
        reporting_common.rendered(
            reports.render_disciplinary, object(), progress=lambda done, total: None
        )
