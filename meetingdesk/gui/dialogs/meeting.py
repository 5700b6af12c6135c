"""New meeting, and new meeting from a previous one."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from meetingdesk.domain.records import Meeting, Site
from meetingdesk.gui.dialogs.fields import FormDialog, OptionalDateTime
from meetingdesk.gui.i18n import tr


def next_morning() -> datetime:
    now = datetime.now()
    return (now + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)


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
        self.start = OptionalDateTime(self)
        self.start.set_value(next_morning())
        self.end = OptionalDateTime(self)
        self.main_site = QComboBox(self)
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

    def values(self) -> dict[str, object]:
        return {
            "title": self.title.text(), "kind": self.kind.text(),
            "organizer": self.organizer.text() or None, "planned_start": self.start.value(),
            "planned_end": self.end.value(), "main_site_id": self.main_site.currentData(),
        }
