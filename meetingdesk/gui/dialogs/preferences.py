"""Preferences: language, the organization settings of the minutes header, profile, margins."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QWidget,
)

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.gui import settings as keys
from meetingdesk.gui.dialogs.fields import FormDialog, enum_combo, set_combo_data
from meetingdesk.gui.errors import show_error
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.settings import Settings
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import text_box
from meetingdesk.services import organization

MARGINS = (keys.MARGIN_TOP, keys.MARGIN_BOTTOM, keys.MARGIN_LEFT, keys.MARGIN_RIGHT)


class PreferencesDialog(FormDialog):
    def __init__(self, settings: Settings, session: DeskSession | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Preferences"), parent)
        self.settings = settings
        self.session = session
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(
            settings.get(keys.LANGUAGE))))
        self.form.addRow(tr("Language"), self.language)

        self.org_box = QGroupBox(tr("Organization (minutes header)"), self)
        form = QFormLayout(self.org_box)
        org = organization.get_organization(session.desk) if session else None
        self.parent_agency = QLineEdit(org.parent_agency if org else "", self)
        self.agency = QLineEdit(org.agency if org else "", self)
        self.place = QLineEdit(org.place if org else "", self)
        self.number_code = QLineEdit(org.number_code if org else "", self)
        self.chair_title = QLineEdit(org.chair_title if org else "", self)
        self.profile = enum_combo(Profile, self)
        set_combo_data(self.profile, org.profile if org else Profile.PARTY)
        self.recipients = text_box(self, "\n".join(org.recipients) if org else "")
        self.recipients.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        for text, w in ((tr("Parent agency"), self.parent_agency), (tr("Agency"), self.agency),
                        (tr("Place"), self.place), (tr("Number code"), self.number_code),
                        (tr("Chair's title"), self.chair_title),
                        (tr("Document profile"), self.profile),
                        (tr("Recipients (one per line)"), self.recipients)):
            form.addRow(text, w)
        self.org_box.setEnabled(session is not None)
        self.form.addRow(self.org_box)

        margins_box = QGroupBox(tr("Page margins of the minutes (mm)"), self)
        margins_form = QFormLayout(margins_box)
        self.custom_margins = QCheckBox(tr("Use these margins instead of the profile's"), self)
        self.custom_margins.setChecked(settings.get(keys.CUSTOM_MARGINS))
        margins_form.addRow(self.custom_margins)
        self.margins: list[QDoubleSpinBox] = []
        for setting, text in zip(MARGINS, (tr("Top"), tr("Bottom"), tr("Left"), tr("Right")),
                                 strict=True):
            spin = QDoubleSpinBox(self)
            spin.setRange(5, 60)
            spin.setDecimals(0)
            spin.setValue(settings.get(setting))
            spin.setEnabled(self.custom_margins.isChecked())
            self.custom_margins.toggled.connect(spin.setEnabled)
            self.margins.append(spin)
            margins_form.addRow(text, spin)
        self.form.addRow(margins_box)
        self.language_changed = False

    def accept(self) -> None:
        if self.session is not None and not self._save_organization():
            return
        language = self.language.currentData()
        self.language_changed = language != self.settings.get(keys.LANGUAGE)
        self.settings.set(keys.LANGUAGE, language)
        self.settings.set(keys.CUSTOM_MARGINS, self.custom_margins.isChecked())
        for setting, spin in zip(MARGINS, self.margins, strict=True):
            self.settings.set(setting, spin.value())
        self.settings.sync()
        super().accept()

    def _save_organization(self) -> bool:
        assert self.session is not None
        desk = self.session.desk
        current = organization.get_organization(desk)
        wanted: dict[str, object] = {
            "parent_agency": self.parent_agency.text(), "agency": self.agency.text(),
            "place": self.place.text(), "number_code": self.number_code.text(),
            "chair_title": self.chair_title.text(), "profile": self.profile.currentData(),
            "recipients": tuple(r.strip() for r in self.recipients.toPlainText().split("\n")
                                if r.strip()),
        }
        changes = {k: v for k, v in wanted.items() if getattr(current, k) != v}
        if not changes:
            return True
        try:
            self.session.run(tr("Edit the organization settings"),
                             lambda: organization.update_organization(desk, **changes),
                             [("organization", 1)], shallow=True)
        except MeetingDeskError as exc:
            show_error(self, exc)
            return False
        return True
