"""The TrueType fonts reports embed, and text cut into font runs.

The body font is DejaVu Sans (Latin, Greek, Cyrillic, Armenian, Georgian,
Hebrew and more). A character the body faces lack is drawn with the first
fallback font that has it: Noto Sans Arabic and Noto Sans Hebrew first, then
Noto Sans Devanagari, Droid Sans Fallback for Chinese and Japanese,
and the Noto Sans fonts of other scripts. Only a character all four body
faces (regular, bold, oblique, bold oblique) draw stays in the body font, so
italic or bold text never falls on a face without the glyph: Arabic, which
DejaVu's oblique faces lack, is always drawn with Noto Sans Arabic, whose
presentation forms cover everything :mod:`reports.rtl` shapes into.
reportlab reads TrueType outlines only, so every font is a ``.ttf``; each is
embedded as a subset.

The fonts ship with Casedesk (``resources/fonts``, its ``README.md`` lists
them). This package imports nothing of the application, so the caller names
that folder with :func:`use_font_folder` before rendering. Folders named by
the ``CASEDESK_REPORT_FONTS`` environment variable (separated like ``PATH``)
are searched first; every other ``.ttf`` file there is an extra fallback,
tried after the shipped ones. No system font folder is searched, so a report
is drawn with the same fonts on every machine. A shipped file that cannot be
found raises :class:`~reports.model.ReportError` naming the file and the
folder: the installation is incomplete.

Reading a font means parsing its tables in Python (about 15 ms for each
DejaVu face, and five are read for every report). With a cache folder
(:func:`use_font_cache`), what reportlab parsed is kept there, in
``marshal`` format (plain values, never code), under the SHA-256 of the font
file and reportlab's version, and the next process reads it instead.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.lib.fonts import addMapping, tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import (
    TTEncoding,
    TTFError,
    TTFNameBytes,
    TTFont,
    TTFontFace,
    unShapedFontGlob,
)

from reports.model import ReportError
from reports.rtl import visual


def escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` escaped for Paragraph markup.

    What ``xml.sax.saxutils.escape`` does, without loading that module (it
    imports ``urllib.request`` and the e-mail package: 20 ms of the renderer's
    start-up).
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


#: The family name paragraph styles use for the body text.
BODY = "CasedeskSans"
BODY_BOLD = "CasedeskSans-Bold"
#: Fixed-width font for hashes.
MONO = "CasedeskMono"

ENVIRONMENT = "CASEDESK_REPORT_FONTS"
#: Control characters have no glyph and no meaning on paper (line breaks are
#: handled before this applies).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

#: The body family: (reportlab name, file, bold, italic).
_BODY_FILES = (
    (BODY, "DejaVuSans.ttf", False, False),
    (BODY_BOLD, "DejaVuSans-Bold.ttf", True, False),
    ("CasedeskSans-Oblique", "DejaVuSans-Oblique.ttf", False, True),
    ("CasedeskSans-BoldOblique", "DejaVuSans-BoldOblique.ttf", True, True),
)
_MONO_FILE = "DejaVuSansMono.ttf"

#: The shipped fallback fonts, in the order they are tried. Each is read only
#: when a text holds a character the fonts before it lack. A fallback's bold
#: face is the file of the same name with ``-Bold`` for ``-Regular`` when that
#: file is there (shipped for Arabic and Hebrew; the other scripts print bold
#: text in their regular weight).
_FALLBACKS = (
    "NotoSansArabic-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "DroidSansFallbackFull.ttf",
    "NotoSansBengali-Regular.ttf",
    "NotoSansTamil-Regular.ttf",
    "NotoSansTelugu-Regular.ttf",
    "NotoSansGujarati-Regular.ttf",
    "NotoSansGurmukhi-Regular.ttf",
    "NotoSansKannada-Regular.ttf",
    "NotoSansMalayalam-Regular.ttf",
    "NotoSansThai-Regular.ttf",
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansKhmer-Regular.ttf",
    "NotoSansMyanmar-Regular.ttf",
    "NotoSansSinhala-Regular.ttf",
)

_BOLD_FALLBACKS = ("NotoSansArabic-Bold.ttf", "NotoSansHebrew-Bold.ttf")

#: Every file the shipped font folder holds, with what it is for.
FONT_FILES: dict[str, str] = {
    **{file_name: "the body text" for _name, file_name, _b, _i in _BODY_FILES},
    _MONO_FILE: "SHA-256 digests",
    **{file_name: "characters of other scripts" for file_name in _FALLBACKS},
    **{file_name: "bold text in other scripts" for file_name in _BOLD_FALLBACKS},
}


def _bold_of(file_name: str) -> str:
    return file_name.replace("-Regular", "-Bold")


def _reportlab_name(file_name: str) -> str:
    """The name a fallback font is registered under: one per file name, so two
    font sets never give one name to different files."""
    return "Casedesk-" + Path(file_name).stem


@dataclass
class _Fallback:
    file_name: str
    name: str
    path: Path | None = None  # where it was found; None for a shipped file until ensure()
    chars: frozenset[int] | None = None  # None until read


class FontSet:
    """The registered fonts, where they come from, and which one draws each character.

    ``folder`` is the shipped font folder (``resources/fonts``). One instance,
    :data:`FONTS`, serves the whole process (reportlab's font registry is
    global too); it is safe to use from the thread that renders reports.
    """

    def __init__(self, folder: Path | str | None = None) -> None:
        self._lock = threading.RLock()
        self._folder = Path(folder) if folder is not None else None
        self._cache: Path | None = None
        self._reset()

    def _reset(self) -> None:
        self._body_chars: frozenset[int] = frozenset()
        self._fallbacks: list[_Fallback] = []
        self._font_of: dict[str, str] = {}
        self._ready = False

    @property
    def folder(self) -> Path | None:
        """The shipped font folder, or None if it was never given."""
        return self._folder

    def use_folder(self, folder: Path | str) -> None:
        """Take the shipped fonts from ``folder`` (from the next report on)."""
        folder = Path(folder)
        with self._lock:
            if folder != self._folder:
                self._folder = folder
                self._reset()

    def use_cache(self, folder: Path | str | None) -> None:
        """Keep parsed fonts in ``folder`` between processes (None: parse every time)."""
        with self._lock:
            self._cache = Path(folder) if folder is not None else None

    def folders(self) -> list[Path]:
        """The folders searched for fonts, in order: the environment's, then the shipped one."""
        return _named_folders() + ([self._folder] if self._folder is not None else [])

    def find(self, file_name: str) -> Path | None:
        """The path of the font file ``file_name`` in the font folders, or None."""
        for folder in self.folders():
            candidate = folder / file_name
            if candidate.is_file():
                return candidate
        return None

    def _missing(self, file_name: str) -> ReportError:
        why = FONT_FILES.get(file_name, "a fallback font")
        named = ", ".join(str(p) for p in _named_folders())
        also = f" (nor in {named}, named by {ENVIRONMENT})" if named else ""
        if self._folder is None:
            return ReportError(
                f"The report font {file_name} ({why}) was not found: no report font folder "
                f"was given (reports.fonts.use_font_folder){also}."
            )
        return ReportError(
            f"The report font {file_name} ({why}) is missing from {self._folder}{also}: "
            "this Casedesk installation is incomplete. Reinstall Casedesk."
        )

    def ensure(self) -> None:
        """Register the body fonts (once); raise ReportError if a shipped font is missing.

        Every shipped file is looked for here, not only when a text needs it,
        so an incomplete installation fails every report the same way.
        """
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            paths: dict[str, Path] = {}
            for file_name in FONT_FILES:
                path = self.find(file_name)
                if path is None:
                    raise self._missing(file_name)
                paths[file_name] = path
            body_chars: frozenset[int] | None = None
            for name, file_name, bold, italic in _BODY_FILES:
                font = _read(name, paths[file_name], self._cache)
                pdfmetrics.registerFont(font)
                addMapping(BODY, int(bold), int(italic), name)
                chars = frozenset(font.face.charToGlyph)
                body_chars = chars if body_chars is None else body_chars & chars
            pdfmetrics.registerFont(_read(MONO, paths[_MONO_FILE], self._cache))
            self._body_chars = body_chars or frozenset()
            self._fallbacks = [_Fallback(f, _reportlab_name(f), paths[f]) for f in _FALLBACKS] + [
                _Fallback(p.name, _reportlab_name(p.name), p) for p in self._extra_files()
            ]
            self._font_of = {}
            self._ready = True

    def _extra_files(self) -> list[Path]:
        """The ``.ttf`` files in the environment's folders other than the shipped
        ones and the bold faces of other files there, by folder and name."""
        extra: list[Path] = []
        seen = set(FONT_FILES)
        for folder in _named_folders():
            if not folder.is_dir():
                continue
            files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".ttf")
            names = {p.name for p in files}
            for path in files:
                bold_face = "-Bold" in path.name and path.name.replace("-Bold", "-Regular") in names
                if path.name in seen or bold_face or not path.is_file():
                    continue
                seen.add(path.name)
                extra.append(path)
        return extra

    def _load(self, fallback: _Fallback) -> frozenset[int]:
        assert fallback.path is not None
        font = _read(fallback.name, fallback.path, self._cache)
        pdfmetrics.registerFont(font)
        # Bold text keeps its weight where the fallback family has a bold face.
        bold_path = fallback.path.with_name(_bold_of(fallback.file_name))
        bold_name = fallback.name
        if bold_path != fallback.path and bold_path.is_file():
            bold_name = fallback.name + "-Bold"
            pdfmetrics.registerFont(_read(bold_name, bold_path, self._cache))
        addMapping(fallback.name, 0, 0, fallback.name)
        addMapping(fallback.name, 0, 1, fallback.name)
        addMapping(fallback.name, 1, 0, bold_name)
        addMapping(fallback.name, 1, 1, bold_name)
        return frozenset(font.face.charToGlyph)

    def font_for(self, char: str) -> str:
        """The font family that draws ``char`` (BODY when every DejaVu face has it)."""
        known = self._font_of.get(char)
        if known is not None:
            return known
        code = ord(char)
        if code in self._body_chars or code < 0x20:
            return BODY
        with self._lock:
            chosen = BODY  # no font has it: DejaVu draws its "missing" box
            for fallback in self._fallbacks:
                if fallback.chars is None:
                    fallback.chars = self._load(fallback)
                if code in fallback.chars:
                    chosen = fallback.name
                    break
            self._font_of[char] = chosen
            return chosen

    def markup(self, text: str, *, bold: bool = False) -> str:
        """``text`` as Paragraph markup: escaped, in visual order, with font runs.

        Runs DejaVu can draw stay in the paragraph's own font (so <b> and <i>
        still work); other runs are wrapped in ``<font face=...>``. Such a tag
        sets the weight itself (reportlab does not carry an enclosing <b> into
        it), so text set in a bold style must say ``bold=True`` to get the
        fallback's bold face.
        """
        self.ensure()
        return "<br/>".join(self._line(line, bold) for line in text.split("\n"))

    def _line(self, text: str, bold: bool) -> str:
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
                pieces.append(_wrap("".join(run), run_font, bold))
                run = []
            run_font = font
            run.append(char)
        if run:
            pieces.append(_wrap("".join(run), run_font, bold))
        return "".join(pieces)

    def embedded_names(self) -> list[str]:
        """The reportlab names of the fallback fonts loaded so far (for tests)."""
        return [f.name for f in self._fallbacks if f.chars]


def _named_folders() -> list[Path]:
    """The folders named by the environment variable, in order."""
    return [Path(p) for p in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if p]


def _read(name: str, path: Path, cache: Path | None = None) -> TTFont:
    try:
        # The bytes, not the path: given a path it cannot open, reportlab would
        # look for a file of that name in the system font folders.
        data = path.read_bytes()
        if cache is not None:
            kept = _cached(name, data, cache)
            if kept is not None:
                return kept
        font = TTFont(name, io.BytesIO(data))
    except (OSError, TTFError) as error:
        raise ReportError(f"The report font {path} cannot be used: {error}") from None
    if cache is not None:
        _keep(font, data, cache)
    return font


#: Bumped when what is kept changes; part of each cache file's name with reportlab's version.
_CACHE_FORMAT = 1
#: The face's attributes that are not kept: the file's bytes (read anyway) and a function.
_NOT_KEPT = frozenset({"_ttf_data", "_pdfScale"})


def _cache_file(data: bytes, cache: Path) -> Path:
    digest = hashlib.sha256(data).hexdigest()
    return cache / f"{digest}-rl{REPORTLAB_VERSION}-{_CACHE_FORMAT}.marshal"


def _keep(font: TTFont, data: bytes, cache: Path) -> None:
    """Write what reportlab parsed of ``font`` to the cache; a failure only costs time."""
    state = {k: v for k, v in font.face.__dict__.items() if k not in _NOT_KEPT}
    names = [k for k, v in state.items() if isinstance(v, TTFNameBytes)]
    state = {k: bytes(v) if k in names else v for k, v in state.items()}
    try:
        payload = marshal.dumps({"face": state, "names": names})
    except ValueError:  # a value marshal cannot write: this font is parsed each time
        return
    target = _cache_file(data, cache)
    try:
        cache.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=cache, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(payload)
            os.replace(partial, target)
        except BaseException:
            os.unlink(partial)
            raise
    except OSError:
        return


def _cached(name: str, data: bytes, cache: Path) -> TTFont | None:
    """``data``'s font as reportlab parsed it before, from the cache, or None."""
    try:
        kept = marshal.loads(_cache_file(data, cache).read_bytes())
        state = dict(kept["face"])
        for key in kept["names"]:
            state[key] = TTFNameBytes(state[key])
        units = int(state["unitsPerEm"])
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face._ttf_data = data
    face._pdfScale = _pdf_scale(units)
    # What ``TTFont.__init__`` sets besides the face it parses.
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font


def _pdf_scale(units_per_em: int) -> Callable[[float], float]:
    """Font units to PDF's thousandths of the size (``TTFontFile.extractInfo``'s scale)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _wrap(run: str, font: str, bold: bool) -> str:
    escaped = escape(run)
    if font == BODY:
        return escaped
    face = tt2ps(font, 1, 0) if bold else font
    return f'<font face="{face}">{escaped}</font>'


FONTS = FontSet()


def use_font_folder(folder: Path | str) -> None:
    """Take the shipped report fonts from ``folder`` (``resources/fonts``)."""
    FONTS.use_folder(folder)


def use_font_cache(folder: Path | str | None) -> None:
    """Keep parsed report fonts in ``folder`` between processes (None: parse every time)."""
    FONTS.use_cache(folder)


def font_folders() -> list[Path]:
    """The folders searched for fonts, in order (see :meth:`FontSet.folders`)."""
    return FONTS.folders()


def find_font(file_name: str) -> Path | None:
    """The path of the font file ``file_name`` in the font folders, or None."""
    return FONTS.find(file_name)


def markup(text: str, *, bold: bool = False) -> str:
    """``text`` as Paragraph markup (see :meth:`FontSet.markup`)."""
    return FONTS.markup(text, bold=bold)
