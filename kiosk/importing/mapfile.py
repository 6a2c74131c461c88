"""Column mapping files: the one reader for every import that lets the organizer name columns
(registrations, :mod:`kiosk.importing.mapping`; meeting schedules,
:mod:`kiosk.importing.meetings`).

A mapping file is TOML or JSON, field → header text, either under ``columns``
(``{"columns": {"first_name": "Vorname"}}``, other top-level keys left for other settings) or
flat. An empty string (or JSON null, or false) means "do not use this field". Every problem is an
:class:`~kiosk.importing.errors.ImportFileError` naming the file (and the line, for a syntax
error) and what to write instead.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.importing.errors import ImportFileError

_TOML_POSITION = re.compile(r"at line (\d+)")


def read(
    path: str | os.PathLike[str],
    canonical: Callable[[str], str | None],
    fields: Sequence[str],
    *,
    example: str,
) -> dict[str, str]:
    """The mapping in the file at ``path``: canonical field → header text ("" = not used).

    ``canonical`` turns a key as written into one of ``fields`` (None: unknown, refused with the
    list of ``fields``); ``example`` is a line such as ``first_name = "Vorname"`` for the advice.
    A field given twice (under two of its names) is refused, as is a file that maps nothing.
    """
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise ImportFileError(
            name,
            f"the column mapping file cannot be read ({exc.strerror or exc})",
            "check the file name given for the mapping",
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            name, "the column mapping file is not UTF-8 text", "save it as UTF-8"
        ) from None
    document = _document(name, text, example)
    table: object = document.get("columns", document)
    if not isinstance(table, dict):
        raise ImportFileError(
            name,
            "'columns' in the mapping file must be a table of field = \"header\" pairs",
            f"write it as [columns] followed by lines like {example}",
        )
    result: dict[str, str] = {}
    for key, value in table.items():
        fld = canonical(str(key))
        if fld is None:
            raise ImportFileError(
                name,
                f"unknown field '{key}' in the column mapping",
                f"use one of: {', '.join(fields)}",
            )
        if fld in result:
            raise ImportFileError(
                name, f"the field {fld} is given twice in the column mapping", "keep one of them"
            )
        if value is None or value is False:
            result[fld] = ""
        elif isinstance(value, str):
            result[fld] = value
        else:
            raise ImportFileError(
                name,
                f"the column for {fld} must be a header text in quotes, not {value!r}",
                f'write it like {fld} = "Header in the file"',
            )
    if not result:
        raise ImportFileError(
            name,
            "the column mapping file maps no columns",
            f"add lines like {example} (under [columns] or at the top)",
        )
    return result


def plain_field(fields: Sequence[str]) -> Callable[[str], str | None]:
    """A ``canonical`` for :func:`read` that knows only ``fields`` themselves (case, spaces and
    hyphens ignored: ``"A email"``, ``"a-email"`` → ``a_email``)."""
    known = frozenset(fields)

    def canonical(key: str) -> str | None:
        fld = key.strip().lower().replace("-", "_").replace(" ", "_")
        return fld if fld in known else None

    return canonical


def _too_deep(name: str, example: str) -> ImportFileError:
    # The parsers recurse once per nesting level: thousands of brackets exhaust the stack.
    return ImportFileError(
        name,
        "the column mapping file is nested far too deeply to be a mapping",
        f"write one mapping per line, like {example}",
    )


def _document(name: str, text: str, example: str) -> dict[str, object]:
    suffix = Path(name).suffix.lower()
    as_json = suffix == ".json" or (suffix != ".toml" and text.lstrip().startswith("{"))
    if as_json:
        try:
            document = json.loads(text)
        except RecursionError:
            raise _too_deep(name, example) from None
        except json.JSONDecodeError as exc:
            raise ImportFileError(
                name,
                f"the column mapping file is not valid JSON ({exc.msg})",
                "fix the line shown (a missing quote or comma is the usual cause)",
                row=exc.lineno,
            ) from None
        if not isinstance(document, dict):
            raise ImportFileError(
                name,
                "the column mapping file must hold an object of field: header pairs",
                'write it like {"columns": {' + _json_pair(example) + "}}",
            )
        return document
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise _too_deep(name, example) from None
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POSITION.search(str(exc))
        raise ImportFileError(
            name,
            f"the column mapping file is not valid TOML ({exc})",
            f"write one mapping per line, like {example}",
            row=int(match.group(1)) if match else None,
        ) from None


def _json_pair(example: str) -> str:
    """``first_name = "Vorname"`` → ``"first_name": "Vorname"``."""
    key, _, value = example.partition(" = ")
    return f'"{key}": {value}'
