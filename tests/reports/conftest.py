"""Helpers for the report tests: the shipped fonts, reading a PDF back."""

from __future__ import annotations

import io
import re
import unicodedata

import pypdf
import pytest

from reports import use_font_folder
from tests.reports.samples import FONT_FOLDER


@pytest.fixture(autouse=True, scope="session")
def shipped_fonts() -> None:
    """Reports take their fonts from resources/fonts, as the services layer tells them."""
    use_font_folder(FONT_FOLDER)


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
