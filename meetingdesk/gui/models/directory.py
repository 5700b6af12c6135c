"""The directories of sites and people."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from meetingdesk.domain.records import Issuer, Person, Site
from meetingdesk.domain.text import name_key
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.table import Column, RowTableModel


def site_directory_model(parent: QObject | None = None) -> RowTableModel[Site]:
    columns: list[Column[Site]] = [
        Column(lambda: tr("Code"), lambda s: s.code or ""),
        Column(lambda: tr("Site"), lambda s: s.name, tooltip=True),
        Column(lambda: tr("Kind"), lambda s: label(s.kind)),
        Column(lambda: tr("Former names"), lambda s: ", ".join(s.aliases), tooltip=True),
        Column(lambda: tr("Contact"), lambda s: " ".join(
            x for x in (s.contact_name, s.contact_phone) if x)),
        Column(lambda: tr("Technician"), lambda s: " ".join(
            x for x in (s.technician_name, s.technician_phone) if x)),
    ]
    return RowTableModel(columns, row_text=lambda s: " ".join((s.name, s.code or "",
                                                               *s.aliases)),
                         row_key=lambda s: s.kind.value, parent=parent)


@dataclass(frozen=True, slots=True)
class PersonRow:
    person: Person
    site_name: str

    @property
    def id(self) -> int | None:
        return self.person.id


def people_model(parent: QObject | None = None) -> RowTableModel[PersonRow]:
    columns: list[Column[PersonRow]] = [
        Column(lambda: tr("Full name"), lambda r: r.person.full_name,
               sort_key=lambda r: name_key(r.person.full_name)),
        Column(lambda: tr("Titles"), lambda r: r.person.title_line, tooltip=True),
        Column(lambda: tr("Organization"), lambda r: r.person.organization or "", tooltip=True),
        Column(lambda: tr("Site"), lambda r: r.site_name),
        Column(lambda: tr("Precedence"), lambda r: r.person.rank, align_right=True),
        Column(lambda: tr("Phone"), lambda r: r.person.phone or ""),
    ]
    return RowTableModel(
        columns, row_text=lambda r: " ".join((r.person.full_name, r.person.title_line,
                                              r.person.organization or "", r.site_name)),
        parent=parent)


def issuer_model(parent: QObject | None = None) -> RowTableModel[Issuer]:
    columns: list[Column[Issuer]] = [
        Column(lambda: tr("Default"), lambda i: "✓" if i.is_default else ""),
        Column(lambda: tr("Issuing body"), lambda i: i.name or tr("(issuer without a name)"),
               tooltip=True),
        Column(lambda: tr("Parent body"), lambda i: i.parent_body, tooltip=True),
        Column(lambda: tr("Place"), lambda i: i.place),
        Column(lambda: tr("Profile"), lambda i: label(i.profile)),
        Column(lambda: tr("Number code"), lambda i: i.number_code),
    ]
    return RowTableModel(columns, row_text=lambda i: " ".join((i.name, i.parent_body, i.place,
                                                               i.number_code)),
                         parent=parent)
