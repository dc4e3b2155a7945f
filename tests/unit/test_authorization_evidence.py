"""Evidence obtained under an authorization or a credential request, on both backends.

The capture date must fall inside an authorization active on that date (an
investigation authorization of the same case), or inside the approved, not
yet ended period of a credential request of the same case; otherwise the
evidence is refused with the citation and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import text

from app.db.base import utcnow
from app.domain.actor import Actor
from app.domain.authorizations.credentials import RequestStatus
from app.domain.authorizations.decision import RuleRefused
from app.domain.cases import CaseStatus, Finding
from app.domain.errors import InvalidInput, NotFound, PermissionDenied, Refused
from app.domain.evidence import ObtainedHow
from app.domain.permissions import Role
from app.services import (
    authorization_evidence,
    cases,
    employees,
    evidence,
    report_building,
)
from app.services import authorizations as auth
from app.services import credential_requests as cr
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence import redaction, thumbnails
from app.services.evidence.export import export_case_bundle
from app.services.evidence.intake import IntakeFile, check_link, import_evidence
from tests import provenance
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]
PNG = (Path(__file__).parent.parent / "data" / "good.png").read_bytes()
JPG = (Path(__file__).parent.parent / "data" / "good.jpg").read_bytes()
TODAY = dt.date(2026, 11, 21)
STATUTE = "Ark. Code Ann. § 11-2-124"


@dataclass
class World:
    db: Database
    sam: Actor
    ivan: Actor
    hana: Actor
    ma_case: int
    ma_other: int
    supervision: int  # 2026-01-01 .. 2026-03-31
    investigation: int  # of ma_case, from 2026-02-01
    ar_case: int
    ar_other: int
    ar_employee: int


def _open_case(
    db: Database, actor: Actor, agency: str, title: str, subjects: tuple[int, ...] = ()
) -> int:
    case = cases.create_case(
        db, actor, CaseFields(agency_code=agency, title=title, reported_on=dt.date(2026, 1, 5),
                              subject_ids=subjects),
    )  # fmt: skip
    cases.transition_case(db, actor, case.id, CaseStatus.INVESTIGATING)
    return case.id


@built_once("authorization_evidence")
def w(database: Database, admin: Actor, make_user: MakeUser) -> World:
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    hana = make_user("hana", "Hana Resources", Role.HR)

    def employee(agency: str, name: str) -> int:
        return employees.add_employee(database, sam, agency_code=agency, full_name=name).id

    carla, boss = employee("MADYS", "Carla Caseworker"), employee("MADYS", "Sue Boss")
    ma_case = _open_case(database, ivan, "MADYS", "Youth contact", (carla,))
    supervision = auth.add_supervision(
        database, sam,
        auth.SupervisionFields(
            employee_id=carla, role="caseworker", supervisor_id=boss, written_on="2026-01-01",
            platform="Facebook", account_name="carla.personal", youth_case="JJEMS 1",
            attests_no_youth_contact=True, attests_true_identity=True, site_shows_viewers=False,
            privacy_settings_enabled=False, starts_on="2026-01-01", ends_on="2026-03-31",
        ),
        today=TODAY,
    ).id  # fmt: skip
    investigation = auth.add_investigation(
        database, sam,
        auth.InvestigationFields(
            employee_id=carla, role="investigation_unit", supervisor_id=boss,
            written_on="2026-02-01", platform="Instagram", account_name="inv.1",
            case_id=ma_case, youth_communication_approved=False, starts_on="2026-02-01",
        ),
        today=TODAY,
    ).id  # fmt: skip
    return World(
        database, sam, ivan, hana, ma_case, _open_case(database, ivan, "MADYS", "Other"),
        supervision, investigation, _open_case(database, ivan, "ARDHS", "Client photos"),
        _open_case(database, ivan, "ARDHS", "Other"), employee("ARDHS", "Avery Employee"),
    )  # fmt: skip


def _add(w: World, case_id: int, captured_at: object, **link: object) -> evidence.EvidenceInfo:
    return evidence.add_evidence(
        w.db, w.ivan, case_id, PNG, original_filename="shot.png",
        captured_at=captured_at, **link,  # type: ignore[arg-type]
    )  # fmt: skip


def _items(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM evidence_items")).scalar_one())


def test_evidence_inside_an_active_supervision_authorization_is_linked(w: World) -> None:
    info = _add(w, w.ma_case, "2026-03-14T10:00:00-05:00", obtained="supervision_authorization",
                authorization_id=w.supervision)  # fmt: skip
    assert info.authorization_id == w.supervision and info.credential_request_id is None
    assert (
        info.obtained_under == f"Authorization {w.supervision} (Facebook, 2026-01-01 – 2026-03-31)"
    )
    # The last day counts in the capturer's zone: 01:30 UTC on 1 April is 31 March in Boston.
    late = evidence.add_evidence(
        w.db, w.ivan, w.ma_case, JPG, original_filename="late.jpg",
        captured_at="2026-03-31T21:30:00-04:00", obtained="supervision_authorization",
        authorization_id=w.supervision,
    )  # fmt: skip
    assert late.captured_at == dt.datetime(2026, 4, 1, 1, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("captured_at", "link", "error", "says"),
    [
        ("2026-04-01T09:00:00-04:00", {"obtained": "supervision_authorization"}, Refused,
         "not active"),
        ("2025-12-31T09:00:00-05:00", {"obtained": "supervision_authorization"}, Refused,
         "not active"),
        (None, {"obtained": "supervision_authorization"}, InvalidInput, "Give the capture time"),
        ("2026-03-01T09:00:00-05:00", {"obtained": "investigation_authorization"}, NotFound,
         "no investigation authorization"),
        ("2026-03-01T09:00:00-05:00", {"obtained": "public"}, InvalidInput,
         "not linked to an authorization"),
    ],
)  # fmt: skip
def test_evidence_outside_its_authorization_is_refused(
    w: World, captured_at: str | None, link: dict[str, object], error: type[Exception], says: str
) -> None:
    with pytest.raises(error, match=says) as raised:
        _add(w, w.ma_case, captured_at, authorization_id=w.supervision, **link)
    if error is Refused:
        assert raised.value.citations == ("MA-DYS-01.05.22 B.2",)  # type: ignore[attr-defined]
    assert _items(w.db) == 0


def test_an_authorization_must_be_named(w: World) -> None:
    with pytest.raises(InvalidInput, match="under a supervision authorization must say which"):
        _add(w, w.ma_case, "2026-03-01T09:00:00-05:00", obtained="supervision_authorization")
    with pytest.raises(InvalidInput, match="under an investigation authorization must say"):
        _add(w, w.ma_case, "2026-03-01T09:00:00-05:00", obtained="investigation_authorization")
    with pytest.raises(InvalidInput, match="credential request must say which one") as raised:
        _add(w, w.ar_case, "2026-03-01T09:00:00-05:00", obtained="credential_request")
    assert raised.value.field == "credential_request"
    assert "casedesk" not in str(raised.value)  # said the same way in the GUI and the CLI


def test_investigation_evidence_belongs_to_the_investigation_it_was_authorized_for(
    w: World,
) -> None:
    captured = "2026-03-01T09:00:00-05:00"
    _add(w, w.ma_case, captured, obtained="investigation_authorization",
         authorization_id=w.investigation)  # fmt: skip
    with pytest.raises(Refused, match="another investigation") as refused:
        evidence.add_evidence(
            w.db, w.ivan, w.ma_other, JPG, original_filename="b.jpg", captured_at=captured,
            obtained="investigation_authorization", authorization_id=w.investigation,
        )  # fmt: skip
    assert refused.value.citations == ("MA-DYS-01.05.22 B.3.a",)
    # HR may not see investigation authorizations, nor what was obtained under one.
    assert evidence.list_evidence(w.db, w.hana, w.ma_case) == []
    [own] = evidence.list_evidence(w.db, w.ivan, w.ma_case)
    assert own.obtained is ObtainedHow.INVESTIGATION_AUTHORIZATION
    assert own.authorization_id == w.investigation
    assert own.obtained_under == f"Authorization {w.investigation} (Instagram, from 2026-02-01)"


def test_import_evidence_carries_the_link(w: World) -> None:
    report = import_evidence(
        w.db, w.ivan, w.ma_case, [IntakeFile("a.png", data=PNG)],
        provenance.metadata(captured_at="2026-02-10T12:00:00-05:00",
                       obtained="supervision_authorization", authorization_id=w.supervision),
    )  # fmt: skip
    assert len(report.added) == 1 and not report.failed
    # A refused link refuses the whole import (every file shares it): nothing more is added.
    with pytest.raises(Refused, match="not active"):
        import_evidence(
            w.db, w.ivan, w.ma_case, [IntakeFile("b.jpg", data=JPG)],
            provenance.metadata(captured_at="2026-05-10T12:00:00-05:00",
                           obtained="supervision_authorization",
                           authorization_id=w.supervision),
        )  # fmt: skip
    assert _items(w.db) == 1


# -- credential requests -------------------------------------------------------------------


def _request(w: World, case_id: int) -> int:
    request = cr.new_request(
        w.db, w.ivan,
        cr.CredentialRequestFields(
            case_id=case_id, employee_id=w.ar_employee, platform="Facebook",
            account_name="avery.e", office="privacy_office", violation_kind="agency_policy",
            violation_provision="AR-DHS II(A)", justification="Client photos posted.",
        ),
    )  # fmt: skip
    return request.id


def test_evidence_through_an_approved_request_of_the_same_case(w: World) -> None:
    pending = _request(w, w.ar_case)
    with pytest.raises(Refused, match="pending, not approved"):
        _add(w, w.ar_case, utcnow(), obtained="credential_request",
             credential_request_id=pending)  # fmt: skip
    cr.approve_request(w.db, w.sam, pending)
    with pytest.raises(Refused, match="before credential request") as early:
        _add(w, w.ar_case, "2026-01-10T09:00:00-06:00", obtained="credential_request",
             credential_request_id=pending)  # fmt: skip
    assert early.value.citations == ("AR-DHS II(G)", "AR-DHS II(B)(1)", STATUTE)
    captured = utcnow()
    info = _add(w, w.ar_case, captured, obtained="credential_request",
                credential_request_id=pending)  # fmt: skip
    assert (info.authorization_id, info.credential_request_id) == (None, pending)
    assert info.obtained_under == f"Credential request {pending} (Facebook, approved)"
    with pytest.raises(Refused, match="another case"):
        evidence.add_evidence(
            w.db, w.ivan, w.ar_other, JPG, original_filename="x.jpg", captured_at=captured,
            obtained="credential_request", credential_request_id=pending,
        )  # fmt: skip
    # HR may not see credential requests, so it does not learn the item exists.
    assert evidence.list_evidence(w.db, w.hana, w.ar_case) == []
    with pytest.raises(NotFound, match=f"no evidence item {info.id}"):
        evidence.read_evidence(w.db, w.hana, info.id)


def test_after_the_case_closes_only_earlier_captures_are_accepted(w: World) -> None:
    request = _request(w, w.ar_case)
    cr.approve_request(w.db, w.sam, request)
    before_close = utcnow()
    allegation = cases.add_allegation(w.db, w.ivan, w.ar_case, "AR-DHS II(A)")
    cases.transition_case(w.db, w.ivan, w.ar_case, CaseStatus.FINDINGS)
    cases.record_finding(w.db, w.ivan, allegation.id, Finding.UNFOUNDED, "No such post.")
    cases.transition_case(w.db, w.sam, w.ar_case, CaseStatus.CLOSED)
    with pytest.raises(Refused, match="after credential request .* ended"):
        _add(w, w.ar_case, utcnow(), obtained="credential_request",
             credential_request_id=request)  # fmt: skip
    _add(w, w.ar_case, before_close, obtained="credential_request",
         credential_request_id=request)  # fmt: skip


def test_inadvertently_received_credentials_yield_no_evidence(w: World) -> None:
    record = cr.record_inadvertent(
        w.db, w.ivan,
        cr.InadvertentFields(w.ar_employee, "Facebook", "avery.e", "agency_device",
                             "2026-01-10", case_id=w.ar_case),
    )  # fmt: skip
    with pytest.raises(RuleRefused) as refused:
        _add(w, w.ar_case, utcnow(), obtained="credential_request",
             credential_request_id=record.id)  # fmt: skip
    assert refused.value.citations == ("AR-DHS II(H)", STATUTE)
    assert _items(w.db) == 0


# -- what each role is shown -----------------------------------------------------------------

MASKED = "Under a confidential authorization or request (details restricted)"


def _manifest_item(w: World, actor: Actor, case_id: int, out: Path) -> dict[str, object]:
    export_case_bundle(w.db, actor, case_id, out)
    with zipfile.ZipFile(out) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
    [item] = manifest["items"]
    return dict(item)


def _pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in pages))


def test_the_bundle_and_the_report_name_the_authorization_and_hr_never_learns_of_the_item(
    w: World, tmp_path: Path
) -> None:
    public = _add(w, w.ma_case, "2026-03-01T08:00:00-05:00", obtained="public")
    info = evidence.add_evidence(
        w.db, w.ivan, w.ma_case, JPG, original_filename="inv.jpg",
        captured_at="2026-03-01T09:00:00-05:00", obtained="investigation_authorization",
        authorization_id=w.investigation,
    )  # fmt: skip
    label = f"Authorization {w.investigation} (Instagram, from 2026-02-01)"

    export_case_bundle(w.db, w.ivan, w.ma_case, tmp_path / "ivan.zip")
    with zipfile.ZipFile(tmp_path / "ivan.zip") as bundle:
        entries = {e["id"]: e for e in json.loads(bundle.read("manifest.json"))["items"]}
    assert set(entries) == {public.id, info.id}
    entry = entries[info.id]
    assert (entry["obtained"], entry["authorization_id"], entry["credential_request_id"],
            entry["obtained_under"]) == ("investigation_authorization", w.investigation, None,
                                         label)  # fmt: skip

    export_case_bundle(w.db, w.hana, w.ma_case, tmp_path / "hana.zip")
    with zipfile.ZipFile(tmp_path / "hana.zip") as bundle:
        names = bundle.namelist()
        manifest = json.loads(bundle.read("manifest.json"))
        custody = json.loads(bundle.read("custody.json"))
    assert [e["id"] for e in manifest["items"]] == [public.id]
    assert manifest["item_count"] == 1
    assert [i["item_id"] for i in custody["items"]] == [public.id]
    assert not any("inv" in name for name in names)
    assert "confidential" not in json.dumps(manifest) + json.dumps(custody)
    assert info.sha256 not in json.dumps(manifest) + json.dumps(custody)

    full = _pdf_text(report_building.generate_disciplinary(w.db, w.sam, w.ma_case).pdf)
    assert re.sub(r"\s+", "", f"Under an investigation authorization: {label}") in full
    limited = _pdf_text(report_building.generate_disciplinary(w.db, w.hana, w.ma_case).pdf)
    assert re.sub(r"\s+", "", MASKED) not in limited
    assert "inv.jpg" not in limited and "investigationauthorization" not in limited.lower()
    assert f"Authorization{w.investigation}(" not in limited
    summary = _pdf_text(report_building.generate_case_summaries(w.db, w.hana, [w.ma_case]).pdf)
    assert "Evidenceitems1" in summary


def test_hr_is_told_a_confidential_item_does_not_exist(w: World) -> None:
    info = _add(w, w.ma_case, "2026-03-01T09:00:00-05:00", obtained="investigation_authorization",
                authorization_id=w.investigation)  # fmt: skip
    assert evidence.list_evidence(w.db, w.hana, w.ma_case) == []
    not_found = f"There is no evidence item {info.id}"
    for attempt in (
        lambda: evidence.read_evidence(w.db, w.hana, info.id),
        lambda: evidence.custody_history(w.db, w.hana, info.id),
        lambda: thumbnails.thumbnail(w.db, w.hana, info.id),
        lambda: redaction.get_redactions(w.db, w.hana, info.id),
        lambda: redaction.set_redactions(w.db, w.hana, info.id, ()),
    ):
        with pytest.raises(NotFound, match=not_found):
            attempt()
    assert thumbnails.case_thumbnails(w.db, w.hana, w.ma_case) == {}
    assert [c.item.id for c in evidence.verify_evidence(w.db, w.hana, w.ma_case)] == []
    # The case's timeline says nothing of it to HR; the investigator sees its custody.
    hr_timeline = cases.case_timeline(w.db, w.hana, w.ma_case)
    assert not [e for e in hr_timeline if e.entity_type == "evidence"]
    assert "evidence.add" in {e.action for e in cases.case_timeline(w.db, w.ivan, w.ma_case)}
    assert [i.id for i in evidence.list_evidence(w.db, w.ivan, w.ma_case)] == [info.id]


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def test_confidential_ids_leave_no_gap_among_the_ids_others_see(w: World) -> None:
    def confidential(day: int, content: bytes) -> int:
        return evidence.add_evidence(
            w.db, w.ivan, w.ma_case, content, original_filename=f"inv{day}.png",
            captured_at=f"2026-03-0{day}T10:00:00-05:00", obtained="investigation_authorization",
            authorization_id=w.investigation,
        ).id  # fmt: skip

    def public(day: int, content: bytes) -> int:
        return evidence.add_evidence(
            w.db, w.ivan, w.ma_case, content, original_filename=f"pub{day}.png",
            captured_at=f"2026-03-0{day}T09:00:00-05:00", obtained="public",
        ).id  # fmt: skip

    hidden = [confidential(1, _png((200, 0, 0)))]
    seen = [public(2, _png((0, 200, 0)))]
    hidden.append(confidential(3, _png((0, 0, 200))))
    seen.append(public(4, _png((90, 90, 90))))
    # The items HR sees are numbered one after the other, with nothing between them.
    hr_ids = [i.id for i in evidence.list_evidence(w.db, w.hana, w.ma_case)]
    assert hr_ids == seen == [seen[0], seen[0] + 1]
    assert all(h >= 1_000_000_000 for h in hidden) and len(set(hidden)) == len(hidden)
    # Investigation authorizations likewise: the supervision ones HR sees run on.
    later = auth.add_supervision(
        w.db, w.sam,
        auth.SupervisionFields(
            employee_id=employees.add_employee(w.db, w.sam, agency_code="MADYS",
                                               full_name="Dana Doe").id,
            role="caseworker", supervisor_id=employees.add_employee(
                w.db, w.sam, agency_code="MADYS", full_name="Pat Boss").id,
            written_on="2026-01-01", platform="Facebook", account_name="dana.d",
            youth_case="JJEMS 2", attests_no_youth_contact=True, attests_true_identity=True,
            site_shows_viewers=False, privacy_settings_enabled=False, starts_on="2026-01-01",
        ),
        today=TODAY,
    ).id  # fmt: skip
    assert later == w.supervision + 1
    assert w.investigation >= 1_000_000_000
    assert sorted(a.id for a in auth.list_authorizations(w.db, w.hana)) == [w.supervision, later]


def test_hr_sees_supervision_links_which_are_not_confidential(w: World) -> None:
    info = _add(w, w.ma_case, "2026-03-01T09:00:00-05:00", obtained="supervision_authorization",
                authorization_id=w.supervision)  # fmt: skip
    [seen] = evidence.list_evidence(w.db, w.hana, w.ma_case)
    assert seen == info
    assert seen.obtained is ObtainedHow.SUPERVISION_AUTHORIZATION
    assert seen.authorization_id == w.supervision


def test_the_masked_value_cannot_be_given_as_a_way_of_obtaining(w: World) -> None:
    with pytest.raises(InvalidInput, match="'confidential' is not a way evidence is obtained"):
        _add(w, w.ma_case, "2026-03-01T09:00:00-05:00", obtained="confidential")
    assert _items(w.db) == 0


def test_the_intake_form_is_offered_the_records_of_each_kind(w: World) -> None:
    def ids(case_id: int, how: str) -> list[int]:
        return [c.id for c in authorization_evidence.link_choices(w.db, w.ivan, case_id, how)]

    assert ids(w.ma_case, "investigation_authorization") == [w.investigation]
    assert ids(w.ma_other, "investigation_authorization") == []  # another case's
    # Supervision given for no particular case serves every case of its agency.
    assert ids(w.ma_other, "supervision_authorization") == [w.supervision]
    assert ids(w.ar_case, "supervision_authorization") == []
    request = _request(w, w.ar_case)
    [choice] = authorization_evidence.link_choices(w.db, w.ivan, w.ar_case, "credential_request")
    assert (choice.id, choice.account_name, choice.platform, choice.status) == (
        request, "avery.e", "Facebook", RequestStatus.PENDING,
    )  # fmt: skip
    assert ids(w.ar_other, "credential_request") == []
    with pytest.raises(PermissionDenied):
        authorization_evidence.link_choices(w.db, w.hana, w.ma_case, "investigation_authorization")


def test_a_link_that_does_not_cover_the_capture_is_refused_once_before_any_file_is_read(
    w: World, tmp_path: Path
) -> None:
    missing = [IntakeFile("gone.png", path=tmp_path / "gone.png")]
    metadata = provenance.metadata(captured_at="2026-01-10T12:00:00-05:00",
                              obtained="investigation_authorization")  # fmt: skip
    with pytest.raises(InvalidInput, match="must say which one") as unnamed:
        import_evidence(w.db, w.ivan, w.ma_case, missing, metadata)
    assert unnamed.value.field == "authorization"
    early = provenance.metadata(captured_at="2026-01-10T12:00:00-05:00",
                           obtained="investigation_authorization",
                           authorization_id=w.investigation)  # fmt: skip
    with pytest.raises(Refused, match="captured on 2026-01-10") as refused:
        check_link(w.db, w.ivan, w.ma_case, early)
    assert refused.value.citations == ("MA-DYS-01.05.22 B.3.a",)
    with pytest.raises(Refused, match="captured on 2026-01-10"):
        import_evidence(w.db, w.ivan, w.ma_case, missing, early)
    assert _items(w.db) == 0
