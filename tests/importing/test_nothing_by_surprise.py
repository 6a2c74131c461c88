"""Nobody is cancelled by surprise and nobody's code changes across re-imports (issue 18,
defects 1 and 2 and "What must hold": nothing cancelled by surprise, identity is stable)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli.main import cli
from kiosk.importing.errors import ImportFileError
from kiosk.importing.service import MISSING_PEOPLE_LIMIT, import_file
from kiosk.storage import events
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2, TZ

REGISTRATIONS = [
    ["Name", "E-mail", "Organisation"],
    *[[f"Participant {n} Petrov", f"p{n}@firm{n}.bg", f"Firm {n}"] for n in range(1, 21)],
]
SPEAKERS = [
    ["Name", "E-mail", "Organisation"],
    ["Jürgen Müller", "jm@ipa.de", "Fraunhofer IPA"],
    ["Elena Radu", "elena@upb.ro", "UPB"],
]


def write(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def statuses(db: Database) -> dict[str, str]:
    return dict(db.conn.execute("SELECT email, status FROM attendee").fetchall())


def codes(db: Database) -> dict[tuple[str, str, str], str]:
    return {
        (r[0], r[1], r[2]): r[3]
        for r in db.conn.execute("SELECT first_name, last_name, email, code FROM attendee")
    }


def cli_runner(db: Path) -> Callable[..., tuple[int, str]]:
    """``run(*args)`` -> (exit status, output) of ``kiosk --db DB *args``."""
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        return result.exit_code, result.output

    return run


# -- defect 1: a second list ----------------------------------------------------------------


def test_a_second_list_under_the_default_source_is_refused_not_cancelling_the_first(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, write(tmp_path / "registrations.csv", REGISTRATIONS))
    with pytest.raises(ImportFileError) as refused:
        import_file(db, write(tmp_path / "speakers.csv", SPEAKERS))
    assert refused.value.reason == "many_missing"
    assert "--source" in str(refused.value) and "Participant 1 Petrov" in str(refused.value)
    assert set(statuses(db).values()) == {"active"} and len(statuses(db)) == 20


def test_cancel_missing_refuses_a_file_that_is_not_the_same_list(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, write(tmp_path / "registrations.csv", REGISTRATIONS))
    with pytest.raises(ImportFileError) as refused:
        import_file(db, write(tmp_path / "speakers.csv", SPEAKERS), cancel_missing=True)
    assert refused.value.reason == "different_list"
    assert set(statuses(db).values()) == {"active"}


def test_a_separate_source_adds_the_second_list_and_cancels_nobody(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, write(tmp_path / "registrations.csv", REGISTRATIONS))
    report = import_file(db, write(tmp_path / "speakers.csv", SPEAKERS), source="speakers")
    assert (report.added, report.cancelled, report.missing) == (2, 0, [])
    assert set(statuses(db).values()) == {"active"}


def test_a_few_missing_people_are_kept_and_listed(db: Database, tmp_path: Path) -> None:
    import_file(db, write(tmp_path / "r.csv", REGISTRATIONS))
    report = import_file(db, write(tmp_path / "r2.csv", REGISTRATIONS[:-2]))
    assert [p.name for p in report.missing] == ["Participant 19 Petrov", "Participant 20 Petrov"]
    assert not report.cancelled_missing and report.cancelled == 0
    assert set(statuses(db).values()) == {"active"}


def test_many_missing_people_refuse_the_run_listing_who_unless_cancelling_is_asked(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, write(tmp_path / "r.csv", REGISTRATIONS))
    half = write(tmp_path / "half.csv", REGISTRATIONS[:11])
    assert len(REGISTRATIONS) - 11 > MISSING_PEOPLE_LIMIT
    with pytest.raises(ImportFileError) as refused:
        import_file(db, half)
    assert refused.value.reason == "many_missing"
    assert len(refused.value.details) == 10 and "Participant 11 Petrov" in refused.value.details[0]
    dry = import_file(db, half, cancel_missing=True, dry_run=True)
    assert len(dry.missing) == 10 and dry.cancelled == 10
    assert set(statuses(db).values()) == {"active"}  # a dry run changes nothing
    report = import_file(db, half, cancel_missing=True)
    assert report.cancelled == 10 and report.cancelled_missing
    assert list(statuses(db).values()).count("cancelled") == 10
    kept = import_file(db, write(tmp_path / "r3.csv", REGISTRATIONS[:5]), cancel_missing=False)
    assert kept.cancelled == 0 and len(kept.missing) == 6


def test_cli_dry_run_lists_who_would_be_cancelled_and_refusals_exit_non_zero(
    tmp_path: Path,
) -> None:
    db = tmp_path / "event.db"
    run = cli_runner(db)

    assert run("init", "--name", "BG-RO", "--day", "2026-09-28", "--day", "2026-09-29")[0] == 0
    assert run("import", str(write(tmp_path / "r.csv", REGISTRATIONS)))[0] == 0
    half = str(write(tmp_path / "half.csv", REGISTRATIONS[:11]))
    code, output = run("import", half)
    assert code != 0 and "Participant 20 Petrov" in output and "--cancel-missing" in output
    code, output = run("import", half, "--cancel-missing", "--dry-run")
    assert code == 0 and "10 people of 'registrations' cancelled" in output
    assert "Participant 12 Petrov (code " in output and "Dry run: nothing was changed" in output
    code, output = run("import", str(write(tmp_path / "s.csv", SPEAKERS)))
    assert code != 0 and "--source speakers" in output


# -- defect 2: shared e-mail addresses --------------------------------------------------------

OFFICE = [
    ["Име", "Фамилия", "Имейл", "Фирма"],
    ["Иван", "Петров", "office@firm.bg", "Фирма ООД"],
    ["Мария", "Петрова", "office@firm.bg", "Фирма ООД"],
    ["Ștefania", "Ionescu", "office@firma.ro", "Firma SRL"],
    ["Radu", "Ionescu", "office@firma.ro", "Firma SRL"],
]


def test_colleagues_sharing_an_address_keep_their_codes_on_every_re_import(
    db: Database, tmp_path: Path
) -> None:
    path = write(tmp_path / "office.csv", OFFICE)
    import_file(db, path)
    first = codes(db)
    for _ in range(2):
        again = import_file(db, path)
        assert (again.added, again.updated, again.unchanged, again.cancelled) == (0, 0, 4, 0)
    assert codes(db) == first


def test_a_shared_address_matches_a_name_written_in_the_other_script(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, write(tmp_path / "office.csv", OFFICE))
    first = codes(db)
    # The Bulgarian partner's list writes the Romanian colleagues in Cyrillic, without diacritics
    # (Bulgarian Transliteration Act in reverse: Ș -> Щ/Ш, Io -> Йо, cu -> ку).
    cyrillic = [OFFICE[0], OFFICE[1], OFFICE[2], ["Щефания", "Йонеску", "office@firma.ro", ""],
                ["Раду", "Йонеску", "office@firma.ro", ""]]  # fmt: skip
    report = import_file(db, write(tmp_path / "bg.csv", cyrillic))
    assert (report.added, report.cancelled) == (0, 0)
    assert {c for c in codes(db).values()} == set(first.values())


# -- property: re-importing the same data changes nothing -------------------------------------

_FIRST = ["Иван", "Мария", "Ana", "Ștefan", "Radu", "Elena", "Георги", "Ioana"]
_LAST = ["Петров", "Ionescu", "Popescu", "Димитров", "Țurcanu", "Stan", "Колева"]


@st.composite
def registration_files(draw: st.DrawFn) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """A list of people, many of them sharing a few office e-mails, some listed twice (the same
    name and address), written with a random subset of the columns, and the same rows in another
    order."""
    names = draw(
        st.lists(st.tuples(st.sampled_from(_FIRST), st.sampled_from(_LAST)), min_size=1,
                 max_size=12)
    )  # fmt: skip
    offices = ["office@firm.bg", "info@firma.ro", "desk@cluster.eu"]
    emails = [draw(st.sampled_from([*offices, f"own{i}@mail.bg", ""])) for i in range(len(names))]
    columns = draw(
        st.sets(st.sampled_from(["E-mail", "Organisation", "Country", "ID"]), max_size=4)
    )
    header = ["First name", "Last name", *sorted(columns)]
    rows = []
    for i, ((first, last), email) in enumerate(zip(names, emails, strict=True)):
        values = {"E-mail": email, "Organisation": "Firm", "Country": "BG", "ID": f"R{i}"}
        rows.append([first, last, *(values[c] for c in sorted(columns))])
    order = draw(st.permutations(range(len(rows))))
    return header, rows, [rows[i] for i in order]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=registration_files())
def test_re_importing_the_same_data_reports_unchanged_only_and_keeps_every_code(
    tmp_path: Path, data: tuple[list[str], list[list[str]], list[list[str]]]
) -> None:
    header, rows, reordered = data
    source = "registrations"
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        db = Database(Path(folder) / "event.db", create=True)
        events.create_event(db, "BG-RO", [DAY1, DAY2], TZ)
        try:
            _import_twice(db, Path(folder), source, header, rows, reordered)
        finally:
            db.close()


def _import_twice(
    db: Database,
    tmp_path: Path,
    source: str,
    header: list[str],
    rows: list[list[str]],
    reordered: list[list[str]],
) -> None:
    first = import_file(db, write(tmp_path / "a.csv", [header, *rows]), source=source)
    before = db.conn.execute(
        "SELECT id, code, status FROM attendee WHERE source = ? ORDER BY id", (source,)
    ).fetchall()
    assert first.added == len(rows)
    again = import_file(db, write(tmp_path / "b.csv", [header, *reordered]), source=source)
    assert (again.added, again.updated, again.cancelled, again.reactivated) == (0, 0, 0, 0)
    assert (again.unchanged, again.skipped, again.missing) == (len(rows), [], [])
    after = db.conn.execute(
        "SELECT id, code, status FROM attendee WHERE source = ? ORDER BY id", (source,)
    ).fetchall()
    assert [tuple(r) for r in after] == [tuple(r) for r in before]


def test_cli_re_import_of_an_unchanged_file_reports_unchanged_and_nothing_else(
    tmp_path: Path,
) -> None:
    db = tmp_path / "event.db"
    run = cli_runner(db)

    assert run("init", "--name", "BG-RO", "--day", "2026-09-28", "--day", "2026-09-29")[0] == 0
    path = str(write(tmp_path / "office.csv", OFFICE))
    assert run("import", path)[0] == 0
    code, output = run("import", path)
    counts = [line.strip() for line in output.splitlines() if line.startswith("  ") and
              not line.strip().startswith(("Columns:", "Not used:", "note:"))]  # fmt: skip
    assert code == 0 and counts == ["unchanged 4"]
    code, output = run("import", path, "--json")
    summary = json.loads(output)
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (0, 0, 4)
    assert (summary["cancelled"], summary["missing"], summary["findings"]) == (0, [], [])


def test_cli_json_says_why_an_import_was_refused_and_whom_it_concerns(tmp_path: Path) -> None:
    db = tmp_path / "event.db"
    runner = CliRunner()
    init = ["--db", str(db), "init", "--name", "BG-RO", "--day", "2026-09-28"]
    assert runner.invoke(cli, init).exit_code == 0
    first = str(write(tmp_path / "r.csv", REGISTRATIONS))
    assert runner.invoke(cli, ["--db", str(db), "import", first]).exit_code == 0
    half = str(write(tmp_path / "half.csv", REGISTRATIONS[:11]))
    result = runner.invoke(cli, ["--db", str(db), "import", half, "--json"])
    assert result.exit_code == 2
    refusal = json.loads(result.output)
    assert refusal["refused"] == "many_missing" and len(refusal["details"]) == 10
    assert refusal["details"][0].startswith("Participant 11 Petrov (code ")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=registration_files(), dropped=st.sets(st.sampled_from(["E-mail", "ID"])))
def test_codes_stay_when_a_later_export_lacks_columns(
    tmp_path: Path,
    data: tuple[list[str], list[list[str]], list[list[str]]],
    dropped: set[str],
) -> None:
    header, rows, reordered = data
    keep = [i for i, h in enumerate(header) if h not in dropped]
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        db = Database(Path(folder) / "event.db", create=True)
        events.create_event(db, "BG-RO", [DAY1, DAY2], TZ)
        try:
            import_file(db, write(Path(folder) / "a.csv", [header, *rows]))
            before = sorted(r[0] for r in db.conn.execute("SELECT code FROM attendee"))
            later = [[row[i] for i in keep] for row in [header, *reordered]]
            again = import_file(db, write(Path(folder) / "b.csv", later), cancel_missing=False)
            assert (again.added, again.missing, again.skipped) == (0, [], [])
            after = sorted(r[0] for r in db.conn.execute("SELECT code FROM attendee"))
            assert after == before
        finally:
            db.close()
