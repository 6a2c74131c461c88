"""The meeting slip printed after the badge through the print queue (ESC/POS raster on a
58 mm roll, checked byte by byte against python-escpos' encoding of the same image), its
policy, and ``kiosk meetings slip`` files (issue 22, point 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from escpos.printer import Dummy
from PIL import Image

from kiosk.app.badging import badge_renderer
from kiosk.app.checkin import CheckinService
from kiosk.app.meetings import import_meetings
from kiosk.app.printing import PrintService, SlipPolicy
from kiosk.app.slips import SlipMaker
from kiosk.cli.main import cli
from kiosk.printing.discover import open_printer
from kiosk.printing.escpos import FRAGMENT_HEIGHT, EscposPrinter
from kiosk.storage import attendees, events
from kiosk.storage.database import Database
from tests.conftest import DAY1, Clock, People

SCHEDULE = (
    "Date,Time slot,Table,Status,Host name,Guest e-mail\n"
    "2026-09-28,10:30 - 11:00,Table 12,Accepted,Иван Иванов,ana@ugal.ro\n"
    "2026-09-28,11:30 - 12:00,Table 3,Accepted,Ivan Ivanov,ana@ugal.ro\n"
)


def _schedule(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "b2match.csv"
    path.write_text(SCHEDULE, encoding="utf-8")
    import_meetings(db, path)


class Device:
    """The ESC/POS jobs sent to a device file, in order (each job rewrites the file)."""

    def __init__(self) -> None:
        self.jobs: list[bytes] = []

    def open(self, uri: str) -> EscposPrinter:
        printer = open_printer(uri)
        assert isinstance(printer, EscposPrinter)
        real = printer.print_image

        def print_image(image: Image.Image, *, copies: int = 1) -> None:
            real(image, copies=copies)
            self.jobs.append(Path(uri.split("://", 1)[1].split("?")[0]).read_bytes())

        printer.print_image = print_image  # type: ignore[method-assign]
        return printer


def _desk(
    db: Database, clock: Clock, uri: str, device: Device
) -> tuple[CheckinService, PrintService]:
    kiosk = events.local_kiosk(db)
    printing = PrintService(db, kiosk, badge_renderer("BG-RO"), device.open, clock)
    printing.set_printer_uri(uri)
    printing.set_template("roll-58mm")
    return CheckinService(db, kiosk, clock), printing


def test_the_slip_follows_the_badge_on_the_same_58mm_escpos_roll(
    db: Database, people: People, clock: Clock, tmp_path: Path
) -> None:
    _schedule(db, tmp_path)
    device = tmp_path / "lp0"
    uri = f"escpos+file://{device}?profile=POS-5890"
    sent = Device()
    desk, printing = _desk(db, clock, uri, sent)
    printing.on_checkin(desk.scan(people.ivan))
    [job] = printing.process_due()
    assert job.state.value == "done"
    ivan = attendees.find_by_code(db.conn, people.ivan)
    assert ivan is not None
    printer = EscposPrinter(uri)
    badge = printer.encode(badge_renderer("BG-RO")(ivan, "roll-58mm"))
    [slip] = SlipMaker(db, clock).for_printer(ivan, DAY1, 384, 203, None, True)
    assert slip.size[0] == 384 and slip.mode == "1"
    assert sent.jobs == [badge, printer.encode(slip)]  # the badge, then the slip, as raster


def python_escpos_job(image: Image.Image, profile: str) -> bytes:
    """What python-escpos itself sends to print ``image`` as a raster and cut (the reference:
    its own Dummy printer, not Kiosk's encoder)."""
    reference = Dummy(profile=profile)
    reference.hw("INIT")
    reference.image(image, impl="bitImageRaster", center=False, fragment_height=FRAGMENT_HEIGHT)
    reference.cut()
    return bytes(reference.output)


@pytest.mark.parametrize(
    ("profile", "template", "dots"),
    [("POS-5890", "roll-58mm", 384), ("TM-T20II", "roll-80mm", 576)],  # 58 and 80 mm at 203 dpi
)
def test_the_slip_reaches_the_roll_as_python_escpos_raster_bytes_after_the_badge(
    db: Database, people: People, clock: Clock, tmp_path: Path, profile: str, template: str,
    dots: int,
) -> None:  # fmt: skip
    _schedule(db, tmp_path)
    uri = f"escpos+file://{tmp_path / 'lp0'}?profile={profile}"
    sent = Device()
    kiosk = events.local_kiosk(db)
    printing = PrintService(db, kiosk, badge_renderer("BG-RO"), sent.open, clock)
    printing.set_printer_uri(uri)
    printing.set_template(template)
    printing.on_checkin(CheckinService(db, kiosk, clock).scan(people.ana))
    assert [job.state.value for job in printing.process_due()] == ["done"]
    ana = attendees.find_by_code(db.conn, people.ana)
    assert ana is not None
    [slip] = SlipMaker(db, clock).for_printer(ana, DAY1, dots, 203, None, True)
    assert slip.mode == "1" and slip.width == dots  # the roll's printable width, 1 bit a dot
    badge_job, slip_job = sent.jobs
    assert slip_job == python_escpos_job(slip, profile)  # byte for byte
    # ESC @, then GS v 0 raster blocks as wide as the roll; the end is the profile's cut (GS V)
    # or, for a printer without a cutter such as the POS-5890, a paper feed (ESC d)
    assert slip_job.startswith(b"\x1b@\x1dv0\x00" + (dots // 8).to_bytes(2, "little"))
    assert badge_job != slip_job


def test_no_slip_when_the_kiosks_slip_policy_says_never(
    db: Database, people: People, clock: Clock, tmp_path: Path
) -> None:
    _schedule(db, tmp_path)
    device = tmp_path / "lp0"
    uri = f"escpos+file://{device}?profile=POS-5890"
    sent = Device()
    desk, printing = _desk(db, clock, uri, sent)
    printing.set_slip_policy(SlipPolicy.NEVER)
    printing.on_checkin(desk.scan(people.ana))
    printing.process_due()
    ana = attendees.find_by_code(db.conn, people.ana)
    assert ana is not None
    badge = EscposPrinter(uri).encode(badge_renderer("BG-RO")(ana, "roll-58mm"))
    assert sent.jobs == [badge]  # Ana has meetings, but slips are off here


def test_kiosk_meetings_slip_writes_a_pdf_and_a_png(
    db: Database, db_path: Path, people: People, tmp_path: Path
) -> None:
    _schedule(db, tmp_path)
    runner = CliRunner()
    for name, paper in (("slip.pdf", "A6"), ("slip.png", "roll-80mm")):
        result = runner.invoke(
            cli,
            ["--db", str(db_path), "meetings", "slip", people.ana, "-o", str(tmp_path / name),
             "--day", DAY1.isoformat(), "--paper", paper],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "2 meetings of Ana Ștefănescu" in result.output
    assert (tmp_path / "slip.pdf").read_bytes().startswith(b"%PDF")
    with Image.open(tmp_path / "slip.png") as png:
        assert png.width == 576
    bad = runner.invoke(cli, ["--db", str(db_path), "meetings", "slip", "NOPE1234",
                              "-o", str(tmp_path / "x.pdf")])  # fmt: skip
    assert bad.exit_code == 1 and "unknown_code" in bad.output


def test_on_an_a6_page_printer_the_slip_is_a_page_after_the_badge(
    db: Database, people: People, clock: Clock, tmp_path: Path
) -> None:
    """An office or card printer (A6 pages): the badge page, then the slip as a grey page of
    the same size, through the same queue (here a folder of PNG pages standing for the
    printer)."""
    _schedule(db, tmp_path)
    folder = tmp_path / "pages"
    folder.mkdir()
    kiosk = events.local_kiosk(db)
    printing = PrintService(db, kiosk, badge_renderer("BG-RO"), open_printer, clock)
    printing.set_printer_uri(f"png://{folder}?media=A6")
    printing.set_template("a6-portrait")
    printing.on_checkin(CheckinService(db, kiosk, clock).scan(people.ana))
    assert [job.state.value for job in printing.process_due()] == ["done"]
    pages = sorted(folder.glob("*.png"))
    assert len(pages) == 2  # the badge, then the slip
    with Image.open(pages[0]) as badge, Image.open(pages[1]) as slip:
        assert badge.size == slip.size == (1240, 1748)  # A6 at 300 dpi
        assert (badge.mode, slip.mode) == ("RGB", "L")  # a colour badge, a grey slip
