"""Starting the GUI: ``meetingdesk`` opens the last desk (or the default one),
``meetingdesk demo`` the demo conference."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from meetingdesk import __version__
from meetingdesk.domain.errors import ConflictError
from meetingdesk.gui import i18n
from meetingdesk.gui import settings as keys
from meetingdesk.gui.collector import collect_in_gui_thread
from meetingdesk.gui.errors import install_excepthook
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.settings import Settings
from meetingdesk.paths import default_desk_path, resource
from meetingdesk.services import session

logger = logging.getLogger(__name__)

READY_FD = "MEETINGDESK_READY_FD"
"""When set, the number of a file descriptor on which the program writes ``ready`` once the
main window is shown and its event loop answers (used by ``bench/bench_gui.py``)."""
QUIT_WHEN_READY = "MEETINGDESK_QUIT_WHEN_READY"
"""When set, quit as soon as ready (benchmarks, the build check)."""


def desk_to_open(db: Path | None, settings: Settings) -> Path:
    """The desk named on the command line, else the last one used, else the default."""
    if db is not None:
        return db
    last = settings.get(keys.LAST_DESK)
    if last and Path(last).exists():
        return Path(last)
    path = default_desk_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


SWITCH_INTERVAL = 0.001
"""Seconds a worker running Python may keep the interpreter while the GUI thread waits for
it. Python's default, 5 ms, let a worker reading 3,000 tasks hold the GUI thread off for up
to 50 ms at a time (measured with the task register's heartbeat, ``bench_followup.py``); at
1 ms the gaps are the GUI thread's own work."""


def application() -> QApplication:
    """The application object, set up as the program runs it: names, icon, garbage collected
    in the GUI thread, the interpreter handed to the GUI thread quickly."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("MeetingDesk")
    app.setOrganizationName("MeetingDesk")
    app.setApplicationVersion(__version__)
    icon = QIcon()
    for size in (32, 64, 256):
        icon.addFile(str(resource("icons", f"meetingdesk-{size}.png")))
    app.setWindowIcon(icon)
    collect_in_gui_thread(app)
    sys.setswitchinterval(SWITCH_INTERVAL)
    return app


def _ready(window: MainWindow) -> None:
    fd = os.environ.get(READY_FD)
    if fd:
        os.write(int(fd), b"ready\n")
    if os.environ.get(QUIT_WHEN_READY):
        window.close()


def rebuilt_in_language(old: MainWindow, settings: Settings) -> MainWindow:
    """A new main window in the language now chosen, on the same desk and meeting, in place
    of ``old`` (Qt widgets take their texts when built)."""
    path, meeting = old.desk_path(), old.meeting_list.current_id()
    old.save_state()
    i18n.install(settings.get(keys.LANGUAGE))
    new = MainWindow(settings)
    old.close()
    if path is not None:
        new.open_desk_file(path)
        new.meeting_list.choose(meeting)
    new.show()
    return new


def open_elsewhere(path: Path) -> ConflictError | None:
    """When another program has ``path`` open: ask it to come forward and return why this one
    cannot open it; else ``None``."""
    refusal = session.open_elsewhere(path)
    if refusal is not None:
        from meetingdesk.gui.single_instance import ask_owner_to_come_forward

        ask_owner_to_come_forward(path)
    return refusal


def run(db: Path | None, *, demo: bool = False) -> int:
    """Show the main window on a desk and run until it is closed; returns the exit code.

    A desk already open in another program is not opened twice: that program's window comes
    forward, this one says so and exits with 1.
    """
    app = application()
    settings = Settings()
    i18n.install(settings.get(keys.LANGUAGE))
    install_excepthook()
    path = desk_to_open(db, settings)
    elsewhere = open_elsewhere(path)
    if elsewhere is not None:
        holder = getattr(elsewhere, "holder", "")  # the process, for the terminal only
        holder = f" ({holder})" if holder else ""
        print(f"meetingdesk: {elsewhere}{holder}", file=sys.stderr)
        if not os.environ.get(QUIT_WHEN_READY):  # the window: words, no process numbers
            QMessageBox.information(None, tr("MeetingDesk"), str(elsewhere))
        return 1
    window = MainWindow(settings)
    windows = [window]

    def change_language() -> None:
        windows.append(rebuilt_in_language(windows[-1], settings))
        windows[-1].language_changed.connect(change_language)

    window.language_changed.connect(change_language)
    title = None
    if demo:  # the demo service (and what only it uses) is loaded for the demo alone
        from meetingdesk.services.demo import DEMO_TITLE as title
    # Only the default desk is made at the first start; a desk named or remembered must exist.
    window.open_desk_file(path, select_title=title,
                          create=db is None and path == default_desk_path())
    window.show()
    QTimer.singleShot(0, lambda: _ready(window))
    code = app.exec()
    logger.info("MeetingDesk closed (%d)", code)
    return code
