"""parse_registrations: rows become cleaned Registration values; rows that cannot be imported are
skipped with a stable reason code; things to check become warnings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from kiosk.core.model import Registration
from kiosk.importing.mapping import (
    Parsed,
    detect_mapping,
    parse_days,
    parse_registrations,
    split_full_name,
)
from kiosk.importing.readers import read_table
from tests.importing.conftest import WriteCsv, WriteXlsx
from tests.importing.test_mapping import (
    B2MATCH,
    EVENTBRITE,
    PRETIX_CHECKIN_LIST,
    PRETIX_ORDER_POSITIONS,
    make_table,
)

DAY1, DAY2, DAY3 = date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30)
EVENT = (DAY1, DAY2, DAY3)


def parse(headers: Sequence[str], *rows: Sequence[str], days: Sequence[date] = EVENT) -> Parsed:
    table = make_table(headers, *rows)
    return parse_registrations(table, detect_mapping(table), days)


def one(headers: Sequence[str], row: Sequence[str]) -> Registration:
    parsed = parse(headers, row)
    assert parsed.skipped == []
    [registration] = parsed.registrations
    return registration


def reasons(parsed: Parsed) -> list[tuple[int, str]]:
    return [(s.row, s.reason) for s in parsed.skipped]


def row_dict(headers: Sequence[str], values: Sequence[str]) -> list[str]:
    """Cells for ``headers`` from a partial ``{header: value}`` given as parallel sequences."""
    return list(values) + [""] * (len(headers) - len(values))


# -- values ---------------------------------------------------------------------------------


def test_every_field_is_cleaned() -> None:
    reg = one(
        ["Име", "Фамилия", "Организация", "Държава", "Имейл", "Телефон", "Категория", "Език",
         "Код", "ID"],
        ["  Щерьо ", "Иванов\u200b", "Фирма\t„Слънце“   ООД", "България", " SHTERIO@ABV.BG ",
         "+359 888 123 456", "Лектор", "bg", " ABC123 ", "42"],
    )  # fmt: skip
    assert reg == Registration(
        row=2,
        first_name="Щерьо",
        last_name="Иванов",
        organization="Фирма „Слънце“ ООД",
        country="България",
        email="shterio@abv.bg",
        phone="+359 888 123 456",
        category="Лектор",
        language="bg",
        code="ABC123",
        external_id="42",
        raw=reg.raw,
    )


def test_romanian_cedilla_letters_are_stored_with_comma_below(write_csv: WriteCsv) -> None:
    rows = [["Prenume", "Nume", "Organizaţie"], ["Ştefan", "Ţăranu", "Universitatea Bucureşti"]]
    table = read_table(write_csv(rows, encoding="cp1250"))
    [reg] = parse_registrations(table, detect_mapping(table)).registrations
    assert (reg.first_name, reg.last_name, reg.organization) == (
        "Ștefan",
        "Țăranu",
        "Universitatea București",
    )
    assert reg.raw == {
        "Prenume": "Ştefan",
        "Nume": "Ţăranu",
        "Organizație": "Universitatea Bucureşti",
    }


def test_raw_keeps_the_original_cells() -> None:
    reg = one(["Name", "Email", "Email", ""], ["  Ivan  Petrov ", "I@X.BG", "other@x.bg", "x"])
    assert reg.raw == {
        "Name": "  Ivan  Petrov ",
        "Email": "I@X.BG",
        "Email (2)": "other@x.bg",
        "column D": "x",
    }


# -- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("Ana-Maria Popescu", "Ana-Maria", "Popescu"),
        ("Щерьо Иванов", "Щерьо", "Иванов"),
        ("Иван Петров Иванов", "Иван Петров", "Иванов"),
        ("Popescu, Ana-Maria", "Ana-Maria", "Popescu"),
        ("POPESCU Ana-Maria", "Ana-Maria", "POPESCU"),
        ("DE LA CRUZ Maria", "Maria", "DE LA CRUZ"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Maria de la Cruz", "Maria", "de la Cruz"),
        ("J. R. Smith", "J. R.", "Smith"),
        ("IVAN PETROV", "IVAN", "PETROV"),
        ("Madonna", "Madonna", ""),
    ],
)
def test_full_name_splitting(full: str, first: str, last: str) -> None:
    assert split_full_name(full) == (first, last)


def test_full_name_column_is_split_and_reported() -> None:
    parsed = parse(["Име и фамилия"], ["Щерьо Иванов"], ["Мадона"])
    assert [(r.first_name, r.last_name) for r in parsed.registrations] == [
        ("Щерьо", "Иванов"),
        ("Мадона", ""),
    ]
    assert any("split" in w for w in parsed.warnings)


def test_first_and_last_columns_win_and_full_name_fills_gaps() -> None:
    parsed = parse(
        ["Attendee name", "Attendee name: Given name", "Attendee name: Family name"],
        ["Ivan Petrov", "Ivan", "Petrov"],
        ["Maria Ionescu", "", ""],
    )
    assert [(r.first_name, r.last_name) for r in parsed.registrations] == [
        ("Ivan", "Petrov"),
        ("Maria", "Ionescu"),
    ]


def test_rows_without_a_name_are_skipped() -> None:
    parsed = parse(["Име", "Фамилия", "Имейл"], ["Иван", "", ""], ["", " ", "x@y.bg"])
    assert [r.row for r in parsed.registrations] == [2]
    assert reasons(parsed) == [(3, "no_name")]
    assert "3" in parsed.skipped[0].detail


# -- e-mail ---------------------------------------------------------------------------------


def test_invalid_email_keeps_the_person_without_email() -> None:
    parsed = parse(["Name", "Email"], ["Ivan", "ivan@abv"], ["Maria", "maria at x.bg"])
    assert [r.email for r in parsed.registrations] == ["", ""]
    assert parsed.skipped == []
    assert any("Row 2" in w and "ivan@abv" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    ("cell", "email"),
    [
        ("Ivan.Petrov@Example.COM", "ivan.petrov@example.com"),
        ("mailto:ivan@x.bg", "ivan@x.bg"),
        ("Ivan Petrov <ivan@x.bg>", "ivan@x.bg"),
        ("ivan@пример.бг", "ivan@пример.бг"),
        ("ivan@x.bg; ivan.private@y.bg", "ivan@x.bg"),
    ],
)
def test_email_forms(cell: str, email: str) -> None:
    assert one(["Name", "Email"], ["Ivan", cell]).email == email


def test_many_invalid_emails_are_summed_up() -> None:
    rows = [[f"P{i}", f"bad{i}"] for i in range(25)]
    parsed = parse(["Name", "Email"], *rows)
    assert sum("is not a valid e-mail" in w for w in parsed.warnings) == 10
    assert any("15 more rows" in w for w in parsed.warnings)


# -- cancellations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status",
    ["Cancelled", "canceled", "Refunded", "Not Attending", "Deleted", "Transferred",
     "Refunded/Canceled", "анулиран", "Отказан", "ANULAT", "anulată", "Anulata"],
)  # fmt: skip
def test_cancelled_statuses(status: str) -> None:
    assert one(["Name", "Status"], ["Ivan", status]).cancelled is True


@pytest.mark.parametrize(
    "status",
    ["", "Attending", "Checked In", "paid", "Потвърден", "Confirmat", "Partially refunded"],
)
def test_active_statuses(status: str) -> None:
    assert one(["Name", "Status"], ["Ivan", status]).cancelled is False


def test_an_unknown_status_is_never_silently_active() -> None:
    # Issue 18: "unknown statuses reported, never silently active".
    parsed = parse(["Name", "Status"], ["A", "Waitlisted"], ["B", "Waitlisted"], ["C", "Paid"])
    assert [(s.row, s.reason) for s in parsed.skipped] == [
        (2, "unknown_status"),
        (3, "unknown_status"),
    ]
    assert [r.cancelled for r in parsed.registrations] == [False]
    assert "Waitlisted" in parsed.skipped[0].detail


# -- days -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("", frozenset()),
        ("28.09.2026", {DAY1}),
        ("28.09.2026; 29.09.2026", {DAY1, DAY2}),
        ("2026-09-28, 2026-09-30", {DAY1, DAY3}),
        ("2026-09-29 00:00:00", {DAY2}),
        ("28/09/2026", {DAY1}),
        ("09/29/2026", {DAY2}),  # month/day, only because 29 cannot be a month
        ("28.09", {DAY1}),
        ("28.09.26", {DAY1}),
        ("Day 1", {DAY1}),
        ("Ден 2", {DAY2}),
        ("Ziua 3", {DAY3}),
        ("D1 + D3", {DAY1, DAY3}),
        ("1, 2", {DAY1, DAY2}),
        ("Day 1 and Day 2", {DAY1, DAY2}),
        ("Ден 1 и Ден 3", {DAY1, DAY3}),
        ("Monday", {DAY1}),
        ("вторник", {DAY2}),
        ("miercuri", {DAY3}),
        ("28.09.2026 - 30.09.2026", {DAY1, DAY2, DAY3}),
        # The month (and year) written once, after the last day:
        ("28 и 29 септември", {DAY1, DAY2}),
        ("28 și 30 septembrie", {DAY1, DAY3}),
        ("28, 29 and 30 September", {DAY1, DAY2, DAY3}),
        ("28 и 29 септември / 28 și 29 septembrie", {DAY1, DAY2}),
        ("28–29.09.2026", {DAY1, DAY2}),
        ("29-30.09", {DAY2, DAY3}),
        ("28 и 30.09.2026 г.", {DAY1, DAY3}),
        ("All days", frozenset()),
        ("Всички дни", frozenset()),
        ("toate zilele", frozenset()),
    ],
)
def test_days_column(cell: str, expected: set[date]) -> None:
    assert one(["Name", "Days"], ["Ivan", cell]).days == frozenset(expected)


@pytest.mark.parametrize("cell", ["someday", "Day 4", "01.10.2026", "31.02.2026", "Friday", "2"])
def test_unreadable_or_foreign_days_skip_the_row(cell: str) -> None:
    parsed = parse(["Name", "Days"], ["Ivan", cell], days=EVENT[:1])
    assert parsed.registrations == []
    assert reasons(parsed) == [(2, "bad_day")]
    assert cell in parsed.skipped[0].detail


def test_days_without_event_days_accept_full_dates_only() -> None:
    assert parse_days("2026-10-05") == frozenset({date(2026, 10, 5)})
    assert isinstance(parse_days("Day 1"), str)
    assert isinstance(parse_days("05.10"), str)


def test_xlsx_date_cells_are_days(write_xlsx: WriteXlsx) -> None:
    table = read_table(write_xlsx({"S": [["Name", "Day"], ["Ivan", DAY2]]}))
    [reg] = parse_registrations(table, detect_mapping(table), EVENT).registrations
    assert reg.days == frozenset({DAY2})


# -- codes and ids --------------------------------------------------------------------------


def test_duplicate_code_skips_the_second_row_naming_both() -> None:
    parsed = parse(["Name", "Code"], ["Ivan", "ABC"], ["Maria", "XYZ"], ["Petar", "abc"])
    assert [r.row for r in parsed.registrations] == [2, 3]
    assert reasons(parsed) == [(4, "duplicate_code")]
    detail = parsed.skipped[0].detail
    assert "row 4" in detail and "row 2" in detail


def test_a_skipped_row_does_not_claim_its_code() -> None:
    parsed = parse(["Name", "Code"], ["", "ABC"], ["Maria", "ABC"])
    assert reasons(parsed) == [(2, "no_name")]
    assert [r.code for r in parsed.registrations] == ["ABC"]


def test_shared_external_ids_are_dropped_with_a_warning() -> None:
    parsed = parse(["Name", "Order #"], ["Ivan", "1001"], ["Maria", "1001"], ["Petar", "1002"])
    assert [r.external_id for r in parsed.registrations] == ["", "", "1002"]
    assert any("Order #" in w and "rows 2, 3" in w for w in parsed.warnings)


# -- presets end to end ---------------------------------------------------------------------


def test_eventbrite_rows() -> None:
    def row(**values: str) -> list[str]:
        return [values.get(h, "") for h in EVENTBRITE]

    parsed = parse(
        EVENTBRITE,
        row(**{"First Name": "Ivan", "Last Name": "Petrov", "Email": "ivan@x.bg",
               "Company": "ACME", "Ticket Type": "Speaker", "Attendee #": "2360209833",
               "Order #": "1689365701", "Barcode #": "168936570123602098331001",
               "Attendee Status": "Attending", "Home Country": "Bulgaria"}),
        row(**{"First Name": "Ana", "Last Name": "Popescu", "Attendee #": "2360209834",
               "Order #": "1689365701", "Barcode #": "168936570123602098341001",
               "Attendee Status": "Not Attending", "Work Country": "Romania"}),
    )  # fmt: skip
    ivan, ana = parsed.registrations
    assert (ivan.external_id, ivan.code, ivan.category, ivan.cancelled) == (
        "2360209833",
        "168936570123602098331001",
        "Speaker",
        False,
    )
    assert ivan.country == "Bulgaria"  # work country empty: home country fills in
    assert (ana.external_id, ana.cancelled, ana.country) == ("2360209834", True, "Romania")


def test_pretix_order_positions_rows() -> None:
    def row(**values: str) -> list[str]:
        return [
            values.get(h.replace(" ", "_").replace(":", ""), "") for h in PRETIX_ORDER_POSITIONS
        ]

    parsed = parse(
        PRETIX_ORDER_POSITIONS,
        row(Order_code="ABC12", Position_ID="1", Status="paid", Email="buyer@x.bg",
            Product="Conference ticket", Attendee_name="Ivan Petrov",
            Attendee_name_Given_name="Ivan", Attendee_name_Family_name="Petrov",
            Attendee_email="ivan@x.bg", Ticket_secret="k2v9s8d7f6"),
        row(Order_code="ABC12", Position_ID="2", Status="paid", Email="buyer@x.bg",
            Product="Workshop", Ticket_secret="p0o9i8u7y6", Invoice_address_name="Maria Ionescu"),
        row(Order_code="XYZ34", Position_ID="1", Status="canceled", Attendee_name="Ana Popa",
            Ticket_secret="q1w2e3r4t5"),
        row(Order_code="QWE56", Position_ID="1", Status="expired", Attendee_name="Dan Pop",
            Ticket_secret="z9x8c7v6b5"),
    )  # fmt: skip
    ivan, maria, ana, dan = parsed.registrations
    assert (ivan.external_id, ivan.email, ivan.code) == ("ABC12-1", "ivan@x.bg", "k2v9s8d7f6")
    assert (maria.external_id, maria.email) == ("ABC12-2", "buyer@x.bg")
    assert (maria.first_name, maria.last_name) == ("Maria", "Ionescu")
    assert (ana.cancelled, dan.cancelled, ivan.cancelled) == (True, True, False)


def test_pretix_checkin_list_without_positions() -> None:
    def row(**values: str) -> list[str]:
        return [values.get(h.replace(" ", "_").replace(":", ""), "") for h in PRETIX_CHECKIN_LIST]

    parsed = parse(
        PRETIX_CHECKIN_LIST,
        row(Order_code="ABC12", Attendee_name="Ivan Petrov", Secret="s1", Product="Ticket"),
        row(Order_code="ABC12", Attendee_name="Maria Popa", Secret="s2", Product="Ticket"),
        row(Order_code="QQQ99", Attendee_name="Ana Pop", Secret="s3", Product="Ticket"),
    )
    # Two tickets of one order: the order code identifies neither; the codes still do.
    assert [(r.external_id, r.code) for r in parsed.registrations] == [
        ("", "s1"),
        ("", "s2"),
        ("QQQ99", "s3"),
    ]


def test_b2match_rows() -> None:
    def row(**values: str) -> list[str]:
        return [values.get(h.replace(" ", "_"), "") for h in B2MATCH]

    parsed = parse(
        B2MATCH,
        row(Participant_ID="5501", First_Name="Elena", Last_Name="Dimitrova",
            Organisation="Sofia Tech Park", Organisation_Type="Research",
            Participation_Type="Exhibitor", Registration_Status="Registered"),
        row(Participant_ID="5502", First_Name="Mihai", Last_Name="Popa",
            Registration_Status="Rejected"),
    )  # fmt: skip
    elena, mihai = parsed.registrations
    assert (elena.external_id, elena.organization, elena.category, elena.cancelled) == (
        "5501",
        "Sofia Tech Park",
        "Exhibitor",
        False,
    )
    assert mihai.cancelled is True


# -- whole-table warnings -------------------------------------------------------------------


def test_header_only_file_gives_no_registrations_and_a_warning(write_csv: WriteCsv) -> None:
    table = read_table(write_csv("Name,Email\r\n"))
    parsed = parse_registrations(table, detect_mapping(table))
    assert parsed.registrations == [] and parsed.skipped == []
    assert any("no rows" in w for w in parsed.warnings)


def test_duplicate_headers_are_warned_about() -> None:
    parsed = parse(["Name", "Email", "email"], ["Ivan", "a@x.bg", "b@x.bg"])
    assert parsed.registrations[0].email == "a@x.bg"
    assert any("'Email'" in w and "B, C" in w for w in parsed.warnings)


def test_values_without_a_header_are_warned_about(write_csv: WriteCsv) -> None:
    table = read_table(write_csv("Name,Email\r\nPopescu, Ion,ion@x.ro\r\nMaria,m@x.bg\r\n"))
    parsed = parse_registrations(table, detect_mapping(table))
    assert any("row 2" in w and "without a header" in w for w in parsed.warnings)


def test_title_rows_are_mentioned(write_csv: WriteCsv) -> None:
    table = read_table(write_csv("Conference 2026\r\nName,Email\r\nIvan,i@x.bg\r\n"))
    parsed = parse_registrations(table, detect_mapping(table))
    assert any("row 2" in w for w in parsed.warnings)


def test_phone_numbers_mangled_by_excel_are_warned_about() -> None:
    parsed = parse(["Name", "Phone"], ["Ivan", "3.59888E+11"])
    assert parsed.registrations[0].phone == "3.59888E+11"
    assert [(f.row, f.column, f.reason) for f in parsed.findings] == [
        (2, "Phone", "scientific_notation")
    ]


def test_parsing_never_raises_on_odd_cells() -> None:
    odd = ["\x00", "\u200b", "=cmd|' /C calc'!A0", "😀", "a" * 10_000, "\r\n", '"']
    rows = [[f"Name {i}", *[v] * 4] for i, v in enumerate(odd)]
    parsed = parse(["Name", "Email", "Status", "Days", "Code"], *rows)
    assert len(parsed.registrations) + len(parsed.skipped) == len(odd)
