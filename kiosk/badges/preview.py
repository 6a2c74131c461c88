"""Preview images of templates with demanding sample people, for template authors and docs.

    .venv/bin/python -m kiosk.badges.preview OUT_DIR [--max-width PX] [TEMPLATE ...]

Writes ``<template>-<sample>.png`` for every badge template (and the first page of every sheet
template) so a person can look at long Cyrillic and Romanian names before the event.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from kiosk.badges.render import BadgeData, render_badge
from kiosk.badges.sheets import sheet_pages
from kiosk.badges.template import BadgeTemplate, list_templates, load_template
from kiosk.core.filenames import inside, safe_part

EVENT = "Bulgaria–Romania Business Cluster Forum 2026 · Ruse–Giurgiu"

SAMPLES: dict[str, BadgeData] = {
    "long-bg": BadgeData(
        first_name="Константин",
        last_name="Стефанов Първанов-Христов",
        organization="Асоциация на машиностроителите и металообработващите предприятия в Русе",
        country="България",
        category="speaker",
        code="7KX4M2PT9",
        event_name=EVENT,
        language="bg",
    ),
    "long-ro": BadgeData(
        first_name="Ștefan-Alexandru",  # as stored: legacy ş ţ are made ș ț where people are stored
        last_name="Bălănescu-Ionescu",
        organization="Universitatea „Dunărea de Jos” din Galați — Facultatea de Inginerie",
        country="România",
        category="participant",
        code="H3WN8R5CA",
        event_name=EVENT,
        language="ro",
    ),
    "short": BadgeData(
        first_name="Ana",
        last_name="Popa",
        organization="Clusterul Mobilier Transilvan",
        country="Romania",
        category="organiser",
        code="B4T7K9M2X",
        event_name=EVENT,
        language="en",
    ),
}


def write_previews(
    out_dir: Path,
    names: Sequence[str] = (),
    samples: Sequence[str] = tuple(SAMPLES),
    max_width: int | None = None,
) -> list[Path]:
    """Render the samples with each template (all built-ins when ``names`` is empty)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    templates = [load_template(n) for n in names] or [
        load_template(info.path) for info in list_templates()
    ]
    written: list[Path] = []
    for template in templates:
        for sample in samples:
            data = SAMPLES[sample]
            if isinstance(template, BadgeTemplate):
                image = render_badge(data, template)
            else:
                image = next(sheet_pages([data] * template.per_page, template))
            if max_width is not None and image.width > max_width:
                image = image.convert("RGB")
                height = round(image.height * max_width / image.width)
                image = image.resize((max_width, height), Image.Resampling.LANCZOS)
            path = inside(out_dir, f"{safe_part(template.name)}-{safe_part(sample)}.png")
            image.save(path, optimize=True)
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("templates", nargs="*")
    parser.add_argument("--max-width", type=int, default=None)
    parser.add_argument("--sample", action="append", choices=sorted(SAMPLES))
    args = parser.parse_args(argv)
    for path in write_previews(
        args.out, args.templates, args.sample or tuple(SAMPLES), args.max_width
    ):
        print(path)


if __name__ == "__main__":
    main()
