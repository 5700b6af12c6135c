"""What each site of a meeting reports about its attendance: the present count, who attends
beyond the named delegates, who is absent and why."""

from __future__ import annotations

import logging

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import message
from meetingdesk.domain.records import MeetingSite
from meetingdesk.services.guards import editable_meeting, non_negative, optional_line
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)


def report_present(desk: Desk, meeting_site_id: int, *, present: int | None) -> MeetingSite:
    """Record the present count a site reports (``None`` clears it). A count below the named
    people marked present there is refused: they are its floor."""
    non_negative(present, message("headcounts.present_count"))
    with desk.transaction() as db:
        ms = tables.meeting_sites.get(db, meeting_site_id)
        editable_meeting(db, ms.meeting_id)
        if present is not None:
            named = tables.attendances.present_at_site(db, ms.meeting_id, ms.site_id)
            if present < named:
                site = tables.sites.get(db, ms.site_id)
                raise ValidationError("headcounts.named_delegates_marked_present",
                                      site_name=site.name, named=named)
        updated = tables.meeting_sites.update(db, meeting_site_id, {"present": present})
    logger.info("Site %s of meeting %s reports %s present", ms.site_id, ms.meeting_id, present)
    return updated


def set_site_notes(desk: Desk, meeting_site_id: int, *, attendance_note: str | None,
                   absence_note: str | None) -> MeetingSite:
    """Who attends at a site beyond its named delegates, and who is absent there and why."""
    with desk.transaction() as db:
        ms = tables.meeting_sites.get(db, meeting_site_id)
        editable_meeting(db, ms.meeting_id)
        return tables.meeting_sites.update(db, meeting_site_id, {
            "attendance_note": optional_line(attendance_note),
            "absence_note": optional_line(absence_note)})
