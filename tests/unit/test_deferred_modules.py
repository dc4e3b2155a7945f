"""Modules deferred to their first use (app.deferredmodules), each in a fresh interpreter.

A stand-in must be indistinguishable from the module once anything of it is
used: the same object in ``sys.modules``, every name, its submodules.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=_ROOT,
        env={"PYTHONPATH": str(_ROOT), "PATH": "/usr/bin:/bin"}, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.subprocess
def test_sqlalchemy_loads_without_asyncio_and_the_modules_load_whole_at_first_use() -> None:
    seen = _run(
        """
import json, sys
from app.deferredmodules import defer_unused, is_deferred
defer_unused()
stand_in = sys.modules["asyncio"]
import sqlalchemy, sqlalchemy.orm
from sqlalchemy.util import is_exit_exception
from app.db import base  # the declarative base and its types
before = {n: is_deferred(n) for n in ("asyncio", "importlib.metadata")}
loaded_with = sorted(m for m in ("ssl", "socket", "email", "zipfile") if m in sys.modules)
import asyncio
async def answer():
    await asyncio.sleep(0)
    return 42
ran = asyncio.run(answer())  # the whole module, loaded into the stand-in
from importlib import metadata
version = metadata.version("sqlalchemy")
print(json.dumps({
    "before": before, "loaded_with": loaded_with, "ran": ran,
    "same": sys.modules["asyncio"] is stand_in and type(stand_in).__name__ == "module",
    "cancelled": is_exit_exception(asyncio.CancelledError()),
    "after": {n: is_deferred(n) for n in ("asyncio", "importlib.metadata")},
    "version": version == sqlalchemy.__version__,
}))
"""
    )
    assert seen["before"] == {"asyncio": True, "importlib.metadata": True}
    assert seen["loaded_with"] == []
    assert seen["ran"] == 42
    assert seen["same"] is True
    assert seen["cancelled"] is True
    assert seen["after"] == {"asyncio": False, "importlib.metadata": False}
    assert seen["version"] is True


@pytest.mark.subprocess
def test_a_submodule_import_a_star_import_and_threads_each_load_the_package_first() -> None:
    seen = _run(
        """
import json, sys, threading
from app.deferredmodules import defer, is_deferred
defer("asyncio", "asyncio.coroutines", ("iscoroutine",))
import asyncio
early = asyncio.iscoroutine  # given without loading
deferred = is_deferred("asyncio")
import asyncio.queues  # a submodule: the package's own code runs first
after_submodule = not is_deferred("asyncio") and hasattr(asyncio, "Queue")
defer("zipfile")
results = []
def use():
    import zipfile
    results.append(zipfile.ZipFile.__name__)
threads = [threading.Thread(target=use) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
namespace = {}
defer("tomllib")
exec("from tomllib import *", namespace)
print(json.dumps({
    "deferred": deferred, "early": early is asyncio.coroutines.iscoroutine,
    "after_submodule": after_submodule, "threads": results,
    "star": "loads" in namespace, "zipfile": is_deferred("zipfile"),
    "again": defer("asyncio"),
}))
"""
    )
    assert seen["deferred"] is True
    assert seen["early"] is True
    assert seen["after_submodule"] is True
    assert seen["threads"] == ["ZipFile"] * 4
    assert seen["star"] is True
    assert seen["zipfile"] is False
    assert seen["again"] is False  # a loaded module is left as it is
