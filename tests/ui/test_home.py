"""The Home view in the main window, on a copy of the demo database.

Home is the view shown after sign-in; a row opens its case; the navigator's
badges follow a change recorded elsewhere on the next poll; pins and saved
searches go round through the database and back into the case list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text

from app.domain.cases import CaseStatus
from app.services import credential_requests as cr
from app.services import home
from app.services.case_queries import CaseQuery
from app.ui.home.models import CASE, CREDENTIAL_REQUEST, HomeRowsModel, Target
from app.ui.home.page import HomePage
from app.ui.main_window import MainWindow
from app.ui.workspace import Workspace


@pytest.fixture
def window_for(
    qtbot, workspace_for: Callable[[str], Workspace], settle: Callable[[Workspace], None]
) -> Iterator[Callable[[str], MainWindow]]:
    made: list[MainWindow] = []

    def make(username: str) -> MainWindow:
        workspace = workspace_for(username)
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.show()
        settle(workspace)
        made.append(window)
        return window

    yield make
    for window in made:
        window.workspace.tasks.wait_for_done()


def _home(window: MainWindow) -> HomePage:
    page = window.pages["home"]
    assert isinstance(page, HomePage)
    return page


def _targets(model: HomeRowsModel) -> list[Target]:
    return [model.index(r, 0).data(HomeRowsModel.TargetRole) for r in range(model.rowCount())]


def test_home_is_shown_after_sign_in_and_a_row_opens_its_case(
    window_for, qtbot, qtmodeltester, settle
) -> None:
    window = window_for("investigator")
    page = _home(window)
    assert window.current_page() is page and window.navigator.currentRow() == 0
    assert page.view is not None
    qtmodeltester.check(page.needs_model)
    # The rows are the database's: every open case assigned to the investigator.
    with window.workspace.database.engine.connect() as connection:
        assigned = connection.execute(
            text("SELECT count(*) FROM cases WHERE investigator_id = :me AND status <> 'closed'"),
            {"me": window.workspace.actor.user_id},
        ).scalar_one()
    assert assigned > 0 and page.view.assigned.total == assigned
    assert window.navigator.item(0).text() == f"Home ({page.view.waiting})"
    target = next(t for t in _targets(page.needs_model) if t.kind == CASE)
    proxy = page.needs_table.model()
    row = next(
        r for r in range(proxy.rowCount())
        if proxy.index(r, 0).data(HomeRowsModel.TargetRole) == target
    )  # fmt: skip
    page.needs_table.activated.emit(proxy.index(row, 0))
    cases_page = window.pages["cases"]
    assert window.current_page() is cases_page
    view = cases_page.current_case()  # type: ignore[attr-defined]
    assert view is not None and view.case_id == target.id
    # Opening it put it first among the recently opened cases, for this user in the database.
    qtbot.waitUntil(lambda: _targets(page.recent_model)[:1] == [target])
    settle(window.workspace)


def test_badges_follow_a_change_made_elsewhere_after_a_poll(
    window_for, qtbot, workspace_for, settle
) -> None:
    window = window_for("supervisor")
    page = _home(window)
    before = page.view.approvals.total  # type: ignore[union-attr]
    entry = window.navigator.item([s.key for s in window._specs].index("credential_requests"))
    # Another workstation: an investigator asks for credentials through the service.
    other = workspace_for("investigator")
    database, investigator = other.database, other.actor
    existing = cr.list_requests(database, window.workspace.actor)[0]
    assert existing.case_id is not None
    made = cr.new_request(
        database, investigator,
        cr.CredentialRequestFields(
            case_id=existing.case_id, employee_id=existing.employee_id, platform="Facebook",
            account_name="someone.else.entirely", office="privacy_office",
            violation_kind="agency_policy", violation_provision="AR-DHS II(A)",
            justification="A client's photograph was posted from this account.",
        ),
    )  # fmt: skip
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.poll()  # the timer's tick, triggered directly
    with database.engine.connect() as connection:
        pending = connection.execute(
            text("SELECT count(*) FROM credential_requests WHERE status = 'pending' "
                 "AND requested_by_id <> :me"), {"me": window.workspace.actor.user_id},
        ).scalar_one()  # fmt: skip
    assert page.view.approvals.total == pending == before + 1  # type: ignore[union-attr]
    assert entry.text() == f"Credential requests ({pending})"
    # Its row opens the request itself, selected in the Credential requests view.
    page.open_target(Target(CREDENTIAL_REQUEST, made.id))
    requests = window.pages["credential_requests"]
    assert window.current_page() is requests
    qtbot.waitUntil(lambda: getattr(requests.selected(), "id", None) == made.id)
    assert Target(CREDENTIAL_REQUEST, made.id) in _targets(page.needs_model)
    window.show_page("home")
    # Listing credential requests is itself audited: the next poll loads once more.
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.poll()
    settle(window.workspace)
    # Nothing recorded since: a poll reads only the head and loads nothing.
    loads: list[object] = []
    page.loaded.connect(lambda: loads.append(1))
    page.poll()
    settle(window.workspace)
    assert loads == []


def test_pins_and_saved_searches_go_round_through_the_database(
    window_for, qtbot, qtmodeltester, settle
) -> None:
    window = window_for("investigator")
    page = _home(window)
    case_id = page.view.assigned.rows[0].case_id  # type: ignore[union-attr]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.pin(case_id, True)
    assert _targets(page.pinned_model) == [Target(CASE, case_id)]
    assert [line.case_id for line in home.load_home(
        window.workspace.database, window.workspace.actor).pinned] == [case_id]  # fmt: skip

    cases_page = window.show_page("cases")
    bar = cases_page.case_list.filter_bar  # type: ignore[attr-defined]
    wanted = CaseQuery(
        statuses=frozenset({CaseStatus.INVESTIGATING}), agency_code="MADYS",
        reported_from=dt.date(2025, 1, 1), reported_to=dt.date(2026, 6, 30),
    )  # fmt: skip
    bar.apply(wanted)
    assert bar.query() == wanted
    bar.on_save_clicked()
    dialog = bar.save_dialog
    dialog.setTextValue("My open MA DYS cases")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.accept()
    qtmodeltester.check(page.searches_model)
    assert page.searches_model.index(0, 0).data() == "My open MA DYS cases"

    bar.on_reset_clicked()
    assert bar.query() == CaseQuery()
    window.show_page("home")
    page.searches_list.activated.emit(page.searches_model.index(0, 0))
    assert window.current_page() is cases_page and bar.query() == wanted
    settle(window.workspace)
