"""Full-text search over the folded index (see migration 0001), ranked by bm25."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

_TEXT_SQL = {
    "note": "SELECT text, meeting_id FROM notes WHERE id = ?",
    "agenda": "SELECT title, meeting_id FROM agenda_items WHERE id = ?",
    "person": (
        "SELECT p.full_name || CASE WHEN p.titles <> '[]' THEN ' — ' || "
        "(SELECT group_concat(value, ', ') FROM json_each(p.titles)) ELSE '' END, "
        "(SELECT a.meeting_id FROM attendances a JOIN meetings m ON m.id = a.meeting_id "
        " WHERE a.person_id = p.id ORDER BY m.planned_start DESC, m.id DESC LIMIT 1) "
        "FROM people p WHERE p.id = ?"
    ),
    "site": (
        "SELECT s.name || coalesce(' (' || (SELECT group_concat(name, ', ') FROM site_aliases "
        "WHERE site_id = s.id) || ')', ''), "
        "(SELECT ms.meeting_id FROM meeting_sites ms JOIN meetings m ON m.id = ms.meeting_id "
        " WHERE ms.site_id = s.id ORDER BY m.planned_start DESC, m.id DESC LIMIT 1) "
        "FROM sites s WHERE s.id = ?"
    ),
    "document": (
        "SELECT coalesce(d.doc_type || ' số ', '') || d.reference "
        "|| coalesce(' — ' || d.title, ''), "
        "(SELECT n.meeting_id FROM note_citations c JOIN notes n ON n.id = c.note_id "
        " WHERE c.document_id = d.id ORDER BY n.at DESC LIMIT 1) "
        "FROM documents d WHERE d.id = ?"
    ),
}


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


def search(db: Database, folded_words: list[str], *, limit: int = 50,
           kinds: tuple[str, ...] | None = None, meeting_id: int | None = None,
           prefix_last: bool = False) -> list[RawHit]:
    """The best ``limit`` hits for all of ``folded_words``, best first."""
    if not folded_words:
        return []
    sql = "SELECT kind, ref_id, meeting_id, rank FROM search_index WHERE search_index MATCH ?"
    params: list[object] = [match_expression(folded_words, prefix_last=prefix_last)]
    if kinds:
        sql += f" AND kind IN ({', '.join('?' for _ in kinds)})"
        params.extend(kinds)
    if meeting_id is not None:
        sql += " AND meeting_id = ?"
        params.append(meeting_id)
    sql += " ORDER BY rank LIMIT ?"
    params.append(limit)
    hits: list[RawHit] = []
    for kind, ref_id, _, rank in db.execute(sql, params).fetchall():
        row = db.execute(_TEXT_SQL[kind], [ref_id]).fetchone()
        if row is None:
            continue
        text, hit_meeting = row
        title = start = None
        if hit_meeting is not None:
            title, start = db.execute(
                "SELECT title, coalesce(actual_start, planned_start) FROM meetings WHERE id = ?",
                [hit_meeting],
            ).fetchone()
        hits.append(RawHit(kind, ref_id, text, hit_meeting, title, start, -float(rank)))
    return hits

