"""Evidence import: 100 generated 1920x1080 PNG screenshots into a fresh SQLite database.

``import_evidence`` (read, size, hash, duplicate check, one decode for the
checks and the 240-pixel thumbnail, blob + item + thumbnail + audit event
committed per item) is compared in the same run with the floor: a plain
loop that reads, hashes, decodes and thumbnails the same files and does
nothing else. The import runs in a worker thread, as the GUI runs it, while
the main thread ticks every 5 ms: the longest gap between ticks is the
stall a UI thread would see. Resident memory is sampled after every 10 items.

``python -m benchmarks.evidence`` runs it alone; ``python -m benchmarks``
runs it after the other figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import io
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from benchmarks.results import load_average, record

#: The goal: the import's rate at least this share of the floor's.
GOAL_SHARE = 0.70
#: The goal for the longest stall of the main thread during the import.
GOAL_STALL_MS = 50.0
COUNT = 100
SIZE = (1920, 1080)
THUMBNAIL_SIDE = 240
_CACHE = Path(__file__).parent / "data" / "screenshots"
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _rss_mib() -> float:
    """Current resident memory of this process (not the peak)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * _PAGE_SIZE / 1024**2


def _screenshot(n: int) -> Image.Image:
    """A feed-like page: header, posts with text lines, a photo with noise, all varied by n."""
    rng = random.Random(n)
    width, height = SIZE
    image = Image.new("RGB", SIZE, (245, 246, 248))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 64), fill=(59, 89, 152))
    draw.text((24, 20), f"social.example  /  profile {n:03d}", fill=(255, 255, 255))
    y = 90
    while y < height - 160:
        draw.rectangle((360, y, 1560, y + 300), fill=(255, 255, 255), outline=(220, 220, 225))
        draw.ellipse((380, y + 16, 436, y + 72), fill=(rng.randrange(256), 120, 180))
        for line in range(6):
            words = " ".join(
                "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
                for _ in range(rng.randint(6, 16))
            )
            draw.text((456, y + 20 + line * 18), words, fill=(30, 30, 30))
        # A photo in the post: smooth colour with camera-like noise.
        photo = Image.effect_noise((400, 150), rng.uniform(20, 60)).convert("RGB")
        tint = Image.new("RGB", photo.size, (rng.randrange(256), rng.randrange(256), 90))
        image.paste(Image.blend(photo, tint, 0.6), (456, y + 135))
        y += 330
    return image


def screenshots(count: int = COUNT) -> list[Path]:
    """The benchmark's PNG files, generated once and cached in benchmarks/data/screenshots."""
    _CACHE.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = _CACHE / f"screenshot-{n:03d}.png"
        if not path.exists():
            partial = path.with_suffix(".part")
            _screenshot(n).save(partial, format="PNG")
            partial.replace(path)
        paths.append(path)
    return paths


def _floor_one(path: Path) -> None:
    data = path.read_bytes()
    hashlib.sha256(data).hexdigest()
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        out = io.BytesIO()
        image.save(out, format="PNG", compress_level=1)


def floor(paths: list[Path], workers: int | None = None) -> float:
    """Seconds to read, hash, decode and thumbnail (PNG) each file and do nothing else,
    on as many threads as the import prepares files on (``PREPARE_WORKERS``)."""
    from app.services.evidence.prepare import PREPARE_WORKERS

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers or PREPARE_WORKERS) as pool:
        list(pool.map(_floor_one, paths))
    return time.perf_counter() - started


@dataclass
class _Ticker:
    """The main thread's ticks while the import runs: the longest gap is the stall."""

    interval: float = 0.005
    gaps: list[float] = field(default_factory=list)

    def run_while(self, worker: threading.Thread) -> None:
        last = time.perf_counter()
        while worker.is_alive():
            time.sleep(self.interval)
            now = time.perf_counter()
            self.gaps.append(now - last - self.interval)
            last = now


@dataclass
class ImportFigures:
    """What one import run measured."""

    seconds: float
    added: int
    rss_mib: list[float]
    longest_stall_ms: float
    p99_stall_ms: float
    database_mib: float


def measure_import(paths: list[Path], folder: Path) -> ImportFigures:
    """Import ``paths`` into a fresh SQLite database in ``folder``."""
    from app.domain.permissions import Role
    from app.services import accounts, cases, setup
    from app.services.cases import CaseFields
    from app.services.database import Database
    from app.services.evidence.intake import IntakeFile, IntakeMetadata, import_evidence

    database_path = folder / "evidence-bench.sqlite3"
    database = Database.open(f"sqlite:///{database_path}")
    try:
        setup.initialize(
            database, admin_username="admin", admin_full_name="Bench Admin",
            admin_password="copper harbour lantern",
        )  # fmt: skip
        admin = accounts.authenticate(database, "admin", "copper harbour lantern")
        accounts.add_user(
            database, admin, username="ivy", full_name="Ivy Investigator",
            password="velvet thistle compass", roles=frozenset({Role.INVESTIGATOR}),
            agency_codes=("MADYS",),
        )  # fmt: skip
        actor = accounts.authenticate(database, "ivy", "velvet thistle compass")
        fields = CaseFields(agency_code="MADYS", title="Evidence import benchmark",
                            reported_on=dt.date(2026, 3, 2))  # fmt: skip
        case_id = cases.create_case(database, actor, fields).id
        files = [IntakeFile(p.name, path=p) for p in paths]
        metadata = IntakeMetadata(
            source_url="https://social.example/profile", platform="Facebook",
            captured_at="2026-03-02T14:05:00-06:00", captured_by="Ivy Investigator",
        )  # fmt: skip
        # As the application does after sign-in (app/ui/app.py): what is loaded
        # by now lives for the session and stays out of the full collections.
        gc.freeze()
        rss: list[float] = [_rss_mib()]

        def progress(done: int, _total: int, _name: str) -> None:
            if done and done % 10 == 0:
                rss.append(_rss_mib())

        outcome: dict[str, object] = {}

        def work() -> None:
            try:
                started = time.perf_counter()
                report = import_evidence(
                    database, actor, case_id, files, metadata, progress=progress
                )
                outcome["seconds"] = time.perf_counter() - started
                outcome["added"] = len(report.added)
                outcome["failed"] = report.failed
            except BaseException as exc:  # noqa: BLE001 - reported on the main thread
                outcome["error"] = exc

        ticker = _Ticker()
        worker = threading.Thread(target=work, name="evidence-import")
        worker.start()
        ticker.run_while(worker)
        worker.join()
        if "error" in outcome:
            raise RuntimeError(f"the import failed: {outcome['error']!r}")
        if outcome["failed"]:
            raise RuntimeError(f"files were refused: {outcome['failed']}")
        gaps = sorted(ticker.gaps)
        return ImportFigures(
            seconds=float(outcome["seconds"]),  # type: ignore[arg-type]
            added=int(outcome["added"]),  # type: ignore[call-overload]
            rss_mib=rss,
            longest_stall_ms=gaps[-1] * 1000 if gaps else 0.0,
            p99_stall_ms=gaps[int(len(gaps) * 0.99)] * 1000 if gaps else 0.0,
            database_mib=database_path.stat().st_size / 1024**2,
        )
    finally:
        database.close()


def run(count: int = COUNT, rounds: int = 3) -> dict[str, object]:
    """Generate (or reuse) the files, then alternate floor and import ``rounds`` times.

    Alternating keeps both sides under the same load on a shared machine;
    each import goes into a new database. The ratio is taken per round.
    """
    paths = screenshots(count)
    total_mib = sum(p.stat().st_size for p in paths) / 1024**2
    for path in paths:  # warm the page cache so neither side pays for the disk
        path.read_bytes()
    floors: list[float] = []
    imports: list[ImportFigures] = []
    loads = [load_average()]
    for _round in range(rounds):
        floors.append(floor(paths))
        with tempfile.TemporaryDirectory(prefix="casedesk-evidence-bench-") as folder:
            imports.append(measure_import(paths, Path(folder)))
        loads.append(load_average())
    shares = [(count / f.seconds) / (count / s) for f, s in zip(imports, floors, strict=True)]
    best = min(imports, key=lambda f: f.seconds)
    import_s = [f.seconds for f in imports]
    record(
        "evidence.import_evidence", statistics.median(import_s),
        floor=statistics.median(floors), goal_ratio=round(1 / GOAL_SHARE, 3),
        samples=import_s, floor_samples=floors, load=[min(loads), max(loads)],
        title=f"`import_evidence` of {count} 1920x1080 PNGs in a worker thread (in-process)",
        floor_title="read + SHA-256 + decode + thumbnail, same threads",
        note=f"goal: the import's rate at least {GOAL_SHARE:.0%} of the floor's",
    )  # fmt: skip
    return {
        "files": count,
        "input_mib": total_mib,
        "floor_s": floors,
        "import_s": [f.seconds for f in imports],
        "floor_rate": count / min(floors),
        "import_rate": count / best.seconds,
        "shares": shares,
        "share": statistics.median(shares),
        "rss_mib": best.rss_mib,
        "longest_stall_ms": max(f.longest_stall_ms for f in imports),
        "p99_stall_ms": max(f.p99_stall_ms for f in imports),
        "database_mib": best.database_mib,
    }


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def report(f: dict[str, object]) -> str:
    """The figures as a table beside their goals."""
    share = float(f["share"])  # type: ignore[arg-type]
    stall = float(f["longest_stall_ms"])  # type: ignore[arg-type]
    rss = [float(v) for v in f["rss_mib"]]  # type: ignore[attr-defined]
    growth = rss[-1] - rss[1] if len(rss) > 2 else 0.0
    floors = ", ".join(f"{s:.2f}" for s in f["floor_s"])  # type: ignore[attr-defined]
    imports = ", ".join(f"{s:.2f}" for s in f["import_s"])  # type: ignore[attr-defined]
    shares = ", ".join(f"{s:.0%}" for s in f["shares"])  # type: ignore[attr-defined]
    lines = [
        f"Evidence import: {f['files']} PNG screenshots 1920x1080, "
        f"{float(f['input_mib']):.0f} MiB in all; database {float(f['database_mib']):.0f} MiB",
        f"  floor (read, hash, decode, thumbnail): best {float(f['floor_rate']):.1f} files/s; "
        f"rounds {floors} s",
        f"  import_evidence:                       best {float(f['import_rate']):.1f} files/s; "
        f"rounds {imports} s",
        f"  import / floor per round: {shares}; median {share:.0%} "
        f"(goal {GOAL_SHARE:.0%}): {_verdict(share >= GOAL_SHARE)}",
        f"  longest main-thread stall during the imports: {stall:.1f} ms, "
        f"p99 {float(f['p99_stall_ms']):.1f} ms "
        f"(goal {GOAL_STALL_MS:.0f} ms): {_verdict(stall < GOAL_STALL_MS)}",
        "  RSS after 0, 10, 20 … items (MiB, fastest round): " + ", ".join(f"{v:.0f}" for v in rss),
        f"  growth from item 10 to the end: {growth:+.1f} MiB",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.evidence", description=__doc__)
    parser.add_argument("--count", type=int, default=COUNT, help="screenshots to import")
    parser.add_argument("--rounds", type=int, default=3, help="floor/import rounds")
    args = parser.parse_args(argv)
    print(
        f"\nMeasuring evidence import ({args.count} screenshots, {args.rounds} rounds, "
        "each into a fresh SQLite database)"
    )
    print(report(run(args.count, args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
