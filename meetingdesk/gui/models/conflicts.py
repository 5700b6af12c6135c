"""The records kept in conflict after exchanges: one row per record, with its fields in
conflict named."""

from __future__ import annotations

from PySide6.QtCore import QObject

from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.packages import field_names, kind_labels
from meetingdesk.gui.models.table import Column, RowTableModel
from meetingdesk.services.conflicts import Conflict


def fields_text(conflict: Conflict) -> str:
    names = field_names()
    return ", ".join(names.get(f.field, f.field) for f in conflict.fields)


def conflict_model(parent: QObject | None = None) -> RowTableModel[Conflict]:
    columns: list[Column[Conflict]] = [
        Column(lambda: tr("Kind"), lambda c: kind_labels().get(c.kind, c.kind)),
        Column(lambda: tr("Record"), lambda c: c.label, tooltip=True),
        Column(lambda: tr("Fields in conflict"), fields_text, tooltip=True),
    ]
    return RowTableModel(columns, row_id=lambda c: None, parent=parent)
