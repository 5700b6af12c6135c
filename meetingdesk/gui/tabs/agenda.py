"""A meeting's agenda: add, edit, remove, reorder by drag and drop or Ctrl+Up/Down."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QVBoxLayout, QWidget

from meetingdesk.domain.records import Person
from meetingdesk.gui.dialogs.records import AgendaItemDialog
from meetingdesk.gui.errors import guarded
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.agenda import AgendaModel, AgendaRow, moved_order
from meetingdesk.gui.models.table import FoldFilterProxy
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.gui.undo import DeskSession, created
from meetingdesk.gui.widgets import button, button_row, data_table, select_id, selected_row
from meetingdesk.services import agenda, directory, participation
from meetingdesk.services.changes import Changes


class AgendaTab(MeetingTab):
    KINDS = frozenset({"meetings", "agenda_items", "attendances", "people"})

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = AgendaModel(self)
        self.model.on_move = self.move_to
        self.proxy = FoldFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = data_table(self.proxy, [4, None, 24, 13, 8, 8], parent=self,
                                sortable=False)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragDropOverwriteMode(False)
        self.add_button = button(tr("Add…"), self, self.add_item, shortcut="Ctrl+N")
        self.edit_button = button(tr("Edit…"), self, self.edit_item)
        self.remove_button = button(tr("Remove"), self, self.remove_item, shortcut="Del")
        self.up_button = button(tr("Move up"), self, lambda: self.move_by(-1),
                                shortcut="Ctrl+Up")
        self.down_button = button(tr("Move down"), self, lambda: self.move_by(1),
                                  shortcut="Ctrl+Down")
        self.table.doubleClicked.connect(self.edit_button.click)  # not while final
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.add_button, self.edit_button, self.remove_button,
                                    self.up_button, self.down_button))
        layout.addWidget(self.table)

    def refresh(self) -> None:
        assert self.meeting_id is not None
        current = selected_row(self.table)
        rows = self._rows()
        self.model.set_rows(rows)
        self.table.setDragEnabled(not self.frozen)
        if not select_id(self.table, current.id if current else None) and rows:
            self.table.selectRow(0)

    def _rows(self) -> list[AgendaRow]:
        assert self.meeting_id is not None
        items = agenda.agenda(self.desk, self.meeting_id)
        names = {pid: directory.get_person(self.desk, pid).full_name
                 for pid in {i.presenter_id for i in items} if pid is not None}
        return [AgendaRow(i, names.get(i.presenter_id, "")) for i in items]

    def apply(self, changes: Changes) -> bool:
        """Items edited or moved are put right row by row, the selection following its item;
        an item added or removed reloads."""
        if changes.all_kinds or changes.kinds - {"agenda_items"} or changes.inserted \
                or changes.deleted:
            return False
        current = selected_row(self.table)
        rows = self._rows()
        if len(rows) != self.model.rowCount():
            return False
        for number, row in enumerate(rows):
            if row != self.model.row(number):
                self.model.replace_row(number, row)
        select_id(self.table, current.id if current else None)
        return True

    def editors(self) -> list[QWidget]:
        return [self.add_button, self.edit_button, self.remove_button, self.up_button,
                self.down_button]

    def _people(self) -> list[Person]:
        """Presenters: the meeting's delegates first, then the directory."""
        assert self.meeting_id is not None
        attending = [e.person for e in participation.attendance_list(self.desk,
                                                                     self.meeting_id)]
        ids = {p.id for p in attending}
        return attending + [p for p in directory.list_people(self.desk) if p.id not in ids]

    @guarded
    def add_item(self) -> None:
        if self.meeting_id is None:
            return
        dialog = AgendaItemDialog(None, self._people(), self)
        if not dialog.exec():
            return
        values = dialog.values()
        mid = self.meeting_id
        item = self.session.run(
            tr("Add the agenda item"),
            lambda: agenda.add_agenda_item(self.desk, meeting_id=mid, **values),
            new_roots=created("agenda_items"))
        select_id(self.table, item.id)

    @guarded
    def edit_item(self) -> None:
        row: AgendaRow | None = selected_row(self.table)
        if row is None:
            return
        dialog = AgendaItemDialog(row.item, self._people(), self)
        if not dialog.exec():
            return
        values = dialog.values()
        item_id = row.item.id
        self.session.run(tr("Edit the agenda item"),
                         lambda: agenda.update_agenda_item(self.desk, item_id, **values),
                         [("agenda_items", item_id)], shallow=True)

    @guarded
    def remove_item(self) -> None:
        row: AgendaRow | None = selected_row(self.table)
        if row is None:
            return
        answer = QMessageBox.question(
            self, tr("Remove agenda item"),
            tr("Remove “%1” from the agenda? Its notes stay with the meeting.").replace(
                "%1", row.item.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        item_id = row.item.id
        self.session.run(tr("Remove the agenda item"),
                         lambda: agenda.remove_agenda_item(self.desk, item_id),
                         [("agenda_items", item_id)])

    def _ids(self) -> list[int]:
        return [r.item.id for r in self.model.rows() if r.item.id is not None]

    @guarded
    def move_by(self, offset: int) -> None:
        row: AgendaRow | None = selected_row(self.table)
        if row is None or row.item.id is None:
            return
        ids = self._ids()
        index = ids.index(row.item.id)
        target = index + offset
        if not 0 <= target < len(ids):
            return
        self._reorder(row.item.id, target + (1 if offset > 0 else 0))

    @guarded
    def move_to(self, item_id: int, target_row: int) -> None:
        """A drop: ``item_id`` goes before the row ``target_row``."""
        self._reorder(item_id, target_row)

    def _reorder(self, item_id: int, target_row: int) -> None:
        assert self.meeting_id is not None
        ids = self._ids()
        order = moved_order(ids, item_id, target_row)
        if order == ids:
            return
        mid = self.meeting_id
        self.session.run(tr("Reorder the agenda"),
                         lambda: agenda.reorder_agenda(self.desk, mid, order),
                         [("agenda_items", i) for i in ids], shallow=True)
        select_id(self.table, item_id)
