"""The hub as a live second opinion: "was this person already admitted at another kiosk?"

While a hub is reachable, a desk asks it, within a short deadline (300 ms), for the person's
scans on the list from other kiosks, and decides with them as well as its own log; and every
scan is announced to the hub as soon as it is on the local disk, so the next kiosk's question
finds it. A ticket then cannot be used at two kiosks within seconds. When the hub does not
answer in time the kiosk decides alone and says so in the log (logger ``kiosk.sync.guard``);
nothing waits longer than the deadline, whatever the network does.

The queries run on a worker thread with their own connection; a worker stuck on a dead network
is abandoned and a fresh one takes over.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

import psycopg

from kiosk.core.model import Scan, ScanKind
from kiosk.core.reasons import Reason
from kiosk.core.timeutil import from_utc_iso
from kiosk.storage import hub as store
from kiosk.storage import replica
from kiosk.sync.hub import DEFAULT_SCHEMA, with_dead_network_checks

log = logging.getLogger("kiosk.sync.guard")

_T = TypeVar("_T")

#: How long a scan waits for the hub's answer.
DEFAULT_DEADLINE = 0.3


class HubGuard:
    """One kiosk's live line to the hub (see the module docstring)."""

    def __init__(
        self,
        dsn: str,
        event_uid: str,
        kiosk_id: str,
        *,
        schema: str = DEFAULT_SCHEMA,
        deadline: float = DEFAULT_DEADLINE,
        connect_timeout: float = 2.0,
    ) -> None:
        self.dsn = dsn
        self.schema = schema
        self.event_uid = event_uid
        self.kiosk_id = kiosk_id
        self.deadline = deadline
        self.connect_timeout = connect_timeout
        self._lock = threading.Lock()
        self._worker = self._new_worker()
        self._conn: psycopg.Connection[Any] | None = None
        #: The connection each worker thread last used (to close it once it is dropped).
        self._used = threading.local()

    @staticmethod
    def _new_worker() -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-hub-guard")

    # -- on the worker thread -----------------------------------------------------------------

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            conn = psycopg.connect(
                with_dead_network_checks(self.dsn),
                connect_timeout=max(1, round(self.connect_timeout)),
                autocommit=True,
            )
            try:
                store.ensure_schema(conn, self.schema)
                store.use_schema(conn, self.schema)
                store.limit_statements(conn, 1000)
            except BaseException:
                conn.close()  # lost while being set up: not left for the garbage collector
                raise
            self._conn = conn
        self._used.connection = self._conn
        return self._conn

    def _run(self, work: Callable[[], _T]) -> _T:
        """Run ``work`` on the worker thread; afterwards close the connection it used if that
        one was dropped meanwhile (it failed, or the worker was abandoned as stuck), so that
        no connection is left open, unreferenced, until the garbage collector finds it."""
        try:
            return work()
        except (psycopg.Error, OSError):
            with self._lock:
                if self._conn is getattr(self._used, "connection", None):
                    self._conn = None
            raise
        finally:
            used = getattr(self._used, "connection", None)
            if used is not None and used is not self._conn:
                self._used.connection = None
                with contextlib.suppress(Exception):
                    used.close()

    def _query_history(self, attendee_uid: str, list_id: int) -> tuple[Scan, ...]:
        rows = store.person_history(
            self._connection(), self.event_uid, attendee_uid, list_id, self.kiosk_id
        )
        return tuple(
            Scan(
                scan_id=scan_id,
                kiosk_id=kiosk_id,
                at=from_utc_iso(at),
                kind=ScanKind(kind),
                reason=Reason(reason),
                list_id=on_list,
                ref_scan_id=ref,
                kiosk_name=name,
                manual=bool(manual),
            )
            for scan_id, kiosk_id, name, at, kind, reason, on_list, ref, manual in rows
        )

    def _insert(self, row: replica.ScanRow) -> None:
        store.insert_scan(self._connection(), self.event_uid, row)

    # -- for the check-in service -------------------------------------------------------------

    def _submit(self, work: Callable[[], _T]) -> Future[_T]:
        with self._lock:
            return self._worker.submit(self._run, work)

    def _abandon(self, stuck: Future[Any]) -> None:
        """The worker is stuck (a dead network): leave it and its connection behind."""
        with self._lock:
            if not stuck.done():
                old = self._worker
                self._worker = self._new_worker()
                self._conn = None
                old.shutdown(wait=False, cancel_futures=True)

    def history(self, attendee_uid: str, list_id: int) -> tuple[Scan, ...] | None:
        """The person's scans on the list at other kiosks, or None when the hub did not answer
        within the deadline (the caller then decides alone)."""
        future = self._submit(lambda: self._query_history(attendee_uid, list_id))
        try:
            return future.result(timeout=self.deadline)
        except FutureTimeout:
            log.warning(
                "The hub did not answer within %d ms: scan of %s decided by this kiosk alone.",
                round(self.deadline * 1000),
                attendee_uid,
            )
            self._abandon(future)
        except (psycopg.Error, OSError) as exc:
            log.warning("The hub cannot be asked (%s): scan decided by this kiosk alone.", exc)
            self._conn = None
        return None

    def announce(self, row: replica.ScanRow) -> Future[None]:
        """Send a scan that is on the local disk to the hub now, in the background (the regular
        sync sends it anyway if this fails)."""

        def send() -> None:
            try:
                self._insert(row)
            except (psycopg.Error, OSError) as exc:
                log.info("Scan %s not announced to the hub (%s); the next sync sends it.",
                         row[0], exc)  # fmt: skip
                self._conn = None

        return self._submit(send)

    def warm(self) -> Future[None]:
        """Connect in the background (at start-up), so the first scan need not wait for it."""

        def connect() -> None:
            try:
                self._connection()
            except (psycopg.Error, OSError) as exc:
                log.info("The hub cannot be reached yet (%s).", exc)
                self._conn = None

        return self._submit(connect)

    def drain(self, timeout: float) -> bool:
        """Wait until the work queued so far (announcements) is done; False on timeout."""
        try:
            self._submit(lambda: None).result(timeout=timeout)
        except FutureTimeout:
            return False
        return True

    def close(self) -> None:
        with self._lock:
            worker, conn = self._worker, self._conn
        worker.shutdown(wait=False, cancel_futures=True)
        if conn is not None:
            conn.close()
