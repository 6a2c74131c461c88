"""Badges: TOML templates → a PIL image at the printer's exact pixel width; sheets and PDFs."""

from kiosk.badges.fonts import missing_glyphs
from kiosk.badges.render import (
    BadgeData,
    BadgeError,
    GlyphError,
    Placement,
    Rendered,
    render,
    render_badge,
)
from kiosk.badges.sheets import sheet_pages, write_pdf
from kiosk.badges.template import (
    BadgeTemplate,
    SheetTemplate,
    Template,
    TemplateError,
    TemplateInfo,
    list_templates,
    load_badge_template,
    load_sheet_template,
    load_template,
)

__all__ = [
    "BadgeData",
    "BadgeError",
    "BadgeTemplate",
    "GlyphError",
    "Placement",
    "Rendered",
    "SheetTemplate",
    "Template",
    "TemplateError",
    "TemplateInfo",
    "list_templates",
    "load_badge_template",
    "load_sheet_template",
    "load_template",
    "missing_glyphs",
    "render",
    "render_badge",
    "sheet_pages",
    "write_pdf",
]
