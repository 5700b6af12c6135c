"""The note being typed in live mode: saved continuously, restored after a crash, filed.

A kill -9 or a power cut loses at most what was typed since the last save (the live editor
saves at least once a second while typing). Filing turns the draft into a note (or an edit
of the note it was opened from) in the same transaction that removes the draft.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from meetingdesk.domain.enums import NoteKind
from meetingdesk.domain.records import Note, NoteDraft
from meetingdesk.domain.text import clean_text
from meetingdesk.services import notes
from meetingdesk.services.guards import editable_meeting
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.reads import Reads
from meetingdesk.store.repository import Repository


def _still_there(db: Reads, draft: NoteDraft) -> NoteDraft:
    """``draft`` without its links to records removed meanwhile (a speaker taken off the list,
    an agenda item or a filed note deleted in another window): typing is never refused
    because of them."""
    def mine(repo: Repository[Any], record_id: int | None) -> int | None:
        if record_id is None or not repo.exists(db, record_id):
            return None
        return record_id if repo.get(db, record_id).meeting_id == draft.meeting_id else None

    return replace(draft, speaker_id=mine(tables.attendances, draft.speaker_id),
                   agenda_item_id=mine(tables.agenda_items, draft.agenda_item_id),
                   note_id=mine(tables.notes, draft.note_id))


def save_draft(desk: Desk, *, meeting_id: int, text: str, now: datetime,
               kind: NoteKind = NoteKind.STATEMENT, agenda_item_id: int | None = None,
               speaker_id: int | None = None, note_id: int | None = None) -> NoteDraft:
    """Save what is in the editor now (empty text removes the draft)."""
    body = clean_text(text)
    with desk.transaction() as db:
        editable_meeting(db, meeting_id)
        previous = tables.get_draft(db, meeting_id)
        if not body:
            tables.delete_draft(db, meeting_id)
            return NoteDraft(meeting_id, "", now, now, NoteKind(kind), agenda_item_id,
                             speaker_id, note_id)
        started = previous.started_at if previous and previous.note_id == note_id else now
        draft = _still_there(db, NoteDraft(meeting_id, body, started.replace(microsecond=0),
                                           now.replace(microsecond=0), NoteKind(kind),
                                           agenda_item_id, speaker_id, note_id))
        tables.put_draft(db, draft)
        return draft


def get_draft(desk: Desk, meeting_id: int) -> NoteDraft | None:
    """The unfinished note of a meeting, if one was left (after a crash, for instance)."""
    return tables.get_draft(desk.conn, meeting_id)


def unfinished_drafts(desk: Desk) -> list[NoteDraft]:
    """Every note left unfinished in the desk (after a crash, typically), newest first."""
    return tables.all_drafts(desk.conn)


def discard_draft(desk: Desk, meeting_id: int) -> None:
    with desk.transaction() as db:
        tables.delete_draft(db, meeting_id)


@dataclass(frozen=True, slots=True)
class TaskFields:
    """What a task note assigns: to whom (a person of the directory or a unit) and by when."""

    owner_person_id: int | None = None
    owner_unit: str | None = None
    due_on: date | None = None


def file_draft(desk: Desk, draft: NoteDraft, task: TaskFields | None = None) -> Note:
    """File ``draft`` as a note (time: when typing started) or as the edit of its note, and
    remove the stored draft, in one transaction. With ``task``, a new note also becomes a
    task of the meeting (the note's text is its description)."""
    with desk.transaction() as db:
        draft = _still_there(db, draft)
        if draft.note_id is not None:
            note = notes.update_note(desk, draft.note_id, text=draft.text, kind=draft.kind,
                                     speaker_id=draft.speaker_id)
        else:
            note = notes.add_note(desk, meeting_id=draft.meeting_id, text=draft.text,
                                  kind=draft.kind, agenda_item_id=draft.agenda_item_id,
                                  speaker_id=draft.speaker_id, at=draft.started_at)
            if task is not None:
                notes.add_task(desk, meeting_id=draft.meeting_id,
                               description=draft.text.splitlines()[0],
                               owner_person_id=task.owner_person_id,
                               owner_unit=task.owner_unit, due_on=task.due_on,
                               note_id=note.id)
        tables.delete_draft(db, draft.meeting_id)
        return note
