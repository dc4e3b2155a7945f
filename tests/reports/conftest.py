"""Helpers for the report tests: the shipped fonts, reading a PDF back."""

from __future__ import annotations

import functools
import io
import re
import unicodedata

import pypdf
import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from reports import use_font_folder
from tests.reports.samples import FONT_FOLDER


@pytest.fixture(autouse=True)
def shipped_fonts() -> None:
    """Reports take their fonts from resources/fonts, as the services layer tells them."""
    use_font_folder(FONT_FOLDER)


@pytest.fixture(scope="module", autouse=True)
def shipped_fonts_for_the_module() -> None:
    """The same before a module's own fixtures render (``test_disciplinary``'s PDF),
    whichever test of the module runs first."""
    use_font_folder(FONT_FOLDER)


#: Tables reportlab copies byte for byte from the font file into a subset.
_COPIED_TABLES = ("name", "OS/2", "cvt ", "fpgm", "prep")


@functools.cache
def shipped_by_name() -> dict[str, TTFontFile]:
    """The shipped font files by PostScript name."""
    found = {}
    for path in FONT_FOLDER.glob("*.ttf"):
        font = TTFontFile(str(path), validate=0)
        found[font.name.decode("ascii")] = font
    return found


def embedded_fonts(pdf: bytes) -> set[str]:
    """The PostScript names of the fonts embedded in ``pdf``, each checked
    against the shipped file of that name."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            base = str(font["/BaseFont"]).lstrip("/")
            assert re.fullmatch(r"[A-Z]{6}\+\S+", base), f"{base} is not an embedded subset"
            name = base.split("+", 1)[1]
            shipped = shipped_by_name()
            assert name in shipped, f"{name} is not a font in {FONT_FOLDER}"
            subset = TTFontFile(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()), 0)
            assert subset.name.decode("ascii") == name
            original = shipped[name]
            for tag in _COPIED_TABLES:
                if tag in original.table:
                    assert subset.get_table(tag) == original.get_table(tag), (name, tag)
            names.add(name)
    return names


class ReadBack:
    """A rendered PDF read back with pypdf."""

    def __init__(self, pdf: bytes) -> None:
        assert pdf.startswith(b"%PDF-")
        self.pdf = pdf
        self.reader = pypdf.PdfReader(io.BytesIO(pdf))
        self.pages = [page.extract_text() for page in self.reader.pages]

    @property
    def text(self) -> str:
        """All text, whitespace collapsed and presentation forms normalised."""
        return flat("\n".join(self.pages))

    def page_text(self, index: int) -> str:
        return flat(self.pages[index])

    def fonts(self) -> dict[str, bool]:
        """Base font name -> whether its TrueType outlines are embedded."""
        found: dict[str, bool] = {}
        for page in self.reader.pages:
            for ref in page["/Resources"]["/Font"].values():
                font = ref.get_object()
                descriptor = font.get("/FontDescriptor")
                if descriptor is None and "/DescendantFonts" in font:
                    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
                found[str(font["/BaseFont"])] = embedded
        return found

    def images(self) -> list[tuple[int, int, int]]:
        """(width, height, stream length) of each distinct image XObject."""
        seen: dict[int, tuple[int, int, int]] = {}
        for page in self.reader.pages:
            xobjects = page["/Resources"].get("/XObject", {})
            for ref in xobjects.values():
                image = ref.get_object()
                if image.get("/Subtype") == "/Image":
                    seen[ref.idnum] = (
                        int(image["/Width"]),
                        int(image["/Height"]),
                        # The stream as stored (JPEG or Flate), not decoded.
                        len(image._data),
                    )
        return list(seen.values())


def flat(text: str) -> str:
    """``text`` with runs of whitespace made one space, in NFKC form."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@pytest.fixture
def read_back() -> type[ReadBack]:
    return ReadBack
