"""Home: what needs the signed-in user now, their pinned and recent cases, saved searches.

- ``overview.load_home(database, actor, today=None) -> HomeView``: every
  section in one snapshot; ``HomeView.badges()`` the navigator's counts.
- ``overview.change_marker(database, actor) -> int``: the audit head's event
  number, polled to refresh Home when another workstation records something.
- ``preferences``: ``set_pinned``, ``record_opened``, ``save_search``,
  ``delete_search``, ``saved_searches`` (per user, in the database).
- ``sections``: the read models, one query per section (``SECTION_ROWS`` rows
  and a count); ``scope.case_visible`` is the one case filter they share.
"""

from app.services.home.overview import HomeView, change_marker, load_home
from app.services.home.preferences import (
    SavedSearchInfo,
    delete_search,
    record_opened,
    save_search,
    saved_searches,
    set_pinned,
)
from app.services.home.sections import (
    LOOK_AHEAD_DAYS,
    ApprovalLine,
    CaseLine,
    DisciplineLine,
    DisciplineStep,
    IntegrityLine,
    ReviewLine,
)

__all__ = [
    "LOOK_AHEAD_DAYS",
    "ApprovalLine",
    "CaseLine",
    "DisciplineLine",
    "DisciplineStep",
    "HomeView",
    "IntegrityLine",
    "ReviewLine",
    "SavedSearchInfo",
    "change_marker",
    "delete_search",
    "load_home",
    "record_opened",
    "save_search",
    "saved_searches",
    "set_pinned",
]
