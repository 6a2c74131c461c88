"""Badge printing never blocks or undoes a check-in; jobs are durable, retried and visible."""

from __future__ import annotations

import signal
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from kiosk.app.checkin import CheckinService
from kiosk.app.printing import (
    DEFAULT_TEMPLATE,
    NeedsConfirmation,
    PrintPolicy,
    PrintRequestError,
    PrintService,
    Skip,
)
from kiosk.core.model import Attendee
from kiosk.core.reasons import Reason
from kiosk.printing.base import Fault, Media, PrinterError, PrinterStatus, Readiness
from kiosk.reports.counts import stats
from kiosk.storage import events, printjobs
from kiosk.storage.database import Database
from kiosk.storage.errors import StorageError
from kiosk.storage.printjobs import JobState
from tests.conftest import Clock, People

REPO_ROOT = Path(__file__).resolve().parents[2]
URI = "escpos+tcp://10.0.0.5:9100"
UNREACHABLE = PrinterError(
    Fault.UNREACHABLE,
    "Printer at 10.0.0.5:9100 not reachable — check that it is on and on the same network.",
)


@dataclass
class Shop:
    """Fake printers: what came out of each, and a fault to raise while it lasts."""

    printed: list[tuple[str, str, tuple[int, int]]] = field(default_factory=list)
    fault: PrinterError | None = None
    opened: int = 0
    closed: int = 0

    def open(self, uri: str) -> FakePrinter:
        self.opened += 1
        return FakePrinter(uri, self)


class FakePrinter:
    def __init__(self, uri: str, shop: Shop) -> None:
        self._uri = uri
        self.shop = shop

    @property
    def uri(self) -> str:
        return self._uri

    @property
    def media(self) -> Media:
        return Media(576, 203, thermal=True)

    def print_image(self, image: Image.Image, *, copies: int = 1) -> None:
        if self.shop.fault is not None:
            raise self.shop.fault
        self.shop.printed.append((self._uri, str(image.info["who"]), image.size))

    def status(self, timeout: float = 2.0) -> PrinterStatus:
        return PrinterStatus(Readiness.READY)

    def close(self) -> None:
        self.shop.closed += 1


def render(person: Attendee, template: str) -> Image.Image:
    image = Image.new("1", (576, 200), 1)
    image.info["who"] = f"{person.name}/{template}"
    return image


@pytest.fixture
def shop() -> Shop:
    return Shop()


def desk(
    db: Database,
    clock: Clock,
    shop: Shop,
    name: str = "Desk 1",
    policy: PrintPolicy = PrintPolicy.FIRST_ADMISSION,
) -> tuple[CheckinService, PrintService]:
    kiosk = events.local_kiosk(db, name)
    printing = PrintService(db, kiosk, render, shop.open, clock)
    printing.set_printer_uri(URI)
    printing.set_policy(policy)
    return CheckinService(db, kiosk, clock), printing


def badge_scans(db: Database) -> list[tuple[str, str, str | None]]:
    return [
        (r["attendee_uid"], r["kiosk_id"], r["ref_scan_id"])
        for r in db.query("SELECT * FROM scan WHERE kind = 'badge_printed' ORDER BY hlc")
    ]


def test_an_admission_queues_a_badge_and_the_worker_prints_it(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    decision = printing.on_checkin(checkin.scan(people.ana))
    assert decision.queued and decision.job is not None
    assert decision.job.state is JobState.QUEUED and shop.printed == []
    (done,) = printing.process_due()
    assert done.state is JobState.DONE
    assert shop.printed == [(URI, f"Ana Ștefănescu/{DEFAULT_TEMPLATE}", (576, 200))]
    assert shop.closed == shop.opened == 1
    assert printing.pending() == []


def test_a_refused_scan_or_an_exit_queues_nothing(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    assert printing.on_checkin(checkin.scan(people.cancelled)).skipped is Skip.NOT_ADMITTED
    assert printing.on_checkin(checkin.scan("NOT-A-CODE")).skipped is Skip.NOT_ADMITTED
    assert printing.jobs() == []


def test_without_a_printer_chosen_a_checkin_queues_nothing_and_says_why(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    printing.set_printer_uri(None)
    decision = printing.on_checkin(checkin.scan(people.ana))
    assert decision.skipped is Skip.NO_PRINTER and "Desk 1" in decision.message
    with pytest.raises(PrintRequestError, match="No printer is chosen"):
        printing.request_print(people_uid(db, people.ivan), reprint_confirmed=False)


def test_the_queue_survives_a_restart(
    db: Database, db_path: Path, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    printing.on_checkin(checkin.scan(people.ana))
    kiosk = printing.kiosk
    db.close()
    with Database(db_path) as reopened:
        again = PrintService(reopened, kiosk, render, shop.open, clock)
        assert again.recover_interrupted() == []
        assert [(j.attendee_name, j.state) for j in again.pending()] == [
            ("Ana Ștefănescu", JobState.QUEUED)
        ]
        again.process_due()
        assert len(shop.printed) == 1


CRASHING_CHILD = """
import os, signal, sys
from kiosk.app.printing import PrintService
from kiosk.storage import events
from kiosk.storage.database import Database

class Dies:
    uri = sys.argv[2]
    def print_image(self, image, *, copies=1):
        os.kill(os.getpid(), signal.SIGKILL)  # killed half way through the print
    def close(self):
        pass

db = Database(sys.argv[1])
service = PrintService(db, events.local_kiosk(db), lambda p, t: None, lambda uri: Dies())
service.process_one()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_job_left_printing_by_a_killed_process_is_requeued_and_printed_exactly_once(
    db: Database, db_path: Path, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    decision = printing.on_checkin(checkin.scan(people.ana))
    assert decision.job is not None
    child = subprocess.run(
        [sys.executable, "-c", CRASHING_CHILD, str(db_path), URI],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    db.close()
    with Database(db_path) as reopened:
        left = printjobs.get(reopened, decision.job.id)
        assert left is not None and left.state is JobState.PRINTING
        restarted = PrintService(reopened, printing.kiosk, render, shop.open, clock)
        (recovered,) = restarted.recover_interrupted()
        assert recovered.state is JobState.QUEUED
        assert [j.state for j in restarted.process_due()] == [JobState.DONE]
        assert restarted.process_due() == []
        assert restarted.recover_interrupted() == []
        assert len(shop.printed) == 1
        assert len(badge_scans(reopened)) == 1


def test_an_unreachable_printer_leaves_the_checkin_admitted_and_the_job_failed_with_a_backoff(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    shop.fault = UNREACHABLE
    result = checkin.scan(people.ana)
    printing.on_checkin(result)
    (failed,) = printing.process_due()
    assert result.decision.reason is Reason.ADMITTED
    assert db.query("SELECT reason FROM effective_scan")[0]["reason"] == "admitted"
    assert failed.state is JobState.FAILED and failed.fault == "unreachable"
    assert failed.message.startswith("Printer at 10.0.0.5:9100 not reachable")
    assert failed.will_retry and failed.next_attempt_at == clock.now + timedelta(seconds=5)
    assert [j.id for j in printing.pending()] == [failed.id]
    assert shop.closed == shop.opened


def test_a_failed_job_is_tried_again_by_itself_after_the_backoff(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    shop.fault = UNREACHABLE
    printing.on_checkin(checkin.scan(people.ana))
    printing.process_due()
    shop.fault = None
    clock.advance(seconds=4)
    assert printing.process_due() == []
    clock.advance(seconds=1)
    (done,) = printing.process_due()
    assert (done.state, done.attempts) == (JobState.DONE, 2)


def test_after_five_failures_the_job_waits_for_staff_and_retry_after_the_fault_clears_prints_it(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    shop.fault = PrinterError(Fault.PAPER_OUT, "The printer is out of paper — load a new roll.")
    printing.on_checkin(checkin.scan(people.ana))
    for _ in range(5):
        (failed,) = printing.process_due()
        clock.advance(minutes=6)
    assert (failed.state, failed.attempts, failed.will_retry) == (JobState.FAILED, 5, False)
    clock.advance(hours=1)
    assert printing.process_due() == []
    shop.fault = None
    printing.retry(failed)
    (done,) = printing.process_due()
    assert done.state is JobState.DONE and len(shop.printed) == 1


def test_a_cancelled_job_is_never_printed(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    decision = printing.on_checkin(checkin.scan(people.ana))
    assert decision.job is not None
    assert printing.cancel(decision.job).state is JobState.CANCELLED
    clock.advance(days=1)
    assert printing.process_due() == [] and shop.printed == []
    assert printing.pending() == []
    assert [j.state for j in printing.jobs()] == [JobState.CANCELLED]


def test_a_badge_that_cannot_be_drawn_fails_the_job_with_kind_failed_and_the_text(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    def broken(person: Attendee, template: str) -> Image.Image:
        raise KeyError(f"no template {template!r}")

    checkin, printing = desk(db, clock, shop)
    printing.render = broken
    printing.on_checkin(checkin.scan(people.ana))
    (failed,) = printing.process_due()
    assert failed.state is JobState.FAILED and failed.fault == Fault.FAILED
    assert f"no template '{DEFAULT_TEMPLATE}'" in failed.message
    assert shop.opened == 0


def test_a_printer_that_cannot_be_opened_fails_the_job_with_its_fault(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    def bad_address(uri: str) -> FakePrinter:
        raise PrinterError(Fault.BAD_ADDRESS, f"'{uri}' is not a printer address.")

    checkin, printing = desk(db, clock, shop)
    printing.printer_factory = bad_address
    printing.on_checkin(checkin.scan(people.ana))
    (failed,) = printing.process_due()
    assert (failed.fault, failed.message) == ("bad_address", f"'{URI}' is not a printer address.")


def test_when_the_job_cannot_be_written_the_checkin_still_stands_and_on_checkin_says_why(
    db: Database, people: People, clock: Clock, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise StorageError("Database event.db: the disk is full — free some space.")

    checkin, printing = desk(db, clock, shop)
    monkeypatch.setattr(printjobs, "enqueue", disk_full)
    result = checkin.scan(people.ana)
    decision = printing.on_checkin(result)
    assert decision.skipped is Skip.STORAGE and "disk is full" in decision.message
    assert result.decision.admitted


def admit_on_two_days_twice(
    db: Database, people: People, clock: Clock, shop: Shop, policy: PrintPolicy
) -> list[Skip | None]:
    """Ana is admitted, refused, and admitted the next day; each time the queue is worked."""
    checkin, printing = desk(db, clock, shop, policy=policy)
    skips: list[Skip | None] = []
    for step in ("admit", "again", "next day", "again"):
        if step == "next day":
            clock.advance(days=1)
        skips.append(printing.on_checkin(checkin.scan(people.ana)).skipped)
        printing.process_due()
        clock.advance(minutes=5)
    return skips


def test_policy_never_prints_no_badge(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    skips = admit_on_two_days_twice(db, people, clock, shop, PrintPolicy.NEVER)
    assert skips == [Skip.POLICY_NEVER, Skip.NOT_ADMITTED, Skip.POLICY_NEVER, Skip.NOT_ADMITTED]
    assert shop.printed == []


def test_policy_first_admission_prints_once_for_the_whole_event(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    skips = admit_on_two_days_twice(db, people, clock, shop, PrintPolicy.FIRST_ADMISSION)
    assert skips == [None, Skip.NOT_ADMITTED, Skip.ALREADY_PRINTED, Skip.NOT_ADMITTED]
    assert len(shop.printed) == 1


def test_policy_first_admission_says_when_and_where_the_badge_was_printed(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    _, desk2 = desk(db, clock, shop, "Desk 2")
    checkin2 = CheckinService(db, desk2.kiosk, clock)
    desk2.on_checkin(checkin2.scan(people.ana))
    desk2.process_due()  # printed at 09:14 local on Desk 2
    clock.advance(days=1)
    checkin1, desk1 = desk(db, clock, shop, "Desk 1")
    decision = desk1.on_checkin(checkin1.scan(people.ana))
    assert decision.skipped is Skip.ALREADY_PRINTED and decision.previous is not None
    assert decision.previous.at == datetime(2026, 9, 28, 6, 14, tzinfo=UTC)
    assert decision.previous.kiosk_name == "Desk 2"


def test_policy_first_admission_does_not_print_for_a_later_admission_without_a_badge(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop, policy=PrintPolicy.NEVER)
    printing.on_checkin(checkin.scan(people.ana))
    clock.advance(days=1)
    printing.set_policy(PrintPolicy.FIRST_ADMISSION)
    assert printing.on_checkin(checkin.scan(people.ana)).skipped is Skip.NOT_FIRST_ADMISSION


def test_policy_every_admission_prints_on_each_admission_and_flags_later_badges_as_reprints(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    skips = admit_on_two_days_twice(db, people, clock, shop, PrintPolicy.EVERY_ADMISSION)
    assert skips == [None, Skip.NOT_ADMITTED, None, Skip.NOT_ADMITTED]
    assert len(shop.printed) == 2
    assert [j.reprint for j in reversed(printjobs.list_jobs(db))] == [False, True]


def test_a_badge_already_on_its_way_is_not_queued_twice(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop, policy=PrintPolicy.EVERY_ADMISSION)
    first = printing.on_checkin(checkin.scan(people.ana))
    clock.advance(seconds=2)
    checkin.undo()
    second = printing.on_checkin(checkin.scan(people.ana))
    assert second.skipped is Skip.ALREADY_QUEUED and second.job == first.job
    again = printing.request_print(people_uid(db, people.ana), reprint_confirmed=True)
    assert again == first.job
    assert len(printing.jobs()) == 1


def people_uid(db: Database, code: str) -> str:
    rows = db.query("SELECT uid FROM attendee WHERE code = ?", (code,))
    return str(rows[0]["uid"])


def test_a_reprint_of_a_printed_badge_needs_confirmation_saying_when_and_where(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    printing.on_checkin(checkin.scan(people.ana))
    printing.process_due()
    clock.advance(minutes=30)
    ana = people_uid(db, people.ana)
    question = printing.request_print(ana, reprint_confirmed=False)
    assert question == NeedsConfirmation(datetime(2026, 9, 28, 6, 14, tzinfo=UTC), "Desk 1")
    assert printing.pending() == []
    job = printing.request_print(ana, reprint_confirmed=True)
    assert isinstance(job, printjobs.PrintJob) and job.reprint and job.scan_id is None
    printing.process_due()
    assert len(shop.printed) == 2 and len(badge_scans(db)) == 2
    later = printing.last_badge(ana)
    assert later is not None and later.at == clock.now


def test_a_first_print_on_request_needs_no_confirmation_and_is_logged_on_todays_list(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    _, printing = desk(db, clock, shop)
    clock.advance(days=1)
    job = printing.request_print(people_uid(db, people.ivan), reprint_confirmed=False)
    assert isinstance(job, printjobs.PrintJob) and not job.reprint
    day2 = [cl for cl in events.checkin_lists(db) if cl.day and cl.day.isoformat() == "2026-09-29"]
    assert job.list_id == day2[0].id
    with pytest.raises(PrintRequestError, match="no registration"):
        printing.request_print("nobody", reprint_confirmed=True)


def test_a_printed_badge_is_one_log_event_that_does_not_count_as_an_admission(
    db: Database, people: People, clock: Clock, shop: Shop
) -> None:
    checkin, printing = desk(db, clock, shop)
    admitted = checkin.scan(people.ana)
    printing.on_checkin(admitted)
    before = stats(db)
    effective_before = db.query("SELECT scan_id FROM effective_scan")
    printing.process_due()
    printing.process_due()
    assert admitted.decision.attendee is not None
    ana = admitted.decision.attendee.uid
    assert badge_scans(db) == [(ana, printing.kiosk.id, admitted.scan_id)]
    assert stats(db) == before
    assert db.query("SELECT scan_id FROM effective_scan") == effective_before
    assert checkin.last_undoable() == admitted.scan_id
    clock.advance(minutes=10)
    again = checkin.scan(people.ana)
    assert again.decision.reason is Reason.ALREADY_CHECKED_IN
    assert again.decision.previous is not None
    assert again.decision.previous.scan_id == admitted.scan_id


def test_two_kiosks_jobs_do_not_interfere(db: Database, people: People, clock: Clock) -> None:
    shop1, shop2 = Shop(), Shop()
    checkin1, desk1 = desk(db, clock, shop1, "Desk 1")
    checkin2, desk2 = desk(db, clock, shop2, "Desk 2")
    desk2.set_printer_uri("escpos+tcp://10.0.0.6:9100")
    desk2.set_template("speaker")
    shop2.fault = UNREACHABLE
    desk1.on_checkin(checkin1.scan(people.ana))
    desk2.on_checkin(checkin2.scan(people.ivan))
    assert [j.attendee_name for j in desk1.pending()] == ["Ana Ștefănescu"]
    assert [j.attendee_name for j in desk2.pending()] == ["Иван Иванов"]
    (done,) = desk1.process_due()
    assert done.state is JobState.DONE
    assert [j.state for j in desk2.pending()] == [JobState.QUEUED]
    (failed,) = desk2.process_due()
    assert failed.state is JobState.FAILED
    assert shop1.printed == [(URI, f"Ana Ștefănescu/{DEFAULT_TEMPLATE}", (576, 200))]
    assert desk1.policy() is PrintPolicy.FIRST_ADMISSION and desk1.template() == DEFAULT_TEMPLATE
    assert desk1.pending() == [] and [j.id for j in desk2.pending()] == [failed.id]
    shop2.fault = None
    desk1.recover_interrupted()
    desk2.retry(failed)
    (reprinted,) = desk2.process_due()
    assert shop2.printed == [("escpos+tcp://10.0.0.6:9100", "Иван Иванов/speaker", (576, 200))]
    assert reprinted.state is JobState.DONE


def test_an_unknown_stored_policy_falls_back_to_the_default(
    db: Database, clock: Clock, shop: Shop
) -> None:
    _, printing = desk(db, clock, shop)
    printjobs.set_setting(db, printing.kiosk.id, "print.policy", "sometimes")
    assert printing.policy() is PrintPolicy.FIRST_ADMISSION
