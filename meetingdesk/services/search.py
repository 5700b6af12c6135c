"""Diacritic-insensitive search over notes, people, sites, agenda items and documents."""

from __future__ import annotations

from datetime import datetime

from meetingdesk.domain.records import SearchHit
from meetingdesk.domain.text import words
from meetingdesk.store import search as store_search
from meetingdesk.store.desk import Desk

KINDS = ("note", "person", "site", "agenda", "document")


def search(desk: Desk, query: str, *, limit: int = 50, kinds: tuple[str, ...] | None = None,
           meeting_id: int | None = None, as_you_type: bool = False) -> list[SearchHit]:
    """Hits for every word of ``query``, best first, each with its meeting where it has one.

    "dong chi" finds "đồng chí"; "Hoà Bình" and "hoa binh" find "Hòa Bình". ``as_you_type``
    lets the last word match as a prefix.
    """
    folded = words(query)[:16]
    hits = store_search.search(desk.db, folded, limit=max(1, min(limit, 500)), kinds=kinds,
                               meeting_id=meeting_id, prefix_last=as_you_type)
    return [
        SearchHit(h.kind, h.ref_id, h.text, h.meeting_id, h.meeting_title,
                  datetime.fromisoformat(h.meeting_start).date() if h.meeting_start else None,
                  h.score)
        for h in hits
    ]
