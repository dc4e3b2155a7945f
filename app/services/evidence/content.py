"""What a file's bytes are, read from the content and never from its name.

Screenshots are decoded with Pillow in a guarded way: the declared size is
checked before any pixel is decoded (decompression bombs), the file is
verified and then fully decoded (truncated or corrupt images), and the
name's extension must agree with the content. Page sources (HTML, MHTML,
WARC, PDF) are recognised by their first bytes.
"""

from __future__ import annotations

import io
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from PIL import Image, UnidentifiedImageError

from app.domain.errors import InvalidInput
from app.domain.evidence import MAX_PIXELS, sniff

# Pillow warns when it opens an image above its own pixel limit (about 89.5
# million) and refuses one above twice that. Casedesk's limit is stricter
# (MAX_PIXELS, checked from the declared size before a pixel is decoded), so the
# warning only ever comes for an image that is refused anyway, or for nothing:
# it is ignored for the whole process (a test keeps the two limits in this
# order), set once here rather than around each decode: ``catch_warnings``
# changes process-wide state and is not safe on the intake's two threads.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

#: Image kinds accepted as screenshots: kind → (Pillow format, media type).
IMAGE_KINDS: dict[str, tuple[str, str]] = {
    "PNG": ("PNG", "image/png"),
    "JPEG": ("JPEG", "image/jpeg"),
    "GIF": ("GIF", "image/gif"),
    "WebP": ("WEBP", "image/webp"),
    "BMP": ("BMP", "image/bmp"),
    "TIFF": ("TIFF", "image/tiff"),
}
#: Saved pages accepted as a screenshot's page source: kind → media type.
PAGE_KINDS: dict[str, str] = {
    "HTML": "text/html",
    "MHTML": "multipart/related",
    "WARC": "application/warc",
    "PDF": "application/pdf",
}
#: What a file name's extension claims the content is.
_EXTENSION_KINDS: dict[str, str] = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".jfif": "JPEG",
    ".gif": "GIF",
    ".webp": "WebP",
    ".bmp": "BMP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".html": "HTML",
    ".htm": "HTML",
    ".mhtml": "MHTML",
    ".mht": "MHTML",
    ".warc": "WARC",
    ".pdf": "PDF",
    ".txt": "text",
    ".zip": "a ZIP archive",
}
#: The file extension a page source gets in exports, by its media type.
PAGE_EXTENSIONS = {
    "text/html": "html",
    "multipart/related": "mhtml",
    "application/warc": "warc",
    "application/pdf": "pdf",
}
#: The longest side of the thumbnail the case view shows (intake caches it with each item).
DEFAULT_THUMBNAIL_SIDE = 240
#: How much of a thumbnail's reduction is a box average of whole blocks of pixels
#: (``Image.reduce``) before the resampling filter makes the rest: as much as the
#: size allows. A 1920x1080 screenshot becomes the mean of each 8x8 block (240x135),
#: in 1.7 ms instead of 3.7 with Pillow's default gap of 2.0 (a 4x4 reduction, then
#: bicubic); against a Lanczos resampling of the whole image both are faithful
#: (42 dB and 45 dB PSNR; BENCHMARKS.md, "Evidence import"), and an image already
#: near the size (a factor under 2) is resampled as before.
THUMBNAIL_REDUCING_GAP = 1.0
_ACCEPTED_IMAGES = "PNG, JPEG, GIF, WebP, BMP, TIFF"
_ACCEPTED_PAGES = "HTML, MHTML, WARC, PDF"


def _claimed_kind(name: str) -> str | None:
    return _EXTENSION_KINDS.get(PurePosixPath(name).suffix.lower())


def _check_name_agrees(name: str, kind: str) -> None:
    claimed = _claimed_kind(name)
    if claimed is not None and claimed != kind:
        if claimed in IMAGE_KINDS:
            what = f"a {claimed} image"
        elif claimed in PAGE_KINDS:
            what = f"{'an' if claimed in ('HTML', 'MHTML') else 'a'} {claimed} file"
        else:
            what = claimed
        raise InvalidInput(
            f"{name} is not {what}: its content is {kind}. Check that this is the file "
            "you meant; the evidence is stored as received, so it is not renamed."
        )


@dataclass(frozen=True, slots=True)
class ImageFacts:
    """What decoding a screenshot established."""

    kind: str
    media_type: str
    width: int
    height: int


def probe_image(data: bytes, name: str) -> ImageFacts:
    """Check that ``data`` is a whole, decodable screenshot image and describe it."""
    facts, image = decode_image(data, name)
    image.close()
    return facts


def decode_image(data: bytes, name: str) -> tuple[ImageFacts, Image.Image]:
    """Check ``data`` as :func:`probe_image` does and return the decoded image too.

    Intake makes the thumbnail from this image, so a screenshot is decoded
    once. The caller closes the image.
    """
    kind = sniff(data)
    _check_name_agrees(name, kind)
    if kind not in IMAGE_KINDS:
        raise InvalidInput(
            f"{name} is not a supported image ({_ACCEPTED_IMAGES}): its content is {kind}."
        )
    pillow_format, media_type = IMAGE_KINDS[kind]
    try:
        header = Image.open(io.BytesIO(data), formats=[pillow_format])
        with header:
            # Image.open reads the header only: the pixel count is checked
            # before anything is decoded.
            width, height = _declared_size(header, name, kind)
            header.verify()
        # verify() leaves the image unusable; decode every pixel from a fresh open.
        image = Image.open(io.BytesIO(data), formats=[pillow_format])
        try:
            image.load()
        except BaseException:
            image.close()
            raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # The warning is an error where warnings are made errors (python -W error).
        raise _bomb(name, kind, None) from None
    except InvalidInput:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        IndexError,
        TypeError,
        struct.error,
        zlib.error,
        MemoryError,
    ) as exc:
        raise InvalidInput(
            f"{name} is a damaged or truncated {kind} image ({_reason(exc)}); "
            "take or export the screenshot again."
        ) from None
    return ImageFacts(kind, media_type, width, height), image


def _declared_size(image: Image.Image, name: str, kind: str) -> tuple[int, int]:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise InvalidInput(f"{name} declares an empty {kind} image ({width}x{height} pixels).")
    if width * height > MAX_PIXELS:
        raise _bomb(name, kind, (width, height))
    return width, height


def make_thumbnail(image: Image.Image, max_side: int) -> bytes:
    """A PNG no larger than ``max_side`` on either side, the aspect ratio kept.

    ``image`` may be changed in place (it is shrunk without a copy when its
    mode allows); callers pass an image they no longer need.
    """
    if max_side < 16 or max_side > 2048:
        raise InvalidInput(f"A thumbnail is 16 to 2048 pixels on its longest side, not {max_side}.")
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        has_alpha = "A" in image.mode or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((max_side, max_side), reducing_gap=THUMBNAIL_REDUCING_GAP)
    out = io.BytesIO()
    # Level 1: thumbnails are small and made often; speed matters more than bytes.
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def thumbnail_of(data: bytes, max_side: int) -> bytes:
    """The thumbnail of stored image bytes (already checked when they were added)."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return make_thumbnail(image, max_side)


def _bomb(name: str, kind: str, size: tuple[int, int] | None) -> InvalidInput:
    declared = f" of {size[0]:,}x{size[1]:,} pixels" if size else ""
    return InvalidInput(
        f"{name} declares a {kind} image{declared}, more than the {MAX_PIXELS:,} pixels "
        "allowed; it looks like a decompression bomb and was not decoded."
    )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text.rstrip(".")


def probe_page_source(data: bytes, name: str) -> tuple[str, str]:
    """The kind and media type of a saved page, refusing anything else."""
    kind = sniff(data)
    _check_name_agrees(name, kind)
    if kind not in PAGE_KINDS:
        raise InvalidInput(
            f"{name} is not a saved page ({_ACCEPTED_PAGES}): its content is {kind}."
        )
    return kind, PAGE_KINDS[kind]
