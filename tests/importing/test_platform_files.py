"""Files exactly as the platforms write them (tests/importing/platforms, see its README and
make_files.py): pretix's order data workbook in English, Romanian and German and its CSV,
Indico's registration export, an Eventbrite attendee CSV and the same CSV saved by LibreOffice
as .xlsx and .ods."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kiosk.importing.errors import ImportFileError
from kiosk.importing.service import import_file
from kiosk.storage.database import Database

FILES = Path(__file__).parent / "platforms"

# pretix's own texts for the sheets (pretix/locale/*/django.po: "Orders", "Order positions",
# "Order fees") and the ticket secret header ("Ticket secret").
PRETIX = {
    "en": ("Order positions", "Ticket secret", ("Orders", "Order fees")),
    "ro": ("Poziții de comandă", "Cheie secretă bilet", ("Comenzi", "Tarife comandă")),
    "de": ("Bestellzeilen", "Ticket-Code", ("Bestellungen", "Gebühren")),
}


def stored(db: Database) -> dict[str, tuple[str, str, str, str, str]]:
    """external id -> (first name, last name, e-mail, code, status)"""
    return {
        r[0]: tuple(r[1:])
        for r in db.conn.execute(
            "SELECT external_id, first_name, last_name, email, code, status FROM attendee"
        )
    }


@pytest.mark.parametrize("language", ["en", "ro", "de"])
def test_pretix_order_data_imports_the_tickets_sheet_with_secrets_and_statuses(
    db: Database, language: str
) -> None:
    sheet, secret_header, others = PRETIX[language]
    report = import_file(db, FILES / f"pretix_order_data_{language}.xlsx")
    assert report.preset == "pretix"
    assert report.sheet == sheet
    assert f"ticket code column ('{secret_header}')" in report.sheet_reason
    assert all(f"'{o}'" in report.sheet_reason for o in others)
    assert report.columns["code"] == secret_header
    people = stored(db)
    # Both tickets of order ABC12 are there, each with pretix's secret as its code.
    assert people["ABC12-1"] == (
        "Ștefania", "Ionescu", "stefania@firma.ro", "hq7m3xv2c8kdq9a4ntyzsfb6e5wrpj2u", "active"
    )  # fmt: skip
    assert people["ABC12-2"][:2] == ("Иван", "Петров")
    assert people["ABC12-2"][3] == "n4z8c2rks7w5ytf3qxv6mpe9bdh2ja7g"
    # paid/pending -> active; canceled/expired -> cancelled; awaiting approval -> left out.
    assert people["DEF34-1"][4] == "active"
    assert (people["GHI56-1"][4], people["JKL78-1"][4]) == ("cancelled", "cancelled")
    assert "MNO90-1" not in people
    assert [(r.row, r.reason) for r in report.left_out] == [(7, "awaiting_approval")]
    assert report.events == ["clusters26"]


def test_sheet_names_another_sheet_of_the_workbook(db: Database) -> None:
    # The buyers' sheet has no tickets: reading it on purpose gives generated codes, never
    # pretix's secrets.
    report = import_file(db, FILES / "pretix_order_data_ro.xlsx", sheet="Comenzi")
    assert report.sheet == "Comenzi" and "code" not in report.columns
    with pytest.raises(ImportFileError) as refused:
        import_file(db, FILES / "pretix_order_data_ro.xlsx", sheet="Positions")
    assert refused.value.reason == "unknown_sheet"
    assert "'Poziții de comandă'" in str(refused.value)


def test_pretix_german_csv_excel_style_is_understood(db: Database) -> None:
    report = import_file(db, FILES / "pretix_positions_de.csv")
    assert (report.preset, report.delimiter, report.columns["email"]) == (
        "pretix",
        ";",
        "E-Mail Teilnehmer*in",
    )
    assert stored(db)["ABC12-1"][3] == "hq7m3xv2c8kdq9a4ntyzsfb6e5wrpj2u"
    assert report.added == 5


@pytest.mark.parametrize(
    "name", ["indico_registrations.csv", "indico_registrations_libreoffice.ods"]
)
def test_indico_registration_states_are_mapped(db: Database, name: str) -> None:
    # indico RegistrationState titles: Completed, Pending, Rejected, Withdrawn, Awaiting payment.
    report = import_file(db, FILES / name)
    assert report.preset == "indico"
    states = {eid: p[4] for eid, p in stored(db).items()}
    assert states == {"1": "active", "2": "cancelled", "3": "cancelled", "4": "active"}
    assert [r.reason for r in report.left_out] == ["awaiting_approval"]  # "Pending"
    unpaid = db.conn.execute("SELECT external_id FROM attendee WHERE pending = 1").fetchall()
    assert [r[0] for r in unpaid] == ["4"]  # "Awaiting payment": imported, but not paid yet


# RegistrationState titles as Indico's catalogues translate them (indico/translations/*/
# LC_MESSAGES/messages-all.po, commit b8f1fde8): Completed, Withdrawn, Rejected,
# Awaiting payment, Pending. Indico translates the states for the exporting user; not the headers.
INDICO_STATES = {
    "de": ("Abgeschlossen", "Zurückgezogen", "abgelehnt", "Warten auf Zahlung", "Ausstehend"),
    "fr": ("Terminé", "Retiré", "Refusé", "En attente du paiement", "En attente"),
}


@pytest.mark.parametrize("language", sorted(INDICO_STATES))
def test_indico_states_in_the_exporting_users_language_are_mapped(
    db: Database, tmp_path: Path, language: str
) -> None:
    text = (FILES / "indico_registrations.csv").read_text(encoding="utf-8-sig")
    english = ("Completed", "Withdrawn", "Rejected", "Awaiting payment", "Pending")
    for old, new in zip(english, INDICO_STATES[language], strict=True):
        text = text.replace(f",{old}\n", f",{new}\n")  # read_text made "\r\n" "\n"
    assert all(f",{new}\n" in text for new in INDICO_STATES[language])
    path = tmp_path / "indico.csv"
    path.write_text(text, encoding="utf-8-sig")
    report = import_file(db, path)
    rows = db.conn.execute("SELECT external_id, status, pending FROM attendee ORDER BY id")
    assert [tuple(r) for r in rows] == [
        ("1", "active", 0), ("2", "cancelled", 0), ("3", "cancelled", 0), ("4", "active", 1)
    ]  # fmt: skip
    assert [r.reason for r in report.left_out] == ["awaiting_approval"]


def test_eventbrite_csv_keeps_the_24_digit_barcode_exactly(db: Database) -> None:
    report = import_file(db, FILES / "eventbrite_attendees.csv")
    assert report.findings == []
    assert stored(db)["11223344550"][3] == "881234567011223344550001"


@pytest.mark.parametrize(
    "name", ["eventbrite_attendees_libreoffice.xlsx", "eventbrite_attendees_libreoffice.ods"]
)
def test_a_barcode_that_libreoffice_turned_into_a_float_is_named_row_and_column(
    db: Database, name: str
) -> None:
    report = import_file(db, FILES / name)
    assert [(f.row, f.column, f.reason) for f in report.findings] == [
        (2, "Barcode #", "lost_precision"),
        (3, "Barcode #", "lost_precision"),
    ]


def test_strict_refuses_the_libreoffice_copy_and_stores_nothing(db: Database) -> None:
    with pytest.raises(ImportFileError) as refused:
        import_file(db, FILES / "eventbrite_attendees_libreoffice.xlsx", strict=True)
    assert refused.value.reason == "warnings_strict"
    assert "Row 2, column 'Barcode #'" in str(refused.value)
    assert db.conn.execute("SELECT count(*) FROM attendee").fetchone()[0] == 0


@pytest.mark.parametrize("language", ["de", "ro"])
def test_pretix_check_in_list_export_with_secrets(db: Database, language: str) -> None:
    # pretix/plugins/checkinlists/exporters.py: one row per valid ticket, "Secret" when asked,
    # no status column, the order code shared by an order's tickets.
    report = import_file(db, FILES / f"pretix_checkin_list_{language}.csv")
    assert report.preset == "pretix" and report.delimiter == ","
    rows = db.conn.execute(
        "SELECT first_name, last_name, code, status FROM attendee ORDER BY id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("Ștefania", "Ionescu", "hq7m3xv2c8kdq9a4ntyzsfb6e5wrpj2u", "active"),
        ("Иван", "Петров", "n4z8c2rks7w5ytf3qxv6mpe9bdh2ja7g", "active"),
        ("Mădălina", "Țurcanu", "p3k9w2x7m4c8v5n6b2z7q4r9t3y8u5e2", "active"),
    ]
    assert report.columns["last_name"] in ("Teilnehmer*innenname: Nachname",
                                           "Numele participantului: Nume")  # fmt: skip


@pytest.mark.parametrize(
    ("status", "expected"),
    [("Attending", "active"), ("Checked In", "active"), ("Not Attending", "cancelled"),
     ("Deleted", "cancelled"), ("Refunded/Canceled", "cancelled"), ("Transferred", "cancelled"),
     ("Partially Refunded", "active"), ("Abandoned", "cancelled")],
)  # fmt: skip
def test_eventbrite_statuses_from_its_glossary_are_mapped(
    db: Database, tmp_path: Path, status: str, expected: str
) -> None:
    # Eventbrite help centre: "Glossary of order and attendee statuses in event reports".
    source = (FILES / "eventbrite_attendees.csv").read_text(encoding="utf-8")
    path = tmp_path / "eventbrite.csv"
    path.write_text(source.replace(",Attending,", f",{status},", 1), encoding="utf-8")
    import_file(db, path)
    assert stored(db)["11223344550"][4] == expected


@pytest.mark.parametrize("status", ["Pending", "Unpaid"])
def test_eventbrite_payments_not_settled_yet_are_imported_as_unpaid(
    db: Database, tmp_path: Path, status: str
) -> None:
    # The glossary: "attendee-deferred payment types that remain pending before being paid".
    source = (FILES / "eventbrite_attendees.csv").read_text(encoding="utf-8")
    path = tmp_path / "eventbrite.csv"
    path.write_text(source.replace(",Attending,", f",{status},", 1), encoding="utf-8")
    import_file(db, path)
    rows = db.conn.execute("SELECT external_id, status, pending FROM attendee ORDER BY id")
    assert [tuple(r) for r in rows] == [("11223344550", "active", 1), ("11223344551", "active", 0)]


@pytest.mark.parametrize("language", ["de", "ro"])
def test_pretix_check_in_list_marks_a_ticket_of_an_unpaid_order_as_unpaid(
    db: Database, language: str
) -> None:
    # With pending orders included the check-in list has no status but "Paid" (Bezahlt/Plătită)
    # Yes/No in the exporter's language ("Ja"/"Nein", "Da"/"Nu"): order DEF34 is pending.
    import_file(db, FILES / f"pretix_checkin_list_{language}.csv")
    rows = db.conn.execute("SELECT first_name, status, pending FROM attendee ORDER BY id")
    assert [tuple(r) for r in rows] == [
        ("Ștefania", "active", 0),
        ("Иван", "active", 0),
        ("Mădălina", "active", 1),
    ]


def _without_column(source: Path, header: str, target: Path) -> Path:
    """The platform file as exported without one column (pretix's "secrets" not ticked,
    Eventbrite's barcode column not chosen)."""
    text = source.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    index = rows[0].index(header)
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_NONNUMERIC if "pretix" in source.name else csv.QUOTE_MINIMAL
               ).writerows([r[:index] + r[index + 1 :] for r in rows])  # fmt: skip
    target.write_text(out.getvalue(), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("name", "header"),
    [("pretix_checkin_list_de.csv", "Secret"), ("eventbrite_attendees.csv", "Barcode #")],
)
def test_a_platform_export_without_its_ticket_codes_says_the_sent_tickets_will_not_scan(
    db: Database, tmp_path: Path, name: str, header: str
) -> None:
    path = _without_column(FILES / name, header, tmp_path / name)
    report = import_file(db, path)
    assert "code" not in report.columns
    assert any("no ticket code column" in w and "will not scan" in w for w in report.warnings)
    whole = import_file(db, FILES / name, source="with-codes")
    assert not any("no ticket code column" in w for w in whole.warnings)


@pytest.mark.parametrize(
    "name",
    ["pretix_series_positions_ro.csv", "pretix_series_checkin_list_ro.csv",
     "pretix_series_checkin_list_de.csv"],
)  # fmt: skip
def test_a_pretix_event_series_ticket_is_valid_on_its_sub_events_days_only(
    db: Database, name: str
) -> None:
    # One sub-event per day: each ticket names its sub-event's start and end ("2026-09-28
    # 09:00:00" in the order data, Django's "28.09.2026, 09:00" in the check-in list). They
    # were ignored, so a day-1 ticket was valid on every day.
    report = import_file(db, FILES / name)
    assert report.columns["days"] in ("Data începerii", "Beginn")
    days = dict(db.conn.execute("SELECT code, days FROM attendee").fetchall())
    assert days["hq7m3xv2c8kdq9a4ntyzsfb6e5wrpj2u"] == '["2026-09-28"]'  # Day 1
    assert days["p3k9w2x7m4c8v5n6b2z7q4r9t3y8u5e2"] == '["2026-09-29"]'  # Day 2
    if "positions" in name:  # a sub-event over both days
        assert days["a8s7d6f5g4h3j2k9l8z7x6c5v4b3n2m9"] == '["2026-09-28", "2026-09-29"]'
        # Row 3: a workshop bought with the first ticket ("Add-on to position ID" 1), with no
        # attendee name: not a person (it stopped the import as a row without a name).
        assert [(r.row, r.reason) for r in report.left_out] == [(3, "add_on")]
        assert "w9k2m4x7q1c8v5n6b2z7r4t3y8u5e2p3" not in days
    again = import_file(db, FILES / name)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(days))
