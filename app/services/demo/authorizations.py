"""Demo authorizations and credential requests, logged through the real services.

:func:`add_supervision_authorizations` logs MA DYS B.2 authorizations that
belong to no case (one active, one ended, one revoked);
:func:`during_investigation` runs while a demo case is under investigation
and logs what that story needs: B.3 investigation authorizations with review
meetings (one overdue), and AR DHS credential requests (approved with uses,
denied, one that ends when its case closes, an excluded agency account, an
inadvertent receipt). All names and accounts are invented.
"""

from __future__ import annotations

import datetime as dt

from app.domain.actor import Actor
from app.services import authorizations as auth
from app.services import credential_requests as cr
from app.services.database import Database
from app.services.demo.schedule import Play, at
from app.services.demo.stories import Story


def add_supervision_authorizations(
    database: Database, supervisor: Actor, staff_ids: dict[str, int]
) -> int:
    """Three B.2 authorizations of Dorchester and Worcester staff; returns how many."""
    today = dt.date.today()

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    auth.add_supervision(
        database, supervisor,
        auth.SupervisionFields(
            employee_id=staff_ids["tran"], role="caseworker", supervisor_id=staff_ids["doherty"],
            written_on=ago(170), platform="Facebook", account_name="hoa.tran.personal",
            youth_case="JJEMS DOR-2026-0412", attests_no_youth_contact=True,
            attests_true_identity=True, site_shows_viewers=False,
            privacy_settings_enabled=True, starts_on=ago(169), ends_on=ago(80),
            notes="Youth on conditional liberty posts about curfew; view only.",
        ),
    )  # fmt: skip
    ramirez = auth.add_supervision(
        database, supervisor,
        auth.SupervisionFields(
            employee_id=staff_ids["ramirez"], role="apprehension_officer",
            supervisor_id=staff_ids["doherty"], written_on=ago(130), platform="Snapchat",
            account_name="jr.metro.personal", youth_case="JJEMS MET-2026-1190",
            attests_no_youth_contact=True, attests_true_identity=True, site_shows_viewers=True,
            privacy_settings_enabled=True, starts_on=ago(129),
        ),
    )  # fmt: skip
    auth.revoke_authorization(
        database, supervisor, ramirez.id, revoked_on=ago(52),
        reason="Youth returned to custody; supervision through social media no longer needed.",
    )  # fmt: skip
    auth.add_supervision(
        database, supervisor,
        auth.SupervisionFields(
            employee_id=staff_ids["osei"], role="other", supervisor_id=staff_ids["callahan"],
            written_on=ago(32), platform="TikTok", account_name="kwame.osei.personal",
            youth_case="JJEMS CEN-2026-0739", attests_no_youth_contact=True,
            attests_true_identity=True, site_shows_viewers=True, privacy_settings_enabled=True,
            starts_on=ago(31),
        ),
    )  # fmt: skip
    return 3


def during_investigation(
    database: Database,
    investigator: Actor,
    supervisor: Actor,
    story: Story,
    case_id: int,
    staff_ids: dict[str, int],
    until: dt.date,
) -> Play:
    """Log what the story's investigation used, while the case is open (if anything).

    Yields the moment of each step (``schedule``); ``until``: the day the demo is made.
    """
    play = _PLAYS.get(story.title)
    if play is not None:
        yield from play(database, investigator, supervisor, story, case_id, staff_ids, until)


def _youth_posted_from_staff_phone(
    database: Database, investigator: Actor, supervisor: Actor, story: Story, case_id: int,
    staff_ids: dict[str, int], until: dt.date,
) -> Play:  # fmt: skip
    """A B.3 authorization whose review meeting is overdue."""
    start = story.reported + dt.timedelta(days=2)
    yield at(start, 15)
    info = auth.add_investigation(
        database, supervisor,
        auth.InvestigationFields(
            employee_id=staff_ids["ramirez"], role="apprehension_officer",
            supervisor_id=staff_ids["doherty"], written_on=start, platform="Instagram",
            account_name="wor.south.events", case_id=case_id,
            youth_communication_approved=False, starts_on=start,
            notes="Investigation profile to view the youth's public and follower-only posts.",
        ),
    )  # fmt: skip
    yield at(start + dt.timedelta(days=7), 15)
    auth.record_review(
        database, supervisor, info.id, met_on=start + dt.timedelta(days=7),
        notes="Profile used to view only; no messages sent. Screenshots of three posts saved.",
    )  # fmt: skip


def _diagnosis_in_facebook_group(
    database: Database, investigator: Actor, supervisor: Actor, story: Story, case_id: int,
    staff_ids: dict[str, int], until: dt.date,
) -> Play:  # fmt: skip
    """A B.3 authorization reviewed a week ago, with communication approved (B.3.c)."""
    start = story.reported + dt.timedelta(days=3)
    yield at(start, 15)
    info = auth.add_investigation(
        database, supervisor,
        auth.InvestigationFields(
            employee_id=staff_ids["ramirez"], role="designee", supervisor_id=staff_ids["doherty"],
            written_on=start, platform="Facebook", account_name="clinician.peer.network",
            case_id=case_id, youth_communication_approved=True, starts_on=start,
            notes="Designated by the Investigation Unit to join the closed therapists' group.",
        ),
    )  # fmt: skip
    met_on = max(start, until - dt.timedelta(days=7))
    yield at(met_on, 16)
    auth.record_review(
        database, supervisor, info.id, met_on=met_on,
        notes="Group membership still needed until the interview with the clinical director.",
    )  # fmt: skip


def _snapchat_contact_with_youth(
    database: Database, investigator: Actor, supervisor: Actor, story: Story, case_id: int,
    staff_ids: dict[str, int], until: dt.date,
) -> Play:  # fmt: skip
    """The caseworker's own B.2 authorization, linked to the case about her contact."""
    start = story.reported - dt.timedelta(days=60)
    yield at(story.reported + dt.timedelta(days=1), 16)
    auth.add_supervision(
        database, supervisor,
        auth.SupervisionFields(
            employee_id=staff_ids["robinson"], role="caseworker",
            supervisor_id=staff_ids["doherty"], written_on=start, platform="Snapchat",
            account_name="keisha.r.personal", youth_case="JJEMS DOR-2025-0977",
            attests_no_youth_contact=True, attests_true_identity=True, site_shows_viewers=True,
            privacy_settings_enabled=True, starts_on=start, case_id=case_id,
            notes="Attested no contact with the youth; the case asks whether she kept to it.",
        ),
    )  # fmt: skip


def _applicants_browsed_at_work(
    database: Database, investigator: Actor, supervisor: Actor, story: Story, case_id: int,
    staff_ids: dict[str, int], until: dt.date,
) -> Play:  # fmt: skip
    """An approved request with two uses, and an inadvertent receipt from the web filter."""
    yield at(story.reported + dt.timedelta(days=1), 16)
    employee = staff_ids[story.subjects[0]]
    request = cr.new_request(
        database, investigator,
        cr.CredentialRequestFields(
            case_id=case_id, employee_id=employee, platform="Facebook",
            account_name="sharonda.wills.73", office="security_office",
            violation_kind="agency_policy", violation_provision="AR-DHS II(I)",
            justification="The web-filter report shows 41 visits to applicants' profiles from "
            "this account during office hours; its activity log is reasonably believed to show "
            "whether applicants were messaged, which bears on the allegation.",
        ),
    )  # fmt: skip
    cr.approve_request(database, supervisor, request.id,
                       note="Limited to the activity log for August and September.")  # fmt: skip
    cr.record_credentials_provided(
        database, investigator, request.id, provided_by="Sharonda Wills",
        provided_to=investigator.username,
    )  # fmt: skip
    for purpose in (
        "Exported the activity log for 3 August to 4 September.",
        "Checked the message list for contact with the four applicants named in the report.",
    ):
        cr.record_use(database, investigator, request.id, case_id=case_id, purpose=purpose)
    cr.record_inadvertent(
        database, investigator,
        cr.InadvertentFields(
            employee_id=employee, platform="Facebook", account_name="sharonda.wills.73",
            received_via="network_monitoring", received_on=story.reported,
            description="The web-filter export attached to the report includes a captured "
            "login form submission for this account. Sealed; not to be used.",
            case_id=case_id,
        ),
    )  # fmt: skip


def _threatening_comments(
    database: Database, investigator: Actor, supervisor: Actor, story: Story, case_id: int,
    staff_ids: dict[str, int], until: dt.date,
) -> Play:  # fmt: skip
    """An approved request with one use; it ends when the story closes the case."""
    yield at(story.reported + dt.timedelta(days=1), 16)
    request = cr.new_request(
        database, investigator,
        cr.CredentialRequestFields(
            case_id=case_id, employee_id=staff_ids[story.subjects[0]], platform="Facebook",
            account_name="cody.harmon.ar", office="internal_affairs_fraud",
            violation_kind="agency_policy", violation_provision="AR-DHS II(D)",
            justification="The foster parent reports comments that were deleted after she "
            "complained; the account's activity log is reasonably believed to hold them.",
        ),
    )  # fmt: skip
    cr.approve_request(database, supervisor, request.id)
    cr.record_credentials_provided(
        database, investigator, request.id, provided_by="Cody Harmon",
        provided_to=investigator.username,
    )  # fmt: skip
    cr.record_use(database, investigator, request.id, case_id=case_id,
                  purpose="Recovered the deleted comments from the activity log.")  # fmt: skip


def _recruitment_post(
    database: Database, investigator: Actor, supervisor: Actor, story: Story, case_id: int,
    staff_ids: dict[str, int], until: dt.date,
) -> Play:  # fmt: skip
    """A denied request, and an agency page recorded as its exclusion (I(C))."""
    yield at(story.reported + dt.timedelta(days=1), 16)
    employee = staff_ids[story.subjects[0]]
    request = cr.new_request(
        database, investigator,
        cr.CredentialRequestFields(
            case_id=case_id, employee_id=employee, platform="LinkedIn",
            account_name="patricia-dunaway-rn", office="privacy_office",
            violation_kind="agency_policy", violation_provision="AR-DHS II(A)",
            justification="To see who else the post with the patients' artwork was sent to.",
        ),
    )  # fmt: skip
    cr.deny_request(database, supervisor, request.id,
                    note="The post is public (II(E)); screenshots of it suffice.")  # fmt: skip
    cr.new_request(
        database, investigator,
        cr.CredentialRequestFields(
            case_id=case_id, employee_id=employee, platform="LinkedIn",
            account_name="Arkansas State Hospital Careers", office="", violation_kind=None,
            violation_provision="", justification="",
            account_exclusion="set_up_on_agency_behalf",
        ),
    )  # fmt: skip


_PLAYS = {
    "Youth posted to Instagram from a staff member's phone in residence": (
        _youth_posted_from_staff_phone
    ),
    "Clinical director described a youth's diagnosis in a therapists' Facebook group": (
        _diagnosis_in_facebook_group
    ),
    "Caseworker's Snapchat contact with a youth on community supervision": (
        _snapchat_contact_with_youth
    ),
    "Applicants' Facebook profiles browsed at work without an access request": (
        _applicants_browsed_at_work
    ),
    "Caseworker's Facebook comments threatening a foster parent": _threatening_comments,
    "Recruitment post with patients' artwork on the nursing director's LinkedIn": (
        _recruitment_post
    ),
}
