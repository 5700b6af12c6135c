"""Dialogs that edit one record: a site, a person, an agenda item, a delegate's attendance,
a meeting's site, a document."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from meetingdesk.domain.enums import AttendanceStatus, Role, SiteKind
from meetingdesk.domain.precedence import UNRANKED, rank_of_titles
from meetingdesk.domain.records import AgendaItem, Attendance, Document, MeetingSite, Person, Site
from meetingdesk.gui.dialogs.date_fields import DateTimeField
from meetingdesk.gui.dialogs.fields import FormDialog, enum_combo, set_combo_data
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.widgets import fold_search, text_box
from meetingdesk.services import directory
from meetingdesk.store.desk import Desk


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.replace(";", "\n").split("\n") if line.strip())


def people_combo(people: list[Person], current: int | None, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(tr("(none)"), None)
    for p in people:
        combo.addItem(p.full_name + (f" — {p.title_line}" if p.titles else ""), p.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setMaxVisibleItems(20)
    return fold_search(combo)


def sites_combo(sites: list[Site], current: int | None, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(tr("(none)"), None)
    for s in sites:
        combo.addItem(s.name, s.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setMaxVisibleItems(20)
    return fold_search(combo)


class SiteDialog(FormDialog):
    def __init__(self, site: Site | None, parent: QWidget | None = None) -> None:
        super().__init__(tr("Edit site") if site else tr("New site"), parent)
        self.name = QLineEdit(site.name if site else "", self)
        self.kind = enum_combo(SiteKind, self)
        set_combo_data(self.kind, site.kind if site else SiteKind.PROVINCE)
        self.code = QLineEdit((site.code or "") if site else "", self)
        self.aliases = QLineEdit("; ".join(site.aliases) if site else "", self)
        self.aliases.setPlaceholderText(tr("separated by semicolons"))
        self.contact_name = QLineEdit((site.contact_name or "") if site else "", self)
        self.contact_phone = QLineEdit((site.contact_phone or "") if site else "", self)
        self.technician_name = QLineEdit((site.technician_name or "") if site else "", self)
        self.technician_phone = QLineEdit((site.technician_phone or "") if site else "", self)
        for text, w in ((tr("Name"), self.name), (tr("Kind"), self.kind), (tr("Code"), self.code),
                        (tr("Former names"), self.aliases), (tr("Contact"), self.contact_name),
                        (tr("Contact phone"), self.contact_phone),
                        (tr("Technician"), self.technician_name),
                        (tr("Technician phone"), self.technician_phone)):
            self.form.addRow(text, w)

    def values(self) -> dict[str, object]:
        return {"name": self.name.text(), "kind": self.kind.currentData(),
                "code": self.code.text() or None, "aliases": _lines(self.aliases.text()),
                "contact_name": self.contact_name.text() or None,
                "contact_phone": self.contact_phone.text() or None,
                "technician_name": self.technician_name.text() or None,
                "technician_phone": self.technician_phone.text() or None}


class PersonDialog(FormDialog):
    def __init__(self, person: Person | None, sites: list[Site],
                 parent: QWidget | None = None, *, default_site: int | None = None) -> None:
        super().__init__(tr("Edit person") if person else tr("New person"), parent)
        self.full_name = QLineEdit(person.full_name if person else "", self)
        self.titles = text_box(self, "\n".join(person.titles) if person else "")
        self.titles.setPlaceholderText(tr("One title per line, in order"))
        self.titles.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.organization = QLineEdit((person.organization or "") if person else "", self)
        self.site = sites_combo(sites, person.site_id if person else default_site, self)
        self.rank = QSpinBox(self)
        self.rank.setRange(0, 100000)
        derived = rank_of_titles(person.titles) if person else UNRANKED
        self.rank.setValue(person.rank if person else derived)
        self.rank.setToolTip(tr("Smaller numbers come first in lists and minutes. Derived from "
                                "the titles by the precedence table; a number set by hand is "
                                "kept."))
        self._rank_follows_titles = person is None or person.rank in (derived, UNRANKED)
        self.rank.valueChanged.connect(self._rank_typed)
        self.titles.textChanged.connect(self._titles_changed)
        self.phone = QLineEdit((person.phone or "") if person else "", self)
        self.email = QLineEdit((person.email or "") if person else "", self)
        for text, w in ((tr("Full name"), self.full_name), (tr("Titles"), self.titles),
                        (tr("Organization"), self.organization), (tr("Site"), self.site),
                        (tr("Precedence"), self.rank), (tr("Phone"), self.phone),
                        (tr("Email"), self.email)):
            self.form.addRow(text, w)

    def _titles(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.titles.toPlainText().split("\n") if t.strip())

    def _titles_changed(self) -> None:
        if self._rank_follows_titles:
            self.rank.blockSignals(True)
            self.rank.setValue(rank_of_titles(self._titles()))
            self.rank.blockSignals(False)

    def _rank_typed(self) -> None:
        self._rank_follows_titles = False

    def values(self) -> dict[str, object]:
        return {"full_name": self.full_name.text(),
                "titles": self._titles(),
                "organization": self.organization.text() or None,
                "site_id": self.site.currentData(), "rank": self.rank.value(),
                "phone": self.phone.text() or None, "email": self.email.text() or None}


def offer_existing_person(parent: QWidget, desk: Desk, values: dict[str, object]
                          ) -> Person | bool | None:
    """Before a new person is added: when someone of the same name (folded) is already in the
    directory at the same site, offer that person first. Returns the existing person to use,
    ``None`` to add the new one anyway, or ``False`` when the user cancelled."""
    site_id = values.get("site_id")
    found = directory.same_person(desk, full_name=str(values["full_name"]),
                                  site_id=site_id if isinstance(site_id, int) else None)
    if not found:
        return None
    person = found[0]
    sites = {s.id: s.name for s in directory.list_sites(desk)}
    described = ", ".join(x for x in (person.full_name, person.title_line,
                                      sites.get(person.site_id, "")) if x)
    answer = QMessageBox.question(
        parent, tr("Already in the directory"),
        tr("%1 is already in the directory.\n\nYes: use this person.\nNo: add a second "
           "person of the same name anyway.").replace("%1", described),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
    if answer == QMessageBox.StandardButton.Yes:
        return person
    if answer == QMessageBox.StandardButton.No:
        return None
    return False


class AgendaItemDialog(FormDialog):
    def __init__(self, item: AgendaItem | None, people: list[Person],
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Edit agenda item") if item else tr("New agenda item"), parent)
        self.title = QLineEdit(item.title if item else "", self)
        self.presenter = people_combo(people, item.presenter_id if item else None, self)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(" " + tr("min"))
        self.minutes.setSpecialValueText(tr("not set"))
        self.minutes.setValue((item.planned_minutes or 0) if item else 30)
        self.form.addRow(tr("Agenda item"), self.title)
        self.form.addRow(tr("Presenter"), self.presenter)
        self.form.addRow(tr("Planned duration"), self.minutes)
        self.setMinimumWidth(640)

    def values(self) -> dict[str, object]:
        return {"title": self.title.text(), "presenter_id": self.presenter.currentData(),
                "planned_minutes": self.minutes.value() or None}


class AttendanceDialog(FormDialog):
    def __init__(self, name: str, attendance: Attendance, sites: list[Site],
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Delegate: %1").replace("%1", name), parent)
        self.site = sites_combo(sites, attendance.site_id, self)
        self.role = enum_combo(Role, self)
        set_combo_data(self.role, attendance.role)
        self.status = enum_combo(AttendanceStatus, self)
        set_combo_data(self.status, attendance.status)
        self.reason = QLineEdit(attendance.reason or "", self)
        self.form.addRow(tr("Site"), self.site)
        self.form.addRow(tr("Role"), self.role)
        self.form.addRow(tr("Attendance"), self.status)
        self.form.addRow(tr("Reason"), self.reason)

    def values(self) -> dict[str, object]:
        return {"site_id": self.site.currentData(), "role": self.role.currentData(),
                "status": self.status.currentData(), "reason": self.reason.text() or None}


class MeetingSiteDialog(FormDialog):
    def __init__(self, site_name: str, meeting_site: MeetingSite, people: list[Person],
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Site: %1").replace("%1", site_name), parent)
        self.host = people_combo(people, meeting_site.host_person_id, self)
        self.summoned = QSpinBox(self)
        self.summoned.setRange(0, 100000)
        self.summoned.setValue(meeting_site.summoned)
        self.present = QSpinBox(self)
        self.present.setRange(-1, 100000)
        self.present.setSpecialValueText(tr("not reported"))
        self.present.setValue(-1 if meeting_site.present is None else meeting_site.present)
        self.attendance_note = QLineEdit(meeting_site.attendance_note or "", self)
        self.attendance_note.setPlaceholderText(tr("e.g. representatives of the departments"))
        self.absence_note = QLineEdit(meeting_site.absence_note or "", self)
        self.absence_note.setPlaceholderText(tr("e.g. 1 ill, 1 on mission"))
        self.form.addRow(tr("Host at the site"), self.host)
        self.form.addRow(tr("Delegates summoned"), self.summoned)
        self.form.addRow(tr("Present (as the site reports)"), self.present)
        self.form.addRow(tr("Also attending"), self.attendance_note)
        self.form.addRow(tr("Absent, and why"), self.absence_note)

    def values(self) -> dict[str, object]:
        host = self.host.currentData()
        return {"host_person_id": host, "clear_host": host is None,
                "summoned": self.summoned.value()}

    def present_count(self) -> int | None:
        return None if self.present.value() < 0 else self.present.value()

    def notes(self) -> dict[str, str | None]:
        return {"attendance_note": self.attendance_note.text() or None,
                "absence_note": self.absence_note.text() or None}


class DocumentDialog(FormDialog):
    def __init__(self, document: Document | None, parent: QWidget | None = None) -> None:
        super().__init__(tr("Edit document") if document else tr("New document"), parent)
        self.reference = QLineEdit(document.reference if document else "", self)
        self.reference.setPlaceholderText(tr("e.g. 96-QĐ/TW"))
        self.reference.setEnabled(document is None)
        self.doc_type = QLineEdit((document.doc_type or "") if document else "", self)
        self.issued_on = DateTimeField(self, with_time=False)
        self.issued_on.set_value(document.issued_on if document else None)
        self.issuer = QLineEdit((document.issuer or "") if document else "", self)
        self.title = QLineEdit((document.title or "") if document else "", self)
        self.form.addRow(tr("Number and code"), self.reference)
        self.form.addRow(tr("Type"), self.doc_type)
        self.form.addRow(tr("Date issued"), self.issued_on)
        self.form.addRow(tr("Issuer"), self.issuer)
        self.form.addRow(tr("Title"), self.title)

    def values(self) -> dict[str, object]:
        issued = self.issued_on.date_value()
        return {"reference": self.reference.text(), "doc_type": self.doc_type.text() or None,
                "issued_on": issued, "issuer": self.issuer.text() or None,
                "title": self.title.text() or None}
