"""Evidence images made ready for print: decoded, downscaled, re-encoded.

A 1920x1080 screenshot is far more than a printed page needs, so each image
is reduced to at most :data:`PRINT_DPI` at the size it is printed, then
encoded as JPEG (quality 85, no chroma subsampling, so text in screenshots
stays crisp), or as a palette PNG when it has few colours (a plain diagram or
a cropped dialog), whichever suits. Shrinking by whole factors uses Pillow's
box ``reduce``, which is fast and sharp; what remains is resampled bicubic.

The printed image is a rendering for reading; the report prints the SHA-256
of the original bytes, which are never changed.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from reports.model import ReportError

#: Most pixels per inch kept at the printed size.
PRINT_DPI = 150
#: Largest enlargement: an image is never printed bigger than it shows on a
#: 96 dpi screen, so small crops do not turn into blurry page-wide blocks.
SCREEN_DPI = 96
#: JPEG quality of printed images.
JPEG_QUALITY = 85
#: Images with at most this many colours are kept as palette PNG.
PALETTE_COLOURS = 256


@dataclass(frozen=True)
class PrintImage:
    """An image ready to embed, and the size to print it at."""

    #: JPEG or PNG bytes.
    data: bytes
    #: The file suffix for ``data``: ".jpg" or ".png".
    suffix: str
    #: Pixel size of ``data``.
    width_px: int
    height_px: int
    #: Printed size in points (1/72 inch), within the box asked for.
    width_pt: float
    height_pt: float


def printed_size(
    width: int, height: int, box_width: float, box_height: float
) -> tuple[float, float]:
    """The size in points an image of ``width`` x ``height`` pixels prints at in the box."""
    scale = min(box_width / width, box_height / height, 72 / SCREEN_DPI)
    return width * scale, height * scale


def _flatten(image: Image.Image) -> Image.Image:
    """RGB or L, with any transparency laid over white (paper)."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    if image.mode in ("1", "I;16", "I", "F"):
        return image.convert("L")
    return image.convert("RGB")


def _encode(image: Image.Image) -> tuple[bytes, str]:
    out = io.BytesIO()
    colours = image.getcolors(PALETTE_COLOURS)
    if colours is not None:
        palette = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=len(colours))
        palette.save(out, "PNG", optimize=False)
        return out.getvalue(), ".png"
    image.save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0)
    return out.getvalue(), ".jpg"


def prepare(
    data: bytes,
    box_width: float,
    box_height: float,
    *,
    label: str,
    scale: Callable[[int, int], float] | None = None,
) -> PrintImage:
    """``data`` fitted into a box of ``box_width`` x ``box_height`` points.

    With ``scale`` (points per pixel, from the pixel size) the box is ignored
    and the image is printed at that scale. ``label`` names the image in the
    error raised when it cannot be read.
    """
    try:
        with warnings.catch_warnings():
            # Pillow warns about very large images; evidence was size-checked on
            # intake, and reduce() below keeps memory bounded.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data))
            width, height = source.size
            if scale is None:
                width_pt, height_pt = printed_size(width, height, box_width, box_height)
            else:
                factor = scale(width, height)
                width_pt, height_pt = width * factor, height * factor
            target_w = max(1, round(width_pt / 72 * PRINT_DPI))
            target_h = max(1, round(height_pt / 72 * PRINT_DPI))
            if source.format == "JPEG":
                # Decode at a reduced scale straight from the DCT data.
                source.draft("RGB", (target_w, target_h))
            source.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ReportError(
            f"The image of evidence item {label} cannot be read ({exc}); "
            "check the item with 'casedesk evidence verify'."
        ) from None
    image = _flatten(source)
    factor = min(image.width // target_w, image.height // target_h)
    if factor >= 2:
        image = image.reduce(factor)
    if image.width > target_w * 1.15:
        image = image.resize((target_w, target_h), Image.Resampling.BICUBIC)
    data, suffix = _encode(image)
    return PrintImage(data, suffix, image.width, image.height, width_pt, height_pt)
