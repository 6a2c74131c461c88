"""Name search: case-, diacritic- and script-insensitive prefix matching on every word."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kiosk.core.model import Attendee
from kiosk.core.text import clean, query_alternatives
from kiosk.storage.attendees import FIELD_CODE, from_row
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
#: Scores of one word, best first: 2 × field, plus 1 for a prefix (not whole) match.
_WORD_SCORES = range(FIELD_CODE * 2)

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


def _longest_first(spellings: Iterable[str]) -> list[str]:
    return sorted(spellings, key=lambda s: (-len(s), s))


def _size(db: Database, spellings: set[str]) -> int:
    """How many ids the index holds under the word's prefixes: an upper bound on its matches."""
    return sum(
        db.conn.execute(_RANGE_SIZE, (prefix, _upper_bound(prefix))).fetchone()[0]
        for prefix in spellings
    )


def _rows(db: Database, spellings: set[str], score: int) -> Iterator[array[int]]:
    """The ids of each index row that gives one query word ``score``; longest spelling first,
    then in term order."""
    field_no, prefix = divmod(score, 2)
    for spelling in _longest_first(spellings):
        if prefix:
            cursor = db.conn.execute(_PREFIXED, (spelling, _upper_bound(spelling), field_no))
        else:
            cursor = db.conn.execute(_EXACT, (spelling, field_no))
        for (blob,) in cursor:
            ids = array("i")
            ids.frombytes(blob)
            yield ids


def _all_rows(db: Database, spellings: set[str], score: int) -> array[int]:
    """The ids of all index rows that give one query word ``score``, in one array (fewer
    Python steps than row by row when a short word matches hundreds of terms)."""
    ids = array("i")
    for spelling in spellings:
        if score % 2:
            cursor = db.conn.execute(_PREFIXED, (spelling, _upper_bound(spelling), score // 2))
        else:
            cursor = db.conn.execute(_EXACT, (spelling, score // 2))
        ids.frombytes(b"".join(blob for (blob,) in cursor))
    return ids


def _put(groups: Groups, score: int, people: set[int]) -> None:
    if score in groups:
        groups[score] |= people
    else:
        groups[score] = people


def _first_word(db: Database, spellings: set[str], cap: int) -> Groups:
    """The people one query word matches, by their best score for it.

    Index rows are read best score first, so the first score a person gets is theirs, and
    reading stops once ``cap`` ids have been read: what is dropped are the weakest matches.
    """
    found: Groups = {}
    placed: set[int] = set()
    seen = 0
    for score in _WORD_SCORES:
        for ids in _rows(db, spellings, score):
            fresh = set(ids)
            fresh -= placed
            placed |= fresh
            if fresh:
                _put(found, score, fresh)
            seen += len(ids)
            if seen >= cap:
                return found
    return found


def _next_word(db: Database, spellings: set[str], candidates: set[int]) -> Groups:
    """The ``candidates`` one more query word matches, by their best score for it.

    Index rows are read best score first and their ids only checked against the candidates
    not yet scored (in C), never turned into sets: a common word like "de" has many. Reading
    stops as soon as every candidate has a score. ``candidates`` is used up.
    """
    found: Groups = {}
    unresolved = candidates
    for score in _WORD_SCORES:
        ids = _all_rows(db, spellings, score)
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


def _matching(db: Database, alternatives: list[set[str]]) -> Groups:
    """People matching every query word, by summed score."""
    if len(alternatives) > 1:
        # Most selective word first (fewest ids under its prefixes, then the longest): the
        # others only filter its people, so a common short word costs one pass over its ids.
        alternatives = sorted(
            alternatives, key=lambda spellings: (_size(db, spellings), -max(map(len, spellings)))
        )
    groups = _first_word(db, alternatives[0], CANDIDATE_LIMIT)
    for spellings in alternatives[1:]:
        if not groups:
            break
        groups = _add(groups, _next_word(db, spellings, set().union(*groups.values())))
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

    Ranking: a word matched in the name beats one in the organisation or e-mail; a whole word
    beats a prefix; then alphabetical by last name.
    """
    alternatives = query_alternatives(query)
    if not alternatives or limit <= 0:
        return []
    groups = _matching(db, alternatives)
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
            groups.setdefault(FIELD_CODE * 2 + 1, set()).update(by_code)
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
    rows = db.query(f"SELECT * FROM attendee WHERE id IN ({','.join('?' * len(shown))})", shown)
    by_id = {row["id"]: row for row in rows}
    return [Hit(from_row(by_id[a]), scores[a]) for a in shown]
