"""The final decision letter ("Decision: written reprimand" …), its withdrawal, or a referral.

From the decision on record: the action and its dates, the charges quoted,
the standard of proof, the evidence, the notice and the response considered,
the reasons for the level, the steps to correct and the consequence of a
repeat, the sanction policies, the appeal rights as the employer's law gives
them, and the appointing authority. A withdrawn decision prints as
withdrawn with its reason; an MA DYS contracted provider's employee gets a
referral letter to the provider instead. No decision: refused, or a draft.
"""

from __future__ import annotations

import reports
from app.domain.cases import Finding
from app.domain.discipline import Outcome
from app.domain.discipline.flow import Stage
from app.domain.errors import Refused
from app.domain.zones import agency_today, local_day
from app.services.discipline import DisciplineInfo, ReferralInfo
from app.services.reporting.letter_appeal import appeal_blocks
from app.services.reporting.letter_notice import action_phrase
from app.services.reporting.letter_parts import (
    LetterInput,
    allegations_of,
    appointing_authority,
    charge_blocks,
    employee_signature,
    facts,
    finished,
    plain,
    prior_block,
    representative_signature,
    rules_about,
    sanction_blocks,
    signature,
    standard_of_proof,
)

DOCUMENT = "decision letter"


def check_decision(source: LetterInput) -> None:
    """Refuse a decision letter for a decision (or referral) that does not exist."""
    flow = source.flow
    if flow.decision is not None or flow.referral is not None:
        return
    if flow.stage is Stage.NO_GROUNDS and all(
        g.finding is not Finding.PENDING for g in flow.grounds
    ):
        raise Refused(
            f"No allegation against {source.name} in {source.number} is substantiated: there "
            "is no disciplinary decision, and the document is the closure letter "
            f"('casedesk report closure {source.number}')."
        )
    if not source.draft:
        what = (
            "No referral to the provider has been recorded"
            if flow.outcome is Outcome.REFERRAL_TO_PROVIDER
            else "No decision has been recorded"
        )
        raise Refused(
            f"{what} for {source.name} in {source.number}, so there is no decision letter to "
            f"print. Next: {flow.next_step} Or print a draft with --draft."
        )


def build_decision(source: LetterInput) -> reports.Letter:
    """The decision letter, the withdrawn decision, or the referral to the provider."""
    check_decision(source)
    flow = source.flow
    if flow.referral is not None or (
        flow.decision is None and flow.outcome is Outcome.REFERRAL_TO_PROVIDER
    ):
        return _referral(source, flow.referral)
    decision = flow.decision
    standard = standard_of_proof(source, DOCUMENT)
    name, title = appointing_authority(
        source,
        DOCUMENT,
        decision.decision_maker_name if decision else "",
        decision.decision_maker_title if decision else "",
    )
    charged = allegations_of(source, decision.allegation_ids if decision else ())
    if decision is None:
        notice = flow.notice
        heading = (
            "Decision on the proposed "
            + action_phrase(notice.proposed_action, notice.proposed_days)
            + ": not yet made"
            if notice
            else "Decision: not yet made"
        )
    else:
        phrase = action_phrase(decision.action, decision.suspension_days)
        if decision.terminal_suspension and decision.suspension_days:
            phrase += f", with a terminal suspension of {decision.suspension_days} working days"
        heading = ("Decision withdrawn: " if decision.withdrawn else "Decision: ") + phrase
    sections = [
        reports.LetterSection(
            "The decision",
            (reports.FieldsBlock(_decision_rows(decision, flow.jurisdiction)),),
        ),
        reports.LetterSection(
            "The charges and the findings",
            (
                reports.TextBlock(
                    f"The decision rests on these substantiated violations of the "
                    f"{flow.agency_name} policy, each quoted with its provision:"
                ),
                *charge_blocks(source, charged),
            ),
        ),
        reports.LetterSection(
            "Standard of proof", (reports.TextBlock(f"The findings are made on the {standard}."),)
        ),
        reports.LetterSection(
            "The evidence relied on",
            (reports.TextBlock("The decision relies on the evidence listed below."),),
            evidence=True,
        ),
        reports.LetterSection("The notice and your response", _notice_and_response(source)),
        reports.LetterSection(
            "Reasons for the level of discipline",
            (
                reports.FieldsBlock(
                    (
                        ("Progressive step", decision.progressive_step if decision else ""),
                        ("Aggravating factors", decision.aggravating_factors if decision else ""),
                        ("Mitigating factors", decision.mitigating_factors if decision else ""),
                    )
                ),
                reports.TextBlock(
                    "The employee's earlier discipline in other cases:", lead="Prior discipline."
                ),
                prior_block(source),
                *sanction_blocks(source, charged),
            ),
        ),
        reports.LetterSection(
            "Correcting the conduct",
            (
                reports.FieldsBlock(
                    (
                        ("Steps to correct", decision.steps_to_correct if decision else ""),
                        ("If it happens again", decision.repeat_consequence if decision else ""),
                    )
                ),
            ),
        ),
    ]
    if decision is not None and not decision.withdrawn and not source.draft:
        sections.append(
            reports.LetterSection("Your appeal rights", appeal_blocks(source, decision))
        )
    required = _required_of_decision(source)
    if required:
        sections.append(reports.LetterSection("What the law requires of this decision", required))
    sections.append(
        reports.LetterSection(
            "Decided by",
            (reports.FieldsBlock((("Appointing authority", name), ("Title", title))),),
        )
    )
    banner = ""
    if decision is not None and decision.withdrawn:
        when = local_day(decision.withdrawn_at, flow.jurisdiction) if decision.withdrawn_at else ""
        banner = (
            f"WITHDRAWN on {when} by {decision.withdrawn_by}. Reason: "
            f"{decision.withdrawal_reason} This decision is no longer in force, is not prior "
            "discipline and carries no appeal."
        )
    # The day the decision was made; a draft's, today in the agency's zone (``app.domain.zones``).
    dated = decision.decided_on if decision else agency_today(flow.jurisdiction)
    letter = reports.Letter(
        document=reports.DocumentInfo(
            title=f"{heading} {source.number}",
            author=source.prepared_by,
            subject=f"Decision letter to {source.name}",
            keywords=(source.number, *(g.citation for g in flow.grounds)),
        ),
        agency=source.agency,
        title=heading,
        subtitle=f"Case {source.number} \u00b7 to {source.name} \u00b7 {dated}",
        header=f"Decision letter \u00b7 Case {source.number}",
        facts=facts(source),
        sections=tuple(sections),
        banner=banner,
        evidence=source.evidence,
        interviews=source.interviews,
        integrity_verified_at=source.verified_at,
        left_out=source.left_out,
        acknowledgement=reports.Acknowledgement(
            (
                signature("Appointing authority", plain(name), plain(title)),
                employee_signature(source, "decision"),
                representative_signature(),
            )
        ),
    )
    return finished(source, letter)


def _required_of_decision(source: LetterInput) -> tuple[reports.TextBlock, ...]:
    """What the law requires of the decision, without what other sections already state.

    The pre-action requirements are the notice's (section "The notice and your
    response"), the appeal notice is quoted under "Your appeal rights".
    """
    notice_rules = {b.text for b in rules_about(source, "pre-action notice")}
    return tuple(
        b
        for b in rules_about(source, "decision must state")
        if b.text not in notice_rules and not b.text.startswith("A notice of the right of appeal")
    )


def decided_text(decision: DisciplineInfo, jurisdiction: str) -> str:
    """The day the decision was made, and who recorded it when (on another day, that day).

    The appointing authority decides ("Decided by"); HR records the decision,
    which may be days later: the recording's day is the agency's (``app.domain.zones``).
    """
    recorded = local_day(decision.decided_at, jurisdiction)
    when = "" if recorded == decision.decided_on else f" on {recorded}"
    return f"{decision.decided_on}; recorded{when} by {decision.decided_by}"


def _decision_rows(
    decision: DisciplineInfo | None, jurisdiction: str
) -> tuple[tuple[str, str], ...]:
    if decision is None:
        return (("Action", "No decision has been recorded yet: this is a draft."),)
    rows = [
        ("Action", action_phrase(decision.action, decision.suspension_days).capitalize()),
        ("Decided on", decided_text(decision, jurisdiction)),
        ("Effective date", decision.effective_on.isoformat()),
    ]
    if decision.suspension_first_day is not None:
        rows.append(("First day of suspension", decision.suspension_first_day.isoformat()))
    if decision.suspension_last_day is not None:
        rows.append(("Last day of suspension", decision.suspension_last_day.isoformat()))
    if decision.return_to_work_on is not None:
        rows.append(("Return to work", decision.return_to_work_on.isoformat()))
    if decision.terminal_suspension:
        rows.append(("Terminal suspension", "Given with the dismissal; no return to work."))
    if decision.cap_override_reason:
        rows.append(("Suspension cap override", decision.cap_override_reason))
    return tuple(rows)


def _notice_and_response(source: LetterInput) -> tuple[reports.LetterBlock, ...]:
    flow = source.flow
    notice, response = flow.notice, flow.response
    if notice is None and flow.decision is None:
        return (reports.TextBlock("No pre-action notice has been recorded yet."),)
    if notice is None:
        return (
            reports.TextBlock(
                "No pre-action notice was given: "
                + (
                    "the law requires one before this action."
                    if flow.notice_required
                    else f"the law governing the {flow.employer} requires none before this "
                    "action for this employee."
                )
            ),
        )
    rows = [
        (
            "Pre-action notice",
            f"Issued {notice.issued_on} ({notice.delivery_method.label}, by "
            f"{notice.delivered_by}), proposing a "
            f"{action_phrase(notice.proposed_action, notice.proposed_days)}",
        ),
        ("Response due", notice.response_due.isoformat()),
    ]
    if response is None:
        rows.append(("Response", "None recorded."))
    elif response.none_by_deadline:
        rows.append(("Response", "No response was received by the deadline."))
    else:
        files = ", ".join(f.filename for f in response.files)
        rows.append(
            (
                "Response received",
                f"{response.received_on}{' (late)' if response.late else ''}: "
                f"{response.summary or 'no summary recorded'}"
                + (f" Files: {files}." if files else ""),
            )
        )
    considered = (
        "Your response was considered before this decision was made."
        if response is not None and not response.none_by_deadline
        else "No response was received; the decision was made after the deadline passed."
    )
    return (reports.FieldsBlock(tuple(rows)), reports.TextBlock(considered))


def _referral(source: LetterInput, referral: ReferralInfo | None) -> reports.Letter:
    """The referral of a contracted provider's employee to the provider."""
    flow = source.flow
    name, title = appointing_authority(source, DOCUMENT)
    standard = standard_of_proof(source, DOCUMENT)
    charged = allegations_of(source, referral.allegation_ids if referral else ())
    provider = referral.provider if referral else "the provider (not yet recorded)"
    rows = (
        ("Provider", provider),
        ("Referred on", referral.referred_on.isoformat() if referral else "\u2014"),
        ("Sent by", referral.sent_by if referral else "\u2014"),
        ("Note", referral.note if referral else ""),
    )
    sections = (
        reports.LetterSection(
            "The referral",
            (
                reports.TextBlock(
                    f"{source.name} is employed by {provider}, a contracted provider of "
                    f"{flow.employer}. The department does not discipline a provider's "
                    "employee: it refers the substantiated findings below to the provider, "
                    "which decides any discipline itself. This letter is not a disciplinary "
                    "decision."
                ),
                reports.FieldsBlock(rows),
                *rules_about(source, "provider referral"),
            ),
        ),
        reports.LetterSection(
            "The substantiated findings",
            charge_blocks(source, charged),
        ),
        reports.LetterSection(
            "Standard of proof", (reports.TextBlock(f"The findings are made on the {standard}."),)
        ),
        reports.LetterSection(
            "The evidence", (reports.TextBlock("The findings rest on:"),), evidence=True
        ),
        reports.LetterSection(
            "Sent by", (reports.FieldsBlock((("Appointing authority", name), ("Title", title))),)
        ),
    )
    letter = reports.Letter(
        document=reports.DocumentInfo(
            title=f"Referral to the provider {source.number}",
            author=source.prepared_by,
            subject=f"Referral of findings about {source.name} to {provider}",
            keywords=(source.number, *(g.citation for g in flow.grounds)),
        ),
        agency=source.agency,
        title=f"Referral to the provider: {provider}",
        subtitle=f"Case {source.number} \u00b7 about {source.name} \u00b7 "
        f"{referral.referred_on if referral else agency_today(flow.jurisdiction)}",
        header=f"Referral to the provider \u00b7 Case {source.number}",
        facts=facts(source),
        sections=sections,
        banner="Referral to the employee's provider, not a disciplinary decision of the "
        "department.",
        evidence=source.evidence,
        interviews=source.interviews,
        integrity_verified_at=source.verified_at,
        left_out=source.left_out,
        acknowledgement=reports.Acknowledgement(
            (
                signature("Appointing authority", plain(name), plain(title)),
                signature(
                    "Received for the provider",
                    statement="Signature acknowledges receipt of the referral.",
                ),
            ),
            delivered_on=referral.referred_on if referral else None,
            delivered_by=referral.sent_by if referral else "",
            refusing_party="The provider",
        ),
    )
    return finished(source, letter)
