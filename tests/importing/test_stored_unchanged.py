"""What an import stores does not change when the import is made faster (issue 21): every
platform file (tests/importing/platforms, written the way pretix, Indico, Eventbrite and
LibreOffice write them; see tests/importing/README) is imported, and the stored rows, the
search index, what a search finds and the import's report are compared with
``stored_golden.json``, written by the import as it was before the speed work.

Three ways in, so both of the index's write paths are held: each file alone into an empty
event (the bulk load: indexes built after the rows, the search index written once at the end),
read in batches of three rows; every file, each as its own list, into one event (the later
files meet people already there); the first file imported again (everyone matched); and
Indico's export grown to 2,500 registrations (its rows repeated with their own ids and
addresses, as a large event's export) in batches of 700, compared by a digest.

To write the golden file again after a deliberate change of what is stored:
``KIOSK_WRITE_GOLDEN=1 pytest tests/importing/test_stored_unchanged.py``; say why in the commit.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from array import array
from pathlib import Path
from typing import Any

import pytest

from kiosk.importing import service
from kiosk.importing.service import import_file
from kiosk.storage import events
from kiosk.storage.database import Database
from kiosk.storage.search import search
from tests.conftest import DAY1, DAY2, TZ

PLATFORMS = Path(__file__).parent / "platforms"
GOLDEN = Path(__file__).parent / "stored_golden.json"
FILES = sorted(p.name for p in PLATFORMS.iterdir() if p.suffix in {".csv", ".xlsx", ".ods"})

#: Not compared: random (uid, codes Kiosk made up) or the clock's.
_UNSTABLE = {"uid", "created_at", "updated_at"}


def _event(path: Path) -> Database:
    db = Database(path, create=True)
    events.create_event(db, "BG-RO Cluster Conference", [DAY1, DAY2], TZ)
    return db


def _dump(db: Database) -> dict[str, Any]:
    cursor = db.conn.execute("SELECT * FROM attendee ORDER BY id")
    names = [d[0] for d in cursor.description]
    rows = []
    for values in cursor.fetchall():
        row = {n: v for n, v in zip(names, values, strict=True) if n not in _UNSTABLE}
        cells = {str(c).upper() for c in json.loads(row["raw"]).values()}
        if row["code_upper"] not in cells:  # made by Kiosk: random
            row["code"] = row["code_upper"] = "(generated)"
        rows.append(row)
    terms = [
        [term, field, list(array("i", ids))]
        for term, field, ids in db.conn.execute(
            "SELECT term, field, ids FROM search_term ORDER BY term, field"
        )
    ]
    queries = sorted({q for r in rows for q in _queries(r)} - {""})
    found = {q: [h.attendee.id for h in search(db, q, limit=20)] for q in queries}
    return {"attendees": rows, "search_term": terms, "search": found}


def _queries(row: dict[str, Any]) -> list[str]:
    """What desk staff type: the start of a name, a full name, a name with an organisation,
    the start of an e-mail address (never three letters alone, which could also begin one of
    the random codes Kiosk made up, found by code)."""
    first, last = str(row["first_name"]), str(row["last_name"])
    organization, email = str(row["organization"]), str(row["email"])
    return [
        last[:2],
        f"{first} {last}".strip(),
        f"{first[:2]} {organization[:4]}".strip(),
        email[:2],
    ]


def _report(report: service.ImportReport) -> dict[str, Any]:
    found = report.as_json()
    found.pop("file")
    return found


def _digest(found: dict[str, Any]) -> str:
    canonical = json.dumps(found, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _indico_large(times: int) -> str:
    """Indico's export with its rows repeated ``times`` times, each with its own registration
    id and e-mail address."""
    text = (PLATFORMS / "indico_registrations.csv").read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    n = 0
    for k in range(times):
        for row in rows:
            n += 1
            local, _, domain = row[4].partition("@")
            writer.writerow([str(n), *row[1:4], f"{local}{k}@{domain}", *row[5:]])
    return out.getvalue()


def _run_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    result: dict[str, Any] = {"alone": {}, "together": {}}
    for name in FILES:
        with _event(tmp_path / f"alone-{name}.db") as db:
            report = import_file(db, PLATFORMS / name, skip_bad_rows=True)
            result["alone"][name] = {"report": _report(report), **_dump(db)}
    with _event(tmp_path / "together.db") as db:
        reports = [
            _report(import_file(db, PLATFORMS / name, source=name, skip_bad_rows=True))
            for name in FILES
        ]
        again = _report(import_file(db, PLATFORMS / FILES[0], source=FILES[0], skip_bad_rows=True))
        result["together"] = {"reports": reports, "again": again, **_dump(db)}
    large = tmp_path / "indico_large.csv"
    large.write_text(_indico_large(500), encoding="utf-8-sig")
    monkeypatch.setattr(service, "BATCH_ROWS", 700)
    with _event(tmp_path / "large.db") as db:
        report = _report(import_file(db, large, skip_bad_rows=True))
        dump = _dump(db)
    result["large"] = {
        "added": report["added"],
        "left_out": len(report["left_out"]),
        "people": len(dump["attendees"]),
        "terms": len(dump["search_term"]),
        "sha256": _digest({"report": report, **dump}),
    }
    # JSON's own types (tuples become lists), as the golden file holds them.
    loaded: dict[str, Any] = json.loads(json.dumps(result, ensure_ascii=False))
    return loaded


def test_every_platform_file_is_stored_and_found_exactly_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "BATCH_ROWS", 3)
    got = _run_all(tmp_path, monkeypatch)
    if os.environ.get("KIOSK_WRITE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sorted(got["alone"]) == sorted(want["alone"]) == FILES
    for name in FILES:
        for part in ("report", "attendees", "search_term", "search"):
            assert got["alone"][name][part] == want["alone"][name][part], (name, part)
    for part in ("reports", "again", "attendees", "search_term", "search"):
        assert got["together"][part] == want["together"][part], part
    # The comparison holds something: people, terms and searches that find them.
    assert sum(len(v["attendees"]) for v in got["alone"].values()) >= 40
    assert got["large"] == want["large"]
    assert got["together"]["again"]["added"] == 0
    assert got["together"]["again"]["updated"] + got["together"]["again"]["unchanged"] >= 2
    assert got["large"]["people"] == 2000
    assert any(ids for ids in got["together"]["search"].values())
