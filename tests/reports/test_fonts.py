"""Fonts found by path, per-character fallback, and right-to-left text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from reports import ReportError, fonts
from reports.rtl import shape_arabic, visual


def test_characters_dejavu_lacks_get_a_fallback_font() -> None:
    markup = fonts.markup("Anna 王小明 <b> & किरण")
    assert markup.startswith("Anna ")
    assert "&lt;b&gt; &amp;" in markup
    assert '<font face="CasedeskFallback' in markup
    chinese = fonts.FONTS.font_for("王")
    devanagari = fonts.FONTS.font_for("क")
    assert chinese != fonts.BODY and devanagari != fonts.BODY and chinese != devanagari
    assert fonts.FONTS.font_for("Ж") == fonts.BODY


def test_newlines_become_line_breaks() -> None:
    assert fonts.markup("one\ntwo") == "one<br/>two"


def test_missing_body_font_says_which_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts, "_SYSTEM_FOLDERS", ())
    monkeypatch.setenv(fonts.ENVIRONMENT, str(tmp_path))
    with pytest.raises(ReportError, match="DejaVuSans.ttf .*fonts-dejavu-core"):
        fonts.FontSet().ensure()


def test_missing_fallback_font_says_which_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dejavu = fonts.find_font("DejaVuSans.ttf")
    assert dejavu is not None
    for path in dejavu.parent.glob("DejaVuSans*.ttf"):
        (tmp_path / path.name).symlink_to(path)
    monkeypatch.setattr(fonts, "_SYSTEM_FOLDERS", ())
    monkeypatch.setenv(fonts.ENVIRONMENT, str(tmp_path))
    font_set = fonts.FontSet()
    font_set.ensure()
    assert font_set.markup("Ωμέγα") == "Ωμέγα"
    with pytest.raises(ReportError, match="U\\+738B.*fonts-droid-fallback"):
        font_set.markup("王")


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
