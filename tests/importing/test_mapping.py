"""detect_mapping: columns are recognised by their header, in English, Bulgarian and Romanian,
and platform exports are recognised as a whole."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from kiosk.importing.errors import ImportFileError
from kiosk.importing.mapping import ColumnMap, detect_mapping
from kiosk.importing.readers import Table


def make_table(headers: Sequence[str], *rows: Sequence[str], path: str = "list.csv") -> Table:
    width = len(headers)
    return Table(
        path=path,
        format="csv",
        encoding="utf-8",
        delimiter=",",
        headers=list(headers),
        rows=[(n, [*r, *[""] * (width - len(r))]) for n, r in enumerate(rows, start=2)],
    )


def fields(mapping: ColumnMap, table: Table) -> dict[str, str]:
    """field -> header text, to assert on readable names rather than indexes."""
    return {f: table.headers[i] for f, i in mapping.columns.items()}


def mapped(*headers: str) -> dict[str, str]:
    table = make_table(headers)
    return fields(detect_mapping(table), table)


# -- languages ------------------------------------------------------------------------------


def test_english_headers() -> None:
    assert mapped(
        "First name", "Last name", "Organisation", "Country", "E-mail", "Mobile", "Ticket type",
        "Language", "Ticket code", "ID", "Status", "Days",
    ) == {
        "first_name": "First name",
        "last_name": "Last name",
        "organization": "Organisation",
        "country": "Country",
        "email": "E-mail",
        "phone": "Mobile",
        "category": "Ticket type",
        "language": "Language",
        "code": "Ticket code",
        "external_id": "ID",
        "status": "Status",
        "days": "Days",
    }  # fmt: skip


def test_bulgarian_headers() -> None:
    assert mapped(
        "№", "Име", "Фамилия", "Организация", "Държава", "Имейл", "Телефон", "Категория", "Език",
        "Код", "Номер", "Статус", "Дни",
    ) == {
        "first_name": "Име",
        "last_name": "Фамилия",
        "organization": "Организация",
        "country": "Държава",
        "email": "Имейл",
        "phone": "Телефон",
        "category": "Категория",
        "language": "Език",
        "code": "Код",
        "external_id": "Номер",
        "status": "Статус",
        "days": "Дни",
    }  # fmt: skip


def test_romanian_headers_with_and_without_diacritics() -> None:
    assert mapped(
        "Nr. crt.", "Prenume", "Nume", "Instituție", "Tara", "Adresa de email", "Telefon",
        "Categorie", "Limba", "Cod", "Nr.", "Stare", "Zile",
    ) == {
        "first_name": "Prenume",
        "last_name": "Nume",
        "organization": "Instituție",
        "country": "Tara",
        "email": "Adresa de email",
        "phone": "Telefon",
        "category": "Categorie",
        "language": "Limba",
        "code": "Cod",
        "external_id": "Nr.",
        "status": "Stare",
        "days": "Zile",
    }  # fmt: skip


@pytest.mark.parametrize(
    "header",
    ["E-MAIL", "  email ", "Email address", "Е-мейл", "Електронна поща", "Adresă de e-mail"],
)
def test_header_matching_ignores_case_spacing_and_diacritics(header: str) -> None:
    assert mapped("Name", header)["email"] == header


@pytest.mark.parametrize(
    "header",
    ["Name", "Full name", "Име и фамилия", "Имена", "Име", "Nume complet", "Nume și prenume",
     "Nume si prenume", "Nume"],
)  # fmt: skip
def test_a_single_name_column_is_the_full_name(header: str) -> None:
    assert mapped(header, "Email") == {"full_name": header, "email": "Email"}


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (("Име", "Фамилия"), {"first_name": "Име", "last_name": "Фамилия"}),
        (("Фамилия", "Име"), {"first_name": "Име", "last_name": "Фамилия"}),
        (("Nume", "Prenume"), {"first_name": "Prenume", "last_name": "Nume"}),
        (("Prenume", "Nume"), {"first_name": "Prenume", "last_name": "Nume"}),
        (("Name", "Surname"), {"first_name": "Name", "last_name": "Surname"}),
        (("First name", "Name"), {"first_name": "First name", "last_name": "Name"}),
    ],
)
def test_ambiguous_name_column_depends_on_its_neighbours(
    headers: tuple[str, str], expected: dict[str, str]
) -> None:
    assert mapped(*headers) == expected


def test_first_and_last_name_columns_plus_a_full_name_column() -> None:
    assert mapped("Име", "Фамилия", "Име и фамилия") == {
        "full_name": "Име и фамилия",
        "first_name": "Име",
        "last_name": "Фамилия",
    }


def test_questions_in_a_form_are_matched_loosely() -> None:
    assert mapped(
        "What is your full name?", "Your e-mail", "Organisation / Company", "Phone (mobile)",
        "Which days will you attend?", "Country of residence", "Dietary requirements",
    ) == {
        "full_name": "What is your full name?",
        "email": "Your e-mail",
        "organization": "Organisation / Company",
        "phone": "Phone (mobile)",
        "days": "Which days will you attend?",
        "country": "Country of residence",
    }  # fmt: skip


@pytest.mark.parametrize(
    "header",
    ["Voucher code", "Order code", "ZIP code", "Postal code", "Confirm your email",
     "Organisation type", "Company website", "Number of days", "Check-in status"],
)  # fmt: skip
def test_look_alike_headers_are_not_mapped(header: str) -> None:
    table = make_table(["Name", header])
    mapping = detect_mapping(table)
    assert fields(mapping, table) == {"full_name": "Name"}
    assert mapping.ignored == [header]


def test_repeated_header_uses_the_first_column() -> None:
    table = make_table(["Name", "Email", "Email"])
    mapping = detect_mapping(table)
    assert mapping.columns == {"full_name": 0, "email": 1}
    assert mapping.ignored == ["Email"]


def test_unused_headers_are_listed_as_ignored() -> None:
    table = make_table(["Name", "T-shirt size", "", "Dietary needs"])
    assert detect_mapping(table).ignored == ["T-shirt size", "Dietary needs"]


def test_no_name_column_is_an_error_listing_the_headers() -> None:
    table = make_table(["Email", "Company", "Telefon"], path="/data/export.csv")
    with pytest.raises(ImportFileError) as caught:
        detect_mapping(table)
    message = str(caught.value)
    assert message.startswith("export.csv: ")
    for header in ("Email", "Company", "Telefon"):
        assert f"'{header}'" in message


def test_a_last_name_column_alone_is_enough() -> None:
    assert mapped("Surname", "Email") == {"last_name": "Surname", "email": "Email"}


# -- platform presets -----------------------------------------------------------------------

EVENTBRITE = [
    "Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Price Tier",
    "Ticket Type", "Attendee #", "Group", "Order Type", "Currency", "Total Paid", "Fees Paid",
    "Eventbrite Fees", "Eventbrite Payment Processing", "Attendee Status", "Home Address 1",
    "Home Address 2", "Home City", "Home State", "Home Zip", "Home Country", "Cell Phone",
    "Job Title", "Company", "Work Address 1", "Work City", "Work Country", "Work Phone",
    "Barcode #",
]  # fmt: skip

PRETIX_CHECKIN_LIST = [
    "Order code", "Attendee name", "Attendee name: Title", "Attendee name: Given name",
    "Attendee name: Family name", "Product", "Price", "Checked in", "Checked out",
    "Automatically checked in", "Paid", "Secret", "E-mail", "Company", "Voucher code",
    "Order date", "Requires special attention", "Comment", "Seat ID", "Seat name",
]  # fmt: skip

PRETIX_ORDER_POSITIONS = [
    "Event slug", "Order code", "Position ID", "Status", "Email", "Phone number", "Order date",
    "Order time", "Product", "Variation", "Price", "Tax rate", "Tax rule", "Tax value",
    "Attendee name", "Attendee name: Given name", "Attendee name: Family name",
    "Attendee email", "Company", "Address", "ZIP code", "City", "Country", "State", "Voucher",
    "Pseudonymization ID", "Ticket secret", "Seat ID", "Blocked", "Valid from", "Valid until",
    "Order comment", "Company", "Invoice address name", "Invoice address street",
    "Invoice address country", "VAT ID", "Sales channel", "Order locale",
]  # fmt: skip

B2MATCH = [
    "Participant ID", "First Name", "Last Name", "Email", "Organisation", "Organisation Type",
    "Country", "City", "Participation Type", "Job Position", "Registration Status", "Phone",
    "Registration Date", "Activated",
]  # fmt: skip


def test_eventbrite_attendee_report() -> None:
    table = make_table(EVENTBRITE)
    mapping = detect_mapping(table)

    assert mapping.preset == "eventbrite"
    assert fields(mapping, table) == {
        "first_name": "First Name",
        "last_name": "Last Name",
        "organization": "Company",
        "country": "Work Country",
        "email": "Email",
        "phone": "Cell Phone",
        "category": "Ticket Type",
        "code": "Barcode #",
        "external_id": "Attendee #",
        "status": "Attendee Status",
    }
    assert "Order #" in mapping.ignored
    assert "Home Address 1" in mapping.ignored


def test_pretix_checkin_list_export() -> None:
    table = make_table(PRETIX_CHECKIN_LIST)
    mapping = detect_mapping(table)

    assert mapping.preset == "pretix"
    assert fields(mapping, table) == {
        "full_name": "Attendee name",
        "first_name": "Attendee name: Given name",
        "last_name": "Attendee name: Family name",
        "organization": "Company",
        "email": "E-mail",
        "category": "Product",
        "code": "Secret",
        "external_id": "Order code",
        "status": "Paid",  # Yes/No when the list includes pending orders
    }
    assert "Voucher code" in mapping.ignored


def test_pretix_order_data_export() -> None:
    table = make_table(PRETIX_ORDER_POSITIONS)
    mapping = detect_mapping(table)

    assert mapping.preset == "pretix"
    assert fields(mapping, table) == {
        "full_name": "Attendee name",
        "first_name": "Attendee name: Given name",
        "last_name": "Attendee name: Family name",
        "organization": "Company",
        "country": "Country",
        "email": "Attendee email",
        "phone": "Phone number",
        "category": "Product",
        "code": "Ticket secret",
        "external_id": "Order code",
        "status": "Status",
    }
    # The order's e-mail and the invoice name fill in where the attendee's are empty.
    headers = PRETIX_ORDER_POSITIONS
    assert mapping.fallbacks["email"] == (headers.index("Email"),)
    assert mapping.fallbacks["full_name"] == (headers.index("Invoice address name"),)
    # "Position ID" is used (with the order code) for the external id.
    assert "Position ID" not in mapping.ignored


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["Timestamp", "Email Address", "Full name (as it should appear on your badge)",
             "Organisation / Company", "Which days will you attend?", "Dietary requirements"],
            {"full_name": "Full name (as it should appear on your badge)",
             "organization": "Organisation / Company", "email": "Email Address",
             "days": "Which days will you attend?"},
        ),
        (
            ["Marca temporală", "Adresă de e-mail", "Nume și prenume",
             "Instituția / Organizația", "Țara", "Zilele la care participați"],
            {"full_name": "Nume și prenume", "organization": "Instituția / Organizația",
             "country": "Țara", "email": "Adresă de e-mail", "days": "Zilele la care participați"},
        ),
        (
            ["Времево клеймо", "Имейл адрес", "Трите имена", "Организация", "Телефон за връзка",
             "Дни на участие"],
            {"full_name": "Трите имена", "organization": "Организация", "email": "Имейл адрес",
             "phone": "Телефон за връзка", "days": "Дни на участие"},
        ),
    ],
    ids=["english", "romanian", "bulgarian"],
)  # fmt: skip
def test_google_forms_responses(headers: list[str], expected: dict[str, str]) -> None:
    table = make_table(headers)
    mapping = detect_mapping(table)
    assert mapping.preset == "google_forms"
    assert fields(mapping, table) == expected
    assert headers[0] in mapping.ignored  # the timestamp


def test_b2match_participant_list() -> None:
    table = make_table(B2MATCH)
    mapping = detect_mapping(table)

    assert mapping.preset == "b2match"
    assert fields(mapping, table) == {
        "first_name": "First Name",
        "last_name": "Last Name",
        "organization": "Organisation",
        "country": "Country",
        "email": "Email",
        "phone": "Phone",
        "category": "Participation Type",
        "external_id": "Participant ID",
        "status": "Registration Status",
    }
    assert "Organisation Type" in mapping.ignored


def test_a_hand_made_list_has_no_preset() -> None:
    assert detect_mapping(make_table(["Име", "Фамилия", "Имейл"])).preset is None


# -- override -------------------------------------------------------------------------------


def test_override_maps_unknown_headers() -> None:
    table = make_table(["Vorname", "Nachname", "Firma", "E-Mail-Adresse"])
    mapping = detect_mapping(
        table, {"first_name": "Vorname", "last_name": "nachname", "email": "E-Mail-Adresse"}
    )
    assert fields(mapping, table) == {
        "first_name": "Vorname",
        "last_name": "Nachname",
        "organization": "Firma",  # still detected: "Firma" is Romanian/Bulgarian for company
        "email": "E-Mail-Adresse",
    }


def test_override_wins_over_detection_and_can_switch_a_field_off() -> None:
    table = make_table(["Name", "Email", "Work email", "Company"])
    mapping = detect_mapping(table, {"email": "Work email", "organization": ""})
    assert fields(mapping, table) == {"full_name": "Name", "email": "Work email"}
    assert mapping.ignored == ["Email", "Company"]


def test_override_naming_a_missing_column_is_an_error() -> None:
    table = make_table(["Name", "Email"])
    with pytest.raises(ImportFileError) as caught:
        detect_mapping(table, {"organization": "Firma"})
    assert caught.value.column == "Firma"
    assert "'Name'" in str(caught.value)


def test_override_with_an_unknown_field_is_an_error() -> None:
    with pytest.raises(ImportFileError, match="shoe_size"):
        detect_mapping(make_table(["Name"]), {"shoe_size": "Name"})
