"""`kiosk report --language` and `kiosk sign-in-sheet --language`, as organizers type them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from kiosk.cli.main import cli
from kiosk.storage.database import Database


def test_cli_report_and_sheet_take_a_language(demo: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--db", str(demo), "report", "-o", str(tmp_path / "r.pdf"), "--language", "ro"]
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    assert "Prezența pe zile" in text and "Sosiri la fiecare 15 minute" in text
    day = build_day(demo)
    result = runner.invoke(
        cli,
        ["--db", str(demo), "sign-in-sheet", "--day", day, "-o", str(tmp_path / "s.pdf"),
         "--language", "bg"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Име / Nume" in PdfReader(tmp_path / "s.pdf").pages[0].extract_text()
    result = runner.invoke(
        cli, ["--db", str(demo), "report", "-o", str(tmp_path / "x.csv"), "--language", "de"]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output


def build_day(db_path: Path) -> str:
    from kiosk.reports.register import event_days

    with Database(db_path) as db:
        return event_days(db)[0].isoformat()
