"""Click commands live at module level (issue 20): a reader, vulture or click's own tools find
``kiosk.cli.reports.report_cmd``; a command built inside ``register()`` is hidden from all of
them. ``register`` only adds the module's commands to the group, when the lazy loader asks."""

from __future__ import annotations

import importlib
from pathlib import Path

import click
import pytest

#: Every command module: each one that the lazy loader asks to ``register``.
MODULE_LEVEL = tuple(
    sorted(
        path.stem
        for path in (Path(__file__).resolve().parents[2] / "kiosk" / "cli").glob("*.py")
        if "\ndef register(" in path.read_text(encoding="utf-8")
    )
)


def test_the_command_modules_are_found() -> None:
    assert {"keys", "meetings", "printing", "reports", "sync"} <= set(MODULE_LEVEL)


@pytest.mark.parametrize("name", MODULE_LEVEL)
def test_every_command_a_module_registers_is_one_of_its_attributes(name: str) -> None:
    module = importlib.import_module(f"kiosk.cli.{name}")
    group = click.Group()
    module.register(group, lambda f: f)
    assert group.commands
    attributes = [v for v in vars(module).values() if isinstance(v, click.Command)]
    for command_name, command in group.commands.items():
        assert any(command is a for a in attributes), command_name


def test_a_command_built_inside_register_is_caught() -> None:
    """The check above fails for the old shape: a command made in a closure."""

    def register(cli: click.Group) -> None:
        @cli.command("hidden")
        def hidden() -> None:
            """Hidden from tools."""

    group = click.Group()
    register(group)
    assert not any(group.commands["hidden"] is v for v in globals().values())
