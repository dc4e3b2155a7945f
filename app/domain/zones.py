"""The agency's time zone, for the dates printed from recorded moments.

Casedesk records moments in UTC (``app.db.base.utcnow``). A date printed on
an agency's documents ("Decided on", "made void on", a note's day) is the
day in the agency's own zone: a decision a Missouri HR officer records at
7 p.m. Central time is dated that day, not the next, which is already the
UTC day then.

Massachusetts lies wholly in the Eastern zone, Missouri and Arkansas wholly
in the Central zone (IANA ``America/New_York`` and ``America/Chicago``). An
agency of another state has no zone here, and its dates are this
computer's, as the authorization log's times are.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

#: The time zone of each state whose agencies the catalog holds (IANA names).
STATE_ZONES = {"MA": "America/New_York", "MO": "America/Chicago", "AR": "America/Chicago"}


def agency_zone(jurisdiction: str) -> tuple[dt.tzinfo, str]:
    """The zone of an agency of ``jurisdiction`` (its state's code), and how to name it."""
    name = STATE_ZONES.get(jurisdiction.strip().upper())
    if name:
        return zoneinfo.ZoneInfo(name), f"{name} (the agency's state, {jurisdiction})"
    local = dt.datetime.now().astimezone().tzinfo or dt.UTC
    return local, f"{dt.datetime.now(local).tzname()} (this computer's time zone)"


def local_day(moment: dt.datetime, jurisdiction: str) -> dt.date:
    """The day ``moment`` (aware, or naive UTC as stored) falls on in the agency's zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(agency_zone(jurisdiction)[0]).date()


def agency_today(jurisdiction: str) -> dt.date:
    """Today in the agency's zone."""
    return dt.datetime.now(agency_zone(jurisdiction)[0]).date()
