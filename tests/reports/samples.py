"""Realistic report dataclasses for the report tests (a MA DYS case)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from reports import (
    Agency,
    Allegation,
    AuthorizationEntry,
    AuthorizationLogReport,
    CaseSummary,
    CaseSummaryReport,
    CredentialRequestEntry,
    CredentialUse,
    DisciplinaryAction,
    DisciplinaryReport,
    DocumentInfo,
    Employee,
    EmployeeRights,
    EvidenceItem,
    Finding,
    InadvertentReceiptEntry,
    Interview,
    PreActionNotice,
    PriorDiscipline,
    SignatureBlock,
    SummaryAllegation,
)

#: The fonts shipped with Casedesk, which reports embed (the tests of reports/
#: name the folder the way the services layer does, see conftest.py).
FONT_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "fonts"
DEJAVU = str(FONT_FOLDER / "DejaVuSans.ttf")

AGENCY = Agency(
    name="Massachusetts Department of Youth Services",
    code="MADYS",
    address_lines=("600 Washington Street, 4th Floor", "Boston, MA 02111"),
)

# Verbatim from resources/policies/ma_dys.toml.
C2A_TEXT = (
    "Disclosing any confidential or personal information of DYS youth, current or former, "
    "including but not limited to names, photographs, or personally identifiable information "
    "that can lead to identity of a DYS youth;"
)
C2E_TEXT = (
    "\u201cFriending\u201d clients, detained youth, the parent or guardian of a client or detained "
    "youth or any member of a client or detained youth's family;"
)


def screenshot_png(seed: int, size: tuple[int, int] = (1920, 1080), *, text: str = "") -> bytes:
    """A screenshot-like PNG: a feed with text lines, avatars and a photo."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (240, 242, 245))
    draw = ImageDraw.Draw(image)
    width, height = size
    scale = width / 1920
    font = ImageFont.truetype(DEJAVU, max(10, round(22 * scale)))
    draw.rectangle((0, 0, width, round(64 * scale)), fill=(24, 119, 242))
    draw.text(
        (round(40 * scale), round(16 * scale)), text or f"post {seed}", font=font, fill="white"
    )
    draw.rectangle((round(520 * scale), round(90 * scale), round(1400 * scale), height), "white")
    y = round(110 * scale)
    while y < height - 60 * scale:
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((540 * scale, y, 600 * scale, y + 60 * scale), fill=colour)
        words = " ".join(rng.choice(("shift", "unit", "tonight", "kids", "lol")) for _ in range(9))
        draw.text((620 * scale, y + 10 * scale), words, font=font, fill=(28, 30, 33))
        y += round(80 * scale)
        if rng.random() < 0.3:
            w, h = round(800 * scale), round(220 * scale)
            photo = Image.effect_noise((w, h), 60).convert("RGB")
            image.paste(photo, (round(560 * scale), y))
            y += h + round(10 * scale)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def evidence_item(n: int, *, redacted: bool = False, image: bytes | None = None) -> EvidenceItem:
    data = image if image is not None else screenshot_png(n)
    with Image.open(io.BytesIO(data)) as probe:
        width, height = probe.size
    original_hash = hashlib.sha256(data).hexdigest()
    return EvidenceItem(
        item_id=f"E-{n}",
        file_name=f"Screenshot 2026-03-0{n % 9 + 1} at 21.{10 + n:02d}.png",
        image=data,
        redacted=redacted,
        media_type="image/png",
        width=width,
        height=height,
        size_bytes=len(data),
        sha256=original_hash,
        captured_at=f"2026-03-0{n % 9 + 1} 21:{10 + n % 50:02d} EST (02:{10 + n % 50:02d} UTC)",
        captured_by="Inv. Renata Okafor",
        source_url=f"https://www.instagram.com/p/C4x{n:03d}Qk/",
        platform="Instagram",
        account="@jt_after_hours",
        obtained="Under investigation authorization IA-2026-007 (MA DYS 01.05.22 B.3)",
        description="Post showing a youth's first name and a photo taken in the unit dayroom.",
        rendering_sha256=hashlib.sha256(b"redacted" + data).hexdigest() if redacted else "",
    )


def employee(name: str = "Jordan T. Whitaker") -> Employee:
    return Employee(
        name=name,
        title="Youth Services Group Worker II",
        unit="Central Region, Worcester Secure Treatment Unit",
        employee_id="DYS-048213",
        supervisor="Marisol Vega, Program Director",
    )


def disciplinary(
    *,
    name: str = "Jordan T. Whitaker",
    evidence: int = 3,
    suspension: bool = True,
    prior: bool = True,
) -> DisciplinaryReport:
    """A complete disciplinary report: two allegations, ``evidence`` screenshots."""
    items = tuple(evidence_item(n, redacted=(n == 2)) for n in range(1, evidence + 1))
    allegations = (
        Allegation(
            number=1,
            provision_reference="MA DYS 01.05.22 C.2.a",
            provision_title="Disclosing confidential or personal information identifying DYS youth",
            provision_text=C2A_TEXT,
            policy_name="MA DYS Policy 01.05.22 Use of Social Media by Staff",
            conduct=(
                "Posted on a personal Instagram account a photograph taken in the unit dayroom "
                "in which a committed youth is identifiable, with the youth's first name in the "
                "caption."
            ),
            conduct_from=dt.date(2026, 3, 2),
            conduct_to=dt.date(2026, 3, 5),
            finding=Finding(
                label="Substantiated",
                reasoning=(
                    "Items E-1 and E-2 show the post; the account is the employee's own "
                    "(admitted in interview). The youth is identifiable by face and name."
                ),
                decided_on=dt.date(2026, 4, 14),
                decided_by="Renata Okafor",
            ),
        ),
        Allegation(
            number=2,
            provision_reference="MA DYS 01.05.22 C.2.e",
            provision_title="Friending youth or their families",
            provision_text=C2E_TEXT,
            policy_name="MA DYS Policy 01.05.22 Use of Social Media by Staff",
            conduct="Accepted a follow request from the mother of a detained youth.",
            conduct_from=dt.date(2026, 3, 4),
            conduct_to=dt.date(2026, 3, 4),
            finding=Finding(
                label="Not substantiated",
                reasoning="The account holder could not be identified as the youth's parent.",
            ),
        ),
    )
    action = DisciplinaryAction(
        kind="Suspension" if suspension else "Written reprimand",
        status="Action taken",
        effective_date=dt.date(2026, 5, 4),
        suspension_days=3 if suspension else None,
        steps_to_correct=(
            "Remove the post and any other image taken inside a DYS facility; complete the "
            "CORI and confidentiality training by 2026-06-01."
        ),
        consequence_of_repeat=(
            "A further violation of MA DYS 01.05.22 C.2 will lead to discipline up to and "
            "including termination."
        ),
        grounds=("Allegation 1: MA DYS 01.05.22 C.2.a (Disclosing youth information)",),
    )
    notice = PreActionNotice(
        charges="Violation of MA DYS 01.05.22 C.2.a (disclosure of a youth's identity).",
        evidence_explanation=(
            "Screenshots E-1 to E-3 of the post and its caption, and the employee's interview."
        ),
        response_deadline=dt.date(2026, 4, 28),
        how_to_respond="In writing to the HR Director, or at a meeting on request.",
        status_pending_decision="On duty, reassigned away from the unit.",
    )
    return DisciplinaryReport(
        document=DocumentInfo(
            title="Disciplinary report MADYS-2026-0042",
            author="Dana Whitfield",
            subject="Social-media policy violation: suspension",
            keywords=("MADYS-2026-0042", "MA DYS 01.05.22 C.2.a"),
        ),
        agency=AGENCY,
        case_number="MADYS-2026-0042",
        report_date=dt.date(2026, 4, 20),
        prepared_by="Dana Whitfield, HR Director",
        employee=employee(name),
        allegations=allegations,
        conduct_statement=(
            "Between 2026-03-02 and 2026-03-05 the employee posted images taken inside the "
            "Worcester secure treatment unit on a personal Instagram account.\n\n"
            "A coworker reported the post on 2026-03-06."
        ),
        conduct_from=dt.date(2026, 3, 2),
        conduct_to=dt.date(2026, 3, 5),
        investigation_summary=(
            "Investigator Renata Okafor captured the public posts under authorization "
            "IA-2026-007, interviewed the reporting coworker and the employee, and reviewed "
            "the unit roster for the dates of the photographs."
        ),
        evidence=items,
        integrity_verified_at="2026-04-20 14:02 UTC",
        interviews=(
            Interview(
                "Witness statement",
                "Renata Okafor",
                dt.date(2026, 3, 9),
                "Lee Carver, Group Worker (reporter): saw the post.",
            ),
            Interview(
                "Interview",
                "Renata Okafor",
                dt.date(2026, 3, 16),
                "Jordan T. Whitaker (employee) admitted the post.",
            ),
        ),
        prior_discipline=(
            (
                PriorDiscipline(
                    action="Written reprimand",
                    effective_date=dt.date(2025, 2, 10),
                    case_number="MADYS-2025-0007",
                    reason="Personal phone use on the unit floor",
                ),
            )
            if prior
            else ()
        ),
        action=action,
        pre_action_notice=notice if suspension else None,
        rights=EmployeeRights(
            response_days=5,
            response_deadline=dt.date(2026, 4, 28),
            response_text=(
                "The pre-action notice of 2026-04-21 gave the employee until 2026-04-28 to "
                "respond. The employee's response was received on 2026-04-23 and considered "
                "before the decision."
            ),
            appeal_text=(
                "The employee may file a grievance under Article 23 of the collective "
                "bargaining agreement within 10 working days."
            ),
        ),
        signatures=(
            SignatureBlock("Investigator", "Renata Okafor", "Investigator"),
            SignatureBlock("Supervisor", "Marisol Vega", "Program Director"),
            SignatureBlock("HR / Appointing authority", "Dana Whitfield", "HR Director"),
            SignatureBlock(
                "Employee acknowledgement of receipt",
                name,
                statement="My signature acknowledges receipt of this report, not agreement.",
            ),
        ),
    )


def authorization_log(
    *, investigations_included: bool = True, credentials_included: bool = True
) -> AuthorizationLogReport:
    supervision = (
        AuthorizationEntry(
            reference="SA-2026-004",
            person="Alex Moreno, Caseworker",
            granted_by="Marisol Vega",
            account="dys.moreno.supervision",
            platform="Instagram",
            concerns="Youth case Y-2291",
            starts_on=dt.date(2026, 1, 5),
            ends_on=dt.date(2026, 6, 30),
            status="Active",
        ),
        AuthorizationEntry(
            reference="SA-2026-009",
            person="Keisha Robinson, Caseworker",
            granted_by="Marisol Vega",
            account="keisha.r.personal.supervision",
            platform="Snapchat",
            concerns="Youth case Y-3107",
            starts_on=dt.date(2026, 1, 20),
            ends_on=None,
            status="Revoked 2026-03-01",
            status_note="Reason for the revocation: youth returned to custody.",
        ),
    )
    investigation: tuple[AuthorizationEntry, ...] = (
        AuthorizationEntry(
            reference="IA-2026-007",
            person="Renata Okafor, Investigator",
            granted_by="Thomas Hale, Investigation Unit Supervisor",
            account="unit.inv.profile7",
            platform="Instagram",
            concerns="Case MADYS-2026-0042",
            starts_on=dt.date(2026, 3, 6),
            ends_on=None,
            status="Active",
            confidential=True,
            last_review=dt.date(2026, 3, 20),
            review_overdue=True,
        ),
        AuthorizationEntry(
            reference="IA-2026-003",
            person="Kim Osei, Legal Unit",
            granted_by="Thomas Hale",
            account="legal.research.2",
            platform="Facebook",
            concerns="Case MADYS-2026-0011",
            starts_on=dt.date(2026, 1, 12),
            ends_on=dt.date(2026, 2, 28),
            status="Ended",
            last_review=dt.date(2026, 2, 20),
        ),
    )
    if not investigations_included:
        investigation = tuple(e for e in investigation if not e.confidential)
    report = AuthorizationLogReport(
        document=DocumentInfo(
            "Authorization log MADYS 2026-01-01 to 2026-03-31",
            "Dana Whitfield",
            "Social-media authorizations and credential requests",
        ),
        agency=AGENCY,
        period_from=dt.date(2026, 1, 1),
        period_to=dt.date(2026, 3, 31),
        report_date=dt.date(2026, 4, 2),
        prepared_by="Dana Whitfield, HR Director",
        supervision=supervision,
        investigation=investigation,
        credential_requests=(
            CredentialRequestEntry(
                reference="CR-2026-002",
                case_number="ARDHS-2026-0019",
                employee="Casey Brandt",
                office="DHS Internal Affairs/Fraud",
                suspected_violation="Ark. Code Ann. § 5-55-111 (Medicaid fraud)",
                justification="Posts advertise private services billed to Medicaid.",
                requested_by="Pat Lindqvist",
                requested_at="2026-02-03 10:15 CST",
                decision="Approved",
                decided_by="Morgan Ruiz",
                decided_at="2026-02-04 09:00 CST",
                uses=(
                    CredentialUse(
                        "2026-02-05 13:20 CST", "Pat Lindqvist", "Review direct messages"
                    ),
                ),
                platform="Facebook",
                account="casey.brandt.77",
                provided_by="Casey Brandt",
                provided_to="Pat Lindqvist",
                provided_at="2026-02-05 11:00 CST",
            ),
            CredentialRequestEntry(
                reference="CR-2026-003",
                case_number="ARDHS-2026-0019",
                employee="Casey Brandt",
                office="",
                suspected_violation="",
                justification="",
                requested_by="Pat Lindqvist",
                requested_at="2026-02-06 10:00 CST",
                decision="Excluded",
                platform="LinkedIn",
                account="DHS Careers Page",
                exclusion=(
                    "The account was set up by the employee on the agency's behalf, so it is "
                    "not a personal social media account and no credential request applies "
                    "(AR-DHS I(C); Ark. Code Ann. § 11-2-124)."
                ),
            ),
        ),
        inadvertent_receipts=(
            InadvertentReceiptEntry(
                reference="IR-2026-001",
                received_at="2026-03-11 08:02 CST",
                employee="Robin Ames",
                how_received="Agency network monitoring",
                recorded_by="IT Security Office",
                note="Sealed; not to be used.",
                platform="Facebook",
                account="robin.ames.personal_account",
            ),
        ),
        investigations_included=investigations_included,
        credentials_included=credentials_included,
    )
    if not credentials_included:
        report = dataclasses.replace(report, credential_requests=(), inadvertent_receipts=())
    return report


def case_summaries(count: int = 3) -> CaseSummaryReport:
    cases = []
    for n in range(1, count + 1):
        cases.append(
            CaseSummary(
                case_number=f"MADYS-2026-{n:04d}",
                title=f"Instagram post from the unit ({n})",
                agency=AGENCY,
                status="Closed" if n % 2 else "Under investigation",
                employees=(employee(),),
                reported_on=dt.date(2026, 3, n),
                conduct_from=dt.date(2026, 2, n),
                conduct_to=dt.date(2026, 2, n + 1),
                closed_on=dt.date(2026, 4, n) if n % 2 else None,
                investigator="Renata Okafor",
                allegations=(
                    SummaryAllegation(
                        "MA DYS 01.05.22 C.2.a",
                        "Disclosing youth identity",
                        "Substantiated" if n % 2 else "Pending",
                        employee="Jordan T. Whitaker",
                    ),
                ),
                action="Written reprimand, effective 2026-04-10" if n % 2 else "",
                evidence_count=n + 1,
                narrative="A coworker reported photographs from the unit on a personal account.",
            )
        )
    return CaseSummaryReport(
        document=DocumentInfo("Case summaries", "Dana Whitfield", "Case summaries"),
        report_date=dt.date(2026, 4, 20),
        prepared_by="Dana Whitfield, HR Director",
        cases=tuple(cases),
    )
