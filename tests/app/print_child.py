"""Child process for the print-queue kill test (tests/app/test_print_durability.py); not a test
module itself.

Usage: ``python print_child.py EVENT_DB [--drain]``. Does what a kiosk's print worker does,
with the real Database and print queue: at start-up puts jobs a crash left ``printing`` back
in the queue and prints them, then queues a badge for each attendee that has none, takes it,
"prints" it (a short wait standing in for the printer) and marks it done. Each step is printed
only after its transaction returned: ``Q <job_uid> <attendee_uid>`` (queued), ``C <job id>``
(printing), ``D <job id>`` (done), ``R <job id>`` (recovered at start-up). With ``--drain``
it only recovers and prints what is due, and queues nothing new.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime

from kiosk.storage import events, printjobs
from kiosk.storage.database import Database


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: print_child.py EVENT_DB [--drain]", file=sys.stderr)
        return 2
    out = sys.stdout

    def say(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    with Database(argv[1]) as db:
        kiosk = events.local_kiosk(db)
        (list_id,) = db.conn.execute("SELECT min(id) FROM checkin_list").fetchone()
        for job in printjobs.recover_interrupted(db, kiosk.id, datetime.now(UTC)):
            say(f"R {job.id}")
        say("READY")

        def print_due() -> None:
            while (job := printjobs.claim_next(db, kiosk.id, datetime.now(UTC))) is not None:
                say(f"C {job.id}")
                time.sleep(0.01)  # the printer
                printjobs.mark_done(db, job.id, datetime.now(UTC))
                say(f"D {job.id}")

        print_due()
        if argv[2:] == ["--drain"]:
            say("DONE")
            return 0
        waiting = [
            r[0]
            for r in db.conn.execute(
                "SELECT uid FROM attendee WHERE uid NOT IN (SELECT attendee_uid FROM print_job) "
                "ORDER BY id"
            )
        ]
        for uid in waiting:
            new = printjobs.NewPrintJob(kiosk.id, uid, list_id, "roll-80mm", "memory://")
            job = printjobs.enqueue(db, new, datetime.now(UTC))
            say(f"Q {job.job_uid} {uid}")
            print_due()
        say("DONE")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
