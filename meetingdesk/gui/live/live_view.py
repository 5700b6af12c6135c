"""Live mode: the meeting as it runs, for a secretary typing as fast as people talk.

Fits a 1366×768 screen: on top the clock, the time since the start and the running agenda
item (planned against elapsed); on the left the speaker picker, the note editor and the notes
filed so far; on the right the board of site connections. Keyboard-first: F2 speaker, F3 text,
Ctrl+1…5 note kind, Ctrl+Enter file, F5 start, F8 next agenda item, F12 end; Esc or Ctrl+W
close (the window asks first when a note is not filed). A meeting whose minutes are final opens
read-only: nothing can be typed, the clock of the agenda item stands still.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import ConnectionStatus, MeetingStatus, NoteKind
from meetingdesk.domain.records import AgendaItem, Meeting, Note, NoteDraft
from meetingdesk.gui.dialogs.headcount import ask_present
from meetingdesk.gui.errors import guarded, show_error
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.live.draft_saver import DraftSaver, FileRequest
from meetingdesk.gui.live.note_editor import NoteEditor
from meetingdesk.gui.live.notes_table import COLUMNS, LiveNoteRow
from meetingdesk.gui.live.site_board import SiteBoard
from meetingdesk.gui.live.speaker_picker import SpeakerPicker
from meetingdesk.gui.models.table import ROW_ROLE, RowTableModel
from meetingdesk.gui.widgets import data_table
from meetingdesk.services import agenda, drafts, headcounts, meetings, notes, participation
from meetingdesk.services.drafts import TaskFields
from meetingdesk.services.live import (
    Speaker,
    end_meeting,
    running_item,
    speaker_candidates,
    start_meeting,
    start_next_item,
)
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)


LIVE_KEYS: tuple[tuple[str, Callable[[], str], str], ...] = (
    ("F2", lambda: tr("Choose the speaker (type a name without accents, Enter)"),
     "focus_speaker"),
    ("F3", lambda: tr("Back to the note text"), "focus_text"),
    ("F5", lambda: tr("Start the meeting"), "start"),
    ("F8", lambda: tr("Next agenda item"), "next_item"),
    ("F12", lambda: tr("End the meeting"), "end"),
    ("Ctrl+Shift+Del", lambda: tr("Discard the note being typed"), "discard_note"),
)
"""The live mode's keys: (key, what it does, the method it calls). The view makes its actions
from this table and the list of shortcuts in the help reads it."""


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _hms(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class LiveView(QWidget):
    """The live mode of one meeting."""

    note_filed = Signal(object)
    """A :class:`Note` was filed (committed)."""
    draft_saved = Signal(object)
    """A :class:`NoteDraft` was saved (committed); empty text when it was removed."""

    def __init__(self, desk: Desk, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.meeting_id = meeting_id
        self.meeting: Meeting = meetings.get_meeting(desk, meeting_id)
        self.item: AgendaItem | None = None
        self.speakers: dict[int, Speaker] = {}
        self.saver = DraftSaver(desk.path, self)
        self.saver.saved.connect(self._saved)
        self.saver.filed.connect(self._filed)
        self.saver.discarded.connect(self._discarded)
        self.saver.failed.connect(self._failed)

        self.clock = QLabel(self)
        self.clock.setObjectName("live-clock")
        big = self.clock.font()
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.clock.setFont(big)
        self.elapsed = QLabel(self)
        self.item_label = QLabel(self)
        self.item_label.setWordWrap(True)
        bold = self.item_label.font()
        bold.setBold(True)
        self.item_label.setFont(bold)
        self.item_progress = QProgressBar(self)
        self.item_progress.setTextVisible(True)
        self.start_button = QPushButton(tr("Start the meeting (F5)"), self)
        self.next_button = QPushButton(tr("Next agenda item (F8)"), self)
        self.end_button = QPushButton(tr("End the meeting (F12)"), self)
        for button in (self.start_button, self.next_button, self.end_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_button.clicked.connect(self.start)
        self.next_button.clicked.connect(self.next_item)
        self.end_button.clicked.connect(self.end)

        top = QHBoxLayout()
        times = QVBoxLayout()
        times.addWidget(self.clock)
        times.addWidget(self.elapsed)
        top.addLayout(times)
        now_box = QVBoxLayout()
        now_box.addWidget(self.item_label)
        now_box.addWidget(self.item_progress)
        top.addLayout(now_box, 1)
        buttons = QVBoxLayout()
        for button in (self.start_button, self.next_button, self.end_button):
            buttons.addWidget(button)
        top.addLayout(buttons)

        self.banner = QLabel(self)
        self.banner.setObjectName("restore-banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3c4; color: #5a4500; padding: 6px;")
        self.banner.hide()
        self.discard_button = QPushButton(tr("Discard it… (Ctrl+Shift+Del)"), self)
        self.discard_button.setObjectName("discard-draft")
        self.discard_button.clicked.connect(self.discard_note)
        self.discard_button.hide()

        self.picker = SpeakerPicker(self)
        self.picker.chosen.connect(self._speaker_chosen)
        self.editor = NoteEditor(self)
        self.editor.save_due.connect(self.save)
        self.editor.file_requested.connect(self.file_note)
        self.editor.changed.connect(lambda: self.editor.state.setText(tr("Typing…")))
        self.notes_model: RowTableModel[LiveNoteRow] = RowTableModel(COLUMNS, parent=self)
        self.notes_view = data_table(self.notes_model, (6, 12, 22, None), parent=self,
                                     sortable=False)
        self.notes_view.activated.connect(self._edit_filed)

        note_box = QGroupBox(tr("Note"), self)
        note_layout = QVBoxLayout(note_box)
        note_layout.addWidget(self.picker)
        note_layout.addWidget(self.editor, 1)
        filed_box = QGroupBox(tr("Notes filed (Enter: edit)"), self)
        QVBoxLayout(filed_box).addWidget(self.notes_view)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(note_box)
        left.addWidget(filed_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        self.board = SiteBoard(self)
        self.board.change_requested.connect(self.set_connection)
        self.board.count_requested.connect(self.ask_present)
        board_box = QGroupBox(tr("Site connections"), self)
        QVBoxLayout(board_box).addWidget(self.board)

        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(left)
        body.addWidget(board_box)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([820, 520])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.discard_button)
        layout.addLayout(banner_row)
        layout.addWidget(body, 1)

        for key, text, slot in LIVE_KEYS:
            action = QAction(text(), self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(getattr(self, slot))
            self.addAction(action)

        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_times)
        self._tick.start()
        self.read_only = False
        self.refresh()
        self._restore_draft()
        self.editor.text.setFocus()

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the meeting, its running item, speakers, sites and filed notes."""
        self.meeting = meetings.get_meeting(self.desk, self.meeting_id)
        self.item = running_item(self.desk, self.meeting_id)
        candidates = speaker_candidates(self.desk, self.meeting_id)
        self.speakers = {c.value.attendance_id: c.value for c in candidates}
        self.picker.set_candidates(candidates)
        self._refresh_sites()
        self._refresh_notes()
        self._update_times()
        running = self.meeting.status is MeetingStatus.RUNNING
        self.start_button.setEnabled(not running and self.meeting.status
                                     is not MeetingStatus.FINAL)
        self.next_button.setEnabled(running)
        self.end_button.setEnabled(running)
        self._set_read_only(self.meeting.status is MeetingStatus.FINAL)

    def _set_read_only(self, read_only: bool) -> None:
        """A meeting whose minutes are final is shown, not changed: no typing, no speaker,
        no connection changes, the clocks stopped, and a line saying why."""
        self.read_only = read_only
        self.editor.text.setReadOnly(read_only)
        for widget in (self.picker, self.board, *self.editor.kind_buttons.buttons()):
            widget.setEnabled(not read_only)
        if read_only:
            self._tick.stop()
            self.clock.setText("—")
            self.banner.setText(tr("The minutes of this meeting are final: the live mode "
                                   "only shows it. Reopen the meeting on the Minutes tab to "
                                   "add notes."))
            self.banner.show()
        elif not self._tick.isActive():
            self._tick.start()

    def _refresh_sites(self) -> None:
        entries = participation.meeting_sites(self.desk, self.meeting_id)
        changed: dict[int, datetime] = {}
        for e in entries:
            assert e.meeting_site.id is not None
            log = participation.connection_log(self.desk, e.meeting_site.id)
            if log:
                changed[e.meeting_site.id] = log[-1].at
        self.board.set_sites(entries, changed)

    def _refresh_notes(self) -> None:
        items = {i.id: i.title for i in agenda.agenda(self.desk, self.meeting_id)}
        sites = {e.site.id: e.site.name for e in self.board.entries}
        rows = [LiveNoteRow(n, self.speakers.get(n.speaker_id) if n.speaker_id else None,
                            items.get(n.agenda_item_id), sites.get(n.site_id, ""))
                for n in notes.notes_of(self.desk, self.meeting_id)]
        self.notes_model.set_rows(rows)
        if rows:
            self.notes_view.scrollToBottom()

    def _restore_draft(self) -> None:
        draft = drafts.get_draft(self.desk, self.meeting_id)
        if draft is None:
            return
        self.editor.load(draft.text, draft.kind, draft.started_at, draft.note_id)
        self.picker.set_current(self.speakers.get(draft.speaker_id) if draft.speaker_id
                                else None)
        self.banner.setText(tr("An unfinished note saved at {time} was restored. Carry on "
                               "typing, or file it with Ctrl+Enter.").format(
                                   time=f"{draft.saved_at:%H:%M:%S}"))
        self.banner.show()
        self.discard_button.show()
        logger.info("Restored the unfinished note of meeting %s", self.meeting_id)

    def _update_times(self) -> None:
        now = datetime.now()
        self.clock.setText(f"{now:%H:%M:%S}")
        start = self.meeting.actual_start
        if self.meeting.status is MeetingStatus.RUNNING and start is not None:
            self.elapsed.setText(tr("Since the start: {time}").format(
                time=_hms((now - start).total_seconds())))
        else:
            self.elapsed.setText(label(self.meeting.status))
        item = self.item
        if item is None or item.actual_start is None:
            self.item_label.setText(tr("No agenda item is running."))
            self.item_progress.setRange(0, 1)
            self.item_progress.setValue(0)
            self.item_progress.setFormat("")
            return
        spent = (now - item.actual_start).total_seconds()
        self.item_label.setText(item.title)
        planned = (item.planned_minutes or 0) * 60
        self.item_progress.setRange(0, max(1, int(planned or spent)))
        self.item_progress.setValue(min(int(spent), max(1, int(planned or spent))))
        if planned:
            self.item_progress.setFormat(tr("{spent} of {planned} min").format(
                spent=int(spent // 60), planned=int(planned // 60)))
            over = spent > planned
            self.item_progress.setStyleSheet(
                "QProgressBar::chunk { background: %s; }" % ("#e57373" if over else "#81c784"))
        else:
            self.item_progress.setFormat(tr("{spent} min").format(spent=int(spent // 60)))

    # --- the note --------------------------------------------------------------------------

    def focus_speaker(self) -> None:
        self.picker.edit.setFocus()

    def focus_text(self) -> None:
        self.editor.text.setFocus()

    def _draft(self) -> NoteDraft:
        speaker = self.picker.current
        return NoteDraft(
            meeting_id=self.meeting_id, text=self.editor.text.toPlainText(),
            started_at=self.editor.started_at or _now(), saved_at=_now(), kind=self.editor.kind,
            agenda_item_id=self.item.id if self.item else None,
            speaker_id=speaker.attendance_id if speaker else None, note_id=self.editor.note_id)

    def save(self) -> None:
        """Save what is in the editor now (off the GUI thread)."""
        if self.read_only:
            return
        self.saver.save(self._draft())
        self.editor.mark_saved()

    def file_note(self) -> bool:
        """File the note in the editor (Ctrl+Enter) and open the next one. False when nothing
        was sent: an empty editor, or a task note whose owner and due date are asked first."""
        if self.read_only or not self.editor.text.toPlainText().strip():
            return False
        task = None
        if self.editor.kind is NoteKind.TASK and self.editor.note_id is None:
            if not self.editor.task.isVisible():
                self.editor.show_task_line()
                return False
            owner = self.editor.task.owner.text().strip()
            person = next((s for s in self.speakers.values()
                           if owner and s.full_name.casefold() == owner.casefold()), None)
            task = TaskFields(owner_person_id=person.person_id if person else None,
                              owner_unit=None if person else owner or None,
                              due_on=self.editor.task.due_on())
        self.saver.file(self._draft(), task)
        self.editor.clear()
        self._hide_banner()
        self.editor.state.setText(tr("Filing…"))
        self.editor.text.setFocus()
        return True

    def discard_note(self) -> None:
        """Throw away the note being typed (a restored unfinished note, typically), after
        asking: the editor is emptied and its saved draft removed, in order with the saves
        before it. A filed note being edited stays as it was filed."""
        if self.read_only or not self.editor.text.toPlainText().strip():
            return
        answer = QMessageBox.question(
            self, tr("Discard the note"),
            tr("Discard the note being typed? Its text cannot be brought back; a filed note "
               "being edited stays as it was filed."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.editor.clear()
        self.saver.discard(self.meeting_id)
        self._hide_banner()
        self.editor.text.setFocus()

    def _discarded(self, _meeting_id: int) -> None:
        self.editor.state.setText(tr("Note discarded at {time}").format(
            time=f"{_now():%H:%M:%S}"))

    def _hide_banner(self) -> None:
        self.banner.hide()
        self.discard_button.hide()

    def _failed(self, request: object, exc: BaseException) -> None:
        """A save or a filing failed: say so, and never lose the text of a note that could not
        be filed — it goes back into the editor (before anything typed since) and is saved."""
        if isinstance(request, FileRequest):
            typed = self.editor.text.toPlainText().strip()
            draft = request.draft
            text = draft.text + ("\n" + typed if typed else "")
            self.editor.load(text, draft.kind, draft.started_at, draft.note_id)
            self.editor.mark_dirty()
        show_error(self, exc)

    def _speaker_chosen(self, speaker: Speaker | None) -> None:
        if speaker is not None:
            self.editor.text.setFocus()
        if self.editor.text.toPlainText().strip():
            self.save()

    def _saved(self, draft: NoteDraft) -> None:
        self.draft_saved.emit(draft)
        if not self.editor.dirty:
            self.editor.state.setText(
                tr("Saved at {time}").format(time=f"{draft.saved_at:%H:%M:%S}"))

    def _filed(self, note: Note) -> None:
        self.note_filed.emit(note)
        self.editor.state.setText(tr("Note filed at {time}").format(time=f"{_now():%H:%M:%S}"))
        self._refresh_notes()

    def _edit_filed(self, index: QModelIndex) -> None:
        row: LiveNoteRow | None = index.siblingAtColumn(0).data(ROW_ROLE)
        if row is None:
            return
        if self.editor.text.toPlainText().strip() and not self.file_note():
            return  # the note being typed needs its task details first: keep it
        note = row.note
        self.editor.load(note.text, note.kind, note.at, note.id)
        self.picker.set_current(row.speaker)
        self.editor.text.setFocus()

    # --- the meeting -----------------------------------------------------------------------

    @guarded
    def start(self) -> None:
        start_meeting(self.desk, self.meeting_id, _now())
        self.refresh()

    @guarded
    def next_item(self) -> None:
        if self.editor.dirty:
            self.save()
        start_next_item(self.desk, self.meeting_id, _now())
        self.refresh()

    @guarded
    def end(self) -> None:
        if self.meeting.status is not MeetingStatus.RUNNING:
            return
        answer = QMessageBox.question(
            self, tr("End the meeting"),
            tr("End the meeting now? The time is recorded for the minutes."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.editor.dirty:
            self.save()
        end_meeting(self.desk, self.meeting_id, _now())
        self.refresh()

    @guarded
    def set_connection(self, meeting_site_id: int, status: ConnectionStatus) -> None:
        participation.set_connection(self.desk, meeting_site_id, status, at=_now())
        self._refresh_sites()
        tile = self.board.tiles.get(meeting_site_id)
        if tile is not None:
            tile.setFocus()

    @guarded
    def ask_present(self, meeting_site_id: int) -> None:
        """Enter the present count a site reports (S on its tile, then Enter)."""
        entry = next(e for e in self.board.entries if e.meeting_site.id == meeting_site_id)
        present = ask_present(self, entry.site.name, entry.headcount)
        if present is not None:
            headcounts.report_present(self.desk, meeting_site_id, present=present)
            self._refresh_sites()
        tile = self.board.tiles.get(meeting_site_id)
        if tile is not None:
            tile.setFocus()

    def unfiled_text(self) -> str:
        """The text typed and not yet filed (kept as a draft until it is)."""
        return "" if self.read_only else self.editor.text.toPlainText().strip()

    def escape(self) -> bool:
        """Esc inside the task line goes back to the text; True when that was all it did."""
        if self.editor.task.isVisible():
            self.editor.task.cancelled.emit()
            return True
        return False

    def shutdown(self) -> None:
        """Save what is being typed and wait until every save is committed."""
        self._tick.stop()
        if self.editor.dirty:
            self.save()
        self.saver.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
