"""The README's command table names every ``kiosk`` command and every option it takes, and every
``kiosk …`` command quoted in the README, the docs or a message parses.

As sqlite-utils keeps its documentation honest with tests: a command or option nobody wrote
down does not exist for a user, and a message that sends staff to ``kiosk online --day`` (which
is not a command) wastes a morning.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from kiosk.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

#: Options every command has, or that the table's header line documents for all of them.
GLOBAL_OPTIONS = {"--help", "-h", "--db", "--version"}


def leaf_commands() -> Iterator[tuple[str, click.Command]]:
    """(path such as "meetings list", command) for every command a user can run."""
    context = click.Context(cli)
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        assert command is not None, name
        yield from _leaves(name, command, context)


def _leaves(path: str, command: click.Command, context: click.Context) -> Iterator[
    tuple[str, click.Command]
]:
    if command.hidden:
        return
    if isinstance(command, click.Group):
        sub_context = click.Context(command, parent=context)
        for name in command.list_commands(sub_context):
            sub = command.get_command(sub_context, name)
            assert sub is not None
            yield from _leaves(f"{path} {name}", sub, sub_context)
        if command.invoke_without_command:
            yield path, command
        return
    yield path, command


def options_of(command: click.Command) -> list[tuple[str, ...]]:
    """Each option's names (``("-o", "--output")``; a ``--x/--no-x`` pair counts as one)."""
    return [
        tuple(param.opts) + tuple(param.secondary_opts)
        for param in command.params
        if isinstance(param, click.Option)
        and not param.hidden
        and not set(param.opts) & GLOBAL_OPTIONS
    ]


def table_cells() -> list[str]:
    """The first cell of every row of the README's command table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## The command line", 1)[1].split("\n## ", 1)[0]
    return [
        line.split(" | ")[0].removeprefix("| ")
        for line in section.splitlines()
        if line.startswith("| `")
    ]


def documented() -> dict[str, set[str]]:
    """Command path → the options its README row(s) show."""
    found: dict[str, set[str]] = {}
    for cell in table_cells():
        for snippet in re.findall(r"`([^`]+)`", cell):
            words = snippet.replace("\\|", "|").split()
            path: list[str] = []
            for word in words:
                if not re.fullmatch(r"[a-z][a-z0-9|-]*", word) or word.startswith("-"):
                    break
                path.append(word)
            if not path:
                continue
            options = set(re.findall(r"(?<![\w-])--?[a-zA-Z][a-zA-Z0-9-]*", snippet))
            # "keys init|export-public|list": each alternative is a command of its own.
            *head, last = path
            for alternative in last.split("|"):
                found.setdefault(" ".join([*head, alternative]), set()).update(options)
    return found


def test_every_command_has_a_row_in_the_readme_table() -> None:
    rows = documented()
    missing = [path for path, _ in leaf_commands() if path not in rows]
    assert not missing, f"commands missing from README's command table: {missing}"


def test_every_option_of_every_command_is_in_its_row() -> None:
    rows = documented()
    missing = [
        f"{path} {names[-1]}"
        for path, command in leaf_commands()
        for names in options_of(command)
        if path in rows and not set(names) & rows[path]
    ]
    assert not missing, f"options missing from README's command table: {missing}"


def test_the_table_names_no_command_that_does_not_exist() -> None:
    real = {path for path, _ in leaf_commands()}
    groups = {path.split()[0] for path in real}
    invented = [path for path in documented() if path not in real and path not in groups]
    assert not invented, f"README rows for commands that do not exist: {invented}"


def quoted_commands() -> Iterator[tuple[str, str]]:
    """(where, command words) for every ``kiosk …`` command quoted as code: in backticks or a
    code block of the README and the docs, and in single quotes or backticks in the program's
    text."""
    word = r"[a-z][a-z0-9-]*"
    # In Python the message's own quotes are double; a command inside it is in '' or ``.
    quoted = {
        ".md": re.compile(rf"`kiosk ({word}(?: {word})?)"),
        ".py": re.compile(rf"[`']kiosk ({word}(?: {word})?)"),
    }
    block_line = re.compile(rf"^\s*(?:\$ )?kiosk ({word}(?: {word})?)")
    docs = [README, *sorted((ROOT / "docs").glob("*.md"))]
    for path in [*docs, *sorted((ROOT / "kiosk").rglob("*.py"))]:
        in_block = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if path.suffix == ".md" and line.lstrip().startswith("```"):
                in_block = not in_block
                continue
            found = [m.group(1) for m in quoted[path.suffix].finditer(line)]
            if in_block:
                found += [m.group(1) for m in block_line.finditer(line)]
            for words in found:
                yield f"{path.relative_to(ROOT)}:{number}", words


def resolves(words: str) -> bool:
    """True when ``words`` start with a real command (a group, a command, or a group's command)."""
    first, _, second = words.partition(" ")
    context = click.Context(cli)
    command = cli.get_command(context, first)
    if command is None:
        return False
    if isinstance(command, click.Group) and second:
        return command.get_command(click.Context(command, parent=context), second) is not None
    return True


@pytest.mark.parametrize(("where", "words"), list(quoted_commands()))
def test_a_quoted_kiosk_command_exists(where: str, words: str) -> None:
    assert resolves(words), f"{where}: 'kiosk {words}' is not a command"


def quoted_command_lines() -> Iterator[tuple[str, str]]:
    """(where, text after 'kiosk ') for every quoted command, whole: options included."""
    quoted = {
        ".md": re.compile(r"`kiosk ([^`]+)`"),
        ".py": re.compile(r"`kiosk ([^`'\"]+)`|'kiosk ([^'\"]+)'"),
    }
    block_line = re.compile(r"^\s*(?:\$ )?kiosk (.+)$")
    docs = [README, *sorted((ROOT / "docs").glob("*.md"))]
    for path in [*docs, *sorted((ROOT / "kiosk").rglob("*.py"))]:
        in_block = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if path.suffix == ".md" and line.lstrip().startswith("```"):
                in_block = not in_block
                continue
            found = [next(g for g in m.groups() if g) for m in quoted[path.suffix].finditer(line)]
            if in_block:
                found += [m.group(1) for m in block_line.finditer(line)]
            for text in found:
                yield f"{path.relative_to(ROOT)}:{number}", text


def unknown_options(text: str) -> list[str]:
    """The options in a quoted command line that neither the command nor a group above it
    (nor ``kiosk`` itself: ``--db``) takes. The words up to a placeholder such as ``[…]``,
    ``A|B`` or ``…`` are checked."""
    words: list[str] = []
    for token in text.split():
        if any(c in token for c in "[]|…<>{}()"):
            break
        words.append(token)
    context = click.Context(cli)
    command: click.Command = cli
    taken = {"--help", "-h", *(o for p in cli.params for o in (*p.opts, *p.secondary_opts))}
    for word in words:
        if isinstance(command, click.Group) and not word.startswith("-"):
            sub = command.get_command(context, word)
            if sub is None:
                continue  # a value ('--db event.db') or an argument
            context, command = click.Context(sub, parent=context), sub
            taken |= {o for p in sub.params for o in (*p.opts, *p.secondary_opts)}
    return [w.split("=")[0] for w in words if w.startswith("-") and w.split("=")[0] not in taken]


@pytest.mark.parametrize(("where", "text"), list(quoted_command_lines()))
def test_a_quoted_kiosk_command_takes_the_options_it_shows(where: str, text: str) -> None:
    assert unknown_options(text) == [], f"{where}: 'kiosk {text}'"


def test_an_option_a_command_does_not_take_is_caught() -> None:
    assert unknown_options("online --day 2026-09-28") == ["--day"]  # what an old message said
    assert unknown_options("--db event.db checkin --list 3 CODE") == []
    assert unknown_options("checkin CODE --db event.db") == []
    assert unknown_options("report --day DAY -o out.xlsx --language bg") == []
    assert unknown_options("sync export|import --dir STICK") == []  # placeholders end the check


def test_a_made_up_command_is_caught() -> None:
    assert not resolves("online --day")  # what an old message suggested
    assert resolves("online unmatched")
    assert resolves("checkin")
    assert shlex.split("kiosk checkin CODE")[1] == "checkin"
