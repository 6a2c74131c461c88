"""ImportFileError: one message that says which file, where, what is wrong and what to do."""

from __future__ import annotations

import pickle

from kiosk.importing.errors import ImportFileError


def test_message_names_file_row_and_column() -> None:
    error = ImportFileError(
        "/home/ana/Downloads/attendees.csv",
        "the code 'X1' is used twice",
        "give each person their own code",
        row=12,
        column="Code",
    )
    assert str(error) == (
        "attendees.csv, row 12, column 'Code': the code 'X1' is used twice — "
        "give each person their own code"
    )
    assert error.path == "/home/ana/Downloads/attendees.csv"
    assert (error.row, error.column) == (12, "Code")


def test_message_without_location() -> None:
    error = ImportFileError("list.xlsx", "the file is empty", "export it again")
    assert str(error) == "list.xlsx: the file is empty — export it again"


def test_survives_pickling() -> None:
    error = ImportFileError("a.csv", "bad", "fix it", row=3, column="Name")
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error)
    assert (copy.row, copy.column) == (3, "Name")
