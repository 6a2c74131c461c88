"""The import door: registration lists, as the CLI, the desk and the benchmarks bring them in.

Front ends call these and nothing below them: reading, matching and merging is
:mod:`kiosk.importing` (no SQL), the statements are :mod:`kiosk.storage.imports`. An import is
all or nothing: it runs in one write transaction, and any :class:`ImportFileError` (a bad file,
a refused run) leaves the event as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.importing import service as _service
from kiosk.importing.errors import ImportFileError
from kiosk.importing.service import ImportReport, MissingPerson, SkippedRow
from kiosk.storage.database import Database

#: Progress of an import: (rows written so far, rows to write).
Progress = Callable[[int, int], None]


def import_file(
    db: Database,
    path: str | Path,
    *,
    mapping_file: str | Path | None = None,
    source: str = "registrations",
    dry_run: bool = False,
    cancel_missing: bool | None = None,
    sheet: str | None = None,
    skip_bad_rows: bool = False,
    strict: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a CSV, XLSX or ODS registration file into the event (see
    :func:`kiosk.importing.service.import_file` for the matching and cancellation rules).

    The file is read as a stream and written in batches inside one transaction: memory stays
    bounded by the batch and by one key per row (codes, e-mails, ids), not by the file. Raises
    :class:`ImportFileError` with a stable ``reason``; then nothing has changed.
    """
    return _service.import_file(
        db,
        path,
        mapping_file=mapping_file,
        source=source,
        dry_run=dry_run,
        cancel_missing=cancel_missing,
        sheet=sheet,
        skip_bad_rows=skip_bad_rows,
        strict=strict,
        progress=progress,
    )


__all__ = [
    "ImportFileError",
    "ImportReport",
    "MissingPerson",
    "Progress",
    "SkippedRow",
    "import_file",
]
