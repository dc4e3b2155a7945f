"""The disciplinary report quotes each provision after its lead-in, with the policy's dates.

Read back from the generated PDF with pypdf, on both backends.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable

from pypdf import PdfReader

from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.permissions import Role
from app.services import cases, employees, report_building
from app.services.cases import CaseFields
from app.services.database import Database

MakeUser = Callable[..., Actor]
S = CaseStatus


def _flat(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", text)


def _squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _report(
    db: Database, make_user: MakeUser, admin: Actor, agency: str,
    cited: tuple[str, ...], conduct: dt.date, *, confirm: bool = False,
) -> bytes:  # fmt: skip
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    who = employees.add_employee(db, admin, agency_code=agency, full_name="Jordan Reyes").id
    case = cases.create_case(db, ivan, CaseFields(
        agency_code=agency, title="Posts reported by a coworker", reported_on=conduct,
        conduct_from=conduct, conduct_to=conduct, subject_ids=(who,), investigator="ivan",
    ))  # fmt: skip
    for cite in cited:
        allegation = cases.add_allegation(db, ivan, case.id, cite, summary="Posted it.",
                                          policy_in_force_confirmed=confirm)  # fmt: skip
        if cite == cited[0]:
            first = allegation.id
    cases.transition_case(db, ivan, case.id, S.INVESTIGATING)
    cases.record_finding(db, ivan, first, Finding.SUBSTANTIATED, "The screenshot shows it.")
    cases.transition_case(db, ivan, case.id, S.FINDINGS)
    cases.transition_case(db, sue, case.id, S.DISCIPLINE_REVIEW)
    return report_building.generate_disciplinary(db, hana, case.id).pdf


def test_a_list_item_is_quoted_after_its_lead_in(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    pdf = _report(database, make_user, admin, "MADYS",
                  ("MA-DYS-01.05.22 C.2.e",), dt.date(2026, 3, 1))  # fmt: skip
    flat = _flat(pdf)
    lead_in = _squash(
        "The following are activities are prohibited during work or non-working hours and may "
        "result in disciplinary action up to and including termination from employment if "
        "found on any employee's social networking sites, including Pulse:"
    )
    item = _squash("\u201cFriending\u201d clients, detained youth, the parent or guardian")
    item_ascii = _squash('"Friending" clients, detained youth, the parent or guardian')
    assert lead_in in flat
    at = flat.index(lead_in) + len(lead_in)
    # The item follows its lead-in directly.
    assert flat[at:].startswith(item) or flat[at:].startswith(item_ascii)
    # The policy's version is printed with the quote.
    assert (
        _squash("Use of Social Media by Staff (01.05.22; Effective Date: March 25, 2016)") in flat
    )


def test_nested_lead_ins_and_the_sunset_date_are_printed(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    pdf = _report(database, make_user, admin, "MODMH",
                  ("MO-DMH-DOR-6.675 (1)(B)12",), dt.date(2025, 3, 8), confirm=True)  # fmt: skip
    flat = _flat(pdf)
    quoted = _squash(
        "Department\u2019s electronic mail and/or the Internet may not be used for: "
        "Accessing social media sites for other than authorized Department business purposes."
    )
    assert quoted in flat
    assert _squash("sunset date 2018-07-01") in flat
    assert _squash("Amendment effective June 22, 2015") in flat
