"""Every file written from data stays inside the folder it was given.

The hostile names are the classic path-traversal and Windows cases: OWASP's "Path Traversal"
examples (``../``, ``..\\``, absolute paths, an embedded NUL), Microsoft's "Naming Files, Paths,
and Namespaces" reserved device names (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, also with an
extension and in lower case) and the 255-byte name limit of ext4/NTFS.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.cli.main import cli
from kiosk.core.filenames import MAX_PART, UnsafeFileName, inside, safe_part
from kiosk.core.model import Attendee
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from kiosk.tickets.images import ticket_file_name, write_tickets

HOSTILE = [
    "../../../../tmp/x",
    "2026/0001",
    "..\\..\\windows\\win.ini",
    "C:\\boot.ini",
    "/etc/passwd",
    "a\x00b",
    "CON",
    "nul",
    "COM1",
    "lpt9.txt",
    "AUX.tar.gz",
    "..",
    ".hidden",
    "Х" * 300,
    "é" * 200,
    "ticket:stream",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_piece_made_from_any_value_is_a_plain_name_inside_the_folder(
    value: str, tmp_path: Path
) -> None:
    part = safe_part(value)
    assert part and len(part) <= MAX_PART and part.isascii()
    assert not set(part) & set("/\\:\x00") and not part.startswith(".")
    assert part.split(".")[0].casefold() not in {"con", "nul", "com1", "lpt9", "aux"}
    target = inside(tmp_path, f"ticket-00001-{part}.png")
    assert target.parent == tmp_path
    target.write_bytes(b"x")  # the file system takes it
    assert os.listdir(tmp_path) == [target.name]


@pytest.mark.parametrize(
    "name",
    ["../x.png", "a/b.png", "a\\b.png", "/tmp/x", "x\x00.png", "CON.png", "..", "", "a" * 256],
)
def test_the_last_check_refuses_a_name_that_would_leave_its_folder(
    name: str, tmp_path: Path
) -> None:
    with pytest.raises(UnsafeFileName):
        inside(tmp_path, name)


def test_safe_parts_keep_readable_codes_as_they_are() -> None:
    assert safe_part("K7Q-4M2P") == "K7Q-4M2P"
    assert safe_part("Ștefănescu") == "Stefanescu"
    assert safe_part("", fallback="code") == "code"


def test_ticket_files_of_hostile_codes_all_land_in_the_folder(tmp_path: Path) -> None:
    people = [Attendee(n, code, "Ana", "Popescu") for n, code in enumerate(HOSTILE, start=1)]
    out = tmp_path / "tickets"
    done = write_tickets(people, out, "BG-RO Cluster Conference")
    assert done.images == len(HOSTILE)
    written = sorted(os.listdir(out))
    assert len(written) == len(HOSTILE) + 1  # each ticket, distinct, plus mail-merge.csv
    assert all((out / name).is_file() for name in written)
    assert sorted(os.listdir(tmp_path)) == ["tickets"]  # nothing beside or above the folder
    assert {ticket_file_name(p) for p in people} <= set(written)


def test_kiosk_tickets_with_traversal_codes_in_the_database_writes_only_inside_output(
    tmp_path: Path,
) -> None:
    # The import refuses such codes (issue 18), but a database may hold them from elsewhere
    # (an older version, a merged kiosk): file names must be safe whatever the code.
    db = tmp_path / "event.db"

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run("init", "--name", "Conf", "--day", "2026-09-28", "--timezone", "Europe/Sofia")
    codes = ["../../../../x-escaped", "2026/0001", "CON", "..\\y-escaped", "Z" * 300]
    with Database(db) as database, database.write() as conn:
        insert_many(
            conn,
            [NewAttendee(code, "Мария", f"Иванова{n}") for n, code in enumerate(codes)],
            "2026-09-27T10:00:00Z",
        )
    out = tmp_path / "deep" / "out"
    run("tickets", "-o", str(out))
    files = sorted(p.relative_to(out) for p in out.rglob("*"))
    assert all(len(p.parts) == 1 for p in files), files  # no sub-folders
    assert len([p for p in files if p.suffix == ".png"]) == len(codes)
    assert sorted(os.listdir(tmp_path / "deep")) == ["out"]


def test_badge_previews_of_a_template_named_like_a_path_stay_in_their_folder(
    tmp_path: Path,
) -> None:
    from kiosk.badges.preview import write_previews
    from kiosk.badges.template import builtin_dir

    source = next(p for p in sorted(builtin_dir().glob("*.toml")) if "roll" in p.name)
    text = source.read_text(encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "_categories.toml").write_bytes((builtin_dir() / "_categories.toml").read_bytes())
    hostile = folder / "hostile.toml"
    hostile.write_text(
        "\n".join(
            'name = "../../escaped/CON"' if line.startswith("name =") else line
            for line in text.splitlines()
        ),
        encoding="utf-8",
    )
    out = tmp_path / "previews"
    written = write_previews(out, [str(hostile)], samples=["short"])
    assert [p.parent for p in written] == [out]
    assert sorted(os.listdir(tmp_path)) == ["previews", "templates"]


@pytest.mark.parametrize("name", ["../../escaped", "CON", "a/b\\c", "x\x00y", "Х" * 300])
def test_a_bundle_named_from_the_event_and_kiosk_stays_in_its_folder(
    name: str, tmp_path: Path
) -> None:
    from kiosk.storage import events
    from kiosk.sync.bundle import export_bundle

    with Database(tmp_path / "event.db", create=True) as db:
        events.create_event(db, name, [date(2026, 9, 28)], "Europe/Sofia")
        events.rename_kiosk(db, events.local_kiosk(db), name[:40])
        out = tmp_path / "stick"
        path, _ = export_bundle(db, out)
    assert path.parent == out and os.listdir(out) == [path.name]
    assert len(path.name) <= MAX_PART + 40 and path.name.isascii()
    assert sorted(os.listdir(tmp_path)) == ["event.db", "stick"]
