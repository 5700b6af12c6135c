"""The live note editor: kind by shortcut, text that saves itself, Ctrl+Enter to file.

While typing, the text is saved at most ~1 s after a change (sooner after a pause), on focus
change and whenever :meth:`flush` is called (agenda change, close). A task note asks for the
owner and the due date in a line under the text, without leaving the keyboard.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import NoteKind
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.widgets import text_box

KINDS = (NoteKind.STATEMENT, NoteKind.CONCLUSION, NoteKind.DECISION, NoteKind.TASK,
         NoteKind.REMARK)
KIND_COLOURS = {NoteKind.STATEMENT: "#1565c0", NoteKind.CONCLUSION: "#2e7d32",
                NoteKind.DECISION: "#6a1b9a", NoteKind.TASK: "#e65100",
                NoteKind.REMARK: "#546e7a"}
"""Each kind's colour: its checked button, the label over the text and the text's frame."""
DEBOUNCE_MS = 300
MAX_DELAY_MS = 900


class TaskLine(QWidget):
    """Owner and due date of a task note; Enter files, Esc goes back to the text."""

    accepted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText(tr("Who: a person or a unit"))
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setDate(QDate.currentDate().addDays(30))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Task for:"), self))
        layout.addWidget(self.owner, 3)
        layout.addWidget(QLabel(tr("Due:"), self))
        layout.addWidget(self.due, 1)
        for w in (self.owner, self.due):
            w.installEventFilter(self)

    def due_on(self) -> date:
        d = self.due.date()
        return date(d.year(), d.month(), d.day())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accepted.emit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancelled.emit()
                return True
        return super().eventFilter(watched, event)


class NoteEditor(QWidget):
    """Kind buttons, the text, the task line and the save state."""

    changed = Signal()
    """The text or kind changed since the last save."""
    save_due = Signal()
    """Time to save (debounce or maximum delay reached, or focus left the text)."""
    file_requested = Signal()
    """Ctrl+Enter (for a task note, after owner and due date)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = NoteKind.STATEMENT
        self.started_at: datetime | None = None
        self.note_id: int | None = None
        """The filed note being edited, or ``None`` for a new note."""
        self.dirty = False

        kinds = QHBoxLayout()
        self.kind_buttons = QButtonGroup(self)
        for i, kind in enumerate(KINDS, start=1):
            button = QPushButton(f"{label(kind)}  (Ctrl+{i})", self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {KIND_COLOURS[kind]}; color: white; "
                "font-weight: bold; border: 2px solid #212121; }")
            self.kind_buttons.addButton(button, i)
            kinds.addWidget(button)
            action = QAction(tr("Note kind: %1").replace("%1", label(kind)), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, k=kind: self.set_kind(k))
            self.addAction(action)
        self.kind_buttons.idClicked.connect(lambda i: self.set_kind(KINDS[i - 1]))

        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("note-kind")
        self.text = text_box(self)
        self.text.setPlaceholderText(tr("Type what is said. Ctrl+Enter files the note and "
                                        "opens the next one."))
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.text.setFont(font)
        self.text.installEventFilter(self)
        self.text.textChanged.connect(self._on_text_changed)
        self.task = TaskLine(self)
        self.task.hide()
        self.task.accepted.connect(self.file_requested)
        self.task.cancelled.connect(self._task_cancelled)
        self.state = QLabel(self)
        self.state.setObjectName("save-state")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kinds)
        layout.addWidget(self.kind_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.task)
        layout.addWidget(self.state)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._max_delay = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._debounce.timeout.connect(self._due)
        self._max_delay.timeout.connect(self._due)
        self.set_kind(NoteKind.STATEMENT)

    # --- state ---------------------------------------------------------------------------

    def set_kind(self, kind: NoteKind) -> None:
        if kind != self.kind:
            self.kind = kind
            self.mark_dirty()
        self.kind_buttons.button(KINDS.index(kind) + 1).setChecked(True)
        colour = KIND_COLOURS[kind]
        self.kind_label.setText(tr("This note is a: %1").replace("%1", label(kind).upper()))
        self.kind_label.setStyleSheet(f"background: {colour}; color: white; font-weight: bold; "
                                      "padding: 3px 8px;")
        self.text.setStyleSheet(f"QPlainTextEdit {{ border: 3px solid {colour}; }}")
        if kind is not NoteKind.TASK:
            self.task.hide()

    def load(self, text: str, kind: NoteKind, started_at: datetime | None,
             note_id: int | None) -> None:
        """Put a note (a restored draft or a filed note to edit) in the editor."""
        self.text.blockSignals(True)
        self.text.setPlainText(text)
        self.text.blockSignals(False)
        self.set_kind(kind)
        self.started_at = started_at
        self.note_id = note_id
        self.dirty = False
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def clear(self) -> None:
        self.load("", NoteKind.STATEMENT, None, None)
        self.task.hide()
        self.task.owner.clear()

    def show_task_line(self) -> None:
        self.task.show()
        self.task.owner.setFocus()

    def _task_cancelled(self) -> None:
        self.task.hide()
        self.text.setFocus()

    # --- saving --------------------------------------------------------------------------

    def mark_dirty(self) -> None:
        """Count the text as changed, so it is saved within the usual delay."""
        self.dirty = True
        self.changed.emit()
        self._debounce.start()
        if not self._max_delay.isActive():
            self._max_delay.start()

    def _on_text_changed(self) -> None:
        if self.started_at is None and self.text.toPlainText().strip():
            self.started_at = datetime.now().replace(microsecond=0)
        self.mark_dirty()

    def _due(self) -> None:
        self._debounce.stop()
        self._max_delay.stop()
        if self.dirty:
            self.save_due.emit()

    def mark_saved(self) -> None:
        self.dirty = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text:
            if event.type() == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                        event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.file_requested.emit()
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                self._due()
        return super().eventFilter(watched, event)
