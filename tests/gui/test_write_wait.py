"""An edit made while the desk's check after opening still runs waits for it with the event
loop running: the window paints and says what it waits for; a refusal is raised."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.services import meetings


def _rename(window: MainWindow, title: str) -> None:
    assert window.session is not None
    desk, mid = window.session.desk, window.meeting_list.current_id()
    assert mid is not None
    window.session.run("Sửa", lambda: meetings.update_meeting(desk, mid, title=title),
                       [("meetings", mid)])


def test_write_wait_edit_waits_for_the_check_with_the_window_painting(
        window: MainWindow, qtbot: Any) -> None:
    assert window.session is not None
    desk = window.session.desk
    gate = desk.hold_writes()  # as the window's check after opening does, until it passes
    ticks: list[int] = []
    ticker = QTimer(interval=10)
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start()
    said: list[str] = []

    def look() -> None:
        said.extend(w.labelText() for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible())

    QTimer.singleShot(500, look)
    opening = threading.Timer(0.7, gate.open)  # the check passes in its own thread
    opening.start()
    _rename(window, "Sửa khi đang kiểm tra")
    opening.join()
    ticker.stop()
    assert len(ticks) >= 20  # about 70: the event loop ran while the edit waited
    assert said == ["Đang kiểm tra bàn làm việc vừa mở; thao tác của bạn sẽ được thực hiện "
                    "ngay khi kiểm tra xong…"]
    mid = window.meeting_list.current_id()
    assert mid is not None and meetings.get_meeting(desk, mid).title == "Sửa khi đang kiểm tra"


def test_write_wait_refused_by_a_damaged_desk_says_why_and_writes_nothing(
        window: MainWindow, qtbot: Any) -> None:
    assert window.session is not None
    desk = window.session.desk
    mid = window.meeting_list.current_id()
    assert mid is not None
    before = meetings.get_meeting(desk, mid).title
    gate = desk.hold_writes()
    refusal = DeskFileError("desk_checks.unchecked", path=desk.path)
    failing = threading.Timer(0.2, lambda: gate.refuse(refusal))
    failing.start()
    with pytest.raises(DeskFileError):
        _rename(window, "Không được ghi")
    failing.join()
    assert meetings.get_meeting(desk, mid).title == before
