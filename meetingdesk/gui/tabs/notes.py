"""A meeting's notes: by agenda item, with speaker and kind, editable."""

from __future__ import annotations

import bisect
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import NoteKind
from meetingdesk.domain.records import AgendaItem, Note
from meetingdesk.gui.dialogs.date_fields import DateTimeField
from meetingdesk.gui.dialogs.fields import enum_combo, set_combo_data
from meetingdesk.gui.dialogs.note_history import NoteHistoryDialog
from meetingdesk.gui.errors import guarded
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.notes import OUTSIDE, NoteRow, notes_model
from meetingdesk.gui.models.table import chained
from meetingdesk.gui.read_only import reading
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.gui.undo import DeskSession, created
from meetingdesk.gui.widgets import (
    button,
    button_row,
    data_table,
    fold_search,
    select_id,
    selected_row,
    text_box,
)
from meetingdesk.services import agenda, directory, notes, participation
from meetingdesk.services.changes import Changes

NOTE_KINDS = frozenset({"notes", "note_revisions", "note_citations"})
"""A note's own records: what :meth:`NotesTab.apply` puts right in place."""


class NotesTab(MeetingTab):
    KINDS = frozenset({"meetings", "notes", "note_citations", "agenda_items", "attendances",
                       "people", "sites", "tasks", "documents"})

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._items: list[AgendaItem] = []
        self._titles: dict[int | None, str] = {}
        self._speakers: dict[int | None, str] = {}
        self._site_names: dict[int | None, str] = {}
        self.model = notes_model(self)
        self.item_proxy, self.proxy = chained(self.model, self)
        self.table = data_table(self.proxy, [6, 13, 20, 18, None], parent=self)
        self.item_filter = QComboBox(self)
        self.item_filter.currentIndexChanged.connect(self._filter_item)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)

        self.kind = enum_combo(NoteKind, self)
        self.item = QComboBox(self)
        self.speaker = fold_search(QComboBox(self))
        self.speaker.setMaxVisibleItems(20)
        self.at = DateTimeField(self, optional=False)
        self.text = text_box(self)
        self.text.setPlaceholderText(tr("What was said, concluded or assigned…"))
        self.new_button = button(tr("New note"), self, self.new_note, shortcut="Ctrl+N")
        self.save_button = button(tr("Save note"), self, self.save_note, shortcut="Ctrl+S")
        self.delete_button = button(tr("Delete note"), self, self.delete_note)
        self.history_button = button(tr("Earlier texts…"), self, self.show_history,
                                     shortcut="Ctrl+H")
        reading(self.history_button)
        self._editing: NoteRow | None = None

        editor = QWidget(self)
        form = QFormLayout()
        line = QHBoxLayout()
        line.addWidget(self.kind)
        line.addWidget(self.at)
        form.addRow(tr("Kind and time"), line)
        form.addRow(tr("Agenda item"), self.item)
        form.addRow(tr("Speaker"), self.speaker)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.text, 1)
        editor_layout.addLayout(button_row(self.new_button, self.save_button,
                                           self.delete_button, self.history_button))

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.item_filter, 2)
        filters.addWidget(self.search, 1)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._load_editor)

    def refresh(self) -> None:
        assert self.meeting_id is not None
        current = selected_row(self.table)
        mid = self.meeting_id
        self._items = agenda.agenda(self.desk, mid)
        self._titles = {i.id: f"{i.position}. {i.title}" for i in self._items}
        people = participation.attendance_list(self.desk, mid)
        self._speakers = {e.attendance.id: e.person.full_name for e in people}
        self._site_names = {s.id: s.name for s in directory.list_sites(self.desk)}
        self.model.set_rows([self._row(n) for n in notes.notes_of(self.desk, mid)])
        self._fill_combos(people)
        self.text.setReadOnly(self.frozen)  # a final meeting's notes are read, not typed in
        if not select_id(self.table, current.id if current else None):
            self._load_editor()

    def editors(self) -> list[QWidget]:
        return [self.kind, self.at, self.item, self.speaker, self.new_button, self.save_button]

    def _row(self, note: Note) -> NoteRow:
        return NoteRow(note, self._titles.get(note.agenda_item_id, ""),
                       self._speakers.get(note.speaker_id, ""),
                       self._site_names.get(note.site_id, ""))

    def apply(self, changes: Changes) -> bool:
        """Notes added, edited or deleted are put right row by row (a meeting may have
        thousands); a change of the agenda, the speakers or the sites reloads."""
        if changes.all_kinds or changes.kinds - NOTE_KINDS:
            return False
        for note_id in changes.ids("notes"):
            number = self.model.row_of_id(note_id)
            if ("notes", note_id) in changes.deleted:
                if number >= 0:
                    self.model.remove_row(number)
                continue
            note = notes.get_note(self.desk, note_id)
            if number >= 0:
                self.model.replace_row(number, self._row(note))
            else:  # in time order, as the notes are listed
                keys = [(r.note.at, r.note.id or 0) for r in self.model.rows()]
                self.model.insert_row(bisect.bisect(keys, (note.at, note_id)), self._row(note))
        editing = self._editing
        if editing is not None and editing.id in changes.ids("notes"):
            current: NoteRow | None = selected_row(self.table)
            if current is not None and current.id == editing.id and self._shows(current.note):
                self._editing = current  # its own save: the text and its cursor stay as typed
            else:
                self._load_editor()
        return True

    def _shows(self, note: Note) -> bool:
        """Whether the editor shows ``note`` as it is saved (nothing to load again)."""
        return (self.text.toPlainText() == note.text and self.kind.currentData() == note.kind
                and self.item.currentData() == note.agenda_item_id
                and self.speaker.currentData() == note.speaker_id
                and self.at.value() == note.at)

    def _fill_combos(self, people: list[participation.AttendanceEntry]) -> None:
        chosen = self.item_filter.currentData()
        self.item_filter.blockSignals(True)
        self.item_filter.clear()
        self.item_filter.addItem(tr("All agenda items"), "")
        for i in self._items:
            self.item_filter.addItem(f"{i.position}. {i.title}", str(i.id))
        self.item_filter.addItem(tr("Outside the agenda"), OUTSIDE)
        self.item_filter.setCurrentIndex(max(0, self.item_filter.findData(chosen)))
        self.item_filter.blockSignals(False)
        self._filter_item()
        self.item.clear()
        self.item.addItem(tr("(outside the agenda)"), None)
        for i in self._items:
            self.item.addItem(f"{i.position}. {i.title}", i.id)
        self.speaker.clear()
        self.speaker.addItem(tr("(no speaker)"), None)
        for e in people:
            where = f" ({e.site.name})" if e.site else ""
            self.speaker.addItem(e.person.full_name + where, e.attendance.id)

    def _filter_item(self) -> None:
        self.item_proxy.set_key(self.item_filter.currentData() or "")

    def _load_editor(self) -> None:
        row: NoteRow | None = selected_row(self.table)
        self._editing = row
        self.delete_button.setEnabled(row is not None and not self.frozen)
        self.history_button.setEnabled(row is not None)
        if row is None:
            self._clear_editor()
            return
        set_combo_data(self.kind, row.note.kind)
        self.at.set_value(row.note.at)
        self.item.setCurrentIndex(max(0, self.item.findData(row.note.agenda_item_id)))
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(row.note.speaker_id)))
        self.text.setPlainText(row.note.text)

    def _clear_editor(self) -> None:
        self._editing = None
        self.at.set_value(datetime.now())
        self.text.clear()
        key = self.item_filter.currentData()
        self.item.setCurrentIndex(max(0, self.item.findData(int(key) if key and key.isdigit()
                                                            else None)))
        self.speaker.setCurrentIndex(0)

    def new_note(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(self.proxy.index(-1, -1))
        self._clear_editor()
        self.delete_button.setEnabled(False)
        self.history_button.setEnabled(False)
        self.text.setFocus()

    @guarded
    def save_note(self) -> None:
        if self.meeting_id is None:
            return
        at = self.at.value()
        if at is None or not self.at.is_valid():
            self.at.setFocus()
            return
        values = {"text": self.text.toPlainText(), "kind": self.kind.currentData(),
                  "agenda_item_id": self.item.currentData(),
                  "speaker_id": self.speaker.currentData(), "at": at}
        if self._editing is None:
            mid = self.meeting_id
            note = self.session.run(
                tr("Add a note"),
                lambda: notes.add_note(self.desk, meeting_id=mid, **values),
                new_roots=created("notes"))
        else:
            note = self._editing.note
            note_id = note.id
            self.session.run(tr("Edit the note"),
                             lambda: notes.update_note(self.desk, note_id, **values),
                             [("notes", note_id)])
        select_id(self.table, note.id)

    @guarded
    def show_history(self) -> None:
        """The selected note's earlier texts, read-only (:class:`NoteHistoryDialog`)."""
        row = self._editing
        if row is None or row.note.id is None:
            return
        NoteHistoryDialog(notes.revisions(self.desk, row.note.id), self).exec()

    @guarded
    def delete_note(self) -> None:
        row = self._editing
        if row is None:
            return
        answer = QMessageBox.question(self, tr("Delete note"), tr("Delete this note?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        note_id = row.note.id
        self.session.run(tr("Delete the note"),
                         lambda: notes.delete_note(self.desk, note_id),
                         [("notes", note_id)])
