"""Write the platform files in this folder the way the platforms write them (see README).

Run once by hand; the files it writes are committed, so tests need neither pretix nor
LibreOffice:

    pip download --no-deps pretix==2026.8.0 -d /tmp/pretix
    unzip -q /tmp/pretix/*.whl -d /tmp/pretix
    python tests/importing/platforms/make_files.py /tmp/pretix

It first checks that kiosk's PRETIX_TRANSLATIONS are exactly what those catalogues say.

The pretix headers, sheet titles and statuses are looked up in pretix's own compiled catalogues
(pretix/locale/{ro,de}/LC_MESSAGES/django.mo) by their English msgids, exactly as the exporter
does with gettext; the row layout follows pretix/base/exporters/orderlist.py (OrderListExporter:
iterate_orders, iterate_positions, iterate_fees; name scheme "given_family", no sub-events, no
questions) and the workbook is written as pretix's MultiSheetListExporter._render_xlsx does:
openpyxl write-only, one sheet per part, titles cut to 30 characters. LibreOffice files are made
by converting the platform's CSV with `soffice --headless --convert-to`.
"""

from __future__ import annotations

import codecs
import csv
import gettext
import io
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent

ORDERS = [
    "Event slug", "Event name", "Order code", "Order total", "Status", "Email", "Phone number",
    "Order date", "Order time", "Company", "Name",
    # The name scheme's parts, under their bare labels (iterate_orders, unlike the positions).
    ("", "Given name"), ("", "Family name"), "Address", "ZIP code", "City", "Country",
    ("address", "State"), "Custom address field", "VAT ID", "Date of last payment", "Fees",
    "Order locale", "Invoice numbers", "Sales channel", "Requires special attention",
    "Check-in text", "Comment", "Follow-up date", "Positions", "Email address verified",
    "External customer ID", "Payment providers", "Order link",
]
POSITIONS = [
    "Event slug", "Event name", "Order code", "Position ID", "Status", "Email", "Phone number",
    "Order date", "Order time", "Product", "Product ID", "Variation", "Variation ID", "Price",
    "Tax rate", "Tax rule", "Tax value", "Attendee name",
    ("Attendee name", "Given name"), ("Attendee name", "Family name"),
    "Attendee email", "Attendee company", "Address", "ZIP code", "City", "Country",
    ("address", "State"), "Voucher", "Voucher budget usage", "Voucher tag",
    "Pseudonymization ID", "Ticket secret", "Seat ID", "Seat name", "Seat zone", "Seat row",
    "Seat number", "Blocked", "Valid from", "Valid until", "Order comment", "Follow-up date",
    "Add-on to position ID", "Invoice address company", "Invoice address name",
    ("Invoice address name", "Given name"), ("Invoice address name", "Family name"),
    "Invoice address street", "Invoice address ZIP code", "Invoice address city",
    "Invoice address country", ("address", "Invoice address state"), "VAT ID", "Sales channel",
    "Order locale", "Email address verified", "External customer ID", "Check-in lists",
    "Payment providers", "Position order link",
]
FEES = [
    "Event slug", "Event name", "Order code", "Status", "Email", "Phone number", "Order date",
    "Order time", "Fee type", "Description", "Price", "Tax rate", "Tax rule", "Tax value",
    "Company", "Invoice address name", "Address", "ZIP code", "City", "Country",
    ("address", "State"), "VAT ID", "External customer ID", "Payment providers",
]
# One order per status; order ABC12 has two tickets (the second one has no attendee e-mail, so
# pretix's order e-mail is the only one). Status texts: Order.STATUS_CHOICE and
# get_extended_status_display.
PEOPLE = [
    # order, position, status msgid, given, family, attendee email, company, secret
    ("ABC12", 1, "paid", "Ștefania", "Ionescu", "stefania@firma.ro", "Firma SRL",
     "hq7m3xv2c8kdq9a4ntyzsfb6e5wrpj2u"),
    ("ABC12", 2, "paid", "Иван", "Петров", "", "Клъстер ООД", "n4z8c2rks7w5ytf3qxv6mpe9bdh2ja7g"),
    ("DEF34", 1, "pending", "Mădălina", "Țurcanu", "madalina@ugal.ro", "UGAL",
     "p3k9w2x7m4c8v5n6b2z7q4r9t3y8u5e2"),
    ("GHI56", 1, "canceled", "Georgi", "Dimitrov", "g.dimitrov@mail.bg", "",
     "a8s7d6f5g4h3j2k9l8z7x6c5v4b3n2m9"),
    ("JKL78", 1, "expired", "Ana", "Popa", "ana.popa@mail.ro", "",
     "q2w3e4r5t6y7u8i9o2p3a4s5d6f7g8h9"),
    ("MNO90", 1, "approval pending", "Radu", "Stan", "radu@stan.ro", "",
     "z9x8c7v6b5n4m3a2s9d8f7g6h5j4k3l2"),
]  # fmt: skip


def _translator(pretix: Path | None, language: str) -> gettext.NullTranslations:
    if language == "en" or pretix is None:
        return gettext.NullTranslations()
    with open(pretix / f"pretix/locale/{language}/LC_MESSAGES/django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)


def _header(t: gettext.NullTranslations, item: str | tuple[str, str]) -> str:
    if isinstance(item, str):
        return t.gettext(item)
    first, second = item
    if first in ("address", "subevent"):
        return t.pgettext(first, second)
    if not first:
        return t.gettext(second)  # a bare name-part label
    return t.gettext(first) + ": " + t.gettext(second)  # name scheme parts


def pretix_workbook(pretix: Path | None, language: str) -> Path:
    t = _translator(pretix, language)
    sheets = {
        t.gettext("Orders"): [[_header(t, h) for h in ORDERS]],
        t.gettext("Order positions"): [[_header(t, h) for h in POSITIONS]],
        t.gettext("Order fees"): [[_header(t, h) for h in FEES]],
    }
    orders_rows, positions_rows = [], []
    for order, position, status, given, family, email, company, secret in PEOPLE:
        status_text = t.gettext(status)
        buyer = f"buyer-{order.lower()}@example.org"
        if position == 1:
            row = dict.fromkeys(ORDERS, "")
            row.update({
                "Event slug": "clusters26", "Event name": "BG-RO Clusters 2026",
                "Order code": order, "Order total": 120, "Status": status_text, "Email": buyer,
                "Order date": "2026-07-01", "Order time": "10:00:00", "Name": f"{given} {family}",
                ("", "Given name"): given, ("", "Family name"): family,
                "Positions": 1, "Order locale": language,
            })
            orders_rows.append([row.get(h, "") for h in ORDERS])
        row = dict.fromkeys(POSITIONS, "")
        row.update({
            "Event slug": "clusters26", "Event name": "BG-RO Clusters 2026", "Order code": order,
            "Position ID": position, "Status": status_text, "Email": buyer,
            "Order date": "2026-07-01", "Order time": "10:00:00", "Product": "Participant",
            "Product ID": 11, "Price": 60, "Tax rate": 0, "Tax value": 0,
            "Attendee name": f"{given} {family}", ("Attendee name", "Given name"): given,
            ("Attendee name", "Family name"): family, "Attendee email": email,
            "Attendee company": company, "Country": "RO",
            "Pseudonymization ID": secret[:10].upper(),
            "Ticket secret": secret, "Sales channel": "web", "Order locale": language,
        })
        positions_rows.append([row[h] for h in POSITIONS])
    sheets[t.gettext("Orders")] += orders_rows
    sheets[t.gettext("Order positions")] += positions_rows
    # MultiSheetListExporter._render_xlsx: SafeWorkbook(write_only=True), create_sheet(str(l)[:30]).
    workbook = openpyxl.Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title[:30])
        for values in rows:
            sheet.append(values)
    path = HERE / f"pretix_order_data_{language}.xlsx"
    workbook.save(path)
    return path


def pretix_positions_csv(pretix: Path | None, language: str) -> Path:
    """The "Order positions – CSV (Excel-style)" choice: dialect excel, delimiter ';', UTF-8."""
    path = pretix_workbook(pretix, language)
    t = _translator(pretix, language)
    sheet = openpyxl.load_workbook(path)[t.gettext("Order positions")[:30]]
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel", delimiter=";")
    for values in sheet.iter_rows(values_only=True):
        writer.writerow(["" if v is None else v for v in values])
    target = HERE / f"pretix_positions_{language}.csv"
    target.write_bytes(out.getvalue().encode("utf-8"))
    return target


def pretix_series_positions_csv(pretix: Path | None, language: str) -> Path:
    """An event series (one sub-event per conference day): iterate_positions then writes, after
    "Order time", pgettext("subevent", "Date") (the sub-event's name) and "Start date" / "End
    date" as '%Y-%m-%d %H:%M:%S' in the event's time zone. Written as "Order positions – CSV
    (Excel-style)" (dialect excel, ';')."""
    t = _translator(pretix, language)
    at = POSITIONS.index("Order time") + 1
    headers = [_header(t, h) for h in POSITIONS]
    headers[at:at] = [t.pgettext("subevent", "Date"), t.gettext("Start date"),
                      t.gettext("End date")]  # fmt: skip
    # Ștefania and Ivan: day 1; Mădălina: day 2; Georgi: a two-day sub-event.
    subevents = {
        "ABC12": ("BG-RO Clusters 2026 – Day 1", "2026-09-28 09:00:00", "2026-09-28 18:00:00"),
        "DEF34": ("BG-RO Clusters 2026 – Day 2", "2026-09-29 09:00:00", "2026-09-29 17:00:00"),
        "GHI56": ("BG-RO Clusters 2026 – Both days", "2026-09-28 09:00:00",
                  "2026-09-29 17:00:00"),
    }  # fmt: skip
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel", delimiter=";")
    writer.writerow(headers)
    for order, position, status, given, family, email, company, secret in PEOPLE:
        if order not in subevents:
            continue
        row = dict.fromkeys(POSITIONS, "")
        row.update({
            "Event slug": "clusters26", "Event name": "BG-RO Clusters 2026", "Order code": order,
            "Position ID": position, "Status": t.gettext(status),
            "Email": f"buyer-{order.lower()}@example.org", "Order date": "2026-07-01",
            "Order time": "10:00:00", "Product": "Day ticket", "Product ID": 12, "Price": 30,
            "Tax rate": 0, "Tax value": 0, "Attendee name": f"{given} {family}",
            ("Attendee name", "Given name"): given, ("Attendee name", "Family name"): family,
            "Attendee email": email, "Attendee company": company, "Country": "RO",
            "Pseudonymization ID": secret[:10].upper(), "Ticket secret": secret,
            "Sales channel": "web", "Order locale": language,
        })
        values = [row[h] for h in POSITIONS]
        values[at:at] = subevents[order]
        writer.writerow(values)
        if order == "ABC12" and position == 1:
            # An add-on product bought with this ticket: its own position and secret, no
            # attendee name (add-ons do not ask for one), "Add-on to position ID" = 1.
            row.update({
                "Position ID": 3, "Product": "Workshop", "Product ID": 13, "Price": 10,
                "Attendee name": "", ("Attendee name", "Given name"): "",
                ("Attendee name", "Family name"): "", "Attendee email": "",
                "Attendee company": "", "Pseudonymization ID": "W9K2M4X7Q1",
                "Ticket secret": "w9k2m4x7q1c8v5n6b2z7r4t3y8u5e2p3", "Add-on to position ID": 1,
            })  # fmt: skip
            values = [row[h] for h in POSITIONS]
            values[at:at] = subevents[order]
            writer.writerow(values)
    target = HERE / f"pretix_series_positions_{language}.csv"
    target.write_bytes(out.getvalue().encode("utf-8"))
    return target


CHECKIN_LIST = [
    "Order code", "Attendee name", ("Attendee name: {part}", "Given name"),
    ("Attendee name: {part}", "Family name"), "Product", "Price", "Checked in", "Checked out",
    "Automatically checked in", "Paid", "Secret", "Email", "Phone number", "Company",
    "Voucher code", "Order date", "Order time", "Requires special attention", "Comment",
    "Check-in text", "Seat ID", "Seat name", "Seat zone", "Seat row", "Seat number", "Blocked",
    "Valid from", "Valid until", "Address", "ZIP code", "City", "Country", ("address", "State"),
]  # fmt: skip


#: Django's SHORT_DATETIME_FORMAT, with which the check-in list writes a sub-event's start and
#: end (date_format): django/conf/locale/{ro,de}/formats.py, pretix/helpers/formats/en.
SHORT_DATETIME = {"ro": "%d.%m.%Y, %H:%M", "de": "%d.%m.%Y %H:%M", "en": "%Y-%m-%d %H:%M"}
SERIES_DAYS = {
    "ABC12": ("BG-RO Clusters 2026 – Day 1", "2026-09-28 09:00", "2026-09-28 18:00"),
    "DEF34": ("BG-RO Clusters 2026 – Day 2", "2026-09-29 09:00", "2026-09-29 17:00"),
}


def pretix_checkin_list_csv(pretix: Path | None, language: str, series: bool = False) -> Path:
    """pretix/plugins/checkinlists/exporters.py CSVCheckinList with "include pending" and
    "secrets" ticked, as its "CSV" format writes it (QUOTE_NONNUMERIC, comma, UTF-8): one row
    per valid ticket, no status column ("Paid" Yes/No), the e-mail falling back to the order's.
    """
    t = _translator(pretix, language)
    headers = []
    for item in CHECKIN_LIST:
        if isinstance(item, tuple) and "{part}" in item[0]:
            headers.append(t.gettext(item[0]).format(part=t.gettext(item[1])))
        else:
            headers.append(_header(t, item))
    rows = []
    for order, _position, status, given, family, email, company, secret in PEOPLE:
        if status not in ("paid", "pending"):
            continue  # the list holds valid tickets only
        values = dict.fromkeys(CHECKIN_LIST, "")
        values.update({
            "Order code": order, "Attendee name": f"{given} {family}",
            ("Attendee name: {part}", "Given name"): given,
            ("Attendee name: {part}", "Family name"): family, "Product": "Participant",
            "Price": 60.0, "Automatically checked in": t.gettext("No"),
            "Paid": t.gettext("Yes" if status == "paid" else "No"), "Secret": secret,
            "Email": email or f"buyer-{order.lower()}@example.org", "Company": company,
            "Order date": "2026-07-01", "Order time": "10:00:00",
            "Requires special attention": t.gettext("No"), "Country": "RO",
        })
        rows.append([values[h] for h in CHECKIN_LIST])
        if series:  # an event series: the sub-event after "Phone number"
            name, start, end = SERIES_DAYS[order]
            when = [datetime.strptime(d, "%Y-%m-%d %H:%M").strftime(SHORT_DATETIME[language])
                    for d in (start, end)]  # fmt: skip
            at = CHECKIN_LIST.index("Phone number") + 1
            rows[-1][at:at] = [name, *when]
    if series:
        at = CHECKIN_LIST.index("Phone number") + 1
        headers[at:at] = [t.pgettext("subevent", "Date"), t.gettext("Start date"),
                          t.gettext("End date")]  # fmt: skip
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, delimiter=",")
    writer.writerow(headers)
    writer.writerows(rows)
    target = HERE / f"pretix_{'series_' if series else ''}checkin_list_{language}.csv"
    target.write_bytes(out.getvalue().encode("utf-8"))
    return target


INDICO_HEADERS = [
    "ID", "Name", "First Name", "Last Name", "Email Address", "Affiliation", "Country",
    "Registration date", "Registration state",
]
INDICO_ROWS = [
    [1, "Ștefania Ionescu", "Ștefania", "Ionescu", "stefania@firma.ro", "Firma SRL", "Romania",
     "2026-07-01 10:00:00+03:00", "Completed"],
    [2, "Иван Петров", "Иван", "Петров", "ivan@klaster.bg", "Клъстер ООД", "Bulgaria",
     "2026-07-02 11:00:00+03:00", "Withdrawn"],
    [3, "Georgi Dimitrov", "Georgi", "Dimitrov", "g@mail.bg", "", "Bulgaria",
     "2026-07-03 12:00:00+03:00", "Rejected"],
    [4, "Ana Popa", "Ana", "Popa", "ana@mail.ro", "", "Romania", "2026-07-04 12:00:00+03:00",
     "Awaiting payment"],
    [5, "Radu Stan", "Radu", "Stan", "radu@stan.ro", "", "Romania", "2026-07-05 12:00:00+03:00",
     "Pending"],
]  # fmt: skip


def indico_csv() -> Path:
    """indico/util/spreadsheets.py generate_csv: csv.writer on a utf-8-sig text wrapper."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(INDICO_HEADERS)
    writer.writerows(INDICO_ROWS)
    path = HERE / "indico_registrations.csv"
    path.write_bytes(codecs.BOM_UTF8 + out.getvalue().encode("utf-8"))
    return path


EVENTBRITE_HEADERS = [
    "Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Price Tier",
    "Ticket Type", "Attendee #", "Group", "Order Type", "Currency", "Total Paid", "Fees Paid",
    "Eventbrite Fees", "Eventbrite Payment Processing", "Attendee Status", "Barcode #",
    "Company",
]


def eventbrite_csv() -> Path:
    rows = [
        ["8812345670", "2026-07-01 10:00:00+03:00", "Ștefania", "Ionescu", "stefania@firma.ro",
         "1", "", "Participant", "11223344550", "", "Eventbrite Completed", "EUR", "0.00",
         "0.00", "0.00", "0.00", "Attending", "881234567011223344550001", "Firma SRL"],
        ["8812345671", "2026-07-01 11:00:00+03:00", "Ivan", "Petrov", "ivan@klaster.bg",
         "1", "", "Participant", "11223344551", "", "Eventbrite Completed", "EUR", "0.00",
         "0.00", "0.00", "0.00", "Attending", "881234567111223344551001", "Klaster OOD"],
    ]  # fmt: skip
    out = io.StringIO()
    csv.writer(out).writerows([EVENTBRITE_HEADERS, *rows])
    path = HERE / "eventbrite_attendees.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


def libreoffice(source: Path, target_format: str, name: str) -> Path:
    """Open ``source`` in LibreOffice (headless) and save it as ``target_format``."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--infilter=CSV:44,34,76,1", "--convert-to", target_format, "--outdir", tmp,
             str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        produced = Path(tmp) / (source.stem + "." + target_format)
        target = HERE / name
        shutil.copyfile(produced, target)
    return target


def check_translations(pretix: Path) -> None:
    """Every Romanian and German text in kiosk's PRETIX_TRANSLATIONS is what pretix's own
    catalogue gives for its English msgid (with the exporters' pgettext contexts)."""
    from kiosk.importing.presets import PRETIX_TRANSLATIONS

    contexts = {"State": "address", "Invoice address state": "address",
                "pending (confirmed)": "order state", "Date": "subevent"}  # fmt: skip
    wrong = []
    for english, expected in PRETIX_TRANSLATIONS.items():
        found = []
        for language in ("ro", "de"):
            t = _translator(pretix, language)
            if english in contexts:
                found.append(t.pgettext(contexts[english], english))
            elif english.startswith("Attendee name: "):
                part = english.split(": ", 1)[1]  # the name scheme's label; "Title" in context
                label = t.pgettext("person_name", part) if part == "Title" else t.gettext(part)
                found.append(t.gettext("Attendee name") + ": " + label)
            else:
                found.append(t.gettext(english))
        if tuple(found) != expected:
            wrong.append(f"{english!r}: kiosk {expected}, pretix {tuple(found)}")
    if wrong:
        sys.exit("PRETIX_TRANSLATIONS differ from pretix's catalogues:\n" + "\n".join(wrong))


def main() -> None:
    pretix = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if pretix is None:
        sys.exit("give the folder where the pretix wheel was unpacked")
    check_translations(pretix)
    for language in ("en", "ro", "de"):
        pretix_workbook(pretix, language)
    pretix_positions_csv(pretix, "de")
    pretix_series_positions_csv(pretix, "ro")
    pretix_checkin_list_csv(pretix, "ro", series=True)
    pretix_checkin_list_csv(pretix, "de", series=True)
    pretix_checkin_list_csv(pretix, "de")
    pretix_checkin_list_csv(pretix, "ro")
    indico_csv()
    source = eventbrite_csv()
    libreoffice(source, "xlsx", "eventbrite_attendees_libreoffice.xlsx")
    libreoffice(source, "ods", "eventbrite_attendees_libreoffice.ods")
    indico = HERE / "indico_registrations.csv"
    libreoffice(indico, "ods", "indico_registrations_libreoffice.ods")


if __name__ == "__main__":
    main()
