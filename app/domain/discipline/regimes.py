"""The employee's employment regime: which law of due process and appeal applies.

DOMAIN.md "Due process, by employer": the same action owes different process
to a tenured merit employee, a probationer, a union member under a
collective bargaining agreement, an at-will employee, or a contracted
provider's employee whom the agency does not discipline itself.
"""

from __future__ import annotations

import enum

from app.domain.errors import InvalidInput


class Regime(enum.StrEnum):
    """How the employee is employed, for the purpose of discipline."""

    MERIT = "merit"
    PROBATIONARY = "probationary"
    UNION = "union"
    AT_WILL = "at_will"
    PROVIDER = "provider"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def has_property_interest(self) -> bool:
        """Whether the employee ordinarily holds the job as property (Loudermill).

        Tenured or regular merit employees do, and so do employees whose
        collective bargaining agreement allows discharge only for cause;
        probationers and at-will employees do not unless a law says so, and a
        provider's employee is not the agency's employee.
        """
        return self in (Regime.MERIT, Regime.UNION)


_LABELS = {
    Regime.MERIT: "Tenured or regular civil service (merit system)",
    Regime.PROBATIONARY: "Probationary",
    Regime.UNION: "Covered by a collective bargaining agreement",
    Regime.AT_WILL: "At will",
    Regime.PROVIDER: "Employee of a contracted provider",
}


def parse_regime(value: str) -> Regime:
    """``value`` as a regime ("merit", "at-will", "Union" …), or a message listing them."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return Regime(key)
    except ValueError:
        valid = ", ".join(r.value for r in Regime)
        raise InvalidInput(
            f"'{value}' is not an employment regime; choose one of: {valid}.", field="regime"
        ) from None
