"""``kiosk self-test``, the part without Qt: can this installation keep an event database, draw
Bulgarian and Romanian names, render a badge and read a QR code? Each check returns a structured
:class:`Check` (a code, a status, a detail for people); nothing here raises.

The same checks run from a source checkout, an installed wheel and a frozen bundle; the report
names which one it is and where the assets were found.
"""

from __future__ import annotations

import platform
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from importlib import metadata
from pathlib import Path

from kiosk import __version__
from kiosk.assets import ICON_SIZES, assets_dir, font_path, icon_path, installation_kind

#: Every letter the first event's names and the UI need beyond ASCII: the Bulgarian alphabet
#: and the Romanian letters with breve, circumflex and comma below (NFC code points).
BULGARIAN = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюя"
ROMANIAN = "ĂÂÎȘȚăâîșț"
NEEDED_GLYPHS = BULGARIAN + ROMANIAN + "„”–—…№"


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"  # works, with something missing that staff should know of
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Check:
    code: str  # stable name of the check: assets, database, fonts, badge, qr, qt, …
    status: Status
    detail: str

    @property
    def failed(self) -> bool:
        return self.status is Status.FAILED


def guarded(code: str, check: Callable[[], Check]) -> Check:
    """Run one check; an exception becomes a failed check naming it (never a traceback)."""
    try:
        return check()
    except Exception as exc:  # the self-test reports every failure, it never stops at one
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Check(
            code,
            Status.FAILED,
            f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})",
        )


def environment() -> dict[str, str]:
    return {
        "version": __version__,
        "kind": installation_kind(),
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.release()} {platform.machine()}",
        "executable": sys.executable,
    }


def check_assets() -> Check:
    folder = assets_dir()
    templates = sorted(p.stem for p in (folder / "badges").glob("*.toml") if p.stem[0] != "_")
    missing = [
        str(p.relative_to(folder))
        for p in (font_path(), font_path(bold=True), icon_path(), *map(icon_path, ICON_SIZES))
        if not p.is_file()
    ]
    if missing or not templates:
        what = ", ".join(missing) if missing else "badge templates"
        return Check("assets", Status.FAILED, f"missing in {folder}: {what}; reinstall Kiosk")
    return Check(
        "assets",
        Status.OK,
        f"{folder} ({len(templates)} badge templates, 2 fonts, {len(ICON_SIZES) + 1} icons)",
    )


def check_database(folder: Path | None = None) -> Check:
    """Create an event in a temporary database, check a person in, close it, reopen it and
    read the check-in back."""
    from kiosk.app.checkin import CheckinService
    from kiosk.core import codes
    from kiosk.storage import attendees, events, lookup
    from kiosk.storage.attendees import NewAttendee
    from kiosk.storage.database import Database

    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-", dir=folder) as tmp:
        path = Path(tmp) / "event.db"
        today = datetime.now(UTC).date()
        code = codes.generate()
        with Database(path, create=True) as db:
            events.create_event(db, "Self-test", [today], "UTC")
            with db.write() as conn:
                attendees.insert_many(
                    conn,
                    [NewAttendee(code, "Ștefan", "Иванов", "Self-test", "Romania")],
                    datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                )
            admitted = CheckinService(db).scan(code).decision.admitted
        with Database(path) as db:
            rows = lookup.scan_kinds(db, code, "Иванов")
            intact = db.integrity_ok()
    if not admitted or len(rows) != 1 or not intact:
        return Check(
            "database",
            Status.FAILED,
            f"a check-in was not read back from {path} (admitted={admitted}, "
            f"rows={len(rows)}, integrity={'ok' if intact else 'damaged'})",
        )
    return Check(
        "database",
        Status.OK,
        f"wrote, closed, reopened and read back a check-in (SQLite {sqlite3.sqlite_version}, "
        f"in a temporary folder under {Path(tmp).parent})",
    )


def check_fonts() -> Check:
    from PIL import ImageFont

    from kiosk.badges.fonts import describe, missing_glyphs

    problems = []
    for bold in (False, True):
        path = font_path(bold)
        ImageFont.truetype(str(path), 24)  # FreeType can open it
        missing = missing_glyphs(NEEDED_GLYPHS, path)
        if missing:
            problems.append(f"{path.name} lacks {describe(missing)}")
    if problems:
        return Check("fonts", Status.FAILED, "; ".join(problems))
    return Check(
        "fonts",
        Status.OK,
        f"{font_path().name} and {font_path(True).name} draw all {len(NEEDED_GLYPHS)} "
        "Bulgarian and Romanian letters needed",
    )


def _decode(image: object) -> list[str]:
    import zxingcpp
    from PIL import Image

    assert isinstance(image, Image.Image)
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    return [r.text for r in zxingcpp.read_barcodes(image.convert("L"), formats=formats)]


def check_badge() -> Check:
    from kiosk.app.printing import DEFAULT_TEMPLATE
    from kiosk.badges.render import BadgeData, render_badge
    from kiosk.badges.template import load_badge_template
    from kiosk.core import codes

    code = codes.generate()
    data = BadgeData(
        first_name="Ștefan-Țiprian",
        last_name="Жечев",
        organization="Клъстер Мехатроника și Automatizări",
        country="Bulgaria",
        category="speaker",
        code=code,
        event_name="Self-test",
    )
    image = render_badge(data, load_badge_template(DEFAULT_TEMPLATE))
    found = _decode(image)
    if found != [code]:
        return Check(
            "badge", Status.FAILED, f"the {DEFAULT_TEMPLATE} badge's QR read back as {found}"
        )
    return Check(
        "badge",
        Status.OK,
        f"{DEFAULT_TEMPLATE} badge rendered ({image.width}×{image.height} px) and its QR read back",
    )


def check_qr() -> Check:
    import zxingcpp

    from kiosk.core import codes
    from kiosk.tickets.images import qr_image

    code = codes.generate()
    found = _decode(qr_image(code))
    if found != [code]:
        return Check("qr", Status.FAILED, f"encoded {code!r}, zxing-cpp read {found}")
    version = getattr(zxingcpp, "__version__", "")
    if not version:
        try:
            version = metadata.version("zxing-cpp")
        except metadata.PackageNotFoundError:  # a frozen bundle may carry no metadata
            version = ""
    return Check(
        "qr", Status.OK, f"encoded {code} and decoded it with zxing-cpp {version}".rstrip()
    )


def core_checks(temp_parent: Path | None = None) -> list[Check]:
    return [
        guarded("assets", check_assets),
        guarded("database", lambda: check_database(temp_parent)),
        guarded("fonts", check_fonts),
        guarded("badge", check_badge),
        guarded("qr", check_qr),
    ]
