"""Translation of the strings the user sees.

Widgets use ``self.tr()``; code outside a QObject uses :func:`tr` with a
context, so ``pyside6-lupdate`` finds every string either way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(context: str, text: str) -> str:
    """``text`` translated in ``context`` (the class or module it belongs to)."""
    return QCoreApplication.translate(context, text)
