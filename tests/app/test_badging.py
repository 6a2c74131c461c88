"""Pre-printed badges through the app: who gets one for a list (the check-in rule, not the
days alone), progress while they are drawn, and a cancelled run that leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from kiosk.app import open_desk
from kiosk.app.badging import (
    BadgeFileError,
    BatchCancelled,
    Cancel,
    badge_batch,
    write_badges_pdf,
)
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from tests.conftest import DAY1, Clock, People
from tests.qr import read_qr


def codes_in(pdf: Path) -> set[str]:
    """The ticket codes on the badges of a PDF, read back from its pages' pictures by pypdf and
    a QR decoder (neither of them ours)."""
    found: set[str] = set()
    for page in pypdf.PdfReader(pdf).pages:
        for image in page.images:
            found.update(read_qr(image.image))
    return found


def add_people(db: Database, count: int) -> None:
    rows = [
        NewAttendee(f"EXTRA{i:04d}", f"Guest{i}", "Marinescu", "Port of Constanța", "Romania")
        for i in range(count)
    ]
    with db.write() as conn:
        insert_many(conn, rows, "2026-09-01T00:00:00.000000Z")


def test_a_category_list_takes_only_its_categories_not_everyone_of_its_day(
    db: Database, people: People, clock: Clock
) -> None:
    speakers = events.add_list(db, "Speakers' dinner", day=DAY1, categories=frozenset({"speaker"}))
    batch = badge_batch(db, list_id=speakers.id, clock=clock)
    # Ana is a speaker; Ivan is registered for that day too but is a participant, so the day
    # alone (what `instr(days, ?)` on the stored JSON gave) would have taken him as well.
    assert [p.code for p in batch.people] == [people.ana]


def test_a_day_list_takes_the_people_registered_for_that_day_and_not_the_cancelled(
    db: Database, people: People, clock: Clock
) -> None:
    day1, day2 = events.checkin_lists(db)
    assert {p.code for p in badge_batch(db, list_id=day1.id, clock=clock).people} == {
        people.ana,
        people.ivan,
    }
    assert {p.code for p in badge_batch(db, list_id=day2.id, clock=clock).people} == {
        people.ana,
        people.ivan,
        people.day2_only,
    }
    with_cancelled = badge_batch(db, list_id=day1.id, include_cancelled=True, clock=clock)
    assert people.cancelled in {p.code for p in with_cancelled.people}


def test_a_list_that_does_not_exist_is_named(db: Database, people: People) -> None:
    with pytest.raises(BadgeFileError, match="no check-in list 99"):
        badge_batch(db, list_id=99)


def test_the_pdf_holds_exactly_the_batch_and_progress_counts_badges_up_to_the_total(
    db: Database, people: People, tmp_path: Path
) -> None:
    add_people(db, 12)
    batch = badge_batch(db, order="last-name")
    heard: list[tuple[int, int]] = []
    written = write_badges_pdf(
        batch, tmp_path / "all.pdf", progress=lambda done, total: heard.append((done, total))
    )
    assert (written.badges, written.pages) == (15, 2)
    assert codes_in(tmp_path / "all.pdf") == {p.code for p in batch.people}
    assert heard == [(0, 15), (10, 15), (15, 15)]


def test_a_cancelled_run_leaves_no_file_and_no_temporary_file(
    db: Database, people: People, tmp_path: Path
) -> None:
    add_people(db, 25)
    batch = badge_batch(db)
    before = sorted(tmp_path.iterdir())
    cancel = Cancel()

    def press_after_the_first_sheet(done: int, _total: int) -> None:
        if done:
            cancel.press()

    with pytest.raises(BatchCancelled):
        write_badges_pdf(
            batch, tmp_path / "all.pdf", progress=press_after_the_first_sheet, cancel=cancel
        )
    assert sorted(tmp_path.iterdir()) == before  # no all.pdf, no .all.pdf.*.tmp


def test_a_cancelled_run_keeps_the_file_it_would_have_replaced(
    db: Database, people: People, tmp_path: Path
) -> None:
    target = tmp_path / "all.pdf"
    target.write_bytes(b"%PDF-1.4 yesterday's badges")
    cancel = Cancel()
    cancel.press()
    with pytest.raises(BatchCancelled):
        write_badges_pdf(badge_batch(db), target, cancel=cancel)
    assert target.read_bytes() == b"%PDF-1.4 yesterday's badges"


def test_the_desk_reaches_printing_and_badges_and_closes_its_own_file(
    db_path: Path, db: Database, people: People, clock: Clock
) -> None:
    with open_desk(db_path, clock=clock, hub_guard=False) as desk:
        assert desk.printing is desk.printing  # built once, when first asked
        assert desk.printing.kiosk == events.local_kiosk(db)
        image = desk.badges.preview("a6-portrait")
        assert image is not None and read_qr(image) == [people.ana]  # the longest name
        assert desk.badges.person(people.ivan.lower()) is not None
        assert {p.code for p in desk.tickets().people} == {
            people.ana,
            people.ivan,
            people.day2_only,
        }
    with pytest.raises(Exception, match="closed"):
        desk.printing.db.conn.execute("SELECT 1")
