"""Telling the user what went wrong: a dialog that says what happened and what to do.

Expected errors (invalid input, refusals, database problems) show their own
message. Anything unexpected is logged with its traceback to the log file and
shown without it; the application keeps running.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.errors import CasedeskError, DatabaseError, InvalidInput, Refused
from app.errorlog import log_unexpected
from app.ui.i18n import tr
from app.ui.wording import for_window


def describe(error: BaseException) -> tuple[str, str, QMessageBox.Icon]:
    """A title, a message and an icon for ``error``."""
    if isinstance(error, InvalidInput):
        return tr("Errors", "Check your input"), for_window(str(error)), QMessageBox.Icon.Warning
    if isinstance(error, Refused):
        return tr("Errors", "Not allowed"), for_window(str(error)), QMessageBox.Icon.Warning
    if isinstance(error, DatabaseError):
        return tr("Errors", "Database problem"), str(error), QMessageBox.Icon.Critical
    if isinstance(error, CasedeskError):
        return tr("Errors", "Casedesk"), for_window(str(error)), QMessageBox.Icon.Warning
    path = log_unexpected(error)
    message = tr(
        "Errors",
        "Something unexpected went wrong ({kind}). Your other work is kept; try again, "
        "and if it happens again send the log file to your administrator:\n{path}",
    ).format(kind=type(error).__name__, path=path)
    return tr("Errors", "Unexpected error"), message, QMessageBox.Icon.Critical


class ErrorReporter(QObject):
    """Shows error dialogs; ``shown`` lets tests and the status bar see them."""

    shown = Signal(str, str)  #: title, message

    def show(self, error: BaseException, parent: QWidget | None = None) -> QMessageBox:
        """Show ``error`` in a window-modal dialog that does not block the caller."""
        title, message, icon = describe(error)
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok,
                          parent or QApplication.activeWindow())  # fmt: skip
        box.setObjectName("errorDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Ok)  # Enter closes it
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.shown.emit(title, message)
        return box

    def install_excepthook(self) -> None:
        """Route exceptions raised in slots and callbacks to :meth:`show`."""

        def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
            if issubclass(kind, KeyboardInterrupt):
                sys.__excepthook__(kind, error, tb)
                return
            self.show(error)

        sys.excepthook = hook
