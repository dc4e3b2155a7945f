"""Where the files shipped with Casedesk live: policy catalog, migrations, fonts.

In a source checkout they sit beside the ``app`` package; in a wheel they are
bundled inside it (see ``[tool.hatch.build.targets.wheel.force-include]``); in
the installed application built by PyInstaller (``packaging/casedesk.spec``)
they sit in the bundle's folder, ``sys._MEIPASS``. Every lookup goes through
:func:`resource_path` so that difference stays here.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ID = "org.casedesk.Casedesk"
"""The reverse-DNS application id: desktop file, metainfo and icon names."""

_PACKAGE = Path(__file__).resolve().parent


def _roots() -> tuple[Path, ...]:
    bundle = getattr(sys, "_MEIPASS", None)  # set by the frozen application only
    frozen = (Path(bundle),) if getattr(sys, "frozen", False) and bundle else ()
    return (*frozen, _PACKAGE.parent, _PACKAGE / "_bundled")


def resource_path(*parts: str) -> Path:
    """The path of a shipped file or folder, e.g. ``resource_path("resources", "policies")``."""
    for root in _roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"Casedesk is incomplete: {'/'.join(parts)} is missing.")


def migrations_path() -> Path:
    """The alembic script folder."""
    return resource_path("migrations")


def report_fonts_path() -> Path:
    """The folder of the TrueType fonts reports embed (see its README.md)."""
    return resource_path("resources", "fonts")


def policy_files() -> list[Path]:
    """The policy catalog files, one TOML file per source policy, in a stable order."""
    return sorted(resource_path("resources", "policies").glob("*.toml"))


def icon_files() -> list[Path]:
    """The application icon rendered at each shipped size (``<n>x<n>/APP_ID.png``)."""
    try:
        folder = resource_path("resources", "icons")
    except FileNotFoundError:
        return []
    return sorted(folder.glob(f"*x*/{APP_ID}.png"), key=lambda p: int(p.parent.name.split("x")[0]))
