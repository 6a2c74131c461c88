"""The desk under a real X server, typed at by xdotool as a USB scanner types, on a busy CPU.

    .venv/bin/python -m bench.desk_xvfb [--codes 50] [--delay-ms 5] [--hogs 2] [--slow 10]

Starts Xvfb (1366 × 768), the real desk application (``kiosk-gui``, platform xcb)
on a fresh event, and ``--hogs`` CPU-bound processes. Then xdotool types ``--codes`` ticket
codes at ``--delay-ms`` per key, each followed by Return, with the keyboard focus moved between
scans as staff move it: the search field; the results table after typing a surname and pressing
Down (the issue's wrong-person case); the numbers panel (clicked); the walk-in form (F2, a modal
dialog with its first-name field focused, closed with Escape after the scan). ``--slow`` more
codes are typed at 90 ms per key (a Bluetooth scanner) after a search and Down. Every code must
reach the scan log exactly once, admitted; nobody else may be admitted; no fragment or unknown
code may be logged, and no walk-in may be registered by a scan's Enter. The figures (and
PASS/FAIL) are printed as JSON; exit status 0 on PASS.

Not part of the test suite (it takes a minute and needs Xvfb and xdotool: ``apt-get install
xvfb xdotool``). The numbers come from whatever machine runs it; compare runs on the same one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from bench.run import EVENT_TZ, fill_without_import, new_event
from kiosk.core.timeutil import local_day
from kiosk.demo_data import demo_registrations

SCREEN = "1366x768x24"
#: Where the keyboard focus is when a fast scan comes, in turn (see the module docstring).
FOCUS = ("search", "table", "numbers", "dialog")
WALK_IN_FORM = "Register a walk-in"  # the walk-in form's window title (English)
HOG = "while True: pass"


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise SystemExit(f"{tool} not found: apt-get install xvfb xdotool")
    return found


def free_display() -> int:
    for number in range(91, 140):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise SystemExit("no free X display number between :91 and :139")


@contextmanager
def started(
    args: list[str], env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


class X:
    """xdotool on one display."""

    def __init__(self, display: str) -> None:
        self.env = os.environ | {"DISPLAY": display}
        self.xdotool = need("xdotool")

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [self.xdotool, *args], env=self.env, capture_output=True, text=True, timeout=60
        )
        return done.stdout.strip()

    def type(self, text: str, delay_ms: int) -> None:
        self.run("type", "--delay", str(delay_ms), text)

    def key(self, *keys: str) -> None:
        self.run("key", *keys)

    def click(self, x: int, y: int) -> None:
        self.run("mousemove", str(x), str(y), "click", "1")


def wait_window(x: X, name: str, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = x.run("search", "--onlyvisible", "--name", name)
        if found:
            return found.splitlines()[0]
        time.sleep(0.3)
    raise SystemExit(f"no window named {name!r} appeared in {timeout:.0f} s")


def admitted_codes(path: Path) -> tuple[Counter[str], Counter[str], int]:
    """(admitted scans per code, other scans per reason/hint, all scans) from the log."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        rows = conn.execute(
            "SELECT s.reason, coalesce(s.hint, ''), coalesce(a.code, s.raw_code) FROM scan s "
            "LEFT JOIN attendee a ON a.uid = s.attendee_uid WHERE s.kind IN ('entry', 'exit')"
        ).fetchall()
    finally:
        conn.close()
    admitted = Counter(code for reason, _hint, code in rows if reason == "admitted")
    other = Counter(
        f"{reason}:{hint}:{code}" for reason, hint, code in rows if reason != "admitted"
    )
    return admitted, other, len(rows)


def save_screen(framebuffer: Path, png: Path) -> None:
    """The X server's screen as it is now, as a PNG: Xvfb keeps it in an XWD file (``-fbdir``):
    a big-endian header of 25 words, the window name, the colour map, then the pixels."""
    from PIL import Image

    data = framebuffer.read_bytes()
    words = struct.unpack(">25I", data[:100])
    header, width, height, byte_order = words[0], words[4], words[5], words[7]
    bits, line, colours = words[11], words[12], words[19]
    if bits != 32:
        raise SystemExit(f"--shot needs a 24-bit screen ({SCREEN}); Xvfb made {bits}-bit pixels")
    pixels = data[header + 12 * colours : header + 12 * colours + line * height]
    raw = "BGRX" if byte_order == 0 else "XRGB"  # LSBFirst, MSBFirst
    Image.frombuffer("RGB", (width, height), pixels, "raw", raw, line, 1).save(png)


def registered_at_the_desk(path: Path) -> int:
    """People registered as walk-ins: a scan's Enter must never press the walk-in form's OK."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return int(
            conn.execute("SELECT count(*) FROM attendee WHERE origin = 'walk_in'").fetchone()[0]
        )
    finally:
        conn.close()


def wait_for_scans(path: Path, count: int, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if admitted_codes(path)[2] >= count:
            return
        time.sleep(0.1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=50, help="codes typed fast")
    parser.add_argument("--delay-ms", type=int, default=5, help="ms per key of the fast codes")
    parser.add_argument("--slow", type=int, default=10, help="codes typed at 90 ms per key")
    parser.add_argument("--hogs", type=int, default=2, help="CPU-bound processes alongside")
    parser.add_argument("--attendees", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", type=Path, help="also write the figures as JSON")
    parser.add_argument(
        "--shot",
        type=Path,
        help="save the screen as a PNG just after the first scan into the walk-in form: the "
        "answer must show above the dialog",
    )
    args = parser.parse_args(argv)
    need("Xvfb")
    rng = random.Random(args.seed)

    work = Path(tempfile.mkdtemp(prefix="kiosk-xvfb-bench-"))
    path = work / "event.db"
    today = local_day(datetime.now(UTC), EVENT_TZ)
    new_event(path, today)
    fill_without_import(path, demo_registrations(args.attendees, seed=args.seed, days=[today]))
    conn = sqlite3.connect(path)
    people = conn.execute(
        "SELECT code, last_name FROM attendee WHERE status = 'active' AND last_name GLOB "
        "'[A-Za-z]*' ORDER BY id"
    ).fetchall()
    conn.close()
    chosen = rng.sample(people, args.codes + args.slow)
    surnames = [str(p[1]) for p in rng.sample(people, 20)]

    number = free_display()
    display = f":{number}"
    env = os.environ | {
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(work / "config"),
        "XDG_DATA_HOME": str(work / "data"),
        "XDG_STATE_HOME": str(work / "state"),
        "QT_LOGGING_RULES": "qt.multimedia.*=false",
    }
    plan: list[dict[str, object]] = []
    xvfb_args = ["Xvfb", display, "-screen", "0", SCREEN, "-nolisten", "tcp", "-fbdir", str(work)]
    with started(xvfb_args) as xvfb:
        time.sleep(1.0)
        if xvfb.poll() is not None:
            raise SystemExit("Xvfb did not start")
        app_args = [
            sys.executable, "-c", "import sys; from kiosk.ui.app import main; sys.exit(main())",
            "--db", str(path), "--language", "en",
        ]  # fmt: skip
        with started(app_args, env) as desk:
            x = X(display)
            window = wait_window(x, "Kiosk")
            x.run("windowmove", window, "0", "0")
            x.run("windowsize", window, "1366", "768")
            time.sleep(1.5)
            x.run("mousemove", "400", "300")
            x.run("windowfocus", "--sync", window)
            time.sleep(0.5)
            hogs = [subprocess.Popen([sys.executable, "-c", HOG]) for _ in range(args.hogs)]
            try:
                started_at = time.perf_counter()
                for index, (code, _name) in enumerate(chosen):
                    slow = index >= args.codes
                    focus = "table" if slow else FOCUS[index % len(FOCUS)]
                    if focus == "table":
                        x.type(rng.choice(surnames).lower()[:6], 140)  # a person searching
                        time.sleep(0.6)
                        x.key("Down")
                        time.sleep(0.2)
                    elif focus == "numbers":
                        x.click(1200, 450)  # the live numbers, right of the desk
                        time.sleep(0.2)
                    elif focus == "dialog":
                        x.key("F2")  # the walk-in form open, its first-name field focused
                        time.sleep(0.8)
                    # Where the keys go is checked, not assumed (F2 is a shortcut of the window).
                    form_open = bool(x.run("search", "--onlyvisible", "--name", WALK_IN_FORM))
                    x.type(str(code), 90 if slow else args.delay_ms)
                    x.key("Return")
                    plan.append({"code": code, "focus": focus, "slow": slow, "form": form_open})
                    wait_for_scans(path, len(plan))
                    time.sleep(0.3)
                    if focus == "dialog":
                        if args.shot is not None and not args.shot.exists():
                            time.sleep(0.5)
                            save_screen(work / "Xvfb_screen0", args.shot)
                        x.key("Escape")  # staff close the form the scan came into
                        time.sleep(0.3)
                    if desk.poll() is not None:
                        raise SystemExit("the desk application stopped")
                elapsed = time.perf_counter() - started_at
            finally:
                for hog in hogs:
                    hog.kill()
                    hog.wait()
            time.sleep(1.0)
            admitted, other, scans = admitted_codes(path)
            walk_ins = registered_at_the_desk(path)

    expected = Counter(str(step["code"]) for step in plan)
    missing = sorted(code for code in expected if admitted[code] == 0)
    doubled = sorted(code for code in expected if admitted[code] > 1)
    strangers = sorted(code for code in admitted if code not in expected)
    by_focus: dict[str, dict[str, int]] = {}
    for step in plan:
        key = f"{step['focus']}{' (90 ms/key)' if step['slow'] else ''}"
        entry = by_focus.setdefault(key, {"typed": 0, "admitted_once": 0, "form_open": 0})
        entry["typed"] += 1
        entry["admitted_once"] += admitted[str(step["code"])] == 1
        entry["form_open"] += bool(step["form"])
    # Every scan meant for the walk-in form found it open, and no other scan did.
    forms_right = all(bool(step["form"]) == (step["focus"] == "dialog") for step in plan)
    ok = (
        not missing and not doubled and not strangers and not other and not walk_ins
    ) and forms_right
    figures = {
        "display": display,
        "screen": SCREEN,
        "cpu_hogs": args.hogs,
        "cpus": os.cpu_count(),
        "fast_codes": args.codes,
        "fast_delay_ms_per_key": args.delay_ms,
        "slow_codes_90ms_per_key": args.slow,
        "scans_logged": scans,
        "admitted_exactly_once": sum(1 for code in expected if admitted[code] == 1),
        "missing": missing,
        "admitted_twice": doubled,
        "somebody_else_admitted": strangers,
        "other_scans": sorted(other),
        "walk_ins_created": walk_ins,
        "by_focus": by_focus,
        "seconds": round(elapsed, 1),
        "result": "PASS" if ok else "FAIL",
    }
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if args.out is not None:
        args.out.write_text(text + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
