"""Render the application icon's SVG to the PNG sizes desktops ask for.

Run after changing ``resources/icons/org.casedesk.Casedesk.svg`` and commit
the PNGs: ``.venv/bin/python packaging/render_icons.py``. Writes
``resources/icons/<size>x<size>/org.casedesk.Casedesk.png``, the layout of
the hicolor icon theme, so the package build copies the folders as they are.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.casedesk.Casedesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of ``size`` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs one)
    svg = ICONS / f"{APP_ID}.svg"
    for size in SIZES:
        target = ICONS / f"{size}x{size}" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            raise SystemExit(f"render_icons: could not write {target}")
        print(target.relative_to(ICONS.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
