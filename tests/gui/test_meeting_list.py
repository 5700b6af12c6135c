"""The meeting list: typing in its filter never changes the meeting shown; Enter, Down, a
click or the arrow keys choose one; its model filters, sorts and follows changes in place."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QAbstractItemModelTester

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.domain.text import fold
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.meeting_list import MeetingList
from meetingdesk.gui.models.meetings import MeetingListModel
from meetingdesk.gui.models.meetings import _text as meeting_text
from meetingdesk.gui.undo import created
from meetingdesk.services import meetings
from meetingdesk.services.demo import DEMO_TITLE
from meetingdesk.store.desk import Desk

OTHER = "Họp chi bộ tháng 11"


def _titles(ml: MeetingList) -> list[str]:
    return [ml.model.row(r).meeting.title for r in range(ml.model.rowCount())]


def _selected_title(ml: MeetingList) -> str | None:
    index = ml.table.currentIndex()
    if not index.isValid() or not ml.table.selectionModel().isRowSelected(index.row()):
        return None
    return str(ml.model.row(index.row()).meeting.title)


def _with_other_meeting(window: MainWindow) -> int:
    """A second meeting on the desk, chosen (the window shows it)."""
    assert window.session is not None
    desk = window.session.desk
    other = window.session.run("new", lambda: meetings.create_meeting(desk, title=OTHER),
                               new_roots=created("meetings"))
    assert window.meeting_list.choose(other.id)
    assert other.id is not None
    return other.id


def test_meeting_list_typing_in_the_filter_keeps_the_meeting_shown(
        window: MainWindow, qtbot: Any) -> None:
    ml = window.meeting_list
    other = _with_other_meeting(window)
    assert window.view is not None and window.view.meeting_id == other
    chosen: list[object] = []
    ml.meeting_chosen.connect(chosen.append)
    qtbot.keyClicks(ml.search, "giao ban")  # its row filtered out, letter by letter
    assert _titles(ml) == [DEMO_TITLE]
    assert chosen == []
    assert window.view.meeting_id == other and ml.current_id() == other
    assert _selected_title(ml) is None  # the demo meeting is not selected for the user
    assert window.copy_meeting_action.isEnabled()  # it acts on the meeting shown
    ml.search.clear()
    assert _selected_title(ml) == OTHER and chosen == []


def test_meeting_list_filter_keeps_the_chosen_row_selected_while_shown(
        window: MainWindow, qtbot: Any) -> None:
    ml = window.meeting_list
    demo = ml.current_id()
    _with_other_meeting(window)
    assert ml.choose(demo)
    qtbot.keyClicks(ml.search, "h")  # both meetings have an "h"
    assert len(_titles(ml)) == 2 and _selected_title(ml) == DEMO_TITLE
    ml.status.setCurrentIndex(ml.status.findData("draft"))  # the new one is a draft
    assert _titles(ml) == [OTHER] and ml.current_id() == demo
    assert _selected_title(ml) is None


def test_meeting_list_enter_in_the_filter_opens_the_first_meeting_found(
        window: MainWindow, qtbot: Any) -> None:
    ml = window.meeting_list
    _with_other_meeting(window)
    demo = next(s.meeting.id for s in ml.model.held_rows() if s.meeting.title == DEMO_TITLE)
    ml.search.setFocus()
    qtbot.keyClicks(ml.search, "giao ban")
    qtbot.keyClick(ml.search, Qt.Key.Key_Return)
    assert window.view is not None and window.view.meeting_id == demo
    assert _selected_title(ml) == DEMO_TITLE and ml.table.hasFocus()


def test_meeting_list_down_in_the_filter_goes_to_the_list(window: MainWindow,
                                                          qtbot: Any) -> None:
    ml = window.meeting_list
    other = _with_other_meeting(window)
    ml.search.setFocus()
    qtbot.keyClicks(ml.search, "chi bo")
    qtbot.keyClick(ml.search, Qt.Key.Key_Down)
    assert ml.table.hasFocus() and _selected_title(ml) == OTHER
    assert window.view is not None and window.view.meeting_id == other
    ml.search.clear()
    qtbot.keyClick(ml.table, Qt.Key.Key_Up)  # the arrow keys in the list choose (undated last)
    assert window.view.meeting_id != other and _selected_title(ml) == DEMO_TITLE


def test_meeting_list_model_filters_sorts_and_follows_changes(demo_desk: Desk) -> None:
    parent = QObject()
    model = MeetingListModel(parent)
    tester = QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Fatal, parent)
    summaries = meetings.list_meetings(demo_desk)
    other = meetings.create_meeting(demo_desk, title=OTHER)
    new = meetings.meeting_summary(demo_desk, other.id)  # type: ignore[arg-type]
    assert new is not None
    model.set_rows(summaries)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    model.put(new)  # added in its place by title: "Họp" before "Hội" (o, ô, ơ)
    assert [model.row(r).meeting.title for r in range(2)] == [OTHER, DEMO_TITLE]
    assert model.set_filter(text="HOP CHI")
    assert [model.row(r).meeting.title for r in range(model.rowCount())] == [OTHER]
    assert not model.set_filter(text="hop  chi")  # the same words: nothing to do
    assert model.set_filter(text="khong co", found={summaries[0].meeting.id})
    assert model.rowCount() == 1 and model.row(0).meeting.title == DEMO_TITLE
    assert model.set_filter(text="", status="final")
    assert all(model.row(r).meeting.status.value == "final" for r in range(model.rowCount()))
    model.set_filter(status="")
    model.drop(other.id)  # type: ignore[arg-type]
    assert model.rowCount() == model.total() == len(summaries)
    assert model.held(other.id) is None
    assert tester is not None


def test_meeting_list_filter_keeps_the_title_column_width(qtbot: Any, demo_desk: Desk) -> None:
    """The titles are laid out for their column's width: a filter that leaves fewer rows
    than fit must not make the scroll bar go (the column would widen, every title shown
    would be laid out again)."""
    (demo,) = meetings.list_meetings(demo_desk)
    ml = MeetingList()
    qtbot.addWidget(ml)
    ml.resize(340, 500)
    ml.show()
    qtbot.waitExposed(ml)
    ml.model.set_rows([replace(demo, meeting=replace(demo.meeting, id=i,
                                                     title=f"Hội nghị số {i}"))
                       for i in range(1, 80)])
    qtbot.wait(20)
    width = ml.table.columnWidth(1)
    ml.search.setText("số 42")
    qtbot.wait(20)
    assert _titles(ml) == ["Hội nghị số 42"]
    assert ml.table.columnWidth(1) == width


def test_meeting_list_model_folds_ahead_in_slices_and_filters_after_moves(
        demo_desk: Desk) -> None:
    """Texts folded ahead in slices; a meeting moved by a sort, a change or a deletion
    before the slices are done is still found by the filter."""
    (demo,) = meetings.list_meetings(demo_desk)
    rows = [replace(demo, meeting=replace(demo.meeting, id=i, title=f"Hội nghị số {i}"))
            for i in range(1, 251)]
    model = MeetingListModel()
    renamed = replace(rows[0], meeting=replace(rows[0].meeting, title="Họp chi bộ"))
    moves = (lambda: model.sort(1, Qt.SortOrder.DescendingOrder),  # 201–250 to the front
             lambda: model.put(renamed),  # the others one place up: 201 among the first 200
             lambda: model.drop(7))
    for move in moves:
        model.sort(-1)
        model.set_rows(rows)
        assert model.fold_ahead(200)  # 200 of 250: some are left
        move()
        assert model.set_filter(text="hoi nghi 201")
        assert [model.row(r).meeting.id for r in range(model.rowCount())] == [201]
        assert not model.fold_ahead(100)
        model.set_filter(text="")
    model.set_rows(rows)  # a reload: none of its texts is folded yet
    assert model.set_filter(text="hoi nghi 250")
    assert [model.row(r).meeting.id for r in range(model.rowCount())] == [250]


def test_meeting_list_folds_the_texts_for_its_filter_while_idle(
        qtbot: Any, demo_desk: Desk) -> None:
    """The first key typed in the filter does not wait for a thousand texts to be folded:
    the list folds them a slice at a time once loaded, while the window is idle."""
    for n in range(2, 6):
        meetings.create_meeting(demo_desk, title=f"Hội nghị số {n}")
    ml = MeetingList()
    qtbot.addWidget(ml)
    ml.load(demo_desk)
    assert ml.model.fold_ahead(0)  # fold_ahead(0) folds nothing: it says some are left
    qtbot.waitUntil(lambda: not ml.model.fold_ahead(0))
    ml.search.setText("so 4")
    assert _titles(ml) == ["Hội nghị số 4"]


def _numbered(demo: Any, count: int) -> list[Any]:
    """``count`` copies of the demo meeting, "Hội nghị số N", statuses in turn."""
    statuses = list(MeetingStatus)
    return [replace(demo, meeting=replace(demo.meeting, id=i, title=f"Hội nghị số {i}",
                                          status=statuses[i % len(statuses)]))
            for i in range(1, count + 1)]


def test_meeting_list_model_filter_leaving_the_same_rows_changes_nothing(
        demo_desk: Desk) -> None:
    """A letter found in every meeting's text leaves the list as it is: no reset, so the
    view has nothing to lay out or paint again."""
    (demo,) = meetings.list_meetings(demo_desk)
    model = MeetingListModel()
    model.set_rows(_numbered(demo, 30))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    assert not model.set_filter(text="h")  # in every title
    assert not model.set_filter(text="hoi ngh")
    assert model.rowCount() == 30 and resets == []
    assert model.set_filter(text="khong co", found={3})  # through the index alone
    assert model.rowCount() == 1 and resets == [1]


def test_meeting_list_model_filter_matches_every_word_or_the_index_within_a_status(
        demo_desk: Desk) -> None:
    (demo,) = meetings.list_meetings(demo_desk)
    rows = _numbered(demo, 40)
    model = MeetingListModel()
    model.set_rows(rows)
    texts = {s.meeting.id: fold(meeting_text(s)) for s in rows}  # title, kind, date…
    for text, found, status in (("so 1", set(), ""), ("1 so", {5, 22}, ""),
                                ("nghi 3", {3, 7}, "final"), ("", {9}, "draft"),
                                ("khong co", {12, 13}, ""), ("so 2 hoi", set(), "planned")):
        model.set_filter(text=text, found=found, status=status)
        expected = [s.meeting.id for s in rows
                    if (not status or s.meeting.status.value == status)
                    and (not text or all(w in texts[s.meeting.id] for w in text.split())
                         or s.meeting.id in found)]
        assert [model.row(r).meeting.id for r in range(model.rowCount())] == expected
