"""Colours for meaning (an error, a success, a muted note), derived from the palette.

Nothing in the GUI hard-codes a text colour: a fixed grey or red that reads
well on a light theme can vanish on a dark one. Each colour here starts from
a hue that carries the meaning and is then made light or dark enough to
reach the WCAG contrast ratio for normal text (4.5:1) against the palette's
backgrounds, so it is readable whatever theme the desktop uses.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QWidget

#: WCAG 2 AA for normal text.
READABLE = 4.5

_ERROR_HUE = QColor("#c62828")
_SUCCESS_HUE = QColor("#2e7d32")
_WARNING_HUE = QColor("#b26a00")


def _luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    first, second = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (first + 0.05) / (second + 0.05)


def backgrounds(palette: QPalette | None = None) -> tuple[QColor, ...]:
    """The backgrounds text is drawn on: windows, inputs and lists, alternate rows."""
    palette = palette or QGuiApplication.palette()
    roles = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)
    return tuple(palette.color(role) for role in roles)


def readable(colour: QColor, palette: QPalette | None = None, minimum: float = READABLE) -> QColor:
    """``colour``, lightened on dark backgrounds or darkened on light ones until readable.

    Its hue is kept as long as possible; at the extreme it becomes white or black.
    """
    grounds = backgrounds(palette)
    dark = sum(_luminance(g) for g in grounds) / len(grounds) < 0.18
    candidate = QColor(colour)
    for _step in range(40):
        if min(contrast_ratio(candidate, g) for g in grounds) >= minimum:
            return candidate
        lightness = candidate.lightnessF()
        lightness = min(1.0, lightness + 0.04) if dark else max(0.0, lightness - 0.04)
        candidate = QColor.fromHslF(
            max(candidate.hslHueF(), 0.0), candidate.hslSaturationF(), lightness
        )
    return QColor("white") if dark else QColor("black")


def error_colour(palette: QPalette | None = None) -> QColor:
    """Red: what must be fixed or what a rule refused."""
    return readable(_ERROR_HUE, palette)


def success_colour(palette: QPalette | None = None) -> QColor:
    """Green: a finding substantiated, a limit respected."""
    return readable(_SUCCESS_HUE, palette)


def warning_colour(palette: QPalette | None = None) -> QColor:
    """Amber: something to look at soon (a review due)."""
    return readable(_WARNING_HUE, palette)


def muted_colour(palette: QPalette | None = None) -> QColor:
    """Secondary text (hints, who did something, "Pending"): the placeholder colour, readable."""
    palette = palette or QGuiApplication.palette()
    return readable(palette.color(QPalette.ColorRole.PlaceholderText), palette)


def link_colour(palette: QPalette | None = None) -> QColor:
    """A link (or a thing one can open), as the palette draws links, readable."""
    palette = palette or QGuiApplication.palette()
    return readable(palette.color(QPalette.ColorRole.Link), palette)


def css(colour: QColor) -> str:
    """``colour`` for a style sheet or rich text: ``#rrggbb``."""
    return colour.name(QColor.NameFormat.HexRgb)


def set_text_colour(widget: QWidget, colour: QColor) -> None:
    """Draw ``widget``'s text in ``colour`` (its palette, not a style sheet)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    palette.setColor(QPalette.ColorRole.Text, colour)
    widget.setPalette(palette)


def style_as_alert(label: QLabel) -> None:
    """A short warning that must catch the eye ("1 review overdue"): error colour, bold."""
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    set_text_colour(label, error_colour())


def style_as_note(label: QLabel) -> None:
    """A hint under an input: the muted colour."""
    set_text_colour(label, muted_colour())
