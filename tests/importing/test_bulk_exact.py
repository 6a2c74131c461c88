"""The column-wise bulk import stores exactly what the row-by-row path stores: the same cleaned
values, ``raw`` JSON, days, sort keys and search index, for awkward rows too."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.core import codes
from kiosk.importing.mapping import detect_mapping, parse_registrations
from kiosk.importing.readers import read_table
from kiosk.importing.service import event_days, import_file
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from kiosk.storage.search import search
from tests.conftest import DAY1, DAY2, TZ

ROWS = [
    "Name;Organisation;Country;E-mail;Phone;Category;Status;Days;Ticket code;Order ID;Note;Note",
    "Ana-Maria Popescu;Port Constanţa  SA;România;ana@example.ro;+40 21 1;participant;paid;"
    "Day 1, Day 2;;O-1;50% off;y",
    'POPESCU Ştefan;"CCI\nConstanța";Romania;Stefan.P@Example.RO;3.59888E+11;speaker;cancelled;'
    f'{DAY2.isoformat()};ABC123;O-2;"quote "" and \\\\ backslash";',
    "Иван Петров;Клъстер Мехатроника;България;ivan@пример.бг;+359;b2b;Paid;Day 1;;O-2;z;",
    "Ludwig van Beethoven;;;bad-email;;;;all days;;;\u200b;",
    'Mihai, Ionescu;ACME;RO;"a@b.ro, b@c.ro";;;confirmed;;;abc123;;',
    ";;;;;;;;;;;",
    "e\u200b\u0301 x;Org;;;;;;;;;;",
    "Dup Code;;;;;;;;XYZ;;;",
    "Dup2 Code;;;;;;;;xyz;;;",
    "Mădălina Ţurcanu;Universitatea \u201eDunărea de Jos\u201d;RO;m@ugal.ro;;vip;;Day 2;;O-9;;",
]

_COLUMNS = (
    "external_id, first_name, last_name, organization, country, email, phone, category, "
    "language, status, days, origin, source, raw, sort_key, code = code_upper"
)


def _event(path: Path) -> Database:
    db = Database(path, create=True)
    events.create_event(db, "BG-RO", [DAY1, DAY2], TZ)
    return db


def _stored(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    rows = [tuple(r) for r in db.conn.execute(f"SELECT {_COLUMNS} FROM attendee ORDER BY id")]
    terms = [
        tuple(r) for r in db.conn.execute("SELECT term, field, ids FROM search_term ORDER BY 1, 2")
    ]
    return rows, terms


def test_bulk_import_stores_what_row_by_row_inserts_store(tmp_path: Path) -> None:
    source = tmp_path / "registrations.csv"
    source.write_text("\n".join(ROWS) + "\n", encoding="utf-8")

    with _event(tmp_path / "bulk.db") as bulk:
        report = import_file(bulk, source, skip_bad_rows=True)
        got_rows, got_terms = _stored(bulk)
        found = {
            q: [h.attendee.last_name for h in search(bulk, q, limit=10)] for q in ("stef", "ivan")
        }

    with _event(tmp_path / "reference.db") as reference:
        table = read_table(source)
        parsed = parse_registrations(table, detect_mapping(table), event_days(reference))
        taken: set[str] = set()
        people = []
        for reg in parsed.registrations:
            code = reg.code or codes.generate(taken)
            taken.add(code)
            people.append(NewAttendee.from_registration(reg, code, source="registrations"))
        with reference.write() as conn:
            insert_many(conn, people, "2026-09-27T10:00:00Z")
        want_rows, want_terms = _stored(reference)

    assert report.added == len(parsed.registrations) == 8
    assert got_rows == want_rows
    assert got_terms == want_terms
    by_name = {r[2]: r for r in got_rows}
    popescu = by_name["POPESCU"]
    assert popescu[1:4] == ("Ștefan", "POPESCU", "CCI Constanța")
    assert popescu[9:11] == ("cancelled", json.dumps([DAY2.isoformat()]))
    assert json.loads(str(popescu[13]))["Note"] == 'quote " and \\\\ backslash'
    assert by_name["Popescu"][3] == "Port Constanța SA"
    assert json.loads(str(by_name["Popescu"][13]))["Note"] == "50% off"
    assert by_name["Петров"][10] == json.dumps([DAY1.isoformat()])
    assert by_name["Mihai"][5] == "a@b.ro" and by_name["Mihai"][9] == "active"
    assert all(r[-1] for r in got_rows)  # codes stored with their upper-case form
    assert set(json.loads(str(by_name["Popescu"][13]))) == {
        "Name", "Organisation", "Country", "E-mail", "Phone", "Category", "Status", "Days",
        "Ticket code", "Order ID", "Note", "Note (2)",
    }  # fmt: skip
    assert "POPESCU" in found["stef"] and "Петров" in found["ivan"]


def test_generated_codes_in_bulk_are_valid_distinct_and_avoid_taken_ones() -> None:
    taken = set(codes.generate_many(500))
    fresh = codes.generate_many(3000, taken)
    assert len(set(fresh)) == 3000 and not set(fresh) & taken
    assert all(codes.is_valid(c) for c in fresh)
    assert codes.generate_many(0) == []
