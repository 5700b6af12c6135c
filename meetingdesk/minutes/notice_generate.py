"""Build, render and record a meeting's conclusion notice (the GUI and the CLI call this)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.notices import NoticeVersion
from meetingdesk.minutes.generate import meeting_profile
from meetingdesk.minutes.notice import build_notice
from meetingdesk.minutes.profiles import profile_for
from meetingdesk.minutes.render import render_minutes
from meetingdesk.services import notice_versions
from meetingdesk.store.desk import Desk


def notice_pdf(desk: Desk, meeting_id: int, *, profile: Profile | None = None,
               issued_on: date | None = None) -> bytes:
    """The PDF of a meeting's notice, without recording it."""
    fmt = profile_for(profile or meeting_profile(desk, meeting_id))
    return render_minutes(build_notice(desk, meeting_id, fmt, issued_on=issued_on), fmt)


def generate_notice(desk: Desk, meeting_id: int, *, profile: Profile | None = None,
                    issued_on: date | None = None,
                    deliver: Callable[[bytes], object] | None = None
                    ) -> tuple[NoticeVersion, bytes]:
    """Build, render and record a new version of a meeting's notice; ``deliver`` (writing it
    to a file) runs in the transaction that records it: a notice it fails to deliver is not
    recorded."""
    chosen = Profile(profile or meeting_profile(desk, meeting_id))
    pdf = notice_pdf(desk, meeting_id, profile=chosen, issued_on=issued_on)
    with desk.transaction():
        version = notice_versions.record_version(desk, meeting_id=meeting_id, profile=chosen,
                                                 pdf=pdf)
        if deliver is not None:
            deliver(pdf)
    return version, pdf
