"""A meeting's sites (điểm cầu): add from the directory, host and summoned, their order
(Ctrl+Up/Down; the delegates and the minutes follow it), connection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import ConnectionStatus
from meetingdesk.gui.dialogs.picker import PickerDialog
from meetingdesk.gui.dialogs.records import MeetingSiteDialog
from meetingdesk.gui.errors import guarded
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.directory import site_directory_model
from meetingdesk.gui.models.sites import SiteRow, connection_log_model, sites_model
from meetingdesk.gui.models.table import FoldFilterProxy
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.gui.undo import DeskSession, created
from meetingdesk.gui.widgets import button, button_row, data_table, select_id, selected_row
from meetingdesk.services import directory, headcounts, participation
from meetingdesk.services.changes import Changes

CONNECTION_BUTTONS = (ConnectionStatus.CHECKED, ConnectionStatus.CONNECTED,
                      ConnectionStatus.LOST, ConnectionStatus.RESTORED)


class SitesTab(MeetingTab):
    KINDS = frozenset({"meetings", "meeting_sites", "connection_events", "sites", "site_aliases",
                       "people", "attendances"})

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = sites_model(self)
        self.proxy = FoldFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = data_table(self.proxy, [3, None, 24, 7, 6, 6, 6, 16], parent=self)
        self.add_button = button(tr("Add from directory…"), self, self.add_site,
                                 shortcut="Ctrl+N")
        self.edit_button = button(tr("Host and summoned…"), self, self.edit_site)
        self.remove_button = button(tr("Remove"), self, self.remove_site, shortcut="Del")
        self.up_button = button(tr("Move up"), self, lambda: self.move_by(-1),
                                shortcut="Ctrl+Up")
        self.down_button = button(tr("Move down"), self, lambda: self.move_by(1),
                                  shortcut="Ctrl+Down")
        self.table.doubleClicked.connect(self.edit_button.click)  # not while final

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(button_row(self.add_button, self.edit_button, self.remove_button,
                                         self.up_button, self.down_button))
        left_layout.addWidget(self.table)

        self.site_title = QLabel(self)
        self.site_title.setWordWrap(True)
        font = self.site_title.font()
        font.setBold(True)
        self.site_title.setFont(font)
        self.remark = QLineEdit(self)
        self.remark.setPlaceholderText(tr("Remark for the log (optional)"))
        self.status_buttons = {}
        buttons = QGridLayout()
        for i, status in enumerate(CONNECTION_BUTTONS):
            b = button(label(status), self,
                       lambda _=False, s=status: self.set_connection(s))
            self.status_buttons[status] = b
            buttons.addWidget(b, i // 2, i % 2)
        self.log_model = connection_log_model(self)
        self.log_table = data_table(self.log_model, [16, 15, None], parent=self,
                                    sortable=False, fill_minimum=16)
        box = QGroupBox(tr("Connection"), self)
        controls = QVBoxLayout()
        controls.addWidget(self.site_title)
        controls.addLayout(buttons)
        controls.addWidget(self.remark)
        controls.addStretch(1)
        log = QVBoxLayout()
        log.addWidget(QLabel(tr("Log"), self))
        log.addWidget(self.log_table, 1)
        box_layout = QHBoxLayout(box)
        box_layout.addLayout(controls, 2)
        box_layout.addLayout(log, 3)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(left)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._show_log)
        self._show_log()

    def select_record(self, kind: str, ref_id: int) -> bool:
        """A site found by a search: its row, if it takes part in the meeting."""
        found = next((r.entry.meeting_site.id for r in self.model.rows()
                      if r.entry.site.id == ref_id), None)
        return found is not None and select_id(self.table, found)

    def refresh(self) -> None:
        current = self._current()
        current_id = current.entry.meeting_site.id if current else None
        self.model.set_rows(self._rows())
        if not select_id(self.table, current_id):
            self.table.selectRow(0)
        self._show_log()

    def _rows(self) -> list[SiteRow]:
        """The meeting's sites in their order, each with its host's name."""
        assert self.meeting_id is not None
        entries = participation.meeting_sites(self.desk, self.meeting_id)
        hosts = {e.meeting_site.host_person_id for e in entries} - {None}
        names = {p.id: p.full_name for p in directory.list_people(self.desk) if p.id in hosts}
        return [SiteRow(e, names.get(e.meeting_site.host_person_id, "")) for e in entries]

    def apply(self, changes: Changes) -> bool:
        """Sites moved or edited (host, summoned, count) are put right row by row, the
        selection following its site; anything else reloads."""
        if (changes.all_kinds or changes.kinds != {"meeting_sites"} or changes.inserted
                or changes.deleted):
            return False
        current = self._current()
        rows = self._rows()
        if len(rows) != self.model.rowCount():
            return False
        for number, row in enumerate(rows):
            if row != self.model.row(number):
                self.model.replace_row(number, row)
        select_id(self.table, current.entry.meeting_site.id if current else None)
        self._show_log()
        return True

    def editors(self) -> list[QWidget]:
        return [self.add_button, self.remark]

    def _current(self) -> SiteRow | None:
        return selected_row(self.table)

    def _show_log(self) -> None:
        row = self._current()
        for b in (*self.status_buttons.values(), self.edit_button, self.remove_button,
                  self.up_button, self.down_button):
            b.setEnabled(row is not None and not self.frozen)
        if row is None or row.entry.meeting_site.id is None:
            self.site_title.setText(tr("Choose a site in the list."))
            self.log_model.set_rows([])
            return
        ms = row.entry.meeting_site
        self.site_title.setText(f"{row.entry.site.name} — {label(ms.connection)}")
        self.log_model.set_rows(participation.connection_log(self.desk, ms.id))
        self.log_table.scrollToBottom()

    def site_picker(self) -> PickerDialog:
        """The directory of sites to choose from, former names shown."""
        model = site_directory_model()
        model.set_rows(directory.list_sites(self.desk))
        dialog = PickerDialog(tr("Add a site from the directory"), model,
                              [6, None, 16, 30, 0, 0], self,
                              placeholder=tr("Name, code or former name, e.g. “bac kan”"),
                              name_column=1)
        for column in (4, 5):
            dialog.table.hideColumn(column)
        return dialog

    @guarded
    def add_site(self) -> None:
        if self.meeting_id is None:
            return
        dialog = self.site_picker()
        if not dialog.exec():
            return
        site = dialog.chosen()
        mid = self.meeting_id
        ms = self.session.run(
            tr("Add the site %1").replace("%1", site.name),
            lambda: participation.add_meeting_site(self.desk, meeting_id=mid, site_id=site.id),
            new_roots=created("meeting_sites"))
        select_id(self.table, ms.id)

    @guarded
    def edit_site(self) -> None:
        row = self._current()
        if row is None:
            return
        ms = row.entry.meeting_site
        people = directory.list_people(self.desk, by_rank=True)
        local = [p for p in people if p.site_id == ms.site_id]
        others = [p for p in people if p.site_id != ms.site_id]
        dialog = MeetingSiteDialog(row.entry.site.name, ms, local + others, self)
        if not dialog.exec():
            return
        values, present, site_notes = dialog.values(), dialog.present_count(), dialog.notes()

        def edit() -> None:
            participation.update_meeting_site(self.desk, ms.id, **values)
            headcounts.report_present(self.desk, ms.id, present=present)
            headcounts.set_site_notes(self.desk, ms.id, **site_notes)

        self.session.run(tr("Edit the site %1").replace("%1", row.entry.site.name), edit,
                         [("meeting_sites", ms.id)], shallow=True)

    @guarded
    def remove_site(self) -> None:
        row = self._current()
        if row is None:
            return
        answer = QMessageBox.question(
            self, tr("Remove site"),
            tr("Remove %1 from this meeting, with its connection log?").replace(
                "%1", row.entry.site.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        ms_id = row.entry.meeting_site.id
        self.session.run(tr("Remove the site %1").replace("%1", row.entry.site.name),
                         lambda: participation.remove_meeting_site(self.desk, ms_id),
                         [("meeting_sites", ms_id)])

    @guarded
    def set_connection(self, status: ConnectionStatus) -> None:
        """One click: the site's connection status changes and the log gets a line."""
        row = self._current()
        if row is None:
            return
        ms_id = row.entry.meeting_site.id
        remark = self.remark.text() or None
        self.session.run(
            tr("%1: %2").replace("%1", row.entry.site.name).replace("%2", label(status)),
            lambda: participation.set_connection(self.desk, ms_id, status,
                                                 remark=remark),
            [("meeting_sites", ms_id)])
        self.remark.clear()

    @guarded
    def move_by(self, offset: int) -> None:
        """Move the selected site ``offset`` places in the meeting's order of sites (the
        order of the delegates' groups and of the minutes), undoably."""
        row = self._current()
        if row is None or self.meeting_id is None:
            return
        ids = [r.entry.meeting_site.id for r in self.model.rows()]
        ms_id = row.entry.meeting_site.id
        index = ids.index(ms_id)
        target = index + offset
        if not 0 <= target < len(ids):
            return
        order = list(ids)
        order[index], order[target] = order[target], order[index]
        mid = self.meeting_id
        self.proxy.sort(-1)  # the meeting's order, not a column's
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.session.run(tr("Move the site %1").replace("%1", row.entry.site.name),
                         lambda: participation.reorder_meeting_sites(self.desk, mid, order),
                         [("meeting_sites", i) for i in ids if i is not None], shallow=True)
        select_id(self.table, ms_id)
