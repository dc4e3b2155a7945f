"""The GUI's module strings, ``tr(_C, "…")``, reach the translation template.

lupdate reads ``self.tr("…")`` by itself but cannot resolve a context held
in ``_C``; ``scripts/module_strings.py`` writes those calls out for it
(``make translations``).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from module_strings import module_strings  # noqa: E402


def test_a_modules_strings_are_found_with_its_context(tmp_path: Path) -> None:
    module = tmp_path / "labels.py"
    module.write_text(
        "from app.ui.i18n import tr\n"
        '_C = "EvidenceLabels"\n'
        "def label(n):\n"
        "    said = tr(\n"
        '        _C, "An item of "\n'
        '        "{0} pixels"\n'
        "    ).format(n)\n"
        '    return said + tr(_C, "done") + tr("Other", "not ours") + self_tr("x")\n',
        encoding="utf-8",
    )
    assert list(module_strings(module)) == [
        ("EvidenceLabels", "An item of {0} pixels", 4),
        ("EvidenceLabels", "done", 8),
    ]
    plain = tmp_path / "plain.py"
    plain.write_text('from app.ui.i18n import tr\nX = tr("Ctx", "y")\n', encoding="utf-8")
    assert list(module_strings(plain)) == []  # no _C: nothing of the module's own


def test_a_text_that_is_not_a_literal_is_refused_by_name(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text('_C = "Ctx"\ndef f(x):\n    return tr(_C, x)\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="bad.py:3: tr\\(_C, …\\) needs a literal text"):
        list(module_strings(module))


def test_the_template_holds_every_module_string_of_the_gui() -> None:
    files = subprocess.run(
        ["git", "ls-files", "app/ui/*.py", "app/ui/**/*.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    found = {(context, text) for f in files for context, text, _line in module_strings(ROOT / f)}
    assert len(found) > 400
    template = (ROOT / "resources/translations/casedesk.ts").read_text(encoding="utf-8")
    held = set()
    for block in re.findall(r"<context>(.*?)</context>", template, re.S):
        name = re.search(r"<name>(.*?)</name>", block).group(1)  # type: ignore[union-attr]
        for source in re.findall(r"<source>(.*?)</source>", block, re.S):
            held.add((name, html.unescape(source)))
    missing = sorted(found - held)
    assert not missing, f"run make translations: {len(missing)} missing, e.g. {missing[:3]}"
