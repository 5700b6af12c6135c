"""The generated versions of a meeting's conclusion notice, final like the minutes.

Each version keeps its PDF bytes, profile, size and sha256. The latest version can be made
final once the meeting has what the notice says (:func:`final_problems`: its date, who signs
for the chair, a conclusion or a task); the notice is then frozen — no new version — until it
is reopened with a reason (to issue a corrected notice). Both steps are recorded as meeting
events. A final version reopened since is no longer in force: it stays in the record, shown as
replaced. Unlike the minutes, a final notice does not freeze the meeting: tasks go on being
followed.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime

from meetingdesk.domain.enums import NoteKind, Profile
from meetingdesk.domain.errors import ConflictError, ValidationError
from meetingdesk.domain.messages import Joined, Message, message
from meetingdesk.domain.notices import NoticeVersion
from meetingdesk.domain.records import MeetingEvent
from meetingdesk.services.guards import required_line
from meetingdesk.services.meeting_log import version_detail
from meetingdesk.services.minutes_versions import checked_bytes
from meetingdesk.store import notices, tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.reads import Reads

logger = logging.getLogger(__name__)

EVENT_FINAL = "notice_final"
EVENT_REOPENED = "notice_reopened"


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _final_version(db: Reads, meeting_id: int) -> NoticeVersion | None:
    """The final version in force: the newest final one, unless reopened since."""
    steps = [e.kind for e in tables.meeting_events.of_meeting(db, meeting_id)
             if e.kind in (EVENT_FINAL, EVENT_REOPENED)]
    if not steps or steps[-1] != EVENT_FINAL:
        return None
    finals = [v for v in notices.notice_versions.of_meeting(db, meeting_id) if v.final]
    return finals[-1] if finals else None


def final_version(desk: Desk, meeting_id: int) -> NoticeVersion | None:
    """The final notice of a meeting, if it has one in force."""
    return _final_version(desk.conn, meeting_id)


def final_problems(desk: Desk, meeting_id: int) -> list[Message]:
    """Everything that keeps a meeting's notice from being final; empty when it can be. The
    checks of the minutes' that a notice needs: the meeting's date, who signs for the chair,
    and something concluded — a conclusion, a decision or a task."""
    db = desk.conn
    meeting = tables.meetings.get(db, meeting_id)
    problems: list[Message] = []
    if meeting.date is None:
        problems.append(message("notice_versions.no_date"))
    if meeting.chair_signer_id is None:
        problems.append(message("minutes_versions.nobody_signs_chair"))
    concluded = any(n.kind in (NoteKind.CONCLUSION, NoteKind.DECISION) and n.text.strip()
                    for n in tables.notes.of_meeting(db, meeting_id))
    if not concluded and not tables.tasks.of_meeting(db, meeting_id):
        problems.append(message("notice_versions.nothing_concluded"))
    return problems


def check_final(desk: Desk, meeting_id: int) -> None:
    """Refuse, listing everything missing at once, a notice that cannot be made final."""
    problems = final_problems(desk, meeting_id)
    if problems:
        raise ValidationError("notice_versions.cannot_make_final",
                              problems=Joined(tuple(problems)))


def record_version(desk: Desk, *, meeting_id: int, profile: Profile,
                   pdf: bytes) -> NoticeVersion:
    """Keep a newly generated notice as the meeting's latest version (refused while a final
    notice is in force)."""
    with desk.transaction() as db:
        tables.meetings.get(db, meeting_id)
        if _final_version(db, meeting_id) is not None:
            raise ConflictError("notice_versions.notice_final")
        version = notices.insert_notice_pdf(db, NoticeVersion(
            None, meeting_id, _now(), Profile(profile), hashlib.sha256(pdf).hexdigest(),
            len(pdf)), pdf)
    logger.info("Recorded notice version %s of meeting %s (%d bytes)", version.id,
                meeting_id, version.size)
    return version


def list_versions(desk: Desk, meeting_id: int) -> list[NoticeVersion]:
    """A meeting's notice versions, oldest first (without their bytes)."""
    return notices.notice_versions.of_meeting(desk.conn, meeting_id)


def version_pdf(desk: Desk, version_id: int) -> bytes:
    """The PDF bytes of a version, checked against their recorded sha256."""
    version = notices.notice_versions.get(desk.conn, version_id)
    return checked_bytes(notices.notice_pdf(desk.conn, version_id), version.sha256,
                         message("notice_versions.version", version_id=version_id))


def mark_final(desk: Desk, version_id: int) -> NoticeVersion:
    """Make the latest version the final notice; marking the final one again changes
    nothing."""
    with desk.transaction() as db:
        version = notices.notice_versions.get(db, version_id)
        current = _final_version(db, version.meeting_id)
        if current is not None:
            if current.id == version_id:
                return version
            raise ConflictError("notice_versions.already_final")
        latest = notices.notice_versions.of_meeting(db, version.meeting_id)[-1]
        if latest.id != version_id:
            raise ConflictError("notice_versions.only_latest_final")
        check_final(desk, version.meeting_id)
        now = _now()
        final = notices.notice_versions.update(db, version_id,
                                               {"final": True, "finalized_at": now})
        tables.meeting_events.insert(db, MeetingEvent(
            None, version.meeting_id, now, EVENT_FINAL, version_detail(version_id, version.sha256)))
    logger.info("Notice version %s of meeting %s is final", version_id, version.meeting_id)
    return final


def reopen_notice(desk: Desk, meeting_id: int, *, reason: str) -> None:
    """Allow a corrected notice after a final one, recording why."""
    why = required_line(reason, message("fields.reason_for_reopening"))
    with desk.transaction() as db:
        if _final_version(db, meeting_id) is None:
            raise ConflictError("notice_versions.not_final_nothing_to_reopen")
        tables.meeting_events.insert(db, MeetingEvent(None, meeting_id, _now(), EVENT_REOPENED,
                                                      why))
    logger.info("Reopened the notice of meeting %s: %s", meeting_id, why)
