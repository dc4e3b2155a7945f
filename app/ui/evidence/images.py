"""Turning stored image bytes into QImages in a background thread, without holding the UI.

Decoding with Pillow releases Python's global lock while it works, so the
UI thread keeps running; QImage's own decoder would hold the lock for the
whole decode (tens of milliseconds for a full screenshot) and the window
would stall that long. Qt decodes what Pillow cannot.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError
from PySide6.QtGui import QImage


def _to_qimage(image: Image.Image) -> QImage:
    rgba = image.convert("RGBA")
    data = rgba.tobytes()
    width, height = rgba.size
    # copy(): the QImage must own its pixels, not borrow the bytes object's.
    return QImage(data, width, height, width * 4, QImage.Format.Format_RGBA8888).copy()


def decode(data: bytes) -> QImage:
    """The picture in ``data`` (PNG, JPEG, … as stored); a null QImage if undecodable."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return _to_qimage(image)
    except (UnidentifiedImageError, OSError, ValueError):
        fallback = QImage()
        fallback.loadFromData(data)
        return fallback


def thumbnail(data: bytes, side: int) -> QImage:
    """The picture in ``data`` scaled to fit a ``side`` square (never enlarged)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.thumbnail((side, side), Image.Resampling.LANCZOS)
            return _to_qimage(image)
    except (UnidentifiedImageError, OSError, ValueError):
        return QImage()
