"""Today's rows against the audit events that recorded them.

The chain vouches for the history; someone who can write the database can
still change a row and leave the log alone: turn a five-day suspension into a
dismissal, a response window of five days into one, an investigator into an
administrator. For the rows whose every change Casedesk records with its
values, the newest such event says what the row must hold now:

- a discipline decision (``discipline.record``: the employee, the action, the
  days, the effective date and the suspension's days; ``discipline.withdraw``
  whether it is withdrawn), in the case the event names;
- an agency's discipline setting (``discipline.setting``: its value, or none);
- a business setting (``setting.set``: its value);
- a user's roles (``user.bootstrap``, ``user.add``, ``user.roles``);
- a generated report's record (``report.generate``: its kind, case, SHA-256 and
  size, so the hash a recipient checks a PDF against is the one recorded).

Each event must still match its own hash and be the one the chain's next
link holds (:func:`app.services.integrity.evidence_record.chain_links`), so
rewriting it means recomputing the later hashes, which ``audit verify``
catches against the checkpoints kept outside the database. A row no event
recorded was put in the database outside Casedesk. Rows whose changes the
log records without their values (the text of a decision's steps, for
example) are not compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select

from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    AgencyDisciplineValue,
    AppSetting,
    AuditEvent,
    Case,
    DisciplineRecord,
    GeneratedReport,
    User,
    UserRole,
)
from app.domain.audit import AuditRecord, record_hash
from app.services import audit
from app.services.integrity.evidence_record import chain_links, recorded_details

DECIDE = "discipline.record"
WITHDRAW = "discipline.withdraw"
AGENCY_SETTING = "discipline.setting"
SETTING = "setting.set"
ROLES = ("user.bootstrap", "user.add", "user.roles")
REPORT = "report.generate"
#: A value an older event does not name: not compared.
_ABSENT = object()
_K = TypeVar("_K")


def record_problems(uow: UnitOfWork) -> list[str]:
    """Why rows disagree with the events that recorded them, one line each (none: [])."""
    problems: list[str] = []
    problems += _decisions(uow)
    problems += _agency_settings(uow)
    problems += _settings(uow)
    problems += _roles(uow)
    problems += _reports(uow)
    return problems


def case_record_problems(uow: UnitOfWork, case_id: int) -> list[str]:
    """:func:`record_problems` for the discipline decisions of one case (a document's)."""
    return _decisions(uow, case_id)


def _latest(
    uow: UnitOfWork,
    actions: Iterable[str],
    key: Callable[[AuditRecord], _K],
    *where: ColumnElement[bool],
) -> tuple[dict[_K, AuditRecord], dict[int, str | None]]:
    """The newest event of ``actions`` for each ``key(event)``, and the chain's links."""
    newest: dict[_K, AuditRecord] = {}
    for record in audit.records_where(uow, AuditEvent.action.in_(tuple(actions)), *where):
        newest[key(record)] = record  # in order: the last one wins
    return newest, chain_links(uow, newest.values())


def _unsound(event: AuditRecord, links: dict[int, str | None]) -> str:
    """Why ``event`` itself cannot be relied on ("" when it can)."""
    if record_hash(event, event.prev_hash) != event.hash:
        return f"audit event {event.seq} ({event.action}) no longer matches its own hash"
    if links.get(event.seq) != event.hash:
        return (
            f"audit event {event.seq} ({event.action}) is no longer the one the audit chain "
            "links to: it was rewritten"
        )
    return ""


def _unreliable(
    name: str, event: AuditRecord | None, links: dict[int, str | None], missing: str
) -> str:
    """Why the row ``name`` cannot be compared with ``event`` ("" when it can): no event
    recorded it (``missing`` says so), or the event cannot be relied on."""
    if event is None:
        return f"{name}: {missing}"
    unsound = _unsound(event, links)
    return f"{name}: {unsound}" if unsound else ""


def _changes(event: AuditRecord, compared: Iterable[tuple[str, object, object]]) -> list[str]:
    """Each (label, recorded, stored) that differs, said; what an older event does not
    name (:data:`_ABSENT`) is not compared."""
    return [
        f"{label} {_shown(stored)} where event {event.seq} recorded {_shown(recorded)}"
        for label, recorded, stored in compared
        if recorded is not _ABSENT and recorded != stored
    ]


def _value_problem(name: str, event: AuditRecord, value: object) -> str:
    """Why a setting disagrees with the value its event set ("" when it agrees)."""
    after = recorded_details(event).get("after")
    if after == value:
        return ""
    return (
        f"{name} holds {_shown(value)} where audit event {event.seq} set {_shown(after)}: "
        "it was changed outside Casedesk"
    )


def _decisions(uow: UnitOfWork, case_id: int | None = None) -> list[str]:
    # One case's: its events by the case's index (a decision moved from another case
    # then has none, and is named as made outside Casedesk).
    where = [] if case_id is None else [AuditEvent.case_id == case_id]
    events, links = _latest(uow, (DECIDE, WITHDRAW), lambda e: (e.action, e.entity_id), *where)
    query = select(DisciplineRecord, Case.number).join(Case, Case.id == DisciplineRecord.case_id)
    if case_id is not None:
        query = query.where(DisciplineRecord.case_id == case_id)
    rows = uow.session.execute(query)
    problems = []
    for record, number in rows:
        name = f"The discipline decision {record.id} in {number}"
        decided = events.get((DECIDE, str(record.id)))
        missing = f"no {DECIDE} audit event records it (made outside Casedesk)"
        if problem := _unreliable(name, decided, links, missing):
            problems.append(problem)
            continue
        assert decided is not None
        said = recorded_details(decided)
        days = said.get("suspension")
        if isinstance(days, list) and len(days) == 2:
            first, last = days[0], days[1]
        elif "suspension" not in said and said.get("action") == "suspension":
            first = last = _ABSENT  # an event written before the days were recorded
        else:
            first = last = None
        compared = (
            ("employee", said.get("employee_id", _ABSENT), record.employee_id),
            ("case", decided.case_id, record.case_id),
            ("action", said.get("action", _ABSENT), record.action),
            ("suspension days", said.get("suspension_days", _ABSENT), record.suspension_days),
            ("effective date", said.get("effective_on", _ABSENT), record.effective_on.isoformat()),
            ("first day of suspension", first, _iso(record.suspension_first_day)),
            ("last day of suspension", last, _iso(record.suspension_last_day)),
        )
        changed = _changes(decided, compared)
        withdrawn = events.get((WITHDRAW, str(record.id)))
        withdrawn_last = withdrawn is not None and withdrawn.seq > decided.seq
        if withdrawn is not None and withdrawn_last and (unsound := _unsound(withdrawn, links)):
            problems.append(f"{name}: {unsound}")
            continue
        if withdrawn_last != (record.withdrawn_at is not None):
            changed.append(
                "in force, though it was withdrawn after it was decided"
                if withdrawn_last
                else "withdrawn, though no withdrawal is recorded after it was decided"
            )
        if changed:
            problems.append(f"{name} was changed outside Casedesk: " + "; ".join(changed))
    return problems


def _agency_settings(uow: UnitOfWork) -> list[str]:
    events, links = _latest(
        uow, (AGENCY_SETTING,), lambda e: (e.entity_id, str(recorded_details(e).get("key")))
    )
    stored = {
        (code, row.key): row.value
        for row, code in uow.session.execute(
            select(AgencyDisciplineValue, Agency.code).join(
                Agency, Agency.id == AgencyDisciplineValue.agency_id
            )
        )
    }
    problems = []
    for code_key in sorted(set(stored) | set(events)):
        code, key = code_key
        name = f"The discipline setting {key} of {code}"
        event = events.get(code_key)
        value = stored.get(code_key)
        missing = f"no {AGENCY_SETTING} audit event records it (set outside Casedesk)"
        problem = _unreliable(name, event, links, missing)
        if not problem and event is not None:
            problem = _value_problem(name, event, value)
        if problem:
            problems.append(problem)
    return problems


def _settings(uow: UnitOfWork) -> list[str]:
    events, links = _latest(uow, (SETTING,), lambda e: e.entity_id)
    problems = []
    for row in uow.session.scalars(select(AppSetting).order_by(AppSetting.key)):
        name = f"The setting {row.key}"
        event = events.get(row.key)
        value = row.value.get("value") if isinstance(row.value, dict) else row.value
        missing = f"no {SETTING} audit event records it (set outside Casedesk)"
        problem = _unreliable(name, event, links, missing)
        if not problem and event is not None:
            problem = _value_problem(name, event, value)
        if problem:
            problems.append(problem)
    return problems


def _roles(uow: UnitOfWork) -> list[str]:
    events, links = _latest(uow, ROLES, lambda e: e.entity_id)
    held: dict[int, set[str]] = {}
    for user_id, role in uow.session.execute(select(UserRole.user_id, UserRole.role)):
        held.setdefault(user_id, set()).add(role)
    problems = []
    for user_id, username in uow.session.execute(select(User.id, User.username).order_by(User.id)):
        name = f"The roles of {username}"
        event = events.get(str(user_id))
        roles = sorted(held.get(user_id, set()))
        missing = "no audit event records them (the user was added outside Casedesk)"
        if problem := _unreliable(name, event, links, missing):
            problems.append(problem)
            continue
        assert event is not None
        said = recorded_details(event)
        given = said.get("after") if event.action == "user.roles" else said.get("roles")
        recorded = sorted(str(r) for r in given) if isinstance(given, list) else []
        if recorded != roles:
            problems.append(
                f"{name} are {', '.join(roles) or 'none'} where audit event {event.seq} "
                f"recorded {', '.join(recorded) or 'none'}: they were changed outside Casedesk"
            )
    return problems


def _reports(uow: UnitOfWork) -> list[str]:
    events, links = _latest(uow, (REPORT,), lambda e: e.entity_id)
    problems = []
    for row in uow.session.scalars(select(GeneratedReport).order_by(GeneratedReport.id)):
        name = f"The record of report {row.id} ({row.kind})"
        event = events.get(str(row.id))
        missing = f"no {REPORT} audit event records it (made outside Casedesk)"
        if problem := _unreliable(name, event, links, missing):
            problems.append(problem)
            continue
        assert event is not None
        said = recorded_details(event)
        changed = _changes(
            event,
            (
                ("kind", said.get("kind", _ABSENT), row.kind),
                ("case", event.case_id, row.case_id),
                ("SHA-256", said.get("sha256", _ABSENT), row.sha256),
                ("size", said.get("size", _ABSENT), row.size),
            ),
        )
        if changed:
            problems.append(f"{name} was changed outside Casedesk: " + "; ".join(changed))
    return problems


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def _shown(value: object) -> str:
    """A recorded or stored value as a sentence names it: 'text', 5, or none."""
    return "none" if value is None else repr(value)
