"""PDF sign-in sheets and the PDF report, with fpdf2.

fpdf2 is pure Python, embeds a subset of the bundled Noto Sans (Cyrillic and Romanian ă â î ș ț
drawn, and extractable as text through the font's ToUnicode map) and needs no Qt, so the reports
layer stays free of GUI libraries and the command line writes PDFs on a headless machine.

Every page footer carries the page number and the SHA-256 of the content shown (the canonical
comma-separated CSV of the same rows), so a printed sheet can be checked against the data.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from kiosk.assets import font_path
from kiosk.reports.export import to_csv
from kiosk.reports.register import Person, RegisterEntry, method_label
from kiosk.reports.summary import Report
from kiosk.reports.texts import (
    DEFAULT_LANGUAGE,
    Texts,
    category_label,
    count_of,
    country_label,
    long_date,
    texts,
)
from kiosk.storage.events import EventInfo

FONT = "NotoSans"
_MARGIN = 12.0
_GREY = (90, 90, 90)


class _Document(FPDF):
    """A4 pages with the Noto fonts and a footer naming the page and the content digest."""

    def __init__(
        self, footer_text: str, digest: str, orientation: str = "P", t: Texts | None = None
    ) -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.t = t or texts()
        self.footer_text = footer_text
        self.digest = digest
        self.add_font(FONT, "", str(font_path(bold=False)))
        self.add_font(FONT, "B", str(font_path(bold=True)))
        self.set_margins(_MARGIN, _MARGIN, _MARGIN)
        self.set_auto_page_break(True, margin=20)
        self.set_creator("Kiosk")
        self.set_creation_date(datetime.now(UTC))
        self.repeat_header: tuple[Sequence[str], Sequence[float]] | None = None

    def header(self) -> None:
        if self.repeat_header is not None and self.page_no() > 1:
            self.set_y(_MARGIN)
            _header_row(self, *self.repeat_header)

    def footer(self) -> None:
        self.set_y(-16)
        self.set_font(FONT, "", 8)
        self.set_text_color(*_GREY)
        self.cell(0, 4, self.footer_text, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, self.t("pdf.page", page=self.page_no(), pages="{nb}"), align="R")
        self.ln(4)
        self.set_font(FONT, "", 6.5)
        self.cell(0, 3.5, self.t("pdf.digest", digest=self.digest), align="L")
        self.set_text_color(0, 0, 0)


def _shorten(pdf: FPDF, text: str, room: float) -> str:
    if pdf.get_string_width(text) <= room:
        return text
    while text and pdf.get_string_width(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _fit(
    pdf: FPDF, text: str, width: float, size: float, two_lines: bool
) -> tuple[list[str], float]:
    """The lines and point size to show ``text`` in ``width``: one line at ``size`` or a bit
    smaller; else two lines (when the row is tall enough), shortened with … if still too long."""
    room = width - 2 * pdf.c_margin
    for points in (size, size * 0.9):
        pdf.set_font_size(points)
        if pdf.get_string_width(text) <= room:
            return [text], points
    points = size * 0.85
    pdf.set_font_size(points)
    if not two_lines:
        return [_shorten(pdf, text, room)], points
    words = text.split(" ")
    first = ""
    while words and pdf.get_string_width((first + " " + words[0]).strip()) <= room:
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one very long word
        return [_shorten(pdf, text, room)], points
    return [first, _shorten(pdf, " ".join(words), room)], points


def _header_row(pdf: FPDF, header: Sequence[str], widths: Sequence[float]) -> None:
    pdf.set_font(FONT, "B", 9)
    pdf.set_fill_color(232, 236, 240)
    for title, width in zip(header, widths, strict=True):
        # Longer words (Bulgarian, Romanian, two languages) get a smaller type, not a cut.
        points = 9.0
        while points > 6 and pdf.get_string_width(title) > width - 2 * pdf.c_margin:
            points -= 0.5
            pdf.set_font_size(points)
        pdf.cell(width, 7, _shorten(pdf, title, width - 2 * pdf.c_margin), border=1, fill=True)
        pdf.set_font_size(9)
    pdf.ln(7)
    pdf.set_font(FONT, "", 9)


def _row(
    pdf: FPDF, cells: Sequence[str], widths: Sequence[float], height: float, size: float = 9
) -> None:
    pdf.set_font(FONT, "", size)
    x, y = pdf.get_x(), pdf.get_y()
    for text, width in zip(cells, widths, strict=True):
        lines, points = _fit(pdf, text, width, size, two_lines=height >= 8)
        pdf.set_font_size(points)
        pdf.rect(x, y, width, height)
        line_height = points * 0.42
        top = y + (height - line_height * len(lines)) / 2
        for n, line in enumerate(lines):
            pdf.set_xy(x, top + n * line_height)
            pdf.cell(width, line_height, line)
        x += width
    pdf.set_xy(pdf.l_margin, y + height)
    pdf.set_font_size(size)


def _digest(header: Sequence[str], rows: Sequence[Sequence[str | int]]) -> str:
    return hashlib.sha256(to_csv(header, [list(r) for r in rows], ",")).hexdigest()


# ---------------------------------------------------------------------------------------------
# Sign-in sheets

_SHEET_KEYS = ("signin.no", "signin.name", "signin.organisation", "signin.country",
               "signin.signature")  # fmt: skip
SHEET_COLUMNS = tuple(texts()(k) for k in _SHEET_KEYS)
_SHEET_WIDTHS = (12.0, 55.0, 56.0, 27.0, 36.0)


@dataclass(frozen=True, slots=True)
class SignInSheet:
    pdf: bytes
    people: int
    content_sha256: str


def sign_in_sheet(
    event: EventInfo,
    day: date,
    people: Sequence[Person],
    *,
    attended: bool,
    reference: str = "",
    language: str = DEFAULT_LANGUAGE,
    second_language: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SignInSheet:
    """A4 sheet for signatures: No., Name, Organisation, Country, Signature, by last name.

    ``attended`` picks the variant: False, pre-filled with everyone registered for the day (to
    sign at the desk); True, the people who attended. ``reference`` is an optional funding or
    project line printed under the header (e.g. the Interreg project code). The words are in
    ``language``; with ``second_language`` every heading and the date also read in that one
    ("Име / Nume"), so attendees from both countries know what they sign. ``progress(done,
    total)`` is told the rows laid out, every thousand.
    """
    t = texts(language)
    u = texts(second_language) if second_language else None

    def both(key: str, **values: object) -> str:
        return t(key, **values) + (f" / {u(key, **values)}" if u else "")

    ordered = sorted(people, key=lambda p: (p.sort_key, p.uid))
    rows = [
        (n, f"{p.last_name} {p.first_name}".strip(), p.organization, p.country)
        for n, p in enumerate(ordered, start=1)
    ]
    # The digest is of the content as stored, whatever the language of the words.
    digest = _digest(SHEET_COLUMNS[:4], rows)
    header = tuple(both(k) for k in _SHEET_KEYS)
    footer = t("signin.footer", event=event.name, day=day.isoformat(),
               people=count_of(t, "people", len(rows)))  # fmt: skip
    pdf = _Document(footer, digest, t=t)
    pdf.set_title(t("signin.pdf_title", event=event.name, day=day.isoformat()))
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, event.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 11)
    place = f" · {event.venue}" if event.venue else ""
    when = long_date(t, day) + (f" / {long_date(u, day)}" if u else "")
    pdf.multi_cell(0, 6, f"{when}{place}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if reference:
        pdf.set_font(FONT, "", 9.5)
        pdf.multi_cell(0, 5, reference, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    key = "signin.title_attended" if attended else "signin.title_registered"
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(0, 6, t(key), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if u:
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(0, 5, u(key), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.repeat_header = (header, _SHEET_WIDTHS)
    _header_row(pdf, header, _SHEET_WIDTHS)
    for number, name, organization, country in rows:
        if pdf.will_page_break(9):
            pdf.add_page()
        shown = country_label(t, country)
        _row(pdf, (str(number), name, organization, shown, ""), _SHEET_WIDTHS, 9)
        if progress is not None and number % 1000 == 0:
            progress(number, len(rows))
    if progress is not None:
        progress(len(rows), len(rows))
    pdf.ln(3)
    pdf.set_font(FONT, "B", 10)
    total = "signin.total_attended" if attended else "signin.total_registered"
    pdf.multi_cell(0, 6, both(total, count=len(rows)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 9)
    pdf.ln(4)
    pdf.cell(0, 6, both("signin.checked_by") + " " + "_" * 40)
    return SignInSheet(bytes(pdf.output()), len(rows), digest)


# ---------------------------------------------------------------------------------------------
# The report

_REGISTER_KEYS = (
    "reg.no", "signin.name", "reg.organisation", "reg.country", "reg.category", "reg.modality",
    "reg.arrival", "reg.exit", "reg.kiosk", "reg.method", "reg.manual", "reg.conflict",
)  # fmt: skip
_REGISTER_WIDTHS = (11.0, 42.0, 42.0, 24.0, 20.0, 24.0, 16.0, 16.0, 22.0, 30.0, 12.0, 14.0)


def _register_cells(t: Texts, number: int, e: RegisterEntry) -> tuple[str, ...]:
    p = e.person
    return (
        str(number),
        f"{p.last_name} {p.first_name}".strip(),
        p.organization,
        country_label(t, p.country),
        category_label(t, p.category) if p.category else "",
        t(f"modality.{e.modality.value}"),
        e.first_arrival.strftime("%H:%M") if e.first_arrival else "",
        e.last_exit.strftime("%H:%M") if e.last_exit else "",
        e.kiosk,
        method_label(t, e.method),
        t("value.yes") if e.manual else "",
        t("value.yes") if e.conflict else "",
    )


def report_pdf(
    report: Report,
    title: str,
    content_sha256: str,
    chart: bytes,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The counts, the arrivals chart, refused scans and the register of each day (landscape).
    ``progress(done, total)`` is told the register rows laid out, every thousand."""
    t = report.t
    event = report.register.event
    pdf = _Document(title, content_sha256, "L", t)
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)
    venue = f"{event.venue} · " if event.venue else ""
    written = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    pdf.cell(0, 6, venue + t("pdf.zone", zone=event.timezone, time=written))
    pdf.ln(8)
    for section in report.sections:
        widths = [70.0] + [max(24.0, (273.0 - 70.0) / max(len(section.header) - 1, 1))] * (
            len(section.header) - 1
        )
        if pdf.will_page_break(16 + 7 * min(len(section.rows), 3)):
            pdf.add_page()
        pdf.set_font(FONT, "B", 12)
        pdf.cell(0, 8, section.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        _header_row(pdf, section.header, widths)
        for row in section.rows:
            if pdf.will_page_break(6):
                pdf.add_page()
            _row(pdf, ["" if v is None else str(v) for v in row], widths, 6, 8.5)
        if not section.rows:  # an empty table would leave the reader guessing
            pdf.set_font(FONT, "", 8.5)
            pdf.cell(0, 6, t("pdf.none"), border=1, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(4)
    pdf.add_page()
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 8, t("pdf.arrivals"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    height = min(170.0, 270.0 * _png_ratio(chart))
    pdf.image(io.BytesIO(chart), x=_MARGIN, h=height, w=height / _png_ratio(chart))
    total = len(report.register.entries)
    done = 0
    for day in report.register.days:
        entries = report.entries_of(day)
        pdf.repeat_header = None
        pdf.add_page()
        pdf.set_font(FONT, "B", 13)
        pdf.cell(
            0,
            8,
            t("pdf.register", date=long_date(t, day), people=count_of(t, "people", len(entries))),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        header = tuple(t(k) for k in _REGISTER_KEYS)
        pdf.repeat_header = (header, _REGISTER_WIDTHS)
        _header_row(pdf, header, _REGISTER_WIDTHS)
        for number, entry in enumerate(entries, start=1):
            if pdf.will_page_break(6):
                pdf.add_page()
            _row(pdf, _register_cells(t, number, entry), _REGISTER_WIDTHS, 6, 8.5)
            done += 1
            if progress is not None and done % 1000 == 0:
                progress(done, total)
        pdf.repeat_header = None
    if progress is not None:
        progress(total, total)
    return bytes(pdf.output())


def _png_ratio(png: bytes) -> float:
    """Height / width of a PNG, from its header."""
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    return height / width
