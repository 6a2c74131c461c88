"""Badge rendering speed, against bare Pillow baselines measured in the same run.

Not run in CI. Usage::

    .venv/bin/python -m bench.badges [--renders 200] [--pdf-badges 1000] [--out DIR]

* **thermal badge** — ``render_badge`` of one 576-dot ``roll-80mm`` badge (auto-fit, glyph check,
  QR, threshold to 1 bit) plus encoding it to ESC/POS bytes as the desk does
  (``kiosk.printing.escpos.encode_job``, profile TM-T20II, cut) for N different demo people:
  p50/p99, target < 30 ms. Baseline: ``Image.new`` + one ``draw.text`` of the name + the same
  threshold and ESC/POS encoding.
* **pre-print PDF** — 1,000 badges on the ``a4-sheet`` template (10 per page) written with
  ``write_pdf``: target < 30 s. Baseline: per badge a bare ``Image.new`` + one ``draw.text`` +
  ``save`` (PNG to memory) at the cell size, the floor of "one image per badge".

Results are printed and written as JSON to ``--out`` (default ``bench/out/``).
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

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


def bench_pdf(badges: int, tmp: Path) -> dict[str, Any]:
    sheet = load_sheet_template("a4-sheet")
    datas = people(badges)
    cell = sheet.cell.page
    font = ImageFont.truetype(str(font_path(True)), 100, layout_engine=default_engine())

    start = time.perf_counter()
    for data in datas:
        image = Image.new("RGB", (cell.width_px, cell.height_px or 1), "white")
        ImageDraw.Draw(image).text((10, 10), data.first_name, font=font, fill="black")
        image.save(io.BytesIO(), "PNG")
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    pages = write_pdf(sheet_pages(datas, sheet), tmp / "badges.pdf", sheet.dpi)
    ours = time.perf_counter() - start
    return {
        "badges": badges,
        "pages": pages,
        "seconds": round(ours, 2),
        "baseline_seconds": round(baseline, 2),
        "ratio": round(ours / baseline, 2),
        "pdf_mb": round((tmp / "badges.pdf").stat().st_size / 1e6, 1),
        "target_s": 30,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Badge rendering benchmark")
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--pdf-badges", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args(argv)

    thermal = bench_thermal(args.renders)
    print(
        f"thermal 576-dot badge + ESC/POS: p50 {thermal['p50_ms']} ms, p99 {thermal['p99_ms']} ms "
        f"(target < 30 ms); bare Pillow baseline p50 {thermal['baseline_p50_ms']} ms "
        f"→ ×{thermal['ratio_p50']}; {thermal['escpos_bytes_median']:,} bytes"
    )
    with tempfile.TemporaryDirectory() as tmp:
        pdf = bench_pdf(args.pdf_badges, Path(tmp))
    print(
        f"{pdf['badges']} badges on a4-sheet → {pdf['pages']} PDF pages in {pdf['seconds']} s "
        f"(target < 30 s); bare baseline {pdf['baseline_seconds']} s → ×{pdf['ratio']}; "
        f"{pdf['pdf_mb']} MB"
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
