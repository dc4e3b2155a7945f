"""Drive the real application on the demo database and save PNGs of its windows.

Run by ``make screenshots`` under Xvfb; writes docs/screenshots/*.png.
Usage: python scripts/screenshots.py DATABASE_URL OUTPUT_FOLDER
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.services.demo import DEMO_USERS
from app.ui.app import APPLICATION, ORGANIZATION, Application

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

PASSWORDS = {u.username: u.password for u in DEMO_USERS}
_DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _signed_in(app: Application, username: str) -> MainWindow:
    """Another main window at 1366x768, signed in as the demo user ``username``."""
    from app.services import accounts
    from app.ui.main_window import MainWindow
    from app.ui.workspace import Workspace

    assert app.window is not None
    base = app.window.workspace
    actor = accounts.authenticate(base.database, username, PASSWORDS[username])
    window = MainWindow(Workspace(base.database, actor, app.tasks, base.errors))
    window.resize(1366, 768)
    window.show()
    return window


def _sample_posts(folder: Path) -> list[Path]:
    """Screenshot-like pictures of social-media posts for the evidence shots."""
    posts = [
        ("Jordan Doe", "@jordan.doe", "#3b5998",
         ["Long shift at the facility again. One of the kids on my unit,",
          "Tyler M. (15), tried to run during rec. Unbelievable.",
          "Posting from the office PC because my phone died lol"]),
        ("Jordan Doe", "@jordan.doe", "#c13584",
         ["Throwback to the staff party! Don't tell the supervisor",
          "we were on the clock. #agencylife"]),
    ]  # fmt: skip
    paths = []
    for number, (name, handle, colour, lines) in enumerate(posts, start=1):
        image = QImage(1280, 860, QImage.Format.Format_RGB32)
        image.fill(QColor("#f0f2f5"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(0, 0, 1280, 56, QColor(colour))
        painter.setPen(QColor("white"))
        painter.setFont(QFont("DejaVu Sans", 20, QFont.Weight.Bold))
        painter.drawText(24, 38, "social")
        painter.setBrush(QColor("white"))
        painter.setPen(QColor("#dddfe2"))
        painter.drawRoundedRect(QRectF(240, 90, 800, 720), 12, 12)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QPointF(300, 150), 34, 34)
        painter.setPen(QColor("#050505"))
        painter.setFont(QFont("DejaVu Sans", 16, QFont.Weight.Bold))
        painter.drawText(350, 145, name)
        painter.setPen(QColor("#65676b"))
        painter.setFont(QFont("DejaVu Sans", 12))
        painter.drawText(350, 172, f"{handle} · 2 March · Public")
        painter.setPen(QColor("#050505"))
        painter.setFont(QFont("DejaVu Sans", 15))
        for row, line in enumerate(lines):
            painter.drawText(270, 230 + row * 32, line)
        painter.fillRect(QRectF(270, 340, 740, 380), QColor(colour).lighter(160))
        painter.setPen(QColor("#65676b"))
        painter.setFont(QFont("DejaVu Sans", 12))
        painter.drawText(270, 770, "37 likes    12 comments    4 shares")
        painter.end()
        path = folder / f"post-{number}.png"
        image.save(str(path))
        paths.append(path)
    return paths


class Tour:
    """A scripted walk through the windows, one step per event-loop turn."""

    def __init__(self, app: Application, out: Path) -> None:
        self.app = app
        self.out = out
        self.steps: list[tuple[int, Callable[[], None]]] = []

    def step(self, delay_ms: int, action: Callable[[], None]) -> None:
        self.steps.append((delay_ms, action))

    def start(self) -> None:
        self._next()

    def _next(self) -> None:
        if not self.steps:
            QCoreApplication.quit()
            return
        delay, action = self.steps.pop(0)

        def run() -> None:
            if self.app.tasks.busy:  # wait until the data has arrived
                QTimer.singleShot(100, run)
                return
            try:
                action()
            except Exception:  # a broken step must end the run, not hang it
                traceback.print_exc()
                QCoreApplication.exit(1)
                return
            self._next()

        QTimer.singleShot(delay, run)

    def save(self, widget: QWidget, name: str) -> None:
        widget.grab().save(str(self.out / f"{name}.png"))
        print(f"wrote {self.out / name}.png")


def _authorization_steps(tour: Tour, app: Application) -> None:
    """The Authorizations and Credential requests views, their forms, and a case's tab.

    A supervisor logs and decides; the steps open a second main window signed
    in as the demo supervisor, on the same database and background tasks.
    """
    from app.services.authorizations import list_authorizations
    from app.ui.main_window import MainWindow

    held: dict[str, object] = {}

    def supervisor_window() -> None:
        window = _signed_in(app, "supervisor")
        window.show_page("authorizations")
        held["window"] = window

    def sam() -> MainWindow:
        window = held["window"]
        assert isinstance(window, MainWindow)
        return window

    def select_overdue() -> None:
        page = sam().pages["authorizations"]
        overdue = page.model.OverdueRole  # type: ignore[attr-defined]
        for row in range(page.proxy.rowCount()):  # type: ignore[attr-defined]
            if page.proxy.index(row, 0).data(overdue):  # type: ignore[attr-defined]
                page.table.selectRow(row)  # type: ignore[attr-defined]
                return

    def refused_authorization() -> None:
        # The account of an existing authorization, for another employee (B.2.e),
        # with privacy settings off on a site that shows viewers (B.2.d).
        page = sam().pages["authorizations"]
        taken = page.model.record_at(0)  # type: ignore[attr-defined]
        dialog = page.add_authorization()  # type: ignore[attr-defined]
        held["dialog"] = dialog

        def fill() -> None:
            other = next(i for i in range(dialog.employee.count())
                         if dialog.employee.itemData(i) != taken.employee_id)  # fmt: skip
            dialog.employee.setCurrentIndex(other)
            dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(taken.supervisor_id))
            dialog.platform.setEditText(taken.platform)
            dialog.account.setText(taken.account_name)
            dialog.youth_case.setText("JJEMS BOS-2026-0311")
            dialog.true_identity.setChecked(True)
            dialog.shows_viewers.setChecked(True)
            dialog.ok_button.click()

        dialog.choices_loaded.connect(fill)

    def close_dialog() -> None:
        from PySide6.QtWidgets import QMessageBox

        dialog = held.pop("dialog")
        dialog.reject()  # type: ignore[attr-defined]
        box = dialog.discard_guard.box  # type: ignore[attr-defined]
        if box is not None:  # what was typed for the picture: Cancel asks first, and it goes
            box.button(QMessageBox.StandardButton.Discard).click()

    def review() -> None:
        held["dialog"] = sam().pages["authorizations"].record_review()  # type: ignore[attr-defined]
        held["dialog"].notes.setPlainText(  # type: ignore[attr-defined]
            "Reviewed the profile's activity log; view-only use continues."
        )

    def requests_page() -> None:
        page = sam().show_page("credential_requests")
        page.table.selectRow(1)  # type: ignore[attr-defined]

    def refused_request() -> None:
        page = sam().pages["credential_requests"]
        dialog = page.new_request()  # type: ignore[attr-defined]
        held["dialog"] = dialog

        def fill() -> None:
            dialog.agency.setCurrentIndex(dialog.agency.findData("ARDHS"))
            intake = next(i for i in range(dialog.case.count())
                          if "· Intake ·" in dialog.case.itemText(i))  # fmt: skip
            dialog.case.setCurrentIndex(intake)
            dialog.employee.setCurrentIndex(0)
            dialog.platform.setEditText("Facebook")
            dialog.account.setText("b.lockett.personal")
            dialog.violation_kind.setCurrentIndex(dialog.violation_kind.findData("agency_policy"))
            dialog.ok_button.click()

        dialog.choices_loaded.connect(fill)

    def case_tab() -> None:
        window = sam()
        workspace = window.workspace
        overdue = list_authorizations(workspace.database, workspace.actor, overdue_only=True)
        case_id = next(a.case_id for a in overdue if a.case_id is not None)
        window.show_page("cases")
        view = window.pages["cases"].open_case(case_id)  # type: ignore[attr-defined]
        held["view"] = view

    def show_case_tab() -> None:
        view = held["view"]
        view.tabs.setCurrentWidget(view.authorizations)  # type: ignore[attr-defined]
        view.authorizations.authorization_table.selectRow(0)  # type: ignore[attr-defined]

    def close_window() -> None:
        sam().close()

    tour.step(0, supervisor_window)
    tour.step(800, select_overdue)
    tour.step(300, lambda: tour.save(sam(), "authorizations"))
    tour.step(0, refused_authorization)
    tour.step(1000, lambda: tour.save(held["dialog"], "authorization-refused"))  # type: ignore[arg-type]
    tour.step(0, close_dialog)
    tour.step(0, select_overdue)
    tour.step(0, review)
    tour.step(400, lambda: tour.save(held["dialog"], "authorization-review"))  # type: ignore[arg-type]
    tour.step(0, close_dialog)
    tour.step(0, requests_page)
    tour.step(800, lambda: tour.save(sam(), "credential-requests"))
    tour.step(0, refused_request)
    tour.step(1000, lambda: tour.save(held["dialog"], "credential-request-refused"))  # type: ignore[arg-type]
    tour.step(0, close_dialog)
    tour.step(0, case_tab)
    tour.step(1000, show_case_tab)
    tour.step(500, lambda: tour.save(sam(), "case-authorizations"))
    tour.step(0, close_window)


def _discard_when_asked() -> None:
    """Answer Discard to the question about work not recorded, once it shows."""
    from PySide6.QtWidgets import QMessageBox

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "unrecordedWorkDialog" and widget.isVisible():
                assert isinstance(widget, QMessageBox)
                widget.button(QMessageBox.StandardButton.Discard).click()
                return
        QTimer.singleShot(50, answer)

    QTimer.singleShot(0, answer)


def _discipline_steps(tour: Tour, app: Application) -> None:
    """HR's Discipline tab on a Missouri case in discipline review: the pre-action notice page.

    Like the supervisor's steps, a second main window signed in as the demo HR user.
    """
    from app.domain.cases import CaseStatus
    from app.services.case_queries import CaseQuery, list_cases

    held: dict[str, object] = {}

    def hr_window() -> None:
        window = _signed_in(app, "hr")
        base, actor = window.workspace, window.workspace.actor
        in_review = CaseQuery(statuses=frozenset({CaseStatus.DISCIPLINE_REVIEW}))
        page = list_cases(base.database, actor, in_review)
        case_id = next(r.id for r in page.rows if r.number.startswith("MODNR"))
        window.show_page("cases")
        held["window"] = window
        held["view"] = window.pages["cases"].open_case(case_id)  # type: ignore[attr-defined]

    def fill_notice() -> None:
        view = held["view"]
        view.tabs.setCurrentWidget(view.discipline)  # type: ignore[attr-defined]
        tab = view.discipline  # type: ignore[attr-defined]
        tab.pages.setCurrentWidget(tab.pages.widget(0))
        form = tab.notice_form
        form.action.setCurrentIndex(form.action.findData("suspension"))
        form.days.setValue(3)
        form.delivered_by.setText("Pat Supervisor")
        form.pending.setText("On duty in her current post pending the decision.")

    def close_window() -> None:
        # The notice filled in for the picture is not recorded: closing asks, and it goes.
        _discard_when_asked()
        held["window"].close()  # type: ignore[attr-defined]

    tour.step(0, hr_window)
    tour.step(1500, fill_notice)
    tour.step(1000, lambda: tour.save(held["window"], "discipline-notice"))  # type: ignore[arg-type]
    tour.step(0, close_window)


def _home_steps(tour: Tour, window: Callable[[], QWidget]) -> None:
    """Home, the first view after sign-in, once the investigator has opened a case,
    pinned one and saved a search of the case list."""
    from app.services.case_queries import CaseQuery
    from app.ui.case_list.filter_bar import OPEN_STATUSES

    def save_search() -> None:
        bar = window().pages["cases"].case_list.filter_bar  # type: ignore[attr-defined]
        bar.apply(CaseQuery(statuses=OPEN_STATUSES, agency_code="MADYS",
                            investigator="investigator"))  # fmt: skip
        bar.save_search("My open MA DYS cases")

    def pin() -> None:
        home = window().pages["home"]  # type: ignore[attr-defined]
        home.pin(home.view.assigned.rows[-1].case_id, True)

    tour.step(0, save_search)
    tour.step(500, pin)
    tour.step(500, lambda: window().show_page("home"))  # type: ignore[attr-defined]
    tour.step(800, lambda: tour.save(window(), "home"))
    tour.step(0, lambda: window().pages["cases"].case_list.filter_bar.on_reset_clicked())  # type: ignore[attr-defined]


def _admin_steps(tour: Tour, app: Application) -> None:
    """The administrator's Audit log (after Verify chain) and Settings, and the user guide.

    A third main window, signed in as the demo administrator.
    """

    held: dict[str, object] = {}

    def admin_window() -> None:
        window = _signed_in(app, "admin")
        held["window"] = window
        held["audit"] = window.show_page("audit_log")

    def verify() -> None:
        held["audit"].verify_chain()  # type: ignore[attr-defined]

    def select_event() -> None:
        page = held["audit"]
        events = page.model.events  # type: ignore[attr-defined]
        # An event about a case shows its details withheld; choose one of the others.
        row = next((i for i, e in enumerate(events) if e.details and i > 0), 0)
        page.table.selectRow(row)  # type: ignore[attr-defined]

    def settings() -> None:
        page = held["window"].show_page("settings")  # type: ignore[attr-defined]
        held["settings"] = page

    def mistype() -> None:
        page = held["settings"]
        page.business.inputs["security.idle_lock_minutes"].setText("0")  # type: ignore[attr-defined]
        page.business.save_button.click()  # type: ignore[attr-defined]

    def guide() -> None:
        held["guide"] = held["window"].show_guide("cases")  # type: ignore[attr-defined]
        held["guide"].resize(1000, 720)  # type: ignore[attr-defined]
        held["guide"].show_page_help("cases")  # type: ignore[attr-defined]

    def close_window() -> None:
        held["guide"].close()  # type: ignore[attr-defined]
        # The value out of range typed for the picture is not saved: closing asks, and it goes.
        _discard_when_asked()
        held["window"].close()  # type: ignore[attr-defined]

    tour.step(0, admin_window)
    tour.step(1500, verify)
    tour.step(1500, select_event)
    tour.step(500, lambda: tour.save(held["window"], "audit-log"))  # type: ignore[arg-type]
    tour.step(0, settings)
    tour.step(1000, mistype)
    tour.step(800, lambda: tour.save(held["window"], "settings"))  # type: ignore[arg-type]
    tour.step(0, guide)
    tour.step(1000, lambda: tour.save(held["guide"], "user-guide"))  # type: ignore[arg-type]
    tour.step(0, close_window)


def _dashboard_steps(tour: Tour, app: Application) -> None:
    """The supervisor's Dashboard over the demo's two years, at 1366×768."""
    from PySide6.QtCore import QDate

    held: dict[str, object] = {}

    def supervisor_window() -> None:
        window = _signed_in(app, "supervisor")
        window.show_page("dashboard")
        held["window"] = window

    def whole_demo() -> None:
        page = held["window"].pages["dashboard"]  # type: ignore[attr-defined]
        page.date_from.setDate(QDate(2025, 1, 1))
        page.apply.click()

    tour.step(0, supervisor_window)
    tour.step(1000, whole_demo)
    tour.step(1500, lambda: tour.save(held["window"], "dashboard"))  # type: ignore[arg-type]
    tour.step(0, lambda: held["window"].close())  # type: ignore[attr-defined]


def _refresh_guide_pictures(out: Path) -> None:
    """The guide's pictures (resources/help/images) are copies of these screenshots."""
    images = Path(__file__).resolve().parent.parent / "resources" / "help" / "images"
    for picture in images.glob("*.png"):
        fresh = out / picture.name
        if fresh.exists():
            shutil.copyfile(fresh, picture)


def main(url: str, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName(ORGANIZATION + "Screenshots")
    QCoreApplication.setApplicationName(APPLICATION)
    qt_app = QApplication(sys.argv[:1])
    app = Application(qt_app, url, "investigator")
    tour = Tour(app, out)

    def sign_in(username: str) -> Callable[[], None]:
        def act() -> None:
            app.login.password.setText(PASSWORDS[username])
            app.login.sign_in_button.click()

        return act

    def window() -> QWidget:
        assert app.window is not None
        return app.window

    def open_first_case() -> None:
        # As a user does: select the first row and press Enter.
        table = app.window.pages["cases"].case_list.table  # type: ignore[union-attr]
        table.setFocus()
        table.selectRow(0)
        QTest.keyClick(table, Qt.Key.Key_Return)

    def show_tab(index: int) -> Callable[[], None]:
        def act() -> None:
            page = app.window.pages["cases"]  # type: ignore[union-attr]
            view = page.tabs.currentWidget()
            view.tabs.setCurrentIndex(index)

        return act

    tour.step(300, lambda: tour.save(app.login, "login"))
    tour.step(0, sign_in("investigator"))
    tour.step(800, lambda: window().resize(1366, 768))
    tour.step(0, lambda: window().show_page("cases"))  # type: ignore[attr-defined]
    tour.step(800, lambda: tour.save(window(), "case-list"))
    tour.step(0, open_first_case)
    tour.step(800, lambda: tour.save(window(), "case-overview"))
    tour.step(0, show_tab(1))
    tour.step(500, lambda: tour.save(window(), "case-allegations"))
    tour.step(0, show_tab(2))
    tour.step(500, lambda: tour.save(window(), "case-timeline"))
    samples = Path(tempfile.mkdtemp(prefix="casedesk-shots-"))
    evidence: dict[str, object] = {}

    def case_view():  # type: ignore[no-untyped-def]
        return app.window.pages["cases"].tabs.currentWidget()  # type: ignore[union-attr]

    def add_evidence() -> None:
        tab = case_view().evidence
        case_view().tabs.setCurrentWidget(tab)
        evidence["tab"] = tab
        files = [*_sample_posts(samples), _DATA / "html-named.png"]
        tab.start_intake(files)
        dialog = tab.intake_dialog
        dialog.source_url.setText("https://social.example.com/jordan.doe/posts/8812")
        dialog.platform.setCurrentText("Facebook")
        dialog.account_shown.setText("Jordan Doe (@jordan.doe)")
        dialog.time_known.setChecked(True)
        dialog.captured_by.setText("Sam Supervisor")
        dialog.description.setPlainText("Posts about a youth on the unit, made on duty.")
        dialog.obtained.setCurrentIndex(dialog.obtained.findData("public"))

    def import_evidence() -> None:
        tab = evidence["tab"]
        tab.intake_dialog.import_button.click()  # type: ignore[attr-defined]

    def close_summary() -> None:
        tab = evidence["tab"]
        tour.save(tab.summary_dialog, "evidence-import-summary")  # type: ignore[attr-defined]
        tab.summary_dialog.close()  # type: ignore[attr-defined]

    def open_viewer() -> None:
        tab = evidence["tab"]
        names = [i.original_filename for i in tab.model.items]  # type: ignore[attr-defined]
        tab.table.selectRow(names.index("post-1.png"))  # type: ignore[attr-defined]
        evidence["viewer"] = tab.open_viewer()  # type: ignore[attr-defined]

    def draw_redaction() -> None:
        viewer = evidence["viewer"]
        viewer.resize(1400, 860)  # type: ignore[attr-defined]
        view = viewer.image  # type: ignore[attr-defined]
        view.fit()
        viewer.draw_button.setChecked(True)  # type: ignore[attr-defined]
        start, end = view.mapFromScene(QPointF(266, 234)), view.mapFromScene(QPointF(520, 266))
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        QTest.mouseMove(view.viewport(), end)
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)

    def save_redaction() -> None:
        viewer = evidence["viewer"]
        viewer.save_button.click()  # type: ignore[attr-defined]

    def show_redacted() -> None:
        viewer = evidence["viewer"]
        viewer.draw_button.setChecked(False)  # type: ignore[attr-defined]
        viewer.show_redacted.setChecked(True)  # type: ignore[attr-defined]

    def close_viewer() -> None:
        evidence["viewer"].close()  # type: ignore[attr-defined]

    tour.step(0, add_evidence)
    tour.step(500, lambda: tour.save(evidence["tab"].intake_dialog, "evidence-intake"))  # type: ignore[attr-defined]
    tour.step(0, import_evidence)
    tour.step(800, close_summary)
    tour.step(0, open_viewer)
    tour.step(800, draw_redaction)
    tour.step(300, lambda: tour.save(evidence["viewer"], "evidence-viewer"))  # type: ignore[arg-type]
    tour.step(0, save_redaction)
    tour.step(300, show_redacted)
    tour.step(800, lambda: tour.save(evidence["viewer"], "evidence-redacted"))  # type: ignore[arg-type]
    tour.step(0, close_viewer)
    tour.step(800, lambda: tour.save(window(), "evidence-tab"))
    _home_steps(tour, window)
    tour.step(0, lambda: window().show_page("catalog"))  # type: ignore[attr-defined]
    tour.step(800, lambda: tour.save(window(), "policy-catalog"))
    _authorization_steps(tour, app)
    _discipline_steps(tour, app)
    _admin_steps(tour, app)
    _dashboard_steps(tour, app)
    tour.start()
    status = qt_app.exec()
    if status == 0:
        _refresh_guide_pictures(out)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
