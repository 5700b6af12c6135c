"""Exchange benchmark: 34 provinces × 30 delegates × 5 notes, over a year of meetings.

A centre desk and one desk per province (real files). For each meeting:

1. *distribution* — the centre writes the meeting for each province (everything, the first
   time) and each province imports it;
2. *roll call* — each province takes its roll call (30 statuses) and files 5 notes (typed
   during the meeting: not timed), then writes its part for the centre, and the centre
   imports the 34 packages: **the 34-site round**;
3. *return* — the centre writes each province what it lacks (its checkpoint) and each imports;
4. *second roll call* — each province changes 5 statuses, the centre imports: a second
   34-site round (no conflict expected);
5. *re-import* — the centre imports the same 34 packages again (no-ops: no write, no backup).

Each meeting runs in a process of its own that opens the desks afresh, as a meeting day does
in the field (the program is started for the meeting, not left running for a year): the year
is in the desks, not in the age of the process. Wall times are per phase (all 34 sites in that
process, exports and imports included), with the process CPU time of the phase's exports and
imports (on a busy machine the wall time also counts waiting for a core). Distribution and
return are 34 imports at 34 desks, done here one after another; in the field each province
imports on its own machine, so the CPU time of one province's import (the largest of the 34)
is given too, and what a checked backup of a province's desk costs (each import that changes
something takes one first).

With ``--meetings 12`` the desks hold a growing year. Targets: a 34-site round under 10 s,
and **flat** over the year: for each round, the mean CPU time of the last 3 meetings at most
20 % above that of the first 3 (with fewer than 6 meetings, the first and last halves). The
SQLite instructions each round runs are counted too (not judged): the work, apart from the
machine.
Exits 1 when a target is missed.

    python bench/bench_exchange.py [--meetings 12] [--sites 34] [--delegates 30] [--notes 5]
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/bench_exchange.py`
    sys.path.insert(0, str(ROOT))

from meetingdesk.domain.enums import AttendanceStatus  # noqa: E402
from meetingdesk.exchange.packages import export_package, import_package  # noqa: E402
from meetingdesk.services import (  # noqa: E402
    checkpoints,
    conflicts,
    directory,
    meetings,
    notes,
    participation,
)
from meetingdesk.services.reference import load_provinces  # noqa: E402
from meetingdesk.store.backup import backup_connection, backup_dir_for  # noqa: E402
from meetingdesk.store.desk import Desk, open_desk  # noqa: E402

TARGET_S = 10.0
FLAT_TOLERANCE = 0.20
"""How much more CPU the last meetings' round may take than the first meetings' one."""
STEPS = 1000
"""SQLite virtual-machine instructions between two counts of the work done."""
STATUSES = [AttendanceStatus.PRESENT, AttendanceStatus.ONLINE, AttendanceStatus.LATE,
            AttendanceStatus.ABSENT]


@dataclass
class Phase:
    """One phase of one meeting: its wall time, the CPU time of its parts (exports,
    imports), and the CPU time of each province's import."""

    wall: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)
    province_imports: list[float] = field(default_factory=list)
    collector: float = 0.0
    """CPU time of the garbage collector's runs during the phase (part of the above)."""
    sqlite_steps: int = 0
    """Thousands of SQLite virtual-machine instructions run during the phase, on every desk:
    the work asked of SQLite, which the machine's load does not change."""
    file_reads: int = 0
    """Read calls the process made during the phase (``syscr`` of ``/proc/self/io``; 0 where
    there is none): SQLite reads a page from its file when it is not in the connection's page
    cache, so these grow when a desk outgrows its cache."""

    @property
    def total_cpu(self) -> float:
        return sum(self.cpu.values())

    def part(self, name: str) -> float:
        return self.cpu.get(name, 0.0)


@dataclass(frozen=True)
class Year:
    """What every meeting's process needs to find the desks again: their folder, how many
    provinces, and the centre's delegates of each province (person ids by site id)."""

    folder: Path
    sites: int
    people: dict[int, list[int]]
    notes: int


def set_up(folder: Path, sites: int, delegates: int, notes_per_site: int) -> Year:
    """The centre's directory (provinces and their delegates) and an empty desk per province."""
    centre = open_desk(folder / "centre.db")
    try:
        load_provinces(centre)
        chosen = [s for s in directory.list_sites(centre) if s.code][:sites]
        people: dict[int, list[int]] = {}
        for site in chosen:
            assert site.id is not None
            people[site.id] = [
                directory.add_person(centre, full_name=f"Đại biểu {n + 1} {site.name}",
                                     titles=("Ủy viên Ban Thường vụ Tỉnh ủy",),
                                     site_id=site.id).id or 0 for n in range(delegates)]
            open_desk(folder / f"tinh-{site.code}.db").close()
    finally:
        centre.close()
    return Year(folder, sites, people, notes_per_site)


class Bench:
    """One meeting day: the centre's and the provinces' desks opened afresh."""

    def __init__(self, year: Year) -> None:
        self.folder = year.folder
        self.notes = year.notes
        self.phase = Phase()
        self.centre = open_desk(self.folder / "centre.db")
        self.sites = [s for s in directory.list_sites(self.centre) if s.code][:year.sites]
        self.people = year.people
        self.provinces = [open_desk(self.folder / f"tinh-{s.code}.db") for s in self.sites]
        for desk in (self.centre, *self.provinces):
            desk.conn.set_progress_handler(self._step, STEPS)
        self.sizes: dict[str, list[int]] = {}
        self.local_ids: dict[tuple[str, str], int] = {}

    def _step(self) -> int:
        self.phase.sqlite_steps += 1
        return 0  # go on

    def timed(self, work: Callable[[], None]) -> Phase:
        """Run a phase, timed as a whole and by part (:meth:`cpu`)."""
        self.phase = Phase()
        started: list[float] = []

        def collecting(when: str, info: dict[str, int]) -> None:
            if when == "start":
                started.append(time.process_time())
            elif started:
                self.phase.collector += time.process_time() - started.pop()

        gc.callbacks.append(collecting)
        reads = read_calls()
        start = time.perf_counter()
        try:
            work()
        finally:
            self.phase.wall = time.perf_counter() - start
            self.phase.file_reads = read_calls() - reads
            gc.callbacks.remove(collecting)
        return self.phase

    @contextmanager
    def cpu(self, part: str) -> Iterator[None]:
        """Count the CPU time of the block in the current phase's ``part``."""
        start = time.process_time()
        try:
            yield
        finally:
            spent = time.process_time() - start
            self.phase.cpu[part] = self.phase.part(part) + spent
            if part == "province import":
                self.phase.province_imports.append(spent)

    def new_meeting(self, number: int) -> int:
        start = datetime(2025, 1, 15, 8, 0) + timedelta(days=30 * number)
        m = meetings.create_meeting(
            self.centre, title=f"Hội nghị giao ban trực tuyến tháng {number + 1}-2025",
            planned_start=start)
        assert m.id is not None
        for site in self.sites:
            assert site.id is not None
            participation.add_meeting_site(self.centre, meeting_id=m.id, site_id=site.id,
                                           summoned=len(self.people[site.id]))
            for pid in self.people[site.id]:
                participation.add_attendance(self.centre, meeting_id=m.id, person_id=pid,
                                             site_id=site.id)
        return m.id

    def _send(self, source: Desk, target: Desk, meeting_id: int, path: Path, kind: str,
              site_code: str | None = None) -> None:
        with self.cpu("centre export"):
            export_package(source, meeting_id, path, site_code=site_code,
                           partner=checkpoints.this_replica(target))
        self.sizes.setdefault(kind, []).append(path.stat().st_size)
        with self.cpu("province import"):
            import_package(target, path)

    def local_meeting(self, desk: Desk, title: str) -> int:
        """The province's id of the meeting, looked up once (listing a year of meetings with
        their counts is the window's work, not the exchange's)."""
        key = (str(desk.path), title)
        if key not in self.local_ids:
            self.local_ids[key] = next(s.meeting.id for s in meetings.list_meetings(desk)
                                       if s.meeting.title == title) or 0
        return self.local_ids[key]

    def distribution(self, meeting_id: int, number: int) -> None:
        for site, desk in zip(self.sites, self.provinces, strict=True):
            self._send(self.centre, desk, meeting_id,
                       self.folder / f"m{number}-to-{site.code}.mdpkg", "centre → province")

    def roll_call(self, title: str, rnd: int, changed: int) -> None:
        """What the provinces' secretaries type (not timed: it is spread over the meeting)."""
        for k, (site, desk) in enumerate(zip(self.sites, self.provinces, strict=True)):
            mid = self.local_meeting(desk, title)
            local = directory.find_site(desk, site.code or "")
            assert local is not None
            entries = [e for e in participation.attendance_list(desk, mid)
                       if e.site is not None and e.site.id == local.id]
            for n, e in enumerate(entries[:changed]):
                participation.update_attendance(
                    desk, e.attendance.id or 0, status=STATUSES[(n + k + rnd) % 4])
            if rnd == 1:
                for n in range(self.notes):
                    notes.add_note(desk, meeting_id=mid, site_id=local.id,
                                   text=f"Điểm cầu {site.name}: ý kiến số {n + 1} về "
                                        "công tác tổ chức xây dựng Đảng.")

    def send_parts(self, title: str, number: int, rnd: int) -> list[Path]:
        paths = []
        for site, desk in zip(self.sites, self.provinces, strict=True):
            mid = self.local_meeting(desk, title)
            path = self.folder / f"m{number}-r{rnd}-{site.code}.mdpkg"
            with self.cpu("province export"):
                export_package(desk, mid, path, site_code=site.code,
                               partner=checkpoints.this_replica(self.centre))
            self.sizes.setdefault("province → centre", []).append(path.stat().st_size)
            paths.append(path)
        return paths

    def centre_imports(self, paths: list[Path]) -> dict[str, int]:
        totals: dict[str, int] = {}
        for path in paths:
            with self.cpu("centre import"):
                report = import_package(self.centre, path)
            for outcome, n in report.plan.counts().items():
                totals[outcome.value] = totals.get(outcome.value, 0) + n
        return totals

    def give_back(self, meeting_id: int, number: int, rnd: int) -> None:
        for site, desk in zip(self.sites, self.provinces, strict=True):
            self._send(self.centre, desk, meeting_id,
                       self.folder / f"m{number}-back{rnd}-{site.code}.mdpkg",
                       "centre → province (delta)")

    def meeting(self, number: int, delegates: int) -> tuple[
            dict[str, Phase], dict[str, int], dict[str, int], dict[str, int]]:
        """One meeting's five phases, timed; with the outcomes of the two rounds and of the
        re-import."""
        mid = self.new_meeting(number)
        title = meetings.get_meeting(self.centre, mid).title
        first: dict[str, int] = {}
        second: dict[str, int] = {}
        again: dict[str, int] = {}
        paths: list[Path] = []

        def round_of_calls(rnd: int, outcomes: dict[str, int]) -> None:
            paths[:] = self.send_parts(title, number, rnd)
            outcomes.update(self.centre_imports(paths))

        done = {"distribution": self.timed(lambda: self.distribution(mid, number))}
        self.roll_call(title, 1, delegates)
        done["roll call"] = self.timed(lambda: round_of_calls(1, first))
        done["return"] = self.timed(lambda: self.give_back(mid, number, 1))
        self.roll_call(title, 2, 5)
        done["2nd call"] = self.timed(lambda: round_of_calls(2, second))
        done["re-import"] = self.timed(lambda: again.update(self.centre_imports(paths)))
        return done, first, second, again

    def province_backup(self) -> tuple[float, float, float]:
        """What the checked backup an import takes first costs at the first province's desk
        now: (CPU s, wall s, desk MB). Copied beside the desks, not into its backups."""
        desk = self.provinces[0]
        target = self.folder / "province-backup-probe.db"
        start, cpu = time.perf_counter(), time.process_time()
        backup_connection(desk.conn, target)
        spent = time.process_time() - cpu, time.perf_counter() - start
        size = target.stat().st_size / 1e6
        target.unlink()
        return spent[0], spent[1], size

    def close(self) -> None:
        for desk in (self.centre, *self.provinces):
            desk.close()


@dataclass
class Day:
    """One meeting's figures, as its process hands them back."""

    phases: dict[str, Phase]
    first: dict[str, int]
    second: dict[str, int]
    again: dict[str, int]
    sizes: dict[str, list[int]]
    backup: tuple[float, float, float]


def one_meeting(year: Year, number: int, delegates: int) -> Day:
    """Meeting ``number`` of the year, in a process of its own (see :func:`main`)."""
    bench = Bench(year)
    try:
        done, first, second, again = bench.meeting(number, delegates)
        return Day(done, first, second, again, bench.sizes, bench.province_backup())
    finally:
        bench.close()


def read_calls() -> int:
    """The read calls this process has made (Linux), else 0."""
    try:
        with open("/proc/self/io", encoding="ascii") as io:
            return next(int(line.split()[1]) for line in io if line.startswith("syscr:"))
    except (OSError, StopIteration):
        return 0


def flatness(series: list[float]) -> tuple[float, float] | None:
    """(mean of the first meetings, mean of the last ones): 3 each, or halves of a shorter
    year; ``None`` for a single meeting."""
    k = min(3, len(series) // 2)
    if k == 0:
        return None
    return statistics.mean(series[:k]), statistics.mean(series[-k:])


def _phase(p: Phase, first: str, second: str) -> str:
    return f"{p.wall:6.2f} ({p.part(first):5.2f}+{p.part(second):5.2f})"


PHASES = ("distribution", "roll call", "return", "2nd call", "re-import")
ROUNDS = ("roll call", "2nd call")
"""The 34-site rounds: judged against the targets."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=12)
    parser.add_argument("--sites", type=int, default=34)
    parser.add_argument("--delegates", type=int, default=30)
    parser.add_argument("--notes", type=int, default=5)
    parser.add_argument("--keep", action="store_true",
                        help="keep the desks and their backups (a year of 34: tens of GB)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="md-bench-exchange-"))
    print(f"{args.sites} provinces × {args.delegates} delegates × {args.notes} notes, "
          f"{args.meetings} meeting(s); desks in {folder}"
          f"{'' if args.keep else ' (removed at the end)'}")
    t0 = time.perf_counter()
    year_setup = set_up(folder, args.sites, args.delegates, args.notes)
    print(f"centre directory built in {time.perf_counter() - t0:.1f} s")
    print(f"wall s (CPU s of the exports + the imports); 1 province: the largest CPU s of the "
          f"{args.sites} provinces' imports; backup: a province desk's checked backup, CPU s "
          "and MB")
    print(f"{'meeting':>7}  {'distribution':>20} {'1 province':>10}  {'roll call':>20}  "
          f"{'return':>20} {'1 province':>10}  {'2nd call':>20}  {'re-import':>13}  "
          f"{'backup':>12}")
    year: list[dict[str, Phase]] = []
    backups: list[tuple[float, float, float]] = []
    sizes: dict[str, list[int]] = {}
    # Each meeting day is a process of its own, as in the field (the program is started for a
    # meeting, not left running for a year): the year is in the desks, not in the process.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                             max_tasks_per_child=1) as days:
        for number in range(args.meetings):
            day = days.submit(one_meeting, year_setup, number, args.delegates).result()
            done, first, second, again = day.phases, day.first, day.second, day.again
            year.append(done)
            backups.append(day.backup)
            for kind, values in day.sizes.items():
                sizes.setdefault(kind, []).extend(values)
            d, r = done["distribution"], done["return"]
            print(f"{number + 1:>7}  {_phase(d, 'centre export', 'province import')} "
                  f"{max(d.province_imports):10.2f}  "
                  f"{_phase(done['roll call'], 'province export', 'centre import')}  "
                  f"{_phase(r, 'centre export', 'province import')} "
                  f"{max(r.province_imports):10.2f}  "
                  f"{_phase(done['2nd call'], 'province export', 'centre import')}  "
                  f"{done['re-import'].wall:6.2f} ({done['re-import'].total_cpu:4.2f})  "
                  f"{backups[-1][0]:5.2f}, {backups[-1][2]:4.1f}")
            print(f"{'':>9}new {first['new']}, changed {first['changed']} / changed "
                  f"{second['changed']}, conflicts {first['conflict'] + second['conflict']}, "
                  f"re-import changes {sum(v for k, v in again.items() if k != 'unchanged')}")
    with closing(open_desk(folder / "centre.db")) as centre:
        left = conflicts.list_conflicts(centre)
    centre_backups = len(list(backup_dir_for(folder / "centre.db").glob("*.db")))
    print("package sizes (KiB): " + "; ".join(
        f"{kind}: median {statistics.median(s) / 1024:.1f}, max {max(s) / 1024:.1f}"
        for kind, s in sizes.items()))
    print(f"centre desk: {(folder / 'centre.db').stat().st_size / 1e6:.1f} MB, "
          f"{centre_backups} import backups, {len(left)} conflicts left")
    if not args.keep:
        shutil.rmtree(folder)
    return 0 if report(year, backups, args.sites) else 1


def report(year: list[dict[str, Phase]], backups: list[tuple[float, float, float]],
           sites: int) -> bool:
    """Print the year's figures against the targets; whether they are all met."""
    worst = max(m[r].wall for m in year for r in ROUNDS)
    ok = worst < TARGET_S
    print(f"{sites}-site round: worst {worst:.2f} s wall, "
          f"{max(m[r].total_cpu for m in year for r in ROUNDS):.2f} s CPU "
          f"(target < {TARGET_S:.0f} s): {'PASS' if ok else 'MISS'}")
    print(f"flat over the year (CPU s, mean of the first meetings → mean of the last ones; "
          f"rounds at most {FLAT_TOLERANCE:.0%} more):")
    series = {name: [m[name].total_cpu for m in year] for name in PHASES}
    series["1 province's import, distribution"] = [
        max(m["distribution"].province_imports) for m in year]
    series["1 province's import, return"] = [max(m["return"].province_imports) for m in year]
    series["a province desk's backup"] = [b[0] for b in backups]
    for name in ROUNDS:
        series[f"garbage collector, {name}"] = [m[name].collector for m in year]
        series[f"SQLite steps ×1000, {name}"] = [m[name].sqlite_steps for m in year]
        series[f"file read calls, {name}"] = [m[name].file_reads for m in year]
    for name, values in series.items():
        ends = flatness(values)
        if ends is None:
            print(f"  {name}: one meeting, not judged")
            continue
        growth = ends[1] / ends[0] - 1 if ends[0] else 0.0
        verdict = "(not judged)"
        if name in ROUNDS:
            good = growth <= FLAT_TOLERANCE
            ok = ok and good
            verdict = "PASS" if good else "MISS"
        print(f"  {name:<36} {ends[0]:6.2f} → {ends[1]:6.2f}  {growth:+6.0%}  {verdict}")
    print(f"province desk: {backups[0][2]:.1f} → {backups[-1][2]:.1f} MB over the year")
    return ok


if __name__ == "__main__":
    sys.exit(main())
