"""The PostgreSQL hub: kiosks push their scans and roster changes, and pull everyone else's.

Delivery is at least once, the effect exactly once: scans are keyed by ``scan_id`` at the hub
(``INSERT … ON CONFLICT DO NOTHING``), and what to push is worked out from what the hub holds,
not from a local "sent" mark, so a push whose acknowledgement was lost is simply re-sent and
changes nothing the second time. Pulls follow a per-hub cursor over the hub's ``server_seq``,
saved in the same local transaction as the pulled rows. Pushes of one event are serialised at
the hub (a transaction advisory lock), so ``server_seq`` values become visible in order and a
cursor never skips a row committed late.

The hub schema lives in its own PostgreSQL schema (``kiosk_hub`` by default), is created and
migrated by the kiosks (``hub_version``), and serves several events side by side. This module is
the protocol; its statements are :mod:`kiosk.storage.hub`'s.
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

from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import events, replica
from kiosk.storage import hub as store
from kiosk.storage.database import Database
from kiosk.storage.events import Kiosk
from kiosk.storage.hub import HUB_VERSION as HUB_VERSION
from kiosk.storage.hub import HubError as HubError
from kiosk.storage.hub import ensure_schema as ensure_schema
from kiosk.sync.address import first_line, where, without_password
from kiosk.sync.meetings import MeetingSync, sync_meetings
from kiosk.sync.revocations import RevocationSync, sync_revocations

DEFAULT_SCHEMA = store.DEFAULT_SCHEMA
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
        with self.db.read() as here:
            mine = events.list_rows(here)
        store.push_lists(conn, self.event.uid, mine)
        theirs = store.list_rows(conn, self.event.uid)
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
                store.ensure_schema(conn, self.schema)
                store.use_schema(conn, self.schema)
                store.note_known_roster(conn)
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
        with self.db.read() as here:
            known = replica.kiosks(here)
        store.register(
            conn,
            self.event.uid,
            self.event.name,
            self.kiosk.id,
            self.kiosk.name,
            time.time_ns() // 1_000_000,
            known,
        )

    def _push_scans(self, conn: psycopg.Connection[Any], result: SyncResult) -> None:
        """Send every scan this kiosk holds that the hub lacks: its own and any it merged from
        bundles of kiosks that never reach the hub."""
        hub = store.kiosk_ranges(conn, self.event.uid)
        with self.db.read() as here:
            local = replica.kiosk_ranges(here)
            rows: list[replica.ScanRow] = []
            known = {kiosk_id: self._prefix(kiosk_id) for kiosk_id in local}
            prefixes: dict[str, int] = {}  # per kiosk: the hub holds 1..n of its scans, no hole
            for kiosk_id, mine in sorted(local.items()):
                theirs = hub.get(kiosk_id)
                if theirs is None:
                    rows.extend(replica.scan_rows(here, kiosk_id))
                    prefixes[kiosk_id] = mine.last_seq if mine.gapless else 0
                elif theirs.gapless:
                    if mine.last_seq > theirs.last_seq:
                        rows.extend(replica.scan_rows(here, kiosk_id, after_seq=theirs.last_seq))
                    # Once sent, the hub holds 1..n without a hole if this log does.
                    prefixes[kiosk_id] = max(theirs.last_seq, mine.last_seq if mine.gapless else 0)
                else:
                    # The hub has holes in this kiosk's sequence: badge-printed events and
                    # scans whose announcement has not arrived, or scans relayed from bundles.
                    # Send exactly those of ours it lacks; below the prefix it was last seen to
                    # hold without a hole nothing is asked again, so a sync costs what is new,
                    # not the whole day.
                    floor = min(known[kiosk_id], theirs.last_seq)
                    held = self._hub_seqs(conn, kiosk_id, floor)
                    if theirs.count - len(held) != floor:  # rows below it went (a restored hub)
                        floor, held = 0, self._hub_seqs(conn, kiosk_id, 0)
                    missing = [
                        r for r in replica.scan_rows(here, kiosk_id, after_seq=floor)
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
        with self.db.read() as here:
            return int(replica.get_state(here, self.target, f"prefix:{kiosk_id}", "0"))

    def _hub_seqs(self, conn: psycopg.Connection[Any], kiosk_id: str, above: int) -> set[int]:
        return store.kiosk_seqs(conn, self.event.uid, kiosk_id, above)

    def _send_scans(
        self, conn: psycopg.Connection[Any], rows: Sequence[replica.ScanRow]
    ) -> tuple[int, list[str]]:
        return store.insert_scans(conn, self.event.uid, rows, self.before_commit)

    def _push_roster(self, conn: psycopg.Connection[Any], result: SyncResult) -> None:
        """Send the attendees changed here since the last push that the hub lacks or holds in
        an older version. Every version sent or compared is noted in ``hub_roster_known`` (a
        table of this connection), so that the pull does not bring the same rows back."""
        with self.db.read() as here:
            since = replica.get_state(here, self.target, "roster_pushed")
            rows = replica.roster_rows(here, changed_after=since)
        if not rows:
            return
        versions = [replica.roster_json(row) for row in rows]  # (JSON text, digest)
        result.roster_pushed = store.push_roster(
            conn, self.event.uid, rows, versions, compare_over=ROSTER_DIRECT
        )
        with self.db.write() as local:
            replica.set_state(local, self.target, "roster_pushed", str(rows[-1][-1]))

    def _pull_kiosks(self, conn: psycopg.Connection[Any]) -> None:
        known = store.kiosk_names(conn, self.event.uid)
        with self.db.write() as local:
            replica.merge_kiosks(local, known, authoritative=known)

    def _pull_scans(self, conn: psycopg.Connection[Any], result: SyncResult) -> None:
        def merge(local: sqlite3.Connection, part: Sequence[tuple[Any, ...]]) -> None:
            merged = replica.merge_scans(local, (r[1:] for r in part))
            replica.set_state(local, self.target, "scan_cursor", str(part[-1][0]))
            result.pulled += merged.total_added
            result.pulled_present += sum(merged.present.values())
            result.clashes.extend(merged.clashes)

        while True:
            with self.db.read() as here:
                cursor = int(replica.get_state(here, self.target, "scan_cursor", "0"))
            rows = store.scans_after(conn, self.event.uid, cursor, self.kiosk.id, PULL_PAGE)
            _merge_in_turns(self.db, rows, merge)
            if len(rows) < PULL_PAGE:
                return

    def _pull_roster(self, conn: psycopg.Connection[Any], result: SyncResult) -> None:
        """Merge the attendees the hub holds in another version than this kiosk: those pushed
        since the cursor, less the versions this sync sent or compared (hub_roster_known).
        Pushes take turns at the hub, so its sequence numbers become visible in order: once the
        rows up to ``top`` are merged, the cursor moves to ``top``, past the rows skipped."""
        uid = self.event.uid
        with self.db.read() as here:
            cursor = int(replica.get_state(here, self.target, "roster_cursor", "0"))
        top = store.roster_top(conn, uid)
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
            rows = store.roster_after(conn, uid, cursor, top, PULL_PAGE)
            _merge_in_turns(self.db, rows, merge)
            if len(rows) < PULL_PAGE:
                break
            cursor = int(rows[-1][0])
        with self.db.write() as local:
            replica.set_state(local, self.target, "roster_cursor", str(top))

    def _note_confirmed(self, conn: psycopg.Connection[Any]) -> None:
        confirmed = store.scan_count(conn, self.event.uid, self.kiosk.id)
        with self.db.write() as local:
            replica.set_state(local, self.target, "confirmed", str(confirmed))
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
        with self.db.read() as conn:
            mine = replica.kiosk_ranges(conn).get(self.kiosk.id)
            confirmed = int(replica.get_state(conn, self.target, "confirmed", "0"))
            return SyncStatus(
                last_sync=replica.get_state(conn, self.target, "last_sync"),
                queued=max(0, (mine.count if mine else 0) - confirmed),
                last_error=replica.get_state(conn, self.target, "last_error"),
            )
