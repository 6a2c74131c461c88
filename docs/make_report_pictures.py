"""Pictures of the report files for the README, from the demo event, into docs/reports/.

    .venv/bin/python docs/make_report_pictures.py      (needs pdftoppm, from poppler-utils)

The demo event is built at a fixed moment (10:20 in Sofia) so that pictures are repeatable.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.app.demo import create_demo  # noqa: E402
from kiosk.cli.main import cli  # noqa: E402

OUT = ROOT / "docs" / "reports"
MOMENT = datetime(2026, 9, 28, 7, 20, tzinfo=UTC)
DAY = "2026-09-28"
REFERENCE = "Interreg VI-A Romania–Bulgaria · project ROBG-00042 · co-funded by the EU"


def kiosk(db: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(f"kiosk {' '.join(args)} failed: {result.output}")


def first_page_png(pdf: Path, name: str) -> None:
    stem = OUT / name
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    print(stem.with_suffix(".png").relative_to(ROOT))


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: apt-get install poppler-utils", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kiosk-report-pictures-"))
    db = work / "demo.db"
    create_demo(db, now=MOMENT)
    for language in ("bg", "ro"):
        sheet = work / f"sheet-{language}.pdf"
        kiosk(db, "sign-in-sheet", "--day", DAY, "-o", str(sheet), "--language", language,
              "--reference", REFERENCE)  # fmt: skip
        first_page_png(sheet, f"sign-in-sheet-{language}")
        report = work / f"report-{language}.pdf"
        kiosk(db, "report", "-o", str(report), "--language", language)
        first_page_png(report, f"report-{language}")
    kiosk(db, "report", "-o", str(work / "chart.csv"), "--chart", str(OUT / "arrivals.png"))
    (OUT / "arrivals.png.sha256").unlink(missing_ok=True)  # the digest beside it: not a picture
    print((OUT / "arrivals.png").relative_to(ROOT))
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
