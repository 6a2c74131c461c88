"""Name search: case-, diacritic- and script-insensitive prefix matching on every word."""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from kiosk.core.model import Attendee
from kiosk.core.text import clean, query_alternatives
from kiosk.storage.attendees import FIELD_CODE, from_row
from kiosk.storage.database import Database

#: Attendee ids read per query word at most; bounds the cost of one- or two-letter prefixes,
#: where only the best-ranked few are shown anyway.
CANDIDATE_LIMIT = 6000


@dataclass(frozen=True, slots=True)
class Hit:
    attendee: Attendee
    score: int  # lower is better


def _upper_bound(prefix: str) -> str:
    # Terms are ASCII [0-9a-z]; '{' sorts right after 'z', so [prefix, bound) is the prefix range.
    return prefix + "{"


def _word_scores(
    db: Database, spellings: set[str], within: dict[int, int] | None
) -> dict[int, int]:
    """Best score per attendee for one query word: 2 × field, plus 1 for a prefix (not whole)
    match. Exact terms sort first within a prefix range, so the cap drops the weakest."""
    best: dict[int, int] = {}
    seen = 0
    for prefix in sorted(spellings, key=len, reverse=True):
        rows = db.conn.execute(
            "SELECT term, field, ids FROM search_term WHERE term >= ? AND term < ?",
            (prefix, _upper_bound(prefix)),
        )
        for term, field_no, blob in rows:
            score = field_no * 2 + (term != prefix)
            ids = array("i")
            ids.frombytes(blob)
            # Later words only filter the first word's candidates: intersect in C, no cap.
            matched = ids if within is None else within.keys() & set(ids)
            seen += len(ids)
            for attendee_id in matched:
                if score < best.get(attendee_id, 99):
                    best[attendee_id] = score
            if within is None and seen >= CANDIDATE_LIMIT:
                break
        if within is None and seen >= CANDIDATE_LIMIT:
            break
    return best


def search(db: Database, query: str, limit: int = 50) -> list[Hit]:
    """People matching every word of ``query`` as a prefix of some word of their name,
    organisation or e-mail; or whose ticket code starts with the query.

    Ranking: a word matched in the name beats one in the organisation or e-mail; a whole word
    beats a prefix; then alphabetical by last name.
    """
    alternatives = query_alternatives(query)
    if not alternatives:
        return []
    # Start from the longest word: it is usually the most selective.
    alternatives.sort(key=lambda spellings: -max(len(s) for s in spellings))
    scores: dict[int, int] | None = None
    for spellings in alternatives:
        best = _word_scores(db, spellings, scores)
        scores = best if scores is None else {a: scores[a] + s for a, s in best.items()}
        if not scores:
            break
    scores = scores or {}
    code = clean(query).replace(" ", "").upper()
    if len(code) >= 3 and code.isalnum():
        for (attendee_id,) in db.conn.execute(
            "SELECT id FROM attendee WHERE code_upper >= ? AND code_upper < ? LIMIT ?",
            (code, code + "\uffff", limit),
        ):
            scores.setdefault(attendee_id, FIELD_CODE * 2 + 1)
    if not scores:
        return []
    ranked = sorted(scores.items(), key=lambda item: item[1])
    # Fetch a little more than needed, then order equal scores alphabetically.
    cut = dict(ranked[: max(limit * 4, 200)])
    placeholders = ",".join("?" * len(cut))
    rows = db.query(f"SELECT * FROM attendee WHERE id IN ({placeholders})", list(cut))
    rows.sort(key=lambda r: (cut[r["id"]], r["sort_key"], r["id"]))
    return [Hit(from_row(r), cut[r["id"]]) for r in rows[:limit]]
