"""A PNG's compressed pixels, embedded in the PDF as they are.

A PDF image can carry a PNG's pixel data unchanged: the concatenated IDAT
chunks are one zlib stream, and PDF's ``FlateDecode`` filter with
``/DecodeParms << /Predictor 15 /Colors n /BitsPerComponent b /Columns w >>``
undoes the same per-row PNG filters a PNG decoder does (PDF 1.7, 7.4.4.4).
So a screenshot printed at its own pixel size needs no decoding and no
re-encoding: the exhibit shows exactly the original's pixels (lossless),
and preparing it costs a pass over its chunks (the CRCs are checked).

Only what PDF readers show alike this way is taken: 8-bit grey, RGB or
palette, not interlaced, with no transparency. Anything else (alpha,
``tRNS``, 16-bit, palettes packed in fewer bits, Adam7, APNG animation)
returns None and is decoded instead.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_GREY, _RGB, _PALETTE = 0, 2, 3


class BrokenPng(ValueError):
    """The bytes say PNG but their chunks are cut short or corrupt."""


@dataclass(frozen=True)
class PngStream:
    """A PNG's pixel data as a PDF image stream (``FlateDecode`` with the PNG predictor)."""

    width: int
    height: int
    bits: int
    #: Colour components per pixel in the stream: 1 (grey, palette index) or 3 (RGB).
    colours: int
    #: The zlib stream of the IDAT chunks, as stored.
    data: bytes
    #: For a palette image: its RGB entries (3 bytes each); empty otherwise.
    palette: bytes = b""


def _chunks(data: bytes) -> list[tuple[bytes, memoryview]]:
    """(type, body) of each chunk up to IEND; raises BrokenPng when cut short or corrupt.

    The bodies are views of ``data``, not copies (a screenshot's IDAT chunks
    are most of its bytes; they are copied once, into the image stream).
    """
    chunks: list[tuple[bytes, memoryview]] = []
    view = memoryview(data)
    at = len(SIGNATURE)
    while True:
        if at + 12 > len(data):
            raise BrokenPng("the file ends before its IEND chunk")
        length, kind = struct.unpack_from(">I4s", data, at)
        end = at + 8 + length
        if end + 4 > len(data):
            raise BrokenPng(f"the {kind!r} chunk is cut short")
        body = view[at + 8 : end]
        (crc,) = struct.unpack_from(">I", data, end)
        if zlib.crc32(body, zlib.crc32(kind)) != crc:
            raise BrokenPng(f"the {kind.decode('latin-1')} chunk fails its CRC check")
        chunks.append((kind, body))
        if kind == b"IEND":
            return chunks
        at = end + 4


def png_stream(data: bytes) -> PngStream | None:
    """``data``'s pixels as a PDF image stream, or None when not a PNG PDF can show as is.

    Raises :class:`BrokenPng` for a PNG whose chunks are cut short or corrupt.
    """
    if not data.startswith(SIGNATURE):
        return None
    chunks = _chunks(data)
    if not chunks or chunks[0][0] != b"IHDR" or len(chunks[0][1]) != 13:
        raise BrokenPng("the file does not start with an IHDR chunk")
    width, height, bits, colour_type, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", chunks[0][1]
    )
    if width == 0 or height == 0 or compression != 0 or filtering != 0:
        raise BrokenPng("the IHDR chunk is not valid")
    kinds = {kind for kind, _body in chunks}
    if interlace != 0 or b"tRNS" in kinds or b"acTL" in kinds:
        return None  # Adam7, transparency or an animation: decoded instead
    if colour_type in (_GREY, _RGB) and bits == 8:
        colours = 1 if colour_type == _GREY else 3
        palette = b""
    elif colour_type == _PALETTE and bits == 8:
        colours = 1
        palette = next((bytes(body) for kind, body in chunks if kind == b"PLTE"), b"")
        if not palette or len(palette) % 3 or len(palette) > 3 * 256:
            raise BrokenPng("the palette is missing or not valid")
    else:
        return None  # alpha, 16-bit, fewer bits: decoded instead
    pixels = b"".join(body for kind, body in chunks if kind == b"IDAT")
    if not pixels:
        raise BrokenPng("the file has no image data")
    return PngStream(width, height, bits, colours, pixels, palette)
