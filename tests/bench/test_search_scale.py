"""Search on the bench desk, checked against plain FTS5 queries: the newest-notes window, the
directory kinds, the meeting filter. The window is shrunk so the tiny desk exercises it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingdesk.domain.text import words
from meetingdesk.services import search
from meetingdesk.store import search as store_search
from meetingdesk.store.desk import Desk, open_desk

WINDOW = 40


@pytest.fixture
def desk(tiny_bench_desk: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    monkeypatch.setattr(store_search, "NOTE_WINDOW", WINDOW)
    with open_desk(tiny_bench_desk, read_only=True) as d:
        yield d


def _ranked(desk: Desk, query: str, where: str = "1", params: tuple[object, ...] = ()
            ) -> list[tuple[int, float]]:
    """(rowid, score) of every match, best first, as FTS5 ranks them."""
    sql = ("SELECT rowid, -bm25(search_index) FROM search_index WHERE search_index MATCH ? "
           f"AND {where} ORDER BY bm25(search_index), rowid DESC")
    return desk.db.execute(sql, [store_search.match_expression(words(query)), *params]).fetchall()


def _found(hits: list) -> list[int]:
    return [h.ref_id * 8 + store_search.KIND_CODES[h.kind] for h in hits]


def test_search_ranks_only_the_newest_notes_of_a_common_phrase(desk: Desk) -> None:
    notes = _ranked(desk, "dong chi", "rowid % 8 = 1")
    assert len(notes) > WINDOW  # the phrase is common enough to open the window
    newest = sorted(r for r, _ in notes)[-WINDOW:]
    expected = [r for r, _ in _ranked(desk, "dong chi", "rowid % 8 = 1 AND rowid >= ?",
                                      (newest[0],))]
    hits = search.search(desk, "đồng chí", limit=500, kinds=("note",))
    assert _found(hits) == expected
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_ranks_every_directory_entry_beside_the_window(desk: Desk) -> None:
    hits = search.search(desk, "thuong vu", limit=500)
    directory = [r for r, _ in _ranked(desk, "thuong vu", "rowid % 8 <> 1")]
    assert 0 < len(directory) <= 500 - WINDOW
    assert [r for r in _found(hits) if r % 8 != 1] == directory
    assert len([h for h in hits if h.kind == "note"]) == WINDOW
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_below_the_window_is_exact(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_search, "NOTE_WINDOW", 500)
    exact = [r for r, _ in _ranked(desk, "thai nguyen")]
    assert WINDOW < len(exact) <= 500
    assert _found(search.search(desk, "Thái Nguyên", limit=500)) == exact


def test_search_in_one_meeting_matches_fts5(desk: Desk) -> None:
    exact = [r for r, _ in _ranked(desk, "ket luan", "meeting_id = ?", (2,))]
    hits = search.search(desk, "kết luận", limit=500, meeting_id=2)
    assert _found(hits) == exact
    assert {h.meeting_id for h in hits} == {2}
    assert {h.kind for h in hits} <= {"note", "agenda"}


def test_search_hits_carry_text_and_meeting(desk: Desk) -> None:
    hits = search.search(desk, "ket luan 50", limit=500)
    kinds = {h.kind for h in hits}
    assert {"note", "document"} <= kinds
    for h in hits:
        assert "50" in h.text
        if h.kind in ("note", "agenda"):
            assert h.meeting_id is not None and h.meeting_title and h.meeting_date
    doc = next(h for h in hits if h.kind == "document")
    assert doc.text.startswith("Kết luận số 50-KL/TW") and doc.meeting_id is not None
