"""The layers stay as docs/design.md draws them: checked on the source, so it cannot rot."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "kiosk"

# What each layer may import from the project (besides itself).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "storage": {"core"},
    "importing": {"core", "storage"},
    "tickets": {"core", "assets", "reports"},
    "badges": {"core", "assets"},
    "printing": {"core", "assets", "badges"},
    "reports": {"core", "storage", "assets"},
    "sync": {"core", "storage", "reports", "tickets"},  # tickets: checking revocation lists
    "app": {
        "assets",
        "core",
        "storage",
        "importing",
        "reports",
        "tickets",
        "demo_data",
        "badges",
        "printing",
        "sync",
    },
    "ui": {
        "core",
        "storage",
        "importing",
        "reports",
        "tickets",
        "app",
        "assets",
        "badges",
        "printing",
        "sync",
    },
    "cli": {
        "core",
        "storage",
        "importing",
        "reports",
        "tickets",
        "app",
        "assets",
        "ui",
        "badges",
        "printing",
        "sync",
    },
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("path", modules("core"), ids=lambda p: p.name)
def test_core_imports_only_the_standard_library(path: Path) -> None:
    for name in imports_of(path):
        top = name.split(".")[0]
        assert top in sys.stdlib_module_names or name.startswith("kiosk.core"), (
            f"{path.name} imports {name}"
        )


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_below_it(layer: str) -> None:
    for path in modules(layer):
        for name in imports_of(path):
            parts = name.split(".")
            if parts[0] != "kiosk" or len(parts) < 2:
                continue
            assert parts[1] in ALLOWED[layer] | {layer}, f"{path.relative_to(ROOT)} imports {name}"


def test_only_the_ui_imports_qt_widgets() -> None:
    for path in ROOT.rglob("*.py"):
        if "ui" in path.relative_to(ROOT).parts:
            continue
        for name in imports_of(path):
            assert not name.startswith("PySide6.QtWidgets"), (
                f"{path.relative_to(ROOT)} imports {name}"
            )
            if "printing" not in path.relative_to(ROOT).parts:
                assert not name.startswith("PySide6"), f"{path.relative_to(ROOT)} imports {name}"
