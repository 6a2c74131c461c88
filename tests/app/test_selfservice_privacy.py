"""What a passer-by at the self-service kiosk can learn about other people by typing.

The rule (kiosk.core.selfservice): nobody is shown until a whole word of the person's last name
is typed; only people registered, and not cancelled, for the kiosk's list today; at most five.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.app.demo import create_demo
from kiosk.app.lookup import self_service_search
from kiosk.core.model import AttendeeStatus
from kiosk.core.selfservice import MAX_SHOWN, names_surname
from kiosk.core.timeutil import local_day
from kiosk.storage import events
from kiosk.storage.database import Database
from tests.conftest import Clock, People

# The 15 most common surnames of Bulgaria and of Romania, from Wikipedia's "Lists of most common
# surnames in European countries" (Bulgaria: Ivanov, Georgiev, Dimitrov, Petrov, Nikolov,
# Hristov, Stoyanov, Todorov, Iliev, Vasilev, Atanasov, Petkov, Angelov, Yordanov, Kolev;
# Romania: Popa, Popescu, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, Rusu,
# Mihai, Ionescu, Constantin, Marin): the first three letters of each, as a curious passer-by
# would try them, the Bulgarian ones in Cyrillic.
PREFIXES = (
    "ива", "гео", "дим", "пет", "ник", "хри", "сто", "тод", "или", "вас",
    "ата", "пек", "анг", "йор", "кол",
    "pop", "pos", "poa", "rad", "dum", "sta", "sto", "ghe", "mat", "cio",
    "rus", "mih", "ion", "con", "mar",
)  # fmt: skip
NOW = datetime(2026, 9, 28, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("privacy") / "demo.db"
    create_demo(path, now=NOW)
    return path


def today_list(db: Database) -> int:
    day = local_day(NOW, events.event_info(db).timezone)
    return next(cl.id for cl in events.checkin_lists(db) if cl.day == day)


def test_thirty_three_letter_prefixes_reveal_at_most_five_each_and_no_cancelled_person(
    demo: Path,
) -> None:
    assert len(set(PREFIXES)) == 30
    with Database(demo) as db:
        list_id = today_list(db)
        revealed: set[int] = set()
        for prefix in PREFIXES:
            found = self_service_search(db, prefix, list_id, clock=lambda: NOW)
            assert len(found) <= MAX_SHOWN, prefix
            for hit in found:
                assert hit.attendee.status is AttendeeStatus.ACTIVE
                # A prefix shows someone only when it is their whole surname (Pop, Stan…).
                assert names_surname(prefix, hit.attendee.last_name), (prefix, hit.attendee)
            revealed |= {hit.attendee.id for hit in found}
    assert len(revealed) <= MAX_SHOWN * 30
    # Measured on the 300-person demo: the prefixes spell only the surname "Pop" whole.
    assert len(revealed) <= MAX_SHOWN


def test_a_whole_surname_finds_its_people_but_never_the_cancelled_ones(demo: Path) -> None:
    with Database(demo) as db:
        list_id = today_list(db)
        rows = db.query("SELECT id, first_name, last_name, status FROM attendee ORDER BY id")
        cancelled = [r for r in rows if r["status"] == "cancelled"]
        assert cancelled, "the demo has cancelled registrations"
        for row in cancelled:
            for query in (row["last_name"], f"{row['first_name']} {row['last_name']}"):
                found = self_service_search(db, query, list_id, clock=lambda: NOW)
                assert row["id"] not in {hit.attendee.id for hit in found}, query
                assert len(found) <= MAX_SHOWN


def test_the_surname_is_needed_whole_in_any_script_and_without_diacritics(
    db: Database, people: People, clock: Clock
) -> None:
    today = local_day(clock(), events.event_info(db).timezone)
    list_id = next(cl.id for cl in events.checkin_lists(db) if cl.day == today)

    def names(query: str) -> list[str]:
        return [hit.attendee.name for hit in self_service_search(db, query, list_id, clock=clock)]

    assert names("stef") == [] and names("ana") == [] and names("Ana Ștef") == []
    assert names("stefanescu") == ["Ana Ștefănescu"]
    assert names("Ana Ștefănescu") == ["Ana Ștefănescu"]
    assert names("ŞTEFĂNESCU") == ["Ana Ștefănescu"]  # legacy cedilla, capitals
    assert names("ivanov") == ["Иван Иванов"] and names("Иванов") == ["Иван Иванов"]
    assert names("Popescu") == []  # Ion Popescu's registration is cancelled
    assert names("Петрова") == []  # Мария Петрова is registered for the second day only
