"""The scan log's fast paths write and read exactly what the plain forms would."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

from kiosk.core.model import ScanKind
from kiosk.core.reasons import Hint, Reason
from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import attendees, events, scanlog
from kiosk.storage.database import Database
from tests.conftest import NINE_FOURTEEN, People


def test_scan_ids_are_random_version_4_uuids_in_canonical_text() -> None:
    ids = {scanlog.new_scan_id() for _ in range(2000)}
    assert len(ids) == 2000
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_stored_times_are_the_utc_text_of_the_instant_whatever_its_zone(
    db: Database, people: People
) -> None:
    kiosk = events.local_kiosk(db)
    instants = [
        NINE_FOURTEEN,
        NINE_FOURTEEN.replace(microsecond=7),
        NINE_FOURTEEN.astimezone(timezone(timedelta(hours=3))),
        datetime(2026, 9, 28, 23, 59, 59, 999999, tzinfo=UTC),
    ]
    with db.write() as conn:
        stored = [
            scanlog.append(
                conn,
                scanlog.NewScan(kiosk.id, at, 1, ScanKind.ENTRY, Reason.UNKNOWN_CODE),
            ).scan_id
            for at in instants
        ]
    texts = [
        db.conn.execute("SELECT at FROM scan WHERE scan_id = ?", (s,)).fetchone()[0] for s in stored
    ]
    assert texts == [to_utc_iso(at) for at in instants]


def test_history_reads_back_every_scan_of_the_person_on_that_list_only(
    db: Database, people: People
) -> None:
    kiosk = events.local_kiosk(db)
    with db.write() as conn:
        ana = attendees.find_by_code(conn, people.ana)
        ivan = attendees.find_by_code(conn, people.ivan)
        assert ana is not None and ivan is not None
        entry = scanlog.append(
            conn,
            scanlog.NewScan(kiosk.id, NINE_FOURTEEN, 1, ScanKind.ENTRY, Reason.ADMITTED, ana.uid),
        )
        void = scanlog.append(
            conn,
            scanlog.NewScan(
                kiosk.id,
                NINE_FOURTEEN + timedelta(minutes=1),
                1,
                ScanKind.VOID,
                Reason.VOIDED,
                ana.uid,
                ref_scan_id=entry.scan_id,
                manual=True,
            ),
        )
        scanlog.append(
            conn,
            scanlog.NewScan(
                kiosk.id, NINE_FOURTEEN, 2, ScanKind.ENTRY, Reason.NOT_ON_LIST, ana.uid,
                hint=Hint.OUTSIDE_WINDOW,
            ),
        )  # fmt: skip
        scanlog.append(
            conn,
            scanlog.NewScan(kiosk.id, NINE_FOURTEEN, 1, ScanKind.ENTRY, Reason.ADMITTED, ivan.uid),
        )
        found = scanlog.history(conn, ana.uid, 1)
        assert scanlog.history(conn, "nobody", 1) == ()
    by_id = {s.scan_id: s for s in found}
    assert set(by_id) == {entry.scan_id, void.scan_id}
    first, second = by_id[entry.scan_id], by_id[void.scan_id]
    assert (first.kind, first.reason, first.at, first.kiosk_id, first.kiosk_name) == (
        ScanKind.ENTRY,
        Reason.ADMITTED,
        NINE_FOURTEEN,
        kiosk.id,
        kiosk.name,
    )
    assert first.accepted and not first.manual and first.ref_scan_id is None
    assert (second.kind, second.ref_scan_id, second.manual) == (
        ScanKind.VOID,
        entry.scan_id,
        True,
    )


def test_a_code_found_by_scan_has_every_attendee_field_as_stored(
    db: Database, people: People
) -> None:
    with db.write() as conn:
        scanned = attendees.find_by_code(conn, people.day2_only)
        cancelled = attendees.find_by_code(conn, people.cancelled.lower())
        assert scanned is not None and cancelled is not None
        assert attendees.find_by_code(conn, "NOBODY") is None
    assert scanned == attendees.get(db, scanned.id)
    assert cancelled == attendees.get(db, cancelled.id)
    assert cancelled.status is attendees.AttendeeStatus.CANCELLED
    assert scanned.days and not cancelled.days
