"""A rule's answer: allowed, or refused with every reason and the provisions behind it.

Rules never raise: they return a :class:`Decision`, so a form can show every
reason at once next to its field, and a service turns a refusal into
:class:`RuleRefused` (exit status 1 on the command line).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.errors import Refused


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
