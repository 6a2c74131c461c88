"""QR ticket images for mailing, and the mail-merge CSV that goes with them."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import qrcode
import qrcode.constants
from PIL import Image, ImageDraw, ImageFont

from kiosk.assets import font_path
from kiosk.core import codes
from kiosk.core.filenames import inside, safe_part
from kiosk.core.model import Attendee
from kiosk.reports.export import CsvTable, write_atomic

_MODULE_PX = 10  # pixels per QR module: crisp when printed at home or shown on a phone
_BORDER = 4  # quiet zone in modules, as the QR standard asks


def ticket_file_name(attendee: Attendee) -> str:
    """Predictable, ASCII-only: sorts by attendee id and names the code. The code comes from a
    registration file, so it is made safe (no separators, ``..``, NUL or device names): the
    file always lands in the folder it is written to, and the id keeps names distinct."""
    return f"ticket-{attendee.id:05d}-{safe_part(attendee.code, fallback='code')}.png"


def qr_image(code: str) -> Image.Image:
    """The QR symbol for a code, black on white, error correction M."""
    qr = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=_MODULE_PX, border=_BORDER
    )
    qr.add_data(code)
    qr.make(fit=True)
    image = qr.make_image(fill_color="black", back_color="white").get_image()
    return image.convert("L")


def _fit_font(
    draw: ImageDraw.ImageDraw, text: str, width: int, size: int, bold: bool
) -> ImageFont.FreeTypeFont:
    while True:
        font = ImageFont.truetype(str(font_path(bold)), size)
        if size <= 12 or draw.textlength(text, font=font) <= width:
            return font
        size -= 2


def ticket_image(attendee: Attendee, event_name: str, qr_text: str | None = None) -> Image.Image:
    """A ticket: event name, the person's name, the QR code and the code in readable groups.

    ``qr_text`` is what the QR says when it is not the ticket code (a signed code); the code
    is still printed under it, for typing at a desk that has the person in its list.
    """
    qr = qr_image(qr_text or attendee.code)
    width = max(qr.width, 560)
    margin = 24
    canvas = Image.new("L", (width, qr.height + 190), 255)
    draw = ImageDraw.Draw(canvas)
    y = margin
    for text, size, bold in ((event_name, 24, False), (attendee.name, 34, True)):
        font = _fit_font(draw, text, width - 2 * margin, size, bold)
        draw.text((width // 2, y), text, font=font, fill=0, anchor="mt", language="bg")
        y += size + 16
    canvas.paste(qr, ((width - qr.width) // 2, y))
    y += qr.height
    font = ImageFont.truetype(str(font_path(True)), 30)
    draw.text((width // 2, y), codes.display(attendee.code), font=font, fill=0, anchor="mt")
    return canvas


@dataclass(frozen=True, slots=True)
class TicketFiles:
    folder: Path
    images: int
    merge_csv: Path


def write_tickets(
    people: Sequence[Attendee],
    folder: Path,
    event_name: str,
    progress: Callable[[int, int], None] | None = None,
    qr_text: Callable[[Attendee], str] | None = None,
    delimiter: str = ",",
) -> TicketFiles:
    """One PNG per attendee plus ``mail-merge.csv`` (name, email, code, file), written by the
    one CSV writer (every cell formula-safe) with ``delimiter`` ("," ";" or "tab").

    ``qr_text`` gives what each QR says instead of the ticket code (signed codes).
    """
    folder.mkdir(parents=True, exist_ok=True)
    table = CsvTable(delimiter)
    table.row(["name", "first_name", "last_name", "email", "code", "file"])
    for done, person in enumerate(people, start=1):
        name = ticket_file_name(person)
        out = io.BytesIO()
        text = qr_text(person) if qr_text is not None else None
        ticket_image(person, event_name, text).save(out, format="PNG", optimize=True)
        write_atomic(inside(folder, name), out.getvalue())
        table.row(
            [person.name, person.first_name, person.last_name, person.email, person.code, name]
        )
        if progress:
            progress(done, len(people))
    merge = folder / "mail-merge.csv"
    write_atomic(merge, table.data())
    return TicketFiles(folder, len(people), merge)
