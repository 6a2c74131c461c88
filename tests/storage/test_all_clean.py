"""``all_clean`` (the bulk import's test for columns that need no cleaning) agrees with
``clean`` for every character and for random mixes of awkward ones."""

from __future__ import annotations

import random
import unicodedata

from kiosk.core.text import all_clean, clean


def _expected(values: list[str]) -> bool:
    return all(clean(v) == v for v in values)


def _awkward(c: str) -> bool:
    return (
        c.isspace()
        or unicodedata.category(c) in {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Mc", "Me"}
        or not unicodedata.is_normalized("NFC", "a" + c)
    )


def test_every_awkward_character() -> None:
    for i in range(0x110000):
        if i == 10 or 0xD800 <= i <= 0xDFFF:
            continue
        c = chr(i)
        if i >= 0x3100 and not _awkward(c):
            continue
        for values in (["a" + c + "b"], ["x", c + "b"]):
            assert all_clean(values) == _expected(values), (hex(i), values)


def test_random_mixes() -> None:
    alphabet = [*"aA é\u0301e\u0301şţ\u00a0\t\u200b И\u0306й \n", "\u1100", "\u1161", "\uac00"]
    rng = random.Random(7)
    for _ in range(20000):
        values = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(1, 3))
        ]
        assert all_clean(values) == _expected(values), values


def test_edges() -> None:
    assert all_clean([])
    assert all_clean(["", ""])
    assert not all_clean(["a\nb"])
    assert not all_clean(["a ", "b"])
    assert not all_clean(["a", " b"])
    assert not all_clean(["a  b"])
    assert all_clean({"Ana", "Ștefan", "Иван"})
