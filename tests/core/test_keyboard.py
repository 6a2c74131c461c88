"""Scanned text is mapped back to what a US-configured scanner meant, on every desk layout."""

from __future__ import annotations

import random
import re
import string
import unicodedata
from pathlib import Path

import pytest

from kiosk.core import codes, keyboard
from kiosk.core.keyboard import LAYOUTS, US_KEYS, US_KEYS_SHIFTED, Layout

NON_US = [name for name, layout in LAYOUTS.items() if not layout.is_us]
CYRILLIC = ["bg", "bg(phonetic)", "bg(bas_phonetic)"]


def sample_codes(n: int = 300) -> list[str]:
    rng = random.Random(20260928)
    result = []
    for _ in range(n):
        body = "".join(rng.choice(codes.ALPHABET) for _ in range(codes.BODY_LENGTH))
        result.append(body + codes.check_character(body))
    return result


# --- what each layout types -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("layout", "typed"),
    [
        ("bg", "ЕЭШ25-Юы7Щ"),
        ("bg(phonetic)", "ЕЖТ25-ЗЯ7Ъ"),
        ("bg(bas_phonetic)", "ЕВТ25-ЗЧ7Ъ"),
        ("ro(std)", "EVT25-ZQ7Y"),
        ("ro", "EVT25-ZQ7Y"),
        ("ro(winkeys)", "EVT25+YQ7Z"),
        ("us", "EVT25-ZQ7Y"),
    ],
)
def test_a_us_scanner_sending_evt25_types_what_the_research_measured(
    layout: str, typed: str
) -> None:
    assert keyboard.from_us("EVT25-ZQ7Y", layout) == typed


def test_bds_puts_punctuation_and_cyrillic_where_the_standard_says() -> None:
    assert keyboard.from_us("qwertyuiop", "bg") == ",уеишщксдз"
    assert keyboard.from_us("asdfghjkl;'", "bg") == "ьяаожгтнвмч"
    assert keyboard.from_us("zxcvbnm,./", "bg") == "юйъэфхпрлб"
    assert keyboard.from_us("Q", "bg") == "ы"  # Shift+q is a small yeru on BDS
    assert keyboard.from_us("=", "bg") == "."


def test_phonetic_layouts_put_cyrillic_letters_on_their_latin_look_alikes() -> None:
    assert keyboard.from_us("qwertyuiop", "bg(phonetic)") == "явертъуиоп"
    assert keyboard.from_us("qwertyuiop", "bg(bas_phonetic)") == "чшертъуиоп"
    assert keyboard.from_us("asdfghjkl", "bg(phonetic)") == "асдфгхйкл"
    assert keyboard.from_us("zxcvbnm", "bg(phonetic)") == "зьцжбнм"
    assert keyboard.from_us("zxcvbnm", "bg(bas_phonetic)") == "зжцвбнм"


def test_romanian_layouts_keep_letters_and_digits_and_move_punctuation() -> None:
    assert keyboard.from_us("[]\\;'", "ro(std)") == "ăîâșț"
    assert keyboard.from_us(string.ascii_letters + string.digits, "ro(std)") == (
        string.ascii_letters + string.digits
    )
    assert keyboard.from_us("yzYZ-/", "ro(winkeys)") == "zyZY+-"


def test_every_layout_has_each_character_on_one_key_only() -> None:
    for layout in LAYOUTS.values():
        typed = layout.plain + layout.shifted
        assert len(set(typed)) == len(typed) == 2 * len(US_KEYS), layout.name


def test_a_layout_with_a_character_on_two_keys_is_refused() -> None:
    with pytest.raises(ValueError, match="two keys"):
        Layout("broken", "Broken", "a" + US_KEYS[1:], US_KEYS_SHIFTED)


# --- the tables agree with xkeyboard-config ----------------------------------------------------

XKB = Path("/usr/share/X11/xkb/symbols")
XKB_KEYS = (
    ["TLDE"]
    + [f"AE{i:02}" for i in range(1, 13)]
    + [f"AD{i:02}" for i in range(1, 13)]
    + ["BKSL"]
    + [f"AC{i:02}" for i in range(1, 12)]
    + [f"AB{i:02}" for i in range(1, 11)]
)
KEYSYMS = {
    "Abreve": "Ă", "Acircumflex": "Â", "EuroSign": "€", "Icircumflex": "Î", "abreve": "ă",
    "acircumflex": "â", "ampersand": "&", "apostrophe": "'", "asciicircum": "^",
    "asciitilde": "~", "asterisk": "*", "at": "@", "backslash": "\\", "bar": "|",
    "braceleft": "{", "braceright": "}", "bracketleft": "[", "bracketright": "]", "colon": ":",
    "comma": ",", "currency": "¤", "dollar": "$", "doublelowquotemark": "„", "endash": "–",
    "equal": "=", "exclam": "!", "grave": "`", "greater": ">", "icircumflex": "î",
    "leftdoublequotemark": "“", "less": "<", "minus": "-", "numbersign": "#", "numerosign": "№",
    "parenleft": "(", "parenright": ")", "percent": "%", "period": ".", "plus": "+",
    "question": "?", "quotedbl": '"', "rightdoublequotemark": "”", "section": "§",
    "semicolon": ";", "slash": "/", "underscore": "_",
}  # fmt: skip


def keysym_char(name: str) -> str:
    if re.fullmatch(r"U[0-9A-Fa-f]{4,6}", name):
        return chr(int(name[1:], 16))
    if len(name) == 1:
        return name
    if name.startswith("Cyrillic_"):
        letter = name.removeprefix("Cyrillic_")
        case = "SMALL" if letter.islower() else "CAPITAL"
        spelled = {"shorti": "SHORT I", "softsign": "SOFT SIGN", "hardsign": "HARD SIGN"}
        return unicodedata.lookup(
            f"CYRILLIC {case} LETTER {spelled.get(letter.lower(), letter.upper())}"
        )
    return KEYSYMS[name]


def xkb_levels(file: str, variant: str) -> dict[str, list[str]]:
    """Key name -> level names of one xkb_symbols block, following its includes."""
    text = (XKB / file).read_text(encoding="utf-8")
    blocks = dict(re.findall(r'xkb_symbols\s+"(\w+)"\s*\{(.*?)\n\};', text, re.S))
    keys: dict[str, list[str]] = {}
    for line in blocks[variant].splitlines():
        line = line.split("//")[0]
        include = re.match(r'\s*include\s+"(\w+)(?:\((\w+)\))?"', line)
        if include and include.group(1) in ("us", "bg", "ro"):
            default = {"us": "basic", "ro": "basic", "bg": "bds"}[include.group(1)]
            keys.update(xkb_levels(include.group(1), include.group(2) or default))
        key = re.match(r"\s*key\s+<(\w+)>\s*\{[^\[]*\[(.*?)\]", line)
        if key:
            keys[key.group(1)] = [s.strip() for s in key.group(2).split(",")]
    return keys


@pytest.mark.skipif(not (XKB / "bg").exists(), reason="xkeyboard-config is not installed")
@pytest.mark.parametrize(
    ("name", "file", "variant"),
    [
        ("us", "us", "basic"),
        ("bg", "bg", "bds"),
        ("bg(phonetic)", "bg", "phonetic"),
        ("bg(bas_phonetic)", "bg", "bas_phonetic"),
        ("ro", "ro", "basic"),
        ("ro(std)", "ro", "std"),
        ("ro(winkeys)", "ro", "winkeys"),
    ],
)
def test_layout_tables_match_xkeyboard_config(name: str, file: str, variant: str) -> None:
    levels = xkb_levels(file, variant)
    assert LAYOUTS[name].plain == "".join(keysym_char(levels[k][0]) for k in XKB_KEYS)
    assert LAYOUTS[name].shifted == "".join(keysym_char(levels[k][1]) for k in XKB_KEYS)


# --- mapping back ----------------------------------------------------------------------------


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_every_code_symbol_round_trips_on_every_layout(layout: str) -> None:
    for symbol in codes.ALPHABET + "-" + string.ascii_lowercase:
        typed = keyboard.from_us(symbol, layout)
        assert LAYOUTS[layout].to_us(typed) == symbol, (layout, symbol, typed)


@pytest.mark.parametrize("layout", CYRILLIC)
def test_every_code_symbol_typed_on_a_cyrillic_layout_maps_back_when_that_layout_is_preferred(
    layout: str,
) -> None:
    for symbol in codes.ALPHABET:
        assert keyboard.to_us(keyboard.from_us(symbol, layout), prefer=[layout])[0] == symbol


def test_codes_typed_on_bds_map_back_exactly_and_name_the_layout() -> None:
    for code in sample_codes():
        typed = keyboard.from_us(code, "bg")
        assert keyboard.to_us(typed) == (code, "bg")


@pytest.mark.parametrize("layout", ["bg(phonetic)", "bg(bas_phonetic)"])
def test_codes_typed_on_a_phonetic_layout_map_back_with_the_check_character_or_a_preference(
    layout: str,
) -> None:
    right = 0
    all_codes = sample_codes()
    for code in all_codes:
        typed = keyboard.from_us(code, layout)
        assert keyboard.to_us(typed, accept=codes.is_valid, prefer=[layout]) == (code, layout)
        right += keyboard.to_us(typed, accept=codes.is_valid)[0] == code
    # Without a preference a phonetic text can, rarely, also read as a valid code on BDS.
    assert right >= 0.98 * len(all_codes)


def test_the_check_character_tells_phonetic_from_bds() -> None:
    typed = keyboard.from_us("EVT25ZQ7Y", "bg(phonetic)")
    assert keyboard.to_us(typed)[1] == "bg"  # without a check, BDS is tried first
    real = "7K2M9XBR" + codes.check_character("7K2M9XBR")
    typed = keyboard.from_us(real, "bg(phonetic)")
    assert keyboard.to_us(typed) == ("7U2:9A?<<", "bg")
    assert keyboard.to_us(typed, accept=codes.is_valid) == (real, "bg(phonetic)")


@pytest.mark.parametrize("layout", ["ro", "ro(std)", "ro(winkeys)", "us"])
def test_our_codes_type_unchanged_on_every_latin_layout(layout: str) -> None:
    for code in sample_codes(50):
        typed = keyboard.from_us(code, layout)
        assert typed == code
        assert keyboard.to_us(typed) == (code, None)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_numeric_barcodes_type_the_same_on_every_layout(layout: str) -> None:
    assert keyboard.from_us("123456789012", layout) == "123456789012"


@pytest.mark.parametrize("layout", NON_US)
def test_a_pretix_secret_typed_on_a_layout_round_trips(layout: str) -> None:
    secret = "fx7kq9mza2bcpl4wy8ru"
    typed = keyboard.from_us(secret, layout)
    assert LAYOUTS[layout].to_us(typed) == secret
    if not keyboard.is_plain_ascii(typed):
        assert keyboard.to_us(typed, prefer=[layout]) == (secret, layout)


def test_ascii_text_is_kept_as_it_is() -> None:
    assert keyboard.to_us("EVT25-000123") == ("EVT25-000123", None)
    assert keyboard.to_us("a,b.c;") == ("a,b.c;", None)
    assert keyboard.to_us("") == ("", None)


def test_text_no_layout_explains_is_kept_as_it_is() -> None:
    assert keyboard.to_us("Иван-Ăîșț-ü") == ("Иван-Ăîșț-ü", None)


def test_ascii_punctuation_inside_cyrillic_text_is_mapped_by_key_too() -> None:
    # BDS types q as a comma: a lower-case secret with a q keeps it.
    assert keyboard.to_us(keyboard.from_us("q1w2", "bg")) == ("q1w2", "bg")


def test_romanian_standard_text_maps_back() -> None:
    assert keyboard.to_us("ab[c]") == ("ab[c]", None)
    assert keyboard.to_us(keyboard.from_us("ab[c]", "ro(std)")) == ("ab[c]", "ro(std)")


def test_detect_layout_names_the_layout_that_typed_the_text() -> None:
    assert keyboard.detect_layout("ЕЭШ25-Юы7Щ", "EVT25-ZQ7Y") == "bg"
    assert keyboard.detect_layout("EVT25+YQ7Z", "EVT25-ZQ7Y") == "ro(winkeys)"
    assert keyboard.detect_layout("EVT25", "EVT25") is None
    assert keyboard.detect_layout("ü", "y") is None


def test_from_us_refuses_characters_that_are_not_on_a_us_keyboard() -> None:
    with pytest.raises(ValueError):
        keyboard.from_us("Ж", "bg")
    with pytest.raises(KeyError):
        keyboard.from_us("A", "de")


# --- physical keys ---------------------------------------------------------------------------


def test_physical_keys_on_x11_wayland_and_windows() -> None:
    assert keyboard.physical_char(38, False, "xcb") == "a"
    assert keyboard.physical_char(38, True, "xcb") == "A"
    assert keyboard.physical_char(38, False, "wayland") == "a"
    assert keyboard.physical_char(0x1E, False, "windows") == "a"
    assert keyboard.physical_char(0x1E, True, "windows") == "A"
    assert keyboard.physical_char(24, False, "xcb") == "q"
    assert keyboard.physical_char(20, False, "xcb") == "-"
    assert keyboard.physical_char(20, True, "xcb") == "_"
    assert keyboard.physical_char(65, False, "xcb") == " "


def test_unknown_platforms_zero_and_keys_outside_the_block_have_no_physical_character() -> None:
    assert keyboard.physical_char(38, False, "offscreen") is None
    assert keyboard.physical_char(38, False, "cocoa") is None
    assert keyboard.physical_char(0, False, "xcb") is None
    assert keyboard.physical_char(75, False, "xcb") is None  # F9
    assert keyboard.physical_char(0x3B, False, "windows") is None  # F1


@pytest.mark.parametrize("platform", ["xcb", "wayland", "windows"])
def test_every_us_character_has_a_key_and_comes_back_from_it(platform: str) -> None:
    for plain, shifted in zip(US_KEYS + " ", US_KEYS_SHIFTED + " ", strict=True):
        code = keyboard.native_scan_code(plain, platform)
        assert code is not None
        assert keyboard.native_scan_code(shifted, platform) == code
        assert keyboard.physical_char(code, False, platform) == plain
        assert keyboard.physical_char(code, True, platform) == shifted
    assert keyboard.native_scan_code("Ж", platform) is None
    assert keyboard.native_scan_code("a", "offscreen") is None
