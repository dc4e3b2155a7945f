"""What the user reads for the case vocabulary: statuses, intake facts, findings.

Built on each call so a translation installed after start-up applies.
"""

from __future__ import annotations

from app.domain.cases import (
    AccountKind,
    CaseStatus,
    DutyStatus,
    Equipment,
    Finding,
    IntakeChannel,
    NoteKind,
)
from app.domain.workflow import Transition
from app.ui.i18n import tr

_C = "CaseLabels"


def status_labels() -> dict[CaseStatus, str]:
    return {
        CaseStatus.INTAKE: tr(_C, "Intake"),
        CaseStatus.INVESTIGATING: tr(_C, "Investigating"),
        CaseStatus.FINDINGS: tr(_C, "Findings"),
        CaseStatus.DISCIPLINE_REVIEW: tr(_C, "Discipline review"),
        CaseStatus.CLOSED: tr(_C, "Closed"),
        CaseStatus.REOPENED: tr(_C, "Reopened"),
    }


def intake_channel_labels() -> dict[IntakeChannel, str]:
    return {
        IntakeChannel.SUPERVISOR: tr(_C, "Supervisor"),
        IntakeChannel.HR: tr(_C, "Human Resources"),
        IntakeChannel.EMPLOYEE_RELATIONS: tr(_C, "Employee Relations"),
        IntakeChannel.COWORKER: tr(_C, "Coworker"),
        IntakeChannel.PUBLIC: tr(_C, "Member of the public"),
        IntakeChannel.HOTLINE: tr(_C, "Hotline"),
        IntakeChannel.MONITORING: tr(_C, "Monitoring"),
        IntakeChannel.OTHER: tr(_C, "Other"),
    }


def duty_status_labels() -> dict[DutyStatus, str]:
    return {
        DutyStatus.ON_DUTY: tr(_C, "On duty"),
        DutyStatus.OFF_DUTY: tr(_C, "Off duty"),
        DutyStatus.UNKNOWN: tr(_C, "Not known"),
    }


def equipment_labels() -> dict[Equipment, str]:
    return {
        Equipment.AGENCY: tr(_C, "Agency equipment (state or city)"),
        Equipment.PERSONAL: tr(_C, "Personal device"),
        Equipment.UNKNOWN: tr(_C, "Not known"),
    }


def account_kind_labels() -> dict[AccountKind, str]:
    return {
        AccountKind.PERSONAL: tr(_C, "Personal account"),
        AccountKind.OFFICIAL: tr(_C, "Official account"),
        AccountKind.UNKNOWN: tr(_C, "Not known"),
    }


def finding_labels() -> dict[Finding, str]:
    return {
        Finding.PENDING: tr(_C, "Pending"),
        Finding.SUBSTANTIATED: tr(_C, "Substantiated"),
        Finding.NOT_SUBSTANTIATED: tr(_C, "Not substantiated"),
        Finding.UNFOUNDED: tr(_C, "Unfounded"),
        Finding.EXONERATED: tr(_C, "Exonerated"),
    }


def note_kind_labels() -> dict[NoteKind, str]:
    return {
        NoteKind.NOTE: tr(_C, "Note"),
        NoteKind.INTERVIEW: tr(_C, "Interview"),
        NoteKind.WITNESS_STATEMENT: tr(_C, "Witness statement"),
        NoteKind.CONTACT: tr(_C, "Contact"),
    }


def field_labels() -> dict[str, str]:
    """The intake facts by their service name, as the timeline names a change."""
    return {
        "title": tr(_C, "Title"),
        "reported_on": tr(_C, "Date reported"),
        "intake_channel": tr(_C, "Reported through"),
        "conduct_from": tr(_C, "Conduct from"),
        "conduct_to": tr(_C, "Conduct to"),
        "reporter_name": tr(_C, "Reporter name"),
        "reporter_contact": tr(_C, "Reporter contact"),
        "reporter_confidential": tr(_C, "Confidential reporter"),
        "platforms": tr(_C, "Platforms"),
        "duty_status": tr(_C, "Duty status"),
        "equipment": tr(_C, "Equipment"),
        "account_kind": tr(_C, "Account"),
        "clients_involved": tr(_C, "Clients involved"),
        "narrative": tr(_C, "Narrative"),
        "subjects": tr(_C, "Subject employees"),
        "investigator": tr(_C, "Investigator"),
    }


def transition_label(transition: Transition) -> str:
    """The workflow button's text (the workflow names each move in English)."""
    return tr("Workflow", transition.label)
