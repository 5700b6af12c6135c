"""Notes (with revisions and document citations) and tasks."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from meetingdesk.domain.enums import MeetingStatus, NoteKind, Profile, TaskStatus
from meetingdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from meetingdesk.services import (
    agenda,
    directory,
    documents,
    meetings,
    minutes_versions,
    notes,
    participation,
)
from meetingdesk.store.desk import Desk
from tests.final_ready import make_ready_for_final

AT = datetime(2023, 4, 3, 14, 20)
KL50 = "Ban Tổ chức Trung ương quán triệt Kết luận số 50-KL/TW ngày 28/2/2023 của Bộ Chính trị."


def _doc_refs(desk: Desk) -> list[str]:
    return [d.reference for d in documents.list_documents(desk)]


def _citing(desk: Desk, note_id: int) -> list[str]:
    rows = desk.db.execute(
        "SELECT d.reference FROM note_citations c JOIN documents d ON d.id = c.document_id "
        "WHERE c.note_id = ? ORDER BY d.reference", [note_id])
    return [r[0] for r in rows]


def test_note_add_get_update_delete_keeps_revisions(desk: Desk, meeting_id: int) -> None:
    note = notes.add_note(desk, meeting_id=meeting_id, text=" Khai mạc hội nghị. \n", at=AT,
                          kind=NoteKind.REMARK)
    assert note.id is not None
    assert (note.text, note.kind, note.revision, note.at) == (
        "Khai mạc hội nghị.", NoteKind.REMARK, 1, AT)
    assert notes.get_note(desk, note.id) == note

    edited = notes.update_note(desk, note.id, text="Đồng chí Mai Văn Chính khai mạc hội nghị.",
                               kind="conclusion")
    assert (edited.revision, edited.kind) == (2, NoteKind.CONCLUSION)
    same = notes.update_note(desk, note.id, text="Đồng chí Mai Văn Chính khai mạc hội nghị.  ")
    assert same.revision == 2  # no new revision when the text did not change
    assert [(r.revision, r.text) for r in notes.revisions(desk, note.id)] == [
        (1, "Khai mạc hội nghị."), (2, "Đồng chí Mai Văn Chính khai mạc hội nghị.")]

    notes.delete_note(desk, note.id)
    with pytest.raises(NotFoundError):
        notes.get_note(desk, note.id)
    assert notes.revisions(desk, note.id) == []


def test_note_text_is_stored_nfc_with_its_lines(desk: Desk, meeting_id: int) -> None:
    text = unicodedata.normalize("NFD", "Dòng một: Tỉnh uỷ Thái Nguyên\r\nDòng hai\x07")
    note = notes.add_note(desk, meeting_id=meeting_id, text=text)
    assert note.text == "Dòng một: Tỉnh uỷ Thái Nguyên\nDòng hai"
    stored = desk.db.execute("SELECT text FROM notes WHERE id = ?", [note.id]).fetchone()[0]
    assert unicodedata.is_normalized("NFC", stored)


def test_notes_of_a_meeting_come_in_time_order(desk: Desk, meeting_id: int) -> None:
    late = notes.add_note(desk, meeting_id=meeting_id, text="Kết luận.", at=AT.replace(hour=16))
    early = notes.add_note(desk, meeting_id=meeting_id, text="Khai mạc.", at=AT.replace(hour=14))
    assert notes.notes_of(desk, meeting_id) == [early, late]


def test_note_speaker_gives_its_site(desk: Desk, meeting_id: int) -> None:
    site = directory.add_site(desk, name="Thái Nguyên")
    person = directory.add_person(desk, full_name="Phạm Hoàng Sơn", site_id=site.id)
    speaker = participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id or 0)
    note = notes.add_note(desk, meeting_id=meeting_id, text="Phát biểu.", speaker_id=speaker.id)
    assert (note.speaker_id, note.site_id) == (speaker.id, site.id)


def test_note_refuses_an_agenda_item_or_speaker_of_another_meeting(
        desk: Desk, meeting_id: int, unchanged, says) -> None:
    other = meetings.create_meeting(desk, title="Cuộc họp khác")
    item = agenda.add_agenda_item(desk, meeting_id=other.id or 0, title="Khai mạc")
    person = directory.add_person(desk, full_name="Phạm Hoàng Sơn")
    speaker = participation.add_attendance(desk, meeting_id=other.id or 0,
                                           person_id=person.id or 0)
    with unchanged(), pytest.raises(ValidationError) as caught:
        notes.add_note(desk, meeting_id=meeting_id, text="Ý kiến.", agenda_item_id=item.id)
    says(caught.value, "Mục chương trình không thuộc cuộc họp này", "another meeting")
    with unchanged(), pytest.raises(ValidationError) as caught:
        notes.add_note(desk, meeting_id=meeting_id, text="Ý kiến.", speaker_id=speaker.id)
    says(caught.value, "Người phát biểu không có", "speaker is not on")
    note = notes.add_note(desk, meeting_id=meeting_id, text="Ý kiến.")
    with unchanged(), pytest.raises(ValidationError):
        notes.update_note(desk, note.id or 0, text="Ý kiến mới.", speaker_id=speaker.id)


def test_note_empty_text_is_refused_and_writes_nothing(desk: Desk, meeting_id: int,
                                                       unchanged, says) -> None:
    with unchanged(), pytest.raises(ValidationError) as caught:
        notes.add_note(desk, meeting_id=meeting_id, text=" \n\t ")
    says(caught.value, "Chưa nhập nội dung ghi chép", "note text is empty")
    note = notes.add_note(desk, meeting_id=meeting_id, text="Ý kiến.")
    with unchanged(), pytest.raises(ValidationError):
        notes.update_note(desk, note.id or 0, text="")


def test_note_failing_half_way_leaves_nothing(desk: Desk, meeting_id: int,
                                              monkeypatch: pytest.MonkeyPatch, unchanged) -> None:
    def broken(text: str) -> list[object]:
        raise RuntimeError("citation reader failed")

    monkeypatch.setattr(notes, "find_citations", broken)
    with unchanged(), pytest.raises(RuntimeError):
        notes.add_note(desk, meeting_id=meeting_id, text=KL50)
    monkeypatch.undo()
    note = notes.add_note(desk, meeting_id=meeting_id, text="Ý kiến.")
    monkeypatch.setattr(notes, "find_citations", broken)
    with unchanged(), pytest.raises(RuntimeError):
        notes.update_note(desk, note.id or 0, text=KL50)


def test_note_citing_a_document_links_it(desk: Desk, meeting_id: int) -> None:
    note = notes.add_note(desk, meeting_id=meeting_id, text=KL50)
    (doc,) = notes.cited_documents(desk, meeting_id)
    assert (doc.reference, doc.doc_type, doc.number, doc.code) == (
        "50-KL/TW", "Kết luận", "50", "KL/TW")
    assert (doc.issued_on, doc.issuer) == (date(2023, 2, 28), "Bộ Chính trị")
    assert doc.display == "Kết luận số 50-KL/TW ngày 28/02/2023"
    assert _citing(desk, note.id or 0) == ["50-KL/TW"]


def test_note_second_citation_reuses_the_document_and_completes_it(desk: Desk,
                                                                   meeting_id: int) -> None:
    first = notes.add_note(desk, meeting_id=meeting_id, text="Bám sát Kết luận số 50-KL/TW.")
    second = notes.add_note(desk, meeting_id=meeting_id, text=KL50)
    assert _doc_refs(desk) == ["50-KL/TW"]
    (doc,) = documents.list_documents(desk)
    assert doc.issued_on == date(2023, 2, 28)  # learnt from the second, fuller citation
    assert _citing(desk, first.id or 0) == _citing(desk, second.id or 0) == ["50-KL/TW"]


def test_note_edit_relinks_its_citations(desk: Desk, meeting_id: int) -> None:
    note = notes.add_note(desk, meeting_id=meeting_id, text=KL50)
    assert note.id is not None
    notes.update_note(desk, note.id, text="Theo Quy định số 96-QĐ/TW ngày 2/2/2023 và "
                                          "Nghị định 30/2020/NĐ-CP.")
    assert _citing(desk, note.id) == ["30/2020/NĐ-CP", "96-QĐ/TW"]
    assert [d.reference for d in notes.cited_documents(desk, meeting_id)] == [
        "96-QĐ/TW", "30/2020/NĐ-CP"]
    # The catalogue keeps the document that is no longer cited.
    assert sorted(_doc_refs(desk)) == ["30/2020/NĐ-CP", "50-KL/TW", "96-QĐ/TW"]
    notes.update_note(desk, note.id, text="Không trích dẫn văn bản nào.")
    assert _citing(desk, note.id) == []
    assert notes.cited_documents(desk, meeting_id) == []


def test_note_edits_refused_once_the_minutes_are_final(desk: Desk, meeting_id: int,
                                                       unchanged, says) -> None:
    note = notes.add_note(desk, meeting_id=meeting_id, text="Ý kiến.")
    task = notes.add_task(desk, meeting_id=meeting_id, description="Báo cáo quý 2")
    make_ready_for_final(desk, meeting_id, Profile.STATE)
    version = minutes_versions.record_version(desk, meeting_id=meeting_id,
                                              profile=Profile.STATE, pdf=b"%PDF-1.4 test")
    assert version.id is not None
    minutes_versions.mark_final(desk, version.id)
    with unchanged(), pytest.raises(ConflictError):
        meetings.update_meeting(desk, meeting_id, title="Sửa tên sau khi chốt")
    with unchanged(), pytest.raises(ConflictError) as caught:
        notes.update_note(desk, note.id or 0, text="Sửa sau khi chốt.")
    says(caught.value, "đã được chốt", "are final")
    with unchanged(), pytest.raises(ConflictError):
        notes.add_note(desk, meeting_id=meeting_id, text="Thêm sau khi chốt.")
    with unchanged(), pytest.raises(ConflictError):
        notes.delete_note(desk, note.id or 0)
    with unchanged(), pytest.raises(ConflictError):
        notes.add_task(desk, meeting_id=meeting_id, description="Thêm")
    with unchanged(), pytest.raises(ConflictError):
        notes.update_task(desk, task.id or 0, description="Sửa sau khi chốt",
                          status=TaskStatus.DONE)
    # a task is followed after the meeting: its status still changes
    assert notes.update_task(desk, task.id or 0, status=TaskStatus.DONE).status is (
        TaskStatus.DONE)
    with unchanged(), pytest.raises(ConflictError):
        meetings.update_meeting(desk, meeting_id, status=MeetingStatus.ENDED)
    minutes_versions.reopen_meeting(desk, meeting_id, reason="Bổ sung ý kiến")
    assert notes.update_note(desk, note.id or 0, text="Sửa sau khi mở lại.").revision == 2
    with pytest.raises(ConflictError):
        meetings.update_meeting(desk, meeting_id, status=MeetingStatus.FINAL)


def test_task_add_update_delete_reorder(desk: Desk, meeting_id: int) -> None:
    owner = directory.add_person(desk, full_name="Dương Xuân Hùng")
    first = notes.add_task(desk, meeting_id=meeting_id, description="Quán triệt Kết luận 50",
                           owner_unit=" Ban Tổ chức các tỉnh ủy ", due_on=date(2023, 6, 30))
    second = notes.add_task(desk, meeting_id=meeting_id, description="Báo cáo quý 2",
                            owner_person_id=owner.id)
    assert first.id is not None and second.id is not None
    assert (first.owner_unit, first.status, first.position, second.position) == (
        "Ban Tổ chức các tỉnh ủy", TaskStatus.ASSIGNED, 1, 2)
    done = notes.update_task(desk, first.id, status="done", due_on=date(2023, 7, 15))
    assert (done.status, done.due_on) == (TaskStatus.DONE, date(2023, 7, 15))
    notes.reorder_tasks(desk, meeting_id, [second.id, first.id])
    assert [t.id for t in notes.tasks_of(desk, meeting_id)] == [second.id, first.id]
    notes.delete_task(desk, second.id)
    assert [t.id for t in notes.tasks_of(desk, meeting_id)] == [first.id]


def test_task_invalid_input_writes_nothing(desk: Desk, meeting_id: int, unchanged) -> None:
    with unchanged(), pytest.raises(ValidationError):
        notes.add_task(desk, meeting_id=meeting_id, description="")
    with unchanged(), pytest.raises(NotFoundError):
        notes.add_task(desk, meeting_id=meeting_id, description="Báo cáo", owner_person_id=9)
    with unchanged(), pytest.raises(NotFoundError):
        notes.update_task(desk, 9, status="done")
