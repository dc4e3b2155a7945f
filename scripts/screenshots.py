"""Drive the real application on the demo database and save PNGs of its windows.

Run by ``make screenshots`` under Xvfb; writes docs/screenshots/*.png.
Usage: python scripts/screenshots.py DATABASE_URL OUTPUT_FOLDER
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.services.demo import DEMO_USERS
from app.ui.app import APPLICATION, ORGANIZATION, Application

PASSWORDS = {u.username: u.password for u in DEMO_USERS}


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
    tour.step(800, lambda: window().resize(1440, 900))
    tour.step(800, lambda: tour.save(window(), "case-list"))
    tour.step(0, open_first_case)
    tour.step(800, lambda: tour.save(window(), "case-overview"))
    tour.step(0, show_tab(1))
    tour.step(500, lambda: tour.save(window(), "case-allegations"))
    tour.step(0, show_tab(2))
    tour.step(500, lambda: tour.save(window(), "case-timeline"))
    tour.step(0, lambda: window().show_page("catalog"))  # type: ignore[attr-defined]
    tour.step(800, lambda: tour.save(window(), "policy-catalog"))
    tour.start()
    return qt_app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
