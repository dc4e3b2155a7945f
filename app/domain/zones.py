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

Two kinds of "today" follow from it:

- the agency's day (:func:`agency_today`) closes a window the law counts in
  days (a pre-action notice's response window ends at the agency's midnight)
  and dates what a document prints as its own day;
- a date typed in (a notice given, a response received, an appeal filed) is
  in the future only once it is after the latest day begun, on this computer
  or where the agency is (:func:`last_day_begun`): a user whose computer
  keeps another zone can still enter the day it is for either of them.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from app.domain import clock

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
    return clock.now_in(agency_zone(jurisdiction)[0]).date()


def last_day_begun(jurisdiction: str) -> dt.date:
    """The later of this computer's day and the agency's: a date after it is in the future."""
    return max(clock.today_here(), agency_today(jurisdiction))
