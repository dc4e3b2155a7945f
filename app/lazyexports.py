"""A package's names loaded from their modules at first use (PEP 562 ``__getattr__``).

A package that re-exported its modules' names imported all of them with
itself; through this, ``from app.services.discipline import X`` loads only
the module that defines ``X`` (the command line starts faster for it).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, homes: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package``.

    ``homes`` maps each name to the module defining it: a submodule's own name
    (``"flow"``) or a whole module name (``"app.services.reporting"``). A name
    loaded once is kept in ``namespace``, the package's ``globals()``.
    """

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = home if "." in home else f"{package}.{home}"
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
