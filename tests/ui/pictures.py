"""Pointing at a picture in the evidence viewer (an ``ImageView``), as a user's mouse does."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest


def drag(view, start: QPointF, end: QPointF) -> None:
    """Press, move and release the left button over the picture (scene coordinates)."""
    viewport = view.viewport()
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    QTest.mouseMove(viewport, (a + b) / 2)
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def click(view, at: QPointF) -> None:
    """Click the left button over the picture (scene coordinates)."""
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(at))
