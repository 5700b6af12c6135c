"""Change sets: what an edit, its undo and its redo changed, computed from their snapshots."""

from __future__ import annotations

import pytest

from meetingdesk.domain.enums import AttendanceStatus
from meetingdesk.services import changes, directory, history, meetings, participation
from meetingdesk.services.changes import EVERYTHING, Changes
from meetingdesk.store import snapshots
from meetingdesk.store.desk import Desk


def _attendance(desk: Desk, meeting_id: int) -> tuple[int, int]:
    site = directory.add_site(desk, name="Thái Nguyên")
    person = directory.add_person(desk, full_name="Dương Xuân Hùng", site_id=site.id)
    att = participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id)
    assert site.id is not None and att.id is not None
    return site.id, att.id


def test_changes_of_a_field_edit_name_the_record_and_its_meeting(desk: Desk,
                                                                  meeting_id: int) -> None:
    _, att_id = _attendance(desk, meeting_id)
    recorded = history.run_recorded(
        desk, lambda: participation.update_attendance(desk, att_id,
                                                      status=AttendanceStatus.PRESENT),
        [("attendances", att_id)], shallow=True)
    assert recorded.changes == Changes(updated=frozenset({("attendances", att_id)}),
                                       meetings=frozenset({meeting_id}))
    assert recorded.changes.kinds == {"attendances"}
    assert recorded.changes.touches({"attendances"}, meeting_id)
    assert not recorded.changes.touches({"notes"}, meeting_id)
    assert not recorded.changes.touches({"attendances"}, meeting_id + 1)


def test_changes_of_an_edit_that_writes_nothing_are_empty(desk: Desk, meeting_id: int) -> None:
    _, att_id = _attendance(desk, meeting_id)
    recorded = history.run_recorded(
        desk, lambda: participation.update_attendance(desk, att_id), [("attendances", att_id)],
        shallow=True)
    assert recorded.changes.is_empty()


def test_changes_of_an_insert_and_its_inverse(desk: Desk) -> None:
    recorded = history.run_recorded(
        desk, lambda: meetings.create_meeting(desk, title="Giao ban quý 2"),
        new_roots=lambda m: [("meetings", m.id)])
    new_id = recorded.result.id
    assert recorded.changes.inserted == {("meetings", new_id)}
    assert recorded.changes.meetings == {new_id}
    undo = recorded.changes.inverted()
    assert undo.deleted == {("meetings", new_id)} and not undo.inserted


def test_changes_of_a_cascading_delete_name_every_row(desk: Desk, meeting_id: int) -> None:
    site_id, att_id = _attendance(desk, meeting_id)
    ms = participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=site_id)
    recorded = history.run_recorded(desk, lambda: meetings.delete_meeting(desk, meeting_id),
                                    [("meetings", meeting_id)])
    assert recorded.changes.deleted >= {("meetings", meeting_id), ("meeting_sites", ms.id),
                                        ("attendances", att_id)}
    assert recorded.changes.meetings == {meeting_id}
    assert not recorded.changes.desk_wide


def test_changes_of_a_directory_record_are_desk_wide(desk: Desk, meeting_id: int) -> None:
    site_id, _ = _attendance(desk, meeting_id)
    recorded = history.run_recorded(
        desk, lambda: directory.update_site(desk, site_id, name="Thái Nguyên (mới)"),
        [("sites", site_id)])
    assert recorded.changes.updated == {("sites", site_id)}
    assert recorded.changes.desk_wide
    assert recorded.changes.touches({"sites"}, meeting_id)


def test_changes_of_a_dependent_row_count_as_a_change_of_its_root(desk: Desk,
                                                                  meeting_id: int) -> None:
    site_id, _ = _attendance(desk, meeting_id)
    ms = participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=site_id)
    recorded = history.run_recorded(
        desk, lambda: participation.set_connection(desk, ms.id, "connected"),
        [("meeting_sites", ms.id)])
    assert ("meeting_sites", ms.id) in recorded.changes.updated
    assert "connection_events" in recorded.changes.kinds
    assert recorded.changes.meetings == {meeting_id}
    assert not recorded.changes.desk_wide


def test_changes_ids_by_operation() -> None:
    c = Changes(inserted=frozenset({("notes", 1)}), updated=frozenset({("notes", 2)}),
                deleted=frozenset({("tasks", 3)}), meetings=frozenset({1}))
    assert c.ids("notes") == {1, 2}
    assert c.ids("notes", inserted=False) == {2}
    assert c.ids("tasks") == {3} and c.kinds == {"notes", "tasks"}
    assert c.inverted().ids("tasks", deleted=False) == {3}


def test_changes_of_one_meeting_content_touch_every_kind_of_it_only() -> None:
    c = changes.meeting_content(3)
    assert c.touches({"notes"}, 3) and not c.touches({"notes"}, 4)
    assert EVERYTHING.touches({"anything"}, 4)


def test_changes_schema_read_when_prepared_serves_the_edit_and_its_undo(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The schema's keys are read once per connection: an edit snapshots through the
    connection, its undo through the transaction's sqlite-utils ``Database`` around it."""
    history.prepare(desk)
    read_again: list[object] = []
    monkeypatch.setattr(snapshots, "_read_schema", lambda db: read_again.append(db))
    recorded = history.run_recorded(
        desk, lambda: meetings.create_meeting(desk, title="Giao ban quý 2"),
        new_roots=lambda m: [("meetings", m.id)])
    history.restore(desk, recorded.before)
    assert read_again == []
    assert meetings.list_meetings(desk) == []
