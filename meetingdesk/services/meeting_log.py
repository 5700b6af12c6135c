"""A meeting's log as the window shows it: each event with the facts its detail stands for.

The services record an event's detail as a line of Vietnamese text (the desks made so far hold
it so, and older programs show it as it is): ``bản 7, sha256 …`` for a version made final,
``bản 7, ký bởi …, sha256 …`` for signed minutes, ``từ cuộc họp 3`` for a copy, a reason for
a reopening. This module writes those lines and reads them back into values, so the window
words each event in its own language, and names a version by when it was generated (what the
tables of versions show) rather than by its number in the desk, which nothing shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from meetingdesk.domain.records import MeetingEvent
from meetingdesk.store import notices, tables
from meetingdesk.store.desk import Desk

_VERSION = re.compile(r"bản (\d+), (?:ký bởi (.+), )?sha256 ([0-9a-f]{64})")
_COPIED = re.compile(r"từ cuộc họp (\d+)")
_NOTICE_KINDS = frozenset({"notice_final"})
_MINUTES_KINDS = frozenset({"minutes_final", "minutes_signed"})


def version_detail(version_id: int, sha256: str, *, signed_by: str | None = None) -> str:
    """The stored detail of a version made final (or signed by ``signed_by``)."""
    signed = f"ký bởi {signed_by}, " if signed_by else ""
    return f"bản {version_id}, {signed}sha256 {sha256}"


def copied_detail(source_id: int) -> str:
    """The stored detail of a meeting created as a copy of meeting ``source_id``."""
    return f"từ cuộc họp {source_id}"


@dataclass(frozen=True, slots=True)
class LogEntry:
    """An event and what its detail stands for; ``text`` is the detail when it is none of
    those (a reason for reopening, a line written by another program)."""

    event: MeetingEvent
    text: str = ""
    version_made: datetime | None = None
    """When the version the event is about was generated (``None``: not on this desk)."""
    version_id: int | None = None
    sha256: str | None = None
    signed_by: str | None = None
    source_title: str | None = None
    """The title of the meeting this one was copied from (``None``: gone)."""
    source_id: int | None = None


def meeting_log(desk: Desk, meeting_id: int) -> list[LogEntry]:
    """A meeting's events, oldest first, with their details read."""
    return [_entry(desk, e) for e in tables.meeting_events.of_meeting(desk.conn, meeting_id)]


def _entry(desk: Desk, event: MeetingEvent) -> LogEntry:
    db, detail = desk.conn, event.detail or ""
    version = _VERSION.fullmatch(detail)
    if version and event.kind in _NOTICE_KINDS | _MINUTES_KINDS:
        version_id = int(version[1])
        repo = (notices.notice_versions if event.kind in _NOTICE_KINDS
                else tables.minutes_versions)
        made = repo.get(db, version_id).created_at if repo.exists(db, version_id) else None
        return LogEntry(event, version_made=made, version_id=version_id, sha256=version[3],
                        signed_by=version[2])
    copied = _COPIED.fullmatch(detail)
    if copied and event.kind == "copied":
        source_id = int(copied[1])
        title = (tables.meetings.get(db, source_id).title
                 if tables.meetings.exists(db, source_id) else None)
        return LogEntry(event, source_title=title, source_id=source_id)
    return LogEntry(event, text=detail)
