"""B2B meetings, as the organiser and the funder need them (issue 22).

The schedule files below follow what b2match's own help pages say of a meeting (the layout
Kiosk supports is written in the README, "B2B meetings"):
- "Meetings Overview" (https://help.b2match.com/en-US/meetings-overview-292474): meetings are
  Pending, Accepted or Canceled;
- "Edit Meeting" (https://support.b2match.com/en/edit-meeting): a 1:1 meeting has a *host* (who
  sent the request) and a *guest*, and a time slot on a matchmaking session's date;
- "Basics about the scheduling process" (https://b2match-support.zendesk.com/hc/en-us/articles/
  202946792-Basics-about-the-scheduling-process): each meeting gets a starting time and a
  *table or booth number*;
- "Importing contacts from Excel" (https://support.b2match.com/importing-contacts-from-excel): a
  participant is first name, last name, organization name, e-mail and country (English country
  names or ISO codes).
b2match lists write Bulgarian names in Latin: the spellings below follow the Bulgarian
Transliteration Act's table (Ж zh, Ц ts, Щ sht, Ъ a, Й y), and Romanian names are written with
and without their diacritics and with the legacy cedilla ş (Romanian orthography: ș is right).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.app.meetings import MeetingError, MeetingsService, import_meetings
from kiosk.core import codes
from kiosk.core.meetings import MeetingStatus, Outcome, Presence
from kiosk.core.model import Policy
from kiosk.storage import attendees, events
from kiosk.storage import meetings as store
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2, Clock

HEADER = (
    "Meeting ID,Date,Start time,End time,Table,Status,"
    "Host first name,Host last name,Host organisation,Host e-mail,Host country,"
    "Guest first name,Guest last name,Guest organisation,Guest e-mail,Guest country"
)


@pytest.fixture
def firms(db: Database) -> dict[str, str]:
    """Registered people of four firms: name -> ticket code."""
    taken: set[str] = set()
    rows = [
        ("Живко", "Цанков", "Клъстер Мехатроника", "Bulgaria", "zh.tsankov@mechatronics.bg"),
        ("Стоян", "Дъбов", "Дунав Логистик ООД", "Bulgaria", ""),
        ("Ștefan", "Țurcanu", "Black Sea Cluster", "Romania", "stefan@blacksea.ro"),
        ("Ion", "Popescu", "Black Sea Cluster", "Romania", ""),
        ("Мария", "Йорданова", "ТПП Русе", "Bulgaria", ""),
        ("Andrei", "Munteanu", "Giurgiu Port SA", "Romania", ""),
    ]
    new, names = [], {}
    for first, last, org, country, email in rows:
        code = codes.generate(taken)
        taken.add(code)
        names[f"{first} {last}"] = code
        new.append(NewAttendee(code, first, last, org, country, email))
    with db.write() as conn:
        attendees.insert_many(conn, new, "2026-09-01T00:00:00.000000Z")
    return names


def schedule(tmp_path: Path, *rows: str, name: str = "meetings.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    return path


ROWS = (
    # host written in Latin as b2match lists do; guest found by e-mail
    "M-1,2026-09-28,10:30,11:00,Table 12,Accepted,Zhivko,Tsankov,Klaster Mehatronika,,Bulgaria,"
    "Stefan,Turcanu,Black Sea Cluster,STEFAN@blacksea.ro,Romania",
    # legacy cedilla and no diacritics; the second side by name in Cyrillic order reversed
    "M-2,2026-09-28,11:00,11:30,Table 3,Accepted,Ion,Popescu,Black Sea Cluster,,Romania,"
    "Dabov,Stoyan,Dunav Logistik,,Bulgaria",
    "M-3,2026-09-28,11:30,12:00,Table 4,Canceled,Stoyan,Dabov,,,Bulgaria,"
    "Andrei,Munteanu,Giurgiu Port SA,,Romania",
    "M-4,2026-09-29,09:30,10:00,Table 1,Declined,Maria,Yordanova,TPP Ruse,,Bulgaria,"
    "Ion,Popescu,Black Sea Cluster,,Romania",
    "M-5,2026-09-29,10:00,10:30,Table 2,Pending,Zhivko,Tsankov,,,Bulgaria,"
    "Maria,Yordanova,TPP Ruse,,Bulgaria",
    # a guest nobody registered
    "M-6,2026-09-28,14:00,14:30,Table 7,Accepted,Zhivko,Tsankov,,,Bulgaria,"
    "Petra,Novak,Adriatic Foods,petra@adriatic.example,Croatia",
)


def test_each_side_is_matched_by_email_then_name_across_scripts(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    report = import_meetings(db, schedule(tmp_path, *ROWS))
    assert report.added == 6
    by_id = {m.uid: m for m in MeetingsService(db).board()}
    names = {(m.a.name, m.b.name) for m in by_id.values()}
    assert ("Живко Цанков", "Ștefan Țurcanu") in names
    assert ("Ion Popescu", "Стоян Дъбов") in names  # "Dabov Stoyan": any order, Ъ = a
    assert report.matched_by == {"email": 1, "name": 10}
    # the unregistered guest is listed with the row number a spreadsheet shows
    [unmatched] = report.unmatched
    assert (unmatched.row, unmatched.side, unmatched.reason) == (7, "b", "no_match")
    assert unmatched.name == "Petra Novak"


def test_cancelled_declined_and_pending_meetings_are_kept_as_such_and_never_counted(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    import_meetings(db, schedule(tmp_path, *ROWS))
    statuses = sorted(m.status.value for m in MeetingsService(db).board())
    assert statuses == ["cancelled", "declined", "pending", "planned", "planned", "planned"]
    counts = MeetingsService(db).counts()
    assert sum(c.planned for c in counts.values()) == 3


def test_reimporting_the_same_file_changes_nothing(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    path = schedule(tmp_path, *ROWS)
    import_meetings(db, path)
    before = store.all_meetings(db)
    again = import_meetings(db, path)
    assert (again.added, again.updated, again.unchanged, again.withdrawn) == (0, 0, 6, 0)
    assert store.all_meetings(db) == before


def test_a_meeting_gone_from_a_new_export_is_cancelled_not_deleted(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    import_meetings(db, schedule(tmp_path, *ROWS))
    report = import_meetings(db, schedule(tmp_path, *ROWS[1:], name="v2.csv"))
    assert report.withdrawn == 1
    first = [m for m in MeetingsService(db).board() if m.location == "Table 12"]
    assert [m.status for m in first] == [MeetingStatus.CANCELLED]
    kept = import_meetings(db, schedule(tmp_path, *ROWS[2:], name="v3.csv"), keep_missing=True)
    assert kept.withdrawn == 0


def test_a_dry_run_writes_nothing(db: Database, firms: dict[str, str], tmp_path: Path) -> None:
    report = import_meetings(db, schedule(tmp_path, *ROWS), dry_run=True)
    assert report.added == 6
    assert store.all_meetings(db) == []


def test_bad_rows_get_row_level_reasons_and_the_rest_is_imported(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    path = schedule(
        tmp_path,
        ROWS[0],
        "X-1,28/09/2026,25:00,11:00,T1,Accepted,Ion,Popescu,,,,Stoyan,Dabov,,,",
        "X-2,,10:00,10:30,T1,Accepted,Ion,Popescu,,,,Stoyan,Dabov,,,",
        "X-3,2026-09-28,10:00,09:30,T1,Accepted,Ion,Popescu,,,,Stoyan,Dabov,,,",
        "X-4,2026-09-28,10:00,10:30,T1,Maybe,Ion,Popescu,,,,Stoyan,Dabov,,,",
        "X-5,2026-09-28,10:00,10:30,T1,Accepted,,,,,,Stoyan,Dabov,,,",
        "X-6,2026-09-28,10:00,10:30,T1,Accepted,Ion,Popescu,,,,Ion,Popescu,,,",
        ROWS[0],
        "X-7,2026-09-28,10:00,10:30,T1,Accepted,Ion," + "P" * 5000 + ",,,,Stoyan,Dabov,,,",
    )
    report = import_meetings(db, path)
    assert [(p.row, p.reason) for p in report.skipped] == [
        (3, "bad_time"),
        (4, "missing_date"),
        (5, "end_before_start"),
        (6, "unknown_status"),
        (7, "missing_side"),
        (8, "same_person"),
        (9, "duplicate"),
        (10, "too_long"),  # sizes are checked before anything is stored
    ]
    assert report.added == 1


def test_an_unmatched_side_is_resolved_once_for_all_its_meetings_and_for_reimports(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    # The organiser registers Petra as a walk-in, then says who the file's "Petra Novak" is.
    with db.write() as conn:
        [petra] = attendees.insert_many(
            conn, [NewAttendee(codes.generate(), "Петра", "Новак", "Adriatic", "Croatia")], "x"
        )
    rows = (*ROWS, ROWS[5].replace("M-6", "M-7").replace("14:00,14:30", "15:00,15:30"))
    path = schedule(tmp_path, *rows)
    report = import_meetings(db, path)
    assert report.unmatched == []  # Петра Новак is Petra Novak across scripts
    with db.write() as conn:
        conn.execute("UPDATE attendee SET first_name = 'P.' WHERE id = ?", (petra,))
    open_sides = MeetingsService(db).unresolved()
    assert open_sides == []  # matched sides stay matched when the roster changes
    other = schedule(tmp_path, *(r.replace("Petra,Novak", "Pet,Nov") for r in rows), name="b")
    second = import_meetings(db, other, source="other")
    assert [u.row for u in second.unmatched] == [7, 8]
    service = MeetingsService(db)
    changed = service.resolve(second.unmatched[0].meeting, "b", petra)
    assert changed == 2  # both meetings naming "Pet Nov" the same way
    assert service.unresolved() == []
    third = import_meetings(db, other, source="other")
    assert third.unmatched == [] and third.matched_by["organizer"] == 2


def test_held_possible_no_show_and_open(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    import_meetings(db, schedule(tmp_path, *ROWS))
    clock = Clock(datetime(2026, 9, 28, 7, 0, tzinfo=UTC))  # 10:00 in Sofia, day 1
    desk = CheckinService(db, clock=clock)
    service = MeetingsService(db, clock=clock)
    for name in ("Живко Цанков", "Ștefan Țurcanu", "Ion Popescu"):
        assert desk.scan(firms[name]).decision.admitted
    board = {m.location: m for m in service.board(DAY1)}
    assert board["Table 12"].presence is Presence.BOTH
    assert board["Table 12"].outcome is Outcome.POSSIBLE  # both here, not marked: possible
    assert board["Table 3"].presence is Presence.ONE
    assert board["Table 3"].outcome is Outcome.OPEN  # the day is not over
    service.mark(board["Table 12"].uid[:6])
    assert service.board(DAY1)[0].outcome is Outcome.HELD
    service.mark(board["Table 12"].uid, held=False)  # a mistaken mark taken back
    assert service.board(DAY1)[0].outcome is Outcome.POSSIBLE
    service.mark(board["Table 12"].uid)
    clock.advance(days=1)
    after = {m.location: m.outcome for m in MeetingsService(db, clock=clock).board(DAY1)}
    assert after == {
        "Table 12": Outcome.HELD,
        "Table 3": Outcome.NO_SHOW,
        "Table 4": Outcome.NOT_PLANNED,
        "Table 7": Outcome.NO_SHOW,
    }
    counts = MeetingsService(db, clock=clock).counts([DAY1])
    assert counts[(DAY1, "BG–RO")].held == 1
    assert counts[(DAY1, "BG–RO")].no_show == 1
    assert counts[(DAY1, "other")].no_show == 1  # Croatia


def test_only_planned_meetings_can_be_marked_held_and_ids_must_be_unambiguous(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    import_meetings(db, schedule(tmp_path, *ROWS))
    service = MeetingsService(db)
    cancelled = next(m for m in service.board() if m.status is MeetingStatus.CANCELLED)
    with pytest.raises(MeetingError) as refused:
        service.mark(cancelled.uid)
    assert refused.value.reason == "not_planned"
    with pytest.raises(MeetingError) as unknown:
        service.mark("zzzzzz")
    assert unknown.value.reason == "unknown_meeting"
    with pytest.raises(MeetingError) as short:
        service.mark("ab")
    assert short.value.reason == "id_too_short"


def test_both_badges_scanned_in_the_b2b_room_around_the_meeting_mark_it_held(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    import_meetings(db, schedule(tmp_path, *ROWS))
    room = events.add_list(db, "B2B room", day=DAY1, policy=Policy.MULTIPLE).id
    clock = Clock(datetime(2026, 9, 28, 7, 25, tzinfo=UTC))  # 10:25, five minutes early
    desk = CheckinService(db, clock=clock)
    service = MeetingsService(db, clock=clock)
    first = desk.scan(firms["Живко Цанков"], list_id=room)
    assert service.after_checkin(first) == []  # the partner has not been scanned yet
    clock.advance(minutes=3)
    second = desk.scan(firms["Ștefan Țurcanu"], list_id=room)
    [held] = service.after_checkin(second)
    meeting = next(m for m in service.board(DAY1) if m.uid == held)
    assert meeting.location == "Table 12" and meeting.held
    # the same two people at the day's main entrance mark nothing
    main = desk.scan(firms["Ion Popescu"])
    assert service.after_checkin(main) == []


def test_a_person_sees_only_their_planned_meetings_of_the_lists_day(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    import_meetings(db, schedule(tmp_path, *ROWS))
    service = MeetingsService(db)
    zhivko = attendees.find_by_code(db.conn, firms["Живко Цанков"])
    assert zhivko is not None
    day1 = service.for_person(zhivko.uid, DAY1)
    assert [(f"{m.start:%H:%M}", m.partner_of(zhivko.uid).name) for m in day1] == [
        ("10:30", "Ștefan Țurcanu"),
        ("14:00", "Petra Novak"),
    ]
    assert service.for_person(zhivko.uid, DAY2) == []  # day 2's meeting is only pending


def test_the_demo_event_has_a_realistic_two_day_schedule(tmp_path: Path) -> None:
    from kiosk.app.demo import create_demo

    now = datetime(2026, 9, 28, 10, 45, tzinfo=UTC)  # 13:45 in Sofia: the morning is over
    summary = create_demo(tmp_path / "demo.db", now=now)
    with Database(tmp_path / "demo.db") as db:
        board = MeetingsService(db, clock=lambda: now).board()
    assert 110 <= len(board) <= 130
    assert {m.day for m in board} == set(summary.days)
    pairs = [m.pair for m in board]
    assert pairs.count("BG–RO") > 0.75 * len(board) and "other" not in pairs
    slots = [(m.day, m.start, p.attendee_uid) for m in board for p in (m.a, m.b)]
    assert len(slots) == len(set(slots))  # nobody is at two tables at once
    assert any(m.held for m in board)  # this morning's table hosts marked meetings held
    assert all(m.a.attendee_uid and m.b.attendee_uid for m in board)


def test_an_xlsx_export_with_real_date_and_time_cells(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    """b2match's organiser tool downloads Excel workbooks; dates and times arrive as cells of
    those types, and a start cell may hold the whole date and time."""
    from datetime import date, time

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Meetings export"])  # a title row above the header, as exports often have
    sheet.append(["Start", "End", "Table", "Meeting status", "Requester", "Requester company",
                  "Receiver", "Receiver email"])  # fmt: skip
    sheet.append([datetime(2026, 9, 28, 10, 30), time(11, 0), 12, "Accepted", "Zhivko Tsankov",
                  "Klaster Mehatronika", "Ştefan Ţurcanu", "stefan@blacksea.ro"])  # fmt: skip
    sheet.append([datetime(2026, 9, 29, 9, 0), time(9, 30), 3, "Canceled", "Ion Popescu",
                  "Black Sea Cluster", "Мария Йорданова", ""])  # fmt: skip
    path = tmp_path / "meetings.xlsx"
    book.save(path)
    report = import_meetings(db, path)
    assert (report.added, report.skipped, report.unmatched) == (2, [], [])
    first, second = MeetingsService(db).board()
    assert (first.day, first.start, first.end, first.location) == (
        date(2026, 9, 28), time(10, 30), time(11, 0), "12"
    )
    assert first.b.name == "Ștefan Țurcanu"  # the legacy cedilla spelling found him
    assert second.status is MeetingStatus.CANCELLED


def test_a_side_found_only_by_its_firm_is_matched_and_named_in_the_report(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    # "Giurgiu Port SA" has exactly one registered person; the file names someone else there
    path = schedule(
        tmp_path,
        "F-1,2026-09-28,15:00,15:30,T9,Accepted,Zhivko,Tsankov,,,Bulgaria,"
        "Radu,Ene,Giurgiu Port SA,,Romania",
        # two registered people work at Black Sea Cluster: nobody is guessed
        "F-2,2026-09-28,15:30,16:00,T9,Accepted,Zhivko,Tsankov,,,Bulgaria,"
        "Dan,Vlad,Black Sea Cluster,,Romania",
    )
    report = import_meetings(db, path)
    assert report.matched_by["organization"] == 1
    assert any("row 2: side b (Radu Ene) matched by organisation only, to Andrei Munteanu" in n
               for n in report.notes)  # fmt: skip
    assert [(u.row, u.reason) for u in report.unmatched] == [(3, "ambiguous")]


def test_a_b2b_room_that_admits_once_a_day_still_sees_each_arrival_at_a_table(
    db: Database, firms: dict[str, str], tmp_path: Path
) -> None:
    import_meetings(db, schedule(tmp_path, *ROWS))
    room = events.add_list(db, "B2B зала", day=DAY1, policy=Policy.ONCE_PER_DAY).id
    clock = Clock(datetime(2026, 9, 28, 6, 0, tzinfo=UTC))  # 09:00: long before 10:30
    desk = CheckinService(db, clock=clock)
    service = MeetingsService(db, clock=clock)
    for name in ("Живко Цанков", "Ștefan Țurcanu"):
        assert service.after_checkin(desk.scan(firms[name], list_id=room)) == []
    clock.advance(hours=1, minutes=25)  # 10:25: at the table; the room list says "already in"
    again = desk.scan(firms["Живко Цанков"], list_id=room)
    assert again.decision.reason.value == "already_checked_in"
    assert service.after_checkin(again) == []  # the partner's 09:00 scan is no proof
    partner = desk.scan(firms["Ștefan Țurcanu"], list_id=room)
    [held] = service.after_checkin(partner)
    assert next(m for m in service.board(DAY1) if m.uid == held).location == "Table 12"


def test_a_file_with_more_rows_than_any_schedule_is_refused_before_anything_is_stored(
    db: Database, firms: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.importing import meetings as reader
    from kiosk.importing.errors import ImportFileError

    import_meetings(db, schedule(tmp_path, ROWS[0]))
    before = store.all_meetings(db)
    monkeypatch.setattr(reader, "MAX_MEETINGS", 4)  # the real bound is 50,000 rows
    with pytest.raises(ImportFileError) as refused:
        import_meetings(db, schedule(tmp_path, *ROWS[1:], name="huge.csv"))
    message = str(refused.value)
    assert message.startswith("huge.csv") and "5 rows" in message and "(4)" in message
    assert "meetings export" in message  # what to do
    assert store.all_meetings(db) == before  # nothing written, nothing cancelled


def test_an_import_is_one_transaction_a_failure_half_way_leaves_the_schedule_as_it_was(
    db: Database, firms: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_meetings(db, schedule(tmp_path, *ROWS))
    before = store.all_meetings(db)
    # a new export: M-1 gone (to be cancelled), M-2 moved, a new M-9
    moved = ROWS[1].replace("11:00,11:30", "11:15,11:45")
    new = ROWS[2].replace("M-3", "M-9").replace("11:30,12:00", "16:00,16:30")
    path = schedule(tmp_path, moved, *ROWS[2:], new, name="v2.csv")

    def disk_full(*args: object) -> None:
        raise OSError("disk full")

    # the new and changed meetings are written, then cancelling M-1 fails
    monkeypatch.setattr(store, "set_status", disk_full)
    with pytest.raises(OSError):
        import_meetings(db, path)
    assert store.all_meetings(db) == before  # neither M-9 nor the moved M-2 stayed
