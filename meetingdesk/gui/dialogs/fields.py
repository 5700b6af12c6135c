"""Input widgets shared by the dialogs and the overview form."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
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

    def showEvent(self, event: QShowEvent) -> None:
        """Tab runs through the fields in the order of the form, then OK and Cancel; the
        keyboard starts in the first field."""
        super().showEvent(event)
        chain = [w for w in self._form_widgets() if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        chain += [self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                  self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        focus = self.focusWidget()
        if (focus is None or focus in chain[-2:]) and len(chain) > 2:
            chain[0].setFocus(Qt.FocusReason.TabFocusReason)

    def _form_widgets(self) -> list[QWidget]:
        """The editable widgets of the form, row by row (inside composite fields too)."""
        found: list[QWidget] = []
        for row in range(self.form.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
                         QFormLayout.ItemRole.SpanningRole):
                item = self.form.itemAt(row, role)
                if item is None:
                    continue
                widgets = [item.widget()] if item.widget() is not None else [
                    item.layout().itemAt(i).widget() for i in range(item.layout().count())
                ] if item.layout() is not None else []
                for widget in widgets:
                    if widget is None or isinstance(widget, QLabel):
                        continue
                    proxy = widget.focusProxy() or widget
                    found.append(proxy)
        return found

    def accept(self) -> None:
        """OK keeps nothing while a date field cannot be read: the field gets the focus."""
        unreadable = first_unreadable(self)
        if unreadable is not None:
            unreadable.setFocus()
            return
        super().accept()
