"""The running meeting: start and end, the running agenda item, and the speaker picker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.matching import Candidate
from meetingdesk.domain.records import AgendaItem, Meeting
from meetingdesk.services.guards import editable_meeting
from meetingdesk.services.participation import attendance_list
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person who may speak at the meeting, as the speaker picker shows them."""

    attendance_id: int
    person_id: int
    full_name: str
    titles: str
    site_id: int | None
    site_name: str

    @property
    def label(self) -> str:
        parts = [self.full_name, self.titles, self.site_name]
        return " — ".join(p for p in parts if p)


def speaker_candidates(desk: Desk, meeting_id: int) -> list[Candidate[Speaker]]:
    """Everyone on the meeting's list, in precedence order, ready for :func:`best_matches`."""
    out = []
    for e in attendance_list(desk, meeting_id):
        assert e.attendance.id is not None and e.person.id is not None
        speaker = Speaker(e.attendance.id, e.person.id, e.person.full_name, e.person.title_line,
                          e.attendance.site_id, e.site.name if e.site else "")
        out.append(Candidate(speaker, speaker.full_name, f"{speaker.titles} {speaker.site_name}"))
    return out


def running_item(desk: Desk, meeting_id: int) -> AgendaItem | None:
    """The agenda item started last and not yet ended."""
    items = [i for i in tables.agenda_items.of_meeting(desk.conn, meeting_id)
             if i.actual_start and not i.actual_end]
    return max(items, key=lambda i: i.actual_start or datetime.min) if items else None


def start_meeting(desk: Desk, meeting_id: int, now: datetime) -> Meeting:
    """Mark the meeting running from ``now`` (kept if it had started already) and start the
    first agenda item when none has started."""
    now = now.replace(microsecond=0)
    with desk.transaction() as db:
        meeting = editable_meeting(db, meeting_id)
        values: dict[str, object] = {"status": MeetingStatus.RUNNING, "actual_end": None}
        if meeting.actual_start is None:
            values["actual_start"] = now
        items = tables.agenda_items.of_meeting(db, meeting_id)
        if items and not any(i.actual_start for i in items):
            tables.agenda_items.update(db, items[0].id, {"actual_start": now})  # type: ignore[arg-type]
        return tables.meetings.update(db, meeting_id, values)


def start_next_item(desk: Desk, meeting_id: int, now: datetime) -> AgendaItem | None:
    """End the running item and start the next one not yet started (``None`` at the end)."""
    now = now.replace(microsecond=0)
    with desk.transaction() as db:
        meeting = editable_meeting(db, meeting_id)
        if meeting.status is not MeetingStatus.RUNNING:
            raise ConflictError("live.not_started")
        items = tables.agenda_items.of_meeting(db, meeting_id)
        for item in items:
            if item.actual_start and not item.actual_end:
                tables.agenda_items.update(db, item.id, {"actual_end": now})  # type: ignore[arg-type]
        for item in items:
            if not item.actual_start:
                return tables.agenda_items.update(db, item.id,  # type: ignore[arg-type]
                                                  {"actual_start": now})
        return None


def end_meeting(desk: Desk, meeting_id: int, now: datetime) -> Meeting:
    """End the running item and the meeting at ``now``; the minutes use these times."""
    now = now.replace(microsecond=0)
    with desk.transaction() as db:
        meeting = editable_meeting(db, meeting_id)
        for item in tables.agenda_items.where(db, meeting_id=meeting_id):
            if item.actual_start and not item.actual_end:
                tables.agenda_items.update(db, item.id, {"actual_end": now})  # type: ignore[arg-type]
        return tables.meetings.update(db, meeting_id, {
            "status": MeetingStatus.ENDED, "actual_end": now,
            "actual_start": meeting.actual_start or now})
