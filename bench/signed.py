"""Signed tickets: what verification costs per scan, and how big the QR codes get.

Run: ``.venv/bin/python -m bench.signed`` (not part of the tests). All figures from one run on
this machine: the signature check alone (decode + Ed25519 verify), then whole scans through
the check-in service on a real database file (fsync on every commit), ordinary and signed, as
ratios to the ordinary scan; and the QR version and size of signed codes for short and very
long names.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import qrcode
import qrcode.constants

from kiosk.app.checkin import CheckinService
from kiosk.core import codes, signed
from kiosk.core.signed import TicketData
from kiosk.storage import attendees, events, keys
from kiosk.storage.database import Database
from kiosk.tickets import signing
from kiosk.tickets.signing import TicketSigner, Verifier

NAMES: tuple[tuple[str, str, str], ...] = (
    ("short Latin", "Ion", "Popa"),
    ("typical Bulgarian", "Иван", "Петров"),
    ("Romanian diacritics", "Ștefan-Țărușel", "Brâncoveanu-Ionescu"),
    ("long Bulgarian", "Анастасия-Александра", "Константинова-Вълканова"),
    ("longest kept (48+48 Cyrillic)", "Щ" * signed.MAX_NAME, "Ж" * signed.MAX_NAME),
)


def qr_size(text: str, level: int) -> tuple[int, int]:
    qr = qrcode.QRCode(error_correction=level)
    qr.add_data(text)
    qr.make(fit=True)
    return int(qr.version), int(qr.modules_count)


def median_us(samples: Sequence[float]) -> float:
    return statistics.median(samples) * 1e6


def timed(action: Callable[[], object], count: int) -> list[float]:
    out = []
    for _ in range(count):
        start = time.perf_counter()
        action()
        out.append(time.perf_counter() - start)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.signed")
    parser.add_argument("--scans", type=int, default=300, help="scans of each kind (300)")
    args = parser.parse_args(argv)
    key = signing.new_private_key()
    event_uid = str(uuid.uuid4())
    signer = TicketSigner(key, event_uid)
    day = datetime.now(UTC).date()

    print("QR codes of signed tickets (category 'participant', two valid days):")
    print(f"  {'name':32} {'digits':>6}  {'version M':>9}  {'version L':>9}")
    for label, first, last in NAMES:
        data = TicketData(str(uuid.uuid4()), codes.generate(), first, last, "participant",
                          frozenset({date(2026, 9, 28), date(2026, 9, 29)}))  # fmt: skip
        text = signer.sign(data)
        vm, mm = qr_size(text, qrcode.constants.ERROR_CORRECT_M)
        vl, ml = qr_size(text, qrcode.constants.ERROR_CORRECT_L)
        print(f"  {label:32} {len(text):>6}  {vm:>3} ({mm}²)  {vl:>3} ({ml}²)")
    plain_v, plain_m = qr_size(codes.generate(), qrcode.constants.ERROR_CORRECT_M)
    print(f"  (an ordinary 9-character code: version {plain_v}, {plain_m}² modules at M)")

    tickets = [
        signer.sign(TicketData(str(uuid.uuid4()), codes.generate(), "Анастасия", "Вълканова"))
        for _ in range(args.scans)
    ]
    verifier = Verifier([signing.public_raw(key)], event_uid)
    parse = timed(lambda: signed.decode(tickets[0]), args.scans)
    check = [signed.decode(t) for t in tickets]
    verify = timed(lambda: verifier.verify(check[0]), args.scans)
    print()
    print(f"Signature check alone: decode {median_us(parse):.0f} µs + Ed25519 verify "
          f"{median_us(verify):.0f} µs (median of {args.scans})")  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.db", create=True)
        info = events.create_event(db, "Bench", [day], "UTC")
        raw = signing.public_raw(key)
        keys.add_keys(db, [keys.TrustedKey(raw, signing.key_id_of(raw), info.uid, "", "", "")])
        taken: set[str] = set()
        roster = codes.generate_many(2 * args.scans, taken)
        people = [attendees.NewAttendee(c, "Мария", "Петрова") for c in roster]
        with db.write() as conn:
            attendees.insert_many(conn, people, "2026-01-01T00:00:00Z")
        signer = TicketSigner(key, info.uid)
        known = [attendees.find_by_code(db.conn, c) for c in roster[args.scans :]]
        roster_signed = [
            signer.sign(TicketData(p.uid, p.code, p.first_name, p.last_name))
            for p in known
            if p is not None
        ]
        new_signed = [
            signer.sign(TicketData(str(uuid.uuid4()), codes.generate(), "Анастасия", "Вълканова"))
            for _ in range(args.scans)
        ]
        service = CheckinService(db)

        kinds = {
            "ordinary code, admitted": list(roster[: args.scans]),
            "ordinary code, unknown": [codes.generate() for _ in range(args.scans)],
            "signed, person in roster, admitted": roster_signed,
            "signed, person added, admitted": new_signed,
            "signed, altered, refused": [
                t[:50] + ("1" if t[50] != "1" else "2") + t[51:] for t in new_signed
            ],
        }
        # Round robin, so every kind meets the same disk, cache and neighbours.
        samples: dict[str, list[float]] = {k: [] for k in kinds}
        for i in range(args.scans):
            for label, texts in kinds.items():
                start = time.perf_counter()
                service.scan(texts[i])
                samples[label].append(time.perf_counter() - start)
        db.close()
    base = median_us(samples["ordinary code, admitted"])
    print()
    print(f"Whole scans through CheckinService on a database file (median of {args.scans}):")
    for label, taken_s in samples.items():
        us = median_us(taken_s)
        print(f"  {label:38} {us / 1000:6.2f} ms  ×{us / base:4.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
