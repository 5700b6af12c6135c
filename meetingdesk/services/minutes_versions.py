"""The generated versions of a meeting's minutes; a final version freezes the meeting.

Each version keeps its PDF bytes, profile, size, sha256 and the sha256 of its content: minutes
whose content equals the newest version of their profile add no version (the PDF bytes differ
every time: they carry their creation time). A non-final version can be deleted. Marking the
newest version of a profile final first checks the meeting (ended, numbered, both signers,
every site's attendance accounted for, the issuer's profile) and lists everything missing at
once; it then sets the meeting to ``FINAL`` — its notes and tasks refuse every change
(:func:`meetingdesk.services.guards.editable_meeting`) — until the meeting is explicitly
reopened with a reason. Both steps are recorded as meeting events.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime

from meetingdesk.domain.enums import MeetingStatus, Profile
from meetingdesk.domain.errors import ConflictError, MeetingDeskError, ValidationError
from meetingdesk.domain.messages import Joined, Message, message
from meetingdesk.domain.records import Meeting, MeetingEvent, MinutesVersion
from meetingdesk.services import organization, participation
from meetingdesk.services.guards import editable_meeting, required_line
from meetingdesk.services.meeting_log import version_detail
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

EVENT_FINAL = "minutes_final"
EVENT_REOPENED = "reopened"
EVENT_SIGNED = "minutes_signed"


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def record_version(desk: Desk, *, meeting_id: int, profile: Profile, pdf: bytes,
                   content_sha256: str | None = None) -> MinutesVersion:
    """Keep a newly generated PDF as the meeting's latest minutes version, unless its content
    (``content_sha256``) equals the newest version of that profile: that version is returned
    and nothing is added.

    A meeting whose minutes are final takes no new version until it is reopened.
    """
    profile = Profile(profile)
    with desk.transaction() as db:
        editable_meeting(db, meeting_id)
        same = unchanged_version(desk, meeting_id=meeting_id, profile=profile,
                                 content_sha256=content_sha256)
        if same is not None:
            logger.info("Minutes of meeting %s unchanged since version %s", meeting_id, same.id)
            return same
        version = tables.insert_minutes_pdf(db, MinutesVersion(
            None, meeting_id, _now(), profile, hashlib.sha256(pdf).hexdigest(), len(pdf),
            content_sha256=content_sha256), pdf)
    logger.info("Recorded minutes version %s of meeting %s (%d bytes)", version.id,
                meeting_id, version.size)
    return version


def unchanged_version(desk: Desk, *, meeting_id: int, profile: Profile,
                      content_sha256: str | None) -> MinutesVersion | None:
    """The newest version of ``profile`` if its content is ``content_sha256``."""
    newest = _newest(desk, meeting_id, profile)
    if content_sha256 is not None and newest is not None \
            and newest.content_sha256 == content_sha256:
        return newest
    return None


def _newest(desk: Desk, meeting_id: int, profile: Profile) -> MinutesVersion | None:
    of_profile = [v for v in list_versions(desk, meeting_id) if v.profile is profile]
    return of_profile[-1] if of_profile else None


def delete_version(desk: Desk, version_id: int) -> None:
    """Remove a version that is not final (a final one is part of the record)."""
    with desk.transaction() as db:
        version = tables.minutes_versions.get(db, version_id)
        if version.final:
            raise ConflictError("minutes_versions.final_not_deletable")
        tables.minutes_versions.delete(db, version_id)
    logger.info("Deleted minutes version %s of meeting %s", version_id, version.meeting_id)


PROFILE_NAMES = {Profile.STATE: message("minutes_versions.profile_state"),
                 Profile.PARTY: message("minutes_versions.profile_party")}
"""The profiles as named in messages (the Vietnamese is their label)."""


def final_problems(desk: Desk, meeting_id: int, profile: Profile) -> list[Message]:
    """Everything that keeps the minutes of a meeting from being final, in ``profile``; empty
    when they can be."""
    meeting = tables.meetings.get(desk.conn, meeting_id)
    problems: list[Message] = []
    if meeting.actual_end is None:
        problems.append(message("minutes_versions.not_ended"))
    if meeting.number is None:
        problems.append(message("minutes_versions.no_number"))
    issuer = organization.issuer_of(desk, meeting.issuer_id)
    if not issuer.name:
        problems.append(message("minutes_versions.no_issuer"))
    elif issuer.profile is not Profile(profile):
        problems.append(message("minutes_versions.profile_not_issuers",
                                profile=PROFILE_NAMES[Profile(profile)], issuer=issuer.name,
                                issuers=PROFILE_NAMES[issuer.profile]))
    if meeting.chair_signer_id is None:
        problems.append(message("minutes_versions.nobody_signs_chair"))
    if meeting.secretary_signer_id is None:
        problems.append(message("minutes_versions.nobody_signs_secretary"))
    sites = participation.meeting_sites(desk, meeting_id)
    unaccounted = [s.site.name for s in sites if not s.headcount.accounted]
    if unaccounted:
        problems.append(message("minutes_versions.sites_not_accounted",
                                sites=", ".join(unaccounted)))
    counts = [(s.site.name, s.headcount) for s in sites
              if s.headcount.accounted and not s.headcount.adds_up]
    if counts:
        problems.append(message("minutes_versions.counts_exceed_summoned", sites=Joined(tuple(
            message("minutes_versions.site_counts", name=name, summoned=c.summoned,
                    present=c.present, absent=c.absent) for name, c in counts), ", ")))
    return problems


def check_final(desk: Desk, meeting_id: int, profile: Profile) -> None:
    """Refuse, listing everything missing at once, minutes that cannot be made final."""
    problems = final_problems(desk, meeting_id, profile)
    if problems:
        raise ValidationError("minutes_versions.cannot_make_final",
                              problems=Joined(tuple(problems)))


def list_versions(desk: Desk, meeting_id: int) -> list[MinutesVersion]:
    """A meeting's versions, oldest first (without their bytes)."""
    return tables.minutes_versions.of_meeting(desk.conn, meeting_id)


def version_pdf(desk: Desk, version_id: int) -> bytes:
    """The PDF bytes of a version, checked against their recorded sha256."""
    version = tables.minutes_versions.get(desk.conn, version_id)
    return checked_bytes(tables.minutes_pdf(desk.conn, version_id), version.sha256,
                         message("minutes_versions.version", version_id=version_id))


def checked_bytes(pdf: bytes, sha256: str, what: Message) -> bytes:
    """Stored document bytes, refused in one line when they no longer match their sha256."""
    if hashlib.sha256(pdf).hexdigest() != sha256:
        raise MeetingDeskError("minutes_versions.altered_after_saved", what=what)
    return pdf


def final_in_force(desk: Desk, meeting_id: int) -> MinutesVersion | None:
    """The final version in force: the newest one made final, while the meeting is final
    (a version made final and reopened since stays in the record, no longer in force)."""
    meeting = tables.meetings.get(desk.conn, meeting_id)
    final = [v for v in list_versions(desk, meeting_id) if v.final]
    if meeting.status is not MeetingStatus.FINAL or not final:
        return None
    return max(final, key=lambda v: (v.finalized_at or datetime.min, v.id or 0))


def final_version(desk: Desk, meeting_id: int) -> MinutesVersion:
    """The meeting's final version; a one-line refusal when its minutes are not final."""
    final = final_in_force(desk, meeting_id)
    if final is None:
        raise ConflictError("minutes_versions.no_final_version", meeting_id=meeting_id)
    return final


def signed_pdf(desk: Desk, version_id: int) -> bytes | None:
    """The signed copy of a version (``None`` when it has none), checked against its
    sha256."""
    version = tables.minutes_versions.get(desk.conn, version_id)
    pdf = tables.signed_minutes_pdf(desk.conn, version_id)
    if pdf is not None and hashlib.sha256(pdf).hexdigest() != version.signed_sha256:
        raise MeetingDeskError("minutes_versions.signed_copy_altered",
                               version_id=version_id)
    return pdf


def store_signed_copy(desk: Desk, *, version_id: int, pdf: bytes,
                      signed_by: str) -> MinutesVersion:
    """Keep ``pdf`` as the signed copy of a final version. It must extend the version's PDF
    (or its previous signed copy) byte for byte — a signature is an incremental update and
    never changes the content; the unsigned PDF stays as it is."""
    with desk.transaction() as db:
        version = tables.minutes_versions.get(db, version_id)
        if not version.final:
            raise ConflictError("minutes_versions.only_final_signed")
        base = tables.signed_minutes_pdf(db, version_id) or tables.minutes_pdf(db, version_id)
        if len(pdf) <= len(base) or not pdf.startswith(base):
            raise ConflictError("minutes_versions.signed_copy_not_of_final")
        now = _now()
        tables.set_signed_minutes_pdf(db, version_id, pdf)
        signed = tables.minutes_versions.update(db, version_id, {
            "signed_sha256": hashlib.sha256(pdf).hexdigest(), "signed_at": now,
            "signed_by": required_line(signed_by, message("fields.signer"))})
        tables.meeting_events.insert(db, MeetingEvent(
            None, version.meeting_id, now, EVENT_SIGNED,
            version_detail(version_id, signed.signed_sha256 or "", signed_by=signed.signed_by)))
    logger.info("Stored the signed copy of minutes version %s (%d bytes)", version_id, len(pdf))
    return signed


def mark_final(desk: Desk, version_id: int) -> MinutesVersion:
    """Make a version the final minutes and freeze its meeting, after :func:`check_final`.
    Only the newest version of its profile can become final; marking the final version again
    changes nothing."""
    with desk.transaction() as db:
        version = tables.minutes_versions.get(db, version_id)
        meeting = tables.meetings.get(db, version.meeting_id)
        if meeting.status is MeetingStatus.FINAL:
            if version.final:
                return version
            raise ConflictError("minutes_versions.already_final")
        newest = _newest(desk, version.meeting_id, version.profile)
        if newest is None or newest.id != version_id:
            raise ConflictError("minutes_versions.only_latest_final")
        check_final(desk, version.meeting_id, version.profile)
        now = _now()
        final = tables.minutes_versions.update(db, version_id,
                                               {"final": True, "finalized_at": now})
        tables.meetings.update(db, version.meeting_id, {"status": MeetingStatus.FINAL})
        tables.meeting_events.insert(db, MeetingEvent(
            None, version.meeting_id, now, EVENT_FINAL, version_detail(version_id, version.sha256)))
    logger.info("Minutes version %s of meeting %s is final", version_id, version.meeting_id)
    return final


def reopen_meeting(desk: Desk, meeting_id: int, *, reason: str) -> Meeting:
    """Unfreeze a meeting whose minutes are final (status back to ``ENDED``), recording why."""
    why = required_line(reason, message("fields.reason_for_reopening"))
    with desk.transaction() as db:
        meeting = tables.meetings.get(db, meeting_id)
        if meeting.status is not MeetingStatus.FINAL:
            raise ConflictError("minutes_versions.not_final_nothing_to_reopen")
        reopened = tables.meetings.update(db, meeting_id, {"status": MeetingStatus.ENDED})
        tables.meeting_events.insert(db, MeetingEvent(None, meeting_id, _now(), EVENT_REOPENED,
                                                      why))
    logger.info("Reopened meeting %s: %s", meeting_id, why)
    return reopened
