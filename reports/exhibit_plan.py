"""How an exhibit is printed: at a scale that keeps its text readable, in parts if need be.

The rule. A screenshot's text is drawn in screen (CSS) pixels; body text on
web pages and apps is 12-16 px. One CSS pixel is never printed smaller than
:data:`MIN_POINTS_PER_CSS_PX` (0.5 pt), so 12 px text prints at 6 pt or more
and 14 px text at 7 pt or more. How many image pixels make one CSS pixel is
estimated from the image's pixel size (:func:`device_pixel_ratio`): a
portrait image up to 1600 px wide is taken as a phone screenshot, whose
screens are 360-430 CSS px wide; a landscape image as a desktop screenshot at one image pixel per
CSS pixel (two from 2560 px wide, a high-density display).

An image is printed whole, fitted to the column width (and never enlarged
past its size on a 96-dpi screen), when it then fits a page; a tall image
that does not is shrunk to the page height if that keeps it readable. One
that would fall below the readable scale either way is printed in parts: a
tall one in slices the width of the column, a wide one in columns at the
readable scale, each part on a page of its own ("Exhibit E-3, part 2 of 4"),
overlapping its neighbours by :data:`OVERLAP_CSS_PX`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Smallest printed size of one screen (CSS) pixel, in points.
MIN_POINTS_PER_CSS_PX = 0.5
#: The largest scale: one image pixel as on a 96-dpi screen.
SCREEN_SCALE = 72 / 96
#: The widest phone screen, in CSS pixels (phones are 360-430 CSS px wide).
PHONE_CSS_WIDTH = 430
#: Neighbouring parts overlap by this many CSS pixels, so that a line of text
#: cut at the edge of one part reads whole in the next.
OVERLAP_CSS_PX = 16
#: The widest phone screenshot in pixels (a 360 CSS px screen at 4x is 1440 px).
PHONE_MAX_WIDTH = 1600
#: From this width a landscape screenshot is taken as from a high-density display.
HIGH_DENSITY_WIDTH = 2560


def device_pixel_ratio(width: int, height: int) -> float:
    """Image pixels per CSS pixel, estimated from the pixel size (see the module's rule)."""
    if height > width and width <= PHONE_MAX_WIDTH:
        return max(1.0, width / PHONE_CSS_WIDTH)
    return 2.0 if width >= HIGH_DENSITY_WIDTH else 1.0


def readable_scale(width: int, height: int) -> float:
    """The smallest scale (points per image pixel) that keeps the image's text readable."""
    return MIN_POINTS_PER_CSS_PX / device_pixel_ratio(width, height)


@dataclass(frozen=True)
class Part:
    """One printed part of an exhibit, in the image's pixels (origin top left)."""

    left: int
    top: int
    width: int
    height: int
    row: int
    column: int


@dataclass(frozen=True)
class ExhibitPlan:
    """The scale an exhibit prints at and the parts it is printed in (one when whole)."""

    #: Points per image pixel.
    scale: float
    rows: int
    columns: int
    parts: tuple[Part, ...]

    @property
    def whole(self) -> bool:
        """True when the image is printed in one piece."""
        return len(self.parts) == 1


def plan_exhibit(width: int, height: int, column_width: float, page_height: float) -> ExhibitPlan:
    """How to print a ``width`` x ``height`` px image in a column of the given size (points)."""
    floor = readable_scale(width, height)
    fit = min(column_width / width, SCREEN_SCALE)
    overlap = round(OVERLAP_CSS_PX * device_pixel_ratio(width, height))
    if fit >= floor:
        if height * fit <= page_height:
            return _whole(width, height, fit)
        shrunk = page_height / height
        if shrunk >= floor:
            return _whole(width, height, shrunk)
        scale, columns, part_w = fit, 1, width
    else:
        # As few columns as keep it readable, each filled to the column width.
        columns = math.ceil(width * floor / column_width - 1e-9)
        while True:
            part_w = math.ceil((width + (columns - 1) * overlap) / columns)
            scale = min(column_width / part_w, SCREEN_SCALE)
            if scale >= floor:
                break
            columns += 1
    rows = max(1, math.ceil(height * scale / page_height - 1e-9))
    while True:  # the overlap may need one more row
        part_h = math.ceil((height + (rows - 1) * overlap) / rows)
        if part_h * scale <= page_height or rows > height:
            break
        rows += 1
    parts = []
    for r in range(rows):
        for c in range(columns):
            left, top = c * (part_w - overlap), r * (part_h - overlap)
            parts.append(
                Part(left, top, min(part_w, width - left), min(part_h, height - top), r + 1, c + 1)
            )
    return ExhibitPlan(scale, rows, columns, tuple(parts))


def _whole(width: int, height: int, scale: float) -> ExhibitPlan:
    return ExhibitPlan(scale, 1, 1, (Part(0, 0, width, height, 1, 1),))
