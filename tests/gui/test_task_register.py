"""The task register dock: filters, marking done with undo, progress, reordering, models."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from meetingdesk.domain.enums import TaskStatus
from meetingdesk.domain.tasks import TaskState
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.models.tasks import (
    ProgressModel,
    RegisterFacts,
    TaskFilter,
    TaskRegisterModel,
)
from meetingdesk.gui.task_register import TaskRegister
from meetingdesk.gui.widgets import select_row
from meetingdesk.services import notes, tasks
from meetingdesk.store.desk import Desk

JULY_15 = date(2023, 7, 15)


def _shown(register: TaskRegister, column: int = 1) -> list[str]:
    model = register.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _open_register(window: MainWindow, qtbot: Any) -> TaskRegister:
    register = window.task_register()
    with qtbot.waitSignal(register.lines_shown, timeout=10_000):
        window.task_dock.toggleViewAction().trigger()
    register.set_as_of(JULY_15)
    return register


def _until(qtbot: Any, register: TaskRegister, expected: list[str]) -> None:
    """Wait until the tasks, read again off the GUI thread, show ``expected``."""
    qtbot.waitUntil(lambda: _shown(register) == expected, timeout=10_000)


def test_task_register_mark_done_removes_an_overdue_task_and_undo_brings_it_back(
        window: MainWindow, qtbot: Any) -> None:
    register = _open_register(window, qtbot)
    assert register.model.rowCount() == 2
    register.state.setCurrentIndex(register.state.findData(TaskState.OVERDUE.value))
    overdue = _shown(register)
    assert len(overdue) == 2 and _shown(register, 5) == ["Quá hạn", "Quá hạn"]
    assert _shown(register, 4) == ["30/06/2023", "30/06/2023"]
    select_row(register.table, 0)
    register.table.setFocus()
    qtbot.keyClick(register.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _until(qtbot, register, overdue[1:])
    assert register.count.text() == "1 trên 2 nhiệm vụ"
    window.undo()
    _until(qtbot, register, overdue)
    window.redo()
    _until(qtbot, register, overdue[1:])


def test_task_register_filters_by_meeting_quarter_owner_and_text(
        window: MainWindow, qtbot: Any) -> None:
    register = _open_register(window, qtbot)
    register.refresh_choices()
    assert register.meeting.count() == 2 and register.quarter.itemText(1) == "Quý 2/2023"
    register.owner.setCurrentIndex(register.owner.findData("Ngành Tổ chức xây dựng Đảng"))
    assert len(_shown(register)) == 1
    register.owner.setCurrentIndex(0)
    register.search.setText("ket luan 50")
    assert [s[:9] for s in _shown(register)] == ["Quán triệ"]
    register.search.clear()
    register.quarter.setCurrentIndex(1)
    register.meeting.setCurrentIndex(1)
    assert len(_shown(register)) == 2
    register.state.setCurrentIndex(register.state.findData(TaskState.DONE.value))
    assert _shown(register) == []


def test_task_register_reorders_within_the_meeting_through_undo(
        window: MainWindow, qtbot: Any) -> None:
    register = _open_register(window, qtbot)
    first, second = _shown(register)
    select_row(register.table, 0)
    register.move_by(1)
    _until(qtbot, register, [second, first])
    window.undo()
    _until(qtbot, register, [first, second])


def test_task_register_shows_progress_added_elsewhere(window: MainWindow, qtbot: Any) -> None:
    register = _open_register(window, qtbot)
    assert window.session is not None
    desk = window.session.desk
    line = register.model.row(0)
    assert line.id is not None
    window.session.run("progress", lambda: tasks.add_progress(
        desk, task_id=line.id, reported_on=date(2023, 5, 2), text="Đã ban hành kế hoạch.",
        source="Tỉnh ủy Thái Nguyên"), [("tasks", line.id)])
    qtbot.waitUntil(lambda: _shown(register, 6)[0] == "02/05/2023", timeout=10_000)
    select_row(register.table, 0)
    assert register.progress_model.rowCount() == 1
    assert register.progress_model.index(0, 2).data() == "Tỉnh ủy Thái Nguyên"
    assert _shown(register, 5)[0] == "Quá hạn"  # a report alone does not finish it
    assert _shown(register, 6)[0] == "02/05/2023"


def test_task_models_pass_the_model_tester(demo_desk: Desk, qtmodeltester: Any) -> None:
    model = TaskRegisterModel()
    qtmodeltester.check(model)
    lines = tasks.register(demo_desk, as_of=JULY_15)
    model.set_rows(lines)
    qtmodeltester.check(model)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 2).data() for r in range(2)] == [
        "Ngành Tổ chức xây dựng Đảng", "Ban Tổ chức các tỉnh ủy, thành ủy"]
    model.show_only(TaskFilter(state="overdue").matching(RegisterFacts(lines, JULY_15)))
    assert model.rowCount() == 2 and model.total() == 2
    model.show_only({lines[1].id})
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.row(0).id == lines[1].id
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 1 and model.row(0).id == lines[1].id
    model.show_only(TaskFilter(state="unfinished").matching(RegisterFacts(lines, date(2023, 6, 1))))
    assert model.rowCount() == 2
    assert TaskFilter().matching(RegisterFacts(lines, JULY_15)) is None
    notes.update_task(demo_desk, lines[0].id or 0, status=TaskStatus.DONE)
    lines = tasks.register(demo_desk, as_of=JULY_15)
    model.set_lines(lines, TaskFilter(state="unfinished").matching(RegisterFacts(lines, JULY_15)))
    assert model.rowCount() == 1 and model.total() == 2
    progress = ProgressModel(lambda _site: "")
    qtmodeltester.check(progress)
    entry = tasks.add_progress(demo_desk, task_id=lines[1].id or 0, reported_on=JULY_15,
                               text="Báo cáo")
    progress.set_rows([entry])
    qtmodeltester.check(progress)


def test_register_facts_updated_reuse_unchanged_lines_and_compute_changed_ones(
        demo_desk: Desk) -> None:
    lines = tasks.register(demo_desk, as_of=JULY_15)
    facts = RegisterFacts(lines, JULY_15).complete()
    notes.update_task(demo_desk, lines[0].id or 0, status=TaskStatus.DONE,
                      description="Một nhiệm vụ đã sửa")
    changed = tasks.task_lines(demo_desk, [lines[0].id or 0])
    fresh = facts.updated([*changed, lines[1]])
    assert fresh.states() == [TaskState.DONE, facts.states()[1]]
    assert fresh.texts()[0].startswith("mot nhiem vu da sua")
    assert fresh.texts()[1] == facts.texts()[1] and fresh.quarters()[1] == facts.quarters()[1]


def test_task_register_day_of_reference_changed_while_reading_applies_to_what_was_read(
        window: MainWindow, qtbot: Any) -> None:
    register = window.task_register()
    window.task_dock.toggleViewAction().trigger()  # the read starts with today's date…
    register.set_as_of(date(2023, 6, 1))  # …when the tasks were not yet due
    qtbot.waitUntil(lambda: register.model.total() == 2, timeout=10_000)
    register.state.setCurrentIndex(register.state.findData(TaskState.OVERDUE.value))
    assert _shown(register) == []
    register.state.setCurrentIndex(register.state.findData(TaskState.ASSIGNED.value))
    assert len(_shown(register)) == 2
