"""The interface icons: Lucide SVGs under ``resources/icons/lucide`` drawn in the palette's colour.

The SVGs say ``currentColor``; Qt's SVG renderer has no current colour, so
the text colour of the application's palette is put in before rendering, and
the icons follow a dark or a light theme. A navigator page without an icon
of its own here keeps the standard icon its ``PageSpec`` names.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.resources import resource_path

#: The navigator's icon of each page, by page key (pages not listed keep their standard icon).
PAGE_ICONS: dict[str, str] = {
    "home": "house",
    "dashboard": "layout-dashboard",
    "cases": "briefcase",
    "authorizations": "file-check",
    "credential_requests": "key-round",
    "catalog": "book-open",
    "audit_log": "scroll-text",
    "settings": "settings",
    "users": "users",
}

_SIZES = (16, 20, 24, 32, 48)


def _svg(name: str) -> bytes | None:
    try:
        return resource_path("resources", "icons", "lucide", f"{name}.svg").read_bytes()
    except FileNotFoundError:
        return None


@cache
def _icon(name: str, colour: str) -> QIcon:
    data = _svg(name)
    if data is None:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(data.replace(b"currentColor", colour.encode())))
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    """The icon ``name`` ("briefcase") in the text colour; a null icon if it is not shipped."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return _icon(name, colour)


def page_icon(key: str) -> QIcon:
    """The navigator's icon of page ``key``, null when it has none (the caller falls back)."""
    name = PAGE_ICONS.get(key)
    return icon(name) if name else QIcon()
