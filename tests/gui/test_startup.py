"""Start-up loads what the first window needs, not what only some actions use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from meetingdesk.services.demo import build_demo
from meetingdesk.store.desk import open_desk

HEAVY = ("reportlab", "openpyxl", "docx", "pyhanko", "pypdf")
LATER = ("meetingdesk.services.demo", "meetingdesk.gui.search_thread",
         "meetingdesk.gui.models.search_results", "meetingdesk.gui.dialogs.directories",
         "meetingdesk.gui.dialogs.issuers", "meetingdesk.gui.desk_search",
         "meetingdesk.gui.task_register", "meetingdesk.services.tasks",
         "meetingdesk.services.search")
"""The project's modules that only some actions need: not loaded to show the first window."""


def _printed_after_start(tmp_path: Path, then: str) -> str:
    """What a fresh program prints when ``then`` runs in it after a main window was shown on
    the demo desk (as ``w``, its application as ``app``)."""
    path = tmp_path / "demo.db"
    with open_desk(path) as desk:
        build_demo(desk)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from meetingdesk.gui.app import application\n"
        "from meetingdesk.gui.main_window import MainWindow\n"
        "from meetingdesk.gui.settings import Settings\n"
        "app = application()\n"
        "w = MainWindow(Settings())\n"
        f"assert w.open_desk_file(Path(r'{path}'))\n"
        "w.show()\n"
        + then
        + "w.close()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               MEETINGDESK_SETTINGS=str(tmp_path / "settings.ini"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_startup_window_on_a_desk_loads_no_minutes_exchange_or_signing_library(
        tmp_path: Path) -> None:
    assert _printed_after_start(tmp_path, (
        "from meetingdesk.gui.meeting_view import MeetingView\n"
        "for tab in range(w.view.tabs.count()):  # every tab but the minutes and notice\n"
        "    if tab not in (MeetingView.minutes.index, MeetingView.notice.index):\n"
        "        w.view.tabs.setCurrentIndex(tab)\n"
        "    app.processEvents()\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )) == "[]"


def test_startup_reads_the_desk_without_loading_sqlite_utils(tmp_path: Path) -> None:
    """Reads take the desk's connection (``store.reads``): sqlite-utils, about a tenth of the
    start, is loaded by the first write, not to show the window."""
    assert _printed_after_start(tmp_path, (
        "app.processEvents()\n"
        "print('sqlite_utils' in sys.modules, w.session.desk.conn is not None)\n"
    )) == "False True"


def test_startup_loads_the_qt_free_layers_before_pyside(tmp_path: Path) -> None:
    """PySide6's import hook reads the source of every module imported after it: the window's
    Qt-free modules are loaded first (see ``meetingdesk/gui/__init__.py``)."""
    assert _printed_after_start(tmp_path, (
        "app.processEvents()\n"
        "names = list(sys.modules)\n"
        "after = names[names.index('PySide6'):]\n"
        "print([m for m in after if m.startswith('meetingdesk.')\n"
        "       and not m.startswith('meetingdesk.gui')])\n"
    )) == "[]"


def test_startup_builds_the_task_register_when_it_is_first_shown(tmp_path: Path) -> None:
    assert _printed_after_start(tmp_path, (
        "app.processEvents()\n"
        "before = 'meetingdesk.gui.task_register' in sys.modules, w.task_dock.built()\n"
        "w.task_dock.toggleViewAction().trigger()  # F8\n"
        "app.processEvents()\n"
        "print(before, w.task_dock.built() is w.task_register(),\n"
        "      w.task_register().session is w.session is not None)\n"
    )) == "(False, None) True True"


def test_startup_window_loads_none_of_the_modules_only_some_actions_need(
        tmp_path: Path) -> None:
    assert _printed_after_start(tmp_path, (
        "app.processEvents()\n"
        f"print([m for m in {LATER!r} if m in sys.modules])\n"
    )) == "[]"


def test_startup_command_loads_none_of_the_modules_only_some_actions_need(
        tmp_path: Path) -> None:
    """The program as users start it (``meetingdesk --db …``, through the command line's
    parser): what the headless commands need is loaded when they run."""
    path = tmp_path / "demo.db"
    with open_desk(path) as desk:
        build_demo(desk)
    code = ("import atexit, sys\n"
            f"atexit.register(lambda: print([m for m in {LATER!r} if m in sys.modules]))\n"
            "from meetingdesk.cli import main\n"
            f"sys.exit(main(['--db', r'{path}']))\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEETINGDESK_QUIT_WHEN_READY="1",
               MEETINGDESK_SETTINGS=str(tmp_path / "settings.ini"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_startup_loads_the_search_thread_at_the_first_search(tmp_path: Path) -> None:
    """The meeting list's filter asks the search index from three letters: the search thread
    and its results model are loaded then, not at start; the demo service not at all."""
    assert _printed_after_start(tmp_path, (
        "app.processEvents()\n"
        "late = ('meetingdesk.gui.search_thread', 'meetingdesk.gui.models.search_results',\n"
        "        'meetingdesk.services.demo')\n"
        "before = [m for m in late if m in sys.modules], w.searcher\n"
        "w.meeting_list.search.setText('ha')\n"
        "short = w.searcher\n"
        "w.meeting_list.search.setText('hai')\n"
        "print(before, short, w.searcher is w.search_thread() is not None,\n"
        "      [m for m in late if m in sys.modules])\n"
    )) == ("([], None) None True "
           "['meetingdesk.gui.search_thread', 'meetingdesk.gui.models.search_results']")


def test_startup_leaves_the_automatic_collector_off_from_the_first_import() -> None:
    """The GUI process never runs Python's automatic collector (``gui/collector.py``); it is
    off from the import of the GUI package, so the start does not collect its imports."""
    result = subprocess.run(
        [sys.executable, "-c", "import gc; before = gc.isenabled(); import meetingdesk.gui; "
                               "print(before, gc.isenabled())"],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True False"
