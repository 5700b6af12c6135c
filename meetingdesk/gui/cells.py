"""How the data tables paint their cells.

Qt's item delegate lays a cell's text out again at every paint (HarfBuzz shaping, then the
elision, which shapes it once more) and asks the Python model about seven roles per cell: a
table of Vietnamese text over a Python model repaints in 6–9 ms on a modest machine, half a
frame, at every filter change, roll-call key or scroll. :class:`TextCells` paints the plain
text cells of a model that gives them (:meth:`RowTableModel.plain_cell`, through any proxies;
the desk search's results) from one call, with the text laid out once per text and width
(:class:`QTextLayout`, already elided) and kept until the view's font, style or palette
changes; the task register's table (77 cells) repaints in 2–3 ms instead of 8–9. The
current cell (its focus frame), a disabled view, a view laid out right to left, a text of
several lines or with letters written right to left (Qt's bidirectional layout), and a model
whose ``data()`` says more than its ``cell()`` are painted by Qt's own delegate, as before.

The cells are placed as Qt's delegate places them: pixel for pixel at the program's font
(``tests/gui/test_cells.py``); at some other font sizes Qt's rounding of the text's baseline
differs and a line may sit one pixel higher.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from meetingdesk.gui.models.table import PlainCell, RowTableModel

Index = QModelIndex | QPersistentModelIndex

_SELECTED = QStyle.StateFlag.State_Selected.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_OWN_LOOK = QStyle.StateFlag.State_HasFocus.value
"""The current cell keeps Qt's painting: its focus frame is the keyboard user's cursor."""
_ENABLED = QStyle.StateFlag.State_Enabled.value
_LIT = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver).value
"""States in which a cell is drawn otherwise than on its row's plain background."""
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate.value
_BASE = QPalette.ColorRole.Base
_ALTERNATE_BASE = QPalette.ColorRole.AlternateBase
_ACTIVE_GROUP = QPalette.ColorGroup.Active
_INACTIVE_GROUP = QPalette.ColorGroup.Inactive
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHT = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_ELIDE = Qt.TextElideMode.ElideRight
_RTL_VIEW = Qt.LayoutDirection.RightToLeft
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\u200f\u202b\u202e\ufb1d-\ufdff\ufe70-\ufeff"
                            "\U00010800-\U00010fff\U0001e800-\U0001efff]")
"""Letters written right to left (Hebrew, Arabic…) and the marks that turn text that way: a
text holding one is Qt's to lay out, with its own rules for mixed directions."""
_KEPT = 1_000
"""Shaped texts kept per table before they are all let go: a laid-out line of 80 characters
holds about 10 kB, so at most about 10 MB per table (a screenful of cells is about 100)."""
_KEPT_DRAWN = 300
"""Cells drawn ahead kept per view before they are all let go: a cell 600 pixels wide is
about 50 kB, so at most about 15 MB (a screenful of the desk search's results is about 70)."""


def source_of(index: Index) -> tuple[QAbstractItemModel, Index]:
    """The model under any proxies of ``index``'s model, and the index there."""
    model = index.model()
    source = index
    while isinstance(model, QAbstractProxyModel):
        source = model.mapToSource(source)
        model = model.sourceModel()
    return model, source


def paints_plain_cells(model: QAbstractItemModel) -> bool:
    """Whether ``model.plain_cell()`` says all ``model`` shows in a cell: a model that gives
    one, except a row model whose ``data()`` says more than its ``cell()`` (a subclass that
    overrides the one and not the other)."""
    if isinstance(model, RowTableModel):
        kind = type(model)
        return kind.data is RowTableModel.data or kind.cell is not RowTableModel.cell
    return callable(getattr(model, "plain_cell", None))


def _laid_out(text: str, font: QFont) -> tuple[QTextLayout, QTextLine]:
    """``text`` shaped and laid out on one line in the cell's font, kept for drawing."""
    layout = QTextLayout(text, font)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return layout, line


class TextCells(QStyledItemDelegate):
    """The delegate of every data table and of the desk search's results: plain text cells
    painted from text laid out once and kept between paints, and a cell's whole text as its
    tooltip when the column is too narrow for it (and the model gives no tooltip of its own):
    long titles and names are never lost to "…"."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._shaped: dict[tuple[str, int], tuple[QTextLayout, float, int] | None] = {}
        self._drawn: dict[tuple[str, int, int, bool, bool], QPixmap] = {}
        """Cells drawn ahead (:meth:`draw_ahead`), by text, width, height, alternate row
        and right alignment."""
        self._plain: dict[type, bool] = {}
        self._forget(view)
        view.installEventFilter(self)

    def _forget(self, view: QAbstractItemView) -> None:
        """Let the shaped texts and the cells drawn ahead go and measure the view's font
        and style again."""
        self._shaped.clear()
        self._drawn.clear()
        palette = view.palette()
        self._inactive_alike = all(
            palette.color(_ACTIVE_GROUP, role) == palette.color(_INACTIVE_GROUP, role)
            for role in (_TEXT, _BASE, _ALTERNATE_BASE))
        """Whether the window's colours stay when it is not the active one (the cells drawn
        ahead, in the active colours, then serve in both)."""
        self._margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                None, view) + 1  # as Qt's own delegate

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.PaletteChange) and \
                isinstance(watched, QAbstractItemView):
            self._forget(watched)
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        state = option.state.value
        if state & _OWN_LOOK or not state & _ENABLED or option.direction is _RTL_VIEW:
            super().paint(painter, option, index)
            return
        cell = self.plain_cell(index)
        if cell is None:
            super().paint(painter, option, index)
            return
        value, color, right = cell
        text = value if isinstance(value, str) else self.displayText(value, option.locale)
        rect = option.rect
        if self._drawn and color is None and not state & _LIT and \
                (state & _ACTIVE or self._inactive_alike):
            drawn = self._drawn.get((text, rect.width(), rect.height(),
                                     bool(option.features.value & _ALTERNATE), right))
            # drawn ahead on the row's background: copied, unless the view has moved to a
            # screen of another pixel ratio since
            if drawn is not None and \
                    drawn.devicePixelRatio() == painter.device().devicePixelRatio():
                painter.drawPixmap(rect.topLeft(), drawn)
                return
        margin = self._margin
        width = rect.width() - 2 * margin
        key = (text, width)
        shaped = self._shaped[key] if key in self._shaped else \
            self._shape(text, width, option.font, option.fontMetrics)
        if shaped is None:
            super().paint(painter, option, index)  # Qt's layout of several lines, or of RTL
            return
        palette = option.palette
        group = _ACTIVE_GROUP if state & _ACTIVE else _INACTIVE_GROUP
        if state & _SELECTED:
            painter.fillRect(rect, palette.brush(group, _HIGHLIGHT))
            color = palette.color(group, _HIGHLIGHTED_TEXT)
        elif color is None:
            color = palette.color(group, _TEXT)
        layout, advance, height = shaped
        left: float = rect.x() + margin
        if right:  # as Qt places a line of its own width
            left = max(left, rect.x() + rect.width() - margin - advance)
        painter.setPen(color)
        layout.draw(painter, QPointF(left, rect.y() + (rect.height() - height) // 2))

    def plain_cell(self, index: Index) -> PlainCell | None:
        """What the cell at ``index`` shows, from the model under its proxies; ``None`` when
        that model does not say it all (:func:`paints_plain_cells`)."""
        model, source = source_of(index)
        plain = self._plain.get(type(model))
        if plain is None:
            plain = self._plain[type(model)] = paints_plain_cells(model)
        return model.plain_cell(source) if plain else None  # type: ignore[attr-defined]

    def shape_ahead(self, text: str, cell_width: int) -> bool:
        """Shape ``text`` for a plain cell ``cell_width`` pixels wide (its visual rect's) in
        the view's font, before it is painted: a view about to show many new texts has them
        shaped a few at a time (:mod:`meetingdesk.gui.desk_search`), and its paint only
        draws. A text of another width or font is shaped at its paint, as before. True when
        it had to be shaped (False: it already was)."""
        width = cell_width - 2 * self._margin
        if (text, width) in self._shaped:
            return False
        self._shape(text, width, self._view.font(), self._view.fontMetrics())
        return True

    def draw_ahead(self, text: str, size: QSize, *, alternate: bool,
                   right: bool = False) -> bool:
        """Draw a plain cell of ``size`` (its visual rect's) showing ``text`` in the palette's
        text colour ahead of its paint, on its row's background (the palette's base, or its
        alternate base on an ``alternate`` row): its paint then copies the picture, when the
        cell is drawn as drawn here (the window active, the cell neither selected, current
        nor under the mouse), instead of drawing its glyphs (about 40 µs a cell, most of a
        repaint of the desk search's results). Pixel for pixel what the paint would draw:
        the same layout on the same background, in the active window's colours (also
        those of an inactive one when they are the same). True when it had to be drawn."""
        key = (text, size.width(), size.height(), alternate, right)
        ratio = self._view.devicePixelRatio()
        if key in self._drawn or ratio != int(ratio):
            return False  # drawn already; a fractional scale would not copy pixel for pixel
        width = size.width() - 2 * self._margin
        shaped = self._shaped[(text, width)] if (text, width) in self._shaped else \
            self._shape(text, width, self._view.font(), self._view.fontMetrics())
        if shaped is None:
            return False  # Qt's to paint
        layout, advance, height = shaped
        left = float(self._margin)
        if right:
            left = max(left, size.width() - self._margin - advance)
        palette = self._view.palette()
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(palette.color(_ACTIVE_GROUP, _ALTERNATE_BASE if alternate else _BASE))
        painter = QPainter(picture)
        painter.setPen(palette.color(_ACTIVE_GROUP, _TEXT))
        layout.draw(painter, QPointF(left, (size.height() - height) // 2))
        painter.end()
        if len(self._drawn) >= _KEPT_DRAWN:
            self._drawn.clear()
        self._drawn[key] = picture
        return True

    def _shape(self, text: str, width: int, font: QFont,
               metrics: QFontMetrics) -> tuple[QTextLayout, float, int] | None:
        """The text of a cell ``width`` pixels wide, elided and shaped, with the width and
        height of its line as Qt's delegate lays it out (which places it); ``None`` for a
        text of several lines or with letters written right to left."""
        if len(self._shaped) >= _KEPT:
            self._shaped.clear()
        if "\n" in text or _RIGHT_TO_LEFT.search(text):
            self._shaped[(text, width)] = None
            return None
        layout, line = _laid_out(text, font)
        if line.naturalTextWidth() > width:  # too wide: elided as Qt's delegate elides it
            layout, line = _laid_out(metrics.elidedText(text, _ELIDE, max(0, width)), font)
        shaped = self._shaped[(text, width)] = (layout, line.naturalTextWidth(),
                                                int(line.height()))
        return shaped

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem, index: Index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() and \
                index.data(Qt.ItemDataRole.ToolTipRole) is None:
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            if text and option.fontMetrics.horizontalAdvance(text) > option.rect.width() - 8:
                QToolTip.showText(event.globalPos(), text, view)
                return True
            QToolTip.hideText()
        return super().helpEvent(event, view, option, index)


class GroupLines(TextCells):
    """Draws a line above each row that starts a new group (a new value in ``column``), so
    rows sorted by that column read as groups.

    The cells of a row share its line: each row's group is asked once per paint of the view
    (kept from the start of one paint event to the next), not twice per cell."""

    def __init__(self, view: QTableView, column: int) -> None:
        super().__init__(view)
        self.column = column
        self.pen = QPen(view.palette().color(QPalette.ColorRole.Dark), 2)
        self._groups: dict[int, Any] = {}
        """The group of each row met in the current paint event, by row number."""
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:  # the model may have changed since the last
            self._groups.clear()
        return super().eventFilter(watched, event)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        row = index.row()
        if row == 0:
            return
        model = index.model()
        if self._group_of(model, row - 1) != self._group_of(model, row):
            painter.save()
            painter.setPen(self.pen)
            painter.drawLine(option.rect.topLeft(), option.rect.topRight())
            painter.restore()

    def _group_of(self, model: QAbstractItemModel, row: int) -> Any:
        if row not in self._groups:
            index = model.index(row, self.column)
            cell = self.plain_cell(index)
            self._groups[row] = index.data() if cell is None else cell[0]
        return self._groups[row]
