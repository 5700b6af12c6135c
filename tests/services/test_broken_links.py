"""A reference to a record that does not exist gives a NotFoundError and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from meetingdesk.domain.errors import NotFoundError
from meetingdesk.services import agenda, directory, meetings, notes, participation
from meetingdesk.store.desk import Desk

MISSING = 999

Call = Callable[[Desk, dict[str, Any]], object]

CALLS: dict[str, Call] = {
    "add_meeting_site host": lambda desk, r: participation.add_meeting_site(
        desk, meeting_id=r["meeting"], site_id=r["spare_site"], host_person_id=MISSING),
    "update_meeting_site host": lambda desk, r: participation.update_meeting_site(
        desk, r["meeting_site"], host_person_id=MISSING),
    "update_attendance site": lambda desk, r: participation.update_attendance(
        desk, r["attendance"], site_id=MISSING),
    "update_agenda_item presenter": lambda desk, r: agenda.update_agenda_item(
        desk, r["item"], presenter_id=MISSING),
    "add_note site": lambda desk, r: notes.add_note(
        desk, meeting_id=r["meeting"], text="Ý kiến.", site_id=MISSING),
    "update_note site": lambda desk, r: notes.update_note(desk, r["note"], site_id=MISSING),
    "add_task note": lambda desk, r: notes.add_task(
        desk, meeting_id=r["meeting"], description="Báo cáo", note_id=MISSING),
    "update_task owner": lambda desk, r: notes.update_task(
        desk, r["task"], owner_person_id=MISSING),
    "update_meeting source": lambda desk, r: meetings.update_meeting(
        desk, r["meeting"], source_meeting_id=MISSING),
    "update_meeting main site": lambda desk, r: meetings.update_meeting(
        desk, r["meeting"], main_site_id=MISSING),
    "update_person site": lambda desk, r: directory.update_person(
        desk, r["person"], site_id=MISSING),
}


@pytest.fixture
def records(desk: Desk, meeting_id: int) -> dict[str, Any]:
    site = directory.add_site(desk, name="Thái Nguyên")
    spare = directory.add_site(desk, name="Cao Bằng")
    person = directory.add_person(desk, full_name="Phạm Hoàng Sơn")
    ms = participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=site.id or 0)
    attendance = participation.add_attendance(desk, meeting_id=meeting_id,
                                              person_id=person.id or 0)
    return {
        "meeting": meeting_id, "spare_site": spare.id, "person": person.id,
        "meeting_site": ms.id, "attendance": attendance.id,
        "item": agenda.add_agenda_item(desk, meeting_id=meeting_id, title="Khai mạc").id,
        "note": notes.add_note(desk, meeting_id=meeting_id, text="Khai mạc.").id,
        "task": notes.add_task(desk, meeting_id=meeting_id, description="Báo cáo").id,
    }


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_service_link_to_a_missing_record_is_not_found(desk: Desk, records: dict[str, Any],
                                                       call: Call, unchanged, says) -> None:
    with unchanged(), pytest.raises(NotFoundError) as caught:
        call(desk, records)
    says(caught.value, "", "")
    assert "tìm thấy" in str(caught.value) or "không còn" in str(caught.value)
