"""The task register dock: filters, marking done with undo, progress, reordering, models."""

from __future__ import annotations

import weakref
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate

from meetingdesk.domain.enums import TaskStatus
from meetingdesk.domain.records import Task
from meetingdesk.domain.tasks import TaskLine, TaskState
from meetingdesk.domain.text import fold
from meetingdesk.gui.cells import TextCells
from meetingdesk.gui.dialogs.tasks import TaskDialog
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.models.tasks import (
    FILTERS,
    ProgressModel,
    RegisterFacts,
    TaskFilter,
    TaskRegisterModel,
)
from meetingdesk.gui.task_register import TaskRegister
from meetingdesk.gui.widgets import select_row
from meetingdesk.services import notes, tasks
from meetingdesk.store.desk import Desk
from tests.gui.conftest import open_window, run_dialog

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
    model.show_only(frozenset({1}))  # positions in the facts' lines
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.row(0).id == lines[1].id
    assert model.row_of_id(lines[1].id) == 0 and model.row_of_id(lines[0].id) == -1
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 1 and model.row(0).id == lines[1].id
    model.show_only(TaskFilter(state="unfinished").matching(RegisterFacts(lines, date(2023, 6, 1))))
    assert model.rowCount() == 2
    assert TaskFilter().matching(RegisterFacts(lines, JULY_15)) is None
    notes.update_task(demo_desk, lines[0].id or 0, status=TaskStatus.DONE)
    lines = tasks.register(demo_desk, as_of=JULY_15)
    facts = RegisterFacts(lines, JULY_15)
    model.set_facts(facts, TaskFilter(state="unfinished").matching(facts))
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.total() == 2
    done = model.index(0, 5)
    assert done.data() == "Quá hạn" and done.data(Qt.ItemDataRole.ForegroundRole) is not None
    progress = ProgressModel(lambda _site: "")
    qtmodeltester.check(progress)
    entry = tasks.add_progress(demo_desk, task_id=lines[1].id or 0, reported_on=JULY_15,
                               text="Báo cáo")
    progress.set_rows([entry])
    qtmodeltester.check(progress)


def test_register_facts_updated_reuse_unchanged_lines_and_compute_changed_ones(
        demo_desk: Desk) -> None:
    lines = tasks.register(demo_desk, as_of=JULY_15)
    facts = RegisterFacts(lines, JULY_15, sorted_by=(2, False))
    notes.update_task(demo_desk, lines[0].id or 0, status=TaskStatus.DONE,
                      description="Một nhiệm vụ đã sửa")
    changed = tasks.task_lines(demo_desk, [lines[0].id or 0])
    fresh = facts.updated([*changed, lines[1]])
    assert fresh.states == [TaskState.DONE, facts.states[1]]
    assert fresh.cells[0][1] == "Một nhiệm vụ đã sửa" and fresh.cells[0][5] == "Hoàn thành"
    assert fresh.texts[0].startswith("mot nhiem vu da sua")
    assert fresh.cells[1] is facts.cells[1] and fresh.texts[1] == facts.texts[1]
    assert fresh.by_state[TaskState.DONE] == {0} and 0 not in fresh.by_state["unfinished"]
    assert fresh.sort_keys(2) == RegisterFacts(fresh.lines, JULY_15).sort_keys(2)


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


def _line(task_id: int, description: str, *, meeting_id: int = 1, site_id: int | None = None,
          owner: str = "", due_on: date | None = None,
          status: TaskStatus = TaskStatus.OPEN) -> TaskLine:
    task = Task(id=task_id, meeting_id=meeting_id, description=description, due_on=due_on,
                status=status, position=task_id)
    return TaskLine(task=task, meeting_title=f"Giao ban {meeting_id}",
                    meeting_date=date(2023, meeting_id, 1), owner=owner, owner_person=None,
                    site_id=site_id, site_name=f"Tỉnh {site_id}" if site_id else None,
                    site_code=None, progress_count=0, last_reported_on=None)


SEARCH_LINES = [
    _line(1, "Quán triệt Kết luận số 50-KL/TW", site_id=7, owner="Ban Tổ chức",
          due_on=date(2023, 6, 30)),
    _line(2, "Kết luận kiểm tra tổ chức cơ sở đảng", meeting_id=2, site_id=8,
          owner="Ngành Tổ chức", due_on=date(2023, 9, 30)),
    _line(3, "Báo cáo kết quả quý 2", meeting_id=2, site_id=7, owner="Ban Tổ chức",
          status=TaskStatus.DONE),
    _line(4, "Kế hoạch luân chuyển cán bộ", meeting_id=3, owner="Ngành Tổ chức",
          due_on=date(2023, 12, 31)),
]


def _brute_force(lines: list[TaskLine], task_filter: TaskFilter) -> set[int]:
    """What the filter means, written out task by task."""
    words = fold(task_filter.text).split()
    kept = set()
    for i, line in enumerate(lines):
        state = line.state(JULY_15)
        text = fold(f"{line.task.description} {line.owner} {line.meeting_title}")
        if task_filter.state == "unfinished" and state in (TaskState.DONE, TaskState.CANCELLED):
            continue
        if task_filter.state not in (None, "unfinished") and state != task_filter.state:
            continue
        if task_filter.site_id is not None and line.site_id != task_filter.site_id:
            continue
        if task_filter.meeting_id is not None and line.task.meeting_id != task_filter.meeting_id:
            continue
        quarter = line.quarter.key if line.quarter else None
        if task_filter.quarter is not None and quarter != task_filter.quarter:
            continue
        if task_filter.owner is not None and line.owner != task_filter.owner:
            continue
        if all(w in text for w in words):
            kept.add(i)
    return kept


def test_task_filter_matching_gives_what_each_filter_means() -> None:
    facts = RegisterFacts(SEARCH_LINES, JULY_15)
    filters = [TaskFilter(state=s, site_id=site, meeting_id=m, quarter=q, owner=o, text=t)
               for s in (None, "unfinished", "overdue", "done")
               for site in (None, 7)
               for m in (None, 2)
               for q in (None, "2023-Q3", "2023-Q2")
               for o in (None, "Ngành Tổ chức")
               for t in ("", "ket luan", "to chuc", "zzz")]
    for task_filter in filters:
        found = task_filter.matching(facts)
        expected = _brute_force(SEARCH_LINES, task_filter)
        assert (set(range(4)) if found is None else found) == expected, task_filter


def test_register_facts_search_narrows_while_typing_and_widens_when_letters_go() -> None:
    facts = RegisterFacts(SEARCH_LINES, JULY_15)
    typed = ["k", "ke", "ket", "ket l", "ket lu", "ket luan", "ket lua", "ket", "ban", "ban ke",
             "to ban", "ban", ""]
    for text in typed:
        found = TaskFilter(text=text).matching(facts)
        assert (set(range(4)) if found is None else found) == _brute_force(
            SEARCH_LINES, TaskFilter(text=text)), text
    assert facts.searched(("ket",)) == {0, 1, 2}
    facts.texts[3] = "ket luan"  # seen only when every task is looked at again
    assert facts.searched(("ket", "luan")) == {0, 1}  # only the three "ket" tasks looked at
    assert facts.searched(("ket", "luan", "50")) == {0}
    assert facts.searched(("ket", "lua")) == {0, 1, 3}  # a letter taken back: all looked at


def test_task_register_model_edit_changes_the_rows_in_place(qtbot: Any) -> None:
    model = TaskRegisterModel()
    model.as_of = JULY_15
    model.set_rows(SEARCH_LINES)
    resets: list[int] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    done = _line(2, "Kết luận kiểm tra tổ chức cơ sở đảng", meeting_id=2, site_id=8,
                 owner="Ngành Tổ chức", due_on=date(2023, 9, 30), status=TaskStatus.DONE)
    facts = model.facts.updated([SEARCH_LINES[0], done, *SEARCH_LINES[2:]])
    model.set_facts(facts, None)
    assert not resets and changed == [(0, 3)]
    assert model.index(1, 5).data() == "Hoàn thành" and model.row(1) is done
    gone = model.facts.updated([SEARCH_LINES[0], *SEARCH_LINES[2:]])
    model.set_facts(gone, None)
    assert resets and model.rowCount() == 3 and model.row_of_id(2) == -1


def test_register_cells_paint_what_qt_delegate_paints_from_the_roles(
        qtbot: Any) -> None:
    register = TaskRegister()
    qtbot.addWidget(register)
    register.resize(1000, 400)
    register.model.as_of = JULY_15
    register.show_lines(SEARCH_LINES)  # overdue (red), done (grey) and open tasks
    register.show()
    qtbot.waitExposed(register)
    select_row(register.table, 1)
    assert isinstance(register.table.itemDelegate(), TextCells)
    painted = register.table.viewport().grab().toImage()
    register.table.setItemDelegate(QStyledItemDelegate(register.table))
    assert register.table.viewport().grab().toImage() == painted


def test_register_facts_updated_in_place_equal_facts_computed_afresh() -> None:
    facts = RegisterFacts(SEARCH_LINES, JULY_15, sorted_by=(5, True))
    facts.sort_keys(2)
    moved = _line(2, "Kết luận đã sửa", meeting_id=3, site_id=7, owner="Ban Tổ chức",
                  due_on=date(2023, 3, 31), status=TaskStatus.DONE)
    lines = [SEARCH_LINES[0], moved, *SEARCH_LINES[2:]]
    updated, afresh = facts.updated(lines), RegisterFacts(lines, JULY_15)

    def sets(found: dict[Any, frozenset[int]]) -> dict[Any, frozenset[int]]:
        return {value: where for value, where in found.items() if where}

    assert updated.cells[0] is facts.cells[0]  # an unchanged task is not computed again
    assert (updated.states, updated.cells, updated.texts, updated.colors) == (
        afresh.states, afresh.cells, afresh.texts, afresh.colors)
    for name in FILTERS:
        assert sets(getattr(updated, name)) == sets(getattr(afresh, name)), name
    assert updated.sort_keys(5) == afresh.sort_keys(5)
    assert updated.order(5, True, hint=facts.order(5, True)) == afresh.order(5, True)
    assert updated.sort_keys(2) == afresh.sort_keys(2)
    assert facts.by_owner["Ngành Tổ chức"] == {1, 3}  # the facts it came from are unchanged
    assert TaskFilter(state="unfinished").matching(updated) == {0, 3}


def test_register_facts_order_keeps_ties_in_the_register_order_both_ways() -> None:
    facts = RegisterFacts(SEARCH_LINES, JULY_15)
    assert facts.order(2) == [0, 2, 1, 3]  # owner: Ban Tổ chức (0, 2), Ngành Tổ chức (1, 3)
    assert facts.order(2, True) == [1, 3, 0, 2]
    hinted = RegisterFacts(SEARCH_LINES, JULY_15).order(2, True, hint=[3, 2, 1, 0])
    assert hinted == [1, 3, 0, 2]  # the hint only saves comparisons


def test_task_register_counts_with_vietnamese_grouping(qtbot: Any) -> None:
    register = TaskRegister()
    qtbot.addWidget(register)
    register.model.as_of = JULY_15
    register.show_lines([_line(i, f"Nhiệm vụ {i}") for i in range(1, 1235)])
    assert register.count.text() == "1.234 trên 1.234 nhiệm vụ"
    register.search.setText("nhiem vu 12")
    found = sum("12" in str(i) for i in range(1, 1235))
    assert found == 67 and register.count.text() == "67 trên 1.234 nhiệm vụ"


def test_register_model_lets_go_of_the_tasks_shown_before_once_the_loop_is_free(
        qapp: Any) -> None:
    model = TaskRegisterModel()
    first = RegisterFacts(SEARCH_LINES, JULY_15)
    model.set_facts(first, None)
    gone = weakref.ref(first)
    del first
    model.set_facts(RegisterFacts(SEARCH_LINES[:2], JULY_15), None)
    assert gone() is not None  # not freed while the new tasks are shown
    assert model.rowCount() == 2
    qapp.processEvents()
    assert gone() is None


def test_task_register_double_click_or_enter_on_a_task_edits_it(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    register = _open_register(window, qtbot)
    opened: list[str] = []
    run_dialog(monkeypatch, TaskDialog, lambda d: opened.append(d.windowTitle()) and False)
    rect = register.table.visualRect(register.model.index(0, 1))
    qtbot.mouseClick(register.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(register.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center())
    assert len(opened) == 1  # the task's dialog, not an error
    select_row(register.table, 1)
    register.table.setFocus()
    qtbot.keyClick(register.table, Qt.Key.Key_Return)
    assert len(opened) == 2


def test_task_register_tab_leaves_the_table_for_the_progress_reports(
        window: MainWindow, qtbot: Any) -> None:
    register = _open_register(window, qtbot)
    register.table.setFocus()
    qtbot.keyClick(register.table, Qt.Key.Key_Tab)
    assert register.progress_table.hasFocus()  # not the next cell of the same table
    qtbot.keyClick(register.progress_table, Qt.Key.Key_Backtab)
    assert register.table.hasFocus()


def test_register_facts_mark_a_task_in_conflict_in_its_status(qapp: Any) -> None:
    calm = _line(1, "Báo cáo sơ kết", due_on=date(2023, 6, 30))
    disputed = replace(calm, in_conflict=True)
    facts = RegisterFacts([calm, disputed], JULY_15)
    status = [c[5] for c in facts.cells]
    assert status == ["Quá hạn", "Quá hạn · có xung đột"]
    assert facts.by_state[TaskState.OVERDUE.value] == {0, 1}  # filtered as its state


def test_task_register_dock_left_open_is_built_on_the_desk_at_the_next_start(
        window: MainWindow, qtbot: Any, demo_desk: Desk) -> None:
    _open_register(window, qtbot)
    window.save_state()
    window.close()
    again = open_window(qtbot, demo_desk)
    assert again.task_dock.isVisible()
    register = again.task_dock.built()
    assert isinstance(register, TaskRegister) and register.session is again.session
    _until(qtbot, register, _shown(window.task_register()))
