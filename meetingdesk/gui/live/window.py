"""The live mode as a window of its own, and ``meetingdesk live MEETING_ID``."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

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


class LiveWindow(QMainWindow):
    """A window holding the live view of one meeting (1366×768 by default)."""

    def __init__(self, desk: Desk, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = LiveView(desk, meeting_id, self)
        self.setCentralWidget(self.view)
        self.setWindowTitle(tr("Live — {title}").format(title=self.view.meeting.title))
        self.resize(1366, 740)

    def closeEvent(self, event: QCloseEvent) -> None:
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
