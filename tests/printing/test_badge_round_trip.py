"""A real badge, through the bytes a thermal printer receives and back: the QR still scans."""

from __future__ import annotations

import pytest

from kiosk.app.badging import badge_template
from kiosk.badges.render import BadgeData, render_badge
from kiosk.printing.base import Media
from kiosk.printing.escpos import encode_job
from tests.printing.raster import printed_image
from tests.qr import read_qr

PROFILES = {
    "roll-80mm": ("TM-T20II", Media(576, 203, True)),
    "roll-80mm-tm-t88": ("TM-T88V", Media(512, 180, True)),
    "roll-58mm": ("POS-5890", Media(384, 203, True)),
}


@pytest.mark.parametrize("template", sorted(PROFILES))
def test_the_qr_of_a_rendered_badge_decodes_from_the_escpos_raster(template: str) -> None:
    profile, media = PROFILES[template]
    data = BadgeData(
        "Ștefan-Alexandru", "Bălănescu-Ionescu", "Universitatea „Dunărea de Jos” din Galați",
        "Romania", "speaker", "7KX4M2PT9", "BG-RO Cluster Conference 2026",
    )  # fmt: skip
    badge = render_badge(data, badge_template(template))
    stream = encode_job(badge, media, profile=profile)
    rebuilt = printed_image(stream)
    assert rebuilt.size == badge.size
    assert rebuilt.convert("1").tobytes() == badge.tobytes()
    assert read_qr(rebuilt) == ["7KX4M2PT9"]
