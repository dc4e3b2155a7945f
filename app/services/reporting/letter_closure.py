"""The closure letter: no allegation against the employee was substantiated.

An unfounded, exonerated or not-substantiated outcome is not discipline: the
employee gets this letter, never a disciplinary report. It is refused while
a finding is pending or an allegation is substantiated (a draft may be
printed while findings are pending).
"""

from __future__ import annotations

import reports
from app.domain.cases import Finding
from app.domain.errors import Refused
from app.domain.zones import agency_today
from app.services.reporting.common import FINDING_LABELS
from app.services.reporting.letter_parts import (
    LetterInput,
    allegations_of,
    appointing_authority,
    charge_blocks,
    employee_signature,
    facts,
    finished,
    plain,
    signature,
    standard_of_proof,
)

DOCUMENT = "closure letter"


def check_closure(source: LetterInput) -> None:
    findings = [g.finding for g in source.flow.grounds]
    if Finding.SUBSTANTIATED in findings:
        raise Refused(
            f"An allegation against {source.name} in {source.number} is substantiated: the "
            f"outcome is a decision, not a closure ('casedesk report decision {source.number}')."
        )
    if not findings:
        raise Refused(f"No allegation against {source.name} is recorded in {source.number}.")
    if Finding.PENDING in findings and not source.draft:
        raise Refused(
            f"A finding on an allegation against {source.name} in {source.number} is still "
            "pending: record every finding first ('casedesk case finding …'), or print a "
            "draft with --draft."
        )


def build_closure(source: LetterInput) -> reports.Letter:
    """The closure letter of ``source``'s employee."""
    check_closure(source)
    flow = source.flow
    name, title = appointing_authority(source, DOCUMENT)
    standard = standard_of_proof(source, DOCUMENT)
    outcomes = sorted({FINDING_LABELS[g.finding].lower() for g in flow.grounds})
    sections = (
        reports.LetterSection(
            "The outcome",
            (
                reports.TextBlock(
                    f"The investigation of the allegations against {source.name} is complete. "
                    f"No allegation was substantiated ({', '.join(outcomes)}). No disciplinary "
                    "action is taken on them, and they are not prior discipline."
                ),
            ),
        ),
        reports.LetterSection(
            "The allegations and the findings",
            charge_blocks(source, allegations_of(source), charged=False),
        ),
        reports.LetterSection(
            "Standard of proof",
            (reports.TextBlock(f"The findings were made on the {standard}."),),
        ),
        reports.LetterSection(
            "Signed by", (reports.FieldsBlock((("Appointing authority", name), ("Title", title))),)
        ),
    )
    letter = reports.Letter(
        document=reports.DocumentInfo(
            title=f"Closure letter {source.number}",
            author=source.prepared_by,
            subject=f"Closure of the allegations against {source.name}",
            keywords=(source.number, *(g.citation for g in flow.grounds)),
        ),
        agency=source.agency,
        title="Closure letter: allegations not substantiated",
        # Dated the day it is issued, in the agency's zone (``app.domain.zones``): no step
        # of the flow dates a closure, as a notice's issue or a decision's day dates theirs.
        subtitle=f"Case {source.number} \u00b7 to {source.name} \u00b7 "
        f"{agency_today(flow.jurisdiction)}",
        header=f"Closure letter \u00b7 Case {source.number}",
        facts=facts(source),
        sections=sections,
        acknowledgement=reports.Acknowledgement(
            (
                signature("Appointing authority", plain(name), plain(title)),
                employee_signature(source, "letter"),
            )
        ),
    )
    return finished(source, letter)
