"""Badge printing: deciding when to print, the durable queue, and working through it.

Printing never blocks or undoes a check-in: :meth:`PrintService.on_checkin` runs after the
check-in is committed and only adds a row to the queue; the printer is driven later by
:meth:`PrintService.process_one` / :meth:`PrintService.process_due` (a worker thread in the
windows, a direct call in the command line). No write lock is held while a printer works.

One instance per thread: a worker thread gives the service its own :class:`Database`. The
desk, the self-service window and the command line all reach it as ``Desk.printing``
(:func:`print_service`: badges drawn by :mod:`kiosk.app.badging`, printers opened from their
address). At start-up the composition root calls :meth:`PrintService.recover_interrupted` once
per kiosk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PIL import Image

from kiosk.app.checkin import CheckinResult, Clock, utc_now
from kiosk.core.lists import list_to_show
from kiosk.core.model import Attendee
from kiosk.core.reasons import Reason
from kiosk.core.timeutil import local_day
from kiosk.printing.base import Fault, Printer, PrinterError
from kiosk.printing.discover import FoundPrinter
from kiosk.storage import attendees, events, printjobs
from kiosk.storage.database import Database
from kiosk.storage.errors import StorageError
from kiosk.storage.events import Kiosk
from kiosk.storage.printjobs import BadgePrinted, JobState, NewPrintJob, PrintJob

log = logging.getLogger(__name__)

#: Draws a person's badge with the named template, at the printer's width.
Render = Callable[[Attendee, str], Image.Image]
#: Opens the printer a URI names; raises PrinterError when it cannot.
PrinterFactory = Callable[[str], Printer]

POLICY_KEY = "print.policy"
PRINTER_KEY = "print.printer_uri"
TEMPLATE_KEY = "print.template"
DEFAULT_TEMPLATE = "roll-80mm"  # the common 80 mm thermal desk printer


class PrintPolicy(StrEnum):
    """When a check-in prints a badge by itself."""

    NEVER = "never"
    FIRST_ADMISSION = "first_admission"  # the person's first admission of the whole event
    EVERY_ADMISSION = "every_admission"


DEFAULT_POLICY = PrintPolicy.FIRST_ADMISSION

SLIP_KEY = "print.meeting_slip"


class SlipPolicy(StrEnum):
    """Whether a printed badge is followed by the person's B2B meeting slip of the day."""

    NEVER = "never"
    WITH_BADGE = "with_badge"  # only for people with meetings that day


DEFAULT_SLIP_POLICY = SlipPolicy.WITH_BADGE


class Skip(StrEnum):
    """Why a check-in queued no badge (stable codes; the UI words them)."""

    NOT_ADMITTED = "not_admitted"  # refused, or an exit
    POLICY_NEVER = "policy_never"
    NO_PRINTER = "no_printer"  # no printer chosen for this kiosk
    ALREADY_PRINTED = "already_printed"  # first_admission: printed before (see ``previous``)
    NOT_FIRST_ADMISSION = "not_first_admission"  # first_admission: admitted before, no badge
    ALREADY_QUEUED = "already_queued"  # a badge for this person is already on its way
    STORAGE = "storage"  # the job could not be written (``message`` says why)


@dataclass(frozen=True, slots=True)
class PrintDecision:
    """What a check-in did about a badge: a queued job, or why none."""

    job: PrintJob | None
    skipped: Skip | None = None
    #: The person's last printed badge, when ``skipped`` is ALREADY_PRINTED.
    previous: BadgePrinted | None = None
    message: str = ""

    @property
    def queued(self) -> bool:
        return self.job is not None and self.skipped is None


@dataclass(frozen=True, slots=True)
class NeedsConfirmation:
    """A badge was printed for this person before: ask staff before printing another."""

    previous_at: datetime  # UTC
    previous_kiosk: str  # the kiosk's name ("" when unknown)


class PrintRequestError(Exception):
    """A print cannot be queued (no printer chosen, unknown person, no list); ``str()`` says
    what to do."""


class PrintService:
    def __init__(
        self,
        db: Database,
        kiosk: Kiosk,
        render: Render,
        printer_factory: PrinterFactory,
        clock: Clock = utc_now,
        *,
        max_attempts: int = printjobs.MAX_ATTEMPTS,
    ) -> None:
        self.db = db
        self.kiosk = kiosk
        self.render = render
        self.printer_factory = printer_factory
        self.clock = clock
        self.max_attempts = max_attempts

    # Settings (per kiosk).

    def policy(self) -> PrintPolicy:
        value = printjobs.get_setting(self.db, self.kiosk.id, POLICY_KEY)
        if value is None:
            return DEFAULT_POLICY
        try:
            return PrintPolicy(value)
        except ValueError:
            log.warning(
                "Unknown print policy %r for %s; using %s", value, self.kiosk.name, DEFAULT_POLICY
            )
            return DEFAULT_POLICY

    def set_policy(self, policy: PrintPolicy) -> None:
        printjobs.set_setting(self.db, self.kiosk.id, POLICY_KEY, PrintPolicy(policy).value)

    def slip_policy(self) -> SlipPolicy:
        value = printjobs.get_setting(self.db, self.kiosk.id, SLIP_KEY)
        try:
            return SlipPolicy(value) if value else DEFAULT_SLIP_POLICY
        except ValueError:
            return DEFAULT_SLIP_POLICY

    def set_slip_policy(self, policy: SlipPolicy) -> None:
        printjobs.set_setting(self.db, self.kiosk.id, SLIP_KEY, SlipPolicy(policy).value)

    def printer_uri(self) -> str | None:
        return printjobs.get_setting(self.db, self.kiosk.id, PRINTER_KEY) or None

    def set_printer_uri(self, uri: str | None) -> None:
        printjobs.set_setting(self.db, self.kiosk.id, PRINTER_KEY, uri.strip() if uri else None)

    def template(self) -> str:
        return printjobs.get_setting(self.db, self.kiosk.id, TEMPLATE_KEY) or DEFAULT_TEMPLATE

    def set_template(self, name: str | None) -> None:
        printjobs.set_setting(self.db, self.kiosk.id, TEMPLATE_KEY, name or None)

    # Queueing.

    def on_checkin(self, result: CheckinResult) -> PrintDecision:
        """Queue a badge for a check-in that is already committed, as the policy says.

        Never raises for printing or storage trouble: the answer says why nothing was queued.
        """
        person = result.decision.attendee
        if result.decision.reason is not Reason.ADMITTED or person is None:
            return PrintDecision(None, Skip.NOT_ADMITTED)
        try:
            policy = self.policy()
            if policy is PrintPolicy.NEVER:
                return PrintDecision(None, Skip.POLICY_NEVER)
            uri = self.printer_uri()
            if uri is None:
                return PrintDecision(
                    None,
                    Skip.NO_PRINTER,
                    message=f"No printer is chosen for {self.kiosk.name}: choose one in the "
                    "printer settings to print badges.",
                )
            pending = printjobs.open_job_for(self.db, self.kiosk.id, person.uid)
            if pending is not None:
                return PrintDecision(pending, Skip.ALREADY_QUEUED)
            previous = printjobs.last_badge_printed(self.db, person.uid)
            if policy is PrintPolicy.FIRST_ADMISSION:
                if previous is not None:
                    return PrintDecision(None, Skip.ALREADY_PRINTED, previous=previous)
                if printjobs.admitted_other_than(self.db, person.uid, result.scan_id):
                    return PrintDecision(None, Skip.NOT_FIRST_ADMISSION)
            job = printjobs.enqueue(
                self.db,
                NewPrintJob(
                    kiosk_id=self.kiosk.id,
                    attendee_uid=person.uid,
                    list_id=result.checkin_list.id,
                    template=self.template(),
                    printer_uri=uri,
                    scan_id=result.scan_id,
                    reprint=previous is not None,
                ),
                self.clock(),
            )
        except StorageError as exc:
            log.error("Badge for %s not queued: %s", person.uid, exc)
            return PrintDecision(None, Skip.STORAGE, message=str(exc))
        return PrintDecision(job)

    def request_print(
        self,
        attendee_uid: str,
        *,
        reprint_confirmed: bool,
        list_id: int | None = None,
        printer_uri: str | None = None,
        template: str | None = None,
    ) -> PrintJob | NeedsConfirmation:
        """Staff ask for a badge. If one was printed before, the answer is a question (when and
        where) unless ``reprint_confirmed``; a badge already queued here is not queued twice.

        ``printer_uri`` and ``template`` are for this badge only (the job keeps its own copy;
        the kiosk's settings are not touched); a template that cannot be loaded is refused
        here, before anything is queued.
        """
        uri = printer_uri.strip() if printer_uri else self.printer_uri()
        if template:
            from kiosk.app.badging import badge_template

            badge_template(template)  # raises TemplateError naming the template
        if uri is None:
            raise PrintRequestError(
                f"No printer is chosen for {self.kiosk.name} — choose one in the printer "
                "settings, then print again."
            )
        if attendees.by_uid(self.db, attendee_uid) is None:
            raise PrintRequestError(f"There is no registration {attendee_uid} in this event.")
        pending = printjobs.open_job_for(self.db, self.kiosk.id, attendee_uid)
        if pending is not None:
            return pending
        previous = printjobs.last_badge_printed(self.db, attendee_uid)
        if previous is not None and not reprint_confirmed:
            return NeedsConfirmation(previous.at, previous.kiosk_name)
        return printjobs.enqueue(
            self.db,
            NewPrintJob(
                kiosk_id=self.kiosk.id,
                attendee_uid=attendee_uid,
                list_id=list_id if list_id is not None else self._list_for(attendee_uid),
                template=template or self.template(),
                printer_uri=uri,
                reprint=previous is not None,
            ),
            self.clock(),
        )

    def _list_for(self, attendee_uid: str) -> int:
        """The list a staff print is logged on: the person's latest admission's, else the list
        staff are shown today (kiosk.core.lists.list_to_show: today's, before the event the
        first day's, after it the last day's)."""
        admitted_on = printjobs.last_admission_list(self.db, attendee_uid)
        if admitted_on is not None:
            return admitted_on
        today = local_day(self.clock(), events.event_info(self.db).timezone)
        shown = list_to_show(events.checkin_lists(self.db), today)
        if shown is None:
            raise PrintRequestError("The event has no check-in lists — add one first.")
        return shown.id

    # Printing.

    def recover_interrupted(self) -> list[PrintJob]:
        """Put this kiosk's jobs left ``printing`` by a crash back in the queue (call once at
        start-up, before any worker runs)."""
        jobs = printjobs.recover_interrupted(
            self.db, self.kiosk.id, self.clock(), max_attempts=self.max_attempts
        )
        for job in jobs:
            log.warning("Print job %s was interrupted; requeued (%s)", job.job_uid, job.state)
        return jobs

    def process_one(self) -> PrintJob | None:
        """Print this kiosk's next due job, if any; returns it done or failed.

        Printer faults and any other failure of drawing or printing mark the job failed (with
        a back-off); only storage failures propagate (the job then stays ``printing`` and is
        recovered at the next start).
        """
        job = printjobs.claim_next(self.db, self.kiosk.id, self.clock())
        if job is None:
            return None
        try:
            self._print(job)
        except PrinterError as exc:
            log.warning("Print job %s failed (%s): %s", job.job_uid, exc.kind, exc)
            return self._failed(job, exc.kind, str(exc))
        except Exception as exc:
            log.exception("Print job %s failed", job.job_uid)
            text = str(exc) or type(exc).__name__
            return self._failed(
                job, Fault.FAILED, f"The badge could not be printed: {text} — see the log."
            )
        return printjobs.mark_done(self.db, job.id, self.clock())

    def _print(self, job: PrintJob) -> None:
        person = attendees.by_uid(self.db, job.attendee_uid)
        if person is None:
            raise PrinterError(
                Fault.FAILED,
                f"Registration {job.attendee_uid} is not in this event any more — cancel the job.",
            )
        image = self.render(person, job.template)
        printer = self.printer_factory(job.printer_uri)
        try:
            printer.print_image(image)
            self._print_slip(person, job, printer)
        finally:
            try:
                printer.close()
            except Exception:
                log.warning("Closing printer %s failed", job.printer_uri, exc_info=True)

    def _print_slip(self, person: Attendee, job: PrintJob, printer: Printer) -> None:
        """After the badge, the person's B2B meetings of the job's day, when the slip policy
        says so. The badge is out: a slip that fails is logged, never a reason to print the
        badge again."""
        try:
            if self.slip_policy() is SlipPolicy.NEVER:
                return
            from kiosk.app.slips import SlipMaker

            listed = events.checkin_list(self.db, job.list_id)
            day = listed.day if listed is not None and listed.day else None
            day = day or local_day(self.clock(), events.event_info(self.db).timezone)
            media = printer.media
            for page in SlipMaker(self.db, self.clock).for_printer(
                person, day, media.width_px, media.dpi, media.height_px, media.thermal
            ):
                printer.print_image(page)
        except Exception:
            log.warning(
                "The meeting slip after badge %s was not printed", job.job_uid, exc_info=True
            )

    def _failed(self, job: PrintJob, fault: Fault, message: str) -> PrintJob:
        return printjobs.mark_failed(
            self.db, job.id, self.clock(), fault.value, message, max_attempts=self.max_attempts
        )

    def process_due(self) -> list[PrintJob]:
        """Print every due job of this kiosk, one after another; returns them as they ended."""
        handled: list[PrintJob] = []
        while (job := self.process_one()) is not None:
            handled.append(job)
        return handled

    # Staff views and actions.

    def pending(self) -> list[PrintJob]:
        """This kiosk's jobs not finished (queued, printing, failed), newest first."""
        return printjobs.list_jobs(self.db, kiosk_id=self.kiosk.id, states=printjobs.OPEN_STATES)

    def jobs(self, limit: int = 200) -> list[PrintJob]:
        """This kiosk's jobs, newest first."""
        return printjobs.list_jobs(self.db, kiosk_id=self.kiosk.id, limit=limit)

    def retry(self, job: PrintJob | int) -> PrintJob:
        return printjobs.retry(self.db, _id(job), self.clock())

    def cancel(self, job: PrintJob | int) -> PrintJob:
        return printjobs.cancel(self.db, _id(job), self.clock())

    def last_badge(self, attendee_uid: str) -> BadgePrinted | None:
        return printjobs.last_badge_printed(self.db, attendee_uid)


def _id(job: PrintJob | int) -> int:
    return job if isinstance(job, int) else job.id


def open_printer(uri: str) -> Printer:
    """The printer at ``uri`` (raises PrinterError saying what is wrong with the address)."""
    from kiosk.printing.discover import open_printer as open_uri

    return open_uri(uri)


def find_printers() -> list[FoundPrinter]:
    """Printers this computer can see (USB, system queues, device files), with addresses."""
    from kiosk.printing.discover import discover

    return discover()


def print_service(
    db: Database,
    kiosk: Kiosk | None = None,
    *,
    clock: Clock = utc_now,
) -> PrintService:
    """This computer's kiosk's print queue (or ``kiosk``'s), drawing the event's badges and
    opening printers from their addresses: the one way the desk, the self-service window and
    the command line build it."""
    from kiosk.app.badging import badge_renderer

    return PrintService(
        db,
        kiosk if kiosk is not None else events.local_kiosk(db),
        badge_renderer(events.event_info(db).name),
        open_printer,
        clock,
    )


__all__ = [
    "DEFAULT_POLICY",
    "DEFAULT_TEMPLATE",
    "BadgePrinted",
    "Fault",
    "FoundPrinter",
    "JobState",
    "NeedsConfirmation",
    "PrintDecision",
    "PrintJob",
    "PrintPolicy",
    "PrintRequestError",
    "PrintService",
    "PrinterError",
    "PrinterFactory",
    "Render",
    "Skip",
    "SlipPolicy",
    "find_printers",
    "open_printer",
    "print_service",
]
