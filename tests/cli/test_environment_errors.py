"""Storage and environment failures end in one clear line and exit status 2, never "a bug in
Kiosk"; and the crash handler itself survives a home where nothing can be written.

Run as real processes with real permissions. As root (containers, CI) the process is started
without the capabilities that let root ignore file permissions (setpriv), so a folder with mode
000 is as closed to it as to any user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

KIOSK = Path(sys.executable).parent / "kiosk"
BOOM = """
import sys, tempfile
from kiosk.cli import main
if len(sys.argv) > 1:  # this machine's temporary folder as well (gettempdir falls back to /tmp)
    tempfile.tempdir = sys.argv[1]
@main.cli.command("boom")
def boom() -> None:
    raise RuntimeError("deliberate failure for the test")
sys.argv = ["kiosk", "boom"]
main.main()
"""


def _plain_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root without setpriv: file permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def _env(home: Path, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KIOSK_"))}
    env.update(HOME=str(home), TMPDIR=str(tmp))
    return env


def run(args: list[str], home: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_plain_user(), *args], env=_env(home, tmp), capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def closed() -> Iterator[list[Path]]:
    """Folders the test closes; opened again afterwards so pytest can remove them."""
    folders: list[Path] = []
    yield folders
    for folder in folders:
        folder.chmod(0o755)


def close(folders: list[Path], folder: Path, mode: int) -> None:
    folder.chmod(mode)
    folders.append(folder)


def read_only_home(tmp_path: Path, closed: list[Path]) -> tuple[Path, Path]:
    """A home folder nothing can be written in, and a temporary folder that can (so far)."""
    home, spare = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    spare.mkdir()
    close(closed, home, 0o555)
    return home, spare


def assert_environment_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "bug in Kiosk" not in result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    for word in words:
        assert word in result.stderr, result.stderr


def test_an_event_folder_this_user_may_not_read_is_a_clear_error(
    tmp_path: Path, closed: list[Path]
) -> None:
    folder = tmp_path / "event"
    db = folder / "event.db"
    made = run([str(KIOSK), "--db", str(db), "init", "--name", "Conf", "--day", "2026-09-28",
                "--timezone", "Europe/Sofia"], tmp_path, tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr
    close(closed, folder, 0o000)
    for command in (["stats"], ["search", "Иванова"], ["checkin", "ABC123"]):
        result = run([str(KIOSK), "--db", str(db), *command], tmp_path, tmp_path)
        assert_environment_error(result, str(db), "permission denied")


def test_a_read_only_home_is_a_clear_error_when_the_event_goes_there(
    tmp_path: Path, closed: list[Path]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    close(closed, home, 0o555)
    result = run([str(KIOSK), "init", "--name", "Conf", "--day", "2026-09-28", "--timezone",
                  "Europe/Sofia"], home, tmp_path)  # fmt: skip
    assert_environment_error(result, str(home), "permission denied")


def test_a_bug_with_an_unwritable_log_folder_reports_to_the_temporary_folder(
    tmp_path: Path, closed: list[Path]
) -> None:
    home, spare = read_only_home(tmp_path, closed)
    result = run([sys.executable, "-c", BOOM], home, spare)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and "bug in Kiosk" in result.stderr
    report = spare / f"Kiosk-logs-{os.getuid()}" / "kiosk-errors.log"
    assert str(report) in result.stderr
    assert "deliberate failure for the test" in report.read_text(encoding="utf-8")


def test_a_bug_where_nothing_can_be_written_still_ends_in_one_clear_message(
    tmp_path: Path, closed: list[Path]
) -> None:
    home, spare = read_only_home(tmp_path, closed)
    close(closed, spare, 0o555)
    result = run([sys.executable, "-c", BOOM, str(spare)], home, spare)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "RuntimeError: deliberate failure for the test" in result.stderr
    assert "No log file could be written" in result.stderr
