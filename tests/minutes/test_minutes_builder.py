"""The builder: numbers, dates and wording of each profile, sections, empty parts."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from conftest import body_text, squeeze
from reportlab.pdfbase import pdfmetrics

from meetingdesk.domain.dates import date_words
from meetingdesk.domain.enums import AttendanceStatus, MeetingStatus, NoteKind, Role
from meetingdesk.minutes.builder import (
    build_minutes,
    clean,
    document_number,
    event_word,
    paragraphs,
)
from meetingdesk.minutes.fonts import REGULAR
from meetingdesk.minutes.profiles import PARTY, STATE
from meetingdesk.minutes.render import render_minutes
from meetingdesk.services import agenda, directory, meetings, notes, participation
from meetingdesk.store.desk import Desk


@pytest.mark.parametrize(("profile", "number", "code", "expected"), [
    (STATE, 12, "BB-VP", "Số: 12/BB-VP"),
    (STATE, 5, "BB/BTCTW", "Số: 05/BB-BTCTW"),
    (PARTY, 12, "BB/BTCTW", "Số 12-BB/BTCTW"),
    (PARTY, 3, "BB-VP", "Số 03-BB/VP"),
    (STATE, None, "BB-VP", "Số: ……/BB-VP"),
])
def test_minutes_builder_document_number(profile: object, number: int | None, code: str,
                                         expected: str) -> None:
    assert document_number(profile, number, code) == expected  # type: ignore[arg-type]


def test_minutes_builder_words() -> None:
    assert date_words(date(2026, 1, 5)) == "05 tháng 01 năm 2026"
    assert event_word("Hội nghị giao ban trực tuyến") == "Hội nghị"
    assert event_word("Cuộc họp Ban Thường vụ") == "Cuộc họp"
    assert clean("a\x00b\tc\u0301") == "ab ć"
    assert paragraphs("  một\n\n hai   ba \n") == ("một", "hai ba")


@pytest.mark.parametrize("profile", [STATE, PARTY])
def test_minutes_builder_demo_document(demo_desk: Desk, profile: object) -> None:
    meeting = meetings.list_meetings(demo_desk)[0].meeting
    doc = build_minutes(demo_desk, meeting.id or 0, profile)  # type: ignore[arg-type]
    opening = " ".join(o.label + o.value for o in doc.opening)
    assert "kết nối trực tuyến đến 6 điểm cầu" in opening
    assert "tổng số 170 đại biểu (triệu tập 177 đại biểu); vắng mặt 7 đại biểu." in opening
    assert "Mai Văn Chính, Ủy viên Trung ương Đảng" in opening
    assert [s.heading for s in doc.sites][:2] == ["Điểm cầu Trụ sở Ban Tổ chức Trung ương, "
                                                  "Hà Nội", "Điểm cầu Thái Nguyên"]
    assert [s.summary for s in doc.sites[1:4]] == [
        "triệu tập 25, có mặt 24 đồng chí (vắng 1: ốm). Tham dự còn có đại diện các ban xây "
        "dựng Đảng, một số sở, ngành của tỉnh.",
        "triệu tập 20, có mặt 18 đồng chí (vắng 2: 01 đồng chí ốm, 01 đồng chí đi công tác).",
        "triệu tập 22, có mặt 22 đồng chí."]
    present = [int(re.search(r"có mặt (\d+) đồng chí", s.summary)[1])  # type: ignore[index]
               for s in doc.sites]
    assert len(present) == 7 and sum(present) == 170
    assert [r.name for r in doc.sites[1].delegates] == ["Phạm Hoàng Sơn", "Dương Xuân Hùng"]
    assert [s.title.split(" ", 1)[1] for s in doc.sections] == [
        "Đánh giá tình hình, kết quả công tác quý 1-2023",
        "Quán triệt, triển khai Kết luận số 50-KL/TW ngày 28/2/2023 của Bộ Chính trị",
        "Triển khai nhiệm vụ trọng tâm quý 2-2023"]
    assert all(s.presenter.startswith("Trình bày: Đồng chí") for s in doc.sections)
    assert not any("Tham dự tại điểm cầu" in p for s in doc.sections for n in s.notes
                   for p in n.paragraphs)
    assert doc.document_lines[0] == (
        "Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị về lấy phiếu tín nhiệm đối với "
        "chức danh, chức vụ lãnh đạo, quản lý trong hệ thống chính trị")
    secretary, chair = doc.signers
    assert secretary is not None and chair is not None
    assert chair.role[1:] == ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC",)
    assert (chair.name, secretary.name) == ("Mai Văn Chính", "Nguyễn Thị Thu Hà")
    assert doc.header.agency == "BAN TỔ CHỨC TRUNG ƯƠNG"
    (conclusion,) = doc.chair_conclusions
    assert conclusion.lead.startswith("Đồng chí Mai Văn Chính") and not conclusion.set_apart
    assert [t.due for t in doc.task_rows] == ["30/6/2023", "30/6/2023"]
    assert doc.closing.endswith("16 giờ 20 phút, ngày 03 tháng 4 năm 2023./.")
    assert doc.recipients[-1] == "- Lưu: VT, Hồ sơ."
    assert doc.appendix is not None and len(doc.appendix.rows) == 7
    assert "15:12 Mất kết nối (Mất tín hiệu hình ảnh)" in doc.appendix.rows[2].log
    if profile is PARTY:
        assert doc.attendance_heading == "1. Thành phần hội nghị"
        assert doc.body_heading == "2. Diễn biến hội nghị"
        assert doc.sections[0].title.startswith("2.1 ")
        assert doc.header.place_date == "Hà Nội, ngày 03 tháng 4 năm 2023"
    else:
        assert doc.sections[0].title.startswith("1. ")
        assert doc.header.place_date == ""


def test_minutes_builder_bare_meeting_leaves_empty_parts_out(desk: Desk) -> None:
    meeting = meetings.create_meeting(desk, title="Họp giao ban tuần", kind="Cuộc họp",
                                      status=MeetingStatus.ENDED)
    doc = build_minutes(desk, meeting.id or 0, STATE)
    assert doc.sites == () and doc.sections == () and doc.task_rows == ()
    assert doc.conclusions_heading == doc.tasks_heading == doc.documents_heading == ""
    assert doc.appendix is None
    assert doc.closing == "Cuộc họp kết thúc vào …… giờ …… phút, ngày …… tháng …… năm ……./."
    assert render_minutes(doc, STATE).startswith(b"%PDF")


def test_minutes_builder_absent_with_reason_and_guests_apart(desk: Desk) -> None:
    site = directory.add_site(desk, name="Thái Nguyên", code="TN")
    meeting = meetings.create_meeting(desk, title="Họp", actual_start=datetime(2026, 1, 5, 8))
    mid, sid = meeting.id or 0, site.id or 0
    participation.add_meeting_site(desk, meeting_id=mid, site_id=sid, summoned=3)
    for name, role, status, reason in (
            ("Lê Văn An", Role.DELEGATE, AttendanceStatus.ABSENT_EXCUSED, "Đi công tác"),
            ("Trần Thị Bình", Role.GUEST, AttendanceStatus.PRESENT, None),
            ("Hà Văn Cường", Role.DELEGATE, AttendanceStatus.ONLINE, None)):
        person = directory.add_person(desk, full_name=name, titles=("Chuyên viên",),
                                      site_id=sid)
        a = participation.add_attendance(desk, meeting_id=mid, person_id=person.id or 0,
                                         role=role)
        participation.update_attendance(desk, a.id or 0, status=status, reason=reason)
    party = build_minutes(desk, mid, PARTY)
    assert party.attendance_lines == ("1.1 Đại biểu chính thức: có mặt 1 đồng chí; vắng mặt "
                                      "1 đồng chí.",)
    assert party.guests_heading == "1.2 Đại biểu mời dự"
    assert [r.name for r in party.guest_rows] == ["Trần Thị Bình"]
    assert party.sites[0].absent == ("Đồng chí Lê Văn An, Chuyên viên (Đi công tác)",)
    state = build_minutes(desk, mid, STATE)
    assert state.guest_rows == ()
    assert [r.name for r in state.sites[0].delegates] == ["Trần Thị Bình", "Hà Văn Cường"]


def test_minutes_builder_presenter_and_notes_outside_items(desk: Desk) -> None:
    person = directory.add_person(desk, full_name="Vũ Văn Bình", titles=("Vụ trưởng",))
    meeting = meetings.create_meeting(desk, title="Họp", actual_start=datetime(2026, 1, 5, 8))
    mid = meeting.id or 0
    participation.add_attendance(desk, meeting_id=mid, person_id=person.id or 0,
                                 role=Role.PRESENTER)
    item = agenda.add_agenda_item(desk, meeting_id=mid, title="Báo cáo quý",
                                  presenter_id=person.id)
    for minute, item_id, text in ((0, None, "Khai mạc."), (10, item.id, "Báo cáo."),
                                  (50, None, "Ý kiến cuối.")):
        notes.add_note(desk, meeting_id=mid, agenda_item_id=item_id, text=text,
                       kind=NoteKind.REMARK, at=datetime(2026, 1, 5, 8, minute))
    sections = build_minutes(desk, mid, STATE).sections
    assert [(s.title, [n.paragraphs for n in s.notes]) for s in sections] == [
        ("", [("Khai mạc.",)]), ("1. Báo cáo quý", [("Báo cáo.",)]),
        ("2. Các ý kiến khác", [("Ý kiến cuối.",)])]
    assert sections[1].presenter == "Trình bày: Đồng chí Vũ Văn Bình, Vụ trưởng."


def test_minutes_builder_characters_the_fonts_lack_are_drawn_as_a_square_and_kept_as_text(
        desk: Desk) -> None:
    meeting = meetings.create_meeting(desk, title="Họp", actual_start=datetime(2026, 1, 5, 8))
    notes.add_note(desk, meeting_id=meeting.id or 0, text="Hoàn thành 👍 ✅ đúng hạn.",
                   kind=NoteKind.REMARK, at=datetime(2026, 1, 5, 8, 5))
    pdf = render_minutes(build_minutes(desk, meeting.id or 0, STATE), STATE)
    assert squeeze("Hoàn thành 👍 ✅ đúng hạn.") in squeeze(body_text(pdf))
    face = pdfmetrics.getFont(REGULAR).face
    assert face.charToGlyph[ord("👍")] == face.charToGlyph[0x25A1]  # □


def test_minutes_builder_drops_bom_and_bidi_controls_stored_before(desk: Desk) -> None:
    meeting = meetings.create_meeting(desk, title="Họp", actual_start=datetime(2026, 1, 5, 8))
    note = notes.add_note(desk, meeting_id=meeting.id or 0, text="Ý kiến",
                          kind=NoteKind.REMARK, at=datetime(2026, 1, 5, 8, 5))
    with desk.transaction() as db:  # as an older version could have stored it
        db.execute("UPDATE notes SET text = ? WHERE id = ?",
                   ["\ufeffÝ kiến \u202eđảo chiều\u202c \u2067cô lập\u2069", note.id])
    doc = build_minutes(desk, meeting.id or 0, STATE)
    assert doc.sections[0].notes[0].paragraphs == ("Ý kiến đảo chiều cô lập",)
