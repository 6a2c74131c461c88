"""Badges and printers from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from kiosk.storage.database import Database
from tests.cli.test_cli import code_of, run
from tests.qr import read_qr


def test_badge_writes_a_png_whose_qr_is_the_persons_code(demo: Path, tmp_path: Path) -> None:
    code = code_of(demo, "ivanov")
    out = tmp_path / "badge.png"
    result = run(demo, "badge", code, "-o", str(out), "--template", "a6-portrait")
    assert result.exit_code == 0, result.output
    with Image.open(out) as image:
        assert image.size == (1240, 1748)
        assert read_qr(image) == [code]


def test_badges_pdf_pre_prints_everyone_on_sheets(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    result = run(demo, "badges", "pdf", "-o", str(out), "--sort", "organization")
    assert result.exit_code == 0, result.output
    with Database(demo) as db:
        active = db.query("SELECT count(*) FROM attendee WHERE status = 'active'")[0][0]
    assert len(PdfReader(out).pages) == -(-active // 10)
    assert f"Wrote {active} badges" in result.output


def test_print_through_the_queue_logs_the_badge_and_a_second_print_asks_for_again(
    demo: Path, tmp_path: Path
) -> None:
    code = code_of(demo, "ivanov")
    folder = tmp_path / "printed"
    first = run(demo, "print", code, "--printer", f"png://{folder}")
    assert first.exit_code == 0, first.output
    assert len(list(folder.glob("*.png"))) == 1
    again = run(demo, "print", code, "--printer", f"png://{folder}")
    assert again.exit_code == 1 and "--again" in again.output
    forced = run(demo, "print", code, "--printer", f"png://{folder}", "--again")
    assert forced.exit_code == 0, forced.output
    assert len(list(folder.glob("*.png"))) == 2
    with Database(demo) as db:
        assert db.query("SELECT count(*) FROM scan WHERE kind = 'badge_printed'")[0][0] == 2
        # --printer was for these prints only: the kiosk's own setting is unchanged.
        assert (
            db.query("SELECT count(*) FROM kiosk_setting WHERE key = 'print.printer_uri'")[0][0]
            == 0
        )


def test_a_printer_that_cannot_be_reached_fails_with_advice_and_the_job_waits(
    demo: Path,
) -> None:
    code = code_of(demo, "ivanov")
    result = run(demo, "print", code, "--printer", "escpos+tcp://127.0.0.1:9?profile=TM-T20II")
    assert result.exit_code == 1
    assert "not reachable" in result.output
    queue = run(demo, "print-queue")
    assert "failed" in queue.output


def test_a_bad_printer_address_says_what_a_good_one_looks_like(demo: Path) -> None:
    result = run(demo, "print-test", "--printer", "escpos+tcp://printer")
    assert result.exit_code == 2
    assert "profile=TM-T20II" in result.output


def test_a_test_page_goes_to_a_png_folder(demo: Path, tmp_path: Path) -> None:
    result = run(demo, "print-test", "--printer", f"png://{tmp_path / 'test'}?media=A6")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "test").glob("*.png"))) == 1


def test_templates_lists_every_built_in_medium(demo: Path) -> None:
    result = run(demo, "templates")
    for name in ("roll-80mm", "roll-58mm", "brother-62mm", "a6-portrait", "cr80", "a4-sheet"):
        assert name in result.output


def test_badges_pdf_for_a_list_takes_whom_its_check_in_would_admit_not_its_day_alone(
    demo: Path, tmp_path: Path
) -> None:
    with Database(demo) as db:
        day = db.query("SELECT day FROM checkin_list ORDER BY id LIMIT 1")[0][0]
        on_day = "status = 'active' AND (days = '[]' OR instr(days, ?) > 0)"
        everyone_that_day = {
            r[0] for r in db.query(f"SELECT code FROM attendee WHERE {on_day}", (day,))
        }
        speakers = {
            r[0]
            for r in db.query(
                f"SELECT code FROM attendee WHERE {on_day} AND category = 'speaker'", (day,)
            )
        }
    assert speakers and speakers < everyone_that_day  # the two rules give different answers
    made = run(demo, "lists", "add", "Speakers' lounge", "--day", day, "--category", "speaker",
               "--json")  # fmt: skip
    list_id = json.loads(made.output)["id"]
    out = tmp_path / "speakers.pdf"
    result = run(demo, "badges", "pdf", "--list", str(list_id), "-o", str(out))
    assert result.exit_code == 0, result.output
    on_badges = {
        text for page in PdfReader(out).pages for image in page.images
        for text in read_qr(image.image)
    }  # fmt: skip
    assert on_badges == speakers
    assert f"Wrote {len(speakers)} badges" in result.output


def test_badges_pdf_for_a_list_that_does_not_exist_says_so(demo: Path, tmp_path: Path) -> None:
    result = run(demo, "badges", "pdf", "--list", "99", "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 1
    assert "no check-in list 99" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_print_with_a_template_that_does_not_exist_queues_nothing(
    demo: Path, tmp_path: Path
) -> None:
    code = code_of(demo, "ivanov")
    result = run(demo, "print", code, "--printer", f"png://{tmp_path}", "--template", "nosuch")
    assert result.exit_code == 2
    assert "nosuch" in result.output
    with Database(demo) as db:
        assert db.query("SELECT count(*) FROM print_job")[0][0] == 0


def test_the_terminal_progress_bar_appears_only_for_work_that_lasts_over_a_second(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.cli import options

    now = [100.0]
    monkeypatch.setattr(options.time, "monotonic", lambda: now[0])
    with options.progress(30, "Drawing badges", after_seconds=1.0) as step:
        step(10, 30)
        now[0] += 0.5
        step(20, 30)
    assert "Drawing badges" not in capsys.readouterr().err  # half a second: no bar
    with options.progress(30, "Drawing badges", after_seconds=1.0) as step:
        step(10, 30)
        now[0] += 1.5
        step(20, 30)
        step(30, 30)
    assert "Drawing badges" in capsys.readouterr().err


def test_a_bar_that_starts_late_counts_the_work_done_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import click

    from kiosk.cli import options

    now = [100.0]
    monkeypatch.setattr(options.time, "monotonic", lambda: now[0])
    drawn: list[int] = []

    class Bar:
        def __init__(self, **_kwargs: object) -> None:
            self.pos = 0

        def __enter__(self) -> Bar:
            return self

        def __exit__(self, *_exc: object) -> None:
            drawn.append(self.pos)

        def update(self, steps: int) -> None:
            self.pos += steps

    monkeypatch.setattr(click, "progressbar", Bar)
    with options.progress(30, "Drawing badges", after_seconds=1.0) as step:
        step(10, 30)
        now[0] += 1.5
        step(20, 30)
        step(30, 30)
    assert drawn == [30]
