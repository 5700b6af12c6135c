"""Dialogs of the task register: edit a task, add a progress report."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from meetingdesk.domain.enums import TaskStatus
from meetingdesk.domain.records import Person, Site, Task
from meetingdesk.gui.dialogs.fields import FormDialog, enum_combo, set_combo_data
from meetingdesk.gui.dialogs.records import people_combo, sites_combo
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label

DATE_FORMAT = "dd/MM/yyyy"


class OptionalDate(QWidget):
    """A date that may be left unset (a task with no due date)."""

    def __init__(self, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self)
        self.enabled.setToolTip(tr("Set"))
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setDate(QDate(value) if value else QDate.currentDate())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.enabled.isChecked() else None


class TaskDialog(FormDialog):
    """What was assigned, to whom, by when, and its status."""

    def __init__(self, task: Task, people: list[Person], sites: list[Site], *,
                 frozen: bool, parent: QWidget | None = None) -> None:
        super().__init__(tr("Edit task"), parent)
        self.description = QLineEdit(task.description, self)
        self.unit = QLineEdit(task.owner_unit or "", self)
        self.person = people_combo(people, task.owner_person_id, self)
        self.site = sites_combo(sites, task.owner_site_id, self)
        self.due = OptionalDate(task.due_on, self)
        self.status = enum_combo(TaskStatus, self)
        set_combo_data(self.status, task.status)
        for text, w in ((tr("Assigned task"), self.description), (tr("Owner unit"), self.unit),
                        (tr("Owner person"), self.person), (tr("Owner site"), self.site),
                        (tr("Due"), self.due), (tr("Status"), self.status)):
            self.form.addRow(text, w)
        if frozen:  # the minutes are final: only the follow-up can change
            for w in (self.description, self.unit, self.person, self.site, self.due):
                w.setEnabled(False)
            self.setToolTip(tr("The minutes of this meeting are final: only the status "
                               "can change."))
        self._task = task
        self._frozen = frozen

    def values(self) -> dict[str, object]:
        """The fields that changed (only the status when the meeting is frozen)."""
        wanted: dict[str, object] = {"status": self.status.currentData()}
        if not self._frozen:
            wanted.update(description=self.description.text(), owner_unit=self.unit.text(),
                          owner_person_id=self.person.currentData(),
                          owner_site_id=self.site.currentData(), due_on=self.due.value())
        return {k: v for k, v in wanted.items() if getattr(self._task, k) != v}


class ProgressDialog(FormDialog):
    """A dated report on a task, from a site or a unit, possibly changing its status."""

    def __init__(self, sites: list[Site], site_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Add a progress report"), parent)
        self.reported_on = QDateEdit(QDate.currentDate(), self)
        self.reported_on.setCalendarPopup(True)
        self.reported_on.setDisplayFormat(DATE_FORMAT)
        self.text = QLineEdit(self)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(tr("who reported it (a unit, a document)"))
        self.site = sites_combo(sites, site_id, self)
        self.status = QComboBox(self)
        self.status.addItem(tr("(unchanged)"), None)
        for status in TaskStatus:
            self.status.addItem(label(status), status)
        for text, w in ((tr("Reported on"), self.reported_on), (tr("Report"), self.text),
                        (tr("Source"), self.source), (tr("Site"), self.site),
                        (tr("New status"), self.status)):
            self.form.addRow(text, w)

    def values(self) -> dict[str, object]:
        return {"reported_on": self.reported_on.date().toPython(), "text": self.text.text(),
                "source": self.source.text() or None, "site_id": self.site.currentData(),
                "status": self.status.currentData()}
