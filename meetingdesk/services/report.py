"""The report of a period: attendance and connection trouble per site, tasks by status per
owner, and the same figures quarter by quarter — plain tables that the PDF (with its charts),
the XLSX and the window all show."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.headcount import SiteHeadcount
from meetingdesk.domain.numbers import Share
from meetingdesk.domain.tasks import Quarter, TaskLine, TaskState
from meetingdesk.store import report_queries, task_register
from meetingdesk.store.desk import Desk
from meetingdesk.store.report_queries import ConnectionFigures

STATE_ORDER = (TaskState.DONE, TaskState.IN_PROGRESS, TaskState.ASSIGNED, TaskState.OVERDUE,
               TaskState.CANCELLED)
STATE_WORDS = {s.value: s.label for s in STATE_ORDER}

Table = tuple[str, tuple[str, ...], list[tuple[object, ...]]]
"""(title, headers, rows) of one table of the report."""


@dataclass(frozen=True, slots=True)
class SiteAttendance:
    site: str
    meetings: int
    summoned: int
    present: int

    @property
    def rate(self) -> float | None:
        """Present over summoned, when anyone was summoned."""
        return self.present / self.summoned if self.summoned else None


@dataclass(frozen=True, slots=True)
class SiteTrouble:
    site: str
    lost: int
    restored: int
    minutes_offline: int


@dataclass(frozen=True, slots=True)
class OwnerTasks:
    owner: str
    counts: tuple[int, ...]
    """Tasks in each state of :data:`STATE_ORDER`."""

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class QuarterFigures:
    quarter: Quarter
    meetings: int
    summoned: int
    present: int
    losses: int
    minutes_offline: int
    tasks: int
    done: int
    overdue: int


@dataclass(frozen=True, slots=True)
class PeriodReport:
    start: date
    end: date
    as_of: date
    """The day the tasks' states are taken on: the period's last day, or today if earlier."""
    meetings: int
    sites: tuple[SiteAttendance, ...]
    trouble: tuple[SiteTrouble, ...]
    owners: tuple[OwnerTasks, ...]
    quarters: tuple[QuarterFigures, ...]


def _offline(events: list[ConnectionFigures]) -> tuple[int, int, int]:
    """(losses, restorations, whole minutes offline) of one meeting site: a loss lasts until
    the next restoration, else until the meeting's end."""
    lost = restored = 0
    seconds = 0.0
    since: datetime | None = None
    for e in events:
        if e.status == "lost":
            lost += 1
            since = since or e.at
        elif e.status == "restored":
            restored += 1
            if since is not None:
                seconds += max(0.0, (e.at - since).total_seconds())
                since = None
    if since is not None and events[-1].meeting_end is not None:
        seconds += max(0.0, (events[-1].meeting_end - since).total_seconds())
    return lost, restored, round(seconds / 60)


def _owner(line: TaskLine) -> str:
    return line.site_name or line.owner or "—"


def period_report(desk: Desk, *, start: date, end: date,
                  today: date | None = None) -> PeriodReport:
    """The figures of the meetings held from ``start`` to ``end`` (both included)."""
    if end < start:
        raise ValidationError("report.end_before_start")
    db = desk.conn
    as_of = min(end, today or date.today())
    starts = report_queries.meeting_starts(db, start, end)
    quarter_of = {mid: Quarter.of(at.date()) for mid, at in starts.items()}

    per_site: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_quarter: dict[Quarter, list[int]] = defaultdict(lambda: [0] * 8)
    for mid in starts:
        per_quarter[quarter_of[mid]][0] += 1
    for f in report_queries.site_figures(db, start, end):
        present = SiteHeadcount(f.summoned, f.reported, f.named_present).present
        row = per_site[f.site_name]
        row[0] += 1
        row[1] += f.summoned
        row[2] += present
        q = per_quarter[quarter_of[f.meeting_id]]
        q[1] += f.summoned
        q[2] += present
    sites = tuple(SiteAttendance(name, *values) for name, values in sorted(
        per_site.items(), key=lambda kv: (-kv[1][1], kv[0])))

    by_meeting_site: dict[int, list[ConnectionFigures]] = defaultdict(list)
    for e in report_queries.connection_figures(db, start, end):
        by_meeting_site[e.meeting_site_id].append(e)
    trouble_by_site: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for events in by_meeting_site.values():
        figures = _offline(events)
        row = trouble_by_site[events[0].site_name]
        for i, v in enumerate(figures):
            row[i] += v
        q = per_quarter[Quarter.of(events[0].meeting_start.date())]
        q[3] += figures[0]
        q[4] += figures[2]
    trouble = tuple(SiteTrouble(name, *values) for name, values in sorted(
        trouble_by_site.items(), key=lambda kv: (-kv[1][2], -kv[1][0], kv[0])))

    lines = task_register.register(db, held=(start, end))
    owner_counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(STATE_ORDER))
    for line in lines:
        state = line.state(as_of)
        owner_counts[_owner(line)][STATE_ORDER.index(state)] += 1
        q = per_quarter[quarter_of.get(line.task.meeting_id) or Quarter.of(as_of)]
        q[5] += 1
        q[6] += state is TaskState.DONE
        q[7] += state is TaskState.OVERDUE
    owners = tuple(OwnerTasks(name, tuple(counts)) for name, counts in sorted(
        owner_counts.items(), key=lambda kv: (-sum(kv[1]), kv[0])))
    quarters = tuple(QuarterFigures(q, *values) for q, values in sorted(per_quarter.items()))
    return PeriodReport(start, end, as_of, len(starts), sites, trouble, owners, quarters)


def tables(report: PeriodReport) -> list[Table]:
    """(title, headers, rows) of each table of the report, in the order of the charts; the
    XLSX holds the same tables."""
    state_words = tuple(STATE_WORDS[s.value] for s in STATE_ORDER)
    return [
        ("Dự họp theo điểm cầu", ("Điểm cầu", "Số hội nghị", "Triệu tập", "Có mặt", "Tỷ lệ"),
         [(s.site, s.meetings, s.summoned, s.present, Share(s.present, s.summoned))
          for s in report.sites]),
        ("Sự cố kết nối theo điểm cầu",
         ("Điểm cầu", "Mất kết nối", "Kết nối lại", "Phút mất kết nối"),
         [(t.site, t.lost, t.restored, t.minutes_offline) for t in report.trouble]),
        ("Nhiệm vụ theo đơn vị thực hiện", ("Đơn vị thực hiện", *state_words, "Tổng"),
         [(o.owner, *o.counts, o.total) for o in report.owners]),
        ("So sánh theo quý", ("Quý", "Hội nghị", "Triệu tập", "Có mặt", "Lần mất kết nối",
                              "Phút mất kết nối", "Nhiệm vụ giao", "Hoàn thành", "Quá hạn"),
         [(q.quarter.label, q.meetings, q.summoned, q.present, q.losses, q.minutes_offline,
           q.tasks, q.done, q.overdue) for q in report.quarters]),
    ]
