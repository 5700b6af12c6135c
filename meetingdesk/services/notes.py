"""Notes taken during a meeting (with revisions and document citations) and tasks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from meetingdesk.domain.citations import find_citations
from meetingdesk.domain.enums import NoteKind, TaskStatus
from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import message
from meetingdesk.domain.records import Document, Note, NoteRevision, Task
from meetingdesk.services.guards import (
    check_order,
    editable_meeting,
    optional_line,
    required_line,
    required_text,
)
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.reads import Reads

if TYPE_CHECKING:
    from sqlite_utils import Database


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def link_citations(db: Database, note_id: int, text: str) -> None:
    """(Re)link a note to every document it cites, creating each document once."""
    tables.clear_citations(db, note_id)
    for c in find_citations(text):
        doc = tables.documents.by_reference(db, c.reference)
        if doc is not None:
            missing = {k: v for k, v in (("issued_on", c.issued_on),
                                         ("issued_year", c.issued_year),
                                         ("issuer", c.issuer)) if v and not getattr(doc, k)}
            if missing:
                doc = tables.documents.update(db, doc.id, missing)  # type: ignore[arg-type]
        else:
            doc = tables.documents.insert(db, Document(
                None, c.reference, c.doc_type, c.number, c.code, c.issued_on, c.issued_year,
                c.issuer))
        assert doc.id is not None
        tables.link_citation(db, note_id, doc.id)


def _check_refs(db: Reads, meeting_id: int, agenda_item_id: int | None,
                speaker_id: int | None) -> None:
    if agenda_item_id is not None and tables.agenda_items.get(db, agenda_item_id).meeting_id \
            != meeting_id:
        raise ValidationError("notes.agenda_item_of_another_meeting")
    if speaker_id is not None and tables.attendances.get(db, speaker_id).meeting_id != meeting_id:
        raise ValidationError("notes.speaker_not_on_list")


def add_note(desk: Desk, *, meeting_id: int, text: str, kind: NoteKind = NoteKind.STATEMENT,
             agenda_item_id: int | None = None, speaker_id: int | None = None,
             site_id: int | None = None, at: datetime | None = None) -> Note:
    """File a note. The speaker's site is taken when no site is given."""
    body = required_text(text, message("fields.note_text"))
    with desk.transaction() as db:
        editable_meeting(db, meeting_id)
        _check_refs(db, meeting_id, agenda_item_id, speaker_id)
        if site_id is None and speaker_id is not None:
            site_id = tables.attendances.get(db, speaker_id).site_id
        note = tables.notes.insert(db, Note(None, meeting_id, body, at or _now(), NoteKind(kind),
                                            agenda_item_id, speaker_id, site_id))
        assert note.id is not None
        tables.note_revisions.insert(db, NoteRevision(None, note.id, 1, body, _now()))
        link_citations(db, note.id, body)
        return note


def update_note(desk: Desk, note_id: int, **changes: object) -> Note:
    """Change a note's text, kind, agenda item, speaker, site or time.

    A text change keeps the earlier text as a revision and relinks the citations.
    """
    with desk.transaction() as db:
        note = tables.notes.get(db, note_id)
        editable_meeting(db, note.meeting_id)
        values: dict[str, object] = {}
        for key, value in changes.items():
            if key == "text":
                body = required_text(str(value), message("fields.note_text"))
                if body != note.text:
                    values["text"] = body
                    values["revision"] = note.revision + 1
            elif key == "kind":
                values[key] = NoteKind(str(value))
            elif key in ("agenda_item_id", "speaker_id", "site_id", "at"):
                values[key] = value
            else:
                raise TypeError(f"unknown note field {key}")
        _check_refs(db, note.meeting_id,
                    values.get("agenda_item_id"), values.get("speaker_id"))  # type: ignore[arg-type]
        updated = tables.notes.update(db, note_id, values)
        if "text" in values:
            tables.note_revisions.insert(db, NoteRevision(None, note_id, updated.revision,
                                                          updated.text, _now()))
            link_citations(db, note_id, updated.text)
        return updated


def keep_arrived_text(db: Database, note_id: int, text: str) -> None:
    """Within the caller's transaction (an exchange): keep a note's text that arrived from
    another desk as its newest revision, unless it is that already, so a note's history
    shows every text it had here."""
    kept = tables.note_revisions.where(db, note_id=note_id, order=("revision",))
    if kept and kept[-1].text == text:
        return
    revision = kept[-1].revision + 1 if kept else 1
    tables.notes.update(db, note_id, {"revision": revision})
    tables.note_revisions.insert(db, NoteRevision(None, note_id, revision, text, _now()))


def delete_note(desk: Desk, note_id: int) -> None:
    with desk.transaction() as db:
        editable_meeting(db, tables.notes.get(db, note_id).meeting_id)
        tables.notes.delete(db, note_id)


def get_note(desk: Desk, note_id: int) -> Note:
    return tables.notes.get(desk.conn, note_id)


def notes_of(desk: Desk, meeting_id: int) -> list[Note]:
    """A meeting's notes in time order."""
    return tables.notes.of_meeting(desk.conn, meeting_id)


def revisions(desk: Desk, note_id: int) -> list[NoteRevision]:
    return tables.note_revisions.where(desk.conn, note_id=note_id, order=("revision",))


def cited_documents(desk: Desk, meeting_id: int) -> list[Document]:
    return tables.cited_documents(desk.conn, meeting_id)


# --- tasks ----------------------------------------------------------------------------------

FOLLOW_UP_FIELDS = frozenset({"status"})
"""Task fields that are followed after the meeting: they change even once its minutes are
final (what was assigned, to whom and by when stays frozen with them)."""


def add_task(desk: Desk, *, meeting_id: int, description: str,
             owner_person_id: int | None = None, owner_unit: str | None = None,
             due_on: date | None = None, note_id: int | None = None,
             owner_site_id: int | None = None) -> Task:
    what = required_line(description, message("fields.task_description"))
    with desk.transaction() as db:
        editable_meeting(db, meeting_id)
        if owner_person_id is not None:
            tables.people.get(db, owner_person_id)
        if owner_site_id is not None:
            tables.sites.get(db, owner_site_id)
        position = tables.tasks.next_position(db, "meeting_id", meeting_id)
        return tables.tasks.insert(db, Task(None, meeting_id, what, owner_person_id,
                                            optional_line(owner_unit), due_on,
                                            TaskStatus.ASSIGNED, note_id, position,
                                            owner_site_id))


def update_task(desk: Desk, task_id: int, **changes: object) -> Task:
    """Change a task's fields; only :data:`FOLLOW_UP_FIELDS` once its meeting is final."""
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key == "description":
            values[key] = required_line(str(value), message("fields.task_description"))
        elif key == "owner_unit":
            values[key] = optional_line(None if value is None else str(value))
        elif key == "status":
            values[key] = TaskStatus(str(value))
        elif key in ("owner_person_id", "owner_site_id", "due_on"):
            values[key] = value
        else:
            raise TypeError(f"unknown task field {key}")
    with desk.transaction() as db:
        task = tables.tasks.get(db, task_id)
        if not values.keys() <= FOLLOW_UP_FIELDS:
            editable_meeting(db, task.meeting_id)
        return tables.tasks.update(db, task_id, values)


def delete_task(desk: Desk, task_id: int) -> None:
    with desk.transaction() as db:
        editable_meeting(db, tables.tasks.get(db, task_id).meeting_id)
        tables.tasks.delete(db, task_id)


def tasks_of(desk: Desk, meeting_id: int) -> list[Task]:
    return tables.tasks.of_meeting(desk.conn, meeting_id)


def reorder_tasks(desk: Desk, meeting_id: int, ordered_ids: Sequence[int]) -> None:
    with desk.transaction() as db:
        editable_meeting(db, meeting_id)
        check_order(tables.tasks.ids_in_order(db, "meeting_id", meeting_id), ordered_ids)
        tables.tasks.set_order(db, ordered_ids)
