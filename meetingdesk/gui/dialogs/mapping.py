"""Which column of a file is imported as which field: one combo box per column, filled with
the guess, correctable by the user. A field goes to one column only: choosing it for a column
sets the column that had it to "ignore"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QWidget

from meetingdesk.exchange.mapping import Field, Mapping
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.imports import column_name, field_labels


class MappingEditor(QScrollArea):
    changed = Signal()
    """The user chose another field for a column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.combos: list[QComboBox] = []

    def set_columns(self, headers: list[str], mapping: Mapping) -> None:
        """One row per column of the file, each showing the field ``mapping`` gives it."""
        inner = QWidget(self)
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = field_labels()
        by_column = {c: f for f, c in mapping.items()}
        self.combos = []
        for column in range(len(headers)):
            name = column_name(headers, column)
            label = QLabel(f"{column + 1}. {name}", inner)
            label.setToolTip(name)
            label.setMaximumWidth(150)
            combo = QComboBox(inner)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)  # fits the panel; the list opens wider
            combo.addItem(tr("— ignore —"), "")
            for f, text in labels.items():
                combo.addItem(text, f.value)
            guessed = by_column.get(column)
            combo.setCurrentIndex(combo.findData(guessed.value) if guessed else 0)
            combo.currentIndexChanged.connect(lambda _i, c=column: self._chosen(c))
            form.addRow(label, combo)
            self.combos.append(combo)
        self.setWidget(inner)

    def mapping(self) -> Mapping:
        return {Field(combo.currentData()): column for column, combo in enumerate(self.combos)
                if combo.currentData()}

    def choose(self, column: int, field: Field | None) -> None:
        """Import ``column`` as ``field`` (``None``: ignore it), as the user would."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field.value) if field else 0)

    def _chosen(self, column: int) -> None:
        field = self.combos[column].currentData()
        if field:
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == field:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.changed.emit()
