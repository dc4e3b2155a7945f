"""Where the files shipped with Casedesk live: policy catalog, migrations, fonts.

In a source checkout they sit beside the ``app`` package; in a wheel they are
bundled inside it (see ``[tool.hatch.build.targets.wheel.force-include]``).
Every lookup goes through :func:`resource_path` so that difference stays here.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE.parent, _PACKAGE / "_bundled")


def resource_path(*parts: str) -> Path:
    """The path of a shipped file or folder, e.g. ``resource_path("resources", "policies")``."""
    for root in _CANDIDATES:
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
