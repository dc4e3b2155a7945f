"""A private PostgreSQL server for the benchmarks, as the test suite starts one.

The cluster lives in ``benchmarks/data/postgres`` so that its generated data
is reused by the next run; the server runs only while the benchmarks do.
As root, its files and processes belong to the ``postgres`` user.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.generate import DATA_DIR

DATABASE = "casedesk_bench"
#: Durability off: the benchmarks measure reads, and loading is faster.
_OPTIONS = "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"


def _bindir() -> Path:
    override = os.environ.get("CASEDESK_PG_BINDIR")
    candidates = [Path(override)] if override else []
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        versions = sorted(
            (p for p in root.iterdir() if p.name.isdigit()), key=lambda p: -int(p.name)
        )
        candidates += [p / "bin" for p in versions]
    for candidate in candidates:
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            return candidate
    raise SystemExit(
        "PostgreSQL's server programs (initdb, pg_ctl) are not installed; install the Debian "
        "package 'postgresql' or set CASEDESK_PG_BINDIR."
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Cluster:
    def __init__(self, base: Path) -> None:
        self.bindir = _bindir()
        self.as_root = os.geteuid() == 0
        self.base = base
        self.data = base / "data"
        self.sockets = base / "sockets"
        self.log = base / "server.log"

    def run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / tool), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        return subprocess.run(
            command, cwd=self.base, env=env, capture_output=True, text=True, check=True
        )

    def create(self) -> None:
        self.sockets.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            for path in (self.base, self.sockets):
                shutil.chown(path, "postgres", "postgres")
        self.run(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip

    def start(self, port: int) -> None:
        options = f"-p {port} -k {self.sockets} {_OPTIONS}"
        self.run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
            "-w", "-t", "120", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def ensure_database(self, port: int) -> None:
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,))
            if found.fetchone() is None:
                conn.execute(f"CREATE DATABASE {DATABASE}")


@contextmanager
def private_server(*, fresh: bool = False, base: Path | None = None) -> Iterator[str]:
    """Start the private server (creating it if needed); yield its database URL; stop it.

    ``base`` is the cluster's folder (default ``benchmarks/data/postgres``).
    """
    base = base or DATA_DIR / "postgres"
    if fresh and base.exists():
        shutil.rmtree(base)
    cluster = _Cluster(base)
    if not (cluster.data / "PG_VERSION").is_file():
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir(parents=True)
        cluster.create()
    port = _free_port()
    cluster.start(port)
    try:
        cluster.ensure_database(port)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{DATABASE}"
    finally:
        cluster.stop()
