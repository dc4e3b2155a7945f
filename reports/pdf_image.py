"""Drawing a prepared image: its stream goes into the PDF as it is, once.

reportlab's ``drawImage`` takes a file or a Pillow image and, for anything
but a JPEG file, decodes it and compresses the pixels again with zlib on the
drawing (main) thread. The images of a report are prepared on worker threads
as ready-made PDF image streams (:class:`reports.images.PrintImage`: JPEG
bytes, or a PNG's pixel data with the PNG predictor), so drawing one only
registers that stream as an image XObject the first time and places it.
Drawn again (the thumbnail and each exhibit part), the same XObject is used.
"""

from __future__ import annotations

from reportlab.lib.boxstuff import aspectRatioFix
from reportlab.pdfbase.pdfdoc import (
    NoEncryption,
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFStream,
)
from reportlab.pdfbase.pdfdoc import format as format_object
from reportlab.pdfgen.canvas import Canvas

from reports.images import PrintImage


class _HexString(PDFObject):  # type: ignore[misc]  # reportlab is untyped
    """Binary data as a PDF hexadecimal string (a palette's lookup table)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, _document: object) -> bytes:
        return b"<" + self.data.hex().encode("ascii") + b">"


class _ImageXObject(PDFObject):  # type: ignore[misc]  # reportlab is untyped
    """An image XObject whose stream is already encoded."""

    def __init__(self, image: PrintImage) -> None:
        self.image = image

    def format(self, document: object) -> bytes:
        image = self.image
        entries = PDFDictionary()
        entries["Type"] = PDFName("XObject")
        entries["Subtype"] = PDFName("Image")
        entries["Width"] = image.width_px
        entries["Height"] = image.height_px
        entries["BitsPerComponent"] = image.bits
        if image.palette:
            entries["ColorSpace"] = PDFArray(
                [
                    PDFName("Indexed"),
                    PDFName("DeviceRGB"),
                    len(image.palette) // 3 - 1,
                    _HexString(image.palette),
                ]
            )
        else:
            entries["ColorSpace"] = PDFName("DeviceGray" if image.colours == 1 else "DeviceRGB")
        # Setting the filter here keeps reportlab from compressing the stream again.
        # One filter, so a name and its parameters a dictionary (a filter array
        # would need an array of parameters, or readers ignore them).
        entries["Filter"] = PDFName("DCTDecode" if image.jpeg else "FlateDecode")
        if not image.jpeg:
            entries["DecodeParms"] = PDFDictionary(
                {
                    "Predictor": 15,
                    "Colors": image.colours,
                    "BitsPerComponent": image.bits,
                    "Columns": image.width_px,
                }
            )
        if not isinstance(getattr(document, "encrypt", None), NoEncryption):
            stream = PDFStream(entries, image.data)  # encrypted as reportlab does
            encrypted: bytes = stream.format(document)
            return encrypted
        # As ``PDFStream.format`` writes a stream with its filter set, but with the
        # image data (up to megabytes) copied once instead of twice.
        entries["Length"] = len(image.data)
        head: bytes = format_object(entries, document)
        return b"".join((head, b"\nstream\n", image.data, b"endstream\n"))


def draw_image(
    canvas: Canvas,
    key: str,
    image: PrintImage,
    x: float,
    y: float,
    width: float,
    height: float,
) -> None:
    """Draw ``image`` in the box, keeping its shape; ``key`` names it in this document.

    The first drawing of a ``key`` embeds the stream; later ones reuse it.
    """
    doc = canvas._doc
    name = doc.getXObjectName(key)
    if doc.idToObject.get(name) is None:
        xobject = _ImageXObject(image)
        doc.Reference(xobject, name)
        doc.addForm(key, xobject)
    x, y, width, height, _scaled = aspectRatioFix(
        True, "c", x, y, width, height, image.width_px, image.height_px
    )
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(key)
