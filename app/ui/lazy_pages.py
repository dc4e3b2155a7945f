"""The main window's views, each built the first time it is shown or asked for.

Building a view imports its modules (and through them services, reports,
Pillow ...) and lays out its widgets; the window opens faster when only the
view in front is built. Until then a view's place in the stack holds an empty
placeholder.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

from app.ui.workspace import Workspace


def deferred(module: str, name: str) -> Callable[[Workspace], QWidget]:
    """A view factory that imports ``module`` only when the view is built."""

    def build(workspace: Workspace) -> QWidget:
        factory: Callable[[Workspace], QWidget] = getattr(importlib.import_module(module), name)
        return factory(workspace)

    build.__qualname__ = f"deferred({module}.{name})"
    return build


class LazyPages(Mapping[str, QWidget]):
    """The views by key, in the order of ``stack``; a lookup builds the view."""

    def __init__(
        self,
        stack: QStackedWidget,
        factories: Sequence[tuple[str, Callable[[Workspace], QWidget]]],
        workspace: Workspace,
        on_built: Callable[[str, QWidget], None],
    ) -> None:
        self._stack = stack
        self._factories = dict(factories)
        self._keys = [key for key, _ in factories]
        self._workspace = workspace
        self._on_built = on_built
        self._built: dict[str, QWidget] = {}
        for key in self._keys:
            placeholder = QWidget()
            placeholder.setObjectName(f"placeholder_{key}")
            stack.addWidget(placeholder)

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._factories:
            raise KeyError(key)
        page = self._built.get(key)
        if page is None:
            index = self._keys.index(key)
            page = self._factories[key](self._workspace)
            page.setObjectName(f"page_{key}")
            placeholder = self._stack.widget(index)
            was_current = self._stack.currentIndex() == index
            self._stack.insertWidget(index, page)
            if placeholder is not None:
                self._stack.removeWidget(placeholder)
                placeholder.deleteLater()
            if was_current:
                self._stack.setCurrentIndex(index)
            self._built[key] = page
            self._on_built(key, page)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._factories

    def peek(self, key: str) -> QWidget | None:
        """The view if it was built already; None otherwise (and nothing is built)."""
        return self._built.get(key)

    def key_at(self, index: int) -> str:
        return self._keys[index]

    def built(self) -> list[QWidget]:
        """The views built so far (closing and saving need not build the others)."""
        return list(self._built.values())
