"""Writing a meeting's conclusion notice to a file, for the command line and the window: the
notice (:mod:`meetingdesk.minutes.notice`) as PDF, or as DOCX through the minutes' DOCX writer
(:mod:`meetingdesk.exchange.docx_minutes`) — the one place that joins the two."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.messages import message
from meetingdesk.exchange.docx_minutes import render_minutes_docx
from meetingdesk.minutes.generate import meeting_profile
from meetingdesk.minutes.notice import build_notice
from meetingdesk.minutes.notice_generate import generate_notice
from meetingdesk.minutes.profiles import profile_for
from meetingdesk.services import notice_versions
from meetingdesk.services.files import write_atomically
from meetingdesk.store.desk import Desk


def write_notice(desk: Desk, meeting_id: int, path: Path, *, profile: Profile | None = None,
                 issued_on: date | None = None) -> str:
    """Write the notice to ``path`` (``.pdf`` or ``.docx``) atomically; the line to report.
    A PDF is recorded as a new version, or is the final one when the notice is final."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        fmt = profile_for(profile or meeting_profile(desk, meeting_id))
        data = render_minutes_docx(build_notice(desk, meeting_id, fmt, issued_on=issued_on),
                                   fmt)
        write_atomically(path, data)
        return str(message("notice_files.docx_written", meeting_id=meeting_id,
                           profile=fmt.key.value, size=len(data), path=path))
    final = notice_versions.final_version(desk, meeting_id)
    if final is not None and final.id is not None:
        version, pdf = final, notice_versions.version_pdf(desk, final.id)
        kind = "cli.version_final"
        write_atomically(path, pdf)
    else:
        version, pdf = generate_notice(desk, meeting_id, profile=profile, issued_on=issued_on,
                                       deliver=lambda data: write_atomically(path, data))
        kind = "notice_files.version_new"
    return str(message("notice_files.pdf_written", meeting_id=meeting_id,
                       version_kind=message(kind), version_id=version.id,
                       profile=version.profile.value, size=len(pdf),
                       sha=version.sha256[:12], path=path))
