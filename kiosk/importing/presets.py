"""What registration files look like: header vocabulary (English, Bulgarian, Romanian), the
export formats of the platforms organizers use, and the words found in status and day columns.

Everything here is data plus the one normalisation (:func:`header_key`) that makes it comparable,
so adding a new synonym or a platform is a one-line change that needs no new logic. All lookups go
through :func:`header_key`, so the tables are written the way people write headers (with case,
diacritics and punctuation) and still match "E-MAIL", "Țara", "Tara" or "Order#".

Platform header sets were taken from the platforms' own export code and help pages where public
(pretix's check-in list and order data exporters with their Romanian and German catalogues,
Indico's registration export, Eventbrite's attendee summary report and status glossary, b2match's
participant list) and are otherwise the plausible names. Matching is by meaning
(a set of characteristic headers), not by exact column order, so small differences between export
versions do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from kiosk.core.text import clean

#: Pseudo-field for "Name" / "Име" / "Nume": first name, last name or full name depending on the
#: other columns (see :mod:`kiosk.importing.mapping`).
AMBIGUOUS_NAME = "_ambiguous_name"

_NOT_WORD = re.compile(r"[^\w#]+|_")


def clean_text(text: str) -> str:
    """A spreadsheet cell as stored: :func:`kiosk.core.text.clean`, the one cleaning (line
    breaks and tabs in a cell, e.g. "Ivan<Alt+Enter>Petrov", separate words there too). Whole
    columns are cleaned with :func:`kiosk.storage.attendees.clean_column`, the same rule."""
    return clean(text)


@lru_cache(maxsize=4096)
def header_key(text: str) -> str:
    """The comparable form of a header or a short cell value.

    Cleaned, case-folded, without diacritics (ș ş ţ ț ă â î → s t a i; also й → и, which is harmless
    because both sides of every comparison go through here), punctuation turned into single
    spaces; "#" is kept as a word of its own because "Order #" and "Order" are different columns.
    """
    text = clean_text(text).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("#", " # ")
    return " ".join(_NOT_WORD.sub(" ", text).split())


# ---------------------------------------------------------------------------------------------
# Generic header vocabulary. Within a field, earlier names win when a file has several matching
# columns (e.g. "Mobile" before "Work phone"); later matches become per-row fallbacks for the
# fields listed in FALLBACK_FIELDS.

SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": (
        "Full name", "Attendee name", "Participant name", "Participant", "Attendee", "Guest name",
        "Your name", "Name and surname", "First and last name", "Name surname", "Names",
        "Име и фамилия", "Имена", "Трите имена", "Пълно име", "Име, презиме и фамилия",
        "Собствено и фамилно име", "Участник",
        "Nume complet", "Nume și prenume", "Numele și prenumele", "Prenume și nume",
        "Numele complet", "Participant (nume)",
    ),
    "first_name": (
        "First name", "Given name", "Firstname", "Forename", "First",
        "Собствено име", "Лично име",
        "Prenume", "Prenumele",
    ),
    "last_name": (
        "Last name", "Surname", "Family name", "Lastname", "Last",
        "Фамилия", "Фамилно име",
        "Nume de familie", "Numele de familie",
    ),
    "organization": (
        "Organisation", "Organization", "Company", "Company name", "Organisation name",
        "Organization name", "Institution", "Affiliation", "Employer", "Firm",
        "Организация", "Фирма", "Компания", "Институция", "Организация / Фирма",
        "Organizație", "Organizatia", "Companie", "Compania", "Firma", "Instituție",
        "Instituția",
    ),
    "country": (
        "Country", "Country/Region", "Country of residence", "Nationality",
        "Държава", "Страна", "Държава на пребиваване",
        "Țara", "Țară", "Țara de reședință",
    ),
    "email": (
        "Email", "E-mail", "Email address", "E-mail address", "Attendee email", "Your email",
        "Mail",
        "Имейл", "Имейл адрес", "Е-мейл", "Електронна поща", "Ел. поща",
        "Adresă de e-mail", "Adresa de email", "Email (adresă)",
    ),
    "phone": (
        "Mobile", "Mobile phone", "Mobile number", "Cell phone", "Phone", "Phone number",
        "Telephone", "Tel", "Work phone",
        "Мобилен телефон", "Телефон", "Тел", "GSM",
        "Telefon mobil", "Mobil", "Telefon", "Număr de telefon", "Nr. telefon",
    ),
    "category": (
        "Category", "Ticket type", "Ticket", "Participant type", "Participation type",
        "Registration type", "Attendee type", "Badge type", "Type", "Role",
        "Категория", "Вид билет", "Тип билет", "Тип участник", "Тип", "Роля",
        "Categorie", "Categoria", "Tip bilet", "Tip participant", "Tip", "Rol",
    ),
    "language": (
        "Language", "Preferred language", "Badge language",
        "Език", "Предпочитан език",
        "Limba", "Limba preferată",
    ),
    "code": (
        "Code", "Ticket code", "Barcode", "QR", "QR code", "Ticket barcode", "Secret",
        "Код", "Код на билет", "Баркод", "QR код",
        "Cod", "Cod bilet", "Cod QR", "Cod de bare",
    ),
    "external_id": (
        "Attendee #", "Attendee ID", "Participant ID", "Registration ID", "Registration number",
        "Ticket ID", "ID", "Order #", "Order ID", "Order number", "Order",
        "Номер", "Регистрационен номер", "Номер на регистрация",
        "Nr.", "Număr înregistrare", "Nr. înregistrare",
    ),
    "status": (
        "Status", "Attendee status", "Registration status", "Ticket status", "Order status",
        "Статус", "Състояние", "Статус на регистрацията",
        "Stare", "Starea", "Status înregistrare",
    ),
    "days": (
        "Days", "Day", "Dates", "Date(s)", "Day(s)", "Attendance days", "Days attending",
        "Дни", "Ден", "Дати", "Дни на присъствие", "Дни на участие",
        "Zile", "Ziua", "Zilele", "Zile participare", "Date participare",
    ),
}  # fmt: skip

#: Headers that are "the name" in the language of the form; which name depends on the other
#: columns ("Име" + "Фамилия": first name; "Nume" + "Prenume": last name; alone: full name).
AMBIGUOUS_NAMES: tuple[str, ...] = ("Name", "Име", "Nume", "Numele")

# Looser matching for headers that are not a known name, e.g. Google Forms questions ("What is your
# e-mail?", "Organisation / Company"). A field matches when one of its phrases occurs as whole
# words in the header and none of its exclusions does. Fields are tried in this order, so
# "Company phone" is a phone and "Organisation type" (excluded) is nothing.
FUZZY: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("email", ("email", "e mail", "mail address", "имейл", "е мейл", "поща"),
     ("confirm", "repeat", "again", "потвърд", "confirma", "confirmare", "repeta")),
    ("phone", ("phone", "mobile", "telephone", "телефон", "gsm", "telefon", "mobil"),
     ("code", "prefix")),
    ("country", ("country", "държава", "страна", "tara"), ("code", "prefix")),
    ("language", ("language", "език", "limba"), ()),
    ("days", ("days", "day s", "which day", "дни", "кои дни", "zile", "zilele"),
     ("number", "how many", "count", "брой", "колко", "numar", "cate")),
    ("code", ("barcode", "qr", "ticket code", "баркод", "код на билет", "cod de bare", "cod bilet"),
     ("order", "voucher", "zip", "postal", "post", "promo", "discount", "пощенски", "postal")),
    ("status", ("status", "статус", "stare"), ("check", "payment", "marital", "checked")),
    ("category", ("ticket type", "participant type", "participation type", "registration type",
                  "attendee type", "category", "categorie", "категория", "вид билет", "тип билет",
                  "tip bilet", "tip participant"), ()),
    ("organization", ("organisation", "organization", "company", "institution", "affiliation",
                      "employer", "организация", "фирма", "компания", "институция",
                      "organizatie", "organizatia", "companie", "compania", "firma",
                      "institutie", "institutia"),
     ("type", "size", "website", "url", "address", "vat", "id", "#", "number", "description",
      "sector", "industry", "тип", "вид", "адрес", "сайт", "tip", "adresa", "site")),
    ("first_name", ("first name", "given name", "prenume", "собствено име"), ()),
    ("last_name", ("last name", "surname", "family name", "фамилия", "nume de familie"), ()),
    ("full_name", ("full name", "your name", "name and surname", "first and last name",
                   "име и фамилия", "трите имена", "имена", "nume complet", "nume si prenume",
                   "numele si prenumele", "prenume si nume"), ()),
)  # fmt: skip

#: Fields for which a second matching column fills in rows where the first one is empty
#: (pretix: "Attendee email" empty → the order's "Email"; Eventbrite: work → home country).
#: Identity-like fields (code, external id, status, days) never mix columns.
FALLBACK_FIELDS = frozenset({"full_name", "email", "phone", "organization", "country"})


# ---------------------------------------------------------------------------------------------
# Platform presets.


@dataclass(frozen=True)
class Preset:
    """A platform's export format: how to recognise it and how its columns map.

    ``required`` is a tuple of groups of header names; the file must have at least one header
    from every group. ``headers`` map header → field and win over the generic vocabulary (in
    order: an earlier header for the same field is the main column, later ones fallbacks).
    ``ignore`` lists headers that must not be mapped even if they look like a field.
    """

    name: str
    required: tuple[tuple[str, ...], ...]
    headers: dict[str, str]
    ignore: tuple[str, ...] = ()
    #: Extra status values that mean "cancelled" on this platform.
    cancelled: tuple[str, ...] = ()
    #: Status values that mean an active registration on this platform.
    active: tuple[str, ...] = ()
    #: Status values of a registration awaiting the organizer's approval: such a person has no
    #: ticket yet, so the row is left out (and named in the report), not imported as active.
    pending: tuple[str, ...] = ()
    #: Extra status values of a registration not paid yet on this platform (pretix's check-in
    #: list says "Paid: No" for a pending order's ticket): imported as unpaid.
    unpaid: tuple[str, ...] = ()
    #: The platform's ticket-code column, named for the organizer when a file lacks it: the
    #: codes are then made here and the tickets the platform sent will not scan.
    code_hint: str = ""
    #: The header whose value, joined to the external id with "-", makes it unique per ticket.
    external_id_suffix: str | None = None
    #: The same header in every language the platform exports in.
    suffix_headers: tuple[str, ...] = ()
    #: Headers naming the platform's event (pretix's event slug): the list's identity.
    event_headers: tuple[str, ...] = ()
    #: Headers of the date that ends what the days column starts (pretix's sub-event "End
    #: date" after its "Start date"): the person comes on every day from one to the other.
    days_end_headers: tuple[str, ...] = ()
    #: Headers of the column that marks a row as an add-on to another ticket (pretix's
    #: "Add-on to position ID"): a product bought with a ticket, not a person; left out.
    add_on_headers: tuple[str, ...] = ()
    required_keys: tuple[frozenset[str], ...] = field(init=False, repr=False)
    header_keys: dict[str, tuple[str, int]] = field(init=False, repr=False)
    ignore_keys: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Normalise once so matching is a dictionary lookup (frozen: set via object.__setattr__).
        object.__setattr__(
            self, "required_keys", tuple(frozenset(map(header_key, g)) for g in self.required)
        )
        object.__setattr__(
            self,
            "header_keys",
            {header_key(h): (f, rank) for rank, (h, f) in enumerate(self.headers.items())},
        )
        object.__setattr__(self, "ignore_keys", frozenset(map(header_key, self.ignore)))

    def score(self, keys: set[str]) -> int:
        """0 if the headers are not this platform's export, else how many of its headers occur."""
        if not all(group & keys for group in self.required_keys):
            return 0
        return len(keys & (self.header_keys.keys() | self.ignore_keys)) + 1


#: pretix's export texts in Romanian and German, exactly as pretix 2026.8's catalogues
#: (pretix/locale/ro and de, django.po) translate them; English is the msgid. Only texts that
#: the order data and check-in list exporters write as headers, sheet titles or statuses.
PRETIX_TRANSLATIONS: dict[str, tuple[str, str]] = {
    "Event slug": ("Descriptor eveniment", "Kurzname der Veranstaltung"),
    "Event name": ("Numele evenimentului", "Veranstaltungstitel"),
    "Order code": ("ID comandă", "Bestellnummer"),
    "Position ID": ("ID-ul poziției", "Position"),
    "Status": ("Stare", "Status"),
    "Email": ("Email", "E-Mail"),
    "Phone number": ("Număr de telefon", "Telefonnummer"),
    "Order date": ("Data comenzii", "Bestelldatum"),
    "Order time": ("Ora comenzii", "Bestelluhrzeit"),
    "Product": ("Produs", "Produkt"),
    "Product ID": ("Product ID", "Produkt-ID"),
    "Variation": ("Variație", "Variante"),
    "Variation ID": ("Variation ID", "Varianten-ID"),
    "Price": ("Preț", "Preis"),
    "Tax rate": ("Taxa", "Steuersatz"),
    "Tax rule": ("Regula fiscală", "Steuerregel"),
    "Tax value": ("Valoare taxă", "Steuer"),
    "Attendee name": ("Numele participantului", "Name Teilnehmer*in"),
    "Attendee name: Given name": ("Numele participantului: Prenume", "Name Teilnehmer*in: Vorname"),
    "Attendee name: First name": ("Numele participantului: Prenume", "Name Teilnehmer*in: Vorname"),
    "Attendee name: Middle name": (
        "Numele participantului: Al doilea prenume",
        "Name Teilnehmer*in: Mittlerer Name",
    ),
    "Attendee name: Family name": ("Numele participantului: Nume", "Name Teilnehmer*in: Nachname"),
    "Attendee name: Title": ("Numele participantului: Titlu", "Name Teilnehmer*in: Titel"),
    "Attendee email": ("E-mailul participantului", "E-Mail Teilnehmer*in"),
    "Attendee company": ("Compania participantă", "Teilnehmer*innen-Firma"),
    "Address": ("Adresă", "Adresse"),
    "ZIP code": ("Cod poștal", "Postleitzahl"),
    "City": ("Oraș", "Stadt"),
    "Country": ("Țară", "Land"),
    "State": ("Județ", "Bundesstaat"),
    "Voucher": ("Bon", "Gutschein"),
    "Voucher budget usage": ("Voucher budget usage", "Verwendetes Gutscheinbudget"),
    "Voucher tag": ("Voucher tag", "Gutschein-Tag"),
    "Pseudonymization ID": ("ID de pseudonimizare", "Pseudonyme ID"),
    "Ticket secret": ("Cheie secretă bilet", "Ticket-Code"),
    "Secret": ("Cheie secretă", "Secret"),
    "Seat ID": ("ID scaun", "Sitzplatz-ID"),
    "Seat name": ("Numele scaunului", "Sitzbezeichnung"),
    "Seat zone": ("Zona scaunului", "Sitzbereich"),
    "Seat row": ("Rândul de scaune", "Sitzreihe"),
    "Seat number": ("Numărul scaunului", "Sitzplatz-Nummer"),
    "Blocked": ("Blocat", "Gesperrt"),
    "Valid from": ("Valid de la", "Gültig ab"),
    "Valid until": ("Valabil până la", "Gültig bis"),
    "Order comment": ("Comentariu de comandă", "Bestellkommentar"),
    "Follow-up date": ("Data urmăririi", "Datum zur Wiedervorlage"),
    "Add-on to position ID": ("Add-on to position ID", "Zusatzprodukt zu Position"),
    "Invoice address company": ("Adresa firmei pentru facturare", "Rechnungsadresse: Firma"),
    "Invoice address name": ("Adresa de facturare", "Rechnungsadresse: Name"),
    "Invoice address street": ("Adresa de facturare, strada", "Rechnungsadresse: Straße"),
    "Invoice address ZIP code": ("Adresa de facturare, cod poștal", "Rechnungsadresse: PLZ"),
    "Invoice address city": ("Adresa de facturare, oraș", "Rechnungsadresse: Stadt"),
    "Invoice address country": ("Adresa de facturare, țară", "Rechnungsadresse: Land"),
    "Invoice address state": ("Invoice address state", "Rechnungsadresse: Bundesstaat"),
    "VAT ID": ("CUI", "USt-ID-Nr."),
    "Sales channel": ("Canalul de vânzări", "Verkaufskanal"),
    "Order locale": ("Comandă locală", "Bestellsprache"),
    "Email address verified": ("Adresa de e-mail verificată", "E-Mail-Adresse verifiziert"),
    "External customer ID": ("External customer ID", "Externe Kundennummer"),
    "Check-in lists": ("Liste de check-in", "Check-in-Listen"),
    "Payment providers": ("Procesatori de plăți", "Zahlungsmethoden"),
    "Position order link": ("Position order link", "Link zur Bestellposition"),
    "Checked in": ("Cu check-in", "Eingecheckt"),
    "Comment": ("Comentariu", "Kommentar"),
    "Requires special attention": ("Necesită o atenție specială", "Benötigt besondere Behandlung"),
    "Company": ("Companie", "Firma"),
    "Checked out": ("Check-out efectuat", "Ausgetreten"),
    "Automatically checked in": ("Înregistrări automate check-in", "Automatisch eingecheckt"),
    "Paid": ("Plătită", "bezahlt"),
    "Voucher code": ("Cod voucher", "Gutscheincode"),
    "Check-in text": ("Check-in text", "Check-in-Hinweis"),
    # An event series: the sub-event of each ticket (pgettext "subevent" for "Date").
    "Date": ("Dată", "Termin"),
    "Start date": ("Data începerii", "Beginn"),
    "End date": ("Data încheierii", "Ende"),
    # The check-in list's "Paid" column (and other yes/no columns).
    "Yes": ("Da", "Ja"),
    "No": ("Nu", "Nein"),
    # Order states (Order.STATUS_CHOICE, get_extended_status_display); "canceled" also for a
    # canceled position.
    "pending": ("în așteptare", "ausstehend"),
    "paid": ("plătită", "bezahlt"),
    "expired": ("expirat", "abgelaufen"),
    "canceled": ("anulat", "storniert"),
    "approval pending": ("în curs de aprobare", "Freigabe ausstehend"),
    "pending (confirmed)": ("pending (confirmed)", "ausstehend (bestätigt)"),
    "canceled (paid fee)": ("canceled (paid fee)", "storniert (bezahlte Gebühr)"),
}


def _pretix(*texts: str) -> tuple[str, ...]:
    """Each English pretix text followed by its Romanian and German translations."""
    found: list[str] = []
    for text in texts:
        found.append(text)
        found.extend(PRETIX_TRANSLATIONS.get(text, ()))
    return tuple(dict.fromkeys(found))


def _pretix_headers(headers: dict[str, str]) -> dict[str, str]:
    """English header -> field, extended with the Romanian and German headers (the first
    meaning wins where two English texts share a translation, as "Company" and "Attendee
    company" do not)."""
    found: dict[str, str] = {}
    for english, fld in headers.items():
        for text in _pretix(english):
            found.setdefault(text, fld)
    return found


# fmt: off
PRESETS: tuple[Preset, ...] = (
    Preset(
        # Eventbrite "Attendee Summary" / attendee export. "Attendee #" is unique per ticket;
        # "Order #" is shared by everyone in one order.
        name="eventbrite",
        required=(("Attendee #",), ("Order #", "Barcode #", "Attendee Status", "Ticket Type")),
        headers={
            "First Name": "first_name",
            "Last Name": "last_name",
            "Email": "email",
            "Buyer Email": "email",
            "Company": "organization",
            "Cell Phone": "phone",
            "Work Phone": "phone",
            "Home Phone": "phone",
            "Work Country": "country",
            "Home Country": "country",
            "Country": "country",
            "Ticket Type": "category",
            "Barcode #": "code",
            "Attendee #": "external_id",
            "Attendee Status": "status",
        },
        ignore=(
            "Order #", "Order Date", "Order Type", "Buyer First Name", "Buyer Last Name",
            "Quantity", "Price Tier", "Currency", "Total Paid", "Fees Paid", "Eventbrite Fees",
            "Eventbrite Payment Processing", "Job Title", "Website", "Blog", "Gender", "Age",
            "Birth Date", "Group", "Checked In", "Check-In Date", "Discount",
        ),
        # Eventbrite's help centre, "Glossary of order and attendee statuses in event reports":
        # attendees are Attending / Checked In (a valid ticket) or Not Attending / Deleted;
        # orders Completed, Manual, Offline, Pending, Unpaid, Partially Refunded / Transferred
        # (still holding tickets) or Refunded/Canceled, Transferred, Deleted, Abandoned.
        cancelled=("Not Attending", "Refunded", "Cancelled", "Deleted", "Transferred",
                   "Refunded/Canceled", "Abandoned"),
        # "Pending" and "Unpaid" are payments deferred and not settled yet: imported as unpaid.
        active=("Attending", "Checked In", "Checked in", "Completed", "Manual", "Offline",
                "Partially Refunded", "Partially Transferred"),
        unpaid=("Pending", "Unpaid"),
        code_hint="'Barcode #'",
    ),
    Preset(
        # pretix "Order data" (positions sheet) and "Check-in list" exports. One row per ticket
        # ("position"); a ticket is "ORDERCODE-positionid", as pretix itself names them. Headers
        # in English, Romanian and German, as pretix's own catalogues translate them (see
        # PRETIX_TRANSLATIONS).
        name="pretix",
        required=(
            _pretix("Order code"),
            (*_pretix("Position ID", "Ticket secret", "Attendee name", "Product",
                      "Pseudonymization ID"), "Secret"),
        ),
        headers=_pretix_headers({
            "Attendee name": "full_name",
            "Attendee name: Given name": "first_name",
            "Attendee name: First name": "first_name",
            "Attendee name: Family name": "last_name",
            "Invoice address name": "full_name",
            "Attendee email": "email",
            "Email": "email",
            "E-mail": "email",
            "Phone number": "phone",
            "Attendee company": "organization",
            "Company": "organization",
            "Invoice address company": "organization",
            "Country": "country",
            "Invoice address country": "country",
            "Product": "category",
            "Ticket secret": "code",
            "Secret": "code",
            "Order code": "external_id",
            "Status": "status",
            # The check-in list has no status; with pending orders included it says "Paid".
            "Paid": "status",
            # An event series: the ticket's sub-event begins (and ends, days_end_headers).
            "Start date": "days",
        }) | {
            # The check-in list exporter names the parts with its own German text
            # ("Attendee name: {part}" -> "Teilnehmer*innenname: {part}").
            "Teilnehmer*innenname: Vorname": "first_name",
            "Teilnehmer*innenname: Nachname": "last_name",
        },
        ignore=(
            *_pretix(
                "Event slug", "Event name", "Order date", "Order time", "Product ID", "Variation",
                "Variation ID", "Price", "Tax rate", "Tax rule", "Tax value", "Voucher",
                "Voucher budget usage", "Voucher tag", "Pseudonymization ID", "Seat ID",
                "Seat name", "Seat zone", "Seat row", "Seat number", "Checked in", "Blocked",
                "Valid from", "Valid until", "Address", "ZIP code", "City", "State",
                "Order comment", "Follow-up date", "Add-on to position ID",
                "Invoice address street", "Invoice address ZIP code", "Invoice address city",
                "Invoice address state", "VAT ID", "Sales channel", "Order locale",
                "Email address verified", "External customer ID", "Check-in lists",
                "Payment providers", "Position order link", "Position ID", "Attendee name: Title",
                "Date", "End date",
                "Attendee name: Middle name", "Comment", "Requires special attention",
            ),
            *_pretix("Checked out", "Automatically checked in", "Voucher code",
                     "Check-in text"),
        ),
        cancelled=(*_pretix("canceled", "expired", "canceled (paid fee)"), "cancelled"),
        active=_pretix("paid", "pending (confirmed)", "Yes"),
        unpaid=_pretix("No"),
        code_hint="'Ticket secret' (order data, sheet 'Order positions') or 'Secret' (check-in "
        "list exported with \"secrets\" ticked)",
        external_id_suffix="Position ID",
        suffix_headers=_pretix("Position ID"),
        event_headers=_pretix("Event slug"),
        days_end_headers=_pretix("End date"),
        add_on_headers=_pretix("Add-on to position ID"),
        pending=_pretix("approval pending"),
    ),
    Preset(
        # Indico registration list export (Registrations → Export → CSV/Excel), as
        # indico/modules/events/registration/util.py generate_spreadsheet_from_registrations
        # writes it: "ID", "Name", the form's fields by their titles (the personal data fields
        # are "First Name", "Last Name", "Email Address", "Affiliation", "Phone Number",
        # "Country", "Position"), then the chosen static columns ("Registration date",
        # "Registration state", "Checked in", ...). States are RegistrationState's titles.
        name="indico",
        required=(
            ("ID",), ("Name",), ("Registration state", "Registration date", "Email Address")
        ),
        headers={
            "First Name": "first_name",
            "Last Name": "last_name",
            "Name": "full_name",
            "Email Address": "email",
            "Affiliation": "organization",
            "Phone Number": "phone",
            "Country": "country",
            "ID": "external_id",
            "Registration state": "status",
        },
        ignore=(
            "Title", "Address", "Position", "Picture", "Registration date", "Modification date",
            "Created by", "Price", "Checked in", "Check-in date", "Payment date", "Tags",
        ),
        # RegistrationState titles, translated into the exporting user's Indico language
        # (indico/translations/{de_DE,fr_FR,it_IT,es_ES,pl_PL}/LC_MESSAGES/messages-all.po;
        # Indico has no Bulgarian or Romanian). The headers are not translated.
        # "Awaiting payment" is a registration not paid yet: imported as unpaid.
        cancelled=("Rejected", "Withdrawn", "abgelehnt", "Zurückgezogen", "Refusé", "Retiré",
                   "Rifiutato", "Annullato", "Rechazado", "Retirado", "Odrzucony", "Wycofany"),
        active=("Completed", "Abgeschlossen", "Terminé", "Completato", "Completado",
                "Zakończone"),
        pending=("Pending", "Ausstehend", "En attente", "In attesa", "Pendiente", "Oczekujące"),
        unpaid=("Awaiting payment", "Warten auf Zahlung", "En attente du paiement",
                "In attesa di pagamento", "En espera de pago", "Oczekiwanie na zapłatę"),
    ),
    Preset(
        # b2match participant list export (Organizer's Tool → Participants → Excel).
        name="b2match",
        required=(
            ("Participant ID", "Participation Type", "Participant Type", "Organisation Type",
             "Organization Type"),
            ("First Name", "Last Name", "Name"),
        ),
        headers={
            "First Name": "first_name",
            "Last Name": "last_name",
            "Organisation": "organization",
            "Organization": "organization",
            "Organisation Name": "organization",
            "Country": "country",
            "Email": "email",
            "Phone": "phone",
            "Participation Type": "category",
            "Participant Type": "category",
            "Role": "category",
            "Participant ID": "external_id",
            "Registration Status": "status",
            "Status": "status",
        },
        ignore=(
            "Organisation Type", "Organization Type", "Job Position", "Job Title", "City",
            "Registration Date", "Activated", "Sessions", "Meetings", "1:1 Meetings",
            "Attendance", "Marketplace",
        ),
        cancelled=("Canceled", "Cancelled", "Rejected"),
        active=("Approved", "Registered", "Active", "Confirmed"),
    ),
    Preset(
        # Google Forms response sheet (downloaded as CSV or .xlsx). The first column is the
        # submission time, named in the form owner's language; the rest are the questions.
        name="google_forms",
        required=(
            ("Timestamp", "Marca temporală", "Marcaj de timp", "Marcă de timp",
             "Времево клеймо", "Клеймо за време", "Времева марка", "Дата и час"),
        ),
        headers={
            "Email Address": "email",
            "Adresă de e-mail": "email",
            "Имейл адрес": "email",
        },
        ignore=(
            "Timestamp", "Marca temporală", "Marcaj de timp", "Marcă de timp", "Времево клеймо",
            "Клеймо за време", "Времева марка", "Дата и час", "Score", "Punctaj", "Точки",
        ),
    ),
)
# fmt: on


# ---------------------------------------------------------------------------------------------
# Header matching.

#: header key -> (field, rank); rank orders several columns of one field (lower wins).
_EXACT: dict[str, tuple[str, int]] = {}
for _field, _names in SYNONYMS.items():
    for _rank, _name in enumerate(_names):
        _EXACT.setdefault(header_key(_name), (_field, 100 + _rank))
for _name in AMBIGUOUS_NAMES:
    _EXACT[header_key(_name)] = (AMBIGUOUS_NAME, 100)

_FIELD_ORDER = {f: n for n, (f, _p, _x) in enumerate(FUZZY)}
_EXCLUDED = {f: tuple(f" {header_key(x)} " for x in excl) for f, _p, excl in FUZZY}
#: Every loose phrase with its field, the most specific (most words) first, so that
#: "Име и фамилия / Nume și prenume" is a full name before "prenume" makes it a first name;
#: among phrases of one length the order of FUZZY decides ("Company phone" is a phone).
_PHRASES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        ((f" {header_key(p)} ", f) for f, phrases, _x in FUZZY for p in phrases),
        key=lambda item: (-len(item[0].split()), _FIELD_ORDER[item[1]]),
    )
)
#: Separators of a bilingual header ("Имейл / E-mail", "Име | Nume").
_BILINGUAL = re.compile(r"\s*/\s*|\s+\|\s+|\n")

_ALL_PRESET_KEYS = frozenset(k for p in PRESETS for k in (*p.header_keys, *p.ignore_keys))


def match_header(key: str, preset: Preset | None = None) -> tuple[str, int] | None:
    """The field a header (given as :func:`header_key`) stands for, with its rank, or None.

    Ranks: the preset's own headers 0-99, the generic vocabulary 100-999, loose (fuzzy) matches
    1000 and up; so a platform's meaning beats a generic guess, which beats a loose one. Loose
    matching tries the most specific phrase first.
    """
    if not key:
        return None
    if preset is not None:
        if key in preset.ignore_keys:
            return None
        hit = preset.header_keys.get(key)
        if hit is not None:
            return hit
    hit = _EXACT.get(key)
    if hit is not None:
        return hit
    return _fuzzy(key)


def _fuzzy(key: str) -> tuple[str, int] | None:
    padded = f" {key} "
    for phrase, fld in _PHRASES:
        if phrase in padded and not any(x in padded for x in _EXCLUDED[fld]):
            return fld, 1000 + _FIELD_ORDER[fld]
    return None


def match_header_text(text: str, preset: Preset | None = None) -> tuple[str, int] | None:
    """:func:`match_header` for a header as written, which may be bilingual ("A / B").

    A bilingual header whose halves are known names means what they mean (a half that only says
    "Name" / "Nume" gives way to a half that is specific); otherwise the whole text is matched
    loosely, most specific phrase first.
    """
    key = header_key(text)
    if not key:
        return None
    if preset is not None and (key in preset.ignore_keys or key in preset.header_keys):
        return match_header(key, preset)
    exact = _EXACT.get(key)
    if exact is not None:
        return exact
    parts = [header_key(p) for p in _BILINGUAL.split(clean_text(text))]
    parts = [p for p in parts if p]
    if len(parts) > 1:
        hits = [h for p in parts if (h := _EXACT.get(p)) is not None]
        specific = {h[0] for h in hits if h[0] != AMBIGUOUS_NAME}
        if len(specific) == 1:
            return min(h for h in hits if h[0] != AMBIGUOUS_NAME)
        if not specific and hits:
            return hits[0]
    return _fuzzy(key)


def is_known_header(key: str) -> bool:
    """Whether a cell (as :func:`header_key`) looks like a column header of a registration list;
    used to find the header row and to choose the CSV delimiter."""
    return key in _ALL_PRESET_KEYS or match_header(key) is not None


def detect_preset(keys: set[str]) -> Preset | None:
    """The platform whose export these header keys are, or None for a hand-made list."""
    best: Preset | None = None
    best_score = 0
    for preset in PRESETS:
        score = preset.score(keys)
        if score > best_score:
            best, best_score = preset, score
    return best


def preset_by_name(name: str | None) -> Preset | None:
    """The preset called ``name`` (None for None or an unknown name)."""
    for preset in PRESETS:
        if preset.name == name:
            return preset
    return None


# ---------------------------------------------------------------------------------------------
# Cell vocabulary: status and days columns.

#: Status values that mean the registration is cancelled (as header_key).
CANCELLED_VALUES = frozenset(
    header_key(v)
    for v in (
        "cancelled", "canceled", "cancel", "refunded", "not attending", "deleted",
        "transferred", "void", "voided", "rejected", "declined", "withdrawn",
        "анулиран", "анулирана", "анулирано", "анулирани", "отказан", "отказана", "отказано",
        "отказал", "отказала", "отменен", "отменена", "отменено", "изтрит", "изтрита",
        "отхвърлен", "отхвърлена", "възстановена сума",
        "anulat", "anulată", "anulate", "anulare", "renunțat", "retras", "retrasă", "respins",
        "respinsă", "șters", "ștearsă", "rambursat", "rambursată", "expired", "expirat",
        "expirată", "изтекъл", "изтекла", "storniert", "abgelaufen",
    )
)  # fmt: skip
#: Single words that make a longer status ("Refunded/Canceled", "Order cancelled") cancelled.
CANCELLED_WORDS = frozenset(k for k in CANCELLED_VALUES if " " not in k)
#: Words that turn a cancelled word around ("Partially refunded", "Not cancelled").
NOT_CANCELLED_WORDS = frozenset(
    header_key(v) for v in ("partially", "partial", "parțial", "частично", "not", "no", "non",
                            "не", "nu")
)  # fmt: skip
#: Status values known to mean an active registration (others are reported once).
ACTIVE_VALUES = frozenset(
    header_key(v)
    for v in (
        "", "attending", "checked in", "paid", "registered", "confirmed", "active",
        "approved", "completed", "complete", "placed", "valid", "ok", "free", "manual",
        "attended", "yes", "accepted", "invited", "new",
        "потвърден", "потвърдена", "платен", "платена", "платено", "активен", "активна",
        "регистриран", "регистрирана", "одобрен", "одобрена", "да",
        "confirmat", "confirmată", "plătit", "plătită", "activ", "activă", "înregistrat",
        "înregistrată", "aprobat", "aprobată", "da", "bezahlt",
    )
)  # fmt: skip
#: Status values of a registration not paid yet (pretix "pending", "awaiting payment"): it is
#: imported, and each check-in list says whether such people are admitted or refused as
#: 'unpaid' (kiosk lists add --admit-unpaid / --refuse-unpaid; refused by default, as in pretix).
UNPAID_VALUES = frozenset(
    header_key(v)
    for v in (
        "pending", "în așteptare", "ausstehend", "awaiting payment", "pending payment",
        "payment pending", "unpaid", "not paid", "очаква плащане", "неплатен", "неплатена",
        "neplătit", "neplătită",
    )
)  # fmt: skip
#: Status values of a registration awaiting the organizer's approval (see Preset.pending).
PENDING_VALUES = frozenset(
    header_key(v)
    for v in (
        "approval pending", "awaiting approval", "pending approval", "în curs de aprobare",
        "în așteptarea aprobării", "Freigabe ausstehend", "очаква одобрение",
        "чака одобрение",
    )
)  # fmt: skip

#: Day-column values meaning "every day of the event".
ALL_DAYS_VALUES = frozenset(
    header_key(v)
    for v in (
        "all", "all days", "both", "both days", "full", "full event", "full pass", "every day",
        "всички", "всички дни", "двата дни", "целия", "цялото събитие",
        "toate", "toate zilele", "ambele", "ambele zile", "tot evenimentul",
    )
)  # fmt: skip
#: Words that precede a day number: "Day 2", "Ден 2", "Ziua 2", "D2".
DAY_WORDS = frozenset(header_key(v) for v in ("day", "ден", "ziua", "zi", "d"))
#: Weekday names (as header_key) -> Monday=0 ... Sunday=6.
WEEKDAYS: dict[str, int] = {
    header_key(name): number
    for number, names in enumerate(
        (
            ("monday", "mon", "понеделник", "пон", "luni"),
            ("tuesday", "tue", "вторник", "вт", "marți"),
            ("wednesday", "wed", "сряда", "ср", "miercuri"),
            ("thursday", "thu", "четвъртък", "чет", "joi"),
            ("friday", "fri", "петък", "пет", "vineri"),
            ("saturday", "sat", "събота", "съб", "sâmbătă"),
            ("sunday", "sun", "неделя", "нед", "duminică"),
        )
    )
    for name in names
}
#: Month names and their usual abbreviations (as header_key) -> month number, in English,
#: Bulgarian and Romanian: "28 септември", "28 septembrie", "Sept. 28".
MONTHS: dict[str, int] = {
    header_key(name): number
    for number, names in enumerate(
        (
            ("january", "jan", "януари", "яну", "ianuarie", "ian"),
            ("february", "feb", "февруари", "фев", "februarie"),
            ("march", "mar", "март", "мар", "martie"),
            ("april", "apr", "април", "апр", "aprilie"),
            ("may", "май", "mai"),
            ("june", "jun", "юни", "iunie", "iun"),
            ("july", "jul", "юли", "iulie", "iul"),
            ("august", "aug", "август", "авг"),
            ("september", "sep", "sept", "септември", "сеп", "септ", "septembrie"),
            ("october", "oct", "октомври", "окт", "octombrie"),
            ("november", "nov", "ноември", "ное", "noiembrie", "noi"),
            ("december", "dec", "декември", "дек", "decembrie"),
        ),
        start=1,
    )
    for name in names
}
