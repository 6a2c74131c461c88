"""The reason catalogue: what every check-in outcome is called, in Bulgarian, Romanian and
English, for both audiences — in one place.

Keys are the stable codes of :mod:`kiosk.core.reasons` (and, for the attendee, the outcomes of
:mod:`kiosk.core.selfservice`). The command line, the desk window, the self-service kiosk and the
report files all take their words from here; none keeps a table of its own
(tests/core/test_wording.py checks both: every Reason and every Hint has its words in every
language, and no other module repeats them).

Two audiences, because they need different words:

- **staff** (the desk, the command line, reports): what happened and what to do next, in the
  desk's terms ("Not valid here", "The ticket does not cover this day.");
- **attendees** (the self-service touchscreen): a friendly word and where to go, never a
  technical reason and never anything about another person.

The window switches language at run time, so the UI asks with the language it shows
(``kiosk.ui.texts.ui_language()``) whenever it draws. Texts may hold ``{placeholders}``.
Bulgarian is in Cyrillic; Romanian uses ș ț with the comma below.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.model import Method
from kiosk.core.reasons import Hint, Reason
from kiosk.core.selfservice import Outcome

LANGUAGES = ("en", "bg", "ro")
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Words:
    """One text in each language."""

    en: str
    bg: str
    ro: str

    def in_(self, language: str) -> str:
        """The text in ``language`` ("bg", "ro", "en"); English for any other."""
        if language == "bg":
            return self.bg
        if language == "ro":
            return self.ro
        return self.en


# ------------------------------------------------------------------------------------------------
# Staff: the desk, the command line, reports
# ------------------------------------------------------------------------------------------------

#: The name of each reason: the command line's first line, the reports' "refused scans by
#: reason", a past scan in a person's history, and the desk's headline (see :data:`HEADLINE`).
REASON: dict[Reason, Words] = {
    Reason.ADMITTED: Words("Admitted", "Допуснат", "Admis"),
    Reason.ALREADY_CHECKED_IN: Words(
        "Already checked in", "Вече пристигна", "Check-in deja efectuat"
    ),
    Reason.UNKNOWN_CODE: Words("Code not found", "Кодът не е намерен", "Cod negăsit"),
    Reason.CANCELLED: Words(
        "Registration cancelled", "Регистрацията е анулирана", "Înregistrare anulată"
    ),
    Reason.NOT_ON_LIST: Words("Not valid here", "Не важи тук", "Nu este valabil aici"),
    Reason.EXIT_RECORDED: Words("Exit recorded", "Изходът е записан", "Ieșire înregistrată"),
    Reason.NOT_INSIDE: Words("Not checked in", "Няма отбелязан вход", "Fără check-in"),
    Reason.VOIDED: Words("Check-in undone", "Пристигането е отменено", "Check-in anulat"),
    Reason.INVALID_SIGNATURE: Words(
        "Ticket not genuine", "Билетът не е истински", "Bilet neautentic"
    ),
    Reason.REVOKED: Words("Ticket revoked", "Билетът е анулиран", "Bilet revocat"),
    Reason.UNPAID: Words("Not paid", "Неплатено", "Neplătit"),
}

#: The desk's big word where it differs from the reason's name: a welcome for an admission,
#: and two hints that change what the result means.
HEADLINE: dict[Reason | Hint, Words] = {
    Reason.ADMITTED: Words("Welcome", "Добре дошли", "Bun venit"),
    Hint.PARTIAL_SCAN: Words(
        "Partial scan — scan again",
        "Непълно сканиране — сканирайте отново",
        "Scanare parțială — scanați din nou",
    ),
    Hint.NO_ENTRY: Words(
        "Exit noted — no entry on record",
        "Изходът е отбелязан — няма записан вход",
        "Ieșire notată — nicio intrare înregistrată",
    ),
}

#: What each hint tells staff (a sentence).
HINT: dict[Hint, Words] = {
    Hint.CHECK_CHARACTER: Words(
        "Code not found — check the last character.",
        "Кодът не е намерен — проверете последния знак.",
        "Cod negăsit — verificați ultimul caracter.",
    ),
    Hint.MALFORMED: Words(
        "This is not a ticket code.",
        "Това не е код на билет.",
        "Acesta nu este un cod de bilet.",
    ),
    Hint.PARTIAL_SCAN: Words(
        "Only part of the code arrived. Scan the ticket again.",
        "Пристигна само част от кода. Сканирайте билета отново.",
        "A ajuns doar o parte din cod. Scanați biletul din nou.",
    ),
    Hint.DAY_NOT_COVERED: Words(
        "The ticket does not cover this day.",
        "Билетът не важи за този ден.",
        "Biletul nu este valabil în această zi.",
    ),
    Hint.OUTSIDE_WINDOW: Words(
        "The list is closed at this time.",
        "Списъкът е затворен в този час.",
        "Lista este închisă la această oră.",
    ),
    Hint.CATEGORY_NOT_ALLOWED: Words(
        "This ticket category is not admitted on this list.",
        "Тази категория билети не се допуска по този списък.",
        "Această categorie de bilet nu este admisă pe această listă.",
    ),
    Hint.REENTRY: Words("Re-entry.", "Повторен вход.", "Reintrare."),
    Hint.SIGNED_TICKET: Words(
        "Not in this kiosk's list — admitted by the ticket's signature.",
        "Не е в списъка на този пункт — допуснат по подписа на билета.",
        "Nu este în lista acestui punct — admis pe baza semnăturii biletului.",
    ),
    Hint.NO_ENTRY: Words(
        "No entry is on record for this list: the exit is noted, nobody admitted.",
        "Няма записан вход за този списък: изходът е отбелязан, никой не е допуснат.",
        "Nu există nicio intrare înregistrată pe această listă: ieșirea este notată, nimeni "
        "nu a fost admis.",
    ),
    Hint.FORCED: Words(
        "Admitted by staff decision.",
        "Допускане по решение на персонала.",
        "Intrare admisă prin decizia personalului.",
    ),
    Hint.BLOCKED: Words(
        "This ticket was blocked (lost or passed on).",
        "Този билет е блокиран (изгубен или преотстъпен).",
        "Acest bilet a fost blocat (pierdut sau cedat).",
    ),
    Hint.NOT_OUR_LETTERS: Words(
        "U, Q, Y and Z never appear in our codes: check the scanner's keyboard layout, or read "
        "V for U.",
        "U, Q, Y и Z никога не се срещат в нашите кодове: проверете клавиатурната подредба на "
        "скенера или четете V вместо U.",
        "U, Q, Y și Z nu apar niciodată în codurile noastre: verificați aranjamentul de "
        "tastatură al scanerului sau citiți V în loc de U.",
    ),
}

#: What staff are told after each reason when no hint says more (the desk's line under the
#: headline); ``{list}`` is the list's name.
DETAIL: dict[Reason, Words] = {
    Reason.ADMITTED: Words(
        "Checked in for {list}.", "Пристигането е отбелязано: {list}.",
        "Check-in efectuat pentru {list}.",
    ),
    Reason.ALREADY_CHECKED_IN: Words(
        "Already checked in on {day} at {time} on {kiosk}.",
        "Пристигна на {day} в {time} на {kiosk}.",
        "Check-in efectuat pe {day} la ora {time}, la {kiosk}.",
    ),
    Reason.UNKNOWN_CODE: Words(
        "No attendee has this code.", "Няма участник с този код.",
        "Niciun participant nu are acest cod.",
    ),
    Reason.CANCELLED: Words(
        "This registration was cancelled. Send the person to the organisers' desk.",
        "Тази регистрация е анулирана. Насочете лицето към гишето на организаторите.",
        "Această înregistrare a fost anulată. Îndrumați persoana spre ghișeul organizatorilor.",
    ),
    Reason.NOT_ON_LIST: Words(
        "Not registered for {day}.", "Билетът не важи за {day}.",
        "Biletul nu este valabil pe {day}.",
    ),
    Reason.EXIT_RECORDED: Words(
        "Leaving — goodbye.", "Излиза — довиждане.", "Pleacă — la revedere."
    ),
    Reason.NOT_INSIDE: Words(
        "No entry was recorded, so no exit can be.",
        "Няма отбелязан вход, затова не може да се отбележи изход.",
        "Nu s-a înregistrat nicio intrare, deci nu se poate înregistra ieșirea.",
    ),
    Reason.VOIDED: Words(
        "The check-in was undone. The person can be checked in again.",
        "Пристигането е отменено. Може да се отбележи отново.",
        "Check-in-ul a fost anulat. Persoana poate face din nou check-in.",
    ),
    Reason.INVALID_SIGNATURE: Words(
        "The signature does not match: the code was altered, is for another event, or this "
        "kiosk lacks the event's key. Search by name, or send the person to the organisers.",
        "Подписът не съвпада: кодът е променен, е за друго събитие или този пункт няма ключа на "
        "събитието. Потърсете по име или изпратете човека при организаторите.",
        "Semnătura nu se potrivește: codul a fost modificat, este pentru alt eveniment sau acest "
        "punct nu are cheia evenimentului. Căutați după nume sau trimiteți persoana la "
        "organizatori.",
    ),
    Reason.REVOKED: Words(
        "The organisers revoked this ticket. Send the person to the organisers' desk.",
        "Организаторите анулираха този билет. Изпратете човека на гишето на организаторите.",
        "Organizatorii au revocat acest bilet. Trimiteți persoana la biroul organizatorilor.",
    ),
    Reason.UNPAID: Words(
        "The registration is not paid yet and this list does not admit unpaid ones. Take the "
        "payment, then admit with “Admit anyway”.",
        "Регистрацията още не е платена, а този списък не допуска неплатени. Приемете "
        "плащането и допуснете с „Допусни въпреки това“.",
        "Înscrierea nu este încă plătită, iar această listă nu admite înscrieri neplătite. "
        "Încasați plata, apoi admiteți cu „Admite totuși”.",
    ),
}

#: The rest of what staff are told about a scan, by name.
PHRASE: dict[str, Words] = {
    "welcome_back": Words(
        "Welcome back — re-entry recorded.",
        "Добре дошли отново — повторният вход е отбелязан.",
        "Bine ați revenit — reintrare înregistrată.",
    ),
    "already_today": Words(
        "Already checked in today at {time} on {kiosk}.",
        "Пристигна днес в {time} на {kiosk}.",
        "Check-in efectuat astăzi la ora {time}, la {kiosk}.",
    ),
    "another_kiosk": Words("another kiosk", "друго гише", "alt ghișeu"),
    "search_by_name": Words("Search by name instead.", "Потърсете по име.", "Căutați după nume."),
    "registered_for": Words(
        "Registered for: {days}.", "Записани дни: {days}.", "Zile înregistrate: {days}."
    ),
    "send_to_organisers": Words(
        "Send the person to the organisers' desk.",
        "Изпратете човека на гишето на организаторите.",
        "Trimiteți persoana la biroul organizatorilor.",
    ),
    # A past scan in a person's history.
    "history_admitted": Words("Checked in", "Пристигане", "Check-in"),
    "history_exit": Words("Exit", "Изход", "Ieșire"),
    "history_voided": Words("Undo", "Отмяна", "Anulare check-in"),
    "history_refused": Words("Refused: {reason}", "Отказ: {reason}", "Refuzat: {reason}"),
}


#: How a check-in was made (:class:`kiosk.core.model.Method`): a person's history at the desk,
#: the reports' "How checked in" column and their section of it.
METHOD: dict[Method, Words] = {
    Method.SCANNED: Words("scanned (scanner)", "сканиран (скенер)", "scanat (scaner)"),
    Method.CAMERA: Words("scanned (camera)", "сканиран (камера)", "scanat (cameră)"),
    Method.TYPED: Words("code typed", "въведен код", "cod tastat"),
    Method.PICKED: Words(
        "picked from search by staff",
        "избран от търсене от персонала",
        "ales din căutare de personal",
    ),
    Method.SELF_PICK: Words(
        "name chosen at the kiosk", "избрано име на киоска", "nume ales la chioșc"
    ),
    Method.WALK_IN: Words("walk-in", "регистриран на място", "înscris la fața locului"),
    Method.BACKDATED: Words(
        "entered later (back-dated)",
        "въведен по-късно (със задна дата)",
        "introdus ulterior (cu dată anterioară)",
    ),
    Method.FORCED: Words(
        "admitted by staff decision",
        "допуснат по решение на персонала",
        "admis prin decizia personalului",
    ),
}


def method_text(method: str, language: str = DEFAULT_LANGUAGE) -> str:
    """How a check-in was made (:data:`METHOD`); '' when it was not recorded or is unknown."""
    try:
        return METHOD[Method(method)].in_(language)
    except ValueError:
        return ""


def reason_name(reason: Reason, language: str = DEFAULT_LANGUAGE) -> str:
    """What a reason is called (:data:`REASON`)."""
    return REASON[reason].in_(language)


def headline(reason: Reason, hint: Hint | None, language: str = DEFAULT_LANGUAGE) -> str:
    """The desk's one big word for a result."""
    if reason is Reason.UNKNOWN_CODE and hint is Hint.PARTIAL_SCAN:
        return HEADLINE[Hint.PARTIAL_SCAN].in_(language)
    if reason is Reason.EXIT_RECORDED and hint is Hint.NO_ENTRY:
        return HEADLINE[Hint.NO_ENTRY].in_(language)
    found = HEADLINE.get(reason)
    return (found or REASON[reason]).in_(language)


def hint_text(hint: Hint, language: str = DEFAULT_LANGUAGE) -> str:
    """What a hint tells staff (:data:`HINT`)."""
    return HINT[hint].in_(language)


def detail(reason: Reason, language: str = DEFAULT_LANGUAGE) -> str:
    """The line under the headline for a reason, placeholders unfilled (:data:`DETAIL`)."""
    return DETAIL[reason].in_(language)


def phrase(name: str, language: str = DEFAULT_LANGUAGE) -> str:
    """One of :data:`PHRASE`, placeholders unfilled."""
    return PHRASE[name].in_(language)


def history_text(reason: Reason, language: str = DEFAULT_LANGUAGE) -> str:
    """A past scan in a person's history, in a word or two."""
    name = {
        Reason.ADMITTED: "history_admitted",
        Reason.EXIT_RECORDED: "history_exit",
        Reason.VOIDED: "history_voided",
    }.get(reason)
    if name is not None:
        return phrase(name, language)
    return phrase("history_refused", language).format(reason=headline(reason, None, language))


# ------------------------------------------------------------------------------------------------
# Attendees: the self-service kiosk
# ------------------------------------------------------------------------------------------------

#: The welcome, with the attendee's first name or without it.
WELCOME_NAME = Words("Welcome, {name}!", "Добре дошли, {name}!", "Bun venit, {name}!")
WELCOME = Words("Welcome!", "Добре дошли!", "Bun venit!")
_TO_DESK = Words(
    "Please go to the registration desk — we will help you there.",
    "Моля, отидете на гишето за регистрация — там ще Ви помогнем.",
    "Vă rugăm să mergeți la ghișeul de înregistrare — vă vom ajuta acolo.",
)

#: What the attendee is told for each outcome: a title and a line under it. The welcomes'
#: title is :data:`WELCOME_NAME` (or :data:`WELCOME`), so only their line is here.
ATTENDEE: dict[Outcome, tuple[Words | None, Words]] = {
    Outcome.WELCOME_BADGE: (None, Words(
        "Your badge is printing — please take it.",
        "Баджът Ви се отпечатва — моля, вземете го.",
        "Ecusonul se tipărește — vă rugăm să-l luați.",
    )),
    Outcome.WELCOME_DESK: (None, Words(
        "Please collect your badge at the registration desk.",
        "Моля, вземете баджа си от гишето за регистрация.",
        "Vă rugăm să vă ridicați ecusonul de la ghișeul de înregistrare.",
    )),
    Outcome.BADGE_FAILED: (None, Words(
        "You are checked in. Please collect your badge at the registration desk.",
        "Пристигането Ви е отбелязано. Моля, вземете баджа си от гишето за регистрация.",
        "Ați făcut check-in. Vă rugăm să vă ridicați ecusonul de la ghișeul de înregistrare.",
    )),
    Outcome.ALREADY: (Words(
        "You are already checked in today.",
        "Пристигането Ви днес вече е отбелязано.",
        "Ați făcut deja check-in astăzi.",
    ), Words(
        "If you need your badge again, please ask at the registration desk.",
        "Ако отново Ви трябва бадж, моля, попитайте на гишето за регистрация.",
        "Dacă aveți din nou nevoie de ecuson, vă rugăm să întrebați la ghișeul de înregistrare.",
    )),
    Outcome.NOT_FOUND: (Words(
        "We could not find this code.", "Не открихме този код.", "Nu am găsit acest cod.",
    ), _TO_DESK),
    Outcome.NOT_TODAY: (Words(
        "Your registration is not for today.",
        "Регистрацията Ви не е за днес.",
        "Înregistrarea dumneavoastră nu este pentru astăzi.",
    ), _TO_DESK),
    Outcome.SEE_DESK: (Words(
        "We could not check you in here.",
        "Не успяхме да отбележим пристигането Ви тук.",
        "Nu v-am putut face check-in aici.",
    ), _TO_DESK),
}  # fmt: skip


def attendee_words(outcome: Outcome, first_name: str, language: str) -> tuple[str, str]:
    """The title and the line the attendee reads for an outcome."""
    title, line = ATTENDEE[outcome]
    if title is None:
        welcome = WELCOME_NAME.in_(language).format(name=first_name) if first_name else None
        return welcome or WELCOME.in_(language), line.in_(language)
    return title.in_(language), line.in_(language)
