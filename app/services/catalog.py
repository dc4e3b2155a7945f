"""The policy catalog: loading it from the shipped TOML files, browsing, citing.

Loading is idempotent: a provision already present is updated only if its
text, title, tags, kind or lead-in changed, and each change is an audit
event. Opening a database whose catalog predates provision kinds loads it
again (:func:`complete_catalog`).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from app.db.engine import UnitOfWork
from app.db.models import Agency, Policy, Provision
from app.domain.actor import Actor
from app.domain.catalog import (
    PolicyDoc,
    ProvisionDoc,
    citation,
    parse_citation,
    parse_policy_document,
)
from app.domain.charging import ProvisionKind, policy_dates, quote
from app.domain.errors import InvalidInput, NotFound
from app.domain.permissions import Permission
from app.privatefiles import MB, read_bounded
from app.resources import policy_files
from app.services import audit, start_checks
from app.services.database import Database
from app.services.retry import retried


@dataclass(frozen=True, slots=True)
class ProvisionInfo:
    """A provision with its citation, as pickers and reports show it."""

    id: int
    policy_code: str
    ref: str
    parent_ref: str | None
    title: str
    text: str
    tags: tuple[str, ...]
    #: None only in a database whose catalog has not been reloaded since kinds came.
    kind: ProvisionKind | None = None
    #: The lead-in the provision is quoted after ("" for none).
    quoted_after: str = ""
    #: Refs of this policy to charge instead, when this one cannot be charged.
    charge_instead: tuple[str, ...] = ()
    #: The policy's version and dates, printed with every quote.
    policy_dates: str = ""
    policy_sunset: dt.date | None = None

    @property
    def citation(self) -> str:
        return citation(self.policy_code, self.ref)

    @property
    def chargeable(self) -> bool:
        """Whether an allegation can cite this provision."""
        return self.kind is not None and self.kind.chargeable

    @property
    def quote(self) -> str:
        """The provision's words as quoted: its lead-in, then its own text."""
        return quote(self.quoted_after, self.text)


@dataclass(frozen=True, slots=True)
class PolicyInfo:
    """A source policy with its agency."""

    id: int
    code: str
    title: str
    issuer: str
    document_number: str
    effective: dt.date | None
    references: tuple[str, ...]
    agency_code: str
    agency_name: str
    provision_count: int
    version: str = ""
    sunset: dt.date | None = None

    @property
    def dates(self) -> str:
        """The version and dates, as printed with a quote."""
        return policy_dates(self.version, self.effective, self.sunset)


@dataclass(frozen=True, slots=True)
class AgencyInfo:
    """An agency, for pickers and filters."""

    id: int
    code: str
    name: str
    jurisdiction: str


#: The largest policy catalog file read (the shipped ones are a few kilobytes).
CATALOG_FILE_MAX = 4 * MB


@dataclass(frozen=True, slots=True)
class CatalogLoad:
    """What a catalog load changed."""

    policies_added: int
    provisions_added: int
    provisions_updated: int


def read_policy_file(path: Path) -> PolicyDoc:
    """Parse and check one catalog file."""
    try:
        text = read_bounded(path, CATALOG_FILE_MAX, "a policy catalog file").decode("utf-8")
        data = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InvalidInput(f"Cannot read the policy catalog file {path.name}: {exc}") from None
    return parse_policy_document(data, path.name)


def load_catalog(
    uow: UnitOfWork, actor: Actor | str, files: Iterable[Path] | None = None
) -> CatalogLoad:
    """Load the shipped catalog into ``uow`` (the caller commits).

    Used by ``init`` before any administrator exists, hence ``actor`` may be
    the bootstrap user name.
    """
    if isinstance(actor, Actor):
        actor.require(Permission.CATALOG_MANAGE)
    docs = [read_policy_file(p) for p in (files if files is not None else policy_files())]
    policies_added = provisions_added = provisions_updated = 0
    for doc in docs:
        agency = uow.session.scalar(select(Agency).where(Agency.code == doc.agency.code))
        if agency is None:
            agency = Agency(
                code=doc.agency.code, name=doc.agency.name, jurisdiction=doc.agency.jurisdiction
            )
            uow.session.add(agency)
            uow.session.flush()
            audit.record(
                uow, actor, "agency.add", entity_type="agency", entity_id=agency.id,
                details={"code": agency.code, "name": agency.name},
            )  # fmt: skip
        policy = uow.session.scalar(select(Policy).where(Policy.code == doc.code))
        if policy is None:
            policy = Policy(code=doc.code, agency_id=agency.id)
            uow.session.add(policy)
            policies_added += 1
        policy.title = doc.title
        policy.issuer = doc.issuer
        policy.document_number = doc.document_number
        policy.effective = doc.effective
        policy.references = list(doc.references)
        policy.version = doc.version
        policy.sunset = doc.sunset
        uow.session.flush()
        existing = {
            p.ref: p
            for p in uow.session.scalars(select(Provision).where(Provision.policy_id == policy.id))
        }
        added: list[str] = []
        updated: list[str] = []
        for entry in doc.provisions:
            row = existing.get(entry.ref)
            if row is None:
                row = Provision(policy_id=policy.id, ref=entry.ref)
                uow.session.add(row)
                added.append(entry.ref)
            elif _stored(row) != _shipped(entry):
                updated.append(entry.ref)
            else:
                continue
            row.title = entry.title
            row.text = entry.text
            row.tags = list(entry.tags)
            row.parent_ref = entry.parent
            row.position = entry.position
            row.kind = entry.kind.value
            row.quoted_after = entry.quoted_after
            row.charge_instead = list(entry.charge_instead)
        uow.session.flush()
        if added or updated:
            audit.record(
                uow,
                actor,
                "catalog.load",
                entity_type="policy",
                entity_id=policy.id,
                details={"policy": doc.code, "added": added, "updated": updated},
            )
        provisions_added += len(added)
        provisions_updated += len(updated)
    return CatalogLoad(policies_added, provisions_added, provisions_updated)


def _stored(row: Provision) -> tuple[object, ...]:
    return (row.text, row.title, list(row.tags), row.parent_ref, row.position, row.kind,
            row.quoted_after or "", list(row.charge_instead or []))  # fmt: skip


def _shipped(entry: ProvisionDoc) -> tuple[object, ...]:
    return (entry.text, entry.title, list(entry.tags), entry.parent, entry.position,
            entry.kind.value, entry.quoted_after, list(entry.charge_instead))  # fmt: skip


#: Who the audit log names for the catalog load that completes an upgraded database.
UPGRADE_ACTOR = "casedesk-upgrade"


@retried
def complete_catalog(database: Database) -> str | None:
    """Load the shipped catalog into a database whose provisions lack their kinds.

    A database upgraded from before provision kinds has them empty until
    the catalog is loaded again; opening it (CLI or GUI) does that, audited
    as ``catalog.load`` by :data:`UPGRADE_ACTOR`. Returns a notice to show,
    or None when nothing was missing (one query over the provisions table,
    :func:`app.services.start_checks.catalog_incomplete`).
    """
    if not start_checks.catalog_incomplete(database):
        return None
    return load_missing_kinds(database)


@retried
def load_missing_kinds(database: Database) -> str:
    """The part of :func:`complete_catalog` after its question: load the catalog again.

    For a caller that has asked :func:`~app.services.start_checks.catalog_incomplete`
    itself (the command line, before loading this module); returns the notice.
    """
    with database.unit_of_work(write=True) as uow:
        loaded = load_catalog(uow, UPGRADE_ACTOR)
        uow.commit()
    return (
        f"the policy catalog was loaded again after the upgrade: {loaded.provisions_updated} "
        f"provisions updated (kinds and lead-ins), {loaded.provisions_added} added."
    )


@retried
def reload_catalog(database: Database, actor: Actor) -> CatalogLoad:
    """Load the shipped catalog again (after an upgrade brought new provisions)."""
    with database.unit_of_work(write=True) as uow:
        result = load_catalog(uow, actor)
        uow.commit()
        return result


def _provision_info(row: Provision) -> ProvisionInfo:
    policy = row.policy
    return ProvisionInfo(
        row.id,
        policy.code,
        row.ref,
        row.parent_ref,
        row.title,
        row.text,
        tuple(row.tags),
        kind=ProvisionKind(row.kind) if row.kind else None,
        quoted_after=row.quoted_after or "",
        charge_instead=tuple(row.charge_instead or ()),
        policy_dates=policy_dates(policy.version, policy.effective, policy.sunset),
        policy_sunset=policy.sunset,
    )


def list_policies(database: Database, actor: Actor) -> list[PolicyInfo]:
    """Every policy in the catalog with its agency and provision count."""
    actor.require(Permission.CATALOG_VIEW)
    with database.unit_of_work() as uow:
        policies = uow.session.scalars(
            select(Policy)
            .options(joinedload(Policy.agency), joinedload(Policy.provisions))
            .order_by(Policy.code)
        ).unique()
        return [
            PolicyInfo(
                p.id,
                p.code,
                p.title,
                p.issuer,
                p.document_number,
                p.effective,
                tuple(p.references),
                p.agency.code,
                p.agency.name,
                len(p.provisions),
                p.version,
                p.sunset,
            )  # fmt: skip
            for p in policies
        ]


def list_agencies(database: Database, actor: Actor) -> list[AgencyInfo]:
    """Every agency, by code."""
    actor.require(Permission.CATALOG_VIEW)
    with database.unit_of_work() as uow:
        return [
            AgencyInfo(a.id, a.code, a.name, a.jurisdiction)
            for a in uow.session.scalars(select(Agency).order_by(Agency.code))
        ]


def search_provisions(
    database: Database,
    actor: Actor,
    *,
    policy_code: str | None = None,
    agency_code: str | None = None,
    text: str = "",
    tag: str | None = None,
) -> list[ProvisionInfo]:
    """Provisions of one policy (or all), optionally matching ``text`` and ``tag``."""
    actor.require(Permission.CATALOG_VIEW)
    with database.unit_of_work() as uow:
        query = (
            select(Provision)
            .join(Provision.policy)
            .options(joinedload(Provision.policy))
            .order_by(Policy.code, Provision.position)
        )
        if policy_code:
            query = query.where(Policy.code == policy_code.upper())
        if agency_code:
            query = query.join(Policy.agency).where(Agency.code == agency_code.upper())
        for word in text.split():
            pattern = f"%{word}%"
            query = query.where(
                or_(
                    Provision.text.ilike(pattern),
                    Provision.title.ilike(pattern),
                    Provision.ref.ilike(pattern),
                )
            )
        rows = [_provision_info(p) for p in uow.session.scalars(query)]
    if tag:
        rows = [p for p in rows if tag in p.tags]
    if policy_code and not rows and not text and not tag:
        raise NotFound(f"There is no policy {policy_code!r}; see 'casedesk policy list'.")
    return rows


def find_provision(uow: UnitOfWork, cited: str) -> Provision:
    """The provision cited as ``"<policy code> <ref>"``, or :class:`NotFound`."""
    code, ref = parse_citation(cited)
    row = uow.session.scalar(
        select(Provision)
        .join(Provision.policy)
        .where(Policy.code == code, Provision.ref == ref)
        .options(joinedload(Provision.policy))
    )
    if row is None:
        raise NotFound(
            f"There is no provision {code} {ref} in the policy catalog; see "
            f"'casedesk policy show {code}'."
        )
    return row


def get_provision(database: Database, actor: Actor, cited: str) -> ProvisionInfo:
    """One provision by its citation."""
    actor.require(Permission.CATALOG_VIEW)
    with database.unit_of_work() as uow:
        return _provision_info(find_provision(uow, cited))
