"""Signed tickets from the command line: the organizer's keys, kiosks, late registrations."""

from __future__ import annotations

import csv
import shutil
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image

from kiosk.cli.main import cli
from tests.qr import read_qr

TODAY = datetime.now(UTC).date()
PASSPHRASE = "Софийски ветрове 2026"


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False, env=env)


def make_event(db: Path) -> None:
    result = run(db, "init", "--name", "BG-RO Cluster", "--day", str(TODAY),
                 "--day", str(TODAY + timedelta(days=1)), "--timezone", "UTC")  # fmt: skip
    assert result.exit_code == 0, result.output


def register(db: Path, tmp_path: Path, rows: str) -> None:
    source = tmp_path / "late.csv"
    source.write_text("First name,Last name,Email\n" + rows, encoding="utf-8")
    assert run(db, "import", str(source)).exit_code == 0


@pytest.fixture
def organizer(tmp_path: Path) -> dict[str, Path]:
    """The organizer's database with a key, and a kiosk set up from it before a late
    registration arrived."""
    org = tmp_path / "organizer.db"
    make_event(org)
    register(org, tmp_path, "Ana,Ștefănescu,ana@example.ro\n")
    kiosk = tmp_path / "kiosk.db"
    shutil.copy(org, kiosk)  # the kiosk is set up now; keys and late registrations come later
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    key = tmp_path / "private" / "event-signing.pem"
    made = run(org, "keys", "init", "-o", str(key), "--passphrase-file", str(secret))
    assert made.exit_code == 0, made.output
    public = tmp_path / "keys.json"
    assert run(org, "keys", "export-public", "-o", str(public)).exit_code == 0
    added = run(kiosk, "keys", "add-public", str(public))
    assert added.exit_code == 0 and "Added 1 key" in added.output
    late = tmp_path / "late"
    late.mkdir()
    # The registration platform's export: everyone so far, one more at the end.
    register(org, late, "Ana,Ștefănescu,ana@example.ro\n"
             "Анастасия-Александра,Константинова-Вълканова,nasi@example.bg\n")  # fmt: skip
    return {"org": org, "kiosk": kiosk, "key": key, "secret": secret, "public": public}


def qr_texts(folder: Path) -> dict[str, str]:
    """Ticket code -> what the QR on its ticket image says, read back by a real decoder."""
    with (folder / "mail-merge.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    found = {}
    for row in rows:
        image = Image.open(folder / row["file"]).convert("L")
        (found[row["code"]],) = read_qr(image)
    return found


def test_the_private_key_is_written_for_its_owner_only(organizer: dict[str, Path]) -> None:
    assert stat.S_IMODE(organizer["key"].stat().st_mode) == 0o600
    again = run(organizer["org"], "keys", "init", "-o", str(organizer["key"]),
                "--passphrase-file", str(organizer["secret"]))  # fmt: skip
    assert again.exit_code == 2 and "already exists" in again.output


def test_a_late_registration_with_a_signed_ticket_is_admitted_at_a_kiosk_that_never_heard_of_them(
    organizer: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "tickets"
    made = run(organizer["org"], "tickets", "-o", str(out), "--signed", "--key",
               str(organizer["key"]), "--passphrase-file", str(organizer["secret"]))  # fmt: skip
    assert made.exit_code == 0, made.output
    codes = qr_texts(out)
    assert len(codes) == 2 and all(text.isdigit() for text in codes.values())
    search = run(organizer["kiosk"], "search", "Константинова")
    assert "No one found" in search.output
    late = next(text for text in codes.values() if len(text) > 300)
    first = run(organizer["kiosk"], "checkin", late, "--json")
    assert first.exit_code == 0, first.output
    assert '"hint": "signed_ticket"' in first.output
    assert run(organizer["kiosk"], "checkin", late).exit_code == 1  # already checked in
    export = tmp_path / "attendance.csv"
    assert run(organizer["kiosk"], "export", "attendance", "--day", str(TODAY),
               "-o", str(export)).exit_code == 0  # fmt: skip
    with export.open(encoding="utf-8-sig") as handle:
        (row,) = list(csv.DictReader(handle, delimiter=";"))
    assert row["Last name"] == "Константинова-Вълканова"
    assert row["Admitted by signature"] == "yes"


def test_a_revoked_ticket_is_refused_once_the_kiosk_imports_the_list(
    organizer: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "tickets"
    env = {"KIOSK_KEY_PASSPHRASE": PASSPHRASE}
    made = run(organizer["org"], "tickets", "-o", str(out), "--signed", "--key",
               str(organizer["key"]), env=env)  # fmt: skip
    assert made.exit_code == 0, made.output
    texts = qr_texts(out)
    with (out / "mail-merge.csv").open(encoding="utf-8-sig") as handle:
        rows = csv.DictReader(handle, delimiter=";")
        (ana_code,) = [r["code"] for r in rows if r["first_name"] == "Ana"]
    revocations = tmp_path / "revoked.json"
    revoked = run(organizer["org"], "keys", "revoke", ana_code, "--key", str(organizer["key"]),
                  "-o", str(revocations), env=env)  # fmt: skip
    assert revoked.exit_code == 0, revoked.output
    imported = run(organizer["kiosk"], "keys", "import-revocations", str(revocations))
    assert imported.exit_code == 0, imported.output
    result = run(organizer["kiosk"], "checkin", texts[ana_code], "--json")
    assert result.exit_code == 1 and '"status": "revoked"' in result.output
    stale = run(organizer["kiosk"], "keys", "import-revocations", str(revocations))
    assert stale.exit_code == 2 and "not newer" in stale.output


def test_a_wrong_passphrase_is_a_clear_error_and_writes_no_tickets(
    organizer: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "tickets"
    wrong = {"KIOSK_KEY_PASSPHRASE": "guess guess guess"}
    result = run(organizer["org"], "tickets", "-o", str(out), "--signed", "--key",
                 str(organizer["key"]), env=wrong)  # fmt: skip
    assert result.exit_code == 2 and "passphrase is wrong" in result.output
    assert not out.exists()


def test_keys_of_another_event_are_refused(organizer: dict[str, Path], tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    make_event(other)
    result = run(other, "keys", "add-public", str(organizer["public"]))
    assert result.exit_code == 2 and "this database holds" in result.output


def test_a_key_file_that_is_not_one_is_named_in_the_error(
    organizer: dict[str, Path], tmp_path: Path
) -> None:
    junk = tmp_path / "keys.json"
    junk.write_bytes(b"\x00\xff garbage")
    result = run(organizer["kiosk"], "keys", "add-public", str(junk))
    assert result.exit_code == 2 and str(junk) in result.output


def test_signed_without_a_key_is_a_usage_error(organizer: dict[str, Path], tmp_path: Path) -> None:
    result = run(organizer["org"], "tickets", "-o", str(tmp_path / "t"), "--signed")
    assert result.exit_code == 2


def test_keys_list_shows_keys_and_the_revocation_list(organizer: dict[str, Path]) -> None:
    listed = run(organizer["kiosk"], "keys", "list")
    assert listed.exit_code == 0 and "key " in listed.output
    assert "No revocation list" in listed.output


def test_a_script_without_a_passphrase_is_told_how_to_give_one(tmp_path: Path) -> None:
    db = tmp_path / "event.db"
    make_event(db)
    no_secret = {"KIOSK_KEY_PASSPHRASE": ""}
    result = run(db, "keys", "init", "-o", str(tmp_path / "k.json"), env=no_secret)
    assert result.exit_code == 2 and "--passphrase-file" in result.output
    assert not (tmp_path / "k.json").exists()


def test_a_ticket_that_cannot_be_signed_stops_the_command_before_any_file_is_written(
    organizer: dict[str, Path], tmp_path: Path
) -> None:
    source = tmp_path / "codes.csv"
    source.write_text(
        "First name,Last name,Email,Ticket code\n"
        f"Ana,Ștefănescu,ana@example.ro,{'X' * 70}\n",
        encoding="utf-8",
    )
    assert run(organizer["org"], "import", str(source), "--source", "codes").exit_code == 0
    out = tmp_path / "tickets"
    result = run(organizer["org"], "tickets", "-o", str(out), "--signed", "--key",
                 str(organizer["key"]), "--passphrase-file", str(organizer["secret"]))  # fmt: skip
    assert result.exit_code == 2 and "Ana Ștefănescu" in result.output
    assert not out.exists()
