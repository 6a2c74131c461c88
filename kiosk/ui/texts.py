"""What the desk says about a decision, in the window's language.

The words of every reason and hint come from the one catalogue, kiosk.core.wording (shared with
the command line, the self-service kiosk and reports; a test checks every code has them in
every language); this module fills in times, days and list names the way Qt's locale writes
them. Other desk texts (methods, categories, printer faults) are translated through Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from kiosk.core import wording
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
    """The one big word of the result panel (kiosk.core.wording.headline)."""
    return wording.headline(reason, hint, ui_language())


def history_text(reason: Reason) -> str:
    """A past scan in a person's history: what happened, in a word or two."""
    return wording.history_text(reason, ui_language())


def method_text(method: str) -> str:
    """How a check-in was made, in a few words ('' when it was not recorded): the words of
    kiosk.core.wording.METHOD, which the reports use too."""
    return wording.method_text(method, ui_language())


def hint_text(hint: Hint) -> str:
    """What a hint tells staff (kiosk.core.wording.HINT)."""
    return wording.hint_text(hint, ui_language())


@dataclass(frozen=True, slots=True)
class Explained:
    severity: Severity
    title: str
    detail: str


def explain(decision: Decision, checkin_list: CheckinList, zone: tzinfo) -> Explained:
    """The panel's words for a decision, in the current language (kiosk.core.wording)."""
    language = ui_language()
    reason = decision.reason

    def say(name: str) -> str:
        return wording.phrase(name, language)

    detail = ""
    if reason is Reason.ADMITTED:
        detail = wording.detail(reason, language).format(list=list_text(checkin_list))
        if decision.hint is Hint.REENTRY:
            detail = say("welcome_back")
        elif decision.hint in (Hint.SIGNED_TICKET, Hint.FORCED):
            detail += " " + hint_text(decision.hint)
    elif reason is Reason.EXIT_RECORDED and not decision.admitted:
        detail = hint_text(Hint.NO_ENTRY)
    elif reason is Reason.ALREADY_CHECKED_IN and decision.previous is not None:
        prev = decision.previous
        local = prev.at.astimezone(zone)
        where = prev.kiosk_name or say("another_kiosk")
        if checkin_list.policy is Policy.ONCE_PER_DAY:
            detail = say("already_today")
        else:
            detail = wording.detail(reason, language)
        detail = detail.format(time=time_text(local), kiosk=where, day=day_text(local.date()))
    elif reason is Reason.UNKNOWN_CODE:
        if decision.hint is not None:
            detail = hint_text(decision.hint)
        else:
            detail = wording.detail(reason, language) + " " + say("search_by_name")
    elif reason is Reason.NOT_ON_LIST:
        if decision.hint is Hint.DAY_NOT_COVERED and checkin_list.day is not None:
            detail = wording.detail(reason, language).format(day=day_text(checkin_list.day))
            person = decision.attendee
            if person is not None and person.days:
                days = ", ".join(day_text(d) for d in sorted(person.days))
                detail += " " + say("registered_for").format(days=days)
        elif decision.hint is not None:
            detail = hint_text(decision.hint)
    elif reason is Reason.REVOKED and decision.hint is Hint.BLOCKED:
        detail = hint_text(Hint.BLOCKED) + " " + say("send_to_organisers")
    elif reason is not Reason.ALREADY_CHECKED_IN:
        # Cancelled, not inside, undone, not genuine, revoked, unpaid: one line each.
        detail = wording.detail(reason, language)
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


def _noop(context: str, text: str) -> str:
    return text


QT_TRANSLATE_NOOP = _noop  # the name lupdate reads: marks a text, translated where shown

# The built-in badge and sheet templates (kiosk/assets/badges): name -> the title its file
# gives (English). tests/ui/test_template_titles.py holds the table to the files.
BUILTIN_TEMPLATE_TITLES: dict[str, str] = {
    "a4-sheet": QT_TRANSLATE_NOOP(
        "BadgeTemplates",
        "A4 sheet of 10 CR80 badges (2 × 5, 85.6 × 54 mm), crop marks, for card-size badge holders",
    ),
    "a6-portrait": QT_TRANSLATE_NOOP(
        "BadgeTemplates",
        "A6 portrait card (105 × 148 mm) for office or card printers, 300 dpi, colour",
    ),
    "brother-62mm": QT_TRANSLATE_NOOP(
        "BadgeTemplates", "Brother QL, 62 mm endless label (DK-22205): 696 dots at 300 dpi, 1-bit"
    ),
    "cr80": QT_TRANSLATE_NOOP(
        "BadgeTemplates",
        "CR80 card (85.6 × 54 mm, credit-card size) for card printers and card-size badge "
        "holders, 300 dpi, colour",
    ),
    "insert-4x3in": QT_TRANSLATE_NOOP(
        "BadgeTemplates",
        "4 × 3 in badge insert, landscape (Avery 5392 and most badge holders; "
        "Zebra 4×3 labels), 300 dpi, colour",
    ),
    "letter-sheet": QT_TRANSLATE_NOOP(
        "BadgeTemplates",
        "Letter sheet of 6 badges 4 × 3 in (2 × 3), Avery 5392 / 5390-style perforated inserts",
    ),
    "roll-58mm": QT_TRANSLATE_NOOP(
        "BadgeTemplates", "58 mm thermal roll (compact receipt printers): 384 dots at 203 dpi"
    ),
    "roll-80mm-tm-t88": QT_TRANSLATE_NOOP(
        "BadgeTemplates", "80 mm thermal roll on the Epson TM-T88 family: 512 dots at 180 dpi"
    ),
    "roll-80mm": QT_TRANSLATE_NOOP(
        "BadgeTemplates",
        "80 mm thermal roll (Epson TM-T20, TM-m30, Star TSP100…): 576 dots at 203 dpi",
    ),
}


def template_title(name: str, title: str) -> str | None:
    """A built-in template's title in the current language; None for a template of the
    organiser's own (or a built-in file whose title was changed): its title is shown as
    written."""
    if BUILTIN_TEMPLATE_TITLES.get(name) != title:
        return None
    return QCoreApplication.translate("BadgeTemplates", title)


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
