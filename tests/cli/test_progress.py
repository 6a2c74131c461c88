"""The terminal's progress bar for long work (kiosk.cli.options.progress): drawn for work of
5,000 steps or more, also when only the work itself knows how many (total None)."""

from __future__ import annotations

import pytest

from kiosk.cli.options import progress


def test_a_bar_is_drawn_when_the_work_says_it_is_long(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(None, "Laying out the PDF") as step:
        for done in range(1000, 20_001, 1000):
            step(done, 20_000)
    assert "Laying out the PDF" in capsys.readouterr().err


def test_short_work_draws_no_bar(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(None, "Writing the list") as step:
        step(40, 40)
    with progress(40, "Writing the list") as step:
        step(40, 40)
    assert capsys.readouterr().err == ""


def test_a_known_total_draws_the_bar_from_the_start(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(60_000, "Writing the workbook"):
        pass
    assert "Writing the workbook" in capsys.readouterr().err
