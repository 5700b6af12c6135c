"""The meeting list's model: every meeting of the desk, of which it shows those the filter
accepts, in the chosen order.

No proxy: a proxy asks Python once per row (several times when proxies are chained) at every
key typed in the filter — about 40 ms for 1,000 meetings — while this model filters and sorts
its own rows in one Python pass and resets; the view then asks only for the rows it paints.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.domain.text import fold
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.formats import day
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.services.meetings import MeetingSummary

_STATUS_COLORS = {
    MeetingStatus.DRAFT: QColor("#5f6b7a"),
    MeetingStatus.PLANNED: QColor("#1f4e79"),
    MeetingStatus.RUNNING: QColor("#1b7a2f"),
    MeetingStatus.FINAL: QColor("#6b4f1d"),
}


def _text(s: MeetingSummary) -> str:
    return f"{s.meeting.title} {s.meeting.kind} {s.meeting.organizer or ''} {day(s.meeting.date)}"


class MeetingListModel(RowTableModel[MeetingSummary]):
    """The meetings held (:meth:`set_rows`, :meth:`put`, :meth:`drop`), shown filtered by the
    words typed, the ids the search index found and a status (:meth:`set_filter`), sorted by
    :meth:`sort` (newest first until a header is clicked)."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[MeetingSummary]] = [
            Column(lambda: tr("Date"), lambda s: day(s.meeting.date),
                   sort_key=lambda s: (s.meeting.date is not None, s.meeting.date,
                                       s.meeting.id)),
            Column(lambda: tr("Title"), lambda s: s.meeting.title, tooltip=True),
            Column(lambda: tr("Status"), lambda s: label(s.meeting.status),
                   sort_key=lambda s: list(MeetingStatus).index(s.meeting.status)),
            Column(lambda: tr("Sites"), lambda s: s.site_count, align_right=True),
            Column(lambda: tr("Delegates"), lambda s: s.delegate_count, align_right=True),
        ]
        super().__init__(
            columns, row_id=lambda s: s.meeting.id, row_text=_text,
            row_key=lambda s: s.meeting.status.value,
            row_color=lambda s: _STATUS_COLORS.get(s.meeting.status),
            row_tooltip=lambda s: f"{s.meeting.title}\n{label(s.meeting.status)} · "
                                  + tr("%1 sites, %2 delegates").replace(
                                      "%1", str(s.site_count)).replace(
                                      "%2", str(s.delegate_count)),
            parent=parent)
        self._held: list[MeetingSummary] = []
        """Every meeting, in the chosen order."""
        self._texts: dict[int | None, str] = {}
        """Each meeting's folded text, by id: made a slice at a time while the window is idle
        (:meth:`fold_ahead`, not at start-up), the rest when a filter needs them."""
        self._folded_upto = 0
        """Meetings of :attr:`_held` before this position have their text folded."""
        self._words: tuple[str, ...] = ()
        self._found: frozenset[int] = frozenset()
        self._status = ""
        self._order: tuple[int, Qt.SortOrder] | None = None

    # --- what is held --------------------------------------------------------------------

    def set_rows(self, rows: Sequence[MeetingSummary],
                 columns: Sequence[Column[MeetingSummary]] | None = None) -> None:
        """Hold these meetings; show those the filter accepts (a reset)."""
        self._texts = {}
        self._folded_upto = 0
        self._held = self._sorted(rows)
        super().set_rows(self._shown(), columns)

    def put(self, summary: MeetingSummary) -> None:
        """Hold ``summary`` (a new meeting, or a meeting's new fields or totals): its row is
        changed in place, or moved, added or taken away as the order and filter say."""
        mid = summary.meeting.id
        self._texts[mid] = fold(_text(summary))
        self._held = self._sorted([*(s for s in self._held if s.meeting.id != mid), summary])
        self._folded_upto = 0  # moved: look again (those folded are passed over quickly)
        before = self.row_of_id(mid)
        after = next((i for i, s in enumerate(self._shown()) if s.meeting.id == mid), -1)
        if before >= 0 and before == after:
            self.replace_row(before, summary)
            return
        if before >= 0:
            self.remove_row(before)
        if after >= 0:
            self.insert_row(after, summary)

    def drop(self, meeting_id: int) -> None:
        """Hold the meeting no more (it was deleted)."""
        self._held = [s for s in self._held if s.meeting.id != meeting_id]
        self._texts.pop(meeting_id, None)
        self._folded_upto = 0
        row = self.row_of_id(meeting_id)
        if row >= 0:
            self.remove_row(row)

    def held(self, meeting_id: int | None) -> MeetingSummary | None:
        """The meeting held with this id, shown or not."""
        return next((s for s in self._held if s.meeting.id == meeting_id), None)

    def held_rows(self) -> list[MeetingSummary]:
        """Every meeting held, shown or not, in the chosen order."""
        return list(self._held)

    def total(self) -> int:
        return len(self._held)

    # --- filter and order ----------------------------------------------------------------

    def set_filter(self, *, text: str | None = None, found: Iterable[int] | None = None,
                   status: str | None = None) -> bool:
        """Show the meetings whose text holds every word of ``text`` (diacritics aside) or
        whose id is ``found`` (by the search index), of ``status`` ("" for any); what is not
        given stays. True when the rows shown changed (a reset); a filter that leaves the
        same meetings shown (a first letter is in nearly every meeting's text) changes
        nothing, and the view has nothing to lay out or paint again."""
        words = self._words if text is None else tuple(fold(text).split())
        ids = self._found if found is None else frozenset(found)
        key = self._status if status is None else status
        if (words, ids, key) == (self._words, self._found, self._status):
            return False
        self._words, self._found, self._status = words, ids, key
        shown = self._shown()
        if len(shown) == len(self._rows) and list(map(id, shown)) == list(map(id, self._rows)):
            return False
        super().set_rows(shown)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the meetings themselves (one Python sort on the column's key); the rows
        shown stay the same, so the chosen meeting stays chosen."""
        if column >= len(self.columns):
            return
        self._order = (column, order) if column >= 0 else None
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        self._held = self._sorted(self._held)
        self._folded_upto = 0
        self._rows = self._shown()
        self._ranks.clear()
        self._folded = None
        new_row = {id(r): i for i, r in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[id(old[i.row()])], i.column()) for i in persistent])
        self.layoutChanged.emit()

    def _sorted(self, rows: Iterable[MeetingSummary]) -> list[MeetingSummary]:
        if self._order is None:
            return list(rows)
        column, order = self._order
        return sorted(rows, key=self._sort_key(column),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def _shown(self) -> list[MeetingSummary]:
        """The meetings the filter accepts, in order: one pass per word typed over those the
        words before it left (a thousand meetings in about 0.2 ms a word, against 2.5 ms for
        a test of every word per meeting)."""
        rows = self._held
        if not self._words and not self._status:
            return list(rows)
        if self._status:
            rows = [s for s in rows if s.meeting.status.value == self._status]
        if not self._words:
            return rows
        self.fold_ahead(len(self._held))
        texts = self._texts
        matching = rows
        for word in self._words:
            matching = [s for s in matching if word in texts[s.meeting.id]]
        if not self._found:
            return matching
        found, kept = self._found, set(map(id, matching))
        return [s for s in rows if id(s) in kept or s.meeting.id in found]

    def fold_ahead(self, count: int) -> bool:
        """Fold the texts of up to ``count`` more meetings for the filter (a thousand take
        about 17 ms: done in slices while idle, the first key typed does not pay them);
        True while some are left."""
        texts, held = self._texts, self._held
        end = min(len(held), self._folded_upto + count)
        for s in held[self._folded_upto:end]:
            if s.meeting.id not in texts:  # put() has folded a changed meeting already
                texts[s.meeting.id] = fold(_text(s))
        self._folded_upto = end
        return end < len(held)
