"""The directories of sites and people: search, add, edit, delete (undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from meetingdesk.domain.records import Person
from meetingdesk.gui.dialogs.records import PersonDialog, SiteDialog, offer_existing_person
from meetingdesk.gui.errors import guarded
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.directory import PersonRow, people_model, site_directory_model
from meetingdesk.gui.models.table import FoldFilterProxy, RowTableModel
from meetingdesk.gui.undo import DeskSession, created
from meetingdesk.gui.widgets import button, button_row, data_table, select_id, selected_row
from meetingdesk.services import directory
from meetingdesk.services.changes import Changes

DIRECTORY_KINDS = frozenset({"sites", "site_aliases", "people"})
"""What the directory windows show (a person's site is shown by name)."""


class DirectoryWindow(QDialog):
    """A searchable table of one directory with Add, Edit and Delete."""

    def __init__(self, title: str, session: DeskSession, model: RowTableModel[Any],
                 widths: list[int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.session = session
        self.model = model
        model.setParent(self)
        self.proxy = FoldFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Type to search…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.table = data_table(self.proxy, widths, parent=self)
        self.table.doubleClicked.connect(self.edit)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(button(tr("Add…"), self, self.add, shortcut="Ctrl+N"),
                                    button(tr("Edit…"), self, self.edit),
                                    button(tr("Delete"), self, self.delete, shortcut="Del")))
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.resize(1100, 640)
        session.changed.connect(self._desk_changed)
        self.reload()

    KINDS: frozenset[str] = DIRECTORY_KINDS
    """The tables whose changes reload the window."""

    def _desk_changed(self, changes: Changes) -> None:
        if changes.touches(self.KINDS):
            self.reload()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._count()

    def _count(self) -> None:
        self.count.setText(tr("%1 of %2").replace("%1", str(self.proxy.rowCount())).replace(
            "%2", str(self.model.rowCount())))

    def select(self, record_id: int) -> None:
        """Show the record with ``record_id`` (a search opened it), clearing the search."""
        self.search.clear()
        select_id(self.table, record_id)

    def reload(self) -> None:
        current = selected_row(self.table)
        self.model.set_rows(self.rows())
        select_id(self.table, getattr(current, "id", None))
        self._count()

    def rows(self) -> list[Any]:
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def edit(self) -> None:
        raise NotImplementedError

    def delete(self) -> None:
        raise NotImplementedError

    def _confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.windowTitle(), text) == \
            QMessageBox.StandardButton.Yes


class SiteDirectory(DirectoryWindow):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(tr("Directory of sites"), session, site_directory_model(),
                         [7, None, 16, 24, 20, 20], parent)

    def rows(self) -> list[Any]:
        return directory.list_sites(self.session.desk)

    @guarded
    def add(self) -> None:
        dialog = SiteDialog(None, self)
        if dialog.exec():
            values = dialog.values()
            site = self.session.run(tr("Add a site to the directory"),
                                    lambda: directory.add_site(self.session.desk, **values),
                                    new_roots=created("sites"))
            select_id(self.table, site.id)

    @guarded
    def edit(self) -> None:
        site = selected_row(self.table)
        if site is None:
            return
        dialog = SiteDialog(site, self)
        if dialog.exec():
            values = dialog.values()
            self.session.run(tr("Edit the site %1").replace("%1", site.name),
                             lambda: directory.update_site(self.session.desk, site.id, **values),
                             [("sites", site.id)])

    @guarded
    def delete(self) -> None:
        site = selected_row(self.table)
        if site is None or not self._confirm(
                tr("Delete %1 from the directory?").replace("%1", site.name)):
            return
        self.session.run(tr("Delete the site %1").replace("%1", site.name),
                         lambda: directory.delete_site(self.session.desk, site.id),
                         [("sites", site.id)])


class PeopleDirectory(DirectoryWindow):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(tr("Directory of people"), session, people_model(),
                         [22, None, 26, 16, 8, 13], parent)

    def rows(self) -> list[Any]:
        desk = self.session.desk
        sites = {s.id: s.name for s in directory.list_sites(desk)}
        return [PersonRow(p, sites.get(p.site_id, "")) for p in directory.list_people(desk)]

    @guarded
    def add(self) -> None:
        dialog = PersonDialog(None, directory.list_sites(self.session.desk), self)
        if dialog.exec():
            values = dialog.values()
            existing = offer_existing_person(self, self.session.desk, values)
            if existing is False:
                return
            if isinstance(existing, Person):
                select_id(self.table, existing.id)
                return
            person = self.session.run(
                tr("Add a person to the directory"),
                lambda: directory.add_person(self.session.desk, **values),
                new_roots=created("people"))
            select_id(self.table, person.id)

    @guarded
    def edit(self) -> None:
        row: PersonRow | None = selected_row(self.table)
        if row is None:
            return
        dialog = PersonDialog(row.person, directory.list_sites(self.session.desk), self)
        if dialog.exec():
            values = dialog.values()
            pid = row.person.id
            self.session.run(tr("Edit the person %1").replace("%1", row.person.full_name),
                             lambda: directory.update_person(self.session.desk, pid, **values),
                             [("people", pid)], shallow=True)

    @guarded
    def delete(self) -> None:
        row: PersonRow | None = selected_row(self.table)
        if row is None or not self._confirm(
                tr("Delete %1 from the directory?").replace("%1", row.person.full_name)):
            return
        pid = row.person.id
        self.session.run(tr("Delete the person %1").replace("%1", row.person.full_name),
                         lambda: directory.delete_person(self.session.desk, pid),
                         [("people", pid)])
