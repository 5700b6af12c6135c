"""The generated versions of a meeting's minutes; a final version freezes the meeting.

Each version keeps its PDF bytes, profile, size and sha256. Marking the latest version final
sets the meeting to ``FINAL`` — its notes and tasks then refuse every change
(:func:`meetingdesk.services.guards.editable_meeting`) — until the meeting is explicitly
reopened with a reason. Both steps are recorded as meeting events.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime

from meetingdesk.domain.enums import MeetingStatus, Profile
from meetingdesk.domain.errors import ConflictError, MeetingDeskError
from meetingdesk.domain.records import Meeting, MeetingEvent, MinutesVersion
from meetingdesk.services.guards import editable_meeting, required_line
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

EVENT_FINAL = "minutes_final"
EVENT_REOPENED = "reopened"
EVENT_SIGNED = "minutes_signed"


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def record_version(desk: Desk, *, meeting_id: int, profile: Profile,
                   pdf: bytes) -> MinutesVersion:
    """Keep a newly generated PDF as the meeting's latest minutes version.

    A meeting whose minutes are final takes no new version until it is reopened.
    """
    with desk.transaction() as db:
        editable_meeting(db, meeting_id)
        version = tables.insert_minutes_pdf(db, MinutesVersion(
            None, meeting_id, _now(), Profile(profile), hashlib.sha256(pdf).hexdigest(),
            len(pdf)), pdf)
    logger.info("Recorded minutes version %s of meeting %s (%d bytes)", version.id,
                meeting_id, version.size)
    return version


def list_versions(desk: Desk, meeting_id: int) -> list[MinutesVersion]:
    """A meeting's versions, oldest first (without their bytes)."""
    return tables.minutes_versions.of_meeting(desk.db, meeting_id)


def version_pdf(desk: Desk, version_id: int) -> bytes:
    """The PDF bytes of a version, checked against their recorded sha256."""
    version = tables.minutes_versions.get(desk.db, version_id)
    pdf = tables.minutes_pdf(desk.db, version_id)
    if hashlib.sha256(pdf).hexdigest() != version.sha256:
        raise MeetingDeskError(
            f"Bản biên bản {version_id} đã bị thay đổi sau khi lưu (mã kiểm tra không khớp).",
            f"Minutes version {version_id} was altered after it was saved (sha256 mismatch).")
    return pdf


def final_version(desk: Desk, meeting_id: int) -> MinutesVersion:
    """The meeting's final version; a one-line refusal when its minutes are not final."""
    meeting = tables.meetings.get(desk.db, meeting_id)
    final = [v for v in list_versions(desk, meeting_id) if v.final]
    if meeting.status is not MeetingStatus.FINAL or not final:
        raise ConflictError(
            f"Cuộc họp {meeting_id} chưa có bản biên bản đã chốt; hãy chốt biên bản trước khi "
            "ký số.",
            f"Meeting {meeting_id} has no final minutes version; mark one final before "
            "signing.")
    return final[-1]


def signed_pdf(desk: Desk, version_id: int) -> bytes | None:
    """The signed copy of a version (``None`` when it has none), checked against its
    sha256."""
    version = tables.minutes_versions.get(desk.db, version_id)
    pdf = tables.signed_minutes_pdf(desk.db, version_id)
    if pdf is not None and hashlib.sha256(pdf).hexdigest() != version.signed_sha256:
        raise MeetingDeskError(
            f"Bản ký số của biên bản {version_id} đã bị thay đổi sau khi lưu (mã kiểm tra "
            "không khớp).",
            f"The signed copy of minutes version {version_id} was altered after it was saved "
            "(sha256 mismatch).")
    return pdf


def store_signed_copy(desk: Desk, *, version_id: int, pdf: bytes,
                      signed_by: str) -> MinutesVersion:
    """Keep ``pdf`` as the signed copy of a final version. It must extend the version's PDF
    (or its previous signed copy) byte for byte — a signature is an incremental update and
    never changes the content; the unsigned PDF stays as it is."""
    with desk.transaction() as db:
        version = tables.minutes_versions.get(db, version_id)
        if not version.final:
            raise ConflictError(
                "Chỉ bản biên bản đã chốt mới được ký số.",
                "Only a final minutes version can be signed.")
        base = tables.signed_minutes_pdf(db, version_id) or tables.minutes_pdf(db, version_id)
        if len(pdf) <= len(base) or not pdf.startswith(base):
            raise ConflictError(
                "Bản ký số không phải là bản biên bản đã chốt cộng thêm chữ ký; không lưu.",
                "The signed copy is not the final minutes with a signature appended; "
                "not saved.")
        now = _now()
        tables.set_signed_minutes_pdf(db, version_id, pdf)
        signed = tables.minutes_versions.update(db, version_id, {
            "signed_sha256": hashlib.sha256(pdf).hexdigest(), "signed_at": now,
            "signed_by": required_line(signed_by, "người ký", "signer")})
        tables.meeting_events.insert(db, MeetingEvent(
            None, version.meeting_id, now, EVENT_SIGNED,
            f"bản {version_id}, ký bởi {signed.signed_by}, sha256 {signed.signed_sha256}"))
    logger.info("Stored the signed copy of minutes version %s (%d bytes)", version_id, len(pdf))
    return signed


def mark_final(desk: Desk, version_id: int) -> MinutesVersion:
    """Make a version the final minutes and freeze its meeting. Only the meeting's latest
    version can become final; marking the final version again changes nothing."""
    with desk.transaction() as db:
        version = tables.minutes_versions.get(db, version_id)
        meeting = tables.meetings.get(db, version.meeting_id)
        if meeting.status is MeetingStatus.FINAL:
            if version.final:
                return version
            raise ConflictError(
                "Biên bản cuộc họp này đã được chốt bằng một bản khác.",
                "The minutes of this meeting are already final with another version.")
        latest = list_versions(desk, meeting.id or 0)[-1]
        if latest.id != version_id:
            raise ConflictError(
                "Chỉ bản biên bản mới nhất mới được chốt; hãy tạo lại biên bản.",
                "Only the latest minutes version can be made final; generate it again.")
        now = _now()
        final = tables.minutes_versions.update(db, version_id,
                                               {"final": True, "finalized_at": now})
        tables.meetings.update(db, version.meeting_id, {"status": MeetingStatus.FINAL})
        tables.meeting_events.insert(db, MeetingEvent(
            None, version.meeting_id, now, EVENT_FINAL,
            f"bản {version_id}, sha256 {version.sha256}"))
    logger.info("Minutes version %s of meeting %s is final", version_id, version.meeting_id)
    return final


def reopen_meeting(desk: Desk, meeting_id: int, *, reason: str) -> Meeting:
    """Unfreeze a meeting whose minutes are final (status back to ``ENDED``), recording why."""
    why = required_line(reason, "lý do mở lại", "reason for reopening")
    with desk.transaction() as db:
        meeting = tables.meetings.get(db, meeting_id)
        if meeting.status is not MeetingStatus.FINAL:
            raise ConflictError("Biên bản cuộc họp này chưa được chốt; không cần mở lại.",
                                "The minutes of this meeting are not final; nothing to reopen.")
        reopened = tables.meetings.update(db, meeting_id, {"status": MeetingStatus.ENDED})
        tables.meeting_events.insert(db, MeetingEvent(None, meeting_id, _now(), EVENT_REOPENED,
                                                      why))
    logger.info("Reopened meeting %s: %s", meeting_id, why)
    return reopened
