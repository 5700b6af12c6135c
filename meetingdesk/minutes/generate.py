"""The one entry point the GUI and the CLI call: build, render and record the minutes."""

from __future__ import annotations

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.records import MinutesVersion
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.profiles import profile_for
from meetingdesk.minutes.render import render_minutes
from meetingdesk.services import minutes_versions, organization
from meetingdesk.store.desk import Desk


def minutes_pdf(desk: Desk, meeting_id: int, *, profile: Profile | None = None) -> bytes:
    """The PDF of a meeting's minutes, without recording it (``profile`` defaults to the
    organization's)."""
    fmt = profile_for(profile or organization.get_organization(desk).profile)
    return render_minutes(build_minutes(desk, meeting_id, fmt), fmt)


def generate_minutes(desk: Desk, meeting_id: int, *,
                     profile: Profile | None = None) -> tuple[MinutesVersion, bytes]:
    """Build, render and record a new version of a meeting's minutes."""
    chosen = Profile(profile or organization.get_organization(desk).profile)
    pdf = minutes_pdf(desk, meeting_id, profile=chosen)
    return minutes_versions.record_version(desk, meeting_id=meeting_id, profile=chosen,
                                           pdf=pdf), pdf
