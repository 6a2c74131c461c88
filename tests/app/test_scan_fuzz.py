"""Anything a scanner, a camera or a person may send: refused with a stable reason, never a
crash, and nothing written but the refused scan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.app.checkin import CheckinService
from kiosk.core import codes, keyboard, signed
from kiosk.core.reasons import Hint, Reason
from kiosk.storage import events
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2, TZ, Clock

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

EMOJI = ["😀", "👩‍👩‍👧", "🇧🇬", "\ufe0f", "\u200d", "K", "7"]
#: What arrives: any text (lone surrogates included), bytes as a camera decoder may pass them
#: on, control characters, right-to-left text, emoji, and sizes up to far beyond any code.
scanned = st.one_of(
    st.text(),
    st.binary(max_size=600).map(lambda b: b.decode("utf-8", "surrogateescape")),
    st.binary(max_size=600).map(lambda b: b.decode("latin-1")),
    st.text(st.characters(whitelist_categories=("Cc", "Cf", "Zl", "Zp", "Cs")), max_size=50),
    st.text("\u05d0\u05d1\u0627\u0644\u202e\u202b\u200f" + "ABC123", max_size=80),
    st.lists(st.sampled_from(EMOJI), max_size=80).map("".join),
    st.integers(1, 20).map(lambda n: "Ж" * (n * 10_000)),
    st.text("0123456789", min_size=signed.MIN_LENGTH, max_size=700),
)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database(tmp_path_factory.mktemp("fuzz") / "event.db", create=True)
    events.create_event(db, "Fuzz", [DAY1, DAY2], TZ)
    yield db
    db.close()


def counts(db: Database) -> tuple[int, int]:
    (people,) = db.conn.execute("SELECT count(*) FROM attendee").fetchone()
    (scans,) = db.conn.execute("SELECT count(*) FROM scan").fetchone()
    return people, scans


@FUZZ
@given(text=scanned)
def test_any_scanned_text_is_refused_with_a_stable_reason_and_only_the_scan_is_written(
    shared_db: Database, text: str
) -> None:
    before = counts(shared_db)
    result = CheckinService(shared_db, clock=Clock()).scan(text)
    assert result.decision.reason in (Reason.UNKNOWN_CODE, Reason.INVALID_SIGNATURE)
    assert result.decision.hint in (
        None, Hint.MALFORMED, Hint.CHECK_CHARACTER, Hint.PARTIAL_SCAN, Hint.NOT_OUR_LETTERS
    )
    assert counts(shared_db) == (before[0], before[1] + 1)
    (raw,) = shared_db.conn.execute(
        "SELECT raw_code FROM scan ORDER BY kiosk_seq DESC LIMIT 1"
    ).fetchone()
    assert len(raw) <= codes.MAX_SCAN_LENGTH and raw.isprintable()


def test_a_huge_scan_is_refused_as_malformed(tmp_path: Path) -> None:
    db = Database(tmp_path / "e.db", create=True)
    events.create_event(db, "Fuzz", [DAY1], TZ)
    result = CheckinService(db, clock=Clock()).scan("A" * 5_000_000)
    assert (result.decision.reason, result.decision.hint) == (Reason.UNKNOWN_CODE, Hint.MALFORMED)
    db.close()


@settings(max_examples=300, deadline=None)
@given(text=scanned, prefer=st.lists(st.sampled_from([*keyboard.LAYOUTS, "xx"]), max_size=2))
def test_layout_decoding_of_any_text_answers_and_never_raises(text: str, prefer: list[str]) -> None:
    decoded, layout = keyboard.to_us(text, accept=codes.is_valid, prefer=prefer)
    assert layout is None or layout in keyboard.LAYOUTS
    assert len(decoded) == len(text)


@settings(max_examples=300, deadline=None)
@given(
    code=st.integers(-(2**40), 2**40),
    shifted=st.booleans(),
    platform=st.sampled_from(["xcb", "wayland", "windows", "cocoa", "offscreen", ""]),
)
def test_any_native_scan_code_maps_to_one_character_or_none(
    code: int, shifted: bool, platform: str
) -> None:
    found = keyboard.physical_char(code, shifted, platform)
    assert found is None or len(found) == 1
