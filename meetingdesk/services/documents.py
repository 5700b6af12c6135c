"""Documents cited in notes or attached to the desk."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from meetingdesk.domain.errors import ConflictError, ValidationError
from meetingdesk.domain.messages import message
from meetingdesk.domain.records import Document
from meetingdesk.services.files import refuse_plain_read
from meetingdesk.services.guards import optional_line, required_line
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk

MAX_ATTACHMENT = 50 * 1024 * 1024


def add_document(desk: Desk, *, reference: str, doc_type: str | None = None,
                 issued_on: date | None = None, issuer: str | None = None,
                 title: str | None = None) -> Document:
    ref = required_line(reference, message("fields.document_number"))
    with desk.transaction() as db:
        try:
            return tables.documents.insert(db, Document(
                None, ref, optional_line(doc_type), issued_on=issued_on,
                issued_year=issued_on.year if issued_on else None, issuer=optional_line(issuer),
                title=optional_line(title)))
        except sqlite3.IntegrityError:
            raise ConflictError("documents.already_listed", reference=ref) from None


def update_document(desk: Desk, document_id: int, **changes: object) -> Document:
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key in ("doc_type", "issuer", "title"):
            values[key] = optional_line(None if value is None else str(value))
        elif key == "issued_on":
            values[key] = value
            values["issued_year"] = value.year if isinstance(value, date) else None
        else:
            raise TypeError(f"unknown document field {key}")
    with desk.transaction() as db:
        return tables.documents.update(db, document_id, values)


def delete_document(desk: Desk, document_id: int) -> None:
    """Take a document out of the catalogue (one added by mistake, or no longer cited).

    A document that notes cite is refused: the citations come from the notes' text, so the
    document would come back with the next edit of one of them."""
    with desk.transaction() as db:
        document = tables.documents.get(db, document_id)
        citing = tables.notes_citing(db, document_id)
        if citing:
            raise ConflictError("documents.cited_cannot_delete", reference=document.reference,
                                count=len(citing))
        tables.documents.delete(db, document_id)


def list_documents(desk: Desk) -> list[Document]:
    return tables.documents.by_issue_date(desk.conn)


def attach_file(desk: Desk, document_id: int, path: Path) -> Document:
    """Store a copy of a file with the document (the desk stays one self-contained file)."""
    refuse_plain_read(path)
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT:
            raise ValidationError("documents.file_too_large", name=path.name)
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("documents.cannot_read", name=path.name,
                              reason=exc.strerror) from None
    with desk.transaction() as db:
        tables.set_document_file(db, document_id, path.name, data)
        return tables.documents.get(db, document_id)


def attached_file(desk: Desk, document_id: int) -> tuple[str, bytes] | None:
    """The attached file's name and bytes, or ``None``."""
    return tables.document_file(desk.conn, document_id)
