"""Search the desk as you type (Ctrl+F) and the meeting list's filter through the index."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QStyledItemDelegate

from meetingdesk.domain.records import SearchHit
from meetingdesk.gui.cells import TextCells
from meetingdesk.gui.desk_search import DeskSearch
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.models.search_results import (
    HIT_ROLE,
    SHOWN_CHARACTERS,
    SearchResultsModel,
    ShownResults,
    shown_groups,
)
from meetingdesk.gui.widgets import selected_row
from meetingdesk.services import search
from meetingdesk.store.desk import Desk


def _groups(model: SearchResultsModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _notes_found(window: MainWindow, qtbot: Any, typed: str) -> DeskSearch:
    """The desk search (Ctrl+F) with ``typed`` typed, once it shows notes found."""
    window.search_action.trigger()
    dialog = window.desk_search
    assert dialog is not None
    qtbot.keyClicks(dialog.query, typed)
    qtbot.waitUntil(lambda: any(g.startswith("Ghi chép") for g in _groups(dialog.model)),
                    timeout=10000)
    return dialog


def _opened(window: MainWindow, qtbot: Any) -> DeskSearch:
    """The desk search dialog, opened (Ctrl+F) and shown."""
    window.search_action.trigger()
    dialog = window.desk_search
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_desk_search_as_you_type_groups_and_opens_a_site(window: MainWindow, qtbot: Any) -> None:
    window.search_action.trigger()
    dialog = window.desk_search
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query, "bac ka")  # the former name of Thái Nguyên, as typed so far
    qtbot.waitUntil(lambda: "Điểm cầu (1)" in _groups(dialog.model), timeout=10000)
    group = dialog.model.index(_groups(dialog.model).index("Điểm cầu (1)"), 0)
    hit = dialog.model.index(0, 0, group).data(HIT_ROLE)
    assert isinstance(hit, SearchHit) and hit.text.startswith("Thái Nguyên")
    dialog.results.activated.emit(dialog.model.index(0, 0, group))
    view = window.view
    assert view is not None and view.tabs.currentWidget() is view.sites
    assert selected_row(view.sites.table).entry.site.id == hit.ref_id


def test_desk_search_opens_a_note_in_its_meeting(window: MainWindow, qtbot: Any) -> None:
    dialog = _notes_found(window, qtbot, "lay phieu tin nh")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # the best hit
    view = window.view
    assert view is not None and view.tabs.currentWidget() is view.notes
    assert "phiếu tín nhiệm" in selected_row(view.notes.table).note.text


def test_desk_search_meeting_list_filter_finds_meetings_through_the_index(
        window: MainWindow, qtbot: Any) -> None:
    ml = window.meeting_list
    title = ml.current().meeting.title
    ml.search.setText("thai nguyen")  # not in the title: a site of the meeting
    qtbot.waitUntil(lambda: ml.model.rowCount() == 1, timeout=10000)
    assert ml.current().meeting.title == title
    ml.search.setText("khong co dau ca")
    qtbot.wait(200)
    assert ml.model.rowCount() == 0


def test_desk_search_results_model_passes_the_tester(demo_desk: Desk) -> None:
    """Qt's own tree of items: the view lays the results out and paints them asking C++,
    not Python, about each row."""
    assert all(getattr(SearchResultsModel, name) is getattr(QStandardItemModel, name)
               for name in ("index", "parent", "rowCount", "flags", "data"))
    model = SearchResultsModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_hits(search.search(demo_desk, "thai nguyen"))
    kinds = {model.index(0, 0, model.index(r, 0)).data(HIT_ROLE).kind
             for r in range(model.rowCount())}
    assert len(kinds) == model.rowCount() >= 2
    assert model.rowCount(QModelIndex()) == len(kinds)
    model.set_hits([])
    assert model.rowCount() == 0 and tester is not None


def test_desk_search_results_show_a_long_note_on_one_cut_line(qapp: Any) -> None:
    text = "Đồng chí Phạm Hoàng Sơn phát biểu\nvề công tác cán bộ. " * 20
    hit = SearchHit("note", 7, text, 1, "Giao ban quý 1", None)
    model = SearchResultsModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_hits([hit])
    group = model.index(0, 0)
    assert group.data() == "Ghi chép (1)" and not model.flags(group) & Qt.ItemFlag.ItemIsSelectable
    shown = model.index(0, 0, group)
    assert shown.data().startswith("Đồng chí Phạm Hoàng Sơn phát biểu về công tác")
    assert shown.data().endswith("…") and len(shown.data()) == SHOWN_CHARACTERS + 1
    assert shown.data(Qt.ItemDataRole.ToolTipRole) == text
    assert shown.data(HIT_ROLE) is hit and model.index(1, 0, group).isValid() is False
    assert tester is not None


def test_desk_search_results_paint_what_qt_delegate_paints(window: MainWindow,
                                                           qtbot: Any) -> None:
    dialog = _notes_found(window, qtbot, "dong chi")
    dialog.results.expandAll()
    group = dialog.model.index(0, 0)
    dialog.results.setCurrentIndex(dialog.model.index(1, 0, group))  # a hit chosen
    view = dialog.results
    assert isinstance(view.itemDelegate(), TextCells)
    ours = view.viewport().grab().toImage()
    view.setItemDelegate(QStyledItemDelegate(view))
    assert view.viewport().grab().toImage() == ours


def test_desk_search_shapes_the_first_screenful_before_showing_it(window: MainWindow,
                                                                  qtbot: Any) -> None:
    window.search_action.trigger()
    dialog = window.desk_search
    assert dialog is not None
    model, view = dialog.model, dialog.results
    shaped: list[str] = []  # every text shaped, and "shown" when the results were shown
    real = dialog._cells._shape
    dialog._cells._shape = lambda text, *rest: shaped.append(text) or real(text, *rest)
    model.rowsInserted.connect(lambda *_: shaped.append("shown"))  # the answer's rows
    qtbot.keyClicks(dialog.query, "dong chi")
    qtbot.waitUntil(lambda: any(g.startswith("Ghi chép") for g in _groups(model)),
                    timeout=10000)
    view.viewport().grab()  # painted
    cells = [model.index(r, c, model.index(g, 0)) for g in range(model.rowCount())
             for r in range(model.rowCount(model.index(g, 0))) for c in (0, 1)]
    painted = [c.data() for c in cells if view.visualRect(c).intersects(view.viewport().rect())]
    last_shown = len(shaped) - shaped[::-1].index("shown")
    assert len(painted) >= 4 and set(painted) <= set(shaped[:last_shown])
    assert not set(painted) & set(shaped[last_shown:])  # none shaped again at the paint


def test_desk_search_newest_answer_overtakes_one_being_shaped(window: MainWindow,
                                                              qtbot: Any,
                                                              demo_desk: Desk) -> None:
    window.search_action.trigger()
    dialog = window.desk_search
    assert dialog is not None
    older = ShownResults(*_shown_for(demo_desk, "thai nguyen"))
    newer = ShownResults(*_shown_for(demo_desk, "bac ka"))
    dialog._found(1, older)
    dialog._found(2, newer)  # before the older one's texts were all shaped
    qtbot.waitUntil(lambda: _groups(dialog.model) != [], timeout=5000)
    qtbot.wait(50)
    assert _groups(dialog.model) == [g.title for g in newer.groups]


def test_desk_search_answer_shown_while_hidden_overtakes_one_being_shaped(
        window: MainWindow, qtbot: Any, demo_desk: Desk) -> None:
    window.search_action.trigger()
    dialog = window.desk_search
    assert dialog is not None
    older = ShownResults(*_shown_for(demo_desk, "thai nguyen"))
    newer = ShownResults(*_shown_for(demo_desk, "bac ka"))
    dialog._found(1, older)  # being shaped
    dialog.hide()
    dialog._found(2, newer)  # shown at once
    qtbot.wait(50)
    assert _groups(dialog.model) == [g.title for g in newer.groups] != \
        [g.title for g in older.groups]


def _shown_for(desk: Desk, query: str) -> tuple[search.SearchResults, tuple[Any, ...]]:
    results = search.search(desk, query, as_you_type=True, limit=80)
    return results, shown_groups(results)


def test_desk_search_text_column_keeps_its_width_when_results_come(window: MainWindow,
                                                                   qtbot: Any) -> None:
    """The texts are shaped for their column's width: results longer than the view must not
    narrow it (a scroll bar coming), or every text shown would be shaped again."""
    dialog = _opened(window, qtbot)
    width = dialog.results.header().sectionSize(0)
    hits = [SearchHit("note", i, f"Đồng chí số {i} phát biểu", 1, "Giao ban quý 1", None)
            for i in range(1, 60)]
    dialog._found(1, ShownResults(search.SearchResults(hits, windowed=False),
                                  shown_groups(hits)))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    qtbot.wait(20)
    assert dialog.results.verticalScrollBar().maximum() > 0  # more than a screenful
    assert dialog.results.header().sectionSize(0) == width


def test_desk_search_answer_is_shown_in_a_pass_of_its_own_after_drawing(
        window: MainWindow, qtbot: Any, demo_desk: Desk) -> None:
    """The cells drawn ahead, then the results shown at a later pass of the event loop: never
    in the same pass as a slice of drawing (the longest piece of an answer's work)."""
    dialog = _opened(window, qtbot)
    dialog._found(1, ShownResults(*_shown_for(demo_desk, "thai nguyen")))
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5000)
    events: list[str] = []
    real_slice, real_draw = dialog._shape_some, dialog._cells.draw_ahead
    dialog._shaper.timeout.disconnect()
    dialog._shaper.timeout.connect(lambda: events.append("pass") or real_slice())
    dialog._cells.draw_ahead = lambda *a, **k: (real_draw(*a, **k)  # type: ignore[method-assign]
                                                and not events.append("drew"))
    dialog.model.rowsInserted.connect(lambda *_: events.append("shown"))
    dialog._found(2, ShownResults(*_shown_for(demo_desk, "dong chi")))
    qtbot.waitUntil(lambda: "shown" in events, timeout=5000)
    assert "drew" in events
    assert events[events.index("shown") - 1] == "pass"  # nothing drawn in the pass showing


def test_desk_search_results_copy_the_cells_drawn_ahead(window: MainWindow, qtbot: Any,
                                                        demo_desk: Desk) -> None:
    dialog = _opened(window, qtbot)
    # the first results of the dialog too: the height of a row measured before any is shown
    dialog._found(1, ShownResults(*_shown_for(demo_desk, "dong chi")))
    qtbot.waitUntil(lambda: dialog._coming is None and dialog.model.rowCount() > 0,
                    timeout=5000)
    view = dialog.results
    drawn = dialog._cells._drawn
    copied: list[object] = []
    dialog._cells._drawn = type("Spy", (dict,), {  # type: ignore[assignment]
        "get": lambda self, key, default=None: copied.append(key) or dict.get(self, key,
                                                                             default)})(drawn)
    ours = view.viewport().grab().toImage()
    assert len(copied) >= 4 and all(key in drawn for key in copied)
    view.setItemDelegate(QStyledItemDelegate(view))
    assert view.viewport().grab().toImage() == ours


def test_desk_search_group_titles_take_their_whole_row(window: MainWindow, qtbot: Any,
                                                       demo_desk: Desk) -> None:
    """A group's row is one cell (its meeting cell would be empty): one cell for Qt's
    delegate to paint instead of two, and the same pixels."""
    dialog = _opened(window, qtbot)
    dialog._found(1, ShownResults(*_shown_for(demo_desk, "dong chi")))
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5000)
    view, groups = dialog.results, range(dialog.model.rowCount())
    assert all(view.isFirstColumnSpanned(g, QModelIndex()) for g in groups)
    spanned = view.viewport().grab().toImage()
    for g in groups:
        view.setFirstColumnSpanned(g, QModelIndex(), False)
    assert view.viewport().grab().toImage() == spanned
