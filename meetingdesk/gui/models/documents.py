"""Documents cited in a meeting or attached to the desk."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from meetingdesk.domain.records import Document
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.models.formats import day
from meetingdesk.gui.models.table import Column, RowTableModel


@dataclass(frozen=True, slots=True)
class DocumentRow:
    document: Document
    cited_here: bool

    @property
    def id(self) -> int | None:
        return self.document.id


def documents_model(parent: QObject | None = None) -> RowTableModel[DocumentRow]:
    columns: list[Column[DocumentRow]] = [
        Column(lambda: tr("Number and code"), lambda r: r.document.reference),
        Column(lambda: tr("Type"), lambda r: r.document.doc_type or ""),
        Column(lambda: tr("Issued"), lambda r: day(r.document.issued_on)
               or (str(r.document.issued_year) if r.document.issued_year else ""),
               sort_key=lambda r: (r.document.issued_on is not None, r.document.issued_on,
                                   r.document.issued_year or 0)),
        Column(lambda: tr("Issuer"), lambda r: r.document.issuer or ""),
        Column(lambda: tr("Title"), lambda r: r.document.title or "", tooltip=True),
        Column(lambda: tr("Cited here"), lambda r: tr("yes") if r.cited_here else ""),
        Column(lambda: tr("File"), lambda r: r.document.file_name or "", tooltip=True),
    ]
    return RowTableModel(
        columns,
        row_text=lambda r: " ".join(x or "" for x in (r.document.reference, r.document.doc_type,
                                                      r.document.issuer, r.document.title,
                                                      r.document.file_name)),
        row_key=lambda r: "cited" if r.cited_here else "other", parent=parent)
