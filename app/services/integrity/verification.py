"""``audit verify``: the chain against every checkpoint that can be found.

Each checkpoint from the checkpoint file and the database must carry a
signature that verifies with a known public key, and the chain must still
hold an event of its number with its hash. Checkpoints given on the command
line (as printed on a report) are checked the same way, without a signature:
the person who gives one vouches for it. So a log whose tail was cut (and its
head moved back), a wiped log, and a rewritten one with every later hash
recomputed are caught by anyone without the private key, as far back as the
checkpoints outside the database reach. Once the log holds, the rows whose
changes it records with their values (discipline decisions, discipline and
business settings, roles) must still hold what it recorded (:mod:`.records`).
A checkpoint of the file counts as
one only when signed by a key this workstation holds or trusts (its own, or
one trusted here with ``audit key trust``): the database's key registry is no
stronger than the database.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain.actor import Actor
from app.domain.audit import Anchor, ChainVerification
from app.domain.checkpoints import parse_reference
from app.domain.permissions import Permission
from app.services import audit
from app.services.database import Database
from app.services.integrity import checkpoints as cps
from app.services.integrity import keys, records, registry

SOURCE_GIVEN = "command line"
#: Checkpoints of the checkpoint file signed by a key this workstation knows only
#: from the database's registry: checked, but no stronger than the database.
SOURCE_FILE_DATABASE_KEY = "checkpoint file, key known only from the database"


@dataclass(frozen=True, slots=True)
class AuditVerification:
    """The outcome of :func:`verify_audit`."""

    chain: ChainVerification
    #: How many checkpoints were checked, by where they were found.
    counts: dict[str, int] = field(default_factory=dict)
    #: Checkpoints that could not be trusted (bad signature, unknown key, damaged line).
    checkpoint_problems: tuple[str, ...] = ()
    #: The checkpoint written after an intact verification.
    written: cps.CheckpointOutcome | None = None
    #: Ids of the keys that signed checkpoints of the checkpoint file and that this
    #: workstation knows only from the database (neither its own nor trusted here).
    database_keyed: tuple[str, ...] = ()
    #: Rows that disagree with the events that recorded them (:mod:`.records`).
    record_problems: tuple[str, ...] = ()

    @property
    def problem(self) -> str | None:
        """The first problem: the chain's, else the first untrusted checkpoint's, else
        the first row that disagrees with its event."""
        if self.chain.finding is not None:
            return self.chain.finding.message
        if self.checkpoint_problems:
            return self.checkpoint_problems[0]
        return self.record_problems[0] if self.record_problems else None

    @property
    def intact(self) -> bool:
        return self.problem is None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def summary(self) -> str:
        """E.g. "checked against 12 checkpoints: 3 in the checkpoint file, 9 in the database"."""
        parts = [
            f"{self.counts.get(cps.SOURCE_FILE, 0)} in the checkpoint file",
            f"{self.counts.get(cps.SOURCE_DATABASE, 0)} in the database",
        ]
        if self.counts.get(SOURCE_FILE_DATABASE_KEY):
            parts.append(
                f"{self.counts[SOURCE_FILE_DATABASE_KEY]} in the checkpoint file signed by a key "
                "known only from the database"
            )
        if self.counts.get(SOURCE_GIVEN):
            parts.append(f"{self.counts[SOURCE_GIVEN]} given on the command line")
        noun = "checkpoint" if self.total == 1 else "checkpoints"
        return f"checked against {self.total} {noun}: " + ", ".join(parts)

    @property
    def anchor_note(self) -> str:
        """What the checkpoints checked can and cannot vouch for."""
        outside = self.counts.get(cps.SOURCE_FILE, 0) + self.counts.get(SOURCE_GIVEN, 0)
        if outside:
            note = (
                "The checkpoint file and the checkpoints given anchor the log up to the newest "
                "of them; checkpoints kept only in the database could have been deleted with it."
            )
        else:
            note = (
                "No checkpoint from outside the database was checked: whoever can change the "
                "database can also delete the checkpoints in it. Keep the checkpoint file, or "
                "give a checkpoint printed on a report with --checkpoint SEQ:HASH."
            )
        if not self.database_keyed:
            return note
        ids = ", ".join(self.database_keyed)
        return note + (
            f" Checkpoints in the checkpoint file are signed by {ids}, which this workstation "
            "knows only from the database: whoever can change the database can register a key "
            "and sign with it, so they anchor nothing on their own. If it is an earlier "
            "workstation's key, check its id there ('casedesk audit key list'), then trust it "
            "here: 'casedesk audit key trust KEYID' (administrators)."
        )


def parse_given(references: Sequence[str]) -> list[Anchor]:
    """``SEQ:HASH`` texts as anchors; :class:`InvalidInput` names a malformed one."""
    anchors = []
    for text in references:
        seq, digest = parse_reference(text)
        anchors.append(Anchor(seq, digest, SOURCE_GIVEN))
    return anchors


def verify_audit(
    database: Database,
    actor: Actor,
    *,
    given: Sequence[str] = (),
    progress: audit.Progress | None = None,
) -> AuditVerification:
    """Verify the chain against every checkpoint found and ``given``; sign a new one if intact."""
    actor.require(Permission.AUDIT_VERIFY)
    given_anchors = parse_given(given)
    with database.unit_of_work(snapshot=True) as uow:
        known = registry.known_keys(uow)
        found, problems = cps.all_checkpoints(database, uow)
    anchors = list(given_anchors)
    counts: Counter[str] = Counter(
        {cps.SOURCE_FILE: 0, cps.SOURCE_DATABASE: 0, SOURCE_GIVEN: len(given_anchors)}
    )
    # Only a key this workstation holds or trusts makes the file's checkpoint an anchor
    # outside the database: whoever can change the database can register a key of their
    # own and sign checkpoints with it (docs/security.md, "Audit chain and checkpoints").
    outside = keys.trusted_key_ids()
    database_keyed: set[str] = set()
    for item in found:
        why = cps.signature_problem(item, known)
        if why:
            counts[item.source] += 1
            problems.append(why)
            continue
        cp = item.checkpoint
        source = item.source
        if source == cps.SOURCE_FILE and cp.key_id not in outside:
            source = SOURCE_FILE_DATABASE_KEY
            database_keyed.add(cp.key_id)
        counts[source] += 1
        label = f"signed by {cp.key_id} at {cp.at_text}"
        anchors.append(Anchor(cp.seq, cp.head_hash, source, label))
    chain = audit.verify(
        database,
        actor,
        anchors=anchors,
        notes={"checkpoints": dict(counts), "first_problem": problems[0] if problems else None},
        progress=progress,
    )
    keyed = tuple(sorted(database_keyed))
    result = AuditVerification(chain, dict(counts), tuple(problems), database_keyed=keyed)
    if not result.intact:
        return result
    # The log holds: do today's rows still hold what it recorded?
    with database.unit_of_work(snapshot=True) as uow:
        rows = tuple(records.record_problems(uow))
    if rows:
        return dataclasses.replace(result, record_problems=rows)
    # The verify event just appended follows the chain verified up to last_seq.
    written = cps.make_checkpoint(database, verified=(chain.last_seq, chain.last_hash))
    return dataclasses.replace(result, written=written)
