"""A meeting made ready for final minutes (ended, numbered, issuer, both signers, counts), for
tests whose subject is what final minutes freeze, not the checks before them."""

from __future__ import annotations

from datetime import datetime, timedelta

from meetingdesk.domain.enums import Profile, Role
from meetingdesk.services import (
    directory,
    headcounts,
    meetings,
    organization,
    participation,
    signers,
)
from meetingdesk.store.desk import Desk


def make_ready_for_final(desk: Desk, meeting_id: int, profile: Profile) -> None:
    meeting = meetings.get_meeting(desk, meeting_id)
    issuer = organization.issuer_of(desk, meeting.issuer_id)
    if issuer.id is None or not issuer.name or issuer.profile is not profile:
        issuer = organization.add_issuer(desk, name="VĂN PHÒNG", profile=profile)
    start = meeting.actual_start or datetime(2026, 1, 5, 8)
    meetings.update_meeting(desk, meeting_id, issuer_id=issuer.id,
                            number=meeting.number or 1, actual_start=start,
                            actual_end=meeting.actual_end or start + timedelta(hours=3))
    clerk = directory.add_person(desk, full_name="Người Ghi Biên Bản")
    for role in (Role.CHAIR, Role.SECRETARY):
        signers.set_signer(desk, meeting_id=meeting_id, role=role, person_id=clerk.id)
    for entry in participation.meeting_sites(desk, meeting_id):
        if not entry.headcount.accounted and entry.meeting_site.id is not None:
            headcounts.report_present(desk, entry.meeting_site.id,
                                      present=max(entry.present, entry.meeting_site.summoned))
