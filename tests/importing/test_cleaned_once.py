"""Names and other text fields are cleaned once, by the one cleaning storage applies
(:func:`kiosk.storage.attendees.clean_column`, :func:`kiosk.core.text.clean` per value): the
importer cleans each column of a batch with it for its own checks and stores what it checked,
not cleaning it a second time (issue 20, "names cleaned once, at the storage boundary")."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.text import clean
from kiosk.importing.mapping import _email_addresses, split_full_name
from kiosk.importing.presets import clean_text
from kiosk.importing.service import import_file
from kiosk.storage import attendees
from kiosk.storage.database import Database

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Cells as spreadsheets leave them: legacy cedillas (ş ţ), decomposed letters, double spaces,
# a line break typed with Alt+Enter, a non-breaking space, a zero-width space.
ROWS = [
    ["First name", "Last name", "Organisation", "Country", "Email"],
    ["Ştefan", "Ţurcanu  ", "Port Constanţa  SA", "România", "s@port.ro"],
    ["Ana-Maria", "Popescu", "Universitatea\nDunărea de Jos", "Romania", "ana@ugal.ro"],
    ["Иван", "Петров\u00a0", "Клъстер\u200b ООД", "България", "ivan@klaster.bg"],
]


def test_an_import_cleans_each_column_once_with_storages_cleaning(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    callers: list[str] = []
    one_cleaning = attendees.clean_column

    def spy(values: list[str], cache: dict[str, str] | None = None) -> list[str]:
        callers.append(inspect.stack()[1].function)
        return one_cleaning(values, cache)

    monkeypatch.setattr(attendees, "clean_column", spy)
    source = tmp_path / "registrations.csv"
    source.write_text("\n".join(",".join(f'"{c}"' for c in r) for r in ROWS), encoding="utf-8")

    report = import_file(db, source)

    assert report.added == 3
    # The importer's checks saw the cleaned values; storing them did not clean them again.
    assert callers and set(callers) == {"_clean_column"}
    stored = db.conn.execute(
        "SELECT first_name, last_name, organization, country FROM attendee ORDER BY id"
    ).fetchall()
    assert stored == [
        ("Ștefan", "Țurcanu", "Port Constanța SA", "România"),
        ("Ana-Maria", "Popescu", "Universitatea Dunărea de Jos", "Romania"),
        ("Иван", "Петров", "Клъстер ООД", "България"),
    ]


def test_other_callers_of_storage_still_have_their_text_cleaned(db: Database) -> None:
    columns = {c: [""] for c in attendees.DETAIL_COLUMNS}
    columns["first_name"], columns["last_name"] = ["Ştefan "], ["Ţurcanu"]
    with db.write() as conn:
        attendees.insert_columns(
            conn,
            attendees.NewAttendees(
                codes=["AB12CD"],
                details=columns,
                external_ids=[""],
                cancelled=[False],
                days=[frozenset()],
                raw=["{}"],
                origins=["import"],
                sources=["registrations"],
                uids=[""],
            ),
            "2026-09-27T10:00:00Z",
        )
    assert db.conn.execute("SELECT first_name, last_name FROM attendee").fetchone() == (
        "Ștefan",
        "Țurcanu",
    )


@SETTINGS
@given(st.text())
def test_the_values_an_import_derives_from_clean_cells_are_clean(text: str) -> None:
    """An import stores as clean what it made from cleaned cells: names split from a full name
    and the e-mail address picked from a cell."""
    cell = clean(text)
    first, last = split_full_name(cell)
    assert (clean(first), clean(last)) == (first, last)
    for address in _email_addresses(cell):
        assert clean(address) == address


@SETTINGS
@given(st.text())
def test_the_importers_cell_cleaning_is_storages(text: str) -> None:
    assert clean_text(text) == clean(text)
    assert attendees.clean_column([text, text, text, text, "x"]) == [clean(text)] * 4 + ["x"]
    assert attendees.clean_column([text]) == [clean(text)]


@SETTINGS
@given(st.text())
def test_cleaning_clean_text_changes_nothing(text: str) -> None:
    """What makes cleaning once enough: a value cleaned is a value as stored."""
    assert clean(clean(text)) == clean(text)


def test_an_accent_kept_from_its_letter_by_an_invisible_character_is_composed() -> None:
    # Found by the bulk import test (tests/importing/test_bulk_exact.py): the zero-width space
    # was removed after NFC had run, leaving "e" + U+0301 uncomposed for a second cleaning.
    assert clean("e\u200b\u0301 x") == "\u00e9 x"


def test_a_re_import_stores_changed_names_as_checked_without_cleaning_them_again(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "registrations.csv"
    source.write_text("\n".join(",".join(f'"{c}"' for c in r) for r in ROWS), encoding="utf-8")
    import_file(db, source)
    changed = [list(r) for r in ROWS]
    changed[1][2] = "Port  Constanţa SRL"  # the organisation renamed, typed as carelessly
    source.write_text("\n".join(",".join(f'"{c}"' for c in r) for r in changed), encoding="utf-8")
    callers: list[str] = []
    one_rule = attendees.clean

    def spy(value: object) -> str:
        callers.append(inspect.stack()[1].function)
        return one_rule(value)

    monkeypatch.setattr(attendees, "clean", spy)

    report = import_file(db, source)

    assert (report.updated, report.unchanged) == (1, 2)
    assert callers and set(callers) == {"clean_column"}
    assert db.conn.execute("SELECT organization FROM attendee WHERE id = 1").fetchone() == (
        "Port Constanța SRL",
    )
