"""The words of report files (CSV, workbook, PDF, chart, sign-in sheets) in English, Bulgarian
and Romanian.

The reports layer writes files on a headless machine and must not import Qt, so its texts live
here, one dict per language with the same keys (tests/reports/test_texts.py checks that), rather
than in the desk's Qt catalogues. Keys are stable names; values may hold ``{placeholders}``.
Bulgarian is in Cyrillic; Romanian uses ș ț with the comma below (never ş ţ with a cedilla).

A count with its noun ("1 participant", "20 de participanți") takes the language's plural form
(:data:`COUNTED`, :func:`count_of`, rules in :mod:`kiosk.core.plurals`); totals are written as
"label: N".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from kiosk.core import wording
from kiosk.core.countries import country_name
from kiosk.core.labels import category_key, day_list_name, fallback_label
from kiosk.core.plurals import counted

LANGUAGES = ("en", "bg", "ro")
DEFAULT_LANGUAGE = "en"

EN: dict[str, str] = {
    # B2B meetings (kiosk.reports.meetings)
    "section.b2b_meetings": "B2B meetings, one by one",
    "col.b2b_when": "When",
    "col.b2b_table": "Table",
    "col.b2b_participant": "Participant",
    "col.b2b_partner": "Partner",
    "col.b2b_result": "Result",
    "value.b2b_held": "held (marked)",
    "value.b2b_possible": "possible (both here)",
    "value.b2b_no_show": "no-show",
    "value.b2b_open": "not over yet",
    "section.b2b_by_pair": "B2B meetings by country pair",
    "section.b2b_by_day": "B2B meetings by day",
    "col.b2b_group": "Country pair",
    "col.b2b_planned": "Planned",
    "col.b2b_held": "Held (marked)",
    "col.b2b_possible": "Possible (both here)",
    "col.b2b_no_show": "No-show",
    "col.b2b_open": "Not over yet",
    "row.b2b_other_pair": "Other",
    # Sections and their columns
    "section.by_day": "Attendance by day",
    "section.by_list": "In person by check-in list",
    "section.by_country": "By country",
    "section.by_category": "By category",
    "section.by_organisation": "By organisation",
    "section.refused": "Refused scans by reason",
    "section.conflicts": "Admitted more than once (duplicates and conflicts)",
    "col.group": "Group",
    "col.registered": "Registered",
    "col.in_person": "Attended in person",
    "col.online": "Attended online",
    "col.either": "Attended either",
    "col.no_shows": "No-shows",
    "col.day": "Day",
    "col.list": "List",
    "col.reason": "Reason",
    "col.scans": "Scans",
    "col.name": "Name",
    "col.code": "Code",
    "col.kiosk": "Kiosk",
    "col.time": "Time",
    "col.counts": "Counts",
    "row.total": "Total",
    "row.unique": "Unique over the event",
    "row.not_given": "Not given",
    "row.other": "Other",
    "row.bulgaria": "Bulgaria",
    "row.romania": "Romania",
    "value.yes": "yes",
    "value.duplicate": "no (duplicate)",
    "value.manual": "{kiosk} (manual)",
    # The register
    "reg.no": "No.",
    "reg.date": "Date",
    "reg.last_name": "Last name",
    "reg.first_name": "First name",
    "reg.organisation": "Organisation",
    "reg.country": "Country",
    "reg.category": "Category",
    "reg.modality": "Modality",
    "reg.first_arrival": "First arrival",
    "reg.last_exit": "Last exit",
    "reg.kiosk": "Kiosk",
    "reg.method": "How checked in",
    "section.by_method": "How people were checked in (first admission of the day)",
    "reg.manual": "Manual",
    "reg.online_minutes": "Online minutes",
    "reg.conflict": "Conflict",
    "reg.code": "Code",
    "reg.arrival": "Arrival",
    "reg.exit": "Exit",
    "att.first_checkin": "First check-in",
    "att.signature": "Admitted by signature",
    "att.title": "{event} — attendance {day} ({count} people)",
    "modality.in_person": "in person",
    "modality.online": "online",
    "modality.in_person_and_online": "in person + online",
    # Titles, workbook, PDF report
    "title.report": "{event} — attendance, {what}",
    "scope.event": "whole event",
    "scope.list": "check-in list {list}",
    "sheet.summary": "Summary",
    "book.venue": "Venue: {venue}",
    "book.written": "Written {time}",
    "book.register": "{event} — attendance register {day} ({people})",
    "pdf.page": "Page {page} of {pages}",
    "pdf.digest": "Content SHA-256: {digest}",
    "pdf.zone": "time zone {zone} · written {time}",
    "pdf.arrivals": "Arrivals per 15 minutes",
    "pdf.none": "None.",
    "pdf.register": "Attendance register {date} — {people}",
    # Sign-in sheets
    "signin.no": "No.",
    "signin.name": "Name",
    "signin.organisation": "Organisation",
    "signin.country": "Country",
    "signin.signature": "Signature",
    "signin.title_registered": "Attendance sign-in sheet — everyone registered for this day",
    "signin.title_attended": "Attendance list — people who attended",
    "signin.total_registered": "Total registered: {count}",
    "signin.total_attended": "Total attended: {count}",
    "signin.checked_by": "Checked by (name, signature, date):",
    "signin.footer": "{event} · {day} · {people}",
    "signin.pdf_title": "{event} — sign-in sheet {day}",
    # The arrivals chart
    "chart.day_total": "{day} — {total} first arrivals",
    "chart.no_arrivals": "No arrivals",
    "chart.note": "First in-person arrival per person and day, per 15 minutes, event time zone",
    # Dates
    "date.long": "{weekday}, {day} {month} {year}",
    "weekday.0": "Monday",
    "weekday.1": "Tuesday",
    "weekday.2": "Wednesday",
    "weekday.3": "Thursday",
    "weekday.4": "Friday",
    "weekday.5": "Saturday",
    "weekday.6": "Sunday",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
    # Names of data: check-in lists made per day, categories (kiosk.core.labels).
    "list.day": "Day {day}",
    "cli.file": "  {path}  sha256 {sha256}",
    "cli.beside": "  {digest_file} written beside it",
    "cli.rows": "{event}: register rows: {count}",
    "cli.day": "  {day}: registered {registered}, in person {in_person}, "
    "online {online}, either {either}, no-shows {no_shows}",
    "category.participant": "Participant",
    "category.speaker": "Speaker",
    "category.organiser": "Organiser",
    "category.press": "Press",
    "category.staff": "Staff",
    "category.sponsor": "Sponsor",
    "category.guest": "Guest",
    "category.vip": "VIP",
    "category.exhibitor": "Exhibitor",
    "category.partner": "Partner",
    "category.b2b": "B2B meetings",
    "category.volunteer": "Volunteer",
    "category.student": "Student",
}

BG: dict[str, str] = {
    # B2B meetings (kiosk.reports.meetings)
    "section.b2b_meetings": "Бизнес срещи, една по една",
    "col.b2b_when": "Кога",
    "col.b2b_table": "Маса",
    "col.b2b_participant": "Участник",
    "col.b2b_partner": "Партньор",
    "col.b2b_result": "Резултат",
    "value.b2b_held": "проведена (отбелязана)",
    "value.b2b_possible": "възможна (двамата тук)",
    "value.b2b_no_show": "неявяване",
    "value.b2b_open": "още не е приключила",
    "section.b2b_by_pair": "Бизнес срещи по двойка държави",
    "section.b2b_by_day": "Бизнес срещи по дни",
    "col.b2b_group": "Двойка държави",
    "col.b2b_planned": "Планирани",
    "col.b2b_held": "Проведени (отбелязани)",
    "col.b2b_possible": "Възможни (двамата тук)",
    "col.b2b_no_show": "Неявяване",
    "col.b2b_open": "Още не са приключили",
    "row.b2b_other_pair": "Други",
    "section.by_day": "Присъствие по дни",
    "section.by_list": "Присъствие на място по списъци за вход",
    "section.by_country": "По държави",
    "section.by_category": "По категории",
    "section.by_organisation": "По организации",
    "section.refused": "Отказани сканирания по причина",
    "section.conflicts": "Допуснати повече от веднъж (дубликати и конфликти)",
    "col.group": "Група",
    "col.registered": "Регистрирани",
    "col.in_person": "Присъствали на място",
    "col.online": "Присъствали онлайн",
    "col.either": "Присъствали общо",
    "col.no_shows": "Неявили се",
    "col.day": "Ден",
    "col.list": "Списък",
    "col.reason": "Причина",
    "col.scans": "Сканирания",
    "col.name": "Име",
    "col.code": "Код",
    "col.kiosk": "Киоск",
    "col.time": "Час",
    "col.counts": "Зачита се",
    "row.total": "Общо",
    "row.unique": "Уникални за цялото събитие",
    "row.not_given": "Не е посочено",
    "row.other": "Други",
    "row.bulgaria": "България",
    "row.romania": "Румъния",
    "value.yes": "да",
    "value.duplicate": "не (дубликат)",
    "value.manual": "{kiosk} (ръчно)",
    "reg.no": "№",
    "reg.date": "Дата",
    "reg.last_name": "Фамилия",
    "reg.first_name": "Име",
    "reg.organisation": "Организация",
    "reg.country": "Държава",
    "reg.category": "Категория",
    "reg.modality": "Форма на участие",
    "reg.first_arrival": "Първо пристигане",
    "reg.last_exit": "Последно излизане",
    "reg.kiosk": "Киоск",
    "reg.method": "Начин на вход",
    "section.by_method": "Начин на регистриране (първо допускане за деня)",
    "reg.manual": "Ръчно",
    "reg.online_minutes": "Минути онлайн",
    "reg.conflict": "Конфликт",
    "reg.code": "Код",
    "reg.arrival": "Пристигане",
    "reg.exit": "Излизане",
    "att.first_checkin": "Първи вход",
    "att.signature": "Допуснат с подписан билет",
    "att.title": "{event} — присъствие {day} (души: {count})",
    "modality.in_person": "на място",
    "modality.online": "онлайн",
    "modality.in_person_and_online": "на място + онлайн",
    "title.report": "{event} — присъствие, {what}",
    "scope.event": "цялото събитие",
    "scope.list": "списък за вход {list}",
    "sheet.summary": "Обобщение",
    "book.venue": "Място: {venue}",
    "book.written": "Изготвено на {time}",
    "book.register": "{event} — присъствен списък {day} ({people})",
    "pdf.page": "Страница {page} от {pages}",
    "pdf.digest": "SHA-256 на съдържанието: {digest}",
    "pdf.zone": "часова зона {zone} · изготвено на {time}",
    "pdf.arrivals": "Пристигания на всеки 15 минути",
    "pdf.none": "Няма.",
    "pdf.register": "Присъствен списък, {date} — {people}",
    "signin.no": "№",
    "signin.name": "Име",
    "signin.organisation": "Организация",
    "signin.country": "Държава",
    "signin.signature": "Подпис",
    "signin.title_registered": "Списък за подписи — всички регистрирани за деня",
    "signin.title_attended": "Списък на присъствалите",
    "signin.total_registered": "Общо регистрирани: {count}",
    "signin.total_attended": "Общо присъствали: {count}",
    "signin.checked_by": "Проверил (име, подпис, дата):",
    "signin.footer": "{event} · {day} · {people}",
    "signin.pdf_title": "{event} — списък за подписи {day}",
    "chart.day_total": "{day} — първи пристигания: {total}",
    "chart.no_arrivals": "Няма пристигания",
    "chart.note": "Първо пристигане на място на всеки участник за деня, на 15 минути, "
    "в часовата зона на събитието",
    "date.long": "{weekday}, {day} {month} {year} г.",
    "weekday.0": "понеделник",
    "weekday.1": "вторник",
    "weekday.2": "сряда",
    "weekday.3": "четвъртък",
    "weekday.4": "петък",
    "weekday.5": "събота",
    "weekday.6": "неделя",
    "month.1": "януари",
    "month.2": "февруари",
    "month.3": "март",
    "month.4": "април",
    "month.5": "май",
    "month.6": "юни",
    "month.7": "юли",
    "month.8": "август",
    "month.9": "септември",
    "month.10": "октомври",
    "month.11": "ноември",
    "month.12": "декември",
    "list.day": "Ден {day}",
    "cli.file": "  {path}  SHA-256 {sha256}",
    "cli.beside": "  {digest_file} е записан до него",
    "cli.rows": "{event}: редове в регистъра: {count}",
    "cli.day": "  {day}: регистрирани {registered}, присъствали на място "
    "{in_person}, онлайн {online}, общо {either}, неявили се {no_shows}",
    "category.participant": "Участник",
    "category.speaker": "Лектор",
    "category.organiser": "Организатор",
    "category.press": "Медии",
    "category.staff": "Екип",
    "category.sponsor": "Спонсор",
    "category.guest": "Гост",
    "category.vip": "ВИП",
    "category.exhibitor": "Изложител",
    "category.partner": "Партньор",
    "category.b2b": "Бизнес срещи",
    "category.volunteer": "Доброволец",
    "category.student": "Студент",
}

RO: dict[str, str] = {
    # B2B meetings (kiosk.reports.meetings)
    "section.b2b_meetings": "Întâlniri B2B, una câte una",
    "col.b2b_when": "Când",
    "col.b2b_table": "Masa",
    "col.b2b_participant": "Participant",
    "col.b2b_partner": "Partener",
    "col.b2b_result": "Rezultat",
    "value.b2b_held": "ținută (marcată)",
    "value.b2b_possible": "posibilă (ambii aici)",
    "value.b2b_no_show": "neprezentare",
    "value.b2b_open": "încă neîncheiată",
    "section.b2b_by_pair": "Întâlniri B2B pe perechi de țări",
    "section.b2b_by_day": "Întâlniri B2B pe zile",
    "col.b2b_group": "Pereche de țări",
    "col.b2b_planned": "Planificate",
    "col.b2b_held": "Ținute (marcate)",
    "col.b2b_possible": "Posibile (ambii aici)",
    "col.b2b_no_show": "Neprezentare",
    "col.b2b_open": "Încă neîncheiate",
    "row.b2b_other_pair": "Altele",
    "section.by_day": "Prezența pe zile",
    "section.by_list": "Prezența fizică pe liste de înregistrare",
    "section.by_country": "Pe țări",
    "section.by_category": "Pe categorii",
    "section.by_organisation": "Pe organizații",
    "section.refused": "Scanări refuzate, după motiv",
    "section.conflicts": "Admiși de mai multe ori (duplicate și conflicte)",
    "col.group": "Grup",
    "col.registered": "Înregistrați",
    "col.in_person": "Prezenți fizic",
    "col.online": "Prezenți online",
    "col.either": "Prezenți în total",
    "col.no_shows": "Absenți",
    "col.day": "Ziua",
    "col.list": "Lista",
    "col.reason": "Motiv",
    "col.scans": "Scanări",
    "col.name": "Nume",
    "col.code": "Cod",
    "col.kiosk": "Chioșc",
    "col.time": "Ora",
    "col.counts": "Se ia în calcul",
    "row.total": "Total",
    "row.unique": "Persoane unice pe întregul eveniment",
    "row.not_given": "Nespecificat",
    "row.other": "Altele",
    "row.bulgaria": "Bulgaria",
    "row.romania": "România",
    "value.yes": "da",
    "value.duplicate": "nu (duplicat)",
    "value.manual": "{kiosk} (manual)",
    "reg.no": "Nr.",
    "reg.date": "Data",
    "reg.last_name": "Nume",
    "reg.first_name": "Prenume",
    "reg.organisation": "Organizație",
    "reg.country": "Țara",
    "reg.category": "Categorie",
    "reg.modality": "Mod de participare",
    "reg.first_arrival": "Prima sosire",
    "reg.last_exit": "Ultima ieșire",
    "reg.kiosk": "Chioșc",
    "reg.method": "Mod de înregistrare",
    "section.by_method": "Cum au fost înregistrate persoanele (prima admitere a zilei)",
    "reg.manual": "Manual",
    "reg.online_minutes": "Minute online",
    "reg.conflict": "Conflict",
    "reg.code": "Cod",
    "reg.arrival": "Sosire",
    "reg.exit": "Ieșire",
    "att.first_checkin": "Prima intrare",
    "att.signature": "Admis cu bilet semnat",
    "att.title": "{event} — prezență {day} (persoane: {count})",
    "modality.in_person": "fizic",
    "modality.online": "online",
    "modality.in_person_and_online": "fizic + online",
    "title.report": "{event} — prezență, {what}",
    "scope.event": "întregul eveniment",
    "scope.list": "lista de înregistrare {list}",
    "sheet.summary": "Rezumat",
    "book.venue": "Locul: {venue}",
    "book.written": "Întocmit la {time}",
    "book.register": "{event} — registru de prezență {day} ({people})",
    "pdf.page": "Pagina {page} din {pages}",
    "pdf.digest": "SHA-256 al conținutului: {digest}",
    "pdf.zone": "fus orar {zone} · întocmit la {time}",
    "pdf.arrivals": "Sosiri la fiecare 15 minute",
    "pdf.none": "Nu există.",
    "pdf.register": "Registru de prezență, {date} — {people}",
    "signin.no": "Nr.",
    "signin.name": "Nume",
    "signin.organisation": "Organizație",
    "signin.country": "Țara",
    "signin.signature": "Semnătura",
    "signin.title_registered": "Listă de semnături — toți cei înregistrați pentru această zi",
    "signin.title_attended": "Lista participanților prezenți",
    "signin.total_registered": "Total înregistrați: {count}",
    "signin.total_attended": "Total prezenți: {count}",
    "signin.checked_by": "Verificat de (nume, semnătură, dată):",
    "signin.footer": "{event} · {day} · {people}",
    "signin.pdf_title": "{event} — listă de semnături {day}",
    "chart.day_total": "{day} — prime sosiri: {total}",
    "chart.no_arrivals": "Nicio sosire",
    "chart.note": "Prima sosire fizică a fiecărei persoane pe zi, la 15 minute, "
    "în fusul orar al evenimentului",
    "date.long": "{weekday}, {day} {month} {year}",
    "weekday.0": "luni",
    "weekday.1": "marți",
    "weekday.2": "miercuri",
    "weekday.3": "joi",
    "weekday.4": "vineri",
    "weekday.5": "sâmbătă",
    "weekday.6": "duminică",
    "month.1": "ianuarie",
    "month.2": "februarie",
    "month.3": "martie",
    "month.4": "aprilie",
    "month.5": "mai",
    "month.6": "iunie",
    "month.7": "iulie",
    "month.8": "august",
    "month.9": "septembrie",
    "month.10": "octombrie",
    "month.11": "noiembrie",
    "month.12": "decembrie",
    "list.day": "Ziua {day}",
    "cli.file": "  {path}  SHA-256 {sha256}",
    "cli.beside": "  {digest_file} a fost scris alături",
    "cli.rows": "{event}: rânduri în registru: {count}",
    "cli.day": "  {day}: înregistrați {registered}, prezenți fizic "
    "{in_person}, online {online}, total {either}, absenți {no_shows}",
    "category.participant": "Participant",
    "category.speaker": "Vorbitor",
    "category.organiser": "Organizator",
    "category.press": "Presă",
    "category.staff": "Echipă",
    "category.sponsor": "Sponsor",
    "category.guest": "Invitat",
    "category.vip": "VIP",
    "category.exhibitor": "Expozant",
    "category.partner": "Partener",
    "category.b2b": "Întâlniri B2B",
    "category.volunteer": "Voluntar",
    "category.student": "Student",
}

CATALOGUE: dict[str, dict[str, str]] = {"en": EN, "bg": BG, "ro": RO}

# How each check-in was made ("method.scanned", …): kiosk.core.wording's words, the one table
# of them that the desk's person history shares.
for _language, _table in CATALOGUE.items():
    _table.update({f"method.{m.value}": w.in_(_language) for m, w in wording.METHOD.items()})

#: The other language of the Bulgarian–Romanian event, for bilingual sign-in sheets.
PARTNER = {"bg": "ro", "ro": "bg"}

Texts = Callable[..., str]


def texts(language: str = DEFAULT_LANGUAGE) -> Texts:
    """``t(key, **values)``: the text of ``key`` in ``language``, its placeholders filled."""
    try:
        table = CATALOGUE[language]
    except KeyError:
        raise ValueError(
            f"no report texts in '{language}' — use one of {', '.join(LANGUAGES)}"
        ) from None

    def t(key: str, **values: object) -> str:
        text = table[key]
        return text.format(**values) if values else text

    return t


def language_of(t: Texts) -> str:
    """The language whose words ``t`` gives."""
    probe = t("section.by_day")
    return next((lang for lang, table in CATALOGUE.items() if table["section.by_day"] == probe))


def category_label(t: Texts, value: str) -> str:
    """A stored category in the language of ``t``: known keys from the table, others with a
    capital first letter (kiosk.core.labels). English files keep the stored value: the English
    register is the canonical file whose digest is recorded, and must not change with the
    label table."""
    if language_of(t) == DEFAULT_LANGUAGE:
        return value
    key = category_key(value)
    return t(f"category.{key}") if key is not None else fallback_label(value)


def country_label(t: Texts, value: str) -> str:
    """A stored country (ISO code or name) named in the language of ``t``; English files keep
    the stored value (see :func:`category_label`)."""
    language = language_of(t)
    if language == DEFAULT_LANGUAGE:
        return value
    return country_name(value, language)


def list_label(t: Texts, name: str, day: date | None) -> str:
    """A check-in list's name: a list made for a day ("Day 2026-09-28") in the language of
    ``t``; a name somebody gave it as given."""
    if day is not None and name == day_list_name(day):
        return t("list.day", day=day.isoformat())
    return name


#: Counted nouns in each language's plural forms (kiosk.core.plurals.FORMS).
COUNTED: dict[str, dict[str, dict[str, str]]] = {
    "people": {
        "en": {"one": "{count} person", "other": "{count} people"},
        "bg": {"one": "{count} участник", "other": "{count} участници"},
        "ro": {
            "one": "{count} participant",
            "few": "{count} participanți",
            "other": "{count} de participanți",
        },
    },
}


def count_of(t: Texts, noun: str, count: int) -> str:
    """``count`` with its noun (:data:`COUNTED`) in the language of ``t``: "1 person",
    "2 people", "20 de participanți"."""
    language = language_of(t)
    return counted(count, COUNTED[noun][language], language)


def long_date(t: Texts, day: date) -> str:
    """'Monday, 28 September 2026', 'понеделник, 28 септември 2026 г.', 'luni, 28 septembrie
    2026' — without the machine's locale."""
    return t(
        "date.long",
        weekday=t(f"weekday.{day.weekday()}"),
        day=day.day,
        month=t(f"month.{day.month}"),
        year=day.year,
    )
