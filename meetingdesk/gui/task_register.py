"""The task register: every task of every meeting in one dock, filtered by status, site,
meeting, quarter and owner; edited, marked done, reported on and reordered through the same
undoable services as every other edit."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import MeetingStatus, TaskStatus
from meetingdesk.domain.tasks import TaskLine, TaskState, register_order
from meetingdesk.domain.text import vietnamese_key
from meetingdesk.gui.dialogs.tasks import ProgressDialog, TaskDialog
from meetingdesk.gui.errors import guarded, show_error
from meetingdesk.gui.i18n import locale, tr
from meetingdesk.gui.jobs import JobRunner
from meetingdesk.gui.models.formats import day
from meetingdesk.gui.models.tasks import (
    UNFINISHED,
    ProgressModel,
    RegisterFacts,
    TaskFilter,
    TaskRegisterModel,
    state_label,
)
from meetingdesk.gui.undo import DeskSession, created
from meetingdesk.gui.widgets import (
    button,
    button_row,
    data_table,
    select_id,
    selected_row,
)
from meetingdesk.gui.workers import on_desk
from meetingdesk.services import directory, meetings, notes, tasks
from meetingdesk.services.changes import Changes
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

SHOWN_KINDS = frozenset({"tasks", "task_progress", "task_reviews", "meetings", "people",
                         "sites"})
"""The records whose changes the register shows."""


class ChoiceCombo(QComboBox):
    """A filter whose choices ("all", then what the tasks hold) are listed when its list is
    opened, not at every reload: a thousand meetings are not re-added after each edit."""

    def __init__(self, choices: Callable[[], Sequence[tuple[str, Any]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._listed: tuple[tuple[str, Any], ...] | None = None
        self.addItem(tr("(all)"), None)

    def mark_stale(self) -> None:
        self._listed = None

    def refresh(self) -> None:
        """List the current choices, keeping the chosen one when it is still there."""
        items = tuple(self._choices())
        if items == self._listed:
            return
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(tr("(all)"), None)
        for text, data in items:
            self.addItem(text, data)
        index = self.findData(current) if current is not None else 0
        self.setCurrentIndex(max(0, index))
        self.blockSignals(False)
        self._listed = items
        if current is not None and index < 0:  # what was chosen is gone: show everything
            self.currentIndexChanged.emit(0)

    def showPopup(self) -> None:
        if self._listed is None:
            self.refresh()
        super().showPopup()


class TaskRegister(QWidget):
    """The register's table with its filters, buttons and the chosen task's progress."""

    lines_shown = Signal()
    """Tasks read again have been shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: DeskSession | None = None
        self._dirty = True
        self.model = TaskRegisterModel(self)
        self.table = data_table(self.model, [10, None, 26, 14, 10, 13, 10], parent=self)
        self.table.activated.connect(self.edit_task)  # a double click, or Enter on a row
        self.table.selectionModel().currentRowChanged.connect(lambda: self._show_progress())

        self.state = QComboBox(self)
        self.state.addItem(tr("(all)"), None)
        self.state.addItem(tr("Not done yet"), UNFINISHED)
        for state in TaskState:
            self.state.addItem(state_label(state), state.value)
        self.site = ChoiceCombo(self._site_choices, self)
        self.meeting = ChoiceCombo(self._meeting_choices, self)
        self.meeting.setMaximumWidth(320)
        self.quarter = ChoiceCombo(self._quarter_choices, self)
        self.owner = ChoiceCombo(self._owner_choices, self)
        self.owner.setMaximumWidth(260)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Type to search…"))
        self.search.setClearButtonEnabled(True)
        for combo in (self.state, self.site, self.meeting, self.quarter, self.owner):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.count = QLabel(self)

        self.edit_button = button(tr("Edit…"), self, self.edit_task)
        self.done_button = button(tr("Mark done"), self, lambda: self.set_status(TaskStatus.DONE),
                                  shortcut="Ctrl+D")
        self.progress_button = button(tr("Add progress…"), self, self.add_progress,
                                      shortcut="Ctrl+Shift+R")
        self.up_button = button(tr("Move up"), self, lambda: self.move_by(-1),
                                shortcut="Ctrl+Up")
        self.down_button = button(tr("Move down"), self, lambda: self.move_by(1),
                                  shortcut="Ctrl+Down")
        self.remove_button = button(tr("Remove"), self, self.remove_task)

        self.progress_model = ProgressModel(self._site_name, self)
        self.progress_table = data_table(self.progress_model, [10, None, 24], parent=self,
                                         sortable=False)
        self.remove_progress_button = button(tr("Remove report"), self, self.remove_progress)
        self._progress_of: int | None = None
        """The task whose progress reports are shown."""
        self.runner: JobRunner | None = None
        self._generation = 0
        self._pending = False

        filters = QWidget(self)
        row = button_row(stretch_at_end=False)
        for text, widget in ((tr("Status"), self.state), (tr("Site"), self.site),
                             (tr("Meeting"), self.meeting), (tr("Quarter due"), self.quarter),
                             (tr("Owner"), self.owner)):
            row.addWidget(QLabel(text, filters))
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        filters.setLayout(row)
        progress_box = QWidget(self)
        progress_layout = QVBoxLayout(progress_box)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(QLabel(tr("Progress reports of the chosen task"), self))
        progress_layout.addWidget(self.progress_table)
        progress_layout.addLayout(button_row(self.remove_progress_button))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(progress_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(filters)
        layout.addLayout(button_row(self.edit_button, self.done_button, self.progress_button,
                                    self.up_button, self.down_button, self.remove_button))
        layout.addWidget(split, 1)
        layout.addWidget(self.count)
        chain = (self.state, self.site, self.meeting, self.quarter, self.owner, self.search,
                 self.edit_button, self.done_button, self.progress_button, self.up_button,
                 self.down_button, self.remove_button, self.table, self.progress_table,
                 self.remove_progress_button)  # Tab as the register reads
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    # --- loading --------------------------------------------------------------------------

    def set_session(self, session: DeskSession | None) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self._changed)
        if self.runner is not None:  # a load of the previous desk is dropped
            self.runner.shutdown()
            self.runner.deleteLater()
            self.runner = None
        self.session = session
        self._generation += 1
        self._pending = False
        if session is not None:
            session.changed.connect(self._changed)
            self.runner = JobRunner(session.runner, self)
        self._dirty = True
        writes = session is not None and not session.desk.read_only
        for b in (self.edit_button, self.done_button, self.progress_button, self.up_button,
                  self.down_button, self.remove_button, self.remove_progress_button):
            b.setEnabled(writes)  # a read-only desk: the filters and the reading stay
        if session is None:
            self.show_lines([])
            self.progress_model.set_rows([])
        elif self.isVisible():
            self.reload()

    def set_as_of(self, as_of: date) -> None:
        """The day the states are computed on (today unless told)."""
        self.model.as_of = as_of
        self.show_facts(RegisterFacts(self.model.all_rows(), as_of))

    def _changed(self, changes: Changes) -> None:
        """Apply an edit: the tasks it changed are re-read and replaced in place; a change of
        anything else the register shows (meetings, people, sites, reports) reads it all
        again, off the GUI thread."""
        if not changes.touches(SHOWN_KINDS):
            return
        if not self.isVisible() or self._dirty:
            self._dirty = True
            return
        if changes.all_kinds or changes.kinds != {"tasks"} or self.session is None:
            self._dirty = True
            self.reload()
            return
        ids = changes.ids("tasks")
        fresh = {line.id: line for line in tasks.task_lines(self.session.desk, ids)}
        facts = self.model.facts
        lines = facts.lines
        at = [facts.position_of.get(task_id) for task_id in fresh]
        if len(fresh) == len(ids) and all(
                i is not None and register_order(lines[i]) == register_order(line)
                for i, line in zip(at, fresh.values(), strict=True)):  # each in its place
            lines = list(lines)
            for i, line in zip(at, fresh.values(), strict=True):
                lines[i] = line  # type: ignore[index]
        else:
            rows = [fresh.pop(r.id, r) for r in lines if r.id not in ids or r.id in fresh]
            lines = sorted(rows + list(fresh.values()), key=register_order)
        self.show_facts(facts.updated(lines), reread=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty and self.session is not None:
            self.reload()

    def reload(self) -> None:
        """Read every task again, off the GUI thread on a connection of its own; the rows
        then replace the shown ones (:meth:`show_lines`). A reload asked for while one runs
        follows it."""
        if self.session is None or self.runner is None:
            return
        if self.runner.is_busy():
            self._pending = True
            return
        self._dirty = False
        path, as_of, generation = self.session.desk.path, self.model.as_of, self._generation
        sorting = self.model.sorting()

        def read(desk: Desk) -> RegisterFacts:  # the cells and filters computed here too
            return RegisterFacts(tasks.register(desk, as_of=as_of), as_of,
                                 sorted_by=sorting)

        self.runner.start(on_desk(path, read), lambda facts: self._loaded(generation, facts),
                          self._load_failed)

    def _loaded(self, generation: int, facts: object) -> None:
        if generation == self._generation:
            self.show_facts(facts, reread=True)  # type: ignore[arg-type]
        if self._pending:
            self._pending = False
            self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._dirty = True
        show_error(self, exc)

    def show_lines(self, lines: Sequence[TaskLine]) -> None:
        """Show these tasks, keeping the filters, the sort and the chosen task."""
        self.show_facts(RegisterFacts(lines, self.model.as_of), reread=True)

    def show_facts(self, facts: RegisterFacts, *, reread: bool = False) -> None:
        """Show the tasks of ``facts``, keeping the filters, the sort and the chosen task
        (whose progress reports are read again when ``reread``)."""
        current = self._chosen_id()
        if facts.as_of != self.model.as_of:  # read before the day of reference changed
            facts = RegisterFacts(facts.lines, self.model.as_of)
        self.model.set_facts(facts, self.current_filter().matching(facts))
        for combo in (self.site, self.meeting, self.quarter, self.owner):
            combo.mark_stale()
        self._count()
        if reread:
            self._progress_of = None
        self._choose(current)
        self.lines_shown.emit()

    def refresh_choices(self) -> None:
        """List every filter's choices now (they are listed when a list is opened)."""
        for combo in (self.site, self.meeting, self.quarter, self.owner):
            combo.refresh()

    def _site_choices(self) -> list[tuple[str, Any]]:
        sites = {ln.site_id: ln.site_name or "" for ln in self.model.facts.lines
                 if ln.site_id is not None}
        return sorted(((name, i) for i, name in sites.items()),
                      key=lambda c: vietnamese_key(c[0]))

    def _meeting_choices(self) -> list[tuple[str, Any]]:
        found: dict[int, str] = {}
        for ln in self.model.facts.lines:
            if ln.task.meeting_id not in found:
                found[ln.task.meeting_id] = f"{day(ln.meeting_date)} {ln.meeting_title}"
        return [(text, mid) for mid, text in found.items()]

    def _quarter_choices(self) -> list[tuple[str, Any]]:
        quarters = sorted({ln.quarter for ln in self.model.facts.lines if ln.quarter is not None})
        return [(q.label, q.key) for q in quarters]

    def _owner_choices(self) -> list[tuple[str, Any]]:
        owners = sorted({ln.owner for ln in self.model.facts.lines if ln.owner}, key=vietnamese_key)
        return [(o, o) for o in owners]

    def current_filter(self) -> TaskFilter:
        return TaskFilter(state=self.state.currentData(), site_id=self.site.currentData(),
                          meeting_id=self.meeting.currentData(),
                          quarter=self.quarter.currentData(), owner=self.owner.currentData(),
                          text=self.search.text())

    def apply_filter(self) -> None:
        current = self._chosen_id()
        self.model.show_only(self.current_filter().matching(self.model.facts))
        self._count()
        self._choose(current)

    def _count(self) -> None:
        numbers = locale()
        self.count.setText(tr("%1 of %2 tasks")
                           .replace("%1", numbers.toString(self.model.rowCount()))
                           .replace("%2", numbers.toString(self.model.total())))

    def _chosen_id(self) -> int | None:
        line: TaskLine | None = selected_row(self.table)
        return line.id if line is not None else None

    def _choose(self, task_id: int | None) -> None:
        """Make the task ``task_id`` the chosen one again when it is shown (its progress
        reports follow the choice)."""
        select_id(self.table, task_id)
        self._show_progress()

    def _site_name(self, site_id: int | None) -> str:
        if site_id is None:
            return ""
        return next((ln.site_name or "" for ln in self.model.facts.lines
                     if ln.site_id == site_id), "")

    def _show_progress(self) -> None:
        """The chosen task's progress reports (read again only when another is chosen)."""
        line: TaskLine | None = selected_row(self.table)
        task_id = line.id if self.session is not None and line is not None else None
        if task_id == self._progress_of:
            return
        self._progress_of = task_id
        if self.session is None or task_id is None:
            self.progress_model.set_rows([])
            return
        self.progress_model.set_rows(tasks.progress_of(self.session.desk, task_id))

    # --- edits ----------------------------------------------------------------------------

    def _run(self, text: str, action: Callable[[], Any], roots: list[tuple[str, int]], *,
             shallow: bool = False, new: str | None = None) -> Any:
        assert self.session is not None
        return self.session.run(text, action, roots, created(new) if new else None,
                                shallow=shallow)

    def _chosen(self) -> TaskLine | None:
        line: TaskLine | None = selected_row(self.table)
        return line if self.session is not None and line is not None else None

    @guarded
    def edit_task(self) -> None:
        line = self._chosen()
        if line is None or line.id is None or self.session is None:
            return
        desk = self.session.desk
        frozen = meetings.get_meeting(desk, line.task.meeting_id).status is MeetingStatus.FINAL
        dialog = TaskDialog(line.task, directory.list_people(desk), directory.list_sites(desk),
                            frozen=frozen, parent=self)
        if not dialog.exec():
            return
        values = dialog.values()
        if values:
            task_id = line.id
            self._run(tr("Edit the task"), lambda: notes.update_task(desk, task_id, **values),
                      [("tasks", task_id)], shallow=True)

    @guarded
    def set_status(self, status: TaskStatus) -> None:
        line = self._chosen()
        if line is None or line.id is None or self.session is None:
            return
        desk, task_id = self.session.desk, line.id
        self._run(tr("Mark the task done") if status is TaskStatus.DONE
                  else tr("Change the task's status"),
                  lambda: notes.update_task(desk, task_id, status=status),
                  [("tasks", task_id)], shallow=True)

    @guarded
    def add_progress(self) -> None:
        line = self._chosen()
        if line is None or line.id is None or self.session is None:
            return
        desk, task_id = self.session.desk, line.id
        dialog = ProgressDialog(directory.list_sites(desk), line.site_id, self)
        if not dialog.exec():
            return
        values = dialog.values()
        self._run(tr("Add a progress report"),
                  lambda: tasks.add_progress(desk, task_id=task_id, **values),
                  [("tasks", task_id)])
        self._progress_of = None
        self._show_progress()

    @guarded
    def remove_progress(self) -> None:
        index = self.progress_table.currentIndex()
        if self.session is None or not index.isValid():
            return
        entry = self.progress_model.row(index.row())
        desk, entry_id = self.session.desk, entry.id or 0
        self._run(tr("Remove the progress report"),
                  lambda: tasks.delete_progress(desk, entry_id), [("task_progress", entry_id)])
        self._progress_of = None
        self._show_progress()

    @guarded
    def move_by(self, offset: int) -> None:
        """Move the chosen task up or down among its meeting's tasks."""
        line = self._chosen()
        if line is None or line.id is None or self.session is None:
            return
        desk, mid = self.session.desk, line.task.meeting_id
        ids = [t.id for t in notes.tasks_of(desk, mid) if t.id is not None]
        index = ids.index(line.id)
        target = index + offset
        if not 0 <= target < len(ids):
            return
        order = list(ids)
        order[index], order[target] = order[target], order[index]
        self._run(tr("Reorder the tasks"), lambda: notes.reorder_tasks(desk, mid, order),
                  [("tasks", i) for i in ids], shallow=True)
        self._choose(line.id)

    @guarded
    def remove_task(self) -> None:
        line = self._chosen()
        if line is None or line.id is None or self.session is None:
            return
        answer = QMessageBox.question(
            self, tr("Remove task"),
            tr("Remove the task “%1” and its progress reports?").replace(
                "%1", line.task.description))
        if answer != QMessageBox.StandardButton.Yes:
            return
        desk, task_id = self.session.desk, line.id
        self._run(tr("Remove the task"), lambda: notes.delete_task(desk, task_id),
                  [("tasks", task_id)])
