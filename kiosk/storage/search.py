"""Name search: case-, diacritic- and script-insensitive prefix matching on every word, exact
spellings first, then the loose keys that bring every common spelling of a name together
(kiosk.core.text.loose_keys: Mariya = Мария = Maria, Jordan = Йордан, Hristo = Christo)."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.core.model import Attendee
from kiosk.core.text import QueryWord, clean, query_words
from kiosk.storage.attendees import (
    CHECKIN_COLUMNS,
    FIELD_EMAIL,
    FIELD_NAME,
    FIELD_ORG,
    LOOSE,
    attendee_from_tuple,
)
from kiosk.storage.database import Database

#: Attendee ids read for the first (most selective) query word at most; bounds the cost of one-
#: or two-letter prefixes, where only the best-ranked few are shown anyway.
CANDIDATE_LIMIT = 6000

# One word matches a term and field exactly, or as a proper prefix of the term. Filtering on the
# field while scanning a prefix range skips the other fields' rows without reading their ids.
_EXACT = "SELECT ids FROM search_term WHERE term = ? AND field = ?"
_PREFIXED = "SELECT ids FROM search_term WHERE term > ? AND term < ? AND field = ?"
# length() of a blob comes from the record header: the ids themselves are not read.
_RANGE_SIZE = "SELECT coalesce(sum(length(ids)), 0) FROM search_term WHERE term >= ? AND term < ?"


@dataclass(frozen=True, slots=True)
class _Tier:
    """How one query word can match, in rank order: a field, whole word or prefix, and by an
    exact spelling or a loose key."""

    field: int
    prefix: bool
    loose: bool


#: A word's score is the index of the best tier it matches in: a name beats an organisation
#: beats an e-mail; within a field, an exact spelling beats a loose key, and a whole word a
#: prefix.
_TIERS: tuple[_Tier, ...] = (
    *(
        _Tier(field, prefix, loose)
        for field in (FIELD_NAME, FIELD_ORG)
        for loose in (False, True)
        for prefix in (False, True)
    ),
    _Tier(FIELD_EMAIL, False, False),
    _Tier(FIELD_EMAIL, True, False),
)
_WORD_SCORES = range(len(_TIERS))
#: The score of a match by ticket code (after every word match).
CODE_SCORE = len(_TIERS) + 1

#: People by score (lower is better). Scores are a few small integers, so each step below is a
#: handful of set operations run in C, not a Python loop over thousands of people.
Groups = dict[int, set[int]]


@dataclass(frozen=True, slots=True)
class Hit:
    attendee: Attendee
    score: int  # lower is better


def _upper_bound(prefix: str) -> str:
    # Terms are ASCII [0-9a-z]; '{' sorts right after 'z', so [prefix, bound) is the prefix range.
    return prefix + "{"


def _lookups(word: QueryWord, tier: _Tier) -> list[tuple[str, int]]:
    """(term, field) pairs to look up for one word in one tier, longest term first.

    A loose key is stored beside a word's exact spellings only where it differs from all of
    them, so the loose tier also looks its keys up among the exact spellings — except the keys
    that are the query's own exact spellings, which the exact tiers looked up already.
    """
    if not tier.loose:
        pairs = [(spelling, tier.field) for spelling in word.exact]
    else:
        pairs = [(key, tier.field + LOOSE) for key in word.loose]
        pairs += [(key, tier.field) for key in word.loose - word.exact]
    pairs.sort(key=lambda pair: (-len(pair[0]), pair))
    return pairs


def _size(db: Database, word: QueryWord) -> int:
    """How many ids the index holds under the word's prefixes: an upper bound on its matches."""
    return sum(
        db.conn.execute(_RANGE_SIZE, (prefix, _upper_bound(prefix))).fetchone()[0]
        for prefix in word.exact
    )


def _cursor(db: Database, term: str, field: int, prefix: bool) -> Iterator[tuple[bytes]]:
    if prefix:
        return db.conn.execute(_PREFIXED, (term, _upper_bound(term), field))
    return db.conn.execute(_EXACT, (term, field))


def _blobs(db: Database, word: QueryWord, score: int) -> Iterator[bytes]:
    """The packed ids of each index row that gives one query word ``score``; longest spelling
    first, then in term order."""
    tier = _TIERS[score]
    for term, field in _lookups(word, tier):
        for (blob,) in _cursor(db, term, field, tier.prefix):
            yield blob


def _all_rows(db: Database, word: QueryWord, score: int) -> array[int]:
    """The ids of all index rows that give one query word ``score``, in one array (fewer
    Python steps than row by row when a short word matches hundreds of terms)."""
    tier = _TIERS[score]
    ids = array("i")
    for term, field in _lookups(word, tier):
        ids.frombytes(b"".join(blob for (blob,) in _cursor(db, term, field, tier.prefix)))
    return ids


def _first_word(db: Database, word: QueryWord, cap: int) -> Groups:
    """The people one query word matches, by their best score for it.

    Index rows are read best score first, so the first score a person gets is theirs, and
    reading stops once ``cap`` ids have been read: what is dropped are the weakest matches.
    The ids of one score are gathered in one array and turned into a set once (in C).
    """
    found: Groups = {}
    placed: set[int] = set()
    seen = 0
    for score in _WORD_SCORES:
        ids = array("i")
        for blob in _blobs(db, word, score):
            ids.frombytes(blob)
            if len(ids) + seen >= cap:
                break
        seen += len(ids)
        fresh = set(ids)
        fresh -= placed
        if fresh:
            placed |= fresh
            found[score] = fresh
        if seen >= cap:
            break
    return found


def _next_word(db: Database, word: QueryWord, candidates: set[int]) -> Groups:
    """The ``candidates`` one more query word matches, by their best score for it.

    Index rows are read best score first and their ids only checked against the candidates
    not yet scored (in C), never turned into sets: a common word like "de" has many. Reading
    stops as soon as every candidate has a score. ``candidates`` is used up.
    """
    found: Groups = {}
    unresolved = candidates
    for score in _WORD_SCORES:
        ids = _all_rows(db, word, score)
        if len(ids) < len(unresolved):
            fresh = unresolved.intersection(ids)
            unresolved -= fresh
        else:  # many ids, which often settle every candidate left at once
            left = unresolved.difference(ids)
            fresh = unresolved if not left else unresolved - left
            unresolved = left
        if fresh:
            found[score] = fresh
        if not unresolved:
            break
    return found


def _add(groups: Groups, word: Groups) -> Groups:
    """The people in both, each scored by the sum of their two scores."""
    if len(word) == 1:
        ((word_score, word_people),) = word.items()
        if len(word_people) == sum(map(len, groups.values())):  # the word matched everyone
            return {score + word_score: people for score, people in groups.items()}
    summed: Groups = {}
    for score, people in groups.items():
        for word_score, word_people in word.items():
            both = people & word_people
            if both:
                summed.setdefault(score + word_score, set()).update(both)
    return summed


def _matching(db: Database, words: list[QueryWord]) -> Groups:
    """People matching every query word, by summed score."""
    if len(words) > 1:
        # Most selective word first (fewest ids under its prefixes, then the longest): the
        # others only filter its people, so a common short word costs one pass over its ids.
        words = sorted(words, key=lambda word: (_size(db, word), -max(map(len, word.exact))))
    groups = _first_word(db, words[0], CANDIDATE_LIMIT)
    for word in words[1:]:
        if not groups:
            break
        groups = _add(groups, _next_word(db, word, set().union(*groups.values())))
    return groups


def _best(groups: Groups, count: int) -> dict[int, int]:
    """The ``count`` best-scored people (ties by id), with their scores."""
    chosen: dict[int, int] = {}
    for score in sorted(groups):
        room = count - len(chosen)
        if room <= 0:
            break
        people = groups[score]
        chosen.update(
            dict.fromkeys(people if len(people) <= room else sorted(people)[:room], score)
        )
    return chosen


def search(db: Database, query: str, limit: int = 50) -> list[Hit]:
    """People matching every word of ``query`` as a prefix of some word of their name,
    organisation or e-mail; or whose ticket code starts with the query.

    Ranking: a word matched in the name beats one in the organisation or e-mail; an exact
    spelling beats another spelling of the name (a loose key); a whole word beats a prefix;
    then alphabetical by last name.
    """
    words = query_words(query)
    if not words or limit <= 0:
        return []
    groups = _matching(db, words)
    code = clean(query).replace(" ", "").upper()
    if len(code) >= 3 and code.isalnum():
        by_code = {
            attendee_id
            for (attendee_id,) in db.conn.execute(
                "SELECT id FROM attendee WHERE code_upper >= ? AND code_upper < ? LIMIT ?",
                (code, code + "\uffff", limit),
            )
        }
        by_code.difference_update(*groups.values())
        if by_code:
            groups.setdefault(CODE_SCORE, set()).update(by_code)
    # The best few hundred by score, then equal scores alphabetically; whole rows are read only
    # for the people shown.
    scores = _best(groups, max(limit * 4, 200))
    if not scores:
        return []
    keyed = db.conn.execute(
        f"SELECT id, sort_key FROM attendee WHERE id IN ({','.join('?' * len(scores))})",
        list(scores),
    ).fetchall()
    keyed.sort(key=lambda r: (scores[r[0]], r[1], r[0]))
    shown = [attendee_id for attendee_id, _ in keyed[:limit]]
    # Only the columns an Attendee has (not the source row kept for audits, the largest).
    rows = db.conn.execute(
        f"SELECT {CHECKIN_COLUMNS} FROM attendee WHERE id IN ({','.join('?' * len(shown))})",
        shown,
    )
    by_id = {row[0]: attendee_from_tuple(row) for row in rows}
    return [Hit(by_id[a], scores[a]) for a in shown]
