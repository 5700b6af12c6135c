"""Meetings: create, edit, list, delete, copy as the template of the next one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from meetingdesk.domain.enums import AttendanceStatus, ConnectionStatus, MeetingStatus
from meetingdesk.domain.errors import ConflictError, ValidationError
from meetingdesk.domain.messages import message
from meetingdesk.domain.records import Issuer, Meeting, MeetingEvent
from meetingdesk.services.guards import editable_meeting, optional_line, required_line
from meetingdesk.services.meeting_log import copied_detail
from meetingdesk.services.signers import default_signers
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk

_TEXT_FIELDS = ("kind", "organizer")
_TIME_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end")


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """A meeting with its totals, as the meeting list shows it."""

    meeting: Meeting
    site_count: int
    delegate_count: int


def _check_times(meeting: Meeting) -> None:
    for start, end in ((meeting.planned_start, meeting.planned_end),
                       (meeting.actual_start, meeting.actual_end)):
        if start and end and end < start:
            raise ValidationError("meetings.end_time_before_start")


def _clean(values: dict[str, object]) -> dict[str, object]:
    cleaned: dict[str, object] = {}
    for key, value in values.items():
        if key == "title":
            cleaned[key] = required_line(str(value), message("fields.meeting_title"))
        elif key in _TEXT_FIELDS:
            cleaned[key] = optional_line(None if value is None else str(value)) or (
                "" if key == "kind" else None)
        elif key == "description":
            cleaned[key] = None if value is None else (str(value).strip() or None)
        elif key in _TIME_FIELDS:
            if value is not None and not isinstance(value, datetime):
                raise TypeError(f"{key} must be a datetime")
            cleaned[key] = value
        elif key == "status":
            cleaned[key] = MeetingStatus(str(value))
        elif key in ("main_site_id", "number", "source_meeting_id", "issuer_id"):
            cleaned[key] = value
        else:
            raise TypeError(f"unknown meeting field {key}")
    return cleaned


def _refuse_final(status: object) -> None:
    """Minutes become final (and are reopened) only through the minutes versions, which
    freeze the notes and record the act: never by setting the status by hand."""
    if status is MeetingStatus.FINAL:
        raise ConflictError("meetings.final_only_from_minutes_tab")


def create_meeting(desk: Desk, *, title: str, **fields: object) -> Meeting:
    """A new meeting (status draft unless given; never final). Without an ``issuer_id`` it
    takes the desk's default issuer; its signers are that issuer's default signers."""
    values = _clean({"title": title, **fields})
    _refuse_final(values.get("status"))
    _check_times(Meeting(id=None, **values))  # type: ignore[arg-type]
    with desk.transaction() as db:
        if values.get("main_site_id") is not None:
            tables.sites.get(db, int(values["main_site_id"]))  # type: ignore[arg-type]
        if values.get("issuer_id") is not None:
            issuer: Issuer | None = tables.issuers.get(db, int(values["issuer_id"]))  # type: ignore[arg-type]
        else:
            issuer = tables.issuers.default(db)
        if issuer is not None:
            values = {**default_signers(db, issuer), **values, "issuer_id": issuer.id}
        return tables.meetings.insert(db, Meeting(id=None, **values))  # type: ignore[arg-type]


def update_meeting(desk: Desk, meeting_id: int, **changes: object) -> Meeting:
    """Change a meeting's fields. A meeting whose minutes are final is frozen until it is
    reopened (services.minutes_versions.reopen_meeting), and no edit makes it final."""
    values = _clean(changes)
    _refuse_final(values.get("status"))
    with desk.transaction() as db:
        current = editable_meeting(db, meeting_id)
        _check_times(replace(current, **values))  # type: ignore[arg-type]
        if values.get("main_site_id") is not None:
            tables.sites.get(db, int(values["main_site_id"]))  # type: ignore[arg-type]
        if values.get("issuer_id") is not None:
            tables.issuers.get(db, int(values["issuer_id"]))  # type: ignore[arg-type]
        return tables.meetings.update(db, meeting_id, values)


def delete_meeting(desk: Desk, meeting_id: int) -> None:
    with desk.transaction() as db:
        tables.meetings.delete(db, meeting_id)


def get_meeting(desk: Desk, meeting_id: int) -> Meeting:
    return tables.meetings.get(desk.conn, meeting_id)


def list_meetings(desk: Desk) -> list[MeetingSummary]:
    """Every meeting, newest first, with its site and delegate counts."""
    db = desk.conn
    counts = tables.meeting_count_rows(db)
    meetings = tables.meetings.newest_first(db)
    return [MeetingSummary(m, *counts.get(m.id or 0, (0, 0))) for m in meetings]


def meeting_summary(desk: Desk, meeting_id: int) -> MeetingSummary | None:
    """One meeting as the meeting list shows it, or ``None`` when it is gone."""
    db = desk.conn
    if not tables.meetings.exists(db, meeting_id):
        return None
    counts = tables.meeting_count_rows(db, meeting_id)
    return MeetingSummary(tables.meetings.get(db, meeting_id), *counts.get(meeting_id, (0, 0)))


def copy_meeting(desk: Desk, source_id: int, *, title: str | None = None,
                 planned_start: datetime | None = None) -> Meeting:
    """A new draft meeting from a previous one: its sites, people with their roles and its
    agenda — not its notes, times or attendance statuses. Its tasks are carried forward: the
    new meeting reviews them in a first agenda item (:func:`tasks.carry_forward`)."""
    with desk.transaction() as db:
        source = tables.meetings.get(db, source_id)
        new = tables.meetings.insert(db, Meeting(
            id=None,
            title=(required_line(title, message("fields.meeting_title")) if title
                   else source.title),
            kind=source.kind, organizer=source.organizer, planned_start=planned_start,
            main_site_id=source.main_site_id, status=MeetingStatus.DRAFT,
            description=source.description, source_meeting_id=source.id,
            issuer_id=source.issuer_id, chair_signer_id=source.chair_signer_id,
            chair_signer_title=source.chair_signer_title,
            secretary_signer_id=source.secretary_signer_id,
            secretary_signer_title=source.secretary_signer_title,
        ))
        assert new.id is not None
        for ms in tables.meeting_sites.where(db, meeting_id=source_id):
            tables.meeting_sites.insert(db, replace(ms, id=None, meeting_id=new.id,
                                                    connection=ConnectionStatus.UNCHECKED,
                                                    present=None, absence_note=None))
        for att in tables.attendances.where(db, meeting_id=source_id):
            tables.attendances.insert(db, replace(
                att, id=None, meeting_id=new.id, status=AttendanceStatus.EXPECTED, reason=None,
                checked_in_at=None))
        for item in tables.agenda_items.where(db, meeting_id=source_id):
            tables.agenda_items.insert(db, replace(item, id=None, meeting_id=new.id,
                                                   actual_start=None, actual_end=None))
        # the task register's modules load here, not with the meeting list at every start
        from meetingdesk.services.tasks import carry_forward

        carry_forward(db, source, new.id)
        tables.meeting_events.insert(db, MeetingEvent(
            None, new.id, datetime.now(), "copied", copied_detail(source_id)))
        return new
