"""Importing registrations into the event: match, update, add, cancel — all in one transaction."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from kiosk.core import codes
from kiosk.core.gcpause import paused_gc
from kiosk.core.model import AttendeeStatus, Registration
from kiosk.core.timeutil import to_utc_iso
from kiosk.importing.errors import ImportFileError
from kiosk.importing.mapping import ParsedColumns, detect_mapping, load_mapping_file, parse_columns
from kiosk.importing.readers import read_table
from kiosk.storage import attendees
from kiosk.storage.attendees import DETAIL_COLUMNS, NewAttendees, days_json
from kiosk.storage.database import Database
from kiosk.storage.events import checkin_lists

#: Fields compared and updated on re-import.
_FIELDS = DETAIL_COLUMNS
ORIGIN_IMPORT = "import"
_V = TypeVar("_V")


@dataclass(frozen=True, slots=True)
class SkippedRow:
    row: int
    reason: str  # stable code: no_name, duplicate_code, code_conflict, ...
    detail: str


@dataclass(slots=True)
class ImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    file: str
    format: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    preset: str | None
    columns: dict[str, str]  # field -> header used
    ignored_columns: list[str]
    rows: int
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0  # newly cancelled: marked so in the file, or missing from it
    reactivated: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class _Rollback(Exception):
    """Raised inside the transaction of a dry run to discard it."""


def import_file(
    db: Database,
    path: str | Path,
    *,
    mapping_file: str | Path | None = None,
    source: str = "registrations",
    dry_run: bool = False,
    cancel_missing: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import a CSV or XLSX registration file. Raises :class:`ImportFileError` for a bad file;
    in that case nothing in the database has changed.

    People are matched by external id, then ticket code, then e-mail. People of the same
    ``source`` who are missing from the file are marked cancelled (their check-ins stay) unless
    ``cancel_missing`` is false.
    """
    path = Path(path)
    with paused_gc():
        return _import(db, path, mapping_file, source, dry_run, cancel_missing, progress)


def _import(
    db: Database,
    path: Path,
    mapping_file: str | Path | None,
    source: str,
    dry_run: bool,
    cancel_missing: bool,
    progress: Callable[[int, int], None] | None,
) -> ImportReport:
    table = read_table(path)
    override = load_mapping_file(mapping_file) if mapping_file else None
    mapping = detect_mapping(table, override)
    parsed = parse_columns(table, mapping, event_days(db))
    report = ImportReport(
        file=str(path),
        format=table.format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        preset=mapping.preset,
        columns={f: table.headers[i] for f, i in mapping.columns.items()},
        ignored_columns=list(mapping.ignored),
        rows=len(table.rows),
        skipped=[SkippedRow(s.row, s.reason, s.detail) for s in parsed.skipped],
        warnings=list(parsed.warnings),
        dry_run=dry_run,
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        with db.write() as conn:
            _merge(conn, parsed, report, source, cancel_missing, progress)
            if dry_run:
                raise _Rollback
            conn.execute(
                "INSERT INTO import_run (at, file, sha256, summary) VALUES (?, ?, ?, ?)",
                (
                    to_utc_iso(datetime.now(UTC)),
                    str(path),
                    digest,
                    json.dumps(report.as_json(), ensure_ascii=False),
                ),
            )
    except _Rollback:
        pass
    return report


def _merge(
    conn: sqlite3.Connection,
    parsed: ParsedColumns,
    report: ImportReport,
    source: str,
    cancel_missing: bool,
    progress: Callable[[int, int], None] | None,
) -> None:
    now = to_utc_iso(datetime.now(UTC))
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    existing = cur.execute(
        "SELECT id, code, external_id, email, status, source, days, raw, "
        + ", ".join(_FIELDS)
        + " FROM attendee"
    ).fetchall()
    by_external = {r["external_id"]: r for r in existing if r["external_id"]}
    by_code = {r["code"]: r for r in existing}
    by_code_upper = {r["code"].upper(): r for r in existing}
    by_email: dict[str, list[sqlite3.Row]] = {}
    for r in existing:
        if r["email"]:
            by_email.setdefault(r["email"].lower(), []).append(r)
    seen: set[int] = set()
    new: list[int] = []  # indexes of the registrations to add
    total = len(parsed.rows)
    numbers, file_codes = parsed.rows, parsed.code
    for j, (external_id, code, email) in enumerate(
        zip(parsed.external_id, file_codes, parsed.email, strict=True)
    ):
        done = j + 1
        match = (
            _match(external_id, code, email, by_external, by_code, by_code_upper, by_email)
            if existing
            else None
        )
        if match is not None and match["id"] in seen:
            report.skipped.append(
                SkippedRow(
                    numbers[j],
                    "duplicate_person",
                    f"row {numbers[j]} describes a person already in this file (id {match['id']})",
                )
            )
            continue
        if code and match is not None and code != match["code"]:
            holder = by_code.get(code)
            if holder is not None and holder["id"] != match["id"]:
                report.skipped.append(
                    SkippedRow(
                        numbers[j],
                        "code_conflict",
                        f"code {code} already belongs to another attendee (id {holder['id']})",
                    )
                )
                continue
        if match is None:
            new.append(j)
            continue
        seen.add(match["id"])
        changes = _changes(match, parsed.registration(j), source)
        if changes:
            old_status = match["status"]
            if changes.get("status") == AttendeeStatus.CANCELLED.value:
                report.cancelled += 1
            elif changes.get("status") == AttendeeStatus.ACTIVE.value and old_status != "active":
                report.reactivated += 1
            attendees.update(conn, match["id"], changes, now)
            report.updated += 1
        else:
            report.unchanged += 1
        if progress and done % 1000 == 0:
            progress(done, total)
    _insert_new(conn, parsed, new, source, set(by_code), now)
    report.added = len(new)
    report.cancelled += sum(1 for j in new if parsed.cancelled[j])
    if cancel_missing and parsed.rows:
        missing = [
            r["id"]
            for r in existing
            if r["source"] == source and r["id"] not in seen and r["status"] == "active"
        ]
        conn.executemany(
            "UPDATE attendee SET status = 'cancelled', updated_at = ? WHERE id = ?",
            [(now, i) for i in missing],
        )
        report.cancelled += len(missing)
        if missing:
            report.warnings.append(
                f"{len(missing)} people imported earlier from source '{source}' are not in this "
                "file and were marked cancelled (their check-ins are kept)."
            )
    if progress:
        progress(total, total)


def _insert_new(
    conn: sqlite3.Connection,
    parsed: ParsedColumns,
    new: list[int],
    source: str,
    taken: set[str],
    now: str,
) -> None:
    """Add the registrations at indexes ``new``; those without a code get a generated one."""
    everyone = len(new) == len(parsed.rows)

    def pick(values: list[_V]) -> list[_V]:
        return values if everyone else [values[j] for j in new]

    new_codes = list(pick(parsed.code))
    taken.update(c for c in new_codes if c)
    without = [i for i, c in enumerate(new_codes) if not c]
    # Random codes handed out in ascending order: still unguessable, and the unique index on
    # code is appended to rather than split at random (a large first import is much faster).
    for i, code in zip(without, sorted(codes.generate_many(len(without), taken)), strict=True):
        new_codes[i] = code
    attendees.insert_columns(
        conn,
        NewAttendees(
            codes=new_codes,
            details={c: pick(getattr(parsed, c)) for c in _FIELDS},
            external_ids=pick(parsed.external_id),
            cancelled=pick(parsed.cancelled),
            days=pick(parsed.days),
            raw=parsed.raw_json(new),
            origins=[ORIGIN_IMPORT] * len(new),
            sources=[source] * len(new),
            uids=[""] * len(new),
        ),
        now,
    )


def _match(
    external_id: str,
    code: str,
    email: str,
    by_external: dict[str, sqlite3.Row],
    by_code: dict[str, sqlite3.Row],
    by_code_upper: dict[str, sqlite3.Row],
    by_email: dict[str, list[sqlite3.Row]],
) -> sqlite3.Row | None:
    if external_id and external_id in by_external:
        return by_external[external_id]
    if code:
        found = by_code.get(code) or by_code_upper.get(code.upper())
        if found is not None:
            return found
    if email:
        candidates = by_email.get(email.lower(), [])
        # Only an unambiguous e-mail identifies a person (colleagues share office addresses).
        if len(candidates) == 1 and not (external_id and candidates[0]["external_id"]):
            return candidates[0]
    return None


def _changes(row: sqlite3.Row, reg: Registration, source: str) -> dict[str, object]:
    changes: dict[str, object] = {f: getattr(reg, f) for f in _FIELDS if getattr(reg, f) != row[f]}
    status = AttendeeStatus.CANCELLED.value if reg.cancelled else AttendeeStatus.ACTIVE.value
    if status != row["status"]:
        changes["status"] = status
    if reg.code and reg.code != row["code"]:
        changes["code"] = reg.code
    if reg.external_id and reg.external_id != row["external_id"]:
        changes["external_id"] = reg.external_id
    stored_days = days_json(reg.days)
    if stored_days != row["days"]:
        changes["days"] = stored_days
    if row["source"] != source:
        changes["source"] = source
    if changes and json.loads(row["raw"]) != reg.raw:
        changes["raw"] = reg.raw
    return changes


def event_days(db: Database) -> list[date]:
    return sorted(cl.day for cl in checkin_lists(db) if cl.day is not None)


__all__ = ["ImportFileError", "ImportReport", "SkippedRow", "import_file"]
