"""Capturing the screen from inside the application.

The main window hides, a short countdown shows where the user can see it,
then the whole screen is grabbed (``QScreen.grabWindow(0)``). For a region,
that frozen picture fills a full-screen overlay on which the user drags a
rectangle (Esc cancels), so the overlay itself never appears in the capture.
The window comes back and the PNG goes through the ordinary intake, with the
capture time (now, in the local zone) and the capturer filled in.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.evidence.intake import PendingImage, local_zone_name

#: A region smaller than this (in screen pixels) is taken as a click, not a drag.
MIN_REGION = 4


def _on_top() -> Qt.WindowType:
    """Stay above the page being captured; the off-screen platform has no stacking."""
    if QGuiApplication.platformName() == "offscreen":
        return Qt.WindowType.Widget
    return Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool


class CaptureDialog(QDialog):
    """Full screen or a region, and how long to wait before the picture is taken."""

    def __init__(self, parent: QWidget | None = None, delay: int = 3) -> None:
        super().__init__(parent)
        self.setObjectName("captureDialog")
        self.setWindowTitle(self.tr("Capture screen"))
        self.full_screen = QRadioButton(self.tr("&Full screen"))
        self.full_screen.setObjectName("captureFullScreen")
        self.region = QRadioButton(self.tr("A &region I draw"))
        self.region.setObjectName("captureRegion")
        self.region.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.full_screen)
        group.addButton(self.region)
        self.delay = QSpinBox()
        self.delay.setObjectName("captureDelay")
        self.delay.setRange(0, 30)
        self.delay.setSuffix(self.tr(" s"))
        self.delay.setValue(delay)
        explain = QLabel(
            self.tr("Casedesk hides itself, counts down, and takes the picture. Arrange the "
                    "page you want to capture behind this window first.")
        )  # fmt: skip
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.full_screen)
        form.addRow(self.region)
        form.addRow(self.tr("&Wait before capturing:"), self.delay)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.capture_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.capture_button.setText(self.tr("&Capture"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)


class Countdown(QWidget):
    """A small frameless window with the seconds left, in the middle of the screen."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | _on_top())
        self.setObjectName("captureCountdown")
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.label.font())
        font.setPointSizeF(font.pointSizeF() * 4)
        font.setBold(True)
        self.label.setFont(font)
        self.hint = QLabel(self.tr("Capturing the screen…"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.hint)
        self.setStyleSheet("QWidget#captureCountdown { background: palette(window); "
                           "border: 2px solid palette(highlight); }")  # fmt: skip
        self.resize(220, 160)

    def show_seconds(self, seconds: int) -> None:
        self.label.setText(str(seconds))
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            centre = screen.geometry().center()
            self.move(centre - QPoint(self.width() // 2, self.height() // 2))
        self.show()  # a new window on top already (and it stays on top)


class RegionOverlay(QWidget):
    """The frozen screen, full screen: drag a rectangle to keep that part; Esc cancels."""

    chosen = Signal(QRect)  #: the region in the overlay's (logical) coordinates
    cancelled = Signal()

    def __init__(self, picture: QPixmap) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | _on_top())
        self.setObjectName("captureOverlay")
        self.picture = picture
        self.origin: QPoint | None = None
        self.current: QPoint | None = None
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMouseTracking(True)
        self.hint = self.tr("Drag a rectangle over the part to capture. Esc cancels.")

    def selection(self) -> QRect:
        """The dragged rectangle; its size is the distance dragged (no extra pixel)."""
        if self.origin is None or self.current is None:
            return QRect()
        left, top = min(self.origin.x(), self.current.x()), min(self.origin.y(), self.current.y())
        width = abs(self.current.x() - self.origin.x())
        height = abs(self.current.y() - self.origin.y())
        return QRect(left, top, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.drawPixmap(self.rect(), self.picture)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))
        chosen = self.selection()
        if not chosen.isEmpty():
            ratio = self.picture.devicePixelRatio()
            source = QRect(chosen.topLeft() * ratio, chosen.size() * ratio)
            painter.drawPixmap(chosen, self.picture, source)
            painter.setPen(QPen(QColor("#ffeb3b"), 2))
            painter.drawRect(chosen.adjusted(0, 0, -1, -1))
            painter.drawText(chosen.bottomLeft() + QPoint(4, 18),
                             f"{chosen.width()} × {chosen.height()}")  # fmt: skip
        painter.setPen(QColor("white"))
        painter.drawText(self.rect().adjusted(0, 24, 0, 0),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         self.hint)  # fmt: skip
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.origin = event.position().toPoint()
            self.current = self.origin
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.origin is not None:
            self.current = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self.origin is None:
            return
        self.current = event.position().toPoint()
        chosen = self.selection()
        self.origin = self.current = None
        if chosen.width() < MIN_REGION or chosen.height() < MIN_REGION:
            self.update()  # a click, not a rectangle: keep waiting
            return
        self.chosen.emit(chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class ScreenCapture(QWidget):
    """One capture: hide the window, count down, grab, maybe crop, show the window again.

    Not shown itself; a QWidget so it can parent the countdown's timer and
    be dropped with the tab that started it.
    """

    captured = Signal(object, object)  #: PendingImage, the aware capture time
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, window: QWidget, *, region: bool, delay: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.window_ = window
        self.region = region
        self.remaining = delay
        self.countdown = Countdown()
        self.overlay: RegionOverlay | None = None
        self.picture: QPixmap | None = None
        self.moment: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.on_timer_timeout)

    def start(self) -> None:
        self.window_.hide()
        if self.remaining > 0:
            self.countdown.show_seconds(self.remaining)
            self.timer.start()
        else:
            # Give the window manager a moment to take the window off the screen.
            QTimer.singleShot(250, self.take_picture)

    @Slot()
    def on_timer_timeout(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self.countdown.show_seconds(self.remaining)
            return
        self.timer.stop()
        self.countdown.hide()
        QTimer.singleShot(250, self.take_picture)  # the countdown must be gone from the screen

    @Slot()
    def take_picture(self) -> None:
        screen = self.window_.screen() or QGuiApplication.primaryScreen()
        picture = screen.grabWindow(0) if screen is not None else QPixmap()
        self.moment = dt.datetime.now(zoneinfo.ZoneInfo(local_zone_name()))
        if picture.isNull():
            self._finish()
            self.failed.emit(self.tr("The screen could not be captured on this display."))
            return
        self.picture = picture
        if not self.region:
            self._deliver(picture)
            return
        overlay = RegionOverlay(picture)
        overlay.chosen.connect(self.on_overlay_chosen)
        overlay.cancelled.connect(self.on_overlay_cancelled)
        overlay.setGeometry(screen.geometry() if screen is not None else picture.rect())
        self.overlay = overlay
        if QGuiApplication.platformName() == "offscreen":
            overlay.show()  # no window manager to make it full screen (tests, benchmarks)
        else:
            overlay.showFullScreen()
        overlay.activateWindow()
        overlay.setFocus()

    @Slot(QRect)
    def on_overlay_chosen(self, chosen: QRect) -> None:
        assert self.picture is not None
        ratio = self.picture.devicePixelRatio()
        source = QRect(chosen.topLeft() * ratio, chosen.size() * ratio)
        self._deliver(self.picture.copy(source.intersected(self.picture.rect())))

    @Slot()
    def on_overlay_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()

    def _deliver(self, picture: QPixmap) -> None:
        self._finish()
        assert self.moment is not None
        name = self.tr("screen-capture-{0}.png").format(
            self.moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        )
        self.captured.emit(PendingImage(name, picture.toImage()), self.moment)

    def _finish(self) -> None:
        self.timer.stop()
        self.countdown.hide()
        self.countdown.deleteLater()
        if self.overlay is not None:
            self.overlay.hide()
            self.overlay.deleteLater()
            self.overlay = None
        self.window_.show()
        self.window_.activateWindow()
