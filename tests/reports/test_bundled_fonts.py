"""The report fonts ship with Casedesk: reports embed those files and no other.

The embedded subsets are tied to the shipped files by their PostScript name
and by the tables reportlab copies unchanged into a subset (``name``,
``OS/2`` and the hinting programs), so a same-named font from elsewhere with
other bytes would not pass.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.platypus import SimpleDocTemplate

from reports import fonts, render_disciplinary
from reports.layout import Styles, para, rich
from tests.reports import samples
from tests.reports.conftest import embedded_fonts
from tests.reports.samples import FONT_FOLDER

ROOT = FONT_FOLDER.parents[1]
#: A name in Latin, Arabic, Hebrew and Chinese, and a post in Hindi and Amharic.
NAME = "Jordan Whitaker محمد عبد الله דוד כהן 王小明"
CONDUCT = "Posted “आज की पार्टी” and “ሰላም ለሁሉም” with a photograph taken in the dayroom."


def _readme_digests() -> dict[str, str]:
    readme = (FONT_FOLDER / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\S+\.ttf) \|.*\| `([0-9a-f]{64})` \|$", readme, re.MULTILINE)
    return dict(rows)


def test_the_shipped_files_match_the_digests_in_the_readme() -> None:
    listed = _readme_digests()
    on_disk = {p.name: p for p in FONT_FOLDER.glob("*.ttf")}
    assert sorted(listed) == sorted(on_disk)
    for name, path in on_disk.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == listed[name], name
    # Modest: under 12 MB in all, with a licence for each family.
    assert sum(p.stat().st_size for p in on_disk.values()) < 12_000_000
    for licence in ("LICENSE-DejaVu.txt", "LICENSE-DroidSansFallback.txt", "LICENSE-Noto-OFL.txt"):
        assert (FONT_FOLDER / licence).stat().st_size > 1000


def test_a_report_in_many_scripts_embeds_only_the_shipped_fonts() -> None:
    report = samples.disciplinary(name=NAME, evidence=1)
    first = dataclasses.replace(report.allegations[0], conduct=CONDUCT)
    report = dataclasses.replace(report, allegations=(first, *report.allegations[1:]))
    names = embedded_fonts(render_disciplinary(report))
    assert names == {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSansMono",  # the evidence item's SHA-256
        "NotoSansArabic-Regular",
        "DroidSansFallback",
        "NotoSansDevanagari-Regular",
        "NotoSansEthiopic-Regular",
    }


def test_italic_and_bold_text_in_any_script_embeds_only_the_shipped_fonts() -> None:
    text = "Renée Ωμέγα محمد דוד 王小明"
    out = io.BytesIO()
    SimpleDocTemplate(out, initialFontName=fonts.BODY).build(
        [
            rich(f"<i>{fonts.markup(text)}</i>", Styles.body),
            rich(f"<b><i>{fonts.markup(text, bold=True)}</i></b>", Styles.body),
            para(text, Styles.cell_bold),
        ]
    )
    assert embedded_fonts(out.getvalue()) == {
        "DejaVuSans-Oblique",
        "DejaVuSans-BoldOblique",
        "DejaVuSans-Bold",
        "NotoSansArabic-Regular",
        "NotoSansArabic-Bold",  # Arabic in bold text keeps its weight
        "DroidSansFallback",
    }


_SUBPROCESS = """
import json, os, sys

# reportlab lists the system font folders when it is imported (its search path
# for fonts named without a folder, which reports never use): watch from here on.
import reportlab.rl_config

touched = []


def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        touched.append(os.fsdecode(args[0]))
    elif event in ("os.listdir", "os.scandir") and isinstance(args[0], (str, bytes)):
        touched.append(os.fsdecode(args[0]))


sys.addaudithook(hook)

import reports
from app.resources import report_fonts_path
from tests.reports import samples

reports.use_font_folder(report_fonts_path())
pdf = reports.render_disciplinary(samples.disciplinary(name=sys.argv[1], evidence=1))
sys.stdout.write(json.dumps({"touched": touched, "pdf": pdf.hex()}))
"""


def test_a_report_renders_without_any_system_font_folder(tmp_path: Path) -> None:
    """As the application does it (the resources helper names the folder), in a
    fresh process with no CASEDESK_REPORT_FONTS: no font file is read, and no
    font folder listed, outside resources/fonts."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    completed = subprocess.run(
        [sys.executable, "-c", _SUBPROCESS, NAME],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    touched = [Path(p).resolve() for p in result["touched"]]
    font_files = [p for p in touched if p.suffix.lower() in (".ttf", ".otf", ".ttc", ".pfb")]
    assert font_files, "the report read no font file"
    assert all(p.parent == FONT_FOLDER.resolve() for p in font_files), font_files
    home = tmp_path.resolve()
    system = ("/usr/share/fonts", "/usr/local/share/fonts", f"{home}/.fonts", f"{home}/.local")
    assert not [p for p in touched if str(p).startswith(system)]
    names = embedded_fonts(bytes.fromhex(result["pdf"]))
    assert {"DejaVuSans", "NotoSansArabic-Regular", "DroidSansFallback"} <= names


@pytest.mark.parametrize("name", ["Δημήτρης Παπαδόπουλος", "דוד כהן", "محمد عبد الله", "王小明"])
def test_names_in_other_scripts_use_the_shipped_fonts(name: str) -> None:
    names = embedded_fonts(render_disciplinary(samples.disciplinary(name=name, evidence=0)))
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= names
