"""Input widgets shared by the dialogs and the overview form."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import LabelledEnum
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label

DATETIME_FORMAT = "dd/MM/yyyy HH:mm"


class OptionalDateTime(QWidget):
    """A date and time that may be left unset."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self)
        self.enabled.setToolTip(tr("Set"))
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATETIME_FORMAT)
        self.edit.setDateTime(QDateTime.currentDateTime())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.edit.dateTimeChanged.connect(self.changed)
        self.set_value(None)

    def value(self) -> datetime | None:
        if not self.enabled.isChecked():
            return None
        return self.edit.dateTime().toPython().replace(second=0, microsecond=0)

    def set_value(self, value: datetime | None) -> None:
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setDateTime(QDateTime(value))


def enum_combo(values: Iterable[LabelledEnum], parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    for v in values:
        combo.addItem(label(v), v)
    return combo


def set_combo_data(combo: QComboBox, value: Any) -> None:
    i = combo.findData(value)
    combo.setCurrentIndex(i if i >= 0 else 0)


class FormDialog(QDialog):
    """A dialog holding a form and OK/Cancel."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
