"""Shared fixtures: a real event database file with a few people, and a clock tests control."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the user's real data and log folders out of reach of the tests.
_HOME = Path(__file__).resolve().parent.parent / ".pytest_cache" / "home"
for _var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())
os.environ.pop("KIOSK_DB", None)

import psycopg  # noqa: E402

from kiosk.core import codes  # noqa: E402
from kiosk.core.model import AttendeeStatus  # noqa: E402
from kiosk.storage import attendees, events  # noqa: E402
from kiosk.storage.attendees import NewAttendee  # noqa: E402
from kiosk.storage.database import Database  # noqa: E402

TZ = "Europe/Sofia"
DAY1 = date(2026, 9, 28)
DAY2 = date(2026, 9, 29)
NINE_FOURTEEN = datetime(2026, 9, 28, 6, 14, tzinfo=UTC)  # 09:14 in Sofia


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NINE_FOURTEEN) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class People:
    ana: str
    ivan: str
    cancelled: str
    day2_only: str


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "event.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database(db_path, create=True)
    events.create_event(database, "BG-RO Cluster Conference", [DAY1, DAY2], TZ)
    yield database
    database.close()


@pytest.fixture
def people(db: Database) -> People:
    taken: set[str] = set()

    def code() -> str:
        c = codes.generate(taken)
        taken.add(c)
        return c

    p = People(code(), code(), code(), code())
    rows = [
        NewAttendee(
            p.ana,
            "Ana",
            "Ștefănescu",
            "Universitatea „Dunărea de Jos”",
            "Romania",
            "ana@ugal.ro",
            category="speaker",
        ),
        NewAttendee(
            p.ivan,
            "Иван",
            "Иванов",
            "Клъстер Мехатроника",
            "Bulgaria",
            "ivan@abv.bg",
            category="participant",
        ),
        NewAttendee(
            p.cancelled,
            "Ion",
            "Popescu",
            "CCI Constanța",
            "Romania",
            status=AttendeeStatus.CANCELLED,
        ),
        NewAttendee(
            p.day2_only, "Мария", "Петрова", "ТПП Русе", "Bulgaria", days=frozenset({DAY2})
        ),
    ]
    with db.write() as conn:
        attendees.insert_many(conn, rows, "2026-09-01T00:00:00.000000Z")
    return p


# ---------------------------------------------------------------------------------------------
# A real PostgreSQL server for the hub tests: $KIOSK_TEST_PG_DSN, else the development and CI
# machines' postgresql://postgres@127.0.0.1:5432/test (trust authentication). Each test gets a
# schema of its own, dropped afterwards. With no server there, the hub tests are skipped with
# the reason shown in the summary; with KIOSK_TEST_PG_REQUIRED=1 (as .ci/run sets) they fail.

DEFAULT_PG_DSN = "postgresql://postgres@127.0.0.1:5432/test"


def _dsn() -> str:
    return os.environ.get("KIOSK_TEST_PG_DSN", DEFAULT_PG_DSN)


@pytest.fixture(scope="session")
def pg_server() -> str:
    dsn = _dsn()
    try:
        with psycopg.connect(dsn, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        reason = (
            f"PostgreSQL hub tests need a server: none answered at {dsn} ({exc}). Start one "
            "(see README, 'Testing the hub') or set KIOSK_TEST_PG_DSN."
        )
        if os.environ.get("KIOSK_TEST_PG_REQUIRED") == "1":
            pytest.fail(reason + " KIOSK_TEST_PG_REQUIRED=1, so this is a failure.")
        pytest.skip(reason)
    return dsn


@pytest.fixture
def hub_schema(pg_server: str) -> Iterator[str]:
    """A schema of its own for one test, dropped afterwards."""
    schema = f"kiosk_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    yield schema
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(
            psycopg.sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                psycopg.sql.Identifier(schema)
            )
        )


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Print a failure's traceback the moment it happens, not only in the summary: a later
    crash of the whole process (a segmentation fault inside Qt) must not take the first
    failure's explanation with it."""
    if report.failed:
        import sys

        sys.stderr.write(f"\n--- {report.nodeid} failed ({report.when}) ---\n")
        sys.stderr.write(report.longreprtext + "\n")
        sys.stderr.flush()
