"""Putting a meeting's sites and equal-ranking delegates in order, deleting a document of the
catalogue and discarding an unfinished note, from the window (pytest-qt)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.widgets import select_id, selected_row
from meetingdesk.services import directory, documents, drafts, meetings, participation
from meetingdesk.services.demo import DEMO_TITLE
from meetingdesk.store.desk import Desk
from tests.gui.conftest import open_window
from tests.gui.test_changes_applied import Signals

CTRL = Qt.KeyboardModifier.ControlModifier


def demo_meeting(desk: Desk) -> int:
    (summary,) = [s for s in meetings.list_meetings(desk) if s.meeting.title == DEMO_TITLE]
    assert summary.meeting.id is not None
    return summary.meeting.id


def site_names(desk: Desk, meeting_id: int) -> list[str]:
    return [e.site.name for e in participation.meeting_sites(desk, meeting_id)]


def test_order_site_moves_down_by_keyboard_in_place_and_undoes(
        window: MainWindow, qtbot: Any, demo_desk: Desk) -> None:
    view = window.view
    assert view is not None
    tab = view.sites
    view.tabs.setCurrentWidget(tab)
    mid = demo_meeting(demo_desk)
    before = site_names(demo_desk, mid)
    select_id(tab.table, tab.model.id_at(0))
    signals = Signals(tab.model)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, CTRL)
    assert site_names(demo_desk, mid) == [before[1], before[0], *before[2:]]
    assert [r.entry.site.name for r in tab.model.rows()] == site_names(demo_desk, mid)
    assert signals.resets == 0 and sorted(signals.changed_rows) == [0, 1]
    assert selected_row(tab.table).entry.site.name == before[0]  # the selection follows
    assert window.undo_action.text() == f"Hoàn tác: Chuyển điểm cầu {before[0]}"
    window.undo_action.trigger()
    assert site_names(demo_desk, mid) == before
    assert [r.entry.site.name for r in tab.model.rows()] == before
    assert signals.resets == 0
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, CTRL)  # the first site stays first
    assert site_names(demo_desk, mid) == before


def test_order_delegates_of_equal_precedence_swap_others_say_why(
        qtbot: Any, demo_desk: Desk, answers: list[tuple[str, str]]) -> None:
    mid = demo_meeting(demo_desk)
    central = participation.meeting_sites(demo_desk, mid)[0].site
    added = []
    for name in ("Lê Văn An", "Trần Thị Bình"):
        person = directory.add_person(demo_desk, full_name=name, titles=("Chuyên viên",),
                                      site_id=central.id)
        assert person.id is not None
        added.append(participation.add_attendance(demo_desk, meeting_id=mid,
                                                  person_id=person.id).id)
    window = open_window(qtbot, demo_desk)
    view = window.view
    assert view is not None
    tab = view.delegates
    view.tabs.setCurrentWidget(tab)

    def names() -> list[str]:
        return [r.entry.person.full_name for r in tab.model.rows()
                if r.entry.attendance.id in added]

    assert names() == ["Lê Văn An", "Trần Thị Bình"]
    select_id(tab.table, added[1])
    signals = Signals(tab.model)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, CTRL)
    assert names() == ["Trần Thị Bình", "Lê Văn An"]
    assert signals.resets == 0 and len(signals.changed_rows) == 2
    assert [e.person.full_name for e in participation.attendance_list(demo_desk, mid)
            if e.attendance.id in added] == ["Trần Thị Bình", "Lê Văn An"]
    assert selected_row(tab.table).entry.attendance.id == added[1]
    window.undo_action.trigger()
    assert names() == ["Lê Văn An", "Trần Thị Bình"]
    assert signals.resets == 0

    # the first two delegates differ in precedence: not moved, and the reason is said
    first, second = tab.model.rows()[:2]
    assert first.group == second.group
    assert first.entry.person.rank < second.entry.person.rank
    select_id(tab.table, second.entry.attendance.id)
    rows_before = [r.entry.attendance.id for r in tab.model.rows()]
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, CTRL)
    assert [r.entry.attendance.id for r in tab.model.rows()] == rows_before
    assert answers and answers[-1][0] == "information"
    assert "thứ tự ưu tiên" in answers[-1][1]


def test_order_document_deleted_after_asking_and_undone(
        window: MainWindow, qtbot: Any, demo_desk: Desk,
        answers: list[tuple[str, str]]) -> None:
    view = window.view
    assert view is not None
    tab = view.documents
    view.tabs.setCurrentWidget(tab)
    tab.cited_only.setChecked(False)
    typo = documents.add_document(demo_desk, reference="96-QD/TW nhầm")
    window.session.written()  # another connection wrote: as after an import
    cited = next(r.document for r in tab.model.rows() if r.cited_here)
    count = tab.model.rowCount()
    select_id(tab.table, typo.id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert answers[-1] == ("question", "Xóa văn bản 96-QD/TW nhầm khỏi danh mục, cùng tệp "
                                       "đính kèm (nếu có)?")
    assert [d.id for d in documents.list_documents(demo_desk)].count(typo.id) == 0
    assert tab.model.rowCount() == count - 1
    window.undo_action.trigger()
    assert typo.id in [d.id for d in documents.list_documents(demo_desk)]

    select_id(tab.table, cited.id)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert answers[-1][0] == "warning" and "được trích dẫn trong" in answers[-1][1]
    assert cited.id in [d.id for d in documents.list_documents(demo_desk)]


def test_order_unfinished_note_discarded_from_the_notice(
        qtbot: Any, demo_desk: Desk, answers: list[tuple[str, str]]) -> None:
    mid = demo_meeting(demo_desk)
    drafts.save_draft(demo_desk, meeting_id=mid, text="Ghi dở trước khi mất điện",
                      now=datetime(2026, 3, 2, 9, 15, 30))
    window = open_window(qtbot, demo_desk)
    assert window.notice.isVisible() and "Bỏ ghi chép này" in window.notice.text()
    window.notice.linkActivated.emit(f"discard:{mid}")
    assert answers[-1][0] == "question"
    assert drafts.get_draft(demo_desk, mid) is None
    assert not window.notice.isVisible()
