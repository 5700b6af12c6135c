"""The conclusion notice's versions: made final only when the notice says something, by
someone, on a day; the version in force after a reopening."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

import pytest

from meetingdesk.domain.enums import Profile, Role
from meetingdesk.domain.errors import MeetingDeskError, ValidationError
from meetingdesk.domain.notices import NoticeVersion
from meetingdesk.services import directory, meeting_log, meetings, notes, notice_versions, signers
from meetingdesk.store.desk import Desk


def _version(desk: Desk, meeting_id: int, text: bytes = b"%PDF-1.4 thong bao") -> NoticeVersion:
    return notice_versions.record_version(desk, meeting_id=meeting_id, profile=Profile.STATE,
                                          pdf=text)


def test_notice_versions_mark_final_refuses_an_empty_notice_saying_all_it_lacks(
        desk: Desk, meeting_id: int, unchanged: Callable[[], AbstractContextManager[None]],
        says: Callable[[MeetingDeskError, str, str], None]) -> None:
    version = _version(desk, meeting_id)
    with unchanged(), pytest.raises(ValidationError) as caught:
        notice_versions.mark_final(desk, version.id or 0)
    says(caught.value, "Chưa chốt được thông báo kết luận: cuộc họp chưa có ngày (chưa có giờ "
         "bắt đầu); chưa có người ký thay mặt chủ trì; chưa có kết luận, quyết định hay nhiệm "
         "vụ nào.", "The conclusion notice cannot be made final: the meeting has no date")
    assert notice_versions.final_version(desk, meeting_id) is None


def test_notice_versions_mark_final_once_dated_signed_and_concluded(
        desk: Desk, meeting_id: int) -> None:
    meetings.update_meeting(desk, meeting_id, planned_start=datetime(2026, 3, 2, 8, 0))
    chair = directory.add_person(desk, full_name="Mai Văn Chính")
    signers.set_signer(desk, meeting_id=meeting_id, role=Role.CHAIR, person_id=chair.id)
    assert [m.key for m in notice_versions.final_problems(desk, meeting_id)] == [
        "notice_versions.nothing_concluded"]
    notes.add_note(desk, meeting_id=meeting_id, kind="statement", text="Ý kiến, không kết luận")
    assert len(notice_versions.final_problems(desk, meeting_id)) == 1
    notes.add_task(desk, meeting_id=meeting_id, description="Báo cáo kết quả trước 30/3")
    assert notice_versions.final_problems(desk, meeting_id) == []
    version = _version(desk, meeting_id)
    assert notice_versions.mark_final(desk, version.id or 0).final
    assert notice_versions.final_version(desk, meeting_id) == notice_versions.list_versions(
        desk, meeting_id)[0]


def test_notice_versions_log_reads_the_version_made_final(desk: Desk, meeting_id: int) -> None:
    """The log names the version by when it was generated, and keeps the stored line as the
    desks made so far hold it."""
    meetings.update_meeting(desk, meeting_id, planned_start=datetime(2026, 3, 2, 8, 0))
    chair = directory.add_person(desk, full_name="Mai Văn Chính")
    signers.set_signer(desk, meeting_id=meeting_id, role=Role.CHAIR, person_id=chair.id)
    notes.add_note(desk, meeting_id=meeting_id, kind="conclusion", text="Thống nhất.")
    version = _version(desk, meeting_id)
    notice_versions.mark_final(desk, version.id or 0)
    notice_versions.reopen_notice(desk, meeting_id, reason="Đính chính")
    final, reopened = meeting_log.meeting_log(desk, meeting_id)
    assert final.event.detail == f"bản {version.id}, sha256 {version.sha256}"
    assert (final.version_id, final.version_made, final.sha256, final.signed_by) == (
        version.id, version.created_at, version.sha256, None)
    assert (reopened.text, reopened.sha256) == ("Đính chính", None)
