"""The meeting list at the side: search as you type (its text, and from three letters the
search index), status filter, new, copy, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.meetings import meetings_model
from meetingdesk.gui.models.table import SORT_ROLE, IndexedFilterProxy, KeyFilterProxy
from meetingdesk.gui.search_thread import SearchThread
from meetingdesk.gui.widgets import data_table, select_id, select_row, selected_row
from meetingdesk.services import meetings
from meetingdesk.services.changes import Changes
from meetingdesk.services.meetings import MeetingSummary
from meetingdesk.store.desk import Desk

INDEX_FROM = 3
"""From this many characters typed, the filter also asks the search index (a meeting whose
site, people, agenda or notes match); shorter ones match the list's own text."""


class MeetingList(QWidget):
    """Emits ``meeting_chosen`` with the id of the meeting selected (or ``None``)."""

    meeting_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = meetings_model(self)
        # text first, over the model itself (cheap per row); status and sorting above it
        self.text_proxy = IndexedFilterProxy(self)
        self.text_proxy.setSourceModel(self.model)
        self.proxy = KeyFilterProxy(self)
        self.proxy.setSourceModel(self.text_proxy)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)
        self._searcher: SearchThread | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search meetings…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._query_changed)
        self.status = QComboBox(self)
        self.status.addItem(tr("All statuses"), "")
        for s in MeetingStatus:
            self.status.addItem(label(s), s.value)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.table = data_table(self.proxy, [10, None, 12, 0, 0], parent=self, fill_minimum=14)
        for hidden in (2, 3, 4):  # status by colour, filter and tooltip; totals in the tooltip
            self.table.hideColumn(hidden)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(QLabel(tr("Meetings"), self))
        layout.addWidget(self.search)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._last: int | None = None

    def load(self, desk: Desk | None, keep: int | None = None) -> None:
        """(Re)load the list; keep the meeting ``keep`` (or the current one) selected."""
        keep = keep if keep is not None else self.current_id()
        self.model.set_rows(meetings.list_meetings(desk) if desk else [])
        if not select_id(self.table, keep):
            select_row(self.table, 0)
        self._update_count()
        self._current_changed()

    def apply(self, desk: Desk, changes: Changes) -> None:
        """Put right the rows of the meetings ``changes`` names (their title, status, date or
        totals); a change of anything on the desk reloads the list."""
        if changes.all_kinds and changes.desk_wide:
            self.load(desk)
            return
        counted = {t for t, _ in changes.inserted | changes.deleted}
        if not (changes.all_kinds or "meetings" in changes.kinds
                or counted & {"meeting_sites", "attendances"}):
            return  # the list shows a meeting's own fields and its totals, nothing else
        for meeting_id in sorted(changes.meetings):
            summary = meetings.meeting_summary(desk, meeting_id)
            number = self.model.row_of_id(meeting_id)
            if summary is None:
                if number >= 0:
                    self.model.remove_row(number)
            elif number < 0:
                self.model.insert_row(self.model.rowCount(), summary)
            else:
                self.model.replace_row(number, summary)
        self._after_filter()

    def current(self) -> MeetingSummary | None:
        return selected_row(self.table)

    def current_id(self) -> int | None:
        s = self.current()
        return s.meeting.id if s else None

    def choose(self, meeting_id: int | None) -> bool:
        return select_id(self.table, meeting_id)

    def use_index(self, searcher: SearchThread | None) -> None:
        """Filter through the desk's search index as well (``None`` when the desk closes)."""
        if self._searcher is not None:
            self._searcher.meetings_found.disconnect(self._found)
        self._searcher = searcher
        if searcher is not None:
            searcher.meetings_found.connect(self._found)

    def _query_changed(self, text: str) -> None:
        self.text_proxy.set_found(set())
        self.text_proxy.set_query(text)
        self._after_filter()
        if self._searcher is not None and len(text.strip()) >= INDEX_FROM:
            self._searcher.meetings(text)

    def _found(self, _number: int, ids: set[int]) -> None:
        self.text_proxy.set_found(ids)
        self._after_filter()

    def _status_changed(self) -> None:
        self.proxy.set_key(self.status.currentData())
        self._after_filter()

    def _after_filter(self) -> None:
        if self.current() is None:
            select_row(self.table, 0)
        self._update_count()
        self._current_changed()

    def _update_count(self) -> None:
        self.count.setText(tr("%1 of %2 meetings").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))

    def _current_changed(self) -> None:
        chosen = self.current_id()
        if chosen != self._last:
            self._last = chosen
            self.meeting_chosen.emit(chosen)
