"""B2B meetings: the rules, once. Standard library only.

A meeting is two people at a table at a time on one event day, imported from the matchmaking
platform (b2match) or a generic file. What the funder counts:

- **planned**: a meeting whose status is ``planned`` (accepted/scheduled on the platform);
  pending, cancelled and declined meetings are kept, shown as such, and never counted;
- **held**: a table host marked it held (``kiosk meetings held``, the board's button, or both
  badges scanned on a "B2B room" check-in list around the meeting's time); the newest mark
  decides, so a mistaken mark can be taken back;
- **possible**: not marked held, but both people were checked in on the meeting's day —
  reported separately, because being in the building is not proof of a meeting;
- **no-show**: neither held nor possible once the day is over;
- **open**: neither held nor possible while the day is not over yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from kiosk.core.text import fold


class MeetingStatus(StrEnum):
    """What the matchmaking platform says of a meeting."""

    PLANNED = "planned"
    PENDING = "pending"
    CANCELLED = "cancelled"
    DECLINED = "declined"


class Outcome(StrEnum):
    """What became of a planned meeting (see the module text)."""

    HELD = "held"
    POSSIBLE = "possible"
    NO_SHOW = "no_show"
    OPEN = "open"
    NOT_PLANNED = "not_planned"  # pending, cancelled or declined: never counted


class Presence(StrEnum):
    """Both sides' arrival on the meeting's day, for the board."""

    BOTH = "both"
    ONE = "one"
    NONE = "none"


class MarkKind(StrEnum):
    HELD = "held"
    NOT_HELD = "not_held"  # takes back an earlier "held"


class MarkSource(StrEnum):
    COMMAND = "command"
    BOARD = "board"
    SCAN = "scan"


class MatchedBy(StrEnum):
    """How a meeting side was matched to a registered attendee."""

    EMAIL = "email"
    NAME = "name"
    ORGANIZATION = "organization"
    ORGANIZER = "organizer"  # resolved by hand (kiosk meetings resolve)


#: Status words as the platforms and organisers write them (folded: lower-case ASCII).
_STATUS_WORDS: dict[str, MeetingStatus] = {
    "": MeetingStatus.PLANNED,
    "accepted": MeetingStatus.PLANNED,
    "scheduled": MeetingStatus.PLANNED,
    "confirmed": MeetingStatus.PLANNED,
    "booked": MeetingStatus.PLANNED,
    "planned": MeetingStatus.PLANNED,
    "active": MeetingStatus.PLANNED,
    "held": MeetingStatus.PLANNED,
    "pending": MeetingStatus.PENDING,
    "requested": MeetingStatus.PENDING,
    "unconfirmed": MeetingStatus.PENDING,
    "cancelled": MeetingStatus.CANCELLED,
    "canceled": MeetingStatus.CANCELLED,
    "anulat": MeetingStatus.CANCELLED,
    "anulata": MeetingStatus.CANCELLED,
    "otmenena": MeetingStatus.CANCELLED,  # отменена
    "otkazana": MeetingStatus.DECLINED,  # отказана
    "declined": MeetingStatus.DECLINED,
    "rejected": MeetingStatus.DECLINED,
    "refused": MeetingStatus.DECLINED,
    "refuzat": MeetingStatus.DECLINED,
    "refuzata": MeetingStatus.DECLINED,
}


def parse_status(text: str) -> MeetingStatus | None:
    """The status a cell means ("Accepted", "Canceled", "Declined", "Отменена"…); None when the
    word is unknown (the importer then reports the row instead of guessing)."""
    key = " ".join(re.findall(r"[a-z]+", fold(text)))
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    # "Accepted by both", "Canceled by host", "Scheduled (final)": the first word decides.
    first = key.split(" ", 1)[0]
    return _STATUS_WORDS.get(first) if first else MeetingStatus.PLANNED


def country_code(text: str) -> str:
    """The ISO code of a side's country however written (България, România, Roumanie, RO…;
    one table: :func:`kiosk.core.countries.iso_code`); an unrecognised country as its folded
    text in upper case, '' when empty."""
    # Imported here: the country table costs about 13 ms to load, and a check-in that reads a
    # person's meetings never asks for a country pair.
    from kiosk.core.countries import iso_code

    code = iso_code(text)
    if code is not None:
        return code
    return " ".join(re.findall(r"[a-z]+", fold(text))).upper()


#: The country pairs the funder's report shows, in this order.
PAIRS = ("BG–RO", "BG–BG", "RO–RO", "other")


def country_pair(a: str, b: str) -> str:
    """The report's pair for two sides' countries: BG–RO (either order), BG–BG, RO–RO, other."""
    pair = frozenset((country_code(a), country_code(b)))
    if pair == {"BG", "RO"}:
        return "BG–RO"
    if pair == {"BG"}:
        return "BG–BG"
    if pair == {"RO"}:
        return "RO–RO"
    return "other"


def presence(a_arrived: bool, b_arrived: bool) -> Presence:
    if a_arrived and b_arrived:
        return Presence.BOTH
    return Presence.ONE if a_arrived or b_arrived else Presence.NONE


def outcome(
    status: MeetingStatus, held: bool, a_arrived: bool, b_arrived: bool, day_over: bool
) -> Outcome:
    """What became of one meeting (see the module text)."""
    if status is not MeetingStatus.PLANNED:
        return Outcome.NOT_PLANNED
    if held:
        return Outcome.HELD
    if a_arrived and b_arrived:
        return Outcome.POSSIBLE
    return Outcome.NO_SHOW if day_over else Outcome.OPEN


def is_held(marks: Iterable[tuple[str, str, str]]) -> bool:
    """Whether the newest of a meeting's marks ``(at, mark_id, kind)`` says held. Marks are
    ordered by time, then id, so every kiosk reaches the same answer after a merge."""
    newest = max(marks, default=None)
    return newest is not None and newest[2] == MarkKind.HELD


def is_b2b_room(list_name: str) -> bool:
    """A check-in list is a "B2B room" list when its name says B2B (e.g. "B2B room",
    "B2B зала", "Sala B2B"): two badges scanned there around a meeting mark it held."""
    return "b2b" in re.findall(r"[a-z0-9]+", fold(list_name))


#: How early before its start a scan in the B2B room counts for a meeting.
EARLY = timedelta(minutes=30)


def scan_window(day: date, start: time, end: time | None) -> tuple[datetime, datetime]:
    """Local (naive) times within which both badges scanned in the B2B room mark a meeting
    held: from half an hour before its start to its end (start + 30 min when no end is given)."""
    begin = datetime.combine(day, start)
    finish = datetime.combine(day, end) if end is not None else begin + EARLY
    return begin - EARLY, max(finish, begin)


@dataclass(frozen=True, slots=True)
class Side:
    """One participant of a meeting as the file names them."""

    name: str
    organization: str = ""
    email: str = ""
    country: str = ""

    def key(self) -> str:
        """Identity of this side across rows and re-imports (an organiser's resolution of one
        side applies to every meeting that names the same person the same way)."""
        return "|".join(
            (fold(self.email), " ".join(sorted(fold(self.name).split())), fold(self.organization))
        )


def name_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def same_name(written: str, variants_of_registered: list[set[str]]) -> bool:
    """Whether a name as the file writes it is the registered person's name in any script.

    ``variants_of_registered`` holds, per word of the registered name, every folded spelling
    (kiosk.core.text.word_variants: Иван → ivan; Щилиян → shtiliyan, shtilian, …). Every word
    written must be one of those words and every registered word must be written once, in any
    order ("Petrov Ivan" is Иван Петров); diacritics and letter case never matter.
    """
    words = name_words(written)
    if not words or len(words) != len(variants_of_registered):
        return False
    left = list(variants_of_registered)
    for word in words:
        for i, spellings in enumerate(left):
            if word in spellings:
                del left[i]
                break
        else:
            return False
    return True


def parse_time(text: str) -> time | None:
    """A meeting time as files write it: 10:30, 10.30, 10h30, 9:05:00, 2:30 PM; None if not."""
    value = text.strip().lower().replace(" ", "")
    if not value:
        return None
    if " " in text.strip() and re.match(r"^\d{4}-\d{2}-\d{2}", text.strip()):
        value = text.strip().split()[-1]  # "2026-09-28 10:30" from a spreadsheet date-time
    match = re.fullmatch(r"(\d{1,2})[:.h](\d{2})(?::(\d{2}))?(am|pm)?", value)
    if not match:
        match = re.fullmatch(r"(\d{1,2})()()(am|pm)", value)
        if not match:
            return None
    hour = int(match.group(1))
    minute = int(match.group(2) or 0)
    ampm = match.group(4)
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d", "%d.%m.%y")


def parse_date(text: str) -> date | None:
    """A meeting date as files write it (ISO, 28.09.2026, 28/09/2026, a spreadsheet
    date-time); None when it is none of these. Month-first dates are not guessed."""
    value = text.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}[ T]", value):
        value = value[:10]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True, slots=True)
class Counts:
    """The funder's counts of one group of meetings (a day, a country pair)."""

    planned: int = 0
    held: int = 0
    possible: int = 0
    no_show: int = 0
    open: int = 0

    def add(self, result: Outcome) -> Counts:
        """These counts with one more meeting; meetings not planned are not counted."""
        if result is Outcome.NOT_PLANNED:
            return self
        name = {
            Outcome.HELD: "held",
            Outcome.POSSIBLE: "possible",
            Outcome.NO_SHOW: "no_show",
            Outcome.OPEN: "open",
        }[result]
        return replace(self, planned=self.planned + 1, **{name: getattr(self, name) + 1})

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.planned + other.planned,
            self.held + other.held,
            self.possible + other.possible,
            self.no_show + other.no_show,
            self.open + other.open,
        )


def with_word(language: str, name: str) -> str | None:
    """The word "with" before ``name`` where a language's form depends on the name: Bulgarian
    writes "със" before a word beginning with с or з — also a Latin S or Z read as them
    (Simona, Zoltan; not Sh, Zh) — and "с" otherwise (the rule for the preposition с/със of
    the Bulgarian Academy's orthographic dictionary). None: the language has one form."""
    if language != "bg":
        return None
    word = name.strip().lower()
    if word[:1] in ("с", "з") or (word[:1] in ("s", "z") and word[1:2] != "h"):
        return "със"
    return "с"
