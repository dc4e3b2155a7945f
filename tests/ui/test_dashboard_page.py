"""The Dashboard page: its charts show the hand-built figures; CSV and PNG exports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QLineSeries
from PySide6.QtCore import QDate
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from app.config import sqlite_url
from app.domain.actor import Actor
from app.domain.permissions import Role
from app.services import accounts, setup
from app.services.database import Database
from app.ui.dashboard.page import DashboardPage
from app.ui.dashboard.panel import ChartPanel
from app.ui.errors import ErrorReporter
from app.ui.tasks import BackgroundTasks
from app.ui.workspace import Workspace
from tests.ui.conftest import dispose
from tests.unit.dashboard_fixture import EXPECTED, PERIOD, POLICY_1, build

PASSWORD = "quartz lantern meadow"


@pytest.fixture(scope="module")
def actors(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Database, dict[str, Actor]]]:
    """The hand-built database, made once for this module's tests (which only read it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64))
        database = Database.open(sqlite_url(tmp_path_factory.mktemp("dash") / "db.sqlite3"),
                                 create=True)  # fmt: skip
        yield from _built(database)


def _built(database: Database) -> Iterator[tuple[Database, dict[str, Actor]]]:
    admin = setup.initialize(
        database, admin_username="admin", admin_full_name="Ada Admin", admin_password=PASSWORD
    ).administrator
    assert admin is not None
    users = {"admin": admin}
    for name, role in (("ivan", Role.INVESTIGATOR), ("sam", Role.SUPERVISOR), ("hana", Role.HR)):
        info = accounts.add_user(database, admin, username=name, full_name=name.title(),
                                 password=PASSWORD, roles=frozenset({role}),
                                 agency_codes=("MODNR", "MADYS"))  # fmt: skip
        users[name] = Actor(info.id, info.username, info.full_name, frozenset(info.roles))
    build(database, admin=admin, investigator=users["ivan"], supervisor=users["sam"],
          hr=users["hana"])  # fmt: skip
    yield database, users
    database.close()


def _page(qtbot, database: Database, actor: Actor) -> tuple[DashboardPage, Workspace]:
    workspace = Workspace(database, actor, BackgroundTasks(), ErrorReporter())
    page = DashboardPage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    assert PERIOD.date_from and PERIOD.date_to
    page.date_from.setDate(QDate(PERIOD.date_from))
    page.date_to.setDate(QDate(PERIOD.date_to))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    return page, workspace


def _drawn(panel: ChartPanel) -> dict[tuple[str, str], float]:
    """What the QChart shows, read back from its series: (category, series) -> value."""
    shown: dict[tuple[str, str], float] = {}
    for series in panel.view.chart().series():
        [axis] = [a for a in series.attachedAxes() if isinstance(a, QBarCategoryAxis)]
        categories = axis.categories()
        if isinstance(series, QAbstractBarSeries):
            for bar_set in series.barSets():
                for index, category in enumerate(categories):
                    shown[(category, bar_set.label())] = bar_set.at(index)
        else:
            assert isinstance(series, QLineSeries)
            for point in series.points():
                shown[(categories[int(point.x())], series.name())] = point.y()
    return {key: value for key, value in shown.items() if value}


def _expected(key: str) -> dict[tuple[str, str], float]:
    return {(c, s): float(v) for c, s, v in EXPECTED[key] if v}


def test_the_charts_show_the_figures_and_export_them(
    qtbot, actors: tuple[Database, dict[str, Actor]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    database, users = actors
    page, workspace = _page(qtbot, database, users["sam"])
    try:
        for key, panel in page.panels.items():
            assert _drawn(panel) == _expected(key), key
        panel = page.panels["median_days"]
        chosen = tmp_path / "out" / "medians"
        chosen.parent.mkdir()
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *args, **kwargs: (str(chosen), ""))  # fmt: skip
        with qtbot.waitSignal(panel.saved):
            panel.export_csv.click()
        assert chosen.with_suffix(".csv").read_text(encoding="utf-8").splitlines() == [
            "agency,interval,median days",
            "MODNR,Report to findings,10.0",
            "MODNR,Findings to decision,5.0",
        ]
        with qtbot.waitSignal(panel.saved):
            panel.save_png.click()
        image = QImage(str(chosen.with_suffix(".png")))
        assert not image.isNull() and image.width() > 200 and image.height() > 200
    finally:
        page.close()
        dispose(workspace)


def test_hr_sees_no_investigation_authorization(
    qtbot, actors: tuple[Database, dict[str, Actor]]
) -> None:
    database, users = actors
    page, workspace = _page(qtbot, database, users["hana"])
    try:
        assert _drawn(page.panels["authorizations"]) == {("MADYS", "Supervision (B.2)"): 1.0}
        assert _drawn(page.panels["open_cases"]) == _expected("open_cases")
    finally:
        page.close()
        dispose(workspace)


def test_the_comparable_decisions_under_a_provision_show_and_export(
    qtbot, actors: tuple[Database, dict[str, Actor]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    database, users = actors
    page, workspace = _page(qtbot, database, users["hana"])
    panel = page.comparables
    try:
        qtbot.waitUntil(lambda: panel.agency.count() > 1, timeout=10_000)
        panel.agency.setCurrentIndex(panel.agency.findData("MODNR"))
        qtbot.waitUntil(lambda: panel.provision.findData(POLICY_1) >= 0, timeout=10_000)
        panel.provision.setCurrentIndex(panel.provision.findData(POLICY_1))
        with qtbot.waitSignal(panel.loaded, timeout=10_000):
            panel.show_button.click()
        shown = [
            tuple(panel.table.item(r, c).text() for c in range(panel.table.columnCount()))
            for r in range(panel.table.rowCount())
        ]
        # C1 and C2 (the fixture's table): written reprimands, no earlier discipline.
        assert [(s[0], s[2], s[3], s[4]) for s in shown] == [
            ("2026-01-19", "Morgan Ozark", "Written reprimand", "none"),
            ("2026-02-15", "Riley Ranger", "Written reprimand", "none"),
        ]
        assert all(s[1].startswith("MODNR-2026-") for s in shown)
        chosen = tmp_path / "decisions"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *args, **kwargs: (str(chosen), ""))  # fmt: skip
        with qtbot.waitSignal(panel.saved):
            panel.export_csv.click()
        assert chosen.with_suffix(".csv").read_text(encoding="utf-8").splitlines() == [
            "decided,case,employee,action,prior discipline",
            *(",".join(s) for s in shown),
        ]
        # A provision nothing rests on: an empty table, and nothing to export.
        other = next(i for i in range(panel.provision.count())
                     if panel.provision.itemData(i) != POLICY_1)  # fmt: skip
        panel.provision.setCurrentIndex(other)
        with qtbot.waitSignal(panel.loaded, timeout=10_000):
            panel.show_button.click()
        assert panel.table.rowCount() == 0 and not panel.export_csv.isEnabled()
        assert "No decision of MODNR rests on" in panel.note.text()
    finally:
        page.close()
        dispose(workspace)
