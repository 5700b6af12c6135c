"""The one entry point the GUI and the CLI call: build, render and record the minutes."""

from __future__ import annotations

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.records import MinutesVersion
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.profiles import profile_for
from meetingdesk.minutes.render import render_minutes
from meetingdesk.services import meetings, minutes_versions, organization
from meetingdesk.store.desk import Desk


def meeting_profile(desk: Desk, meeting_id: int) -> Profile:
    """The profile a meeting's minutes take unless told: its issuer's."""
    return organization.issuer_of(desk, meetings.get_meeting(desk, meeting_id).issuer_id).profile


def minutes_pdf(desk: Desk, meeting_id: int, *, profile: Profile | None = None) -> bytes:
    """The PDF of a meeting's minutes, without recording it (``profile`` defaults to the
    meeting's issuer's)."""
    fmt = profile_for(profile or meeting_profile(desk, meeting_id))
    return render_minutes(build_minutes(desk, meeting_id, fmt), fmt)


def generate_minutes(desk: Desk, meeting_id: int, *,
                     profile: Profile | None = None) -> tuple[MinutesVersion, bytes]:
    """Build, render and record a new version of a meeting's minutes."""
    chosen = Profile(profile or meeting_profile(desk, meeting_id))
    pdf = minutes_pdf(desk, meeting_id, profile=chosen)
    return minutes_versions.record_version(desk, meeting_id=meeting_id, profile=chosen,
                                           pdf=pdf), pdf
