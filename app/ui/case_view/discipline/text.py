"""What the Discipline tab says: stages, next steps, rules, findings and records, as HTML.

The services' read model (:class:`~app.services.discipline.DisciplineFlow`)
holds the facts; this module words them for the tab. A step is named by
where it is in the tab ("the Notice page"), never by a command, and the
rules for the action typed in a form are read from the employer's law pack
as the form changes, each with its citation; a value that comes from the
agency's settings is marked as such.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from app.domain.discipline import (
    DisciplineAction,
    Outcome,
    Regime,
    SettingMissing,
    pack_for,
    response_due,
)
from app.domain.discipline.flow import Stage, appeal_terms, no_appeal_statement, window_note
from app.domain.errors import CasedeskError
from app.domain.wording import counted
from app.services.discipline import AppliedRule, DisciplineFlow
from app.services.discipline.values import law_values
from app.ui.i18n import tr
from app.ui.palette import css, error_colour, muted_colour, success_colour

_C = "DisciplineTab"
SETTING_MARK = "\u2699"  # a gear: the value comes from the agency's settings
_COMMAND = re.compile(r"\s*\(?(?:see |with )?'casedesk [^']*'\)?")


def action_labels() -> dict[DisciplineAction, str]:
    """The ladder of progressive discipline, in the user's language."""
    return {
        DisciplineAction.COUNSELING: tr(_C, "Counseling"),
        DisciplineAction.VERBAL_REPRIMAND: tr(_C, "Verbal reprimand"),
        DisciplineAction.WRITTEN_REPRIMAND: tr(_C, "Written reprimand"),
        DisciplineAction.SUSPENSION: tr(_C, "Suspension without pay"),
        DisciplineAction.DEMOTION: tr(_C, "Demotion"),
        DisciplineAction.DISMISSAL: tr(_C, "Dismissal"),
    }


def action_text(action: DisciplineAction, days: int | None) -> str:
    """ "Suspension without pay (3 working days)"."""
    text = action_labels()[action]
    if action is DisciplineAction.SUSPENSION and days:
        text = tr(_C, "{0} ({1})").format(text, counted(days, "working day"))
    return text


def gui_message(error: BaseException | str) -> str:
    """A service's message for the window: the command-line hints it carries left out.

    The services speak to both interfaces; a hint such as "('casedesk
    discipline notice …')" means nothing in the window, where the step is
    on a page of this tab.
    """
    text = str(error)
    cleaned = _COMMAND.sub("", text)
    cleaned = re.sub(r"\s+([.;,])", r"\1", cleaned)
    return cleaned.strip()


def stage_heading(flow: DisciplineFlow) -> str:
    """The stage in a few words."""
    return flow.stage.label


def next_step(flow: DisciplineFlow, may_record: bool) -> str:
    """What can be done next, naming the page of the tab that does it."""
    due = flow.notice.response_due.isoformat() if flow.notice else ""
    steps = {
        Stage.NO_GROUNDS: tr(_C, "Nothing: discipline rests only on substantiated allegations."),
        Stage.REGIME_UNKNOWN: tr(
            _C, "Record the employee's regime (above): the due process owed depends on it."
        ),
        Stage.READY_FOR_NOTICE: tr(
            _C,
            "Give a pre-action notice on the Notice page before a suspension, demotion or "
            "dismissal; a lesser action can be decided directly on the Decision page.",
        ),
        Stage.AWAITING_RESPONSE: tr(
            _C,
            "The response is due by {0}. Record it on the Response page when it comes; the "
            "decision follows it, or the deadline.",
        ).format(due),
        Stage.READY_FOR_DECISION: tr(_C, "Decide on the Decision page."),
        Stage.DECIDED: tr(_C, "The decision takes effect on its effective date."),
        Stage.IN_FORCE: tr(
            _C, "The action is in force; record an appeal on the Appeal page if one is filed."
        ),
        Stage.APPEALED: tr(_C, "Record the appeal's outcome on the Appeal page when known."),
        Stage.APPEAL_DECIDED: tr(_C, "Nothing further."),
        Stage.OVERTURNED: tr(_C, "The action was overturned on appeal; it no longer counts."),
        Stage.WITHDRAWN: tr(
            _C, "A new decision may be recorded on the Decision page while the case is open."
        ),
        Stage.REFERRED: tr(_C, "Nothing further: the provider decides any discipline."),
        Stage.READY_FOR_REFERRAL: tr(
            _C, "Refer the findings to the provider on the Referral page."
        ),
    }
    text = steps[flow.stage]
    if not may_record and flow.stage not in (Stage.NO_GROUNDS, Stage.REFERRED):
        text = tr(_C, "HR records each step while the case is in discipline review.")
    return text


# -- the law for the action in a form ---------------------------------------------------------


def _cite(citation: str) -> str:
    return (
        f" <span style='color:{css(muted_colour())}'>({html.escape(citation)})</span>"
        if citation
        else ""
    )


def rules_for_action(
    flow: DisciplineFlow, action: DisciplineAction, days: int
) -> list[tuple[str, str, bool]]:
    """The employer's rules for ``action`` (notice owed? appeal?): text, citation, from settings."""
    regime = flow.regime
    if regime is None:
        return [(tr(_C, "The employee's regime is not recorded: the due process owed for this "
                        "action depends on it."), "", False)]  # fmt: skip
    pack = pack_for(flow.agency_code, flow.jurisdiction)
    if pack.outcome_for(regime) is Outcome.REFERRAL_TO_PROVIDER:
        return []
    shown = action_text(action, days if action is DisciplineAction.SUSPENSION else 0).lower()
    items: list[tuple[str, str, bool]] = []
    pre = pack.pre_action_for(action, regime, days)
    if pre is not None:
        cites = "; ".join(dict.fromkeys(r.citation for r in pre.requirements))
        items.append((tr(_C, "A pre-action notice and a chance to respond are owed before "
                             "a {0}.").format(shown), cites, False))  # fmt: skip
    else:
        items.append((tr(_C, "No pre-action notice is owed before a {0}.").format(shown), "",
                      False))  # fmt: skip
    appeal = pack.appeal_for(action, regime, days)
    values = law_values({s.key: s.value for s in flow.settings if s.value is not None})
    if appeal is not None:
        try:
            text = appeal_terms(appeal, values, pack.agency_code).statement(action)
        except SettingMissing as missing:
            text = str(missing)
        marked = any(
            c.setting is not None
            for c in (appeal.body, appeal.days, appeal.day_kind, appeal.counted_from)
        )
        items.append((text, "", marked))
    elif action.needs_pre_action_notice:
        text, _cites = no_appeal_statement(pack, action, regime, days)
        items.append((text, "", False))
    return items


def response_preview(
    flow: DisciplineFlow, issued_on: dt.date, days: int
) -> tuple[dt.date | None, str]:
    """When a response to a notice of ``issued_on`` falls due, and how it was counted."""
    pack = pack_for(flow.agency_code, flow.jurisdiction)
    try:
        due = response_due(pack.calendar, issued_on, days)
    except CasedeskError as error:
        return None, str(error)
    note = window_note(pack.calendar, issued_on, due, days)
    plain = issued_on + dt.timedelta(days=days)
    moved = []
    day = issued_on + dt.timedelta(days=1)
    while day <= due:
        why = pack.calendar.why_not_working(day)
        if why and why not in ("Saturday", "Sunday"):
            moved.append(f"{day} {why}")
        day += dt.timedelta(days=1)
    if due != plain:
        note += tr(
            _C, ". {0} calendar days on would be {1}; weekends{2} are not counted, so it is {3}"
        ).format(  # fmt: skip
            days, plain.isoformat(), tr(_C, " and holidays") if moved else "", due.isoformat()
        )
    return due, note


# -- the read model as HTML -------------------------------------------------------------------


def _nobr(text: str) -> str:
    return f"<nobr>{html.escape(text)}</nobr>"


def _unbroken(text: str) -> str:
    """``text`` as one token: no line break at its spaces or hyphens ("MO-DNR-SN Policy.5")."""
    return html.escape(text).replace(" ", "&nbsp;").replace("-", "-\u2060")


def findings_html(flow: DisciplineFlow, finding_names: dict) -> str:  # type: ignore[type-arg]
    """The allegations against the employee with their findings and reasoning."""
    parts = [f"<h3>{html.escape(tr(_C, 'Findings'))}</h3>"]
    if not flow.grounds:
        parts.append(f"<p>{html.escape(tr(_C, 'No allegations against this employee.'))}</p>")
    for ground in flow.grounds:
        colour = (
            css(success_colour())
            if ground.finding.value == "substantiated"
            else css(muted_colour())
        )
        reasoning = html.escape(ground.reasoning or tr(_C, "(no reasoning recorded)"))
        parts.append(
            f"<p><b>{_nobr(ground.citation)}</b> — {html.escape(ground.provision_title)}<br>"
            f"<span style='color:{colour}'><b>{html.escape(finding_names[ground.finding])}"
            f"</b></span>: {reasoning.replace(chr(10), '<br>')}</p>"
        )
    return "".join(parts)


def prior_html(flow: DisciplineFlow) -> str:
    """The employee's earlier discipline, one line each; values never break inside."""
    parts = [f"<h3>{html.escape(tr(_C, 'Prior discipline'))}</h3>"]
    if not flow.prior:
        parts.append(f"<p>{html.escape(tr(_C, 'None: no earlier discipline is recorded.'))}</p>")
        return "".join(parts)
    parts.append("<ul style='margin-left:0; -qt-list-indent:1'>")
    for p in flow.prior:
        cites = ", ".join(_unbroken(c) for c in p.citations)
        parts.append(
            f"<li>{_unbroken(p.effective_on.isoformat())} — "
            f"<b>{_unbroken(action_text(p.action, p.suspension_days))}</b> — "
            f"{_unbroken(p.case_number)}{' (' + cites + ')' if cites else ''}</li>"
        )
    parts.append("</ul>")
    return "".join(parts)


def _rule_html(rule: AppliedRule) -> str:
    mark = SETTING_MARK + " " if rule.from_settings else ""
    return f"<li>{mark}{html.escape(rule.text)}{_cite(rule.citation)}</li>"


def rules_html(
    flow: DisciplineFlow, action_items: list[tuple[str, str, bool]], action_heading: str
) -> str:
    """The employer's rules that apply, the action's own, then the agency's settings."""
    head = tr(_C, "Rules that apply: {0}").format(flow.employer)
    parts = [f"<h3>{html.escape(head)}</h3>"]
    if flow.regime is not None:
        parts.append(
            "<p>" + html.escape(tr(_C, "Regime: {0}.").format(Regime(flow.regime).label)) + "</p>"
        )
    if action_items:
        parts.append(f"<p><b>{html.escape(action_heading)}</b></p><ul>")
        parts.extend(
            f"<li>{SETTING_MARK + ' ' if marked else ''}{html.escape(text)}{_cite(cite)}</li>"
            for text, cite, marked in action_items
        )
        parts.append("</ul>")
    shown = [r for r in flow.rules if r.topic not in ("appeal",) or not action_items]
    parts.append("<ul>")
    parts.extend(_rule_html(r) for r in shown)
    parts.append("</ul>")
    parts.append(
        "<p><b>" + html.escape(tr(_C, "{0} Agency settings").format(SETTING_MARK)) + "</b> "
        + html.escape(tr(_C, "(the agency's own values, not the law's; an administrator "
                             "changes them)")) + "</p><ul>"
    )  # fmt: skip
    for s in flow.settings:
        value = (
            html.escape(s.value)
            if s.value
            else f"<span style='color:{css(error_colour())}'>"
            + html.escape(tr(_C, "not set"))
            + "</span>"
        )
        parts.append(f"<li>{html.escape(s.label)}: <b>{value}</b>{_cite(s.citation)}</li>")
    parts.append("</ul>")
    return "".join(parts)


def record_html(flow: DisciplineFlow) -> str:
    """What is on record in the flow so far, step by step."""
    rows: list[str] = []
    n = flow.notice
    if n is not None:
        rows.append(
            tr(
                _C, "<b>Notice</b> of {0}: {1} proposed; {2} by {3}. Response due {4} ({5})."
            ).format(
                n.issued_on,
                html.escape(action_text(n.proposed_action, n.proposed_days)),
                html.escape(n.delivery_method.label),
                html.escape(n.delivered_by),
                n.response_due,
                html.escape(n.response_due_note),
            )  # fmt: skip
        )
    r = flow.response
    if r is not None:
        if r.none_by_deadline:
            rows.append(tr(_C, "<b>Response</b>: none came by the deadline."))
        else:
            files = ", ".join(html.escape(f.filename) for f in r.files)
            rows.append(
                tr(_C, "<b>Response</b> received {0}{1}: {2}").format(
                    r.received_on, tr(_C, " (late)") if r.late else "", html.escape(r.summary)
                )
                + (tr(_C, " Files: {0}.").format(files) if files else "")
            )
    d = flow.decision
    if d is not None:
        text = tr(_C, "<b>Decision</b> of {0}, recorded by {1}: {2}, effective {3}.").format(
            d.decided_on, html.escape(d.decided_by), html.escape(d.label), d.effective_on
        )
        if d.suspension_first_day and d.suspension_last_day and d.return_to_work_on:
            text += tr(_C, " Suspended {0} to {1}; returns {2}.").format(
                d.suspension_first_day, d.suspension_last_day, d.return_to_work_on
            )
        if d.withdrawn:
            text += tr(_C, " <b>Withdrawn</b> by {0}: {1}").format(
                html.escape(d.withdrawn_by), html.escape(d.withdrawal_reason)
            )
        rows.append(text)
    a = flow.appeal
    if a is not None:
        text = tr(_C, "<b>Appeal</b> to the {0} filed {1}.").format(html.escape(a.body), a.filed_on)
        if a.outcome is not None:
            text += tr(_C, " Outcome: {0} on {1}.").format(a.outcome.label, a.outcome_on)
        rows.append(text)
    f = flow.referral
    if f is not None:
        rows.append(
            tr(_C, "<b>Referred</b> to {0} on {1} by {2}.").format(
                html.escape(f.provider), f.referred_on, html.escape(f.sent_by)
            )
        )
    if not rows:
        return html.escape(tr(_C, "Nothing recorded yet."))
    return "<br>".join(rows)
