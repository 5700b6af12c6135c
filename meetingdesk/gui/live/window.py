"""The live mode as a window of its own, and ``meetingdesk live MEETING_ID``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.gui import i18n
from meetingdesk.gui import settings as keys
from meetingdesk.gui.app import application
from meetingdesk.gui.errors import install_excepthook, show_error
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.live.live_view import LiveView
from meetingdesk.gui.settings import Settings
from meetingdesk.services.session import open_session
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)


WINDOW_KEYS: tuple[tuple[str, Callable[[], str], str], ...] = (
    ("Esc", lambda: tr("Close the live mode (asks when a note is not filed)"), "escape"),
    ("Ctrl+W", lambda: tr("Close the live mode (asks when a note is not filed)"),
     "close_by_user"),
)
"""Keys of the live window, read by the list of shortcuts in the help too."""


class LiveWindow(QMainWindow):
    """A window holding the live view of one meeting (1366×768 by default)."""

    def __init__(self, desk: Desk, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = LiveView(desk, meeting_id, self)
        self.setCentralWidget(self.view)
        self.setWindowTitle(tr("Live — {title}").format(title=self.view.meeting.title))
        self.resize(1366, 740)
        for key, text, slot in WINDOW_KEYS:
            action = QAction(text(), self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(getattr(self, slot))
            self.addAction(action)

    def escape(self) -> None:
        """Esc: out of the task line back to the text, else close the window."""
        if not self.view.escape():
            self.close_by_user()

    def close_by_user(self) -> None:
        """Close, asking first when a note is typed and not filed."""
        if self._may_close():
            self.close()

    def _may_close(self) -> bool:
        """Ask what to do with a note typed and not filed: file it, keep it as a draft for
        next time, or stay. True when the window may close."""
        text = self.view.unfiled_text()
        if not text:
            return True
        answer = QMessageBox.question(
            self, tr("Close the live mode"),
            tr("The note being typed is not filed yet:\n\n“%1”\n\nYes: file it now.\nNo: "
               "close, it is kept as a draft and comes back next time.\nCancel: go back to "
               "it.").replace("%1", text if len(text) < 200 else text[:200] + "…"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            return self.view.file_note()  # False: a task note asks for its owner first
        return answer == QMessageBox.StandardButton.No

    def closeEvent(self, event: QCloseEvent) -> None:
        # the user's own close (title bar) asks; a close by the program (desk switched, the
        # program quits) keeps the note as a draft, which is never lost
        if event.spontaneous() and not self._may_close():
            event.ignore()
            return
        self.view.shutdown()
        super().closeEvent(event)


def run_live(db: Path, meeting_id: int, *, driver: bool = False) -> int:
    """Open the live mode of a meeting in a window of its own until it is closed."""
    app = application()
    settings = Settings()
    i18n.install(settings.get(keys.LANGUAGE))
    install_excepthook()
    try:
        work = open_session(db, create=False)
    except MeetingDeskError as exc:
        show_error(None, exc)
        return 1
    with work:
        try:
            window = LiveWindow(work.desk, meeting_id)
        except MeetingDeskError as exc:
            show_error(None, exc)
            return 1
        if driver:
            from meetingdesk.gui.live.driver import Driver

            window._driver = Driver(window.view, window)  # type: ignore[attr-defined]
        window.show()
        return app.exec()
