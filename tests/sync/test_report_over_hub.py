"""`kiosk report --hub` and `kiosk sign-in-sheet --hub`: a report over every kiosk's data, from
a file that has seen none of their scans, against a real PostgreSQL hub."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
from click.testing import CliRunner
from pypdf import PdfReader

from kiosk.cli.main import cli
from kiosk.storage import replica
from kiosk.sync.hub import HubSession
from tests.conftest import DAY1
from tests.sync.conftest import Fleet


def _run(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env=env or {"KIOSK_HUB_DSN": ""})
    return result.exit_code, result.output


def _three_kiosks_scan_and_sync(fleet: Fleet, dsn: str, schema: str, *, close: bool = True) -> None:
    stations = [fleet.add(name) for name in ("a", "b", "c")]
    for n, code in enumerate(fleet.codes[:9]):
        stations[n % 3].scan(code)
    for s in stations:
        HubSession(s.db, dsn, schema=schema, timeout=3).sync()
        if close:
            s.db.close()


def test_report_with_hub_from_a_fourth_file_counts_every_kiosks_admissions(
    fleet: Fleet, tmp_path: Path, pg_server: str, hub_schema: str
) -> None:
    _three_kiosks_scan_and_sync(fleet, pg_server, hub_schema)
    office = fleet.add("office")
    assert replica.kiosk_ranges(office.db.conn) == {}
    office.db.close()
    out_file = tmp_path / "all.csv"
    code, out = _run(tmp_path / "office.db", "report", "-o", str(out_file), "--json",
                     "--hub", pg_server, "--hub-schema", hub_schema)  # fmt: skip
    assert code == 0, out
    found = json.loads(out)
    day1 = found["by_day"]["rows"][0]
    assert day1[0] == DAY1.isoformat() and day1[2] == 9  # in person: all three kiosks' people
    covered = {k["kiosk_id"]: k for k in found["coverage"] if k["scans"]}
    assert len(covered) == 3
    assert all(k["scans"] == 3 and k["last_seq"] == 3 and k["gaps"] == [] for k in covered.values())
    assert all(k["last_scan"] for k in covered.values())


def test_report_with_hub_and_no_address_uses_the_hub_last_synced_with(
    fleet: Fleet, tmp_path: Path, pg_server: str, hub_schema: str
) -> None:
    _three_kiosks_scan_and_sync(fleet, pg_server, hub_schema, close=False)
    office = fleet.add("office")
    HubSession(office.db, pg_server, schema=hub_schema, timeout=3).sync()
    fleet.stations[0].scan(fleet.codes[20])  # a admits one more after office's last sync
    HubSession(fleet.stations[0].db, pg_server, schema=hub_schema, timeout=3).sync()
    office.db.close()
    code, out = _run(tmp_path / "office.db", "report", "-o", str(tmp_path / "r.pdf"), "--hub")
    assert code == 0, out
    assert "The report covers 3 kiosks" in out
    assert "in person 10" in out
    assert "MISSING" not in out


def test_report_with_hub_warns_of_a_kiosk_whose_scans_are_missing_in_the_middle(
    fleet: Fleet, tmp_path: Path, pg_server: str, hub_schema: str
) -> None:
    # a never reaches the hub; office got part of a's log from a bundle (scan 3 missing).
    a = fleet.add("a")
    for ticket in fleet.codes[:4]:
        a.scan(ticket)
    rows = replica.scan_rows(a.db.conn, a.service.kiosk.id)
    office = fleet.add("office")
    with office.db.write() as conn:
        replica.merge_scans(conn, [rows[0], rows[1], rows[3]])
    office.db.close()
    code, out = _run(tmp_path / "office.db", "report", "-o", str(tmp_path / "r.csv"), "--json",
                     "--hub", pg_server, "--hub-schema", hub_schema)  # fmt: skip
    assert code == 0, out
    (a_cov,) = [k for k in json.loads(out)["coverage"] if k["scans"]]
    assert (a_cov["kiosk_id"], a_cov["scans"], a_cov["last_seq"]) == (a.service.kiosk.id, 3, 4)
    assert a_cov["gaps"] == [[3, 3]]
    code, out = _run(tmp_path / "office.db", "report", "-o", str(tmp_path / "r.csv"),
                     "--hub", pg_server, "--hub-schema", hub_schema)  # fmt: skip
    assert code == 0, out
    assert "MISSING scans 3" in out and "Warning" in out


def test_an_unreachable_hub_stops_the_report_naming_the_address_without_the_password(
    fleet: Fleet, tmp_path: Path
) -> None:
    office = fleet.add("office")
    office.db.close()
    out_file = tmp_path / "all.csv"
    result = CliRunner().invoke(
        cli,
        ["--db", str(tmp_path / "office.db"), "report", "-o", str(out_file), "--hub",
         "postgresql://kiosk:s3cret@127.0.0.1:1/event?connect_timeout=1"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "127.0.0.1:1/event" in result.output
    assert "s3cret" not in result.output and "Traceback" not in result.output
    assert "No report was written" in result.output
    assert not out_file.exists()


def test_hub_without_an_address_and_none_remembered_stops_with_how_to_give_one(
    fleet: Fleet, tmp_path: Path
) -> None:
    office = fleet.add("office")
    office.db.close()
    code, out = _run(tmp_path / "office.db", "report", "-o", str(tmp_path / "r.csv"), "--hub")
    assert code == 2
    assert "--hub postgresql://" in out
    assert not (tmp_path / "r.csv").exists()


def test_attended_sign_in_sheet_with_hub_lists_people_admitted_at_other_kiosks(
    fleet: Fleet, tmp_path: Path, pg_server: str, hub_schema: str
) -> None:
    _three_kiosks_scan_and_sync(fleet, pg_server, hub_schema)
    office = fleet.add("office")
    office.db.close()
    sheet = tmp_path / "sheet.pdf"
    code, out = _run(tmp_path / "office.db", "sign-in-sheet", "--day", DAY1.isoformat(),
                     "--attended", "-o", str(sheet), "--hub", pg_server,
                     "--hub-schema", hub_schema)  # fmt: skip
    assert code == 0, out
    assert "The report covers 3 kiosks" in out
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    for n in range(9):
        assert f"Фамилия{n}" in text
    assert "Фамилия9" not in text


def test_the_hub_keeps_no_password_from_a_report_with_hub(
    fleet: Fleet, tmp_path: Path, pg_server: str, hub_schema: str
) -> None:
    office = fleet.add("office")
    office.db.close()
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    with_password = psycopg.conninfo.make_conninfo(pg_server, password="not-kept")
    code, out = _run(tmp_path / "office.db", "report", "-o", str(tmp_path / "r.csv"),
                     "--hub", with_password, "--hub-schema", hub_schema)  # fmt: skip
    assert code == 0, out  # trust authentication ignores the password
    text = (tmp_path / "office.db").read_bytes()
    assert b"not-kept" not in text
    assert str(info.get("host", "")).encode() in text
