"""The tables of the import dialog: the file's rows as read (with what each column is imported
as), and the plan — what will be added, updated and skipped, and why."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from meetingdesk.exchange.importer import Action, PlanRow
from meetingdesk.exchange.mapping import Field, Mapping
from meetingdesk.exchange.table import Table
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.packages import field_names
from meetingdesk.gui.models.table import Column, RowTableModel

PreviewRow = tuple[int, tuple[str, ...]]
"""A row of the file: its line number and its cells."""


def field_labels() -> dict[Field, str]:
    """What a column can be imported as, in the interface's language."""
    return {
        Field.FULL_NAME: tr("Full name"),
        Field.TITLES: tr("Titles"),
        Field.ORGANIZATION: tr("Organization"),
        Field.SITE: tr("Site"),
        Field.SITE_CODE: tr("Site code"),
        Field.PHONE: tr("Phone"),
        Field.EMAIL: tr("Email"),
        Field.ROLE: tr("Role"),
        Field.STATUS: tr("Attendance"),
        Field.REASON: tr("Reason"),
        Field.RANK: tr("Precedence"),
        Field.ALIASES: tr("Former names"),
        Field.CONTACT_NAME: tr("Contact"),
        Field.CONTACT_PHONE: tr("Contact phone"),
        Field.TECHNICIAN_NAME: tr("Technician"),
        Field.TECHNICIAN_PHONE: tr("Technician phone"),
        Field.SUMMONED: tr("Delegates summoned"),
    }


def column_name(headers: list[str], column: int) -> str:
    """A column as the file names it, or by its number when its header is empty."""
    header = " ".join(headers[column].split()) if column < len(headers) else ""
    return header or tr("Column %1").replace("%1", str(column + 1))


class PreviewModel(RowTableModel[PreviewRow]):
    """The rows of the file as read, one column per column of the file; each header says
    what that column is imported as."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], row_id=lambda r: r[0], parent=parent)
        self._headers: list[str] = []
        self._mapping: Mapping = {}

    def set_table(self, table: Table | None) -> None:
        self._headers = list(table.headers) if table else []
        columns: list[Column[PreviewRow]] = [
            Column(lambda: tr("Line"), lambda r: r[0], align_right=True)]
        columns += [Column(lambda c=c: self._title(c), lambda r, c=c: r[1][c], tooltip=True)
                    for c in range(len(self._headers))]
        self.set_rows(table.rows if table else [], columns)

    def set_mapping(self, mapping: Mapping) -> None:
        self._mapping = dict(mapping)
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def _title(self, column: int) -> str:
        found = next((f for f, c in self._mapping.items() if c == column), None)
        imported = field_labels()[found] if found is not None else tr("(ignored)")
        return f"{column_name(self._headers, column)}\n→ {imported}"


def action_labels() -> dict[Action, str]:
    return {Action.ADD: tr("Add"), Action.UPDATE: tr("Update"), Action.SKIP: tr("Skip")}


_ACTION_COLORS = {Action.ADD: QColor("#1b7a2f"), Action.UPDATE: QColor("#1f4e9c"),
                  Action.SKIP: QColor("#6b6b6b")}


def reason(row: PlanRow) -> str:
    """Why a row is added, updated or skipped; an update names the fields it changes."""
    if row.action is Action.UPDATE and row.values:
        names = field_names()
        return tr("Update: %1").replace("%1", ", ".join(names.get(f, f)
                                                         for f in sorted(row.values)))
    text = str(row.reason)
    return text[:1].upper() + text[1:]


def plan_model(parent: QObject | None = None) -> RowTableModel[PlanRow]:
    """An import plan row by row; filtered by action through :data:`KEY_ROLE`."""
    columns: list[Column[PlanRow]] = [
        Column(lambda: tr("Line"), lambda r: r.line, align_right=True),
        Column(lambda: tr("Action"), lambda r: action_labels()[r.action],
               sort_key=lambda r: (list(Action).index(r.action), r.line)),
        Column(lambda: tr("Name"), lambda r: r.name, tooltip=True),
        Column(lambda: tr("Why"), reason, tooltip=True),
    ]
    return RowTableModel(columns, row_id=lambda r: r.line, row_key=lambda r: r.action.value,
                         row_color=lambda r: _ACTION_COLORS[r.action], parent=parent)
