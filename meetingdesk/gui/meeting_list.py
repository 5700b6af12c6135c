"""The meeting list at the side: search as you type (its text, and from three letters the
search index), status filter, new, copy, delete.

Typing in the filter never changes the meeting the window shows: the chosen meeting stays
selected while its row is shown, and a meeting is chosen only by the user — a click, the
arrow keys in the list, or Enter / Down in the filter (which go to the list, Enter choosing its
first meeting). Choosing a meeting loads its visible tab, too much work to do at every key."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.meetings import MeetingListModel
from meetingdesk.gui.widgets import (
    data_table,
    select_id,
    select_row,
    selected_row,
    while_idle,
)
from meetingdesk.services import meetings
from meetingdesk.services.changes import Changes
from meetingdesk.services.meetings import MeetingSummary
from meetingdesk.store.desk import Desk

if TYPE_CHECKING:
    from meetingdesk.gui.search_thread import SearchThread

INDEX_FROM = 3
"""From this many characters typed, the filter also asks the search index (a meeting whose
site, people, agenda or notes match); shorter ones match the list's own text."""
FOLD_SLICE = 100
"""Meetings whose text is folded for the filter in one idle moment (about 2 ms)."""


class MeetingList(QWidget):
    """Emits ``meeting_chosen`` with the id of the meeting chosen (or ``None``)."""

    meeting_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MeetingListModel(self)
        self._index: Callable[[], SearchThread] | None = None
        self._searcher: SearchThread | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search meetings…"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(tr("Enter opens the first meeting found; Down goes to the "
                                  "list."))
        self.search.textChanged.connect(self._query_changed)
        self.search.installEventFilter(self)
        self.status = QComboBox(self)
        self.status.addItem(tr("All statuses"), "")
        for s in MeetingStatus:
            self.status.addItem(label(s), s.value)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.table = data_table(self.model, [10, None, 12, 0, 0], parent=self, fill_minimum=14)
        for hidden in (2, 3, 4):  # status by colour, filter and tooltip; totals in the tooltip
            self.table.hideColumn(hidden)
        # The scroll bar stays where it is while the filter changes the number of rows: were
        # it to come and go, the title column's width would follow, and every title shown
        # would be laid out again for its new width.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(QLabel(tr("Meetings"), self))
        layout.addWidget(self.search)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self._chosen: int | None = None
        self._rows_moving = False
        self._folding = while_idle(self, lambda: self.model.fold_ahead(FOLD_SLICE))
        """Folds the meetings' texts for the filter a slice at a time while the window is
        idle, so that the first key typed does not wait for them."""

    def load(self, desk: Desk | None, keep: int | None = None) -> None:
        """(Re)load the list; keep the meeting ``keep`` (or the chosen one) chosen, else
        choose the first one shown."""
        keep = keep if keep is not None else self._chosen
        with self._moving_rows():
            self.model.set_rows(meetings.list_meetings(desk) if desk else [])
        self._folding.start()
        if self.model.held(keep) is not None:
            self._choose(keep)
            self._keep_selection()
        else:
            self._choose_first()
        self._update_count()

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
        with self._moving_rows():
            for meeting_id in sorted(changes.meetings):
                summary = meetings.meeting_summary(desk, meeting_id)
                if summary is None:
                    self.model.drop(meeting_id)
                else:
                    self.model.put(summary)
        if self._chosen is None or self.model.held(self._chosen) is None:
            self._choose_first()  # the meeting shown was deleted: the list moves on
        else:
            self._keep_selection()
        self._update_count()

    def current(self) -> MeetingSummary | None:
        """The chosen meeting — the one the window shows — even while the filter hides its
        row."""
        return self.model.held(self._chosen)

    def current_id(self) -> int | None:
        return self._chosen if self.model.held(self._chosen) is not None else None

    def choose(self, meeting_id: int | None) -> bool:
        """Choose the meeting ``meeting_id`` and select its row; False when the filter hides
        it (or there is no such meeting)."""
        if not select_id(self.table, meeting_id):
            return False
        self._choose(meeting_id)  # also when its row was already the current one
        return True

    def use_index(self, searcher: Callable[[], SearchThread] | None) -> None:
        """Filter through the desk's search index as well, asking ``searcher()`` for the
        desk's search thread at the first query that needs it (``None`` when the desk
        closes)."""
        if self._searcher is not None:
            self._searcher.meetings_found.disconnect(self._found)
        self._index, self._searcher = searcher, None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                self._choose_first()  # the first meeting found
                return True
            if event.key() == Qt.Key.Key_Down:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if selected_row(self.table) is None:
                    self._choose_first()
                return True
        return super().eventFilter(watched, event)

    def _query_changed(self, text: str) -> None:
        self._filter(text=text, found=())
        if self._index is not None and len(text.strip()) >= INDEX_FROM:
            if self._searcher is None:
                self._searcher = self._index()
                self._searcher.meetings_found.connect(self._found)
            self._searcher.meetings(text)

    def _found(self, _number: int, ids: set[int]) -> None:
        self._filter(found=ids)

    def _status_changed(self) -> None:
        self._filter(status=self.status.currentData())

    def _filter(self, **wanted: object) -> None:
        with self._moving_rows():
            changed = self.model.set_filter(**wanted)  # type: ignore[arg-type]
        if changed:
            self._keep_selection()
            self._update_count()

    @contextmanager
    def _moving_rows(self) -> Iterator[None]:
        """While the model's rows change, the selection they move is not a choice."""
        self._rows_moving = True
        try:
            yield
        finally:
            self._rows_moving = False

    def _keep_selection(self) -> None:
        """Select the chosen meeting's row when it is shown, nothing when it is not."""
        with self._moving_rows():
            if not select_id(self.table, self._chosen):
                self.table.selectionModel().clear()

    def _choose_first(self) -> None:
        select_row(self.table, 0)
        first = selected_row(self.table)
        self._choose(first.meeting.id if first is not None else None)

    def _update_count(self) -> None:
        self.count.setText(tr("%1 of %2 meetings").replace("%1", str(self.model.rowCount()))
                           .replace("%2", str(self.model.total())))

    def _selection_changed(self) -> None:
        if self._rows_moving:
            return
        selected = selected_row(self.table)
        if selected is not None:
            self._choose(selected.meeting.id)

    def _choose(self, meeting_id: int | None) -> None:
        if meeting_id != self._chosen:
            self._chosen = meeting_id
            self.meeting_chosen.emit(meeting_id)
