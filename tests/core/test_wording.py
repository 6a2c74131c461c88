"""The reason catalogue (kiosk.core.wording): every reason and hint has its words in every
language for staff and for attendees, and no other module keeps a table of them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kiosk.core import wording
from kiosk.core.model import Method
from kiosk.core.reasons import Hint, Reason
from kiosk.core.selfservice import Outcome, attendee_outcome
from kiosk.core.wording import LANGUAGES, Words

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def every_text() -> list[Words]:
    return [
        *wording.REASON.values(), *wording.HEADLINE.values(), *wording.HINT.values(),
        *wording.DETAIL.values(), *wording.PHRASE.values(), wording.WELCOME,
        wording.WELCOME_NAME,
        *(w for pair in wording.ATTENDEE.values() for w in pair if w is not None),
        *wording.METHOD.values(),
    ]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reason_has_a_name_and_a_line_for_staff_in_every_language(language: str) -> None:
    assert set(wording.REASON) == set(Reason) == set(wording.DETAIL)
    for reason in Reason:
        assert wording.reason_name(reason, language).strip()
        assert wording.headline(reason, None, language).strip()
        assert wording.detail(reason, language).strip()
        assert wording.history_text(reason, language).strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_hint_has_words_for_staff_in_every_language(language: str) -> None:
    assert set(wording.HINT) == set(Hint)
    for hint in Hint:
        assert wording.hint_text(hint, language).strip()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("reason", [*Reason, None])
def test_every_reason_tells_the_attendee_something_in_every_language(
    reason: Reason | None, language: str
) -> None:
    for queued in (True, False):
        for name in ("Ana", ""):
            title, line = wording.attendee_words(attendee_outcome(reason, queued), name, language)
            assert title.strip() and line.strip()
    assert set(wording.ATTENDEE) == set(Outcome)


def test_an_attendee_is_never_told_a_technical_reason() -> None:
    assert attendee_outcome(Reason.REVOKED, True) is Outcome.SEE_DESK
    assert attendee_outcome(Reason.INVALID_SIGNATURE, True) is Outcome.SEE_DESK
    assert attendee_outcome(Reason.UNPAID, True) is Outcome.SEE_DESK
    assert attendee_outcome(Reason.NOT_ON_LIST, True) is Outcome.NOT_TODAY
    assert wording.attendee_words(Outcome.WELCOME_BADGE, "Ana", "ro")[0] == "Bun venit, Ana!"


def test_bulgarian_and_romanian_are_translations_not_copies() -> None:
    same = [w.en for w in every_text() if w.en in (w.bg, w.ro) and w.en != "VIP"]
    assert same == []


def test_every_language_fills_in_the_same_placeholders() -> None:
    for words in every_text():
        names = {lang: sorted(_PLACEHOLDER.findall(words.in_(lang))) for lang in LANGUAGES}
        assert names["bg"] == names["en"] == names["ro"], words


def test_bulgarian_is_cyrillic_and_romanian_has_comma_below_letters() -> None:
    for words in every_text():
        assert not re.search("[şţŞŢ]", words.ro), words.ro
        # Latin letters in Bulgarian only where they name a key, a letter of a code or a list.
        latin = re.sub(r"\{\w*\}|\b[UQYZV]\b|VIP", "", words.bg)
        assert not re.search("[A-Za-z]", latin), words.bg


def _catalogue_strings() -> set[str]:
    found = {w.in_(lang) for w in every_text() for lang in LANGUAGES}
    # Single words ("Exit", "Undo") are everyday button labels too; sentences and phrases are
    # what a second table would repeat.
    return {text for text in found if " " in text}


def _modules() -> list[Path]:
    """Every module but the catalogue, and but the importers: they recognise other platforms'
    words in files ("Checked in" is a pretix column), they do not say ours."""
    return [
        p for p in KIOSK.rglob("*.py")
        if p != KIOSK / "core" / "wording.py" and KIOSK / "importing" not in p.parents
    ]  # fmt: skip


def test_no_other_module_repeats_a_text_of_the_catalogue() -> None:
    catalogue = _catalogue_strings()
    repeated = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in catalogue:
                repeated.append(f"{path.relative_to(KIOSK)}:{node.lineno}: {node.value!r}")
    assert repeated == []


def _names_a_code(node: ast.expr | None) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in ("Reason", "Hint")
    )


def test_no_other_module_keeps_a_table_of_words_by_reason_or_hint() -> None:
    tables = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict) or len(node.keys) < 3:
                continue
            words = [
                v for k, v in zip(node.keys, node.values, strict=True)
                if _names_a_code(k) and (isinstance(v, ast.Constant | ast.Call | ast.JoinedStr))
                and not (isinstance(v, ast.Constant) and not isinstance(v.value, str))
            ]  # fmt: skip
            if len(words) >= 3:
                tables.append(f"{path.relative_to(KIOSK)}:{node.lineno}")
    assert tables == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_way_of_checking_in_has_words_and_the_desk_and_reports_say_the_same(
    language: str,
) -> None:
    """One table of how a check-in was made (wording.METHOD): the desk's person history
    (kiosk.ui.texts.method_text) and the reports' column (register.method_label) both read it."""
    from kiosk.reports.register import METHODS, method_label
    from kiosk.reports.texts import texts

    assert set(wording.METHOD) == set(Method)
    assert tuple(m.value for m in Method) == METHODS
    t = texts(language)
    for method in Method:
        said = wording.method_text(method.value, language)
        assert said.strip()
        assert method_label(t, method.value) == said
    assert wording.method_text("", language) == "" == method_label(t, "")
    assert wording.method_text("teleported", language) == ""


def test_no_other_module_keeps_a_table_of_words_by_method() -> None:
    methods = {m.value for m in Method} | {f"method.{m.value}" for m in Method}
    tables = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            keyed = [
                k for k in node.keys
                if (isinstance(k, ast.Constant) and k.value in methods)
                or (isinstance(k, ast.Attribute) and isinstance(k.value, ast.Name)
                    and k.value.id == "Method")
            ]  # fmt: skip
            if len(keyed) >= 3:
                tables.append(f"{path.relative_to(KIOSK)}:{node.lineno}")
    assert tables == []
