"""Fonts found in the shipped folder, per-character fallback, and right-to-left text."""

from __future__ import annotations

import itertools
import os
import shutil
import unicodedata
from pathlib import Path

import pytest
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from reports import ReportError, fonts
from reports.rtl import shape_arabic, visual
from tests.reports.samples import FONT_FOLDER

#: Tifinagh: DejaVu Sans has it in the regular face only, no shipped fallback has it.
TIFINAGH = "\u2d30"


def _copy_of_shipped(target: Path, *, leave_out: str = "") -> Path:
    """A folder of links to the shipped fonts, without ``leave_out``."""
    target.mkdir()
    for path in FONT_FOLDER.glob("*.ttf"):
        if path.name != leave_out:
            (target / path.name).symlink_to(path)
    return target


def test_characters_dejavu_lacks_get_a_fallback_font() -> None:
    markup = fonts.markup("Anna 王小明 <b> & किरण")
    assert markup.startswith("Anna ")
    assert "&lt;b&gt; &amp;" in markup
    assert '<font face="Casedesk-DroidSansFallbackFull">王小明 </font>' in markup
    assert fonts.FONTS.font_for("王") == "Casedesk-DroidSansFallbackFull"
    assert fonts.FONTS.font_for("क") == "Casedesk-NotoSansDevanagari-Regular"
    assert fonts.FONTS.font_for("ሰ") == "Casedesk-NotoSansEthiopic-Regular"
    assert fonts.FONTS.font_for("Ж") == fonts.BODY
    assert fonts.FONTS.font_for("ש") == fonts.BODY


def test_every_face_a_character_is_drawn_with_has_its_glyph() -> None:
    """Bold and italic text never falls on a face without the glyph (a box):
    DejaVu's oblique faces lack Arabic, so Arabic is drawn with Noto Sans Arabic."""
    text = visual("Renée Ωμέγα Жанна שלום דוד محمد عبد الله سلام 王小明 さくら किरण ሰላም สมชาย")
    assert fonts.FONTS.font_for("ب") == "Casedesk-NotoSansArabic-Regular"
    fonts.markup(text)
    for char in set(text) - {" "}:
        family = fonts.FONTS.font_for(char)
        for bold, italic in itertools.product((0, 1), repeat=2):
            face = pdfmetrics.getFont(tt2ps(family, bold, italic))
            assert ord(char) in face.face.charToGlyph, (char, family, bold, italic)
    # Bold Arabic and Hebrew keep their weight with the shipped bold faces.
    assert tt2ps("Casedesk-NotoSansArabic-Regular", 1, 0) == "Casedesk-NotoSansArabic-Regular-Bold"


def test_newlines_become_line_breaks() -> None:
    assert fonts.markup("one\ntwo") == "one<br/>two"


def test_the_folders_searched_are_the_environment_then_the_shipped_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(fonts.ENVIRONMENT, raising=False)
    assert fonts.font_folders() == [FONT_FOLDER]
    assert fonts.FontSet(FONT_FOLDER).folders() == [FONT_FOLDER]
    assert fonts.FontSet().folders() == []
    first, second = tmp_path / "a", tmp_path / "b"
    monkeypatch.setenv(fonts.ENVIRONMENT, f"{first}{os.pathsep}{second}")
    assert fonts.FontSet(FONT_FOLDER).folders() == [first, second, FONT_FOLDER]
    assert fonts.find_font("DejaVuSans.ttf") == FONT_FOLDER / "DejaVuSans.ttf"
    # A file the shipped folder lacks is not looked for anywhere else.
    assert fonts.find_font("NotoSansSymbols2-Regular.ttf") is None
    assert fonts.find_font("DejaVuSerif.ttf") is None


def test_the_shipped_folder_holds_exactly_the_fonts_reports_use() -> None:
    assert sorted(p.name for p in FONT_FOLDER.glob("*.ttf")) == sorted(fonts.FONT_FILES)


@pytest.mark.parametrize(
    "left_out", ["DejaVuSans-Oblique.ttf", "DejaVuSansMono.ttf", "DroidSansFallbackFull.ttf"]
)
def test_a_missing_shipped_font_is_an_incomplete_installation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, left_out: str
) -> None:
    monkeypatch.delenv(fonts.ENVIRONMENT, raising=False)
    folder = _copy_of_shipped(tmp_path / "fonts", leave_out=left_out)
    # Even a plain Latin text: every report fails the same way.
    with pytest.raises(ReportError) as raised:
        fonts.FontSet(folder).markup("Jordan Whitaker")
    message = str(raised.value)
    assert f"{left_out} " in message and f"missing from {folder}" in message
    assert "installation is incomplete" in message
    assert "Debian" not in message and "package" not in message


def test_no_font_folder_given_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fonts.ENVIRONMENT, raising=False)
    with pytest.raises(ReportError, match="DejaVuSans.ttf .*no report font folder was given"):
        fonts.FontSet().ensure()


def test_the_environment_folder_may_add_fallback_fonts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(fonts.ENVIRONMENT, raising=False)
    shipped_only = fonts.FontSet(FONT_FOLDER)
    shipped_only.ensure()
    assert shipped_only.font_for(TIFINAGH) == fonts.BODY  # no shipped fallback has it
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(FONT_FOLDER / "DejaVuSans.ttf", extra / "ExtraSans-Regular.ttf")
    monkeypatch.setenv(fonts.ENVIRONMENT, str(extra))
    font_set = fonts.FontSet(FONT_FOLDER)
    assert font_set.markup(f"a {TIFINAGH}") == (
        f'a <font face="Casedesk-ExtraSans-Regular">{TIFINAGH}</font>'
    )
    # The shipped fallbacks come first.
    assert font_set.font_for("王") == "Casedesk-DroidSansFallbackFull"


def test_an_unreadable_extra_font_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "Broken.ttf").write_bytes(b"not a font")
    monkeypatch.setenv(fonts.ENVIRONMENT, str(extra))
    font_set = fonts.FontSet(FONT_FOLDER)
    assert font_set.markup("Ωμέγα") == "Ωμέγα"
    with pytest.raises(ReportError, match="Broken.ttf cannot be used"):
        font_set.markup(TIFINAGH)


def test_use_font_folder_switches_the_shared_font_set(tmp_path: Path) -> None:
    copy = _copy_of_shipped(tmp_path / "fonts")
    try:
        fonts.use_font_folder(copy)
        assert fonts.FONTS.folder == copy
        assert "王" in fonts.markup("王")
        assert fonts.find_font("DejaVuSans.ttf") == copy / "DejaVuSans.ttf"
    finally:
        fonts.use_font_folder(FONT_FOLDER)
    assert fonts.find_font("DejaVuSans.ttf") == FONT_FOLDER / "DejaVuSans.ttf"


def test_hebrew_is_reversed_for_drawing_marks_stay_on_their_letter() -> None:
    assert visual("שלום") == "םולש"
    assert visual("Name: דוד כהן, ID 7") == "Name: ןהכ דוד, ID 7"
    # A point (dagesh) stays after the letter it belongs to.
    assert visual("בּא") == "אבּ"


def test_digits_inside_right_to_left_text_keep_their_order() -> None:
    assert visual("שנת 2026 כאן") == "ןאכ 2026 תנש"


def test_arabic_letters_take_their_joining_forms() -> None:
    shaped = shape_arabic("سلام")
    names = [unicodedata.name(c) for c in shaped]
    assert names == [
        "ARABIC LETTER SEEN INITIAL FORM",
        "ARABIC LIGATURE LAM WITH ALEF FINAL FORM",
        "ARABIC LETTER MEEM ISOLATED FORM",
    ]
    # Back to the same letters under compatibility normalisation.
    assert unicodedata.normalize("NFKC", shaped) == "سلام"


def test_latin_text_is_untouched() -> None:
    text = "Δημήτρης (Greek) and Иван: 100% <ok>"
    assert visual(text) == text


def test_control_characters_are_dropped() -> None:
    assert fonts.markup("a\x00b\x0cc\x1bd\r\te") == "abcd e"


def test_a_cached_font_is_the_font_reportlab_parses(tmp_path: Path) -> None:
    path = FONT_FOLDER / "DejaVuSans-Bold.ttf"
    parsed = fonts._read("CacheTest", path)
    fonts._read("CacheTest", path, tmp_path)  # parsed, and kept
    assert len(list(tmp_path.glob("*.marshal"))) == 1
    cached = fonts._read("CacheTest", path, tmp_path)
    assert cached is not parsed
    # Everything reportlab set, with the same values (the scale is a function: compared by use).
    assert cached.__dict__.keys() == parsed.__dict__.keys()
    face, expected = dict(cached.face.__dict__), dict(parsed.face.__dict__)
    assert face.pop("_pdfScale")(1234.5) == expected.pop("_pdfScale")(1234.5)
    assert face == expected
    assert type(cached.face.name) is type(parsed.face.name)
    assert cached.shapable == parsed.shapable
    text = "Ärger über 王 and ሰ, 12.5 %"
    assert cached.stringWidth(text, 9.5) == parsed.stringWidth(text, 9.5)


def test_a_damaged_font_cache_file_is_parsed_again(tmp_path: Path) -> None:
    path = FONT_FOLDER / "DejaVuSansMono.ttf"
    fonts._read("CacheTestMono", path, tmp_path)
    (kept,) = tmp_path.glob("*.marshal")
    kept.write_bytes(b"\x00not marshal")
    font = fonts._read("CacheTestMono", path, tmp_path)
    assert font.face.charToGlyph == fonts._read("CacheTestMono", path).face.charToGlyph
