"""A scriptable path into live mode, for the crash harness (``bench/crash_test.py``).

Commands arrive on standard input, one a line, and are typed into the real note editor as
key events: ``type TEXT`` types the text, ``file`` presses Ctrl+Enter, ``quit`` closes the
window. Every commit is acknowledged on standard output as a JSON line: ``{"ack": "saved",
"text": ...}`` when the draft is stored, ``{"ack": "filed", "id": N, "text": ...}`` when a note
is filed; ``{"ready": true}`` once the window is up.
"""

from __future__ import annotations

import json
import sys
import threading
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from meetingdesk.domain.records import Note, NoteDraft
from meetingdesk.gui.live.live_view import LiveView


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events, Vietnamese included (QTest's keyClicks
    only knows ASCII)."""
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     ch))


def press(widget: QWidget, key: Qt.Key,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release one key with ``modifiers`` on ``widget``."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def _emit(payload: dict[str, object]) -> None:
    payload["t"] = time.time()
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class Driver(QObject):
    command = Signal(str)

    def __init__(self, view: LiveView, window: QWidget) -> None:
        super().__init__(window)
        self.view = view
        self.window = window
        view.draft_saved.connect(self._saved)
        view.note_filed.connect(self._filed)
        self.command.connect(self._run)
        threading.Thread(target=self._read, daemon=True).start()
        QTimer.singleShot(0, lambda: _emit({"ready": True}))

    def _read(self) -> None:
        for line in sys.stdin:
            self.command.emit(line.rstrip("\n"))
        self.command.emit("quit")

    def _run(self, line: str) -> None:
        verb, _, rest = line.partition(" ")
        editor = self.view.editor.text
        if verb == "type":
            type_text(editor, rest)
        elif verb == "file":
            press(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        elif verb == "quit":
            self.window.close()

    def _saved(self, draft: NoteDraft) -> None:
        _emit({"ack": "saved", "text": draft.text})

    def _filed(self, note: Note) -> None:
        _emit({"ack": "filed", "id": note.id, "text": note.text})
