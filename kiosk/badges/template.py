"""Badge and sheet templates: TOML files validated into frozen dataclasses.

A *badge* template describes one badge at a printer's exact pixel width::

    name = "roll-80mm"
    title = "80 mm thermal roll, 576 dots at 203 dpi"

    [page]
    width_mm = 72           # or: size = "A6" / "CR80" / "Letter" ...
    height_mm = "auto"      # continuous roll: as long as the content
    dpi = 203
    width_px = 576          # the printer's printable dots (overrides width_mm * dpi)
    orientation = "portrait"
    thermal = true          # 1-bit output, thresholded (never dithered)
    margins_mm = [3, 3, 4, 3]   # top, right, bottom, left

    [[elements]]
    type = "text"           # text | latin | qr | image | ribbon | rect
    field = "first_name"    # or: text = "Fixed" / text = {en = "…", bg = "…", ro = "…"}
    box_mm = [0, 10, 66, 16]    # x, y, width, height inside the margins
    weight = "bold"
    size_pt = [40, 22]      # largest, smallest
    align = "center"
    max_lines = 2

A *sheet* template (``kind = "sheet"``) places a grid of badge cells on A4 or Letter paper for
pre-printing. Every error is a :class:`TemplateError` that names the file, the element and the
field, and says what to write instead.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kiosk.assets import assets_dir

FIELDS = (
    "first_name",
    "last_name",
    "full_name",
    "organization",
    "country",
    "category",
    "code",
    "event_name",
)
LANGUAGES = ("en", "bg", "ro")
ELEMENT_TYPES = ("text", "latin", "qr", "image", "ribbon", "rect")
#: Named page sizes in millimetres (portrait).
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "A6": (105.0, 148.0),
    "A7": (74.0, 105.0),
    "Letter": (215.9, 279.4),
    "CR80": (85.6, 54.0),
}
MIN_QR_MODULE_DOTS = 4  # 0.5 mm at 203 dpi: the least a phone or handheld scanner reads well
MIN_QUIET_ZONE = 4  # modules, as the QR specification asks
_EPS = 0.05  # mm of rounding slack when checking that boxes fit

Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]
Weight = Literal["regular", "bold"]
Orientation = Literal["portrait", "landscape"]
ThermalStyle = Literal["solid", "outline"]


class TemplateError(ValueError):
    """A template that cannot be used; the message names file, element and field."""

    def __init__(self, file: Path | str, where: str, message: str) -> None:
        self.file = str(file)
        self.where = where
        super().__init__(f"{self.file}: {where}: {message}" if where else f"{file}: {message}")


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Labels:
    """One text in several languages; English is required and is the fallback."""

    en: str
    bg: str = ""
    ro: str = ""

    def get(self, language: str) -> str:
        value: str = getattr(self, language, "") if language in LANGUAGES else ""
        return value or self.en

    def render(self, languages: Sequence[str], attendee_language: str, separator: str) -> str:
        """The labels for ``languages`` (``attendee`` = the person's own language) joined by
        ``separator``; a label equal to one already shown (Sponsor/Sponsor) is shown once."""
        shown: list[str] = []
        for lang in languages:
            text = self.get(attendee_language if lang == "attendee" else lang)
            if text and text.casefold() not in (s.casefold() for s in shown):
                shown.append(text)
        return separator.join(shown)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in millimetres, relative to the top-left corner of the margins."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def overlaps(self, other: Box) -> bool:
        return (
            self.x < other.right - _EPS
            and other.x < self.right - _EPS
            and self.y < other.bottom - _EPS
            and other.y < self.bottom - _EPS
        )


@dataclass(frozen=True, slots=True)
class TextStyle:
    weight: Weight = "regular"
    max_pt: float = 12.0
    min_pt: float = 8.0
    align: Align = "center"
    valign: VAlign = "middle"
    max_lines: int = 1
    autofit: bool = True
    color: str = "#000000"
    uppercase: bool = False


@dataclass(frozen=True, slots=True)
class TextElement:
    """A field of the person (``field``) or a fixed text (``text``), fitted into its box."""

    box: Box
    style: TextStyle
    field: str | None = None
    text: Labels | None = None
    languages: tuple[str, ...] = ("attendee",)
    separator: str = " · "
    #: An empty value removes the box and moves what is below it up (not past pinned elements).
    collapse: bool = False
    pinned: bool = False
    background: str | None = None
    #: The box shrinks to the fitted text (top-aligned) and what is below moves up: a flowing
    #: layout for rolls, where short names should not leave holes.
    shrink: bool = False
    kind: Literal["text"] = "text"


@dataclass(frozen=True, slots=True)
class LatinElement:
    """The Latin transliteration of a Cyrillic field; absent for names already in Latin."""

    box: Box
    style: TextStyle
    source: str = "full_name"
    collapse: bool = True
    pinned: bool = False
    shrink: bool = False
    kind: Literal["latin"] = "latin"


@dataclass(frozen=True, slots=True)
class QrElement:
    """The ticket code as a QR code: whole dots per module, quiet zone included in the box."""

    box: Box
    module_dots: int = 7
    quiet_zone: int = MIN_QUIET_ZONE
    min_module_dots: int = MIN_QR_MODULE_DOTS
    align: Align = "center"
    collapse: bool = False
    pinned: bool = False
    kind: Literal["qr"] = "qr"


@dataclass(frozen=True, slots=True)
class ImageElement:
    """A logo or picture, scaled to fit its box (aspect kept)."""

    box: Box
    path: Path
    optional: bool = False
    align: Align = "center"
    collapse: bool = False
    pinned: bool = False
    kind: Literal["image"] = "image"


@dataclass(frozen=True, slots=True)
class RectElement:
    """A filled rectangle: a header band, a rule."""

    box: Box
    fill: str
    collapse: bool = False
    pinned: bool = False
    kind: Literal["rect"] = "rect"


@dataclass(frozen=True, slots=True)
class RibbonStyle:
    fill: str = "#455A64"
    text_color: str = "#FFFFFF"
    labels: Labels | None = None  # None: the category as written, capitalised
    #: On 1-bit printers: a solid black band with white text, or a black outline.
    thermal: ThermalStyle = "solid"


@dataclass(frozen=True, slots=True)
class RibbonElement:
    """The category band: its colour and label come from the person's category."""

    box: Box
    style: TextStyle
    categories: Mapping[str, RibbonStyle]
    default: RibbonStyle
    aliases: Mapping[str, str] = field(default_factory=dict)
    languages: tuple[str, ...] = ("en", "bg", "ro")
    separator: str = " · "
    collapse: bool = False
    pinned: bool = False
    kind: Literal["ribbon"] = "ribbon"

    def style_for(self, category: str) -> tuple[str, RibbonStyle]:
        """The category key used and its style (the default for unknown categories)."""
        key = category.strip().casefold()
        key = self.aliases.get(key, key)
        if key in self.categories:
            return key, self.categories[key]
        return key, self.default


Element = TextElement | LatinElement | QrElement | ImageElement | RectElement | RibbonElement


@dataclass(frozen=True, slots=True)
class Page:
    width_mm: float
    height_mm: float | None  # None: continuous roll, as long as the content
    dpi: int
    width_px: int
    orientation: Orientation
    thermal: bool
    margins: tuple[float, float, float, float]  # top, right, bottom, left (mm)

    @property
    def px_per_mm(self) -> float:
        return self.dpi / 25.4

    @property
    def printable_width_mm(self) -> float:
        """The width the pixels cover (the printer's printable width for roll printers)."""
        return self.width_px / self.px_per_mm

    @property
    def content_width_mm(self) -> float:
        return self.printable_width_mm - self.margins[1] - self.margins[3]

    @property
    def content_height_mm(self) -> float | None:
        if self.height_mm is None:
            return None
        return self.height_mm - self.margins[0] - self.margins[2]

    @property
    def height_px(self) -> int | None:
        return None if self.height_mm is None else round(self.height_mm * self.px_per_mm)

    def describe(self) -> str:
        height = "continuous" if self.height_mm is None else f"{self.height_mm:g} mm"
        size = f"{self.width_mm:g} mm × {height}"
        px = f"{self.width_px}" + ("" if self.height_px is None else f"×{self.height_px}")
        kind = "thermal 1-bit" if self.thermal else "colour"
        return f"{size}, {px} dots at {self.dpi} dpi, {kind}"


@dataclass(frozen=True, slots=True)
class BadgeTemplate:
    name: str
    title: str
    path: Path
    page: Page
    elements: tuple[Element, ...]
    kind: Literal["badge"] = "badge"


@dataclass(frozen=True, slots=True)
class SheetTemplate:
    """A page of badge cells for pre-printing on an office printer."""

    name: str
    title: str
    path: Path
    page_name: str
    width_mm: float
    height_mm: float
    dpi: int
    rows: int
    columns: int
    cell: BadgeTemplate
    gutter_x_mm: float
    gutter_y_mm: float
    margin_top_mm: float
    margin_left_mm: float
    crop_marks: bool
    kind: Literal["sheet"] = "sheet"

    @property
    def per_page(self) -> int:
        return self.rows * self.columns

    @property
    def cell_width_mm(self) -> float:
        return self.cell.page.printable_width_mm

    @property
    def cell_height_mm(self) -> float:
        assert self.cell.page.height_mm is not None
        return self.cell.page.height_mm

    def cell_origin_mm(self, row: int, column: int) -> tuple[float, float]:
        return (
            self.margin_left_mm + column * (self.cell_width_mm + self.gutter_x_mm),
            self.margin_top_mm + row * (self.cell_height_mm + self.gutter_y_mm),
        )

    def describe(self) -> str:
        return (
            f"{self.page_name} ({self.width_mm:g}×{self.height_mm:g} mm) at {self.dpi} dpi: "
            f"{self.columns}×{self.rows} = {self.per_page} badges of {self.cell.name} "
            f"({self.cell_width_mm:.1f}×{self.cell_height_mm:.1f} mm)"
        )


Template = BadgeTemplate | SheetTemplate


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    name: str
    title: str
    kind: Literal["badge", "sheet"]
    path: Path
    media: str  # e.g. "72 mm × continuous, 576 dots at 203 dpi, thermal 1-bit"
    thermal: bool


# --------------------------------------------------------------------------------------------
# Finding and loading
# --------------------------------------------------------------------------------------------


def builtin_dir() -> Path:
    return assets_dir() / "badges"


def _template_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.toml") if not p.name.startswith("_"))


def list_templates(*extra_dirs: Path) -> list[TemplateInfo]:
    """Every template in the built-in folder (and ``extra_dirs``), loaded and validated.

    A broken file in an extra folder raises its :class:`TemplateError` (the user should see it).
    """
    infos: list[TemplateInfo] = []
    for directory in (builtin_dir(), *extra_dirs):
        for path in _template_files(directory):
            t = load_template(path)
            if isinstance(t, BadgeTemplate):
                infos.append(
                    TemplateInfo(t.name, t.title, "badge", path, t.page.describe(), t.page.thermal)
                )
            else:
                infos.append(TemplateInfo(t.name, t.title, "sheet", path, t.describe(), False))
    return infos


def _resolve(name_or_path: str | Path, near: Path | None = None) -> Path:
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or "/" in text or "\\" in text or text.endswith(".toml"):
        path = Path(name_or_path)
        if not path.is_absolute() and near is not None and (near / path).exists():
            path = near / path
        return path
    for directory in (near, builtin_dir()):
        if directory is not None and (directory / f"{text}.toml").exists():
            return directory / f"{text}.toml"
    known = [p.stem for p in _template_files(builtin_dir())]
    hint = difflib.get_close_matches(text, known, n=1)
    suggestion = f" Did you mean '{hint[0]}'?" if hint else ""
    raise TemplateError(
        text,
        "",
        f"no template of that name.{suggestion} Built-in templates: {', '.join(known)}; "
        "or give the path of a .toml file.",
    )


def load_template(name_or_path: str | Path) -> Template:
    """A built-in template by name (``roll-80mm``) or any template file by path."""
    return _load(_resolve(name_or_path), ())


def load_badge_template(name_or_path: str | Path) -> BadgeTemplate:
    t = load_template(name_or_path)
    if not isinstance(t, BadgeTemplate):
        raise TemplateError(t.path, "kind", "is a sheet template; a badge template is needed here")
    return t


def load_sheet_template(name_or_path: str | Path) -> SheetTemplate:
    t = load_template(name_or_path)
    if not isinstance(t, SheetTemplate):
        raise TemplateError(t.path, "kind", "is a badge template; a sheet template is needed here")
    return t


def _load(path: Path, chain: tuple[Path, ...]) -> Template:
    path = path.resolve() if path.exists() else path
    if not path.is_file():
        raise TemplateError(path, "", "the file does not exist")
    if path in chain:
        raise TemplateError(path, "sheet.cell", "a sheet cannot contain itself")
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise TemplateError(path, "", f"is not UTF-8 ({exc.reason}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(path, "", f"is not valid TOML: {exc}") from None
    except RecursionError:  # the parser recurses per nesting level
        raise TemplateError(path, "", "is nested far too deeply to be a template") from None
    top = _Reader(path, "", doc)
    kind = top.choice("kind", ("badge", "sheet"), "badge")
    name = top.string("name", path.stem)
    title = top.string("title", name)
    if kind == "sheet":
        top.only({"kind", "name", "title", "sheet"})
        return _sheet(path, name, title, top.table("sheet"), (*chain, path))
    top.only({"kind", "name", "title", "page", "elements"})
    page = _page(top.table("page"))
    raw_elements = top.get("elements", None)
    if not isinstance(raw_elements, list) or not raw_elements:
        raise TemplateError(
            path, "elements", 'missing: add at least one [[elements]] table (type = "text"…)'
        )
    elements = tuple(
        _element(_Reader(path, f"elements[{i + 1}]", raw), page, path)
        if isinstance(raw, dict)
        else _fail(path, f"elements[{i + 1}]", "must be a table: write [[elements]]")
        for i, raw in enumerate(raw_elements)
    )
    _check_layout(path, page, elements)
    return BadgeTemplate(name=name, title=title, path=path, page=page, elements=elements)


def _fail(path: Path, where: str, message: str) -> Element:
    raise TemplateError(path, where, message)


# --------------------------------------------------------------------------------------------
# Reading values with messages that say what to write
# --------------------------------------------------------------------------------------------

_MISSING = object()


class _Reader:
    def __init__(self, path: Path, where: str, data: Mapping[str, Any]) -> None:
        self.path = path
        self.where = where
        self.data = data
        self.label = where

    def error(self, key: str, message: str) -> TemplateError:
        where = self.label
        if key:
            where = f"{self.label}, field '{key}'" if self.label else f"field '{key}'"
        return TemplateError(self.path, where, message)

    def get(self, key: str, default: Any = _MISSING) -> Any:
        if key in self.data:
            return self.data[key]
        if default is _MISSING:
            raise self.error(key, "missing")
        return default

    def only(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                instead = (
                    f"did you mean '{hint[0]}'?"
                    if hint
                    else f"known fields: {', '.join(sorted(allowed))}"
                )
                raise self.error(key, f"is not a known field here; {instead}")

    def table(self, key: str) -> _Reader:
        value = self.get(key)
        if not isinstance(value, dict):
            raise self.error(key, f"must be a table: write [{key}] or {key} = {{ … }}")
        sub = f"{self.where}.{key}" if self.where else key
        return _Reader(self.path, sub, value)

    def string(self, key: str, default: str | object = _MISSING) -> str:
        value = self.get(key, default)
        if not isinstance(value, str) or (not value.strip() and default is _MISSING):
            raise self.error(key, f'must be a text in quotes, e.g. {key} = "…"; got {value!r}')
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false (no quotes); got {value!r}")
        return value

    def number(
        self, key: str, default: float | object = _MISSING, *, low: float = 0.0, high: float = 1e4
    ) -> float:
        value = self.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise self.error(key, f"must be a number, e.g. {key} = 10; got {value!r}")
        if not low <= value <= high:
            raise self.error(key, f"must be between {low:g} and {high:g}; got {value:g}")
        return float(value)

    def integer(self, key: str, default: int | object = _MISSING, *, low: int, high: int) -> int:
        value = self.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"must be a whole number, e.g. {key} = {low}; got {value!r}")
        if not low <= value <= high:
            raise self.error(key, f"must be between {low} and {high}; got {value}")
        return value

    def choice(self, key: str, options: Sequence[str], default: str | object = _MISSING) -> Any:
        value = self.get(key, default)
        if value not in options:
            hint = difflib.get_close_matches(str(value), list(options), n=1)
            did = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise self.error(
                key,
                f"must be one of {', '.join(repr(o) for o in options)}; got {value!r}{did}",
            )
        return value

    def numbers(
        self, key: str, count: int, example: str, default: object = _MISSING
    ) -> list[float]:
        value = self.get(key, default)
        if (
            not isinstance(value, list)
            or len(value) != count
            or any(isinstance(v, bool) or not isinstance(v, int | float) for v in value)
        ):
            raise self.error(key, f"must be {count} numbers, e.g. {key} = {example}; got {value!r}")
        if any(v < 0 for v in value):
            raise self.error(key, f"must not be negative; got {value!r}")
        return [float(v) for v in value]

    def color(self, key: str, default: str | object = _MISSING) -> str:
        value = self.get(key, default)
        if (
            not isinstance(value, str)
            or len(value) != 7
            or value[0] != "#"
            or any(c not in "0123456789abcdefABCDEF" for c in value[1:])
        ):
            raise self.error(key, f'must be a colour like "#1F5FAD" (#RRGGBB); got {value!r}')
        return value.upper()

    def labels(self, key: str, value: object) -> Labels:
        if isinstance(value, str):
            return Labels(en=value)
        if isinstance(value, dict):
            for lang, text in value.items():
                if lang not in LANGUAGES:
                    raise self.error(key, f"language '{lang}' is not one of {', '.join(LANGUAGES)}")
                if not isinstance(text, str) or not text.strip():
                    raise self.error(key, f"the {lang} text must be a non-empty text in quotes")
            if "en" not in value:
                raise self.error(
                    key, 'needs an English text as the fallback: {en = "…", bg = "…", ro = "…"}'
                )
            return Labels(en=value["en"], bg=value.get("bg", ""), ro=value.get("ro", ""))
        raise self.error(key, f'must be a text or {{en = "…", bg = "…", ro = "…"}}; got {value!r}')

    def languages(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self.get(key, list(default))
        options = (*LANGUAGES, "attendee")
        if not isinstance(value, list) or not value or any(v not in options for v in value):
            raise self.error(
                key,
                f'must be a list of {", ".join(options)}, e.g. {key} = ["en", "bg", "ro"]; '
                f"got {value!r}",
            )
        return tuple(value)


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


def _page(r: _Reader) -> Page:
    r.only(
        {"size", "width_mm", "height_mm", "dpi", "width_px", "orientation", "thermal", "margins_mm"}
    )
    if "size" in r.data:
        if "width_mm" in r.data or "height_mm" in r.data:
            raise r.error("size", "give either size or width_mm/height_mm, not both")
        size = r.choice("size", tuple(PAGE_SIZES))
        width, height_f = PAGE_SIZES[size]
        height: float | None = height_f
    else:
        width = r.number("width_mm", low=10, high=1000)
        raw_h = r.get("height_mm")
        if raw_h == "auto":
            height = None
        elif isinstance(raw_h, int | float) and not isinstance(raw_h, bool):
            height = r.number("height_mm", low=10, high=3000)
        else:
            raise r.error("height_mm", f'must be a number of mm or "auto" (rolls); got {raw_h!r}')
    dpi = r.integer("dpi", low=72, high=1200)
    orientation = r.choice("orientation", ("portrait", "landscape"), "portrait")
    if height is not None and (orientation == "landscape") != (width > height):
        width, height = height, width  # sizes are given as on the shelf (A6 = 105 × 148)
    if height is None and orientation == "landscape":
        raise r.error("orientation", 'a continuous roll is always "portrait"')
    width_px = r.integer("width_px", round(width * dpi / 25.4), low=64, high=20000)
    if width_px > round(width * dpi / 25.4) + 1:
        raise r.error(
            "width_px",
            f"{width_px} dots is wider than {width:g} mm at {dpi} dpi "
            f"({round(width * dpi / 25.4)} dots); check width_mm and dpi",
        )
    margins = r.numbers("margins_mm", 4, "[3, 3, 3, 3]  # top, right, bottom, left", [0, 0, 0, 0])
    page = Page(
        width_mm=width,
        height_mm=height,
        dpi=dpi,
        width_px=width_px,
        orientation=orientation,
        thermal=r.boolean("thermal", False),
        margins=(margins[0], margins[1], margins[2], margins[3]),
    )
    if page.content_width_mm < 10 or (
        page.content_height_mm is not None and page.content_height_mm < 10
    ):
        raise r.error("margins_mm", "leave at least 10 mm inside the margins")
    return page


_COMMON = {"type", "box_mm", "collapse", "pinned", "name"}
_TEXT_STYLE = {
    "weight",
    "size_pt",
    "align",
    "valign",
    "max_lines",
    "autofit",
    "color",
    "uppercase",
}


def _box(r: _Reader) -> Box:
    x, y, w, h = r.numbers("box_mm", 4, "[0, 10, 60, 12]  # x, y, width, height in mm")
    if w <= 0 or h <= 0:
        raise r.error("box_mm", "width and height must be more than 0")
    return Box(x, y, w, h)


def _style(r: _Reader, **defaults: Any) -> TextStyle:
    base = TextStyle(**defaults)
    size = r.numbers("size_pt", 2, "[28, 14]  # largest, smallest", [base.max_pt, base.min_pt])
    if not 3 <= size[1] <= size[0] <= 400:
        raise r.error(
            "size_pt", f"write [largest, smallest] with 3 ≤ smallest ≤ largest ≤ 400; got {size}"
        )
    return TextStyle(
        weight=r.choice("weight", ("regular", "bold"), base.weight),
        max_pt=size[0],
        min_pt=size[1],
        align=r.choice("align", ("left", "center", "right"), base.align),
        valign=r.choice("valign", ("top", "middle", "bottom"), base.valign),
        max_lines=r.integer("max_lines", base.max_lines, low=1, high=2),
        autofit=r.boolean("autofit", base.autofit),
        color=r.color("color", base.color),
        uppercase=r.boolean("uppercase", base.uppercase),
    )


def _field_name(r: _Reader, key: str, default: str | object = _MISSING) -> str:
    value = r.get(key, default)
    if value not in FIELDS:
        hint = difflib.get_close_matches(str(value), FIELDS, n=1, cutoff=0.5)
        did = f"did you mean '{hint[0]}'? " if hint else ""
        raise r.error(key, f"{value!r} is not a badge field; {did}write one of {', '.join(FIELDS)}")
    return str(value)


def _element(r: _Reader, page: Page, path: Path) -> Element:
    kind = r.choice("type", ELEMENT_TYPES)
    name = r.data.get("name")
    detail = r.data.get("field") if kind == "text" else name
    r.label = f"{r.where} ({kind}{f' {detail!r}' if isinstance(detail, str) else ''})"
    box = _box(r)
    collapse = r.boolean("collapse", kind == "latin")
    pinned = r.boolean("pinned", False)
    if kind == "text":
        r.only(
            _COMMON
            | _TEXT_STYLE
            | {"field", "text", "languages", "separator", "background", "shrink"}
        )
        has_field, has_text = "field" in r.data, "text" in r.data
        if has_field == has_text:
            raise r.error(
                "field",
                'give exactly one of field = "last_name" (the person\'s data) or '
                'text = "…" / {en = "…", bg = "…", ro = "…"} (a fixed text)',
            )
        return TextElement(
            box=box,
            style=_style(r),
            field=_field_name(r, "field") if has_field else None,
            text=r.labels("text", r.data["text"]) if has_text else None,
            languages=r.languages("languages", ("attendee",)),
            separator=r.string("separator", " · "),
            collapse=collapse,
            pinned=pinned,
            background=r.color("background") if "background" in r.data else None,
            shrink=r.boolean("shrink", False),
        )
    if kind == "latin":
        r.only(_COMMON | _TEXT_STYLE | {"source", "shrink"})
        return LatinElement(
            box=box,
            style=_style(r),
            source=_field_name(r, "source", "full_name"),
            collapse=collapse,
            pinned=pinned,
            shrink=r.boolean("shrink", False),
        )
    if kind == "qr":
        r.only(_COMMON | {"module_dots", "quiet_zone", "min_module_dots", "align"})
        module = r.integer("module_dots", 7, low=1, high=100)
        minimum = r.integer("min_module_dots", MIN_QR_MODULE_DOTS, low=1, high=100)
        if page.thermal and minimum < MIN_QR_MODULE_DOTS:
            raise r.error(
                "min_module_dots",
                f"thermal print needs at least {MIN_QR_MODULE_DOTS} dots per module "
                f"(0.5 mm at 203 dpi) for scanners to read it; write min_module_dots = "
                f"{MIN_QR_MODULE_DOTS} or more",
            )
        if module < minimum:
            raise r.error(
                "module_dots",
                f"{module} is below min_module_dots ({minimum}); write module_dots = {minimum} "
                "or more",
            )
        quiet = r.integer("quiet_zone", MIN_QUIET_ZONE, low=0, high=20)
        if quiet < MIN_QUIET_ZONE:
            raise r.error(
                "quiet_zone",
                f"a QR code needs a white margin of at least {MIN_QUIET_ZONE} modules; "
                f"write quiet_zone = {MIN_QUIET_ZONE}",
            )
        # A version-1 code (21 modules) must fit at the minimum module size.
        side_px = min(box.w, box.h) * page.px_per_mm
        need = (21 + 2 * quiet) * minimum
        if side_px + 0.5 < need:
            raise r.error(
                "box_mm",
                f"too small for a QR code: at least {need / page.px_per_mm:.1f} mm square is "
                f"needed ({21 + 2 * quiet} modules × {minimum} dots at {page.dpi} dpi)",
            )
        return QrElement(
            box=box,
            module_dots=module,
            quiet_zone=quiet,
            min_module_dots=minimum,
            align=r.choice("align", ("left", "center", "right"), "center"),
            collapse=collapse,
            pinned=pinned,
        )
    if kind == "image":
        r.only(_COMMON | {"path", "optional", "align"})
        rel = r.string("path")
        optional = r.boolean("optional", False)
        image_path = (path.parent / rel).resolve()
        if not optional and not image_path.is_file():
            raise r.error(
                "path",
                f"{image_path} does not exist; the path is relative to the template file "
                "(or write optional = true)",
            )
        return ImageElement(
            box=box,
            path=image_path,
            optional=optional,
            align=r.choice("align", ("left", "center", "right"), "center"),
            collapse=collapse,
            pinned=pinned,
        )
    if kind == "rect":
        r.only(_COMMON | {"fill"})
        return RectElement(box=box, fill=r.color("fill"), collapse=collapse, pinned=pinned)
    r.only(
        _COMMON
        | _TEXT_STYLE
        | {"palette", "categories", "default", "aliases", "languages", "separator"}
    )
    return _ribbon(r, box, collapse, pinned, path)


def _ribbon_style(r: _Reader, base: RibbonStyle) -> RibbonStyle:
    r.only({"fill", "text_color", "labels", "thermal", "aliases"})
    return RibbonStyle(
        fill=r.color("fill", base.fill),
        text_color=r.color("text_color", base.text_color),
        labels=r.labels("labels", r.data["labels"]) if "labels" in r.data else base.labels,
        thermal=r.choice("thermal", ("solid", "outline"), base.thermal),
    )


def _ribbon(r: _Reader, box: Box, collapse: bool, pinned: bool, path: Path) -> RibbonElement:
    categories: dict[str, RibbonStyle] = {}
    aliases: dict[str, str] = {}
    default = RibbonStyle()
    sources: list[_Reader] = []
    if "palette" in r.data:
        palette_path = (path.parent / r.string("palette")).resolve()
        try:
            text = palette_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise r.error(
                "palette", f"{palette_path} does not exist (relative to the template)"
            ) from None
        except OSError as exc:  # a folder, no permission, a name too long for the disk
            raise r.error("palette", f"{palette_path} cannot be read: {exc.strerror}") from None
        try:
            palette = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
            raise TemplateError(palette_path, "", f"is not valid TOML: {exc}") from None
        p = _Reader(palette_path, "", palette)
        p.only({"default", "categories"})
        sources.append(p)
    sources.append(r)
    for src in sources:
        if "default" in src.data:
            default = _ribbon_style(src.table("default"), default)
        if "categories" in src.data:
            table = src.table("categories")
            for key, raw in table.data.items():
                if not isinstance(raw, dict):
                    raise table.error(key, "must be a table: [elements.categories.speaker]")
                sub = _Reader(src.path, f"{table.where}.{key}", raw)
                sub.label = f"{r.label}, {table.where}.{key}" if src is r else sub.where
                name = key.casefold()
                categories[name] = _ribbon_style(sub, categories.get(name, default))
                alias_list = raw.get("aliases", [])
                if not isinstance(alias_list, list) or not all(
                    isinstance(a, str) for a in alias_list
                ):
                    raise sub.error("aliases", 'must be a list of texts, e.g. ["organizer"]')
                aliases.update({a.casefold(): name for a in alias_list})
    return RibbonElement(
        box=box,
        style=_style(r, weight="bold", max_pt=18.0, min_pt=8.0, max_lines=1, uppercase=True),
        categories=categories,
        default=default,
        aliases=aliases,
        languages=r.languages("languages", ("en", "bg", "ro")),
        separator=r.string("separator", " · "),
        collapse=collapse,
        pinned=pinned,
    )


def _check_layout(path: Path, page: Page, elements: Sequence[Element]) -> None:
    cw, ch = page.content_width_mm, page.content_height_mm
    for i, el in enumerate(elements):
        where = f"elements[{i + 1}] ({el.kind}), field 'box_mm'"
        b = el.box
        if b.right > cw + _EPS:
            raise TemplateError(
                path,
                where,
                f"reaches {b.right:g} mm but the width inside the margins is {cw:.1f} mm "
                f"({page.width_px} dots at {page.dpi} dpi); make x + width ≤ {cw:.1f}",
            )
        if ch is not None and b.bottom > ch + _EPS:
            raise TemplateError(
                path,
                where,
                f"reaches {b.bottom:g} mm but the height inside the margins is {ch:g} mm; "
                f"make y + height ≤ {ch:g}",
            )
        if isinstance(el, QrElement):
            for j, other in enumerate(elements):
                text_like = isinstance(other, TextElement | LatinElement | ImageElement)
                if j != i and text_like and other.box.overlaps(b):
                    raise TemplateError(
                        path,
                        where,
                        f"the QR code's box overlaps elements[{j + 1}] ({other.kind}); "
                        "scanners need its quiet zone clear: move one of them",
                    )


def _sheet(path: Path, name: str, title: str, r: _Reader, chain: tuple[Path, ...]) -> SheetTemplate:
    r.only(
        {
            "page",
            "size_mm",
            "dpi",
            "rows",
            "columns",
            "cell",
            "gutter_mm",
            "margins_mm",
            "crop_marks",
        }
    )
    if "size_mm" in r.data:
        w, h = r.numbers("size_mm", 2, "[210, 297]")
        page_name = "custom"
    else:
        page_name = r.choice("page", ("A4", "Letter"))
        w, h = PAGE_SIZES[page_name]
    dpi = r.integer("dpi", low=72, high=1200)
    rows = r.integer("rows", low=1, high=50)
    columns = r.integer("columns", low=1, high=50)
    cell_name = r.string("cell")
    try:
        cell = _load(_resolve(cell_name, near=path.parent), chain)
    except TemplateError as exc:
        raise r.error("cell", f"cannot use {cell_name!r}: {exc}") from None
    if not isinstance(cell, BadgeTemplate):
        raise r.error("cell", f"{cell_name!r} is a sheet; name a badge template")
    if cell.page.height_mm is None:
        raise r.error("cell", f"{cell_name!r} is a continuous roll; a cell needs a fixed height")
    if cell.page.dpi != dpi:
        raise r.error("dpi", f"must equal the cell template's dpi ({cell.page.dpi}); got {dpi}")
    gx, gy = r.numbers("gutter_mm", 2, "[6, 2]  # between columns, between rows", [0, 0])
    cw, ch = cell.page.printable_width_mm, cell.page.height_mm
    grid_w = columns * cw + (columns - 1) * gx
    grid_h = rows * ch + (rows - 1) * gy
    if "margins_mm" in r.data:
        top, left = r.numbers("margins_mm", 2, "[10, 15]  # top, left")
    else:  # centred
        top, left = (h - grid_h) / 2, (w - grid_w) / 2
    if left + grid_w > w + _EPS or top + grid_h > h + _EPS or top < 0 or left < 0:
        raise r.error(
            "rows",
            f"{columns}×{rows} cells of {cw:.1f}×{ch:g} mm with gutters {gx:g}/{gy:g} mm need "
            f"{grid_w:.1f}×{grid_h:.1f} mm; the page is {w:g}×{h:g} mm: use fewer rows/columns "
            "or smaller gutters",
        )
    return SheetTemplate(
        name=name,
        title=title,
        path=path,
        page_name=page_name,
        width_mm=w,
        height_mm=h,
        dpi=dpi,
        rows=rows,
        columns=columns,
        cell=cell,
        gutter_x_mm=gx,
        gutter_y_mm=gy,
        margin_top_mm=top,
        margin_left_mm=left,
        crop_marks=r.boolean("crop_marks", False),
    )
