"""Store benchmark on the bench desk: search of a common phrase and of a rare word beside the
raw FTS5 query (the floor), and a note update committed. Prints figures against the targets
and exits 1 on a miss.

    python bench/bench_store.py [--db PATH] [--meetings N] [--runs 30]

Without ``--db`` the desk is built once in the temporary folder and reused on later runs.
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from meetingdesk.domain.text import words
from meetingdesk.services import drafts, notes, search
from meetingdesk.store.desk import Desk, open_desk
from meetingdesk.store.search import match_expression

try:
    from bench.make_desk import MEETINGS, RARE_WORD, build_bench_desk, desk_counts
except ModuleNotFoundError:  # run as `python bench/bench_store.py`
    from make_desk import (  # type: ignore[no-redef]
        MEETINGS,
        RARE_WORD,
        build_bench_desk,
        desk_counts,
    )

COMMON_PHRASE = "đồng chí"
AS_YOU_TYPE = ("đ", "đồ", "đồn")
"""The first one, two and three letters typed in the search box (prefixes: migration 0006)."""
SEARCH_TARGET_MS = 50.0
UPDATE_TARGET_MS = 10.0
FLOOR_SQL = ("SELECT rowid FROM search_index WHERE search_index MATCH ? "
             "ORDER BY rank LIMIT 50")


@dataclass(frozen=True, slots=True)
class Timing:
    median: float
    p95: float


def measure(action: Callable[[int], object], runs: int, warmup: int = 3) -> Timing:
    """Median and 95th percentile of ``action(run)`` in milliseconds, after warm-up runs."""
    for i in range(warmup):
        action(-1 - i)
    times: list[float] = []
    for i in range(runs):
        started = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times, n=20, method="inclusive")[18] if runs > 1 else times[0]
    return Timing(statistics.median(times), p95)


class Report:
    """The printed table; remembers whether any target was missed."""

    def __init__(self) -> None:
        self.missed = False
        print(f"{'measure':<62} {'median':>8} {'p95':>8} {'target':>8}  result")

    def row(self, label: str, timing: Timing, target: float | None = None) -> None:
        result = ""
        if target is not None:
            ok = timing.median < target
            self.missed |= not ok
            result = "PASS" if ok else "MISS"
        shown = f"< {target:g}" if target is not None else ""
        print(f"{label:<62} {timing.median:8.2f} {timing.p95:8.2f} {shown:>8}  {result}".rstrip())

    def line(self, label: str, value: str) -> None:
        print(f"{label:<62} {value:>8}")


def bench_search(desk: Desk, report: Report, query: str, runs: int) -> None:
    expression = match_expression(words(query))
    matches = desk.db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                              [expression]).fetchone()[0]
    hits = search.search(desk, query, limit=50)
    label = f'search "{query}" ({matches:,} matches, {len(hits)} shown)'
    found = measure(lambda _: search.search(desk, query, limit=50), runs)
    floor = measure(lambda _: desk.db.execute(FLOOR_SQL, [expression]).fetchall(), runs)
    report.row(label, found, SEARCH_TARGET_MS)
    report.row("  floor: raw FTS5 MATCH ? ORDER BY rank LIMIT 50", floor)
    report.line("  search / floor (medians)", f"{found.median / floor.median:.2f}")


def bench_update(desk: Desk, report: Report, runs: int) -> None:
    """Update the newest note of the running meeting, as the note editor saves while typing."""
    note_id, meeting_id = desk.db.execute(
        "SELECT n.id, n.meeting_id FROM notes n JOIN meetings m ON m.id = n.meeting_id "
        "WHERE m.status = 'running' ORDER BY n.id DESC LIMIT 1").fetchone()
    original = notes.get_note(desk, note_id).text

    def save(run: int) -> None:
        notes.update_note(desk, note_id,
                          text=f"{original} Đồng chí đề nghị bổ sung số liệu quý {run}.")

    def save_draft(run: int) -> None:
        drafts.save_draft(desk, meeting_id=meeting_id, note_id=note_id, now=datetime.now(),
                          text=f"{original} Đồng chí đề nghị bổ sung số liệu quý {run}")

    try:
        report.row(f"note update committed (note {note_id}, its own transaction)",
                   measure(save, runs), UPDATE_TARGET_MS)
        report.row("  for comparison: live editor's draft save (drafts.save_draft)",
                   measure(save_draft, runs))
    finally:
        notes.update_note(desk, note_id, text=original)
        drafts.discard_draft(desk, meeting_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="bench desk to use (built if missing or of "
                        "another size); default: one in the temporary folder")
    parser.add_argument("--meetings", type=int, default=MEETINGS)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--query", default=COMMON_PHRASE, help="the common phrase")
    parser.add_argument("--rare", default=RARE_WORD, help="the rare word")
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.gettempdir()) / f"meetingdesk-bench-{args.meetings}.db"
    started = time.perf_counter()
    build_bench_desk(path, args.meetings, reuse=True, log=print)
    counts = desk_counts(path) or {}
    print(f"desk {path}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items())
          + f"; {path.stat().st_size / 2**20:.0f} MiB; ready in "
          f"{time.perf_counter() - started:.1f} s")
    print(f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
          f"{platform.machine()}; {args.runs} runs after 3 warm-up runs; times in ms")
    print()
    report = Report()
    with open_desk(path) as desk:
        bench_search(desk, report, args.query, args.runs)
        bench_search(desk, report, args.rare, args.runs)
        for typed in (*AS_YOU_TYPE, args.query[:-1]):
            found = search.search(desk, typed, as_you_type=True)
            window = ", newest 10,000 notes ranked" if found.windowed else ""
            report.row(f'search "{typed}" as you type (last word a prefix{window})',
                       measure(lambda _, t=typed: search.search(desk, t, as_you_type=True),
                               args.runs), SEARCH_TARGET_MS)
        bench_update(desk, report, args.runs)
    print()
    print("MISS: a target was missed." if report.missed else "All targets met.")
    return 1 if report.missed else 0


if __name__ == "__main__":
    sys.exit(main())
