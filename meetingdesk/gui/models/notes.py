"""A meeting's notes with their agenda item, speaker and kind."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from meetingdesk.domain.records import Note, NoteRevision
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.formats import clock, moment
from meetingdesk.gui.models.table import Column, RowTableModel

OUTSIDE = "none"
"""The filter key of notes outside any agenda item."""


@dataclass(frozen=True, slots=True)
class NoteRow:
    note: Note
    item_title: str
    speaker: str
    site: str

    @property
    def id(self) -> int | None:
        return self.note.id


def notes_model(parent: QObject | None = None) -> RowTableModel[NoteRow]:
    columns: list[Column[NoteRow]] = [
        Column(lambda: tr("Time"), lambda r: clock(r.note.at), sort_key=lambda r: (r.note.at,
                                                                                  r.note.id)),
        Column(lambda: tr("Kind"), lambda r: label(r.note.kind)),
        Column(lambda: tr("Speaker"), lambda r: r.speaker),
        Column(lambda: tr("Site"), lambda r: r.site, tooltip=True),
        Column(lambda: tr("Text"), lambda r: " ".join(r.note.text.split()), tooltip=True),
    ]
    return RowTableModel(
        columns, row_text=lambda r: f"{r.note.text} {r.speaker} {r.site} {r.item_title}",
        row_key=lambda r: str(r.note.agenda_item_id or OUTSIDE), parent=parent)


def revisions_model(parent: QObject | None = None) -> RowTableModel[NoteRevision]:
    """A note's texts, one row per revision (the last is the text it has now)."""
    columns: list[Column[NoteRevision]] = [
        Column(lambda: tr("Revision"), lambda r: r.revision, align_right=True),
        Column(lambda: tr("Saved"), lambda r: moment(r.saved_at),
               sort_key=lambda r: (r.saved_at, r.revision)),
        Column(lambda: tr("Text"), lambda r: " ".join(r.text.split()), tooltip=True),
    ]
    return RowTableModel(columns, parent=parent)
