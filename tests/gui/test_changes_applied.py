"""Views follow typed change sets: a roll-call key changes one row in place, the meeting list
changes only its own rows, and views whose records were not touched do not reload."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QAbstractItemModelTester

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.models.meetings import MeetingListModel
from meetingdesk.gui.models.table import chained
from meetingdesk.gui.widgets import select_row
from meetingdesk.services import meetings
from meetingdesk.store import snapshots, upkeep
from meetingdesk.store.desk import Desk


class Signals:
    """Counts the resets and changes of a model."""

    def __init__(self, model: Any) -> None:
        self.resets = 0
        self.changed_rows: list[int] = []
        self.inserted = 0
        self.removed = 0
        model.modelReset.connect(self._reset)
        model.dataChanged.connect(lambda first, last, *_: self.changed_rows.extend(
            range(first.row(), last.row() + 1)))
        model.rowsInserted.connect(lambda *_: self._count("inserted"))
        model.rowsRemoved.connect(lambda *_: self._count("removed"))

    def _reset(self) -> None:
        self.resets += 1

    def _count(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)


def test_changes_roll_call_key_changes_one_row_in_place(window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.delegates
    view.tabs.setCurrentWidget(tab)
    tab.roll_call.setChecked(True)
    select_row(tab.table, 1)
    delegates = Signals(tab.model)
    meeting_rows = Signals(window.meeting_list.model)
    refreshed: list[str] = []
    for other in view.all_tabs():
        if other is not tab:
            other.refresh = lambda o=other: refreshed.append(type(o).__name__)  # type: ignore
    documents_stale = view.documents._stale
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_V)
    assert delegates.resets == 0 and delegates.changed_rows == [1]
    assert tab.model.index(1, 4).data() == "Vắng mặt"
    assert meeting_rows.resets == 0 and meeting_rows.changed_rows == []
    assert refreshed == []  # hidden tabs are at most marked stale
    assert view.documents._stale == documents_stale  # it shows no attendance
    assert tab.summary.text().endswith("1 vắng")

    window.undo_action.trigger()
    assert delegates.resets == 0 and delegates.changed_rows == [1, 1]
    assert tab.model.index(1, 4).data() != "Vắng mặt"
    window.redo_action.trigger()
    assert tab.model.index(1, 4).data() == "Vắng mặt"
    assert delegates.resets == 0


def test_changes_meeting_list_updates_only_its_rows(window: MainWindow, demo_desk: Desk,
                                                    answers: Any) -> None:
    ml = window.meeting_list
    rows = Signals(ml.model)
    title = ml.current().meeting.title
    window.delete_meeting_action.trigger()
    assert rows.resets == 0 and rows.removed == 1 and ml.model.rowCount() == 0
    window.undo_action.trigger()
    assert rows.resets == 0 and rows.inserted == 1
    assert ml.current().meeting.title == title
    view = window.view
    assert view is not None
    mid = ml.current_id()
    window.session.run("rename", lambda: meetings.update_meeting(
        demo_desk, mid, title="Giao ban quý 4"), [("meetings", mid)], shallow=True)
    assert rows.resets == 0 and rows.changed_rows == [0]
    assert ml.model.index(0, 1).data() == "Giao ban quý 4"
    assert view.heading.full_text().endswith("— Giao ban quý 4")


def test_changes_model_edits_pass_the_model_tester(demo_desk: Desk) -> None:
    parent = QObject()
    model = MeetingListModel(parent)
    _, proxy = chained(model, parent)
    testers = [QAbstractItemModelTester(
        m, QAbstractItemModelTester.FailureReportingMode.Fatal, parent) for m in (model, proxy)]
    proxy.sort(1)
    summaries = meetings.list_meetings(demo_desk)
    model.set_rows(summaries)
    proxy.set_query("giao")
    model.insert_row(0, summaries[0])
    model.replace_row(1, summaries[0])
    model.remove_row(0)
    assert model.rowCount() == len(summaries) and proxy.rowCount() == len(summaries)
    assert len(testers) == 2


def test_changes_agenda_move_is_applied_in_place(window: MainWindow) -> None:
    view = window.view
    assert view is not None
    tab = view.agenda
    view.tabs.setCurrentWidget(tab)
    titles = [tab.model.row(i).item.title for i in range(tab.model.rowCount())]
    rows = Signals(tab.model)
    select_row(tab.table, 0)
    tab.move_by(1)
    assert rows.resets == 0 and sorted(set(rows.changed_rows)) == [0, 1]
    assert [tab.model.row(i).item.title for i in range(2)] == [titles[1], titles[0]]
    assert tab.table.currentIndex().row() == 1  # the selection follows the moved item
    window.undo_action.trigger()
    assert [tab.model.row(i).item.title for i in range(2)] == titles[:2]
    assert rows.resets == 0


def test_changes_note_edit_and_undo_are_applied_in_place(window: MainWindow) -> None:
    view = window.view
    assert view is not None
    tab = view.notes
    view.tabs.setCurrentWidget(tab)
    count = tab.model.rowCount()
    rows = Signals(tab.model)
    select_row(tab.table, 0)
    before = tab.model.row(0).note.text
    tab.text.setPlainText("Đồng chí Phạm Hoàng Sơn phát biểu.")
    cursor = tab.text.textCursor()
    cursor.setPosition(9)  # typing goes on where it was after Ctrl+S
    tab.text.setTextCursor(cursor)
    tab.save_note()
    assert rows.resets == 0 and rows.changed_rows == [0]
    assert tab.model.row(0).note.text == "Đồng chí Phạm Hoàng Sơn phát biểu."
    assert tab.text.textCursor().position() == 9
    assert tab._editing is not None and tab._editing.note == tab.model.row(0).note
    window.undo_action.trigger()
    assert tab.model.row(0).note.text == before and tab.text.toPlainText() == before
    tab.new_note()
    tab.text.setPlainText("Ghi chép mới")
    tab.save_note()
    assert rows.resets == 0 and rows.inserted == 1 and tab.model.rowCount() == count + 1
    window.undo_action.trigger()
    assert rows.resets == 0 and rows.removed == 1 and tab.model.rowCount() == count


def test_changes_note_edit_leaves_merging_and_checkpoint_to_the_upkeep(
        window: MainWindow, qtbot: Any) -> None:
    """The window's own connection neither checkpoints the WAL nor is left the search index's
    merging: its upkeep does both once the user pauses."""
    session = window.session
    assert session is not None and session.upkeep is not None
    assert not upkeep.checkpoints_itself(session.desk.conn)
    view = window.view
    assert view is not None
    tab = view.notes
    view.tabs.setCurrentWidget(tab)
    for i in range(6):
        select_row(tab.table, 0)
        tab.text.setPlainText(f"Đồng chí Phạm Hoàng Sơn phát biểu lần {i}.")
        tab.save_note()
    qtbot.waitUntil(lambda: session.upkeep is not None and session.upkeep.runs() >= 1,
                    timeout=10_000)
    done = session.upkeep.last_checkpoint
    assert done is not None and done.frames > 0 and done.copied == done.frames
    conn = session.desk.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        assert not upkeep.merge_search_index(conn)  # nothing left for the next edit's commit
    finally:
        conn.execute("ROLLBACK")
    window.close()
    assert session.upkeep is None  # stopped before the desk closed


def test_changes_first_edit_finds_what_it_needs_read_once_the_window_opened(
        window: MainWindow, qtbot: Any) -> None:
    """The schema's keys that every undoable edit needs are read while the window is idle
    after opening, not in the first edit."""
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: snapshots.schema_read(session.desk.conn), timeout=2_000)
    assert session.undo_stack.count() == 0  # no edit made yet
