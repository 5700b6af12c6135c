"""The note being typed: saved continuously, found again after a restart, filed once."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from meetingdesk.domain.enums import NoteKind, Profile
from meetingdesk.domain.errors import ConflictError
from meetingdesk.services import meetings, minutes_versions, notes
from meetingdesk.services.drafts import discard_draft, file_draft, get_draft, save_draft
from meetingdesk.store.desk import Desk, open_desk
from tests.final_ready import make_ready_for_final

T0 = datetime(2026, 3, 2, 8, 0, 0)


def _meeting(desk: Desk) -> int:
    m = meetings.create_meeting(desk, title="Giao ban")
    assert m.id is not None
    return m.id


def test_drafts_survive_reopening_the_desk(desk: Desk, desk_path: Path) -> None:
    mid = _meeting(desk)
    save_draft(desk, meeting_id=mid, text="Đồng chí", now=T0)
    save_draft(desk, meeting_id=mid, text="Đồng chí Sơn phát biểu", now=T0.replace(second=5))
    desk.close()
    with open_desk(desk_path) as again:
        draft = get_draft(again, mid)
        assert draft is not None
        assert draft.text == "Đồng chí Sơn phát biểu"
        assert draft.started_at == T0 and draft.saved_at == T0.replace(second=5)


def test_drafts_filing_makes_one_note_at_start_time_and_clears_draft(desk: Desk) -> None:
    mid = _meeting(desk)
    draft = save_draft(desk, meeting_id=mid, kind=NoteKind.CONCLUSION, now=T0,
                       text=unicodedata.normalize("NFD", "Kết luận của đồng chí chủ trì"))
    note = file_draft(desk, draft)
    assert note.text == "Kết luận của đồng chí chủ trì" and note.at == T0
    assert note.kind is NoteKind.CONCLUSION
    assert get_draft(desk, mid) is None
    assert [n.id for n in notes.notes_of(desk, mid)] == [note.id]


def test_drafts_editing_a_filed_note_updates_it(desk: Desk) -> None:
    mid = _meeting(desk)
    note = notes.add_note(desk, meeting_id=mid, text="Bản đầu", at=T0)
    draft = save_draft(desk, meeting_id=mid, text="Bản sửa", now=T0, note_id=note.id)
    edited = file_draft(desk, draft)
    assert edited.id == note.id and edited.text == "Bản sửa" and edited.revision == 2
    assert len(notes.notes_of(desk, mid)) == 1


def test_drafts_empty_text_removes_the_draft(desk: Desk) -> None:
    mid = _meeting(desk)
    save_draft(desk, meeting_id=mid, text="Đồng chí", now=T0)
    save_draft(desk, meeting_id=mid, text="   ", now=T0)
    assert get_draft(desk, mid) is None
    save_draft(desk, meeting_id=mid, text="x", now=T0)
    discard_draft(desk, mid)
    assert get_draft(desk, mid) is None


def test_drafts_refused_when_minutes_are_final(desk: Desk) -> None:
    mid = _meeting(desk)
    make_ready_for_final(desk, mid, Profile.PARTY)
    version = minutes_versions.record_version(desk, meeting_id=mid, profile=Profile.PARTY,
                                              pdf=b"%PDF-1.4 test")
    assert version.id is not None
    minutes_versions.mark_final(desk, version.id)
    with pytest.raises(ConflictError):
        save_draft(desk, meeting_id=mid, text="Đồng chí", now=T0)


def test_drafts_task_note_creates_linked_task(desk: Desk) -> None:
    from datetime import date

    from meetingdesk.services.drafts import TaskFields

    mid = _meeting(desk)
    draft = save_draft(desk, meeting_id=mid, kind=NoteKind.TASK, now=T0,
                       text="Rà soát quy hoạch cán bộ\nBáo cáo trước 30/6")
    note = file_draft(desk, draft, TaskFields(owner_unit="Ban Tổ chức Tỉnh ủy",
                                              due_on=date(2026, 6, 30)))
    [task] = notes.tasks_of(desk, mid)
    assert task.note_id == note.id and task.description == "Rà soát quy hoạch cán bộ"
    assert task.owner_unit == "Ban Tổ chức Tỉnh ủy" and task.due_on == date(2026, 6, 30)


def test_drafts_survive_a_speaker_removed_meanwhile(desk: Desk) -> None:
    from meetingdesk.services import directory, participation

    mid = _meeting(desk)
    person = directory.add_person(desk, full_name="Dương Xuân Hùng")
    assert person.id is not None
    attendance = participation.add_attendance(desk, meeting_id=mid, person_id=person.id)
    assert attendance.id is not None
    save_draft(desk, meeting_id=mid, text="Đồng chí Hùng", now=T0, speaker_id=attendance.id)
    participation.remove_attendance(desk, attendance.id)
    draft = save_draft(desk, meeting_id=mid, text="Đồng chí Hùng phát biểu", now=T0,
                       speaker_id=attendance.id)
    assert draft.speaker_id is None and draft.text == "Đồng chí Hùng phát biểu"
    assert file_draft(desk, draft).speaker_id is None
