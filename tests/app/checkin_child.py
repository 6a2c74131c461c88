"""Child process for the kill test (tests/app/test_durability.py); not a test module itself.

Usage: ``python checkin_child.py EVENT_DB``. Opens the event with the real Database and
CheckinService, prints ``READY``, then scans the code of every attendee in id order and, only
after ``scan()`` has returned (the commit is done), prints ``<scan_id> <reason> <code>`` and
flushes. Finishes with ``DONE`` if it gets through the whole list before being killed.
"""

from __future__ import annotations

import sys

from kiosk.app.checkin import CheckinService
from kiosk.storage.database import Database


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: checkin_child.py EVENT_DB", file=sys.stderr)
        return 2
    out = sys.stdout
    with Database(argv[1]) as db:
        service = CheckinService(db)
        all_codes = [row[0] for row in db.conn.execute("SELECT code FROM attendee ORDER BY id")]
        out.write("READY\n")
        out.flush()
        for code in all_codes:
            result = service.scan(code)
            out.write(f"{result.scan_id} {result.decision.reason} {code}\n")
            out.flush()
        out.write("DONE\n")
        out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
