"""An import reads its file as a stream, a batch of rows at a time (issue 21): every rule that
needs the whole file still sees the whole file, and an import is still all or nothing.

Batches are made three rows long here, so each rule below crosses batches."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kiosk.app.importing import ImportFileError, import_file
from kiosk.importing import service
from kiosk.importing.readers import open_table, read_table
from kiosk.storage import imports as storage_imports
from kiosk.storage.database import Database

HEADER = ["First name", "Last name", "E-mail", "Order", "Ticket code"]


@pytest.fixture(autouse=True)
def tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "BATCH_ROWS", 3)


def write(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def people(db: Database) -> list[tuple[str, str, str | None, str]]:
    return db.conn.execute(
        "SELECT first_name, email, external_id, code FROM attendee ORDER BY id"
    ).fetchall()


def filler(start: int, count: int) -> list[list[str]]:
    numbers = range(start, start + count)
    return [[f"Person{n}", "Petrov", f"p{n}@x.bg", f"O-{n}", ""] for n in numbers]


def test_a_code_used_again_in_a_later_batch_names_the_first_row(
    db: Database, tmp_path: Path
) -> None:
    rows = [HEADER, ["Ana", "Pop", "", "", "AB12"], *filler(1, 5), ["Ion", "Rus", "", "", "ab12"]]
    report = import_file(db, write(tmp_path / "r.csv", rows), skip_bad_rows=True)
    [skipped] = report.skipped
    assert (skipped.row, skipped.reason) == (8, "duplicate_code")
    assert "already used on row 2" in skipped.detail
    assert report.added == 6


def test_an_order_number_on_rows_of_different_batches_identifies_nobody(
    db: Database, tmp_path: Path
) -> None:
    rows = [HEADER, ["Ana", "Pop", "a@x.ro", "ORD-7", ""], *filler(1, 5),
            ["Ion", "Pop", "i@x.ro", "ORD-7", ""]]  # fmt: skip
    report = import_file(db, write(tmp_path / "r.csv", rows))
    stored = {first: external for first, _email, external, _code in people(db)}
    assert stored["Ana"] is None and stored["Ion"] is None
    assert stored["Person1"] == "O-1"
    assert any("rows 2, 8" in w and "'Order'" in w for w in report.warnings)


def test_an_address_shared_by_rows_of_different_batches_matches_only_by_name(
    db: Database, tmp_path: Path
) -> None:
    first = write(tmp_path / "first.csv", [HEADER, ["Ana", "Pop", "office@firm.ro", "", ""]])
    import_file(db, first)
    [(_, _, _, ana_code)] = people(db)
    # Ion comes first, in the first batch; Ana, with the same office address, in the third.
    rows = [HEADER, ["Ion", "Rus", "office@firm.ro", "", ""], *filler(1, 5),
            ["Ana", "Pop", "office@firm.ro", "", ""]]  # fmt: skip
    report = import_file(db, write(tmp_path / "second.csv", rows))
    assert (report.added, report.unchanged) == (6, 1)
    codes = {first: code for first, _email, _external, code in people(db)}
    assert codes["Ana"] == ana_code and codes["Ion"] != ana_code


def test_a_bad_row_in_the_last_batch_refuses_the_whole_file(
    db: Database, tmp_path: Path
) -> None:
    rows = [HEADER, *filler(1, 7), ["", "", "nobody@x.bg", "", ""]]
    path = write(tmp_path / "r.csv", rows)
    with pytest.raises(ImportFileError) as refused:
        import_file(db, path)
    assert refused.value.reason == "bad_rows"
    assert people(db) == []
    assert import_file(db, path, skip_bad_rows=True).added == 7


def test_a_refusal_after_batches_were_written_leaves_nothing(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, write(tmp_path / "first.csv", [HEADER, ["Ana", "Pop", "", "ANA-1", "C1"],
                                                   ["Ion", "Rus", "", "ION-1", "C2"]]))  # fmt: skip
    before = people(db)
    # Six new people in the first two batches, then Ana claiming Ion's code: found only while
    # the batches are written, in the transaction, which is then rolled back whole.
    rows = [HEADER, *filler(1, 6), ["Ana", "Pop", "", "ANA-1", "C2"],
            ["Ion", "Rus", "", "ION-1", "C2X"]]  # fmt: skip
    with pytest.raises(ImportFileError) as refused:
        import_file(db, write(tmp_path / "second.csv", rows), cancel_missing=False)
    assert refused.value.reason == "bad_rows"
    assert "code_conflict" in str(refused.value)
    assert people(db) == before


def test_a_broken_quote_at_the_end_of_the_file_refuses_it_before_anything_is_written(
    db: Database, tmp_path: Path
) -> None:
    text = "First name,Last name\r\n" + "".join(f"P{n},Q{n}\r\n" for n in range(10))
    path = tmp_path / "r.csv"
    path.write_text(text + 'Ana,"Pop\r\nIon,Rus\r\n', encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        import_file(db, path)
    assert refused.value.row == 12
    assert people(db) == []


def test_a_streamed_table_reads_the_same_rows_as_the_whole_table(tmp_path: Path) -> None:
    # Row 4 has a value right of the last named column: the table widens, on either path.
    rows = [["Name", "E-mail"], ["Ana", "a@x.ro"], ["Ion", "i@x.bg", "", ""], ["Eva", "e@x", "x"]]
    path = write(tmp_path / "r.csv", rows)
    whole = read_table(path)
    with open_table(path) as table:
        streamed = list(table.rows)
        # After the pass the headers are as wide as the widest row; rows are padded at least
        # to the width known when the pass began.
        assert table.headers == whole.headers == ["Name", "E-mail", ""]
        streamed = [(n, (cells + [""] * 3)[:3]) for n, cells in streamed]
        assert len(table.rows) == 3
        again = list(table.rows)  # a second pass reads the file again
    assert streamed == list(whole.rows)
    assert [n for n, _ in again] == [2, 3, 4]


def test_people_added_while_the_file_was_read_are_matched_with_the_whole_file_counted(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(tmp_path / "first.csv", [HEADER, ["Ana", "Pop", "ana@firm.ro", "", ""]])
    import_file(db, first)
    [(_, _, _, ana_code)] = people(db)
    # The event looked empty when the file was read (another window imported meanwhile): the
    # e-mails are counted from the parsed batches, so an address used once in the file still
    # identifies Ana under her new name.
    monkeypatch.setattr(storage_imports, "has_people", lambda _db: False)
    rows = [HEADER, *filler(1, 5), ["Ana", "Popescu", "ana@firm.ro", "", ""]]
    report = import_file(db, write(tmp_path / "second.csv", rows))
    assert (report.added, report.updated) == (5, 1)
    row = db.conn.execute("SELECT last_name FROM attendee WHERE code = ?", (ana_code,)).fetchone()
    assert row[0] == "Popescu"


def test_a_dry_run_into_an_empty_event_leaves_it_empty_with_its_indexes(
    db: Database, tmp_path: Path
) -> None:
    def indexes() -> list[str]:
        return [r[0] for r in db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'attendee' "
            "ORDER BY name"
        )]  # fmt: skip

    assert people(db) == []
    before = indexes()
    report = import_file(db, write(tmp_path / "r.csv", [HEADER, *filler(1, 10)]), dry_run=True)
    assert report.added == 10
    assert people(db) == [] and indexes() == before and "attendee_code_upper" in before
    # Imported for real, the people are findable through the rebuilt indexes.
    import_file(db, write(tmp_path / "r.csv", [HEADER, *filler(1, 10)]))
    plan = db.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM attendee WHERE code_upper = 'X'"
    ).fetchall()
    assert indexes() == before and "attendee_code_upper" in str(plan)
