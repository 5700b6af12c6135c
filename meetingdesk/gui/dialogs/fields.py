"""Input widgets shared by the dialogs and the overview form."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import LabelledEnum
from meetingdesk.gui.dialogs.date_fields import first_unreadable
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label


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

    def accept(self) -> None:
        """OK keeps nothing while a date field cannot be read: the field gets the focus."""
        unreadable = first_unreadable(self)
        if unreadable is not None:
            unreadable.setFocus()
            return
        super().accept()
