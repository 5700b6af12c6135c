"""Full-text search over the folded index (see migration 0001), ranked by bm25.

The index's rowid encodes the source: ``id * 8 + kind code``. That lets every query filter
kinds and narrow rowid ranges without reading the index's content table, which is what keeps a
common phrase fast on a large desk (see ``bench/bench_store.py``):

- bm25 costs about a microsecond per matching row, so ranking all 100,000 notes that contain
  "đồng chí" takes ~100 ms. When more than :data:`NOTE_WINDOW` notes match, only the newest
  :data:`NOTE_WINDOW` of them are ranked. Words that common are in most notes, where bm25's
  idf is nearly zero and hardly tells the notes apart; recent notes are the likelier target.
- Directory entries (people, sites, documents) and agenda items are always all ranked: their
  rowids lie below a bound read from the tables' largest ids, so FTS5 stops there.
- A meeting's notes and agenda items are searched within the rowid range of their ids.
- Each part returns its best ``limit`` rows; they are merged here. Display text and meetings
  are read with one query per kind, not one per hit.

A prefix (as-you-type) term of 1 to 3 characters is read from the index's prefix lists
(migration 0006); a longer one merges the lists of every word with that prefix, which the
first letters typed have already narrowed.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from meetingdesk.store.reads import Reads

KIND_CODES = {"note": 1, "person": 2, "site": 3, "agenda": 4, "document": 5}
"""The kind part of a search_index rowid (migration 0001)."""
_TABLES = {"note": "notes", "person": "people", "site": "sites", "agenda": "agenda_items",
           "document": "documents"}
NOTE_WINDOW = 10_000
"""When more notes than this match a query, only the newest this many are ranked."""

# The display text and meeting of each kind; {ids} is a list of placeholders.
_DETAILS_SQL = {
    "note": "SELECT id, text, meeting_id FROM notes WHERE id IN ({ids})",
    "agenda": "SELECT id, title, meeting_id FROM agenda_items WHERE id IN ({ids})",
    "person": (
        "SELECT p.id, p.full_name || CASE WHEN p.titles <> '[]' THEN ' — ' || "
        "(SELECT group_concat(value, ', ') FROM json_each(p.titles)) ELSE '' END, "
        "(SELECT a.meeting_id FROM attendances a JOIN meetings m ON m.id = a.meeting_id "
        " WHERE a.person_id = p.id ORDER BY m.planned_start DESC, m.id DESC LIMIT 1) "
        "FROM people p WHERE p.id IN ({ids})"
    ),
    # The latest meeting the site took part in: walk meetings newest first.
    "site": (
        "SELECT s.id, s.name || coalesce(' (' || (SELECT group_concat(name, ', ') "
        "FROM site_aliases WHERE site_id = s.id) || ')', ''), "
        "(SELECT m.id FROM meetings m CROSS JOIN meeting_sites ms "
        " WHERE ms.meeting_id = m.id AND ms.site_id = s.id "
        " ORDER BY m.planned_start DESC, m.id DESC LIMIT 1) "
        "FROM sites s WHERE s.id IN ({ids})"
    ),
    # The meeting of the latest note filed that cites the document.
    "document": (
        "SELECT d.id, coalesce(d.doc_type || ' số ', '') || d.reference "
        "|| coalesce(' — ' || d.title, ''), "
        "(SELECT n.meeting_id FROM note_citations c JOIN notes n ON n.id = c.note_id "
        " WHERE c.document_id = d.id ORDER BY c.note_id DESC LIMIT 1) "
        "FROM documents d WHERE d.id IN ({ids})"
    ),
}

_RANKED = ("SELECT rowid, bm25(search_index) AS score FROM search_index "
           "WHERE search_index MATCH ? AND ")

_BEST = "ORDER BY score, rowid DESC LIMIT ?"  # best first, newest first on a tie
# A candidate query (its first parameter is the MATCH expression) and its other parameters.
_Part = tuple[str, list[object]]


@dataclass(frozen=True, slots=True)
class RawHit:
    kind: str
    ref_id: int
    text: str
    meeting_id: int | None
    meeting_title: str | None
    meeting_start: str | None
    score: float


def match_expression(folded_words: list[str], *, prefix_last: bool = False) -> str:
    """An FTS5 query matching every word; the last one as a prefix when asked."""
    terms = ['"' + w.replace('"', '""') + '"' for w in folded_words]
    if prefix_last and terms:
        terms[-1] += "*"
    return " ".join(terms)


def search(db: Reads, folded_words: list[str], *, limit: int = 50,
           kinds: tuple[str, ...] | None = None, meeting_id: int | None = None,
           prefix_last: bool = False) -> list[RawHit]:
    """The best ``limit`` hits for all of ``folded_words``, best first (newest first on a tie)."""
    wanted = [k for k in KIND_CODES if not kinds or k in kinds]
    if not folded_words or not wanted:
        return []
    expression = match_expression(folded_words, prefix_last=prefix_last)
    if meeting_id is not None:
        parts = _meeting_parts(db, wanted, meeting_id, limit)
    else:
        parts = _desk_parts(db, wanted, limit)
    scored: list[tuple[int, float]] = []
    for sql, params in parts:
        scored += db.execute(sql, [expression, *params]).fetchall()
    return _hits(db, heapq.nsmallest(limit, scored, key=lambda r: (r[1], -r[0])))


def notes_beyond_window(db: Reads, folded_words: list[str], *,
                        prefix_last: bool = False) -> bool:
    """Whether more than :data:`NOTE_WINDOW` notes match (then only the newest are ranked)."""
    if not folded_words:
        return False
    expression = match_expression(folded_words, prefix_last=prefix_last)
    (count,) = db.execute(
        "SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH ? "
        "AND rowid % 8 = 1 ORDER BY rowid DESC LIMIT ?)",
        [expression, NOTE_WINDOW + 1]).fetchone()
    return bool(count > NOTE_WINDOW)


def meetings_matching(db: Reads, folded_words: list[str], *,
                      prefix_last: bool = False) -> set[int]:
    """The meetings with a note or agenda item matching, or a site or person matching that
    takes part in them (the meeting list's filter)."""
    if not folded_words:
        return set()
    expression = match_expression(folded_words, prefix_last=prefix_last)
    matching = "SELECT rowid / 8 FROM search_index WHERE search_index MATCH ? AND rowid % 8 = "
    rows = db.execute(
        "SELECT meeting_id FROM search_index WHERE search_index MATCH ? AND rowid % 8 IN (1, 4) "
        f"UNION SELECT meeting_id FROM meeting_sites WHERE site_id IN ({matching}3) "
        f"UNION SELECT meeting_id FROM attendances WHERE person_id IN ({matching}2)",
        [expression] * 3)
    return {r[0] for r in rows if r[0] is not None}


def _codes(kinds: Iterable[str]) -> str:
    return ", ".join(str(KIND_CODES[k]) for k in kinds)


def _desk_parts(db: Reads, wanted: list[str], limit: int) -> list[_Part]:
    """The whole desk: the newest matching notes, all directory entries and agenda items."""
    parts: list[_Part] = []
    if "note" in wanted:
        # FTS5 walks the matches newest first and stops after the window, so bm25 is only
        # computed for the notes in it.
        window = _RANKED + "rowid % 8 = 1 ORDER BY rowid DESC LIMIT ?"
        parts.append((f"SELECT * FROM ({window}) {_BEST}", [NOTE_WINDOW, limit]))
    others = [k for k in wanted if k != "note"]
    if others:
        top = max(db.execute(f"SELECT coalesce(max(id), 0) FROM {_TABLES[k]}").fetchone()[0]
                  for k in others) * 8 + 7
        parts.append((f"{_RANKED}rowid <= ? AND rowid % 8 IN ({_codes(others)}) {_BEST}",
                      [top, limit]))
    return parts


def _meeting_parts(db: Reads, wanted: list[str], meeting_id: int, limit: int
                   ) -> list[_Part]:
    """One meeting: its notes and agenda items, within the range of their ids."""
    parts: list[_Part] = []
    for kind in ("note", "agenda"):
        if kind not in wanted:
            continue
        low, high = db.execute(f"SELECT min(id), max(id) FROM {_TABLES[kind]} "
                               "WHERE meeting_id = ?", [meeting_id]).fetchone()
        if low is not None:
            code = KIND_CODES[kind]
            parts.append((f"{_RANKED}rowid BETWEEN ? AND ? AND rowid % 8 = ? AND meeting_id = ? "
                           + _BEST,
                          [low * 8 + code, high * 8 + code, code, meeting_id, limit]))
    return parts


def _hits(db: Reads, ranked: list[tuple[int, float]]) -> list[RawHit]:
    """Ranked rowids with their display text and meeting, in the same order."""
    kind_of = {code: kind for kind, code in KIND_CODES.items()}
    by_kind: dict[str, list[int]] = {}
    for rowid, _ in ranked:
        by_kind.setdefault(kind_of[rowid % 8], []).append(rowid // 8)
    details: dict[tuple[str, int], tuple[str, int | None]] = {}
    for kind, ids in by_kind.items():
        sql = _DETAILS_SQL[kind].format(ids=", ".join("?" * len(ids)))
        for ref_id, text, meeting in db.execute(sql, ids):
            details[kind, ref_id] = (text, meeting)
    meeting_ids = sorted({m for _, m in details.values() if m is not None})
    meetings = {
        r[0]: (r[1], r[2]) for r in db.execute(
            "SELECT id, title, coalesce(actual_start, planned_start) FROM meetings "
            f"WHERE id IN ({', '.join('?' * len(meeting_ids))})", meeting_ids)
    }
    hits: list[RawHit] = []
    for rowid, score in ranked:
        kind, ref_id = kind_of[rowid % 8], rowid // 8
        if (kind, ref_id) not in details:
            continue
        text, meeting = details[kind, ref_id]
        title, start = meetings.get(meeting, (None, None)) if meeting is not None else (None, None)
        hits.append(RawHit(kind, ref_id, text, meeting, title, start, -float(score)))
    return hits
