"""Sample people for badge tests: the longest names and organisations the event expects."""

from __future__ import annotations

import pytest

from kiosk.badges import BadgeData

EVENT = "Bulgaria–Romania Business Cluster Forum 2026"

LONG_BG = BadgeData(
    first_name="Константин",
    last_name="Стефанов Първанов-Христов",
    organization="Асоциация на машиностроителите и металообработващите предприятия в Русе",
    country="България",
    category="speaker",
    code="7KX4M2PT9",
    event_name=EVENT,
    language="bg",
)
LONG_RO = BadgeData(
    first_name="Ștefan-Alexandru",
    last_name="Bălănescu-Ionescu",
    organization="Universitatea „Dunărea de Jos” din Galați — Facultatea de Inginerie",
    country="România",
    category="participant",
    code="H3WN8R5CA",
    event_name=EVENT,
    language="ro",
)


@pytest.fixture(params=[LONG_BG, LONG_RO], ids=["long-bulgarian", "long-romanian"])
def long_name(request: pytest.FixtureRequest) -> BadgeData:
    data: BadgeData = request.param
    return data
