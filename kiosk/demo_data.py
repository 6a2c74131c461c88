"""Realistic synthetic registrations for the demo event and for benchmarks.

The demo event is a two-day Bulgarian–Romanian business-cluster conference (an EU-funded
cross-border programme) with B2B meetings: about half the people are Bulgarian (names and most
organisations in Cyrillic, with the right male and female surname forms), two fifths Romanian
(Latin with ă â î ș ț) and the rest Greek, Serbian, Turkish, German, Moldovan or EU officials
based in Brussels.

Every row is built as if read from a registration file: ``raw`` holds the values as typed
(a few Romanian rows use the legacy cedilla letters ş ţ, a few have stray spaces) and the fields
are those values passed through :func:`kiosk.core.text.clean`. Output is deterministic for a
given seed and fast (100,000 people take well under two seconds).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

from kiosk.core.model import Registration
from kiosk.core.text import clean, transliterate

__all__ = [
    "BG_FEMALE_FIRST_NAMES",
    "BG_MALE_FIRST_NAMES",
    "BG_SURNAMES",
    "CATEGORIES",
    "COUNTRIES",
    "LANGUAGES",
    "bg_female_surname",
    "demo_registrations",
]

T = TypeVar("T")

# ------------------------------------------------------------------------------------------------
# People
# ------------------------------------------------------------------------------------------------

#: Bulgarian first names, most frequent first.
BG_MALE_FIRST_NAMES: tuple[str, ...] = (
    "Иван", "Георги", "Димитър", "Николай", "Петър", "Христо", "Стоян", "Йордан", "Тодор",
    "Атанас", "Васил", "Красимир", "Пламен", "Стефан", "Александър", "Мартин", "Цветан", "Емил",
    "Калоян", "Светослав", "Любомир", "Радослав", "Борислав", "Явор", "Кирил", "Ангел",
    "Костадин", "Божидар", "Венелин", "Живко", "Ясен", "Чавдар", "Юлиян", "Огнян", "Велизар",
    "Драгомир", "Росен", "Тихомир", "Асен", "Веселин", "Момчил", "Румен", "Валентин", "Бойко",
    "Станислав", "Методи", "Цанко", "Жельо", "Трифон", "Щилиян",
)  # fmt: skip
BG_FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Мария", "Елена", "Иванка", "Десислава", "Гергана", "Цветелина", "Юлия", "Христина",
    "Радостина", "Калина", "Ивелина", "Надежда", "Силвия", "Теодора", "Петя", "Милена",
    "Снежана", "Валентина", "Росица", "Виолета", "Ралица", "Анелия", "Йорданка", "Благовеста",
    "Боряна", "Светла", "Яна", "Весела", "Стела", "Габриела", "Цветомира", "Людмила", "Даниела",
    "Антоанета", "Вяра", "Ивана", "Катерина", "Николета", "Зорница", "Деница", "Мариела", "Женя",
    "Димитрина", "Румяна", "Емилия", "Галя", "Таня", "Ваня", "Нели", "Веселина",
)  # fmt: skip
_BG_SURNAMES_MALE = (
    "Иванов", "Георгиев", "Димитров", "Петров", "Николов", "Христов", "Стоянов", "Тодоров",
    "Йорданов", "Илиев", "Атанасов", "Ангелов", "Василев", "Маринов", "Колев", "Стефанов",
    "Цветков", "Костадинов", "Михайлов", "Кръстев", "Попов", "Янков", "Жеков", "Щерев", "Пенев",
    "Радев", "Станев", "Дончев", "Бончев", "Тончев", "Вълчев", "Младенов", "Божилов", "Кирилов",
    "Митев", "Славов", "Минчев", "Желязков", "Павлов", "Лазаров", "Събев", "Ганчев", "Енчев",
    "Паунов", "Цанков", "Ковачев", "Русев", "Дечев", "Калчев", "Костов", "Ненчев", "Кънчев",
    "Зафиров", "Алексиев", "Чобанов", "Шишков", "Хаджиев", "Въжаров", "Йотов", "Ценов",
    "Габровски", "Търновски",
)  # fmt: skip


def bg_female_surname(male: str) -> str:
    """The female form of a Bulgarian surname: Иванов → Иванова, Щерев → Щерева,
    Габровски → Габровска."""
    if male.endswith("ски"):
        return male[:-3] + "ска"
    if male.endswith(("ов", "ев", "ин")):
        return male + "а"
    raise ValueError(f"no female form known for {male!r}")


#: Bulgarian surnames as (male form, female form), most frequent first.
BG_SURNAMES: tuple[tuple[str, str], ...] = tuple(
    (m, bg_female_surname(m)) for m in _BG_SURNAMES_MALE
)

_RO_MALE = (
    "Andrei", "Alexandru", "Mihai", "Ion", "Ștefan", "Gheorghe", "Constantin", "Bogdan",
    "Cătălin", "Răzvan", "Ionuț", "Florin", "Adrian", "Cristian", "Marius", "Gabriel", "Daniel",
    "Nicolae", "Radu", "Vlad", "Tudor", "Sorin", "Dănuț", "Dragoș", "Ovidiu", "Lucian", "Mircea",
    "Victor", "Valentin", "Cosmin", "Octavian", "Silviu", "Aurel", "Iulian", "Horațiu", "Traian",
    "Viorel", "Liviu", "Costel", "Emil", "Petru", "Sebastian", "Ciprian", "Laurențiu", "Remus",
)  # fmt: skip
_RO_FEMALE = (
    "Maria", "Elena", "Ana", "Ioana", "Andreea", "Ana-Maria", "Mădălina", "Irina", "Oana",
    "Raluca", "Cristina", "Alina", "Roxana", "Simona", "Gabriela", "Mihaela", "Diana", "Larisa",
    "Alexandra", "Bianca", "Corina", "Daniela", "Laura", "Monica", "Georgiana", "Iuliana",
    "Ramona", "Loredana", "Anca", "Carmen", "Florentina", "Luminița", "Denisa", "Adina",
    "Teodora", "Camelia", "Ileana", "Mirela", "Lăcrămioara", "Doina", "Nicoleta", "Ștefania",
    "Cătălina", "Maria-Magdalena",
)  # fmt: skip
_RO_SURNAMES = (
    "Popescu", "Ionescu", "Popa", "Dumitrescu", "Stan", "Stoica", "Munteanu", "Constantinescu",
    "Rădulescu", "Ștefănescu", "Dumitru", "Gheorghiu", "Matei", "Marin", "Tănase", "Dragomir",
    "Moldovan", "Lungu", "Bălan", "Sârbu", "Cîrstea", "Țăranu", "Mărgineanu", "Stănescu",
    "Căpraru", "Niculescu", "Brâncoveanu", "Vâlcu", "Ene", "Dinu", "Dobre", "Barbu", "Nistor",
    "Florea", "Cristea", "Toma", "Ursu", "Mocanu", "Diaconu", "Oprea", "Voicu", "Neagu", "Pîrvu",
    "Mihăilescu", "Iordache", "Enache", "Anghel", "Vasilescu", "Pătrașcu", "Crăciun", "Roșu",
    "Zamfir", "Șerban", "Lăzărescu", "Grigore", "Costache", "Mușat", "Nițu", "Chiriță",
    "Vlădescu", "Bîrsan", "Tudose", "Surdu",
)  # fmt: skip

_MD_MALE = (
    "Ion", "Vasile", "Sergiu", "Andrei", "Igor", "Victor", "Dumitru", "Alexandru", "Vadim",
    "Nicolae", "Veaceslav", "Iurie",
)  # fmt: skip
_MD_FEMALE = (
    "Ana", "Natalia", "Tatiana", "Elena", "Olga", "Cristina", "Irina", "Mariana", "Svetlana",
    "Doina", "Ludmila", "Veronica",
)  # fmt: skip
_MD_SURNAMES = (
    "Rusu", "Ciobanu", "Ceban", "Cojocaru", "Lupu", "Țurcanu", "Rotari", "Guțu", "Cebotari",
    "Sîrbu", "Bodiu", "Munteanu", "Ursu", "Moraru", "Bălan", "Melnic",
)  # fmt: skip

_GR_MALE = (
    "Nikos", "Giorgos", "Dimitris", "Konstantinos", "Yannis", "Kostas", "Vasilis", "Christos",
    "Panagiotis", "Thanasis", "Stavros", "Michalis",
)  # fmt: skip
_GR_FEMALE = (
    "Maria", "Eleni", "Katerina", "Sofia", "Georgia", "Despina", "Vasiliki", "Anna", "Dimitra",
    "Ioanna", "Chrysa", "Angeliki",
)  # fmt: skip
_GR_SURNAMES = (
    ("Papadopoulos", "Papadopoulou"), ("Nikolaidis", "Nikolaidou"), ("Georgiou", "Georgiou"),
    ("Papadakis", "Papadaki"), ("Oikonomou", "Oikonomou"), ("Karagiannis", "Karagianni"),
    ("Vlachos", "Vlachou"), ("Konstantinidis", "Konstantinidou"), ("Dimitriou", "Dimitriou"),
    ("Alexiou", "Alexiou"), ("Makris", "Makri"), ("Pappas", "Pappa"),
    ("Theodorou", "Theodorou"), ("Angelopoulos", "Angelopoulou"),
)  # fmt: skip

_RS_MALE = (
    "Marko", "Nikola", "Stefan", "Miloš", "Aleksandar", "Dragan", "Nenad", "Dušan", "Vladimir",
    "Bojan", "Zoran", "Đorđe",
)  # fmt: skip
_RS_FEMALE = (
    "Jelena", "Milica", "Ana", "Marija", "Ivana", "Jovana", "Dragana", "Snežana", "Tijana",
    "Katarina", "Nataša", "Vesna",
)  # fmt: skip
_RS_SURNAMES = (
    "Marković", "Jovanović", "Petrović", "Nikolić", "Đorđević", "Stojanović", "Ilić",
    "Pavlović", "Milošević", "Popović", "Živković", "Todorović", "Stanković", "Kostić",
)  # fmt: skip

_TR_MALE = (
    "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Emre", "Burak", "Can", "Oğuz", "Serkan",
    "Murat", "Kemal",
)  # fmt: skip
_TR_FEMALE = (
    "Ayşe", "Fatma", "Elif", "Zeynep", "Emine", "Özlem", "Selin", "Derya", "Gül", "Büşra",
    "Esra", "Merve",
)  # fmt: skip
_TR_SURNAMES = (
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan",
    "Koç", "Kurt", "Özdemir", "Erdoğan",
)  # fmt: skip

_DE_MALE = (
    "Thomas", "Michael", "Jürgen", "Stefan", "Andreas", "Klaus", "Matthias", "Markus", "Jens",
    "Florian", "Tobias", "Uwe",
)  # fmt: skip
_DE_FEMALE = (
    "Sabine", "Katrin", "Anja", "Claudia", "Julia", "Susanne", "Petra", "Birgit", "Annika",
    "Lena", "Jördis", "Ulrike",
)  # fmt: skip
_DE_SURNAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Hoffmann", "Schäfer", "Koch", "Bauer", "Krüger", "Weiß", "Günther",
)  # fmt: skip

_BE_MALE = (
    "Pieter", "Jan", "Luc", "Marc", "Philippe", "Thomas", "Olivier", "Wouter", "Koen",
    "Jean-Pierre", "François", "Bart",
)  # fmt: skip
_BE_FEMALE = (
    "Sophie", "Marie", "Els", "Nathalie", "Anne", "Isabelle", "Charlotte", "Lotte", "Caroline",
    "Sarah", "Hélène", "An",
)  # fmt: skip
_BE_SURNAMES = (
    "Peeters", "Janssens", "Maes", "Jacobs", "Laurent", "Dubois", "Lambert", "Dupont", "Claes",
    "Willems", "Goossens", "Mertens", "Lemaire", "Van den Berghe", "De Smet", "Lefèvre",
)  # fmt: skip

# ------------------------------------------------------------------------------------------------
# Organisations: (name, e-mail domain, relative weight); the first entries are the big ones.
# ------------------------------------------------------------------------------------------------

_NamedOrg = tuple[str, str, float]

_INTERREG_JS: _NamedOrg = ("Interreg VI-A Romania-Bulgaria JS", "interregrobg.eu", 2)

_BG_ORGS: tuple[_NamedOrg, ...] = (
    ("Клъстер Мехатроника и автоматизация", "mehatronika-klaster.bg", 12),
    ("Русенски университет „Ангел Кънчев“", "uni-ruse.bg", 12),
    ("ТПП Русе", "rcci.bg", 9),
    ("Агро Дунав ЕООД", "agrodunav.bg", 6),
    ("Софтуерен клъстер Варна", "varnasoftcluster.bg", 8),
    ("Община Видин", "vidin.bg", 5),
    ("Община Русе", "ruse.bg", 7),
    ("Община Силистра", "silistra.bg", 4),
    ("Община Добрич", "dobrich.bg", 3),
    ("Областна администрация Русе", "ruse.government.bg", 3),
    ("Технически университет — Варна", "tu-varna.bg", 5),
    ("Икономически университет — Варна", "ue-varna.bg", 4),
    ("Българска търговско-промишлена палата", "bcci.bg", 4),
    ("ИАНМСП", "sme.government.bg", 3),
    ("Министерство на регионалното развитие и благоустройството", "mrrb.bg", 4),
    ("Министерство на иновациите и растежа", "mig.government.bg", 3),
    ("Клъстер Информационни и комуникационни технологии", "ict-cluster.bg", 4),
    ("Клъстер Зелена енергия Добруджа", "greenenergy-dobrudzha.bg", 3),
    ("Аграрен университет — Пловдив", "au-plovdiv.bg", 3),
    ("Сдружение „Клъстер Дунав мост“", "dunavmost.bg", 3),
    ("Агенция за регионално развитие — Русе", "arr-ruse.bg", 2),
    ("Областен информационен център — Русе", "oic-ruse.bg", 3),
    ("Университет за национално и световно стопанство", "unwe.bg", 3),
    ("Софийски университет „Св. Климент Охридски“", "uni-sofia.bg", 3),
    ("Дунав Логистик ЕООД", "dunavlogistic.bg", 3),
    ("Балкан Мехатроника ООД", "balkanmechatronics.bg", 3),
    ("Тракия Софт АД", "trakiasoft.bg", 2),
    ("ТПП Добрич", "cci-dobrich.bg", 2),
    ("ТПП Видин", "vidin-cci.bg", 2),
    ("Институт по информационни и комуникационни технологии — БАН", "iict.bas.bg", 2),
    (
        "Министерство на регионалното развитие и благоустройството — Главна дирекция "
        "„Стратегическо планиране и програми за регионално развитие“",
        "mrrb.bg",
        1,
    ),
    ("Национално сдружение на общините в Република България", "namrb.org", 1),
    _INTERREG_JS,
)
_RO_ORGS: tuple[_NamedOrg, ...] = (
    ("Clusterul Agro-Food Dunărea de Jos", "agrofood-dunarea.ro", 12),
    ("Universitatea „Dunărea de Jos” din Galați", "ugal.ro", 10),
    ("CCI Constanța", "ccict.ro", 8),
    ("Mărăști Tech SRL", "marastitech.ro", 5),
    ("ADR Sud-Muntenia", "adrmuntenia.ro", 6),
    ("Primăria Giurgiu", "primariagiurgiu.ro", 5),
    ("Primăria Municipiului Călărași", "primariacalarasi.ro", 4),
    ("ADR Sud-Est", "adrse.ro", 4),
    ("Universitatea „Ovidius” din Constanța", "univ-ovidius.ro", 5),
    ("Universitatea Politehnica din București", "upb.ro", 4),
    ("Universitatea de Științe Agronomice și Medicină Veterinară din București", "usamv.ro", 2),
    ("Camera de Comerț și Industrie a României", "ccir.ro", 3),
    ("CCI Giurgiu", "ccigiurgiu.ro", 3),
    ("CCI Călărași", "ccicalarasi.ro", 3),
    ("Consiliul Județean Giurgiu", "cjgiurgiu.ro", 2),
    ("Consiliul Județean Constanța", "cjc.ro", 2),
    ("Clusterul Regional Inovativ de Energie Dobrogea", "energie-dobrogea.ro", 3),
    ("Clusterul TIC Sud-Muntenia", "tic-sudmuntenia.ro", 3),
    ("Ministerul Dezvoltării, Lucrărilor Publice și Administrației", "mdlpa.ro", 3),
    ("Ministerul Investițiilor și Proiectelor Europene", "mfe.gov.ro", 3),
    ("Asociația Română a Clusterelor", "clustero.eu", 2),
    ("Danubius Logistic SRL", "danubiuslogistic.ro", 2),
    ("Tomis Soft SRL", "tomissoft.ro", 2),
    ("Carpați Agro SA", "carpatiagro.ro", 2),
    ("Bărăgan Cereale SRL", "baragancereale.ro", 2),
    ("Universitatea „Constantin Brâncoveanu” din Pitești", "ucb.ro", 1),
    (
        "Institutul Național de Cercetare-Dezvoltare pentru Mașini și Instalații "
        "destinate Agriculturii și Industriei Alimentare — INMA București",
        "inma.ro",
        1,
    ),
    _INTERREG_JS,
)
_MD_ORGS: tuple[_NamedOrg, ...] = (
    ("Universitatea Tehnică a Moldovei", "utm.md", 4),
    ("ODIMM", "odimm.md", 3),
    ("Camera de Comerț și Industrie a Republicii Moldova", "chamber.md", 3),
    ("Clusterul Moldova IT Park", "moldovaitpark.md", 2),
)
_GR_ORGS: tuple[_NamedOrg, ...] = (
    ("Thessaloniki Chamber of Commerce and Industry", "ebeth.gr", 4),
    ("Aristotle University of Thessaloniki", "auth.gr", 4),
    ("Corallia Clusters Initiative", "corallia.org", 3),
    ("Region of Eastern Macedonia and Thrace", "pamth.gov.gr", 3),
    ("Interreg VI-A Greece-Bulgaria JS", "greece-bulgaria.eu", 2),
)
_RS_ORGS: tuple[_NamedOrg, ...] = (
    ("Vojvodina ICT Cluster", "vojvodinaictcluster.org", 4),
    ("Privredna komora Srbije", "pks.rs", 3),
    ("Univerzitet u Nišu", "ni.ac.rs", 3),
    ("Regionalna razvojna agencija Istok", "raris.org", 2),
)
_TR_ORGS: tuple[_NamedOrg, ...] = (
    ("Edirne Ticaret ve Sanayi Odası", "edirnetso.org.tr", 4),
    ("Trakya Üniversitesi", "trakya.edu.tr", 3),
    ("KOSGEB", "kosgeb.gov.tr", 3),
    ("Trakya Kalkınma Ajansı", "trakyaka.org.tr", 2),
)
_DE_ORGS: tuple[_NamedOrg, ...] = (
    ("Fraunhofer IPA", "ipa.fraunhofer.de", 5),
    ("Fraunhofer IFF", "iff.fraunhofer.de", 2),
    ("Steinbeis-Europa-Zentrum", "steinbeis-europa.de", 3),
    ("Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH", "giz.de", 3),
    ("Deutsch-Bulgarische Industrie- und Handelskammer", "dbihk.bg", 2),
    ("Deutsch-Rumänische Industrie- und Handelskammer", "ahkrumaenien.ro", 2),
    ("European Commission — DG REGIO", "ec.europa.eu", 1),
)
_BE_ORGS: tuple[_NamedOrg, ...] = (
    ("European Commission — DG REGIO", "ec.europa.eu", 8),
    ("European Commission — DG GROW", "ec.europa.eu", 3),
    ("European Committee of the Regions", "cor.europa.eu", 2),
    ("European Cluster Collaboration Platform", "clustercollaboration.eu", 3),
    ("Interreg Europe", "interregeurope.eu", 2),
    ("European Parliament", "europarl.europa.eu", 1),
    ("Interact Programme", "interact.eu", 1),
)

_BG_PRESS: tuple[_NamedOrg, ...] = (
    ("БНТ", "bnt.bg", 3), ("БНР — Радио Видин", "bnr.bg", 2), ("БТА", "bta.bg", 3),
    ("в. „Капитал“", "capital.bg", 2), ("Дарик радио", "darik.bg", 2),
    ("Bulgaria ON AIR", "bgonair.bg", 1), ("Русе Инфо", "ruseinfo.net", 1),
)  # fmt: skip
_RO_PRESS: tuple[_NamedOrg, ...] = (
    ("TVR", "tvr.ro", 3), ("Radio România Actualități", "srr.ro", 2),
    ("Agerpres", "agerpres.ro", 3), ("Ziarul Financiar", "zf.ro", 2), ("Digi24", "digi24.ro", 2),
    ("Ziua de Constanța", "ziuaconstanta.ro", 1),
)  # fmt: skip
_GR_PRESS: tuple[_NamedOrg, ...] = (("ERT", "ert.gr", 2), ("Kathimerini", "kathimerini.gr", 1))
_RS_PRESS: tuple[_NamedOrg, ...] = (("RTS", "rts.rs", 2), ("Tanjug", "tanjug.rs", 1))
_TR_PRESS: tuple[_NamedOrg, ...] = (
    ("Anadolu Ajansı", "aa.com.tr", 2),
    ("TRT Haber", "trt.net.tr", 1),
)
_DE_PRESS: tuple[_NamedOrg, ...] = (
    ("Deutsche Welle", "dw.com", 2),
    ("Handelsblatt", "handelsblatt.com", 1),
)
_BE_PRESS: tuple[_NamedOrg, ...] = (
    ("Euractiv", "euractiv.com", 2),
    ("Euronews", "euronews.com", 1),
)
_MD_PRESS: tuple[_NamedOrg, ...] = (
    ("Moldpres", "moldpres.md", 2),
    ("Ziarul de Gardă", "zdg.md", 1),
)
_BG_ORGANISERS: tuple[_NamedOrg, ...] = (
    ("Клъстер Мехатроника и автоматизация", "mehatronika-klaster.bg", 3),
    ("ТПП Русе", "rcci.bg", 2), _INTERREG_JS,
)  # fmt: skip
_RO_ORGANISERS: tuple[_NamedOrg, ...] = (
    ("Clusterul Agro-Food Dunărea de Jos", "agrofood-dunarea.ro", 3),
    ("CCI Constanța", "ccict.ro", 2), _INTERREG_JS,
)  # fmt: skip
_BG_STAFF = (*_BG_ORGANISERS, ("Дунав Ивент ЕООД", "dunavevent.bg", 4))
_RO_STAFF = (*_RO_ORGANISERS, ("Event Expert Dunărea SRL", "eventexpert.ro", 4))
_BG_PARTNERS: tuple[_NamedOrg, ...] = (
    ("Банка ДСК", "dskbank.bg", 2), ("УниКредит Булбанк", "unicreditbulbank.bg", 2),
    ("Българска банка за развитие", "bbr.bg", 2), ("Фонд на фондовете", "fmfib.bg", 1),
)  # fmt: skip
_RO_PARTNERS: tuple[_NamedOrg, ...] = (
    ("Banca Transilvania", "btrl.ro", 2), ("BRD — Groupe Société Générale", "brd.ro", 2),
    ("CEC Bank", "cec.ro", 1),
    ("Fondul Național de Garantare a Creditelor pentru Întreprinderile Mici și Mijlocii",
     "fngcimm.ro", 1),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _CompanyParts:
    """Parts for composing "<root> <activity> <legal form>" company names in one language."""

    roots: tuple[str, ...]
    activities: tuple[str, ...]
    forms: tuple[str, ...]  # repeated entries make a form more frequent
    tld: str
    open_quote: str = ""
    close_quote: str = ""
    activity_first: bool = False  # "Агро Дунав" as well as "Дунав Агро"


_BG_PARTS = _CompanyParts(
    roots=(
        "Дунав", "Балкан", "Тракия", "Родопи", "Мизия", "Хемус", "Витоша", "Стара планина",
        "Добруджа", "Пирин", "Искър", "Янтра", "Арда", "Марица", "Огоста", "Лудогорие",
        "Черно море", "Странджа", "Сакар", "Беласица", "Рила", "Тунджа", "Камчия", "Осъм", "Вит",
        "Струма", "Мальовица", "Мусала", "Кайлъка", "Русе", "Видин", "Силистра", "Тутракан",
        "Свищов", "Никопол", "Лом", "Белене", "Козлодуй", "Оряхово", "Тетевен",
    ),
    activities=(
        "Агро", "Инженеринг", "Софт", "Логистик", "Мехатроника", "Консулт", "Трейд", "Енерджи",
        "Био", "Фуудс", "Текстил", "Машини", "Системи", "Транс", "Строй", "Електроник",
        "Аутомейшън", "Пластмаси", "Металс", "Дизайн", "Солюшънс", "Лаб", "Иновации", "Комерс",
        "Фарм", "Вина", "Мелница", "Агрохим", "Хидравлика", "Инвест",
    ),
    forms=("ЕООД", "ЕООД", "ЕООД", "ЕООД", "ООД", "ООД", "ООД", "АД", "ЕАД"),
    tld=".bg",
    open_quote="„",
    close_quote="“",
    activity_first=True,
)  # fmt: skip
_RO_PARTS = _CompanyParts(
    roots=(
        "Dunărea", "Carpați", "Bărăgan", "Oltenia", "Dobrogea", "Mărăști", "Tomis", "Argeș",
        "Prahova", "Vlașca", "Teleorman", "Brăila", "Mureș", "Bistrița", "Olt", "Jiu", "Ialomița",
        "Buzău", "Cernavodă", "Mangalia", "Histria", "Callatis", "Danubius", "Siret", "Delta",
        "Măcin", "Babadag", "Făgăraș", "Bucegi", "Ceahlău", "Trotuș", "Zimnicea", "Turnu",
        "Sulina", "Vrancea", "Putna", "Lotru", "Techirghiol", "Niculițel", "Hârșova",
    ),
    activities=(
        "Tech", "Agro", "Logistic", "Construct", "Consulting", "Soft", "Energy", "Prod", "Impex",
        "Trans", "Mecanica", "Industries", "Food", "Bio", "Design", "Solutions", "Grup",
        "Automatizări", "Sisteme", "Electro", "Plast", "Metal", "Lab", "Inovare", "Comerț",
        "Farm", "Vinuri", "Morărit", "Hidraulica", "Invest",
    ),
    forms=("SRL", "SRL", "SRL", "SRL", "SRL", "SRL", "SRL", "SA", "S.R.L."),
    tld=".ro",
    activity_first=True,
)  # fmt: skip
_MD_PARTS = _CompanyParts(
    roots=("Nistru", "Prut", "Codru", "Bugeac", "Orhei", "Bălți", "Cahul", "Soroca", "Ungheni"),
    activities=("Agro", "Soft", "Vin", "Tech", "Logistic", "Construct"),
    forms=("SRL", "SRL", "SRL", "SA"),
    tld=".md",
    activity_first=True,
)
_GR_PARTS = _CompanyParts(
    roots=("Aegean", "Olympus", "Thrace", "Nestos", "Evros", "Axios", "Strymon", "Kavala"),
    activities=("Tech", "Foods", "Logistics", "Energy", "Systems", "Consulting", "Agro"),
    forms=("S.A.", "IKE", "IKE", "Ltd."),
    tld=".gr",
)
_RS_PARTS = _CompanyParts(
    roots=("Dunav", "Morava", "Timok", "Šumadija", "Avala", "Zlatibor", "Fruška", "Rtanj"),
    activities=("Tech", "Soft", "Agro", "Logistika", "Inženjering", "Energija", "Sistemi"),
    forms=("d.o.o.", "d.o.o.", "d.o.o.", "a.d."),
    tld=".rs",
)
_TR_PARTS = _CompanyParts(
    roots=("Trakya", "Edirne", "Marmara", "Meriç", "Ergene", "Kırklareli", "Tekirdağ", "Istranca"),
    activities=("Teknoloji", "Tarım", "Lojistik", "Enerji", "Makine", "Tekstil", "Gıda"),
    forms=("A.Ş.", "Ltd. Şti.", "Ltd. Şti."),
    tld=".com.tr",
)
_DE_PARTS = _CompanyParts(
    roots=("Rhein", "Neckar", "Donau", "Schwaben", "Bodensee", "Spree", "Elbe", "Isar"),
    activities=("Technik", "Automation", "Systeme", "Consulting", "Logistik", "Maschinenbau"),
    forms=("GmbH", "GmbH", "GmbH", "AG", "GmbH & Co. KG"),
    tld=".de",
)
_BE_PARTS = _CompanyParts(
    roots=("Euro", "Schuman", "Flanders", "Wallonia", "Meuse", "Scheldt", "Leuven", "Ghent"),
    activities=("Projects", "Consulting", "Policy", "Advisory", "Partners", "Innovation"),
    forms=("SRL", "BV", "BV"),
    tld=".be",
)

# ------------------------------------------------------------------------------------------------
# Mix
# ------------------------------------------------------------------------------------------------

#: Categories and their share in percent.
_CATEGORY_SHARES: tuple[tuple[str, float], ...] = (
    ("participant", 75), ("speaker", 6), ("organiser", 3), ("press", 2), ("staff", 3),
    ("b2b", 9), ("partner", 2),
)  # fmt: skip
CATEGORIES: frozenset[str] = frozenset(c for c, _ in _CATEGORY_SHARES)

#: Chance that a person's organisation is a composed company rather than a named one.
_COMPANY_SHARE = {"participant": 0.5, "b2b": 0.8, "speaker": 0.25}
_NO_ORGANISATION_SHARE = 0.02  # private persons, participants only
_ORG_MAIL_SHARE = 0.7  # use the organisation's domain when it has one
_NO_PHONE_SHARE = 0.2
_CANCELLED_SHARE = 0.03
_DOUBLE_SURNAME_SHARE = 0.04  # women only
_FEMALE_SHARE = 0.47
_CEDILLA_SHARE = 0.05  # of Romanian-language rows typed on a legacy keyboard
_STRAY_SPACE_SHARE = 0.01
_FIRST_DAY_ONLY, _SECOND_DAY_ONLY = 0.12, 0.08

# NFKD takes the accents off most letters; these have no decomposition and are spelt out.
_ASCII_LETTERS = str.maketrans(
    {"ı": "i", "ß": "ss", "đ": "dj", "Đ": "Dj", "ø": "o", "æ": "ae", "ł": "l"}
)
_GERMAN_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_TO_CEDILLA = str.maketrans({"ș": "ş", "Ș": "Ş", "ț": "ţ", "Ț": "Ţ"})
_NOT_SLUG = re.compile(r"[^a-z0-9-]+")


class _Weighted(Generic[T]):
    """A weighted choice that costs one random number and a bisection."""

    __slots__ = ("_cum", "_items", "_total")

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self._items = [item for item, _ in pairs]
        self._cum = list(accumulate(weight for _, weight in pairs))
        self._total = self._cum[-1]

    def pick(self, rng: Random) -> T:
        return self._items[bisect(self._cum, rng.random() * self._total)]


def _zipf(items: Sequence[T], offset: float = 4.0) -> _Weighted[T]:
    """Items listed most frequent first, weighted 1/(rank + offset)."""
    return _Weighted([(item, 1.0 / (rank + offset)) for rank, item in enumerate(items)])


def _named(orgs: Sequence[_NamedOrg]) -> _Weighted[tuple[str, str]]:
    return _Weighted([((name, domain), weight) for name, domain, weight in orgs])


@functools.cache
def _slug(text: str, german: bool = False) -> str:
    """Lower-case ASCII letters, digits and hyphens: Cyrillic transliterated, marks removed."""
    if german:
        text = text.translate(_GERMAN_UMLAUTS)
    text = unicodedata.normalize("NFKD", transliterate(text).translate(_ASCII_LETTERS))
    return _NOT_SLUG.sub("", text.encode("ascii", "ignore").decode().lower())


def _companies(parts: _CompanyParts) -> tuple[tuple[str, str], ...]:
    """Every "<root> <activity> <form>" company with its domain; form, word order and quoting
    depend only on the parts, so one company is always written the same way."""
    result: list[tuple[str, str]] = []
    for ri, root in enumerate(parts.roots):
        for ai, activity in enumerate(parts.activities):
            swap = parts.activity_first and (ri + ai) % 3 == 0
            words = f"{activity} {root}" if swap else f"{root} {activity}"
            form = parts.forms[(ri * 7 + ai * 3) % len(parts.forms)]
            if parts.open_quote and (ri + 2 * ai) % 3 == 0:
                name = f"{parts.open_quote}{words}{parts.close_quote} {form}"
            elif form == "S.R.L.":
                name = f"S.C. {words} S.R.L."
            else:
                name = f"{words} {form}"
            result.append((name, _slug(words) + parts.tld))
    return tuple(result)


def _phone(*patterns: str) -> Callable[[Random], str]:
    """A phone number generator: one of ``patterns`` with each ``#`` replaced by a digit."""
    templates = [p.replace("%", "%%").replace("#", "%s") for p in patterns]
    width = patterns[0].count("#")
    if any(p.count("#") != width for p in patterns):
        raise ValueError("phone patterns must have the same number of digits")
    limit = 10**width

    def make(rng: Random) -> str:
        template = templates[int(rng.random() * len(templates))]
        return template % tuple(f"{int(rng.random() * limit):0{width}d}")

    return make


@dataclass(frozen=True, slots=True)
class _Origin:
    """Where a person comes from, and everything that follows from it."""

    country: str
    language: str
    male: _Weighted[str]
    female: _Weighted[str]
    surnames: _Weighted[tuple[str, str]]  # (male form, female form)
    orgs: _Weighted[tuple[str, str]]  # (name, domain)
    companies: tuple[tuple[str, str], ...]
    mail_domains: _Weighted[str]
    phone: Callable[[Random], str]
    #: Organisations for categories that come from particular ones (press, staff...).
    by_category: dict[str, _Weighted[tuple[str, str]]] = field(default_factory=dict)
    german: bool = False  # ä ö ü → ae oe ue in e-mail addresses


def _same(names: Sequence[str]) -> list[tuple[str, str]]:
    return [(n, n) for n in names]


_INTL_MAIL = _Weighted([("gmail.com", 5), ("outlook.com", 2), ("yahoo.com", 1)])

#: (origin, share in percent of all registrations)
_ORIGIN_SHARES: tuple[tuple[_Origin, float], ...] = (
    (
        _Origin(
            country="Bulgaria",
            language="bg",
            male=_zipf(BG_MALE_FIRST_NAMES),
            female=_zipf(BG_FEMALE_FIRST_NAMES),
            surnames=_zipf(BG_SURNAMES),
            orgs=_named(_BG_ORGS),
            companies=_companies(_BG_PARTS),
            mail_domains=_Weighted(
                [("abv.bg", 6), ("gmail.com", 6), ("mail.bg", 2), ("dir.bg", 1), ("yahoo.com", 1)]
            ),
            phone=_phone("+359 87 ### ####", "+359 88 ### ####", "+359 89 ### ####"),
            by_category={
                "press": _named(_BG_PRESS),
                "organiser": _named(_BG_ORGANISERS),
                "staff": _named(_BG_STAFF),
                "partner": _named(_BG_PARTNERS),
            },
        ),
        50,
    ),
    (
        _Origin(
            country="Romania",
            language="ro",
            male=_zipf(_RO_MALE),
            female=_zipf(_RO_FEMALE),
            surnames=_zipf(_same(_RO_SURNAMES)),
            orgs=_named(_RO_ORGS),
            companies=_companies(_RO_PARTS),
            mail_domains=_Weighted(
                [("yahoo.ro", 4), ("gmail.com", 7), ("yahoo.com", 2), ("outlook.com", 1)]
            ),
            phone=_phone(*(f"+40 7{d}# ### ###" for d in "23456789")),
            by_category={
                "press": _named(_RO_PRESS),
                "organiser": _named(_RO_ORGANISERS),
                "staff": _named(_RO_STAFF),
                "partner": _named(_RO_PARTNERS),
            },
        ),
        40,
    ),
    (
        _Origin(
            country="Greece",
            language="en",
            male=_zipf(_GR_MALE),
            female=_zipf(_GR_FEMALE),
            surnames=_zipf(_GR_SURNAMES),
            orgs=_named(_GR_ORGS),
            companies=_companies(_GR_PARTS),
            by_category={"press": _named(_GR_PRESS)},
            mail_domains=_Weighted([("gmail.com", 5), ("yahoo.gr", 2), ("otenet.gr", 1)]),
            phone=_phone("+30 69# ### ####"),
        ),
        2.5,
    ),
    (
        _Origin(
            country="Serbia",
            language="en",
            male=_zipf(_RS_MALE),
            female=_zipf(_RS_FEMALE),
            surnames=_zipf(_same(_RS_SURNAMES)),
            orgs=_named(_RS_ORGS),
            companies=_companies(_RS_PARTS),
            by_category={"press": _named(_RS_PRESS)},
            mail_domains=_INTL_MAIL,
            phone=_phone("+381 6# ### ####"),
        ),
        1.5,
    ),
    (
        _Origin(
            country="Türkiye",
            language="en",
            male=_zipf(_TR_MALE),
            female=_zipf(_TR_FEMALE),
            surnames=_zipf(_same(_TR_SURNAMES)),
            orgs=_named(_TR_ORGS),
            companies=_companies(_TR_PARTS),
            by_category={"press": _named(_TR_PRESS)},
            mail_domains=_Weighted([("gmail.com", 5), ("hotmail.com", 3), ("yandex.com", 1)]),
            phone=_phone("+90 53# ### ## ##", "+90 54# ### ## ##"),
        ),
        1.5,
    ),
    (
        _Origin(
            country="Germany",
            language="en",
            male=_zipf(_DE_MALE),
            female=_zipf(_DE_FEMALE),
            surnames=_zipf(_same(_DE_SURNAMES)),
            orgs=_named(_DE_ORGS),
            companies=_companies(_DE_PARTS),
            by_category={"press": _named(_DE_PRESS)},
            mail_domains=_Weighted([("gmx.de", 3), ("web.de", 3), ("t-online.de", 1)]),
            phone=_phone("+49 15# #######", "+49 16# #######", "+49 17# #######"),
            german=True,
        ),
        1.5,
    ),
    (
        _Origin(
            country="Belgium",
            language="en",
            male=_zipf(_BE_MALE),
            female=_zipf(_BE_FEMALE),
            surnames=_zipf(_same(_BE_SURNAMES)),
            orgs=_named(_BE_ORGS),
            companies=_companies(_BE_PARTS),
            by_category={"press": _named(_BE_PRESS)},
            mail_domains=_Weighted([("gmail.com", 4), ("skynet.be", 1), ("telenet.be", 1)]),
            phone=_phone("+32 47# ## ## ##", "+32 48# ## ## ##", "+32 49# ## ## ##"),
        ),
        2,
    ),
    (
        _Origin(
            country="Moldova",
            language="ro",
            male=_zipf(_MD_MALE),
            female=_zipf(_MD_FEMALE),
            surnames=_zipf(_same(_MD_SURNAMES)),
            orgs=_named(_MD_ORGS),
            companies=_companies(_MD_PARTS),
            by_category={"press": _named(_MD_PRESS)},
            mail_domains=_Weighted([("gmail.com", 4), ("mail.ru", 1), ("yahoo.com", 1)]),
            phone=_phone("+373 6## ## ###", "+373 7## ## ###"),
        ),
        1,
    ),
)
COUNTRIES: frozenset[str] = frozenset(o.country for o, _ in _ORIGIN_SHARES)
LANGUAGES: frozenset[str] = frozenset(o.language for o, _ in _ORIGIN_SHARES)

# The labels every row repeats, cleaned once here.
_ORIGINS = _Weighted(
    [
        (replace(o, country=clean(o.country), language=clean(o.language)), w)
        for o, w in _ORIGIN_SHARES
    ]
)
_CATEGORIES = _Weighted([(clean(c), w) for c, w in _CATEGORY_SHARES])


def _organisation(rng: Random, origin: _Origin, category: str) -> tuple[str, str]:
    """(organisation name, e-mail domain or "") for one person."""
    special = origin.by_category.get(category)
    if special is not None:
        return special.pick(rng)
    if category == "participant" and rng.random() < _NO_ORGANISATION_SHARE:
        return "", ""
    if rng.random() < _COMPANY_SHARE.get(category, 0.0):
        return origin.companies[int(rng.random() * len(origin.companies))]
    return origin.orgs.pick(rng)


def _local_part(rng: Random, first: str, last: str, personal: bool) -> str:
    """The part of an e-mail address before the @ from slugs of the names, in one of the forms
    people use (Ana-Maria writes "ana" or "anamaria")."""
    f = first.split("-")[0] if rng.random() < 0.5 else first.replace("-", "")
    r = rng.random()
    if r < 0.55:
        return f"{f}.{last}"
    if r < 0.75:
        return f"{f[0]}{last}" if r < 0.65 else f"{f[0]}.{last}"
    if not personal:
        return f"{f}{last}"
    if r < 0.9:
        return f"{f}.{last}{rng.randrange(60, 106) % 100:02d}"
    return f"{f}_{last}" if r < 0.95 else f"{last}.{f}"


def demo_registrations(
    count: int = 300, *, seed: int = 2026, days: Sequence[date] = ()
) -> list[Registration]:
    """``count`` synthetic registrations for the demo event, the same for the same ``seed``.

    With two or more ``days`` most people come to all of them and some only to the first or
    only to the second day; otherwise every registration covers every day.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    rng = Random(seed)
    random = rng.random
    # (days covered, as written in the file) for: every day, the first day only, the second only
    coverage: tuple[tuple[frozenset[date], str], ...] = ((frozenset(), ""),)
    if len(days) >= 2:
        coverage += ((frozenset({days[0]}), days[0].isoformat()),)
        coverage += ((frozenset({days[1]}), days[1].isoformat()),)
    used_emails: set[str] = set()
    next_number: dict[str, int] = {}  # e-mail taken -> the number to try next
    cleaned: dict[str, str] = {}  # most values repeat: clean each one once

    def tidy(value: str) -> str:
        cleaned[value] = clean(value)
        return cleaned[value]

    result: list[Registration] = []
    for index in range(1, count + 1):
        origin = _ORIGINS.pick(rng)
        category = _CATEGORIES.pick(rng)
        female = random() < _FEMALE_SHARE
        first = (origin.female if female else origin.male).pick(rng)
        last = origin.surnames.pick(rng)[female]
        if female and random() < _DOUBLE_SURNAME_SHARE:
            second = origin.surnames.pick(rng)[female]
            if second != last:
                last = f"{last}-{second}"
        organization, org_domain = _organisation(rng, origin, category)

        personal = not org_domain or random() >= _ORG_MAIL_SHARE
        domain = origin.mail_domains.pick(rng) if personal else org_domain
        local = _local_part(rng, _slug(first, origin.german), _slug(last, origin.german), personal)
        email = base = f"{local}@{domain}"
        if email in used_emails:
            number = next_number.get(base, 2)
            while email in used_emails:
                email = f"{local}{number}@{domain}"
                number += 1
            next_number[base] = number
        used_emails.add(email)

        phone = origin.phone(rng) if random() >= _NO_PHONE_SHARE else ""
        cancelled = random() < _CANCELLED_SHARE
        covered, days_text = coverage[0]
        if len(coverage) > 1:
            r = random()
            if r < _FIRST_DAY_ONLY:
                covered, days_text = coverage[1]
            elif r < _FIRST_DAY_ONLY + _SECOND_DAY_ONLY:
                covered, days_text = coverage[2]

        # The row as typed: legacy cedillas and stray spaces that clean() repairs.
        if origin.language == "ro" and random() < _CEDILLA_SHARE:
            first, last = first.translate(_TO_CEDILLA), last.translate(_TO_CEDILLA)
            organization = organization.translate(_TO_CEDILLA)
        if random() < _STRAY_SPACE_SHARE:
            first, organization = f" {first} ", organization.replace(" ", "  ", 1)
        external_id = f"DEMO-{index:06d}"
        raw = {
            "first_name": first,
            "last_name": last,
            "organization": organization,
            "country": origin.country,
            "email": email,
            "phone": phone,
            "category": category,
            "language": origin.language,
            "code": "",
            "external_id": external_id,
            "cancelled": "yes" if cancelled else "",
            "days": days_text,
        }
        # Names and organisations go through clean() here, country, category and language were
        # cleaned with the tables; e-mail, phone and id are made of ASCII slugs and digits.
        result.append(
            Registration(
                row=index + 1,
                first_name=cleaned.get(first) or tidy(first),
                last_name=cleaned.get(last) or tidy(last),
                organization=cleaned.get(organization) or tidy(organization),
                country=origin.country,
                email=email,
                phone=phone,
                category=category,
                language=origin.language,
                code="",
                external_id=external_id,
                cancelled=cancelled,
                days=covered,
                raw=raw,
            )
        )
    return result
