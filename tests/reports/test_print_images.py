"""How evidence images go into a report: a screenshot's own pixels, or a print-sized JPEG."""

from __future__ import annotations

import dataclasses
import io
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from reports import ReportError, render_disciplinary
from reports.png_stream import png_stream
from tests.reports import samples
from tests.reports.conftest import ReadBack


def _png(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **options)
    return out.getvalue()


def _drawing(mode: str, size: tuple[int, int] = (640, 360)) -> Image.Image:
    """An interface-like picture: flat areas, a coloured bar, lines of 'text'."""
    image = Image.new("RGB", size, (240, 242, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0], 40), fill=(24, 119, 242))
    for row in range(8):
        draw.rectangle((30, 70 + row * 30, 30 + 60 * (row % 5 + 3), 82 + row * 30), (28, 30, 33))
    if mode == "P":
        indexed = image.quantize(16, dither=Image.Dither.NONE)
        # 32 palette entries, so that PNG stores 8 bits a pixel (16 or fewer it packs).
        entries = indexed.getpalette() or []
        indexed.putpalette(entries + [0] * (96 - len(entries)))
        return indexed
    return image.convert(mode)


def _report_of(*images: bytes) -> ReadBack:
    base = samples.disciplinary(evidence=1)
    items = tuple(samples.evidence_item(n, image=data) for n, data in enumerate(images, start=1))
    return ReadBack(render_disciplinary(dataclasses.replace(base, evidence=items)))


def _embedded(pdf: ReadBack) -> list[tuple[dict[str, object], Image.Image]]:
    """Each distinct image XObject: its dictionary and its pixels as a PDF reader decodes them."""
    seen: dict[int, tuple[dict[str, object], Image.Image]] = {}
    for page in pdf.reader.pages:
        for image in page.images:
            assert image.indirect_reference is not None
            xobject = image.indirect_reference.get_object()
            seen[image.indirect_reference.idnum] = (dict(xobject), image.image)
    return list(seen.values())


@pytest.mark.parametrize("mode", ["RGB", "L", "P"])
def test_a_screenshot_printed_at_its_own_size_is_embedded_losslessly(
    mode: str, tmp_path: Path
) -> None:
    picture = _drawing(mode)
    data = _png(picture)
    pdf = _report_of(data)
    [(xobject, pixels)] = _embedded(pdf)
    # The PNG's own compressed pixels, undone by the reader with the PNG predictor.
    assert xobject["/Filter"] == "/FlateDecode"
    assert xobject["/DecodeParms"]["/Predictor"] == 15  # type: ignore[index]
    stream = png_stream(data)
    assert stream is not None and stream.data in pdf.pdf
    assert ImageChops.difference(pixels.convert("RGB"), picture.convert("RGB")).getbbox() is None
    # And a renderer (poppler) shows it: the blue bar is on the exhibit page.
    assert shutil.which("pdftoppm"), "poppler-utils is a test dependency"
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf.pdf)
    last = len(pdf.pages)
    prefix = tmp_path / "p"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", str(last), "-l", str(last), str(source), prefix],
        check=True,
    )
    [page] = tmp_path.glob("p-*.png")
    with Image.open(page) as shown:
        colours = shown.convert("RGB").getcolors(1_000_000) or []
    if mode == "L":
        assert any(r == g == b and 80 < r < 160 for _count, (r, g, b) in colours)
    else:
        assert any(b > 200 and r < 80 for _count, (r, _g, b) in colours)


def test_a_palette_packed_in_fewer_bits_is_printed_losslessly_too() -> None:
    picture = _drawing("RGB").quantize(8, dither=Image.Dither.NONE)
    data = _png(picture)
    assert png_stream(data) is None  # decoded, then embedded as an 8-bit palette
    [(xobject, pixels)] = _embedded(_report_of(data))
    assert xobject["/Filter"] == "/FlateDecode"
    assert ImageChops.difference(pixels.convert("RGB"), picture.convert("RGB")).getbbox() is None


def test_a_photo_saved_as_png_is_printed_as_jpeg() -> None:
    """Poorly compressed pixels (a photo) are re-encoded, so the report stays sendable."""
    photo = Image.merge("RGB", [Image.effect_noise((640, 360), 80) for _ in range(3)])
    pdf = _report_of(_png(photo))
    [(xobject, pixels)] = _embedded(pdf)
    assert xobject["/Filter"] == "/DCTDecode"
    assert pixels.size == (640, 360)


def test_transparency_is_decoded_and_laid_on_white() -> None:
    """A PNG that PDF cannot show as is (here a transparent colour) is decoded onto paper."""
    keyed = _drawing("P")
    keyed.info["transparency"] = 0
    transparent = _png(keyed)
    assert png_stream(transparent) is None
    [(xobject, pixels)] = _embedded(_report_of(transparent))
    assert "/SMask" not in xobject and "/Mask" not in xobject
    assert pixels.size == (640, 360)
    assert pixels.convert("RGB").getpixel((5, 100)) == (255, 255, 255)


def test_an_interlaced_png_is_not_embedded_as_it_is() -> None:
    data = bytearray(_png(_drawing("RGB")))
    data[28] = 1  # IHDR's interlace method: Adam7
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    assert png_stream(bytes(data)) is None


def test_a_png_with_a_corrupt_chunk_names_the_item() -> None:
    data = bytearray(_png(_drawing("RGB")))
    data[-20] ^= 0xFF  # inside the last IDAT chunk: its CRC no longer matches
    with pytest.raises(ReportError, match=r"evidence item E-1 cannot be read \(the IDAT chunk"):
        _report_of(bytes(data))
    with pytest.raises(ReportError, match="evidence item E-1 cannot be read"):
        _report_of(_png(_drawing("RGB"))[:-30])
