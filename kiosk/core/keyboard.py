"""What a USB barcode scanner meant, whatever keyboard layout the computer has.

A scanner in "keyboard wedge" mode does not type characters: it presses keys (HID usage codes)
as if it were a US keyboard, and the operating system turns each key into a character through
the layout that is active. On a Bulgarian BDS desk the code ``EVT25-ZQ7Y`` arrives as
``ЕЭШ25-Юы7Щ``. This module undoes that, in two ways:

* :func:`physical_char` maps the key's native scan code (which Qt reports with every key event)
  back to the character a US layout puts on that key. This is exact when the platform gives the
  scan code (X11 and Wayland: the X keycode, evdev + 8; Windows: the PS/2 set-1 scan code).
* :func:`to_us` maps the received text back through the tables of the layouts a desk in Bulgaria
  or Romania may have, for when no scan code is known (macOS, remote desktops, tests).

The tables come from xkeyboard-config (``/usr/share/X11/xkb/symbols/bg``, ``ro`` and ``us``):
the first two levels (plain and Shift) of the 47 keys of the US alphanumeric block, in the order
of :data:`US_KEYS`. The Windows layouts of the same name put the letters and digits on the same
keys; punctuation may differ in places.

Standard library only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: The 47 keys of the alphanumeric block, in xkb order: TLDE, AE01-AE12, AD01-AD12, BKSL,
#: AC01-AC11, AB01-AB10, as a US layout types them without and with Shift.
US_KEYS = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
US_KEYS_SHIFTED = '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?'

# The evdev key code of each key of US_KEYS (linux/input-event-codes.h). PS/2 scan code set 1,
# which Windows reports, uses the same numbers for these keys.
_EVDEV_CODES: tuple[int, ...] = (
    41,  # grave
    *range(2, 14),  # 1 .. =
    *range(16, 28),  # q .. ]
    43,  # backslash
    *range(30, 41),  # a .. '
    *range(44, 54),  # z .. /
)
_EVDEV_SPACE = 57

#: Offset from the evdev code to the native scan code Qt reports, per Qt platform plugin name.
_SCAN_CODE_OFFSET: Mapping[str, int] = MappingProxyType(
    {"xcb": 8, "wayland": 8, "wayland-egl": 8, "wayland-brcm": 8, "windows": 0}
)


@dataclass(frozen=True, slots=True)
class Layout:
    """One keyboard layout: what each key of :data:`US_KEYS` types, without and with Shift."""

    name: str  # the xkb name, e.g. "bg" or "bg(phonetic)"
    title: str  # English, for logs; the UI translates the name itself
    plain: str
    shifted: str
    _to_us: Mapping[str, str] = field(init=False, repr=False, compare=False)
    _from_us: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.plain) != len(US_KEYS) or len(self.shifted) != len(US_KEYS_SHIFTED):
            raise ValueError(f"layout {self.name}: expected {len(US_KEYS)} keys per level")
        typed = self.plain + self.shifted
        if len(set(typed)) != len(typed):
            raise ValueError(f"layout {self.name}: a character is on two keys")
        us = US_KEYS + US_KEYS_SHIFTED
        to_us = dict(zip(typed, us, strict=True)) | {" ": " "}
        object.__setattr__(self, "_to_us", MappingProxyType(to_us))
        object.__setattr__(self, "_from_us", MappingProxyType({u: t for t, u in to_us.items()}))

    @property
    def is_us(self) -> bool:
        """True if every key types what it types on a US layout."""
        return self.plain == US_KEYS and self.shifted == US_KEYS_SHIFTED

    def to_us(self, text: str) -> str | None:
        """What a US layout types with the keys that typed ``text`` here; None if it cannot."""
        try:
            return "".join(self._to_us[c] for c in text)
        except KeyError:
            return None

    def from_us(self, text: str) -> str | None:
        """What this layout types with the keys US types ``text`` with; None if it cannot."""
        try:
            return "".join(self._from_us[c] for c in text)
        except KeyError:
            return None


US = Layout("us", "English (US)", US_KEYS, US_KEYS_SHIFTED)
BG_BDS = Layout(
    "bg",
    "Bulgarian (BDS)",
    "(1234567890-.,уеишщксдзц;„ьяаожгтнвмчюйъэфхпрлб",
    ')!?+"%=:/–№$€ыУЕИШЩКСДЗЦ§“ѝЯАОЖГТНВМЧЮЙЪЭФХПРЛБ',
)
BG_PHONETIC = Layout(
    "bg(phonetic)",
    "Bulgarian (traditional phonetic)",
    "ч1234567890-=явертъуиопшщюасдфгхйкл;'зьцжбнм,./",
    'Ч!@№$%€§*()–+ЯВЕРТЪУИОПШЩЮАСДФГХЙКЛ:"ЗѝЦЖБНМ„“?',
)
BG_NEW_PHONETIC = Layout(
    "bg(bas_phonetic)",
    "Bulgarian (new phonetic)",
    "ю1234567890-=чшертъуиопящьасдфгхйкл;'зжцвбнм,./",
    'Ю!@№$%€§*()–+ЧШЕРТЪУИОПЯЩѝАСДФГХЙКЛ:"ЗЖЦВБНМ„“?',
)
RO_PROGRAMMERS = Layout("ro", "Romanian (programmers)", US_KEYS, US_KEYS_SHIFTED)
RO_STANDARD = Layout(
    "ro(std)",
    "Romanian (standard)",
    "„1234567890-=qwertyuiopăîâasdfghjklșțzxcvbnm,./",
    "”!@#$%^&*()_+QWERTYUIOPĂÎÂASDFGHJKLȘȚZXCVBNM;:?",
)
RO_LEGACY = Layout(
    "ro(winkeys)",
    "Romanian (legacy, QWERTZ)",
    "]1234567890+'qwertzuiopăîâasdfghjklșțyxcvbnm,.-",
    '[!"#¤%&/()=?*QWERTZUIOPĂÎÂASDFGHJKLȘȚYXCVBNM;:_',
)

#: Every layout, in the order :func:`to_us` tries them when several explain a text: the default
#: Bulgarian layout first, because it is what a Bulgarian desk has unless someone changed it.
LAYOUTS: Mapping[str, Layout] = MappingProxyType(
    {
        layout.name: layout
        for layout in (
            US,
            BG_BDS,
            BG_PHONETIC,
            BG_NEW_PHONETIC,
            RO_PROGRAMMERS,
            RO_STANDARD,
            RO_LEGACY,
        )
    }
)


def is_plain_ascii(text: str) -> bool:
    """True if every character is printable ASCII (space to tilde)."""
    return all(" " <= c <= "~" for c in text)


def to_us(
    text: str,
    *,
    accept: Callable[[str], bool] | None = None,
    prefer: Iterable[str] = (),
) -> tuple[str, str | None]:
    """``text`` as a US-configured scanner meant it, and the name of the layout that explains it.

    Text that is all printable ASCII is returned unchanged with layout None: it needs no mapping
    (a QWERTZ layout swapping Y and Z cannot be seen in the text; only :func:`physical_char`
    catches that). Otherwise every layout that has all the characters of ``text`` on its keys is
    a candidate; the first whose result ``accept`` approves wins (e.g. a check-character test,
    which tells Bulgarian BDS from phonetic), else the first candidate. Layouts named in
    ``prefer`` (e.g. the one the last scan needed) are tried first. If no layout explains the
    text, it is returned unchanged with layout None: it may be a genuine non-ASCII payload.
    """
    if is_plain_ascii(text):
        return text, None
    order = [name for name in prefer if name in LAYOUTS]
    order += [name for name in LAYOUTS if name not in order]
    candidates: list[tuple[str, str]] = []
    for name in order:
        layout = LAYOUTS[name]
        if layout.is_us:
            continue
        mapped = layout.to_us(text)
        if mapped is not None:
            candidates.append((mapped, name))
    if not candidates:
        return text, None
    if accept is not None:
        for mapped, name in candidates:
            if accept(mapped):
                return mapped, name
    return candidates[0]


def from_us(text: str, layout: str) -> str:
    """What ``layout`` types when a US-configured scanner sends ``text``.

    Raises KeyError for an unknown layout and ValueError for a character not on a US key.
    """
    typed = LAYOUTS[layout].from_us(text)
    if typed is None:
        raise ValueError(f"{text!r} has characters that are not on a US keyboard")
    return typed


def detect_layout(received: str, meant: str, *, prefer: Iterable[str] = ()) -> str | None:
    """The name of the layout that types ``received`` for the US keys of ``meant``.

    None if the two are equal (nothing needed explaining) or if no known layout explains it.
    """
    if received == meant:
        return None
    order = [name for name in prefer if name in LAYOUTS]
    order += [name for name in LAYOUTS if name not in order]
    for name in order:
        if LAYOUTS[name].from_us(meant) == received:
            return name
    return None


def _physical_table() -> Mapping[int, tuple[str, str]]:
    table = {
        code: (plain, shifted)
        for code, plain, shifted in zip(_EVDEV_CODES, US_KEYS, US_KEYS_SHIFTED, strict=True)
    }
    table[_EVDEV_SPACE] = (" ", " ")
    return MappingProxyType(table)


_BY_EVDEV = _physical_table()


def physical_char(native_scan_code: int, shifted: bool, platform: str) -> str | None:
    """The character a US layout types on the key with this native scan code.

    ``platform`` is the Qt platform plugin name (``QGuiApplication.platformName()``): "xcb" and
    "wayland" report the X keycode (evdev + 8, 'a' = 38), "windows" the PS/2 set-1 scan code
    ('a' = 0x1E). None for other platforms (macOS, offscreen report 0), for a scan code of 0 and
    for keys outside the alphanumeric block (the keypad, function keys).
    """
    offset = _SCAN_CODE_OFFSET.get(platform)
    if offset is None or native_scan_code <= 0:
        return None
    pair = _BY_EVDEV.get(native_scan_code - offset)
    if pair is None:
        return None
    return pair[1] if shifted else pair[0]


def native_scan_code(us_char: str, platform: str) -> int | None:
    """The native scan code of the key a US layout types ``us_char`` on (the reverse of
    :func:`physical_char`); None if no such key or an unknown platform. Useful for simulating a
    scanner."""
    offset = _SCAN_CODE_OFFSET.get(platform)
    if offset is None:
        return None
    for code, (plain, shifted) in _BY_EVDEV.items():
        if us_char in (plain, shifted):
            return code + offset
    return None
