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
