"""Errors reach the user in their language; an exception in a slot is logged, shown and
leaves the data as it was."""

from __future__ import annotations

import logging
import sys
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from meetingdesk.gui import errors, i18n
from meetingdesk.gui.dialogs.meeting import MeetingDialog
from meetingdesk.gui.dialogs.picker import PickerDialog
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.services import meetings
from tests.gui.conftest import run_dialog


def test_errors_service_error_shown_in_vietnamese(window: MainWindow,
                                                  answers: list[tuple[str, str]],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    run_dialog(monkeypatch, MeetingDialog, lambda d: d.title.setText("   ") or True)
    count = window.meeting_list.model.rowCount()
    window.new_meeting_action.trigger()
    assert answers == [("warning", "Chưa nhập tên cuộc họp.")]
    assert window.meeting_list.model.rowCount() == count
    assert not window.undo_action.isEnabled()


def test_errors_service_error_shown_in_english(window: MainWindow,
                                               answers: list[tuple[str, str]],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("en")
    run_dialog(monkeypatch, MeetingDialog, lambda d: d.title.setText("") or True)
    window.new_meeting_action.trigger()
    assert answers == [("warning", "The meeting title is empty.")]


def test_errors_conflict_when_adding_a_site_twice(window: MainWindow, qtbot: Any,
                                                  answers: list[tuple[str, str]],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.view
    assert view is not None
    view.tabs.setCurrentWidget(view.sites)
    count = view.sites.model.rowCount()

    def pick(d: PickerDialog) -> bool:
        qtbot.keyClicks(d.search, "thai nguyen")
        return True

    run_dialog(monkeypatch, PickerDialog, pick)
    view.sites.add_button.click()
    assert answers == [("warning", "Điểm cầu Thái Nguyên đã có trong cuộc họp này.")]
    assert view.sites.model.rowCount() == count


def test_errors_exception_in_slot_logged_shown_data_intact(
        window: MainWindow, answers: list[tuple[str, str]], qtbot: Any,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A bug in a service mid-way: the transaction rolls back, the user sees a message, the
    program keeps running and the log has the traceback."""
    view = window.view
    assert view is not None
    desk = window.session.desk  # type: ignore[union-attr]
    mid = view.meeting_id
    before = meetings.get_meeting(desk, mid)  # type: ignore[arg-type]
    real_update = meetings.update_meeting

    def broken(*args: Any, **kwargs: Any) -> Any:
        with desk.transaction():
            real_update(*args, **kwargs)
            raise RuntimeError("boom")

    monkeypatch.setattr(meetings, "update_meeting", broken)
    errors.install_excepthook()
    view.tabs.setCurrentWidget(view.overview)
    view.overview.title.setText("Sửa dở")
    caught: list[BaseException] = []

    def click() -> None:
        try:
            view.overview.save()
        except RuntimeError as exc:  # what Qt would hand to sys.excepthook
            caught.append(exc)
            sys.excepthook(type(exc), exc, exc.__traceback__)

    with caplog.at_level(logging.ERROR):
        QTimer.singleShot(0, click)
        qtbot.waitUntil(lambda: bool(caught))
    assert answers[-1][0] == "critical"
    assert "không bị thay đổi" in answers[-1][1]
    assert "boom" in caplog.text
    assert meetings.get_meeting(desk, mid) == before  # type: ignore[arg-type]
    assert not window.undo_action.isEnabled()
    assert window.isVisible()


def test_errors_guarded_slot_gets_only_the_values_it_takes() -> None:
    seen: list[object] = []

    class Slots:
        @errors.guarded
        def act(self) -> None:  # connected to a signal that sends an index
            seen.append("act")

        @errors.guarded
        def one(self, value: int) -> None:
            seen.append(value)

    slots = Slots()
    slots.act("an index")  # type: ignore[call-arg]
    slots.one(5, "more")  # type: ignore[call-arg]
    assert seen == ["act", 5]


def test_errors_edit_not_flushed_to_the_disk_is_told_in_the_window(
        window: MainWindow, answers: list[tuple[str, str]], qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The upkeep flushes the window's commits in its own thread; a flush that fails (a full
    disk) reaches the user in the GUI thread, and the next edits wait for the disk."""
    import errno
    from pathlib import Path

    from meetingdesk.store import upkeep

    def full(_wal: Path, *, folder_too: bool = False) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(upkeep, "flush_wal", full)
    assert window.session is not None and window.view is not None
    desk = window.session.desk
    meeting_id = window.view.meeting_id
    assert meeting_id is not None
    window.session.run("Sửa", lambda: meetings.update_meeting(desk, meeting_id,
                                                               title="Hội nghị (sửa)"),
                       [("meetings", meeting_id)], shallow=True)
    qtbot.waitUntil(lambda: bool(answers))
    ((kind, text),) = answers
    assert kind == "warning" and "ổ đĩa đã đầy" in text and "xuống ổ đĩa" in text
    assert meetings.get_meeting(desk, meeting_id).title == "Hội nghị (sửa)"  # shown, kept
