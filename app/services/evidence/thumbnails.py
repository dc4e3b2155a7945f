"""Thumbnails of evidence images, cached in the database by content and size.

A thumbnail is not evidence: reading one writes no custody event (opening
the item in the viewer does, through ``read_evidence``). Each is made once
per distinct content and size and kept in ``evidence_thumbnails``, so the
second call answers from the cache without decoding the image. Intake
caches the case view's size with each item as it is added.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import EvidenceBlob, EvidenceItem, EvidenceThumbnail
from app.domain.actor import Actor
from app.domain.errors import NotFound
from app.domain.permissions import Permission
from app.services.authorization_evidence import evidence_visible
from app.services.database import Database
from app.services.evidence.content import thumbnail_of
from app.services.evidence.items import case_number_of
from app.services.retry import retried

DEFAULT_SIDE = 240


def store_thumbnail(uow: UnitOfWork, sha256: str, max_side: int, png: bytes) -> None:
    """Cache a thumbnail unless one of that content and size is already there."""
    values = {"sha256": sha256, "max_side": max_side, "data": png, "created_at": utcnow()}
    insert = postgresql.insert if uow.dialect == "postgresql" else sqlite.insert
    uow.session.execute(insert(EvidenceThumbnail).values(**values).on_conflict_do_nothing())


@retried
def _make_and_cache(database: Database, sha256: str, max_side: int) -> bytes:
    """Decode the stored bytes outside any write lock, then cache the result."""
    with database.unit_of_work() as uow:
        data = uow.session.scalar(select(EvidenceBlob.data).where(EvidenceBlob.sha256 == sha256))
    if data is None:
        raise NotFound(f"The stored bytes of content {sha256[:12]}… are missing.")
    png = thumbnail_of(data, max_side)
    with database.unit_of_work(write=True) as uow:
        store_thumbnail(uow, sha256, max_side, png)
        uow.commit()
    return png


def _cached(database: Database, shas: set[str], max_side: int) -> dict[str, bytes]:
    if not shas:
        return {}
    with database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(EvidenceThumbnail.sha256, EvidenceThumbnail.data).where(
                EvidenceThumbnail.max_side == max_side, EvidenceThumbnail.sha256.in_(shas)
            )
        )
        return {sha: bytes(png) for sha, png in rows}


def thumbnail(
    database: Database, actor: Actor, item_id: int, *, max_side: int = DEFAULT_SIDE
) -> bytes:
    """A PNG of the item's image no larger than ``max_side`` either way (aspect kept)."""
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        sha256 = uow.session.scalar(
            select(EvidenceItem.sha256).where(EvidenceItem.id == item_id, evidence_visible(actor))
        )
    if sha256 is None:
        raise NotFound(f"There is no evidence item {item_id}; see 'casedesk evidence list'.")
    cached = _cached(database, {sha256}, max_side)
    if sha256 in cached:
        return cached[sha256]
    return _make_and_cache(database, sha256, max_side)


def case_thumbnails(
    database: Database, actor: Actor, case_id: int, *, max_side: int = DEFAULT_SIDE
) -> dict[int, bytes]:
    """Every item's thumbnail in a case, by item id (cached ones in one query)."""
    actor.require(Permission.EVIDENCE_VIEW)
    case_number_of(database, case_id)  # NotFound for a missing case
    with database.unit_of_work() as uow:
        items = list(
            uow.session.execute(
                select(EvidenceItem.id, EvidenceItem.sha256)
                .where(EvidenceItem.case_id == case_id, evidence_visible(actor))
                .order_by(EvidenceItem.id)
            )
        )
    by_sha = _cached(database, {sha for _id, sha in items}, max_side)
    result: dict[int, bytes] = {}
    for item_id, sha256 in items:
        if sha256 not in by_sha:
            by_sha[sha256] = _make_and_cache(database, sha256, max_side)
        result[item_id] = by_sha[sha256]
    return result
