"""The disciplinary report, read back: every element DOMAIN.md lists is there."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from reports import (
    DEFAULT_CONFIDENTIALITY,
    DisciplinaryReport,
    FieldsBlock,
    QuoteBlock,
    ReportError,
    TextBlock,
    render_disciplinary,
)
from tests.reports import samples
from tests.reports.conftest import ReadBack, flat


@pytest.fixture(scope="module")
def report() -> DisciplinaryReport:
    return samples.disciplinary(evidence=3)


@pytest.fixture(scope="module")
def pdf(report: DisciplinaryReport) -> ReadBack:
    return ReadBack(render_disciplinary(report))


def test_case_agency_and_employee(pdf: ReadBack, report: DisciplinaryReport) -> None:
    text = pdf.text
    for value in (
        report.agency.name,
        report.agency.code,
        *report.agency.address_lines,
        report.case_number,
        "2026-04-20",
        report.prepared_by,
        report.employee.name,
        report.employee.title,
        report.employee.unit,
        report.employee.employee_id,
        report.employee.supervisor,
    ):
        assert flat(value) in text, value


def test_every_page_carries_the_marking_and_its_number(pdf: ReadBack) -> None:
    total = len(pdf.pages)
    assert total >= 4
    for index in range(total):
        page = pdf.page_text(index)
        assert page.count(DEFAULT_CONFIDENTIALITY) == 2  # above and below the text
        assert f"Page {index + 1} of {total}" in page
        others = set(re.findall(r"Page \d+ of \d+", page)) - {f"Page {index + 1} of {total}"}
        assert not others


def test_allegations_quote_and_cite_the_provision(
    pdf: ReadBack, report: DisciplinaryReport
) -> None:
    text = pdf.text
    for allegation in report.allegations:
        assert allegation.provision_reference in text
        assert flat(allegation.provision_title) in text
        assert flat(allegation.provision_text) in text
        assert flat(allegation.conduct) in text
    assert "(2026-03-02 to 2026-03-05)" in text  # conduct dates of allegation 1
    assert flat(report.investigation_summary) in text
    assert "A coworker reported the post on 2026-03-06." in text


def test_evidence_index_hashes_and_redaction(pdf: ReadBack, report: DisciplinaryReport) -> None:
    text = pdf.text
    assert "all 3 evidence items were re-hashed" in text
    assert report.integrity_verified_at in text
    for item in report.evidence:
        assert item.sha256 == hashlib.sha256(item.image).hexdigest()
        # Once in the index, once under each part of the exhibit (a 1920 px wide
        # screenshot prints in two columns); whole, never broken.
        assert len(re.findall(rf"\b{item.sha256}\b", text)) == 3
        for value in (item.file_name, item.captured_at, item.source_url, item.account):
            assert flat(value) in text
        assert f"{item.width} × {item.height} px" in text
    redacted = [i for i in report.evidence if i.redacted]
    assert [i.item_id for i in redacted] == ["E-2"]
    assert "Redaction applied: item E-2 is shown as a redacted rendering" in text
    assert redacted[0].rendering_sha256 in text
    # Beside the thumbnail and beside each part of the exhibit of E-2, nowhere else.
    assert text.count("REDACTED RENDERING") == 3
    assert (
        "Exhibit E-2, part 2 of 2 (column 2 of 2): Screenshot 2026-03-03 at 21.12.png — "
        "REDACTED RENDERING" in text
    )
    # The redacted rendering's digest beside the original's, under each part too.
    assert text.count(redacted[0].rendering_sha256) == 3
    # The interviews table says who recorded each record and when, as the case holds it.
    assert "Kind Recorded by Recorded on Record" in text
    assert (
        "Witness statement Renata Okafor 2026-03-09 Lee Carver, Group Worker (reporter): saw "
        "the post." in text
    )


def _index_pages(pdf: ReadBack) -> list[int]:
    """The pages of the evidence index: from its heading to the interviews."""
    first = next(i for i in range(len(pdf.pages)) if "4. Evidence relied on" in pdf.page_text(i))
    last = next(
        i for i in range(first, len(pdf.pages))
        if "Witness statements and interviews" in pdf.page_text(i)
    )  # fmt: skip
    return list(range(first, last + 1))


def test_the_evidence_index_draws_a_thumbnail_of_every_item(
    pdf: ReadBack, report: DisciplinaryReport
) -> None:
    pages = _index_pages(pdf)
    # The exhibits start on a page of their own, so these images are the thumbnails.
    assert "Evidence exhibits" not in " ".join(pdf.page_text(i) for i in pages)
    drawn = sum(len(pdf.reader.pages[i].images) for i in pages)
    assert drawn == len(report.evidence) == 3
    assert "(no image)" not in pdf.text


def test_an_item_without_an_image_says_so_and_is_not_labelled_a_rendering() -> None:
    report = samples.disciplinary(evidence=2)
    missing = dataclasses.replace(report.evidence[1], image=b"")  # E-2, the redacted one
    assert missing.redacted
    report = dataclasses.replace(report, evidence=(report.evidence[0], missing))
    pdf = ReadBack(render_disciplinary(report))
    index = " ".join(pdf.page_text(i) for i in _index_pages(pdf))
    assert "(no image)" in index
    assert "REDACTED RENDERING" not in index
    assert sum(len(pdf.reader.pages[i].images) for i in _index_pages(pdf)) == 1


def test_findings_prior_discipline_action_and_notice(
    pdf: ReadBack, report: DisciplinaryReport
) -> None:
    text = pdf.text
    for allegation in report.allegations:
        assert allegation.finding is not None
        assert allegation.finding.label in text
        assert flat(allegation.finding.reasoning) in text
    assert "Written reprimand 2025-02-10 MADYS-2025-0007" in text
    assert report.action is not None and report.pre_action_notice is not None
    assert "Action taken Suspension of 3 working days without pay" in text
    assert "Grounds Allegation 1: MA DYS 01.05.22 C.2.a (Disclosing youth information)" in text
    assert "Before the action above took effect the employee was given notice" in text
    assert "Effective date 2026-05-04" in text
    assert flat(report.action.steps_to_correct) in text
    assert flat(report.action.consequence_of_repeat) in text
    notice = report.pre_action_notice
    assert "8. Pre-action notice" in text
    for value in (
        notice.charges,
        notice.evidence_explanation,
        notice.how_to_respond,
        notice.status_pending_decision,
    ):
        assert flat(value) in text
    assert "Respond by 2026-04-28" in text


def test_rights_and_signatures(pdf: ReadBack, report: DisciplinaryReport) -> None:
    text = pdf.text
    # The response is stated as the application gives it: no window of the renderer's own.
    assert "Written response. " + flat(report.rights.response_text) in text
    assert "of receiving this report" not in text and "is due by" not in text
    assert "Appeal and grievance rights. " + flat(report.rights.appeal_text) in text
    for role, signer in (
        ("Investigator", "Renata Okafor, Investigator"),
        ("Supervisor", "Marisol Vega, Program Director"),
        ("HR / Appointing authority", "Dana Whitfield, HR Director"),
        ("Employee acknowledgement of receipt", "Jordan T. Whitaker"),
    ):
        assert role in text and signer in text
    assert text.count("Signature Date") == 4


def test_the_appeal_is_printed_as_the_decision_letter_states_it() -> None:
    """Given the letter's blocks, the report prints them (rows, quotation), not the text."""
    report = samples.disciplinary(evidence=0)
    blocks = (
        TextBlock("You may appeal this suspension without pay under RSMo 36.390.2:"),
        FieldsBlock((("Appeal to", "Administrative Hearing Commission"), ("Within", "30 days"))),
        QuoteBlock("Notice of the right of appeal, in the words of RSMo 621.075:", "Any employee."),
    )
    rights = dataclasses.replace(report.rights, appeal_text="Unused text.", appeal_blocks=blocks)
    text = ReadBack(render_disciplinary(dataclasses.replace(report, rights=rights))).text
    assert (
        "Appeal and grievance rights. You may appeal this suspension without pay under "
        "RSMo 36.390.2: Appeal to Administrative Hearing Commission Within 30 days" in text
    )
    assert "in the words of RSMo 621.075: Any employee." in text
    assert "Unused text." not in text


def test_document_properties(pdf: ReadBack) -> None:
    meta = pdf.reader.metadata
    assert meta is not None
    assert meta.title == "Disciplinary report MADYS-2026-0042"
    assert meta.author == "Dana Whitfield"
    assert meta.subject == "Social-media policy violation: suspension"
    assert "MA DYS 01.05.22 C.2.a" in str(meta.get("/Keywords"))


def test_fonts_are_embedded(pdf: ReadBack) -> None:
    fonts = pdf.fonts()
    assert any("DejaVuSans" in name for name in fonts)
    assert all(fonts.values()), fonts


def test_images_are_print_sized_and_embedded_once(pdf: ReadBack) -> None:
    images = pdf.images()
    # Three evidence items; thumbnail and exhibit share one image each.
    assert len(images) == 3
    for width, height, _length in images:
        # 1920x1080 printed in two columns 7 inches wide: kept at full size.
        assert width <= 1920 and height <= 1080
        assert width >= 1800
    assert len(pdf.pdf) < 2_000_000


def test_pages_rasterise(pdf: ReadBack, tmp_path: Path) -> None:
    assert shutil.which("pdftoppm"), "poppler-utils is a test dependency (scripts/system-deps.sh)"
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf.pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(source), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == len(pdf.pages)
    for page in pages:
        with Image.open(page) as image:
            grey = image.convert("L")
            low, high = grey.getextrema()
            assert low < 100 and high > 240  # ink on paper, not a blank page
    # The exhibit page shows the screenshot: its blue header bar is there.
    with Image.open(pages[-1]) as last:
        colours = last.convert("RGB").getcolors(1_000_000) or []
        assert any(b > 200 and r < 80 for _count, (r, _g, b) in colours)


@pytest.mark.parametrize(
    "name",
    [
        "Δημήτρης Παπαδόπουλος",
        "Дмитрий Иванович Смирнов",
        "王小明",
        "דוד כהן",
        "محمد عبد الله",
    ],
)
def test_name_in_another_script(name: str) -> None:
    report = samples.disciplinary(name=name, evidence=1)
    document = dataclasses.replace(report.document, title=f"Disciplinary report: {name}")
    pdf = ReadBack(render_disciplinary(dataclasses.replace(report, document=document)))
    assert pdf.reader.metadata is not None
    assert pdf.reader.metadata.title == f"Disciplinary report: {name}"
    assert f"Employee {name} Position" in pdf.text
    # The acknowledgement block prints the name under the employee's signature line.
    assert f"Signature Date {name}" in pdf.text
    fonts = pdf.fonts()
    assert all(fonts.values()), fonts
    if name == "王小明":
        assert any("DroidSansFallback" in f for f in fonts)


def test_no_prior_discipline_and_no_pre_action_notice() -> None:
    report = samples.disciplinary(evidence=1, suspension=False, prior=False)
    text = ReadBack(render_disciplinary(report)).text
    assert "No prior discipline is recorded for Jordan T. Whitaker." in text
    assert "Action taken Written reprimand" in text
    # A reprimand names the allegations it rests on too.
    assert "Grounds Allegation 1: MA DYS 01.05.22 C.2.a (Disclosing youth information)" in text
    assert "Pre-action notice" not in text
    assert "8. Response and appeal rights" in text
    assert "9. Signatures" in text


def test_a_recommended_action_is_still_open_to_the_pre_action_response() -> None:
    report = samples.disciplinary(evidence=0, suspension=True)
    assert report.action is not None
    action = dataclasses.replace(report.action, status="Action recommended")
    text = ReadBack(render_disciplinary(dataclasses.replace(report, action=action))).text
    assert "Action recommended Suspension of 3 working days without pay" in text
    assert "Before the action above takes effect the employee is given notice" in text


def test_no_action_and_no_evidence() -> None:
    report = dataclasses.replace(samples.disciplinary(evidence=0, suspension=False), action=None)
    text = ReadBack(render_disciplinary(report)).text
    # Without a decision the report does not claim that no action is taken.
    assert "7. Disciplinary action No disciplinary decision has been recorded yet." in text
    assert "No disciplinary action is taken" not in text
    said = "No disciplinary action is taken: no allegation against Jordan T. Whitaker was "
    decided = dataclasses.replace(report, no_action_text=said + "substantiated.")
    assert said in ReadBack(render_disciplinary(decided)).text
    assert "No evidence items are relied on in this report." in text
    assert "Evidence exhibits" not in text


def test_progress_runs_from_zero_to_total() -> None:
    calls: list[tuple[int, int]] = []
    render_disciplinary(
        samples.disciplinary(evidence=2), progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_unreadable_image_names_the_item() -> None:
    report = samples.disciplinary(evidence=1)
    broken = dataclasses.replace(report.evidence[0], image=b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(ReportError, match="evidence item E-1 cannot be read"):
        render_disciplinary(dataclasses.replace(report, evidence=(broken,)))


def test_transparent_and_small_images() -> None:
    """A transparent PNG prints on white; a small crop is not blown up."""
    out = io.BytesIO()
    Image.new("RGBA", (300, 120), (200, 0, 0, 0)).save(out, "PNG")
    item = samples.evidence_item(1, image=out.getvalue())
    report = dataclasses.replace(samples.disciplinary(evidence=1), evidence=(item,))
    pdf = ReadBack(render_disciplinary(report))
    [(width, height, _length)] = pdf.images()
    assert (width, height) == (300, 120)


def test_working_files_are_removed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The print-sized images written for reportlab do not outlive the report."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    report = samples.disciplinary(evidence=2)
    render_disciplinary(report)
    assert list(scratch.iterdir()) == []
    broken = dataclasses.replace(report.evidence[1], image=b"GIF89a broken")
    with pytest.raises(ReportError, match="E-2"):
        render_disciplinary(dataclasses.replace(report, evidence=(report.evidence[0], broken)))
    assert list(scratch.iterdir()) == []


def test_a_wrong_pixel_size_on_the_item_does_not_distort_the_image() -> None:
    report = samples.disciplinary(evidence=1)
    wrong = dataclasses.replace(report.evidence[0], width=1000, height=1000)
    pdf = ReadBack(render_disciplinary(dataclasses.replace(report, evidence=(wrong,))))
    [(width, height, _length)] = pdf.images()
    # Prepared from the decoded image: its own 16:9 shape, not the item's square.
    assert width * 9 == height * 16
    # The index still prints the size the item declares.
    assert "1000 × 1000 px" in pdf.text


def test_one_evidence_item_is_spoken_of_in_the_singular(report: DisciplinaryReport) -> None:
    single = dataclasses.replace(report, evidence=report.evidence[:1])
    text = ReadBack(render_disciplinary(single)).text
    assert "the evidence item was re-hashed" in text
    assert "all 1 evidence" not in text


def test_a_draft_is_watermarked_light_on_every_page(report: DisciplinaryReport) -> None:
    draft = ReadBack(render_disciplinary(dataclasses.replace(report, watermark="DRAFT")))
    assert len(draft.pages) >= 4
    for index, page in enumerate(draft.reader.pages):
        assert "DRAFT" in draft.page_text(index)
        # The page frame is drawn once and repeated; the watermark's transparency
        # must still be a resource of every page, or readers draw it opaque.
        states = page["/Resources"]["/ExtGState"].get_object()
        alphas = {float(state.get_object().get("/ca", 1)) for state in states.values()}
        assert alphas & {0.18}, index
        # The header and both markings are on every page too.
        assert draft.page_text(index).count(DEFAULT_CONFIDENTIALITY) == 2
