"""Messages the window shows never name a command of the command line."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.domain.errors import NotFound, Refused
from app.ui.errors import ErrorReporter
from app.ui.wording import for_window

# The services' and rules' own messages that give command-line advice.
MESSAGES = [
    ("There is no case 9; see 'casedesk case list'.", "There is no case 9."),
    (
        "e.g. 'MA-DYS-01.05.22 C.2.e' (see 'casedesk policy list').",
        "e.g. 'MA-DYS-01.05.22 C.2.e'.",
    ),
    (
        "record the decision (Discipline tab, or 'casedesk discipline set') before closing",
        "record the decision (Discipline tab) before closing",
    ),
    (
        "HR must first withdraw the decision (Discipline tab, or 'casedesk discipline "
        "withdraw MODNR-2026-0003 --employee 4 --reason ...'), or revise its grounds",
        "HR must first withdraw the decision (Discipline tab), or revise its grounds",
    ),
    (
        "record who provided them, to whom and when ('credential-request provided') before "
        "recording a use.",
        "record who provided them, to whom and when (Credentials provided… in the "
        "Credential requests view) before recording a use.",
    ),
    (
        "an administrator adds further users with 'casedesk user add'.",
        "an administrator adds further users in the Users view.",
    ),
    (
        "nothing more can be recorded until an administrator runs 'casedesk audit verify' "
        "and restores the database from a backup.",
        "nothing more can be recorded until an administrator verifies the audit log and "
        "restores the database from a backup.",
    ),
]


@pytest.mark.parametrize(("message", "shown"), MESSAGES)
def test_command_line_advice_is_said_in_the_windows_words(message: str, shown: str) -> None:
    assert for_window(message) == shown


def test_error_dialogs_name_no_command(qtbot) -> None:
    reporter = ErrorReporter()
    box = reporter.show(NotFound("There is no case 9; see 'casedesk case list'."))
    qtbot.addWidget(box)
    assert box.text() == "There is no case 9."
    refused = reporter.show(
        Refused("The key was replaced. Run 'casedesk audit verify' and restore a backup.")
    )
    qtbot.addWidget(refused)
    assert "casedesk" not in refused.text()
    assert refused.icon() == QMessageBox.Icon.Warning
