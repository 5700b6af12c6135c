"""Diacritic-insensitive search over notes, people, sites, agenda items and documents."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from meetingdesk.domain.records import SearchHit
from meetingdesk.domain.text import words
from meetingdesk.store import search as store_search
from meetingdesk.store.desk import Desk

KINDS = ("note", "person", "site", "agenda", "document")
NOTE_WINDOW = store_search.NOTE_WINDOW


class SearchResults(list[SearchHit]):
    """The hits of a search, best first (a list), and whether the notes were ranked within the
    window of the newest :data:`NOTE_WINDOW` only, because more of them matched."""

    def __init__(self, hits: Iterable[SearchHit], *, windowed: bool) -> None:
        super().__init__(hits)
        self.windowed = windowed


def search(desk: Desk, query: str, *, limit: int = 50, kinds: tuple[str, ...] | None = None,
           meeting_id: int | None = None, as_you_type: bool = False) -> SearchResults:
    """Hits for every word of ``query``, best first, each with its meeting where it has one.

    "dong chi" finds "đồng chí"; "Hoà Bình" and "hoa binh" find "Hòa Bình". ``as_you_type``
    lets the last word match as a prefix. When more than :data:`NOTE_WINDOW` notes match,
    the newest of them are ranked and the results say so (``windowed``).
    """
    folded = words(query)[:16]
    hits = store_search.search(desk.conn, folded, limit=max(1, min(limit, 500)), kinds=kinds,
                               meeting_id=meeting_id, prefix_last=as_you_type)
    windowed = (meeting_id is None and (not kinds or "note" in kinds)
                and store_search.notes_beyond_window(desk.conn, folded, prefix_last=as_you_type))
    return SearchResults((
        SearchHit(h.kind, h.ref_id, h.text, h.meeting_id, h.meeting_title,
                  datetime.fromisoformat(h.meeting_start).date() if h.meeting_start else None,
                  h.score)
        for h in hits), windowed=windowed)


def meetings_matching(desk: Desk, query: str) -> set[int]:
    """The meetings whose notes, agenda, sites (former names too) or people match every word
    of ``query``, the last one as typed so far."""
    return store_search.meetings_matching(desk.conn, words(query)[:16], prefix_last=True)
