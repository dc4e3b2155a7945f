"""Evidence images made ready for print: embedded as they are, or downscaled.

An image is printed with at most :data:`PRINT_DPI` pixels per inch at the
size it is printed. A PNG that needs no shrinking for that (a desktop
screenshot printed at its own pixels) is embedded as it is: its compressed
pixel data goes into the PDF unchanged (:mod:`reports.png_stream`), lossless
and without decoding, unless it is so poorly compressed (a photo saved as
PNG) that it would take more than :data:`MAX_LOSSLESS_BYTES_PER_PIXEL`.
Any other image is decoded and reduced to print size, then encoded as JPEG
(quality 85, no chroma subsampling, so text in screenshots stays crisp), or
as a palette PNG when it has few colours (a plain diagram or a cropped
dialog), whichever suits. Shrinking by whole factors uses Pillow's box
``reduce``, which is fast and sharp; what remains is resampled bicubic.

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
from reports.png_stream import BrokenPng, png_stream

#: Most pixels per inch kept at the printed size.
PRINT_DPI = 150
#: Largest enlargement: an image is never printed bigger than it shows on a
#: 96 dpi screen, so small crops do not turn into blurry page-wide blocks.
SCREEN_DPI = 96
#: JPEG quality of printed images.
JPEG_QUALITY = 85
#: Images with at most this many colours are kept as palette PNG.
PALETTE_COLOURS = 256
#: A PNG is embedded as it is when its pixel data takes at most this many bytes
#: per pixel: about three times what the JPEG below takes of a screenshot
#: (0.12). Screens of text and interface take 0.05-0.3; one filled with photos,
#: or a photo saved as PNG (1-3), is re-encoded as JPEG instead, so that the
#: report stays a size that can be sent.
MAX_LOSSLESS_BYTES_PER_PIXEL = 0.4


@dataclass(frozen=True)
class PrintImage:
    """An image ready to embed as a PDF image stream, and the size to print it at."""

    #: The stream: JPEG bytes (``DCTDecode``) or PNG pixel data (``FlateDecode``
    #: with the PNG predictor).
    data: bytes
    #: True for JPEG bytes, False for PNG pixel data.
    jpeg: bool
    #: Pixel size of ``data``.
    width_px: int
    height_px: int
    #: Printed size in points (1/72 inch), within the box asked for.
    width_pt: float
    height_pt: float
    #: Colour components per pixel (1: grey or palette index, 3: RGB) and bits of each.
    colours: int = 3
    bits: int = 8
    #: A palette image's RGB entries, 3 bytes each (empty: no palette).
    palette: bytes = b""


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


def _encode(image: Image.Image, width_pt: float, height_pt: float) -> PrintImage:
    out = io.BytesIO()
    colours = image.getcolors(PALETTE_COLOURS)
    if colours is not None:
        palette = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=len(colours))
        # 8 bits a pixel, as readers show such an indexed image alike (PNG packs a
        # palette of 16 colours or fewer into fewer bits unless it has more entries).
        entries = palette.getpalette() or []
        palette.putpalette(entries + [0] * max(0, 17 * 3 - len(entries)))
        palette.save(out, "PNG", optimize=False)
        stream = png_stream(out.getvalue())
        assert stream is not None  # a palette PNG without transparency, as written
        return PrintImage(
            stream.data, False, stream.width, stream.height, width_pt, height_pt,
            colours=1, bits=stream.bits, palette=stream.palette,
        )  # fmt: skip
    image.save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0)
    return PrintImage(
        out.getvalue(), True, image.width, image.height, width_pt, height_pt,
        colours=1 if image.mode == "L" else 3,
    )  # fmt: skip


def _printed(
    width: int,
    height: int,
    box_width: float,
    box_height: float,
    scale: Callable[[int, int], float] | None,
) -> tuple[float, float, int, int]:
    """Printed size in points, and the most pixels kept at that size."""
    if scale is None:
        width_pt, height_pt = printed_size(width, height, box_width, box_height)
    else:
        factor = scale(width, height)
        width_pt, height_pt = width * factor, height * factor
    target_w = max(1, round(width_pt / 72 * PRINT_DPI))
    target_h = max(1, round(height_pt / 72 * PRINT_DPI))
    return width_pt, height_pt, target_w, target_h


def _needs_shrinking(width: int, height: int, target_w: int, target_h: int) -> bool:
    return min(width // target_w, height // target_h) >= 2 or width > target_w * 1.15


def _unreadable(label: str, reason: object) -> ReportError:
    return ReportError(
        f"The image of evidence item {label} cannot be read ({reason}); "
        "check the item with 'casedesk evidence verify'."
    )


def _as_is(
    data: bytes,
    box_width: float,
    box_height: float,
    label: str,
    scale: Callable[[int, int], float] | None,
) -> PrintImage | None:
    """``data`` embedded unchanged when it is a PNG printed at its own pixels, else None."""
    try:
        stream = png_stream(data)
    except BrokenPng as exc:
        raise _unreadable(label, exc) from None
    if stream is None:
        return None
    width, height = stream.width, stream.height
    width_pt, height_pt, target_w, target_h = _printed(width, height, box_width, box_height, scale)
    if _needs_shrinking(width, height, target_w, target_h):
        return None
    if len(stream.data) > MAX_LOSSLESS_BYTES_PER_PIXEL * width * height:
        return None
    return PrintImage(
        stream.data, False, width, height, width_pt, height_pt,
        colours=stream.colours, bits=stream.bits, palette=stream.palette,
    )  # fmt: skip


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
    ready = _as_is(data, box_width, box_height, label, scale)
    if ready is not None:
        return ready
    try:
        with warnings.catch_warnings():
            # Pillow warns about very large images; evidence was size-checked on
            # intake, and reduce() below keeps memory bounded.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data))
            width_pt, height_pt, target_w, target_h = _printed(
                *source.size, box_width, box_height, scale
            )
            if source.format == "JPEG":
                # Decode at a reduced scale straight from the DCT data.
                source.draft("RGB", (target_w, target_h))
            source.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise _unreadable(label, exc) from None
    image = _flatten(source)
    factor = min(image.width // target_w, image.height // target_h)
    if factor >= 2:
        image = image.reduce(factor)
    if image.width > target_w * 1.15:
        image = image.resize((target_w, target_h), Image.Resampling.BICUBIC)
    return _encode(image, width_pt, height_pt)
