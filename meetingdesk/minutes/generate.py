"""The one entry point the GUI and the CLI call: build, render and record the minutes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.records import MinutesVersion
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.document import MinutesDocument
from meetingdesk.minutes.profiles import FormatProfile, Margins, profile_for
from meetingdesk.minutes.render import render_minutes
from meetingdesk.services import meetings, minutes_versions, organization
from meetingdesk.services.guards import editable_meeting
from meetingdesk.store.desk import Desk


def meeting_profile(desk: Desk, meeting_id: int) -> Profile:
    """The profile a meeting's minutes take unless told: its issuer's."""
    return organization.issuer_of(desk, meetings.get_meeting(desk, meeting_id).issuer_id).profile


def content_sha256(document: MinutesDocument, fmt: FormatProfile) -> str:
    """The sha256 of what the minutes say and how they are laid out: equal for equal minutes,
    unlike the PDF bytes, which carry their creation time."""
    return hashlib.sha256(repr((document, fmt)).encode("utf-8")).hexdigest()


def minutes_pdf(desk: Desk, meeting_id: int, *, profile: Profile | None = None) -> bytes:
    """The PDF of a meeting's minutes, without recording it (``profile`` defaults to the
    meeting's issuer's)."""
    fmt = profile_for(profile or meeting_profile(desk, meeting_id))
    return render_minutes(build_minutes(desk, meeting_id, fmt), fmt)


def generate_minutes(desk: Desk, meeting_id: int, *, profile: Profile | None = None,
                     margins: Margins | None = None,
                     on_stage: Callable[[str], object] = lambda _stage: None
                     ) -> tuple[MinutesVersion, bytes]:
    """Build, render and record a new version of a meeting's minutes; minutes whose content
    equals the newest version of their profile give that version back, not rendered again. A
    meeting whose minutes are final takes no new version.
    ``on_stage`` hears ``building``, ``rendering`` and ``saving``."""
    editable_meeting(desk.conn, meeting_id)
    chosen = Profile(profile or meeting_profile(desk, meeting_id))
    fmt = profile_for(chosen)
    if margins is not None:
        fmt = replace(fmt, margins=margins)
    on_stage("building")
    document = build_minutes(desk, meeting_id, fmt)
    digest = content_sha256(document, fmt)
    same = minutes_versions.unchanged_version(desk, meeting_id=meeting_id, profile=chosen,
                                              content_sha256=digest)
    if same is not None and same.id is not None:
        return same, minutes_versions.version_pdf(desk, same.id)
    on_stage("rendering")
    pdf = render_minutes(document, fmt)
    on_stage("saving")
    return minutes_versions.record_version(desk, meeting_id=meeting_id, profile=chosen,
                                           pdf=pdf, content_sha256=digest), pdf
