"""The bench desk generator at a tiny size: right counts, a healthy file, searchable text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from bench.make_desk import (
    ATTENDANCES_PER_MEETING,
    NOTES_PER_MEETING,
    build_bench_desk,
    desk_counts,
    expected_counts,
)
from meetingdesk import cli
from meetingdesk.services import search
from meetingdesk.store.desk import open_desk


def _notes(path: Path) -> list[str]:
    with open_desk(path, read_only=True) as desk:
        return [r[0] for r in desk.db.execute("SELECT text FROM notes ORDER BY id")]


def test_make_desk_has_the_expected_counts(tiny_bench_desk: Path) -> None:
    assert desk_counts(tiny_bench_desk) == expected_counts(3) == {
        "meetings": 3, "attendances": 3 * ATTENDANCES_PER_MEETING,
        "notes": 3 * NOTES_PER_MEETING}


def test_make_desk_passes_meetingdesk_check(tiny_bench_desk: Path, capsys) -> None:
    assert cli.main(["check", "--db", str(tiny_bench_desk)]) == 0
    assert "kết quả: tốt" in capsys.readouterr().out


def test_make_desk_search_finds_dong_chi_without_diacritics(tiny_bench_desk: Path) -> None:
    with open_desk(tiny_bench_desk) as desk:
        hits = search.search(desk, "dong chi", limit=20, kinds=("note",))
    assert len(hits) == 20
    assert all("đồng chí" in h.text.casefold() for h in hits)
    assert all(h.meeting_id is not None and h.meeting_title for h in hits)


def test_make_desk_writes_realistic_vietnamese(tiny_bench_desk: Path) -> None:
    texts = _notes(tiny_bench_desk)
    assert all(t == unicodedata.normalize("NFC", t) for t in texts)
    assert any("Kết luận số 50-KL/TW" in t for t in texts)
    with open_desk(tiny_bench_desk, read_only=True) as desk:
        db = desk.db
        names = [r[0] for r in db.execute("SELECT full_name FROM people")]
        cited = db.execute("SELECT count(DISTINCT note_id) FROM note_citations").fetchone()[0]
        sites = db.execute("SELECT count(*) FROM sites").fetchone()[0]
        events = db.execute("SELECT count(*) FROM connection_events").fetchone()[0]
        running = db.execute("SELECT count(*) FROM meetings WHERE status = 'running'")
        assert running.fetchone()[0] == 1
    assert all(len(n.split()) >= 3 for n in names)
    assert any(n.startswith("Nguyễn ") for n in names)
    assert sites == 35  # the 34 provinces and the central venue
    assert cited > 0 and events > 0


def test_make_desk_is_deterministic_and_reusable(tiny_bench_desk: Path, tmp_path: Path) -> None:
    again = build_bench_desk(tmp_path / "again.db", 3)
    assert _notes(again) == _notes(tiny_bench_desk)
    stamp = again.stat().st_mtime_ns
    assert build_bench_desk(again, 3, reuse=True) == again
    assert again.stat().st_mtime_ns == stamp
    other = build_bench_desk(again, 2, reuse=True)  # another size: rebuilt
    assert desk_counts(other) == expected_counts(2)
