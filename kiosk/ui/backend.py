"""The desk's database work, off the GUI thread.

A writer thread runs every check-in, undo, walk-in and import through the same services as the
command line, one at a time and in the order asked; a reader thread, with its own connection,
answers searches, details and counts, so a check-in never waits behind a slow count. Results
come back as queued signals: the window never waits on a disk sync.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kiosk.app import open_desk
from kiosk.app.checkin import (
    CheckinResult,
    Clock,
    NoListError,
    ScanRequestError,
    UndoError,
    UndoResult,
)
from kiosk.app.desk import UndoTarget
from kiosk.app.door import Desk, KioskNameError, NewAttendee, StorageError
from kiosk.app.lookup import Found, PersonDetails
from kiosk.app.people import PersonError
from kiosk.core.model import Attendee, Method, ScanKind

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


#: Page caches of the desk's two connections. Each grows towards the size of the event file
#: over a long day (every count reads the log; every check-in touches another person's page),
#: and the operating system caches the file anyway, so a page not in SQLite's cache costs a
#: read from memory, not from the disk. 8 MiB each holds the hot pages (the code index, the
#: newest pages of the log, the search index's upper levels); together with the side
#: connections' 2 MiB each the desk's SQLite memory stays under ~25 MiB however long the day.
WRITER_CACHE_KIB = 8_192
READER_CACHE_KIB = 8_192


@dataclass(frozen=True, slots=True)
class Failure:
    """A request that could not be done, with a reason code and the service's message."""

    request: str  # scan, undo, walk_in, search, details, numbers, known, import, rename
    # no_list, nothing_to_undo, storage, refused (ScanRequestError), bug; rename:
    # KioskNameError.reason; import: ImportFileError.reason (bad_file, many_missing, bad_rows,
    # different_list, …)
    kind: str
    message: str


@dataclass(frozen=True, slots=True)
class ImportChoices:
    """What the organizer decided about an import the service refused to guess about:
    people missing from the file (None: not decided; True cancel them; False keep them) and
    rows that cannot be read (leave them out)."""

    cancel_missing: bool | None = None
    skip_bad_rows: bool = False


@dataclass(frozen=True, slots=True)
class PersonEdited:
    """A correction on disk: the person as now stored and the fields that changed."""

    attendee: Attendee
    changed: frozenset[str]


@dataclass(frozen=True, slots=True)
class Known:
    """Values already in the event, most common first: choices for the walk-in form."""

    categories: list[str]
    countries: list[str]
    #: The event's ticket codes that are not in our format, in capitals (imported ones).
    foreign_codes: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class SearchResult:
    serial: int
    query: str
    found: list[Found]
    #: The same keys on another keyboard layout, when the results are for that text instead.
    showing_for: str | None = None


@dataclass(frozen=True, slots=True)
class Similar:
    """Registered people with a name like a walk-in's."""

    first_name: str
    last_name: str
    found: list[Found]


class _Worker(QObject):
    scanned = Signal(object)  # CheckinResult
    undone = Signal(object)  # UndoResult
    searched = Signal(object)  # SearchResult
    detailed = Signal(object)  # PersonDetails | None
    counted = Signal(object)  # LiveNumbers
    known = Signal(object)  # Known
    imported = Signal(object)  # ImportReport
    renamed = Signal(object)  # Kiosk
    edited = Signal(object)  # PersonEdited
    failed = Signal(object)  # Failure
    meetings_found = Signal(object)  # ScanMeetings
    undo_found = Signal(object)  # UndoTarget | None
    similar = Signal(object)  # Similar

    def __init__(
        self, path: str, clock: Clock | None, cache_kib: int, self_service: bool = False
    ) -> None:
        super().__init__()
        self.self_service = self_service
        self.operator = "kiosk" if self_service else "desk"
        self.path = path
        self.clock = clock
        self.cache_kib = cache_kib
        self.desk: Desk | None = None

    def _open(self) -> Desk:
        if self.desk is None:
            self.desk = open_desk(
                self.path, clock=self.clock, self_service=self.self_service,
                cache_kib=self.cache_kib,
            )  # fmt: skip
        return self.desk

    def _fail(self, request: str, exc: BaseException) -> None:
        if isinstance(exc, NoListError):
            self.failed.emit(Failure(request, "no_list", str(exc)))
        elif isinstance(exc, UndoError):
            self.failed.emit(Failure(request, "nothing_to_undo", str(exc)))
        elif isinstance(exc, StorageError):
            self.failed.emit(Failure(request, "storage", str(exc)))
        elif isinstance(exc, ScanRequestError):
            self.failed.emit(Failure(request, "refused", str(exc)))
        else:
            log.exception("desk request %s failed", request)
            self.failed.emit(Failure(request, "bug", f"{type(exc).__name__}: {exc}"))

    @Slot(str, int, bool, str)
    def scan(self, code: str, list_id: int, is_exit: bool, method: str) -> None:
        try:
            desk = self._open()  # with a hub, it asks "admitted elsewhere?" (300 ms at most)
            kind = ScanKind.EXIT if is_exit else ScanKind.ENTRY
            result = desk.scan(
                code, list_id=list_id or None, kind=kind, operator=self.operator,
                method=Method(method),
            )  # fmt: skip
        except Exception as exc:
            self._fail("scan", exc)
            return
        self.scanned.emit(result)
        self._meetings_after(result)

    def _meetings_after(self, result: CheckinResult) -> None:
        """The person's B2B meetings of the day, after the result is on its way to the screen
        (a problem here never touches the check-in: it is logged and nothing is shown)."""
        if result.decision.attendee is None or self.desk is None:
            return
        try:
            found = self.desk.meetings.after_scan(result)
        except Exception:
            log.exception("reading the B2B meetings after a check-in failed")
            return
        if found is not None:
            self.meetings_found.emit(found)

    @Slot(str, int, str)
    def force(self, code: str, list_id: int, reason: str) -> None:
        try:
            result = self._open().scan(
                code, list_id=list_id or None, operator=self.operator, force=True, reason=reason
            )
        except Exception as exc:
            self._fail("force", exc)
            return
        self.scanned.emit(result)

    @Slot(str)
    def undo(self, scan_id: str) -> None:
        try:
            result = self._open().undo(scan_id or None, operator="desk")
        except Exception as exc:
            self._fail("undo", exc)
            return
        self.undone.emit(result)

    @Slot(object, int)
    def walk_in(self, person: NewAttendee, list_id: int) -> None:
        try:
            result = self._open().walk_in(person, list_id=list_id or None, operator="desk")
        except Exception as exc:
            self._fail("walk_in", exc)
            return
        self.scanned.emit(result)

    @Slot(str)
    @Slot(int, object)
    def edit_person(self, attendee_id: int, changes: dict[str, object]) -> None:
        try:
            person, changed = self._open().edit_person(
                attendee_id, changes, operator=self.operator
            )
        except PersonError as exc:
            self.failed.emit(Failure("edit", "invalid", str(exc)))
            return
        except Exception as exc:
            self._fail("edit", exc)
            return
        self.edited.emit(PersonEdited(person, changed))

    def rename_kiosk(self, name: str) -> None:
        try:
            renamed = self._open().rename_kiosk(name)
        except KioskNameError as exc:
            self.failed.emit(Failure("rename", exc.reason, str(exc)))
            return
        except Exception as exc:
            self._fail("rename", exc)
            return
        self.renamed.emit(renamed)

    @Slot(int, str)
    def search(self, serial: int, query: str) -> None:
        try:
            answer = self._open().search_any_layout(query, limit=50)
        except Exception as exc:
            self._fail("search", exc)
            return
        self.searched.emit(SearchResult(serial, query, answer.found, answer.showing_for))

    @Slot(str)
    def find_undo(self, scan_id: str) -> None:
        try:
            self.undo_found.emit(self._open().undo_target(scan_id=scan_id or None))
        except Exception as exc:
            self._fail("undo", exc)

    @Slot(str, str)
    def find_similar(self, first_name: str, last_name: str) -> None:
        try:
            found = self._open().similar_people(first_name, last_name)
        except Exception as exc:
            self._fail("similar", exc)
            return
        self.similar.emit(Similar(first_name, last_name, found))

    @Slot(int, str, int)
    def find_myself(self, serial: int, query: str, list_id: int) -> None:
        try:
            found = self._open().find_myself(query, list_id)
        except Exception as exc:
            self._fail("search", exc)
            return
        self.searched.emit(SearchResult(serial, query, found))

    @Slot(int)
    def details(self, attendee_id: int) -> None:
        try:
            self.detailed.emit(self._open().details(attendee_id))
        except Exception as exc:
            self._fail("details", exc)

    @Slot(int)
    def numbers(self, list_id: int) -> None:
        try:
            self.counted.emit(self._open().numbers(list_id))
        except Exception as exc:
            self._fail("numbers", exc)

    @Slot()
    def load_known(self) -> None:
        try:
            desk = self._open()
            self.known.emit(
                Known(
                    desk.common_values("category"),
                    desk.common_values("country"),
                    desk.foreign_codes(),
                )
            )
        except Exception as exc:
            self._fail("known", exc)

    @Slot(str, object)
    def import_file(self, path: str, choices: ImportChoices) -> None:
        from kiosk.app.importing import ImportFileError  # the import's libraries, when used

        try:
            report = self._open().import_file(
                path,
                cancel_missing=choices.cancel_missing,
                skip_bad_rows=choices.skip_bad_rows,
            )
        except ImportFileError as exc:
            # kind: the refusal's reason (bad_file, many_missing, bad_rows, different_list, …),
            # so the window can offer what the command line offers with its options.
            self.failed.emit(Failure("import", exc.reason, str(exc)))
            return
        except Exception as exc:
            self._fail("import", exc)
            return
        self.imported.emit(report)
        self.load_known()

    @Slot()
    def close(self) -> None:
        if self.desk is not None:
            self.desk.close()
            self.desk = None


class DeskBackend(QObject):
    """The window's handle on the worker: call methods, connect to the result signals."""

    scanned = Signal(object)  # CheckinResult (also for walk-ins)
    undone = Signal(object)  # UndoResult
    searched = Signal(object)  # SearchResult (only the newest query's)
    detailed = Signal(object)  # PersonDetails | None
    counted = Signal(object)  # LiveNumbers
    known = Signal(object)  # Known
    imported = Signal(object)  # ImportReport
    renamed = Signal(object)  # Kiosk: this kiosk's new name is on disk
    edited = Signal(object)  # PersonEdited: a correction is on disk
    failed = Signal(object)  # Failure
    meetings_found = Signal(object)  # ScanMeetings: the person's meetings after a check-in
    undo_found = Signal(object)  # UndoTarget | None: what an undo would reach
    similar = Signal(object)  # Similar: people named like a walk-in

    _scan = Signal(str, int, bool, str)
    _force = Signal(str, int, str)
    _undo = Signal(str)
    _walk_in = Signal(object, int)
    _search = Signal(int, str)
    _find_myself = Signal(int, str, int)
    _details = Signal(int)
    _numbers = Signal(int)
    _known = Signal()
    _import = Signal(str, object)
    _rename = Signal(str)
    _edit = Signal(int, object)
    _find_undo = Signal(str)
    _find_similar = Signal(str, str)
    _close = Signal()

    def __init__(
        self,
        path: str,
        parent: QObject | None = None,
        clock: Clock | None = None,
        *,
        self_service: bool = False,
    ) -> None:
        super().__init__(parent)
        self.path = path
        #: A self-service kiosk's backend: its service refuses forced admissions.
        self.self_service = self_service
        self._serial = 0
        # Two threads, two connections: check-ins never wait behind a count or a search
        # (WAL lets the reader read while the writer commits).
        self._writer_thread, self._writer = self._start("desk-writer", clock, WRITER_CACHE_KIB)
        self._reader_thread, self._reader = self._start(
            "desk-reader", clock, READER_CACHE_KIB
        )
        self._scan.connect(self._writer.scan)
        self._force.connect(self._writer.force)
        self._undo.connect(self._writer.undo)
        self._walk_in.connect(self._writer.walk_in)
        self._import.connect(self._writer.import_file)
        self._rename.connect(self._writer.rename_kiosk)
        self._edit.connect(self._writer.edit_person)
        self._search.connect(self._reader.search)
        self._find_myself.connect(self._reader.find_myself)
        self._details.connect(self._reader.details)
        self._numbers.connect(self._reader.numbers)
        self._known.connect(self._reader.load_known)
        # On the writer: it sees the check-in it has just committed, in order.
        self._find_undo.connect(self._writer.find_undo)
        self._find_similar.connect(self._reader.find_similar)
        for worker in (self._writer, self._reader):
            self._close.connect(worker.close)
            worker.scanned.connect(self.scanned)
            worker.undone.connect(self.undone)
            worker.searched.connect(self._on_searched)
            worker.detailed.connect(self.detailed)
            worker.counted.connect(self.counted)
            worker.known.connect(self.known)
            worker.imported.connect(self.imported)
            worker.renamed.connect(self.renamed)
            worker.edited.connect(self.edited)
            worker.failed.connect(self.failed)
            worker.meetings_found.connect(self.meetings_found)
            worker.undo_found.connect(self.undo_found)
            worker.similar.connect(self.similar)

    def _start(
        self, name: str, clock: Clock | None, cache_kib: int
    ) -> tuple[QThread, _Worker]:
        thread = QThread(self)
        thread.setObjectName(name)
        worker = _Worker(self.path, clock, cache_kib, self.self_service)
        worker.moveToThread(thread)
        thread.finished.connect(worker.deleteLater)
        thread.start()
        return thread, worker

    def scan(
        self, code: str, list_id: int, *, exit_mode: bool = False, method: Method = Method.SCANNED
    ) -> None:
        self._scan.emit(code, list_id, exit_mode, method.value)

    def force(self, code: str, list_id: int, reason: str) -> None:
        """Admit ``code`` anyway, with staff's reason (a desk only: a self-service kiosk's
        service refuses it with a ``refused`` failure)."""
        self._force.emit(code, list_id, reason)

    def undo(self, scan_id: str | None = None) -> None:
        self._undo.emit(scan_id or "")

    def walk_in(self, person: NewAttendee, list_id: int) -> None:
        self._walk_in.emit(person, list_id)

    def find_undo(self, scan_id: str | None = None) -> None:
        """Name what an undo would reach (``undo_found``): the scan ``scan_id``, else this
        kiosk's newest check-in."""
        self._find_undo.emit(scan_id or "")

    def find_similar(self, first_name: str, last_name: str) -> None:
        """People named like a walk-in (``similar``)."""
        self._find_similar.emit(first_name, last_name)

    def search(self, query: str) -> int:
        self._serial += 1
        self._search.emit(self._serial, query)
        return self._serial

    def find_myself(self, query: str, list_id: int) -> int:
        """The self-service kiosk's search (its privacy rule); answered on ``searched``."""
        self._serial += 1
        self._find_myself.emit(self._serial, query, list_id)
        return self._serial

    def details(self, attendee_id: int) -> None:
        self._details.emit(attendee_id)

    def numbers(self, list_id: int) -> None:
        self._numbers.emit(list_id)

    def load_known(self) -> None:
        self._known.emit()

    def import_file(self, path: str, choices: ImportChoices | None = None) -> None:
        self._import.emit(path, choices or ImportChoices())

    def edit_person(self, attendee_id: int, changes: dict[str, object]) -> None:
        """Correct a person's details, note or attention flag (on the writer thread, logged);
        ``edited`` or ``failed``."""
        self._edit.emit(attendee_id, changes)

    def rename_kiosk(self, name: str) -> None:
        """Rename this computer's kiosk (on the writer thread); ``renamed`` or ``failed``."""
        self._rename.emit(name)

    @Slot(object)
    def _on_searched(self, result: SearchResult) -> None:
        if result.serial == self._serial:  # an older query's answer arriving late is dropped
            self.searched.emit(result)

    def shutdown(self) -> None:
        """Finish queued work, close the databases and stop the threads."""
        self._close.emit()
        for thread in (self._writer_thread, self._reader_thread):
            if thread.isRunning():
                thread.quit()
                thread.wait()


__all__ = [
    "CheckinResult",
    "DeskBackend",
    "Failure",
    "Found",
    "Known",
    "PersonDetails",
    "SearchResult",
    "Similar",
    "UndoResult",
    "UndoTarget",
]
