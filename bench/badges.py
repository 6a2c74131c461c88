"""Badge rendering speed, against bare Pillow baselines measured in the same run.

Not run in CI. Usage::

    .venv/bin/python -m bench.badges [--renders 200] [--pdf-badges 1000 5000] [--repeat 3]
        [--skip-thermal] [--out DIR]

* **thermal badge** — ``render_badge`` of one 576-dot ``roll-80mm`` badge (auto-fit, glyph check,
  QR, threshold to 1 bit) plus encoding it to ESC/POS bytes as the desk does
  (``kiosk.printing.escpos.encode_job``, profile TM-T20II, cut) for N different demo people:
  p50/p99, target < 30 ms. Baseline: ``Image.new`` + one ``draw.text`` of the name + the same
  threshold and ESC/POS encoding.
* **pre-print PDF** — N badges on the ``a4-sheet`` template (10 per page) written with
  ``write_pdf``, in a process of its own: CPU seconds, peak RSS and file size. Targets: CPU
  ≤ 1.3× the baseline, peak RSS ≤ 400 MB whatever N, ≤ 40 MB per 1,000 badges. Baseline, in a
  process of its own: Pillow + qrcode drawing the same texts and the same QR code per badge,
  pasting ten on an A4 page at 300 dpi and encoding each page with Pillow's PDF writer.
  ``--repeat N`` alternates the two arms N times and compares the medians (the load average
  is reported with them: the machine is shared).

Results are printed and written as JSON to ``--out`` (default ``bench/out/``).
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import platform
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import qrcode
from PIL import Image, ImageDraw, ImageFont

from kiosk.assets import font_path
from kiosk.badges import BadgeData, load_badge_template, load_sheet_template, render_badge
from kiosk.badges.fonts import default_engine
from kiosk.badges.preview import SAMPLES
from kiosk.badges.sheets import sheet_pages, write_pdf
from kiosk.demo_data import demo_registrations
from kiosk.printing.base import Media
from kiosk.printing.escpos import encode_job


def escpos_bytes(image: Image.Image) -> bytes:
    """The bytes the desk sends: kiosk.printing's encoder (ESC @, GS v 0 rasters, cut)."""
    return encode_job(image, Media(576, 203, True), profile="TM-T20II")


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _timed(fn: Callable[[int], object], i: int) -> float:
    start = time.perf_counter()
    fn(i)
    return (time.perf_counter() - start) * 1000


def people(n: int) -> list[BadgeData]:
    """Realistic, mostly distinct people (the demo event's mix), plus the long samples, so
    the text-measurement cache helps only as much as it would at a real desk."""
    samples = list(SAMPLES.values())
    out = [
        BadgeData(
            first_name=r.first_name,
            last_name=r.last_name,
            organization=r.organization,
            country=r.country,
            category=r.category,
            code=f"BENCH{i:05d}",
            event_name=samples[0].event_name,
        )
        for i, r in enumerate(demo_registrations(n, seed=7))
    ]
    for i in range(0, n, 10):
        out[i] = replace(samples[i % len(samples)], code=f"BENCH{i:05d}")
    return out


def bench_thermal(renders: int) -> dict[str, Any]:
    template = load_badge_template("roll-80mm")
    datas = people(renders)
    font = ImageFont.truetype(str(font_path(True)), 100, layout_engine=default_engine())
    render_badge(datas[0], template)  # warm the font cache, as a kiosk does at start

    sizes: list[int] = []

    def ours(i: int) -> None:
        sizes.append(len(escpos_bytes(render_badge(datas[i], template))))

    def bare(i: int) -> None:
        image = Image.new("L", (576, 800), 255)
        ImageDraw.Draw(image).text((10, 10), datas[i].first_name, font=font, fill=0)
        escpos_bytes(image.point(lambda v: 255 if v > 127 else 0, mode="1"))

    # Alternate A/B so machine noise hits both.
    a: list[float] = []
    b: list[float] = []
    for i in range(renders):
        a += [_timed(ours, i)]
        b += [_timed(bare, i)]
    return {
        "renders": renders,
        "p50_ms": round(statistics.median(a), 2),
        "p99_ms": round(percentile(a, 0.99), 2),
        "baseline_p50_ms": round(statistics.median(b), 2),
        "baseline_p99_ms": round(percentile(b, 0.99), 2),
        "ratio_p50": round(statistics.median(a) / statistics.median(b), 2),
        "escpos_bytes_median": int(statistics.median(sizes)),
        "target_ms": 30,
    }


def _baseline_pages(badges: int) -> None:
    """The floor of pre-printing with Pillow + qrcode: per badge the same texts and the same QR
    code drawn at fixed sizes on a cell, ten cells pasted on an A4 page at 300 dpi, and each page
    encoded by Pillow's own PDF writer (to memory, discarded)."""
    sheet = load_sheet_template("a4-sheet")
    cell = sheet.cell.page
    big = ImageFont.truetype(str(font_path(True)), 70, layout_engine=default_engine())
    small = ImageFont.truetype(str(font_path(False)), 34, layout_engine=default_engine())
    ppm = sheet.dpi / 25.4
    size = (round(sheet.width_mm * ppm), round(sheet.height_mm * ppm))
    datas = people(badges)
    for first in range(0, len(datas), sheet.per_page):
        page = Image.new("RGB", size, "white")
        for n, data in enumerate(datas[first : first + sheet.per_page]):
            image = Image.new("RGB", (cell.width_px, cell.height_px or 1), "white")
            draw = ImageDraw.Draw(image)
            draw.text((20, 10), data.event_name, font=small, fill="black")
            draw.text((20, 60), data.first_name, font=big, fill="black")
            draw.text((20, 140), data.last_name, font=big, fill="black")
            draw.text((20, 230), data.organization, font=small, fill="black")
            draw.text((20, 280), f"{data.country} · {data.category}", font=small, fill="black")
            draw.text((20, 330), data.code, font=small, fill="black")
            qr = qrcode.make(data.code, box_size=6, border=2).get_image()
            image.paste(qr.convert("RGB"), (cell.width_px - qr.width - 20, 60))
            row, column = divmod(n, sheet.columns)
            x, y = sheet.cell_origin_mm(row, column)
            page.paste(image, (round(x * ppm), round(y * ppm)))
        page.save(io.BytesIO(), "PDF", resolution=float(sheet.dpi))


def _ours(badges: int, out: str) -> None:
    sheet = load_sheet_template("a4-sheet")
    write_pdf(sheet_pages(people(badges), sheet), Path(out), sheet.dpi)


def _measured(arm: str, badges: int, out: str, queue: Any) -> None:
    start = time.process_time()
    if arm == "ours":
        _ours(badges, out)
    else:
        _baseline_pages(badges)
    cpu = time.process_time() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put({"cpu_s": round(cpu, 2), "peak_rss_mb": round(peak_kb / 1024, 1)})


def _in_child(arm: str, badges: int, out: Path) -> dict[str, Any]:
    """One arm in a fresh process, so its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_measured, args=(arm, badges, str(out), queue))
    child.start()
    result: dict[str, Any] = queue.get()
    child.join()
    return result


def bench_pdf(badges: int, tmp: Path, repeat: int = 1) -> dict[str, Any]:
    """Pre-printing ``badges`` badges on the a4-sheet template, against the Pillow + qrcode
    floor, each arm in its own process: CPU seconds (not wall time: the machine is shared),
    peak RSS, and the PDF's size. With ``repeat`` > 1 the arms alternate (baseline, ours,
    baseline, ours …) so that a change of load hits both, and the medians are compared."""
    target = tmp / "badges.pdf"
    bases: list[dict[str, Any]] = []
    ourses: list[dict[str, Any]] = []
    for _ in range(repeat):
        bases.append(_in_child("baseline", badges, target))
        ourses.append(_in_child("ours", badges, target))
    cpu = statistics.median(r["cpu_s"] for r in ourses)
    base_cpu = statistics.median(r["cpu_s"] for r in bases)
    return {
        "badges": badges,
        "pages": -(-badges // load_sheet_template("a4-sheet").per_page),
        "repeat": repeat,
        "cpu_s": round(cpu, 2),
        "baseline_cpu_s": round(base_cpu, 2),
        "cpu_ratio": round(cpu / base_cpu, 2),
        "cpu_ratio_each": [
            round(o["cpu_s"] / b["cpu_s"], 2) for o, b in zip(ourses, bases, strict=True)
        ],
        "peak_rss_mb": max(r["peak_rss_mb"] for r in ourses),
        "baseline_peak_rss_mb": max(r["peak_rss_mb"] for r in bases),
        "pdf_mb": round(target.stat().st_size / 1e6, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "targets": {"cpu_ratio": 1.3, "peak_rss_mb": 400, "pdf_mb_per_1000": 40},
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Badge rendering benchmark")
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument(
        "--pdf-badges", type=int, nargs="+", default=[1000], help="one run per count"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each arm per count, alternating"
    )
    parser.add_argument("--skip-thermal", action="store_true", help="only the PDF runs")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args(argv)

    thermal = None if args.skip_thermal else bench_thermal(args.renders)
    if thermal is not None:
        print(
            f"thermal 576-dot badge + ESC/POS: p50 {thermal['p50_ms']} ms, "
            f"p99 {thermal['p99_ms']} ms (target < 30 ms); bare Pillow baseline p50 "
            f"{thermal['baseline_p50_ms']} ms → ×{thermal['ratio_p50']}; "
            f"{thermal['escpos_bytes_median']:,} bytes"
        )
    pdf = []
    for count in args.pdf_badges:
        with tempfile.TemporaryDirectory() as tmp:
            run = bench_pdf(count, Path(tmp), args.repeat)
        pdf.append(run)
        print(
            f"{run['badges']} badges on a4-sheet → {run['pages']} PDF pages: CPU {run['cpu_s']} s "
            f"vs Pillow + qrcode {run['baseline_cpu_s']} s → ×{run['cpu_ratio']} (target ≤ 1.3; "
            f"each run {run['cpu_ratio_each']}); peak RSS {run['peak_rss_mb']} MB (target ≤ 400; "
            f"baseline {run['baseline_peak_rss_mb']} MB); {run['pdf_mb']} MB file; "
            f"load {run['load_average']}"
        )
    args.out.mkdir(parents=True, exist_ok=True)
    result = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "layout_engine": default_engine().name,
        "thermal": thermal,
        "pdf": pdf,
    }
    (args.out / "badges.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
