"""What the letters of the disciplinary process share, read from the flow's read model.

Every letter is built from :func:`app.services.discipline.flow_in` (the
notice, the response, the decision, the referral, the rules of the
employer's law that apply with their citations, and the agency's settings)
plus the case's provisions quoted from the catalog. A value taken from the
agency's settings is printed with "(from the agency's settings)"; a setting
a letter needs that is not set refuses the letter, naming it and how to set
it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import reports
from app.db.models import Allegation, Case
from app.domain.discipline import DisciplinePack, LawSetting, LawSettingValues, SettingMissing
from app.domain.discipline.flow import APPOINTING_AUTHORITY_NAME, APPOINTING_AUTHORITY_TITLE
from app.domain.errors import Refused
from app.services.catalog_text import policy_source, provision_quote
from app.services.discipline import DisciplineFlow, GroundInfo
from app.services.discipline.values import law_values
from app.services.reporting.common import FINDING_LABELS, STATUS_LABELS, citation

FROM_SETTINGS = "(from the agency's settings)"


@dataclass(frozen=True, slots=True)
class LetterInput:
    """Everything a letter is made from, read in one unit of work (evidence read after)."""

    flow: DisciplineFlow
    pack: DisciplinePack
    case: Case
    agency: reports.Agency
    employee: reports.Employee
    prepared_by: str
    draft: bool
    evidence: tuple[reports.EvidenceItem, ...] = ()
    interviews: tuple[reports.Interview, ...] = ()
    verified_at: str = ""
    left_out: str = ""

    @property
    def name(self) -> str:
        return self.flow.employee.full_name

    @property
    def number(self) -> str:
        return self.flow.case_number

    @property
    def values(self) -> LawSettingValues:
        return law_values({s.key: s.value for s in self.flow.settings if s.value is not None})


def how_to_set(agency: str, key: str) -> str:
    return f"An administrator sets it with 'casedesk discipline settings {agency} --set {key}=…'."


def required_setting(source: LetterInput, setting: LawSetting, document: str) -> str:
    """The agency's value of ``setting`` marked as such, or a refusal naming it."""
    found = source.flow.setting(setting.key)
    if found is None or found.value is None:
        raise Refused(
            f"The {document} cannot be printed: '{setting.key}' ({setting.label}) is not set "
            f"for {source.flow.agency_code} and has no default. "
            + how_to_set(source.flow.agency_code, setting.key)
        )
    return f"{found.value} {FROM_SETTINGS}"


def with_setting_help(source: LetterInput, missing: SettingMissing) -> Refused:
    """A rule's missing setting as a refusal of the document, saying how to set it."""
    return Refused(
        f"{missing.message} Set it with 'casedesk discipline settings "
        f"{source.flow.agency_code} --set KEY=VALUE'.",
        citations=missing.citations,
    )


def standard_of_proof(source: LetterInput, document: str) -> str:
    """The standard of proof for the employee's regime with its citation, or the agency's
    setting marked as such."""
    cited = source.pack.standard_of_proof_for(source.flow.regime)
    if cited.setting is not None:
        return required_setting(source, cited.setting, document)
    return f"{cited.value} ({cited.citation})"


def appointing_authority(
    source: LetterInput, document: str, name: str = "", title: str = ""
) -> tuple[str, str]:
    """The appointing authority's name and title: the decision's, else the agency's settings."""
    shown = []
    for given, setting in ((name, APPOINTING_AUTHORITY_NAME), (title, APPOINTING_AUTHORITY_TITLE)):
        stored = source.flow.setting(setting.key)
        if given and (stored is None or stored.value != given):
            shown.append(given)
        else:
            shown.append(required_setting(source, setting, document))
    return shown[0], shown[1]


def plain(value: str) -> str:
    """A value without its "(from the agency's settings)" mark, for a signature line."""
    return value.removesuffix(FROM_SETTINGS).strip()


def facts(source: LetterInput) -> tuple[tuple[str, str], ...]:
    """The case and the employee, at the top of every letter."""
    flow = source.flow
    employee = source.employee
    return (
        ("Case number", flow.case_number),
        ("Case status", STATUS_LABELS[flow.case_status]),
        ("Agency", f"{flow.agency_name} ({flow.agency_code})"),
        ("Employee", employee.name),
        ("Position", employee.title),
        ("Division / unit", employee.unit),
        ("Employee ID", employee.employee_id),
        ("Employment", flow.regime.label if flow.regime else "not recorded"),
        ("Prepared by", source.prepared_by),
    )


def allegations_of(source: LetterInput, ids: tuple[int, ...] = ()) -> list[Allegation]:
    """The employee's allegations (only ``ids`` when given), in the case's order."""
    mine = {g.id for g in source.flow.grounds}
    chosen = set(ids) if ids else mine
    return [a for a in source.case.allegations if a.id in chosen and a.id in mine]


def charge_blocks(
    source: LetterInput,
    allegations: list[Allegation],
    *,
    findings: bool = True,
    charged: bool = True,
) -> tuple[reports.TextBlock | reports.QuoteBlock, ...]:
    """Each charge (or, ``charged`` false, allegation): the provision quoted, the finding."""
    grounds = {g.id: g for g in source.flow.grounds}
    blocks: list[reports.TextBlock | reports.QuoteBlock] = []
    for number, allegation in enumerate(allegations, start=1):
        ref = citation(allegation)
        blocks.append(
            reports.TextBlock(
                allegation.summary or source.case.title,
                lead=(f"Charge {number}: violation of " if charged else f"Allegation {number}: ")
                + f"{ref} ({allegation.provision.title}).",
            )
        )
        blocks.append(
            reports.QuoteBlock(
                f"{policy_source(allegation.provision.policy)}, {ref}:",
                provision_quote(allegation.provision),
            )
        )
        ground = grounds.get(allegation.id)
        if findings and ground is not None:
            blocks.append(
                reports.TextBlock(
                    ground.reasoning or "\u2014", lead=f"Finding: {_finding(ground)}."
                )
            )
    if not blocks:
        blocks.append(reports.TextBlock("No allegation against the employee is recorded."))
    return tuple(blocks)


def _finding(ground: GroundInfo) -> str:
    return FINDING_LABELS[ground.finding]


def prior_block(source: LetterInput) -> reports.TextBlock | reports.FieldsBlock:
    prior = source.flow.prior
    if not prior:
        return reports.TextBlock(f"No prior discipline is recorded for {source.name}.")
    return reports.FieldsBlock(
        tuple(
            (
                p.label,
                f"effective {p.effective_on}, case {p.case_number} ({', '.join(p.citations)})",
            )
            for p in prior
        )
    )


def sanction_blocks(
    source: LetterInput, allegations: list[Allegation]
) -> tuple[reports.TextBlock | reports.QuoteBlock, ...]:
    """The sanction policies the charged provisions point to, quoted.

    A reference applies when a charge cites its provision, a clause under it,
    or the provision it is a clause of (AR-DHS II(A)(3) says how "such
    incidents" under II(A) are sanctioned), or when its own text says it
    governs any violation of "this policy" (MO DNR's "Disciplinary Action",
    St. Louis AR 150 VI).
    """
    refs = [c.split(" ", 1)[1] if " " in c else c for c in (citation(a) for a in allegations)]
    blocks: list[reports.TextBlock | reports.QuoteBlock] = []
    for ref in source.pack.sanction_policies:
        charged = any(_related(r, ref.provision) for r in refs)
        if not (charged or "this policy" in ref.quote.lower()):
            continue
        blocks.append(
            reports.QuoteBlock(
                f"{source.pack.agency_code} {ref.provision} ({ref.subject}) points to "
                f"{ref.points_to}:",
                ref.quote,
            )
        )
    if not blocks:
        blocks.append(
            reports.TextBlock(
                "The provisions charged point to no separate sanction policy; the action "
                "follows the agency's progressive discipline."
            )
        )
    return tuple(blocks)


def _related(one: str, other: str) -> bool:
    """Whether two references are the same provision, or one is a clause of the other."""
    if one == other:
        return True
    outer, inner = sorted((one, other), key=len)
    return inner.startswith(outer) and inner[len(outer)] in "(."


def rules_about(source: LetterInput, topic: str) -> tuple[reports.TextBlock, ...]:
    """The read model's rules on ``topic``, each with its citation."""
    return tuple(
        reports.TextBlock(
            r.text
            + (f" ({r.citation})" if r.citation and r.citation not in r.text else "")
            + (f" {FROM_SETTINGS}" if r.from_settings else "")
        )
        for r in source.flow.rules
        if r.topic == topic
    )


def signature(
    role: str, name: str = "", title: str = "", statement: str = ""
) -> reports.SignatureBlock:
    return reports.SignatureBlock(role, name, title, statement)


def employee_signature(source: LetterInput, what: str) -> reports.SignatureBlock:
    return signature(
        "Employee",
        source.name,
        source.employee.title,
        f"My signature acknowledges that I received this {what}; it does not mean that I "
        "agree with it.",
    )


def representative_signature() -> reports.SignatureBlock:
    return signature(
        "Union representative or witness",
        statement="Present when the document was delivered.",
    )


def finished(source: LetterInput, letter: reports.Letter) -> reports.Letter:
    """A draft: watermarked DRAFT on every page, with no signature or receipt part."""
    if not source.draft:
        return letter
    return dataclasses.replace(
        letter,
        watermark=reports.DRAFT,
        acknowledgement=None,
        title=f"{letter.title} (draft)",
        document=dataclasses.replace(letter.document, title=f"{letter.document.title} (draft)"),
    )
