"""``audit verify``: the chain against every checkpoint that can be found.

Each checkpoint from the checkpoint file and the database must carry a
signature that verifies with a known public key, and the chain must still
hold an event of its number with its hash. Checkpoints given on the command
line (as printed on a report) are checked the same way, without a signature:
the person who gives one vouches for it. So a log whose tail was cut (and its
head moved back), a wiped log, and a rewritten one with every later hash
recomputed are caught by anyone without the private key, as far back as the
checkpoints outside the database reach.
"""

from __future__ import annotations

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
from app.services.integrity import registry

SOURCE_GIVEN = "command line"


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

    @property
    def problem(self) -> str | None:
        """The first problem: the chain's, else the first untrusted checkpoint's."""
        if self.chain.finding is not None:
            return self.chain.finding.message
        return self.checkpoint_problems[0] if self.checkpoint_problems else None

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
        if self.counts.get(SOURCE_GIVEN):
            parts.append(f"{self.counts[SOURCE_GIVEN]} given on the command line")
        noun = "checkpoint" if self.total == 1 else "checkpoints"
        return f"checked against {self.total} {noun}: " + ", ".join(parts)

    @property
    def anchor_note(self) -> str:
        """What the checkpoints checked can and cannot vouch for."""
        outside = self.counts.get(cps.SOURCE_FILE, 0) + self.counts.get(SOURCE_GIVEN, 0)
        if outside:
            return (
                "The checkpoint file and the checkpoints given anchor the log up to the newest "
                "of them; checkpoints kept only in the database could have been deleted with it."
            )
        return (
            "No checkpoint from outside the database was checked: whoever can change the "
            "database can also delete the checkpoints in it. Keep the checkpoint file, or "
            "give a checkpoint printed on a report with --checkpoint SEQ:HASH."
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
    for item in found:
        counts[item.source] += 1
        why = cps.signature_problem(item, known)
        if why:
            problems.append(why)
            continue
        cp = item.checkpoint
        label = f"signed by {cp.key_id} at {cp.at_text}"
        anchors.append(Anchor(cp.seq, cp.head_hash, item.source, label))
    chain = audit.verify(
        database,
        actor,
        anchors=anchors,
        notes={"checkpoints": dict(counts), "first_problem": problems[0] if problems else None},
        progress=progress,
    )
    result = AuditVerification(chain, dict(counts), tuple(problems))
    if not result.intact:
        return result
    # The verify event just appended follows the chain verified up to last_seq.
    written = cps.make_checkpoint(database, verified=(chain.last_seq, chain.last_hash))
    return AuditVerification(chain, dict(counts), tuple(problems), written)
