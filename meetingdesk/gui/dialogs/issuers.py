"""The directory of issuers (cơ quan ban hành): heading, place, numbering, recipients, profile
and default signers of the minutes of their meetings; one of them is the desk's default."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.records import Issuer, Person
from meetingdesk.gui.dialogs.directories import DirectoryWindow
from meetingdesk.gui.dialogs.fields import FormDialog, enum_combo, set_combo_data
from meetingdesk.gui.dialogs.records import people_combo
from meetingdesk.gui.errors import guarded
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import issuer_name
from meetingdesk.gui.models.directory import issuer_model
from meetingdesk.gui.undo import DeskSession, created
from meetingdesk.gui.widgets import button, select_id, selected_row, text_box
from meetingdesk.services import directory, organization


class IssuerDialog(FormDialog):
    def __init__(self, issuer: Issuer | None, people: list[Person],
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Edit issuer") if issuer else tr("New issuer"), parent)
        i = issuer or Issuer(None, "")
        self.name = QLineEdit(i.name, self)
        self.name.setPlaceholderText("BAN TỔ CHỨC TỈNH ỦY THÁI NGUYÊN")
        self.parent_body = QLineEdit(i.parent_body, self)
        self.parent_body.setPlaceholderText("ĐẢNG BỘ TỈNH THÁI NGUYÊN")
        self.place = QLineEdit(i.place, self)
        self.profile = enum_combo(Profile, self)
        set_combo_data(self.profile, i.profile)
        self.number_code = QLineEdit(i.number_code, self)
        self.number_code.setPlaceholderText("BB/BTCTU")
        self.recipients = text_box(self, "\n".join(i.recipients))
        self.recipients.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.chair = people_combo(people, i.chair_person_id, self)
        self.chair_title = QLineEdit(i.chair_title, self)
        self.chair_title.setPlaceholderText(tr("derived from the chair's titles when empty"))
        self.secretary = people_combo(people, i.secretary_person_id, self)
        for text, w in ((tr("Issuing body"), self.name), (tr("Parent body"), self.parent_body),
                        (tr("Place"), self.place), (tr("Document profile"), self.profile),
                        (tr("Number code"), self.number_code),
                        (tr("Recipients (one per line)"), self.recipients),
                        (tr("Chair who signs"), self.chair),
                        (tr("Chair's title line"), self.chair_title),
                        (tr("Secretary who signs"), self.secretary)):
            self.form.addRow(text, w)

    def values(self) -> dict[str, object]:
        return {"name": self.name.text(), "parent_body": self.parent_body.text(),
                "place": self.place.text(), "profile": self.profile.currentData(),
                "number_code": self.number_code.text(),
                "recipients": tuple(r.strip() for r in self.recipients.toPlainText().split("\n")
                                    if r.strip()),
                "chair_person_id": self.chair.currentData(),
                "chair_title": self.chair_title.text(),
                "secretary_person_id": self.secretary.currentData()}


class IssuerDirectory(DirectoryWindow):
    """Issuers with Add, Edit, Delete and Make default."""

    KINDS = frozenset({"issuers", "people", "settings"})

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(tr("Directory of issuers"), session, issuer_model(),
                         [10, None, 30, 14, 14, 14], parent)
        self.default_button = button(tr("Make default"), self, self.make_default)
        self.layout().itemAt(0).layout().addWidget(self.default_button)

    def rows(self) -> list[Any]:
        return organization.list_issuers(self.session.desk)

    def _dialog(self, issuer: Issuer | None) -> IssuerDialog:
        return IssuerDialog(issuer, directory.list_people(self.session.desk, by_rank=True), self)

    @guarded
    def add(self) -> None:
        dialog = self._dialog(None)
        if dialog.exec():
            values = dialog.values()
            issuer = self.session.run(
                tr("Add an issuer"),
                lambda: organization.add_issuer(self.session.desk, **values),  # type: ignore[arg-type]
                new_roots=created("issuers"))
            select_id(self.table, issuer.id)

    @guarded
    def edit(self) -> None:
        issuer: Issuer | None = selected_row(self.table)
        if issuer is None or issuer.id is None:
            return
        dialog = self._dialog(issuer)
        if dialog.exec():
            values = dialog.values()
            iid = issuer.id
            self.session.run(tr("Edit the issuer %1").replace("%1", issuer_name(issuer)),
                             lambda: organization.update_issuer(self.session.desk, iid, **values),
                             [("issuers", iid)], shallow=True)

    @guarded
    def make_default(self) -> None:
        issuer: Issuer | None = selected_row(self.table)
        if issuer is None or issuer.id is None or issuer.is_default:
            return
        iid = issuer.id
        roots = [("issuers", i.id) for i in organization.list_issuers(self.session.desk)
                 if i.is_default and i.id is not None] + [("issuers", iid)]
        self.session.run(tr("Make %1 the default issuer").replace("%1", issuer_name(issuer)),
                         lambda: organization.set_default_issuer(self.session.desk, iid),
                         roots, shallow=True)

    @guarded
    def delete(self) -> None:
        issuer: Issuer | None = selected_row(self.table)
        if issuer is None or issuer.id is None or not self._confirm(
                tr("Delete %1 from the directory?").replace("%1", issuer_name(issuer))):
            return
        iid = issuer.id
        self.session.run(tr("Delete the issuer %1").replace("%1", issuer_name(issuer)),
                         lambda: organization.delete_issuer(self.session.desk, iid),
                         [("issuers", iid)])
