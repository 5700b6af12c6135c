"""A meeting's agenda: items in order, with presenter and planned duration."""

from __future__ import annotations

from datetime import datetime

import pytest

from meetingdesk.domain.errors import NotFoundError, ValidationError
from meetingdesk.services import agenda, directory, meetings, notes
from meetingdesk.store.desk import Desk

TITLES = ("Kiểm tra kết nối", "Khai mạc", "Báo cáo quý 1", "Thảo luận", "Kết luận")


def _items(desk: Desk, meeting_id: int) -> list[int]:
    return [agenda.add_agenda_item(desk, meeting_id=meeting_id, title=t).id or 0 for t in TITLES]


def _titles(desk: Desk, meeting_id: int) -> list[str]:
    return [i.title for i in agenda.agenda(desk, meeting_id)]


def test_agenda_item_add_update_remove(desk: Desk, meeting_id: int) -> None:
    presenter = directory.add_person(desk, full_name="Mai Văn Chính")
    item = agenda.add_agenda_item(desk, meeting_id=meeting_id, title=" Báo cáo  quý 1 ",
                                  presenter_id=presenter.id, planned_minutes=45)
    assert item.id is not None
    assert (item.title, item.position, item.presenter_id, item.planned_minutes) == (
        "Báo cáo quý 1", 1, presenter.id, 45)
    started = datetime(2023, 4, 3, 14, 5)
    changed = agenda.update_agenda_item(desk, item.id, actual_start=started, planned_minutes=50)
    assert (changed.actual_start, changed.planned_minutes) == (started, 50)
    assert agenda.agenda(desk, meeting_id) == [changed]
    agenda.remove_agenda_item(desk, item.id)
    assert agenda.agenda(desk, meeting_id) == []
    with pytest.raises(NotFoundError):
        agenda.update_agenda_item(desk, item.id, title="Khác")


def test_agenda_item_removed_keeps_its_notes(desk: Desk, meeting_id: int) -> None:
    item = agenda.add_agenda_item(desk, meeting_id=meeting_id, title="Khai mạc")
    note = notes.add_note(desk, meeting_id=meeting_id, text="Khai mạc hội nghị.",
                          agenda_item_id=item.id)
    agenda.remove_agenda_item(desk, item.id or 0)
    assert notes.get_note(desk, note.id or 0).agenda_item_id is None


def test_agenda_item_invalid_input_writes_nothing(desk: Desk, meeting_id: int,
                                                  unchanged, says) -> None:
    with unchanged(), pytest.raises(ValidationError) as caught:
        agenda.add_agenda_item(desk, meeting_id=meeting_id, title="Khai mạc", planned_minutes=-5)
    says(caught.value, "Thời lượng dự kiến không được âm", "planned duration cannot be negative")
    with unchanged(), pytest.raises(ValidationError):
        agenda.add_agenda_item(desk, meeting_id=meeting_id, title="")
    with unchanged(), pytest.raises(NotFoundError):
        agenda.add_agenda_item(desk, meeting_id=meeting_id, title="Khai mạc", presenter_id=5)
    with unchanged(), pytest.raises(NotFoundError):
        agenda.add_agenda_item(desk, meeting_id=meeting_id + 1, title="Khai mạc")


def test_agenda_reorder_puts_items_in_the_given_order(desk: Desk, meeting_id: int) -> None:
    ids = _items(desk, meeting_id)
    agenda.reorder_agenda(desk, meeting_id, list(reversed(ids)))
    assert _titles(desk, meeting_id) == list(reversed(TITLES))
    assert [i.position for i in agenda.agenda(desk, meeting_id)] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("wrong", [lambda ids: ids[:-1], lambda ids: [*ids, 999],
                                   lambda ids: [ids[0], *ids[:-1]]])
def test_agenda_reorder_with_a_wrong_list_writes_nothing(desk: Desk, meeting_id: int, wrong,
                                                         unchanged) -> None:
    ids = _items(desk, meeting_id)
    with unchanged(), pytest.raises(ValidationError):
        agenda.reorder_agenda(desk, meeting_id, wrong(ids))


def test_agenda_items_of_two_meetings_are_numbered_apart(desk: Desk, meeting_id: int) -> None:
    other = meetings.create_meeting(desk, title="Giao ban quý 2")
    _items(desk, meeting_id)
    first = agenda.add_agenda_item(desk, meeting_id=other.id or 0, title="Khai mạc")
    assert first.position == 1
    assert _titles(desk, other.id or 0) == ["Khai mạc"]
