"""Which column is which, and turning rows into :class:`~kiosk.core.model.Registration` values.

:func:`detect_mapping` recognises columns by their header in English, Bulgarian or Romanian (and
the exports of Eventbrite, pretix in English, Romanian and German, Indico, Google Forms and
b2match; bilingual "A / B" headers by their most specific phrase), optionally corrected by a
mapping file (:func:`load_mapping_file`). :func:`parse_registrations` then reads every row,
cleaning each value with :func:`kiosk.core.text.clean` (a line break or tab inside a cell counts
as a space), and reports rows it cannot take (:class:`Skipped`, with a stable reason code) and
things the organizer should check (warnings) instead of failing.

Decisions worth knowing:

* A name is required; a row without one is skipped (``no_name``). A single full-name column is
  split: the last word is the last name (``Ana-Maria Popescu``), ``POPESCU Ana-Maria`` (surname in
  capitals first) and ``Popescu, Ana-Maria`` are understood, and particles stay with the surname
  (``Ludwig van Beethoven``). One word is kept whole as the first name.
* An invalid e-mail does not cost anyone their registration: the e-mail is only contact data,
  not needed to admit the person. The row is imported without it and a warning names the row.
* A days cell that cannot be read skips the row (``bad_day``): guessing "every day" would admit
  people to days they have not paid for, and dropping the unreadable part would turn them away.
  Month names (BG/RO/EN) and bilingual answers ("28 септември / 28 septembrie", "Двата дни /
  Ambele zile") are understood. The import service refuses a file with skipped rows unless it is
  told to skip them.
* A status is active, cancelled, awaiting approval (left out: no ticket yet, ``left_out``) or
  unknown; an unknown status skips the row (``unknown_status``), never imports it as active.
* A ticket code used twice skips the second row (``duplicate_code``), naming both rows. An
  external id used on several rows (an order number shared by a group) does not identify a
  person, so it is left out for those rows, with a warning.
* ``raw`` keeps each row's original cells, header → text, for the import record.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import itemgetter

from kiosk.core.gcpause import paused_gc
from kiosk.core.model import Registration
from kiosk.importing import mapfile
from kiosk.importing.checks import Finding, findings
from kiosk.importing.errors import ImportFileError
from kiosk.importing.presets import (
    ACTIVE_VALUES,
    ALL_DAYS_VALUES,
    AMBIGUOUS_NAME,
    CANCELLED_VALUES,
    CANCELLED_WORDS,
    DAY_WORDS,
    FALLBACK_FIELDS,
    MONTHS,
    NOT_CANCELLED_WORDS,
    PENDING_VALUES,
    UNPAID_VALUES,
    WEEKDAYS,
    Preset,
    clean_text,
    detect_preset,
    header_key,
    match_header_text,
    preset_by_name,
)
from kiosk.importing.readers import Table
from kiosk.importing.readers import column_letter as _column_letter
from kiosk.storage import attendees

#: Columns with a note shown at the desk at check-in (kept in ``raw`` too).
NOTE_HEADERS = frozenset(
    header_key(v)
    for v in (
        "note", "notes", "check-in text", "desk note", "бележка", "бележки", "notă", "note desk",
        "Text beim Check-in", "Text la check-in",
    )
)  # fmt: skip
#: Columns saying staff should look at the person (pretix "Requires special attention").
ATTENTION_HEADERS = frozenset(
    header_key(v)
    for v in (
        "requires special attention", "attention", "needs attention", "vip",
        "necesită o atenție specială", "benötigt besondere behandlung", "внимание",
        "изисква специално внимание", "atenție",
    )
)  # fmt: skip
TRUE_VALUES = frozenset(
    header_key(v) for v in ("yes", "true", "1", "x", "да", "da", "ja", "y", "✓")
)

FIELDS = (
    "full_name", "first_name", "last_name", "organization", "country", "email", "phone",
    "category", "language", "code", "external_id", "status", "days",
)  # fmt: skip

#: Other names people use for the fields in mapping files.
_FIELD_ALIASES: dict[str, str] = {
    "name": "full_name", "fullname": "full_name", "first": "first_name",
    "firstname": "first_name", "given_name": "first_name", "last": "last_name",
    "lastname": "last_name", "surname": "last_name", "family_name": "last_name",
    "organisation": "organization", "company": "organization", "org": "organization",
    "e_mail": "email", "mail": "email", "telephone": "phone", "mobile": "phone",
    "ticket_type": "category", "type": "category", "role": "category", "lang": "language",
    "barcode": "code", "ticket_code": "code", "qr": "code", "secret": "code",
    "id": "external_id", "externalid": "external_id", "order": "external_id",
    "day": "days", "dates": "days",
}  # fmt: skip

_NAME_FIELDS = ("full_name", "first_name", "last_name")
#: How many rows of one kind of warning are listed before the rest are summed up.
_WARNING_LIMIT = 10


@dataclass(frozen=True)
class ColumnMap:
    """Which column (index into :attr:`Table.headers`) holds each field.

    ``preset`` names the platform export recognised, if any. ``ignored`` lists the headers that
    are not used, to show the organizer. ``fallbacks`` (an addition to the agreed API, with a
    default) lists further columns of the same meaning that fill in a row whose main column is
    empty, e.g. pretix's order "Email" when "Attendee email" was not asked.
    """

    columns: dict[str, int]
    preset: str | None
    ignored: list[str]
    fallbacks: dict[str, tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """A row that was not imported."""

    row: int
    reason: str  # stable machine code: "no_name", "duplicate_code", "bad_day"
    detail: str  # human text


@dataclass(frozen=True)
class Parsed:
    """The result of reading a table's rows with a column map."""

    table: Table
    mapping: ColumnMap
    registrations: list[Registration]
    skipped: list[Skipped]
    warnings: list[str]
    findings: list[Finding] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Mapping columns


def detect_mapping(table: Table, override: dict[str, str] | None = None) -> ColumnMap:
    """Map the table's columns to :data:`FIELDS`.

    ``override`` (from a ``--mapping`` file) maps field → header text and wins over detection; a
    field mapped to ``""`` is not imported even if a column for it is recognised. Raises
    :class:`ImportFileError` when a named header does not exist, a field is unknown, or no
    column holds names (neither a full name nor a first or last name); the message lists the
    headers found.
    """
    keys = [header_key(h) for h in table.headers]
    forced, disabled = _resolve_override(table, keys, override or {})
    claimed = set(forced.values())
    preset = detect_preset({k for k in keys if k})

    candidates: dict[str, list[tuple[int, int]]] = {}
    ambiguous: list[int] = []
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if not key or key in seen or index in claimed:
            continue  # a repeated header: the first column of that name is the one used
        seen.add(key)
        hit = match_header_text(table.headers[index], preset)
        if hit is None:
            continue
        fld, rank = hit
        if fld == AMBIGUOUS_NAME:
            ambiguous.append(index)
        elif fld not in forced and fld not in disabled:
            candidates.setdefault(fld, []).append((rank, index))

    columns = dict(forced)
    fallbacks: dict[str, tuple[int, ...]] = {}
    for fld in FIELDS:
        found = sorted(candidates.get(fld, ()))
        if found:
            columns[fld] = found[0][1]
            if fld in FALLBACK_FIELDS and len(found) > 1:
                fallbacks[fld] = tuple(i for _, i in found[1:])

    for index in ambiguous:
        target = _ambiguous_name_field(columns)
        if target is not None and target not in disabled:
            columns[target] = index

    if not any(f in columns for f in _NAME_FIELDS):
        raise ImportFileError(
            table.path,
            "no column with the people's names was found "
            f"(columns found: {_list_headers(table.headers)})",
            "name a column “Name” (or “First name” and “Last name”), or give a mapping file "
            "that says which column holds the names",
        )

    used = set(columns.values()) | {i for group in fallbacks.values() for i in group}
    suffix = _suffix_column(table.headers, preset, columns.get("external_id"))
    if suffix is not None:
        used.add(suffix)
    ignored = [h for i, h in enumerate(table.headers) if h and i not in used]
    ordered = {f: columns[f] for f in FIELDS if f in columns}
    return ColumnMap(
        columns=ordered,
        preset=preset.name if preset else None,
        ignored=ignored,
        fallbacks=fallbacks,
    )


def _ambiguous_name_field(columns: dict[str, int]) -> str | None:
    """Where "Name" / "Име" / "Nume" goes: beside "Surname"/"Фамилия" it is the first name,
    beside "Prenume"/"First name" the last name, alone the full name."""
    has_first, has_last = "first_name" in columns, "last_name" in columns
    if has_last and not has_first:
        return "first_name"
    if has_first and not has_last:
        return "last_name"
    if "full_name" not in columns:
        return "full_name"
    return None


def _resolve_override(
    table: Table, keys: list[str], override: dict[str, str]
) -> tuple[dict[str, int], set[str]]:
    forced: dict[str, int] = {}
    disabled: set[str] = set()
    for name, header in override.items():
        fld = canonical_field(name)
        if fld is None:
            raise ImportFileError(
                table.path,
                f"the column mapping names an unknown field '{name}'",
                f"use one of: {', '.join(FIELDS)}",
            )
        if not header:
            disabled.add(fld)
            continue
        index = _find_header(table.headers, keys, header)
        if index is None:
            raise ImportFileError(
                table.path,
                f"the column mapping says {fld} is in column '{header}', but the file has no "
                f"such column (columns found: {_list_headers(table.headers)})",
                "correct the header text in the mapping file",
                column=header,
            )
        forced[fld] = index
    return forced, disabled


def _find_header(headers: list[str], keys: list[str], wanted: str) -> int | None:
    text = clean_text(wanted)
    if text in headers:
        return headers.index(text)
    key = header_key(wanted)
    if key and key in keys:
        return keys.index(key)
    return None


def _suffix_column(
    headers: list[str], preset: Preset | None, external_id: int | None
) -> int | None:
    """The column whose value completes the external id (pretix: order code + "-" + position),
    when the external id comes from the platform's own column (not from a mapping file)."""
    if preset is None or preset.external_id_suffix is None or external_id is None:
        return None
    own = preset.header_keys.get(header_key(headers[external_id]))
    if own is None or own[0] != "external_id":
        return None
    wanted = {header_key(h) for h in (preset.external_id_suffix, *preset.suffix_headers)}
    for index, header in enumerate(headers):
        if header_key(header) in wanted:
            return index
    return None


#: The time of day after a date ("28.09.2026, 09:00", "2026-09-28 09:00:00", "09/28/2026 9 a.m.").
_TIME_OF_DAY = re.compile(
    r",?\s+(?:\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?|noon|midnight)$",
    re.IGNORECASE,
)


def _days_end_column(headers: list[str], preset: Preset | None, days: int | None) -> int | None:
    """The column ending the days the days column starts (pretix's sub-event "End date"), when
    the days come from the platform's own start column."""
    if preset is None or not preset.days_end_headers or days is None:
        return None
    own = preset.header_keys.get(header_key(headers[days]))
    if own is None or own[0] != "days":
        return None
    wanted = {header_key(h) for h in preset.days_end_headers}
    return next((i for i, h in enumerate(headers) if header_key(h) in wanted), None)


def _preset_column(headers: list[str], wanted: tuple[str, ...]) -> int | None:
    """The first column with one of the ``wanted`` headers (a preset's own), if any."""
    keys = {header_key(h) for h in wanted}
    return next((i for i, h in enumerate(headers) if header_key(h) in keys), None)


def _event_column(headers: list[str], preset: Preset | None) -> int | None:
    """The column naming the platform's event (pretix's event slug), if the file has one."""
    if preset is None or not preset.event_headers:
        return None
    wanted = {header_key(h) for h in preset.event_headers}
    for index, header in enumerate(headers):
        if header_key(header) in wanted:
            return index
    return None


def _list_headers(headers: Sequence[str], limit: int = 15) -> str:
    named = [f"'{h}'" for h in headers if h]
    if not named:
        return "none"
    shown = ", ".join(named[:limit])
    return shown if len(named) <= limit else f"{shown} and {len(named) - limit} more"


def canonical_field(name: str) -> str | None:
    """The field a mapping-file key means (``"Organisation"``, ``"first-name"`` → field name),
    or None if it is none of :data:`FIELDS`."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key in FIELDS:
        return key
    return _FIELD_ALIASES.get(key)


def load_mapping_file(path: str | os.PathLike[str]) -> dict[str, str]:
    """Read a column mapping file for registrations (see :func:`kiosk.importing.mapfile.read`):
    field → header text; the fields are :data:`FIELDS` and their usual other names."""
    return mapfile.read(path, canonical_field, FIELDS, example='first_name = "Vorname"')


def _letters(indexes: list[int], shown: int = 12) -> str:
    """Column letters for a message; a row of 80,000 stray cells must not make a 1 MB one."""
    text = ", ".join(_column_letter(i) for i in indexes[:shown])
    if len(indexes) > shown:
        text += f" and {len(indexes) - shown:,} more"
    return text


# ---------------------------------------------------------------------------------------------
# Reading rows


def parse_registrations(
    table: Table, mapping: ColumnMap, event_days: Sequence[date] = ()
) -> Parsed:
    """Turn every row into a :class:`Registration`, or a :class:`Skipped` with a reason code.

    ``event_days`` (in order) let a days column say "Day 2" or "28.09" and are used to check
    dates; without them only full dates are understood. Never raises for bad cell content.
    """
    columns = parse_columns(table, mapping, event_days)
    return Parsed(
        table=columns.table,
        mapping=columns.mapping,
        registrations=[columns.registration(j) for j in range(len(columns.rows))],
        skipped=columns.skipped,
        warnings=columns.warnings,
        findings=columns.findings,
    )


def parse_columns(
    table: Table, mapping: ColumnMap, event_days: Sequence[date] = ()
) -> ParsedColumns:
    """:func:`parse_registrations` with the registrations kept by column (every row at once;
    an import reads them a batch at a time with :class:`RowParser`)."""
    with paused_gc():
        parser = RowParser(table, mapping, event_days)
        parsed = parser.parse(list(table.rows))
        summary = parser.finish()
        summary.complete(parsed)
        parsed.skipped = summary.skipped
        parsed.warnings = summary.warnings
        parsed.findings = summary.findings
        parsed.events = summary.events
        parsed.left_out = summary.left_out
        return parsed


@dataclass(slots=True)
class ParsedColumns:
    """The registrations of :class:`Parsed` as one list per :class:`Registration` field
    (``cells``: each row's source cells, which with ``raw_keys`` make ``raw``)."""

    table: Table
    mapping: ColumnMap
    rows: list[int]
    first_name: list[str]
    last_name: list[str]
    organization: list[str]
    country: list[str]
    email: list[str]
    phone: list[str]
    category: list[str]
    language: list[str]
    code: list[str]
    external_id: list[str]
    cancelled: list[bool]
    days: list[frozenset[date]]
    cells: list[list[str]]
    raw_keys: list[str]
    skipped: list[Skipped]
    warnings: list[str]
    #: Suspicious values, imported but named with row and column (see kiosk.importing.checks).
    findings: list[Finding] = field(default_factory=list)
    #: The platform events the rows belong to (pretix event slugs), when the file says.
    events: list[str] = field(default_factory=list)
    #: Rows left out on purpose (awaiting approval): understood, not errors.
    left_out: list[Skipped] = field(default_factory=list)
    #: Per row: the registration is not paid yet (empty: none is).
    unpaid: list[bool] = field(default_factory=list)
    _desk: tuple[int | None, int | None] | None = field(default=None, init=False, repr=False)

    def raw(self, j: int) -> dict[str, str]:
        return dict(zip(self.raw_keys, self.cells[j], strict=False))

    @property
    def has_desk_columns(self) -> bool:
        """The file has a note or an attention column for the desk."""
        return any(i is not None for i in self._desk_columns())

    def _desk_columns(self) -> tuple[int | None, int | None]:
        if self._desk is None:
            keys = [header_key(k) for k in self.raw_keys]
            note = next((i for i, k in enumerate(keys) if k in NOTE_HEADERS), None)
            attention = next((i for i, k in enumerate(keys) if k in ATTENTION_HEADERS), None)
            self._desk = (note, attention)
        return self._desk

    def desk_note(self, j: int) -> tuple[str, bool]:
        """The row's note for the desk and its attention flag (pretix "Check-in text" and
        "Requires special attention", or a "Note"/"Attention" column in any of our
        languages)."""
        i_note, i_attention = self._desk_columns()
        cells = self.cells[j]
        note = clean_text(cells[i_note]) if i_note is not None and i_note < len(cells) else ""
        flag = (
            i_attention is not None and i_attention < len(cells)
            and header_key(cells[i_attention]) in TRUE_VALUES
        )  # fmt: skip
        return note, flag

    def registration(self, j: int) -> Registration:
        note, attention = self.desk_note(j)
        return Registration(
            row=self.rows[j],
            first_name=self.first_name[j],
            last_name=self.last_name[j],
            organization=self.organization[j],
            country=self.country[j],
            email=self.email[j],
            phone=self.phone[j],
            category=self.category[j],
            language=self.language[j],
            code=self.code[j],
            external_id=self.external_id[j],
            cancelled=self.cancelled[j],
            days=self.days[j],
            raw=self.raw(j),
            pending=bool(self.unpaid) and self.unpaid[j],
            note=note,
            attention=attention,
        )

    def raw_json(self, indexes: Sequence[int]) -> list[str]:
        """The ``raw`` of the given rows as JSON text, exactly as ``json.dumps(raw,
        ensure_ascii=False)`` writes it: each row's cells put into one template of the keys."""
        width = len(self.raw_keys)
        cells = list(map(self.cells.__getitem__, indexes))
        if not width or any(n != width for n in set(map(len, cells))):
            return [json.dumps(self.raw(j), ensure_ascii=False) for j in indexes]
        template = (
            "{"
            + ", ".join(_json_string(k).replace("%", "%%") + ": %s" for k in self.raw_keys)
            + "}"
        )
        return [template % tuple(map(_json_string, c)) for c in cells]


#: The JSON string literal of a text, as ``json.dumps(..., ensure_ascii=False)`` writes it.
_json_string: Callable[[str], str] = json.encoder.encode_basestring


class _Notes:
    """Warnings, with long runs of one kind summed up so 5,000 bad e-mails stay readable."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._counts: Counter[str] = Counter()
        self._labels: dict[str, str] = {}

    def add(self, kind: str, text: str, label: str) -> None:
        self._counts[kind] += 1
        self._labels[kind] = label
        if self._counts[kind] <= _WARNING_LIMIT:
            self.lines.append(text)

    def finish(self) -> list[str]:
        for kind, count in self._counts.items():
            if count > _WARNING_LIMIT:
                more = count - _WARNING_LIMIT
                self.lines.append(f"… and {more} more rows with {self._labels[kind]}.")
        return self.lines


@dataclass(slots=True)
class ParseSummary:
    """What only the whole file tells, known once every batch has been parsed."""

    rows: int  # data rows read
    kept: int  # rows turned into registrations
    skipped: list[Skipped]
    left_out: list[Skipped]
    warnings: list[str]
    findings: list[Finding]
    events: list[str]
    raw_keys: list[str]
    #: External ids on several rows (an order with several tickets): they identify nobody.
    shared_external_ids: frozenset[str]

    def complete(self, parsed: ParsedColumns) -> None:
        """Give a batch parsed earlier what the whole file says (the raw keys at the file's
        full width, shared external ids left out)."""
        parsed.raw_keys = self.raw_keys
        width = len(self.raw_keys)
        for cells in parsed.cells:
            if len(cells) != width:
                if len(cells) < width:
                    cells.extend([""] * (width - len(cells)))
                else:
                    del cells[width:]
        shared = self.shared_external_ids
        if shared:
            parsed.external_id = ["" if e in shared else e for e in parsed.external_id]


class RowParser:
    """Reads a table's rows a batch at a time (:meth:`parse`), keeping across batches only
    what needs the whole file: the codes used so far (one key a row), the external ids and
    their rows, counts of warnings. :meth:`finish` then gives the :class:`ParseSummary`."""

    def __init__(self, table: Table, mapping: ColumnMap, event_days: Sequence[date]) -> None:
        self.table = table
        self.mapping = mapping
        self.event_days = tuple(event_days)
        self.preset = preset_by_name(mapping.preset)
        self.notes = _Notes()
        self.skipped: list[Skipped] = []
        cancelled = set(CANCELLED_VALUES)
        active = set(ACTIVE_VALUES)
        pending = set(PENDING_VALUES)
        unpaid = set(UNPAID_VALUES)
        if self.preset is not None:
            cancelled.update(header_key(v) for v in self.preset.cancelled)
            active.update(header_key(v) for v in self.preset.active)
            pending.update(header_key(v) for v in self.preset.pending)
            unpaid.update(header_key(v) for v in self.preset.unpaid)
        self.cancelled_values = frozenset(cancelled)
        self.active_values = frozenset(active)
        self.pending_values = frozenset(pending)
        self.unpaid_values = frozenset(unpaid)
        #: cell -> "cancelled", "active", "unpaid", "pending" or "unknown".
        self._status_cache: dict[str, str] = {}
        self.left_out: list[Skipped] = []
        #: Suspicious values found while reading the rows, and by checks.findings.
        self.row_findings: list[Finding] = []
        self._check_findings: list[Finding] = []
        self._days_cache: dict[str, frozenset[date] | str] = {}
        self._cells: list[list[str]] = []
        #: Column index -> cleaned text of each distinct value seen (see _clean_column).
        self._clean_caches: dict[int, dict[str, str]] = {}
        columns = mapping.columns
        self._i_ext = columns.get("external_id")
        self._i_suffix = _suffix_column(table.headers, self.preset, self._i_ext)
        self._i_event = _event_column(table.headers, self.preset)
        self._i_days_end = _days_end_column(table.headers, self.preset, columns.get("days"))
        self._i_add_on = _preset_column(
            table.headers, self.preset.add_on_headers if self.preset is not None else ()
        )
        self._used_codes: dict[str, int] = {}
        self._split_names = 0
        self._events: set[str] = set()
        #: External id -> its first row; ids seen again -> all their rows.
        self._external_first: dict[str, int] = {}
        self._external_rows: dict[str, list[int]] = {}
        self._header_width = len(table.headers)
        self._unnamed = [i for i, h in enumerate(table.headers) if not h]
        #: Rows with values in columns without a header: the first few, and how many.
        self._unnamed_rows: list[int] = []
        self._unnamed_count = 0
        self.rows = 0
        self.kept = 0

    @property
    def codes_used(self) -> Iterable[str]:
        """The codes of the rows parsed so far, upper case."""
        return self._used_codes.keys()

    # -- the row loop -------------------------------------------------------------------------

    def parse(self, batch: list[tuple[int, list[str]]]) -> ParsedColumns:
        """The registrations of these rows (in file order, after the rows parsed before)."""
        table = self.table
        self._cells = list(map(itemgetter(1), batch))
        self.rows += len(batch)
        self._note_unnamed(batch)
        columns = self.mapping.columns
        i_status = columns.get("status")

        # Values are cleaned a column at a time: one comprehension per column is several times
        # cheaper than a function call per cell, and columns like country or ticket type are
        # cleaned once per distinct value.
        first_names, last_names = self._column("first_name"), self._column("last_name")
        full_names = self._column("full_name")
        organizations, countries = self._column("organization"), self._column("country")
        emails, phones = self._column("email"), self._column("phone")
        categories, languages = self._column("category"), self._column("language")
        codes, external_ids = self._column("code"), self._column("external_id")
        days_cells = self._column("days")
        if self._i_days_end is not None:
            # A sub-event's start and end ("2026-09-28 09:00:00", "28.09.2026, 09:00"): every
            # day from one to the other, the times of day left out.
            starts = [_TIME_OF_DAY.sub("", s) for s in days_cells]
            ends = [_TIME_OF_DAY.sub("", e) for e in self._clean(self._cells, self._i_days_end)]
            days_cells = [f"{s} - {e}" if s and e else s for s, e in zip(starts, ends, strict=True)]
        suffixes = self._clean(self._cells, self._i_suffix)
        add_ons = self._clean(self._cells, self._i_add_on) if self._i_add_on is not None else None

        # The rows kept, and the values the loop decides per row.
        kept: list[int] = []
        numbers: list[int] = []
        firsts: list[str] = []
        lasts: list[str] = []
        kept_days: list[frozenset[date]] = []
        kept_emails: list[str] = []
        kept_external_ids: list[str] = []
        kept_cancelled: list[bool] = []
        kept_unpaid: list[bool] = []
        kept_cells: list[list[str]] = []
        no_days: frozenset[date] = frozenset()
        used_codes = self._used_codes
        for j, (number, cells) in enumerate(batch):
            if add_ons is not None and add_ons[j]:
                self.left_out.append(
                    Skipped(
                        number,
                        "add_on",
                        f"row {number}: an add-on ('{categories[j]}') to position {add_ons[j]} "
                        "of the same order, not a ticket of its own; left out",
                    )
                )
                continue
            first, last = first_names[j], last_names[j]
            if not first and not last:
                full = full_names[j]
                if full:
                    first, last = split_full_name(full)
                    self._split_names += 1
                else:
                    self.skipped.append(
                        Skipped(number, "no_name", f"row {number} has no name; it was not imported")
                    )
                    continue

            days = no_days
            if days_cells[j]:
                parsed_days = self._days(days_cells[j])
                if isinstance(parsed_days, str):
                    self.skipped.append(
                        Skipped(
                            number,
                            "bad_day",
                            f"row {number}: the days '{days_cells[j]}' cannot be read "
                            f"({parsed_days}); the row was not imported",
                        )
                    )
                    continue
                days = parsed_days

            code = codes[j]
            if code:
                # Codes compare case-insensitively: scanners and people retyping codes do.
                code_key = code.upper()
                earlier = used_codes.get(code_key)
                if earlier is not None:
                    self.skipped.append(
                        Skipped(
                            number,
                            "duplicate_code",
                            f"row {number}: the code '{code}' is already used on row "
                            f"{earlier}; this row was not imported",
                        )
                    )
                    continue
                used_codes[code_key] = number

            external_id = external_ids[j]
            if external_id and suffixes[j]:
                external_id = f"{external_id}-{suffixes[j]}"
            email = emails[j]
            if email and not (email.islower() and _EMAIL.fullmatch(email)):
                email = self._email(number, email)
            phone = phones[j]
            if "E+" in phone or "e+" in phone:
                self._phone_warning(number, phone)

            status = "active" if i_status is None else self._status(cells[i_status])
            if status == "unknown":
                self.skipped.append(
                    Skipped(
                        number,
                        "unknown_status",
                        f"row {number}: the status '{clean_text(cells[i_status or 0])}' is not "
                        "one Kiosk knows, so it cannot tell whether this person may enter; the "
                        "row was not imported (map the status in the source, or skip the row)",
                    )
                )
                continue
            if status == "pending":
                self.left_out.append(
                    Skipped(
                        number,
                        "awaiting_approval",
                        f"row {number}: the registration awaits the organizer's approval "
                        f"('{clean_text(cells[i_status or 0])}'), so it has no ticket yet; left "
                        "out",
                    )
                )
                continue

            kept.append(j)
            numbers.append(number)
            firsts.append(first)
            lasts.append(last)
            kept_days.append(days)
            kept_emails.append(email)
            kept_external_ids.append(external_id)
            kept_cancelled.append(status == "cancelled")
            kept_unpaid.append(status == "unpaid")
            kept_cells.append(cells)

        def keep(values: list[str]) -> list[str]:
            return values if len(kept) == len(values) else [values[j] for j in kept]

        parsed = ParsedColumns(
            table=table,
            mapping=self.mapping,
            rows=numbers,
            first_name=firsts,
            last_name=lasts,
            organization=keep(organizations),
            country=keep(countries),
            email=kept_emails,
            phone=keep(phones),
            category=keep(categories),
            language=keep(languages),
            code=keep(codes),
            external_id=kept_external_ids,
            cancelled=kept_cancelled,
            days=kept_days,
            cells=kept_cells,
            unpaid=kept_unpaid if any(kept_unpaid) else [],
            raw_keys=_raw_keys(table.headers),
            skipped=[],
            warnings=[],
        )
        self.kept += len(numbers)
        self._note_external_ids(numbers, kept_external_ids)
        self._check_findings.extend(
            findings(
                table,
                columns,
                numbers,
                kept_cells,
                list(zip(firsts, lasts, strict=True)),
                parsed.organization,
            )
        )
        if self._i_event is not None:
            i_event = self._i_event
            self._events.update(clean_text(c[i_event]) for c in kept_cells)
        self._cells = []
        return parsed

    def finish(self) -> ParseSummary:
        """What the whole file says, once every row has been parsed."""
        table = self.table
        warnings = self._table_warnings()
        shared = frozenset(self._external_rows)
        if shared:
            rows = sorted(r for found in self._external_rows.values() for r in found)
            index = self.mapping.columns["external_id"]
            warnings.append(
                f"The column '{table.headers[index]}' has the same value on several rows "
                f"({_rows_text(rows)}), so it does not identify one person there (e.g. an order "
                "with several tickets); those rows are matched by ticket code or e-mail instead."
            )
        columns = self.mapping.columns
        if self._split_names and "first_name" not in columns and "last_name" not in columns:
            i_full = columns["full_name"]
            warnings.append(
                f"Names were split from the column '{table.headers[i_full]}' into first and last "
                "name (the last word is the last name; “SURNAME First” and “Surname, First” are "
                "understood). Check a few badges."
            )
        preset = self.preset
        if preset is not None and preset.code_hint and "code" not in columns:
            warnings.append(
                f"This {preset.name} export has no ticket code column ({preset.code_hint}), so "
                f"new codes were made: the tickets {preset.name} sent will not scan at the door. "
                "Export again with the ticket codes and import that file instead."
            )
        warnings.extend(self.notes.finish())
        self._external_first, self._external_rows = {}, {}  # not needed any more
        return ParseSummary(
            rows=self.rows,
            kept=self.kept,
            skipped=self.skipped,
            left_out=self.left_out,
            warnings=warnings,
            findings=self.row_findings + self._check_findings,
            events=sorted(self._events - {""}),
            raw_keys=_raw_keys(table.headers),
            shared_external_ids=shared,
        )

    def _note_external_ids(self, numbers: list[int], external_ids: list[str]) -> None:
        first, several = self._external_first, self._external_rows
        given = [(e, n) for e, n in zip(external_ids, numbers, strict=True) if e]
        ids = dict(given)
        if len(ids) == len(given) and first.keys().isdisjoint(ids):
            first.update(ids)  # each id once in the file so far: the usual case
            return
        for number, external_id in zip(numbers, external_ids, strict=True):
            if not external_id:
                continue
            earlier = first.setdefault(external_id, number)
            if earlier != number:
                several.setdefault(external_id, [earlier]).append(number)

    def _note_unnamed(self, batch: list[tuple[int, list[str]]]) -> None:
        width, unnamed = self._header_width, self._unnamed
        if not unnamed and max(map(len, map(itemgetter(1), batch)), default=0) <= width:
            return  # no row reaches past the named columns
        for number, cells in batch:
            if (len(cells) > width and any(c.strip() for c in cells[width:])) or (
                unnamed and any(cells[i].strip() for i in unnamed)
            ):
                self._unnamed_count += 1
                if len(self._unnamed_rows) < _ROWS_SHOWN:
                    self._unnamed_rows.append(number)

    def _column(self, fld: str) -> list[str]:
        """The cleaned values of a field for every row, filled from fallback columns."""
        rows = self._cells
        values = self._clean(rows, self.mapping.columns.get(fld))
        for other in self.mapping.fallbacks.get(fld, ()):
            if all(values):
                break
            extra = self._clean(rows, other)
            values = [v or e for v, e in zip(values, extra, strict=True)]
        return values

    def _clean(self, rows: list[list[str]], index: int | None) -> list[str]:
        if index is None:
            return _clean_column(rows, None)
        return _clean_column(rows, index, self._clean_caches.setdefault(index, {}))

    # -- whole-table checks --------------------------------------------------------------------

    def _table_warnings(self) -> list[str]:
        table = self.table
        warnings: list[str] = []
        if table.header_row > 1:
            warnings.append(
                f"The column headers are on row {table.header_row}; the rows above them were "
                "taken as a title and skipped."
            )
        if not self.rows:
            warnings.append(
                "The file has column headers but no rows of data below them; nobody was imported."
            )
        positions: dict[str, list[int]] = {}
        for index, header in enumerate(table.headers):
            if header:
                positions.setdefault(header_key(header), []).append(index)
        for indexes in positions.values():
            if len(indexes) > 1:
                letters = _letters(indexes)
                warnings.append(
                    f"The column '{table.headers[indexes[0]]}' appears {len(indexes)} times "
                    f"(columns {letters}); only the first one ({_column_letter(indexes[0])}) is "
                    "used. Rename the others if they matter."
                )
        unnamed = [i for i, h in enumerate(table.headers) if not h]
        if unnamed and self._unnamed_count:
            letters = _letters(unnamed)
            shown = _rows_text(self._unnamed_rows, total=self._unnamed_count)
            warnings.append(
                f"Values in columns without a header ({letters}) on {shown} were "
                "not imported. Check those rows: a delimiter inside an unquoted value (e.g. "
                "a comma in a name) shifts the rest of the row."
            )
        return warnings

    # -- single values -------------------------------------------------------------------------

    def _email(self, row: int, text: str) -> str:
        if not text:
            return ""
        found = _email_addresses(text)
        if not found:
            self.notes.add(
                "bad_email",
                f"Row {row}: '{text}' is not a valid e-mail address; the person was imported "
                "without an e-mail.",
                "invalid e-mail addresses",
            )
            return ""
        if len(found) > 1:
            self.notes.add(
                "several_emails",
                f"Row {row}: several e-mail addresses; the first one ({found[0]}) was kept.",
                "several e-mail addresses",
            )
        return found[0]

    def _phone_warning(self, row: int, text: str) -> None:
        # Excel shows long numbers as 3.59888E+11 and saves them so in CSV: the digits are gone.
        self.row_findings.append(
            Finding(
                row,
                self.table.headers[self.mapping.columns["phone"]],
                "scientific_notation",
                f"the phone number '{text}' was shortened by a spreadsheet (scientific "
                "notation) and its last digits are lost; format the column as text and export "
                "again.",
            )
        )

    def _status(self, cell: str) -> str:
        # Status columns hold a handful of distinct values: interpret each once.
        cached = self._status_cache.get(cell)
        if cached is None:
            key = header_key(cell)
            if key in self.pending_values:
                cached = "pending"
            elif key in self.unpaid_values and key not in self.active_values:
                cached = "unpaid"
            elif key in self.active_values:
                cached = "active"
            elif _is_cancelled(key, self.cancelled_values):
                cached = "cancelled"
            elif set(key.split()) & CANCELLED_WORDS:
                cached = "active"  # "Partially refunded", "Not cancelled"
            else:
                cached = "unknown"
            self._status_cache[cell] = cached
        return cached

    def _days(self, text: str) -> frozenset[date] | str:
        cached = self._days_cache.get(text)
        if cached is None:
            cached = parse_days(text, self.event_days)
            self._days_cache[text] = cached
        return cached


def _is_cancelled(key: str, cancelled_values: frozenset[str]) -> bool:
    if key in cancelled_values:
        return True
    words = set(key.split())
    return bool(words & CANCELLED_WORDS) and not words & NOT_CANCELLED_WORDS


def _clean_column(
    cells: list[list[str]], index: int | None, cache: dict[str, str] | None = None
) -> list[str]:
    """One column of every row's cells ("" for all if ``index`` is None), cleaned by
    :func:`kiosk.storage.attendees.clean_column`: the cleaning the values are stored with, done
    once here; the import then stores them as cleaned (``NewAttendees.clean``)."""
    if index is None:
        return [""] * len(cells)
    return attendees.clean_column(list(map(itemgetter(index), cells)), cache)


def _raw_keys(headers: list[str]) -> list[str]:
    """Unique keys for ``raw``: the header text; a repeated header gets " (2)", " (3)"; a column
    without a header is called by its letter."""
    keys: list[str] = []
    seen: Counter[str] = Counter()
    for index, header in enumerate(headers):
        key = header or f"column {_column_letter(index)}"
        seen[key] += 1
        if seen[key] > 1:
            key = f"{key} ({seen[key]})"
        keys.append(key)
    return keys


#: Rows listed in a warning before the rest are counted.
_ROWS_SHOWN = 10


def _rows_text(rows: Sequence[int], limit: int = _ROWS_SHOWN, total: int | None = None) -> str:
    """Rows for a message: "row 4" or "rows 4, 7, 9 and 12 more" (``total``: how many rows
    there are in all, when ``rows`` holds only the first ones)."""
    count = len(rows) if total is None else total
    if count == 1:
        return f"row {rows[0]}"
    shown = ", ".join(str(r) for r in rows[:limit])
    more = f" and {count - limit} more" if count > limit else ""
    return f"rows {shown}{more}"


# -- names ------------------------------------------------------------------------------------

#: Lower-case words that belong to the surname that follows them.
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
     "le", "ter", "ten", "bin", "ibn", "al", "el"}
)  # fmt: skip


def split_full_name(full: str) -> tuple[str, str]:
    """Split a cleaned full name into ``(first, last)``.

    ``"Ana-Maria Popescu"`` → Ana-Maria / Popescu; ``"Popescu, Ana-Maria"`` and
    ``"POPESCU Ana-Maria"`` (surname first, in capitals, as in Romanian and Bulgarian official
    lists) → the same; ``"Ludwig van Beethoven"`` → Ludwig / van Beethoven; a single word is the
    first name with an empty last name.
    """
    if full.count(",") == 1:
        last, _, first = full.partition(",")
        last, first = last.strip(), first.strip()
        if last and first:
            return first, last
    words = full.replace(",", " ").split()
    if not words:
        return "", ""
    if len(words) == 1:
        return words[0], ""
    capitals = 0
    while capitals < len(words) and _is_capitalised_surname(words[capitals]):
        capitals += 1
    if 0 < capitals < len(words):
        return " ".join(words[capitals:]), " ".join(words[:capitals])
    start = len(words) - 1
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def _is_capitalised_surname(word: str) -> bool:
    # Two letters at least, so initials ("J.") are not taken for a surname.
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


# -- e-mail -----------------------------------------------------------------------------------

_EMAIL = re.compile(r"[^@\s,;<>()\[\]\"':]+@(?:[\w-]+\.)+[^\W\d_]{2,}")
_EMAIL_SPLIT = re.compile(r"[;,\s]+")


def _email_addresses(text: str) -> list[str]:
    """The valid addresses in an e-mail cell, lower-cased; usually exactly one.

    Accepts ``mailto:`` links and ``Name <address>`` forms; a cell listing several addresses
    gives them all (the caller keeps the first).
    """
    candidate = text.strip().lower().removeprefix("mailto:")
    if _EMAIL.fullmatch(candidate):
        return [candidate]
    found: list[str] = []
    for part in _EMAIL_SPLIT.split(candidate):
        part = part.strip("<>").removeprefix("mailto:")
        if _EMAIL.fullmatch(part):
            found.append(part)
    return found


# -- days -------------------------------------------------------------------------------------

_DAY_SEPARATORS = re.compile(r"\s*(?:[;,|+&\n]|\s(?:and|и|și|si)\s)\s*", re.IGNORECASE)
_RANGE = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_DMY = re.compile(r"(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?\.?(?:\s+\d{1,2}:\d{2}.*)?")
_DAY_NUMBER = re.compile(r"([^\W\d_]*)\.?\s*(\d{1,2})")
#: A bilingual answer: "28 септември / 28 septembrie" (a slash with spaces; 28/09 is a date).
_BILINGUAL_VALUE = re.compile(r"\s+/\s+|\s+\|\s+")
#: "September 28, 2026": the comma belongs to the date, not a list.
_YEAR_COMMA = re.compile(r"([^\W\d_]+\.?\s+\d{1,2}(?:st|nd|rd|th)?),\s*(\d{4})")
#: "28–29 септември": a range of days within one month.
_DAY_RANGE_MONTH = re.compile(r"\b(\d{1,2})\s*[-–—]\s*(\d{1,2})\s+([^\W\d_]{3,}\.?(?:\s+\d{4})?)")
#: "28 и 29 септември", "28, 29 and 30 September": day numbers sharing the month named after
#: the last one.
_DAY_LIST_MONTH = re.compile(
    r"(?<![\d./])(\d{1,2})((?:\s*(?:[,&+]|\s(?:and|и|și|si)\s)\s*\d{1,2})+)"
    r"\s+([^\W\d_]{3,}\.?(?:\s+\d{4})?)",
    re.IGNORECASE,
)
#: "28–29.09.2026", "28 и 29.09": day numbers sharing the month (and year) after the last.
_DAY_LIST_NUMERIC = re.compile(
    r"(?<![\d./])(\d{1,2})\.?((?:\s*(?:[-–—,&+]|\s(?:and|и|și|si)\s)\s*\d{1,2})+)"
    r"([./]\d{1,2}(?:[./](?:\d{4}|\d{2}))?\.?)(?![\d./])",
    re.IGNORECASE,
)
_LIST_NUMBER = re.compile(r"\d{1,2}")
#: Bulgarian "г." (year) after a date: "28.09.2026 г."
_YEAR_SUFFIX = re.compile(r"(?<=\d)\s*г\.?$")


def parse_days(text: str, event_days: Sequence[date] = ()) -> frozenset[date] | str:
    """The dates a days cell lists, or a short reason why it cannot be read.

    Understood: ``2026-09-28``; ``28.09.2026`` / ``28/09/2026`` / ``28.09`` (year from the event);
    ``Day 1`` / ``Ден 1`` / ``Ziua 1`` / ``D1`` / ``1`` (the first event day); weekday names in
    English, Bulgarian and Romanian; ranges ``28.09.2026 - 30.09.2026``; lists separated by
    ``;`` ``,`` ``|`` ``+`` "and"; the month written once after the last day ("28 и 29
    септември", "28–29.09.2026"); bilingual answers ("… / …"); and "all days" words (→ empty
    set: every day). With
    ``event_days`` every date must be one of them.
    """
    if header_key(text) in ALL_DAYS_VALUES:
        return frozenset()
    text = _expand_day_lists(text)
    halves = _BILINGUAL_VALUE.split(text)
    if len(halves) > 1:
        # "28 септември / 28 septembrie", "Двата дни / Ambele zile": the same answer twice.
        readings = [parse_days(h, event_days) for h in halves if h.strip()]
        if readings and all(r == readings[0] for r in readings):
            return readings[0]
        if not _DAY_SEPARATORS.search(text):
            failed = [r for r in readings if isinstance(r, str)]
            if failed:
                return failed[0]
            return f"the two halves of '{text}' name different days"
        # Else several checkbox answers, each bilingual: "28 … / 28 …, 29 … / 29 …" (below).
    text = _expand_month_ranges(_YEAR_COMMA.sub(r"\1 \2", text))
    found: set[date] = set()
    for part in _DAY_SEPARATORS.split(text):
        part = part.strip()
        if not part:
            continue
        if _BILINGUAL_VALUE.search(part):
            # One checkbox answer of a bilingual form: "28 септември / 28 septembrie, 29 …".
            one_answer = parse_days(part, event_days)
            if isinstance(one_answer, str):
                return one_answer
            if not one_answer:
                return frozenset()  # "Двата дни / Ambele zile" among the answers
            found.update(one_answer)
            continue
        ends = [p.strip() for p in _RANGE.split(part)]
        if len(ends) == 2 and all(ends):
            start, stop = _one_day(ends[0], event_days), _one_day(ends[1], event_days)
            if isinstance(start, str):
                return start
            if isinstance(stop, str):
                return stop
            if stop < start or (stop - start).days > 366:
                return f"'{part}' is not a valid range of days"
            day = start
            while day <= stop:
                found.add(day)
                day += timedelta(days=1)
            continue
        one = _one_day(part, event_days)
        if isinstance(one, str):
            return one
        found.add(one)
    if not found:
        return "no day in it"
    if event_days:
        allowed = set(event_days)
        outside = sorted(d for d in found if d not in allowed)
        if outside:
            return f"{outside[0]:%d.%m.%Y} is not a day of the event"
    return frozenset(found)


def _expand_day_lists(text: str) -> str:
    """ "28 и 29 септември" -> "28 септември и 29 септември"; "28–29.09.2026" ->
    "28.09.2026–29.09.2026": each day number gets the month (and year) written once after the
    last one."""

    def named(match: re.Match[str]) -> str:
        month = match[3]
        if header_key(month.split()[0]) not in MONTHS:
            return match[0]
        return _LIST_NUMBER.sub(lambda n: f"{n[0]} {month}", match[1] + match[2])

    def numeric(match: re.Match[str]) -> str:
        tail = match[3].rstrip(".") if match[3].count(".") > 1 else match[3]
        listed = _LIST_NUMBER.sub(lambda n: n[0] + tail, match[1] + match[2])
        return re.sub(r"\s*[-–—]\s*", " - ", listed)  # a range, as _RANGE reads it

    return _DAY_LIST_NUMERIC.sub(numeric, _DAY_LIST_MONTH.sub(named, text))


def _expand_month_ranges(text: str) -> str:
    """ "28–29 септември" -> "28 септември - 29 септември", so each end is a date."""
    return _DAY_RANGE_MONTH.sub(r"\1 \3 - \2 \3", text)


def _month_day(text: str, event_days: Sequence[date]) -> date | str | None:
    """A date written with a month name ("28 септември", "28 septembrie 2026", "September 28",
    "Monday, 28 September", "28-Sep"), or None if the text has no month name."""
    words = header_key(text.replace("-", " ")).split()
    while words and words[0] in WEEKDAYS:
        words = words[1:]  # "понеделник 28 септември": the date says more than the weekday
    if words and words[-1] in ("г", "year", "anul"):
        words = words[:-1]
    month = day = year = None
    for word in words:
        number = word.removesuffix("th").removesuffix("st").removesuffix("nd").removesuffix("rd")
        if word in MONTHS and month is None:
            month = MONTHS[word]
        elif number.isdigit() and len(number) <= 2 and day is None:
            day = int(number)
        elif word.isdigit() and len(word) == 4 and year is None:
            year = int(word)
        else:
            return None
    if month is None or day is None:
        return None
    if year is None:
        for event_day in event_days:
            if (event_day.day, event_day.month) == (day, month):
                return event_day
        if not event_days:
            return f"'{text}' has no year and the event's days are not set up"
        return f"'{text}' is not a day of the event"
    return _make_date(year, month, day, text)


def _one_day(text: str, event_days: Sequence[date]) -> date | str:
    text = _YEAR_SUFFIX.sub("", text)
    match = _ISO.fullmatch(text)
    if match:
        return _make_date(int(match[1]), int(match[2]), int(match[3]), text)
    match = _DMY.fullmatch(text)
    if match:
        return _day_month(match, event_days, text)
    named = _month_day(text, event_days)
    if named is not None:
        return named
    key = header_key(text)
    if key in WEEKDAYS:
        matching = [d for d in event_days if d.weekday() == WEEKDAYS[key]]
        if len(matching) == 1:
            return matching[0]
        return f"'{text}' does not name exactly one day of the event"
    match = _DAY_NUMBER.fullmatch(key.replace(" ", ""))
    if match and (not match[1] or match[1] in DAY_WORDS):
        number = int(match[2])
        if not event_days:
            return f"'{text}' needs the event's days to be set up first"
        if 1 <= number <= len(event_days):
            return event_days[number - 1]
        return f"the event has no day {number}"
    return f"'{text}' is not a date or a day number"


def _day_month(match: re.Match[str], event_days: Sequence[date], text: str) -> date | str:
    first, separator, second, year_text = int(match[1]), match[2], int(match[3]), match[4]
    readings = [(first, second)]  # (day, month): the European order, as people here write
    if separator == "/" and first != second:
        # Maybe US month/day: used when day/month is impossible or only it is an event day.
        readings.append((second, first))
    if not year_text:
        if not event_days:
            return f"'{text}' has no year and the event's days are not set up"
        for day, month in readings:
            for event_day in event_days:
                if (event_day.day, event_day.month) == (day, month):
                    return event_day
        return f"'{text}' is not a day of the event"
    year = int(year_text)
    if year < 100:
        year += 2000
    dates = [d for dd, m in readings if isinstance(d := _make_date(year, m, dd, text), date)]
    if not dates:
        return f"'{text}' is not a valid date"
    for candidate in dates:
        if candidate in event_days:
            return candidate
    return dates[0]  # parse_days reports it if it is not an event day


def _make_date(year: int, month: int, day: int, text: str) -> date | str:
    try:
        return date(year, month, day)
    except ValueError:
        return f"'{text}' is not a valid date"
