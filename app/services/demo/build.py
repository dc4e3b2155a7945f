"""Demo data: users for every role, employees of the five agencies, forty cases.

:func:`create_demo` fills a new, empty database through the same services
the GUI and the CLI use, acting as the user each step needs, so
permissions, validation, the workflow and the audit chain are exercised for
real and ``casedesk audit verify`` passes afterwards. The cases end in every
status of the workflow. The people and stories are in
:mod:`app.services.demo.stories`; all are invented.

The demo passwords below are printed by ``casedesk demo`` and in the README:
a demo database is for trying Casedesk out, never for real cases.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.domain import clock
from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding, NoteKind
from app.domain.errors import Refused
from app.domain.evidence import ObtainedHow
from app.domain.permissions import Role
from app.services import (
    access,
    accounts,
    cases,
    employees,
    setup,
)
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.demo import authorizations as demo_authorizations
from app.services.demo import due_process
from app.services.demo import evidence as demo_evidence
from app.services.demo.due_process import EXTRA_STAFF
from app.services.demo.schedule import Play, at, play_in_order
from app.services.demo.stories import STAFF, STORIES, Outcome, Story
from app.services.integrity.checkpoints import CheckpointOutcome, make_checkpoint
from app.services.integrity.keys import KeyStorage

#: Every employee of the demo.
ALL_STAFF = (*STAFF, *EXTRA_STAFF)


@dataclass(frozen=True, slots=True)
class DemoUser:
    """A demo account and its published password."""

    username: str
    full_name: str
    role: Role
    password: str


#: The demo accounts: one per role and a second investigator. The first is the
#: administrator :func:`create_demo` bootstraps.
DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "Ada Administrator", Role.ADMINISTRATOR, "demo-ledger-keeper"),
    DemoUser("investigator", "Ivy Investigator", Role.INVESTIGATOR, "demo-magnifier-trail"),
    DemoUser("investigator2", "Ian Investigator", Role.INVESTIGATOR, "demo-second-lantern"),
    DemoUser("supervisor", "Sam Supervisor", Role.SUPERVISOR, "demo-overseer-compass"),
    DemoUser("hr", "Harper HR", Role.HR, "demo-personnel-desk"),
)


#: The story whose case the demo restricts (one "investigator" works, index even).
RESTRICTED_STORY = 6
#: How long before the first story's report Casedesk is set up, its users and staff added.
_SET_UP_BEFORE = dt.timedelta(days=14)
#: How long after its closing a reopened case is reopened.
_REOPENED_AFTER = dt.timedelta(days=14)

_NOT_EMPTY = (
    "The database already has accounts; demo data goes only into a new, empty database "
    "(choose another file with --db, or use 'casedesk init' for real work)."
)


@dataclass(frozen=True, slots=True)
class DemoResult:
    """What :func:`create_demo` created."""

    users: tuple[DemoUser, ...]
    employee_count: int
    case_count: int
    allegation_count: int
    note_count: int
    #: The signed checkpoint of the finished demo's audit chain (or why it is not signed).
    checkpoint: CheckpointOutcome | None = None
    #: Where the signing key is kept, if the demo made it (a note when not where asked).
    signing_note: str = ""
    #: Where an earlier database's checkpoint file, found at this database's place, was moved.
    earlier_checkpoints: Path | None = None


@dataclass(slots=True)
class _Team:
    """The demo users the steps act as, and running counts."""

    admin: Actor
    investigators: tuple[Actor, ...]
    supervisor: Actor
    hr: Actor
    allegations: int = 0
    notes: int = 0
    case_ids: list[int] = dataclasses.field(default_factory=list)


def create_demo(database: Database, *, signing_key: KeyStorage | str | None = None) -> DemoResult:
    """Fill a new, empty database with the demo users, employees and cases.

    Refused if the database has any account, so demo data never mixes with
    real cases. Each step commits on its own, as it would for a user; a
    failure part-way leaves the steps before it in place (and audited).
    """
    if accounts.has_users(database):
        raise Refused(_NOT_EMPTY)
    # The stories' last steps an hour before now, however many seconds the clock ticks in
    # them: today's steps come after them.
    latest = clock.now_utc() - dt.timedelta(hours=1)
    until = latest.astimezone().date()  # the day of the last step, on this computer
    shift = _date_shift(until)
    stories = [_shifted(story, shift) for story in STORIES]
    # The agency sets Casedesk up a fortnight before its first story's report.
    with clock.playing_at(min(latest, at(min(s.reported for s in stories), 14) - _SET_UP_BEFORE)):
        team, init = _create_team(database, signing_key)
        staff_ids = _add_staff(database, team.admin)
        due_process.set_regimes(database, team.hr, ALL_STAFF, staff_ids)
        due_process.set_agency_values(database, team.admin)
    team.case_ids = [0] * len(stories)
    play_in_order(
        [
            _play(database, team, index, story, staff_ids, until)
            for index, story in enumerate(stories)
        ],
        latest,
    )
    # Today's authorizations, dated back from today; then one restricted case: its
    # investigator ("investigator"), the supervisor and HR see it; the second
    # investigator finds no trace of it.
    demo_authorizations.add_supervision_authorizations(database, team.supervisor, staff_ids)
    access.set_restriction(
        database, team.supervisor, team.case_ids[RESTRICTED_STORY], restricted=True,
        allow=(team.hr.username,),
    )  # fmt: skip
    database.analyze()
    note = init.signing.note if init.signing else ""
    return DemoResult(
        DEMO_USERS, len(staff_ids), len(STORIES), team.allegations, team.notes,
        make_checkpoint(database), note, init.earlier_checkpoints,
    )  # fmt: skip


def _create_team(
    database: Database, signing_key: KeyStorage | str | None
) -> tuple[_Team, setup.InitResult]:
    """Bootstrap the administrator, who then adds the other demo users.

    The demo acts as the users it has just created, without signing each one
    in: a sign-in only re-checks the password hash set a moment ago, and
    argon2 makes that the slowest step of the demo.
    """
    first, *others = DEMO_USERS
    created = setup.initialize(
        database,
        admin_username=first.username,
        admin_full_name=first.full_name,
        admin_password=first.password,
        signing_key=signing_key,
    )
    admin = created.administrator
    if admin is None:  # someone else bootstrapped the database meanwhile
        raise Refused(_NOT_EMPTY)
    actors: dict[Role, list[Actor]] = {}
    # The demo's staff work the cases of every agency of the demo.
    codes = tuple(sorted({story.agency for story in STORIES}))
    for user in others:
        info = accounts.add_user(
            database,
            admin,
            username=user.username,
            full_name=user.full_name,
            password=user.password,
            roles=frozenset({user.role}),
            agency_codes=() if user.role is Role.ADMINISTRATOR else codes,
        )
        actor = Actor(info.id, info.username, info.full_name, frozenset(info.roles))
        actors.setdefault(user.role, []).append(actor)
    team = _Team(
        admin=admin,
        investigators=tuple(actors[Role.INVESTIGATOR]),
        supervisor=actors[Role.SUPERVISOR][0],
        hr=actors[Role.HR][0],
    )
    return team, created


def _add_staff(database: Database, admin: Actor) -> dict[str, int]:
    """Add the employees in order (supervisors first); their ids by story key."""
    ids: dict[str, int] = {}
    for person in ALL_STAFF:
        added = employees.add_employee(
            database,
            admin,
            agency_code=person.agency,
            full_name=person.name,
            position=person.position,
            division=person.division,
            employee_number=person.number,
            supervisor_id=ids[person.supervisor] if person.supervisor else None,
        )
        ids[person.key] = added.id
    return ids


def _date_shift(today: dt.date) -> dt.timedelta:
    """How far to move every story back so none lies in the future of ``today``.

    Zero on any day after the latest story date, so the demo is the same
    whenever it is created; only a machine whose clock is behind gets shifted
    dates rather than a refusal.
    """
    latest = max(max(s.reported, *s.conduct) for s in STORIES)
    return min(dt.timedelta(0), today - latest)


def _shifted(story: Story, shift: dt.timedelta) -> Story:
    if not shift:
        return story
    start, end = story.conduct
    return dataclasses.replace(
        story, reported=story.reported + shift, conduct=(start + shift, end + shift)
    )


def _play(
    database: Database,
    team: _Team,
    index: int,
    story: Story,
    staff_ids: dict[str, int],
    until: dt.date,
) -> Play:
    """Report the case, then take it through the workflow to the story's outcome.

    Yields the moment of each step (:mod:`.schedule`): reported on the story's
    day, investigated from the next, findings the day after, discipline on
    the days of its due process, closed once decided; ``until``: the day the
    demo is made.
    """
    investigator = team.investigators[index % len(team.investigators)]
    reported = story.reported

    def day(offset: int) -> dt.date:
        return reported + dt.timedelta(days=offset)

    screened = story.outcome is Outcome.SCREENED_OUT
    intake_by = team.supervisor if screened else investigator
    yield at(reported, 14)
    detail = cases.create_case(
        database,
        intake_by,
        CaseFields(
            agency_code=story.agency,
            title=story.title,
            reported_on=story.reported,
            intake_channel=story.channel,
            conduct_from=story.conduct[0],
            conduct_to=story.conduct[1],
            reporter_name=story.reporter,
            reporter_contact=story.reporter_contact,
            reporter_confidential=story.confidential,
            platforms=story.platforms,
            duty_status=story.duty,
            equipment=story.equipment,
            account_kind=story.account,
            clients_involved=story.clients,
            narrative=story.narrative,
            subject_ids=tuple(staff_ids[key] for key in story.subjects),
            investigator=None if screened else investigator.username,
        ),
    )
    case_id = detail.id
    team.case_ids[index] = case_id
    allegation_ids: list[tuple[int, Finding, str]] = []
    for charge in story.charges:
        added = cases.add_allegation(
            database,
            intake_by,
            case_id,
            charge.citation,
            employee_id=staff_ids[charge.subject] if charge.subject else None,
            summary=charge.summary,
            # The demo's MO DMH conduct falls after DOR 6.675's printed sunset date
            # (7/1/18); the demo confirms the policy in force, as the audit trail shows.
            policy_in_force_confirmed=True,
        )
        allegation_ids.append((added.id, charge.finding, charge.reasoning))
    team.allegations += len(allegation_ids)

    def note(actor: Actor, kind: NoteKind, body: str) -> None:
        cases.add_note(database, actor, case_id, body, kind)
        team.notes += 1

    def move(actor: Actor, target: CaseStatus, reason: str = "") -> None:
        cases.transition_case(database, actor, case_id, target, reason=reason)

    if story.outcome in (Outcome.INTAKE, Outcome.SCREENED_OUT):
        yield at(reported, 15)
        for kind, body in story.notes:
            note(intake_by, kind, body)
        if screened:
            yield at(day(1), 14)
            move(team.supervisor, CaseStatus.CLOSED, story.reason)
        return

    yield at(day(1), 14)
    move(investigator, CaseStatus.INVESTIGATING)
    yield from demo_authorizations.during_investigation(
        database, investigator, team.supervisor, story, case_id, staff_ids, until
    )
    yield at(day(1), 20)
    _screenshots(database, investigator, story, case_id)
    yield at(day(2), 14)
    for kind, body in story.notes:
        note(investigator, kind, body)
    if story.outcome is Outcome.INVESTIGATING:
        return

    yield at(day(2), 18)
    for allegation_id, finding, reasoning in allegation_ids:
        if finding is not Finding.PENDING:
            cases.record_finding(database, investigator, allegation_id, finding, reasoning)
    move(investigator, CaseStatus.FINDINGS)
    found = day(2)
    if story.returned:
        reason, kind, follow_up = story.returned
        yield at(day(3), 14)
        move(team.supervisor, CaseStatus.INVESTIGATING, reason)
        yield at(day(3), 17)
        note(investigator, kind, follow_up)
        move(investigator, CaseStatus.FINDINGS)
        found = day(3)
    if story.outcome is Outcome.FINDINGS:
        return

    substantiated = any(f is Finding.SUBSTANTIATED for _, f, _ in allegation_ids)
    if story.outcome is Outcome.DISCIPLINE_REVIEW or substantiated:
        yield at(found, 21)
        move(team.supervisor, CaseStatus.DISCIPLINE_REVIEW)
        if story.outcome is Outcome.DISCIPLINE_REVIEW:
            return
        ended = found
        subject = staff_ids[story.subjects[0]]
        if story.sanction is not None:
            ended = yield from due_process.decide(database, team.hr, case_id, subject, story, until)
        if story.provider:
            ended = yield from due_process.refer(database, team.hr, case_id, subject, story)
        yield at(ended, 21)
        note(team.hr, NoteKind.NOTE, story.decision)
        move(team.hr, CaseStatus.CLOSED)
    else:
        ended = found + dt.timedelta(days=1)
        yield at(ended, 15)
        close_reason = story.reason if story.outcome is Outcome.CLOSED else ""
        move(team.supervisor, CaseStatus.CLOSED, close_reason)

    if story.outcome is Outcome.REOPENED:
        # HR reopens what HR closed; a supervisor reopens the rest.
        yield at(ended + _REOPENED_AFTER, 15)
        move(team.hr if substantiated else team.supervisor, CaseStatus.REOPENED, story.reason)
        if story.sanction is not None:
            subject = staff_ids[story.subjects[0]]
            due_process.withdraw_after_reopening(database, team.hr, case_id, subject, story)


#: The youth whose comment the MA DYS demo screenshots show, redacted (invented).
_YOUTH_COMMENTER = "Jaylen R."


def _screenshots(database: Database, investigator: Actor, story: Story, case_id: int) -> None:
    """The screenshots the investigator captured of the reported posts."""
    names = {staff.key: staff.name for staff in ALL_STAFF}
    author = names[story.subjects[0]] if story.subjects else "Unknown account"
    youth = _YOUTH_COMMENTER if story.agency == "MADYS" and story.clients else None
    shots = demo_evidence.shots_for(
        story.platforms, author, story.conduct[1], story.title, youth_commenter=youth
    )
    now = clock.now_utc() - dt.timedelta(minutes=1)
    captured = dt.datetime.combine(story.reported, dt.time(15, 0), tzinfo=dt.UTC)
    how = ObtainedHow.REPORTER_SUPPLIED if story.reporter else ObtainedHow.PUBLIC
    demo_evidence.add_screenshots(
        database, investigator, case_id, shots, captured_at=min(captured, now), obtained=how
    )
