"""The PostgreSQL hub's statements: its schema, its migrations, and every read and write a kiosk
makes there. :mod:`kiosk.sync.hub` (the sync round), :mod:`kiosk.sync.guard` (the live "admitted
elsewhere?") and :mod:`kiosk.sync.address` (trying an address) speak the protocol — what to
send, in which order, what a cursor means — and call these functions for the SQL.

The calling convention is the SQLite side's "step" (docs/design.md, "Calling storage"): every
function takes the hub connection as its first parameter, opened by the caller in autocommit
mode with the hub schema on its search path (:func:`use_schema`). A function that must be
atomic opens its own transaction (``conn.transaction()``, a savepoint when the caller holds one);
the others are one statement. Errors: the driver's ``psycopg.Error`` goes up unchanged, and the
caller words it for staff as a :class:`HubError` ("Sync with the hub at … stopped: … — the kiosk
works on and catches up at the next sync"; the guard logs it and lets the kiosk decide alone);
what staff can act on at this level is raised here as a :class:`HubError` already (a hub set up
by a newer Kiosk).

Scans are keyed by ``scan_id`` at the hub (``INSERT … ON CONFLICT DO NOTHING``), pushes of one
event are serialised by a transaction advisory lock so ``server_seq`` values become visible in
order, and several events share one schema (``kiosk_hub`` by default), created and migrated by
the kiosks (``hub_version``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from kiosk.storage import meetings as meeting_store
from kiosk.storage import replica

DEFAULT_SCHEMA = replica.DEFAULT_HUB_SCHEMA

#: Hub schema migrations, numbered like the kiosk's own; hub_version records the last applied.
HUB_MIGRATIONS: list[str] = [
    # 1: events, kiosks, the scan log and the roster.
    """
    CREATE TABLE hub_event (
        event_uid text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE hub_kiosk (
        event_uid text NOT NULL,
        kiosk_id text NOT NULL,
        name text NOT NULL,
        last_seen timestamptz,
        clock_offset_ms bigint,
        PRIMARY KEY (event_uid, kiosk_id)
    );
    CREATE TABLE hub_scan (
        scan_id text PRIMARY KEY,
        event_uid text NOT NULL,
        kiosk_id text NOT NULL,
        kiosk_seq bigint NOT NULL,
        at text NOT NULL,
        hlc text NOT NULL,
        list_id integer NOT NULL,
        attendee_uid text,
        raw_code text NOT NULL,
        kind text NOT NULL,
        ref_scan_id text,
        outcome text NOT NULL,
        reason text NOT NULL,
        hint text,
        manual smallint NOT NULL,
        operator text NOT NULL,
        server_seq bigserial NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_uid, kiosk_id, kiosk_seq)
    );
    CREATE INDEX hub_scan_pull ON hub_scan (event_uid, server_seq);
    CREATE INDEX hub_scan_person ON hub_scan (event_uid, attendee_uid, list_id)
        WHERE attendee_uid IS NOT NULL;
    CREATE SEQUENCE hub_roster_seq;
    CREATE TABLE hub_attendee (
        event_uid text NOT NULL,
        uid text NOT NULL,
        updated_at text NOT NULL,
        digest text NOT NULL,
        row_json jsonb NOT NULL,
        server_seq bigint NOT NULL DEFAULT nextval('hub_roster_seq'),
        PRIMARY KEY (event_uid, uid)
    );
    CREATE INDEX hub_attendee_pull ON hub_attendee (event_uid, server_seq);
    """,
    # 2: the newest signed revocation list of each event (kiosk.sync.revocations).
    """
    CREATE TABLE hub_revocation (
        event_uid text PRIMARY KEY,
        serial bigint NOT NULL,
        document text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
    );
    """,
    # 3: B2B meetings and their held marks (kiosk.sync.meetings).
    """
    CREATE TABLE hub_meeting (
        event_uid text NOT NULL,
        uid text NOT NULL,
        updated_at text NOT NULL,
        digest text NOT NULL,
        row_json jsonb NOT NULL,
        PRIMARY KEY (event_uid, uid)
    );
    CREATE TABLE hub_meeting_mark (
        event_uid text NOT NULL,
        mark_id text NOT NULL,
        row_json jsonb NOT NULL,
        PRIMARY KEY (event_uid, mark_id)
    );
    """,
    # 4: how each check-in was made and a forced admission's reason (kiosk schema 14), and
    # the check-in lists made at kiosks (kiosk lists add), merged by their last change.
    """
    ALTER TABLE hub_scan ADD COLUMN method text NOT NULL DEFAULT '';
    ALTER TABLE hub_scan ADD COLUMN note text NOT NULL DEFAULT '';
    CREATE TABLE hub_checkin_list (
        event_uid text NOT NULL,
        id integer NOT NULL,
        updated_at text NOT NULL,
        row_json jsonb NOT NULL,
        PRIMARY KEY (event_uid, id)
    );
    """,
]
HUB_VERSION = len(HUB_MIGRATIONS)

_SCANS = sql.SQL(", ").join(map(sql.Identifier, replica.SCAN_COLUMNS))

Conn = psycopg.Connection[Any]
Row = tuple[Any, ...]


class HubError(Exception):
    """The hub could not be reached or refused the work; the kiosk carries on alone."""


# -- the schema ---------------------------------------------------------------------------------


def ensure_schema(conn: Conn, schema: str = DEFAULT_SCHEMA) -> None:
    """Create or migrate the hub schema (several kiosks may race: an advisory lock orders them)."""
    ident = sql.Identifier(schema)
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('kiosk_hub_schema'))")
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(ident))
        conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(ident))
        conn.execute("CREATE TABLE IF NOT EXISTS hub_version (version integer NOT NULL)")
        row = conn.execute("SELECT max(version) FROM hub_version").fetchone()
        version = int(row[0]) if row and row[0] is not None else 0
        if version > HUB_VERSION:
            raise HubError(
                f"The hub was set up by a newer Kiosk (hub schema {version}, this one knows "
                f"{HUB_VERSION}) — update Kiosk on this machine."
            )
        for number, script in enumerate(HUB_MIGRATIONS[version:], start=version + 1):
            conn.execute(script.encode())  # our own constant DDL
            conn.execute("INSERT INTO hub_version (version) VALUES (%s)", (number,))


def use_schema(conn: Conn, schema: str) -> None:
    """Put the hub schema on this connection's search path (after :func:`ensure_schema`)."""
    conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))


def limit_statements(conn: Conn, milliseconds: int) -> None:
    """Let the server cancel any statement of this connection that runs longer."""
    conn.execute(sql.SQL("SET statement_timeout = {}").format(sql.Literal(milliseconds)))


def ping(conn: Conn) -> None:
    """One round trip (``SELECT 1``): the server answers queries, not only connections."""
    conn.execute("SELECT 1")


# -- events, kiosks and lists --------------------------------------------------------------------


def register(
    conn: Conn,
    event_uid: str,
    event_name: str,
    kiosk_id: str,
    kiosk_name: str,
    now_ms: int,
    known_kiosks: Sequence[tuple[str, str]],
) -> None:
    """Make the event and this kiosk known at the hub (last seen now, with the offset of this
    machine's clock from the hub's), and every kiosk this one knows of, by name."""
    with conn.transaction():
        conn.execute(
            "INSERT INTO hub_event (event_uid, name) VALUES (%s, %s) "
            "ON CONFLICT (event_uid) DO NOTHING",
            (event_uid, event_name),
        )
        conn.execute(
            "INSERT INTO hub_kiosk (event_uid, kiosk_id, name, last_seen, clock_offset_ms) "
            "VALUES (%s, %s, %s, now(), "
            "(extract(epoch FROM clock_timestamp()) * 1000)::bigint - %s) "
            "ON CONFLICT (event_uid, kiosk_id) DO UPDATE SET name = excluded.name, "
            "last_seen = excluded.last_seen, clock_offset_ms = excluded.clock_offset_ms",
            (event_uid, kiosk_id, kiosk_name, now_ms),
        )
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO hub_kiosk (event_uid, kiosk_id, name) VALUES (%s, %s, %s) "
                "ON CONFLICT (event_uid, kiosk_id) DO NOTHING",
                [(event_uid, k, n) for k, n in known_kiosks],
            )


def kiosk_names(conn: Conn, event_uid: str) -> list[Row]:
    """(kiosk_id, name) of every kiosk of the event the hub knows."""
    return conn.execute(
        "SELECT kiosk_id, name FROM hub_kiosk WHERE event_uid = %s", (event_uid,)
    ).fetchall()


def push_lists(conn: Conn, event_uid: str, rows: Sequence[Sequence[Any]]) -> None:
    """Offer this kiosk's check-in lists (rows as ``storage.events.list_rows`` gives them: the
    id first, ``updated_at`` last but one); a list changed later at the hub is kept."""
    with conn.transaction():
        for row in rows:
            conn.execute(
                "INSERT INTO hub_checkin_list (event_uid, id, updated_at, row_json) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (event_uid, id) DO UPDATE SET "
                "updated_at = excluded.updated_at, row_json = excluded.row_json "
                "WHERE excluded.updated_at > hub_checkin_list.updated_at",
                (event_uid, row[0], row[-2], Jsonb(list(row))),
            )


def list_rows(conn: Conn, event_uid: str) -> list[Row]:
    """Every check-in list the hub holds for the event, as the rows kiosks pushed."""
    return [tuple(row) for row in _pushed_rows(conn, "hub_checkin_list", event_uid)]


# -- the scan log ---------------------------------------------------------------------------------


def kiosk_ranges(conn: Conn, event_uid: str) -> dict[str, replica.KioskRange]:
    """Per kiosk: how many of its scans the hub holds, the lowest and the highest ``kiosk_seq``."""
    rows = conn.execute(
        "SELECT kiosk_id, count(*), min(kiosk_seq), max(kiosk_seq) FROM hub_scan "
        "WHERE event_uid = %s GROUP BY kiosk_id",
        (event_uid,),
    ).fetchall()
    return {k: replica.KioskRange(int(n), int(lo), int(hi)) for k, n, lo, hi in rows}


def kiosk_seqs(conn: Conn, event_uid: str, kiosk_id: str, above: int) -> set[int]:
    """The ``kiosk_seq`` numbers above ``above`` of one kiosk's scans that the hub holds."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT kiosk_seq FROM hub_scan WHERE event_uid = %s AND kiosk_id = %s "
            "AND kiosk_seq > %s",
            (event_uid, kiosk_id, above),
        )
    }


def insert_scans(
    conn: Conn,
    event_uid: str,
    rows: Sequence[replica.ScanRow],
    before_commit: Callable[[Conn], None] | None = None,
) -> tuple[int, list[str]]:
    """Add scans the hub lacks, in one transaction that holds the event's push lock: how many
    were new, and the ``scan_id`` of each that clashes with another scan the hub holds under the
    same (kiosk, sequence number). ``before_commit`` runs inside it, after the rows are staged."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (event_uid,))
        conn.execute(
            "CREATE TEMP TABLE hub_stage (LIKE hub_scan INCLUDING DEFAULTS) ON COMMIT DROP"
        )
        with conn.cursor() as cur:
            copy_sql = sql.SQL("COPY hub_stage (event_uid, {}) FROM STDIN").format(_SCANS)
            with cur.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row((event_uid, *row))
            clashes = [
                r[0]
                for r in cur.execute(
                    "SELECT s.scan_id FROM hub_stage s JOIN hub_scan h ON "
                    "h.event_uid = s.event_uid AND h.kiosk_id = s.kiosk_id AND "
                    "h.kiosk_seq = s.kiosk_seq AND h.scan_id <> s.scan_id"
                ).fetchall()
            ]
            cur.execute(
                sql.SQL(
                    "INSERT INTO hub_scan (event_uid, {cols}) SELECT event_uid, {cols} "
                    "FROM hub_stage ORDER BY kiosk_id, kiosk_seq ON CONFLICT DO NOTHING"
                ).format(cols=_SCANS)
            )
            inserted = cur.rowcount
        if before_commit is not None:
            before_commit(conn)
    return inserted, clashes


def insert_scan(conn: Conn, event_uid: str, row: replica.ScanRow) -> None:
    """Add one scan (an announcement), under the same lock as a push, so server sequence
    numbers become visible in order."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (event_uid,))
        conn.execute(
            sql.SQL(
                "INSERT INTO hub_scan (event_uid, {}) VALUES (%s, {}) ON CONFLICT DO NOTHING"
            ).format(_SCANS, sql.SQL(", ").join(sql.Placeholder() * len(row))),
            (event_uid, *row),
        )


def scans_after(
    conn: Conn, event_uid: str, server_seq: int, other_than: str, limit: int
) -> list[Row]:
    """Up to ``limit`` scans past ``server_seq`` made at kiosks other than ``other_than``, in
    the hub's order: ``(server_seq, *replica.SCAN_COLUMNS)``."""
    query = sql.SQL(
        "SELECT server_seq, {} FROM hub_scan WHERE event_uid = %s AND server_seq > %s "
        "AND kiosk_id <> %s ORDER BY server_seq LIMIT %s"
    ).format(_SCANS)
    return conn.execute(query, (event_uid, server_seq, other_than, limit)).fetchall()


def scan_count(conn: Conn, event_uid: str, kiosk_id: str) -> int:
    """How many of one kiosk's scans the hub holds."""
    row = conn.execute(
        "SELECT count(*) FROM hub_scan WHERE event_uid = %s AND kiosk_id = %s",
        (event_uid, kiosk_id),
    ).fetchone()
    return int(row[0]) if row else 0


def person_history(
    conn: Conn, event_uid: str, attendee_uid: str, list_id: int, other_than: str
) -> list[Row]:
    """A person's scans on a list made at kiosks other than ``other_than``: ``(scan_id,
    kiosk_id, kiosk name or '', at, kind, reason, list_id, ref_scan_id, manual)``."""
    return conn.execute(
        "SELECT s.scan_id, s.kiosk_id, coalesce(k.name, ''), s.at, s.kind, s.reason, "
        "s.list_id, s.ref_scan_id, s.manual FROM hub_scan s LEFT JOIN hub_kiosk k ON "
        "k.event_uid = s.event_uid AND k.kiosk_id = s.kiosk_id WHERE s.event_uid = %s "
        "AND s.attendee_uid = %s AND s.list_id = %s AND s.kiosk_id <> %s",
        (event_uid, attendee_uid, list_id, other_than),
    ).fetchall()


# -- the roster -----------------------------------------------------------------------------------


def note_known_roster(conn: Conn) -> None:
    """Make this connection's table of the attendee versions sent or compared in this sync
    (``hub_roster_known``), which :func:`roster_after` leaves out."""
    conn.execute(
        "CREATE TEMP TABLE hub_roster_known (uid text PRIMARY KEY, "
        "updated_at text NOT NULL, digest text NOT NULL)"
    )


def push_roster(
    conn: Conn,
    event_uid: str,
    rows: Sequence[replica.RosterRow],
    versions: Sequence[tuple[str, str]],
    *,
    compare_over: int,
) -> int:
    """Send attendees (``rows``, with their JSON text and digest in ``versions``) that the hub
    lacks or holds in an older version; how many it took. More than ``compare_over`` rows are
    first compared with the hub's by version (when it holds any), so only those it needs
    travel. Every version sent or compared is noted in ``hub_roster_known``."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (event_uid,))
        compare = len(rows) > compare_over and _holds_roster(cur, event_uid)
        send: Sequence[int] = range(len(rows))
        if compare:
            with cur.copy("COPY hub_roster_known (uid, updated_at, digest) FROM STDIN") as copy:
                for row, (_text, digest) in zip(rows, versions, strict=True):
                    copy.write_row((row[0], row[-1], digest))
            wanted = {
                r[0]
                for r in cur.execute(
                    "SELECT k.uid FROM hub_roster_known k LEFT JOIN hub_attendee a "
                    "ON a.event_uid = %s AND a.uid = k.uid WHERE a.uid IS NULL "
                    "OR (k.updated_at, k.digest) > (a.updated_at, a.digest)",
                    (event_uid,),
                )
            }
            send = [i for i, row in enumerate(rows) if row[0] in wanted]
        if not send:
            return 0
        cur.execute(
            "CREATE TEMP TABLE hub_roster_stage (LIKE hub_attendee INCLUDING DEFAULTS) "
            "ON COMMIT DROP"
        )
        with cur.copy(
            "COPY hub_roster_stage (event_uid, uid, updated_at, digest, row_json) FROM STDIN"
        ) as copy:
            for i in send:  # the JSON text goes as it is: the server reads it as jsonb
                row, (text, digest) = rows[i], versions[i]
                copy.write_row((event_uid, row[0], row[-1], digest, text))
        cur.execute(
            "INSERT INTO hub_attendee AS a (event_uid, uid, updated_at, digest, row_json) "
            "SELECT event_uid, uid, updated_at, digest, row_json FROM hub_roster_stage "
            "ON CONFLICT (event_uid, uid) DO UPDATE SET updated_at = excluded.updated_at, "
            "digest = excluded.digest, row_json = excluded.row_json, "
            "server_seq = nextval('hub_roster_seq') "
            "WHERE (excluded.updated_at, excluded.digest) > (a.updated_at, a.digest)"
        )
        taken = cur.rowcount
        if not compare:
            cur.execute(
                "INSERT INTO hub_roster_known (uid, updated_at, digest) "
                "SELECT uid, updated_at, digest FROM hub_roster_stage"
            )
    return taken


def _holds_roster(cur: psycopg.Cursor[Any], event_uid: str) -> bool:
    """Whether the hub holds any attendee of this event (else there is nothing to compare
    with: the first kiosk's roster goes up whole)."""
    row = cur.execute(
        "SELECT EXISTS (SELECT 1 FROM hub_attendee WHERE event_uid = %s)", (event_uid,)
    ).fetchone()
    return bool(row and row[0])


def roster_top(conn: Conn, event_uid: str) -> int:
    """The highest roster sequence number of the event at the hub (0: no attendee)."""
    row = conn.execute(
        "SELECT max(server_seq) FROM hub_attendee WHERE event_uid = %s", (event_uid,)
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def roster_after(conn: Conn, event_uid: str, after: int, top: int, limit: int) -> list[Row]:
    """Up to ``limit`` attendees pushed after ``after`` and up to ``top``, less the versions
    noted in ``hub_roster_known``, in the hub's order: ``(server_seq, row_json)``."""
    return conn.execute(
        "SELECT a.server_seq, a.row_json FROM hub_attendee a WHERE a.event_uid = %s "
        "AND a.server_seq > %s AND a.server_seq <= %s AND NOT EXISTS (SELECT 1 FROM "
        "hub_roster_known k WHERE k.uid = a.uid AND k.updated_at = a.updated_at "
        "AND k.digest = a.digest) ORDER BY a.server_seq LIMIT %s",
        (event_uid, after, top, limit),
    ).fetchall()


# -- revocation lists -----------------------------------------------------------------------------


def revocation_for_update(conn: Conn, event_uid: str) -> Row | None:
    """The hub's revocation list of the event, ``(serial, document)``, locked until the
    caller's transaction (``with conn.transaction():``) ends; None if it holds none."""
    return conn.execute(
        "SELECT serial, document FROM hub_revocation WHERE event_uid = %s FOR UPDATE",
        (event_uid,),
    ).fetchone()


def offer_revocation(
    conn: Conn, event_uid: str, serial: int, document: str, replaceable: str
) -> bool:
    """Leave a signed list at the hub if its serial is above the one there, or if the one there
    is the document ``replaceable`` (one that did not verify); whether it was left."""
    done = conn.execute(
        "INSERT INTO hub_revocation AS r (event_uid, serial, document) "
        "VALUES (%s, %s, %s) ON CONFLICT (event_uid) DO UPDATE SET "
        "serial = excluded.serial, document = excluded.document, updated_at = now() "
        "WHERE excluded.serial > r.serial OR r.document = %s",
        (event_uid, serial, document, replaceable),
    )
    return bool(done.rowcount)


# -- meetings -------------------------------------------------------------------------------------


def push_meetings(
    conn: Conn, event_uid: str, meetings: Sequence[Sequence[Any]], marks: Sequence[Sequence[Any]]
) -> tuple[int, int]:
    """Send meetings (the later ``updated_at``, then the larger digest, wins) and held marks
    (a union by ``mark_id``); how many of each the hub took."""
    with conn.transaction(), conn.cursor() as cur:
        # One pipelined round of statements each (psycopg's executemany), not one per row.
        cur.executemany(
            "INSERT INTO hub_meeting AS m (event_uid, uid, updated_at, digest, row_json) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (event_uid, uid) DO UPDATE SET "
            "updated_at = excluded.updated_at, digest = excluded.digest, "
            "row_json = excluded.row_json "
            "WHERE (excluded.updated_at, excluded.digest) > (m.updated_at, m.digest)",
            [
                (event_uid, row[0], row[-1], meeting_store.digest(row), Jsonb(row))
                for row in meetings
            ],
        )
        pushed = max(cur.rowcount, 0) if meetings else 0
        cur.executemany(
            "INSERT INTO hub_meeting_mark (event_uid, mark_id, row_json) "
            "VALUES (%s, %s, %s) ON CONFLICT (event_uid, mark_id) DO NOTHING",
            [(event_uid, row[0], Jsonb(row)) for row in marks],
        )
        marks_pushed = max(cur.rowcount, 0) if marks else 0
    return pushed, marks_pushed


def meeting_rows(conn: Conn, event_uid: str) -> list[Any]:
    """Every meeting of the event at the hub, as the rows kiosks pushed."""
    return _pushed_rows(conn, "hub_meeting", event_uid)


def mark_rows(conn: Conn, event_uid: str) -> list[Any]:
    """Every held mark of the event at the hub, as the rows kiosks pushed."""
    return _pushed_rows(conn, "hub_meeting_mark", event_uid)


def _pushed_rows(conn: Conn, table: str, event_uid: str) -> list[Any]:
    """The ``row_json`` of every row of the event in one of the hub's tables."""
    query = sql.SQL("SELECT row_json FROM {} WHERE event_uid = %s").format(sql.Identifier(table))
    return [r[0] for r in conn.execute(query, (event_uid,)).fetchall()]
