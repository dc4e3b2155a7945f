"""The demo's people and cases, as plain data.

Employees of the five agencies in the policy catalog, and forty case stories:
what was reported, by whom, what the investigator wrote down, which
provisions of the agency's own policy each allegation cites, the findings and
where the case stands now. :mod:`app.services.demo` feeds them through the
services. Every person, account and event here is invented.
"""

from __future__ import annotations

from app.services.demo.stories.arkansas_dhs import ARDHS_STORIES
from app.services.demo.stories.massachusetts_dys import MADYS_STORIES
from app.services.demo.stories.missouri_dmh import MODMH_STORIES
from app.services.demo.stories.missouri_dnr import MODNR_STORIES
from app.services.demo.stories.model import Charge, Outcome, Sanction, Staff, Story
from app.services.demo.stories.st_louis import STLCITY_STORIES
from app.services.demo.stories.staff import STAFF

__all__ = ["STAFF", "STORIES", "Charge", "Outcome", "Sanction", "Staff", "Story"]

#: Every story, in the order reported, so case numbers run in date order as in real use.
STORIES: tuple[Story, ...] = tuple(
    sorted(
        MODMH_STORIES + MODNR_STORIES + ARDHS_STORIES + MADYS_STORIES + STLCITY_STORIES,
        key=lambda story: story.reported,
    )
)
