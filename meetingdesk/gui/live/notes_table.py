"""The notes filed so far in live mode, newest last."""

from __future__ import annotations

from dataclasses import dataclass

from meetingdesk.domain.records import Note
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.table import Column
from meetingdesk.services.live import Speaker


@dataclass(frozen=True, slots=True)
class LiveNoteRow:
    note: Note
    speaker: Speaker | None
    agenda_title: str | None
    site_name: str = ""
    """The note's site, shown when no speaker was picked."""

    @property
    def id(self) -> int | None:
        return self.note.id


COLUMNS: list[Column[LiveNoteRow]] = [
    Column(lambda: tr("Time"), lambda r: f"{r.note.at:%H:%M}"),
    Column(lambda: tr("Kind"), lambda r: label(r.note.kind)),
    Column(lambda: tr("Speaker"),
           lambda r: r.speaker.full_name if r.speaker else r.site_name),
    Column(lambda: tr("Note"), lambda r: " ".join(r.note.text.split()), tooltip=True),
]

