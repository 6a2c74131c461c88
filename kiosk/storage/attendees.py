"""Attendees: lookup by ticket code, writes that keep the search index in step, details."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import chain, repeat
from typing import Any, TypeVar

from kiosk.core import codes
from kiosk.core.model import Attendee, AttendeeStatus, Registration
from kiosk.core.text import all_clean, clean, index_loose_keys, index_tokens, sort_key, words
from kiosk.storage.database import Database, indexes_rebuilt_after

_T = TypeVar("_T")

# Search fields, in ranking order: a match on the name beats one on the organisation.
FIELD_NAME, FIELD_ORG, FIELD_EMAIL = 0, 1, 2
#: Added to a field's number for its loose keys (kiosk.core.text.loose_keys): name 4, org 5.
LOOSE = 4

#: Columns a caller may set on an attendee (besides code and status).
DETAIL_COLUMNS = (
    "first_name",
    "last_name",
    "organization",
    "country",
    "email",
    "phone",
    "category",
    "language",
)


@dataclass(frozen=True, slots=True)
class AttendeeRecord:
    """Everything stored about one attendee, for details screens and exports."""

    attendee: Attendee
    external_id: str
    language: str
    origin: str
    raw: dict[str, str]
    created_at: str
    updated_at: str


def from_row(row: sqlite3.Row) -> Attendee:
    return Attendee(
        id=row["id"],
        uid=row["uid"],
        code=row["code"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        organization=row["organization"],
        country=row["country"],
        category=row["category"],
        email=row["email"],
        phone=row["phone"],
        status=AttendeeStatus(row["status"]),
        days=frozenset(date.fromisoformat(d) for d in json.loads(row["days"])),
        note=row["note"],
        attention=bool(row["attention"]),
        pending=bool(row["pending"]),
        blocked=bool(row["blocked"]),
    )


# The columns an :class:`Attendee` has, in the order attendee_from_tuple reads them.
CHECKIN_COLUMNS = (
    "id, uid, code, first_name, last_name, organization, country, category, email, phone, "
    "status, days, note, attention, pending, blocked"
)
#: How many columns :data:`CHECKIN_COLUMNS` names.
CHECKIN_WIDTH = CHECKIN_COLUMNS.count(",") + 1


def find_by_code(conn: sqlite3.Connection, scanned: str) -> Attendee | None:
    """The attendee a scanned code belongs to: exact match, then case-insensitive, then our
    code format with the usual confusions (O/0, I/L/1) forgiven.

    On the check-in path: plain tuples of only the columns an :class:`Attendee` has.
    """
    columns = "SELECT " + CHECKIN_COLUMNS + " FROM attendee "
    row = conn.execute(columns + "WHERE code = ?", (scanned,)).fetchone()
    if row is None:
        upper = scanned.upper()
        row = conn.execute(
            columns + "WHERE code_upper = ? ORDER BY id LIMIT 1", (upper,)
        ).fetchone()
        if row is None:
            ours = codes.canonical(scanned)
            if ours is not None and ours != upper:
                row = conn.execute(columns + "WHERE code = ?", (ours,)).fetchone()
    return attendee_from_tuple(row) if row is not None else None


def attendee_from_tuple(row: Sequence[Any]) -> Attendee:
    """An attendee from a row of :data:`CHECKIN_COLUMNS` (a tuple in their order)."""
    status, days = row[10], row[11]
    return Attendee(
        id=row[0],
        uid=row[1],
        code=row[2],
        first_name=row[3],
        last_name=row[4],
        organization=row[5],
        country=row[6],
        category=row[7],
        email=row[8],
        phone=row[9],
        status=AttendeeStatus.ACTIVE if status == "active" else AttendeeStatus(status),
        days=_days(days),
        note=row[12],
        attention=bool(row[13]),
        pending=bool(row[14]),
        blocked=bool(row[15]),
    )


@lru_cache(maxsize=256)
def _days(text: str) -> frozenset[date]:
    """The days column, parsed once per distinct value (most people share a handful)."""
    return frozenset(date.fromisoformat(d) for d in json.loads(text))


def get(db: Database, attendee_id: int) -> Attendee | None:
    rows = db.query("SELECT * FROM attendee WHERE id = ?", (attendee_id,))
    return from_row(rows[0]) if rows else None


def by_uid(db: Database, uid: str) -> Attendee | None:
    rows = db.query("SELECT * FROM attendee WHERE uid = ?", (uid,))
    return from_row(rows[0]) if rows else None


def record(db: Database, attendee_id: int) -> AttendeeRecord | None:
    rows = db.query("SELECT * FROM attendee WHERE id = ?", (attendee_id,))
    if not rows:
        return None
    r = rows[0]
    return AttendeeRecord(
        from_row(r),
        r["external_id"] or "",
        r["language"],
        r["origin"],
        json.loads(r["raw"]),
        r["created_at"],
        r["updated_at"],
    )


def all_codes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT code FROM attendee")}


def count(db: Database, status: AttendeeStatus | None = None) -> int:
    if status is None:
        return int(db.query("SELECT count(*) FROM attendee")[0][0])
    return int(db.query("SELECT count(*) FROM attendee WHERE status = ?", (status.value,))[0][0])


def _terms(values: dict[str, str]) -> set[tuple[str, int]]:
    """The (word, field) pairs under which a person is found."""
    name = f"{values.get('first_name', '')} {values.get('last_name', '')}"
    organization = values.get("organization", "")
    terms = {(t, FIELD_NAME) for t in index_tokens([name])}
    terms |= {(t, FIELD_NAME + LOOSE) for t in index_loose_keys([name])}
    terms |= {(t, FIELD_ORG) for t in index_tokens([organization])}
    terms |= {(t, FIELD_ORG + LOOSE) for t in index_loose_keys([organization])}
    terms |= {(t, FIELD_EMAIL) for t in words(values.get("email", ""))}
    return terms


def _blob(ids: Iterable[int]) -> bytes:
    """Ids as stored in ``search_term.ids``: 4-byte integers, native order."""
    return ids.tobytes() if isinstance(ids, array) else array("i", ids).tobytes()


def _add_postings(
    conn: sqlite3.Connection, postings: Mapping[tuple[str, int], Iterable[int]]
) -> None:
    if not postings:
        return
    if conn.execute("SELECT 1 FROM search_term LIMIT 1").fetchone() is None:
        # Bulk load into an empty index: sorted, so the B-tree is appended to.
        conn.executemany(
            "INSERT INTO search_term (term, field, ids) VALUES (?, ?, ?)",
            ((t, f, _blob(ids)) for (t, f), ids in sorted(postings.items())),
        )
        return
    for (term, field_no), ids in postings.items():
        row = conn.execute(
            "SELECT ids FROM search_term WHERE term = ? AND field = ?", (term, field_no)
        ).fetchone()
        merged = array("i")
        if row is not None:
            merged.frombytes(row[0])
        merged.extend(ids)
        conn.execute(
            "INSERT OR REPLACE INTO search_term (term, field, ids) VALUES (?, ?, ?)",
            (term, field_no, merged.tobytes()),
        )


def _remove_postings(
    conn: sqlite3.Connection, attendee_id: int, terms: set[tuple[str, int]]
) -> None:
    for term, field_no in terms:
        row = conn.execute(
            "SELECT ids FROM search_term WHERE term = ? AND field = ?", (term, field_no)
        ).fetchone()
        if row is None:
            continue
        ids = array("i")
        ids.frombytes(row[0])
        kept = array("i", (i for i in ids if i != attendee_id))
        if kept:
            conn.execute(
                "UPDATE search_term SET ids = ? WHERE term = ? AND field = ?",
                (kept.tobytes(), term, field_no),
            )
        else:
            conn.execute("DELETE FROM search_term WHERE term = ? AND field = ?", (term, field_no))


@dataclass(frozen=True, slots=True)
class NewAttendee:
    """An attendee to insert; text fields are cleaned on the way in."""

    code: str
    first_name: str
    last_name: str
    organization: str = ""
    country: str = ""
    email: str = ""
    phone: str = ""
    category: str = ""
    language: str = ""
    external_id: str = ""
    status: AttendeeStatus = AttendeeStatus.ACTIVE
    days: frozenset[date] = frozenset()
    origin: str = "import"
    source: str = ""
    raw: dict[str, str] = field(default_factory=dict)
    uid: str = ""

    @classmethod
    def from_registration(
        cls, reg: Registration, code: str, *, origin: str = "import", source: str = ""
    ) -> NewAttendee:
        """The attendee to insert for a row read from a registration file."""
        return cls(
            code=code,
            **{c: getattr(reg, c) for c in DETAIL_COLUMNS},
            external_id=reg.external_id,
            status=AttendeeStatus.CANCELLED if reg.cancelled else AttendeeStatus.ACTIVE,
            days=reg.days,
            origin=origin,
            source=source,
            raw=reg.raw,
        )


#: What an import stores of a person besides the code (and what the roster carries of it).
IMPORTED_COLUMNS = ("external_id", *DETAIL_COLUMNS, "status", "days", "origin", "source", "raw")

_INSERT_COLUMNS = (
    "id",
    "uid",
    "code",
    "code_upper",
    *IMPORTED_COLUMNS,
    "sort_key",
    "created_at",
    "updated_at",
)


def days_json(days: Iterable[date]) -> str:
    listed = sorted(d.isoformat() for d in days)
    return json.dumps(listed) if listed else "[]"


def new_uid() -> str:
    """A random (version 4) UUID as text; several times cheaper than ``str(uuid.uuid4())``."""
    n = int.from_bytes(os.urandom(16), "big") & _UUID_CLEAR | _UUID_SET
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def new_uids(count: int) -> list[str]:
    """``count`` of :func:`new_uid`, from one request for random bytes."""
    data = bytearray(os.urandom(16 * count))
    # The version (4) in the high nibble of byte 6, the variant (10) in the top bits of byte 8.
    data[6::16] = data[6::16].translate(_UUID_VERSION)
    data[8::16] = data[8::16].translate(_UUID_VARIANT)
    if not count:
        return []
    # Hex in groups of four digits, 40 characters a uid ("xxxx-" eight times): the dashes
    # inside the first, sixth and seventh groups of "8-4-4-4-12" are marked and deleted, and the
    # one between two uids becomes a line break to split at.
    text = bytearray(data.hex("-", 2).encode("ascii") + b"-")
    text[4::40] = text[29::40] = text[34::40] = b"x" * count
    text[39::40] = b"\n" * count
    return text[:-1].translate(None, b"x").decode("ascii").split("\n")


_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)
_UUID_VERSION = bytes(b & 0x0F | 0x40 for b in range(256))
_UUID_VARIANT = bytes(b & 0x3F | 0x80 for b in range(256))
_to_json = json.JSONEncoder(ensure_ascii=False).encode


class _Memo(dict[str, _T]):
    """A per-call cache of a function of one string: names, organisations and countries repeat
    across thousands of people, so each distinct value is cleaned and tokenised once."""

    def __init__(self, function: Callable[[str], _T]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: str) -> _T:
        value = self[key] = self.function(key)
        return value


def _tokens(value: str) -> frozenset[tuple[str, int]]:
    """A value's terms, each with what to add to the field's number (0, or LOOSE)."""
    return frozenset([(t, 0) for t in index_tokens([value])] +
                     [(t, LOOSE) for t in index_loose_keys([value])])  # fmt: skip


#: From this many people into an empty event, the secondary indexes are built after the rows.
_BULK_ROWS = 2000


@dataclass(slots=True)
class NewAttendees:
    """Many attendees to insert, one list per column (every list as long as ``codes``).

    The column-wise form of a list of :class:`NewAttendee` (see :func:`insert_many`), for bulk
    imports that already hold their data by column. Text fields are cleaned on the way in
    (:func:`clean_column`), unless ``clean`` says they were.
    """

    codes: list[str]
    #: :data:`DETAIL_COLUMNS` -> values.
    details: dict[str, list[str]]
    external_ids: list[str]
    cancelled: list[bool]
    days: list[frozenset[date]]
    #: The source rows as JSON text (see :func:`raw_json`).
    raw: list[str]
    origins: list[str]
    sources: list[str]
    #: "" for a new uid.
    uids: list[str]
    #: The text fields were made by :func:`clean_column` already (an import cleans them for its
    #: own checks): stored as they are, not cleaned a second time.
    clean: bool = False


def raw_json(raw: dict[str, str]) -> str:
    """A source row as stored in ``attendee.raw``."""
    return _to_json(raw)


def insert_many(conn: sqlite3.Connection, people: Sequence[NewAttendee], now: str) -> list[int]:
    """Insert attendees inside the caller's transaction and index them for search."""
    return insert_columns(
        conn,
        NewAttendees(
            codes=[p.code for p in people],
            details={c: [getattr(p, c) for p in people] for c in DETAIL_COLUMNS},
            external_ids=[p.external_id for p in people],
            cancelled=[p.status is AttendeeStatus.CANCELLED for p in people],
            days=[p.days for p in people],
            raw=[_to_json(p.raw) for p in people],
            origins=[p.origin for p in people],
            sources=[p.source for p in people],
            uids=[p.uid for p in people],
        ),
        now,
    )


def clean_column(values: list[str], cache: dict[str, str] | None = None) -> list[str]:
    """:func:`kiosk.core.text.clean` of every value of one text column: the one cleaning of
    the text fields, done where they are stored (:func:`insert_columns`, :func:`update`). An
    import cleans the columns of each batch with it before its own checks and stores what it
    checked as it is (``NewAttendees.clean``), so each value is cleaned once.

    A column that is clean already is recognised in a few passes over it
    (:func:`kiosk.core.text.all_clean`). Printable ASCII without leading, trailing or double
    spaces is exactly what ``clean`` returns unchanged; recognising that inline is far cheaper
    than normalising a million cells. Other values are cleaned once per distinct value
    (``cache``, which a caller may keep from one batch of rows to the next: names, countries
    and ticket types repeat across a whole file).
    """
    distinct = set(values)
    repeated = len(distinct) * 4 <= len(values)
    if all_clean(distinct if repeated else values):
        return values
    if cache is None:
        cache = {}
    elif len(cache) > CLEAN_CACHE_LIMIT:
        cache.clear()
    if repeated:
        for v in distinct - cache.keys():
            cache[v] = clean(v)
        return list(map(cache.__getitem__, values))
    found = cache.get
    result = []
    for v in values:
        if v.isascii() and v.isprintable() and "  " not in v and v[:1] != " " and v[-1:] != " ":
            result.append(v)
            continue
        text = found(v)
        if text is None:
            text = cache[v] = clean(v)
        result.append(text)
    return result


#: Distinct values a column's cleaning cache keeps between batches (see clean_column).
CLEAN_CACHE_LIMIT = 20_000


#: ``words`` of clean ASCII text: its fold is just the lower-case text (see kiosk.core.text).
_ASCII_WORD = re.compile(r"[0-9a-z]+")


def insert_columns(
    conn: sqlite3.Connection,
    people: NewAttendees,
    now: str,
    *,
    postings: SearchPostings | None = None,
) -> list[int]:
    """Insert attendees given by column inside the caller's transaction and index them for
    search (or, for a batch of a bulk import, add their entries to ``postings``, written after
    the last batch); returns their ids (in order)."""
    count = len(people.codes)
    start = conn.execute("SELECT coalesce(max(id), 0) FROM attendee").fetchone()[0]
    ids = list(range(start + 1, start + 1 + count))
    details = [
        people.details[c] if people.clean else clean_column(people.details[c])
        for c in DETAIL_COLUMNS
    ]
    first, last, organization, email = details[0], details[1], details[2], details[4]
    uids = people.uids
    missing = [i for i, uid in enumerate(uids) if not uid]
    if missing:
        uids = list(uids)
        # Ascending, so the unique index on uid is appended to rather than split at random.
        for i, uid in zip(missing, sorted(new_uids(len(missing))), strict=True):
            uids[i] = uid
    # A bulk import's batches share the sort keys of the names they repeat.
    sort_word: _Memo[str] = _Memo(sort_key) if postings is None else postings.sort_words
    sort_keys = [
        (sort_word[lw] + " " + sort_word[fw] if fw else sort_word[lw])
        if lw
        else (sort_word[fw] if fw else "")
        for lw, fw in zip(last, first, strict=True)
    ]
    day_sets: dict[frozenset[date], str] = {}
    days = [day_sets.get(d) or day_sets.setdefault(d, days_json(d)) for d in people.days]
    rows = zip(
        ids,
        uids,
        people.codes,
        [c.upper() for c in people.codes],
        [e or None for e in people.external_ids],
        *details,
        ["cancelled" if c else "active" for c in people.cancelled],
        days,
        people.origins,
        people.sources,
        people.raw,
        sort_keys,
        repeat(now, count),
        repeat(now, count),
        strict=True,
    )
    with indexes_rebuilt_after(conn, "attendee", bulk=start == 0 and count >= _BULK_ROWS):
        conn.executemany(
            f"INSERT INTO attendee ({', '.join(_INSERT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})",
            rows,
        )
    if postings is None:
        _index_people(conn, ids, first, last, organization, email)
    else:
        postings.add(ids, first, last, organization, email)
    return ids


def _index_people(
    conn: sqlite3.Connection,
    ids: list[int],
    first: list[str],
    last: list[str],
    organization: list[str],
    email: list[str],
) -> None:
    """Add people (ids ascending, not yet indexed) to the search index."""
    _add_postings(conn, _postings(ids, first, last, organization, email, _Memo(_tokens)))


def _postings(
    ids: list[int],
    first: list[str],
    last: list[str],
    organization: list[str],
    email: list[str],
    tokens: _Memo[frozenset[tuple[str, int]]],
) -> dict[tuple[str, int], list[int]]:
    """The search-index entries of these people (ids ascending): (term, field) -> ids."""
    # People are grouped by each distinct first name, last name and organisation; the groups'
    # words are indexed once each, not once per person.
    postings: dict[tuple[str, int], list[int]] = {}
    # Keys whose ids come from more than one group: only those need sorting and deduplicating.
    merged: set[tuple[str, int]] = set()
    for field_no, column in ((FIELD_NAME, first), (FIELD_NAME, last), (FIELD_ORG, organization)):
        groups: defaultdict[str, list[int]] = defaultdict(list)
        for attendee_id, value in zip(ids, column, strict=True):
            groups[value].append(attendee_id)
        for value, members in groups.items():
            for term, offset in tokens[value]:
                key = (term, field_no + offset)
                earlier = postings.get(key)
                if earlier is None:
                    postings[key] = members  # shared until merged: never changed in place
                elif key in merged:
                    earlier.extend(members)
                else:
                    postings[key] = earlier + members
                    merged.add(key)
    mails = _mail_postings(ids, email)
    postings.update(((term, FIELD_EMAIL), found) for term, found in mails.items())
    # Ascending ids, each once (a word may be in both the first and the last name). A single
    # group's ids, and each e-mail word's, are ascending and distinct already.
    for key in merged:
        postings[key] = sorted(set(postings[key]))
    return postings


def _mail_postings(ids: list[int], email: list[str]) -> dict[str, list[int]]:
    """The words of these people's e-mail addresses -> their ids (ascending, each once)."""
    mails: defaultdict[str, list[int]] = defaultdict(list)
    for attendee_id, address in zip(ids, email, strict=True):
        if address:
            found = _ASCII_WORD.findall(address.lower()) if address.isascii() else words(address)
            for term in set(found):
                mails[term].append(attendee_id)
    return mails


class SearchPostings:
    """The search-index entries of people added in batches by one bulk import, written once at
    the end (:meth:`write`), so that the index of an empty event is loaded in one sorted pass.
    Batches come in ascending id order.

    Between batches only who has each distinct first name, last name and organisation is kept
    (4 bytes an id), and each e-mail word's people: the words of a name are found once for the
    whole file when the index is written, not once per batch it occurs in. The entries are
    exactly :func:`_postings`' (a test compares them with the row-by-row path)."""

    #: Distinct names whose sort keys are remembered between batches (bounded memory).
    SORT_MEMO_LIMIT = 20_000

    def __init__(self) -> None:
        #: The sort key of each name seen (see insert_columns), kept from batch to batch.
        self.sort_words: _Memo[str] = _Memo(sort_key)
        #: first names, last names, organisations: value -> ids, ascending.
        self._groups: tuple[dict[str, array[int]], ...] = ({}, {}, {})
        self._mails: dict[str, array[int]] = {}

    def add(
        self,
        ids: list[int],
        first: list[str],
        last: list[str],
        organization: list[str],
        email: list[str],
    ) -> None:
        for groups, column in zip(self._groups, (first, last, organization), strict=True):
            batch: defaultdict[str, list[int]] = defaultdict(list)
            for attendee_id, value in zip(ids, column, strict=True):
                batch[value].append(attendee_id)
            for value, members in batch.items():
                earlier = groups.get(value)
                if earlier is None:
                    groups[value] = array("i", members)
                else:
                    earlier.extend(members)
        if len(self.sort_words) > self.SORT_MEMO_LIMIT:
            self.sort_words.clear()
        mails = self._mails
        for term, members in _mail_postings(ids, email).items():
            earlier = mails.get(term)
            if earlier is None:
                mails[term] = array("i", members)
            else:
                earlier.extend(members)

    def write(self, conn: sqlite3.Connection) -> None:
        """Add every batch's entries to the index (inside the caller's transaction)."""
        parts: dict[tuple[str, int], list[array[int]]] = {}
        fields = (FIELD_NAME, FIELD_NAME, FIELD_ORG)
        for field_no, groups in zip(fields, self._groups, strict=True):
            for value, members in groups.items():
                for term, offset in _tokens(value):
                    key = (term, field_no + offset)
                    found = parts.get(key)
                    if found is None:
                        parts[key] = [members]
                    else:
                        found.append(members)
        postings: dict[tuple[str, int], Iterable[int]] = {
            # One group's ids are ascending and distinct already; several groups' are merged
            # (a word may be in both the first and the last name of one person).
            key: found[0]
            if len(found) == 1
            else array("i", sorted(set(chain.from_iterable(found))))
            for key, found in parts.items()
        }
        postings.update(((term, FIELD_EMAIL), ids) for term, ids in self._mails.items())
        self._groups, self._mails = ({}, {}, {}), {}
        _add_postings(conn, postings)


#: The version of the search index's words and keys (kiosk.core.text): raised whenever they
#: change, so that a file indexed by an older Kiosk is indexed again when it is opened.
SEARCH_INDEX_VERSION = 3


def search_index_outdated(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT version FROM search_index WHERE id = 1").fetchone()
    return row is None or int(row[0]) < SEARCH_INDEX_VERSION


def rebuild_search_index(conn: sqlite3.Connection) -> None:
    """Index every attendee again (inside the caller's transaction) and record the version."""
    conn.execute("DELETE FROM search_term")
    rows = conn.execute(
        "SELECT id, first_name, last_name, organization, email FROM attendee ORDER BY id"
    ).fetchall()
    if rows:
        ids, first, last, organization, email = (list(c) for c in zip(*rows, strict=True))
        _index_people(conn, ids, first, last, organization, email)
    conn.execute(
        "INSERT INTO search_index (id, version) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET version = excluded.version",
        (SEARCH_INDEX_VERSION,),
    )


def update(
    conn: sqlite3.Connection,
    attendee_id: int,
    changes: dict[str, object],
    now: str,
    *,
    cleaned: bool = False,
) -> None:
    """Change some columns of one attendee (inside the caller's transaction); reindex it.

    ``changes`` maps column names to stored values (``days`` as :func:`days_json` text); text
    fields are cleaned on the way in (:func:`kiosk.core.text.clean`), as on insert, unless
    ``cleaned`` says they were (an import's, by :func:`clean_column`).
    """
    if not changes:
        return
    sets = {c: clean(v) if c in DETAIL_COLUMNS and not cleaned else v for c, v in changes.items()}
    if "raw" in sets:
        sets["raw"] = json.dumps(sets["raw"], ensure_ascii=False)
    if "code" in sets:
        sets["code_upper"] = str(sets["code"]).upper()
    sets["updated_at"] = now
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    before = cur.execute("SELECT * FROM attendee WHERE id = ?", (attendee_id,)).fetchone()
    old_terms = _terms({c: before[c] for c in DETAIL_COLUMNS})
    assignments = ", ".join(f"{column} = ?" for column in sets)
    conn.execute(f"UPDATE attendee SET {assignments} WHERE id = ?", (*sets.values(), attendee_id))
    row = cur.execute("SELECT * FROM attendee WHERE id = ?", (attendee_id,)).fetchone()
    values = {c: row[c] for c in DETAIL_COLUMNS}
    conn.execute(
        "UPDATE attendee SET sort_key = ? WHERE id = ?",
        (sort_key(f"{values['last_name']} {values['first_name']}"), attendee_id),
    )
    new_terms = _terms(values)
    _remove_postings(conn, attendee_id, old_terms - new_terms)
    _add_postings(conn, {t: [attendee_id] for t in new_terms - old_terms})
