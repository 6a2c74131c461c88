"""load_mapping_file: a small TOML or JSON file says which column is which."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.importing.errors import ImportFileError
from kiosk.importing.mapping import detect_mapping, load_mapping_file, parse_registrations
from kiosk.importing.readers import read_table
from tests.importing.conftest import WriteCsv


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_toml_with_a_columns_table(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mapping.toml",
        '# German export\n[columns]\nfirst_name = "Vorname"\nlast_name = "Nachname"\n'
        'organization = "Firma / Institution"\nphone = ""\n',
    )
    assert load_mapping_file(path) == {
        "first_name": "Vorname",
        "last_name": "Nachname",
        "organization": "Firma / Institution",
        "phone": "",
    }


def test_flat_toml(tmp_path: Path) -> None:
    path = write(tmp_path, "m.toml", 'full_name = "Teilnehmer"\nemail = "E-Mail"\n')
    assert load_mapping_file(path) == {"full_name": "Teilnehmer", "email": "E-Mail"}


def test_json_nested_and_flat(tmp_path: Path) -> None:
    nested = write(tmp_path, "a.json", '{"columns": {"first_name": "Vorname", "code": null}}')
    flat = write(tmp_path, "b.json", '{"first_name": "Vorname"}')
    assert load_mapping_file(nested) == {"first_name": "Vorname", "code": ""}
    assert load_mapping_file(flat) == {"first_name": "Vorname"}


def test_json_without_json_extension_is_recognised(tmp_path: Path) -> None:
    path = write(tmp_path, "mapping.txt", '\ufeff{"last_name": "Nachname"}')
    assert load_mapping_file(path) == {"last_name": "Nachname"}


def test_common_field_aliases_are_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path, "m.toml", 'Organisation = "Firma"\nname = "Teilnehmer"\nbarcode = "QR"\n'
    )
    assert load_mapping_file(path) == {
        "organization": "Firma",
        "full_name": "Teilnehmer",
        "code": "QR",
    }


@pytest.mark.parametrize(
    ("name", "text", "row"),
    [
        ("bad.toml", '[columns]\nfirst_name = "Vorname\n', 2),
        ("bad.json", '{\n"first_name": "Vorname",\n}', 3),
    ],
)
def test_syntax_errors_name_the_line(tmp_path: Path, name: str, text: str, row: int) -> None:
    with pytest.raises(ImportFileError) as caught:
        load_mapping_file(write(tmp_path, name, text))
    assert caught.value.row == row
    assert str(caught.value).startswith(f"{name}, row {row}: ")


@pytest.mark.parametrize(
    "text",
    [
        '[columns]\nshoe_size = "Schuhgröße"\n',  # unknown field
        "[columns]\nfirst_name = 3\n",  # not a header text
        'columns = "Vorname"\n',  # columns is not a table
        "# nothing here\n",  # maps nothing
        '[columns]\nname = "A"\nfull_name = "B"\n',  # the same field twice
    ],
)
def test_bad_mappings_are_explained(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "m.toml", text)
    with pytest.raises(ImportFileError) as caught:
        load_mapping_file(path)
    assert str(caught.value).startswith("m.toml: ")


def test_unknown_field_error_lists_the_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "m.toml", 'shoe_size = "X"\n')
    with pytest.raises(ImportFileError) as caught:
        load_mapping_file(path)
    assert "shoe_size" in caught.value.problem
    assert "first_name" in caught.value.advice


def test_missing_mapping_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError):
        load_mapping_file(tmp_path / "none.toml")


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_mapping_file_end_to_end(write_csv: WriteCsv, tmp_path: Path, suffix: str) -> None:
    csv_path = write_csv("Vorname;Nachname;Firma;Telefon\r\nHans;Müller;ACME;+49 30 1234\r\n")
    text = (
        '[columns]\nfirst_name = "Vorname"\nlast_name = "Nachname"\nphone = ""\n'
        if suffix == ".toml"
        else '{"columns": {"first_name": "Vorname", "last_name": "Nachname", "phone": ""}}'
    )
    mapping_path = write(tmp_path, f"mapping{suffix}", text)

    table = read_table(csv_path)
    mapping = detect_mapping(table, load_mapping_file(mapping_path))
    [reg] = parse_registrations(table, mapping).registrations

    assert (reg.first_name, reg.last_name, reg.organization, reg.phone) == (
        "Hans",
        "Müller",
        "ACME",
        "",
    )
    assert mapping.ignored == ["Telefon"]
