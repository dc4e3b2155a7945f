"""A description of the machine and software the figures were measured on."""

from __future__ import annotations

import os
import platform
from pathlib import Path

import sqlalchemy

from app.db import sqlcipher


def _first(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    except OSError:
        return None
    return None


def describe() -> dict[str, str]:
    """CPU, cores, memory, OS and the versions that matter to the figures."""
    memory = _first("/proc/meminfo", "MemTotal")
    if memory and memory.endswith("kB"):
        memory = f"{int(memory.split()[0]) / 1024**2:.1f} GiB"
    facts = {
        "CPU": _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "Cores": str(os.cpu_count() or "unknown"),
        "Memory": memory or "unknown",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "SQLite": sqlcipher.dbapi().sqlite_version,  # the one the application opens files with
        "SQLAlchemy": sqlalchemy.__version__,
    }
    try:
        import psycopg

        facts["psycopg"] = psycopg.__version__
    except ImportError:
        pass
    return facts
