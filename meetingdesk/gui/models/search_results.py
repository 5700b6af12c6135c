"""The results of a desk-wide search, grouped by kind (notes, people, sites, agenda items,
documents), each group in the order of relevance."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from meetingdesk.domain.records import SearchHit
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.formats import day

HIT_ROLE = Qt.ItemDataRole.UserRole
"""The :class:`SearchHit` of a result row (``None`` on a group's row)."""

GROUPS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("note", lambda: tr("Notes")),
    ("agenda", lambda: tr("Agenda items")),
    ("person", lambda: tr("People")),
    ("site", lambda: tr("Sites")),
    ("document", lambda: tr("Documents")),
)


class SearchResultsModel(QStandardItemModel):
    """Two columns: the text found, and its meeting (title and date)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([tr("Found"), tr("Meeting")])

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Show ``hits`` grouped by kind (a kind without hits has no group)."""
        self.removeRows(0, self.rowCount())
        for kind, title in GROUPS:
            found = [h for h in hits if h.kind == kind]
            if not found:
                continue
            group = QStandardItem(f"{title()} ({len(found)})")
            group.setEditable(False)
            group.setSelectable(False)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            filler = QStandardItem("")
            filler.setEditable(False)
            filler.setSelectable(False)
            for hit in found:
                text = QStandardItem(" ".join(hit.text.split()))
                text.setToolTip(hit.text)
                where = QStandardItem(
                    f"{day(hit.meeting_date)} — {hit.meeting_title}" if hit.meeting_title
                    else tr("(directory)"))
                for item in (text, where):
                    item.setEditable(False)
                    item.setData(hit, HIT_ROLE)
                group.appendRow([text, where])
            self.appendRow([group, filler])
