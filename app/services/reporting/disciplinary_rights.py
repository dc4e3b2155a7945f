"""The disciplinary report's response and appeal rights: what is on record, in the law's words.

The response window belongs to the pre-action notice (its working days, the
agency's setting); a decision opens no window of its own. The appeal or
grievance rights are the decision letter's, for the action decided
(:func:`~app.services.reporting.letter_appeal.appeal_blocks`), so the report
and the letter come from one source.
"""

from __future__ import annotations

import reports
from app.domain.discipline.flow import HR_CONTACT
from app.domain.discipline.law_settings import RESPONSE_DAYS
from app.domain.errors import Refused
from app.domain.zones import agency_today
from app.services.discipline import DisciplineFlow, DisciplineInfo
from app.services.reporting.letter_appeal import appeal_blocks
from app.services.reporting.letter_parts import FROM_SETTINGS, LetterInput

#: The agency's response window to a pre-action notice (``law_settings.RESPONSE_DAYS``).
RESPONSE_DAYS_KEY = RESPONSE_DAYS.key


def how_to_respond(flow: DisciplineFlow) -> str:
    """Where and how the employee responds: the agency's setting, marked, or that it is not set."""
    found = flow.setting(HR_CONTACT.key)
    if found is not None and found.value:
        return f"{found.value} {FROM_SETTINGS}"
    return (
        f"Not set: {flow.agency_name} has not set where and how the employee responds (the "
        f"agency setting '{HR_CONTACT.key}', which has no default). Ask the agency's human "
        "resources office; an administrator sets it with 'casedesk discipline settings "
        f"{flow.agency_code} --set {HR_CONTACT.key}=\u2026'."
    )


def response_text(flow: DisciplineFlow, decision: DisciplineInfo | None, contact: str) -> str:
    """What the report says about the employee's written response, from what is on record.

    The response window belongs to the pre-action notice (its working days,
    the agency's setting, and its due date from the state's calendar, both
    recorded with it): the report states that window, whether a response came
    and whether the decision came after it. A decision opens no window of its
    own: neither the employers' law applied here nor the agency's settings
    give one, so none is stated (never a number of days from a default).
    """
    notice, response = flow.notice, flow.response
    parts: list[str] = []
    if notice is not None:
        pack_days = flow.setting(RESPONSE_DAYS_KEY)
        source = (
            f"The number of days is the agency's response window {FROM_SETTINGS}."
            if pack_days is not None and pack_days.value == str(notice.response_days)
            else "The number of days was set on the notice."
        )
        parts.append(
            f"The pre-action notice of {notice.issued_on} ({notice.delivery_method.label.lower()}, "
            f"by {notice.delivered_by}) gave the employee until {notice.response_due} to "
            f"respond: {notice.response_due_note}. {source}"
        )
        if response is None:
            parts.append(
                "No response has been recorded; the window is still open."
                if agency_today(flow.jurisdiction) <= notice.response_due
                else "No response has been recorded."
            )
        elif response.received_on is None:
            parts.append("No response was received by the deadline.")
        else:
            files = ", ".join(f.filename for f in response.files)
            parts.append(
                f"The employee's response was received on {response.received_on}"
                + (", after the deadline" if response.late else "")
                + (f": {response.summary.rstrip('.')}." if response.summary else ".")
                + (f" Files: {files}." if files else "")
            )
        if decision is not None:
            received = response.received_on if response is not None else None
            if received is not None and received <= decision.decided_on:
                parts.append(
                    f"It was considered before the decision, made on {decision.decided_on}."
                )
            elif received is not None:
                parts.append(f"It came after the decision, made on {decision.decided_on}.")
            elif decision.decided_on > notice.response_due:
                parts.append(
                    f"The decision was made on {decision.decided_on}, after the deadline passed."
                )
            else:
                parts.append(f"The decision was made on {decision.decided_on}.")
            parts.append(
                "The decision opens no new window for a response: the window the agency's "
                "settings give is the pre-action notice's, and no law applied here gives another."
            )
        else:
            parts.append("No decision has been recorded yet.")
        return " ".join(parts)
    if decision is None:
        return (
            "No pre-action notice and no decision are recorded yet, so no window for a "
            "response has been given."
        )
    shown = decision.action.label.lower()
    if flow.regime is None:
        parts.append(
            "No pre-action notice is on record. The employee's regime is not recorded, so "
            "whether the law required one before this action cannot be said here."
        )
    elif flow.notice_required:
        parts.append(
            "No pre-action notice is on record, although the law governing the "
            f"{flow.employer} requires one before a {shown} of this employee."
        )
    else:
        parts.append(
            "No pre-action notice was given: the law governing the "
            f"{flow.employer} requires none before a {shown} of this employee."
        )
    parts.append(
        f"No window for a written response to this {shown} is stated: neither the law "
        "applied here nor the agency's settings give one. Whether a written response is kept "
        f"with it is for the agency to say; ask: {contact}"
    )
    return " ".join(parts)


def appeal(source: LetterInput, decision: DisciplineInfo | None) -> tuple[reports.LetterBlock, ...]:
    """The appeal or grievance rights of the decision, exactly as the decision letter states
    them (:func:`~app.services.reporting.letter_appeal.appeal_blocks`: the employer's law
    for the action decided, with its citation); a value the rule needs that the agency has
    not set is named, with whom to ask, instead of a figure."""
    if decision is None:
        return (
            reports.TextBlock(
                "No decision is in force: the appeal or grievance rights depend on the action "
                "decided and are stated with the decision."
            ),
        )
    try:
        return appeal_blocks(source, decision)
    except Refused as refused:
        regime = source.flow.regime
        rule = (
            source.pack.appeal_for(decision.action, regime, decision.suspension_days or 0)
            if regime is not None
            else None
        )
        law = (
            f"The law governing the {source.flow.employer} gives an appeal or grievance of this "
            f"{decision.action.label.lower()} ({rule.citation}), but its terms cannot be "
            "stated in full. "
            if rule is not None
            else ""
        )
        return (
            reports.TextBlock(
                f"{law}{refused.message} Until then, ask the agency's human resources office "
                "for the time limit before it runs out.",
                lead="Appeal rights.",
            ),
        )


def plain(blocks: tuple[reports.LetterBlock, ...]) -> str:
    """The blocks as plain paragraphs (the model's ``appeal_text``)."""
    lines = []
    for block in blocks:
        if isinstance(block, reports.TextBlock):
            lines.append(f"{block.lead} {block.text}".strip())
        elif isinstance(block, reports.QuoteBlock):
            lines.append(f"{block.source} {block.text}")
        else:
            lines.append("\n".join(f"{label}: {value}" for label, value in block.rows))
    return "\n\n".join(lines)
