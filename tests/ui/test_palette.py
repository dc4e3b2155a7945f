"""Colours from the palette: errors look alike everywhere and every text stays readable
on a dark theme (contrast ratio at least 4.5:1, WCAG AA)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.authorizations.authorizations_page import AuthorizationsPage
from app.ui.authorizations.credentials_page import CredentialRequestsPage
from app.ui.authorizations.models import CredentialRequestModel
from app.ui.form_messages import ErrorLabel
from app.ui.login import LoginDialog
from app.ui.palette import READABLE, contrast_ratio, muted_colour, readable
from app.ui.tasks import BackgroundTasks

PASSWORD = "demo-magnifier-trail"


def dark_palette() -> QPalette:
    """A dark theme as desktops ship them: light text on near-black, grey placeholders."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#eeeeee",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#eeeeee", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#eeeeee", QPalette.ColorRole.Highlight: "#2a82da",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#2a82da",
        QPalette.ColorRole.PlaceholderText: "#555555",  # the grey that vanished
        QPalette.ColorRole.Dark: "#151515", QPalette.ColorRole.Mid: "#444444",
    }  # fmt: skip
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    return palette


@pytest.fixture
def dark(qapp) -> Iterator[QPalette]:
    before = QApplication.palette()
    QApplication.setPalette(dark_palette())
    yield QApplication.palette()
    QApplication.setPalette(before)


def text_colour(label: QLabel) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def backgrounds() -> list[QColor]:
    palette = QGuiApplication.palette()
    return [palette.color(r) for r in (QPalette.ColorRole.Window, QPalette.ColorRole.Base)]


def assert_readable(colour: QColor, what: str) -> None:
    for ground in backgrounds():
        ratio = contrast_ratio(colour, ground)
        assert ratio >= READABLE, f"{what}: {colour.name()} on {ground.name()} is {ratio:.2f}:1"


def test_the_contrast_ratio_is_the_wcag_one() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#555555"), QColor("#2b2b2b")) < 2  # "Pending" on dark


def test_a_grey_made_readable_keeps_its_hue_where_it_can(dark) -> None:
    grey = readable(QColor("#555555"), dark)
    assert_readable(grey, "grey")
    red = readable(QColor("#c62828"), dark)
    assert_readable(red, "red")
    assert red.hslHue() == pytest.approx(QColor("#c62828").hslHue(), abs=3)


def test_hints_and_muted_rows_are_readable_on_a_dark_theme(dark) -> None:
    assert contrast_ratio(dark.color(QPalette.ColorRole.PlaceholderText),
                          dark.color(QPalette.ColorRole.Base)) < READABLE  # fmt: skip
    assert_readable(muted_colour(), "muted text")


def test_errors_are_red_and_readable_on_a_dark_theme_and_the_login_error_looks_the_same(
    qtbot, dark, demo_database
) -> None:
    label = ErrorLabel()
    qtbot.addWidget(label)
    label.show_message("Title is required.")
    assert_readable(text_colour(label), "error message")
    assert text_colour(label).hslHue() in range(0, 15)  # red, not the link blue

    tasks = BackgroundTasks()
    login = LoginDialog(tasks, username="investigator")
    qtbot.addWidget(login)
    login.show()
    login.set_database(demo_database)
    qtbot.keyClicks(login.password, "not the password at all")
    login.sign_in_button.click()
    qtbot.waitUntil(lambda: "password" in login.message.text().lower(), timeout=10_000)
    assert text_colour(login.message) == text_colour(label)  # one style for errors
    assert text_colour(login.message) != dark.color(QPalette.ColorRole.Highlight)
    tasks.wait_for_done()


def test_an_error_label_follows_a_theme_change(qtbot, qapp) -> None:
    label = ErrorLabel()
    qtbot.addWidget(label)
    before = QApplication.palette()
    try:
        QApplication.setPalette(dark_palette())
        qtbot.waitUntil(lambda: contrast_ratio(text_colour(label), QColor("#2b2b2b")) >= READABLE)
    finally:
        QApplication.setPalette(before)


def test_warnings_in_the_lists_are_readable_on_a_dark_theme(
    dark, workspace_for, open_list_page
) -> None:
    sam = workspace_for("supervisor")
    page = open_list_page(AuthorizationsPage, sam)
    assert page.overdue_count.text()  # the demo has an overdue review
    assert_readable(text_colour(page.overdue_count), "overdue count")
    requests = open_list_page(CredentialRequestsPage, sam)
    model = requests.model
    inadvertent = next(
        model.index(row, CredentialRequestModel.STATUS)
        for row in range(model.rowCount())
        if "inadvertent" in str(model.index(row, CredentialRequestModel.STATUS).data()).lower()
    )
    assert_readable(inadvertent.data(Qt.ItemDataRole.ForegroundRole), "inadvertent receipt")
