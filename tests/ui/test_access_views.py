"""Who sees which case, in the window: another agency's user, the agencies editor, Access….

On the demo database; expectations are read from the services on the same
database.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt

from app.domain.permissions import Role
from app.services import access, accounts, cases
from app.services.case_queries import CaseQuery, list_cases
from app.services.database import Database
from app.ui.case_list import CaseListView
from app.ui.users.agencies import AgenciesDialog
from app.ui.users.model import UsersModel
from app.ui.users_view import UsersPage
from app.ui.workspace import Workspace
from tests.ui.conftest import PASSWORDS
from tests.ui.test_case_list import shown_ids, wait_loaded

OUTSIDER_PASSWORD = "copper kettle harbour"


@pytest.fixture
def outsider(demo_database: Database, cheap_hashing: None) -> str:
    """An investigator of the MO Department of Natural Resources only."""
    admin = accounts.authenticate(demo_database, "admin", PASSWORDS["admin"])
    accounts.add_user(
        demo_database, admin, username="otto", full_name="Otto Outsider",
        password=OUTSIDER_PASSWORD, roles=frozenset({Role.INVESTIGATOR}),
        agency_codes=("MODNR",),
    )  # fmt: skip
    PASSWORDS["otto"] = OUTSIDER_PASSWORD
    return "otto"


def test_a_user_of_another_agency_sees_no_row_count_or_search_hit(
    qtbot, outsider: str, workspace_for: Callable[[str], Workspace], demo_database: Database,
    settle,
) -> None:  # fmt: skip
    insider = accounts.authenticate(demo_database, "investigator", PASSWORDS["investigator"])
    madys = list_cases(demo_database, insider, CaseQuery(agency_code="MADYS", limit=1000))
    modnr = list_cases(demo_database, insider, CaseQuery(agency_code="MODNR", limit=1000))
    assert madys.total > 0 and modnr.total > 0
    target = madys.rows[0]
    # Otto sees MO DNR's cases but the restricted one that does not list him.
    seen = [r for r in modnr.rows if not cases.get_case(demo_database, insider, r.id).restricted]
    assert 0 < len(seen) < modnr.total

    view = CaseListView(workspace_for(outsider))
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    wait_loaded(qtbot, view)
    numbers = {view.model.index(r, 0).data() for r in range(view.model.rowCount())}
    assert view.model.rowCount() == len(seen)
    assert all(n.startswith("MODNR-") for n in numbers) and target.number not in numbers
    assert view.filter_bar.count_label.text() == f"{len(seen)} cases"
    combo = view.filter_bar.status
    assert combo.itemText(0) == f"All statuses ({len(seen)})"
    qtbot.keyClicks(view.filter_bar.search, target.number)
    wait_loaded(qtbot, view)
    assert shown_ids(view) == [] and view.filter_bar.count_label.text() == "0 cases"
    view.filter_bar.search.clear()
    qtbot.keyClicks(view.filter_bar.search, target.title.split()[0])
    wait_loaded(qtbot, view)
    assert target.id not in shown_ids(view)
    settle(view.workspace)


def test_the_users_view_shows_and_edits_a_user_s_agencies(
    qtbot, outsider: str, workspace_for: Callable[[str], Workspace], settle
) -> None:
    page = UsersPage(workspace_for("admin"))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    settle(page.workspace)
    row = page.model.row_of(outsider)
    assert page.model.index(row, UsersModel.AGENCIES).data() == "MODNR"
    assert page.model.index(page.model.row_of("admin"), UsersModel.AGENCIES).data() == "None"
    assert page.select_user(outsider)
    dialog = page.edit_agencies()
    assert isinstance(dialog, AgenciesDialog)
    qtbot.waitUntil(lambda: bool(dialog.agencies.boxes))
    assert dialog.agencies.boxes["MODNR"].isChecked()
    assert not dialog.agencies.boxes["MADYS"].isChecked()
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.ok_button.isEnabled())
    box = dialog.agencies.boxes["MADYS"]
    # On the box itself (its left end), wherever the row's layout stretched the widget.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.agencies.boxes["MADYS"].isChecked()
    with qtbot.waitSignal(page.workspace.users_changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(page.workspace)
    row = page.model.row_of(outsider)
    assert page.model.index(row, UsersModel.AGENCIES).data() == "MADYS, MODNR"


def test_access_dialog_restricts_a_case_to_the_users_ticked(
    qtbot, workspace_for: Callable[[str], Workspace], demo_database: Database, open_view, settle
) -> None:
    workspace = workspace_for("investigator")
    mine = list_cases(demo_database, workspace.actor, CaseQuery(investigator="investigator"))
    case_id = next(
        r.id
        for r in mine.rows
        if not cases.get_case(demo_database, workspace.actor, r.id).restricted
    )
    view = open_view(workspace, case_id)
    assert view.access_button is not None and view.access_button.isVisible()
    qtbot.mouseClick(view.access_button, Qt.MouseButton.LeftButton)
    dialog = view.access_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert not dialog.restricted.isChecked() and not dialog.users.isEnabled()
    offered = [dialog.users.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(dialog.users.count())]  # fmt: skip
    assert {"hr", "supervisor", "investigator2"} <= set(offered)
    assert "admin" not in offered  # no case role
    dialog.restricted.setChecked(True)
    dialog.users.item(offered.index("hr")).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(workspace)
    stored = access.access_list(demo_database, workspace.actor, case_id)
    assert stored.restricted and stored.usernames == ("hr", "investigator")
    qtbot.waitUntil(lambda: view.status_label.text().endswith("Restricted"))
    other = accounts.authenticate(demo_database, "investigator2", PASSWORDS["investigator2"])
    assert case_id not in {r.id for r in list_cases(demo_database, other, CaseQuery()).rows}
