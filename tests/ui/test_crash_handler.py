"""The desk's last-resort handler never fails itself: with a log folder that cannot be made (a
read-only home) the report goes to the temporary folder, and with neither the message still
names the error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk.app import failures
from kiosk.ui import app


def _raise() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise RuntimeError("deliberate failure for the test")
    except RuntimeError:
        kind, value, tb = sys.exc_info()
        assert kind is not None and value is not None
        return kind, value, tb


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(app.QMessageBox, "warning", lambda _p, _t, text: texts.append(text))
    return texts


def test_a_log_folder_that_cannot_be_made_sends_the_report_to_the_next_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str], qapp: object
) -> None:
    blocked = tmp_path / "home-is-a-file"
    blocked.write_text("")  # mkdir below it fails, for root as for anyone
    spare = tmp_path / "spare"
    monkeypatch.setattr(failures, "crash_report_folders", lambda: [blocked / "logs", spare])
    app._excepthook(*_raise())  # type: ignore[arg-type]
    report = spare / "kiosk-gui.log"
    assert "deliberate failure for the test" in report.read_text(encoding="utf-8")
    assert shown and str(report) in shown[0]


def test_with_no_folder_to_write_the_message_names_the_error_and_nothing_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str], qapp: object
) -> None:
    blocked = tmp_path / "home-is-a-file"
    blocked.write_text("")
    monkeypatch.setattr(failures, "crash_report_folders", lambda: [blocked / "a", blocked / "b"])
    app._excepthook(*_raise())  # type: ignore[arg-type]
    assert shown and "RuntimeError: deliberate failure for the test" in shown[0]
