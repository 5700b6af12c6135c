"""One program per desk file; a start after SIGKILL; the unfinished note announced at start."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.settings import Settings
from meetingdesk.services import drafts, meetings
from meetingdesk.services.demo import build_demo
from meetingdesk.store.desk import Desk, open_desk
from meetingdesk.store.lock import lock_path_for


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", MEETINGDESK_LANG="vi",
                MEETINGDESK_SETTINGS=str(tmp_path / "settings.ini"), **extra)


def _wait_until_locked(path: Path, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    """Until ``proc`` holds the desk's lock: its holder line names it. Read without taking
    the lock: a probe that took it, even for a moment, could make the program starting find
    the desk in use."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        assert proc.poll() is None, "the first program ended"
        with contextlib.suppress(FileNotFoundError):
            if lock_path_for(path).read_text(encoding="utf-8").startswith(f"pid {proc.pid} "):
                return
        time.sleep(0.1)
    pytest.fail("the first program never opened the desk")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_second_program_gets_clear_message_first_comes_forward(tmp_path: Path) -> None:
    path = tmp_path / "same.db"
    with open_desk(path) as desk:
        build_demo(desk)
    first = subprocess.Popen([sys.executable, "-m", "meetingdesk", "-v", "--db", str(path)],
                             env=_env(tmp_path), stderr=subprocess.PIPE, text=True)
    try:
        _wait_until_locked(path, first)
        second = subprocess.run(
            [sys.executable, "-m", "meetingdesk", "--db", str(path)], capture_output=True,
            text=True, timeout=60, env=_env(tmp_path, MEETINGDESK_QUIT_WHEN_READY="1"))
        assert second.returncode == 1
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and "đang được mở" in lines[0] and str(first.pid) in lines[0]
        time.sleep(1.0)  # the first program handles the request in its event loop
    finally:
        os.kill(first.pid, signal.SIGKILL)
        _, err = first.communicate(timeout=30)
    assert first.returncode == -signal.SIGKILL
    assert "coming forward" in err

    again = subprocess.run([sys.executable, "-m", "meetingdesk", "--db", str(path)],
                           capture_output=True, text=True, timeout=60,
                           env=_env(tmp_path, MEETINGDESK_QUIT_WHEN_READY="1"))
    assert again.returncode == 0, again.stderr


def test_unfinished_note_is_announced_and_resumed(qtbot: Any, demo_desk: Desk,
                                                   answers: list[tuple[str, str]]) -> None:
    meeting = meetings.list_meetings(demo_desk)[0].meeting
    assert meeting.id is not None
    drafts.save_draft(demo_desk, meeting_id=meeting.id, text="Đồng chí Sơn đề nghị bổ sung",
                      now=datetime(2023, 4, 3, 15, 2, 7))
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert w.open_desk_file(demo_desk.path)
    w.show()
    assert w.notice.isVisible()
    assert "chưa hoàn tất" in w.notice.text() and "15:02:07" in w.notice.text()
    w._resume_draft(str(meeting.id))
    [live] = w._live_windows
    try:
        assert live.view.editor.text.toPlainText() == "Đồng chí Sơn đề nghị bổ sung"
        assert live.view.banner.isVisible()
        assert not w.notice.isVisible()
    finally:
        live.close()


def test_switching_desk_closes_directory_windows_and_waits_for_minutes(
        qtbot: Any, window: MainWindow, tmp_path: Path, answers: list[tuple[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_people_directory()
    [people] = window._desk_windows
    assert people.isVisible()
    assert window.open_desk_file(tmp_path / "other.db", create=True)
    assert window._desk_windows == [] and not people.isVisible()
    assert window.desk_path() == tmp_path / "other.db"

    view = window.view
    assert view is not None
    monkeypatch.setattr(view.minutes, "is_generating", lambda: True)
    assert not window.open_desk_file(tmp_path / "third.db", create=True)
    assert window.desk_path() == tmp_path / "other.db"
    assert answers and "Đang tạo biên bản" in answers[-1][1]
