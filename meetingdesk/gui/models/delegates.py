"""A meeting's delegates, grouped by site, in precedence or Vietnamese name order."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCollator, QLocale, QObject
from PySide6.QtGui import QColor

from meetingdesk.domain.enums import AttendanceStatus
from meetingdesk.domain.text import name_key
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.formats import clock
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.services.participation import AttendanceEntry

_STATUS_COLORS = {
    AttendanceStatus.PRESENT: QColor("#1b7a2f"),
    AttendanceStatus.ONLINE: QColor("#1b7a2f"),
    AttendanceStatus.LATE: QColor("#8a5a00"),
    AttendanceStatus.ABSENT_EXCUSED: QColor("#b3261e"),
    AttendanceStatus.ABSENT: QColor("#b3261e"),
}


@dataclass(frozen=True, slots=True)
class DelegateRow:
    entry: AttendanceEntry
    group: int
    """The site's place in the meeting (rows are grouped by it)."""

    @property
    def site_name(self) -> str:
        return self.entry.site.name if self.entry.site else tr("(no site)")


@functools.cache
def vietnamese_collator() -> QCollator:
    """Vietnamese collation for names: ``Đ`` after ``D``, tones in dictionary order."""
    return QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))


def name_order_key(full_name: str) -> tuple[object, object, str]:
    """Given name (last word) first, then the family and middle names, with QCollator."""
    collator = vietnamese_collator()
    family, _, given = full_name.rpartition(" ")
    return (collator.sortKey(given.casefold()), collator.sortKey(family.casefold()), full_name)


def grouped(entries: Sequence[AttendanceEntry], site_order: dict[int | None, int], *,
            by_name: bool) -> list[DelegateRow]:
    """Rows grouped by site (in the meeting's order), then by precedence or by name."""
    rows = [DelegateRow(e, site_order.get(e.attendance.site_id, len(site_order)))
            for e in entries]
    if by_name:
        keyed = [(r.group, name_order_key(r.entry.person.full_name), r) for r in rows]
        keyed.sort(key=functools.cmp_to_key(_compare_keyed))
        return [k[2] for k in keyed]
    return sorted(rows, key=lambda r: (r.group, r.entry.person.rank,
                                       r.entry.attendance.position))


def _compare_keyed(a: tuple[int, tuple[object, object, str], DelegateRow],
                   b: tuple[int, tuple[object, object, str], DelegateRow]) -> int:
    if a[0] != b[0]:
        return -1 if a[0] < b[0] else 1
    for x, y in zip(a[1][:2], b[1][:2], strict=True):
        c = x.compare(y)  # QCollatorSortKey
        if c:
            return c
    return (a[1][2] > b[1][2]) - (a[1][2] < b[1][2])


def delegates_model(parent: QObject | None = None) -> RowTableModel[DelegateRow]:
    columns: list[Column[DelegateRow]] = [
        Column(lambda: tr("Site"), lambda r: r.site_name,
               sort_key=lambda r: (r.group, r.entry.person.rank), tooltip=True),
        Column(lambda: tr("Full name"), lambda r: r.entry.person.full_name,
               sort_key=lambda r: name_key(r.entry.person.full_name)),
        Column(lambda: tr("Titles"), lambda r: r.entry.person.title_line, tooltip=True),
        Column(lambda: tr("Role"), lambda r: label(r.entry.attendance.role)),
        Column(lambda: tr("Attendance"), lambda r: label(r.entry.attendance.status)),
        Column(lambda: tr("Reason"), lambda r: r.entry.attendance.reason or "", tooltip=True),
        Column(lambda: tr("Check-in"), lambda r: clock(r.entry.attendance.checked_in_at)),
    ]
    return RowTableModel(
        columns, row_id=lambda r: r.entry.attendance.id,
        row_text=lambda r: " ".join((r.entry.person.full_name, r.entry.person.title_line,
                                     r.site_name, r.entry.person.organization or "")),
        row_key=lambda r: r.entry.attendance.status.value,
        row_color=lambda r: _STATUS_COLORS.get(r.entry.attendance.status), parent=parent)
