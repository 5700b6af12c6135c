"""A meeting's agenda: items in order, with presenter and planned duration."""

from __future__ import annotations

from collections.abc import Sequence

from meetingdesk.domain.messages import message
from meetingdesk.domain.records import AgendaItem
from meetingdesk.services.guards import check_order, non_negative, required_line
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk


def add_agenda_item(desk: Desk, *, meeting_id: int, title: str,
                    presenter_id: int | None = None,
                    planned_minutes: int | None = None) -> AgendaItem:
    item_title = required_line(title, message("fields.agenda_item_title"))
    minutes = non_negative(planned_minutes, message("fields.planned_duration"))
    with desk.transaction() as db:
        tables.meetings.get(db, meeting_id)
        if presenter_id is not None:
            tables.people.get(db, presenter_id)
        position = tables.agenda_items.next_position(db, "meeting_id", meeting_id)
        return tables.agenda_items.insert(db, AgendaItem(
            None, meeting_id, item_title, position, presenter_id, minutes))


def update_agenda_item(desk: Desk, item_id: int, **changes: object) -> AgendaItem:
    """Change title, presenter_id, planned_minutes, actual_start or actual_end."""
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key == "title":
            values[key] = required_line(str(value), message("fields.agenda_item_title"))
        elif key == "planned_minutes":
            values[key] = non_negative(value, message("fields.planned_duration"))
        elif key in ("presenter_id", "actual_start", "actual_end"):
            values[key] = value
        else:
            raise TypeError(f"unknown agenda field {key}")
    with desk.transaction() as db:
        return tables.agenda_items.update(db, item_id, values)


def remove_agenda_item(desk: Desk, item_id: int) -> None:
    """Remove an item; its notes stay with the meeting, outside any item."""
    with desk.transaction() as db:
        tables.agenda_items.delete(db, item_id)


def agenda(desk: Desk, meeting_id: int) -> list[AgendaItem]:
    return tables.agenda_items.of_meeting(desk.conn, meeting_id)


def reorder_agenda(desk: Desk, meeting_id: int, ordered_ids: Sequence[int]) -> None:
    """Put a meeting's agenda items in the given order (all of them, each once)."""
    with desk.transaction() as db:
        check_order(tables.agenda_items.ids_in_order(db, "meeting_id", meeting_id), ordered_ids)
        tables.agenda_items.set_order(db, ordered_ids)
