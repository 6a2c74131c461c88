"""Broken badge templates: any damage gives a TemplateError naming the file, or a template that
renders; never a crash."""

from __future__ import annotations

import contextlib
import copy
import json
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.badges.render import BadgeData, BadgeError, render_badge
from kiosk.badges.template import BadgeTemplate, TemplateError, load_template
from kiosk.core.model import Attendee

ROLL = Path(__file__).resolve().parents[2] / "kiosk" / "assets" / "badges" / "roll-80mm.toml"
BASE = tomllib.loads(ROLL.read_text(encoding="utf-8"))
PERSON = BadgeData.from_attendee(
    Attendee(1, "K7M2XR9PD", "Анастасия-Александра", "Константинова-Вълканова", "Клъстер",
             "Bulgaria", "speaker"),
    "BG-RO Cluster Conference",
)  # fmt: skip
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

odd_values = st.one_of(
    st.sampled_from([0, -1, 10**6, -(10**6), 1e9, 1e-9, math.inf, -math.inf, math.nan]),
    st.sampled_from(["", "auto", "#zzzzzz", "☃", "x" * 300, True, [], [0, 0, 0, 0]]),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=5),
    st.text(max_size=20),
)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, int | str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def leaves(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(doc, dict):
        return [path] + [p for k, v in doc.items() for p in leaves(v, (*path, k))]
    if isinstance(doc, list):
        return [path] + [p for i, v in enumerate(doc) for p in leaves(v, (*path, i))]
    return [path]


PATHS = [p for p in leaves(BASE) if p]


def check(path: Path) -> None:
    try:
        template = load_template(path)
    except TemplateError as error:
        assert path.name in str(error)
        return
    if isinstance(template, BadgeTemplate):
        with contextlib.suppress(BadgeError):
            render_badge(PERSON, template)


@FUZZ
@given(changes=st.lists(st.tuples(st.sampled_from(PATHS), odd_values), min_size=1, max_size=4))
def test_a_damaged_template_is_refused_with_its_name_or_renders(
    tmp_path: Path, changes: list[tuple[tuple[Any, ...], Any]]
) -> None:
    doc = copy.deepcopy(BASE)
    for where, value in changes:
        target = doc
        try:
            for step in where[:-1]:
                target = target[step]
            target[where[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change replaced the container
    path = tmp_path / "damaged.toml"
    path.write_text(
        "\n".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in doc.items()), encoding="utf-8"
    )
    check(path)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_any_bytes_as_a_template_are_refused_with_the_file_name(
    tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "random.toml"
    path.write_bytes(data)
    check(path)


@pytest.mark.parametrize("depth", [3000, 100_000])
def test_a_template_nested_thousands_deep_is_refused_not_a_crash(
    tmp_path: Path, depth: int
) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("a = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"deep\.toml"):
        load_template(path)


@pytest.mark.parametrize("palette", ["x" * 300, ".", "missing.toml"])
def test_a_palette_that_cannot_be_read_is_refused_with_the_template_name(
    tmp_path: Path, palette: str
) -> None:
    """Found by the fuzz above: a 300-character palette name raised OSError (name too long)."""
    doc = copy.deepcopy(BASE)
    (ribbon,) = [e for e in doc["elements"] if "palette" in e]
    ribbon["palette"] = palette
    path = tmp_path / "damaged.toml"
    path.write_text(
        "\n".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in doc.items()), encoding="utf-8"
    )
    with pytest.raises(TemplateError, match=r"damaged\.toml.*palette"):
        load_template(path)
