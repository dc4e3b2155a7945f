"""Business settings: each declared once, with its type, default and bounds.

They live in the database (one value per key) so every workstation sharing a
database follows the same rules; QSettings holds only window layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class IntSetting:
    """A whole-number setting with bounds."""

    key: str
    label: str
    default: int
    minimum: int
    maximum: int
    #: What the number counts, in the plural ("minutes"), for forms and listings.
    unit: str = ""

    def parse(self, value: object) -> int:
        """Check ``value`` (an int, or text typed by a user) and return it."""
        try:
            number = int(str(value).strip())
        except ValueError:
            raise InvalidInput(f"{self.label} must be a whole number.", field=self.key) from None
        if not self.minimum <= number <= self.maximum:
            raise InvalidInput(
                f"{self.label} must be between {self.minimum} and {self.maximum}.",
                field=self.key,
            )
        return number


IDLE_LOCK_MINUTES = IntSetting(
    "security.idle_lock_minutes",
    "Minutes of inactivity before the window locks",
    10,
    1,
    240,
    "minutes",
)

EVIDENCE_MAX_MEGABYTES = IntSetting(
    "evidence.max_megabytes",
    "Largest evidence file accepted, in megabytes",
    50,
    1,
    1024,
    "megabytes",
)

AUTHORIZATION_REVIEW_INTERVAL_DAYS = IntSetting(
    "authorization.review_interval_days",
    "Days between review meetings on an investigation authorization (MA DYS B.3.b)",
    30,
    1,
    365,
    "days",
)

#: How long typed work a crashed window left behind is kept (``services.recovery``). The
#: agency's own choice, no rule's: 0, the default, keeps it until its user discards it.
RECOVERED_WORK_KEEP_DAYS = IntSetting(
    "recovery.keep_days",
    "Days work left by a crashed window is kept (0: until its user discards it)",
    0,
    0,
    3650,
    "days",
)

#: Every setting, by key.
SETTINGS: dict[str, IntSetting] = {
    s.key: s
    for s in (
        IDLE_LOCK_MINUTES,
        EVIDENCE_MAX_MEGABYTES,
        AUTHORIZATION_REVIEW_INTERVAL_DAYS,
        RECOVERED_WORK_KEEP_DAYS,
    )
}


def setting(key: str) -> IntSetting:
    """The declared setting named ``key``."""
    try:
        return SETTINGS[key]
    except KeyError:
        known = ", ".join(sorted(SETTINGS))
        raise InvalidInput(f"There is no setting {key!r}; settings: {known}.") from None
