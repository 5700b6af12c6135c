"""The figures of a period report, read in a few aggregate queries over the meetings held in
the period (by their actual start, else their planned start): a meeting is held once it has
started — it has an actual start, or it is running, ended or final; one still in draft or
planned is not counted, nor its sites, nor its tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from meetingdesk.domain.enums import AttendanceStatus, MeetingStatus
from meetingdesk.store.reads import Reads

_START = "coalesce(m.actual_start, m.planned_start)"
_STARTED = (MeetingStatus.RUNNING, MeetingStatus.ENDED, MeetingStatus.FINAL)
_HELD = ("(m.actual_start IS NOT NULL OR m.status IN "
         f"({', '.join(repr(s.value) for s in _STARTED)}))")
HELD_IN_PERIOD = f"{_HELD} AND {_START} >= ? AND {_START} < ?"
"""The meetings (``m``) held in a period (parameters: :func:`period_bounds`)."""
_PRESENT = tuple(s.value for s in AttendanceStatus if s.is_present)


def period_bounds(start: date, end: date) -> list[str]:
    """Parameters of :data:`HELD_IN_PERIOD`: from the first day to past the last one — every ISO
    time of that day (``2023-12-31T14:00:00``, or the bare date) sorts before
    ``2023-12-31~``, and no day after it does (even after 9999-12-31, which has no next
    day)."""
    return [start.isoformat(), f"{end.isoformat()}~"]


@dataclass(frozen=True, slots=True)
class MeetingSiteFigures:
    """One site's part in one meeting of the period."""

    meeting_id: int
    meeting_start: datetime
    site_id: int
    site_name: str
    summoned: int
    reported: int | None
    """The present count the site reported (``None`` until it did)."""
    named_present: int
    """Delegates named present at the site."""


@dataclass(frozen=True, slots=True)
class ConnectionFigures:
    """A lost or restored connection of a site during a meeting of the period."""

    meeting_site_id: int
    site_id: int
    site_name: str
    meeting_start: datetime
    meeting_end: datetime | None
    at: datetime
    status: str


def meeting_starts(db: Reads, start: date, end: date) -> dict[int, datetime]:
    """The meetings held in the period, with their start."""
    rows = db.execute(f"SELECT m.id, {_START} FROM meetings m WHERE {HELD_IN_PERIOD} "
                      "ORDER BY 2, 1", period_bounds(start, end)).fetchall()
    return {r[0]: datetime.fromisoformat(r[1]) for r in rows}


def site_figures(db: Reads, start: date, end: date) -> list[MeetingSiteFigures]:
    marks = ", ".join("?" for _ in _PRESENT)
    rows = db.execute(
        f"""SELECT ms.meeting_id, {_START}, s.id, s.name, ms.summoned, ms.present,
                   (SELECT count(*) FROM attendances a
                    WHERE a.meeting_id = ms.meeting_id AND a.site_id = ms.site_id
                      AND a.status IN ({marks}))
            FROM meeting_sites ms JOIN meetings m ON m.id = ms.meeting_id
            JOIN sites s ON s.id = ms.site_id
            WHERE {HELD_IN_PERIOD} ORDER BY 2, ms.meeting_id, ms.position, ms.id""",
        [*_PRESENT, *period_bounds(start, end)]).fetchall()
    return [MeetingSiteFigures(r[0], datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6])
            for r in rows]


def connection_figures(db: Reads, start: date, end: date) -> list[ConnectionFigures]:
    """Losses and restorations, in time order per meeting site."""
    rows = db.execute(
        f"""SELECT ms.id, s.id, s.name, {_START}, coalesce(m.actual_end, m.planned_end),
                   e.at, e.status
            FROM connection_events e JOIN meeting_sites ms ON ms.id = e.meeting_site_id
            JOIN meetings m ON m.id = ms.meeting_id JOIN sites s ON s.id = ms.site_id
            WHERE e.status IN ('lost', 'restored') AND {HELD_IN_PERIOD}
            ORDER BY ms.id, e.at, e.id""", period_bounds(start, end)).fetchall()
    return [ConnectionFigures(r[0], r[1], r[2], datetime.fromisoformat(r[3]),
                              datetime.fromisoformat(r[4]) if r[4] else None,
                              datetime.fromisoformat(r[5]), r[6]) for r in rows]
