"""Search finds a person however their name is commonly spelt, in either script.

Outside references:
* Bulgarian Transliteration Act (Закон за транслитерацията, ДВ бр. 19 от 13.03.2009), art. 4
  (the letter table), art. 5 (a final "-ия" is "-ia": Мария – Maria, София – Sofia; inside a
  word "iya": Вилияна – Viliyana) and the Institute for Bulgarian Language's note on it
  ("Транслитериране на български собствени имена", ibl.bas.bg), which lists the spellings met in
  practice besides the Act's: ъ as "u", ц as "c", й as "j" or "i", ю/я as "ju/ja" or "iu/ia".
* Romanian orthography (DOOM3): ș ț are written with a comma below; ş ţ (cedilla) are the legacy
  forms keyboards and old exports still produce, and both must find the same person.
"""

from __future__ import annotations

import pytest

from kiosk.core.text import clean, transliterate
from kiosk.storage.database import Database
from kiosk.storage.search import search
from tests.storage.test_search_speed_shapes import add

#: (first name, last name) as the Act writes them → the Cyrillic original (Act, art. 4 letter by
#: letter; art. 5: a final "ия" is "ia" — Юлия is Yulia, not Yuliya — and inside a word "iya").
ACT_EXAMPLES = [
    (("Vesela", "Lozanova"), ("Весела", "Лозанова")),
    (("Maria", "Ivanova"), ("Мария", "Иванова")),
    (("Sofia", "Zheravna"), ("София", "Жеравна")),
    (("Viliyana", "Shtereva"), ("Вилияна", "Щерева")),
    (("Yordan", "Tsvetkov"), ("Йордан", "Цветков")),
    (("Hristo", "Chavdarov"), ("Христо", "Чавдаров")),
    (("Dimitar", "Atanasov"), ("Димитър", "Атанасов")),
    (("Yulia", "Lyutibrodska"), ("Юлия", "Лютибродска")),
    (("Tsvetan", "Shterev"), ("Цветан", "Щерев")),
    (("Siyana", "Yovkova"), ("Сияна", "Йовкова")),
    (("Andreshko", "Saedinenov"), ("Андрешко", "Съединенов")),
]


@pytest.mark.parametrize(("latin", "cyrillic"), ACT_EXAMPLES)
def test_the_act_spells_each_example_as_kiosk_transliterates_it(
    latin: tuple[str, str], cyrillic: tuple[str, str]
) -> None:
    assert transliterate(" ".join(cyrillic)) == " ".join(latin)


def found(db: Database, query: str) -> list[str]:
    return [h.attendee.name for h in search(db, query)]


@pytest.mark.parametrize(("latin", "cyrillic"), ACT_EXAMPLES)
def test_the_acts_examples_find_each_other_in_both_scripts(
    db: Database, latin: tuple[str, str], cyrillic: tuple[str, str]
) -> None:
    add(db, (*cyrillic, "", ""), ("Petar", "Petrov", "", ""))
    assert found(db, " ".join(latin)) == [" ".join(cyrillic)]
    add(db, (*latin, "", ""))
    assert found(db, " ".join(cyrillic))[:2] == [" ".join(cyrillic), " ".join(latin)]


SPELLINGS = {
    # Stored as (first, last) → queries that must find the person.
    ("Мария", "Иванова"): ["Mariya Ivanova", "Maria Ivanova", "Marija Ivanova", "Mariia Ivanova"],
    ("Mariya", "Ivanova"): ["Мария Иванова", "Maria Ivanova", "Mariia", "Marija"],
    ("София", "Петрова"): ["Sofiya", "Sofia", "Sofija"],
    ("Юлия", "Стоянова"): ["Yuliya", "Julia", "Iulia", "Juliya", "Yulia Stojanova", "Stoianova"],
    ("Йордан", "Стоянов"): ["Iordan", "Jordan", "Yordan", "Jordan Stoyanov"],
    ("Iordan", "Iliev"): ["Jordan", "Yordan", "Йордан", "Йордан Илиев"],
    ("Живко", "Жеков"): ["Jivko", "Zhivko", "Zivko", "Jivko Jekov"],
    ("Jivko", "Zhekov"): ["Zhivko", "Живко", "Zivko Zekov", "Живко Жеков"],
    ("Цветан", "Цанев"): ["Tzvetan", "Cvetan", "Tsvetan", "Tzvetan Tzanev", "Cvetan Canev"],
    ("Tzvetan", "Tzonev"): ["Tsvetan Tsonev", "Cvetan", "Цветан Цонев"],
    ("Христо", "Христов"): ["Christo", "Hristo", "Khristo", "Christo Hristov"],
    ("Christo", "Kirov"): ["Hristo", "Христо Киров"],
    ("Димитър", "Вълков"): ["Dimitur", "Dimitar", "Dimitar Valkov", "Dimitur Vulkov"],
    ("Dimitur", "Vulkov"): ["Dimitar Valkov", "Димитър Вълков"],
    ("Петър", "Петровски"): ["Petrovsky", "Petrovski", "Petur Petrovskiy"],
    ("Georgi", "Petrovsky"): ["Petrovski", "Петровски", "Gheorghi"],
    ("Георги", "Хаджиев"): ["Gheorghi", "Georgi", "Hadjiev", "Hadzhiev", "Gheorghi Hadjiev"],
    ("Gheorghi", "Hadjiev"): ["Георги Хаджиев", "Georgi Hadzhiev"],
    ("Щерьо", "Щерев"): ["Shterev", "Scherev", "Shcherev"],
    ("Жельо", "Желязков"): ["Zhelyo", "Zheljo", "Zhelio", "Jelio Jelyazkov"],
    ("Николай", "Чавдаров"): ["Nikolay", "Nikolai", "Nikolaj", "Chavdarov"],
    ("Елица", "Тодорова"): ["Elitsa", "Elica", "Elitza"],
    ("Ștefan", "Ștefănescu"): ["Стефанеску", "Стефан Стефанеску", "stefanescu", "Ştefănescu"],
    ("Ion", "Ionescu"): ["Йонеску", "Йон Йонеску", "Ionesku"],
    ("Gheorghe", "Chiriac"): ["Георге Кириак", "Gheorghe Kiriak"],
    ("Cezar", "Țurcanu"): ["Чезар", "Cezar Turcanu", "Ţurcanu"],
    ("Şerban", "Ţepeş"): ["Șerban Țepeș", "Serban Tepes", "Шербан"],
}


@pytest.mark.parametrize(
    ("stored", "query"), [(person, q) for person, queries in SPELLINGS.items() for q in queries]
)
def test_every_common_spelling_finds_the_person(
    db: Database, stored: tuple[str, str], query: str
) -> None:
    add(db, (*stored, "", ""), ("Ana", "Popescu", "", ""), ("Иван", "Иванов", "", ""))
    assert found(db, query) == [clean(" ".join(stored))], query


def test_exact_spellings_come_before_other_spellings_of_the_name(db: Database) -> None:
    add(
        db,
        ("Mariya", "Petrova", "", ""),
        ("Maria", "Petrova", "", ""),
        ("Marija", "Petrova", "", ""),
        ("Мария", "Петрова", "", ""),
    )
    # "Maria" is the Act's spelling of Мария: those two match exactly; the others by their key.
    hits = search(db, "Maria Petrova")
    assert [h.attendee.name for h in hits[:2]] == ["Maria Petrova", "Мария Петрова"]
    assert {h.attendee.name for h in hits[2:]} == {"Mariya Petrova", "Marija Petrova"}
    assert hits[0].score == hits[1].score < hits[2].score
    # And a person whose name is typed exactly is first whatever the script of the others.
    assert search(db, "Marija")[0].attendee.name == "Marija Petrova"
    # Мария is indexed as Mariya and Mariia too (how most people write it): both exact.
    assert {h.attendee.name for h in search(db, "Mariya")[:2]} == {
        "Mariya Petrova", "Мария Петрова"}  # fmt: skip


def test_a_name_match_of_any_spelling_comes_before_an_organisation_match(db: Database) -> None:
    add(db, ("Ana", "Popescu", "Hristo Botev School", ""), ("Christo", "Nikolov", "", ""))
    assert found(db, "Hristo") == ["Christo Nikolov", "Ana Popescu"]


#: Different names one letter or one sound apart (neither a prefix of the other, as people type
#: partly): neither may find the other, in either direction.
NEAR_MISSES = [
    ("Marin", "Maria"),
    ("Mario", "Maria"),
    ("Ivana", "Yvonne"),
    ("Ioana", "Ivana"),
    ("Petar", "Peter"),
    ("Stoyan", "Stoyko"),
    ("Georgi", "Gergana"),
    ("Hristo", "Kristian"),
    ("Tsvetan", "Stefan"),
    ("Zhivko", "Ivo"),
    ("Yordan", "Radan"),
    ("Dimitar", "Dimo"),
    ("Elitsa", "Elena"),
    ("Iulian", "Julien"),
    ("Radu", "Rada"),
    ("Burov", "Borov"),
    ("Ionescu", "Ionita"),
    ("Stefanescu", "Stanescu"),
    ("Popescu", "Popov"),
    ("Todorov", "Teodorov"),
    ("Nikolov", "Nikolaev"),
    ("Bogdan", "Bozhidar"),
]


@pytest.mark.parametrize(("stored", "query"), [*NEAR_MISSES, *((b, a) for a, b in NEAR_MISSES)])
def test_near_miss_names_do_not_find_each_other(db: Database, stored: str, query: str) -> None:
    add(db, (stored, "Test", "", ""))
    assert found(db, f"{query} Test") == []


def test_an_index_built_by_an_older_kiosk_is_rebuilt_when_the_file_is_opened(
    db: Database,
) -> None:
    add(db, ("Mariya", "Ivanova", "", ""))
    with db.write() as conn:  # as an older Kiosk left it: no loose keys, no version
        conn.execute("DELETE FROM search_term WHERE field >= 4")
        conn.execute("DELETE FROM search_index")
    assert found(db, "Maria Ivanova") == []
    with Database(db.path) as again:
        assert found(again, "Maria Ivanova") == ["Mariya Ivanova"]
