"""New meeting, and new meeting from a previous one."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from meetingdesk.domain.records import Meeting, Site
from meetingdesk.domain.when import default_times, end_after
from meetingdesk.gui.dialogs.date_fields import DateTimeField
from meetingdesk.gui.dialogs.fields import FormDialog
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.widgets import fold_search


class MeetingDialog(FormDialog):
    """Title, kind, organizer, planned times and main venue of a new meeting."""

    def __init__(self, sites: list[Site], parent: QWidget | None = None, *,
                 source: Meeting | None = None) -> None:
        super().__init__(tr("New meeting from a previous one") if source else tr("New meeting"),
                         parent)
        self.title = QLineEdit(source.title if source else "", self)
        self.title.setPlaceholderText(tr("e.g. Quarterly online briefing"))
        self.kind = QLineEdit(source.kind if source else tr("Online conference"), self)
        self.organizer = QLineEdit((source.organizer or "") if source else "", self)
        times = default_times(datetime.now())
        self.start = DateTimeField(self)
        self.start.set_value(times.start)
        self.end = DateTimeField(self)
        self.end.set_value(times.end)
        self.end.reference = times.end
        self.start.changed.connect(self._follow_start)
        self.main_site = fold_search(QComboBox(self))
        self.main_site.addItem(tr("(none)"), None)
        for s in sites:
            self.main_site.addItem(s.name, s.id)
        if source and source.main_site_id is not None:
            self.main_site.setCurrentIndex(max(0, self.main_site.findData(source.main_site_id)))
        self.form.addRow(tr("Title"), self.title)
        if source is None:
            self.form.addRow(tr("Kind"), self.kind)
            self.form.addRow(tr("Organizer"), self.organizer)
        self.form.addRow(tr("Planned start"), self.start)
        if source is None:
            self.form.addRow(tr("Planned end"), self.end)
            self.form.addRow(tr("Main venue"), self.main_site)
        self.title.setFocus()
        self.setMinimumWidth(640)

    def _follow_start(self) -> None:
        """The end stays after the start, on the same day; a time typed alone in the end
        field is taken on the start's day."""
        start = self.start.value()
        if start is None or not self.start.is_valid():
            return
        self.end.reference = start
        if self.end.is_valid():
            end = end_after(start, self.end.value())
            if end != self.end.value():
                self.end.set_value(end)

    def values(self) -> dict[str, object]:
        return {
            "title": self.title.text(), "kind": self.kind.text(),
            "organizer": self.organizer.text() or None, "planned_start": self.start.value(),
            "planned_end": self.end.value(), "main_site_id": self.main_site.currentData(),
        }
