"""A meeting full of hostile text: markup, entities, links, a 50,000-character word,
decomposed (NFD) Vietnamese, emoji, control characters, a 300-line note and a single paragraph
longer than a page."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta

from meetingdesk.domain.enums import AttendanceStatus, MeetingStatus, NoteKind, Role, SiteKind
from meetingdesk.domain.records import Meeting
from meetingdesk.services import (
    agenda,
    directory,
    meetings,
    notes,
    organization,
    participation,
    signers,
)
from meetingdesk.store.desk import Desk

NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ Đức")
LONG_WORD = "Đ" + "ư" * 49_999
HOSTILE_NOTES = (
    "<b>",
    "a<b & c>d",
    "&#xFFFFFF;",
    '<img src="/etc/hostname">',
    '<a href="javascript:alert(1)">x</a>',
    "AT&T",
    LONG_WORD,
    unicodedata.normalize(
        "NFD", "Hội nghị thống nhất: Thái Nguyên, Bắc Kạn, Đắk Lắk, Thừa Thiên Huế."),
    "Cảm ơn các đồng chí 👍🏽 🇻🇳 — hoàn thành 100% ✅",
    "Dòng có ký tự điều khiển\x07 và \x1b[31m màu\x00.",
    "\n".join(f"Dòng {i}: <tag{i}> & ý kiến số {i} của điểm cầu." for i in range(1, 301)),
    " ".join(f"câu{i} trong một đoạn dài hơn một trang;" for i in range(1, 301)),
)
START = datetime(2026, 1, 5, 8, 0)


def build_hostile_meeting(desk: Desk) -> Meeting:
    issuer = organization.add_issuer(
        desk, name="UBND <TỈNH> & CO", parent_body='<font color="red">TỈNH</font>',
        place="Thái Nguyên", number_code="BB-VP", recipients=("<script>alert(1)</script>", "AT&T"),
        make_default=True)
    main = directory.add_site(desk, name="Hội trường <A> & B", kind=SiteKind.CENTRAL,
                              code="H1")
    other = directory.add_site(desk, name=unicodedata.normalize("NFD", "Điểm cầu Hoà Bình"),
                               code="H2")
    assert main.id is not None and other.id is not None
    meeting = meetings.create_meeting(
        desk, title='Họp <b>khẩn</b> & "đặc biệt" <a href="javascript:x">y</a>',
        kind="Cuộc họp", actual_start=START, actual_end=START + timedelta(hours=3),
        main_site_id=main.id, status=MeetingStatus.ENDED, number=3, issuer_id=issuer.id)
    mid = meeting.id
    assert mid is not None
    for site in (main, other):
        assert site.id is not None
        participation.add_meeting_site(desk, meeting_id=mid, site_id=site.id, summoned=3)
    people = [
        ("Trần <Văn> & An", ("Chủ tịch <UBND>",), main.id, Role.CHAIR, AttendanceStatus.PRESENT),
        (NFD_NAME, ("Thư ký & <ghi>",), main.id, Role.SECRETARY, AttendanceStatus.PRESENT),
        ("Lê " + "X" * 400, ("T" * 600,), other.id, Role.DELEGATE, AttendanceStatus.ONLINE),
        ("Phạm 😀 Emoji", ("<img src=x>",), other.id, Role.DELEGATE,
         AttendanceStatus.ABSENT_EXCUSED),
    ]
    speakers = []
    for rank, (name, titles, site_id, role, status) in enumerate(people):
        person = directory.add_person(desk, full_name=name, titles=titles, site_id=site_id,
                                      rank=rank)
        assert person.id is not None
        a = participation.add_attendance(desk, meeting_id=mid, person_id=person.id,
                                         site_id=site_id, role=role)
        assert a.id is not None
        participation.update_attendance(desk, a.id, status=status,
                                        reason="<đi công tác> & ốm" if status.is_absent else None)
        speakers.append(a.id)
        if role in (Role.CHAIR, Role.SECRETARY):
            signers.set_signer(desk, meeting_id=mid, role=role, person_id=person.id,
                               title="CHỦ TỊCH <UBND>" if role is Role.CHAIR else None)
    item = agenda.add_agenda_item(desk, meeting_id=mid, title="Mục <1> & " + "Z" * 1_500)
    for i, text in enumerate(HOSTILE_NOTES):
        notes.add_note(desk, meeting_id=mid, agenda_item_id=item.id, text=text,
                       kind=NoteKind.DECISION if i % 4 == 3 else NoteKind.STATEMENT,
                       speaker_id=speakers[i % 3], at=START + timedelta(minutes=i))
    notes.add_task(desk, meeting_id=mid, description="<b>Làm</b> & báo cáo " + "W" * 1_800,
                   owner_unit="<Sở> & Ngành", due_on=START.date())
    return meeting
