"""Name search: case-, diacritic- and script-insensitive prefix matching on every word."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.model import Attendee
from kiosk.core.text import query_alternatives
from kiosk.storage.attendees import from_row
from kiosk.storage.database import Database

#: Index rows read per query word at most; bounds the cost of one- or two-letter prefixes.
CANDIDATE_LIMIT = 4000


@dataclass(frozen=True, slots=True)
class Hit:
    attendee: Attendee
    score: int  # lower is better


def _upper_bound(prefix: str) -> str:
    # Tokens are ASCII [0-9a-z]; '{' sorts right after 'z', so [prefix, bound) is the prefix range.
    return prefix + "{"


def search(db: Database, query: str, limit: int = 50) -> list[Hit]:
    """People matching every word of ``query`` as a prefix of some word of their name,
    organisation, e-mail or code.

    Ranking: a word matched in the name beats one in the organisation, e-mail or code; a whole
    word beats a prefix; then alphabetical by last name.
    """
    alternatives = query_alternatives(query)
    if not alternatives:
        return []
    # Start from the longest word: it is usually the most selective.
    alternatives.sort(key=lambda spellings: -max(len(s) for s in spellings))
    scores: dict[int, int] | None = None
    for spellings in alternatives:
        best: dict[int, int] = {}
        for prefix in spellings:
            cursor = db.conn.execute(
                "SELECT attendee_id, field, token = ? FROM search_token "
                "WHERE token >= ? AND token < ? LIMIT ?",
                (prefix, prefix, _upper_bound(prefix), CANDIDATE_LIMIT),
            )
            for attendee_id, field, exact in cursor:
                score = field * 2 + (0 if exact else 1)
                if scores is not None and attendee_id not in scores:
                    continue
                if score < best.get(attendee_id, 99):
                    best[attendee_id] = score
        scores = (
            best if scores is None else {a: scores[a] + s for a, s in best.items() if a in scores}
        )
        if not scores:
            return []
    assert scores is not None
    ranked = sorted(scores.items(), key=lambda item: item[1])
    # Fetch a little more than needed, then order equal scores alphabetically.
    cut = ranked[: max(limit * 4, 200)]
    ids = [a for a, _ in cut]
    placeholders = ",".join("?" * len(ids))
    rows = db.query(f"SELECT * FROM attendee WHERE id IN ({placeholders})", ids)
    by_id = {r["id"]: r for r in rows}
    hits = [Hit(from_row(by_id[a]), s) for a, s in cut if a in by_id]
    hits.sort(key=lambda h: (h.score, by_id[h.attendee.id]["sort_key"], h.attendee.id))
    return hits[:limit]
