"""The case list: every case the user may see, filtered, searched and sorted in SQL.

:class:`CaseListView` is what the Cases page shows first; :class:`CaseTableModel`
fetches its rows a page at a time from :mod:`app.services.case_queries`.
"""

from app.ui.case_list.filter_bar import CaseFilterBar
from app.ui.case_list.model import CaseTableModel
from app.ui.case_list.view import CaseListView

__all__ = ["CaseFilterBar", "CaseListView", "CaseTableModel"]
