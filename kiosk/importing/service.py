"""Importing registrations into the event: match, update, add, cancel — all in one transaction."""

from __future__ import annotations

import hashlib
import json
import marshal
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import IO, Any, TypeVar

from kiosk.core import codes
from kiosk.core.gcpause import paused_gc
from kiosk.core.identity import name_key
from kiosk.core.model import AttendeeStatus, Registration
from kiosk.core.timeutil import to_utc_iso
from kiosk.importing.checks import Finding, check_limits
from kiosk.importing.errors import ImportFileError
from kiosk.importing.mapping import (
    ColumnMap,
    ParsedColumns,
    ParseSummary,
    RowParser,
    detect_mapping,
    load_mapping_file,
)
from kiosk.importing.readers import Table, open_table
from kiosk.storage import attendees, imports
from kiosk.storage.attendees import DETAIL_COLUMNS, NewAttendees, days_json
from kiosk.storage.database import Database
from kiosk.storage.events import checkin_lists
from kiosk.storage.imports import Connection, PersonKeys, StoredRow

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
    source: str = "registrations"
    #: Why this sheet of a workbook was read ("" for CSV).
    sheet_reason: str = ""
    #: Suspicious values imported as they are: row, column, reason code, text.
    findings: list[Finding] = field(default_factory=list)
    #: Rows understood and left out on purpose (awaiting approval).
    left_out: list[SkippedRow] = field(default_factory=list)
    #: People of this source missing from the file: cancelled (``cancelled_missing``) or not.
    missing: list[MissingPerson] = field(default_factory=list)
    cancelled_missing: bool = False
    #: The platform events the file is from (pretix event slugs), when it says.
    events: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class MissingPerson:
    """Someone imported earlier into the same source who is not in this file."""

    id: int
    code: str
    name: str


#: A run may leave out at most this many people of a source, and at most this share of it,
#: without being told what to do about them (--cancel-missing or --keep-missing).
MISSING_PEOPLE_LIMIT = 5
MISSING_SHARE_LIMIT = 0.10


class _Rollback(Exception):
    """Raised inside the transaction of a dry run to discard it."""


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
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import a CSV, XLSX or ODS registration file. Raises :class:`ImportFileError` (with a
    stable ``reason``) for a bad file or a refused run; in that case nothing has changed.

    People are matched by external id, then ticket code, then e-mail: an e-mail only one person
    uses identifies them; an e-mail several people share (colleagues' office address) identifies
    the one whose name also matches (:func:`kiosk.core.identity.name_key`: cross-script,
    diacritic-blind). A file without e-mails matches by a name that is unique on both sides.

    People of the same ``source`` who are missing from the file are never cancelled by surprise:

    * ``cancel_missing=True`` (asked): they are cancelled, if the file is clearly the same list
      (it matches people of this source and comes from the same platform event); otherwise the
      run is refused (``different_list``).
    * ``cancel_missing=False``: they are kept and listed.
    * ``None`` (not said): they are kept and listed, unless more than
      :data:`MISSING_PEOPLE_LIMIT` people or more than :data:`MISSING_SHARE_LIMIT` of the source
      are missing, or the file matches nobody of the source: then the run is refused
      (``many_missing``), naming them, because the file is probably another list or a partial
      export.

    Rows that cannot be read (a day or status not understood, no name, a code used twice) refuse
    the run (``bad_rows``) unless ``skip_bad_rows``. With ``strict``, suspicious values
    (:mod:`kiosk.importing.checks`) refuse it too (``warnings_strict``).
    """
    path = Path(path)
    with paused_gc():
        return _import(
            db, path, mapping_file, source, dry_run, cancel_missing, sheet, skip_bad_rows,
            strict, progress,
        )  # fmt: skip


#: Rows read, parsed and written together: memory holds one batch, not the file.
BATCH_ROWS = 5_000
#: The page cache of the connection while it imports (it streams; see imports.bulk_load). 8 MiB
#: keeps a 100,000-row workbook under 120 MB peak (16 MiB: 122 MB); CPU within the noise
#: (bench/importing.py).
IMPORT_CACHE_KIB = 8_192


def _import(
    db: Database,
    path: Path,
    mapping_file: str | Path | None,
    source: str,
    dry_run: bool,
    cancel_missing: bool | None,
    sheet: str | None,
    skip_bad_rows: bool,
    strict: bool,
    progress: Callable[[int, int], None] | None,
) -> ImportReport:
    """Two passes: the file is read, checked and parsed a batch at a time, the parsed batches
    kept in a temporary file beside the event and only the keys that need the whole file in
    memory (codes, e-mails, external ids); then, in one transaction, the batches are matched,
    compared and written. Every refusal the file alone decides comes before the transaction."""
    with open_table(path, sheet) as table, _Spill(_spill_folder(db)) as spill:
        override = load_mapping_file(mapping_file) if mapping_file else None
        mapping = detect_mapping(table, override)
        code_column = mapping.columns.get("code")
        parser = RowParser(table, mapping, event_days(db))
        # Only matching people already in the event needs the file's e-mails counted.
        file_emails: Counter[str] | None = Counter() if imports.has_people(db) else None
        for batch in _batches(table.rows, BATCH_ROWS):
            check_limits(table, code_column, batch)
            parsed = parser.parse(batch)
            if file_emails is not None:
                _count_emails(file_emails, parsed)
            spill.write(parsed)
        summary = parser.finish()
        report = ImportReport(
            file=str(path),
            format=table.format,
            encoding=table.encoding,
            delimiter=table.delimiter,
            sheet=table.sheet,
            preset=mapping.preset,
            columns={f: table.headers[i] for f, i in mapping.columns.items()},
            ignored_columns=list(mapping.ignored),
            rows=summary.rows,
            skipped=[SkippedRow(s.row, s.reason, s.detail) for s in summary.skipped],
            warnings=list(summary.warnings),
            dry_run=dry_run,
            source=source,
            sheet_reason=table.sheet_reason,
            findings=list(summary.findings),
            left_out=[SkippedRow(s.row, s.reason, s.detail) for s in summary.left_out],
            events=list(summary.events),
        )
        if strict and report.findings:
            raise ImportFileError(
                path,
                f"{len(report.findings)} suspicious values were found and --strict refuses them",
                "fix them in the source and export again, or import without --strict to take "
                "the values as they are; nothing was imported",
                reason="warnings_strict",
                details=tuple(f.text() for f in report.findings[:50]),
            )
        _refuse_bad_rows(path, report, skip_bad_rows)
        digest = _sha256(path)
        batches = _FileBatches(spill, table, mapping, summary, parser.codes_used, file_emails)
        try:
            with db.write() as conn:
                _merge(conn, batches, report, source, cancel_missing, progress)
                _refuse_bad_rows(path, report, skip_bad_rows)
                if dry_run:
                    raise _Rollback
                imports.record_run(
                    conn, to_utc_iso(datetime.now(UTC)), str(path), digest, report.as_json()
                )
        except _Rollback:
            pass
    return report


def _count_emails(counts: Counter[str], parsed: ParsedColumns) -> None:
    counts.update(_same(e, e.lower()) for e in parsed.email if e)


def _batches(
    rows: Iterable[tuple[int, list[str]]], size: int
) -> Iterator[list[tuple[int, list[str]]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _spill_folder(db: Database) -> str | None:
    """Where parsed batches wait between the passes: beside the event file (the disk the data
    lives on anyway, never a RAM-backed temporary folder), or the system's for an in-memory
    database."""
    if db.path == ":memory:":
        return None
    return str(Path(db.path).resolve().parent)


class _Spill:
    """Parsed batches kept in an anonymous temporary file (gone when closed, even on a crash)
    between the two passes, in :mod:`marshal`'s format: lists of texts, flags and numbers."""

    def __init__(self, folder: str | None) -> None:
        self._folder = folder
        self._file: IO[bytes] | None = None
        self._count = 0
        #: Distinct sets of days, each written once; rows refer to them by number.
        self._day_sets: list[frozenset[date]] = []
        self._day_numbers: dict[frozenset[date], int] = {}

    def __enter__(self) -> _Spill:
        try:
            self._file = tempfile.TemporaryFile(prefix="kiosk-import-", dir=self._folder)
        except OSError:
            self._file = tempfile.TemporaryFile(prefix="kiosk-import-")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def write(self, parsed: ParsedColumns) -> None:
        assert self._file is not None
        numbers = self._day_numbers
        days = [numbers.get(d) if d in numbers else self._new_day_set(d) for d in parsed.days]
        blob = marshal.dumps(
            (
                parsed.rows, parsed.first_name, parsed.last_name, parsed.organization,
                parsed.country, parsed.email, parsed.phone, parsed.category, parsed.language,
                parsed.code, parsed.external_id, parsed.cancelled, days, parsed.cells,
                parsed.unpaid,
            )
        )  # fmt: skip
        # Length first: one read per batch (marshal.load on a file reads a few bytes at a time).
        self._file.write(len(blob).to_bytes(8, "little"))
        self._file.write(blob)
        self._count += 1

    def _new_day_set(self, days: frozenset[date]) -> int:
        self._day_numbers[days] = len(self._day_sets)
        self._day_sets.append(days)
        return self._day_numbers[days]

    def read(self, table: Table, mapping: ColumnMap) -> Iterator[ParsedColumns]:
        assert self._file is not None
        self._file.seek(0)
        day_sets = self._day_sets
        for _ in range(self._count):
            (rows, first, last, organization, country, email, phone, category, language, code,
             external_id, cancelled, days, cells, unpaid) = marshal.loads(
                self._file.read(int.from_bytes(self._file.read(8), "little"))
            )  # fmt: skip
            yield ParsedColumns(
                table=table,
                mapping=mapping,
                rows=rows,
                first_name=first,
                last_name=last,
                organization=organization,
                country=country,
                email=email,
                phone=phone,
                category=category,
                language=language,
                code=code,
                external_id=external_id,
                cancelled=cancelled,
                days=[day_sets[d] for d in days],
                cells=cells,
                raw_keys=[],
                skipped=[],
                warnings=[],
                unpaid=unpaid,
            )


@dataclass(frozen=True, slots=True)
class _FileBatches:
    """The parsed file, batch by batch, and the keys of all of it."""

    spill: _Spill
    table: Table
    mapping: ColumnMap
    summary: ParseSummary
    #: Every code the file gives (upper case): generated codes must not be one of them.
    codes: Iterable[str]
    #: How often each e-mail occurs in the file (an address several rows share identifies
    #: nobody alone); None when the event had nobody to match when the file was read.
    emails: Counter[str] | None

    def email_counts(self) -> Counter[str]:
        """The e-mail counts, counted now from the parsed batches if they were not before
        (someone was added to the event while the file was read)."""
        if self.emails is not None:
            return self.emails
        counts: Counter[str] = Counter()
        for parsed in self.spill.read(self.table, self.mapping):
            _count_emails(counts, parsed)
        return counts

    def __iter__(self) -> Iterator[ParsedColumns]:
        for parsed in self.spill.read(self.table, self.mapping):
            self.summary.complete(parsed)
            yield parsed


def _refuse_bad_rows(path: Path, report: ImportReport, skip_bad_rows: bool) -> None:
    if not report.skipped or skip_bad_rows:
        return
    count = len(report.skipped)
    raise ImportFileError(
        path,
        f"{count} row{'s' if count > 1 else ''} cannot be imported as written "
        f"({', '.join(sorted({s.reason for s in report.skipped}))})",
        "correct them in the file, or import with --skip-bad-rows to import the others and "
        "leave these out; nothing was imported",
        reason="bad_rows",
        details=tuple(f"{s.detail} [{s.reason}]" for s in report.skipped[:50]),
    )


class _People:
    """The people in the event before the import, by their keys (not their whole rows), indexed
    the ways a row can identify one of them; names are read only when a row needs them."""

    def __init__(self, conn: Connection, existing: list[PersonKeys]) -> None:
        self._conn = conn
        self.existing = existing
        self.by_external = {r.external_id: r for r in existing if r.external_id}
        self.by_code = {r.code: r for r in existing}
        self.by_code_upper = {_same(r.code, r.code.upper()): r for r in existing}
        #: E-mail (lower case) -> the one person with it, or the list of those sharing it.
        self._by_email: dict[str, PersonKeys | list[PersonKeys]] = {}
        self.by_name: dict[str, list[PersonKeys]] = {}
        by_email = self._by_email
        for r in existing:
            if r.email:
                address = _same(r.email, r.email.lower())
                earlier = by_email.setdefault(address, r)
                if earlier is not r:
                    if isinstance(earlier, list):
                        earlier.append(r)
                    else:
                        by_email[address] = [earlier, r]
        self._names_done = False
        self._keys: dict[int, str] = {}

    def with_email(self, address: str) -> list[PersonKeys]:
        """The people with this e-mail (lower case), in the order they were added."""
        found = self._by_email.get(address)
        if found is None:
            return []
        return found if isinstance(found, list) else [found]

    def has_email(self, address: str) -> bool:
        return address in self._by_email

    def key(self, row: PersonKeys) -> str:
        """The person's name key (:func:`name_key`), computed once per person."""
        key = self._keys.get(row.id)
        if key is None:
            for _id, first, last in imports.names_by_id(self._conn, [row.id]):
                key = name_key(first, last)
            key = self._keys[row.id] = key or ""
        return key

    def names(self) -> dict[str, list[PersonKeys]]:
        if not self._names_done:
            by_id = {r.id: r for r in self.existing}
            for attendee_id, first, last in imports.names_by_id(self._conn):
                row = by_id.get(attendee_id)
                if row is None:
                    continue  # added by this import
                key = self._keys.get(attendee_id)
                if key is None:
                    key = self._keys[attendee_id] = name_key(first, last)
                if key:
                    self.by_name.setdefault(key, []).append(row)
            self._names_done = True
        return self.by_name


def _merge(
    conn: Connection,
    batches: _FileBatches,
    report: ImportReport,
    source: str,
    cancel_missing: bool | None,
    progress: Callable[[int, int], None] | None,
) -> None:
    now = to_utc_iso(datetime.now(UTC))
    existing = imports.people_keys(conn)
    people = _People(conn, existing)
    file_emails = batches.email_counts() if existing else Counter()
    seen: set[int] = set()
    total = batches.summary.kept
    done = 0
    pool = _CodePool(people, batches.codes)
    with imports.bulk_load(conn, cache_kib=IMPORT_CACHE_KIB) as bulk:
        # Into an empty event the search index is written once, after the last batch.
        postings = attendees.SearchPostings() if bulk else None
        for parsed in batches:
            new: list[int] = []  # indexes of the registrations to add
            matched: list[tuple[int, PersonKeys]] = []
            numbers = parsed.rows
            # Into an event with nobody in it, everyone is new: no row to match.
            for j, code in enumerate(parsed.code) if existing else ():
                match = _match(parsed, j, source, people, file_emails, seen)
                if match is not None and match.id in seen:
                    report.skipped.append(
                        SkippedRow(
                            numbers[j],
                            "duplicate_person",
                            f"row {numbers[j]} describes a person already in this file "
                            f"(id {match.id})",
                        )
                    )
                    continue
                if code and match is not None and code != match.code:
                    holder = people.by_code.get(code)
                    if holder is not None and holder.id != match.id:
                        report.skipped.append(
                            SkippedRow(
                                numbers[j],
                                "code_conflict",
                                f"code {code} already belongs to another attendee (id {holder.id})",
                            )
                        )
                        continue
                if match is None:
                    new.append(j)
                    continue
                seen.add(match.id)
                matched.append((j, match))
            if not existing:
                new = list(range(len(numbers)))
            if matched:
                rows = imports.people_by_id(conn, (m.id for _, m in matched))
                for j, match in matched:
                    _update(conn, rows[match.id], parsed.registration(j), source, report, now)
            _insert_new(conn, parsed, new, source, pool, postings, now)
            report.added += len(new)
            report.cancelled += sum(1 for j in new if parsed.cancelled[j])
            done += len(numbers)
            if progress and done < total:
                progress(done, total)
        if postings is not None:
            postings.write(conn)
    if total:
        _missing(conn, people, seen, report, source, cancel_missing, now)
    if progress:
        progress(total, total)


def _same(text: str, variant: str) -> str:
    """``variant`` (a case of ``text``), as the very same object when it is equal: a dict of
    100,000 addresses that are lower case already keeps one copy of each."""
    return text if variant == text else variant


class _CodePool:
    """New codes for the rows that have none, none of them a code of someone in the event or
    of a row in the file (compared in upper case, as scanners do), made only when a batch
    needs them; each batch's codes are handed out in ascending order (still unguessable, and
    the unique index on code is appended to rather than split at random)."""

    def __init__(self, people: _People, file_codes: Iterable[str]) -> None:
        self._people = people
        self._file_codes = file_codes
        self._taken: set[str] | None = None

    def take(self, count: int) -> list[str]:
        taken = self._taken
        if taken is None:
            people = self._people
            taken = self._taken = (
                set(people.by_code) | set(people.by_code_upper) | set(self._file_codes)
            )
        made = sorted(codes.generate_many(count, taken))
        taken.update(made)
        return made


def _update(
    conn: Connection,
    row: StoredRow,
    reg: Registration,
    source: str,
    report: ImportReport,
    now: str,
) -> None:
    changes = _changes(row, reg, source)
    if not changes:
        report.unchanged += 1
        return
    old_status = row["status"]
    if changes.get("status") == AttendeeStatus.CANCELLED.value:
        report.cancelled += 1
    elif changes.get("status") == AttendeeStatus.ACTIVE.value and old_status != "active":
        report.reactivated += 1
    # Text fields as parsed: cleaned by storage's clean_column already.
    attendees.update(conn, row["id"], changes, now, cleaned=True)
    report.updated += 1


def _missing(
    conn: Connection,
    people: _People,
    seen: set[int],
    report: ImportReport,
    source: str,
    cancel_missing: bool | None,
    now: str,
) -> None:
    """Deal with the active people of ``source`` who are not in this file (see import_file)."""
    of_source = [r for r in people.existing if r.source == source and r.status == "active"]
    missing = [r for r in of_source if r.id not in seen]
    if not missing:
        return
    names = {i: f"{first} {last}".strip() for i, first, last in
             imports.names_by_id(conn, (r.id for r in missing))}  # fmt: skip
    report.missing = [MissingPerson(r.id, r.code, names[r.id]) for r in missing]
    listed = tuple(f"{p.name} (code {p.code})" for p in report.missing[:50])
    if len(report.missing) > 50:
        listed += (f"… and {len(report.missing) - 50} more",)
    path = report.file
    matched = sum(1 for r in of_source if r.id in seen)
    if cancel_missing is False:
        report.warnings.append(
            f"{len(missing)} people imported earlier into '{source}' are not in this file; they "
            "were kept (--keep-missing)."
        )
        return
    if cancel_missing:
        why_not = _not_same_list(conn, report, source, matched)
        if why_not:
            raise ImportFileError(
                path,
                f"--cancel-missing would cancel {len(missing)} people of the list '{source}', "
                f"but this file is not clearly the same list: {why_not}",
                "import a separate list under its own name (--source speakers), or export the "
                "same list again; nothing was imported",
                reason="different_list",
                details=listed,
            )
        imports.cancel(conn, [r.id for r in missing], now)
        report.cancelled += len(missing)
        report.cancelled_missing = True
        report.warnings.append(
            f"{len(missing)} people imported earlier into '{source}' are not in this file and "
            "were marked cancelled, as asked (their check-ins are kept)."
        )
        return
    share = len(missing) / len(of_source)
    different = matched == 0
    if different or len(missing) > MISSING_PEOPLE_LIMIT or share > MISSING_SHARE_LIMIT:
        raise ImportFileError(
            path,
            f"{len(missing)} of the {len(of_source)} people imported earlier into '{source}' "
            "are not in this file"
            + (" (none of them is: it looks like a different list)" if different else ""),
            ("import a separate list under its own name (--source speakers); " if different else "")
            + "if these people really cancelled, import again with --cancel-missing; to import "
            "without cancelling anyone, use --keep-missing; nothing was imported",
            reason="many_missing",
            details=listed,
        )
    report.warnings.append(
        f"{len(missing)} people imported earlier into '{source}' are not in this file; they "
        "were kept (import with --cancel-missing to cancel them): " + "; ".join(listed)
    )


def _not_same_list(conn: Connection, report: ImportReport, source: str, matched: int) -> str:
    """Why this file is not clearly the same list as ``source`` ("" when it is)."""
    if matched == 0:
        return "none of the people in it were imported into that list before"
    last = imports.last_run_of_source(conn, source)
    if last is None:
        return ""
    before, now = last.get("preset"), report.preset
    if before and now and before != now:
        return f"the list came from {before} and this file from {now}"
    events_before, events_now = set(last.get("events") or ()), set(report.events)
    if events_before and events_now and not events_before & events_now:
        return (
            f"the list is of the event {', '.join(sorted(events_before))} and this file of "
            f"{', '.join(sorted(events_now))}"
        )
    return ""


def _insert_new(
    conn: Connection,
    parsed: ParsedColumns,
    new: list[int],
    source: str,
    pool: _CodePool,
    postings: attendees.SearchPostings | None,
    now: str,
) -> None:
    """Add the registrations at indexes ``new``; those without a code get one from ``pool``."""
    if not new:
        return
    everyone = len(new) == len(parsed.rows)

    def pick(values: list[_V]) -> list[_V]:
        return values if everyone else [values[j] for j in new]

    new_codes = pick(parsed.code)
    without = [i for i, c in enumerate(new_codes) if not c]
    if without:
        new_codes = list(new_codes)
        for i, code in zip(without, pool.take(len(without)), strict=True):
            new_codes[i] = code
    ids = attendees.insert_columns(
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
            # Cleaned by storage's clean_column when the batch was parsed (see RowParser).
            clean=True,
        ),
        now,
        postings=postings,
    )
    if parsed.unpaid or parsed.has_desk_columns:
        desk = [(i, _desk_fields(parsed.registration(j))) for i, j in zip(ids, new, strict=True)]
        imports.set_desk_fields(conn, [(i, v) for i, v in desk if v.get("pending") or len(v) > 1])


def _match(
    parsed: ParsedColumns,
    j: int,
    source: str,
    people: _People,
    file_emails: Counter[str],
    seen: set[int],
) -> PersonKeys | None:
    """The person row ``j`` describes: by external id, code, then e-mail (plus the name when
    the e-mail is shared), then, for a row without e-mail or with one nobody had, the same name
    in ``source``; None for a new person."""
    external_id, code, email = parsed.external_id[j], parsed.code[j], parsed.email[j]
    if external_id and external_id in people.by_external:
        return people.by_external[external_id]
    if code:
        found = people.by_code.get(code) or people.by_code_upper.get(code.upper())
        if found is not None:
            return found
    if email:
        address = email.lower()
        candidates = [
            r
            for r in people.with_email(address)
            if r.id not in seen
            and not (external_id and r.external_id)
            and not (code and r.code.upper() != code.upper())
        ]
        if (
            len(candidates) == 1
            and file_emails[address] == 1
            and len(people.with_email(address)) == 1
        ):
            return candidates[0]
        # A shared address: only a person with the same name. Several (the same person listed
        # twice, identical rows) pair up in the order they were added, so codes stay put.
        # (Name keys are computed only here and below: rows with an id, a code or an e-mail of
        # their own never need one.)
        file_key = name_key(parsed.first_name[j], parsed.last_name[j])
        named = [r for r in candidates if people.key(r) == file_key]
        if named or people.has_email(address):
            return named[0] if named else None
    file_key = name_key(parsed.first_name[j], parsed.last_name[j])
    if file_key:
        # No e-mail, or one nobody had (a corrected address): the same name in the same list,
        # never someone with another id or code or whose address is elsewhere in this file;
        # identical names pair up in the order they were added.
        for r in people.names().get(file_key, []):
            if (
                r.source == source
                and r.id not in seen
                and not (r.email and r.email.lower() in file_emails)
                and not (external_id and r.external_id)
                and not (code and r.code.upper() != code.upper())
            ):
                return r
    return None


def _changes(row: StoredRow, reg: Registration, source: str) -> dict[str, object]:
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
    for column, value in _desk_fields(reg).items():
        if value != row[column]:
            changes[column] = value
    if changes and json.loads(row["raw"]) != reg.raw:
        changes["raw"] = reg.raw
    return changes


def _desk_fields(reg: Registration) -> dict[str, object]:
    """What the file says for the desk: not paid yet (always), and the note and attention
    flag where the file has them (a note staff wrote at the desk is not cleared by a file
    without one)."""
    found: dict[str, object] = {"pending": int(reg.pending)}
    if reg.note:
        found["note"] = reg.note
    if reg.attention:
        found["attention"] = 1
    return found


def event_days(db: Database) -> list[date]:
    return sorted(cl.day for cl in checkin_lists(db) if cl.day is not None)


__all__ = ["ImportFileError", "ImportReport", "MissingPerson", "SkippedRow", "import_file"]
