"""What every report shares: page geometry, styles, the page frame, building blocks.

Every page carries the agency and the report's title in the header, the
confidentiality marking above and below the text, and "Page X of Y" in the
footer. The total is known only when the last page is laid out, so the
canvas keeps each page's drawing and stamps the numbers when the document is
saved (:class:`_NumberedCanvas`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from reports.fonts import BODY, BODY_BOLD, FONTS, MONO, markup
from reports.model import DocumentInfo

PAGE_WIDTH, PAGE_HEIGHT = LETTER
LEFT = RIGHT = 0.75 * inch
TOP = 0.95 * inch
BOTTOM = 0.85 * inch
#: Width of the text column, in points (7 inches on US Letter).
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
TEXT_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eceff3")
MARKING = colors.HexColor("#8b0000")
QUOTE_BACK = colors.HexColor("#f4f4f0")


def _style(name: str, **values: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": BODY,
        "fontSize": 9.5,
        "leading": 12.5,
        "textColor": INK,
        "spaceAfter": 3,
    }
    base.update(values)
    return ParagraphStyle(name, **base)


class Styles:
    """The named paragraph styles of the reports."""

    title = _style("Title", fontName=BODY_BOLD, fontSize=16, leading=20, spaceAfter=2)
    subtitle = _style("Subtitle", fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=8)
    heading = _style(
        "Heading", fontName=BODY_BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=4
    )
    subheading = _style(
        "Subheading", fontName=BODY_BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=2
    )
    body = _style("Body")
    small = _style("Small", fontSize=8, leading=10, spaceAfter=1)
    label = _style("Label", fontName=BODY_BOLD, fontSize=8, leading=10, spaceAfter=1)
    cell = _style("Cell", fontSize=8, leading=10, spaceAfter=0)
    cell_bold = _style("CellBold", fontName=BODY_BOLD, fontSize=8, leading=10, spaceAfter=0)
    mono = _style("Mono", fontName=MONO, fontSize=7, leading=9, spaceAfter=0)
    quote = _style(
        "Quote",
        fontSize=9,
        leading=12,
        leftIndent=10,
        rightIndent=6,
        backColor=QUOTE_BACK,
        borderPadding=(4, 6, 4, 6),
        spaceBefore=4,
        spaceAfter=8,
    )
    marking = _style(
        "Marking", fontName=BODY_BOLD, fontSize=7.5, leading=9, textColor=MARKING, alignment=1
    )
    notice = _style(
        "Notice",
        fontName=BODY_BOLD,
        fontSize=8,
        leading=10,
        textColor=MARKING,
        spaceAfter=0,
    )
    center = _style("Center", alignment=TA_CENTER)
    right = _style("Right", alignment=TA_RIGHT)


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style whose cells draw in the body font (reportlab's default is
    Helvetica, which would be named on every page without being embedded)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), BODY, 8), *commands])


def section_heading(text: str) -> list[Flowable]:
    """A numbered section heading that never sits alone at the foot of a page."""
    return [CondPageBreak(1.1 * inch), para(text, Styles.heading)]


class _Paragraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph that breaks its lines once per width.

    reportlab lays a paragraph out each time it is measured: a table measures
    its cells, then measures them again to draw them, and a ``KeepTogether``
    measures its content before the frame measures each part again. The
    lines depend on the width only, so a second measure at the same width
    returns the first one's size and lines; drawing ends the reuse.
    """

    _laid_out_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # ``split`` drops the lines when the paragraph must move on: laid out again.
        if availWidth == self._laid_out_at and hasattr(self, "blPara"):
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        # A width too narrow for any text gives no layout to keep.
        laid_out = size == (availWidth, getattr(self, "height", None))
        self._laid_out_at = availWidth if laid_out else None
        return size

    def drawOn(self, *args: Any, **kwargs: Any) -> None:  # noqa: N802 - reportlab's name
        self._laid_out_at = None
        super().drawOn(*args, **kwargs)


def para(text: str, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of plain ``text`` (any script; newlines kept)."""
    return _Paragraph(markup(text, bold=style.fontName == BODY_BOLD), style)


def rich(text: str, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of ready markup (callers escape their values with ``markup``)."""
    return _Paragraph(text, style)


def paragraphs(text: str, style: ParagraphStyle = Styles.body) -> list[Flowable]:
    """Long text as paragraphs: a blank line starts a new one."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [para(b, style) for b in blocks if b] or [para("\u2014", style)]


def date_text(value: dt.date | None) -> str:
    """A date as printed: ISO 8601, or a dash when unknown."""
    return value.isoformat() if value is not None else "\u2014"


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """A date range as printed: one date when it is a single day."""
    if start is None and end is None:
        return "dates not recorded"
    if start is None:
        return f"until {date_text(end)}"
    if end is None or end == start:
        return date_text(start)
    return f"{date_text(start)} to {date_text(end)}"


#: Where an identifier may wrap: after a dot, underscore, hyphen, "@" or "/".
_BREAK_AFTER = re.compile(r"(?<=[._\-@/])")
#: Left plus right padding of a grid table cell.
CELL_PADDING = 6


def breakable(text: str, width: float, *, font: str = BODY, size: float = 8) -> str:
    """``text`` with line breaks inserted in any word too wide for ``width``.

    Account names, handles and URLs have no spaces; left alone, a narrow
    column splits them at whatever letter reaches the edge
    ("keisha.r.person / al"). They are broken after a dot, underscore,
    hyphen, "@" or "/" instead; a run without any of these is left whole.
    """
    FONTS.ensure()
    lines = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            if stringWidth(word, font, size) <= width:
                words.append(word)
                continue
            rows = [""]
            for piece in filter(None, _BREAK_AFTER.split(word)):
                if rows[-1] and stringWidth(rows[-1] + piece, font, size) > width:
                    rows.append(piece)
                else:
                    rows[-1] += piece
            words.append("\n".join(rows))
        lines.append(" ".join(words))
    return "\n".join(lines)


def or_dash(text: str) -> str:
    """``text``, or a dash when it is empty."""
    return text if text.strip() else "\u2014"


def fields_table(
    rows: Sequence[tuple[str, str]], *, label_width: float = 1.55 * inch, width: float = TEXT_WIDTH
) -> Table:
    """Label / value rows, labels in bold."""
    data = [
        [para(label, Styles.cell_bold), para(or_dash(value), Styles.cell)] for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    *,
    shaded_rows: Sequence[int] = (),
    notes: Sequence[Flowable | str | None] = (),
) -> Table:
    """A table with a shaded header row repeated on every page it spans.

    ``notes`` may give a row a note: printed under it across every column but
    the first, as part of the same entry (no rule between them, the same shade),
    so that long free text does not squeeze into one narrow column.
    """
    data: list[list[Flowable | str]] = [[para(h, Styles.cell_bold) for h in header]]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    shaded = set(shaded_rows)
    for index, row in enumerate(rows):
        first = len(data)
        data.append([para(c, Styles.cell) if isinstance(c, str) else c for c in row])
        note = notes[index] if index < len(notes) else None
        if note is not None:
            data.append(["", para(note, Styles.cell) if isinstance(note, str) else note])
            data[-1] += [""] * (len(row) - 2)
            commands += [
                ("SPAN", (1, first + 1), (-1, first + 1)),
                ("TOPPADDING", (0, first + 1), (-1, first + 1), 0),
                ("NOSPLIT", (0, first), (-1, first + 1)),
            ]
        last = len(data) - 1
        commands.append(("LINEBELOW", (0, last), (-1, last), 0.25, RULE))
        if index in shaded:
            commands.append(("BACKGROUND", (0, first), (-1, last), QUOTE_BACK))
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(commands))
    return table


def signature_block(role: str, name: str, title: str, statement: str, width: float) -> Table:
    """A signature block: role, statement, signature and date lines, printed name."""
    signed = ", ".join(p for p in (name, title) if p)
    rows: list[list[Flowable | str]] = [
        [para(role, Styles.label), ""],
        [para(statement, Styles.small) if statement else "", ""],
        ["", ""],  # room to sign
        [para("Signature", Styles.small), para("Date", Styles.small)],
        [para(signed or "Name and title:", Styles.cell), ""],
    ]
    table = Table(
        rows,
        colWidths=[width * 0.64, width * 0.36],
        rowHeights=[None, None, 34, None, None],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (0, 1), (-1, 1)),
                ("SPAN", (0, 4), (-1, 4)),
                ("LINEBELOW", (0, 2), (0, 2), 0.8, INK),
                ("LINEBELOW", (1, 2), (1, 2), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 10),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def signature_grid(blocks: Sequence[tuple[str, str, str, str]]) -> Table:
    """Signature blocks two to a row: (role, name, title, statement) each."""
    gap = 0.35 * inch
    width = (TEXT_WIDTH - gap) / 2
    cells: list[Flowable | str] = [signature_block(*b, width=width) for b in blocks]
    if len(cells) % 2:
        cells.append("")
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[width + gap, width], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), gap),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 16),
            ]
        )
    )
    return table


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that stamps "Page X of Y" once the number of pages is known."""

    #: Gives what is printed at the foot of the last page ("" prints nothing): the
    #: audit checkpoint. Asked once every page is drawn, so it may still be on its way.
    @staticmethod
    def last_page_line() -> str:
        return ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        last_line = self.last_page_line()
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(BODY, 8)
            self.setFillColor(MUTED)
            self.drawRightString(PAGE_WIDTH - RIGHT, FOOTER_BASELINE, f"Page {number} of {total}")
            if number == total and last_line:
                self._draw_last_page_line(last_line)
            super().showPage()
        super().save()

    def _draw_last_page_line(self, line: str) -> None:
        # One line, shrunk to the text width if need be, so it reads (and is
        # extracted) whole: the hash in it is what a reader types back.
        size = min(6.5, TEXT_WIDTH / max(self.stringWidth(line, BODY, 1), 1))
        self.setFont(BODY, size)
        self.drawString(LEFT, FOOTER_BASELINE - 11, line)


#: Baseline of the footer line (marking on the left, page number on the right).
FOOTER_BASELINE = BOTTOM - 26
_HEADER_LEFT = _style("HeaderLeft", fontName=BODY_BOLD, fontSize=8, leading=10, spaceAfter=0)
_HEADER_RIGHT = _style("HeaderRight", fontSize=8, leading=10, alignment=TA_RIGHT, spaceAfter=0)
_FOOTER_MARKING = _style(
    "FooterMarking", fontName=BODY_BOLD, fontSize=7, leading=8.5, textColor=MARKING, spaceAfter=0
)


def _page_frame(
    header_left: str, header_right: str, marking: str, watermark: str = ""
) -> Callable[[Canvas, Any], None]:
    """The drawing done on every page: header, marking above and below, rules, watermark.

    The header, markings and rules are the same on every page: they are laid
    out and drawn once, on the first page, and their operators are repeated on
    the others (inside the frame's save/restore pair, so the canvas's own state
    is unchanged after it).
    """
    top = PAGE_HEIGHT - 0.42 * inch
    half = TEXT_WIDTH / 2 - 6
    placed: list[tuple[Paragraph, float, float]] = []
    for text, style, width, x in (
        (header_left, _HEADER_LEFT, half, LEFT),
        (header_right, _HEADER_RIGHT, half, PAGE_WIDTH - RIGHT - half),
    ):
        flowable = Paragraph(markup(text), style)
        _w, h = flowable.wrap(width, 60)
        placed.append((flowable, x, top - h))
    top_marking = Paragraph(markup(marking), Styles.marking)
    top_marking.wrap(TEXT_WIDTH, 60)
    placed.append((top_marking, LEFT, PAGE_HEIGHT - TOP + 12))
    bottom_marking = Paragraph(markup(marking), _FOOTER_MARKING)
    _w, h = bottom_marking.wrap(TEXT_WIDTH - 80, 60)
    footer = (bottom_marking, LEFT, FOOTER_BASELINE + 8.5 - h - 2)

    #: The operators of the first page's header, markings and rules, drawn again on each page.
    drawn: list[str] = []

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        if drawn:
            # The same operators, and the same font subsets, as the first page.
            canvas._code.extend(drawn)
        else:
            start = len(canvas._code)
            for flowable, x, y in placed:
                flowable.drawOn(canvas, x, y)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.line(LEFT, PAGE_HEIGHT - TOP + 8, PAGE_WIDTH - RIGHT, PAGE_HEIGHT - TOP + 8)
            canvas.line(LEFT, BOTTOM - 12, PAGE_WIDTH - RIGHT, BOTTOM - 12)
            flowable, x, y = footer
            flowable.drawOn(canvas, x, y)
            drawn.extend(canvas._code[start:])
        if watermark:
            # Drawn on each page: its transparency is a resource of the page.
            _draw_watermark(canvas, watermark)
        canvas.restoreState()

    return draw


WATERMARK = colors.Color(0.55, 0.55, 0.55, alpha=0.18)


def _draw_watermark(canvas: Canvas, text: str) -> None:
    """``text`` across the page's diagonal, large and light, under the page's text."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(52)
    size = min(150, 0.8 * (PAGE_WIDTH**2 + PAGE_HEIGHT**2) ** 0.5 / max(len(text) * 0.68, 1))
    canvas.setFont(BODY_BOLD, size)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()


class _Output:
    """Where reportlab writes the finished PDF: it writes the whole file in one
    call, and the bytes are kept as they are (a ``BytesIO`` would copy them)."""

    name = "<report>"

    def __init__(self) -> None:
        self.data = b""

    def write(self, data: bytes) -> int:
        self.data += data
        return len(data)


def checkpoint_line(checkpoint: str) -> str:
    """The last page's line for a report's ``audit_checkpoint`` ("" when there is none)."""
    return f"Audit checkpoint: {checkpoint}" if checkpoint else ""


def build_pdf(
    story: list[Flowable],
    document: DocumentInfo,
    *,
    header_left: str,
    header_right: str,
    marking: str,
    last_page_line: str | Callable[[], str] = "",
    watermark: str = "",
) -> bytes:
    """Lay ``story`` out on report pages and return the PDF bytes.

    ``last_page_line`` is printed at the foot of the last page (the audit
    checkpoint the report was made at); ``watermark`` (e.g. "DRAFT") across
    every page.
    """
    FONTS.ensure()
    # Binary streams rather than ASCII85: images are a quarter smaller.
    rl_config.useA85 = 0
    out = _Output()
    doc = BaseDocTemplate(
        out,
        pagesize=LETTER,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=document.title,
        author=document.author,
        subject=document.subject,
        keywords=list(document.keywords),
        creator="Casedesk",
        producer="Casedesk (reportlab)",
        lang="en-US",
        # Otherwise every page names Helvetica, a font that is not embedded.
        initialFontName=BODY,
        initialFontSize=9.5,
    )
    frame = Frame(
        LEFT,
        BOTTOM,
        TEXT_WIDTH,
        TEXT_HEIGHT,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="page",
                frames=[frame],
                onPage=_page_frame(header_left, header_right, marking, watermark),
            )
        ]
    )
    line_of: Callable[[], str] = (
        last_page_line if callable(last_page_line) else functools.partial(str, last_page_line)
    )
    canvas = type("_ReportCanvas", (_NumberedCanvas,), {"last_page_line": staticmethod(line_of)})
    doc.build(story, canvasmaker=canvas)
    return out.data
