"""The data tables' cells look as Qt's own delegate paints them, faster."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QTableView

from meetingdesk.gui import cells
from meetingdesk.gui.cells import GroupLines, TextCells, paints_plain_cells
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.gui.widgets import data_table, select_row


@dataclass(frozen=True)
class Line:
    id: int
    site: str
    name: str
    count: int | None
    late: bool


LINES = [
    Line(1, "Điểm cầu Thái Nguyên", "Nguyễn Thị Thuỷ", 12345, False),
    Line(2, "Điểm cầu Thái Nguyên", "Trần Văn Hoà — Phó Bí thư Thường trực Tỉnh uỷ, Chủ tịch "
         "HĐND tỉnh, Trưởng đoàn đại biểu Quốc hội tỉnh " * 3, 7, True),
    Line(3, "Điểm cầu Hà Giang (cũ)", "Lê Minh Đức", None, False),
    Line(4, "Điểm cầu Hà Giang (cũ)", "", 0, True),
]


def _model() -> RowTableModel[Line]:
    return RowTableModel(
        [Column(lambda: "Điểm cầu", lambda r: r.site),
         Column(lambda: "Họ tên", lambda r: r.name, tooltip=True),
         Column(lambda: "Số", lambda r: r.count, align_right=True)],
        row_color=lambda r: QColor("#b00020") if r.late else None)


def _filled(lines: list[Line] = LINES) -> RowTableModel[Line]:
    model = _model()
    model.set_rows(lines)
    return model


def _shown(qtbot: Any, model: QAbstractItemModel) -> QTableView:
    """A data table over ``model``, shown."""
    view = data_table(model, [14, None, 0])
    qtbot.addWidget(view)
    view.resize(560, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def _painted(view: QTableView, delegate: QStyledItemDelegate) -> QImage:
    view.setItemDelegate(delegate)
    return view.viewport().grab().toImage()


def _same_as_qt(view: QTableView) -> None:
    assert isinstance(view.itemDelegate(), TextCells)
    ours = view.viewport().grab().toImage()
    assert _painted(view, QStyledItemDelegate(view)) == ours


def test_table_cells_paint_what_qt_delegate_paints(qtbot: Any) -> None:
    view = _shown(qtbot, _filled())
    select_row(view, 1)  # selected, coloured, elided; a number right-aligned; an empty cell
    _same_as_qt(view)
    view.setItemDelegate(TextCells(view))
    view.setFocus()  # the current cell keeps its focus frame
    _same_as_qt(view)


def test_table_cells_follow_proxies_and_a_font_change(qtbot: Any) -> None:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(_filled())
    view = _shown(qtbot, proxy)
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    _same_as_qt(view)
    view.setItemDelegate(TextCells(view))
    view.viewport().grab()  # texts shaped in the first font
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    changed = view.viewport().grab().toImage()
    assert _painted(view, TextCells(view)) == changed  # shaped again in the new font


class QtGroupLines(QStyledItemDelegate):
    """Qt's painting of the cells, with a line where column 0 changes (the reference)."""

    def __init__(self, view: QTableView, ours: GroupLines) -> None:
        super().__init__(view)
        self.pen = ours.pen

    def paint(self, painter: Any, option: Any,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        row, model = index.row(), index.model()
        if row and model.index(row - 1, 0).data() != model.index(row, 0).data():
            painter.save()
            painter.setPen(self.pen)
            painter.drawLine(option.rect.topLeft(), option.rect.topRight())
            painter.restore()


def test_group_lines_paint_lines_between_groups_over_the_cells(qtbot: Any) -> None:
    view = _shown(qtbot, _filled())
    ours = GroupLines(view, 0)
    painted = _painted(view, ours)
    assert _painted(view, QtGroupLines(view, ours)) == painted
    assert _painted(view, QStyledItemDelegate(view)) != painted  # a line was drawn


def test_group_lines_ask_each_row_once_per_paint_and_follow_the_model(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _filled()
    view = _shown(qtbot, model)
    ours = GroupLines(view, 0)
    view.setItemDelegate(ours)
    view.viewport().grab()
    asked: list[int] = []
    plain_cell = model.plain_cell
    monkeypatch.setattr(model, "plain_cell", lambda index: (
        asked.append(index.row()) if index.column() == 0 else None) or plain_cell(index))
    view.viewport().grab()
    assert sorted(asked) == [0, 0, 1, 1, 2, 2, 3, 3]  # its cell's paint and its group, once
    monkeypatch.undo()
    model.replace_row(1, replace(LINES[1], site="Điểm cầu Hà Giang (cũ)"))  # groups change
    painted = view.viewport().grab().toImage()
    assert _painted(view, QtGroupLines(view, ours)) == painted


def test_table_cells_leave_a_model_with_its_own_data_to_qt() -> None:
    class Bold(RowTableModel[Line]):
        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return super().data(index, role)

    class Own(Bold):
        def cell(self, row: int, column: int) -> tuple[Any, QColor | None]:
            return super().cell(row, column)

    assert paints_plain_cells(_model())
    assert not paints_plain_cells(Bold([]))
    assert paints_plain_cells(Own([]))  # it says what its cells show
    assert not paints_plain_cells(QSortFilterProxyModel())


def test_table_cells_keep_a_bounded_number_of_shaped_texts(qtbot: Any) -> None:
    view = data_table(_model(), [14, None, 0])
    qtbot.addWidget(view)
    delegate = view.itemDelegate()
    assert isinstance(delegate, TextCells)
    for i in range(cells._KEPT + 10):
        delegate.shape_ahead(f"Điểm cầu số {i}", 120)
    assert 0 < len(delegate._shaped) <= cells._KEPT


def test_table_cells_shaped_ahead_are_only_drawn_at_their_paint(qtbot: Any,
                                                                 monkeypatch: Any) -> None:
    view = _shown(qtbot, _filled())
    delegate = view.itemDelegate()
    assert isinstance(delegate, TextCells)
    model = view.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            delegate.shape_ahead(str(index.data()), view.visualRect(index).width())
    shaped: list[str] = []
    real = delegate._shape
    monkeypatch.setattr(delegate, "_shape", lambda text, *rest: shaped.append(text)
                        or real(text, *rest))
    delegate._shaped = {k: v for k, v in delegate._shaped.items() if k[0] != "Lê Minh Đức"}
    view.viewport().grab()
    assert shaped == ["Lê Minh Đức"]  # the one text let go; the others were ready
    _same_as_qt(view)


def test_table_cells_leave_right_to_left_text_to_qt(qtbot: Any) -> None:
    view = _shown(qtbot, _filled(
        [*LINES, Line(5, "שלום Điểm cầu thử", "مرحبا Nguyễn Văn An", 3, False)]))
    select_row(view, 4)
    _same_as_qt(view)
    view.setItemDelegate(TextCells(view))
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # a window laid out right to left
    _same_as_qt(view)


class _Copies(dict):  # type: ignore[type-arg]
    """The cells drawn ahead, counting those a paint copies."""

    copied = 0

    def get(self, key: Any, default: Any = None) -> Any:
        found = super().get(key, default)
        _Copies.copied += found is not None
        return found


def _draw_all_ahead(view: QTableView, delegate: TextCells) -> int:
    """Draw every cell of ``view`` ahead, as its row lies (alternate or not); how many were
    drawn."""
    model = view.model()
    drawn = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            drawn += delegate.draw_ahead(str(index.data() or ""), view.visualRect(index).size(),
                                         alternate=row % 2 == 1, right=column == 2)
    return drawn


def test_table_cells_drawn_ahead_are_copied_pixel_for_pixel(qtbot: Any) -> None:
    view = _shown(qtbot, _filled())
    view.setAlternatingRowColors(True)
    select_row(view, 1)  # a selected row and a coloured one are drawn at their paint
    delegate = view.itemDelegate()
    assert isinstance(delegate, TextCells)
    assert _draw_all_ahead(view, delegate) > 0
    assert _draw_all_ahead(view, delegate) == 0  # each drawn once
    _Copies.copied = 0
    delegate._drawn = _Copies(delegate._drawn)
    ours = view.viewport().grab().toImage()
    assert _Copies.copied >= 4  # rows 0 and 2 (not selected, not coloured), both columns
    assert _painted(view, QStyledItemDelegate(view)) == ours


def test_table_cells_drawn_ahead_are_let_go_when_the_colours_change(qtbot: Any) -> None:
    view = _shown(qtbot, _filled())
    delegate = view.itemDelegate()
    assert isinstance(delegate, TextCells)
    _draw_all_ahead(view, delegate)
    assert delegate._drawn
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#003366"))
    view.setPalette(palette)
    assert not delegate._drawn  # drawn in the old colours: never copied
    assert _painted(view, QStyledItemDelegate(view)) == _painted(view, delegate)


def test_table_cells_keep_a_bounded_number_of_cells_drawn_ahead(qtbot: Any) -> None:
    view = _shown(qtbot, _filled())
    delegate = view.itemDelegate()
    assert isinstance(delegate, TextCells)
    for i in range(cells._KEPT_DRAWN + 10):
        delegate.draw_ahead(f"Điểm cầu số {i}", QSize(120, 24), alternate=False)
    assert 0 < len(delegate._drawn) <= cells._KEPT_DRAWN
