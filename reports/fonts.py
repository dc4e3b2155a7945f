"""The TrueType fonts reports embed, found by path, and text cut into font runs.

The body font is DejaVu Sans (Latin, Greek, Cyrillic, Armenian, Georgian,
Hebrew, Arabic and more). A character DejaVu lacks is drawn with the first
fallback font that has it: Noto Sans for other scripts (Arabic, Hebrew and
Devanagari first, then the rest of the Noto Sans family) and Droid Sans
Fallback for Chinese, Japanese and Korean. reportlab reads TrueType outlines
only, so every font here is a ``.ttf``; each is embedded as a subset.

Fonts are looked for in the folders named by the ``CASEDESK_REPORT_FONTS``
environment variable (separated like ``PATH``), then in the Debian font
folders (packages fonts-dejavu-core, fonts-noto-core, fonts-droid-fallback;
``scripts/system-deps.sh`` installs them). A missing body font, or a missing
fallback font that a text needs, raises :class:`~reports.model.ReportError`
naming the file and the package.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reports.model import ReportError
from reports.rtl import visual

#: The family name paragraph styles use for the body text.
BODY = "CasedeskSans"
BODY_BOLD = "CasedeskSans-Bold"
#: Fixed-width font for hashes.
MONO = "CasedeskMono"

ENVIRONMENT = "CASEDESK_REPORT_FONTS"
#: Control characters have no glyph and no meaning on paper (line breaks are
#: handled before this applies).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SYSTEM_FOLDERS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/truetype/droid",
    "/usr/share/fonts/truetype",
    "/usr/local/share/fonts",
    "/usr/share/fonts",
)
_DEJAVU_PACKAGE = "fonts-dejavu-core"
_NOTO_PACKAGE = "fonts-noto-core"
_DROID_PACKAGE = "fonts-droid-fallback"

#: The body family: (reportlab name, file, bold, italic).
_BODY_FILES = (
    (BODY, "DejaVuSans.ttf", False, False),
    (BODY_BOLD, "DejaVuSans-Bold.ttf", True, False),
    ("CasedeskSans-Oblique", "DejaVuSans-Oblique.ttf", False, True),
    ("CasedeskSans-BoldOblique", "DejaVuSans-BoldOblique.ttf", True, True),
)
_MONO_FILE = "DejaVuSansMono.ttf"

#: Fallback fonts in the order they are tried: (file, package). Each is read
#: only when a text holds a character the fonts before it lack.
_FALLBACKS = (
    ("NotoSansArabic-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansHebrew-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansDevanagari-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSans-Regular.ttf", _NOTO_PACKAGE),
    ("DroidSansFallbackFull.ttf", _DROID_PACKAGE),
    ("NotoSansBengali-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansTamil-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansTelugu-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansGujarati-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansGurmukhi-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansKannada-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansMalayalam-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansThai-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansEthiopic-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansKhmer-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansMyanmar-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansSinhala-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansSymbols-Regular.ttf", _NOTO_PACKAGE),
    ("NotoSansSymbols2-Regular.ttf", _NOTO_PACKAGE),
)


def font_folders() -> list[Path]:
    """The folders searched for fonts, in order."""
    folders = [Path(p) for p in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if p]
    return folders + [Path(p) for p in _SYSTEM_FOLDERS]


def find_font(file_name: str) -> Path | None:
    """The path of the font file ``file_name`` in the font folders, or None."""
    for folder in font_folders():
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    return None


def _missing(file_name: str, package: str, why: str) -> ReportError:
    searched = ", ".join(str(f) for f in font_folders())
    return ReportError(
        f"The report font {file_name} ({why}) was not found in {searched}. Install the "
        f"Debian package {package} (scripts/system-deps.sh does), or put the file in a "
        f"folder named by the {ENVIRONMENT} environment variable."
    )


@dataclass
class _Fallback:
    file_name: str
    package: str
    name: str
    chars: frozenset[int] | None = None  # None until read; empty if the file is missing
    present: bool = True


class FontSet:
    """The registered fonts, and which one draws each character.

    One instance serves the whole process (reportlab's font registry is
    global too); it is safe to use from the thread that renders reports.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._body_chars: frozenset[int] = frozenset()
        self._ready = False
        self._fallbacks = [
            _Fallback(file_name, package, f"CasedeskFallback{n}")
            for n, (file_name, package) in enumerate(_FALLBACKS)
        ]
        self._font_of: dict[str, str] = {}

    def ensure(self) -> None:
        """Register the body fonts (once); raise ReportError if one is missing."""
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            for name, file_name, bold, italic in _BODY_FILES:
                path = find_font(file_name)
                if path is None:
                    raise _missing(file_name, _DEJAVU_PACKAGE, "the body text")
                font = TTFont(name, str(path))
                pdfmetrics.registerFont(font)
                addMapping(BODY, int(bold), int(italic), name)
                if name == BODY:
                    self._body_chars = frozenset(font.face.charToGlyph)
            mono = find_font(_MONO_FILE)
            if mono is None:
                raise _missing(_MONO_FILE, _DEJAVU_PACKAGE, "SHA-256 digests")
            pdfmetrics.registerFont(TTFont(MONO, str(mono)))
            self._ready = True

    def _load(self, fallback: _Fallback) -> None:
        path = find_font(fallback.file_name)
        if path is None:
            fallback.chars = frozenset()
            fallback.present = False
            return
        font = TTFont(fallback.name, str(path))
        pdfmetrics.registerFont(font)
        # Bold text keeps its weight where the fallback family has a bold face.
        bold_path = path.with_name(fallback.file_name.replace("-Regular", "-Bold"))
        bold_name = fallback.name
        if bold_path != path and bold_path.is_file():
            bold_name = fallback.name + "-Bold"
            pdfmetrics.registerFont(TTFont(bold_name, str(bold_path)))
        addMapping(fallback.name, 0, 0, fallback.name)
        addMapping(fallback.name, 0, 1, fallback.name)
        addMapping(fallback.name, 1, 0, bold_name)
        addMapping(fallback.name, 1, 1, bold_name)
        fallback.chars = frozenset(font.face.charToGlyph)

    def font_for(self, char: str) -> str:
        """The font family that draws ``char`` (BODY when DejaVu has it)."""
        known = self._font_of.get(char)
        if known is not None:
            return known
        code = ord(char)
        if code in self._body_chars or code < 0x20:
            return BODY
        with self._lock:
            chosen = None
            for fallback in self._fallbacks:
                if fallback.chars is None:
                    self._load(fallback)
                if fallback.chars and code in fallback.chars:
                    chosen = fallback.name
                    break
            if chosen is None:
                absent = [f for f in self._fallbacks if not f.present]
                if absent:
                    packages = sorted({f.package for f in absent})
                    files = ", ".join(f.file_name for f in absent[:3])
                    more = f" and {len(absent) - 3} more" if len(absent) > 3 else ""
                    raise ReportError(
                        f"No installed report font draws the character {char!r} "
                        f"(U+{code:04X}): the fallback fonts {files}{more} are missing. "
                        f"Install the Debian package(s) {', '.join(packages)} "
                        "(scripts/system-deps.sh does), or put the files in a folder named by "
                        f"the {ENVIRONMENT} environment variable."
                    )
                # No installed font has it: DejaVu draws its "missing" box.
                chosen = BODY
            self._font_of[char] = chosen
            return chosen

    def markup(self, text: str) -> str:
        """``text`` as Paragraph markup: escaped, in visual order, with font runs.

        Runs DejaVu can draw stay in the paragraph's own font (so <b> still
        works); other runs are wrapped in ``<font face=...>``.
        """
        self.ensure()
        return "<br/>".join(self._line(line) for line in text.split("\n"))

    def _line(self, text: str) -> str:
        text = _CONTROL.sub("", text.replace("\t", " "))
        if text.isascii():
            # The common case, and DejaVu draws every printable ASCII character.
            return escape(text)
        text = visual(text)
        pieces: list[str] = []
        run: list[str] = []
        run_font = BODY
        for char in text:
            font = run_font if char.isspace() else self.font_for(char)
            if font != run_font and run:
                pieces.append(_wrap("".join(run), run_font))
                run = []
            run_font = font
            run.append(char)
        if run:
            pieces.append(_wrap("".join(run), run_font))
        return "".join(pieces)

    def embedded_names(self) -> list[str]:
        """The reportlab names of the fallback fonts loaded so far (for tests)."""
        return [f.name for f in self._fallbacks if f.chars]


def _wrap(run: str, font: str) -> str:
    escaped = escape(run)
    if font == BODY:
        return escaped
    return f'<font face="{font}">{escaped}</font>'


FONTS = FontSet()


def markup(text: str) -> str:
    """``text`` as Paragraph markup (see :meth:`FontSet.markup`)."""
    return FONTS.markup(text)
