"""The document catalogue: cited or attached documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from meetingdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from meetingdesk.services import documents, notes
from meetingdesk.store.desk import Desk


def test_document_add_update_delete(desk: Desk) -> None:
    doc = documents.add_document(desk, reference=" 96-QĐ/TW ", doc_type="Quy định",
                                 issued_on=date(2023, 2, 2), issuer="Bộ Chính trị")
    assert doc.id is not None
    assert (doc.reference, doc.issued_year, doc.issuer) == ("96-QĐ/TW", 2023, "Bộ Chính trị")
    changed = documents.update_document(desk, doc.id, title="Về việc lấy phiếu tín nhiệm",
                                        issued_on=None)
    assert (changed.title, changed.issued_on, changed.issued_year) == (
        "Về việc lấy phiếu tín nhiệm", None, None)
    documents.delete_document(desk, doc.id)
    assert documents.list_documents(desk) == []
    with pytest.raises(NotFoundError):
        documents.delete_document(desk, doc.id)


def test_document_same_reference_twice_is_a_conflict(desk: Desk, unchanged, says) -> None:
    documents.add_document(desk, reference="08-KL/BTCTW")
    with unchanged(), pytest.raises(ConflictError) as caught:
        documents.add_document(desk, reference="08-KL/BTCTW", title="Bản khác")
    says(caught.value, "Văn bản 08-KL/BTCTW đã có trong danh mục", "already listed")


def test_document_list_by_date_then_reference(desk: Desk) -> None:
    documents.add_document(desk, reference="50-KL/TW", issued_on=date(2023, 2, 28))
    documents.add_document(desk, reference="18-NQ/TW", issued_on=date(2017, 10, 25))
    documents.add_document(desk, reference="96-QĐ/TW", issued_on=date(2023, 2, 2))
    assert [d.reference for d in documents.list_documents(desk)] == [
        "18-NQ/TW", "96-QĐ/TW", "50-KL/TW"]


def test_document_attached_file_is_kept_in_the_desk(desk: Desk, tmp_path: Path) -> None:
    doc = documents.add_document(desk, reference="96-QĐ/TW")
    assert documents.attached_file(desk, doc.id or 0) is None
    source = tmp_path / "Quy định 96.pdf"
    source.write_bytes(b"%PDF-1.7 \x00\x01 noi dung")
    attached = documents.attach_file(desk, doc.id or 0, source)
    assert attached.file_name == "Quy định 96.pdf"
    source.unlink()
    assert documents.attached_file(desk, doc.id or 0) == (
        "Quy định 96.pdf", b"%PDF-1.7 \x00\x01 noi dung")


def test_document_attach_missing_file_or_document_writes_nothing(desk: Desk, tmp_path: Path,
                                                                 unchanged, says) -> None:
    doc = documents.add_document(desk, reference="96-QĐ/TW")
    with unchanged(), pytest.raises(ValidationError) as caught:
        documents.attach_file(desk, doc.id or 0, tmp_path / "không có.pdf")
    says(caught.value, "Không đọc được tệp không có.pdf", "Cannot read")
    existing = tmp_path / "a.pdf"
    existing.write_bytes(b"%PDF")
    with unchanged(), pytest.raises(NotFoundError):
        documents.attach_file(desk, 99, existing)


def test_document_delete_refuses_a_cited_document(desk: Desk, meeting_id: int, unchanged,
                                                  says) -> None:
    """Citations come from the notes' text: a cited document would come back with the next
    edit of the note, so it is refused until the notes no longer cite it."""
    note = notes.add_note(desk, meeting_id=meeting_id, text="Theo Kết luận số 08-KL/BTCTW.")
    (cited,) = documents.list_documents(desk)
    assert cited.id is not None
    with unchanged(), pytest.raises(ConflictError) as caught:
        documents.delete_document(desk, cited.id)
    says(caught.value, "Văn bản 08-KL/BTCTW được trích dẫn trong 1 ghi chép", "cited in 1 note")
    notes.update_note(desk, note.id or 0, text="Theo ý kiến kết luận của đồng chí Chủ trì.")
    documents.delete_document(desk, cited.id)
    assert documents.list_documents(desk) == []
    assert len(notes.notes_of(desk, meeting_id)) == 1
