"""What the desk says about a decision: one table from reason codes to staff words.

Every reason and hint has a text here (a test checks it), so a new reason cannot reach the screen
as a bare code. Texts are translated through Qt (context "Reasons").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from kiosk.core.countries import country_name
from kiosk.core.labels import category_key, day_list_name, fallback_label
from kiosk.core.model import CheckinList, Decision, Policy
from kiosk.core.reasons import Hint, Reason


class Severity(StrEnum):
    OK = "ok"  # admitted, exit recorded: green, tick
    ATTENTION = "attention"  # already in, undone: amber, exclamation
    REFUSED = "refused"  # anything else: red, cross
    EXIT = "exit"  # an exit recorded: blue, arrow out of a door — never the admission's tick


SEVERITY: dict[Reason, Severity] = {
    Reason.ADMITTED: Severity.OK,
    Reason.EXIT_RECORDED: Severity.EXIT,
    Reason.ALREADY_CHECKED_IN: Severity.ATTENTION,
    Reason.VOIDED: Severity.ATTENTION,
    Reason.UNKNOWN_CODE: Severity.REFUSED,
    Reason.CANCELLED: Severity.REFUSED,
    Reason.NOT_ON_LIST: Severity.REFUSED,
    Reason.NOT_INSIDE: Severity.REFUSED,
    Reason.INVALID_SIGNATURE: Severity.REFUSED,
    Reason.REVOKED: Severity.REFUSED,
    Reason.UNPAID: Severity.REFUSED,
}


def locale() -> QLocale:
    return QLocale()


def time_text(moment: datetime) -> str:
    return locale().toString(QTime(moment.hour, moment.minute), "HH:mm")


def day_text(day: date) -> str:
    return locale().toString(QDate(day.year, day.month, day.day), "d MMMM")


def list_text(checkin_list: CheckinList, *, short: bool = False) -> str:
    """A list as staff read it: a day list by its weekday and date ("Monday, 28 September"),
    others by their name. ``short`` ("Mon, 28 September") for the desk's top bar, which must
    fit a laptop screen."""
    day = checkin_list.day
    if day is not None and checkin_list.name == day_list_name(day):
        form = "ddd, d MMMM" if short else "dddd, d MMMM"
        return locale().toString(QDate(day.year, day.month, day.day), form)
    return checkin_list.name


def title(reason: Reason, hint: Hint | None = None) -> str:
    """The one big word of the result panel."""
    if reason is Reason.UNKNOWN_CODE and hint is Hint.PARTIAL_SCAN:
        return QCoreApplication.translate("Reasons", "Partial scan — scan again")
    if reason is Reason.EXIT_RECORDED and hint is Hint.NO_ENTRY:
        return QCoreApplication.translate("Reasons", "Exit noted — no entry on record")
    return {
        Reason.ADMITTED: QCoreApplication.translate("Reasons", "Welcome"),
        Reason.EXIT_RECORDED: QCoreApplication.translate("Reasons", "Exit recorded"),
        Reason.ALREADY_CHECKED_IN: QCoreApplication.translate("Reasons", "Already checked in"),
        Reason.VOIDED: QCoreApplication.translate("Reasons", "Check-in undone"),
        Reason.UNKNOWN_CODE: QCoreApplication.translate("Reasons", "Code not found"),
        Reason.CANCELLED: QCoreApplication.translate("Reasons", "Registration cancelled"),
        Reason.NOT_ON_LIST: QCoreApplication.translate("Reasons", "Not valid here"),
        Reason.NOT_INSIDE: QCoreApplication.translate("Reasons", "Not checked in"),
        Reason.INVALID_SIGNATURE: QCoreApplication.translate("Reasons", "Ticket not genuine"),
        Reason.REVOKED: QCoreApplication.translate("Reasons", "Ticket revoked"),
        Reason.UNPAID: QCoreApplication.translate("Reasons", "Not paid"),
    }[reason]


def history_text(reason: Reason) -> str:
    """A past scan in a person's history: what happened, in a word or two."""
    if reason is Reason.ADMITTED:
        return QCoreApplication.translate("Reasons", "Checked in")
    if reason is Reason.EXIT_RECORDED:
        return QCoreApplication.translate("Reasons", "Exit")
    if reason is Reason.VOIDED:
        return QCoreApplication.translate("Reasons", "Undo")
    return QCoreApplication.translate("Reasons", "Refused: {reason}").format(reason=title(reason))


def method_text(method: str) -> str:
    """How a check-in was made, in a few words ('' when it was not recorded)."""
    return {
        "scanned": QCoreApplication.translate("Reasons", "scanned"),
        "camera": QCoreApplication.translate("Reasons", "scanned by camera"),
        "typed": QCoreApplication.translate("Reasons", "code typed"),
        "picked": QCoreApplication.translate("Reasons", "picked from the search"),
        "self_pick": QCoreApplication.translate("Reasons", "name chosen at the kiosk"),
        "walk_in": QCoreApplication.translate("Reasons", "walk-in"),
        "backdated": QCoreApplication.translate("Reasons", "entered later"),
        "forced": QCoreApplication.translate("Reasons", "admitted anyway"),
    }.get(method, "")


def hint_text(hint: Hint) -> str:
    return {
        Hint.CHECK_CHARACTER: QCoreApplication.translate(
            "Reasons", "Code not found — check the last character."
        ),
        Hint.MALFORMED: QCoreApplication.translate("Reasons", "This is not a ticket code."),
        Hint.PARTIAL_SCAN: QCoreApplication.translate(
            "Reasons", "Only part of the code arrived. Scan the ticket again."
        ),
        Hint.DAY_NOT_COVERED: QCoreApplication.translate(
            "Reasons", "The ticket does not cover this day."
        ),
        Hint.OUTSIDE_WINDOW: QCoreApplication.translate(
            "Reasons", "The list is closed at this time."
        ),
        Hint.CATEGORY_NOT_ALLOWED: QCoreApplication.translate(
            "Reasons", "This ticket category is not admitted on this list."
        ),
        Hint.REENTRY: QCoreApplication.translate("Reasons", "Re-entry."),
        Hint.SIGNED_TICKET: QCoreApplication.translate(
            "Reasons", "Not in this kiosk's list — admitted by the ticket's signature."
        ),
        Hint.NO_ENTRY: QCoreApplication.translate(
            "Reasons", "No entry is on record for this list: the exit is noted, nobody admitted."
        ),
        Hint.FORCED: QCoreApplication.translate("Reasons", "Admitted by staff decision."),
        Hint.BLOCKED: QCoreApplication.translate(
            "Reasons", "This ticket was blocked (lost or passed on)."
        ),
        Hint.NOT_OUR_LETTERS: QCoreApplication.translate(
            "Reasons",
            "U, Q, Y and Z never appear in our codes: check the scanner's keyboard layout, or "
            "read V for U.",
        ),
    }[hint]


@dataclass(frozen=True, slots=True)
class Explained:
    severity: Severity
    title: str
    detail: str


def explain(decision: Decision, checkin_list: CheckinList, zone: tzinfo) -> Explained:
    """The panel's words for a decision, in the current language."""
    reason = decision.reason
    detail = ""
    if reason is Reason.ADMITTED:
        detail = QCoreApplication.translate("Reasons", "Checked in for {list}.").format(
            list=list_text(checkin_list)
        )
        if decision.hint is Hint.REENTRY:
            detail = QCoreApplication.translate("Reasons", "Welcome back — re-entry recorded.")
        elif decision.hint in (Hint.SIGNED_TICKET, Hint.FORCED):
            detail += " " + hint_text(decision.hint)
    elif reason is Reason.EXIT_RECORDED and not decision.admitted:
        detail = QCoreApplication.translate(
            "Reasons", "No entry is on record for this list: the exit is noted, nobody admitted."
        )
    elif reason is Reason.EXIT_RECORDED:
        detail = QCoreApplication.translate("Reasons", "Leaving — goodbye.")
    elif reason is Reason.ALREADY_CHECKED_IN and decision.previous is not None:
        prev = decision.previous
        local = prev.at.astimezone(zone)
        where = prev.kiosk_name or QCoreApplication.translate("Reasons", "another kiosk")
        if checkin_list.policy is Policy.ONCE_PER_DAY:
            detail = QCoreApplication.translate(
                "Reasons", "Already checked in today at {time} on {kiosk}."
            )
        else:
            detail = QCoreApplication.translate(
                "Reasons", "Already checked in on {day} at {time} on {kiosk}."
            )
        detail = detail.format(time=time_text(local), kiosk=where, day=day_text(local.date()))
    elif reason is Reason.UNKNOWN_CODE:
        detail = (
            hint_text(decision.hint)
            if decision.hint
            else QCoreApplication.translate("Reasons", "No attendee has this code.")
        )
        if decision.hint is None:
            detail += " " + QCoreApplication.translate("Reasons", "Search by name instead.")
    elif reason is Reason.CANCELLED:
        detail = QCoreApplication.translate(
            "Reasons", "This registration was cancelled. Send the person to the organisers' desk."
        )
    elif reason is Reason.NOT_ON_LIST:
        if decision.hint is Hint.DAY_NOT_COVERED and checkin_list.day is not None:
            detail = QCoreApplication.translate("Reasons", "Not registered for {day}.").format(
                day=day_text(checkin_list.day)
            )
            person = decision.attendee
            if person is not None and person.days:
                days = ", ".join(day_text(d) for d in sorted(person.days))
                detail += " " + QCoreApplication.translate(
                    "Reasons", "Registered for: {days}."
                ).format(days=days)
        elif decision.hint is not None:
            detail = hint_text(decision.hint)
    elif reason is Reason.NOT_INSIDE:
        detail = QCoreApplication.translate("Reasons", "No entry was recorded, so no exit can be.")
    elif reason is Reason.VOIDED:
        detail = QCoreApplication.translate(
            "Reasons", "The check-in was undone. The person can be checked in again."
        )
    elif reason is Reason.INVALID_SIGNATURE:
        detail = QCoreApplication.translate(
            "Reasons",
            "The signature does not match: the code was altered, is for another event, or this "
            "kiosk lacks the event's key. Search by name, or send the person to the organisers.",
        )
    elif reason is Reason.REVOKED:
        detail = QCoreApplication.translate(
            "Reasons",
            "The organisers revoked this ticket. Send the person to the organisers' desk.",
        )
        if decision.hint is Hint.BLOCKED:
            detail = hint_text(Hint.BLOCKED) + " " + QCoreApplication.translate(
                "Reasons", "Send the person to the organisers' desk."
            )
    elif reason is Reason.UNPAID:
        detail = QCoreApplication.translate(
            "Reasons",
            "The registration is not paid yet and this list does not admit unpaid ones. "
            "Take the payment, then admit with “Admit anyway”.",
        )
    severity = SEVERITY[reason]
    if decision.hint is Hint.PARTIAL_SCAN:
        severity = Severity.ATTENTION  # nobody refused: the scan is to be repeated
    elif reason is Reason.EXIT_RECORDED and not decision.admitted:
        severity = Severity.ATTENTION  # recorded, but never shown like a person let through
    return Explained(severity, title(reason, decision.hint), detail)


def ui_language() -> str:
    """The window's language ("bg", "ro", "en"): the default locale the translations set."""
    language = QLocale().name().split("_")[0]
    return language if language in ("bg", "ro") else "en"


def category_labels() -> dict[str, str]:
    """Every known category key (kiosk.core.labels.CATEGORIES) in the current language."""
    return {
        "participant": QCoreApplication.translate("Reasons", "Participant"),
        "speaker": QCoreApplication.translate("Reasons", "Speaker"),
        "organiser": QCoreApplication.translate("Reasons", "Organiser"),
        "press": QCoreApplication.translate("Reasons", "Press"),
        "staff": QCoreApplication.translate("Reasons", "Staff"),
        "sponsor": QCoreApplication.translate("Reasons", "Sponsor"),
        "guest": QCoreApplication.translate("Reasons", "Guest"),
        "vip": QCoreApplication.translate("Reasons", "VIP"),
        "exhibitor": QCoreApplication.translate("Reasons", "Exhibitor"),
        "partner": QCoreApplication.translate("Reasons", "Partner"),
        "b2b": QCoreApplication.translate("Reasons", "B2B meetings"),
        "volunteer": QCoreApplication.translate("Reasons", "Volunteer"),
        "student": QCoreApplication.translate("Reasons", "Student"),
    }


def category_text(category: str) -> str:
    """A category in the current language: known keys from the label table, others with a
    capital first letter (the stored value is unchanged)."""
    key = category_key(category)
    return category_labels()[key] if key is not None else fallback_label(category)


def country_text(country: str) -> str:
    """A country (ISO code or a name in any of our languages) named in the current language;
    an unrecognised value as it was typed."""
    return country_name(country, ui_language())


def fault_text(fault: str | None, fallback: str) -> str:
    """A printer fault in staff words, in the current language; ``fallback`` (the adapter's
    English message) when the fault has no code."""

    known = {
        "unreachable": QCoreApplication.translate(
            "Printing", "Printer not reachable — check power and cable, then Retry."
        ),
        "timeout": QCoreApplication.translate(
            "Printing", "The printer stopped answering — check paper and cover, then Retry."
        ),
        "paper_out": QCoreApplication.translate(
            "Printing", "The printer is out of paper — load a roll, close the cover, then Retry."
        ),
        "cover_open": QCoreApplication.translate(
            "Printing", "The printer cover is open — close it, then Retry."
        ),
        "offline": QCoreApplication.translate(
            "Printing", "The printer is offline — check its lights and paper, then Retry."
        ),
        "disconnected": QCoreApplication.translate(
            "Printing",
            "The connection to the printer was lost — check whether the badge printed, then Retry.",
        ),
        "bad_address": QCoreApplication.translate(
            "Printing", "The printer address is not valid — fix it in Badges and printer."
        ),
        "not_found": QCoreApplication.translate(
            "Printing", "Printer not found — check it is on and plugged in, then Retry."
        ),
        "permission": QCoreApplication.translate(
            "Printing", "Not allowed to use the printer — ask the technician (details: hover)."
        ),
        "unsupported": QCoreApplication.translate(
            "Printing", "This badge does not fit this printer — choose a matching badge template."
        ),
        "failed": QCoreApplication.translate(
            "Printing", "The badge was not printed — Retry; if it repeats, see the details."
        ),
    }
    return known.get(fault or "", fallback)
