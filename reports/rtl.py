"""Right-to-left text (Arabic, Hebrew, Syriac, Thaana...) for reportlab.

reportlab draws glyphs in the order of the string, left to right, and shapes
nothing unless uharfbuzz is installed (it is not a dependency). So before a
string reaches a Paragraph it is turned into *visual* order here:

- Arabic letters take their contextual form (isolated, initial, medial, final)
  from the Unicode presentation-form blocks, with the lam-alef ligatures; the
  tables are derived from :mod:`unicodedata`, not typed in by hand.
- Each run of right-to-left text is reversed (keeping combining marks after
  their base letter and digits in their own order), inside a left-to-right
  paragraph, which is what every report paragraph is.

Limits: this is not the full Unicode bidirectional algorithm. A right-to-left
run that wraps onto a second line is broken as left-to-right text would be
(the lines read in the wrong order); names, references and short phrases,
which is what the reports hold in these scripts, come out right. Text
extracted from the PDF comes back in visual order and in presentation forms.
Scripts that need other shaping (Devanagari conjuncts, the i-matra placed
before its consonant) are drawn glyph by glyph, unshaped.
"""

from __future__ import annotations

import functools
import unicodedata

_FORM_TAGS = ("<isolated>", "<final>", "<initial>", "<medial>")
_LAM = "\u0644"
_TATWEEL = "\u0640"
_ALEFS = "\u0622\u0623\u0625\u0627"
_MIRRORED = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<"}
_MIRRORED.update({"\u00ab": "\u00bb", "\u00bb": "\u00ab"})


@functools.cache
def _tables() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """(contextual forms by letter, lam-alef ligature forms by alef) from unicodedata."""
    forms: dict[str, dict[str, str]] = {}
    ligatures: dict[str, dict[str, str]] = {}
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        char = chr(code)
        parts = unicodedata.decomposition(char).split()
        if len(parts) < 2 or parts[0] not in _FORM_TAGS:
            continue
        tag = parts[0][1:-1]
        bases = "".join(chr(int(p, 16)) for p in parts[1:])
        if len(bases) == 1:
            forms.setdefault(bases, {}).setdefault(tag, char)
        elif len(bases) == 2 and bases[0] == _LAM and bases[1] in _ALEFS:
            ligatures.setdefault(bases[1], {}).setdefault(tag, char)
    return forms, ligatures


def _is_transparent(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me", "Cf") and char != "\u200d"


def _joins_forward(char: str, forms: dict[str, dict[str, str]]) -> bool:
    """Whether ``char`` connects to the letter after it (dual-joining letters)."""
    if char in (_TATWEEL, "\u200d"):
        return True
    entry = forms.get(char)
    return entry is not None and ("initial" in entry or "medial" in entry)


def _joins_back(char: str, forms: dict[str, dict[str, str]]) -> bool:
    """Whether ``char`` connects to the letter before it."""
    if char in (_TATWEEL, "\u200d"):
        return True
    entry = forms.get(char)
    return entry is not None and ("final" in entry or "medial" in entry)


def shape_arabic(text: str) -> str:
    """``text`` with Arabic letters in their contextual presentation forms."""
    forms, ligatures = _tables()
    if not any(c in forms for c in text):
        return text
    out: list[str] = []
    skip: set[int] = set()
    letters = [i for i, c in enumerate(text) if not _is_transparent(c)]
    position = {index: n for n, index in enumerate(letters)}
    for i, char in enumerate(text):
        if i in skip:
            continue
        if char not in forms:
            out.append(char)
            continue
        n = position[i]
        before = text[letters[n - 1]] if n > 0 else ""
        after_index = letters[n + 1] if n + 1 < len(letters) else -1
        after = text[after_index] if after_index >= 0 else ""
        joined_before = bool(before) and _joins_forward(before, forms) and _joins_back(char, forms)
        if char == _LAM and after in ligatures:
            tag = "final" if joined_before else "isolated"
            out.append(ligatures[after].get(tag, ligatures[after].get("isolated", char + after)))
            # Marks between lam and alef stay after the ligature.
            out.extend(text[k] for k in range(i + 1, after_index))
            skip.update(range(i + 1, after_index + 1))
            continue
        joined_after = bool(after) and _joins_forward(char, forms) and _joins_back(after, forms)
        if joined_before and joined_after:
            tag = "medial"
        elif joined_before:
            tag = "final"
        elif joined_after:
            tag = "initial"
        else:
            tag = "isolated"
        entry = forms[char]
        out.append(entry.get(tag) or entry.get("isolated") or char)
    return "".join(out)


def _direction(char: str) -> str:
    """'R' for strong right-to-left, 'L' for strong left-to-right, 'N' otherwise."""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    return "N"


def _clusters(text: str) -> list[str]:
    """``text`` cut into base characters each followed by its combining marks."""
    clusters: list[str] = []
    for char in text:
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _reverse_run(run: str) -> str:
    """A right-to-left run in visual order: clusters reversed, digit groups kept."""
    pieces: list[str] = []
    for cluster in _clusters(run):
        base = cluster[0]
        is_digit = unicodedata.bidirectional(base) in ("EN", "AN")
        if is_digit and pieces and pieces[-1][:1].isdigit():
            pieces[-1] += cluster
        else:
            pieces.append(cluster if is_digit else _MIRRORED.get(base, base) + cluster[1:])
    return "".join(reversed(pieces))


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter."""
    return any(_direction(c) == "R" for c in text)


def visual(text: str) -> str:
    """``text`` (logical order) in the visual order reportlab draws, shaped."""
    if not has_rtl(text):
        return text
    text = shape_arabic(text)
    out: list[str] = []
    i = 0
    while i < len(text):
        if _direction(text[i]) != "R":
            out.append(text[i])
            i += 1
            continue
        # A run from this strong RTL letter to the last strong RTL letter before
        # the next strong LTR one; neutrals between them belong to the run.
        end = i
        j = i
        while j < len(text) and _direction(text[j]) != "L":
            if _direction(text[j]) == "R":
                end = j
            j += 1
        end += 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        out.append(_reverse_run(text[i:end]))
        i = end
    return "".join(out)
