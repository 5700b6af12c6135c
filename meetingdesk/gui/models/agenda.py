"""A meeting's agenda, reordered by drag and drop (the tab turns a drop into a command)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QObject, Qt, QTimer

from meetingdesk.domain.records import AgendaItem
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.formats import clock
from meetingdesk.gui.models.table import Column, Index, RowTableModel

MIME_TYPE = "application/x-meetingdesk-agenda-item"


@dataclass(frozen=True, slots=True)
class AgendaRow:
    item: AgendaItem
    presenter: str

    @property
    def id(self) -> int | None:
        return self.item.id


class AgendaModel(RowTableModel[AgendaRow]):
    """Agenda items in their order; a drop calls ``on_move(item_id, target_row)``."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[AgendaRow]] = [
            Column(lambda: tr("No."), lambda r: r.item.position, align_right=True),
            Column(lambda: tr("Agenda item"), lambda r: r.item.title, tooltip=True),
            Column(lambda: tr("Presenter"), lambda r: r.presenter),
            Column(lambda: tr("Minutes planned"), lambda r: r.item.planned_minutes,
                   align_right=True),
            Column(lambda: tr("Started"), lambda r: clock(r.item.actual_start)),
            Column(lambda: tr("Ended"), lambda r: clock(r.item.actual_end)),
        ]
        super().__init__(columns, row_text=lambda r: f"{r.item.title} {r.presenter}",
                         parent=parent)
        self.on_move: Callable[[int, int], None] | None = None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            item_id = self.row(rows[0]).item.id
            data.setData(MIME_TYPE, QByteArray(str(item_id).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        item_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        on_move = self.on_move
        if on_move is not None:  # after the drop event: the command resets this model
            QTimer.singleShot(0, lambda: on_move(item_id, target))
        return False  # the command reloads the model; the view must not remove rows itself


def moved_order(ids: list[int], item_id: int, target_row: int) -> list[int]:
    """The order after dropping ``item_id`` before the row ``target_row`` (of ``ids``)."""
    old = ids.index(item_id)
    new = [i for i in ids if i != item_id]
    target = target_row - (1 if target_row > old else 0)
    new.insert(max(0, min(len(new), target)), item_id)
    return new
