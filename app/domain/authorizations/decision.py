"""A rule's answer: allowed, or refused with every reason and the provisions behind it.

Rules never raise: they return a :class:`Decision`, so a form can show every
reason at once next to its field, and a service turns a refusal into
:class:`RuleRefused` (exit status 1 on the command line).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.domain.errors import Problems, Refused
from app.domain.validation import field_key


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for a refusal (or one basis for an allowance).

    ``code`` is a stable key tests and forms use; ``field`` names the input
    the reason is about (``""`` when it is about the whole record);
    ``citations`` quote the provisions, the agency policy first and the
    statute second (DOMAIN.md: the product follows the stricter policy).
    """

    code: str
    message: str
    citations: tuple[str, ...]
    field: str = ""

    def __str__(self) -> str:
        cited = "; ".join(self.citations)
        return f"{self.message} [{cited}]" if cited else self.message


@dataclass(frozen=True, slots=True)
class Decision:
    """Allowed or refused. A refusal carries at least one reason."""

    allowed: bool
    reasons: tuple[Reason, ...] = ()
    #: For an allowed decision: the provisions that allow it (shown, not enforced).
    basis: tuple[str, ...] = field(default=())

    @classmethod
    def allow(cls, *basis: str) -> Decision:
        return cls(True, (), tuple(basis))

    @classmethod
    def of(cls, reasons: list[Reason] | tuple[Reason, ...], *basis: str) -> Decision:
        """Refused when ``reasons`` holds anything, allowed (on ``basis``) otherwise."""
        reasons = tuple(reasons)
        return cls(not reasons, reasons, () if reasons else tuple(basis))

    @property
    def citations(self) -> tuple[str, ...]:
        """Every provision cited by the reasons, in order, without repeats."""
        return tuple(dict.fromkeys(c for r in self.reasons for c in r.citations))

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.reasons)

    def without(self, fields: Iterable[str]) -> Decision:
        """The refusal less its reasons about ``fields``: inputs that are invalid, whose
        problem is reported instead (so no reason is said twice, nor one about a
        value the rule never saw)."""
        unknown = frozenset(fields)
        if self.allowed or not unknown:
            return self
        return Decision.of([r for r in self.reasons if r.field not in unknown])

    def refusal(self, what: str) -> RuleRefused | None:
        """The :class:`RuleRefused` naming ``what`` and every reason, or ``None`` if allowed."""
        return None if self.allowed else RuleRefused(what, self)

    def raise_if_refused(self, what: str) -> None:
        """Raise :class:`RuleRefused` naming ``what`` and every reason, if refused."""
        if not self.allowed:
            raise RuleRefused(what, self)


class RuleRefused(Refused):
    """A policy or statute rule refuses the operation; the message lists every reason."""

    def __init__(self, what: str, decision: Decision) -> None:
        lines = [f"{what} is refused:"]
        lines += [f"  - {reason}" for reason in decision.reasons]
        super().__init__("\n".join(lines), citations=decision.citations)
        self.decision = decision


def decided(
    decision: Decision,
    problems: Problems,
    what: str,
    *,
    related: Mapping[str, Iterable[str]] | None = None,
) -> Decision:
    """``decision`` when the inputs had no problem; else raise every problem with its refusal.

    ``decision`` was taken on the valid inputs (placeholders for the rest);
    its reasons about an input with a problem, or about a reason field
    ``related`` ties to that input ("starts_on" → the other dates), are left
    out: the problem says what to fix there, and the rule never saw the
    value. What remains refuses in the same answer (``InvalidInputs.refused``).
    """
    if not problems.found:
        return decision
    unknown: set[str] = set()
    for problem in problems.found:
        key = field_key(problem.field or "")
        unknown.add(key)
        unknown.update((related or {}).get(key, ()))
    problems.raise_any(refused=decision.without(unknown).refusal(what))
    raise AssertionError("unreachable: the problems were raised")
