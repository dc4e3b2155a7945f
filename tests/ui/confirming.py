"""Answering the question a step that cannot simply be undone asks (app/ui/confirm.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.ui.confirm import DIALOG_NAME


@contextmanager
def answering_confirmations(take: bool = True) -> Iterator[list[str]]:
    """While inside, every confirmation shown is answered (the step taken, or Cancel);
    yields the questions and what they said follows, as "question\\nfollows"."""
    asked: list[str] = []

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QMessageBox)
                and widget.objectName() == DIALOG_NAME
                and widget.isVisible()
            ):
                asked.append(f"{widget.text()}\n{widget.informativeText()}")
                if take:
                    button = widget.findChild(QPushButton, "takeStepButton")
                else:
                    button = widget.button(QMessageBox.StandardButton.Cancel)
                button.click()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(answer)
    timer.start()
    try:
        yield asked
    finally:
        timer.stop()
        timer.deleteLater()


def answer_once(
    parent,
    name: str,
    button: QMessageBox.StandardButton,
    asked: list[str],
    *,
    default: QMessageBox.StandardButton | None = None,
) -> None:
    """Click ``button`` on the question box named ``name`` (a child of ``parent``) once it shows.

    Records "text\ninformative text" in ``asked``; with ``default``, checks
    that it was the box's default button.
    """

    def reply() -> None:
        shown = [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]
        if not shown:
            QTimer.singleShot(10, reply)
            return
        box = shown[0]
        asked.append(f"{box.text()}\n{box.informativeText()}")
        was_default = box.defaultButton() is box.button(default) if default is not None else True
        box.button(button).click()  # answered first: a failed check must not leave it open
        assert was_default, f"the default button is not {default}"

    QTimer.singleShot(0, reply)
