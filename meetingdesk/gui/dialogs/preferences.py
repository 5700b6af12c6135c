"""Preferences: language and the page margins of the minutes (issuers have their directory)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QWidget,
)

from meetingdesk.gui import settings as keys
from meetingdesk.gui.dialogs.fields import FormDialog
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.settings import Settings

MARGINS = (keys.MARGIN_TOP, keys.MARGIN_BOTTOM, keys.MARGIN_LEFT, keys.MARGIN_RIGHT)


class PreferencesDialog(FormDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(tr("Preferences"), parent)
        self.settings = settings
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(
            settings.get(keys.LANGUAGE))))
        self.form.addRow(tr("Language"), self.language)

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
        language = self.language.currentData()
        self.language_changed = language != self.settings.get(keys.LANGUAGE)
        self.settings.set(keys.LANGUAGE, language)
        self.settings.set(keys.CUSTOM_MARGINS, self.custom_margins.isChecked())
        for setting, spin in zip(MARGINS, self.margins, strict=True):
            self.settings.set(setting, spin.value())
        self.settings.sync()
        super().accept()
