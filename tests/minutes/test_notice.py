"""The conclusion notice: both profiles, the issuer's numbering (TB), its subject, opening,
conclusions, tasks, signer and recipients; PDF and DOCX; versions and final."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import PROFILES, body_text, squeeze

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.errors import ConflictError
from meetingdesk.exchange.docx_minutes import render_minutes_docx
from meetingdesk.minutes.notice import build_notice
from meetingdesk.minutes.notice_generate import generate_notice, notice_pdf
from meetingdesk.minutes.profiles import profile_for
from meetingdesk.services import meetings, notes, notice_versions
from meetingdesk.store.desk import Desk

NUMBERS = {Profile.STATE: "Số: ……/TB-BTCTW", Profile.PARTY: "Số ……-TB/BTCTW"}
SUBJECT = ("Kết luận của đồng chí Mai Văn Chính, Ủy viên Trung ương Đảng, Phó Trưởng Ban "
           "Thường trực Ban Tổ chức Trung ương tại Hội nghị giao ban trực tuyến")


def _demo_id(desk: Desk) -> int:
    (summary,) = meetings.list_meetings(desk)
    assert summary.meeting.id is not None
    return summary.meeting.id


@pytest.mark.parametrize("profile", PROFILES)
def test_notice_document_in_each_profile(demo_desk: Desk, profile: Profile) -> None:
    mid = _demo_id(demo_desk)
    doc = build_notice(demo_desk, mid, profile_for(profile), issued_on=date(2023, 4, 7))
    assert doc.header.number == NUMBERS[profile]
    assert doc.header.place_date == "Hà Nội, ngày 07 tháng 4 năm 2023"
    assert (doc.doc_type, doc.title[:len(SUBJECT)]) == ("THÔNG BÁO", SUBJECT)
    (section,) = doc.sections
    opening, *conclusions = section.notes
    assert opening.paragraphs[0].startswith(
        "Ngày 03 tháng 4 năm 2023, Ban Tổ chức Trung ương tổ chức Hội nghị giao ban")
    assert "kết nối trực tuyến đến 6 điểm cầu" in opening.paragraphs[0]
    assert opening.paragraphs[1].endswith("kết luận như sau:")
    assert [c.paragraphs[0][:40] for c in conclusions] == [
        "1. Ngành Tổ chức sẽ tiếp tục bám sát Kết"]
    assert doc.tasks_heading == "2. Phân công thực hiện"
    assert [(t.who, t.due) for t in doc.task_rows] == [
        ("Ban Tổ chức các tỉnh ủy, thành ủy", "30/6/2023"),
        ("Ngành Tổ chức xây dựng Đảng", "30/6/2023")]
    left, right = doc.signers
    assert left is None and right is not None and right.name == "Mai Văn Chính"
    assert right.role == ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC",)
    assert doc.recipients[-1] == "- Lưu: VT."
    assert doc.appendix is None and doc.sites == ()
    pdf = notice_pdf(demo_desk, mid, profile=profile, issued_on=date(2023, 4, 7))
    text = squeeze(body_text(pdf))
    for expected in ("THÔNG BÁO", NUMBERS[profile], SUBJECT, "Phân công thực hiện",
                     "Ban Tổ chức Trung ương thông báo để các cơ quan, đơn vị biết, thực hiện./.",
                     "Nơi nhận", "Mai Văn Chính"):
        assert squeeze(expected) in text, expected
    out = docx.Document(io.BytesIO(render_minutes_docx(doc, profile_for(profile))))
    paragraphs = "\n".join(p.text for p in out.paragraphs)
    assert "THÔNG BÁO" in paragraphs and SUBJECT in " ".join(paragraphs.split())
    cells = "\n".join(c.text for t in out.tables for row in t.rows for c in row.cells)
    assert "Ngành Tổ chức xây dựng Đảng" in cells and NUMBERS[profile] in cells


def test_notice_without_a_date_leaves_it_for_the_hand(demo_desk: Desk) -> None:
    doc = build_notice(demo_desk, _demo_id(demo_desk))
    assert doc.header.place_date == "Hà Nội, ngày …… tháng …… năm ……"


def test_notice_of_hostile_text_is_escaped(demo_desk: Desk) -> None:
    mid = _demo_id(demo_desk)
    notes.add_note(demo_desk, meeting_id=mid, kind="conclusion",
                   text="Kết luận <b>đậm</b> & “lạ”")
    text = squeeze(body_text(notice_pdf(demo_desk, mid)))
    assert squeeze("2. Kết luận <b>đậm</b> & “lạ”") in text


def test_notice_versions_final_and_reopen(demo_desk: Desk) -> None:
    mid = _demo_id(demo_desk)
    first, pdf = generate_notice(demo_desk, mid, profile=Profile.STATE)
    assert notice_versions.version_pdf(demo_desk, first.id or 0) == pdf
    second, _ = generate_notice(demo_desk, mid, profile=Profile.PARTY)
    with pytest.raises(ConflictError):
        notice_versions.mark_final(demo_desk, first.id or 0)
    final = notice_versions.mark_final(demo_desk, second.id or 0)
    assert final.final and notice_versions.final_version(demo_desk, mid) == final
    assert notice_versions.mark_final(demo_desk, second.id or 0).id == second.id
    with pytest.raises(ConflictError):
        generate_notice(demo_desk, mid)
    assert len(notice_versions.list_versions(demo_desk, mid)) == 2
    # a final notice does not freeze the meeting: its tasks are still followed
    assert meetings.get_meeting(demo_desk, mid).status.value == "ended"
    notice_versions.reopen_notice(demo_desk, mid, reason="Đính chính thời hạn")
    assert notice_versions.final_version(demo_desk, mid) is None
    third, _ = generate_notice(demo_desk, mid)
    assert [v.id for v in notice_versions.list_versions(demo_desk, mid)] == [
        first.id, second.id, third.id]
    with pytest.raises(ConflictError):
        notice_versions.reopen_notice(demo_desk, mid, reason="Lần nữa")


def test_notice_that_cannot_be_written_records_no_version(demo_desk: Desk,
                                                          tmp_path: Path) -> None:
    from meetingdesk.domain.errors import MeetingDeskError
    from meetingdesk.notice_files import write_notice
    from meetingdesk.services import notice_versions

    mid = _demo_id(demo_desk)
    with pytest.raises(MeetingDeskError):
        write_notice(demo_desk, mid, tmp_path / "no such folder" / "tb.pdf")
    assert notice_versions.list_versions(demo_desk, mid) == []
    line = write_notice(demo_desk, mid, tmp_path / "tb.pdf")
    assert "bản mới" in line and len(notice_versions.list_versions(demo_desk, mid)) == 1
