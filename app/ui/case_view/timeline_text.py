"""What an audit event of a case means to its reader: the timeline's line and full text.

Each kind of event the case's timeline shows is said in the words of the
forms that make it; an event of a kind not known here shows its action name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.cases import (
    AccountKind,
    CaseStatus,
    DutyStatus,
    Equipment,
    Finding,
    IntakeChannel,
)
from app.domain.discipline import DisciplineAction
from app.domain.discipline.flow import AppealOutcome
from app.services.audit import AuditEntry
from app.ui.case_view import labels
from app.ui.i18n import tr

_C = "Timeline"


def _enum_label(kind: type[Any], value: object, names: Mapping[Any, str]) -> str:
    try:
        return names[kind(value)]
    except (ValueError, KeyError):
        return str(value)


#: Changes the timeline names without quoting them: long, or ids rather than words.
_NOT_QUOTED = {"narrative", "subjects", "reporter_name", "reporter_contact"}


def _value_text(name: str, value: object) -> str:
    """A value from a change record, in the words the form uses for it."""
    choices: dict[str, tuple[type[Any], Mapping[Any, str]]] = {
        "intake_channel": (IntakeChannel, labels.intake_channel_labels()),
        "duty_status": (DutyStatus, labels.duty_status_labels()),
        "equipment": (Equipment, labels.equipment_labels()),
        "account_kind": (AccountKind, labels.account_kind_labels()),
    }
    if name in choices:
        kind, texts = choices[name]
        return _enum_label(kind, value, texts)
    if isinstance(value, bool):
        return tr(_C, "yes") if value else tr(_C, "no")
    if value is None or value == "" or value == []:
        return tr(_C, "none")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def describe(entry: AuditEntry, citations: Mapping[str, str]) -> tuple[str, str]:
    """What an audit event means to the user: a line, and the full text behind it."""
    details = entry.details
    action = entry.action
    if action == "case.create":
        return tr(_C, "Case opened: {0}").format(details.get("number", "")), str(
            details.get("title", "")
        )
    if action == "case.transition":
        statuses = labels.status_labels()
        line = tr(_C, "Status: {0} → {1}").format(
            _enum_label(CaseStatus, details.get("from"), statuses),
            _enum_label(CaseStatus, details.get("to"), statuses),
        )
        reason = str(details.get("reason") or "")
        return (f"{line} — {reason}" if reason else line), reason
    if action == "case.update":
        names = labels.field_labels()
        order = list(names)  # the form's order, not the audit record's (sorted) one
        recorded = details.get("changes") or {}
        changes = dict(
            sorted(recorded.items(), key=lambda c: order.index(c[0]) if c[0] in order else 99)
        )
        changed = ", ".join(names.get(str(name), str(name)) for name in changes)
        lines = []
        for name, change in changes.items():
            if isinstance(change, list) and len(change) == 2 and name not in _NOT_QUOTED:
                old, new = (_value_text(name, value) for value in change)
                lines.append(f"{names.get(name, name)}: {old} → {new}")
            else:
                lines.append(tr(_C, "{0}: changed").format(names.get(name, name)))
        return tr(_C, "Intake facts changed: {0}").format(changed), "\n".join(lines)
    if action == "allegation.add":
        return tr(_C, "Allegation added: {0}").format(details.get("provision", "")), ""
    if action == "allegation.remove":
        return tr(_C, "Allegation withdrawn: {0}").format(details.get("provision", "")), ""
    if action == "allegation.finding":
        findings = labels.finding_labels()
        citation = citations.get(entry.entity_id, tr(_C, "an allegation"))
        line = tr(_C, "Finding on {0}: {1} → {2}").format(
            citation,
            _enum_label(Finding, details.get("before"), findings),
            _enum_label(Finding, details.get("after"), findings),
        )
        return line, ""
    if action == "case.view_confidential_reporter":
        return tr(_C, "Viewed the confidential reporter's identity"), ""
    if action.startswith("evidence."):
        return _evidence_line(entry)
    if action == "case.export":
        line = tr(_C, "Case bundle exported: {0} ({1} items)").format(
            details.get("file", ""), details.get("item_count", "")
        )
        return line, tr(_C, "Bundle SHA-256: {0}").format(details.get("sha256", ""))
    if action == "discipline.record":
        kind = _action_label(details.get("action"))
        if details.get("decided_on"):
            line = tr(_C, "Discipline decided on {0}: {1}, effective {2}").format(
                details["decided_on"], kind, details.get("effective_on", "")
            )
        else:
            line = tr(_C, "Discipline decided: {0}, effective {1}").format(
                kind, details.get("effective_on", "")
            )
        return line, ", ".join(str(a) for a in details.get("allegations") or [])
    if action.startswith("discipline."):
        return _discipline_line(entry)
    if action.startswith("case."):
        described = _access_line(entry)
        if described is not None:
            return described
    if action in ("authorization.add", "authorization.revoke"):
        return _authorization_line(entry)
    if action == "discipline.cap_override":
        return tr(_C, "Suspension cap overridden"), str(details.get("reason", ""))
    if action == "report.generate":
        line = tr(_C, "Report generated: {0}").format(_report_label(details.get("kind")))
        return line, tr(_C, "PDF SHA-256: {0}").format(details.get("sha256", ""))
    return action, ""


def _action_label(value: object) -> str:
    try:
        return DisciplineAction(str(value)).label
    except ValueError:
        return str(value)


def _report_label(value: object) -> str:
    names = {
        "disciplinary": tr(_C, "disciplinary report"),
        "summary": tr(_C, "case summary"),
        "authorizations": tr(_C, "authorization log"),
    }
    return names.get(str(value), str(value))


def _evidence_line(entry: AuditEntry) -> tuple[str, str]:
    """Custody events of evidence items: what happened to which item."""
    details = entry.details
    item = entry.entity_id
    sha = str(details.get("sha256", ""))
    full = tr(_C, "SHA-256: {0}").format(sha) if sha else ""
    what = {
        "evidence.add": tr(_C, "Evidence item {0} added: {1}"),
        "evidence.attach_page_source": tr(_C, "Page source attached to evidence item {0}: {1}"),
        "evidence.view": tr(_C, "Evidence item {0} viewed"),
        "evidence.export": tr(_C, "Evidence item {0} exported"),
        "evidence.report": tr(_C, "Evidence item {0} included in a report"),
        "evidence.redact": tr(_C, "Redaction of evidence item {0} changed"),
        "evidence.amend": tr(_C, "Details of evidence item {0} amended"),
        "evidence.void": tr(_C, "Evidence item {0} made void"),
        "evidence.verify": tr(_C, "Evidence item {0} verified"),
        "evidence.integrity_failure": tr(_C, "Evidence item {0} FAILED its integrity check"),
    }.get(entry.action)
    if what is None:
        return entry.action, full
    line = what.format(item, details.get("original_filename", ""))
    if entry.action == "evidence.verify" and details.get("ok") is False:
        line = tr(_C, "Evidence item {0} FAILED verification").format(item)
    if entry.action == "evidence.redact":
        count = len(details.get("boxes") or [])
        line = tr(_C, "Redaction of evidence item {0}: {1} boxes").format(item, count)
    problem = str(details.get("problem") or details.get("reason") or "")
    return line, "\n".join(part for part in (full, problem) if part)


def _discipline_line(entry: AuditEntry) -> tuple[str, str]:
    """The steps of the discipline flow: notice, response, withdrawal, appeal, referral."""
    details = entry.details
    action = entry.action
    if action == "discipline.notice":
        what = _action_label(details.get("proposed_action"))
        if details.get("proposed_days"):
            what = tr(_C, "{0} ({1} working days)").format(what, details["proposed_days"])
        line = tr(_C, "Pre-action notice given on {0}: {1} proposed").format(
            details.get("issued_on", ""), what
        )
        full = tr(_C, "Given by {0}; {1} working days to respond").format(
            details.get("delivered_by", ""), details.get("response_days", "")
        )
        return line, full
    if action == "discipline.response":
        if details.get("none_by_deadline"):
            return tr(_C, "No response to the notice by its deadline"), ""
        files = len(details.get("files") or [])
        line = tr(_C, "Response to the notice received on {0}").format(
            details.get("received_on", "")
        )
        return line, tr(_C, "Files given with it: {0}").format(files) if files else ""
    if action == "discipline.withdraw":
        line = tr(_C, "Discipline withdrawn: {0}, effective {1}").format(
            _action_label(details.get("action")), details.get("effective_on", "")
        )
        return line, str(details.get("reason") or "")
    if action == "discipline.appeal":
        line = tr(_C, "Appeal filed on {0}").format(details.get("filed_on", ""))
        where = [str(details.get(k) or "") for k in ("body", "citation")]
        return line, " \u00b7 ".join(p for p in where if p)
    if action == "discipline.appeal_outcome":
        try:
            outcome = AppealOutcome(str(details.get("outcome"))).label
        except ValueError:
            outcome = str(details.get("outcome", ""))
        line = tr(_C, "Appeal decided on {0}: {1}").format(details.get("decided_on", ""), outcome)
        return line, str(details.get("note") or "")
    if action == "discipline.referral":
        line = tr(_C, "Findings referred to {0} on {1}").format(
            details.get("provider", ""), details.get("referred_on", "")
        )
        return line, ", ".join(str(c) for c in details.get("charges") or [])
    return action, ""


def _access_line(entry: AuditEntry) -> tuple[str, str] | None:
    """Who may see the case, and conflicts of interest; None for another case event."""
    details = entry.details
    action = entry.action
    if action == "case.restrict":
        after = ", ".join(str(u) for u in details.get("after") or [])
        return tr(_C, "Access restricted to listed users"), after
    if action == "case.unrestrict":
        return tr(_C, "Access restriction lifted"), ""
    if action == "case.restricted_view":
        return tr(_C, "Restricted case viewed"), str(details.get("what") or "")
    if action == "case.allow_conflict":
        line = tr(_C, "Conflict of interest allowed for {0}").format(details.get("user", ""))
        return line, str(details.get("reason") or "")
    if action == "case.involvement":
        line = tr(_C, "{0} recorded as involved in the case").format(details.get("user", ""))
        return line, str(details.get("kind") or "")
    return None


def _authorization_line(entry: AuditEntry) -> tuple[str, str]:
    """A supervision authorization logged or revoked on the case (B.2)."""
    details = entry.details
    if entry.action == "authorization.add":
        account = " ".join(str(details.get(k) or "") for k in ("platform", "account")).strip()
        line = tr(_C, "Authorization {0} logged: {1}").format(entry.entity_id, account)
        return line, tr(_C, "Starts on {0}").format(details.get("starts_on", ""))
    line = tr(_C, "Authorization {0} revoked from {1}").format(
        entry.entity_id, details.get("revoked_on", "")
    )
    return line, str(details.get("reason") or "")
