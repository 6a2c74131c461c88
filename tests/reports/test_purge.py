"""Purging personal data after the event keeps the anonymous counts and the digests."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kiosk.cli.main import cli
from kiosk.importing.online import import_online
from kiosk.reports.files import register_digest, write_csv
from kiosk.reports.purge import last_purge, purge
from kiosk.reports.register import Scope
from kiosk.reports.summary import build_report
from kiosk.storage.database import Database
from kiosk.storage.search import search
from tests.conftest import DAY1, DAY2
from tests.reports.conftest import Story
from tests.reports.test_online import TEAMS


def test_purge_removes_names_and_keeps_counts_and_digests(
    db: Database, story: Story, tmp_path: Path
) -> None:
    import_online(db, TEAMS, DAY2)
    before = build_report(db)
    day1_digest = register_digest(before.entries_of(DAY1))
    [written, _] = write_csv(before, tmp_path / "r.csv")
    from kiosk.reports.files import record_exports

    record_exports(db, "report-csv", "event", [written])

    summary = purge(db)
    assert summary.people == 4
    text = "\n".join(
        str(v)
        for table in ("attendee", "online_session", "import_run")
        for row in db.conn.execute(f"SELECT * FROM {table}")
        for v in row
    )
    for personal in ("Ștefănescu", "Иванов", "ana@ugal.ro", "Maria Petrova", "Клъстер",
                     story.people.ana):
        assert personal not in text  # fmt: skip
    assert search(db, "ivanov") == []
    kept = last_purge(db)
    assert kept is not None
    assert kept["counts"]["sections"]["by_day"]["rows"] == [
        list(r) for r in before.section("by_day").rows
    ]
    assert kept["counts"]["register_sha256"]["2026-09-28"] == day1_digest
    assert db.conn.execute("SELECT sha256 FROM export_record").fetchone()[0] == written.sha256
    # The anonymous numbers still come out of the purged database.
    after = build_report(db)
    assert after.section("by_day").rows == before.section("by_day").rows
    assert after.section("by_country").rows == before.section("by_country").rows
    assert len(build_report(db, Scope(day=DAY2)).register.entries) == 3


def test_purge_asks_first_and_does_nothing_on_no(db: Database, story: Story) -> None:
    path = db.path
    db.close()
    result = CliRunner().invoke(cli, ["--db", path, "purge"], input="n\n")
    assert result.exit_code == 1
    assert "personal data of 4 registrations" in result.output
    assert "Nothing was removed." in result.output
    with Database(path) as again:
        assert again.conn.execute("SELECT count(*) FROM purge_record").fetchone()[0] == 0
    result = CliRunner().invoke(cli, ["--db", path, "purge"], input="y\n")
    assert result.exit_code == 0, result.output
    assert "Removed the personal data of 4 registrations" in result.output
    assert "register 2026-09-28 sha256" in result.output
