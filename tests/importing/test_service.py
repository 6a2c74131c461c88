"""Importing into the event: match, update, add, cancel — idempotent and all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.core.reasons import Reason
from kiosk.importing.errors import ImportFileError
from kiosk.importing.service import import_file
from kiosk.storage.database import Database
from tests.conftest import Clock

HEADER = "ID;Име;Фамилия;Организация;Държава;Имейл;Категория"


def write(path: Path, *rows: str, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding=encoding)
    return path


def people(db: Database) -> dict[str, tuple[str, str, str]]:
    return {
        r[0]: (r[1], r[2], r[3])
        for r in db.conn.execute(
            "SELECT external_id, last_name, organization, status FROM attendee"
        )
    }


ROWS = (
    "1;Иван;Иванов;Клъстер Мехатроника;Bulgaria;ivan@abv.bg;participant",
    "2;Ana;Ştefănescu;CCI Constanţa;Romania;ana@cci.ro;speaker",
    "3;Мария;Петрова;ТПП Русе;Bulgaria;maria@tpp.bg;participant",
)


def test_a_first_import_adds_everyone_with_generated_codes(db: Database, tmp_path: Path) -> None:
    report = import_file(db, write(tmp_path / "r.csv", *ROWS))
    assert (report.added, report.updated, report.skipped) == (3, 0, [])
    codes = [r[0] for r in db.conn.execute("SELECT code FROM attendee")]
    assert len(set(codes)) == 3 and all(len(c) == 9 for c in codes)


def test_cedilla_letters_are_stored_comma_below_and_the_raw_row_kept(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, write(tmp_path / "r.csv", *ROWS))
    last, org, raw = db.conn.execute(
        "SELECT last_name, organization, raw FROM attendee WHERE external_id = '2'"
    ).fetchone()
    assert (last, org) == ("Ștefănescu", "CCI Constanța") and "Ştefănescu" in raw


def test_importing_the_same_file_again_changes_nothing(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "r.csv", *ROWS)
    import_file(db, path)
    before = db.conn.execute("SELECT id, code, updated_at FROM attendee ORDER BY id").fetchall()
    again = import_file(db, path)
    assert (again.added, again.updated, again.unchanged, again.cancelled) == (0, 0, 3, 0)
    assert (
        db.conn.execute("SELECT id, code, updated_at FROM attendee ORDER BY id").fetchall()
        == before
    )


def test_a_changed_person_is_updated_not_duplicated(db: Database, tmp_path: Path) -> None:
    import_file(db, write(tmp_path / "r.csv", *ROWS))
    changed = ROWS[0].replace("Клъстер Мехатроника", "Русенски университет")
    report = import_file(db, write(tmp_path / "r2.csv", changed, *ROWS[1:]))
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    assert people(db)["1"][1] == "Русенски университет"


def test_a_person_missing_from_the_new_file_is_kept_and_listed_unless_cancelling_is_asked(
    db: Database, tmp_path: Path, clock: Clock
) -> None:
    import_file(db, write(tmp_path / "r.csv", *ROWS))
    code = db.conn.execute("SELECT code FROM attendee WHERE external_id = '3'").fetchone()[0]
    CheckinService(db, clock=clock).scan(code)
    with pytest.raises(ImportFileError) as refused:  # one of three is over 10 %: say what to do
        import_file(db, write(tmp_path / "r2.csv", *ROWS[:2]))
    assert refused.value.reason == "many_missing" and "Мария Петрова" in str(refused.value)
    kept = import_file(db, write(tmp_path / "r2.csv", *ROWS[:2]), cancel_missing=False)
    assert kept.cancelled == 0 and people(db)["3"][2] == "active"
    assert [p.code for p in kept.missing] == [code] and not kept.cancelled_missing
    report = import_file(db, write(tmp_path / "r2.csv", *ROWS[:2]), cancel_missing=True)
    assert report.cancelled == 1 and people(db)["3"][2] == "cancelled"
    assert db.conn.execute("SELECT count(*) FROM effective_scan").fetchone()[0] == 1
    clock.advance(minutes=5)
    assert CheckinService(db, clock=clock).scan(code).decision.reason is Reason.CANCELLED


def test_another_source_does_not_cancel_the_first_ones_people(db: Database, tmp_path: Path) -> None:
    import_file(db, write(tmp_path / "r.csv", *ROWS))
    speakers = write(
        tmp_path / "s.csv", "S1;Jürgen;Müller;Fraunhofer IPA;Germany;jm@ipa.de;speaker"
    )
    report = import_file(db, speakers, source="speakers")
    assert (report.added, report.cancelled) == (1, 0)
    assert {v[2] for v in people(db).values()} == {"active"}


def test_people_are_matched_by_email_when_the_file_has_no_ids(db: Database, tmp_path: Path) -> None:
    plain = tmp_path / "p.csv"
    plain.write_text("Name,Email,Company\nAna Popescu,ana@x.ro,Old SRL\n", encoding="utf-8")
    import_file(db, plain)
    plain.write_text("Name,Email,Company\nAna Popescu,ANA@x.ro,New SRL\n", encoding="utf-8")
    report = import_file(db, plain)
    assert (report.added, report.updated) == (0, 1)


def test_a_dry_run_reports_but_changes_nothing(db: Database, tmp_path: Path) -> None:
    report = import_file(db, write(tmp_path / "r.csv", *ROWS), dry_run=True)
    assert report.added == 3 and report.dry_run
    assert db.conn.execute("SELECT count(*) FROM attendee").fetchone()[0] == 0


def test_a_bad_file_changes_nothing(db: Database, tmp_path: Path) -> None:
    import_file(db, write(tmp_path / "r.csv", *ROWS))
    before = db.conn.execute("SELECT * FROM attendee ORDER BY id").fetchall()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFileError) as error:
        import_file(db, broken)
    assert "broken.xlsx" in str(error.value)
    assert db.conn.execute("SELECT * FROM attendee ORDER BY id").fetchall() == before


def test_a_code_from_the_file_is_kept_and_scannable(
    db: Database, tmp_path: Path, clock: Clock
) -> None:
    eventbrite = tmp_path / "eb.csv"
    eventbrite.write_text(
        "Order #,Attendee #,First Name,Last Name,Email,Barcode #,Attendee Status,Ticket Type\n"
        "111,9001,Ion,Popa,ion@x.ro,123456789012,Attending,Participant\n"
        "112,9002,Dan,Stan,dan@x.ro,123456789013,Refunded,Participant\n",
        encoding="utf-8",
    )
    report = import_file(db, eventbrite)
    assert report.preset == "eventbrite" and report.added == 2
    service = CheckinService(db, clock=clock)
    assert service.scan("123456789012").decision.reason is Reason.ADMITTED
    assert service.scan("123456789013").decision.reason is Reason.CANCELLED
