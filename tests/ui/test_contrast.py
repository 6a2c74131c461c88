"""Contrast of every colour the style sheets and the painted widgets use, computed with WCAG
2.1's formula (tests/ui/a11y_tools.py): text at least 4.5:1, large text (18 pt, or 14 pt bold)
at least 3:1 (SC 1.4.3); the outline or fill that shows where a control is, and every
meaningful graphic (result icons, key edges), at least 3:1 against what surrounds it (SC 1.4.11).
Disabled controls are exempt, as WCAG says.

The sheets are read rule by rule: a rule's text colour is checked against its own background,
else its ancestor's (``#SelfService QLabel`` on ``#SelfService``), else the page; properties of
the same selector in later rules override earlier ones, as Qt's cascade does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from kiosk.ui import style
from kiosk.ui.selfservice.common import kiosk_sheet
from kiosk.ui.widgets import touch_keyboard
from tests.ui.a11y_tools import contrast

COMPONENTS = ("QPushButton", "QLineEdit", "QListWidget", "QToolButton", "QComboBox")
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


@dataclass
class Rule:
    selector: str
    props: dict[str, str] = field(default_factory=dict)

    def colour(self, name: str) -> str | None:
        value = self.props.get(name)
        if value is None and name == "background":
            value = self.props.get("background-color")
        found = _HEX.search(value or "")
        return found.group(0).lower() if found else None

    def border(self) -> str | None:
        for name in ("border-color", "border", "border-bottom-color", "border-bottom"):
            found = _HEX.search(self.props.get(name, ""))
            if found:
                return found.group(0).lower()
        return None

    def points(self) -> float:
        found = re.search(r"(\d+)pt", self.props.get("font-size", ""))
        return float(found.group(1)) if found else 10.0

    def bold(self) -> bool:
        weight = self.props.get("font-weight", "")
        return weight in ("bold", "600", "700", "800", "900")


def rules(sheet: str) -> dict[str, Rule]:
    """Selector → merged properties, later rules winning."""
    merged: dict[str, Rule] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        props = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                props[name.strip()] = value.strip()
        for selector in selectors.split(","):
            selector = " ".join(selector.split())
            merged.setdefault(selector, Rule(selector)).props.update(props)
    return merged


def base_of(selector: str) -> str:
    """The selector without its state (``QPushButton:pressed`` → ``QPushButton``)."""
    return re.sub(r":[a-z-]+$", "", selector)


def general(selector: str) -> list[str]:
    """The selector, then the more general ones that also match the same widget, most
    specific first: without the object name (``QToolButton#ExitMode:checked`` →
    ``QToolButton:checked``), without the state, without both."""
    plain = re.sub(r"#[A-Za-z]+(?=(:[a-z-]+)?$)", "", selector)
    plain = selector if plain.endswith(" ") or not plain else plain
    found = []
    for each in (selector, plain, base_of(selector), base_of(plain)):
        if each not in found:
            found.append(each)
    return found


def inherited(found: dict[str, Rule], selector: str, what: str) -> str | None:
    """A colour from the selector, a more general one, or an ancestor."""
    parts = selector.split(" ")
    for end in range(len(parts), 0, -1):
        for each in general(" ".join(parts[:end])):
            rule = found.get(each)
            if rule is None:
                continue
            colour = rule.border() if what == "border" else rule.colour(what)
            if colour:
                return colour
    return None


def outside(found: dict[str, Rule], selector: str, page: str) -> str:
    parts = selector.split(" ")
    for end in range(len(parts) - 1, 0, -1):
        rule = found.get(" ".join(parts[:end]))
        if rule is not None and rule.colour("background"):
            return rule.colour("background") or page
    return page


def problems(sheet: str, page: str, surfaces: tuple[str, ...] = ()) -> list[str]:
    found = rules(sheet)
    bad = []
    for selector, rule in found.items():
        if ":disabled" in selector or "::item" in selector or "::menu-indicator" in selector:
            continue
        text = inherited(found, selector, "color")
        fill = inherited(found, selector, "background") or outside(found, selector, page)
        if text and (rule.colour("color") or rule.colour("background")):
            same = found.get(base_of(selector), rule)
            large = max(rule.points(), same.points()) >= 18 or (
                max(rule.points(), same.points()) >= 14 and (rule.bold() or same.bold())
            )
            need = 3.0 if large else 4.5
            ratio = contrast(text, fill)
            if ratio < need:
                bad.append(f"{selector}: text {text} on {fill} is {ratio:.2f}:1 (< {need})")
        last = selector.split(" ")[-1]
        if not any(last.startswith(kind) for kind in COMPONENTS):
            continue
        if not (rule.border() or rule.colour("background")):
            continue  # drawn by the platform style (Fusion), not by our sheet
        own = rule.colour("background") or fill
        edge = inherited(found, selector, "border")
        for around in {outside(found, selector, page), *surfaces}:
            shown = max(contrast(edge, around) if edge else 1.0, contrast(own, around))
            if shown < 3.0:
                bad.append(f"{selector}: outline {edge} / fill {own} on {around} {shown:.2f}:1")
    return bad


def test_the_desk_sheet_passes() -> None:
    assert problems(style.SHEET, "#f7f8fa") == []
    assert problems(style.SHEET, "#ffffff") == []  # dialogs' cards and tables are white


def test_the_desk_high_contrast_sheet_passes() -> None:
    assert problems(style.SHEET + style.HIGH_CONTRAST_SHEET, "#ffffff") == []


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_kiosk_sheets_pass(high_contrast: bool) -> None:
    sheet = kiosk_sheet(high_contrast=high_contrast)
    found = rules(sheet)
    page = found["#SelfService"].colour("background")
    assert page is not None
    bars = tuple(
        colour
        for name in ("#SelfService #AccessBar", "#SelfService #MoreTime")
        if (colour := found[name].colour("background"))
    )
    assert problems(sheet, page, bars) == []


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_touch_keyboard_keys_can_be_seen_and_read(high_contrast: bool) -> None:
    if high_contrast:
        sheet = touch_keyboard._HIGH_CONTRAST_SHEET.format(letter_px=30, action_px=22)
        page = "#000000"
    else:
        sheet = touch_keyboard._SHEET.format(letter_px=30, action_px=22, **touch_keyboard._NORMAL)
        page = touch_keyboard._NORMAL["panel"]
    assert problems(sheet, page) == []
    if not high_contrast:
        colours = touch_keyboard._NORMAL
        # A key is seen by its lower edge: the edge against both the key and the panel.
        for key, edge in (("key", "key_edge"), ("action", "action_edge")):
            assert contrast(colours[edge], colours["panel"]) >= 3.0
            assert contrast(colours[edge], colours[key]) >= 3.0


@pytest.mark.parametrize("severity", sorted(style.STATUS))
def test_the_desk_result_band_words_and_icon_pass(severity: str) -> None:
    band, ink = style.STATUS[severity]
    assert contrast(ink, band) >= 4.5  # the word, the detail and the icon share the ink


@pytest.mark.parametrize("severity", ["ok", "attention", "refused"])
def test_the_kiosk_result_icon_stands_out_from_its_background(severity: str) -> None:
    light = rules(kiosk_sheet())["#SelfService"].colour("background")
    assert light is not None
    assert contrast(style.KIOSK_ICON[severity], light) >= 3.0
    assert contrast(style.KIOSK_ICON_HIGH_CONTRAST[severity], "#000000") >= 3.0


def test_status_colours_painted_by_code_pass() -> None:
    # The desk's "Today" column (on white and on the alternate row), the print queue's failed
    # jobs, the printer and sync buttons in trouble, the kiosk's staff sign.
    for ink in ("#c62828", "#1e7d32"):
        for row in ("#ffffff", "#f3f5f7"):
            assert contrast(ink, row) >= 4.5
    assert contrast("#ffffff", "#c62828") >= 4.5
    assert contrast("#ffffff", "#1e7d32") >= 4.5


def test_the_checker_would_catch_the_old_colours() -> None:
    """The colours of the issue's measurements fail here, so the checker can fail."""
    old = "QLabel#Muted { color: #607d8b; }\nQLineEdit#Search { border: 2px solid #90a4ae; }"
    assert len(problems(old, "#f7f8fa")) == 2
    assert contrast("#f2a900", "#f4f6f8") < 3.0  # the old amber kiosk icon
