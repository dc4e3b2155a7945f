"""What the installable application relies on: resources found in a frozen
bundle, the icon at every size desktops ask for, and one application id in the
desktop file, the AppStream metainfo and the icon names."""

from __future__ import annotations

import configparser
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from app.resources import APP_ID, icon_files, migrations_path, resource_path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]


def test_the_frozen_application_reads_resources_from_its_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "resources" / "policies"
    bundled.mkdir(parents=True)
    (bundled / "ma_dys.toml").write_text("# bundled copy\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert resource_path("resources", "policies") == bundled
    # What the bundle lacks is still looked for beside the package.
    assert migrations_path() == ROOT / "migrations"


def test_a_bundle_folder_is_ignored_unless_the_application_is_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources" / "policies").mkdir(parents=True)
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert resource_path("resources", "policies") == ROOT / "resources" / "policies"


def test_the_icon_ships_at_every_size_desktops_ask_for() -> None:
    files = icon_files()

    assert [int(f.parent.name.split("x")[0]) for f in files] == DESKTOP_SIZES
    for path in files:
        with Image.open(path) as image:
            size = int(path.parent.name.split("x")[0])
            assert image.format == "PNG"
            assert image.size == (size, size)
            assert image.mode == "RGBA"
            assert image.getpixel((0, 0))[3] == 0  # transparent corner, drawn shape
            assert image.getpixel((size // 2, size // 2))[3] == 255
    assert resource_path("resources", "icons", f"{APP_ID}.svg").read_text().startswith("<?xml")


def test_the_desktop_file_and_the_metainfo_name_the_same_application() -> None:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    metainfo = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()

    assert entry["Exec"] == "casedesk"
    assert entry["Icon"] == APP_ID
    assert metainfo.findtext("id") == APP_ID
    assert metainfo.findtext("launchable") == f"{APP_ID}.desktop"
    assert metainfo.findtext("icon") == APP_ID
    assert metainfo.findtext("project_license") == "GPL-3.0-or-later"
    releases = [r.get("version") for r in metainfo.iter("release")]
    from app import __version__

    assert __version__ in releases
    for image in metainfo.iter("image"):
        name = (image.text or "").rsplit("/", 1)[-1]
        assert (ROOT / "docs" / "screenshots" / name).is_file(), name
