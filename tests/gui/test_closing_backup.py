"""Closing the window: the closing backup is taken off the GUI thread, can be skipped, and a
failure is told; the desk closes whatever happens to the backup."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from meetingdesk.gui import closing_backup
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.services import backups, meetings
from meetingdesk.services.backups import BackupInfo
from meetingdesk.services.session import back_up_file, open_session
from meetingdesk.store.backup import BackupCancelled
from meetingdesk.store.desk import Desk, open_desk
from meetingdesk.store.integrity import Cancel


def _edit_title(window: MainWindow, title: str) -> None:
    """An edit made in the window, as the user makes it (the desk has changed since its
    last backup)."""
    assert window.session is not None
    desk, mid = window.session.desk, window.meeting_list.current_id()
    assert mid is not None
    window.session.run("Sửa", lambda: meetings.update_meeting(desk, mid, title=title),
                       [("meetings", mid)])


def _closing_backups(path: Path) -> list[BackupInfo]:
    return [b for b in backups.list_backups(path) if b.reason == "close"]


def _closed_and_unlocked(path: Path) -> bool:
    """The window let the desk go: another session can open it."""
    with open_session(path, create=False):
        return True


def test_closing_backup_is_taken_off_the_gui_thread_and_holds_the_last_edit(
        window: MainWindow, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []

    def recorded(*args: Any, **kwargs: Any) -> BackupInfo:
        threads.append(threading.current_thread())
        return back_up_file(*args, **kwargs)

    monkeypatch.setattr(closing_backup, "back_up_file", recorded)
    _edit_title(window, "Tiêu đề sửa trước khi đóng")
    window.close()
    assert threads and threads[0] is not threading.main_thread()
    [backup] = _closing_backups(demo_desk.path)
    with open_desk(backup.path, create=False, read_only=True) as copy:
        titles = [s.meeting.title for s in meetings.list_meetings(copy)]
    assert "Tiêu đề sửa trước khi đóng" in titles
    assert _closed_and_unlocked(demo_desk.path)


def test_closing_without_changes_takes_no_backup(
        window: MainWindow, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: Any, **kwargs: Any) -> BackupInfo:
        raise AssertionError("no backup is due")

    monkeypatch.setattr(closing_backup, "back_up_file", refused)
    window.close()
    assert _closing_backups(demo_desk.path) == []
    assert _closed_and_unlocked(demo_desk.path)


def _slow_backup(*_args: Any, cancel: Cancel | None = None, **_kwargs: Any) -> BackupInfo:
    """A backup that copies until it is cancelled (as a desk of gigabytes would)."""
    end = time.monotonic() + 20
    while time.monotonic() < end:
        if cancel is not None and cancel.cancelled():
            raise BackupCancelled
        time.sleep(0.01)
    raise AssertionError("never cancelled")


def test_closing_backup_skipped_leaves_none_and_the_desk_closes(
        window: MainWindow, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(closing_backup, "back_up_file", _slow_backup)
    shown: list[str] = []

    def skip() -> None:
        busy = next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QProgressDialog) and w.isVisible()), None)
        if busy is None:  # not shown yet: it shows after half a second
            QTimer.singleShot(50, skip)
            return
        shown.append(busy.labelText())
        [skip_button] = busy.findChildren(QPushButton)
        assert skip_button.text() == "Bỏ qua sao lưu"
        skip_button.click()

    QTimer.singleShot(50, skip)
    _edit_title(window, "Không sao lưu")
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 15
    assert shown == ["Đang sao lưu bàn làm việc trước khi đóng…"]
    assert not window.isVisible()
    assert _closing_backups(demo_desk.path) == []
    assert _closed_and_unlocked(demo_desk.path)


def test_closing_backup_that_fails_is_told_and_the_desk_still_closes(
        window: MainWindow, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch,
        answers: list[tuple[str, str]]) -> None:
    def full_disk(*args: Any, **kwargs: Any) -> BackupInfo:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(closing_backup, "back_up_file", full_disk)
    _edit_title(window, "Đĩa đầy")
    window.close()
    [(kind, text)] = answers
    assert kind == "warning" and "No space left on device" in text
    assert not window.isVisible()
    assert _closing_backups(demo_desk.path) == []
    assert _closed_and_unlocked(demo_desk.path)


def test_closing_stops_the_backups_under_way_and_takes_the_closing_one_in_their_place(
        window: MainWindow, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The automatic backup the schedule counted as taken is stopped by closing, leaving
    nothing: the edit it was to carry goes into the closing backup."""
    from datetime import timedelta

    from meetingdesk.gui import desk_keeper

    monkeypatch.setattr(desk_keeper, "back_up_file", _slow_backup)
    assert window.keeper is not None and window.work is not None
    _edit_title(window, "Sửa trước giờ sao lưu tự động")
    window.work.schedule.tick(datetime.now() + timedelta(hours=1))  # the 30-minute backup
    window.keeper.back_up("manual", datetime.now())  # and "Back up now" queued behind it
    assert not window.work.schedule.closing_due()
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 15  # not the 20 s of the backups under way
    [backup] = _closing_backups(demo_desk.path)
    with open_desk(backup.path, create=False, read_only=True) as copy:
        titles = [s.meeting.title for s in meetings.list_meetings(copy)]
    assert "Sửa trước giờ sao lưu tự động" in titles


def test_closing_does_not_wait_for_the_checks_after_opening(
        qtbot: Any, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    from meetingdesk.gui import desk_check_banner
    from tests.gui.conftest import open_window

    def slow_checks(work: Any, cancel: Cancel) -> Any:
        work.write_gate.open()  # quick_check passed; the references are checked at length
        _slow_backup(cancel=cancel)

    monkeypatch.setattr(desk_check_banner, "check_after_opening", slow_checks)
    window = open_window(qtbot, demo_desk)
    assert window.work is not None and window.work.check_pending
    _edit_title(window, "Sửa khi còn kiểm tra")
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 15  # not the 20 s of the checks
    assert len(_closing_backups(demo_desk.path)) == 1
    assert _closed_and_unlocked(demo_desk.path)
