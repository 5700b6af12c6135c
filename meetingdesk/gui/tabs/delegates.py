"""A meeting's delegates: grouped by site, added from the directory, called by keyboard, and
delegates of equal precedence put in the order the secretariat wants (Ctrl+Up/Down)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QRegularExpression, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import AttendanceStatus, Role
from meetingdesk.domain.records import Person, Site
from meetingdesk.gui.cells import GroupLines
from meetingdesk.gui.dialogs.fields import enum_combo
from meetingdesk.gui.dialogs.headcount import ask_present
from meetingdesk.gui.dialogs.picker import PickerDialog
from meetingdesk.gui.dialogs.records import (
    AttendanceDialog,
    PersonDialog,
    offer_existing_person,
)
from meetingdesk.gui.errors import guarded
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.delegates import DelegateRow, delegates_model, grouped
from meetingdesk.gui.models.directory import PersonRow, people_model
from meetingdesk.gui.models.table import FoldFilterProxy, KeyFilterProxy
from meetingdesk.gui.read_only import reading
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import (
    SteadyScrollBar,
    button,
    button_row,
    current_row_number,
    data_table,
    select_id,
    select_row,
    selected_row,
    while_idle,
)
from meetingdesk.services import directory, headcounts, participation
from meetingdesk.services.changes import Changes

ROLL_CALL_KEYS = {
    Qt.Key.Key_C: AttendanceStatus.PRESENT, Qt.Key.Key_1: AttendanceStatus.PRESENT,
    Qt.Key.Key_Space: AttendanceStatus.PRESENT,
    Qt.Key.Key_T: AttendanceStatus.ONLINE, Qt.Key.Key_2: AttendanceStatus.ONLINE,
    Qt.Key.Key_M: AttendanceStatus.LATE, Qt.Key.Key_3: AttendanceStatus.LATE,
    Qt.Key.Key_L: AttendanceStatus.ABSENT_EXCUSED, Qt.Key.Key_4: AttendanceStatus.ABSENT_EXCUSED,
    Qt.Key.Key_V: AttendanceStatus.ABSENT, Qt.Key.Key_5: AttendanceStatus.ABSENT,
    Qt.Key.Key_0: AttendanceStatus.EXPECTED, Qt.Key.Key_Backspace: AttendanceStatus.EXPECTED,
}
"""Roll call: C/1/Space present, T/2 online, M/3 late, L/4 absent with reason, V/5 absent,
0/Backspace not called yet (the letters are the Vietnamese initials)."""

FOLD_SLICE = 200
"""Rows whose search text is folded per slice of idle time (about 2.5 ms)."""


class DelegatesTab(MeetingTab):
    KINDS = frozenset({"meetings", "attendances", "people", "sites", "meeting_sites"})

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._sites: list[Site] = []
        self._present = self._absent = 0
        self.model = delegates_model(self)
        self._folding = while_idle(self, lambda: self.model.fold_rows_ahead(FOLD_SLICE))
        """Folds the rows' texts for the search box a slice at a time while the window is
        idle, so that the first letter typed does not wait for 3,000 of them."""
        self.status_proxy = KeyFilterProxy(self)
        self.status_proxy.setSourceModel(self.model)
        self.site_proxy = QSortFilterProxyModel(self)
        self.site_proxy.setSourceModel(self.status_proxy)
        self.site_proxy.setFilterKeyColumn(0)
        self.proxy = FoldFilterProxy(self)
        self.proxy.setSourceModel(self.site_proxy)
        self.table = data_table(self.proxy, [16, 18, None, 9, 15, 12, 5], parent=self,
                                fill_minimum=20)
        self.table.setItemDelegate(GroupLines(self.table, 0))  # a line between sites
        self.table.setVerticalScrollBar(SteadyScrollBar(Qt.Orientation.Vertical, self.table))

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search delegates…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)
        self.order = QComboBox(self)
        self.order.addItem(tr("By precedence"), False)
        self.order.addItem(tr("By name (Vietnamese order)"), True)
        self.order.currentIndexChanged.connect(self._order_changed)
        self.site_filter = QComboBox(self)
        self.site_filter.currentIndexChanged.connect(self._filter_site)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(tr("All statuses"), "")
        for status in AttendanceStatus:
            self.status_filter.addItem(label(status), status.value)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.status_proxy.set_key(self.status_filter.currentData()))
        reading(self.search, self.order, self.site_filter, self.status_filter)

        self.add_button = button(tr("Add from directory…"), self, self.add_from_directory,
                                 shortcut="Ctrl+N")
        self.new_button = button(tr("New person…"), self, self.add_new_person)
        self.edit_button = button(tr("Edit…"), self, self.edit_delegate)
        self.remove_button = button(tr("Remove"), self, self.remove_delegate, shortcut="Del")
        self.up_button = button(tr("Move up"), self, lambda: self.move_by(-1),
                                shortcut="Ctrl+Up",
                                tip=tr("Move up among delegates of equal precedence"))
        self.down_button = button(tr("Move down"), self, lambda: self.move_by(1),
                                  shortcut="Ctrl+Down",
                                  tip=tr("Move down among delegates of equal precedence"))
        self.roll_call = QPushButton(tr("Roll call"), self)
        self.roll_call.setCheckable(True)
        roll_call = QAction(tr("Roll call mode"), self)  # listed in Help ▸ Keyboard shortcuts
        roll_call.setShortcut(QKeySequence("Ctrl+R"))
        roll_call.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        roll_call.triggered.connect(self.roll_call.click)  # nothing while it is disabled
        self.addAction(roll_call)
        self.roll_call.setToolTip(tr("Roll call mode (Ctrl+R)"))
        self.roll_call.toggled.connect(self._roll_call_toggled)
        self.hint = QLabel(tr("Roll call: C or 1 present · T or 2 online · M or 3 late · "
                              "L or 4 absent with reason · V or 5 absent · 0 undo the call · "
                              "S the site's present count; arrows move."), self)
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)
        self.summary = QLabel(self)
        self._summary_sized_for = ""
        """The number of delegates the summary's width was computed for."""
        self.table.doubleClicked.connect(self.edit_button.click)  # not while final
        self.table.installEventFilter(self)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.site_filter, 1)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.order, 1)
        actions = button_row(self.add_button, self.new_button, self.edit_button,
                             self.remove_button, self.up_button, self.down_button)
        actions.addWidget(self.summary)
        actions.addWidget(self.roll_call)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.meeting_id is None:
            return
        current = self._current()
        current_id = current.entry.attendance.id if current else None
        entries = participation.attendance_list(self.desk, self.meeting_id)
        site_entries = participation.meeting_sites(self.desk, self.meeting_id)
        self._sites = [e.site for e in site_entries]
        order = {e.site.id: i for i, e in enumerate(site_entries)}
        rows = grouped(entries, order, by_name=bool(self.order.currentData()))
        self.model.set_rows(rows)
        self._folding.start()
        self._fill_site_filter(rows)
        self._present = self._absent = 0
        for r in rows:
            self._count(r.entry.attendance.status, 1)
        self._show_summary()
        if not select_id(self.table, current_id) and self.proxy.rowCount():
            select_row(self.table, 0)
        if self.frozen:
            self.roll_call.setChecked(False)

    def apply(self, changes: Changes) -> bool:
        """Changed attendances are put right row by row (a roll-call key changes one cell of
        3,000 rows; a move swaps two rows); anything else reloads."""
        if (changes.all_kinds or changes.kinds - {"attendances"} or changes.inserted
                or changes.deleted):
            return False
        numbers: list[int] = []
        rows: list[DelegateRow] = []
        moved = False
        for att_id in changes.ids("attendances"):
            number = self.model.row_of_id(att_id)
            if number < 0:
                return False
            entry = participation.attendance_entry(self.desk, att_id)
            old = self.model.row(number)
            if entry.attendance.site_id != old.entry.attendance.site_id:
                return False  # it moves to another site's group
            moved |= entry.attendance.position != old.entry.attendance.position
            numbers.append(number)
            rows.append(replace(old, entry=entry))
        if moved and not self.order.currentData():
            rows.sort(key=_precedence)  # the moved rows take each other's places
            numbers.sort()
            if not _in_order(self.model.rows(), dict(zip(numbers, rows, strict=True))):
                return False
        for number, row in zip(numbers, rows, strict=True):
            old = self.model.row(number)
            self._count(old.entry.attendance.status, -1)
            self._count(row.entry.attendance.status, 1)
            self.model.replace_row(number, row)
        self._show_summary()
        return True

    def _count(self, status: AttendanceStatus, step: int) -> None:
        if status.is_present:
            self._present += step
        elif status.is_absent:
            self._absent += step

    def _show_summary(self) -> None:
        """The counts, in a label as wide as its widest text for this many delegates: a
        roll-call key then repaints the label alone, where a label that takes its text's
        width has the window laid out again at every key (and, when a count gains a digit,
        every widget of the tab repainted)."""
        listed = str(self.model.rowCount())
        if listed != self._summary_sized_for:
            self._summary_sized_for = listed
            metrics = self.summary.fontMetrics()
            digit = max("0123456789", key=metrics.horizontalAdvance)
            widest = _summary_text(listed, digit * len(listed), digit * len(listed))
            # a fixed size: a new text does not ask the layout for room (updateGeometry)
            self.summary.setFixedSize(
                metrics.horizontalAdvance(widest) + metrics.averageCharWidth(), metrics.height())
        self.summary.setText(_summary_text(listed, str(self._present), str(self._absent)))

    def select_record(self, kind: str, ref_id: int) -> bool:
        """A person found by a search: their row on the list, if they are on it."""
        self.search.clear()
        found = next((r.entry.attendance.id for r in self.model.rows()
                      if r.entry.person.id == ref_id), None)
        return found is not None and select_id(self.table, found)

    def _order_changed(self) -> None:
        self.proxy.sort(-1)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.refresh()

    def _fill_site_filter(self, rows: list[DelegateRow]) -> None:
        chosen = self.site_filter.currentData()
        names = list(dict.fromkeys(r.site_name for r in rows))
        if self.site_filter.count() and names == [
                self.site_filter.itemData(i) for i in range(1, self.site_filter.count())]:
            return  # the same sites: the list and the choice stay as they are
        self.site_filter.blockSignals(True)
        self.site_filter.clear()
        self.site_filter.addItem(tr("All sites"), "")
        for n in names:
            self.site_filter.addItem(n, n)
        self.site_filter.setCurrentIndex(max(0, self.site_filter.findData(chosen)))
        self.site_filter.blockSignals(False)
        self._filter_site()

    def _filter_site(self) -> None:
        name = self.site_filter.currentData() or ""
        pattern = f"^{QRegularExpression.escape(name)}$" if name else ""
        self.site_proxy.setFilterRegularExpression(QRegularExpression(pattern))

    def editors(self) -> list[QWidget]:
        return [self.add_button, self.new_button, self.edit_button, self.remove_button,
                self.up_button, self.down_button, self.roll_call]

    def _current(self) -> DelegateRow | None:
        return selected_row(self.table)

    # --- roll call ---------------------------------------------------------------------------

    def _roll_call_toggled(self, on: bool) -> None:
        self.hint.setVisible(on)
        if on:
            self.table.setFocus()
            if self._current() is None:
                select_row(self.table, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and self.roll_call.isChecked()
                and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            status = ROLL_CALL_KEYS.get(Qt.Key(event.key()))
            if status is not None:
                self.mark(status)
                return True
            if event.key() == Qt.Key.Key_S:
                self.report_present()
                return True
        return super().eventFilter(watched, event)

    @guarded
    def report_present(self) -> None:
        """Enter the present count of the current delegate's site (S, then Enter)."""
        row = self._current()
        if row is None or self.meeting_id is None:
            return
        entry = next((e for e in participation.meeting_sites(self.desk, self.meeting_id)
                      if e.site.id == row.entry.attendance.site_id), None)
        if entry is None or entry.meeting_site.id is None:
            return
        present = ask_present(self, entry.site.name, entry.headcount)
        if present is None:
            return
        ms_id = entry.meeting_site.id
        self.session.run(
            tr("Present at %1: %2").replace("%1", entry.site.name).replace("%2", str(present)),
            lambda: headcounts.report_present(self.desk, ms_id, present=present),
            [("meeting_sites", ms_id)], shallow=True)

    @guarded
    def mark(self, status: AttendanceStatus, reason: str | None = None) -> None:
        """Mark the current delegate and move to the next one."""
        row = self._current()
        if row is None:
            return
        if status is AttendanceStatus.ABSENT_EXCUSED and reason is None:
            reason, ok = QInputDialog.getText(
                self, tr("Absent with reason"),
                tr("Reason for %1's absence:").replace("%1", row.entry.person.full_name),
                text=row.entry.attendance.reason or "")
            if not ok:
                return
        number = current_row_number(self.table)
        att_id = row.entry.attendance.id
        changes: dict[str, object] = {"status": status}
        if status is AttendanceStatus.ABSENT_EXCUSED:
            changes["reason"] = reason
        elif row.entry.attendance.reason and not status.is_absent:
            changes["reason"] = None
        self.session.run(
            tr("Roll call: %1, %2").replace("%1", row.entry.person.full_name).replace(
                "%2", label(status)),
            lambda: participation.update_attendance(self.desk, att_id, **changes),
            [("attendances", att_id)], shallow=True)
        select_row(self.table, number + 1)

    # --- editing -----------------------------------------------------------------------------

    def _site_choices(self, person: Person) -> list[Site]:
        sites = list(self._sites)
        if person.site_id is not None and all(s.id != person.site_id for s in sites):
            sites.insert(0, directory.get_site(self.desk, person.site_id))
        return sites

    def person_picker(self) -> tuple[PickerDialog, QComboBox]:
        """The directory of people not yet on the list, with the role to give."""
        model = people_model()
        on_list = {r.entry.person.id for r in self.model.rows()}
        sites = {s.id: s.name for s in directory.list_sites(self.desk)}
        model.set_rows([PersonRow(p, sites.get(p.site_id, ""))
                        for p in directory.list_people(self.desk) if p.id not in on_list])
        dialog = PickerDialog(tr("Add a delegate from the directory"), model,
                              [22, None, 24, 16, 0, 0], self,
                              placeholder=tr("Name, title or organization"))
        for column in (4, 5):
            dialog.table.hideColumn(column)
        role = enum_combo(Role, dialog)
        role.setCurrentIndex(max(0, role.findData(Role.DELEGATE)))
        dialog.form.addRow(tr("Role"), role)
        return dialog, role

    @guarded
    def add_from_directory(self) -> None:
        if self.meeting_id is None:
            return
        dialog, role = self.person_picker()
        if not dialog.exec():
            return
        person = dialog.chosen().person
        self._add(person, role.currentData())

    @guarded
    def add_new_person(self) -> None:
        if self.meeting_id is None:
            return
        current = self._current()
        default_site = current.entry.attendance.site_id if current else None
        dialog = PersonDialog(None, directory.list_sites(self.desk), self,
                              default_site=default_site)
        role = enum_combo(Role, dialog)
        role.setCurrentIndex(max(0, role.findData(Role.DELEGATE)))
        dialog.form.addRow(tr("Role"), role)
        if not dialog.exec():
            return
        values = dialog.values()
        mid = self.meeting_id
        chosen_role = role.currentData()
        existing = offer_existing_person(self, self.desk, values)
        if existing is False:
            return
        if isinstance(existing, Person):
            on_list = {r.entry.person.id: r for r in self.model.rows()}
            if existing.id in on_list:
                select_id(self.table, on_list[existing.id].entry.attendance.id)
            else:
                self._add(existing, chosen_role)
            return

        def action() -> tuple[Person, object]:
            person = directory.add_person(self.desk, **values)
            assert person.id is not None
            att = participation.add_attendance(self.desk, meeting_id=mid, person_id=person.id,
                                               role=chosen_role)
            return person, att

        _, att = self.session.run(
            tr("Add the delegate %1").replace("%1", str(values["full_name"])), action,
            new_roots=lambda r: [("people", r[0].id), ("attendances", r[1].id)])
        select_id(self.table, att.id)

    def _add(self, person: Person, role: Role) -> None:
        mid = self.meeting_id
        assert mid is not None and person.id is not None
        pid = person.id
        att = self.session.run(
            tr("Add the delegate %1").replace("%1", person.full_name),
            lambda: participation.add_attendance(self.desk, meeting_id=mid, person_id=pid,
                                                 role=role),
            new_roots=lambda a: [("attendances", a.id)])
        select_id(self.table, att.id)

    @guarded
    def edit_delegate(self) -> None:
        row = self._current()
        if row is None:
            return
        dialog = AttendanceDialog(row.entry.person.full_name, row.entry.attendance,
                                  self._site_choices(row.entry.person), self)
        if not dialog.exec():
            return
        values = dialog.values()
        att_id = row.entry.attendance.id
        self.session.run(tr("Edit the delegate %1").replace("%1", row.entry.person.full_name),
                         lambda: participation.update_attendance(self.desk, att_id, **values),
                         [("attendances", att_id)], shallow=True)

    @guarded
    def remove_delegate(self) -> None:
        row = self._current()
        if row is None:
            return
        answer = QMessageBox.question(
            self, tr("Remove delegate"),
            tr("Remove %1 from this meeting?").replace("%1", row.entry.person.full_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        att_id = row.entry.attendance.id
        self.session.run(tr("Remove the delegate %1").replace("%1", row.entry.person.full_name),
                         lambda: participation.remove_attendance(self.desk, att_id),
                         [("attendances", att_id)])

    @guarded
    def move_by(self, offset: int) -> None:
        """Move the selected delegate ``offset`` places among the delegates of the same site
        and the same precedence (ties keep the order the secretariat gives them), undoably;
        past a delegate of another site or precedence the reason is said instead."""
        row = self._current()
        if row is None or self.meeting_id is None:
            return
        if self.order.currentData():
            QMessageBox.information(self, tr("Move delegate"), tr(
                "Delegates are moved in precedence order: choose “By precedence” first."))
            return
        rows = self.model.rows()  # protocol order
        att_id = row.entry.attendance.id
        index = self.model.row_of_id(att_id)
        target = index + offset
        if not 0 <= target < len(rows):
            return
        other = rows[target]
        if other.group != row.group:
            QMessageBox.information(self, tr("Move delegate"), tr(
                "Delegates are grouped by site: to put %1's site before or after another, "
                "move it on the Sites tab.").replace("%1", row.entry.person.full_name))
            return
        if other.entry.person.rank != row.entry.person.rank:
            QMessageBox.information(self, tr("Move delegate"), tr(
                "%1 and %2 follow the order of precedence of their titles; to change it, set "
                "the precedence in the person's dialog (Directory ▸ People…).")
                .replace("%1", row.entry.person.full_name)
                .replace("%2", other.entry.person.full_name))
            return
        order = [r.entry.attendance.id for r in sorted(
            rows, key=lambda r: (r.entry.attendance.position, r.entry.attendance.id))]
        a, b = order.index(att_id), order.index(other.entry.attendance.id)
        order[a], order[b] = order[b], order[a]
        mid = self.meeting_id
        self.proxy.sort(-1)  # protocol order, not a column's
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.session.run(
            tr("Move the delegate %1").replace("%1", row.entry.person.full_name),
            lambda: participation.reorder_attendances(self.desk, mid, order),
            [("attendances", i) for i in order if i is not None], shallow=True)
        select_id(self.table, att_id)


def _summary_text(listed: str, present: str, absent: str) -> str:
    return tr("%1 delegates: %2 present, %3 absent").replace("%1", listed).replace(
        "%2", present).replace("%3", absent)


def _precedence(row: DelegateRow) -> tuple[int, int, int]:
    """A row's place in protocol order (its site's group, its precedence, its position)."""
    return (row.group, row.entry.person.rank, row.entry.attendance.position)


def _in_order(rows: list[DelegateRow], placed: dict[int, DelegateRow]) -> bool:
    """Whether ``rows`` stay in protocol order once the rows ``placed`` (by row number) take
    their places (each placed row compared with its neighbours)."""
    for number in placed:
        for a, b in ((number - 1, number), (number, number + 1)):
            if a >= 0 and b < len(rows) and _precedence(placed.get(a, rows[a])) > _precedence(
                    placed.get(b, rows[b])):
                return False
    return True
