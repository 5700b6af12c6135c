"""Starting the program: which desk opens, the demo under a real command, the window's
remembered geometry, and every setting declared in one place."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from meetingdesk.gui import app
from meetingdesk.gui import settings as keys
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.settings import Settings
from meetingdesk.store.desk import Desk

GUI = Path(__file__).resolve().parents[2] / "meetingdesk" / "gui"
QT_NOTICES = re.compile(r"^(This plugin does not support propagateSizeHints\(\)|"
                        r"QStandardPaths: .*|qt\.qpa\..*)$")


def test_app_opens_last_desk_else_default(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    s = Settings(tmp_path / "s.ini")
    default = tmp_path / "data" / "meetingdesk.db"
    monkeypatch.setattr(app, "default_desk_path", lambda: default)
    assert app.desk_to_open(None, s) == default
    assert default.parent.is_dir()
    last = tmp_path / "last.db"
    last.write_bytes(b"")
    s.remember_desk(last)
    assert app.desk_to_open(None, s) == last.resolve()
    assert app.desk_to_open(tmp_path / "named.db", s) == tmp_path / "named.db"
    last.unlink()
    assert app.desk_to_open(None, s) == default


def test_app_remembers_geometry_and_recent_desks(qtbot: Any, demo_desk: Desk) -> None:
    first = MainWindow(Settings())
    qtbot.addWidget(first)
    first.open_desk_file(demo_desk.path)
    first.show()
    first.resize(1000, 650)  # the offscreen screen is small: restoring clamps to it
    qtbot.waitUntil(lambda: first.height() == 650)
    first.close()
    assert not Settings().get(keys.WINDOW_GEOMETRY).isEmpty()
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    assert second.height() == 650  # not the first-start default of 1280×720
    assert Settings().get(keys.RECENT_DESKS)[0] == str(demo_desk.path.resolve())
    assert Settings().get(keys.LAST_DESK) == str(demo_desk.path.resolve())


def test_app_hands_the_interpreter_to_the_gui_thread_quickly(qapp: Any) -> None:
    sys.setswitchinterval(0.005)  # Python's default
    assert app.application() is qapp
    assert sys.getswitchinterval() == pytest.approx(app.SWITCH_INTERVAL)
    assert app.SWITCH_INTERVAL < 0.005


def test_app_settings_declared_in_one_place() -> None:
    for path in GUI.rglob("*.py"):
        if path.name == "settings.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "QSettings" not in text, path
        assert "qsettings" not in text, path
    declared = {s.key for s in keys.ALL}
    assert len(declared) == len(keys.ALL)
    module_settings = {v.key for v in vars(keys).values() if isinstance(v, keys.Setting)}
    assert module_settings == declared


def test_app_demo_command_shows_the_conference_and_stays_quiet(tmp_path: Path) -> None:
    """``meetingdesk demo`` starts, shows the window and quits cleanly when asked; stderr has
    nothing beyond Qt's own notices."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", app.QUIT_WHEN_READY: "1",
           "MEETINGDESK_SETTINGS": str(tmp_path / "s.ini")}
    read, write = os.pipe()
    env[app.READY_FD] = str(write)
    result = subprocess.run(
        [sys.executable, "-m", "meetingdesk", "demo", "--db", str(tmp_path / "demo.db")],
        env=env, capture_output=True, text=True, timeout=120, pass_fds=(write,))
    os.close(write)
    with os.fdopen(read) as ready:
        assert ready.read() == "ready\n"
    assert result.returncode == 0, result.stderr
    noise = [line for line in result.stderr.splitlines() if not QT_NOTICES.match(line)]
    assert noise == []
    assert "Đã tạo hội nghị mẫu" in result.stdout


def test_app_back_up_now_and_icon(window: MainWindow, qtbot: Any) -> None:
    window.backup_action.trigger()  # on the runner: the window stays usable
    assert window.statusBar().currentMessage() == "Đang sao lưu…"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "Đang sao lưu…")
    message = window.statusBar().currentMessage()
    assert message.startswith("Đã sao lưu vào ")
    assert Path(message.removeprefix("Đã sao lưu vào ")).is_file()
    assert not app.application().windowIcon().isNull()


def test_app_second_window_on_the_same_desk_is_refused(window: MainWindow, qtbot: Any,
                                                       answers: list[tuple[str, str]]) -> None:
    path = window.desk_path()
    assert path is not None
    other = MainWindow(Settings())
    qtbot.addWidget(other)
    assert not other.open_desk_file(path)
    assert answers[-1][0] == "warning" and "đang được mở trong một cửa sổ MeetingDesk khác" \
        in answers[-1][1]
    assert "pid" not in answers[-1][1] and " @ " not in answers[-1][1]  # no process noise
    window.close()
    assert other.open_desk_file(path)


def test_app_restore_a_backup_from_the_file_menu(window: MainWindow, qtbot: Any,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 demo_desk: Desk,
                                                 answers: list[tuple[str, str]]) -> None:
    from PySide6.QtWidgets import QInputDialog

    demo_desk.close()  # a restore replaces the file: only the window may hold it

    window.backup_action.trigger()
    qtbot.waitUntil(lambda: not window.session.runner.is_busy())
    window.delete_meeting_action.trigger()  # after the backup
    assert window.meeting_list.model.rowCount() == 0
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    window.restore_action.trigger()
    assert window.meeting_list.model.rowCount() == 1
    assert window.statusBar().currentMessage().startswith("Đã khôi phục; tệp trước đó")


def test_app_damaged_desk_offers_the_newest_good_backup(
        qtbot: Any, demo_desk: Desk, answers: list[tuple[str, str]]) -> None:
    from datetime import datetime

    from meetingdesk.services.backups import take_backup

    take_backup(demo_desk, "manual", datetime.now())
    path = demo_desk.path
    demo_desk.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")  # the page size the header records
    data[page:2 * page] = b"\xff" * page  # a damaged page
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert w.open_desk_file(path)
    assert answers[0][0] == "question" and "Khôi phục bản sao lưu tốt gần nhất" in answers[0][1]
    assert w.meeting_list.model.rowCount() == 1


def test_app_new_desk_never_replaces_a_file(window: MainWindow, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            answers: list[tuple[str, str]]) -> None:
    from PySide6.QtWidgets import QFileDialog

    existing = window.desk_path()
    assert existing is not None
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(existing), ""))
    window.new_desk()
    assert answers[-1][0] == "warning" and "đã có" in answers[-1][1]
    assert existing.stat().st_size > 0
    fresh = tmp_path / "moi.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    window.new_desk()
    assert window.desk_path() == fresh
    assert window.meeting_list.model.rowCount() == 0
    assert window.stack.currentWidget() is window.empty


def test_app_closing_cancels_a_backup_under_way(window: MainWindow, qtbot: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The automatic backup runs paced in a thread; closing the window stops it at its next
    step (never hangs, never waits for gigabytes), leaves nothing of it — the closing backup,
    at the disk's speed, stands in for it — then releases the desk's lock."""
    from datetime import datetime

    from meetingdesk.services import session
    from meetingdesk.store.backup import Pace, backup_dir_for
    from meetingdesk.store.lock import DeskLock

    # a page per step, resting long: the copy of the demo desk lasts seconds
    monkeypatch.setattr(session, "PACED", Pace(step_bytes=1, rest=50))
    keeper = window.keeper
    path = window.desk_path()
    assert keeper is not None and path is not None
    keeper.work.schedule.opened(datetime.now())  # the backup on opening, without its delay
    assert keeper.runner.is_busy()
    folder = backup_dir_for(path)
    qtbot.waitUntil(lambda: any(folder.glob("*.partial")), timeout=5000)  # copying
    window.close()
    assert not keeper.runner.is_busy()
    kept = [p.name for p in folder.iterdir()]  # nothing of the stopped one, nothing half-made
    assert len(kept) == 1 and kept[0].endswith("-close.db")
    lock = DeskLock(path)
    lock.acquire()
    lock.release()


def test_app_a_second_program_on_the_desk_brings_the_window_forward(
        window: MainWindow, qtbot: Any, demo_desk: Desk) -> None:
    """The window listens for a second program on its desk shortly after it opens (not
    before its first paint); one that asks then brings it forward."""
    from meetingdesk.gui.single_instance import ask_owner_to_come_forward

    demo_desk.close()  # the second program only asks; the window holds the desk
    path = window.desk_path()
    assert path is not None and window.keeper is not None
    assert window.keeper.server is None  # not yet: the first paint comes first
    qtbot.waitUntil(lambda: window.keeper.server is not None, timeout=2_000)
    with qtbot.waitSignal(window.keeper.activation_requested, timeout=2_000):
        assert ask_owner_to_come_forward(path)
    assert window.statusBar().currentMessage() == "Tệp dữ liệu này đang được mở ở cửa sổ này."
