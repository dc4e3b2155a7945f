"""Generate a large Casedesk database: cases, notes and a valid audit chain.

The catalog and the accounts go through the services (``setup.initialize``,
``accounts.add_user``); the bulk rows go in with SQLAlchemy Core
``insert()`` executemany batches on the mapped tables, many batches per
transaction. On SQLite the FTS5 triggers fill ``case_search`` as cases and
notes are inserted, exactly as they do for rows the application writes; on
PostgreSQL the GIN expression indexes are maintained as usual.

The audit events form a valid hash chain continuing the events ``init``
wrote (hashed with :mod:`app.domain.audit`), and ``audit_head`` is moved to
the last of them, so ``audit verify`` reports the log intact.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, update

from app.db import search
from app.db.models import (
    Agency,
    Allegation,
    AuditEvent,
    AuditHead,
    Case,
    CaseNumberCounter,
    CaseSubject,
    Employee,
    Note,
    Policy,
    Provision,
    User,
)
from app.db.models.cases import investigator_sort_key
from app.domain.audit import canonical_json, chain_hash
from app.domain.cases import (
    AccountKind,
    CaseNumber,
    CaseStatus,
    DutyStatus,
    Equipment,
    Finding,
    IntakeChannel,
    NoteKind,
)
from app.domain.charging import ProvisionKind
from app.domain.permissions import Role
from app.services import accounts, setup
from app.services.access import agencies
from app.services.database import Database
from benchmarks.corpus import DIVISIONS, PLATFORMS, POSITIONS, RARE_WORD, Corpus

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 20261121

ADMIN_USER = "admin"
BENCH_USER = "bench"
#: The bench user holds investigator and administrator roles: it may list and
#: search cases and verify the audit log.
BENCH_PASSWORD = "granite orchard telescope"
INVESTIGATORS = 12

FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2026, 10, 31)
#: Cases whose text carries :data:`RARE_WORD`, and notes that do.
RARE_CASES = 3
RARE_NOTES = 12

_BATCH = 10_000
_COMMIT_EVERY = 100_000

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Size:
    """How much to generate."""

    cases: int
    notes: int
    audit_events: int
    employees: int = 2_000

    @property
    def label(self) -> str:
        return f"{self.cases // 1000}k" if self.cases % 1000 == 0 else str(self.cases)


FULL = Size(100_000, 1_000_000, 1_000_000)
QUICK = Size(10_000, 100_000, 100_000, employees=500)


@dataclass(slots=True)
class Generated:
    """What a generation run produced and how long each part took."""

    size: Size
    seed: int
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, data: str) -> Generated:
        raw = json.loads(data)
        return cls(Size(**raw["size"]), raw["seed"], raw["seconds"], raw["phases"], raw["rows"])


def cached_sqlite(
    size: Size,
    *,
    regenerate: bool = False,
    seed: int = SEED,
    progress: Progress = print,
    directory: Path = DATA_DIR,
) -> tuple[Path, Generated]:
    """The benchmark SQLite file for ``size``: reused when complete, else generated.

    The file is written under a temporary name and renamed when complete; a
    JSON marker beside it records the parameters and the generation time.
    """
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"bench-{size.label}.sqlite3"
    marker = path.with_suffix(".json")
    if not regenerate and path.is_file() and marker.is_file():
        info = Generated.from_json(marker.read_text())
        if info.size == size and info.seed == seed:
            progress(f"Reusing {path} (generated in {info.seconds:.0f} s; --regenerate to redo)")
            return path, info
    marker.unlink(missing_ok=True)
    partial = path.with_name(path.name + ".partial")
    for stale in (path, partial, *_sidecars(path), *_sidecars(partial)):
        stale.unlink(missing_ok=True)
    info = generate(f"sqlite:///{partial}", size, seed=seed, progress=progress)
    os.replace(partial, path)
    marker.write_text(info.to_json())
    return path, info


def agency_codes(database: Database) -> tuple[str, ...]:
    """Every agency's code, in order."""
    with database.unit_of_work() as uow:
        return tuple(uow.session.scalars(select(Agency.code).order_by(Agency.code)))


def ensure_bench_agencies(database: Database) -> bool:
    """Make the bench user a member of every agency; True if it was not (and now is).

    Files generated before agency membership existed, or by a generator that
    left it out, would otherwise show the bench user an empty case list.
    """
    admin = accounts.authenticate(database, ADMIN_USER, BENCH_PASSWORD)
    codes = agency_codes(database)
    if set(agencies.user_agency_codes(database, admin, BENCH_USER)) >= set(codes):
        return False
    agencies.set_user_agencies(database, admin, BENCH_USER, replace=codes)
    return True


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def existing(database: Database, size: Size) -> bool | None:
    """Whether ``database`` already holds a generated benchmark data set of ``size``.

    ``True``: complete; ``None``: empty, ready to generate; ``False``: holds
    something else (or an incomplete run).
    """
    with database.unit_of_work() as uow:
        users = uow.session.scalar(select(func.count()).select_from(User)) or 0
        if not users:
            return None
        bench = uow.session.scalar(select(User.id).where(User.username == BENCH_USER))
        cases = uow.session.scalar(select(func.count()).select_from(Case)) or 0
        notes = uow.session.scalar(select(func.count()).select_from(Note)) or 0
        events = uow.session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    return (
        bench is not None
        and cases == size.cases
        and notes == size.notes
        and (events >= size.audit_events)
    )


def generate(
    url: str, size: Size = FULL, *, seed: int = SEED, progress: Progress = print
) -> Generated:
    """Fill the empty database at ``url`` with ``size`` worth of data."""
    info = Generated(size, seed)
    started = time.perf_counter()
    database = Database.open(url)
    try:
        if existing(database, size) is not None:
            raise SystemExit(f"{database.display_name} is not empty; give an empty database.")
        _Generator(database, size, seed, info, progress).run()
    finally:
        database.close()
    info.seconds = time.perf_counter() - started
    progress(f"Generated in {info.seconds:.1f} s")
    return info


class _Generator:
    def __init__(
        self, database: Database, size: Size, seed: int, info: Generated, progress: Progress
    ) -> None:
        self.database = database
        self.size = size
        self.rng = random.Random(seed)
        self.corpus = Corpus(seed)
        self.info = info
        self.progress = progress
        self.agencies: list[tuple[int, str]] = []
        self.provisions: dict[int, list[int]] = {}
        self.investigators: list[int] = []
        self.sort_keys: dict[int, str] = {}
        self.bench_user_id = 0
        self.employees: dict[int, list[int]] = {}
        self.cases: list[_CaseStub] = []

    def run(self) -> None:
        with self._phase("accounts and catalog"):
            self._accounts()
        engine = self.database.engine
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                # Outside any transaction, so straight on the driver's connection.
                cursor = conn.connection.cursor()
                cursor.execute("PRAGMA synchronous = OFF")
                cursor.execute("PRAGMA cache_size = -262144")  # 256 MiB
                cursor.close()
            self._load_reference(conn)
            with self._phase("employees"):
                self._employees(conn)
            with self._phase("cases, subjects, allegations, counters"):
                self._cases(conn)
            with self._phase("notes"):
                self._notes(conn)
            with self._phase("audit events"):
                self._audit_events(conn)
            with self._phase("finishing"):
                self._finish(conn)

    # -- phases -------------------------------------------------------------------

    def _accounts(self) -> None:
        result = setup.initialize(
            self.database,
            admin_username=ADMIN_USER,
            admin_full_name="Benchmark Administrator",
            admin_password=BENCH_PASSWORD,
        )
        admin = result.administrator
        assert admin is not None
        # Every agency: a user sees only their agencies' cases (migration 0012).
        codes = agency_codes(self.database)
        accounts.add_user(
            self.database,
            admin,
            username=BENCH_USER,
            full_name="Benchmark Runner",
            password=BENCH_PASSWORD,
            roles=frozenset({Role.INVESTIGATOR, Role.ADMINISTRATOR}),
            agency_codes=codes,
        )
        for number in range(1, INVESTIGATORS + 1):
            accounts.add_user(
                self.database,
                admin,
                username=f"investigator{number:02d}",
                full_name=self.corpus.person(),
                password=BENCH_PASSWORD,
                roles=frozenset({Role.INVESTIGATOR}),
                agency_codes=codes,
            )

    def _load_reference(self, conn: Connection) -> None:
        self.agencies = [(a, c) for a, c in conn.execute(select(Agency.id, Agency.code))]
        # Allegations cite only provisions that can be charged, as the service requires.
        chargeable = [k.value for k in ProvisionKind if k.chargeable]
        for agency_id, provision_id in conn.execute(
            select(Policy.agency_id, Provision.id)
            .join(Policy, Policy.id == Provision.policy_id)
            .where(Provision.kind.in_(chargeable))
        ):
            self.provisions.setdefault(agency_id, []).append(provision_id)
        for user_id, full_name in conn.execute(
            select(User.id, User.full_name).where(User.username.like("investigator%"))
        ):
            self.investigators.append(user_id)
            self.sort_keys[user_id] = investigator_sort_key(full_name)
        bench = conn.scalar(select(User.id).where(User.username == BENCH_USER))
        assert bench is not None
        self.bench_user_id = bench

    def _employees(self, conn: Connection) -> None:
        rng = self.rng
        first_id = (conn.scalar(select(func.max(Employee.id))) or 0) + 1
        rows = []
        for offset in range(self.size.employees):
            employee_id = first_id + offset
            agency_id = rng.choice(self.agencies)[0]
            self.employees.setdefault(agency_id, []).append(employee_id)
            rows.append(
                {
                    "id": employee_id,
                    "agency_id": agency_id,
                    "employee_number": f"E{employee_id:06d}",
                    "full_name": self.corpus.person(),
                    "position": rng.choice(POSITIONS),
                    "division": rng.choice(DIVISIONS),
                    "supervisor_id": None,
                    "created_at": _moment(FIRST_DAY, 0),
                }
            )
        self._insert(conn, Employee, rows, "employees")
        conn.commit()

    def _cases(self, conn: Connection) -> None:
        rng = self.rng
        corpus = self.corpus
        size = self.size
        first_id = (conn.scalar(select(func.max(Case.id))) or 0) + 1
        span = (LAST_DAY - FIRST_DAY).days
        days = sorted(rng.randrange(span + 1) for _ in range(size.cases))
        rare = set(rng.sample(range(size.cases), min(RARE_CASES, size.cases)))
        counters: dict[tuple[int, int], int] = {}
        cases: list[dict[str, Any]] = []
        subjects: list[dict[str, Any]] = []
        allegations: list[dict[str, Any]] = []
        for index, day in enumerate(days):
            case_id = first_id + index
            reported_on = FIRST_DAY + dt.timedelta(days=day)
            agency_id, agency_code = rng.choice(self.agencies)
            key = (agency_id, reported_on.year)
            counters[key] = counters.get(key, 0) + 1
            status = _status_for(rng, (LAST_DAY - reported_on).days)
            investigator = (
                None
                if status == CaseStatus.INTAKE and rng.random() < 0.5
                else rng.choice(self.investigators)
            )
            actor_id = investigator or self.bench_user_id
            created_at = _moment(reported_on, rng.randrange(8 * 3600, 18 * 3600))
            updated_at = created_at + dt.timedelta(
                seconds=rng.randrange(max(1, min((LAST_DAY - reported_on).days, 240)) * 86400)
            )
            narrative = corpus.narrative()
            if index in rare:
                narrative += f" The account name includes the word {RARE_WORD}."
            conduct_to = reported_on - dt.timedelta(days=rng.randrange(0, 20))
            cases.append(
                {
                    "id": case_id,
                    "number": str(CaseNumber(agency_code, reported_on.year, counters[key])),
                    "agency_id": agency_id,
                    "title": corpus.title(),
                    "reporter_name": corpus.person(),
                    "reporter_contact": f"{corpus.tail_word()}@example.org",
                    "reporter_confidential": rng.random() < 0.1,
                    "intake_channel": rng.choice(_INTAKE_CHANNELS),
                    "reported_on": reported_on,
                    "conduct_from": conduct_to - dt.timedelta(days=rng.randrange(0, 10))
                    if rng.random() < 0.7
                    else None,
                    "conduct_to": conduct_to if rng.random() < 0.7 else None,
                    "platforms": rng.sample(PLATFORMS, rng.choice((1, 1, 1, 2, 3))),
                    "duty_status": rng.choice(_DUTY_STATUSES),
                    "equipment": rng.choice(_EQUIPMENT),
                    "account_kind": rng.choice(_ACCOUNT_KINDS),
                    "clients_involved": rng.random() < 0.2,
                    "narrative": narrative,
                    "status": status.value,
                    "investigator_id": investigator,
                    "investigator_sort": investigator_sort_key(None)
                    if investigator is None
                    else self.sort_keys[investigator],
                    "created_at": created_at,
                    "created_by_id": actor_id,
                    "updated_at": updated_at,
                    "updated_by_id": actor_id,
                    "version": 1,
                }
            )
            staff = self.employees[agency_id]
            chosen = rng.sample(staff, 2 if rng.random() < 0.2 and len(staff) > 1 else 1)
            subjects += [{"case_id": case_id, "employee_id": e} for e in chosen]
            for _ in range(rng.choices((1, 2, 3), (35, 40, 25))[0]):
                allegations.append(
                    _allegation(rng, corpus, case_id, status, chosen, actor_id, created_at)
                    | {"provision_id": rng.choice(self.provisions[agency_id])}
                )
            self.cases.append(_CaseStub(case_id, created_at, investigator or actor_id))
        self._insert(conn, Case, cases, "cases")
        self._insert(conn, CaseSubject, subjects, "case subjects")
        self._insert(conn, Allegation, allegations, "allegations")
        self._insert(
            conn,
            CaseNumberCounter,
            [{"agency_id": a, "year": y, "last_value": v} for (a, y), v in counters.items()],
            "case number counters",
        )
        conn.commit()

    def _notes(self, conn: Connection) -> None:
        rng = self.rng
        corpus = self.corpus
        count = self.size.notes
        owners = sorted(rng.randrange(len(self.cases)) for _ in range(count))
        rare = set(rng.sample(range(count), min(RARE_NOTES, count)))

        def rows() -> Iterator[dict[str, Any]]:
            for index, owner in enumerate(owners):
                case = self.cases[owner]
                body = corpus.note()
                if index in rare:
                    body += f" The reporter mentioned a {RARE_WORD} avatar."
                author = case.investigator if rng.random() < 0.8 else rng.choice(self.investigators)
                yield {
                    "case_id": case.id,
                    "author_id": author,
                    "kind": rng.choices(_NOTE_KINDS, (60, 20, 10, 10))[0],
                    "body": body,
                    "created_at": case.created_at + dt.timedelta(seconds=rng.randrange(90 * 86400)),
                }

        self._insert(conn, Note, rows(), "notes", total=count)
        conn.commit()

    def _audit_events(self, conn: Connection) -> None:
        rng = self.rng
        head = conn.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
        count = self.size.audit_events
        actors = [f"investigator{n:02d}" for n in range(1, INVESTIGATORS + 1)]
        case_ids = [c.id for c in self.cases]
        start = dt.datetime.combine(FIRST_DAY, dt.time(), dt.UTC)
        step = (dt.datetime.combine(LAST_DAY, dt.time(), dt.UTC) - start) / max(1, count)
        state = {"seq": head.seq, "hash": head.hash}

        def rows() -> Iterator[dict[str, Any]]:
            seq, prev_hash = state["seq"], state["hash"]
            for index in range(count):
                seq += 1
                occurred_at = start + step * index + dt.timedelta(microseconds=rng.randrange(10**6))
                actor = rng.choice(actors)
                action = rng.choices(_ACTIONS, cum_weights=_ACTION_WEIGHTS)[0]
                case_id = None if action == "user.login" else rng.choice(case_ids)
                entity_type, entity_id, details = _event_body(rng, action, case_id)
                canonical = canonical_json(
                    seq=seq,
                    occurred_at=occurred_at,
                    actor=actor,
                    action=action,
                    entity_type=entity_type,
                    entity_id=entity_id,
                    case_id=case_id,
                    details=details,
                )
                digest = chain_hash(prev_hash, canonical)
                yield {
                    "seq": seq,
                    "occurred_at": occurred_at,
                    "actor": actor,
                    "action": action,
                    "entity_type": entity_type,
                    "entity_id": entity_id,
                    "case_id": case_id,
                    "details": details,
                    "prev_hash": prev_hash,
                    "hash": digest,
                }
                prev_hash = digest
            state["seq"], state["hash"] = seq, prev_hash

        self._insert(conn, AuditEvent, rows(), "audit events", total=count)
        conn.execute(
            update(AuditHead).where(AuditHead.id == 1).values(seq=state["seq"], hash=state["hash"])
        )
        conn.commit()

    def _finish(self, conn: Connection) -> None:
        if conn.dialect.name == "postgresql":
            for table in ("cases", "employees"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
            conn.commit()
            # What autovacuum does soon after a bulk load anyway.
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        else:
            # What Database.analyze does after a bulk load: the search index as
            # one segment (the load left dozens), then the planner's statistics.
            search.optimize_index(conn)
            conn.commit()
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- helpers ------------------------------------------------------------------

    def _insert(
        self,
        conn: Connection,
        model: type[Any],
        rows: Iterable[dict[str, Any]],
        label: str,
        *,
        total: int | None = None,
    ) -> None:
        started = time.perf_counter()
        done = 0
        since_commit = 0
        batch: list[dict[str, Any]] = []
        statement = insert(model)
        for row in rows:
            batch.append(row)
            if len(batch) == _BATCH:
                conn.execute(statement, batch)
                done += len(batch)
                since_commit += len(batch)
                batch = []
                if since_commit >= _COMMIT_EVERY:
                    conn.commit()
                    since_commit = 0
                    if total:
                        rate = done / (time.perf_counter() - started)
                        self.progress(f"  {label}: {done:,}/{total:,} ({rate:,.0f} rows/s)")
        if batch:
            conn.execute(statement, batch)
            done += len(batch)
        self.info.rows[label] = done
        self.progress(f"  {label}: {done:,} rows in {time.perf_counter() - started:.1f} s")

    def _phase(self, name: str) -> _Phase:
        return _Phase(name, self.info, self.progress)


class _Phase:
    def __init__(self, name: str, info: Generated, progress: Progress) -> None:
        self.name = name
        self.info = info
        self.progress = progress
        self.started = 0.0

    def __enter__(self) -> None:
        self.progress(f"{self.name}...")
        self.started = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.info.phases[self.name] = round(time.perf_counter() - self.started, 2)


@dataclass(frozen=True, slots=True)
class _CaseStub:
    id: int
    created_at: dt.datetime
    investigator: int


_INTAKE_CHANNELS = [c.value for c in IntakeChannel]
_DUTY_STATUSES = [d.value for d in DutyStatus]
_EQUIPMENT = [e.value for e in Equipment]
_ACCOUNT_KINDS = [k.value for k in AccountKind]
#: In the order of the weights the notes are drawn with.
_NOTE_KINDS = [k.value for k in (NoteKind.NOTE, NoteKind.INTERVIEW, NoteKind.CONTACT)]
_NOTE_KINDS.append(NoteKind.WITNESS_STATEMENT.value)
_DECIDED = [f.value for f in Finding if f != Finding.PENDING]
_ACTIONS = (
    "note.add", "case.update", "allegation.add", "case.transition",
    "user.login", "case.create", "finding.record",
)  # fmt: skip
_ACTION_WEIGHTS = list(itertools.accumulate((55, 12, 10, 8, 8, 5, 2)))


def _status_for(rng: random.Random, age_days: int) -> CaseStatus:
    """Old cases are mostly closed; recent ones mostly open."""
    s = CaseStatus
    options: Sequence[CaseStatus]
    weights: Sequence[int]
    if age_days > 365:
        options = (s.CLOSED, s.DISCIPLINE_REVIEW, s.FINDINGS, s.REOPENED, s.INVESTIGATING)
        weights = (85, 3, 4, 3, 5)
    elif age_days > 90:
        options = (s.CLOSED, s.INVESTIGATING, s.FINDINGS, s.DISCIPLINE_REVIEW, s.REOPENED, s.INTAKE)
        weights = (40, 30, 12, 8, 3, 7)
    else:
        options = (s.INTAKE, s.INVESTIGATING, s.FINDINGS, s.DISCIPLINE_REVIEW)
        weights = (35, 50, 10, 5)
    return rng.choices(options, weights)[0]


def _allegation(
    rng: random.Random,
    corpus: Corpus,
    case_id: int,
    status: CaseStatus,
    subjects: list[int],
    actor_id: int,
    created_at: dt.datetime,
) -> dict[str, Any]:
    decided = status in (CaseStatus.CLOSED, CaseStatus.DISCIPLINE_REVIEW, CaseStatus.FINDINGS)
    finding_at = created_at + dt.timedelta(days=rng.randrange(10, 120)) if decided else None
    return {
        "case_id": case_id,
        "employee_id": rng.choice(subjects),
        "summary": corpus.title(),
        "finding": rng.choice(_DECIDED) if decided else Finding.PENDING.value,
        "reasoning": rng.choice(corpus.sentences) if decided else "",
        "created_at": created_at,
        "created_by_id": actor_id,
        "finding_at": finding_at,
        "finding_by_id": actor_id if decided else None,
    }


def _event_body(
    rng: random.Random, action: str, case_id: int | None
) -> tuple[str, str, dict[str, Any]]:
    """Entity type, entity id and details of a generated audit event."""
    if action == "user.login":
        return "user", str(rng.randint(2, INVESTIGATORS + 2)), {}
    if action == "note.add":
        return "note", str(rng.randint(1, 10**6)), {"kind": rng.choice(_NOTE_KINDS)}
    if action == "case.update":
        return "case", str(case_id), {"changed": {"title": [None, "updated"]}, "version": 2}
    if action == "allegation.add":
        return "allegation", str(rng.randint(1, 2 * 10**5)), {"provision": "7.3(b)"}
    if action == "case.transition":
        return "case", str(case_id), {"from": "intake", "to": "investigating"}
    if action == "finding.record":
        return "allegation", str(rng.randint(1, 2 * 10**5)), {"finding": rng.choice(_DECIDED)}
    return "case", str(case_id), {"number": f"CASE-{case_id}", "agency": "ARDHS"}


def _moment(day: dt.date, seconds: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC) + dt.timedelta(seconds=seconds)


def ensure_bench_sees_every_agency(path: Path) -> bool:
    """:func:`ensure_bench_agencies` on the SQLite file at ``path``."""
    database = Database.open(f"sqlite:///{path}")
    try:
        return ensure_bench_agencies(database)
    finally:
        database.close()
