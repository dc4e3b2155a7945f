"""The discipline facts an agency must set itself, because no source checked here fixes them.

Each is declared once with the provision it comes from and NO default: a
document that uses one says it comes "from the agency's settings", and a
rule that needs one that is not set refuses with a message that names it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.errors import InvalidInput, Refused

TEXT_MAX = 2_000


class SettingKind(enum.StrEnum):
    """What a law setting holds."""

    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    MONTHS = "months"
    TEXT = "text"
    DAY_KIND = "day_kind"


@dataclass(frozen=True, slots=True)
class LawSetting:
    """A discipline fact the agency sets: key, label, where it comes from; no default."""

    key: str
    label: str
    citation: str
    kind: SettingKind
    minimum: int = 1
    maximum: int = 365

    def parse(self, value: object) -> int | str:
        """Check ``value`` (a number of days, or text) typed by an administrator."""
        if self.kind is SettingKind.DAY_KIND:
            word = str(value).strip().lower()
            if word not in ("calendar", "working"):
                raise InvalidInput(
                    f"{self.label}: give 'calendar' or 'working', not '{value}'.", field=self.key
                )
            return word
        if self.kind is SettingKind.TEXT:
            text = str(value).strip()
            if not text:
                raise InvalidInput(f"{self.label} is required.", field=self.key)
            if len(text) > TEXT_MAX:
                raise InvalidInput(
                    f"{self.label} is {len(text)} characters long; the limit is {TEXT_MAX}.",
                    field=self.key,
                )
            return text
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


#: The values an agency has set, by key; a key not in it is not set.
LawSettingValues = Mapping[str, int | str]

RESPONSE_DAYS = LawSetting(
    "discipline.response_days",
    "Working days the employee has to respond to a pre-action notice",
    "Cleveland Bd. of Educ. v. Loudermill, 470 U.S. 532 (1985) requires an opportunity to "
    "respond but fixes no number of days; the agency's procedure sets it",
    SettingKind.WORKING_DAYS,
    1,
    90,
)
STANDARD_OF_PROOF = LawSetting(
    "discipline.standard_of_proof",
    "Standard of proof for findings",
    "No source checked fixes it for this agency; the agency's procedure sets it",
    SettingKind.TEXT,
)
APPEAL_BODY = LawSetting(
    "discipline.appeal_body",
    "Body that hears appeals of discipline",
    "The employer's civil-service or grievance rules",
    SettingKind.TEXT,
)
APPEAL_DAYS = LawSetting(
    "discipline.appeal_days",
    "Days to file an appeal",
    "The employer's civil-service or grievance rules",
    SettingKind.CALENDAR_DAYS,
)
APPEAL_DAYS_KIND = LawSetting(
    "discipline.appeal_days_kind",
    "Whether the appeal days are calendar or working days",
    "The employer's civil-service or grievance rules",
    SettingKind.DAY_KIND,
)
APPEAL_COUNTED_FROM = LawSetting(
    "discipline.appeal_counted_from",
    "What the appeal days are counted from",
    "The employer's civil-service or grievance rules",
    SettingKind.TEXT,
)
SUSPENSION_CAP_DAYS = LawSetting(
    "discipline.suspension_cap_days",
    "Most working days of suspension without pay in the window",
    "The employer's civil-service rules",
    SettingKind.WORKING_DAYS,
)
SUSPENSION_CAP_MONTHS = LawSetting(
    "discipline.suspension_cap_months",
    "Months in the window the suspension cap counts",
    "The employer's civil-service rules",
    SettingKind.MONTHS,
    1,
    60,
)
GRIEVANCE_DAYS = LawSetting(
    "discipline.grievance_days",
    "Days to file a grievance under the collective bargaining agreement",
    "The collective bargaining agreement's grievance procedure",
    SettingKind.CALENDAR_DAYS,
)
GRIEVANCE_DAYS_KIND = LawSetting(
    "discipline.grievance_days_kind",
    "Whether the grievance days are calendar or working days",
    "The collective bargaining agreement's grievance procedure",
    SettingKind.DAY_KIND,
)

#: Every law setting, by key.
LAW_SETTINGS: dict[str, LawSetting] = {
    s.key: s
    for s in (
        RESPONSE_DAYS,
        STANDARD_OF_PROOF,
        APPEAL_BODY,
        APPEAL_DAYS,
        APPEAL_DAYS_KIND,
        APPEAL_COUNTED_FROM,
        SUSPENSION_CAP_DAYS,
        SUSPENSION_CAP_MONTHS,
        GRIEVANCE_DAYS,
        GRIEVANCE_DAYS_KIND,
    )
}


def law_setting(key: str) -> LawSetting:
    """The declared law setting named ``key``."""
    try:
        return LAW_SETTINGS[key]
    except KeyError:
        known = ", ".join(sorted(LAW_SETTINGS))
        raise InvalidInput(f"There is no discipline setting {key!r}; settings: {known}.") from None


class SettingMissing(Refused):
    """A rule needs an agency setting that has not been set."""


def setting_value(setting: LawSetting, values: LawSettingValues, agency: str) -> int | str:
    """The agency's value of ``setting``, or a refusal that says who must set it."""
    if setting.key in values:
        return setting.parse(values[setting.key])
    raise SettingMissing(
        f"{setting.label} is not set for {agency}: it comes from the agency's settings "
        f"({setting.citation}) and has no default. An administrator sets "
        f"'{setting.key}' for the agency first.",
        citations=(setting.citation,),
    )
