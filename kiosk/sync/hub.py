"""The PostgreSQL hub: kiosks push their scans and roster changes, and pull everyone else's.

Delivery is at least once, the effect exactly once: scans are keyed by ``scan_id`` at the hub
(``INSERT … ON CONFLICT DO NOTHING``), and what to push is worked out from what the hub holds,
not from a local "sent" mark, so a push whose acknowledgement was lost is simply re-sent and
changes nothing the second time. Pulls follow a per-hub cursor over the hub's ``server_seq``,
saved in the same local transaction as the pulled rows. Pushes of one event are serialised at
the hub (a transaction advisory lock), so ``server_seq`` values become visible in order and a
cursor never skips a row committed late.

The hub schema lives in its own PostgreSQL schema (``kiosk_hub`` by default), is created and
migrated by the kiosks (``hub_version``), and serves several events side by side.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import events, replica
from kiosk.storage.database import Database
from kiosk.storage.events import Kiosk
from kiosk.sync.address import first_line, where, without_password
from kiosk.sync.meetings import HUB_MIGRATION as MEETINGS_MIGRATION
from kiosk.sync.meetings import MeetingSync, sync_meetings
from kiosk.sync.revocations import HUB_MIGRATION as REVOCATIONS_MIGRATION
from kiosk.sync.revocations import RevocationSync, sync_revocations

DEFAULT_SCHEMA = replica.DEFAULT_HUB_SCHEMA
_Row = TypeVar("_Row")

#: Rows per pull round trip.
PULL_PAGE = 100_000
#: Rows merged at a time, each slice with its cursor. The desk's check-ins wait for the write
#: lock while a merge holds it: a whole first pull in one transaction would hold it for seconds.
#: A slice holds it a few milliseconds (a changed roster row takes 40-80 µs to merge, a scan
#: less), and a check-in that comes meanwhile goes before the next slice (Database.write takes
#: turns in order).
MERGE_SLICE = 500
#: Slices are merged one after another in one local transaction until it has run this long, or
#: until a check-in of this process (the desk's) waits for its turn: each commit is an fsync,
#: and on a 100,000-person event a pull of 90,000 scans committed slice by slice spent more time
#: committing than merging (bench/sync.py). The desk's check-ins still wait for one slice at most;
#: a writer in another process (a 'kiosk checkin' beside 'kiosk sync hub') for this long.
MERGE_TURN_S = 0.5
#: Up to this many changed attendees are sent to the hub whole. More (a kiosk's first sync, when
#: the whole prepared roster counts as changed) are first compared with the hub's by version,
#: and only those it lacks or holds older travel: every kiosk starts from the same file.
ROSTER_DIRECT = 2_000

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
    REVOCATIONS_MIGRATION,
    # 3: B2B meetings and their held marks (kiosk.sync.meetings).
    MEETINGS_MIGRATION,
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


class HubError(Exception):
    """The hub could not be reached or refused the work; the kiosk carries on alone."""


@dataclass(slots=True)
class SyncResult:
    """One sync with the hub."""

    pushed: int = 0  # scans new at the hub
    resent: int = 0  # scans sent that the hub already had (a retried push)
    pulled: int = 0  # other kiosks' scans new here
    pulled_present: int = 0
    roster_pushed: int = 0
    roster: replica.RosterMerge = field(default_factory=replica.RosterMerge)
    clashes: list[str] = field(default_factory=list)
    revocations: RevocationSync = field(default_factory=RevocationSync)
    meetings: MeetingSync = field(default_factory=MeetingSync)
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the desk shows in its corner."""

    last_sync: str  # UTC ISO text, '' if never
    queued: int  # this kiosk's scans the hub has not confirmed
    last_error: str


def target_of(dsn: str, schema: str) -> str:
    """The key under which a hub's cursors are kept locally (no password in it)."""
    info = psycopg.conninfo.conninfo_to_dict(dsn)
    where = f"{info.get('host', '')}:{info.get('port', '')}/{info.get('dbname', '')}/{schema}"
    return "hub:" + hashlib.sha256(where.encode()).hexdigest()[:16]


#: A hub that vanishes mid-conversation (cable pulled, Wi-Fi gone) is noticed within seconds
#: rather than after the operating system's TCP timeouts (minutes): unacknowledged data for
#: 5 s, or an idle line without keep-alive answers for about 10 s, drops the connection.
DEAD_NETWORK: dict[str, int] = {
    "tcp_user_timeout": 5000,
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
}


def with_dead_network_checks(dsn: str) -> str:
    """The address with :data:`DEAD_NETWORK`'s settings (where it does not set them itself)."""
    given = psycopg.conninfo.conninfo_to_dict(dsn)
    extra = {k: str(v) for k, v in DEAD_NETWORK.items() if k not in given}
    return psycopg.conninfo.make_conninfo(dsn, **extra)


#: Where the hub to sync with is remembered in sync_state.
HUB_TARGET = replica.HUB_TARGET


def connect(dsn: str, *, timeout: float = 5.0) -> psycopg.Connection[tuple[Any, ...]]:
    """Open a connection to the hub, or raise :class:`HubError` saying why not."""
    try:
        return psycopg.connect(
            with_dead_network_checks(dsn), connect_timeout=max(1, round(timeout)), autocommit=True
        )
    except psycopg.Error as exc:
        raise HubError(f"The hub at {where(dsn)} cannot be reached: {first_line(exc)}") from exc


def _slices(rows: Sequence[_Row]) -> Iterator[Sequence[_Row]]:
    """``rows`` in runs of :data:`MERGE_SLICE`, in order."""
    for start in range(0, len(rows), MERGE_SLICE):
        yield rows[start : start + MERGE_SLICE]


def _merge_in_turns(
    db: Database,
    rows: Sequence[_Row],
    merge: Callable[[sqlite3.Connection, Sequence[_Row]], None],
) -> None:
    """``merge`` each slice of ``rows`` (see :data:`MERGE_SLICE`), several slices per local
    transaction while that takes under :data:`MERGE_TURN_S` and no other writer of the file
    waits for its turn (see :data:`MERGE_TURN_S`)."""
    parts = _slices(rows)
    part = next(parts, None)
    while part is not None:
        started = time.perf_counter()
        with db.write() as local:
            while part is not None:
                merge(local, part)
                part = next(parts, None)
                if db.writers_waiting or time.perf_counter() - started >= MERGE_TURN_S:
                    break


def ensure_schema(conn: psycopg.Connection[Any], schema: str = DEFAULT_SCHEMA) -> None:
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


class HubSession:
    """One kiosk's connection to the hub for one event."""

    def __init__(
        self,
        db: Database,
        dsn: str,
        *,
        schema: str = DEFAULT_SCHEMA,
        kiosk: Kiosk | None = None,
        timeout: float = 5.0,
    ) -> None:
        self.db = db
        self.dsn = dsn
        self.schema = schema
        self.event = events.event_info(db)
        self.kiosk = kiosk or events.local_kiosk(db)
        self.target = target_of(dsn, schema)
        self.timeout = timeout
        #: Test seam: called inside the push transaction after the rows are staged.
        self.before_commit: Callable[[psycopg.Connection[Any]], None] | None = None

    # -- the whole round ----------------------------------------------------------------------

    def _sync_lists(self, conn: psycopg.Connection[Any]) -> None:
        """Check-in lists both ways, last change wins (there are a few dozen at most, so all
        of them travel each time)."""
        mine = events.list_rows(self.db.conn)
        with conn.transaction():
            for row in mine:
                conn.execute(
                    "INSERT INTO hub_checkin_list (event_uid, id, updated_at, row_json) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (event_uid, id) DO UPDATE SET "
                    "updated_at = excluded.updated_at, row_json = excluded.row_json "
                    "WHERE excluded.updated_at > hub_checkin_list.updated_at",
                    (self.event.uid, row[0], row[-2], Jsonb(list(row))),
                )
        theirs = [
            tuple(r[0])
            for r in conn.execute(
                "SELECT row_json FROM hub_checkin_list WHERE event_uid = %s", (self.event.uid,)
            ).fetchall()
        ]
        incoming = [r for r in theirs if events.valid_list_row(r)]
        if incoming:
            with self.db.write() as local:
                events.merge_lists(local, incoming)

    def sync(self) -> SyncResult:
        """Push this kiosk's news, then pull everyone else's. Raises :class:`HubError` when the
        hub is away (nothing local is lost or blocked; the next sync catches up)."""
        started = time.perf_counter()
        result = SyncResult()
        try:
            with connect(self.dsn, timeout=self.timeout) as conn:
                ensure_schema(conn, self.schema)
                conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(self.schema)))
                conn.execute(
                    "CREATE TEMP TABLE hub_roster_known (uid text PRIMARY KEY, "
                    "updated_at text NOT NULL, digest text NOT NULL)"
                )
                self._register(conn)
                self._sync_lists(conn)  # first: pulled scans may be on a list made elsewhere
                self._push_scans(conn, result)
                self._push_roster(conn, result)
                self._pull_kiosks(conn)
                self._pull_scans(conn, result)
                self._pull_roster(conn, result)
                result.revocations = sync_revocations(conn, self.db, self.event.uid)
                result.meetings = sync_meetings(conn, self.db, self.event.uid)
                self._note_confirmed(conn)
        except psycopg.Error as exc:
            self._note_error(f"{first_line(exc)}")
            raise HubError(
                f"Sync with the hub at {where(self.dsn)} stopped: {first_line(exc)} — the "
                "kiosk works on and catches up at the next sync."
            ) from exc
        except HubError as exc:
            self._note_error(str(exc))
            raise
        result.seconds = time.perf_counter() - started
        return result

    # -- steps --------------------------------------------------------------------------------

    def _register(self, conn: psycopg.Connection[Any]) -> None:
        now_ms = time.time_ns() // 1_000_000
        with conn.transaction():
            conn.execute(
                "INSERT INTO hub_event (event_uid, name) VALUES (%s, %s) "
                "ON CONFLICT (event_uid) DO NOTHING",
                (self.event.uid, self.event.name),
            )
            conn.execute(
                "INSERT INTO hub_kiosk (event_uid, kiosk_id, name, last_seen, clock_offset_ms) "
                "VALUES (%s, %s, %s, now(), "
                "(extract(epoch FROM clock_timestamp()) * 1000)::bigint - %s) "
                "ON CONFLICT (event_uid, kiosk_id) DO UPDATE SET name = excluded.name, "
                "last_seen = excluded.last_seen, clock_offset_ms = excluded.clock_offset_ms",
                (self.event.uid, self.kiosk.id, self.kiosk.name, now_ms),
            )
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO hub_kiosk (event_uid, kiosk_id, name) VALUES (%s, %s, %s) "
                    "ON CONFLICT (event_uid, kiosk_id) DO NOTHING",
                    [(self.event.uid, k, n) for k, n in replica.kiosks(self.db.conn)],
                )

    def _hub_ranges(self, conn: psycopg.Connection[Any]) -> dict[str, replica.KioskRange]:
        rows = conn.execute(
            "SELECT kiosk_id, count(*), min(kiosk_seq), max(kiosk_seq) FROM hub_scan "
            "WHERE event_uid = %s GROUP BY kiosk_id",
            (self.event.uid,),
        ).fetchall()
        return {k: replica.KioskRange(int(n), int(lo), int(hi)) for k, n, lo, hi in rows}

    def _push_scans(self, conn: psycopg.Connection[Any], result: SyncResult) -> None:
        """Send every scan this kiosk holds that the hub lacks: its own and any it merged from
        bundles of kiosks that never reach the hub."""
        hub = self._hub_ranges(conn)
        local = replica.kiosk_ranges(self.db.conn)
        rows: list[replica.ScanRow] = []
        known = {kiosk_id: self._prefix(kiosk_id) for kiosk_id in local}
        prefixes: dict[str, int] = {}  # per kiosk: the hub holds 1..n of its scans, no hole
        for kiosk_id, mine in sorted(local.items()):
            theirs = hub.get(kiosk_id)
            if theirs is None:
                rows.extend(replica.scan_rows(self.db.conn, kiosk_id))
                prefixes[kiosk_id] = mine.last_seq if mine.gapless else 0
            elif theirs.gapless:
                if mine.last_seq > theirs.last_seq:
                    rows.extend(
                        replica.scan_rows(self.db.conn, kiosk_id, after_seq=theirs.last_seq)
                    )
                # Once sent, the hub holds 1..n without a hole if this log does.
                prefixes[kiosk_id] = max(theirs.last_seq, mine.last_seq if mine.gapless else 0)
            else:
                # The hub has holes in this kiosk's sequence: badge-printed events and scans
                # whose announcement has not arrived, or scans relayed from bundles. Send exactly
                # those of ours it lacks; below the prefix it was last seen to hold without a
                # hole nothing is asked again, so a sync costs what is new, not the whole day.
                floor = min(known[kiosk_id], theirs.last_seq)
                held = self._hub_seqs(conn, kiosk_id, floor)
                if theirs.count - len(held) != floor:  # rows below it went (a restored hub)
                    floor, held = 0, self._hub_seqs(conn, kiosk_id, 0)
                missing = [
                    r for r in replica.scan_rows(self.db.conn, kiosk_id, after_seq=floor)
                    if r[2] not in held
                ]  # fmt: skip
                rows.extend(missing)
                held.update(r[2] for r in missing)
                while floor + 1 in held:
                    floor += 1
                prefixes[kiosk_id] = floor
        if rows:
            inserted, clashes = self._send_scans(conn, rows)
            result.pushed += inserted
            result.resent += len(rows) - inserted - len(clashes)
            result.clashes.extend(clashes)
        changed = {k: n for k, n in prefixes.items() if n != known[k]}
        if changed:
            with self.db.write() as local_conn:
                for kiosk_id, n in changed.items():
                    replica.set_state(local_conn, self.target, f"prefix:{kiosk_id}", str(n))

    def _prefix(self, kiosk_id: str) -> int:
        """How many of a kiosk's scans (1..n) the hub was last seen to hold without a hole."""
        return int(replica.get_state(self.db.conn, self.target, f"prefix:{kiosk_id}", "0"))

    def _hub_seqs(self, conn: psycopg.Connection[Any], kiosk_id: str, above: int) -> set[int]:
        return {
            r[0]
            for r in conn.execute(
                "SELECT kiosk_seq FROM hub_scan WHERE event_uid = %s AND kiosk_id = %s "
                "AND kiosk_seq > %s",
                (self.event.uid, kiosk_id, above),
            )
        }

    def _send_scans(
        self, conn: psycopg.Connection[Any], rows: Sequence[replica.ScanRow]
    ) -> tuple[int, list[str]]:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (self.event.uid,))
            conn.execute(
                "CREATE TEMP TABLE hub_stage (LIKE hub_scan INCLUDING DEFAULTS) ON COMMIT DROP"
            )
            with conn.cursor() as cur:
                copy_sql = sql.SQL("COPY hub_stage (event_uid, {}) FROM STDIN").format(_SCANS)
                with cur.copy(copy_sql) as copy:
                    uid = self.event.uid
                    for row in rows:
                        copy.write_row((uid, *row))
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
            if self.before_commit is not None:
                self.before_commit(conn)
        return inserted, clashes

    def _push_roster(self, conn: psycopg.Connection[Any], result: SyncResult) -> None:
        """Send the attendees changed here since the last push that the hub lacks or holds in
        an older version. Every version sent or compared is noted in ``hub_roster_known`` (a
        table of this connection), so that the pull does not bring the same rows back."""
        since = replica.get_state(self.db.conn, self.target, "roster_pushed")
        rows = replica.roster_rows(self.db.conn, changed_after=since)
        if not rows:
            return
        uid = self.event.uid
        versions = [replica.roster_json(row) for row in rows]  # (JSON text, digest)
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (uid,))
            compare = len(rows) > ROSTER_DIRECT and self._hub_holds_roster(cur)
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
                        (uid,),
                    )
                }
                send = [i for i, row in enumerate(rows) if row[0] in wanted]
            if send:
                cur.execute(
                    "CREATE TEMP TABLE hub_roster_stage (LIKE hub_attendee INCLUDING DEFAULTS) "
                    "ON COMMIT DROP"
                )
                with cur.copy(
                    "COPY hub_roster_stage (event_uid, uid, updated_at, digest, row_json) "
                    "FROM STDIN"
                ) as copy:
                    for i in send:  # the JSON text goes as it is: the server reads it as jsonb
                        row, (text, digest) = rows[i], versions[i]
                        copy.write_row((uid, row[0], row[-1], digest, text))
                cur.execute(
                    "INSERT INTO hub_attendee AS a (event_uid, uid, updated_at, digest, row_json) "
                    "SELECT event_uid, uid, updated_at, digest, row_json FROM hub_roster_stage "
                    "ON CONFLICT (event_uid, uid) DO UPDATE SET updated_at = excluded.updated_at, "
                    "digest = excluded.digest, row_json = excluded.row_json, "
                    "server_seq = nextval('hub_roster_seq') "
                    "WHERE (excluded.updated_at, excluded.digest) > (a.updated_at, a.digest)"
                )
                result.roster_pushed = cur.rowcount
                if not compare:
                    cur.execute(
                        "INSERT INTO hub_roster_known (uid, updated_at, digest) "
                        "SELECT uid, updated_at, digest FROM hub_roster_stage"
                    )
        with self.db.write() as local:
            replica.set_state(local, self.target, "roster_pushed", str(rows[-1][-1]))

    def _hub_holds_roster(self, cur: psycopg.Cursor[Any]) -> bool:
        """Whether the hub holds any attendee of this event (else there is nothing to compare
        with: the first kiosk's roster goes up whole)."""
        row = cur.execute(
            "SELECT EXISTS (SELECT 1 FROM hub_attendee WHERE event_uid = %s)", (self.event.uid,)
        ).fetchone()
        return bool(row and row[0])

    def _pull_kiosks(self, conn: psycopg.Connection[Any]) -> None:
        known = conn.execute(
            "SELECT kiosk_id, name FROM hub_kiosk WHERE event_uid = %s", (self.event.uid,)
        ).fetchall()
        with self.db.write() as local:
            replica.merge_kiosks(local, known, authoritative=known)

    def _pull_scans(self, conn: psycopg.Connection[Any], result: SyncResult) -> None:
        query = sql.SQL(
            "SELECT server_seq, {} FROM hub_scan WHERE event_uid = %s AND server_seq > %s "
            "AND kiosk_id <> %s ORDER BY server_seq LIMIT %s"
        ).format(_SCANS)

        def merge(local: sqlite3.Connection, part: Sequence[tuple[Any, ...]]) -> None:
            merged = replica.merge_scans(local, (r[1:] for r in part))
            replica.set_state(local, self.target, "scan_cursor", str(part[-1][0]))
            result.pulled += merged.total_added
            result.pulled_present += sum(merged.present.values())
            result.clashes.extend(merged.clashes)

        while True:
            cursor = int(replica.get_state(self.db.conn, self.target, "scan_cursor", "0"))
            rows = conn.execute(
                query, (self.event.uid, cursor, self.kiosk.id, PULL_PAGE)
            ).fetchall()
            _merge_in_turns(self.db, rows, merge)
            if len(rows) < PULL_PAGE:
                return

    def _pull_roster(self, conn: psycopg.Connection[Any], result: SyncResult) -> None:
        """Merge the attendees the hub holds in another version than this kiosk: those pushed
        since the cursor, less the versions this sync sent or compared (hub_roster_known).
        Pushes take turns at the hub, so its sequence numbers become visible in order: once the
        rows up to ``top`` are merged, the cursor moves to ``top``, past the rows skipped."""
        uid = self.event.uid
        cursor = int(replica.get_state(self.db.conn, self.target, "roster_cursor", "0"))
        row = conn.execute(
            "SELECT max(server_seq) FROM hub_attendee WHERE event_uid = %s", (uid,)
        ).fetchone()
        top = int(row[0]) if row and row[0] is not None else 0
        if top <= cursor:
            return

        def merge(local: sqlite3.Connection, part: Sequence[tuple[Any, ...]]) -> None:
            incoming = [tuple(r[1]) for r in part if replica.valid_roster_row(r[1])]
            merged = replica.merge_roster(local, incoming)
            replica.set_state(local, self.target, "roster_cursor", str(part[-1][0]))
            total = result.roster
            total.added += merged.added
            total.updated += merged.updated
            total.unchanged += merged.unchanged
            total.clashes.extend(merged.clashes)

        while True:
            rows = conn.execute(
                "SELECT a.server_seq, a.row_json FROM hub_attendee a WHERE a.event_uid = %s "
                "AND a.server_seq > %s AND a.server_seq <= %s AND NOT EXISTS (SELECT 1 FROM "
                "hub_roster_known k WHERE k.uid = a.uid AND k.updated_at = a.updated_at "
                "AND k.digest = a.digest) ORDER BY a.server_seq LIMIT %s",
                (uid, cursor, top, PULL_PAGE),
            ).fetchall()
            _merge_in_turns(self.db, rows, merge)
            if len(rows) < PULL_PAGE:
                break
            cursor = int(rows[-1][0])
        with self.db.write() as local:
            replica.set_state(local, self.target, "roster_cursor", str(top))

    def _note_confirmed(self, conn: psycopg.Connection[Any]) -> None:
        row = conn.execute(
            "SELECT count(*) FROM hub_scan WHERE event_uid = %s AND kiosk_id = %s",
            (self.event.uid, self.kiosk.id),
        ).fetchone()
        with self.db.write() as local:
            replica.set_state(local, self.target, "confirmed", str(row[0] if row else 0))
            replica.set_state(local, self.target, "last_sync", to_utc_iso(datetime.now(UTC)))
            replica.set_state(local, self.target, "last_error", "")
            # The desk syncs in the background with the hub last synced with (no password:
            # that belongs in the machine's ~/.pgpass or $PGPASSWORD, not in a copied file).
            replica.save_hub(local, without_password(self.dsn), self.schema)

    def _note_error(self, message: str) -> None:
        try:
            with self.db.write() as local:
                replica.set_state(local, self.target, "last_error", message)
        except Exception:  # recording the error must not hide it
            pass

    # -- for the desk -------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        conn = self.db.conn
        mine = replica.kiosk_ranges(conn).get(self.kiosk.id)
        confirmed = int(replica.get_state(conn, self.target, "confirmed", "0"))
        return SyncStatus(
            last_sync=replica.get_state(conn, self.target, "last_sync"),
            queued=max(0, (mine.count if mine else 0) - confirmed),
            last_error=replica.get_state(conn, self.target, "last_error"),
        )
