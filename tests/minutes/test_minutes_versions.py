"""Minutes versions: recorded with profile, size and sha256; final freezes the meeting until it
is reopened with a reason; both steps are meeting events."""

from __future__ import annotations

import hashlib

import pytest

from meetingdesk.domain.enums import MeetingStatus, NoteKind, Profile, Role
from meetingdesk.domain.errors import ConflictError, MeetingDeskError, ValidationError
from meetingdesk.minutes.generate import generate_minutes
from meetingdesk.services import (
    headcounts,
    meeting_log,
    meetings,
    minutes_versions,
    notes,
    participation,
    signers,
)
from meetingdesk.store.desk import Desk


@pytest.fixture
def demo_id(demo_desk: Desk) -> int:
    meeting = meetings.list_meetings(demo_desk)[0].meeting
    assert meeting.id is not None
    return meeting.id


def test_minutes_versions_generate_records_each_version(demo_desk: Desk, demo_id: int) -> None:
    first, pdf = generate_minutes(demo_desk, demo_id)
    second, _ = generate_minutes(demo_desk, demo_id, profile=Profile.STATE)
    assert first.profile is Profile.PARTY  # the demo organization's profile
    assert second.profile is Profile.STATE
    assert first.size == len(pdf) and first.sha256 == hashlib.sha256(pdf).hexdigest()
    assert pdf.startswith(b"%PDF-")
    assert [v.id for v in minutes_versions.list_versions(demo_desk, demo_id)] == [first.id,
                                                                                  second.id]
    assert minutes_versions.version_pdf(demo_desk, first.id or 0) == pdf
    assert not first.final


def test_minutes_versions_final_freezes_notes_until_reopened(demo_desk: Desk,
                                                             demo_id: int) -> None:
    version, _ = generate_minutes(demo_desk, demo_id)
    final = minutes_versions.mark_final(demo_desk, version.id or 0)
    assert final.final and final.finalized_at is not None
    assert meetings.get_meeting(demo_desk, demo_id).status is MeetingStatus.FINAL
    note = notes.notes_of(demo_desk, demo_id)[0]
    with pytest.raises(ConflictError):
        notes.update_note(demo_desk, note.id or 0, text="sửa sau khi chốt")
    with pytest.raises(ConflictError):
        notes.add_note(demo_desk, meeting_id=demo_id, text="thêm", kind=NoteKind.REMARK)
    with pytest.raises(ConflictError):
        generate_minutes(demo_desk, demo_id)
    assert minutes_versions.mark_final(demo_desk, version.id or 0) == final  # idempotent

    with pytest.raises(ValidationError):
        minutes_versions.reopen_meeting(demo_desk, demo_id, reason="  ")
    reopened = minutes_versions.reopen_meeting(demo_desk, demo_id,
                                               reason="Bổ sung ý kiến điểm cầu Cao Bằng")
    assert reopened.status is MeetingStatus.ENDED
    notes.update_note(demo_desk, note.id or 0, text=note.text + " (đã bổ sung)")
    kinds = [(e.event.kind, e.event.detail or e.text)
             for e in meeting_log.meeting_log(demo_desk, demo_id)]
    assert kinds[-2][0] == minutes_versions.EVENT_FINAL
    assert kinds[-1] == (minutes_versions.EVENT_REOPENED, "Bổ sung ý kiến điểm cầu Cao Bằng")
    with pytest.raises(ConflictError):
        minutes_versions.reopen_meeting(demo_desk, demo_id, reason="lần nữa")


def test_minutes_versions_final_in_force_none_once_reopened_then_the_new_one(
        demo_desk: Desk, demo_id: int) -> None:
    first, _ = generate_minutes(demo_desk, demo_id)
    minutes_versions.mark_final(demo_desk, first.id or 0)
    assert minutes_versions.final_in_force(demo_desk, demo_id).id == first.id  # type: ignore[union-attr]
    minutes_versions.reopen_meeting(demo_desk, demo_id, reason="Bổ sung")
    assert minutes_versions.final_in_force(demo_desk, demo_id) is None
    note = notes.notes_of(demo_desk, demo_id)[0]
    notes.update_note(demo_desk, note.id or 0, text=note.text + " Bổ sung.")
    second, _ = generate_minutes(demo_desk, demo_id)
    minutes_versions.mark_final(demo_desk, second.id or 0)
    assert [v.final for v in minutes_versions.list_versions(demo_desk, demo_id)] == [True, True]
    assert minutes_versions.final_in_force(demo_desk, demo_id).id == second.id  # type: ignore[union-attr]
    assert minutes_versions.final_version(demo_desk, demo_id).id == second.id


def test_minutes_versions_only_the_latest_can_become_final(demo_desk: Desk,
                                                          demo_id: int) -> None:
    old, _ = generate_minutes(demo_desk, demo_id)
    note = notes.notes_of(demo_desk, demo_id)[0]
    notes.update_note(demo_desk, note.id or 0, text=note.text + " Bổ sung.")
    new, _ = generate_minutes(demo_desk, demo_id)
    assert new.id != old.id
    with pytest.raises(ConflictError):
        minutes_versions.mark_final(demo_desk, old.id or 0)
    minutes_versions.mark_final(demo_desk, new.id or 0)
    with pytest.raises(ConflictError):
        minutes_versions.mark_final(demo_desk, old.id or 0)


def test_minutes_versions_unchanged_minutes_add_no_version(demo_desk: Desk,
                                                           demo_id: int) -> None:
    first, pdf = generate_minutes(demo_desk, demo_id)
    again, again_pdf = generate_minutes(demo_desk, demo_id)
    assert (again.id, again_pdf) == (first.id, pdf)
    state, _ = generate_minutes(demo_desk, demo_id, profile=Profile.STATE)
    party, _ = generate_minutes(demo_desk, demo_id)
    assert party.id == first.id and state.id != first.id
    meetings.update_meeting(demo_desk, demo_id, number=13)
    changed, _ = generate_minutes(demo_desk, demo_id)
    assert changed.id not in (first.id, state.id)
    assert len(minutes_versions.list_versions(demo_desk, demo_id)) == 3


def test_minutes_versions_delete_a_version_but_not_the_final_one(demo_desk: Desk,
                                                                 demo_id: int) -> None:
    state, _ = generate_minutes(demo_desk, demo_id, profile=Profile.STATE)
    party, _ = generate_minutes(demo_desk, demo_id)
    minutes_versions.delete_version(demo_desk, state.id or 0)
    assert [v.id for v in minutes_versions.list_versions(demo_desk, demo_id)] == [party.id]
    minutes_versions.mark_final(demo_desk, party.id or 0)
    with pytest.raises(ConflictError):
        minutes_versions.delete_version(demo_desk, party.id or 0)


def test_minutes_versions_finalising_an_unfinished_meeting_lists_everything(
        demo_desk: Desk, demo_id: int) -> None:
    site = participation.meeting_sites(demo_desk, demo_id)[2]
    headcounts.report_present(demo_desk, site.meeting_site.id or 0, present=None)
    meetings.update_meeting(demo_desk, demo_id, actual_end=None, number=None,
                            status=MeetingStatus.RUNNING)
    signers.set_signer(demo_desk, meeting_id=demo_id, role=Role.SECRETARY, person_id=None)
    signers.set_signer(demo_desk, meeting_id=demo_id, role=Role.CHAIR, person_id=None)
    version, _ = generate_minutes(demo_desk, demo_id, profile=Profile.STATE)
    with pytest.raises(ValidationError) as refused:
        minutes_versions.mark_final(demo_desk, version.id or 0)
    assert str(refused.value) == (
        "Chưa chốt được biên bản: cuộc họp chưa kết thúc (chưa có giờ kết thúc thực tế); "
        "chưa có số biên bản; thể thức Nhà nước (Nghị định 30/2020/NĐ-CP) khác thể thức của "
        "BAN TỔ CHỨC TRUNG ƯƠNG (Đảng (Hướng dẫn 36-HD/VPTW)); chưa có người ký thay mặt chủ "
        "trì; chưa có thư ký ký biên bản; điểm cầu chưa báo cáo số có mặt: Cao Bằng.")
    assert meetings.get_meeting(demo_desk, demo_id).status is MeetingStatus.RUNNING
    assert not minutes_versions.list_versions(demo_desk, demo_id)[-1].final


def test_minutes_versions_final_refuses_site_counts_that_do_not_add_up(
        demo_desk: Desk, demo_id: int) -> None:
    sites = participation.meeting_sites(demo_desk, demo_id)
    cao_bang = next(s for s in sites if s.site.name == "Cao Bằng")
    summoned = cao_bang.meeting_site.summoned
    headcounts.report_present(demo_desk, cao_bang.meeting_site.id or 0, present=summoned + 15)
    version, _ = generate_minutes(demo_desk, demo_id)
    with pytest.raises(ValidationError) as refused:
        minutes_versions.mark_final(demo_desk, version.id or 0)
    assert str(refused.value) == (
        "Chưa chốt được biên bản: số có mặt và vắng mặt vượt số triệu tập ở điểm cầu Cao Bằng "
        f"(triệu tập {summoned}, có mặt {summoned + 15}, vắng 0).")
    headcounts.report_present(demo_desk, cao_bang.meeting_site.id or 0, present=summoned - 2)
    version, _ = generate_minutes(demo_desk, demo_id)
    minutes_versions.mark_final(demo_desk, version.id or 0)
    assert minutes_versions.list_versions(demo_desk, demo_id)[-1].final


def test_minutes_versions_altered_bytes_are_refused(demo_desk: Desk, demo_id: int) -> None:
    version, _ = generate_minutes(demo_desk, demo_id)
    with demo_desk.transaction() as db:
        db.execute("UPDATE minutes_versions SET pdf = ? WHERE id = ?", [b"%PDF-forged",
                                                                         version.id])
    with pytest.raises(MeetingDeskError):
        minutes_versions.version_pdf(demo_desk, version.id or 0)
