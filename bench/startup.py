"""Start-up of one-shot commands, against bare Python processes measured in the same run.

Not run in CI. Usage::

    .venv/bin/python -m bench.startup [--rounds 9]

Arms, in rotating order, each a fresh process: ``python -c 'import sqlite3'`` (the reference),
``kiosk --version``, ``kiosk checkin CODE --json`` and ``kiosk search NAME`` on a demo event of
300 people. Reported: median wall time and CPU time (user + system) per arm, and the ratios to
the reference. Targets (issue "Fast on a venue laptop"): checkin and search ≤ 3×, --version ≤ 2×.
CPU time is the steadier figure on a shared machine.

The ``kiosk`` package is byte-compiled first, as installing it does: with
``PYTHONDONTWRITEBYTECODE`` set, every run would otherwise compile the modules it imports
again and the figure would be the compiler's.
"""

from __future__ import annotations

import argparse
import compileall
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: As the ``kiosk`` command starts (its script calls :func:`kiosk.cli.run`).
KIOSK = [sys.executable, "-m", "kiosk"]


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="One-shot command start-up benchmark")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args(argv)
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "kiosk", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "event.db")
        subprocess.run([*KIOSK, "--db", db, "demo", "--attendees", "300"], check=True,
                       capture_output=True)  # fmt: skip
        found = subprocess.run([*KIOSK, "--db", db, "search", "a", "--json"], check=True,
                               capture_output=True, text=True).stdout  # fmt: skip
        code = json.loads(found)[0]["code"]
        arms = {
            "python -c 'import sqlite3'": [sys.executable, "-c", "import sqlite3"],
            "kiosk --version": [*KIOSK, "--version"],
            "kiosk checkin CODE --json": [*KIOSK, "--db", db, "checkin", code, "--json"],
            "kiosk search NAME": [*KIOSK, "--db", db, "search", "ivan"],
        }
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in arms}
        names = list(arms)
        for r in range(args.rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                runs[name].append(timed(arms[name]))
    reference = names[0]
    ref_wall = statistics.median(w for w, _ in runs[reference])
    ref_cpu = statistics.median(c for _, c in runs[reference])
    for name in names:
        wall = statistics.median(w for w, _ in runs[name])
        cpu = statistics.median(c for _, c in runs[name])
        print(f"{name:<28} wall {wall * 1000:6.0f} ms ×{wall / ref_wall:4.1f}   "
              f"CPU {cpu * 1000:6.0f} ms ×{cpu / ref_cpu:4.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
