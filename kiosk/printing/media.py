"""What a printer address prints on: width in dots, dpi, thermal or not, page height."""

from __future__ import annotations

from typing import Any

from kiosk.printing.base import Fault, Media, PrinterError
from kiosk.printing.uri import PAGES, Kind, PrinterAddress, format_uri

DEFAULT_PAGE_DPI = 300
# Without a profile or width, previews (PDF/PNG/memory) show what an 80 mm thermal roll prints.
PREVIEW_MEDIA = Media(width_px=576, dpi=203, thermal=True)


def profile_media(name: str) -> tuple[int | None, int | None]:
    """(width in dots, dpi) from the python-escpos profile; None where the profile says Unknown."""
    from escpos.capabilities import get_profile

    media: dict[str, Any] = get_profile(name).profile_data.get("media", {})
    width = media.get("width", {}).get("pixels")
    dpi = media.get("dpi")
    return (
        width if isinstance(width, int) else None,
        dpi if isinstance(dpi, int) else None,
    )


def page_pixels(page: str, dpi: int) -> tuple[int, int]:
    width_mm, height_mm = PAGES[page]
    return round(width_mm / 25.4 * dpi), round(height_mm / 25.4 * dpi)


def media_for(address: PrinterAddress) -> Media:
    """The media the badge must be rendered for. Raises BAD_ADDRESS when it cannot be known."""
    if address.kind is Kind.SYSTEM or (address.media and not address.kind.escpos):
        page_dpi = address.dpi or DEFAULT_PAGE_DPI
        page_width, page_height = page_pixels(address.media or "A6", page_dpi)
        return Media(width_px=page_width, dpi=page_dpi, thermal=False, height_px=page_height)
    width, dpi = profile_media(address.profile) if address.profile else (None, None)
    width = address.width or width
    dpi = address.dpi or dpi
    if address.kind.escpos:
        if width is None or dpi is None:
            uri = format_uri(address)
            lead = (
                f"Printer profile {address.profile} does not say how wide its paper is"
                if address.profile
                else f"Printer address '{uri}' must say how wide the paper is"
            )
            raise PrinterError(
                Fault.BAD_ADDRESS,
                f"{lead}: add ?profile=TM-T20II (80 mm, 576 dots at 203 dpi), "
                "?profile=TM-T88V (512 dots at 180 dpi), ?profile=POS-5890 (58 mm, 384 dots), "
                "or ?width=576&dpi=203",
                printer=uri,
            )
        return Media(width_px=width, dpi=dpi, thermal=True)
    return Media(
        width_px=width or PREVIEW_MEDIA.width_px,
        dpi=dpi or PREVIEW_MEDIA.dpi,
        thermal=True,
    )


class AddressedPrinter:
    """What every printer keeps of its address: ``uri``, the address as configured, and
    ``media``, what it prints on (the address's own, see :func:`media_for`, unless given)."""

    def __init__(self, address: PrinterAddress, media: Media | None = None) -> None:
        self._address = address
        self._uri = format_uri(address)
        self._media = media or media_for(address)

    @property
    def uri(self) -> str:
        return self._uri

    @property
    def media(self) -> Media:
        return self._media
