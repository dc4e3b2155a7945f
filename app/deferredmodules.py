"""Standard-library modules loaded at their first use instead of when first imported.

SQLAlchemy imports :mod:`asyncio` and :mod:`importlib.metadata` when it loads
(for its asyncio extension and for plugins found through entry points): about
40 ms of a command's start on SQLite, with ``ssl``, ``socket``, ``email`` and
``zipfile`` which they pull in, although a command never runs an event loop or
looks up an entry point (and :mod:`ipaddress`, which ``urllib.parse`` imports
for one rare check). :func:`defer_unused` puts a stand-in for each in
``sys.modules`` before SQLAlchemy loads; ``import asyncio`` then gets the
stand-in, and the module's own code runs into it the first time one of its
names is used (or one of its submodules imported), so everything after that
sees the whole module, the very same object. This is what
:class:`importlib.util.LazyLoader` does, except that an ``import`` statement
does not set the load off (Python 3.11 reads ``__spec__`` on every import
of a module found in ``sys.modules``, which the lazy loader counts as a use).

Only the ``casedesk`` process installs them (:func:`app.cli.run` with
``process_ends``), before anything else imports the modules; a process that
has already loaded one keeps it as it is. ``tests/unit/test_deferred_modules.py``
checks the mechanism, ``tests/e2e/test_cli_start_light.py`` that ``case list``
runs without loading them.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from collections.abc import Iterable

#: Modules a command does not use, and the names SQLAlchemy reads from one of them
#: while it loads, each given from the submodule that defines it (module, submodule,
#: names): ``sqlalchemy.util.concurrency`` keeps ``asyncio.iscoroutine``, which
#: ``asyncio.coroutines`` defines with nothing more of asyncio.
UNUSED_BY_COMMANDS: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("importlib.metadata", None, ()),
    ("asyncio", "asyncio.coroutines", ("iscoroutine",)),
    # ``urllib.parse`` imports it to check a bracketed IPv6 host of a URL.
    ("ipaddress", None, ()),
)


class DeferredModule(types.ModuleType):
    """A module whose code runs into it when a name it lacks is first asked for."""

    def __getattr__(self, name: str) -> object:
        # Called only for a name the module does not hold yet.
        state = self.__dict__
        if state.get("_deferred_loader") == threading.get_ident():
            # Asked for while its own code runs (a submodule importing its package's
            # names): not there yet, as for any module being imported.
            raise AttributeError(f"partially loaded module {self.__name__!r} has no {name!r}")
        _load(self)
        return getattr(self, name)


def _load(module: DeferredModule) -> None:
    state = module.__dict__
    lock = state.get("_deferred_lock")
    if lock is None:
        return  # loaded by another thread
    with lock:
        if type(module) is not DeferredModule:
            return  # another thread loaded it while this one waited
        spec = module.__spec__
        assert spec is not None and spec.loader is not None
        state["_deferred_loader"] = threading.get_ident()
        try:
            if spec.submodule_search_locations is not None:
                state["__path__"] = list(spec.submodule_search_locations)
            spec.loader.exec_module(module)
        except BaseException:
            # As a failed import: the name is gone, the next import tries again.
            sys.modules.pop(spec.name, None)
            raise
        finally:
            del state["_deferred_loader"]
        module.__class__ = types.ModuleType  # type: ignore[assignment]  # its own type from now on
        del state["_deferred_lock"]


def is_deferred(name: str) -> bool:
    """Whether ``name`` is in ``sys.modules`` as a stand-in whose code has not run."""
    return type(sys.modules.get(name)) is DeferredModule


def defer(name: str, given: str | None = None, names: Iterable[str] = ()) -> bool:
    """Put a stand-in for module ``name`` in ``sys.modules``; False if it is loaded already.

    ``names`` are copied onto the stand-in from module ``given`` (imported now),
    for code that reads them while it loads; the module's own code later binds
    the same objects.
    """
    if name in sys.modules:
        return False
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return False
    module = DeferredModule(name)
    state = module.__dict__
    state.update(__spec__=spec, __loader__=spec.loader, __package__=spec.parent)
    state["_deferred_lock"] = threading.RLock()
    if spec.submodule_search_locations is not None:
        state["__package__"] = name
    if spec.has_location:
        state["__file__"] = spec.origin
        state["__cached__"] = spec.cached
    # No ``__path__`` yet: importing a submodule asks the package for it, which
    # loads the package first, as Python does without a stand-in.
    parent, _, child = name.rpartition(".")
    sys.modules[name] = module
    if parent:
        setattr(sys.modules[parent], child, module)
    if given is not None:
        state["__path__"] = list(spec.submodule_search_locations or ())
        try:
            source = importlib.import_module(given)
        finally:
            del state["__path__"]
        for attribute in names:
            state[attribute] = getattr(source, attribute)
    return True


def defer_unused() -> None:
    """Stand-ins for :data:`UNUSED_BY_COMMANDS` (each that is not loaded yet)."""
    for name, given, names in UNUSED_BY_COMMANDS:
        defer(name, given, names)
