"""Which cases count in the dashboard's figures for an acting user.

Every case aggregate of the dashboard and of the discipline consistency
check goes through :func:`visible_cases`: the agency scope, restricted
cases and conflicts of ``app.services.access`` (a case a user may not see
adds to no number). Confidential records that are not cases (investigation
authorizations) are left out by the charts that count them.
"""

from __future__ import annotations

from app.services.access import visible_cases

__all__ = ["visible_cases"]
